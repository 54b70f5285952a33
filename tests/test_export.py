"""Exports of a built workspace (Turtle, JSON-LD, GraphML, CSV) and the SPARQL of docs/sparql.md."""

from __future__ import annotations

import csv
import re
from argparse import Namespace
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from graph_loader.graph.batch import build_batch
from graph_loader.graph.export import (
    export,
    export_command,
    load_workspace_graph,
    read_batch_rdf,
    write_batch_rdf,
)
from graph_loader.graph.resolve import Resolver
from graph_loader.graph.rows_io import merge_rows, read_rows, write_rows
from tests.test_graph_data import gold_records, with_evidence

DOCS = Path(__file__).resolve().parents[1] / "docs" / "sparql.md"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """The seed corpus (gold records) built in two batches, as the build writes it."""
    ws = tmp_path_factory.mktemp("ws")
    recs = gold_records()
    r = Resolver()
    for i, chunk in enumerate([recs[:3], recs[3:]]):
        res = build_batch([(with_evidence(x), None) for x in chunk], r)
        assert res.errors == []
        write_batch_rdf(res.triples, ws / "rdf" / f"batch-{i:05d}.nt")
        write_rows(res.rows, ws / "rows" / f"batch-{i:05d}.jsonl")
    return ws


def _rows(ws):
    return merge_rows(read_rows(p) for p in sorted((ws / "rows").glob("*.jsonl")))


def test_batch_ntriples_round_trip(tmp_path):
    res = build_batch([(with_evidence(gold_records()[2]), None)], Resolver())
    p = tmp_path / "b.nt"
    write_batch_rdf(res.triples, p)
    assert set(read_batch_rdf(p)) == set(res.triples)
    assert (URIRef("https://safetykg.example.org/id/level/county"), None, None) not in res.graph
    assert any(isinstance(o, Literal) and "·" in str(o) for _s, _p, o in res.graph)


def test_turtle_round_trip(workspace, tmp_path):
    out = tmp_path / "g.ttl"
    export(workspace, "ttl", out)
    assert set(Graph().parse(out, format="turtle")) == set(load_workspace_graph(workspace, with_ontology=True))


def test_jsonld_round_trip(workspace, tmp_path):
    out = tmp_path / "g.jsonld"
    export(workspace, "jsonld", out)
    assert set(Graph().parse(out, format="json-ld")) == set(load_workspace_graph(workspace, with_ontology=True))


def test_graphml_loads_with_networkx(workspace, tmp_path):
    out = tmp_path / "g.graphml"
    export(workspace, "graphml", out)
    g = nx.read_graphml(out)
    rows = _rows(workspace)
    assert set(g.nodes) == {n.id for n in rows.nodes}
    assert g.number_of_edges() == len(rows.rels)
    person = next(n for n in rows.nodes if n.label == "Person" and n.props["name"] == "赵男男")
    data = g.nodes[person.id]
    assert data["label"] == "Person" and data["national_leader"] is False
    assert data["evidence"].split("\n") == person.evidence
    edge_types = {d["type"] for _u, _v, d in g.edges(data=True)}
    assert {"PARTICIPATED", "PART_OF", "RELAYS", "HELD_IN"} <= edge_types


def test_csv_in_neo4j_admin_import_layout(workspace, tmp_path):
    out = tmp_path / "csv"
    export(workspace, "csv", out)
    rows = _rows(workspace)
    ids = set()
    for p in out.glob("nodes_*.csv"):
        with p.open(encoding="utf-8") as f:
            table = list(csv.reader(f))
        header = table[0]
        assert header[0] == "id:ID" and header[-1] == ":LABEL" and "articles:string[]" in header
        ids |= {r[0] for r in table[1:]}
        assert {r[-1] for r in table[1:]} == {p.stem.removeprefix("nodes_")}
    assert ids == {n.id for n in rows.nodes}
    n_rels = 0
    for p in out.glob("rels_*.csv"):
        with p.open(encoding="utf-8") as f:
            table = list(csv.reader(f))
        assert table[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
        for r in table[1:]:
            assert r[0] in ids and r[1] in ids
        n_rels += len(table) - 1
    assert n_rels == len(rows.rels)
    with (out / "nodes_Person.csv").open(encoding="utf-8") as f:
        person = next(r for r in csv.DictReader(f) if r["name:string"] == "赵男男")
    assert person["national_leader:boolean"] == "false"
    assert person["evidence:string[]"].split(";")[0].startswith("000_38d2b205cedefea2|")
    assert "--nodes=nodes_Person.csv" in (out / "neo4j-admin-import.sh").read_text()


def test_export_command(workspace, tmp_path, capsys):
    assert export_command(Namespace(workspace=str(workspace), format="graphml", out=str(tmp_path / "x.graphml"))) == 0
    assert (tmp_path / "x.graphml").exists()
    assert export_command(Namespace(workspace=str(tmp_path / "empty"), format="ttl", out=str(tmp_path / "y.ttl"))) == 1
    assert "nothing to export" in capsys.readouterr().err


def _queries() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def turtle_graph(workspace, tmp_path_factory):
    out = tmp_path_factory.mktemp("ttl") / "g.ttl"
    export(workspace, "ttl", out)
    return Graph().parse(out, format="turtle")


def test_sparql_who_attended_what(turtle_graph):
    q = _queries()[0]
    rows = {(str(r.person), str(r.role), str(r.date), str(r.region)) for r in turtle_graph.query(q)}
    assert ("赵男男", "chair", "2024-05-27", "江苏省南通市海安市") in rows
    assert ("李皓", "attendee", "2024-02-25", "江苏省常州市武进区") in rows
    assert len(rows) == 27


def test_sparql_what_relayed_a_directive(turtle_graph):
    q = _queries()[1]
    rows = [(str(r.directive), str(r.article)) for r in turtle_graph.query(q)]
    full = "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施"
    assert {a for d, a in rows if d == full} == {"002_6d62fb2e2e7b4d80", "003_f9760ff1ea8f6231"}


def test_sparql_region_hierarchy_of_meetings(turtle_graph):
    q = _queries()[2]
    rows = {(str(r.region), str(r.ancestor), str(r.ancestorLevel)) for r in turtle_graph.query(q)}
    assert ("江苏省南通市海安市", "江苏省南通市", "prefecture") in rows
    assert ("江苏省南通市海安市", "江苏省", "province") in rows
    assert ("湖北省恩施土家族苗族自治州宣恩县", "湖北省", "province") in rows
