"""propagation: how a directive (or a meeting's spirit) travelled down through relaying meetings.

The top is an id, or a name with an optional date (`target=全国安全生产电视电话会议 date=2016-07-20`):
a recurring meeting has one node per day it was held, so a name that fits several nodes answers
with the candidates (date, level, region, number of reports) and no tree.
The tree holds every meeting that relays the root directly or by relaying a meeting
that relays it. Each meeting hangs under the relayed node deepest in the tree (ties:
the more local level, then id). A meeting that relays a directive directly hangs,
marked inferred, under the most local meeting of an enclosing region at a higher
level that relayed the same directive directly on or before its date.

A large tree comes a part at a time: the tree is worked out whole from its skeleton (ids, levels,
dates, regions, relay edges), then at most `limit` nodes are sent, breadth first from the top (or
from the node `under`), each with `below` (the nodes hanging under it in the whole tree); `total`
is the size of the whole tree and `more` says some were left out. Only the nodes sent are read in
full (articles, evidence, chairs and speakers).
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
from queries.stored import stored_answer

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


DEFAULT_DEPTH = 8


class PropagationParams(BaseModel):
    target: str = Field(description="directive or meeting: id, title or name")
    date: str | None = Field(None, description="with a name: the day of the meeting (YYYY-MM-DD or --MM-DD)")
    max_depth: int = Field(DEFAULT_DEPTH, ge=1, le=12, description="relay hops followed")
    limit: int = Field(500, ge=1, le=100000, description="nodes sent at most, breadth first from the top "
                                                          "(or from `under`); `total` and `below` count the rest")
    under: str | None = Field(None, description="send the part of the tree under this node (its id) only")


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
    below: int = 0  # nodes hanging under it in the whole tree (sent or not)


class PropagationResult(BaseModel):
    root: Ref | None
    nodes: list[PropagationNode]
    # when the target names several nodes (a recurring meeting) and no date singles one out: the
    # choices, newest first, and no tree
    candidates: list[Candidate] = Field(default_factory=list)
    total: int = 0  # nodes in the whole tree
    more: bool = False  # some were not sent (ask again with a larger `limit` or with `under`)


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


SKELETON = """
MATCH (root:{label} {{id: $id}})
OPTIONAL MATCH (m:Meeting)-[:RELAYS*1..{depth}]->(root)
WITH root, [x IN collect(DISTINCT m) WHERE x <> root] AS ms
CALL (root, ms) {{
  UNWIND ms AS m
  MATCH (m)-[r:RELAYS]->(t)
  RETURN collect({{src: m.id, dst: t.id, id: r.id, inferred: r.inferred, reason: r.reason,
                   basis: r.basis}}) AS rels
}}
RETURN [x IN ms | x {{.id, .name, .kind, .date, .level, .region, label: 'Meeting'}}] AS meetings, rels
"""
# the details of the nodes sent only: their articles, one evidence sentence (the first in string order,
# shapes.first_evidence: a meeting reported by many articles carries many), the chosen edges' one, chairs/speakers
DETAILS = """
CALL () {{
  UNWIND $ids AS mid
  MATCH (x:Meeting {{id: mid}})
  RETURN collect(x {{.id, articles: {articles}, evidence: [e IN [{first}] WHERE e IS NOT NULL]}}) AS meetings
}}
CALL () {{
  UNWIND $edges AS edge
  MATCH (:Meeting {{id: edge[0]}})-[x:RELAYS {{id: edge[1]}}]->()
  RETURN collect({{id: x.id, evidence: [e IN [{first}] WHERE e IS NOT NULL]}}) AS rels
}}
CALL () {{
  UNWIND $pids AS mid
  MATCH (p:Person)-[pr:PARTICIPATED]->(m:Meeting {{id: mid}})
  WHERE pr.role IN ['chair', 'speaker']
  RETURN collect({{meeting: m.id, person: p.id, name: p.name, role: pr.role}}) AS parts
}}
RETURN meetings, rels, parts
"""
_ARTICLES = cypher_articles("x", "Meeting")
_FIRST = "reduce(f = null, e IN coalesce(x.evidence, []) | CASE WHEN f IS NULL OR e < f THEN e ELSE f END)"


def _skeleton_neo4j(store: Neo4jStore, root: dict[str, Any], max_depth: int) -> dict[str, Any]:
    rows = store.query(SKELETON.format(label=root["label"], depth=int(max_depth)), {"id": root["id"]})
    return rows[0] if rows else {"meetings": [], "rels": []}


def _details_neo4j(store: Neo4jStore, root: dict[str, Any]) -> Any:
    details_text = DETAILS.format(first=_FIRST, articles=_ARTICLES)

    def details(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, Any]:
        pids = ids + [root["id"]] if root["label"] == "Meeting" else ids
        if not pids:
            return {"meetings": [], "rels": [], "parts": []}
        got = store.query(details_text, {"ids": ids, "edges": [list(e) for e in edges], "pids": pids})
        return got[0] if got else {"meetings": [], "rels": [], "parts": []}

    return details


def _raw_neo4j(store: Neo4jStore, root: dict[str, Any], max_depth: int) -> dict[str, Any]:
    raw = _skeleton_neo4j(store, root, max_depth)
    return {"meetings": raw["meetings"], "rels": raw["rels"], "details": _details_neo4j(store, root)}


# ----- shared assembly ----------------------------------------------------------------------
def _details_from(raw: dict[str, Any]) -> Any:
    """The embedded store's rows hold the details already: the same answer as Neo4j's DETAILS query."""
    by_id = {m["id"]: m for m in raw["meetings"]}
    rels = {r["id"]: r for r in raw["rels"]}

    def details(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, Any]:
        wanted = set(ids)
        return {"meetings": [by_id[i] for i in ids if i in by_id],
                "rels": [rels[e[1]] for e in edges if e[1] in rels],
                "parts": [p for p in raw["parts"] if p["meeting"] in wanted or p["meeting"] == raw.get("root")]}

    return details


class TreeShape(BaseModel):
    """A whole tree worked out from its skeleton, before any part of it is sent: one row per meeting,
    `SHAPE_COLUMNS`; `top_date` the day lags from the top count from. Stored per big root after a load
    (`summary_roots`, `queries/stored.py`), so a part of a large tree is read, not worked out again."""

    version: int = 1
    top_date: str | None = None
    nodes: list[list[Any]]


SHAPE_COLUMNS = ("id", "name", "kind", "date", "level", "region", "parent", "edge", "inferred", "reason", "basis",
                 "depth", "below")
SHAPE_PREFIX = "propagation:"  # + the root's id: the stored shape of its tree (default max_depth)
STORED_FROM = 20  # a meeting relayed directly by this many meetings has its tree's shape stored; every directive has


def _shape(root: dict[str, Any], raw: dict[str, Any]) -> TreeShape:
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
    uppers = _Uppers(direct, meetings) if root["label"] == "Directive" else None
    if root["label"] == "Meeting":
        top_date = root.get("date")
    else:
        top_date = min((m["date"] for m in meetings.values() if full_date(m.get("date"))), default=None)

    # the whole tree's shape: each node's parent and edge
    shape: dict[str, tuple[str | None, dict | None, bool, str | None, str | None]] = {}
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
        shape[mid] = (parent, edge, inferred, reason, basis)

    children = _children({mid: s[0] for mid, s in shape.items()})
    below: dict[str, int] = {}

    def count(nid: str) -> None:  # iterative: a deep chain must not hit the recursion limit
        stack, walked, visited = [nid], [], set()
        while stack:
            x = stack.pop()
            if x in below or x in visited:
                continue
            visited.add(x)
            walked.append(x)
            stack.extend(children.get(x, []))
        for x in reversed(walked):
            below[x] = sum(1 + below.get(c, 0) for c in children.get(x, []) if c != x)

    for mid in meetings:
        if mid not in below:
            count(mid)

    rows = []
    for mid, m in meetings.items():
        parent, edge, inferred, reason, basis = shape[mid]
        rows.append([mid, m.get("name"), m.get("kind"), m.get("date"), m.get("level"), m.get("region"), parent,
                     edge["id"] if edge else None, inferred, reason, basis,
                     (depth[parent] + 1) if parent in depth else depth.get(mid, 0), below.get(mid, 0)])
    rows.sort(key=lambda r: r[0])  # one stored text for one graph, whatever order the store sent the meetings in
    return TreeShape(top_date=top_date, nodes=rows)


def _children(parents: dict[str, str | None]) -> dict[str | None, list[str]]:
    """Each node's children; a node whose parent is not in the tree (or none) under None, the tops."""
    children: dict[str | None, list[str]] = {}
    for mid, parent in parents.items():
        children.setdefault(parent if parent in parents else None, []).append(mid)
    return children


