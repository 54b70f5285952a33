"""Propagation: pick a directive or a meeting (a recurring meeting by its date); the tiered relay graph
and its table side by side, the lags by level of the chain, and the corpus-wide lags per level."""

from __future__ import annotations

from statistics import median
from typing import Any

import streamlit as st

from app_pages.display import date_text, meeting_caption, picker
from app_pages.i18n import level_label, t
from app_pages.navigation import go, new_pick, param
from app_pages.shared_answers import shared_query
from app_pages.store_access import query
from app_pages.tables import show_table
from app_pages.tiered_svg import TIER_ROWS, TierEdge, TierNode, tiered_svg
from graph_loader.lang.levels import LEVELS

LEVEL_ORDER = {lv: i for i, lv in enumerate(TIER_ROWS)}


def _choices() -> dict[str, str]:
    """id -> caption: search hits (directives, meetings), else meetings by level, highest first."""
    text = st.text_input(t("search"), placeholder=t("search_hint"), key="prop_search")
    choices: dict[str, str] = {}
    if text.strip():
        found = query("search", text=text.strip(), limit=100) or {"hits": []}
        for h in found["hits"]:
            if h["node"]["label"] in ("Directive", "Meeting"):
                choices[h["node"]["id"]] = hit_caption(h)
    else:
        meetings = (shared_query("meetings") or {"meetings": []})["meetings"]
        # highest level first; dated meetings (the likely starts of a relay) before undated ones
        meetings.sort(key=lambda m: (LEVEL_ORDER.get(m.get("level"), 99), not (m.get("date") or "")[:1].isdigit(),
                                     m.get("date") or "", m["meeting"]["id"]))
        choices = {m["meeting"]["id"]: meeting_caption(m) for m in meetings}
    return choices


def hit_caption(h: dict[str, Any]) -> str:
    """A search hit as a choice: `会议 · 2022-01-17 · 全国 · name · 8 篇报道`, so namesakes held on other days
    (a recurring teleconference) are told apart by date and by how many reports name them."""
    node = h["node"]
    if node["label"] == "Directive":
        parts = [t("directive"), node.get("name") or node["id"]]
    else:
        parts = [t("meeting"), date_text(h.get("date")), h.get("region") or level_label(h.get("level")),
                 node.get("name") or node["id"]]
    if h.get("reports"):
        parts.append(t("reports_n", n=h["reports"]))
    return " · ".join(p for p in parts if p)


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


def _by_date(target: str, result: dict[str, Any]) -> str | None:
    """A recurring meeting: the same name held on several days, picked by date with report counts.
    Returns the id picked, or None when the name fits one node only."""
    root = result.get("root") or {}
    name = root.get("name") if root else target
    if not name or (root and root.get("label") != "Meeting"):
        return None
    same = (query("propagation", target=name) or {}).get("candidates") or []
    if len(same) < 2:
        return None
    ids = [c["id"] for c in same]
    caption = {c["id"]: f"{c.get('date') or '?'} · {c.get('region') or level_label(c.get('level'))} · "
                        f"{t('reports_n', n=c['reports'])}" for c in same}
    current = root.get("id") if root and root.get("id") in ids else None
    if current is None:
        st.info(t("pick_date"))
    return picker(t("same_name_dates"), ids, f"prop_date_{target}", current, lambda i: caption.get(i, i))


def edge_label(n: dict[str, Any]) -> str:
    if not n.get("edge"):
        return ""
    text = t(f"edge_{n['edge']}")
    return f"{text}（{t('basis_' + n['basis'])}）" if n.get("basis") else text


def lag_rows(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per level, top to bottom: meetings, and the median / min / max days after the top."""
    out = []
    for lv in TIER_ROWS:
        lags = [n["lag_from_top"] for n in nodes if n.get("level") == lv and n.get("lag_from_top") is not None]
        count = sum(1 for n in nodes if n.get("level") == lv)
        if count:
            out.append({t("level"): level_label(lv), t("meetings_n"): count,
                        t("median_days"): "" if not lags else f"{median(lags):g}",
                        t("min_days"): "" if not lags else min(lags), t("max_days"): "" if not lags else max(lags)})
    return out


def corpus_lags() -> None:
    st.subheader(t("corpus_lags"))
    st.caption(t("corpus_lags_hint"))
    res = shared_query("relay_lags") or {"levels": []}

    def days(v: float | None) -> str:
        return "" if v is None else f"{v:g}"

    rows = [{t("level"): level_label(x["level"]), t("hops_n"): x["hops"], t("median_hop"): days(x["median_hop_days"]),
             t("median_hop_explicit"): days(x["median_explicit_days"]),
             t("median_hop_inferred"): days(x["median_inferred_days"]),
             t("from_top_n"): x["from_top"], t("median_from_top"): days(x["median_from_top_days"])}
            for x in res["levels"] if x["hops"] or x["from_top"]]
    show_table(rows, key="relay_lags")


def render() -> None:
    st.caption(t("propagation_pick"))
    choices = _choices()
    wanted = param("target")
    if wanted and wanted not in choices:
        choices = {wanted: wanted, **choices}
    if not choices:
        st.info(t("no_results"))
        corpus_lags()
        return
    ids = list(choices)
    target = picker(t("choose"), ids, "prop_target", wanted, lambda i: choices.get(i, i))
    result = query("propagation", target=target)
    if result is None:
        return
    picked_day = _by_date(target, result)
    if picked_day and picked_day != (result.get("root") or {}).get("id"):
        result = query("propagation", target=picked_day) or result
    if not result["nodes"]:
        if not result.get("candidates"):
            st.info(t("no_propagation"))
        corpus_lags()
        return
    nodes, edges = tier_picture(result)
    names = {lv: level_label(lv) for lv in LEVELS}
    names.update({"root": t("directive"), None: level_label(None)})
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('propagation_graph')}**")
        st.markdown(f'<div style="overflow-x:auto">{tiered_svg(nodes, edges, names)}</div>', unsafe_allow_html=True)
        st.caption(t("propagation_legend"))
        if result.get("more"):
            st.caption(t("propagation_partial", shown=len(result["nodes"]), total=result.get("total")))
        st.markdown(f"**{t('lag_by_level')}**")
        show_table(lag_rows(result["nodes"]), key="propagation_lags")
    with right:
        st.markdown(f"**{t('propagation_table')}**")
        by_id = {n["id"]: n for n in result["nodes"]}
        rows = [{t("level"): level_label(n.get("level")), t("region"): n.get("region"), t("date"): date_text(n.get("date")),
                 t("lag_from_top"): "" if n.get("lag_from_top") is None else str(n["lag_from_top"]),
                 t("lag_days"): "" if n.get("lag_days") is None else str(n["lag_days"]),
                 t("parent"): (by_id.get(n.get("parent")) or {}).get("region") or n.get("parent"),
                 t("edge_kind"): edge_label(n), t("relay_reason"): n.get("reason"),
                 t("chairs"): n.get("chairs"), t("speakers"): n.get("speakers"),
                 t("articles"): n.get("articles"),
                 t("evidence"): (n.get("evidence") or {}).get("text"), "id": n["id"]}
                for n in result["nodes"]]
        picked = show_table(rows, key="propagation", selectable=True)
        st.caption(t("propagation_click"))
        if picked is not None and new_pick("propagation", rows[picked]["id"]):
            go("meetings", meeting=rows[picked]["id"])
    corpus_lags()
