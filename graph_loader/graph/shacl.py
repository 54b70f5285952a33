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
from rdflib.plugins.stores.memory import Memory

from graph_loader.graph.evidence import encode_evidence_node, evidence_doc_id
from graph_loader.graph.ids import SKG
from graph_loader.graph.triples import Triples, TriplesUnion
from graph_loader.graph.vocab import error_shapes, flat_shapes, shape_predicates


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


def validated_predicates(errors_only: bool = False) -> frozenset:
    """The predicates a validation graph keeps: the shapes' paths, rdf:type, evidence -> article -> docId
    (`errors_only`: the paths of vocab.error_shapes)."""
    return shape_predicates(errors_only) | {RDF.type, SKG.evidence, SKG.inArticle, SKG.docId}


def validation_graph(triples: Iterable, *, kept: bool = False) -> Graph:
    """The triples the shapes can see (`validated_predicates`; `kept`: the triples are those already).

    Quotes and the other offsets, which no shape constrains, are about a third of a batch, so they
    are left out of what is validated. The rest is filled into rdflib's Memory store in bulk
    (`_fill_memory`): its own `add` costs ~15 us a triple (an event, the context's name formatted
    and its bookkeeping per call), two thirds of the SHACL process's time.
    """
    if not kept:
        keep = validated_predicates()
        triples = ((s, p, o) for s, p, o in triples if p in keep)
    g = Graph()
    _fill_memory(g, triples)
    return g


def _fill_memory(g: Graph, triples: Iterable) -> None:
    """Add `triples` to the empty graph `g` with the state rdflib's `Memory.add` leaves for triples
    added to one graph (its three indexes, the triples of the default and of that context, the
    context's default entry); any other store, or a Memory whose layout is not the one known here,
    gets `g.addN`. tests/test_graph.py compares the two stores' state."""
    store = g.store
    names = ("_Memory__spo", "_Memory__pos", "_Memory__osp", "_Memory__contextTriples",
             "_Memory__all_contexts", "_Memory__defaultContexts", "_Memory__tripleContexts")
    if (type(store) is not Memory or not all(hasattr(store, n) for n in names)
            or store._Memory__spo or store._Memory__defaultContexts is not None):
        g.addN((s, p, o, g) for s, p, o in triples)
        return
    spo, pos, osp = store._Memory__spo, store._Memory__pos, store._Memory__osp
    ctx = store._Memory__ctx_to_str(g)
    # the two contexts' sets grow one triple at a time, as rdflib's do: a set built otherwise can
    # iterate in another order, and so could a full scan of the graph
    in_default, in_ctx = store._Memory__contextTriples[None], set()
    for t in triples:
        s, p, o = t
        objs = _leaf(spo, s, p)
        if o in objs:
            continue
        objs[o] = 1
        _leaf(pos, p, o)[s] = 1
        _leaf(osp, o, s)[p] = 1
        in_default.add(t)
        in_ctx.add(t)
    if in_ctx:
        store._Memory__contextTriples[ctx] = in_ctx
        store._Memory__all_contexts.add(g)
        store._Memory__defaultContexts = {ctx: False, None: False}


def _leaf(index: dict, a, b) -> dict:
    """index[a][b] of a two-level index, made where missing."""
    inner = index.get(a)
    if inner is None:
        inner = index[a] = {}
    leaf = inner.get(b)
    if leaf is None:
        leaf = inner[b] = {}
    return leaf


def validate(graph: Graph | Triples | TriplesUnion, *, warnings: bool = True) -> list[Violation]:
    """Validate graph against shapes.ttl; every result names its articles and evidence.

    Given a Triples or a TriplesUnion of a batch's articles (build_batch does), only the triples
    the shapes look at are loaded; the violations' evidence strings are read from the full triples.
    Without `warnings` only the shapes of severity sh:Violation are checked (vocab.error_shapes):
    a Graph given then needs only the triples of `validated_predicates(errors_only=True)`.
    """
    from pyshacl import validate as shacl_validate

    full = graph
    if isinstance(graph, TriplesUnion):
        graph = validation_graph(t for part in graph.parts for t in part)
    elif isinstance(graph, Triples):
        graph = validation_graph(graph)
    _conforms, report, _text = shacl_validate(
        graph, shacl_graph=flat_shapes() if warnings else error_shapes(), inference="none", advanced=False,
        allow_warnings=True, abort_on_first=False, meta_shacl=False, js=False, debug=False,
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

    keep = validated_predicates(errors_only=not warnings)
    terms: dict = {}
    found = validate(validation_graph((t for p in paths for t in iter_nt(p, keep, terms)), kept=True),
                     warnings=warnings)
    if found:
        full = TriplesUnion([read_nt(p) for p in paths])
        for v in found:
            v.doc_ids, v.evidence = provenance(full, URIRef(v.focus))
    return found


def warm_up() -> None:
    """Load pyshacl and the shapes once per process (a SHACL worker's initializer)."""
    import pyshacl  # noqa: F401

    flat_shapes()
    error_shapes()
    shape_predicates()
    shape_predicates(errors_only=True)
