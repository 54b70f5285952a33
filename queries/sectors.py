"""sectors: how often each sector is named by meetings, by region (rolled up to a level) and month.

The unit is a meeting that addresses the sector (ADDRESSES); `articles` counts the
distinct articles reporting those meetings. A meeting whose region lies above the
requested level keeps its own region. Both stores aggregate before returning, so a
large graph sends one row per (sector, region, month), not one per meeting.

The whole-corpus forms (no region, no date range) aggregate every meeting: on Neo4j that takes
hundreds of ms at 10k articles however the Cypher is written, so `refresh_summaries` stores their
answers after each load or build, stamped with the graph version (stores/neo4j_store.py), and
`run_neo4j` answers from them while the stamp is current, live otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from graph_loader.lang.levels import LEVELS, Level
from graph_loader.stores.neo4j_store import cypher_articles
from queries.lookup import find_nodes, region_subtree
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, QueryParamError, month_of
from queries.spec import QuerySpec
from queries.stored import gc_paused, stored_answer

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


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


# One query (one round trip), two parts, totals and rows. Both count by sector node and read the
# name afterwards (a sector's id derives from its name): node keys hash far cheaper than strings.
#
# Rows: each meeting's sectors are collected first, so ADDRESSES is expanded once per part (from
# the meeting side: the scan then meets them in meeting order and needs no hash table, which costs
# less time than the fewer db hits of starting at the sectors); meetings are grouped by region so the
# roll-up climbs PART_OF once per region; then one aggregation over (sector, region key, month).
# A meeting without articles still counts, its article as null. Rows leave in the result's order:
# Python's sort then finds one run (it still sorts: Java orders strings by UTF-16 unit, not code
# point), and the models are built in memory order, both much cheaper on 14k+ rows.
_MEETINGS_ALL = """
MATCH (m:Meeting)-[:ADDRESSES]->(s:Sector)
WHERE {range}
"""
_MEETINGS_REGION = """
MATCH (g:Region)<-[:PART_OF*0..]-(r:Region)<-[:HELD_IN]-(m:Meeting)
WHERE g.id IN $ids AND {range}
WITH DISTINCT r, m
MATCH (m)-[:ADDRESSES]->(s:Sector)
"""
_GROUP_ALL = """
WITH m, collect(s) AS secs
OPTIONAL MATCH (m)-[:HELD_IN]->(r:Region)
WITH r, collect([m, secs]) AS ms
"""
_GROUP_REGION = """
WITH r, m, collect(s) AS secs
WITH r, collect([m, secs]) AS ms
"""
_ROLL = """
CALL (r) {
  OPTIONAL MATCH (r)-[:PART_OF*0..]->(a:Region {level: $level})
  RETURN DISTINCT coalesce(a.path, r.path) AS region
}
"""
_NO_ROLL = "WITH r.path AS region, ms\n"
_ROWS = """
UNWIND ms AS x
WITH region, x[0] AS m, x[1] AS secs
WITH region, m, secs, CASE WHEN m.date =~ $month_re THEN left(m.date, 7) END AS month,
     {articles} AS arts
UNWIND secs AS s
UNWIND CASE WHEN size(arts) = 0 THEN [null] ELSE arts END AS a
WITH s, region, month, count(DISTINCT m) AS meetings, count(DISTINCT a) AS articles
WITH s.name AS sector, region, month, meetings, articles
WHERE sector IS NOT NULL
ORDER BY sector, coalesce(region, '~'), coalesce(month, '~')
RETURN collect([sector, region, month, meetings, articles]) AS rows
"""
# Totals: the same meetings without their regions (a meeting held in two regions counts once).
_TOTALS_REGION = """
MATCH (g:Region)<-[:PART_OF*0..]-(:Region)<-[:HELD_IN]-(m:Meeting)
WHERE g.id IN $ids AND {range}
WITH DISTINCT m
MATCH (m)-[:ADDRESSES]->(s:Sector)
"""
_TOTALS = """
WITH s, m, {articles} AS arts
UNWIND CASE WHEN size(arts) = 0 THEN [null] ELSE arts END AS a
WITH s, count(DISTINCT m) AS meetings, count(DISTINCT a) AS articles
WITH s.name AS sector, meetings, articles
WHERE sector IS NOT NULL
RETURN collect({sector: sector, meetings: meetings, articles: articles}) AS totals
"""
# rows come back as columns (a list of maps costs the driver about three times as much per row),
# built from one collect() of lists: a collect() per column would drop the null regions and months
_RETURN = """
RETURN totals, [r IN rows | r[0]] AS sector, [r IN rows | r[1]] AS region, [r IN rows | r[2]] AS month,
       [r IN rows | r[3]] AS meetings, [r IN rows | r[4]] AS articles
