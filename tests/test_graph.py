"""Records -> RDF -> SHACL -> rows: conformance, evidence, stable ids, the one row mapping."""

from __future__ import annotations

from rdflib import RDF

from graph_loader.graph.batch import build_batch
from graph_loader.graph.ids import SKG, iri
from graph_loader.graph.rdf import record_to_triples
from graph_loader.graph.resolve import Resolver
from graph_loader.graph.schema import NODE_LABELS, REL_TYPES, decode_evidence
from graph_loader.graph.shacl import validate
from graph_loader.graph.triples import Triples
from tests.test_graph_data import gold_records, with_evidence


def _batch(evidence: bool = True):
    recs = gold_records()
    items = [(with_evidence(r) if evidence else r, None) for r in recs]
    return build_batch(items, Resolver())


def test_gold_graph_conforms_with_warnings_for_unlocated_evidence():
    res = _batch(evidence=False)
    assert res.errors == []
    warnings = [v for v in res.violations if not v.is_error]
    assert warnings and all("span" in v.message for v in warnings)
    assert all(v.doc_ids for v in warnings)


def test_graph_with_evidence_conforms_without_warnings():
    res = _batch()
    assert res.violations == []


def test_every_fact_links_to_its_evidence_with_offsets():
    rec = with_evidence(gold_records()[0])
    t = record_to_triples(rec, None, Resolver())
    person = next(s for s in t.subjects(RDF.type, SKG.Person))
    evs = t.objects(person, SKG.evidence)
    assert evs
    ev = evs[0]
    assert t.value(ev, SKG.inArticle) is not None
    assert t.value(ev, SKG.cleanStart) is not None and t.value(ev, SKG.origEnd) is not None
    for cls in (SKG.Person, SKG.Meeting, SKG.Participation, SKG.Region, SKG.Inspection, SKG.Sector):
        for s in t.subjects(RDF.type, cls):
            assert t.objects(s, SKG.evidence), (cls, s)


def test_shacl_names_the_article_of_a_broken_participation():
    rec = with_evidence(gold_records()[0])
    t = record_to_triples(rec, None, Resolver())
    part = next(iter(t.subjects(RDF.type, SKG.Participation)))
    broken = Triples(x for x in t if not (x[0] == part and x[1] == SKG.role))
    errors = [v for v in validate(broken) if v.is_error]
    assert len(errors) == 1
    v = errors[0]
    assert v.focus == str(part) and v.path == str(SKG.role)
    assert v.doc_ids == [rec.doc_id]
    assert v.evidence and decode_evidence(v.evidence[0])["doc_id"] == rec.doc_id


def test_shacl_requires_a_region_level():
    t = record_to_triples(with_evidence(gold_records()[0]), None, Resolver())
    region = next(iter(t.subjects(RDF.type, SKG.Region)))
    broken = Triples(x for x in t if not (x[0] == region and x[1] == SKG.level))
    assert any(v.is_error and v.path == str(SKG.level) for v in validate(broken))


def test_iris_and_rows_are_stable_across_two_builds():
    a, b = _batch(), _batch()
    assert set(a.triples) == set(b.triples)
    assert sorted(n.id for n in a.rows.nodes) == sorted(n.id for n in b.rows.nodes)
    assert sorted(r.id for r in a.rows.rels) == sorted(r.id for r in b.rows.rels)


def test_rows_follow_the_schema():
    rows = _batch().rows
    ids = {n.id: n for n in rows.nodes}
    assert len(ids) == len(rows.nodes)
    for n in rows.nodes:
        assert n.label in NODE_LABELS
        assert set(n.props) <= set(NODE_LABELS[n.label]), (n.label, n.props)
        assert n.articles
    for r in rows.rels:
        src_labels, dst_labels, props = REL_TYPES[r.type]
        assert ids[r.src].label in src_labels and ids[r.dst].label in dst_labels, r
        assert set(r.props) <= set(props)
        assert r.articles


def test_rows_carry_evidence_and_articles():
    rows = _batch().rows
    people = {n.props["name"]: n for n in rows.nodes if n.label == "Person"}
    p = people["赵男男"]
    assert p.articles == ["000_38d2b205cedefea2"]
    ev = decode_evidence(p.evidence[0])
    assert ev["doc_id"] == "000_38d2b205cedefea2" and ev["end"] > ev["start"]
    chair = [r for r in rows.rels if r.type == "PARTICIPATED" and r.src == p.id]
    assert chair and chair[0].props["role"] == "chair"
    assert decode_evidence(chair[0].evidence[0])["rule"] == "meeting.participant.chair"


