"""Propagation: pick a directive or a meeting; the tiered relay graph and its table side by side."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.display import date_text, meeting_caption, picker
from app_pages.i18n import level_label, t
from app_pages.navigation import go, new_pick, param
from app_pages.store_access import query
from app_pages.tables import show_table
from app_pages.tiered_svg import LEVELS, TierEdge, TierNode, tiered_svg

LEVEL_ORDER = {lv: i for i, lv in enumerate(LEVELS)}


def _choices() -> dict[str, str]:
    """id -> caption: search hits (directives, meetings), else meetings by level, highest first."""
    text = st.text_input(t("search"), placeholder=t("search_hint"), key="prop_search")
    choices: dict[str, str] = {}
    if text.strip():
        found = query("search", text=text.strip(), limit=100) or {"hits": []}
        for h in found["hits"]:
            if h["node"]["label"] in ("Directive", "Meeting"):
                choices[h["node"]["id"]] = f"{t('directive') if h['node']['label'] == 'Directive' else t('meeting')}" \
                                           f" · {h['node'].get('name') or h['node']['id']}"
    else:
        meetings = (query("meetings") or {"meetings": []})["meetings"]
        # highest level first; dated meetings (the likely starts of a relay) before undated ones
        meetings.sort(key=lambda m: (LEVEL_ORDER.get(m.get("level"), 99), not (m.get("date") or "")[:1].isdigit(),
                                     m.get("date") or "", m["meeting"]["id"]))
        choices = {m["meeting"]["id"]: meeting_caption(m) for m in meetings}
    return choices


def short_region(region: str | None, parent_region: str | None) -> str:
    """`湖南省湘西土家族苗族自治州凤凰县` under `湖南省湘西土家族苗族自治州` reads `凤凰县` in its box."""
    if region and parent_region and region != parent_region and region.startswith(parent_region):
        return region[len(parent_region):]
    return region or ""


def tier_picture(result: dict[str, Any]) -> tuple[list[TierNode], list[TierEdge]]:
    root = result.get("root") or {}
    nodes: list[TierNode] = []
    if root.get("label") == "Directive":
        nodes.append(TierNode(root["id"], "root", root.get("name") or root["id"], t("root_directive"), link=False))
    regions = {n["id"]: n.get("region") or "" for n in result["nodes"]}
    for n in result["nodes"]:
        nodes.append(TierNode(n["id"], n.get("level"), short_region(n.get("region"), regions.get(n.get("parent")))
                              or n.get("name") or n["id"], date_text(n.get("date")), link=True))
    edges = [TierEdge(n["parent"], n["id"], n.get("lag_days"), bool(n.get("inferred")))
             for n in result["nodes"] if n.get("parent")]
    return nodes, edges


def render() -> None:
    st.caption(t("propagation_pick"))
    choices = _choices()
    wanted = param("target")
    if wanted and wanted not in choices:
        choices = {wanted: wanted, **choices}
    if not choices:
        st.info(t("no_results"))
        return
    ids = list(choices)
    target = picker(t("choose"), ids, "prop_target", wanted, lambda i: choices.get(i, i))
    result = query("propagation", target=target)
    if result is None:
        return
    if not result["nodes"]:
        st.info(t("no_propagation"))
        return
    nodes, edges = tier_picture(result)
    names = {lv: level_label(lv) for lv in LEVELS if lv not in ("root", None)}
    names.update({"root": t("directive"), None: level_label(None)})
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('propagation_graph')}**")
        st.markdown(f'<div style="overflow-x:auto">{tiered_svg(nodes, edges, names)}</div>', unsafe_allow_html=True)
        st.caption(t("propagation_legend"))
    with right:
        st.markdown(f"**{t('propagation_table')}**")
        by_id = {n["id"]: n for n in result["nodes"]}
        rows = [{t("level"): level_label(n.get("level")), t("region"): n.get("region"), t("date"): date_text(n.get("date")),
                 t("lag_days"): "" if n.get("lag_days") is None else str(n["lag_days"]), t("chairs"): n.get("chairs"), t("speakers"): n.get("speakers"),
                 t("parent"): (by_id.get(n.get("parent")) or {}).get("region") or n.get("parent"),
                 t("inferred"): "✓" if n.get("inferred") else "", t("relay_reason"): n.get("reason"),
                 t("evidence"): (n.get("evidence") or {}).get("text"), "id": n["id"]}
                for n in result["nodes"]]
        picked = show_table(rows, key="propagation", selectable=True)
        st.caption(t("propagation_click"))
        if picked is not None and new_pick("propagation", rows[picked]["id"]):
            go("meetings", meeting=rows[picked]["id"])
