"""Overview: counts, the regions covered as a tree, the latest meetings, ingestion warnings."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.display import md
from app_pages.i18n import level_label, t
from app_pages.navigation import go, new_pick
from app_pages.shared_answers import shared_query
from app_pages.store_access import store_token, workspace
from app_pages.tables import show_table
from app_pages.workspace_files import ingest_warnings

MAIN_LABELS = ("Article", "Meeting", "Person", "Body", "Directive", "Inspection", "Region", "Sector")


@st.cache_data(max_entries=4, show_spinner=False)
def _warnings(ws: str, token: str) -> list[dict[str, Any]]:
    from pathlib import Path

    return ingest_warnings(Path(ws))


def region_tree_markdown(regions: list[dict[str, Any]], meetings_per_region: dict[str, int]) -> str:
    """Nested markdown list: provinces, their prefectures, their counties (names escaped)."""
    by_id = {r["id"]: r for r in regions}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for r in regions:
        parent = r.get("parent") if r.get("parent") in by_id else None
        children.setdefault(parent, []).append(r)
    lines: list[str] = []

    def walk(parent: str | None, depth: int) -> None:
        for r in sorted(children.get(parent, []), key=lambda x: (x.get("path") or "", x["id"])):
            n = meetings_per_region.get(r.get("path") or "", 0)
            extra = f" — {n} {t('meeting')}" if n else ""
            lines.append(f"{'    ' * depth}- **{md(r.get('name') or r.get('path'))}** "
                         f"({level_label(r.get('level'))}){extra}")
            if depth < 6:
                walk(r["id"], depth + 1)

    walk(None, 0)
    return "\n".join(lines)


def render() -> None:
    ov = shared_query("overview", latest=15)
    if ov is None:
        return
    c = ov["counts"]
    if not c.get("Article") and not c.get("Meeting"):
        st.info(t("store_missing"))
    cols = st.columns(len(MAIN_LABELS))
    for col, label in zip(cols, MAIN_LABELS, strict=True):
        col.metric(label, c.get(label, 0))
    with st.expander(t("counts")):
        show_table([{"name": k, "count": v} for k, v in c.items()], key="overview_counts")

    left, right = st.columns([2, 3])
    with left:
        st.subheader(t("regions_tree"))
        st.markdown(region_tree_markdown(ov["regions"], ov["meetings_per_region"]) or t("no_results"))
    with right:
        st.subheader(t("latest_meetings"))
        rows = [{t("date"): m.get("date"), t("level"): level_label(m.get("level")), t("region"): m.get("region"),
                 t("meeting"): m["meeting"].get("name") or m["meeting"]["id"], "id": m["meeting"]["id"]}
                for m in ov["latest"]]
        picked = show_table(rows, key="overview_latest", selectable=True)
        if picked is not None and new_pick("overview", rows[picked]["id"]):
            go("meetings", meeting=rows[picked]["id"])
    st.subheader(t("quality_warnings"))
    ws = workspace()
    warnings = _warnings(str(ws), store_token(ws))
    if warnings:
        show_table(warnings, key="overview_warnings")
    else:
        st.caption(t("no_warnings"))
