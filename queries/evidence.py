"""evidence: a fact's whole evidence, a page of its articles at a time, with the number of articles.

Answers show a hub's evidence cut to its first articles (`schema.evidence_sample`: a sector or a
national body is named by most articles); this query reaches the rest. The fact is a node or a
relationship, by id; its articles are paged in the order of the evidence strings (`doc_id|`), so
the first page is what the other answers show. The embedded store reads the evidence beyond its
sample from those articles' rows files (`EmbeddedStore.evidence_of`), Neo4j from their support records
(`_Support.evidence`, beside the sample the fact holds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from graph_loader.graph.schema import NODE_LABELS, REL_TYPES, SUPPORT_LABEL, decode_evidence, evidence_doc
from graph_loader.stores.neo4j_store import cypher_articles
from queries.shapes import EvidenceItem
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class EvidenceParams(BaseModel):
    id: str
    limit: int = Field(100, ge=1, le=1000)  # articles per page
    offset: int = Field(0, ge=0)


class EvidenceResult(BaseModel):
    id: str
    found: bool
    total: int  # the articles supporting the fact
    offset: int
    articles: list[str]  # this page's
    evidence: list[EvidenceItem]  # this page's articles' evidence


def page_of(articles: list[str], params: EvidenceParams) -> list[str]:
    """The page's articles, in the order of their evidence strings."""
    ordered = sorted(set(articles), key=lambda a: f"{a}|")
    return ordered[params.offset:params.offset + params.limit]


def assemble(params: EvidenceParams, articles: list[str] | None, page: list[str],
             strings: list[str]) -> EvidenceResult:
    docs = set(page)
    kept = sorted({s for s in strings if evidence_doc(s) in docs})
    return EvidenceResult(id=params.id, found=articles is not None, total=len(set(articles or ())),
                          offset=params.offset, articles=page,
                          evidence=[EvidenceItem(**decode_evidence(s)) for s in kept])


def run_embedded(store: EmbeddedStore, params: EvidenceParams) -> EvidenceResult:
    attrs = store.fact(params.id)
    if attrs is None:
        return assemble(params, None, [], [])
    page = page_of(attrs["articles"], params)
    return assemble(params, attrs["articles"], page, store.evidence_of(params.id, page))


_NODES = " UNION ALL ".join(f"MATCH (x:{label} {{id: $id}}) RETURN {cypher_articles('x', label)} AS articles, "
                            f"x.evidence AS evidence, '{label}|' + x.id AS fact" for label in NODE_LABELS)
_RELS = " UNION ALL ".join(f"MATCH ()-[x:{t} {{id: $id}}]->() RETURN {cypher_articles('x', t)} AS articles, "
                           f"x.evidence AS evidence, '{t}|' + x.id AS fact" for t in REL_TYPES)
CYPHER = f"CALL () {{ {_NODES} UNION ALL {_RELS} }} RETURN articles, evidence, fact LIMIT 1"
# the page's articles' evidence on the fact, from their support records (the fact holds a sample)
CYPHER_SUPPORT = (f"UNWIND $docs AS d MATCH (s:{SUPPORT_LABEL} {{doc_id: d}}) "
                  "UNWIND [i IN range(0, size(coalesce(s.ev_facts, [])) - 1) WHERE s.ev_facts[i] = $fact "
                  "| s.evidence[i]] AS e RETURN collect(e) AS evidence")


def run_neo4j(store: Neo4jStore, params: EvidenceParams) -> EvidenceResult:
    rows = store.query(CYPHER, {"id": params.id})
    if not rows:
        return assemble(params, None, [], [])
    articles = rows[0]["articles"] or []
    page = page_of(articles, params)
    more = store.query(CYPHER_SUPPORT, {"docs": page, "fact": rows[0]["fact"]}) if page else []
    return assemble(params, articles, page, (rows[0]["evidence"] or []) + (more[0]["evidence"] if more else []))


SPEC = QuerySpec(name="evidence", description="a fact's whole evidence, a page of its articles at a time",
                 params=EvidenceParams, result=EvidenceResult, embedded=run_embedded, neo4j=run_neo4j)
