"""The app's only door to the graph: the chosen store and the query catalogue, with user-facing errors.

Pages call `query(name, **params)` and get a plain dict (the result model dumped
to JSON types) or None after an error message was shown. The embedded store is
cached per workspace and keyed by the pickle's size and mtime so a rebuild (CLI or
upload) is picked up; it opens lazily, so the overview (served from the store's cached
summary) shows before a large graph is loaded. A Neo4j connection that failed is dropped
from the cache so the app works again when the server is back, without a restart.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages.i18n import t

STORE_KINDS = ("embedded", "neo4j")


def workspace() -> Path:
    from graph_loader.config import workspace_dir

    return workspace_dir()


def store_kind() -> str:
    """The sidebar choice; Neo4j by default only when NEO4J_URI is set."""
    kind = st.session_state.get("store_kind")
    if kind in STORE_KINDS:
        return kind
    return "neo4j" if os.environ.get("NEO4J_URI") else "embedded"


def store_token(ws: Path) -> str:
    """Changes whenever a build rewrote the embedded store: the pickle's size and mtime only (the
    summary and warnings caches written beside it on first use must not drop a loaded store)."""
    from graph_loader.stores.embedded import STORE_FILE

    try:
        st_ = (ws / STORE_FILE).stat()
    except OSError:
        return "none"
    return f"{st_.st_size}:{st_.st_mtime_ns}"


@st.cache_resource(max_entries=2, show_spinner=False)
def _embedded_store(ws: str, token: str) -> Any:
    from graph_loader.stores import open_store

    return open_store("embedded", Path(ws))


@st.cache_resource(max_entries=2, show_spinner=False)
def _neo4j_store(ws: str, uri: str | None) -> Any:
    from graph_loader.config import neo4j_settings
    from graph_loader.stores import open_store

    return open_store("neo4j", Path(ws), neo4j_settings(workspace=Path(ws)))


def _neo4j_uri(ws: Path) -> str | None:
    from graph_loader.config import neo4j_settings

    return neo4j_settings(workspace=ws).uri


def get_store() -> Any | None:
    """The current store, or None after showing why it is not available."""
    ws = workspace()
    try:
        if store_kind() == "neo4j":
            return _neo4j_store(str(ws), _neo4j_uri(ws))
        return _embedded_store(str(ws), store_token(ws))
    except Exception as e:  # noqa: BLE001 - any failure to open is shown, never a traceback
        forget_neo4j()
        st.error(t("store_unreachable", error=_message(e)))
        return None


def forget_neo4j() -> None:
    """Drop a cached Neo4j connection (after an error) so the next run reconnects."""
    _neo4j_store.clear()


def _message(e: BaseException) -> str:
    text = str(e).strip() or type(e).__name__
    return text.splitlines()[0][:300]


def is_unavailable(e: BaseException) -> bool:
    """Store down or refusing us: the stores raise StoreUnavailable for that (the Neo4j store also when
    the server goes away mid-query), so no driver class is needed here."""
    from graph_loader.stores.errors import StoreUnavailable

    return isinstance(e, StoreUnavailable | ConnectionError)


def query(name: str, **params: Any) -> dict[str, Any] | None:
    """Run catalogue query `name` with `params` (user input goes only here, as data)."""
    store = get_store()
    if store is None:
        return None
    from queries.registry import run_query

    clean = {k: v for k, v in params.items() if v not in (None, "", [])}
    try:
        result = run_query(store, name, clean)
    except Exception as e:  # noqa: BLE001 - shown as a message, not a traceback
        if is_unavailable(e):
            forget_neo4j()
            st.error(t("store_unreachable", error=_message(e)))
        else:
            st.warning(t("query_failed", name=name, error=_message(e)))
        return None
    return result.model_dump(mode="json") if hasattr(result, "model_dump") else result


def ref_label(r: dict[str, Any] | None) -> str:
    """How a Ref reads in a picker or table: its name, else its id."""
    return "" if not r else str(r.get("name") or r.get("id"))
