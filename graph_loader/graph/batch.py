"""One build batch: records -> RDF (+ SHACL) -> property-graph rows. The build's entry point.

Each article becomes its own small triple set first, so every row knows exactly which
articles state it; SHACL validates the batch as the union of those sets (only the batch's
facts: SHACL cost stays per batch), streamed into the validation graph without building the
union. Memory per batch is the batch's triples; across batches only the resolver's indexes
grow. `safetykg build` validates apart (shacl.validate_files, in a process of its own, from the
files it writes); `validate=True` here validates in line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Graph

from graph_loader.extract.record import ExtractionRecord
from graph_loader.graph.ids import PREFIXES
from graph_loader.graph.mapping import rows_from_rdf
from graph_loader.graph.rdf import record_to_triples
from graph_loader.graph.resolve import Call, RecordingResolver, Resolver, ResumedResolver, replay
from graph_loader.graph.rows_io import merge_rows
from graph_loader.graph.schema import GraphRows
from graph_loader.graph.shacl import Violation
from graph_loader.graph.shacl import validate as shacl_validate
from graph_loader.graph.triples import Triples, TriplesUnion
from graph_loader.ingest.document import Document


@dataclass
class BatchResult:
    rows: GraphRows
    violations: list[Violation] = field(default_factory=list)  # errors and warnings; see Violation.is_error
    # each article's own share, so a workspace can keep (and replace) it per article
    triples_by_doc: dict[str, Triples] = field(default_factory=dict)
    rows_by_doc: dict[str, GraphRows] = field(default_factory=dict)

    @cached_property
    def triples(self) -> Triples:
        """The batch's triples, the union of its articles' (built on first use: the build needs
        only the per-article shares)."""
        union = Triples()
        for t in self.triples_by_doc.values():
            union.update(t)
        return union

    @cached_property
    def graph(self) -> Graph:
        return self.triples.to_graph(new_graph())

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.is_error]


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def graph_article(rec: ExtractionRecord, doc: Document | None,
                  resolver: Resolver | ResumedResolver) -> tuple[Triples, GraphRows]:
    """One article's triples and its property-graph rows."""
    t = record_to_triples(rec, doc, resolver)
    return t, rows_from_rdf(t, [rec.doc_id])


def graph_apart(rec: ExtractionRecord, doc: Document | None) -> tuple[Triples, GraphRows, list[Call]]:
    """One article graphed against a resolver that knows it alone (where it was extracted, in a
    worker), with the resolver calls it made: `graph_replayed` settles them with the build's resolver."""
    resolver = RecordingResolver()
    t, rows = graph_article(rec, doc, resolver)
    return t, rows, resolver.calls


def graph_replayed(resolver: Resolver, calls: list[Call], rows: GraphRows, rec: Callable[[], ExtractionRecord],
                   doc: Document | None) -> tuple[Triples | None, GraphRows]:
    """An article graphed apart (`graph_apart`), once its calls are replayed on the build's resolver in
    build order: (None, its rows) when every answer agrees, else the article graphed again from the
    first answer that differed (a meeting's name most reports write, a join, an alias an earlier
    article stated), with `rec()` its record. Either way the same triples, rows and resolver state as
    `graph_article` on the build's resolver."""
    differs = replay(resolver, calls)
    if differs is None:
        return None, rows
    return graph_article(rec(), doc, ResumedResolver(resolver, calls, *differs))


def build_batch(items: list[tuple[ExtractionRecord, Document | None]], resolver: Resolver,
                *, validate: bool = True) -> BatchResult:
    """The RDF graph, property-graph rows and (validate=True) SHACL results of a batch of articles."""
    triples_by_doc: dict[str, Triples] = {}
    rows_by_doc: dict[str, GraphRows] = {}
    for rec, doc in items:
        triples_by_doc[rec.doc_id], rows_by_doc[rec.doc_id] = graph_article(rec, doc, resolver)
    rows = merge_rows(rows_by_doc.values())
    rows.doc_ids = [rec.doc_id for rec, _ in items]
    result = BatchResult(rows=rows, triples_by_doc=triples_by_doc, rows_by_doc=rows_by_doc)
    if validate:
        result.violations = shacl_validate(TriplesUnion(list(triples_by_doc.values())))
    return result


def build_settled(items: list[tuple[ExtractionRecord, Document | None]], resolver: Resolver,
                  rounds: int = 3) -> list[GraphRows]:
    """The rows of a batch, then of each article graphed again because an inferred meeting join
    changed once the later articles were in (Resolver.unsettled): upsert them in this order."""
    out = [build_batch(items, resolver, validate=False).rows]
    by_id = {rec.doc_id: (rec, doc) for rec, doc in items}
    for _ in range(rounds):
        again = [by_id[d] for d in resolver.unsettled() if d in by_id]
        if not again:
            break
        out.append(build_batch(again, resolver, validate=False).rows)
    return out
