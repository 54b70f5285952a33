"""sectors: how often each sector is named by meetings, by region (rolled up to a level) and month.

The unit is a meeting that addresses the sector (ADDRESSES); `articles` counts the
distinct articles reporting those meetings. A meeting whose region lies above the
requested level keeps its own region.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from queries.lookup import find_nodes, region_subtree
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, Level, QueryParamError, month_of
from queries.spec import QuerySpec


class SectorsParams(DateRangeParams):
    region: str | None = Field(None, description="region id, path or name (with sub-regions)")
    level: Level | None = Field(None, description="roll regions up to this level")


class SectorCount(BaseModel):
    sector: str
    region: str | None
    month: str | None
    meetings: int
    articles: int


class SectorTotal(BaseModel):
    sector: str
    meetings: int
    articles: int


class SectorsResult(BaseModel):
    totals: list[SectorTotal]
    rows: list[SectorCount]


_TAIL = f"""
WHERE {CYPHER_IN_RANGE.format(v="m.date")}
OPTIONAL MATCH (r)-[:PART_OF*0..]->(a:Region {{level: $level}})
RETURN DISTINCT s.name AS sector, m.id AS meeting, m.date AS date, m.articles AS articles,
       r.path AS region, a.path AS rolled
"""
CYPHER_ALL = "MATCH (s:Sector)<-[:ADDRESSES]-(m:Meeting)\nOPTIONAL MATCH (m)-[:HELD_IN]->(r:Region)\nWITH s, m, r" + _TAIL
CYPHER_REGION = """
MATCH (g:Region)<-[:PART_OF*0..]-(r:Region)<-[:HELD_IN]-(m:Meeting)-[:ADDRESSES]->(s:Sector)
WHERE g.id IN $ids
WITH DISTINCT s, m, r""" + _TAIL


def _rolled(store: Any, rid: str, level: str | None) -> list[str | None]:
    if level is None:
        return [None]
    found, seen, frontier = [], {rid}, [rid]
    while frontier:
        nxt = []
        for x in frontier:
            node = store.node(x)
            if node.get("level") == level:
                found.append(node.get("path"))
            for up, _ in store.out_rels(x, "PART_OF"):
                if up not in seen and store.label(up) == "Region":
                    seen.add(up)
                    nxt.append(up)
        frontier = nxt
    return found or [None]


def _raw_embedded(store: Any, params: SectorsParams, region_ids: list[str] | None) -> list[dict]:
    pairs: set[tuple[str, str | None]] = set()  # (meeting, region id)
    if region_ids is None:
        for sid in store.ids_by_label("Sector"):
            for mid, _ in store.in_rels(sid, "ADDRESSES"):
                if store.label(mid) == "Meeting":
                    regions = [r for r, _ in store.out_rels(mid, "HELD_IN") if store.label(r) == "Region"]
                    pairs |= {(mid, r) for r in regions or [None]}
    else:
        for rid in region_subtree(store, region_ids):
            pairs |= {(m, rid) for m, _ in store.in_rels(rid, "HELD_IN") if store.label(m) == "Meeting"}
    rows = []
    for mid, rid in pairs:
        m = store.node(mid)
        if not params.in_range(m.get("date")):
            continue
        region = store.node(rid).get("path") if rid else None
        rolled = _rolled(store, rid, params.level) if rid else [None]
        for sid, _ in store.out_rels(mid, "ADDRESSES"):
            if store.label(sid) != "Sector":
                continue
            for up in rolled:
                rows.append({"sector": store.node(sid).get("name"), "meeting": mid, "date": m.get("date"),
                             "articles": m.get("articles") or [], "region": region, "rolled": up})
    return rows


def _assemble(rows: list[dict]) -> SectorsResult:
    groups: dict[tuple, tuple[set, set]] = {}
    totals: dict[str, tuple[set, set]] = {}
    for r in rows:
        key = (r["sector"], r["rolled"] or r["region"], month_of(r["date"]))
        meetings, articles = groups.setdefault(key, (set(), set()))
        meetings.add(r["meeting"])
        articles.update(r["articles"] or [])
        t_meetings, t_articles = totals.setdefault(r["sector"], (set(), set()))
        t_meetings.add(r["meeting"])
        t_articles.update(r["articles"] or [])
    out = [SectorCount(sector=k[0], region=k[1], month=k[2], meetings=len(m), articles=len(a))
           for k, (m, a) in groups.items()]
    out.sort(key=lambda c: (c.sector, c.region or "~", c.month or "~"))
    tot = [SectorTotal(sector=s, meetings=len(m), articles=len(a)) for s, (m, a) in totals.items()]
    tot.sort(key=lambda t: (-t.meetings, t.sector))
    return SectorsResult(totals=tot, rows=out)


def _regions(store: Any, params: SectorsParams) -> list[str] | None:
    if params.region is None:
        return None
    found = find_nodes(store, params.region, ("Region",))
    if not found:
        raise QueryParamError(f"no region with id, path or name {params.region!r}")
    return [r["id"] for r in found]


def run_embedded(store: Any, params: SectorsParams) -> SectorsResult:
    return _assemble(_raw_embedded(store, params, _regions(store, params)))


def run_neo4j(store: Any, params: SectorsParams) -> SectorsResult:
    ids = _regions(store, params)
    args = {"level": params.level, "ids": ids or [], **params.range_params()}
    return _assemble(store.query(CYPHER_ALL if ids is None else CYPHER_REGION, args))


SPEC = QuerySpec(name="sectors", description="how often each sector is named by meetings, by region and month",
                 params=SectorsParams, result=SectorsResult, embedded=run_embedded, neo4j=run_neo4j)
