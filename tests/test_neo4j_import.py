"""`safetykg neo4j import`: a corpus built transactionally into Neo4j and the same corpus exported as CSV
and imported by neo4j-admin's import tool into a fresh server give the same graph and the same answers
to every catalogue query; the imported database takes incremental reloads like a loaded one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph_loader.cli import main as cli_main
from graph_loader.graph.export import export, workspace_rows
from graph_loader.graph.schema import NODE_LABELS, GraphRows
from queries.registry import REGISTRY, run_query

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[1]
REAL_TEXTS = ROOT / "data" / "real" / "texts"
N_GENERATED = 40
N_REAL = 4  # dev-split real articles, beside the generated ones


def _real_dev_texts() -> list[Path]:
    index = (ROOT / "data" / "real" / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]
    dev = [line.split("\t")[0] for line in index if line.split("\t")[1:2] == ["dev"]]
    return [REAL_TEXTS / f"{doc}.txt" for doc in dev[:N_REAL] if (REAL_TEXTS / f"{doc}.txt").exists()]


@pytest.fixture(scope="module")
def loaded_and_imported(neo4j_server, tmp_path_factory):
    """(transactional store, imported store, built workspace, import workspace, csv dir)."""
    from graph_loader.build import build_paths
    from graph_loader.generate import generate
    from graph_loader.stores import neo4j_server as server
    from graph_loader.stores.neo4j_store import Neo4jStore

    neo4j_store = Neo4jStore(neo4j_server, batch_size=200)
    neo4j_store._write("MATCH (n) DETACH DELETE n")  # the session's server, emptied as neo4j_store does
    base = tmp_path_factory.mktemp("import")
    generate(N_GENERATED, 7, base / "gen")
    real = base / "real"
    real.mkdir()
    for p in _real_dev_texts():
        (real / p.name).write_bytes(p.read_bytes())
    ws = base / "ws"
    report = build_paths([base / "gen" / "texts", real], ws, "neo4j", store=neo4j_store, shacl=False)
    assert not report.rejected
    csv_dir = base / "csv"
    export(ws, "csv", csv_dir)
    import_ws = base / "imported"
    assert cli_main(["neo4j", "import", str(csv_dir), "--workspace", str(import_ws)]) == 0
    settings = server.start(import_ws, quiet=True)
    imported = Neo4jStore(settings, batch_size=50)
    try:
        yield neo4j_store, imported, ws, import_ws, csv_dir
    finally:
        imported.close()
        neo4j_store.close()
        server.stop(import_ws)


def _graph(store) -> dict[str, dict]:
    """Every node by id with its properties (lists as sorted lists: their order is not the graph's),
    and every relationship by id with its type, ends and properties."""
    def plain(props: dict) -> dict:
        return {k: sorted(v) if isinstance(v, list) else v for k, v in props.items() if v != []}

    out: dict[str, dict] = {}
    for label in NODE_LABELS:
        for nid in store.ids_by_label(label):
            out[nid] = plain(store.node(nid))
    for row in store.query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, "
                           "properties(r) AS p"):
        out["rel:" + row["p"]["id"]] = {"type": row["type"], "src": row["src"], "dst": row["dst"],
                                        **plain(row["p"])}
    return out


def _support(store) -> dict[str, set[str]]:
    return {r["doc"]: set(r["facts"].split("\n"))
            for r in store.query("MATCH (s:_Support) RETURN s.doc_id AS doc, s.facts AS facts")}


def _cases(store) -> list[tuple[str, dict]]:
    """Parameters for every catalogue query, drawn from the graph: the busiest nodes of each kind
    (most relationships), so the answers are not empty."""
    def top(label: str, prop: str = "id", n: int = 2, where: str = "") -> list:
        rows = store.query(f"MATCH (x:{label}) {where} RETURN x.{prop} AS v ORDER BY COUNT {{ (x)--() }} DESC, "
                           f"x.id LIMIT {n}")
        return [r["v"] for r in rows if r["v"] is not None]

    meetings, persons = top("Meeting", n=4), top("Person", "name", 3)
    regions, bodies = top("Region", "name", 3), top("Body", "name", 2)
    directives, teams = top("Directive"), top("Inspection", "team")
    cases: list[tuple[str, dict]] = [("relay_lags", {}), ("sectors", {}), ("sectors", {"level": "county"}),
                                     ("overview", {}), ("overview", {"latest": 3}), ("regions", {}),
                                     ("meetings", {}), ("meetings", {"limit": 3, "offset": 2}),
                                     ("meetings", {"level": "county"})]
    cases += [("propagation", {"target": t}) for t in directives + meetings[:2]]
    cases += [("meeting", {"id": m}) for m in meetings]
    cases += [("neighbours", {"id": m, "limit": 5}) for m in meetings[:2]]
    cases += [("evidence", {"id": m}) for m in meetings[:2]] + [("evidence", {"id": m, "limit": 1, "offset": 1})
                                                               for m in meetings[:1]]
    cases += [("attendance", {"meetings": meetings[:3]})]
    cases += [("attendance", {"person": p}) for p in persons]
    cases += [("attendance", {"body": b}) for b in bodies]
    cases += [("person", {"id": p}) for p in persons]
    cases += [("search", {"text": p[:2]}) for p in persons[:2] + regions[:1]]
    for r in regions:
        cases += [("attendance", {"region": r}), ("responsibility_chain", {"region": r}),
                  ("inspections", {"region": r}), ("timeline", {"region": r}),
                  ("sectors", {"region": r}), ("meetings", {"region": r, "limit": 5})]
    cases += [("inspections", {"team": t}) for t in teams]
    if len(persons) >= 2:
        cases += [("path", {"a": persons[0], "b": persons[1]}), ("path", {"a": persons[0], "b": meetings[0]})]
    return cases


def _answers(store, cases) -> list:
    return [run_query(store, name, params).model_dump(mode="json") for name, params in cases]


def test_imported_graph_equals_the_transactional_one(loaded_and_imported):
    loaded, imported, *_ = loaded_and_imported
    assert loaded.counts() == imported.counts()
    assert loaded.counts()["Article"] == N_GENERATED + len(_real_dev_texts())
    want, got = _graph(loaded), _graph(imported)
    diffs = [(k, want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]
    assert not diffs, diffs[:3]
    assert _support(loaded) == _support(imported)


def test_every_catalogue_query_answers_alike(loaded_and_imported):
    loaded, imported, *_ = loaded_and_imported
    cases = _cases(loaded)
    assert {name for name, _ in cases} == set(REGISTRY)
    want, got = _answers(loaded, cases), _answers(imported, cases)
    diffs = [(case, a, b) for case, a, b in zip(cases, want, got, strict=True) if a != b]
    assert not diffs, diffs[0]


def test_the_store_schema_exists_after_import(loaded_and_imported):
    loaded, imported, *_ = loaded_and_imported
    names = "SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name"
    want, got = loaded.query(names), imported.query(names)
    assert [(r["name"], r["type"]) for r in got] == [(r["name"], r["type"]) for r in want]
    assert {r["state"] for r in got} == {"ONLINE"}


def test_an_imported_database_takes_incremental_reloads(loaded_and_imported):
    """Replacing one article (without its busiest meeting) on both: same graph, same answers."""
    from graph_loader.graph.rows_io import read_rows

    loaded, imported, ws, *_ = loaded_and_imported
    path = sorted((ws / "rows").glob("*.jsonl"))[0]
    rows: GraphRows = read_rows(path)
    dropped = next(n.id for n in rows.nodes if n.label == "Meeting")
    rows.nodes = [n for n in rows.nodes if n.id != dropped]
    rows.rels = [r for r in rows.rels if dropped not in (r.src, r.dst)]
    for store in (loaded, imported):
        store.upsert(rows)
    assert loaded.counts() == imported.counts()
    assert _graph(loaded) == _graph(imported)
    cases = _cases(loaded)
    assert _answers(loaded, cases) == _answers(imported, cases)


def test_refuses_a_database_that_holds_nodes(loaded_and_imported, capsys):
    _loaded, imported, _ws, import_ws, csv_dir = loaded_and_imported
    before = imported.counts()
    assert cli_main(["neo4j", "import", str(csv_dir), "--workspace", str(import_ws)]) == 1
    assert "--overwrite" in capsys.readouterr().err
    assert imported.counts() == before


def test_bad_csv_is_reported_and_the_database_left_as_it_was(loaded_and_imported, tmp_path, capsys):
    from graph_loader.stores import neo4j_server as server
    from graph_loader.stores.neo4j_store import Neo4jStore

    loaded, _imported, _ws, import_ws, csv_dir = loaded_and_imported
    bad = tmp_path / "bad"
    bad.mkdir()
    for p in csv_dir.iterdir():
        (bad / p.name).write_bytes(p.read_bytes())
    with (bad / "rels_HELD_IN.csv").open("a", encoding="utf-8") as f:
        f.write("meeting-that-is-not-there,region-neither,HELD_IN,rel-x,,\n")  # an end no node has
    assert cli_main(["neo4j", "import", str(bad), "--workspace", str(import_ws), "--overwrite"]) == 1
    err = capsys.readouterr().err
    assert "missing node meeting-that-is-not-there" in err, err
    (bad / "rels_HELD_IN.csv").write_bytes((csv_dir / "rels_HELD_IN.csv").read_bytes())
    person = (bad / "nodes_Person.csv").read_text(encoding="utf-8").split("\n")
    person[1] = '"unclosed' + person[1]  # a quote the field does not end with
    (bad / "nodes_Person.csv").write_text("\n".join(person), encoding="utf-8")
    assert cli_main(["neo4j", "import", str(bad), "--workspace", str(import_ws), "--overwrite"]) == 1
    err = capsys.readouterr().err
    assert "nodes_Person.csv" in err and "quote" in err, err
    store = Neo4jStore(server.start(import_ws, quiet=True))
    try:
        assert store.counts() == loaded.counts()
    finally:
        store.close()
    assert cli_main(["neo4j", "import", str(tmp_path / "nothing"), "--workspace", str(import_ws)]) == 1
    assert "no such directory" in capsys.readouterr().err
    assert cli_main(["neo4j", "import", "--workspace", str(import_ws)]) == 2



def test_load_fresh_imports_the_workspace_and_later_builds_are_incremental(loaded_and_imported, capsys):
    """`load --fresh` into the built workspace's own local server: the graph of a transactional load,
    and a build afterwards finds every article held (nothing loaded again); another server is refused."""
    from graph_loader.stores import neo4j_server as server
    from graph_loader.stores.neo4j_store import Neo4jStore

    loaded, _imported, ws, *_ = loaded_and_imported
    try:
        assert cli_main(["load", "--fresh", "--workspace", str(ws)]) == 0
        assert "imported" in capsys.readouterr().out
        store = Neo4jStore(server.start(ws, quiet=True))
        try:
            counts = {k: v for k, v in store.counts().items() if v}
        finally:
            store.close()
        rows = workspace_rows(ws)  # what the workspace holds (`loaded` took a reload since)
        assert counts == dict(Counter([n.label for n in rows.nodes] + [r.type for r in rows.rels]))
        texts = [ws.parent / "gen" / "texts", ws.parent / "real"]  # as the fixture built them
        assert cli_main(["build", *map(str, texts), "--workspace", str(ws), "--store", "neo4j",
                         "--no-shacl"]) == 0
        out = capsys.readouterr().out
        assert f"0 articles built, {loaded.counts()['Article']} unchanged" in out, out
    finally:
        server.stop(ws)
    assert cli_main(["load", "--fresh", "--workspace", str(ws), "--neo4j-uri", "bolt://127.0.0.1:9"]) == 2
    assert "local server only" in capsys.readouterr().err
