"""sectors: how often each sector is named by meetings, by region (rolled up to a level) and month.

The unit is a meeting that addresses the sector (ADDRESSES); `articles` counts the
distinct articles reporting those meetings. A meeting whose region lies above the
requested level keeps its own region. Both stores aggregate before returning, so a
large graph sends one row per (sector, region, month), not one per meeting.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from queries.lookup import find_nodes, region_subtree
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, Level, QueryParamError, month_of, query_rows
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


# Meetings grouped by region first, so the roll-up climbs PART_OF once per region, not per meeting;
# then one row per (sector, region key, month), counted in the database.
_MATCH_ALL = """
MATCH (m:Meeting)-[:ADDRESSES]->(:Sector)
WHERE {range}
WITH DISTINCT m
OPTIONAL MATCH (m)-[:HELD_IN]->(r:Region)
WITH r, collect(DISTINCT m) AS ms
"""
_MATCH_REGION = """
MATCH (g:Region)<-[:PART_OF*0..]-(r:Region)<-[:HELD_IN]-(m:Meeting)
WHERE g.id IN $ids AND {range}
WITH r, collect(DISTINCT m) AS ms
"""
_ROLL = """
OPTIONAL MATCH (r)-[:PART_OF*0..]->(a:Region {level: $level})
WITH DISTINCT coalesce(a.path, r.path) AS region, r, ms
"""
_NO_ROLL = "WITH r.path AS region, ms\n"
# one aggregation: a meeting's articles unwound (a meeting without articles still counts, as null)
_ARTICLES = "UNWIND CASE WHEN size(coalesce(m.articles, [])) = 0 THEN [null] ELSE m.articles END AS a\n"
_ROWS = """
UNWIND ms AS m
WITH region, m, CASE WHEN m.date =~ $month_re THEN left(m.date, 7) END AS month
MATCH (m)-[:ADDRESSES]->(s:Sector)
WITH s.name AS sector, region, month, m
""" + _ARTICLES + "RETURN sector, region, month, count(DISTINCT m) AS meetings, count(DISTINCT a) AS articles"
_TOTALS = """
UNWIND ms AS m
MATCH (m)-[:ADDRESSES]->(s:Sector)
WITH s.name AS sector, m
""" + _ARTICLES + "RETURN sector, count(DISTINCT m) AS meetings, count(DISTINCT a) AS articles"


# without a region, totals need no regions at all
_TOTALS_ALL = """
MATCH (s:Sector)<-[:ADDRESSES]-(m:Meeting)
WHERE {range}
WITH s.name AS sector, m
""" + _ARTICLES + "RETURN sector, count(DISTINCT m) AS meetings, count(DISTINCT a) AS articles"
MONTH_RE = r"\d{4}-\d{2}.*"  # as queries.shapes.month_of: a date starting YYYY-MM


def cypher(by_region: bool, level: bool) -> tuple[str, str]:
    """(rows query, totals query) from fixed fragments."""
    in_range = CYPHER_IN_RANGE.format(v="m.date")
    match = (_MATCH_REGION if by_region else _MATCH_ALL).format(range=in_range)
    totals = match + _TOTALS if by_region else _TOTALS_ALL.format(range=in_range)
    return match + (_ROLL if level else _NO_ROLL) + _ROWS, totals


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
            for up in store.out_ids(x, "PART_OF"):
                if up not in seen and store.label(up) == "Region":
                    seen.add(up)
                    nxt.append(up)
        frontier = nxt
    return found or [None]


def _raw_embedded(store: Any, params: SectorsParams, region_ids: list[str] | None) -> dict[str, list[dict]]:
    pairs: set[tuple[str, str | None]] = set()  # (meeting, region id)
    all_meetings, all_regions = store.ids_by_label("Meeting"), store.ids_by_label("Region")
    if region_ids is None:
        meetings = {mid for sid in store.ids_by_label("Sector") for mid in store.in_ids(sid, "ADDRESSES")
                    if mid in all_meetings}
        for mid in meetings:
            regions = [r for r in store.out_ids(mid, "HELD_IN") if r in all_regions]
            pairs |= {(mid, r) for r in regions or [None]}
    else:
        for rid in region_subtree(store, region_ids):
            pairs |= {(m, rid) for m in store.in_ids(rid, "HELD_IN") if m in all_meetings}
    regions: dict[str | None, list[str | None]] = {None: [None]}  # rid -> the region keys of its rows
    sectors: dict[str, str | None] = {}
    groups: dict[tuple, tuple[set, set]] = {}
    totals: dict[str, tuple[set, set]] = {}
    for mid, rid in pairs:
        m = store.graph.nodes[mid]
        if not params.in_range(m.get("date")):
            continue
        if rid not in regions:
            path = store.node(rid).get("path")
            regions[rid] = [up or path for up in _rolled(store, rid, params.level)]
        month, articles = month_of(m.get("date")), m.get("articles") or []
        for sid in store.out_ids(mid, "ADDRESSES"):
            if sid not in sectors:
                sectors[sid] = store.node(sid).get("name") if store.label(sid) == "Sector" else None
            sector = sectors[sid]
            if sector is None:
                continue
            for region in regions[rid]:
                ms, arts = groups.setdefault((sector, region, month), (set(), set()))
                ms.add(mid)
                arts.update(articles)
            ms, arts = totals.setdefault(sector, (set(), set()))
            ms.add(mid)
            arts.update(articles)
    return {"rows": [{"sector": k[0], "region": k[1], "month": k[2], "meetings": len(m), "articles": len(a)}
                     for k, (m, a) in groups.items()],
            "totals": [{"sector": s, "meetings": len(m), "articles": len(a)} for s, (m, a) in totals.items()]}


def _assemble(raw: dict[str, list[dict]]) -> SectorsResult:
    # model_construct: thousands of rows whose fields the stores just computed
    out = [SectorCount.model_construct(**r) for r in raw["rows"]]
    out.sort(key=lambda c: (c.sector, c.region or "~", c.month or "~"))
    tot = [SectorTotal.model_construct(**t) for t in raw["totals"]]
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
    rows_q, totals_q = cypher(ids is not None, params.level is not None)
    args = {"level": params.level, "ids": ids or [], "month_re": MONTH_RE, **params.range_params()}
    return _assemble({"rows": query_rows(store, rows_q, args, ("sector", "region", "month", "meetings", "articles")),
                      "totals": store.query(totals_q, args)})


SPEC = QuerySpec(name="sectors", description="how often each sector is named by meetings, by region and month",
                 params=SectorsParams, result=SectorsResult, embedded=run_embedded, neo4j=run_neo4j)
