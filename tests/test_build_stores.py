"""One workspace, several stores: the resume state says which articles each store holds.

A build into Neo4j after a build into the embedded store (or into another Neo4j database) loads
the articles the workspace already built; a store emptied since is loaded again; a state file
written before stores were told apart keeps working as the embedded store's.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from graph_loader.build import build_paths
from graph_loader.cli import main
from graph_loader.config import Neo4jSettings
from graph_loader.stores.embedded import EmbeddedStore

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def embedded_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    assert not build_paths([CORPUS], ws, shacl=False).rejected
    return ws


def _statuses(report) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in report.files:
        out[f.status] = out.get(f.status, 0) + 1
    return out


def _neo4j_args(settings: Neo4jSettings, uri: str | None = None) -> list[str]:
    return ["--store", "neo4j", "--neo4j-uri", uri or str(settings.uri), "--neo4j-user", settings.user,
            "--neo4j-password", str(settings.password), "--quiet"]


def test_an_old_state_file_is_the_embedded_stores(embedded_ws: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(embedded_ws, ws)
    state = json.loads((ws / "build_state.json").read_text(encoding="utf-8"))
    (ws / "build_state.json").write_text(json.dumps({"done": state["done"]}), encoding="utf-8")
    report = build_paths([CORPUS], ws, shacl=False)
    assert _statuses(report) == {"unchanged": 5}


def test_a_removed_embedded_store_is_loaded_again_from_the_workspace(embedded_ws: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(embedded_ws, ws)
    (ws / "graph.pickle").unlink()
    report = build_paths([CORPUS], ws, shacl=False)
    assert _statuses(report) == {"loaded": 5}
    assert report.notes and "holds no article" in report.notes[0]
    assert EmbeddedStore.open(ws).counts() == EmbeddedStore.open(embedded_ws).counts()


def test_a_bad_rows_line_on_reload_is_a_warning_and_the_rest_is_loaded(embedded_ws: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(embedded_ws, ws)
    (ws / "graph.pickle").unlink()
    rows = sorted((ws / "rows").glob("*.jsonl"))[0]
    lines = rows.read_text(encoding="utf-8").splitlines()
    rows.write_text("\n".join([lines[0], '{"kind": "node", "id": ', *lines[1:]]) + "\n", encoding="utf-8")
    assert main(["build", str(CORPUS), "--workspace", str(ws), "--no-shacl", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"warning: bad rows line left out: {rows}:2: not JSON" in err
    assert EmbeddedStore.open(ws).counts() == EmbeddedStore.open(embedded_ws).counts()


def test_build_into_neo4j_after_an_embedded_build_loads_neo4j(embedded_ws: Path, tmp_path: Path, neo4j_store,
                                                              neo4j_server: Neo4jSettings, capsys) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(embedded_ws, ws)
    assert main(["build", str(CORPUS), "--workspace", str(ws), *_neo4j_args(neo4j_server)]) == 0
    expected = EmbeddedStore.open(embedded_ws).counts()
    assert neo4j_store.counts() == expected
    assert expected["Article"] == 5

    # the same again: nothing to do for either store
    report = build_paths([CORPUS], ws, "neo4j", store=neo4j_store, shacl=False)
    assert _statuses(report) == {"unchanged": 5}
    assert _statuses(build_paths([CORPUS], ws, shacl=False)) == {"unchanged": 5}

    # the same database on another URI (a local server restarted on another port, say) is the same store
    other_uri = str(neo4j_server.uri).replace("bolt://", "neo4j://")
    capsys.readouterr()
    assert main(["build", str(CORPUS), "--workspace", str(ws), *_neo4j_args(neo4j_server, other_uri)]) == 0
    state = json.loads((ws / "build_state.json").read_text(encoding="utf-8"))
    assert sorted(state["stores"]) == ["embedded", next(k for k in state["stores"] if k.startswith("neo4j:"))]
    assert all(len(s["articles"]) == 5 for s in state["stores"].values())

    # the database emptied (or another one in its place): loaded again, and said so
    neo4j_store._write("MATCH (n) DETACH DELETE n")
    assert main(["build", str(CORPUS), "--workspace", str(ws), *_neo4j_args(neo4j_server)[:-1]]) == 0
    out, err = capsys.readouterr()
    assert "0 articles built, 5 loaded from the workspace, 0 unchanged" in out
    assert "note: the store" in err and "holds no article" in err
    assert neo4j_store.counts() == expected


def test_a_changed_file_reaches_every_store_it_is_built_for(embedded_ws: Path, tmp_path: Path, neo4j_store) -> None:
    inp = tmp_path / "in"
    shutil.copytree(CORPUS, inp)
    ws = tmp_path / "ws"
    build_paths([inp], ws, shacl=False)
    build_paths([inp], ws, "neo4j", store=neo4j_store, shacl=False)
    target = inp / "003_f9760ff1ea8f6231.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("徐俊、", ""), encoding="utf-8")
    assert _statuses(build_paths([inp], ws, "neo4j", store=neo4j_store, shacl=False)) == {"ingested": 1,
                                                                                          "unchanged": 4}
    # the embedded store still holds the old article: its new rows are loaded, not rebuilt
    assert _statuses(build_paths([inp], ws, shacl=False)) == {"loaded": 1, "unchanged": 4}
    names = {d.get("name") for _, d in EmbeddedStore.open(ws).graph.nodes(data=True) if d.get("label") == "Person"}
    assert "徐俊" not in names
    assert neo4j_store.counts() == EmbeddedStore.open(ws).counts()


def test_a_build_into_neo4j_reports_the_transactions_it_split(embedded_ws: Path, tmp_path: Path, neo4j_store,
                                                             neo4j_server: Neo4jSettings, monkeypatch,
                                                             capsys: pytest.CaptureFixture) -> None:
    """`BuildReport.transactions_split` (and the CLI's note) counts the store's splits of this build: a
    server whose transaction memory limit (here: more than 30 rows) the writer's weight bound misses."""
    from graph_loader.stores import neo4j_store as module

    write_many = module.Neo4jStore._write_many

    def limited(self, statements, splittable=False):
        rows = sum(len(v) for _, params in statements for v in params.values() if isinstance(v, list))
        if splittable and rows > 30:
            raise module._TooLarge(RuntimeError("MemoryPoolOutOfMemoryError (simulated)"))
        return write_many(self, statements, splittable)

    monkeypatch.setattr(module.Neo4jStore, "_write_many", limited)
    expected = EmbeddedStore.open(embedded_ws).counts()
    report = build_paths([CORPUS], tmp_path / "ws", "neo4j", store=neo4j_store, shacl=False)
    assert report.transactions_split == neo4j_store.splits > 0
    assert f"{report.transactions_split} Neo4j transactions split" in report.summary()
    assert neo4j_store.counts() == expected  # the parts wrote what the whole would have

    # the count is this build's, not the store's since it was opened
    neo4j_store._write("MATCH (n) DETACH DELETE n")
    before = neo4j_store.splits
    again = build_paths([CORPUS], tmp_path / "ws2", "neo4j", store=neo4j_store, shacl=False)
    assert again.transactions_split == neo4j_store.splits - before > 0
    assert neo4j_store.counts() == expected

    # the command says so even when quiet (each run opens its own store)
    neo4j_store._write("MATCH (n) DETACH DELETE n")
    capsys.readouterr()
    assert main(["build", str(CORPUS), "--workspace", str(tmp_path / "ws3"), "--no-shacl",
                 *_neo4j_args(neo4j_server)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"note: [1-9]\d* Neo4j write transactions passed the server's transaction memory limit", err)

    # an embedded build has nothing to split and says nothing of it
    embedded = build_paths([CORPUS], tmp_path / "ws-embedded", shacl=False)
    assert embedded.transactions_split is None and "transactions split" not in embedded.summary()
