"""SHACL validation of a batch graph (pyshacl, shapes.ttl), reported per article and evidence.

The build validates each batch's own graph (the facts of its ~200 articles), not the whole
store: the shapes only look at a node and its direct neighbours, which the batch graph holds,
so the cost stays per batch and does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, Graph
from rdflib.namespace import SH

from graph_loader.graph.evidence import encode_evidence_node, evidence_doc_id
from graph_loader.graph.ids import SKG
from graph_loader.graph.triples import Triples, TriplesUnion
from graph_loader.graph.vocab import flat_shapes, shape_predicates


@dataclass
class Violation:
    """One SHACL result: what is wrong, on which node, and the articles/evidence behind it."""

    focus: str  # the IRI of the node at fault
    path: str | None  # the property, where the shape names one
    message: str
    severity: str  # "Violation" | "Warning" | "Info"
    shape: str | None = None
    value: str | None = None
    doc_ids: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # schema.encode_evidence strings

    @property
    def is_error(self) -> bool:
        return self.severity == "Violation"

    def __str__(self) -> str:
        where = ",".join(self.doc_ids) or "?"
        return f"[{self.severity}] {where}: {self.message} ({self.focus}{' ' + self.path if self.path else ''})"


def validation_graph(triples: Iterable) -> Graph:
    """The triples the shapes can see (their paths, rdf:type, evidence -> article -> docId).

    Loading triples into rdflib costs ~20-40 us each; quotes and the other offsets, which no
    shape constrains, are about a third of a batch, so they are left out of what is validated.
    """
    keep = shape_predicates() | {RDF.type, SKG.evidence, SKG.inArticle, SKG.docId}
    g = Graph()
    g.addN((s, p, o, g) for s, p, o in triples if p in keep)
    return g


def validate(graph: Graph | Triples | TriplesUnion, *, warnings: bool = True) -> list[Violation]:
    """Validate graph against shapes.ttl; every result names its articles and evidence.

    Given a Triples or a TriplesUnion of a batch's articles (build_batch does), only the triples
    the shapes look at are loaded; the violations' evidence strings are read from the full triples.
    """
    from pyshacl import validate as shacl_validate

    full = graph
    if isinstance(graph, TriplesUnion):
        graph = validation_graph(t for part in graph.parts for t in part)
    elif isinstance(graph, Triples):
        graph = validation_graph(graph)
    _conforms, report, _text = shacl_validate(
        graph, shacl_graph=flat_shapes(), inference="none", advanced=False, allow_warnings=True,
        abort_on_first=False, meta_shacl=False, js=False, debug=False,
    )
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(r, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        if severity != "Violation" and not warnings:
            continue
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        value = report.value(r, SH.value)
        docs, evs = provenance(full, focus)
        out.append(Violation(
            focus=str(focus), path=str(path) if path is not None else None,
            message=str(msg) if msg is not None else "does not conform",
            severity=severity, shape=str(report.value(r, SH.sourceShape) or "") or None,
            value=str(value) if value is not None else None, doc_ids=docs, evidence=evs,
        ))
    out.sort(key=lambda v: (v.severity != "Violation", v.doc_ids, v.focus, v.path or ""))
    return out


def provenance(graph: Graph | Triples | TriplesUnion, node) -> tuple[list[str], list[str]]:
    """(doc_ids, encoded evidence) of a node: its Evidence, or itself if it is one / an Article."""
    if node is None:
        return [], []
    if (node, RDF.type, SKG.Article) in graph:
        d = graph.value(node, SKG.docId)
        return ([str(d)] if d is not None else []), []
    evs = [node] if (node, RDF.type, SKG.Evidence) in graph else list(graph.objects(node, SKG.evidence))
    docs: list[str] = []
    encoded: list[str] = []
    for e in evs:
        doc = evidence_doc_id(graph, e)
        if doc and doc not in docs:
            docs.append(doc)
        s = encode_evidence_node(graph, e)
        if s:
            encoded.append(s)
    return docs, encoded


def validate_files(paths: list[str], *, warnings: bool = False) -> list[Violation]:
    """Validate a batch from its articles' N-Triples files (rdf.write_batch_rdf's output).

    The build runs this in a process of its own, next to the main one, so SHACL costs the build
    no time on the critical path; the files are there anyway and need no pickling. Only the
    triples the shapes see are read; the full files are read again only to report violations.
    """
    from rdflib import URIRef

    from graph_loader.graph.rdf import iter_nt, read_nt

    keep = shape_predicates() | {RDF.type, SKG.evidence, SKG.inArticle, SKG.docId}
    terms: dict = {}
    found = validate(validation_graph(t for p in paths for t in iter_nt(p, keep, terms)), warnings=warnings)
    if found:
        full = TriplesUnion([read_nt(p) for p in paths])
        for v in found:
            v.doc_ids, v.evidence = provenance(full, URIRef(v.focus))
    return found


def warm_up() -> None:
    """Load pyshacl and the shapes once per process (a SHACL worker's initializer)."""
    import pyshacl  # noqa: F401

    flat_shapes()
    shape_predicates()
