"""Query console: read-only Cypher on Neo4j (writes refused, timeout and row cap by the store);
on the embedded store it explains that it needs Neo4j."""

from __future__ import annotations

import streamlit as st

from app_pages.i18n import t
from app_pages.store_access import forget_neo4j, get_store, is_unavailable, store_kind
from app_pages.tables import show_table

EXAMPLE = ("MATCH (p:Person)-[r:PARTICIPATED]->(m:Meeting)\n"
           "RETURN p.name AS person, r.role AS role, m.date AS date, m.region AS region\n"
           "ORDER BY date DESC LIMIT 50")


def render() -> None:
    if store_kind() != "neo4j":
        st.info(t("console_needs_neo4j"))
        st.code(EXAMPLE, language="cypher")
        return
    cypher = st.text_area(t("console_query"), EXAMPLE, height=140, key="console_text")
    if not st.button(t("console_run"), key="console_go", type="primary"):
        return
    store = get_store()
    if store is None:
        return
    from queries.console import run_console

    try:
        result = run_console(store, cypher)
    except Exception as e:  # noqa: BLE001 - refused, timed out or down: a message, not a traceback
        msg = str(e).splitlines()[0][:300] if str(e) else type(e).__name__
        if is_unavailable(e):
            forget_neo4j()
            st.error(t("store_unreachable", error=msg))
        else:
            st.error(t("console_refused", error=msg))
        return
    rows = getattr(result, "rows", result) or []
    if getattr(result, "truncated", False):
        st.warning(f"{len(rows)}+ rows (capped)")
    show_table(rows, key="console_result")
