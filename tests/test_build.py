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


def _full_snapshot(ws: Path) -> tuple[list[str], list[str]]:
    g = EmbeddedStore.open(ws).graph
    nodes = sorted(json.dumps([n, d], sort_keys=True, ensure_ascii=False, default=str) for n, d in g.nodes(data=True))
    edges = sorted(json.dumps([u, v, k, d], sort_keys=True, ensure_ascii=False, default=str)
                   for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


class _Killed(Exception):
    pass


def test_killed_between_store_saves_resumes_from_the_rows_files(built: Path, tmp_path: Path, monkeypatch) -> None:
    """Checkpoints between two pickles of the embedded store record what the last pickle holds; a
    build killed then loads the articles built since from their rows files, to the same graph."""
    import graph_loader.build as build_mod

    monkeypatch.setattr(build_mod, "CHECKPOINT_EVERY", 0.0)
    monkeypatch.setattr(build_mod, "STORE_SAVE_EVERY", 0.0)  # the first checkpoint pickles the store,
    monkeypatch.setattr(build_mod, "STORE_SAVE_SHARE", 10**9)  # the later ones do not
    monkeypatch.setattr(EmbeddedStore, "close", lambda self: None)  # killed: nothing saved on the way out

    def kill_after_three(done: int, total: int, message: str) -> None:
        if done >= 3:
            raise _Killed

    ws = tmp_path / "ws"
    with pytest.raises(_Killed):
        build_paths([CORPUS], ws, batch_size=1, progress=kill_after_three)
    state = json.loads((ws / "build_state.json").read_text(encoding="utf-8"))
    assert len(state["done"]) == 3 and len(state["stores"]["embedded"]["articles"]) == 1
    monkeypatch.undo()
    report = build_paths([CORPUS], ws, batch_size=2)
    assert [f.status for f in report.files].count("unchanged") == 1
    assert [f.status for f in report.files].count("loaded") == 2
    assert [f.status for f in report.files].count("ingested") == 2
    assert _full_snapshot(ws) == _full_snapshot(built)


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


def test_shacl_from_the_written_files_finds_what_in_memory_validation_finds(tmp_path: Path) -> None:
    """The build validates each batch from its N-Triples files in a process of its own: the same
    errors, with their article and evidence, as validating the triples in memory."""
    from rdflib import RDF

    from graph_loader.graph.ids import SKG
    from graph_loader.graph.rdf import read_nt, record_to_triples, write_batch_rdf
    from graph_loader.graph.resolve import Resolver
    from graph_loader.graph.schema import decode_evidence
    from graph_loader.graph.shacl import validate, validate_files
    from graph_loader.graph.triples import Triples
    from tests.test_graph_data import gold_records, with_evidence

    recs = [with_evidence(r) for r in gold_records()[:2]]
    res = Resolver()
    files = []
    for i, rec in enumerate(recs):
        t = record_to_triples(rec, None, res)
        if i == 1:  # break one participation of the second article
            part = next(iter(t.subjects(RDF.type, SKG.Participation)))
            t = Triples(x for x in t if not (x[0] == part and x[1] == SKG.role))
        write_batch_rdf(t, tmp_path / f"{rec.doc_id}.nt")
        files.append(str(tmp_path / f"{rec.doc_id}.nt"))
        assert set(read_nt(files[-1])) == set(t)  # the files read back to the very triples
    from_files = validate_files(files)
    in_memory = [v for v in validate(Triples(x for f in files for x in read_nt(f))) if v.is_error]
    assert [(v.focus, v.path) for v in from_files] == [(v.focus, v.path) for v in in_memory]
    assert len(from_files) == 1 and from_files[0].path == str(SKG.role)
    assert from_files[0].doc_ids == [recs[1].doc_id]
    assert decode_evidence(from_files[0].evidence[0])["doc_id"] == recs[1].doc_id


def test_build_reports_shacl_errors_found_by_its_checker(tmp_path: Path, monkeypatch) -> None:
    """A batch whose graph breaks a shape is reported by the build (the checker runs it apart)."""
    from graph_loader.graph import rdf

    real = rdf.write_batch_rdf

    def drop_roles(triples, path):  # what a bug in the RDF mapping would write
        from graph_loader.graph.ids import SKG

        real([t for t in triples if t[1] != SKG.role], path)

    monkeypatch.setattr(rdf, "write_batch_rdf", drop_roles)
    report = build_paths([CORPUS], tmp_path / "ws", workers=1, batch_size=2)
    assert report.violations and all(v["path"].endswith("#role") for v in report.violations)
    assert {d for v in report.violations for d in v["doc_ids"]} <= {f.doc_id for f in report.files}


def test_cli_build_reports_a_failed_extraction(tmp_path: Path, capsys, monkeypatch) -> None:
    import graph_loader.extract.pipeline as pipeline

    def broken(*_a, **_k):
        raise RuntimeError("lexicon unreadable")

    monkeypatch.setattr(pipeline, "find_sectors", broken)
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy2(CORPUS / "001_9cb08e20f04e73bb.txt", inp)
    code = main(["build", str(inp), "--workspace", str(tmp_path / "ws"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert "extraction failed" in err and "001_9cb08e20f04e73bb.txt" in err and "lexicon unreadable" in err


def test_a_build_learns_the_aliases_its_texts_state(tmp_path: Path) -> None:
    """`《全称》(以下简称“简称”)` in one article makes the short name that directive in every article of a build,
    the one that used the short name first included."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("2022年4月10日，某某县召开安全生产工作会议，传达学习《汛期十条》。\n", encoding="utf-8")
    (texts / "b.txt").write_text(
        "2022年4月12日，某某省召开安全生产工作会议，会议传达《关于加强汛期安全生产工作的十条措施》"
        "(以下简称“汛期十条”)。\n", encoding="utf-8")
    ws = tmp_path / "ws"
    build_paths([texts], ws)
    store = EmbeddedStore.open(ws)
    titles = {store.node(i)["title"] for i in store.ids_by_label("Directive")}
    assert titles == {"关于加强汛期安全生产工作的十条措施"}


def test_articles_graphed_in_workers_make_the_workspace_and_graph_of_one_process(tmp_path: Path) -> None:
    """With workers each article is graphed where it is extracted and the build's process replays its
    resolver calls: every rows, N-Triples and record file, the resolver and the store's nodes and edges
    (all attributes) are those of a build in one process, over batches, settling and reported problems."""
    import filecmp

    from graph_loader.generate import generate

    generate(48, 5, tmp_path / "gen")
    texts = tmp_path / "gen" / "texts"
    (texts / "zz_empty.txt").write_bytes(b"")
    # an alias one article states and a later one uses: the later one's worker cannot know it
    (texts / "zx_states.txt").write_text(
        "2022年4月12日，某某省召开安全生产工作会议，会议传达《关于加强汛期安全生产工作的十条措施》"
        "(以下简称“汛期十条”)。\n", encoding="utf-8")
    (texts / "zy_uses.txt").write_text("2022年4月20日，某某县召开安全生产工作会议，传达学习《汛期十条》。\n",
                                       encoding="utf-8")
    reports = {n: build_paths([texts], tmp_path / f"ws{n}", workers=n, batch_size=7) for n in (1, 2)}
    assert [(f.path, f.status, f.reason, f.warnings, f.counts) for f in reports[1].files] \
        == [(f.path, f.status, f.reason, f.warnings, f.counts) for f in reports[2].files]
    assert reports[2].rejected and reports[1].violations == reports[2].violations
    for sub in ("rows", "rdf", "records"):
        names = sorted(p.name for p in (tmp_path / "ws1" / sub).iterdir())
        assert len(names) == 50 and names == sorted(p.name for p in (tmp_path / "ws2" / sub).iterdir())
        assert filecmp.cmpfiles(tmp_path / "ws1" / sub, tmp_path / "ws2" / sub, names, shallow=False)[0] == names
    assert (tmp_path / "ws1" / "resolver.json").read_bytes() == (tmp_path / "ws2" / "resolver.json").read_bytes()
    one, two = EmbeddedStore.open(tmp_path / "ws1").graph, EmbeddedStore.open(tmp_path / "ws2").graph
    assert dict(one.nodes(data=True)) == dict(two.nodes(data=True))
    assert sorted(one.edges(keys=True, data=True), key=repr) == sorted(two.edges(keys=True, data=True), key=repr)


def test_workers_run_a_bounded_window_ahead_of_the_build() -> None:
    """The articles' results come in order, and the workers are never given more than the window
    ahead of what the build has taken (pool.map gave them the whole corpus at once: the results
    they finished waited in the build's memory)."""
    from concurrent.futures import Future

    from graph_loader.build import _map_ahead

    class Pool:  # runs each chunk when submitted, counting what was submitted and not yet taken
        def __init__(self) -> None:
            self.submitted = 0

        def submit(self, fn, *args):  # noqa: ANN001, ANN002
            f: Future = Future()
            f.set_result(fn(*args))
            self.submitted += len(args[-1])
            return f

    pool, taken, lead = Pool(), 0, []
    args = [(i, i + 1) for i in range(1000)]
    out = []
    for r in _map_ahead(pool, lambda a, b: a * b, args, chunksize=7, ahead=50):
        out.append(r)
        taken += 1
        lead.append(pool.submitted - taken)
    assert out == [a * b for a, b in args]
    assert max(lead) <= 56 and max(lead) >= 40  # ceil(50 / 7) = 8 chunks of 7, one of them being taken
    assert list(_map_ahead(Pool(), lambda a: a, [(1,), (2,), (3,)], chunksize=32, ahead=1)) == [1, 2, 3]
