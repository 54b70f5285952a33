"""`safetykg ingest` on good and bad inputs: one clear line per file, exit codes, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader import cli
from graph_loader.ingest import pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = sorted((ROOT / "data" / "corpus").glob("*.txt"))[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["ingest", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_corpus_folder(capsys):
    code, out, err = run(capsys, str(ROOT / "data" / "corpus"))
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 5
    assert lines[1].split("\t")[:2] == ["001_9cb08e20f04e73bb", "utf-8"]
    assert "2017-08-02" in lines[1]


def test_show(capsys):
    code, out, _ = run(capsys, "--show", str(SEED))
    assert code == 0
    assert "published: 2017-08-02" in out
    assert "reporters: 王俊" in out
    assert "本网讯(记者 王俊)" in out


def test_json(capsys):
    code, out, _ = run(capsys, "--json", str(SEED))
    assert code == 0
    record = json.loads(out.strip().splitlines()[0])
    assert record["doc_id"] == SEED.stem
    assert record["metadata"]["reporters"] == ["王俊"]
    assert record["encoding"] == "utf-8"


def test_usage_error(capsys):
    assert cli.main(["ingest"]) == 2
    capsys.readouterr()


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("nul.txt", b"some text\x00\x00\x01binary", "NUL"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG"),
    ("jpeg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), "JPEG"),
    ("junk.txt", bytes((i * 37 + 11) % 128 + 128 for i in range(3000)), "undecodable"),
])
def test_bad_file_rejected_others_go_on(capsys, tmp_path, name, data, reason):
    bad = _bad(tmp_path, name, data)
    code, out, err = run(capsys, str(bad), str(SEED))
    assert code == 1
    assert SEED.stem in out  # the good file after it is still ingested
    rejected = [line for line in err.splitlines() if "rejected" in line]
    assert len(rejected) == 1
    assert str(bad) in rejected[0] and reason in rejected[0]


def test_missing_path(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "nope.txt"), str(SEED))
    assert code == 1
    assert "nope.txt: rejected: no such file" in err


def test_folder_without_articles(capsys, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    code, _, err = run(capsys, str(tmp_path))
    assert code == 1
    assert f"{tmp_path}: rejected: folder has no article files" in err


def test_folder_named_like_a_file(capsys, tmp_path):
    d = tmp_path / "x.txt"
    d.mkdir()
    code, _, err = run(capsys, str(d))
    assert code == 1
    assert "x.txt: rejected:" in err


def test_unreadable_file(capsys, tmp_path, monkeypatch):
    p = _bad(tmp_path, "secret.txt", "市长主持会议。".encode())

    def deny(path, limit=None):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pipeline, "read_bytes", deny)
    code, _, err = run(capsys, str(p))
    assert code == 1
    assert f"{p}: rejected: cannot read: Permission denied" in err


def test_english_only_is_ingested_with_warning(capsys, tmp_path):
    p = _bad(tmp_path, "english.txt", b"The mayor chaired a work-safety meeting on Monday.\n")
    code, out, _ = run(capsys, "--json", str(p))
    assert code == 0
    record = json.loads(out)
    assert [w["code"] for w in record["warnings"]] == ["no_chinese"]


def test_huge_file_is_cut_with_a_warning(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_BYTES", 64 * 1024)  # the real limit is MiBs; the logic is the same
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        chunk = SEED.read_bytes()
        for _ in range(50 * 1024 * 1024 // len(chunk) // 20):  # 2.5 MB on disk
            f.write(chunk)
    code, out, _ = run(capsys, "--json", str(p))
    assert code == 0
    record = json.loads(out)
    assert "truncated" in [w["code"] for w in record["warnings"]]
    assert record["chars"] < 64 * 1024


def test_real_size_limit_is_documented():
    assert 1024 * 1024 <= pipeline.MAX_BYTES <= 16 * 1024 * 1024


def test_a_password_beginning_with_a_dash_reads_as_the_flags_value():
    from graph_loader.cli import build_parser
    from graph_loader.cli.options import join_verbatim_values

    argv = ["load", "--neo4j-password", "-x9_Ab", "--neo4j-uri", "bolt://h:1"]
    args = build_parser().parse_args(join_verbatim_values(argv))
    assert args.neo4j_password == "-x9_Ab" and args.neo4j_uri == "bolt://h:1"
