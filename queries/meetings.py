"""meetings: the meetings matching level, kind, region (a path prefix: sub-regions included) and a
date range, latest first — the app's meeting list. `total` counts all matches, `meetings` the first
`limit` of them: dated meetings by date then id (both descending), then the undated by id."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from graph_loader.stores.summary import latest_meetings
from queries.shapes import CYPHER_IN_RANGE, DateRangeParams, Level, Ref, ref
from queries.spec import QuerySpec


class MeetingsParams(DateRangeParams):
    level: Level | None = None
    kind: str | None = None
    region: str | None = Field(None, description="a region path; its sub-regions are included")
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


def row(m: dict[str, Any]) -> MeetingRow:
    return MeetingRow(meeting=ref(m, "Meeting"), date=m.get("date"), level=m.get("level"), kind=m.get("kind"),
                      region=m.get("region"), articles=sorted(m.get("articles") or []))


def _matches(m: dict[str, Any], p: MeetingsParams) -> bool:
    if p.level and m.get("level") != p.level or p.kind and m.get("kind") != p.kind:
        return False
    if p.region and not (m.get("region") or "").startswith(p.region):
        return False
    return p.in_range(m.get("date"))


def run_embedded(store: Any, params: MeetingsParams) -> MeetingsResult:
    found = [m for m in (store.node(i) for i in store.ids_by_label("Meeting")) if _matches(m, params)]
    return MeetingsResult(meetings=[row(m) for m in latest_meetings(found, params.limit)], total=len(found))


# Only the filters given go into the WHERE (fixed fragments, values as parameters), so Neo4j can
# seek the level/kind/region/date indexes; ordering in Cypher so only `limit` rows travel.
_FILTERS = {
    "level": "m.level = $level",
    "kind": "m.kind = $kind",
    "region": "m.region STARTS WITH $region",
    "ranged": CYPHER_IN_RANGE.format(v="m.date").replace("NOT $ranged OR ", ""),
}
_PROJECTION = "m {.id, .name, .date, .level, .kind, .region, .articles}"
_DATED = "m.date >= '0' AND m.date < ':'"  # starts with a digit, as summary.is_dated


def cypher(args: dict[str, Any]) -> str:
    """The count of all matches and the first `limit`: dated ones in date-index order (a top-k, not a
    sort of everything), then undated ones by id."""
    where = [text for key, text in _FILTERS.items() if args.get(key)]

    def match(*extra: str) -> str:
        conds = where + list(extra)
        return "MATCH (m:Meeting)" + (f" WHERE {' AND '.join(conds)}" if conds else "")

    return (f"CALL () {{ {match()} RETURN count(m) AS total }}\n"
            f"CALL () {{ {match(_DATED)} WITH m ORDER BY m.date DESC, m.id DESC LIMIT $limit "
            f"RETURN collect({_PROJECTION}) AS dated }}\n"
            f"CALL () {{ {match(f'NOT coalesce({_DATED}, false)')} WITH m ORDER BY m.id LIMIT $limit "
            f"RETURN collect({_PROJECTION}) AS undated }}\n"
            "RETURN total, dated + undated AS meetings")


def run_neo4j(store: Any, params: MeetingsParams) -> MeetingsResult:
    args = {"level": params.level or None, "kind": params.kind or None, "region": params.region or None,
            "limit": params.limit, **params.range_params()}
    rows = store.query(cypher(args), args)
    found = latest_meetings(rows[0]["meetings"], params.limit) if rows else []
    return MeetingsResult(meetings=[row(m) for m in found], total=rows[0]["total"] if rows else 0)


SPEC = QuerySpec(name="meetings", description="meetings filtered by level, kind, region and dates, latest first",
                 params=MeetingsParams, result=MeetingsResult, embedded=run_embedded, neo4j=run_neo4j)
