"""relay_lags: how fast directives travel down, over the whole corpus.

For each level that relays (province, prefecture, county, township): the median days between a
meeting and the higher meeting it relays (one hop, explicit and inferred relays counted apart as
well as together), and the median days after the national meeting at the top of its chain (the
nearest national meeting reached by relays). Only meetings with full dates on both ends count.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.lang.levels import LEVELS
from queries.shapes import full_date, lag_days
from queries.spec import QuerySpec
from queries.stored import stored_answer

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class RelayLagsParams(BaseModel):
    max_days: int = Field(366, ge=0, le=3660, description="lags longer than this are left out as misreadings")


class LevelLag(BaseModel):
    level: str
    hops: int  # relays from a meeting of this level to a dated higher meeting
    median_hop_days: float | None
    median_explicit_days: float | None
    median_inferred_days: float | None
    from_top: int  # meetings of this level whose relay chain reaches a dated national meeting
    median_from_top_days: float | None


class RelayLagsResult(BaseModel):
    levels: list[LevelLag]


_RANK = {lv: i for i, lv in enumerate(LEVELS)}


def _edges_embedded(store: EmbeddedStore) -> list[dict]:
    """Every RELAYS edge between meetings, read from the relaying meetings only (a meeting that relays
    nothing costs one index lookup; a meeting's properties are read once, however many edges it has)."""
    props: dict[str, tuple[Any, Any]] = {}

    def level_date(mid: str) -> tuple[Any, Any]:
        if mid not in props:
            n = store.node(mid) or {}
            props[mid] = (n.get("level"), n.get("date"))
        return props[mid]

    out = []
    for src in store.ids_by_label("Meeting"):  # _assemble orders the edges itself
        if not any(store.label(d) == "Meeting" for d in store.out_ids(src, "RELAYS")):
            continue  # relays no meeting (or nothing): no attributes copied
        for dst, r in store.out_rels(src, "RELAYS"):
            if store.label(dst) != "Meeting":
                continue
            (src_level, src_date), (dst_level, dst_date) = level_date(src), level_date(dst)
            out.append({"src": src, "dst": dst, "src_level": src_level, "src_date": src_date,
                        "dst_level": dst_level, "dst_date": dst_date, "inferred": bool(r.get("inferred"))})
    return out


# one record (the driver's cost per record dominates ~10k rows): each meeting's level and date once,
# the edges as [src, dst, inferred]
CYPHER = """
MATCH (a:Meeting)-[r:RELAYS]->(b:Meeting)
WITH collect([a.id, b.id, coalesce(r.inferred, false)]) AS edges, collect(DISTINCT a) + collect(DISTINCT b) AS ms
UNWIND ms AS m
WITH edges, m ORDER BY m.id
WITH edges, collect(DISTINCT [m.id, m.level, m.date]) AS meetings
RETURN edges, meetings
"""
SUMMARY_KEY = "relay_lags"  # the default answer, stored after each load (queries/stored.py)


def _assemble(edges: list[dict], params: RelayLagsParams) -> RelayLagsResult:
    def ok(days: int | None) -> bool:
        return days is not None and 0 <= days <= params.max_days

    up: dict[str, list[str]] = {}
    date_of: dict[str, str | None] = {}
    level_of: dict[str, str | None] = {}
    for e in sorted(edges, key=lambda e: (e["src"], e["dst"], e["inferred"])):
        up.setdefault(e["src"], []).append(e["dst"])
        date_of[e["src"]], date_of[e["dst"]] = e["src_date"], e["dst_date"]
        level_of[e["src"]], level_of[e["dst"]] = e["src_level"], e["dst_level"]
    hops: dict[str, dict[str, list[int]]] = {}
    for e in edges:
        days = lag_days(e["src_date"], e["dst_date"])
        higher = _RANK.get(e["dst_level"] or "", 99) < _RANK.get(e["src_level"] or "", -1)
        if e["src_level"] and higher and ok(days):
            per = hops.setdefault(e["src_level"], {"all": [], "explicit": [], "inferred": []})
            per["all"].append(days)
            per["inferred" if e["inferred"] else "explicit"].append(days)
    # the national meetings with a full date: the tops a chain is timed from
    national = {m: d for m, d in date_of.items() if level_of.get(m) == "national" and full_date(d) is not None}

    def top_date(mid: str) -> str | None:
        """The date of the nearest dated national meeting up the relays (breadth first; the latest
        when several are equally near)."""
        seen, frontier = {mid}, [mid]
        while frontier:
            found = [national[d] for m in frontier for d in up.get(m, ()) if d in national]
            if found:
                return max(found)  # type: ignore[type-var]
            nxt = []
            for m in frontier:
                for d in up.get(m, ()):
                    if d not in seen:
                        seen.add(d)
                        nxt.append(d)
            frontier = nxt
        return None

    from_top: dict[str, list[int]] = {}
    for mid in sorted(up):
        lv = level_of.get(mid)
        if lv and lv != "national":
            days = lag_days(date_of.get(mid), top_date(mid))
            if ok(days):
                from_top.setdefault(lv, []).append(days)

    def med(xs: list[int]) -> float | None:
        return float(median(xs)) if xs else None

    levels = []
    for lv in LEVELS[1:]:
        h = hops.get(lv, {"all": [], "explicit": [], "inferred": []})
        levels.append(LevelLag(level=lv, hops=len(h["all"]), median_hop_days=med(h["all"]),
                               median_explicit_days=med(h["explicit"]), median_inferred_days=med(h["inferred"]),
                               from_top=len(from_top.get(lv, [])), median_from_top_days=med(from_top.get(lv, []))))
    return RelayLagsResult(levels=levels)


def run_embedded(store: EmbeddedStore, params: RelayLagsParams) -> RelayLagsResult:
    return _assemble(_edges_embedded(store), params)


def run_live_neo4j(store: Neo4jStore, params: RelayLagsParams) -> RelayLagsResult:
    rows = store.query(CYPHER, {})
    if not rows:  # no relay at all: collect() over no rows gives no record after the UNWIND
        return _assemble([], params)
    meetings = {mid: (level, date) for mid, level, date in rows[0]["meetings"]}
    edges = [{"src": a, "dst": b, "src_level": meetings[a][0], "src_date": meetings[a][1],
              "dst_level": meetings[b][0], "dst_date": meetings[b][1], "inferred": bool(inferred)}
             for a, b, inferred in rows[0]["edges"]]
    return _assemble(edges, params)


def run_neo4j(store: Neo4jStore, params: RelayLagsParams) -> RelayLagsResult:
    """The default form answers from the answer stored after the load while it is current."""
    key = SUMMARY_KEY if params == RelayLagsParams() else None
    return stored_answer(store, key, RelayLagsResult) or run_live_neo4j(store, params)


SPEC = QuerySpec(
    name="relay_lags",
    description="how fast directives travel down: median days per level after the relayed meeting and after the national top",
    params=RelayLagsParams, result=RelayLagsResult, embedded=run_embedded, neo4j=run_neo4j)
