"""neighbours: one node's relationships and the nodes at their other end — the network explorer's
expand step. The first `limit` relationships by (type, other node id, relationship id)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.graph.schema import NODE_LABELS
from queries.shapes import Ref, cypher_props, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class NeighboursParams(BaseModel):
    id: str
    limit: int = Field(60, ge=1, le=500)


class NeighbourEdge(BaseModel):
    id: str
    type: str
    src: str
    dst: str
    role: str | None = None


class NeighboursResult(BaseModel):
    node: Ref | None
    nodes: list[Ref]
    edges: list[NeighbourEdge]
    dates: dict[str, str]  # node id -> date (meetings, inspections), for the date filter
    regions: dict[str, str]  # node id -> region path where the node has one


def _order(r: dict[str, Any]) -> tuple:
    return (r["type"], r["other"]["id"], r["id"])


def assemble(centre: dict[str, Any] | None, rows: list[dict[str, Any]], limit: int) -> NeighboursResult:
    if centre is None:
        return NeighboursResult(node=None, nodes=[], edges=[], dates={}, regions={})
    rows = sorted(rows, key=_order)[:limit]
    nodes = {centre["id"]: centre} | {r["other"]["id"]: r["other"] for r in rows}
    edges = [NeighbourEdge(id=r["id"], type=r["type"], src=r["src"], dst=r["dst"], role=r.get("role"))
             for r in rows]
    dates = {i: str(n.get("date") or n.get("start")) for i, n in nodes.items() if n.get("date") or n.get("start")}
    regions = {i: str(n.get("region") or n.get("path")) for i, n in nodes.items() if n.get("region") or n.get("path")}
    refs = sorted((ref(n) for n in nodes.values()), key=lambda r: (r.label, r.id))
    return NeighboursResult(node=ref(centre), nodes=refs, edges=edges, dates=dates, regions=regions)


def run_embedded(store: EmbeddedStore, params: NeighboursParams) -> NeighboursResult:
    centre = store.node(params.id)
    rows = []
    if centre is not None:
        for dst, r in store.out_rels(params.id):
            rows.append({"id": r["id"], "type": r["type"], "src": params.id, "dst": dst, "role": r.get("role"),
                         "other": store.node(dst)})
        for src, r in store.in_rels(params.id):
            rows.append({"id": r["id"], "type": r["type"], "src": src, "dst": params.id, "role": r.get("role"),
                         "other": store.node(src)})
    return assemble(centre, rows, params.limit)


_EXTRA = ("date", "start", "region")  # what `dates` and `regions` read, besides the naming properties
# one id seek per label (a label-less `MATCH (n {id: $id})` would scan every node)
_BY_ID = " UNION ".join(f"MATCH (n:{label} {{id: $id}}) RETURN n" for label in NODE_LABELS)
CYPHER = f"""
CALL () {{ {_BY_ID} }}
CALL (n) {{
  OPTIONAL MATCH (n)-[r]-(m)
  WITH r, m ORDER BY type(r), m.id, r.id LIMIT $limit
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {{id: r.id, type: type(r), src: startNode(r).id,
         dst: endNode(r).id, role: r.role, other: {cypher_props('m', *_EXTRA)}}} END) AS rows
}}
RETURN {cypher_props('n', *_EXTRA)} AS n, rows
"""


def run_neo4j(store: Neo4jStore, params: NeighboursParams) -> NeighboursResult:
    rows = store.query(CYPHER, {"id": params.id, "limit": params.limit})
    if not rows:
        return assemble(None, [], params.limit)
    return assemble(rows[0]["n"], rows[0]["rows"], params.limit)


SPEC = QuerySpec(name="neighbours", description="a node's relationships and neighbours",
                 params=NeighboursParams, result=NeighboursResult, embedded=run_embedded, neo4j=run_neo4j)
