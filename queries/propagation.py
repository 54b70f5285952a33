"""propagation: how a directive (or a meeting's spirit) travelled down through relaying meetings.

The top is an id, or a name with an optional date (`target=全国安全生产电视电话会议 date=2016-07-20`):
a recurring meeting has one node per day it was held, so a name that fits several nodes answers
with the candidates (date, level, region, number of reports) and no tree.
The tree holds every meeting that relays the root directly or by relaying a meeting
that relays it. Each meeting hangs under the relayed node deepest in the tree (ties:
the more local level, then id). A meeting that relays a directive directly hangs,
marked inferred, under the most local meeting of an enclosing region at a higher
level that relayed the same directive directly on or before its date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.stores.neo4j_store import cypher_articles
from queries.lookup import find_nodes
from queries.shapes import (
    EvidenceItem,
    Ref,
    first_evidence,
    full_date,
    lag_days,
    level_rank,
    ref,
)
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class PropagationParams(BaseModel):
    target: str = Field(description="directive or meeting: id, title or name")
    date: str | None = Field(None, description="with a name: the day of the meeting (YYYY-MM-DD or --MM-DD)")
    max_depth: int = Field(8, ge=1, le=12, description="relay hops followed")


class Candidate(BaseModel):
    """A node a name (and date) could mean."""

    id: str
    label: str
    name: str | None
    date: str | None
    level: str | None
    region: str | None
    reports: int  # articles that report it


class PropagationNode(BaseModel):
    id: str
    name: str | None
    kind: str | None
    date: str | None
    level: str | None
    region: str | None
    parent: str | None  # the id of the node it hangs under (None for the root meeting)
    depth: int
    lag_days: int | None  # days after the parent meeting (None when a date is missing)
    lag_from_top: int | None  # days after the top (the root meeting; for a directive, the earliest dated node)
    edge: str | None  # the link to the parent: "explicit" (the text says it relays) | "inferred" | None at the top
    basis: str | None  # of an inferred relay read from the setting: branch_venue | follow_up
    chairs: list[str]
    speakers: list[str]
    inferred: bool
    reason: str | None
    evidence: EvidenceItem | None
    articles: list[str]


class PropagationResult(BaseModel):
    root: Ref | None
    nodes: list[PropagationNode]
    # when the target names several nodes (a recurring meeting) and no date singles one out: the
    # choices, newest first, and no tree
    candidates: list[Candidate] = Field(default_factory=list)


def _candidate(n: dict[str, Any]) -> Candidate:
    return Candidate(id=n["id"], label=n["label"], name=n.get("name") or n.get("title"), date=n.get("date"),
                     level=n.get("level"), region=n.get("region"), reports=len(n.get("articles") or []))


def _root(store: GraphStore, target: str, day: str | None = None) -> tuple[dict[str, Any] | None, list[Candidate]]:
    """The top node, or (None, candidates) when the name fits several and the date no single one."""
    found = find_nodes(store, target, ("Directive", "Meeting"))
    if len(found) > 1 and any(n["label"] == "Directive" for n in found) and not day:
        found = [n for n in found if n["label"] == "Directive"]  # a directive is not recurring
    if day:
        fits = [n for n in found if n["label"] == "Meeting" and _same_day(n.get("date"), day)]
        if len(fits) == 1 or not found:
            return (fits[0] if fits else None), []
        if not fits:  # nothing of that name on that day: the days there are, never another day's tree
            return None, sorted((_candidate(n) for n in found), key=lambda c: (c.date or "", c.id), reverse=True)
        found = fits
    if len(found) == 1:
        return found[0], []
    return None, sorted((_candidate(n) for n in found), key=lambda c: (c.date or "", c.id), reverse=True)


def _same_day(value: str | None, day: str) -> bool:
    """2016-07-20 is the day 2016-07-20 and --07-20; --07-20 is 2016-07-20 when asked without a year."""
    if not value:
        return False
    if value == day:
        return True
    return (day.startswith("--") or value.startswith("--")) and value[-5:] == day[-5:]


# ----- raw rows: root, meetings, relay edges inside the tree, chairs/speakers -----------------
def _raw_embedded(store: EmbeddedStore, root: dict[str, Any], max_depth: int) -> dict[str, Any]:
    members: dict[str, dict] = {}
    frontier, depth = [root["id"]], 0
    while frontier and depth < max_depth:
        nxt = []
        for nid in frontier:
            for src, _ in store.in_rels(nid, "RELAYS"):
                if src not in members and src != root["id"] and store.label(src) == "Meeting":
                    members[src] = store.node(src)
                    nxt.append(src)
        frontier, depth = nxt, depth + 1
    inside = set(members) | {root["id"]}
    rels, parts = [], []
    for mid in members:
        for dst, r in store.out_rels(mid, "RELAYS"):
            if dst in inside:
                rels.append({"src": mid, "dst": dst, "id": r["id"], "inferred": r.get("inferred"),
                             "reason": r.get("reason"), "basis": r.get("basis"),
                             "evidence": r.get("evidence", [])})
    for mid in inside:
        for pid, r in store.in_rels(mid, "PARTICIPATED"):
            if r.get("role") in ("chair", "speaker"):
                parts.append({"meeting": mid, "person": pid, "name": store.node(pid).get("name"),
                              "role": r["role"]})
    return {"meetings": list(members.values()), "rels": rels, "parts": parts}


CYPHER = """
MATCH (root:{label} {{id: $id}})
OPTIONAL MATCH (m:Meeting)-[:RELAYS*1..{depth}]->(root)
WITH root, [x IN collect(DISTINCT m) WHERE x <> root] AS ms
CALL (root, ms) {{
  UNWIND ms AS m
  MATCH (m)-[r:RELAYS]->(t)
  RETURN collect({{src: m.id, dst: t.id, id: r.id, inferred: r.inferred, reason: r.reason,
                   basis: r.basis, evidence: r.evidence}}) AS rels
}}
CALL (root, ms) {{
  UNWIND ms + [root] AS m
  MATCH (p:Person)-[pr:PARTICIPATED]->(m)
  WHERE pr.role IN ['chair', 'speaker']
  RETURN collect({{meeting: m.id, person: p.id, name: p.name, role: pr.role}}) AS parts
}}
RETURN [x IN ms | x {{.id, .name, .kind, .date, .level, .region, articles: {articles}, label: 'Meeting',
                     evidence: [e IN [{first}] WHERE e IS NOT NULL] }}] AS meetings, rels, parts