def test_region_containment_rows():
    rows = _batch().rows
    regions = {n.id: n for n in rows.nodes if n.label == "Region"}
    by_path = {n.props["path"]: n for n in regions.values()}
    parent = {regions[r.src].props["path"]: regions[r.dst].props["path"] for r in rows.rels if r.type == "PART_OF"}
    assert parent["江苏省南通市海安市"] == "江苏省南通市"
    assert parent["江苏省南通市"] == "江苏省"
    assert "江苏省" not in parent
    assert by_path["江苏省南通市海安市"].props["level"] == "county"
    assert by_path["江苏省南通市海安市"].props["name"] == "海安市"
    assert by_path["江苏省南通市"].props["level"] == "prefecture"
    assert by_path["江苏省"].props["code"] == "320000"


def test_relays_to_directives_and_meetings():
    rows = _batch().rows
    nodes = {n.id: n for n in rows.nodes}
    relays = [(nodes[r.src], nodes[r.dst]) for r in rows.rels if r.type == "RELAYS"]
    directive_titles = {d.props["title"] for _m, d in relays if d.label == "Directive"}
    assert "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施" in directive_titles
    meeting_relays = [(m.props.get("level"), d.props.get("level")) for m, d in relays if d.label == "Meeting"]
    assert ("prefecture", "province") in meeting_relays and ("county", "prefecture") in meeting_relays


def test_inspection_rows():
    rows = _batch().rows
    nodes = {n.id: n for n in rows.nodes}
    ins = [n for n in rows.nodes if n.label == "Inspection"]
    assert {i.props["team"] for i in ins} >= {"江苏省安全生产第四巡查组", "国务院安委会安全生产第三巡查组"}
    targets = {nodes[r.src].props["team"]: nodes[r.dst] for r in rows.rels if r.type == "TARGETS"}
    assert targets["江苏省安全生产第四巡查组"].label == "Region"
    assert targets["江苏省安全生产第十督导组"].label == "Body"


def test_article_node_from_a_document():
    from array import array

    from graph_loader.ingest.document import Document, Metadata

    rec = gold_records()[0]
    doc = Document(doc_id=rec.doc_id, path="/x/a.txt", sha256="ab" * 32, encoding="utf-8", original="x",
                   clean="x", starts=array("l", [0]), ends=array("l", [1]), metadata=Metadata(title="标题"))
    rows = build_batch([(rec, doc)], Resolver()).rows
    art = next(n for n in rows.nodes if n.label == "Article")
    assert art.props["path"] == "/x/a.txt" and art.props["title"] == "标题" and art.props["doc_id"] == rec.doc_id
    assert art.id == "article-" + str(iri(art.id)).rsplit("/", 1)[-1]


def _sector_node(t: Triples, name: str):
    from rdflib.namespace import SKOS

    return next(s for s in t.subjects(RDF.type, SKG.Sector) if str(t.value(s, SKOS.prefLabel)) == name)


def test_a_meetings_sector_is_located_by_the_spans_that_name_it():
    rec = with_evidence(gold_records()[3])
    named = rec.sector_mentions[0].sector
    rec.meetings[0].sectors = [named]  # as the extractor assigns a sector named in a meeting's passage
    res = build_batch([(rec, None)], Resolver())
    assert res.violations == []
    t = res.triples
    node = _sector_node(t, named)
    assert {str(t.value(e, SKG.rule)) for e in t.objects(node, SKG.evidence)} == {"sector.test"}


def test_a_sector_the_record_gives_without_a_span_is_unlocated_and_says_so():
    rec = with_evidence(gold_records()[3])
    assert "烟花爆竹" not in rec.sectors
    rec.meetings[0].sectors = ["烟花爆竹"]  # a hand-made record: the sector without a span
    res = build_batch([(rec, None)], Resolver())
    assert res.errors == []
    t = res.triples
    rules = [str(t.value(e, SKG.rule)) for e in t.objects(_sector_node(t, "烟花爆竹"), SKG.evidence)]
    assert rules == ["record.unlocated:sector"]
    [warning] = res.violations
    assert "the record gave the fact without one" in warning.message and warning.doc_ids == [rec.doc_id]


def test_shacl_of_a_batch_requires_evidence_on_an_addressed_sector():
    rec = with_evidence(gold_records()[3])
    t = record_to_triples(rec, None, Resolver())
    sector = _sector_node(t, rec.sectors[0])
    broken = Triples(x for x in t if not (x[0] == sector and x[1] == SKG.evidence))
    errors = [(v.focus, v.message) for v in validate(broken) if v.is_error]
    assert errors == [(str(sector), "a sector addressed without evidence")]