def _assemble(root: dict[str, Any] | None, raw: dict[str, Any], limit: int = 500,
              under: str | None = None) -> PropagationResult:
    if root is None:
        return PropagationResult(root=None, nodes=[])
    details = raw.get("details") or _details_from({**raw, "root": root["id"] if root["label"] == "Meeting" else None})
    return _send(root, _shape(root, raw), details, limit, under)


def _send(root: dict[str, Any], tree: TreeShape, details_fn: Any, limit: int = 500,
          under: str | None = None) -> PropagationResult:
    """At most `limit` nodes of the whole tree, breadth first from the top (or from `under`), in full."""
    cols = {c: i for i, c in enumerate(SHAPE_COLUMNS)}
    ID, PARENT, DATE, LEVEL = cols["id"], cols["parent"], cols["date"], cols["level"]
    meetings = {row[ID]: row for row in tree.nodes}
    children = _children({mid: row[PARENT] for mid, row in meetings.items()})
    tops = children.pop(None, [])

    def order(nid: str) -> tuple:
        m = meetings[nid]
        return (level_rank(m[LEVEL]), m[DATE] or "~", nid)

    # breadth first from the top (or from `under`), at most `limit` nodes; under the top, nodes that a
    # cycle of parents keeps from it come last
    sent: list[str] = []
    seen: set[str] = set()

    def walk(frontier: list[str]) -> None:
        while frontier and len(sent) < limit:
            nxt: list[str] = []
            for nid in frontier:
                if len(sent) >= limit:
                    break
                if nid in seen:
                    continue
                seen.add(nid)
                sent.append(nid)
                nxt.extend(sorted(children.get(nid, []), key=order))
            frontier = nxt

    if under is not None:
        walk(sorted(children.get(under, []), key=order))
        reachable = meetings[under][cols["below"]] if under in meetings else 0
    else:
        walk(sorted(tops, key=order))
        if len(sent) < limit:
            walk(sorted((m for m in meetings if m not in seen), key=order))
        reachable = len(meetings)

    fetch = [nid for nid in sent if nid != root["id"]]
    edges = [(nid, meetings[nid][cols["edge"]]) for nid in fetch if meetings[nid][cols["edge"]] is not None]
    det = details_fn(fetch, edges)
    full = {m["id"]: m for m in det["meetings"]}
    full[root["id"]] = root
    edge_evidence = {r["id"]: r.get("evidence") for r in det["rels"]}
    chairs: dict[str, list[str]] = {}
    speakers: dict[str, list[str]] = {}
    for p in det["parts"]:
        (chairs if p["role"] == "chair" else speakers).setdefault(p["meeting"], []).append(p["name"] or p["person"])

    nodes: list[PropagationNode] = []
    for mid in sent:
        (_, name, kind, date, level, region, parent, edge, inferred, reason, basis, depth, below) = meetings[mid]
        parent_date = meetings[parent][DATE] if parent in meetings else None
        fm = full.get(mid, {})
        nodes.append(PropagationNode(
            id=mid, name=name, kind=kind, date=date, level=level, region=region, parent=parent, depth=depth,
            lag_days=lag_days(date, parent_date), lag_from_top=lag_days(date, tree.top_date),
            edge=None if parent is None else ("inferred" if inferred else "explicit"), basis=basis,
            chairs=sorted(set(chairs.get(mid, []))), speakers=sorted(set(speakers.get(mid, []))),
            inferred=inferred, reason=reason,
            evidence=first_evidence(edge_evidence.get(edge) if edge else fm.get("evidence")),
            articles=sorted(fm.get("articles") or []), below=below))
    nodes.sort(key=lambda n: (level_rank(n.level), n.date or "~", n.id))
    return PropagationResult(root=ref(root), nodes=nodes, total=len(meetings), more=len(sent) < reachable)


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
    return _assemble(root, _raw_embedded(store, root, params.max_depth), params.limit, params.under)


