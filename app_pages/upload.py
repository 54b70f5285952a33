"""Upload: articles from the browser are saved under <workspace>/uploads/ (sanitised names,
allowed types and limits only), then ingested, extracted and added to the store by the build."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import streamlit as st

from app_pages.i18n import t
from app_pages.store_access import store_kind, workspace
from app_pages.tables import show_table
from app_pages.upload_rules import ALLOWED_SUFFIXES, MAX_BYTES, MAX_FILES, check_uploads, upload_path


def render() -> None:
    st.caption(t("upload_limits", count=MAX_FILES, size=MAX_BYTES // 1024, types=" ".join(ALLOWED_SUFFIXES)))
    # no `type=` here: Streamlit would raise on a disallowed name before this page runs; check_uploads
    # refuses it with a message instead
    files = st.file_uploader(t("upload_files"), accept_multiple_files=True, key="upload_files")
    if not st.button(t("upload_build"), key="upload_go", disabled=not files, type="primary"):
        if "upload_report" in st.session_state:
            _show_report(st.session_state["upload_report"])
        return
    checks = check_uploads([(f.name, f.size) for f in files])
    uploads = workspace() / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for f, c in zip(files, checks, strict=True):
        if not c.ok:
            st.warning(t("upload_rejected", name=c.name, reason=t(c.reason)))
            continue
        target = upload_path(uploads, c.safe_name)
        target.write_bytes(f.getvalue())
        saved.append(target)
    if not saved:
        return
    _build(saved)


def _build(paths: list[Path]) -> None:
    from graph_loader.build import build_paths

    bar = st.progress(0.0, text=t("upload_progress", message="…"))

    def progress(done: int, total: int, message: str) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=t("upload_progress", message=message))

    try:
        report = build_paths(paths, workspace(), store_kind(), progress=progress)
    except Exception as e:  # noqa: BLE001 - a refused store or a failed build is a message, not a traceback
        st.error(t("store_unreachable", error=str(e).splitlines()[0] if str(e) else type(e).__name__))
        return
    bar.progress(1.0, text=t("upload_done", summary=report.summary()))
    rows = [{**asdict(f), "path": Path(f.path).name} for f in report.files]
    st.session_state["upload_report"] = {"summary": report.summary(), "rows": rows}
    _show_report(st.session_state["upload_report"])


def _show_report(rep: dict) -> None:
    st.success(t("upload_done", summary=rep["summary"]))
    st.markdown(f"**{t('upload_report')}**")
    show_table(rep["rows"], key="upload_report")
