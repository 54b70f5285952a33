"""ontology.ttl and shapes.ttl: they parse, agree with each other and with the data the graph writes."""

from __future__ import annotations

import csv

from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SH, SKOS

from graph_loader.graph.ids import SKG, level_iri, role_iri
from graph_loader.graph.vocab import ontology, sectors, shape_predicates, shapes
from graph_loader.lang.levels import LEVELS, ROLES
from tests.test_graph_data import gold_dir

EXTERNAL = ("http://www.w3.org/ns/org#", "https://schema.org/", "http://www.w3.org/2004/02/skos/core#",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#")


def _declared() -> set:
    g = ontology()
    out = set()
    for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        out.update(g.subjects(RDF.type, t))
    return out


def test_ontology_declares_the_required_classes_with_labels():
    g = ontology()
    for name in ("Person", "Body", "Post", "Region", "Meeting", "Participation", "Inspection", "Directive",
                 "Incident", "Sector", "Article", "Evidence", "PartyCommittee", "Government", "Congress",
                 "CPPCC", "SafetyCommittee", "Department", "InspectionTeam", "MeasurePackage",
                 "LeaderInstruction", "PolicyDocument"):
        c = SKG[name]
        assert (c, RDF.type, OWL.Class) in g, name
        langs = {lbl.language for lbl in g.objects(c, RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert g.value(c, RDFS.comment) is not None, name


def test_every_term_used_in_shapes_is_declared():
    s = shapes()
    used = set(s.objects(None, SH.targetClass)) | set(s.objects(None, SH["class"]))
    used |= set(shape_predicates())
    declared = _declared()
    missing = [t for t in used if t not in declared and not str(t).startswith(EXTERNAL)]
    assert not missing, missing


def test_shapes_value_lists_name_concepts_of_the_ontology():
    g, s = ontology(), shapes()
    from rdflib.collection import Collection

    for lst in s.objects(None, SH["in"]):
        for item in Collection(s, lst):
            assert (item, RDF.type, SKOS.Concept) in g, item


def test_level_and_role_schemes():
    g = ontology()
    for level in LEVELS:
        assert (level_iri(level), SKOS.inScheme, SKG.LevelScheme) in g
    for role in ROLES:
        assert (role_iri(role), SKOS.inScheme, SKG.RoleScheme) in g
    assert (level_iri("county"), SKOS.broader, level_iri("prefecture")) in g


def test_sector_scheme_matches_sectors_tsv():
    tsv = gold_dir().parent / "sectors.tsv"
    with tsv.open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    expected = {r[0]: (r[1] or None) for r in rows if r and r[0]}
    got = {name: c.parent for name, c in sectors().items()}
    assert got == expected
    assert got["煤矿"] == "矿山"


def test_predicates_the_graph_writes_are_declared():
    from graph_loader.graph.rdf import record_to_triples
    from graph_loader.graph.resolve import Resolver
    from tests.test_graph_data import gold_records, with_evidence

    declared = _declared()
    r = Resolver()
    for rec in gold_records():
        for _s, p, o in record_to_triples(with_evidence(rec), None, r):
            assert p in declared or str(p).startswith(EXTERNAL), p
            if p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(SKG)):
                assert o in declared, o