def run_neo4j(store: Neo4jStore, params: PropagationParams) -> PropagationResult:
    root, candidates = _root(store, params.target, params.date)
    if root is None:
        return PropagationResult(root=None, nodes=[], candidates=candidates)
    key = SHAPE_PREFIX + root["id"] if params.max_depth == DEFAULT_DEPTH else None
    tree = stored_answer(store, key, TreeShape) or _shape(root, _skeleton_neo4j(store, root, params.max_depth))
    return _send(root, tree, _details_neo4j(store, root), params.limit, params.under)


def summary_roots(store: Neo4jStore) -> list[str]:
    """The roots whose trees' shapes are stored after a load: every directive, and the meetings relayed
    directly by `STORED_FROM` meetings or more (the others' trees are small enough to work out live)."""
    rows = store.query("MATCH (d:Directive) RETURN d.id AS id UNION "
                       "MATCH (m:Meeting) WHERE COUNT { (m)<-[:RELAYS]-(:Meeting) } >= $n RETURN m.id AS id",
                       {"n": STORED_FROM})
    return sorted(r["id"] for r in rows)


def stored_shapes(store: Neo4jStore) -> dict[str, Any]:
    """For `refresh_summaries`: per root of `summary_roots`, its key and how to work out its tree's shape."""
    def compute(rid: str) -> TreeShape:
        root = next(n for n in find_nodes(store, rid, ("Directive", "Meeting")) if n["id"] == rid)
        return _shape(root, _skeleton_neo4j(store, root, DEFAULT_DEPTH))

    return {SHAPE_PREFIX + rid: (lambda rid=rid: compute(rid)) for rid in summary_roots(store)}


SPEC = QuerySpec(
    name="propagation",
    description="how a directive or meeting travelled down: the tree of relaying meetings, with lags",
    params=PropagationParams, result=PropagationResult, embedded=run_embedded, neo4j=run_neo4j)
