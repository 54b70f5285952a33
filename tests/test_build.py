"""The whole pipeline on the sample corpus into the embedded store: build, rebuild, resume, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph_loader.build import build_paths, load_document
from graph_loader.cli import main
from graph_loader.stores.embedded import EmbeddedStore

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    report = build_paths([CORPUS], ws)
    assert not report.rejected
    assert sum(f.status == "ingested" for f in report.files) == 5
    return ws


def _snapshot(ws: Path) -> tuple[dict, dict]:
    store = EmbeddedStore.open(ws)
    g = store.graph
    nodes = {n: (d.get("label"), sorted(d.get("articles", []))) for n, d in g.nodes(data=True)}
    edges = {k: (u, v, sorted(d.get("articles", []))) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def test_build_writes_workspace_and_store(built: Path) -> None:
    counts = EmbeddedStore.open(built).counts()
    assert counts.get("Article") == 5
    assert counts.get("Meeting", 0) >= 7
    assert counts.get("PARTICIPATED", 0) >= 25
    assert counts.get("Region", 0) >= 5
    assert len(list((built / "records").glob("*.json"))) == 5
    assert len(list((built / "rows").glob("*.jsonl"))) == 5


def test_documents_keep_the_offset_map(built: Path) -> None:
    doc = load_document(built, "003_f9760ff1ea8f6231")
    assert doc is not None
    i = doc.clean.index("安全生产")
    s, e = doc.original_span(i, i + 4)
    assert doc.original[s:e] in ("安全生產", "安全生产")


def test_every_fact_has_evidence_from_its_article(built: Path) -> None:
    store = EmbeddedStore.open(built)
    for _, _, d in store.graph.edges(data=True):
        if d.get("type") == "PARTICIPATED":
            assert d["evidence"], d
            assert all(e.split("|", 1)[0] in d["articles"] for e in d["evidence"])


def test_rebuild_is_idempotent_and_skips_unchanged(built: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(built, ws)
    before = _snapshot(ws)
    report = build_paths([CORPUS], ws)
    assert all(f.status == "unchanged" for f in report.files)
    assert _snapshot(ws) == before
    report = build_paths([CORPUS], ws, fresh=True)
    assert sum(f.status == "ingested" for f in report.files) == 5
    assert _snapshot(ws) == before


def test_interrupted_build_resumes_to_the_same_graph(built: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    files = sorted(CORPUS.iterdir())
    # first run sees only two files (as if killed after them), the second all five
    part = tmp_path / "in"
    part.mkdir()
    for f in files:
        shutil.copy2(f, part / f.name)
    first = [part / f.name for f in files[:2]]
    build_paths(first, ws, batch_size=1)
    report = build_paths([part], ws, batch_size=2)
    assert sum(f.status == "unchanged" for f in report.files) == 2
    assert _snapshot(ws) == _snapshot(built)


def test_changed_article_replaces_only_its_facts(built: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    inp = tmp_path / "in"
    shutil.copytree(CORPUS, inp)
    build_paths([inp], ws)
    target = inp / "003_f9760ff1ea8f6231.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("徐俊、", ""), encoding="utf-8")
    build_paths([inp], ws)
    nodes, edges = _snapshot(ws)
    names = {d.get("name") for _, d in EmbeddedStore.open(ws).graph.nodes(data=True) if d.get("label") == "Person"}
    assert "徐俊" not in names
    old_nodes, _ = _snapshot(built)
    other = {n: v for n, v in old_nodes.items() if "003_f9760ff1ea8f6231" not in v[1]}
    assert all(nodes.get(n) == v for n, v in other.items())


def test_cli_build_reports_rejections_and_goes_on(tmp_path: Path, capsys) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy2(CORPUS / "001_9cb08e20f04e73bb.txt", inp)
    (inp / "empty.txt").write_bytes(b"")
    (inp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code = main(["build", str(inp), "--workspace", str(tmp_path / "ws"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt" in err and "image.txt" in err
    assert EmbeddedStore.open(tmp_path / "ws").counts().get("Article") == 1


def test_records_match_extract_command(built: Path, tmp_path: Path) -> None:
    assert main(["extract", str(CORPUS), "--out", str(tmp_path / "out")]) == 0
    for f in (tmp_path / "out").glob("*.json"):
        a = json.loads(f.read_text(encoding="utf-8"))
        b = json.loads((built / "records" / f.name).read_text(encoding="utf-8"))
        assert a["persons"] == b["persons"] and a["meetings"] == b["meetings"]
