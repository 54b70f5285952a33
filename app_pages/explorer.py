"""Network explorer: an interactive graph (st-link-analysis: Cytoscape bundled with the package, no
CDN) with filters by node type, region and date; double-click a node (or its expand button) to
add its neighbours. Nodes carry their (shortened) names, edges their type (and a participant's
role), and a legend above the graph says which colour is which type."""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import streamlit as st

from app_pages.display import picker, ref_name
from app_pages.i18n import t
from app_pages.navigation import param
from app_pages.shared_answers import shared_query
from app_pages.store_access import query

LABEL_COLOURS = {"Person": "#2e86c1", "Meeting": "#27ae60", "Body": "#8e44ad", "Region": "#7f8c8d",
                 "Directive": "#c0392b", "Inspection": "#d35400", "Sector": "#f1c40f", "Post": "#5dade2",
                 "Article": "#34495e", "Incident": "#e74c3c"}
HIDDEN_BY_DEFAULT = ("Article", "Post")
STATE = "ex_graph"
SHORT_NAME = 10  # characters of a name drawn on its node; the full name is in the side panel
# The component draws captions at 3.6 graph units and hides any under 10 screen pixels, so at the
# zoom that fits a neighbourhood no caption shows: larger captions, shown at every zoom.
NODE_CAPTION = {"font-size": 7, "min-zoomed-font-size": 0, "text-wrap": "ellipsis", "text-max-width": 90}
EDGE_CAPTION = {"font-size": 4.5, "min-zoomed-font-size": 0}


def short_name(name: str, limit: int = SHORT_NAME) -> str:
    """A name fit for a node: `国务院安委会安全生产第三巡查组` → `国务院安委会安全生…`."""
    return name if len(name) <= limit else name[:limit - 1] + "…"


def edge_caption(e: dict[str, Any]) -> str:
    """The relationship type, with the role of a participation: `PARTICIPATED · chair`."""
    return f"{e['type']} · {e['role']}" if e.get("role") else e["type"]


def _empty() -> dict[str, Any]:
    return {"nodes": {}, "edges": {}, "dates": {}, "regions": {}, "expanded": []}


def add_neighbours(graph: dict[str, Any], node_id: str) -> None:
    """Merge one node's neighbourhood (from the `neighbours` query) into the explorer's graph."""
    res = query("neighbours", id=node_id)
    if not res or not res.get("node"):
        return
    for n in res["nodes"]:
        graph["nodes"][n["id"]] = n
    for e in res["edges"]:
        graph["edges"][e["id"]] = e
    graph["dates"].update(res["dates"])
    graph["regions"].update(res["regions"])
    if node_id not in graph["expanded"]:
        graph["expanded"].append(node_id)


def visible(graph: dict[str, Any], labels: set[str], region: str, d_from: str | None, d_to: str | None,
            keep: set[str]) -> dict[str, Any]:
    """Cytoscape elements after the filters (the `keep` nodes — the ones expanded — always stay)."""
    def shown(nid: str, n: dict[str, Any]) -> bool:
        if nid in keep:
            return True
        if n["label"] not in labels:
            return False
        reg = graph["regions"].get(nid)
        if region and reg and not reg.startswith(region):
            return False
        day = graph["dates"].get(nid)
        if (d_from or d_to) and day:
            return (d_from or "0") <= day <= (d_to or "9999") + "~"
        return True

    nodes = {nid: n for nid, n in graph["nodes"].items() if shown(nid, n)}
    return {
        "nodes": [{"data": {"id": nid, "label": n["label"], "name": ref_name(n), "short": short_name(ref_name(n))}}
                  for nid, n in sorted(nodes.items())],
        "edges": [{"data": {"id": e["id"], "label": e["type"], "caption": edge_caption(e), "source": e["src"],
                            "target": e["dst"]}}
                  for e in sorted(graph["edges"].values(), key=lambda e: e["id"])
                  if e["src"] in nodes and e["dst"] in nodes],
    }


