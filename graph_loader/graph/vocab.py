"""The ontology and shapes files, and the SKOS schemes read from them (sectors, levels).

ontology.ttl and shapes.ttl live at the repository root (the lead's layout); this module is
the one place that knows where.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph_loader.graph.ids import ID, SKG, entity_id, iri

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_PATH = ROOT / "ontology.ttl"
SHAPES_PATH = ROOT / "shapes.ttl"


@cache
def ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    return g


@cache
def shapes() -> Graph:
    g = Graph()
    g.parse(SHAPES_PATH, format="turtle")
    return g


@cache
def flat_shapes() -> Graph:
    """shapes.ttl with every property shape of a node shape made a standalone PropertyShape
    with the node shape's targets (same results): pyshacl then checks each property shape
    once for all focus nodes instead of once per focus node, ~4x faster on a batch."""
    from rdflib.namespace import SH

    src = shapes()
    g = Graph()
    for t in src:
        g.add(t)
    target_kinds = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
    for ns in list(g.subjects(RDF.type, SH.NodeShape)):
        props = list(g.objects(ns, SH.property))
        other = set(g.predicates(ns)) - target_kinds - {RDF.type, SH.property, SH.severity, SH.message}
        if not props or other:
            continue  # a node shape with its own constraints stays as written
        targets = [(p, o) for p, o in g.predicate_objects(ns) if p in target_kinds]
        severity = g.value(ns, SH.severity)
        for ps in props:
            g.remove((ns, SH.property, ps))
            g.add((ps, RDF.type, SH.PropertyShape))
            for kind, t in targets:
                g.add((ps, kind, t))
            if severity is not None and g.value(ps, SH.severity) is None:
                g.add((ps, SH.severity, severity))
        g.remove((ns, None, None))
    return g


@cache
def error_shapes() -> Graph:
    """flat_shapes without the property shapes whose severity is not sh:Violation (e.g. a warning
    on evidence without offsets): what a validation that reports errors only needs. Each shape's
    results are its own, so the errors are the same; the warnings' shapes cost the most (one runs
    on every Evidence node, most of a batch) and their predicates need not be loaded."""
    from rdflib.namespace import SH

    g = Graph()
    for t in flat_shapes():
        g.add(t)
    for ps in [s for s, sev in g.subject_objects(SH.severity) if sev != SH.Violation]:
        if (ps, RDF.type, SH.PropertyShape) in g:
            _remove_tree(g, ps)
    return g


def _remove_tree(g: Graph, node) -> None:
    """Remove `node`'s triples and, recursively, those of the blank nodes it alone leads to."""
    from rdflib import BNode

    for p, o in list(g.predicate_objects(node)):
        g.remove((node, p, o))
        if isinstance(o, BNode) and next(g.subjects(None, o), None) is None:
            _remove_tree(g, o)
    g.remove((None, None, node))


@cache
def shape_predicates(errors_only: bool = False) -> frozenset:
    """Every predicate a shape's sh:path (or sh:lessThan..., or a target such as
    sh:targetObjectsOf) names: the triples a validation graph must keep (`errors_only`: for the
    shapes of error_shapes)."""
    from rdflib.namespace import SH

    g = error_shapes() if errors_only else shapes()
    preds = set()
    for p in (SH.path, SH.lessThanOrEquals, SH.lessThan, SH.equals, SH.disjoint,
              SH.targetSubjectsOf, SH.targetObjectsOf):
        preds.update(o for o in g.objects(None, p) if isinstance(o, URIRef))
    return frozenset(preds)


@dataclass(frozen=True)
class SectorConcept:
    id: str
    name: str
    parent: str | None


@cache
def sectors() -> dict[str, SectorConcept]:
    """canonical name -> concept, from the SKOS sector scheme of ontology.ttl."""
    g = ontology()
    names = {}
    for s in g.subjects(SKOS.inScheme, SKG.SectorScheme):
        label = next((o for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "zh"), None)
        if label is not None:
            names[s] = str(label)
    out = {}
    for s, name in names.items():
        parent = next((names.get(o) for o in g.objects(s, SKOS.broader)), None)
        out[name] = SectorConcept(entity_id("sector", name), name, parent)
    return out


def sector_scheme_ttl(tsv_path: str | Path) -> str:
    """The SKOS block of ontology.ttl for a sectors.tsv (canonical, parent, surface forms...)."""
    lines = []
    with Path(tsv_path).open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t")][1:]
    for r in rows:
        name, parent = r[0].strip(), (r[1].strip() if len(r) > 1 else "")
        if not name:
            continue
        node = "<" + str(iri(entity_id("sector", name))) + ">"
        alt = sorted({s.strip() for s in r[2:] if s.strip() and s.strip() != name})
        parts = [f"{node} a skos:Concept , skg:Sector ;",
                 f'    skos:inScheme skg:SectorScheme ; skos:prefLabel "{name}"@zh ;']
        if alt:
            parts.append("    skos:altLabel " + " , ".join(f'"{a}"@zh' for a in alt) + " ;")
        if parent:
            parts.append("    skos:broader <" + str(iri(entity_id("sector", parent))) + "> .")
        else:
            parts.append("    skos:topConceptOf skg:SectorScheme .")
        lines.append("\n".join(parts))
    return "\n".join(lines) + "\n"


def level_of_iri(node) -> str | None:
    s = str(node)
    prefix = str(ID) + "level/"
    return s[len(prefix):] if s.startswith(prefix) else None
