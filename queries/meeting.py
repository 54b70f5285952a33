"""meeting: one meeting with its participants by role, what it relays, sectors, inspection, evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.lang.levels import ROLE_RANK
from queries.lookup import find_one
from queries.shapes import EvidenceItem, Ref, cypher_props, evidence_items, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class MeetingParams(BaseModel):
    id: str = Field(description="meeting id or exact name")


class Participant(BaseModel):
    person: Ref
    role: str
    evidence: list[EvidenceItem]


class RelayLink(BaseModel):
    target: Ref
    inferred: bool
    reason: str | None
    evidence: list[EvidenceItem]


class MeetingResult(BaseModel):
    meeting: Ref
    date: str | None
    level: str | None
    kind: str | None
    region: str | None
    conveners: list[Ref]
    chairs: list[Participant]
    speakers: list[Participant]
    attendees: list[Participant]
    relays: list[RelayLink]
    relayed_by: list[RelayLink]
    sectors: list[str]
    inspections: list[Ref]  # the inspections it closes or reports on (FEEDBACK_OF)
    articles: list[str]
    evidence: list[EvidenceItem]


# one row per (relationship, neighbour) of the meeting, the same shape on both stores
CYPHER = f"""
MATCH (m:Meeting {{id: $id}})-[r:{'|'.join(('PARTICIPATED', 'RELAYS', 'CONVENED_BY', 'ADDRESSES', 'FEEDBACK_OF'))}]-(o)
RETURN type(r) AS type, startNode(r) = m AS outgoing, r {{.*}} AS rel,
       {cypher_props("o")} AS other
"""

_TYPES = ("PARTICIPATED", "RELAYS", "CONVENED_BY", "ADDRESSES", "FEEDBACK_OF")


def _raw_embedded(store: EmbeddedStore, mid: str) -> list[dict[str, Any]]:
    rows = []
    for dst, r in store.out_rels(mid):
        if r["type"] in _TYPES:
            rows.append({"type": r["type"], "outgoing": True, "rel": r, "other": store.node(dst)})
    for src, r in store.in_rels(mid):
        if r["type"] in _TYPES:
            rows.append({"type": r["type"], "outgoing": False, "rel": r, "other": store.node(src)})
    return rows


def _assemble(m: dict[str, Any], rows: list[dict[str, Any]]) -> MeetingResult:
    parts: dict[str, list[Participant]] = {"chair": [], "speaker": [], "attendee": []}
    relays, relayed_by, conveners, inspections, sectors = [], [], [], [], set()
    for row in rows:
        t, rel, other = row["type"], row["rel"], row["other"]
        if t == "PARTICIPATED" and not row["outgoing"]:
            role = rel.get("role") or "attendee"
            parts.setdefault(role, []).append(
                Participant(person=ref(other), role=role, evidence=evidence_items(rel.get("evidence"))))
        elif t == "RELAYS":
            link = RelayLink(target=ref(other), inferred=bool(rel.get("inferred")), reason=rel.get("reason"),
                             evidence=evidence_items(rel.get("evidence")))
            (relays if row["outgoing"] else relayed_by).append(link)
        elif t == "CONVENED_BY" and row["outgoing"]:
            conveners.append(ref(other))
        elif t == "ADDRESSES" and row["outgoing"]:
            sectors.add(other.get("name") or other["id"])
        elif t == "FEEDBACK_OF" and row["outgoing"]:
            inspections.append(ref(other))

    def by_person(p: Participant) -> tuple:
        return (ROLE_RANK.get(p.role, 9), p.person.name or "", p.person.id)

    def by_target(link: RelayLink) -> tuple:
        return (link.target.label, link.target.name or "", link.target.id)

    return MeetingResult(
        meeting=ref(m, "Meeting"), date=m.get("date"), level=m.get("level"), kind=m.get("kind"),
        region=m.get("region"), conveners=sorted(conveners, key=lambda r: r.id),
        chairs=sorted(parts.get("chair", []), key=by_person), speakers=sorted(parts.get("speaker", []), key=by_person),
        attendees=sorted(parts.get("attendee", []), key=by_person),
        relays=sorted(relays, key=by_target), relayed_by=sorted(relayed_by, key=by_target),
        sectors=sorted(sectors), inspections=sorted(inspections, key=lambda r: r.id),
        articles=sorted(m.get("articles") or []), evidence=evidence_items(m.get("evidence")))


def run_embedded(store: EmbeddedStore, params: MeetingParams) -> MeetingResult:
    m = find_one(store, params.id, ("Meeting",), "meeting")
    return _assemble(m, _raw_embedded(store, m["id"]))


def run_neo4j(store: Neo4jStore, params: MeetingParams) -> MeetingResult:
    m = find_one(store, params.id, ("Meeting",), "meeting")
    return _assemble(m, store.query(CYPHER, {"id": m["id"]}))


SPEC = QuerySpec(name="meeting", description="one meeting: participants by role, relays, sectors, inspection, evidence",
                 params=MeetingParams, result=MeetingResult, embedded=run_embedded, neo4j=run_neo4j)
