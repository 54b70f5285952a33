"""person: posts and bodies (with the articles stating them), meetings by role, directives relayed,
and the persons met most often at meetings."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.lang.levels import ROLE_RANK
from graph_loader.stores.neo4j_store import cypher_articles
from queries.lookup import find_nodes, find_one
from queries.shapes import EvidenceItem, Ref, cypher_props, evidence_items, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class PersonParams(BaseModel):
    id: str = Field(description="person id or exact name")


class PostHeld(BaseModel):
    post: Ref
    title: str | None  # as scored (leading place removed)
    full: str | None  # as written
    body: Ref | None
    articles: list[str]
    evidence: list[EvidenceItem]


class MeetingRole(BaseModel):
    meeting: Ref
    date: str | None
    level: str | None
    region: str | None
    role: str


class DirectiveRelayed(BaseModel):
    directive: Ref
    via_meetings: list[str]


class CoParticipant(BaseModel):
    person: Ref
    meetings: int


class PersonResult(BaseModel):
    person: Ref
    region: str | None
    national_leader: bool
    candidates: list[str]  # other persons with the same name (ids)
    posts: list[PostHeld]
    meetings: list[MeetingRole]
    directives: list[DirectiveRelayed]
    co_participants: list[CoParticipant]
    articles: list[str]


CYPHER = """
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[h:HOLDS]->(post:Post)
  OPTIONAL MATCH (post)-[:POST_IN]->(b:Body)
  RETURN collect({post: POST_REF, rel: h {.*, articles: ARTICLES}, body: CASE WHEN b IS NULL THEN null
                  ELSE BODY_REF END}) AS posts
}
CALL (p) {
  MATCH (p)-[r:PARTICIPATED]->(m:Meeting)
  RETURN collect({meeting: MEETING_REF, role: r.role}) AS meetings
}
CALL (p) {
  MATCH (p)-[:PARTICIPATED]->(m:Meeting)-[:RELAYS]->(d:Directive)
  RETURN collect({directive: DIRECTIVE_REF, meeting: m.id}) AS directives
}
CALL (p) {
  MATCH (p)-[:PARTICIPATED]->(m:Meeting)<-[:PARTICIPATED]-(o:Person)
  WHERE o <> p
  RETURN collect({person: o {.id, .name, label: 'Person'}, meeting: m.id}) AS co
}
RETURN posts, meetings, directives, co
""".replace("POST_REF", cypher_props("post", label="Post")).replace("BODY_REF", cypher_props("b", label="Body")) \
   .replace("MEETING_REF", cypher_props("m", "date", "level", "region", label="Meeting")) \
   .replace("DIRECTIVE_REF", cypher_props("d", label="Directive")) \
   .replace("ARTICLES", cypher_articles("h", "HOLDS"))


def _raw_embedded(store: EmbeddedStore, pid: str) -> dict[str, list]:
    posts, meetings, directives, co = [], [], [], []
    for post_id, h in store.out_rels(pid, "HOLDS"):
        bodies = [store.node(b) for b, _ in store.out_rels(post_id, "POST_IN") if store.label(b) == "Body"]
        for body in bodies or [None]:
            posts.append({"post": store.node(post_id), "rel": h, "body": body})
    for mid, r in store.out_rels(pid, "PARTICIPATED"):
        if store.label(mid) != "Meeting":
            continue
        meetings.append({"meeting": store.node(mid), "role": r.get("role")})
        for did, _ in store.out_rels(mid, "RELAYS"):
            if store.label(did) == "Directive":
                directives.append({"directive": store.node(did), "meeting": mid})
        for oid, _ in store.in_rels(mid, "PARTICIPATED"):
            if oid != pid and store.label(oid) == "Person":
                co.append({"person": store.node(oid), "meeting": mid})
    return {"posts": posts, "meetings": meetings, "directives": directives, "co": co}


def _assemble(p: dict[str, Any], raw: dict[str, list], candidates: list[str]) -> PersonResult:
    posts = [PostHeld(post=ref(x["post"], "Post"), title=x["rel"].get("title") or x["post"].get("title"),
                      full=x["rel"].get("full"), body=ref(x["body"], "Body") if x["body"] else None,
                      articles=sorted(x["rel"].get("articles") or []), evidence=evidence_items(x["rel"].get("evidence")))
             for x in raw["posts"]]
    posts.sort(key=lambda x: (x.body.name if x.body else "", x.title or "", x.post.id))
    meetings = [MeetingRole(meeting=ref(x["meeting"], "Meeting"), date=x["meeting"].get("date"),
                            level=x["meeting"].get("level"), region=x["meeting"].get("region"),
                            role=x["role"] or "attendee") for x in raw["meetings"]]
    meetings.sort(key=lambda x: (ROLE_RANK.get(x.role, 9), x.date or "~", x.meeting.id))
    via: dict[str, set[str]] = {}
    dnodes: dict[str, dict] = {}
    for x in raw["directives"]:
        dnodes[x["directive"]["id"]] = x["directive"]
        via.setdefault(x["directive"]["id"], set()).add(x["meeting"])
    directives = [DirectiveRelayed(directive=ref(dnodes[d], "Directive"), via_meetings=sorted(via[d]))
                  for d in sorted(dnodes)]
    pairs = {(x["person"]["id"], x["meeting"]) for x in raw["co"]}
    count = Counter(pid for pid, _ in pairs)
    names = {x["person"]["id"]: x["person"] for x in raw["co"]}
    co = [CoParticipant(person=ref(names[i], "Person"), meetings=n) for i, n in count.items()]
    co.sort(key=lambda c: (-c.meetings, c.person.name or "", c.person.id))
    return PersonResult(person=ref(p, "Person"), region=p.get("region"), national_leader=bool(p.get("national_leader")),
                        candidates=candidates, posts=posts, meetings=meetings, directives=directives,
                        co_participants=co, articles=sorted(p.get("articles") or []))


def _person(store: GraphStore, text: str) -> tuple[dict[str, Any], list[str]]:
    found = find_nodes(store, text, ("Person",))
    if not found:
        find_one(store, text, ("Person",), "person")  # raises the clear error
    return found[0], [n["id"] for n in found[1:]]


def run_embedded(store: EmbeddedStore, params: PersonParams) -> PersonResult:
    p, others = _person(store, params.id)
    return _assemble(p, _raw_embedded(store, p["id"]), others)


def run_neo4j(store: Neo4jStore, params: PersonParams) -> PersonResult:
    p, others = _person(store, params.id)
    rows = store.query(CYPHER, {"id": p["id"]})
    return _assemble(p, rows[0] if rows else {"posts": [], "meetings": [], "directives": [], "co": []}, others)


SPEC = QuerySpec(name="person", description="a person: posts and bodies, meetings by role, directives, co-participants",
                 params=PersonParams, result=PersonResult, embedded=run_embedded, neo4j=run_neo4j)
