"""Upload rules (app_pages/upload_rules.py): size and count limits, allowed types, and file names
that can never leave the uploads folder, whatever the browser sends."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app_pages.upload_rules import (
    ALLOWED_SUFFIXES,
    MAX_BYTES,
    MAX_FILES,
    check_uploads,
    safe_filename,
    upload_path,
)

EXAMPLES = int(os.environ.get("SAFETYKG_FUZZ_EXAMPLES", "200"))

HOSTILE_NAMES = [
    "../../etc/passwd.txt", "..\\..\\windows\\win.ini.txt", "/etc/passwd.txt", "C:\\boot.txt",
    "．．／．．／etc／passwd.txt",  # fullwidth dots and slash: NFKC turns them into ../
    "..", ".", "", "...txt", ".hidden.txt", "a/../../b.txt", "a\x00b.txt", "\u202etxt.exe",  # RTL override
    "x" * 1000 + ".txt", "文章/../../报告.txt", "~/.bashrc.txt", "$(rm -rf ~).txt", "a;b|c&d.txt",
    "CON.txt", "file.txt/", "file.txt\n.html", "％２ｅ％２ｅ/x.txt", "%2e%2e%2fx.txt",
]


def _inside(tmp: Path, name: str) -> Path:
    target = upload_path(tmp, safe_filename(name))
    assert target.resolve().parent == tmp.resolve(), (name, target)
    return target


def test_hostile_names_stay_inside_the_uploads_folder(tmp_path: Path) -> None:
    for name in HOSTILE_NAMES:
        safe = safe_filename(name)
        assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe, (name, safe)
        assert not safe.startswith("."), (name, safe)
        assert len(safe) <= 120
        target = _inside(tmp_path, name)
        target.write_text("x", encoding="utf-8")  # it really can be written there
    assert not Path("/etc/passwd.txt").exists()


def test_a_second_upload_of_the_same_name_does_not_overwrite(tmp_path: Path) -> None:
    a = _inside(tmp_path, "报告.txt")
    a.write_text("first", encoding="utf-8")
    b = _inside(tmp_path, "报告.txt")
    assert a != b and a.read_text(encoding="utf-8") == "first"


@settings(max_examples=EXAMPLES, deadline=None)
@given(name=st.text(min_size=0, max_size=300))
def test_any_name_is_one_safe_component(name: str) -> None:
    safe = safe_filename(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert all(c.isprintable() for c in safe)
    assert len(safe) <= 120


def test_types_sizes_and_count() -> None:
    files = [("a.exe", 10), ("b.TXT", 10), ("c.html", 10), ("d.htm", 10), ("e.pdf", 10), ("f.txt", 0),
             ("g.txt", MAX_BYTES + 1), ("h.txt", MAX_BYTES), ("i.txt.exe", 5), ("j.md", 5), ("k", 5)]
    got = {c.name: (c.ok, c.reason) for c in check_uploads(files)}
    assert got["a.exe"] == (False, "reason_type")
    assert got["e.pdf"] == (False, "reason_type") and got["i.txt.exe"][0] is False and got["k"][0] is False
    assert got["b.TXT"][0] and got["c.html"][0] and got["d.htm"][0] and got["h.txt"][0]
    assert got["f.txt"] == (False, "reason_empty")
    assert got["g.txt"] == (False, "reason_size")
    assert got["j.md"][0] is (".md" in ALLOWED_SUFFIXES)
    many = check_uploads([(f"{i}.txt", 100) for i in range(MAX_FILES + 5)])
    assert sum(c.ok for c in many) == MAX_FILES
    assert [c.reason for c in many[MAX_FILES:]] == ["reason_count"] * 5
    # rejected files do not use up the count
    mixed = check_uploads([("x.exe", 1)] * 30 + [(f"{i}.txt", 1) for i in range(MAX_FILES)])
    assert sum(c.ok for c in mixed) == MAX_FILES
