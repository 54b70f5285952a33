"""search: persons, bodies, directives, meetings (and regions, inspections) whose name contains the text.

On Neo4j this uses `CONTAINS` rather than the full-text index `names`: Lucene's
analyzers tokenise Chinese differently from a substring test, so the two stores
would disagree; with TEXT indexes on the name properties CONTAINS is an index
seek. Input in traditional script is converted (OpenCC t2s) first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from graph_loader.graph.schema import NAME_PROPS
from queries.lookup import simplified
from queries.shapes import LABEL_RANK, QueryParamError, Ref, query_rows
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore

SEARCHABLE = ("Person", "Body", "Directive", "Meeting", "Region", "Inspection")


class SearchParams(BaseModel):
    text: str = Field(description="part of a name, in simplified or traditional script")
    limit: int = Field(20, ge=1, le=500)


class SearchHit(BaseModel):
    node: Ref
    matched: str  # the name that matched
    exact: bool


class SearchResult(BaseModel):
    query: str  # the text searched (simplified)
    hits: list[SearchHit]


def _key(label: str, name: str, nid: str, q: str) -> tuple:
    return (0 if name == q else 1 if name.startswith(q) else 2, len(name), LABEL_RANK.get(label, 99), nid, name)


def _cypher() -> str:
    parts = []
    for lab in SEARCHABLE:
        for prop in NAME_PROPS[lab]:
            parts.append(f"MATCH (n:{lab}) WHERE n.{prop} CONTAINS $q "
                         f"RETURN n.id AS id, '{lab}' AS label, n.{prop} AS matched, n.{NAME_PROPS[lab][0]} AS display")
    return " UNION ALL ".join(parts)


CYPHER = _cypher()


def _raw_embedded(store: EmbeddedStore, q: str) -> list[dict]:
    rows = []
    for name, ids in store.names():
        if q in name:
            for nid in ids:
                lab = store.label(nid)
                if lab in SEARCHABLE:
                    display = (store.node(nid) or {}).get(NAME_PROPS[lab][0])
                    rows.append({"id": nid, "label": lab, "matched": name, "display": display})
    return rows


def _assemble(q: str, rows: list[dict], limit: int) -> SearchResult:
    best: dict[str, tuple] = {}
    for r in rows:
        k = _key(r["label"], r["matched"], r["id"], q)
        if r["id"] not in best or k < best[r["id"]][0]:
            best[r["id"]] = (k, r)
    ordered = sorted(best.values(), key=lambda kv: kv[0])[:limit]
    hits = []
    for _, r in ordered:
        hits.append(SearchHit(node=Ref(id=r["id"], label=r["label"], name=r.get("display") or r["matched"]),
                              matched=r["matched"], exact=r["matched"] == q))
    return SearchResult(query=q, hits=hits)


def _query(params: SearchParams) -> str:
    q = simplified(params.text)
    if not q:
        raise QueryParamError("search text is empty")
    return q


def run_embedded(store: EmbeddedStore, params: SearchParams) -> SearchResult:
    q = _query(params)
    return _assemble(q, _raw_embedded(store, q), params.limit)


def run_neo4j(store: Neo4jStore, params: SearchParams) -> SearchResult:
    q = _query(params)
    return _assemble(q, query_rows(store, CYPHER, {"q": q}, ("id", "label", "matched", "display")), params.limit)


SPEC = QuerySpec(name="search", description="persons, bodies, directives, meetings, regions, inspections by name",
                 params=SearchParams, result=SearchResult, embedded=run_embedded, neo4j=run_neo4j)
