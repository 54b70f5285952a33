"""path: the shortest connection between two entities, each hop with its evidence.

Relationships are followed in either direction; articles are not stepping stones
(two facts of one article would always be two hops apart). Among equally short
paths the one with the lexicographically smallest sequence of node ids wins, then
of relationship ids, on both stores (on Neo4j chosen in the statement: the thousands of shortest paths
between two busy nodes at 100k are compared there and one travels, with its evidence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from queries.lookup import find_one
from queries.shapes import EvidenceItem, Ref, cypher_props, evidence_items, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore

ENDPOINT_LABELS = ("Person", "Body", "Post", "Region", "Meeting", "Inspection", "Directive", "Incident", "Sector")


class PathParams(BaseModel):
    a: str = Field(description="first entity: id or exact name")
    b: str = Field(description="second entity: id or exact name")
    max_hops: int = Field(6, ge=1, le=10)


class Hop(BaseModel):
    src: Ref
    type: str
    dst: Ref
    forward: bool  # the relationship points from the path's previous node to its next
    evidence: list[EvidenceItem]


class PathResult(BaseModel):
    a: Ref
    b: Ref
    length: int | None  # None when no path within max_hops
    nodes: list[Ref]
    hops: list[Hop]


CYPHER = """
MATCH (a:{la} {{id: $a}}), (b:{lb} {{id: $b}})
MATCH p = allShortestPaths((a)-[*..{hops}]-(b))
WHERE none(n IN nodes(p) WHERE n:Article)
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id] LIMIT 1
RETURN [n IN nodes(p) | {node}] AS nodes,
       [r IN relationships(p) | {{id: r.id, type: type(r), src: startNode(r).id, evidence: r.evidence}}] AS rels
"""


def _neighbours(store: GraphStore, nid: str) -> set[str]:
    out = {d for d, _ in store.out_rels(nid)} | {s for s, _ in store.in_rels(nid)}
    return {n for n in out if store.label(n) != "Article"}


def _layers(store: GraphStore, start: str, other: str, max_hops: int) -> tuple[dict[str, int], dict[str, int], int | None]:
    """Bidirectional BFS: distances from each end (partial) and the length of the shortest path."""
    dist = [{start: 0}, {other: 0}]
    frontier = [[start], [other]]
    depth = [0, 0]
    while frontier[0] and frontier[1] and depth[0] + depth[1] < max_hops:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        nxt = []
        for nid in frontier[side]:
            for n in _neighbours(store, nid):
                if n not in dist[side]:
                    dist[side][n] = depth[side] + 1
                    nxt.append(n)
        depth[side] += 1
        frontier[side] = nxt
        meet = [n for n in nxt if n in dist[1 - side]]
        if meet:
            return dist[0], dist[1], min(dist[0][n] + dist[1][n] for n in meet)
    return dist[0], dist[1], None


def _smallest_path(store: GraphStore, a: str, b: str, max_hops: int) -> tuple[list[str], list[dict]] | None:
    """The shortest path with the smallest node-id sequence (greedy on the nodes of shortest paths)."""
    if a == b:
        return [a], []
    da, db, length = _layers(store, a, b, max_hops)
    if length is None:
        return None
    rb = max(db.values())
    k = length - rb  # from position k on, distances to b are known exactly
    on_path: dict[int, set[str]] = {}
    if k >= 1:
        on_path[k] = {n for n, d in db.items() if d == rb and da.get(n) == k}
        for j in range(k - 1, 0, -1):
            on_path[j] = {n for n, d in da.items() if d == j and _neighbours(store, n) & on_path[j + 1]}
    path = [a]
    for i in range(length):
        nbrs = _neighbours(store, path[-1])
        if i + 1 >= k:
            steps = [n for n in nbrs if db.get(n) == length - i - 1]
        else:
            steps = [n for n in nbrs if n in on_path[i + 1]]
        if not steps:
            return None
        path.append(min(steps))
    rels = []
    for u, v in zip(path, path[1:], strict=False):
        cands = [r | {"src": u} for d, r in store.out_rels(u) if d == v]
        cands += [r | {"src": v} for s, r in store.in_rels(u) if s == v]
        rels.append(min(cands, key=lambda r: r["id"]))
    return path, rels


def _assemble(a: dict, b: dict, nodes: dict[str, dict], found: tuple[list[str], list[dict]] | None) -> PathResult:
    if found is None:
        return PathResult(a=ref(a), b=ref(b), length=None, nodes=[], hops=[])
    ids, rels = found
    refs = [ref(nodes[i]) for i in ids]
    hops = [Hop(src=refs[k], type=r["type"], dst=refs[k + 1], forward=r["src"] == ids[k],
                evidence=evidence_items(r.get("evidence"))) for k, r in enumerate(rels)]
    return PathResult(a=ref(a), b=ref(b), length=len(rels), nodes=refs, hops=hops)


def _ends(store: GraphStore, params: PathParams) -> tuple[dict, dict]:
    a = find_one(store, params.a, ENDPOINT_LABELS, "entity")
    b = find_one(store, params.b, ENDPOINT_LABELS, "entity")
    return a, b


def run_embedded(store: EmbeddedStore, params: PathParams) -> PathResult:
    a, b = _ends(store, params)
    found = _smallest_path(store, a["id"], b["id"], params.max_hops)
    nodes = {i: store.node(i) for i in (found[0] if found else [])}
    return _assemble(a, b, nodes, found)


def run_neo4j(store: Neo4jStore, params: PathParams) -> PathResult:
    a, b = _ends(store, params)
    if a["id"] == b["id"]:
        return _assemble(a, b, {a["id"]: a}, ([a["id"]], []))
    text = CYPHER.format(la=a["label"], lb=b["label"], hops=int(params.max_hops), node=cypher_props("n"))
    rows = store.query(text, {"a": a["id"], "b": b["id"]})
    if not rows:
        return _assemble(a, b, {}, None)
    best = rows[0]
    nodes = {n["id"]: n for n in best["nodes"]}
    return _assemble(a, b, nodes, ([n["id"] for n in best["nodes"]], best["rels"]))


SPEC = QuerySpec(name="path", description="the shortest connection between two entities, with each hop's evidence",
                 params=PathParams, result=PathResult, embedded=run_embedded, neo4j=run_neo4j)
