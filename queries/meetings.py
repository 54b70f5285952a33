"""meetings: the meetings matching level, kind, region (a path prefix: sub-regions included) and a
date range, latest first — the app's meeting list, a page at a time. `total` counts all matches,
`meetings` holds `limit` of them from `offset`: dated meetings by date then id (both descending),
then the undated by id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.lang.levels import Level
from graph_loader.stores.neo4j_store import cypher_articles
from graph_loader.stores.summary import latest_meetings
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, Ref, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore

PAGE = 200  # a page of the app's table; a whole 10k corpus (14k meetings) in one answer took 100+ ms


class MeetingsParams(DateRangeParams):
    level: Level | None = None
    kind: str | None = None
    region: str | None = Field(None, description="a region path; its sub-regions are included")
    limit: int = Field(PAGE, ge=1, le=20000, description="meetings in this page")
    offset: int = Field(0, ge=0, le=10_000_000, description="meetings skipped (earlier pages)")


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
    offset: int = 0


def row(m: dict[str, Any]) -> MeetingRow:
    return MeetingRow(meeting=ref(m, "Meeting"), date=m.get("date"), level=m.get("level"), kind=m.get("kind"),
                      region=m.get("region"), articles=sorted(m.get("articles") or []))


def _matches(m: dict[str, Any], p: MeetingsParams) -> bool:
    if p.level and m.get("level") != p.level or p.kind and m.get("kind") != p.kind:
        return False
    if p.region and not (m.get("region") or "").startswith(p.region):
        return False
    return p.in_range(m.get("date"))


def run_embedded(store: EmbeddedStore, params: MeetingsParams) -> MeetingsResult:
    found = [m for m in (store.node(i) for i in store.ids_by_label("Meeting")) if _matches(m, params)]
    return MeetingsResult(meetings=[row(m) for m in latest_meetings(found, params.limit, params.offset)],
                          total=len(found), offset=params.offset)


# Only the filters given go into the WHERE (fixed fragments, values as parameters), so Neo4j can
# seek the level/kind/region/date indexes; ordering in Cypher so only one page of rows travels.
_FILTERS = {
    "level": "m.level = $level",
    "kind": "m.kind = $kind",
    "region": "m.region STARTS WITH $region",
    "ranged": CYPHER_IN_RANGE.format(v="m.date").replace("NOT $ranged OR ", ""),
}
_PROJECTION = f"m {{.id, .name, .date, .level, .kind, .region, articles: {cypher_articles('m', 'Meeting')}}}"
DATED = "m.date >= '0' AND m.date < ':'"  # starts with a digit, as summary.is_dated
UNDATED = f"NOT coalesce({DATED}, false)"


def cypher(args: dict[str, Any], before: str = "", also: str = "") -> str:
    """Counts of all and of dated matches (and whatever `before` adds; `also` the columns it returns)."""
    return (f"{before}CALL () {{ {_match(args)} RETURN count(m) AS total }}\n"
            f"CALL () {{ {_match(args, DATED)} RETURN count(m) AS n_dated }}\n"
            f"RETURN {also}total, n_dated")


def _match(args: dict[str, Any], *extra: str) -> str:
    conds = [text for key, text in _FILTERS.items() if args.get(key)] + list(extra)
    return "MATCH (m:Meeting)" + (f" WHERE {' AND '.join(conds)}" if conds else "")


def fetch(store: Neo4jStore, args: dict[str, Any], projection: str = _PROJECTION, before: str = "",
          also: str = "") -> dict[str, Any]:
    """The counts, then the page's dated meetings in date-index order (a top-k, not a sort of everything) when
    the page starts among them, and its undated ones by id only when it reaches past them: scanning for undated
    meetings is what a first page must not pay for, and a guard inside one statement did not spare it (the
    planner tested it after the scan)."""
    row = store.query(cypher(args, before, also), args)[0]
    n_dated, offset, end = row["n_dated"], args["offset"], args["offset"] + args["limit"]
    row["dated"] = row["undated"] = []
    if offset < n_dated:
        row["dated"] = store.query(f"{_match(args, DATED)} WITH m ORDER BY m.date DESC, m.id DESC "
                                   f"SKIP $offset LIMIT $limit RETURN collect({projection}) AS dated", args)[0]["dated"]
    if end > n_dated:
        skip = max(0, offset - n_dated)
        row["undated"] = store.query(f"{_match(args, UNDATED)} WITH m ORDER BY m.id SKIP $skip LIMIT $take "
                                     f"RETURN collect({projection}) AS undated",
                                     {**args, "skip": skip, "take": end - max(offset, n_dated)})[0]["undated"]
    return row


def page(row0: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    """The page from the fetched rows: its dated part, then the undated ones it reaches."""
    return (row0["dated"] + row0["undated"])[:limit]


def run_neo4j(store: Neo4jStore, params: MeetingsParams) -> MeetingsResult:
    args = {"level": params.level or None, "kind": params.kind or None, "region": params.region or None,
            "limit": params.limit, "offset": params.offset, **params.range_params()}
    got = fetch(store, args)
    return MeetingsResult(meetings=[row(m) for m in page(got, params.limit)], total=got["total"], offset=params.offset)


SPEC = QuerySpec(name="meetings", description="meetings filtered by level, kind, region and dates, latest first",
                 params=MeetingsParams, result=MeetingsResult, embedded=run_embedded, neo4j=run_neo4j)