"""
# a tree node shows one evidence sentence, the first in string order (shapes.first_evidence): send that
# one only (a meeting reported by many articles carries many)
_ARTICLES = cypher_articles("x", "Meeting")
_FIRST = "reduce(f = null, e IN coalesce(x.evidence, []) | CASE WHEN f IS NULL OR e < f THEN e ELSE f END)"


def _raw_neo4j(store: Neo4jStore, root: dict[str, Any], max_depth: int) -> dict[str, Any]:
    text = CYPHER.format(label=root["label"], depth=int(max_depth), first=_FIRST, articles=_ARTICLES)
    rows = store.query(text, {"id": root["id"]})
    return rows[0] if rows else {"meetings": [], "rels": [], "parts": []}


# ----- shared assembly ----------------------------------------------------------------------
def _assemble(root: dict[str, Any] | None, raw: dict[str, Any]) -> PropagationResult:
    if root is None:
        return PropagationResult(root=None, nodes=[])
    meetings = {m["id"]: m for m in raw["meetings"]}
    if root["label"] == "Meeting":
        meetings[root["id"]] = root
    out: dict[str, list[dict]] = {mid: [] for mid in meetings}
    inside = set(meetings) | {root["id"]}  # relays to nodes outside the tree play no part (Cypher sends them)
    for r in sorted(raw["rels"], key=lambda r: r["id"]):
        if r["src"] in out and r["src"] != root["id"] and r["dst"] in inside:
            out[r["src"]].append(r)

    # depth = longest relay chain to the root (bounded relaxation, safe on cycles)
    depth: dict[str, int] = {root["id"]: 0}
    for _ in range(len(meetings) + 1):
        changed = False
        for mid, rels in out.items():
            best = max((depth[r["dst"]] + 1 for r in rels if r["dst"] in depth and r["dst"] != mid), default=None)
            if best is not None and best <= len(meetings) and depth.get(mid) != best and best > depth.get(mid, -1):
                depth[mid] = best
                changed = True
        if not changed:
            break

    def node_level(nid: str) -> int:
        return level_rank(meetings[nid].get("level")) if nid in meetings else -1

    direct = [mid for mid, rels in out.items() if any(r["dst"] == root["id"] for r in rels)]
    chairs: dict[str, list[str]] = {}
    speakers: dict[str, list[str]] = {}
    for p in raw["parts"]:
        (chairs if p["role"] == "chair" else speakers).setdefault(p["meeting"], []).append(p["name"] or p["person"])

    uppers = _Uppers(direct, meetings) if root["label"] == "Directive" else None
    if root["label"] == "Meeting":
        top_date = root.get("date")
    else:
        top_date = min((m["date"] for m in meetings.values() if full_date(m.get("date"))), default=None)
    nodes: list[PropagationNode] = []
    for mid, m in meetings.items():
        parent: str | None = None
        edge: dict | None = None
        inferred, reason, basis = False, None, None
        if mid != root["id"]:
            choices = sorted((r for r in out[mid] if r["dst"] in depth),
                             key=lambda r: (-depth[r["dst"]], -node_level(r["dst"]), r["dst"],
                                            bool(r.get("inferred")), r["id"]))
            if choices:
                edge = choices[0]
                parent = edge["dst"]
                inferred, reason, basis = bool(edge.get("inferred")), edge.get("reason"), edge.get("basis")
            if parent == root["id"] and uppers is not None:
                upper = uppers.parent(m)
                if upper is not None:
                    parent, inferred, basis = upper["id"], True, None
                    reason = (f"{upper.get('region')} ({upper.get('level')}) relayed the same directive "
                              f"on {upper.get('date')}, before this {m.get('level')} meeting in {m.get('region')}")
        parent_date = meetings[parent].get("date") if parent in meetings else None
        nodes.append(PropagationNode(
            id=mid, name=m.get("name"), kind=m.get("kind"), date=m.get("date"), level=m.get("level"),
            region=m.get("region"), parent=parent,
            depth=(depth[parent] + 1) if parent in depth else depth.get(mid, 0),
            lag_days=lag_days(m.get("date"), parent_date),
            lag_from_top=lag_days(m.get("date"), top_date),
            edge=None if parent is None else ("inferred" if inferred else "explicit"), basis=basis,
            chairs=sorted(set(chairs.get(mid, []))), speakers=sorted(set(speakers.get(mid, []))),
            inferred=inferred, reason=reason,
            evidence=first_evidence(edge["evidence"] if edge else m.get("evidence")),
            articles=sorted(m.get("articles") or [])))
    nodes.sort(key=lambda n: (level_rank(n.level), n.date or "~", n.id))
    return PropagationResult(root=ref(root), nodes=nodes)


class _Uppers:
    """The meetings relaying the directive directly, kept as the earliest per (region path, level)."""

    def __init__(self, direct: list[str], meetings: dict[str, dict]) -> None:
        self.best: dict[tuple[str, int], tuple] = {}
        for cid in direct:
            c = meetings[cid]
            day = full_date(c.get("date"))
            if c.get("region") and day is not None:
                key, value = (c["region"], level_rank(c.get("level"))), (day, cid, c)
                if key not in self.best or value[:2] < self.best[key][:2]:
                    self.best[key] = value

    def parent(self, m: dict) -> dict | None:
        """The most local higher-level meeting of an enclosing region that relayed it on or before m
        (ties: the earliest, then the smallest id)."""
        region, day = m.get("region"), full_date(m.get("date"))
        if not region or day is None:
            return None
        rank = level_rank(m.get("level"))
        candidates = []
        for k in range(1, len(region)):
            for c_rank in range(rank):
                found = self.best.get((region[:k], c_rank))
                if found is not None and found[0] <= day and found[1] != m["id"]:
                    candidates.append((-c_rank, found[0], found[1], found[2]))
        return min(candidates, key=lambda x: x[:3])[3] if candidates else None


def run_embedded(store: EmbeddedStore, params: PropagationParams) -> PropagationResult:
    root, candidates = _root(store, params.target, params.date)
    if root is None:
        return PropagationResult(root=None, nodes=[], candidates=candidates)
    return _assemble(root, _raw_embedded(store, root, params.max_depth))


def run_neo4j(store: Neo4jStore, params: PropagationParams) -> PropagationResult:
    root, candidates = _root(store, params.target, params.date)
    if root is None:
        return PropagationResult(root=None, nodes=[], candidates=candidates)
    return _assemble(root, _raw_neo4j(store, root, params.max_depth))


SPEC = QuerySpec(
    name="propagation",
    description="how a directive or meeting travelled down: the tree of relaying meetings, with lags",
    params=PropagationParams, result=PropagationResult, embedded=run_embedded, neo4j=run_neo4j)
