"""Which page is open, kept in the URL (`?page=meetings&meeting=<id>`) so every view has a link."""

from __future__ import annotations

import streamlit as st

from app_pages import PAGES

GOTO = "_goto"
# deep-link parameter -> the picker widget that shows it (reset so the parameter wins)
PARAM_WIDGETS = {"meeting": "mt_meeting", "person": "pp_person", "doc": "sources_doc", "target": "prop_target",
                 "region": "ch_region"}


def go(page: str, **params: str) -> None:
    """Open `page` with `params` (e.g. a meeting id) on the next run."""
    st.session_state[GOTO] = (page, {k: str(v) for k, v in params.items() if v is not None})
    for k in params:
        st.session_state.pop(PARAM_WIDGETS.get(k, ""), None)
    st.rerun()


def new_pick(key: str, value: object) -> bool:
    """True the first time a table row click (`value`) is seen: a kept selection does not re-fire."""
    last = f"_last_pick_{key}"
    if value is None or st.session_state.get(last) == value:
        st.session_state[last] = value
        return False
    st.session_state[last] = value
    return True


def apply_pending() -> None:
    """Before the sidebar is drawn: move a pending go() or the URL's page into session state."""
    pending = st.session_state.pop(GOTO, None)
    if pending:
        page, params = pending
        st.session_state["page"] = page
        st.query_params.clear()
        st.query_params.update({"page": page, **params})
        for k, v in params.items():
            st.session_state[f"param_{k}"] = v
        return
    if "page" not in st.session_state:
        page = st.query_params.get("page", PAGES[0])
        st.session_state["page"] = page if page in PAGES else PAGES[0]


def param(name: str) -> str | None:
    """A deep-link parameter (`?meeting=...`), from the URL or a go() call."""
    return st.session_state.get(f"param_{name}") or st.query_params.get(name)


def on_page_change() -> None:
    st.query_params.clear()
    st.query_params["page"] = st.session_state["page"]
    for k in [k for k in st.session_state if str(k).startswith("param_")]:
        del st.session_state[k]
