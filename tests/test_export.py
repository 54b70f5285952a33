"""Exports of a built workspace (Turtle, JSON-LD, GraphML, CSV) and the SPARQL of docs/sparql.md."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import warnings
from argparse import Namespace
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.plugins.stores.memory import Memory

from graph_loader.cli.graph import export_command
from graph_loader.graph.batch import build_batch
from graph_loader.graph.export import (
    export,
    load_workspace_graph,
    read_batch_rdf,
    write_batch_rdf,
)
from graph_loader.graph.ids import SKG
from graph_loader.graph.resolve import Resolver
from graph_loader.graph.rows_io import merge_rows, read_rows, write_rows
from graph_loader.graph.vocab import ONTOLOGY_PATH, SHAPES_PATH
from tests.test_graph_data import gold_records, with_evidence

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "sparql.md"


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
    assert person["evidence:string[]"].split("\x1f")[0].startswith("000_38d2b205cedefea2|")
    assert "--nodes=nodes_Person.csv" in (out / "neo4j-admin-import.sh").read_text()


def _csv_tables(out: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Each CSV file of an export: its header and its rows in sorted order (the export's row order
    follows its buckets, which the import does not see)."""
    tables = {}
    for p in sorted(out.glob("*.csv")):
        with p.open(encoding="utf-8", newline="") as f:
            table = list(csv.reader(f))
        tables[p.name] = (table[0], sorted(table[1:]))
    return tables


def _hub_workspace(ws: Path, docs: int = 1_050) -> None:
    """Rows files of `docs` articles, as a build writes them: every article names one hub region (more
    than ARTICLE_CHUNK articles: `_Articles` chunks; more than EVIDENCE_ARTICLES: support evidence),
    its own meeting held there, a body whose written name varies (a settled name), and one of a
    few persons whose properties later articles change or leave null."""
    from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence

    for i in range(docs):
        d = f"d{(i * 7919) % docs:05d}"  # files in an order that is not the doc ids'
        ev = lambda what, n=1, d=d: [encode_evidence(d, k, k + 2, k, k + 2, what, f"{what}{k}") for k in range(n)]  # noqa: E731
        person = f"person:{i % 13}"
        nodes = [NodeRow("region:hub", "Region", {"name": "某省", "path": "某省", "level": "province"}, [d], ev("r", 2)),
                 NodeRow(f"meeting:{d}", "Meeting", {"name": f"会议{i}", "date": None, "inferred_year": i % 2 == 0,
                                                     "count": i}, [d], ev("m")),
                 NodeRow("body:x", "Body", {"name": ["某省安委会", "省安委会", "某省安委办"][i % 3]}, [d], ev("b")),
                 NodeRow(person, "Person", {"name": f"人{i % 13}", "post": f"职{i}" if i % 3 else None,
                                            "aliases": [f"别名{i % 5}"]}, [d], ev("p"))]
        rels = [RelRow(f"held:{d}", "HELD_IN", f"meeting:{d}", "region:hub", {}, [d], ev("h")),
                RelRow(f"part:{i % 13}", "PARTICIPATED", person, "region:hub", {"role": "chair"}, [d], ev("t"))]
        write_rows(GraphRows(nodes=nodes, rels=rels, doc_ids=[d]), ws / "rows" / f"{i:05d}.jsonl")


