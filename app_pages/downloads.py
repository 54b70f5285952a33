"""Downloads: the current graph as GraphML or Turtle, through the same exporter as `safetykg export`."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_pages.i18n import t
from app_pages.store_access import store_token, workspace

FORMATS = {"graphml": ("download_graphml", "graph.graphml", "application/graphml+xml"),
           "ttl": ("download_turtle", "graph.ttl", "text/turtle")}


@st.cache_data(max_entries=4, show_spinner=False)
def export_bytes(ws: str, fmt: str, token: str) -> bytes:
    """Run the exporter into a temp file (cached per workspace state; `token` changes on rebuild)."""
    from graph_loader.graph.export import NothingToExport, export_workspace

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"graph.{fmt}"
        try:
            export_workspace(Path(ws), fmt, out)
        except NothingToExport as e:
            raise RuntimeError(str(e).replace(ws, "<workspace>")) from None
        if not out.exists():
            raise RuntimeError(f"the {fmt} export wrote no file")
        return out.read_bytes()


def render() -> None:
    st.info(t("tables_hint"))
    ws = workspace()
    for fmt, (label, filename, mime) in FORMATS.items():
        st.subheader(t(label))
        if st.button(t("prepare_export") + f" ({fmt})", key=f"prep_{fmt}"):
            st.session_state[f"export_{fmt}"] = True
        if st.session_state.get(f"export_{fmt}"):
            try:
                data = export_bytes(str(ws), fmt, store_token(ws))
            except Exception as e:  # noqa: BLE001
                st.error(t("export_failed", error=str(e).splitlines()[0] if str(e) else type(e).__name__))
                continue
            st.download_button(t(label), data, file_name=filename, mime=mime, key=f"dl_{fmt}")
            st.caption(f"{len(data):,} bytes")
