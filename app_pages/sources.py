"""Sources: the article as the user saved it, facts highlighted through the offset map, and the fact list."""

from __future__ import annotations

import streamlit as st

from app_pages.article_view import Span, highlight_html
from app_pages.display import picker
from app_pages.i18n import t
from app_pages.navigation import param
from app_pages.store_access import workspace
from app_pages.tables import show_table
from app_pages.workspace_files import doc_ids, facts, load_doc, load_record


def render() -> None:
    ws = workspace()
    ids = doc_ids(ws)
    if not ids:
        st.info(t("store_missing"))
        return
    wanted = param("doc")
    doc_id = picker(t("pick_article"), ids, "sources_doc", wanted)
    doc = load_doc(ws, doc_id)
    if doc is None:
        st.warning(t("no_document"))
        return
    meta = doc.get("metadata") or {}
    st.subheader(meta.get("title") or doc_id)
    st.caption(" · ".join(str(x) for x in (meta.get("published"), meta.get("source"), doc.get("path"),
                                          doc.get("encoding")) if x))
    for w in doc.get("warnings") or []:
        st.warning(f"{w.get('code')}: {w.get('message')}")
    record = load_record(ws, doc_id) or {}
    fs = facts(record)
    spans = [Span(f.orig_start, f.orig_end, f"{f.kind}: {f.name} [{f.rule}]") for f in fs]
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('article_as_saved')}**")
        # the only unsafe_allow_html of article text: highlight_html escapes every character of it
        st.markdown(highlight_html(doc.get("original", ""), spans), unsafe_allow_html=True)
    with right:
        st.markdown(f"**{t('facts')}**")
        show_table([{t("fact_kind"): f.kind, t("fact"): f.name, t("rule"): f.rule, t("evidence"): f.text,
                     "orig": f"{f.orig_start}–{f.orig_end}"} for f in fs], key=f"facts_{doc_id}", height=600)
