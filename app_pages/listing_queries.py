"""Three reads the app needs that the catalogue (queries/) does not have yet: the regions, the
meetings, and a node's neighbours. They follow the catalogue's shape exactly (QuerySpec: typed
params and result, one function per store, fixed Cypher with parameters only) so they can move
into queries/ unchanged; store_access.query prefers a catalogue query of the same name.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from queries.shapes import Ref, cypher_label, ref
from queries.spec import QuerySpec


# ----- regions: every region with its parent, for the province → prefecture → county tree -----
class RegionsParams(BaseModel):
    pass


class RegionRow(BaseModel):
    id: str
    name: str | None
    path: str | None
    level: str | None
    parent: str | None  # the region it is PART_OF


class RegionsResult(BaseModel):
    regions: list[RegionRow]


def _regions(rows: list[dict[str, Any]]) -> RegionsResult:
    out = [RegionRow(**r) for r in rows]
    out.sort(key=lambda r: (r.path or r.name or "", r.id))
    return RegionsResult(regions=out)


def regions_embedded(store: Any, params: RegionsParams) -> RegionsResult:
    rows = []
    for rid in store.ids_by_label("Region"):
        n = store.node(rid)
        parents = sorted(dst for dst, _ in store.out_rels(rid, "PART_OF"))
        rows.append({"id": rid, "name": n.get("name"), "path": n.get("path"), "level": n.get("level"),
                     "parent": parents[0] if parents else None})
    return _regions(rows)


REGIONS_CYPHER = """
MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
WITH r, min(p.id) AS parent
RETURN r.id AS id, r.name AS name, r.path AS path, r.level AS level, parent
"""


def regions_neo4j(store: Any, params: RegionsParams) -> RegionsResult:
    return _regions(store.query(REGIONS_CYPHER, {}))


# ----- meetings: all meetings with their facets, filtered by level/kind/region/date ------------
class MeetingsParams(BaseModel):
    level: str | None = Field(None, description="national | province | prefecture | county | township")
    kind: str | None = None
    region: str | None = Field(None, description="a region path; its sub-regions are included")
    date_from: str | None = None
    date_to: str | None = None
    limit: int = Field(2000, ge=1, le=20000)


class MeetingRow(BaseModel):
    meeting: Ref
    date: str | None
    level: str | None
    kind: str | None
    region: str | None
    articles: list[str]


class MeetingsResult(BaseModel):
    meetings: list[MeetingRow]
    total: int


def _meetings(rows: list[dict[str, Any]], p: MeetingsParams) -> MeetingsResult:
    hi = (p.date_to or "9999") + "~"
    out = []
    for m in rows:
        if p.level and m.get("level") != p.level or p.kind and m.get("kind") != p.kind:
            continue
        if p.region and not (m.get("region") or "").startswith(p.region):
            continue
        d = m.get("date")
        if (p.date_from or p.date_to) and not (d and d >= "0" and (p.date_from or "0") <= d <= hi):
            continue
        out.append(MeetingRow(meeting=ref(m, "Meeting"), date=d, level=m.get("level"), kind=m.get("kind"),
                              region=m.get("region"), articles=sorted(m.get("articles") or [])))
    dated = [r for r in out if r.date and r.date[:1].isdigit()]
    undated = [r for r in out if not (r.date and r.date[:1].isdigit())]
    ordered = sorted(dated, key=lambda r: (r.date, r.meeting.id), reverse=True) + undated
    return MeetingsResult(meetings=ordered[: p.limit], total=len(ordered))


def meetings_embedded(store: Any, params: MeetingsParams) -> MeetingsResult:
    return _meetings([store.node(i) for i in store.ids_by_label("Meeting")], params)


MEETINGS_CYPHER = "MATCH (m:Meeting) RETURN m {.*, label: 'Meeting'} AS m"


def meetings_neo4j(store: Any, params: MeetingsParams) -> MeetingsResult:
    return _meetings([r["m"] for r in store.query(MEETINGS_CYPHER, {})], params)


# ----- neighbours: one node's relationships, for the network explorer's expand ---------------
class NeighboursParams(BaseModel):
    id: str
    limit: int = Field(60, ge=1, le=500)


class NeighbourEdge(BaseModel):
    id: str
    type: str
    src: str
    dst: str
    role: str | None = None


class NeighboursResult(BaseModel):
    node: Ref | None
    nodes: list[Ref]
    edges: list[NeighbourEdge]
    dates: dict[str, str]  # node id -> date (meetings, inspections), for the date filter
    regions: dict[str, str]  # node id -> region path where the node has one


def _neighbours(centre: dict[str, Any] | None, rows: list[dict[str, Any]], limit: int) -> NeighboursResult:
    if centre is None:
        return NeighboursResult(node=None, nodes=[], edges=[], dates={}, regions={})
    rows = sorted(rows, key=lambda r: (r["type"], r["other"]["id"], r["id"]))[:limit]
    nodes = {centre["id"]: centre} | {r["other"]["id"]: r["other"] for r in rows}
    edges = [NeighbourEdge(id=r["id"], type=r["type"], src=r["src"], dst=r["dst"], role=r.get("role"))
             for r in rows]
    dates = {i: str(n.get("date") or n.get("start")) for i, n in nodes.items() if n.get("date") or n.get("start")}
    regions = {i: str(n.get("region") or n.get("path") or n.get("target"))
               for i, n in nodes.items() if n.get("region") or n.get("path")}
    refs = sorted((ref(n) for n in nodes.values()), key=lambda r: (r.label, r.id))
    return NeighboursResult(node=ref(centre), nodes=refs, edges=edges, dates=dates, regions=regions)


def neighbours_embedded(store: Any, params: NeighboursParams) -> NeighboursResult:
    centre = store.node(params.id)
    rows = []
    if centre is not None:
        for dst, r in store.out_rels(params.id):
            rows.append({"id": r["id"], "type": r["type"], "src": params.id, "dst": dst, "role": r.get("role"),
                         "other": store.node(dst)})
        for src, r in store.in_rels(params.id):
            rows.append({"id": r["id"], "type": r["type"], "src": src, "dst": params.id, "role": r.get("role"),
                         "other": store.node(src)})
    return _neighbours(centre, rows, params.limit)


NEIGHBOURS_CYPHER = f"""
MATCH (n {{id: $id}})
OPTIONAL MATCH (n)-[r]-(m)
RETURN n {{.*, label: {cypher_label('n')}}} AS n,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {{id: r.id, type: type(r), src: startNode(r).id,
               dst: endNode(r).id, role: r.role, other: m {{.*, label: {cypher_label('m')}}}}} END) AS rows
"""


def neighbours_neo4j(store: Any, params: NeighboursParams) -> NeighboursResult:
    rows = store.query(NEIGHBOURS_CYPHER, {"id": params.id})
    if not rows or rows[0]["n"] is None:
        return _neighbours(None, [], params.limit)
    return _neighbours(rows[0]["n"], [r for r in rows[0]["rows"] if r], params.limit)


EXTRA: dict[str, QuerySpec] = {s.name: s for s in (
    QuerySpec("regions", "every region with its parent region", RegionsParams, RegionsResult,
              regions_embedded, regions_neo4j),
    QuerySpec("meetings", "meetings filtered by level, kind, region and dates, latest first", MeetingsParams,
              MeetingsResult, meetings_embedded, meetings_neo4j),
    QuerySpec("neighbours", "a node's relationships and neighbours", NeighboursParams, NeighboursResult,
              neighbours_embedded, neighbours_neo4j),
)}