def legend_html(labels: list[str]) -> str:
    """A colour chip and the type name for each node type shown (fixed names and colours, no data)."""
    chips = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:12px;height:12px;border-radius:50%;background:{LABEL_COLOURS[label]};'
        f'display:inline-block;margin-right:5px"></span>{label}</span>'
        for label in labels if label in LABEL_COLOURS)
    return f'<div class="skg-legend" style="font-size:0.85rem;line-height:1.8">{t("explorer_legend")}: {chips}</div>'


class _Captioned:
    """A st-link-analysis style (NodeStyle or EdgeStyle) with our caption size added to its rule."""

    def __init__(self, style: Any, extra: dict[str, Any]) -> None:
        self.style, self.extra = style, extra

    def dump(self) -> dict[str, Any]:
        rule = self.style.dump()
        rule["style"] = {**rule["style"], **self.extra}
        return rule


def _start_choices() -> dict[str, str]:
    text = st.text_input(t("explorer_start"), placeholder=t("search_hint"), key="ex_search").strip()
    if text:
        hits = (query("search", text=text, limit=50) or {"hits": []})["hits"]
        return {h["node"]["id"]: f"{h['node']['label']} · {ref_name(h['node'])}" for h in hits}
    meetings = (shared_query("meetings", limit=200) or {"meetings": []})["meetings"]
    return {m["meeting"]["id"]: f"Meeting · {m.get('date') or '?'} · {ref_name(m['meeting'])}" for m in meetings}


def render() -> None:
    from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis

    choices = _start_choices()
    wanted = param("node")
    if wanted and wanted not in choices:
        choices = {wanted: wanted, **choices}
    if not choices:
        st.info(t("no_results"))
        return
    start = picker(t("choose"), list(choices), "ex_start", wanted, lambda i: choices.get(i, i))
    graph = st.session_state.get(STATE)
    if graph is None or graph.get("start") != start:
        graph = _empty() | {"start": start}
        add_neighbours(graph, start)
        st.session_state[STATE] = graph

    c1, c2, c3, c4 = st.columns([3, 2, 1, 1])
    labels_present = sorted({n["label"] for n in graph["nodes"].values()} | set(LABEL_COLOURS))
    labels = set(c1.multiselect(t("node_types"), labels_present,
                                default=[x for x in labels_present if x not in HIDDEN_BY_DEFAULT], key="ex_labels"))
    region = c2.text_input(t("region"), key="ex_region").strip()
    d_from = c3.date_input(t("date_from"), value=None, min_value=date(1990, 1, 1), key="ex_from")
    d_to = c4.date_input(t("date_to"), value=None, min_value=date(1990, 1, 1), key="ex_to")
    elements = visible(graph, labels, region, d_from.isoformat() if d_from else None,
                       d_to.isoformat() if d_to else None, set(graph["expanded"]))
    st.caption(t("explorer_hint") + f" — {len(elements['nodes'])} / {len(graph['nodes'])}")
    shown = sorted({n["data"]["label"] for n in elements["nodes"]})
    st.markdown(legend_html(shown), unsafe_allow_html=True)
    node_styles = [_Captioned(NodeStyle(label, colour, "short"), NODE_CAPTION) for label, colour in LABEL_COLOURS.items()]
    with warnings.catch_warnings():  # the component warns about a parameter we do not pass
        warnings.simplefilter("ignore")
        edge_styles = [_Captioned(EdgeStyle(rt, caption="caption", directed=True), EDGE_CAPTION) for rt in
                       sorted({e["type"] for e in graph["edges"].values()})]
    event = st_link_analysis(elements, "cose", node_styles, edge_styles, height=560, key=f"ex_graph_{start}",
                             node_actions=["expand", "remove"])
    if isinstance(event, dict) and event.get("action") == "expand":
        stamp = event.get("timestamp")
        if stamp != st.session_state.get("ex_last_event"):
            st.session_state["ex_last_event"] = stamp
            for nid in (event.get("data") or {}).get("node_ids", []):
                if nid in graph["nodes"]:
                    add_neighbours(graph, nid)
            st.rerun()
