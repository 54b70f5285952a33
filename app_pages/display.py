"""Small rendering pieces several pages share: safe markdown text, level/role names, picker labels."""

from __future__ import annotations

import re
from typing import Any

from app_pages.i18n import level_label, role_label, t

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: Any) -> str:
    """Data shown inside markdown: every markdown/HTML special character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def ref_name(r: dict[str, Any] | None) -> str:
    return "" if not r else str(r.get("name") or r.get("id"))


def date_text(value: Any) -> str:
    """A meeting's date as shown: the date as reported (a year or month may be missing), or
    日期不详 / date unknown when the article gives none, never an empty cell or None."""
    return str(value) if value else t("date_unknown")


def meeting_caption(m: dict[str, Any]) -> str:
    """`2017-07-31 · 省级 · 湖北省 · name` for pickers."""
    parts = [date_text(m.get("date")), level_label(m.get("level")), m.get("region") or "",
             ref_name(m.get("meeting") or m)]
    return " · ".join(p for p in parts if p)


__all__ = ["date_text", "level_label", "md", "meeting_caption", "ref_name", "role_label"]


def picker(label: str, options: list[str], key: str, wanted: str | None = None,
           format_func: Any = str) -> str | None:
    """A selectbox whose value a deep link (`wanted`) can set, without Streamlit's default-vs-state warning."""
    import streamlit as st

    if wanted in options and key not in st.session_state:
        st.session_state[key] = wanted
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    if not options:
        return None
    return st.selectbox(label, options, key=key, format_func=format_func)
