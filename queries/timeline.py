"""timeline: the meetings held in a region (with its sub-regions) and the inspections of it, over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from queries.lookup import find_nodes, region_subtree
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, QueryParamError, Ref, cypher_props, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class TimelineParams(DateRangeParams):
    region: str = Field(description="region id, path or name (with sub-regions)")


class TimelineItem(BaseModel):
    date: str | None  # the meeting's date, the inspection's start
    end: str | None  # the inspection's end
    kind: Literal["meeting", "inspection"]
    node: Ref
    level: str | None
    region: str | None  # meeting region, or inspection target
    chairs: list[str]


class TimelineResult(BaseModel):
    regions: list[Ref]
    items: list[TimelineItem]


CYPHER = f"""
MATCH (g:Region)<-[:PART_OF*0..]-(s:Region)
WHERE g.id IN $ids
WITH collect(DISTINCT s) AS subs
CALL (subs) {{
  UNWIND subs AS s
  MATCH (s)<-[:HELD_IN]-(m:Meeting)
  WHERE {CYPHER_IN_RANGE.format(v="m.date")}
  WITH DISTINCT m
  OPTIONAL MATCH (m)<-[r:PARTICIPATED {{role: 'chair'}}]-(p:Person)
  WITH m, collect(p.name) AS chairs
  RETURN collect({{node: {cypher_props("m", "date", "level", "region", label="Meeting")}, chairs: chairs}}) AS meetings
}}
CALL (subs) {{
  UNWIND subs AS s
  MATCH (s)<-[:BODY_IN*0..1]-(t)<-[:TARGETS]-(i:Inspection)
  WHERE (t = s OR t:Body) AND {CYPHER_IN_RANGE.format(v="i.start")}
  WITH DISTINCT i
  RETURN collect({cypher_props("i", "start", "end", "level", "target", label="Inspection")}) AS inspections
}}
RETURN meetings, inspections
"""


def _raw_embedded(store: EmbeddedStore, ids: list[str], params: TimelineParams) -> dict[str, list]:
    meetings, inspections = {}, {}
    for rid in region_subtree(store, ids):
        for mid, _ in store.in_rels(rid, "HELD_IN"):
            m = store.node(mid)
            if m["label"] == "Meeting" and params.in_range(m.get("date")):
                chairs = [store.node(p).get("name") for p, r in store.in_rels(mid, "PARTICIPATED")
                          if r.get("role") == "chair" and store.label(p) == "Person"]
                meetings[mid] = {"node": m, "chairs": chairs}
        targets = [rid] + [b for b, _ in store.in_rels(rid, "BODY_IN") if store.label(b) == "Body"]
        for t in targets:
            for iid, _ in store.in_rels(t, "TARGETS"):
                i = store.node(iid)
                if i["label"] == "Inspection" and params.in_range(i.get("start")):
                    inspections[iid] = i
    return {"meetings": list(meetings.values()), "inspections": list(inspections.values())}


def _assemble(regions: list[dict], raw: dict[str, list]) -> TimelineResult:
    items = [TimelineItem(date=x["node"].get("date"), end=None, kind="meeting", node=ref(x["node"], "Meeting"),
                          level=x["node"].get("level"), region=x["node"].get("region"),
                          chairs=sorted(c for c in x["chairs"] if c)) for x in raw["meetings"]]
    items += [TimelineItem(date=i.get("start"), end=i.get("end"), kind="inspection", node=ref(i, "Inspection"),
                           level=i.get("level"), region=i.get("target"), chairs=[]) for i in raw["inspections"]]
    items.sort(key=lambda x: (x.date or "~", x.kind, x.node.id))
    return TimelineResult(regions=[ref(r) for r in regions], items=items)


def _regions(store: GraphStore, text: str) -> list[dict]:
    found = find_nodes(store, text, ("Region",))
    if not found:
        raise QueryParamError(f"no region with id, path or name {text!r}")
    return found


def run_embedded(store: EmbeddedStore, params: TimelineParams) -> TimelineResult:
    regions = _regions(store, params.region)
    return _assemble(regions, _raw_embedded(store, [r["id"] for r in regions], params))


def run_neo4j(store: Neo4jStore, params: TimelineParams) -> TimelineResult:
    regions = _regions(store, params.region)
    rows = store.query(CYPHER, {"ids": [r["id"] for r in regions], **params.range_params()})
    return _assemble(regions, rows[0] if rows else {"meetings": [], "inspections": []})


SPEC = QuerySpec(name="timeline", description="meetings and inspections of a region and its sub-regions over time",
                 params=TimelineParams, result=TimelineResult, embedded=run_embedded, neo4j=run_neo4j)
