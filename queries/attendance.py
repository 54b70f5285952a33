"""attendance: who took part in which meetings, with roles — for a person, a body's post-holders,
a region (with its sub-regions) or a list of meetings by id — within an optional date range.

The meetings form serves pages that show a page of meetings: asking for those few (at most
MAX_MEETINGS) costs what they hold, where asking by region costs every meeting below it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, field_validator, model_validator

from graph_loader.lang.levels import ROLE_RANK
from graph_loader.stores.embedded import EmbeddedStore
from queries.lookup import find_nodes, region_subtree
from queries.shapes import (
    CYPHER_IN_RANGE,
    DateRangeParams,
    QueryParamError,
    Ref,
    cypher_props,
    query_rows,
    ref,
)
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.neo4j_store import Neo4jStore

MAX_MEETINGS = 1000


class AttendanceParams(DateRangeParams):
    person: str | None = Field(None, description="person id or exact name")
    body: str | None = Field(None, description="body id or exact name (its post-holders)")
    region: str | None = Field(None, description="region id, path or name (with sub-regions)")
    meetings: list[str] | None = Field(None, description=f"meeting ids, comma-separated (at most {MAX_MEETINGS})")

    @field_validator("meetings", mode="before")
    @classmethod
    def _split(cls, v: Any) -> Any:
        """`a,b` from the command line is the list [a, b]; blanks and repeats are dropped, the order kept."""
        if isinstance(v, str):
            v = v.split(",")
        if isinstance(v, list | tuple):
            v = list(dict.fromkeys(x.strip() if isinstance(x, str) else x for x in v))
            v = [x for x in v if x != ""]
            if len(v) > MAX_MEETINGS:
                raise ValueError(f"at most {MAX_MEETINGS} meetings, got {len(v)}")
        return v

    @model_validator(mode="after")
    def _one_subject(self) -> AttendanceParams:
        if sum(x is not None for x in (self.person, self.body, self.region, self.meetings)) != 1:
            raise ValueError("give exactly one of person, body, region, meetings")
        return self


class AttendanceRow(BaseModel):
    meeting: Ref
    date: str | None
    level: str | None
    region: str | None
    person: Ref
    role: str


class AttendanceResult(BaseModel):
    subject: list[Ref]  # the nodes the subject parameter matched
    rows: list[AttendanceRow]


_RANGE = CYPHER_IN_RANGE.format(v="m.date")
_RETURN = (f"RETURN DISTINCT {cypher_props('m', 'date', 'level', 'region', label='Meeting')} AS m, "
           "p {.id, .name, label: 'Person'} AS p, r.role AS role")
CYPHER_PERSON = f"MATCH (p:Person)-[r:PARTICIPATED]->(m:Meeting) WHERE p.id IN $ids AND {_RANGE} {_RETURN}"
CYPHER_BODY = f"""
MATCH (b:Body)<-[:POST_IN]-(:Post)<-[:HOLDS]-(p:Person)-[r:PARTICIPATED]->(m:Meeting)
WHERE b.id IN $ids AND {_RANGE} {_RETURN}"""
CYPHER_REGION = f"""
MATCH (g:Region)<-[:PART_OF*0..]-(:Region)<-[:HELD_IN]-(m:Meeting)<-[r:PARTICIPATED]-(p:Person)
WHERE g.id IN $ids AND {_RANGE} {_RETURN}"""
CYPHER_MEETINGS = f"MATCH (m:Meeting)<-[r:PARTICIPATED]-(p:Person) WHERE m.id IN $ids AND {_RANGE} {_RETURN}"
CYPHER_FIND_MEETINGS = f"MATCH (m:Meeting) WHERE m.id IN $ids RETURN {cypher_props('m', label='Meeting')} AS m"


def _meetings(found: dict[str, dict], wanted: list[str]) -> tuple[str, list[dict]]:
    """The meetings asked for, in the order given; every id must name a meeting."""
    missing = [m for m in wanted if m not in found]
    if missing:
        more = f" (and {len(missing) - 5} more)" if len(missing) > 5 else ""
        raise QueryParamError(f"no meeting with id {', '.join(repr(m) for m in missing[:5])}{more}")
    return "meetings", [found[m] for m in wanted]


def _subject(store: GraphStore, params: AttendanceParams) -> tuple[str, list[dict]]:
    if params.meetings is not None:
        if isinstance(store, EmbeddedStore):
            found = {m: store.node(m) for m in params.meetings if store.label(m) == "Meeting"}
        else:
            rows = store.query(CYPHER_FIND_MEETINGS, {"ids": params.meetings})
            found = {r["m"]["id"]: r["m"] for r in rows}
        return _meetings(found, params.meetings)
    if params.person is not None:
        kind, text, labels = "person", params.person, ("Person",)
    elif params.body is not None:
        kind, text, labels = "body", params.body, ("Body",)
    else:
        kind, text, labels = "region", params.region or "", ("Region",)
    found = find_nodes(store, text, labels)
    if not found:
        raise QueryParamError(f"no {kind} with id or name {text!r}")
    return kind, found


def _raw_embedded(store: EmbeddedStore, kind: str, ids: list[str], params: AttendanceParams) -> list[dict]:
    persons: set[str] = set()
    meetings: set[str] = set()
    if kind == "person":
        persons = set(ids)
    elif kind == "body":
        for b in ids:
            for post, _ in store.in_rels(b, "POST_IN"):
                if store.label(post) == "Post":
                    persons |= {p for p, _ in store.in_rels(post, "HOLDS") if store.label(p) == "Person"}
    elif kind == "meetings":
        meetings = set(ids)
    else:
        for rid in region_subtree(store, ids):
            meetings |= {m for m, _ in store.in_rels(rid, "HELD_IN") if store.label(m) == "Meeting"}
    rows = []
    seen = set()
    pairs = ([(p, mid, r) for p in persons for mid, r in store.out_rels(p, "PARTICIPATED")]
             if kind in ("person", "body")
             else [(p, mid, r) for mid in meetings for p, r in store.in_rels(mid, "PARTICIPATED")])
    for pid, mid, r in pairs:
        if store.label(mid) != "Meeting" or store.label(pid) != "Person":
            continue
        m = store.node(mid)
        key = (pid, mid, r.get("role"))
        if key in seen or not params.in_range(m.get("date")):
            continue
        seen.add(key)
        rows.append({"m": m, "p": store.node(pid), "role": r.get("role")})
    return rows


def _assemble(found: list[dict], rows: list[dict]) -> AttendanceResult:
    out = [AttendanceRow(meeting=ref(x["m"], "Meeting"), date=x["m"].get("date"), level=x["m"].get("level"),
                         region=x["m"].get("region"), person=ref(x["p"], "Person"), role=x["role"] or "attendee")
           for x in rows]
    out.sort(key=lambda r: (r.date or "~", r.meeting.id, ROLE_RANK.get(r.role, 9), r.person.name or "", r.person.id))
    return AttendanceResult(subject=[ref(n) for n in found], rows=out)


def run_embedded(store: EmbeddedStore, params: AttendanceParams) -> AttendanceResult:
    kind, found = _subject(store, params)
    return _assemble(found, _raw_embedded(store, kind, [n["id"] for n in found], params))


def run_neo4j(store: Neo4jStore, params: AttendanceParams) -> AttendanceResult:
    kind, found = _subject(store, params)
    text = {"person": CYPHER_PERSON, "body": CYPHER_BODY, "region": CYPHER_REGION, "meetings": CYPHER_MEETINGS}[kind]
    rows = query_rows(store, text, {"ids": [n["id"] for n in found], **params.range_params()}, ("m", "p", "role"))
    return _assemble(found, rows)


SPEC = QuerySpec(name="attendance", description="meetings with roles for a person, a body's post-holders, a region or listed meetings",
                 params=AttendanceParams, result=AttendanceResult, embedded=run_embedded, neo4j=run_neo4j)
