"""Files with one name in different folders stay different articles; a failed extraction is never silent."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from graph_loader.cli import main
from graph_loader.ingest import Document, assign_doc_id, ingest_file
from graph_loader.stores.embedded import EmbeddedStore

# invented articles: one official each, so a search tells whether an article survived
TEXT_A = "本报讯 2024年3月5日，甲乙县县长柯望舒主持召开县安委会全体会议，传达学习《安全生产法》，部署安全生产工作。\n"
TEXT_B = "本报讯 2024年4月8日，丙丁市市长祁远帆主持召开市政府常务会议，研究部署防汛工作。\n"
TEXT_C = "本报讯 2024年5月9日，戊己县副县长韦听澜主持召开县安委会全体会议，部署汛期安全生产工作。\n"
SUFFIXED = re.compile(r"^1-[0-9a-f]{8}$")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """`a/1.txt` and `b/1.txt` (different articles, one stem) and a `solo.txt` with a stem of its own."""
    root = tmp_path / "in"
    for sub, text in (("a", TEXT_A), ("b", TEXT_B)):
        (root / sub).mkdir(parents=True)
        (root / sub / "1.txt").write_text(text, encoding="utf-8")
    (root / "solo.txt").write_text(TEXT_C, encoding="utf-8")
    return root


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _search(capsys, ws: Path, text: str) -> list[str]:
    code, out, err = _run(capsys, "query", "search", "--param", f"text={text}", "--json", "--workspace", str(ws))
    assert code == 0, err
    return [h["node"]["name"] for h in json.loads(out)["hits"]]


def _snapshot(ws: Path) -> tuple[dict, dict]:
    g = EmbeddedStore.open(ws).graph
    return ({n: sorted(d.items(), key=str) for n, d in g.nodes(data=True)},
            {k: (u, v, sorted(d.items(), key=str)) for u, v, k, d in g.edges(keys=True, data=True)})


def test_assign_keeps_stems_and_suffixes_only_a_repeat(tmp_path: Path, monkeypatch) -> None:
    a, b = tmp_path / "a" / "1.txt", tmp_path / "b" / "1.txt"
    taken: dict[str, str] = {}
    assert assign_doc_id(a, taken) == ("1", None)
    doc_id, clash = assign_doc_id(b, taken)
    assert SUFFIXED.match(doc_id)
    assert clash is not None and clash.code == "doc_id_collision" and str(a) in clash.message
    # the same file again, however spelled, keeps its id and is no collision
    assert assign_doc_id(a, taken) == ("1", None)
    monkeypatch.chdir(tmp_path)
    assert assign_doc_id(Path("b") / "1.txt", taken)[0] == doc_id
    # the suffix depends on the file, not on the order: b first gets the stem, a the same kind of suffix
    other: dict[str, str] = {}
    assert assign_doc_id(b, other)[0] == "1"
    assert SUFFIXED.match(assign_doc_id(a, other)[0]) and assign_doc_id(a, other)[0] != doc_id
    # a file really named like a suffixed id does not take it from its owner
    named_like_it = assign_doc_id(tmp_path / "c" / f"{doc_id}.txt", taken)[0]
    assert named_like_it.startswith(doc_id + "-") and Path(taken[doc_id]).resolve() == b.resolve()


def test_known_id_of_a_resumed_build_is_kept(tmp_path: Path) -> None:
    taken = {"1": str(tmp_path / "a" / "1.txt"), "1-0123abcd": str(tmp_path / "b" / "1.txt")}
    assert assign_doc_id(tmp_path / "b" / "1.txt", taken, known="1-0123abcd")[0] == "1-0123abcd"
    # an id another path owns is not kept (workspaces built before ids were unique)
    doc_id, clash = assign_doc_id(tmp_path / "c" / "1.txt", taken, known="1")
    assert SUFFIXED.match(doc_id) and clash is not None


def test_ingest_file_alone_uses_the_stem(corpus: Path) -> None:
    doc = ingest_file(corpus / "b" / "1.txt")
    assert isinstance(doc, Document) and doc.doc_id == "1"


def test_build_keeps_both_articles_and_a_resume_changes_nothing(corpus: Path, tmp_path: Path, capsys) -> None:
    ws = tmp_path / "ws"
    code, _, err = _run(capsys, "build", str(corpus), "--workspace", str(ws), "--quiet")
    assert code == 0, err
    ids = sorted(p.stem for p in (ws / "docs").glob("*.json"))
    assert len(ids) == 3 and "1" in ids and "solo" in ids
    suffixed = next(i for i in ids if i not in ("1", "solo"))
    assert SUFFIXED.match(suffixed)
    for folder, ext in (("docs", "json"), ("records", "json"), ("rows", "jsonl"), ("rdf", "nt")):
        assert {p.stem for p in (ws / folder).glob(f"*.{ext}")} == set(ids), folder
    doc = json.loads((ws / "docs" / f"{suffixed}.json").read_text(encoding="utf-8"))
    assert doc["path"].endswith("b/1.txt") and "doc_id_collision" in [w["code"] for w in doc["warnings"]]
    warning = next(line for line in err.splitlines() if "doc_id_collision" in line)
    assert "b/1.txt" in warning and "a/1.txt" in warning and suffixed in warning
    assert EmbeddedStore.open(ws).counts()["Article"] == 3
    assert "柯望舒" in _search(capsys, ws, "柯望舒")
    assert "祁远帆" in _search(capsys, ws, "祁远帆")

    state = (ws / "build_state.json").read_text(encoding="utf-8")
    graph = _snapshot(ws)
    code, out, err = _run(capsys, "build", str(corpus), "--workspace", str(ws))
    assert code == 0 and "0 articles built, 3 unchanged" in out and "doc_id_collision" not in err
    assert (ws / "build_state.json").read_text(encoding="utf-8") == state
    assert _snapshot(ws) == graph

    # changed files are built again under the ids they had, whatever order they come in
    for p in (corpus / "a" / "1.txt", corpus / "b" / "1.txt"):
        os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 10**9))
    code, out, _ = _run(capsys, "build", str(corpus / "b"), str(corpus / "a"), "--workspace", str(ws),
                        "--workers", "2")
    assert code == 0 and "2 articles built" in out
    assert {e["doc_id"] for e in json.loads((ws / "build_state.json").read_text())["done"].values()} == set(ids)
    assert EmbeddedStore.open(ws).counts()["Article"] == 3


def test_a_new_file_never_takes_an_id_of_the_workspace(corpus: Path, tmp_path: Path, capsys) -> None:
    ws = tmp_path / "ws"
    assert _run(capsys, "build", str(corpus / "a"), "--workspace", str(ws), "--quiet")[0] == 0
    code, _, err = _run(capsys, "build", str(corpus / "b"), "--workspace", str(ws), "--quiet")
    assert code == 0 and "doc_id_collision" in err
    assert EmbeddedStore.open(ws).counts()["Article"] == 2
    assert "柯望舒" in _search(capsys, ws, "柯望舒")


def test_extract_writes_one_file_per_input(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code, _, err = _run(capsys, "extract", str(corpus), "--out", str(out))
    assert code == 0, err
    names = sorted(p.stem for p in out.glob("*.json"))
    assert len(names) == 3 and "1" in names and "solo" in names
    persons = {n: {p["name"] for p in json.loads((out / f"{n}.json").read_text(encoding="utf-8"))["persons"]}
               for n in names}
    assert persons["1"] == {"柯望舒"} and {"祁远帆"} in persons.values()
    assert any("doc_id_collision" in line and "a/1.txt" in line for line in err.splitlines())
    # the same inputs give the same ids again, in JSON lines too
    code, _, _ = _run(capsys, "extract", str(corpus), "--jsonl", str(tmp_path / "all.jsonl"))
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert code == 0 and sorted(json.loads(line)["doc_id"] for line in lines) == names


def test_extract_workers_give_the_same_ids(tmp_path: Path) -> None:
    from graph_loader.extract.pipeline import CHUNKSIZE, extract_files

    for sub in ("a", "b"):  # enough files for the process pool
        (tmp_path / sub).mkdir()
        for i in range(CHUNKSIZE):
            (tmp_path / sub / f"{i}.txt").write_text(TEXT_A if sub == "a" else TEXT_B, encoding="utf-8")
    one = [r.doc_id for r in extract_files([str(tmp_path)], workers=1)]
    two = [r.doc_id for r in extract_files([str(tmp_path)], workers=2, json_indent=1)]
    assert one == two and len(set(one)) == 2 * CHUNKSIZE


def test_extract_reports_a_failed_extraction(corpus: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import graph_loader.extract.pipeline as pipeline

    fill = pipeline._fill

    def broken_for_b(doc, record):
        if doc.path.endswith(os.path.join("b", "1.txt")):
            raise RuntimeError("lexicon unreadable")
        return fill(doc, record)

    monkeypatch.setattr(pipeline, "_fill", broken_for_b)
    out = tmp_path / "out"
    code, _, err = _run(capsys, "extract", str(corpus), "--out", str(out))
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("extraction failed:")]
    assert len(failed) == 1 and "b/1.txt" in failed[0] and "lexicon unreadable" in failed[0]
    assert len(list(out.glob("*.json"))) == 3  # the article is kept, with its warning
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    assert sum(any(w.startswith("extraction_failed") for w in r["warnings"]) for r in kept) == 1


def test_build_workers_give_the_same_ids(tmp_path: Path) -> None:
    from graph_loader.build import build_paths

    for sub in ("a", "b"):  # enough files for the build's process pool
        (tmp_path / "in" / sub).mkdir(parents=True)
        for i in range(3):
            (tmp_path / "in" / sub / f"{i}.txt").write_text(TEXT_A if sub == "a" else TEXT_B, encoding="utf-8")
    ids = [[(f.path, f.doc_id) for f in build_paths([tmp_path / "in"], tmp_path / f"ws{n}", workers=n).files]
           for n in (1, 2)]
    assert ids[0] == ids[1] and len({d for _, d in ids[0]}) == 6
    assert len(list((tmp_path / "ws2" / "docs").glob("*.json"))) == 6