"""
MONTH_RE = r"\d{4}-\d{2}.*"  # as queries.shapes.month_of: a date starting YYYY-MM


def cypher(by_region: bool, level: bool) -> str:
    """The one query, from fixed fragments."""
    in_range = CYPHER_IN_RANGE.format(v="m.date")
    meetings = _MEETINGS_REGION if by_region else _MEETINGS_ALL
    rows = meetings + (_GROUP_REGION if by_region else _GROUP_ALL) + (_ROLL if level else _NO_ROLL) + _ROWS
    totals = (_TOTALS_REGION if by_region else _MEETINGS_ALL) + _TOTALS
    return (f"CALL () {{ {totals} }}\nCALL () {{ {rows} }}\n{_RETURN}".replace("{range}", in_range)
            .replace("{articles}", cypher_articles("m", "Meeting")))


def _rolled(store: EmbeddedStore, rid: str, level: str | None) -> list[str | None]:
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


def _raw_embedded(store: EmbeddedStore, params: SectorsParams, region_ids: list[str] | None) -> dict[str, list[dict]]:
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
        m = store.attrs(mid)
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


def _assemble(rows: Iterable[dict], totals: list[dict]) -> SectorsResult:
    # one validation of plain dicts: pydantic-core builds thousands of rows far faster than model_construct
    with gc_paused():
        ordered = sorted(rows, key=lambda c: (c["sector"], c["region"] or "~", c["month"] or "~"))
        totals = sorted(totals, key=lambda t: (-t["meetings"], t["sector"]))
        return SectorsResult.model_validate({"totals": totals, "rows": ordered})


def _regions(store: GraphStore, params: SectorsParams) -> list[str] | None:
    if params.region is None:
        return None
    found = find_nodes(store, params.region, ("Region",))
    if not found:
        raise QueryParamError(f"no region with id, path or name {params.region!r}")
    return [r["id"] for r in found]


def run_embedded(store: EmbeddedStore, params: SectorsParams) -> SectorsResult:
    raw = _raw_embedded(store, params, _regions(store, params))
    return _assemble(raw["rows"], raw["totals"])


SUMMARY_LEVELS: tuple[str | None, ...] = (None, *LEVELS)


def summary_key(params: SectorsParams) -> str | None:
    """The stored answer serving `params`: only whole-corpus forms (nothing set but the level), so a
    parameter added later never gets an answer computed without it."""
    if {k for k, v in params.model_dump().items() if v is not None} - {"level"}:
        return None
    return "sectors" if params.level is None else f"sectors_{params.level}"


def refresh_summaries(store: Neo4jStore) -> dict[str, int]:
    """Compute the whole-corpus answers live and store them as JSON stamped with the graph version
    read before computing (a write meanwhile makes them stale at once): every sectors form, the
    default relay lags (queries/relay_lags.py), the overview and the region tree, and the shapes of the large propagation trees
    (queries/propagation.py `stored_shapes`). Forms already current are skipped. Returns the size
    of each answer computed (JSON bytes, before the store compresses)."""
    from queries import overview, propagation, regions, relay_lags

    live: dict[str, Callable[[], BaseModel]] = {
        key: (lambda level=level: _run_live(store, SectorsParams(level=level)))
        for level in SUMMARY_LEVELS if (key := summary_key(SectorsParams(level=level)))}
    live[relay_lags.SUMMARY_KEY] = lambda: relay_lags.run_live_neo4j(store, relay_lags.RelayLagsParams())
    live[overview.SUMMARY_KEY] = lambda: overview.run_live_neo4j(store, overview.OverviewParams(latest=overview.LATEST))
    live[regions.SUMMARY_KEY] = lambda: regions.run_live_neo4j(store, regions.RegionsParams())
    live.update(propagation.stored_shapes(store))  # the shapes of the large propagation trees
    version, current = store.begin_summaries(live)
    answers = {key: compute().model_dump_json() for key, compute in live.items() if key not in current}
    if answers:
        store.write_summaries(answers, version)
    return {key: len(text.encode()) for key, text in answers.items()}


def run_neo4j(store: Neo4jStore, params: SectorsParams) -> SectorsResult:
    return stored_answer(store, summary_key(params), SectorsResult) or _run_live(store, params)


def _run_live(store: Neo4jStore, params: SectorsParams) -> SectorsResult:
    ids = _regions(store, params)
    args = {"level": params.level, "ids": ids or [], "month_re": MONTH_RE, **params.range_params()}
    found = store.query(cypher(ids is not None, params.level is not None), args)[0]
    columns = zip(found["sector"], found["region"], found["month"], found["meetings"], found["articles"], strict=True)
    return _assemble(({"sector": s, "region": r, "month": mo, "meetings": m, "articles": a} for s, r, mo, m, a in columns),
                     found["totals"])


SPEC = QuerySpec(name="sectors", description="how often each sector is named by meetings, by region and month",
                 params=SectorsParams, result=SectorsResult, embedded=run_embedded, neo4j=run_neo4j)
