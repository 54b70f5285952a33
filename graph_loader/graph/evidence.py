"""Evidence nodes of the RDF graph read back as the rows' evidence strings (schema.encode_evidence)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from graph_loader.graph.ids import SKG
from graph_loader.graph.schema import encode_evidence


def evidence_doc_id(graph: Graph, ev) -> str | None:
    art = graph.value(ev, SKG.inArticle)
    d = graph.value(art, SKG.docId) if art is not None else None
    return str(d) if d is not None else None


def encode_evidence_node(graph: Graph, ev: URIRef) -> str | None:
    """The schema.encode_evidence string of a located Evidence node; None when unlocated."""
    vals = [graph.value(ev, p) for p in (SKG.cleanStart, SKG.cleanEnd, SKG.origStart, SKG.origEnd)]
    doc = evidence_doc_id(graph, ev)
    if doc is None or any(v is None for v in vals):
        return None
    rule = graph.value(ev, SKG.rule)
    quote = graph.value(ev, SKG.quote)
    ints = [int(v.toPython()) if isinstance(v, Literal) else int(v) for v in vals]
    return encode_evidence(doc, *ints, str(rule or ""), str(quote or ""))
