"""safetykg's Streamlit app: presentation only. It reads through the query catalogue
(`queries/`) and writes (uploads) through `graph_loader.build`; pages live in `app_pages/`.

Run: `SAFETYKG_WORKSPACE=.safetykg streamlit run app.py`.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `streamlit run` from anywhere

from app_pages import PAGES, run_log  # noqa: E402
from app_pages.i18n import LANG_NAMES, LANGS, t  # noqa: E402
from app_pages.navigation import apply_pending, on_page_change  # noqa: E402
from app_pages.store_access import STORE_KINDS, store_kind, workspace  # noqa: E402

run_started = run_log.start()  # the server's own time per run (SAFETYKG_RUN_LOG, for load benchmarks)
st.set_page_config(page_title="safetykg", page_icon="🦺", layout="wide")

apply_pending()
if "lang" not in st.session_state:
    st.session_state["lang"] = st.query_params.get("lang", "zh") if st.query_params.get("lang") in LANGS else "zh"
if "store_kind" not in st.session_state:
    st.session_state["store_kind"] = store_kind()

with st.sidebar:
    st.radio(t("language"), LANGS, format_func=LANG_NAMES.get, key="lang", horizontal=True)
    st.title(t("app_title"))
    st.radio(t("navigate"), PAGES, format_func=lambda p: t(f"page_{p}"), key="page", on_change=on_page_change)
    st.divider()
    st.radio(t("store"), STORE_KINDS, format_func=lambda k: t(f"store_{k}"), key="store_kind")
    st.caption(f"{t('workspace')}: `{workspace()}`")

page = st.session_state["page"]
st.header(t(f"page_{page}"))
try:
    importlib.import_module(f"app_pages.{page}").render()
except BaseException as e:  # a rerun or stop ends the run early: logged as such, then let through
    run_log.record(page, run_started, type(e).__name__)
    raise
run_log.record(page, run_started)