def test_shacl_for_errors_only_finds_the_same_errors_without_the_warning_shapes():
    """validate(warnings=False) (the build's checker) skips the shapes of severity Warning: the same
    errors, with their articles and evidence, as the full validation, and no warning."""
    from graph_loader.graph.shacl import validation_graph
    from graph_loader.graph.vocab import error_shapes, flat_shapes, shape_predicates

    t = record_to_triples(gold_records()[0], None, Resolver())  # unlocated evidence: warnings
    part = next(iter(t.subjects(RDF.type, SKG.Participation)))
    broken = Triples(x for x in t if not (x[0] == part and x[1] == SKG.role))
    full = validate(broken)
    assert any(not v.is_error for v in full) and any(v.is_error for v in full)
    errors_only = validate(broken, warnings=False)
    assert [v.__dict__ for v in errors_only] == [v.__dict__ for v in full if v.is_error]
    assert len(error_shapes()) < len(flat_shapes())
    assert SKG.cleanStart in shape_predicates() and SKG.cleanStart not in shape_predicates(errors_only=True)
    assert SKG.role in shape_predicates(errors_only=True)
    assert len(validation_graph(broken)) == sum(1 for x in broken if x[1] in shape_predicates() | {
        RDF.type, SKG.evidence, SKG.inArticle, SKG.docId})


def test_a_validation_graph_is_filled_as_rdflib_would_add_its_triples():
    """shacl._fill_memory writes rdflib's Memory store directly: the store's state is the one
    `Graph.addN` leaves (indexes in the same order, the same contexts), duplicates included."""
    from rdflib import Graph, Literal

    from graph_loader.graph.shacl import _fill_memory

    a, b, c = iri("x/a"), iri("x/b"), iri("x/c")
    triples = [(a, RDF.type, SKG.Person), (a, SKG.evidence, b), (b, SKG.rule, Literal("r")),
               (a, RDF.type, SKG.Person), (c, SKG.evidence, b), (b, SKG.inArticle, c)]
    by_rdflib, filled = Graph(), Graph()
    by_rdflib.addN((s, p, o, by_rdflib) for s, p, o in triples)
    _fill_memory(filled, iter(triples))
    assert len(filled) == len(by_rdflib) == 5
    assert list(filled.triples((None, None, None))) == list(by_rdflib.triples((None, None, None)))
    assert list(filled.objects(a, SKG.evidence)) == [b] and list(filled.subjects(SKG.evidence, b)) == [a, c]
    mine, theirs = vars(filled.store), vars(by_rdflib.store)
    own = {filled: "ctx", by_rdflib: "ctx", f"BNode:{filled.identifier}": "ctx",
           f"BNode:{by_rdflib.identifier}": "ctx"}

    def same(x):  # the two graphs' context names made one
        if isinstance(x, dict):
            return [(own.get(k, k), same(v)) for k, v in x.items()]
        if isinstance(x, set):
            return [own.get(v, v) for v in x]
        return x

    for name in ("_Memory__spo", "_Memory__pos", "_Memory__osp", "_Memory__contextTriples",
                 "_Memory__tripleContexts", "_Memory__defaultContexts", "_Memory__all_contexts"):
        assert same(mine[name]) == same(theirs[name]), name


def test_a_persons_region_from_their_meetings_is_where_the_text_first_names_them_not_the_records_order():
    # a county leader chairs the county's meeting, then watches the city's at a branch venue; the record lists
    # the city's meeting first (relayed meetings first): the leader is still the county's
    from graph_loader.extract.record import Evidence, ExtractionRecord, Meeting, Participant, Person

    def ev(start: int) -> Evidence:
        return Evidence(start=start, end=start + 3, orig_start=start, orig_end=start + 3, text="某句。", rule="r")

    city = Meeting(level="prefecture", region="浙江省台州市", date="2030-09-25",
                   participants=[Participant(name="王大明", role="attendee", evidence=[ev(300)])])
    county = Meeting(level="county", region="浙江省台州市三门县", date="2030-09-25",
                     participants=[Participant(name="王大明", role="chair", evidence=[ev(20)])])
    rec = ExtractionRecord(doc_id="t", persons=[Person(name="王大明", evidence=[ev(20)])], meetings=[city, county])
    flipped = rec.model_copy(update={"meetings": [county, city]})
    people = [set(record_to_triples(r, None, Resolver()).subjects(RDF.type, SKG.Person)) for r in (rec, flipped)]
    assert people[0] == people[1]
    res = Resolver()
    assert people[0] == {iri(res.person("王大明", "浙江省台州市三门县", False, "t"))}