def test_csv_export_streams_in_buckets_to_the_same_files(workspace, tmp_path):
    """The CSV export spread over many buckets (each id's rows merged in one) writes what one merge of
    every row writes, and each article's support record is `schema.support_evidence`'s."""
    from graph_loader.graph.export import export_csv, workspace_rows
    from graph_loader.graph.rows_io import iter_workspace_rows
    from graph_loader.graph.schema import support_evidence

    hubs = tmp_path / "hubs"
    _hub_workspace(hubs)
    for ws in (workspace, hubs):
        size = sum(p.stat().st_size for p in (ws / "rows").glob("*.jsonl"))
        many, one = tmp_path / f"{ws.name}-many", tmp_path / f"{ws.name}-one"
        counts = export_csv(iter_workspace_rows(ws), many, size_hint=size, bucket_bytes=size // 17)
        assert export_csv(workspace_rows(ws), one) == counts  # one bucket: all the rows merged at once
        assert _csv_tables(many) == _csv_tables(one)
        assert (many / "neo4j-admin-import.sh").read_text() == (one / "neo4j-admin-import.sh").read_text()
        rows = workspace_rows(ws)
        docs = sorted({a for r in (*rows.nodes, *rows.rels) for a in r.articles})
        expected = support_evidence(rows, docs)
        got = _csv_tables(many)["support.csv"][1]
        assert [r[0] for r in got] == docs
        assert [(r[2].split("\x1f") if r[2] else [], r[3].split("\x1f") if r[3] else []) for r in got] == \
            [tuple(expected[d]) for d in docs]
        assert not list(tmp_path.glob(".csv-export-*"))  # the buckets are gone
    hub_tables = _csv_tables(tmp_path / "hubs-many")
    chunks = hub_tables["article_chunks.csv"][1]
    # 1,050 articles each: one chunk beyond the first 1,000
    assert [r[0] for r in chunks] == ["Body|body:x", "Region|region:hub"]
    hub = next(r for r in hub_tables["nodes_Region.csv"][1] if r[0] == "region:hub")
    assert len(hub[-3].split("\x1f")) + len(chunks[1][1].split("\x1f")) == 1_050
    assert {r[0]: r[1] for r in hub_tables["nodes_Body.csv"][1]} == {"body:x": "省安委会"}  # the settled name
    assert sum(bool(r[3]) for r in hub_tables["support.csv"][1]) == 1_050 - 100  # outside the hub's sample


def test_csv_export_removes_the_buckets_a_killed_export_left(workspace, tmp_path):
    """An export killed before its cleanup (`kill -9`) leaves its bucket folder; the next export in the
    same place removes it, and leaves alone the folder of an export whose process still runs."""
    import os

    from graph_loader.graph.export import export_csv, workspace_rows

    killed = tmp_path / f".csv-export-{2**22 + 7}-abc"  # above any pid_max: no such process
    running = tmp_path / f".csv-export-{os.getpid()}-xyz"
    for d in (killed, running):
        d.mkdir()
        (d / "facts-0000.jsonl").write_text("{}\n")
    export_csv(workspace_rows(workspace), tmp_path / "csv")
    assert not killed.exists()
    assert running.exists()
    assert [p.name for p in tmp_path.glob(".csv-export-*")] == [running.name]


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


# -- the exports as their readers see them ---------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The sample corpus and a generated corpus built by the whole pipeline (extraction included)."""
    from graph_loader.build import build_paths
    from graph_loader.generate import generate

    base = tmp_path_factory.mktemp("built")
    assert not build_paths([ROOT / "data" / "corpus"], base / "sample", shacl=False).rejected
    generate(40, 1, base / "gen")
    assert not build_paths([base / "gen" / "texts"], base / "generated", shacl=False).rejected
    return {"sample": base / "sample", "generated": base / "generated"}


class _CountingStore(Memory):
    """An rdflib store that counts every triple a parser hands it, repeats included."""

    def __init__(self) -> None:
        super().__init__()
        self.parsed = 0

    def add(self, triple, context, quoted=False):
        self.parsed += 1
        return super().add(triple, context, quoted)


@pytest.mark.parametrize(("fmt", "reader"), [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_rdf_exports_write_each_triple_once_and_print_the_graphs_size(workspace, built, tmp_path, fmt, reader):
    # the same triple stands in many workspace files (a region's name, a sector's label, which the
    # ontology also holds): the file has it once, and the count printed is the graph's size
    for ws in (workspace, built["sample"], built["generated"]):
        out = tmp_path / f"{ws.name}.{fmt}"
        summary = export(ws, fmt, out)
        printed = int(re.search(r": (\d+) triples", summary).group(1))
        store = _CountingStore()
        distinct = len(Graph(store=store).parse(out, format=reader))
        assert (store.parsed, printed) == (distinct, distinct)
        assert distinct == len(load_workspace_graph(ws, with_ontology=True))


def _shacl_results(data: Graph, inference: str = "none") -> list[tuple[str, str, str]]:
    """(severity, message, focus node) of every result of pyshacl on data, with shapes.ttl and
    ontology.ttl as the ontology graph."""
    from pyshacl import validate

    _conforms, report, _text = validate(
        data, shacl_graph=Graph().parse(SHAPES_PATH, format="turtle"),
        ont_graph=Graph().parse(ONTOLOGY_PATH, format="turtle"), inference=inference, allow_warnings=True)
    return sorted((str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], str(report.value(r, SH.resultMessage)),
                   str(report.value(r, SH.focusNode)))
                  for r in report.subjects(RDF.type, SH.ValidationResult))


@pytest.mark.parametrize("corpus", ["sample", "generated"])
@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_whole_turtle_export_conforms_to_the_shapes(built, tmp_path, corpus, inference):
    # the build validates batch by batch; this is the whole exported graph, ontology included:
    # no violation, and no warning either (every fact the extractor reads has its span)
    out = tmp_path / "g.ttl"
    export(built[corpus], "ttl", out)
    assert _shacl_results(Graph().parse(out, format="turtle"), inference) == []


def test_vocabulary_sectors_need_no_evidence_but_addressed_ones_do(built, tmp_path):
    out = tmp_path / "g.ttl"
    export(built["sample"], "ttl", out)
    g = Graph().parse(out, format="turtle")
    declared = set(g.subjects(RDF.type, SKG.Sector))
    addressed = set(g.objects(None, SKG.addresses))
    unnamed = declared - addressed
    assert addressed and unnamed  # the ontology declares sectors no sample article names
    assert not any(g.value(s, SKG.evidence) for s in unnamed)
    assert all(g.value(s, SKOS.inScheme) == SKG.SectorScheme for s in declared)
    victim = sorted(addressed)[0]
    g.remove((victim, SKG.evidence, None))
    assert _shacl_results(g) == [("Violation", "a sector addressed without evidence", str(victim))]


def test_graphml_relationship_ids_are_data_that_readers_return(workspace, tmp_path):
    import xml.etree.ElementTree as ET

    import igraph

    out = tmp_path / "g.graphml"
    export(workspace, "graphml", out)
    rows = _rows(workspace)
    want = {r.id: (r.src, r.dst, r.type) for r in rows.rels}
    # a reader that drops an edge's XML id (igraph before 1.0, and others) still has its <data> id
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    key = next(k.get("id") for k in root.findall("g:key", ns) if k.get("for") == "edge" and k.get("attr.name") == "id")
    edges = root.findall("g:graph/g:edge", ns)
    assert [e.find(f"g:data[@key='{key}']", ns).text for e in edges] == [e.get("id") for e in edges]
    # igraph 1.0 reads the XML id into "id" itself and notes that the data key already set it
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Could not add edge ids", category=RuntimeWarning)
        g = igraph.Graph.Read_GraphML(str(out))
    assert {e["id"]: (g.vs[e.source]["id"], g.vs[e.target]["id"], e["type"]) for e in g.es} == want
    assert {d["id"] for _u, _v, d in nx.read_graphml(out).edges(data=True)} == set(want)


# -- the CSV export through the real neo4j-admin -------------------------------------------
def _neo4j_admin_on_path(bin_dir: Path, classpath: str) -> dict[str, str]:
    """An environment whose PATH has `neo4j-admin`: Neo4j's AdminTool from the resolved Maven
    classpath of dev/neo4j (the jars the test server runs on), as the distribution's script runs it."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    (bin_dir / "classpath").write_text(classpath, encoding="utf-8")
    script = bin_dir / "neo4j-admin"
    script.write_text('#!/bin/sh\nexec java -Xmx512m -cp "$(cat "$(dirname "$0")/classpath")" '
                      'org.neo4j.cli.AdminTool "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _set(v):
    """A list property as a set: the order of articles and evidence is not part of the graph."""
    return frozenset(v) if isinstance(v, list) else v


def _present(props: dict) -> dict:
    """The properties a CSV import can give: an empty array is an empty field, which neo4j-admin
    leaves out (the stores read such lists with coalesce(.., []))."""
    return {k: v for k, v in props.items() if v != []}


@pytest.mark.neo4j
def test_csv_export_imports_with_neo4j_admin_into_the_same_graph(built, tmp_path):
    from neo4j import GraphDatabase

    from graph_loader.stores import neo4j_server as server
    from graph_loader.stores.embedded import EmbeddedStore
    from tests.neo4j_fixture import _unavailable

    if missing := server.missing_tools():
        _unavailable(f"needs {', '.join(missing)} on PATH")
    try:
        classpath = server.ensure_built(quiet=True)
    except server.LauncherError as e:
        _unavailable(str(e).splitlines()[0])
    ws = built["sample"]
    out = tmp_path / "csv"
    export(ws, "csv", out)
    # the imported database lands in the home of a local server's workspace, which then opens it
    server_ws = tmp_path / "server"
    home = server.state_dir(server_ws) / "home"
    home.mkdir(parents=True)
    env = {**_neo4j_admin_on_path(tmp_path / "bin", classpath), "NEO4J_HOME": str(home)}
    done = subprocess.run(["sh", str(out / "neo4j-admin-import.sh"), "neo4j", "--max-off-heap-memory=256m",
                           "--threads=2"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]

    project = EmbeddedStore.open(ws)
    want_nodes = {nid: {"labels": [a["label"]], **{k: _set(v) for k, v in _present(a).items() if k != "label"}}
                  for nid, a in project.graph.nodes(data=True)}
    want_rels = {key: {"type": a["type"], "src": u, "dst": v,
                       **{k: _set(x) for k, x in _present(a).items() if k != "type"}}
                 for u, v, key, a in project.graph.edges(keys=True, data=True)}
    settings = server.start(server_ws, quiet=True)
    try:
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
            nodes = driver.execute_query("MATCH (n) WHERE NOT n:_Support "
                                         "RETURN labels(n) AS labels, properties(n) AS p").records
            support = driver.execute_query("MATCH (s:_Support) RETURN s.doc_id AS doc, s.facts AS facts").records
            rels = driver.execute_query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, "
                                        "properties(r) AS p").records
    finally:
        server.stop(server_ws)
    got_nodes = {r["p"]["id"]: {"labels": r["labels"], **{k: _set(v) for k, v in r["p"].items() if k != "id"}}
                 for r in nodes}
    got_rels = {r["p"]["id"]: {"type": r["type"], "src": r["src"], "dst": r["dst"],
                               **{k: _set(v) for k, v in r["p"].items() if k != "id"}} for r in rels}
    assert len(nodes) == len(got_nodes) and len(rels) == len(got_rels)  # ids are unique
    counts = {k: v for k, v in project.counts().items() if v}
    got_counts: dict[str, int] = {}
    for n in got_nodes.values():
        got_counts[n["labels"][0]] = got_counts.get(n["labels"][0], 0) + 1
    for r in got_rels.values():
        got_counts[r["type"]] = got_counts.get(r["type"], 0) + 1
    assert got_counts == counts
    assert _differences(got_nodes, want_nodes) == []
    assert _differences(got_rels, want_rels) == []
    # the store's per-article support records: each article lists exactly the facts naming it
    want_support: dict[str, set[str]] = {}
    for nid, a in project.graph.nodes(data=True):
        for doc in a.get("articles", []):
            want_support.setdefault(doc, set()).add(f"{a['label']}|{nid}")
    for _u, _v, key, a in project.graph.edges(keys=True, data=True):
        for doc in a.get("articles", []):
            want_support.setdefault(doc, set()).add(f"{a['type']}|{key}")
    assert {r["doc"]: set(r["facts"].split("\n")) for r in support} == want_support


def _differences(got: dict[str, dict], want: dict[str, dict]) -> list[tuple]:
    """(id, property, imported value, project's value) wherever they differ."""
    out = []
    for key in sorted(set(got) | set(want)):
        g, w = got.get(key, {}), want.get(key, {})
        out.extend((key, k, g.get(k), w.get(k)) for k in sorted(set(g) | set(w)) if g.get(k) != w.get(k))
    return out
