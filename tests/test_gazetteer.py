"""jionlp's division data read once, in one place: the file, its zipped copy, the parsed tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph_loader import gazetteer as gz

ROOT = Path(__file__).resolve().parents[1]

# An invented file in jionlp's layout (CRLF, tab-indented): a province with a prefecture, a
# municipality that repeats its own name, a directly administered group, a county without a code.
SAMPLE = "\r\n".join([
    "青岚省\t990000\t青岚",
    "\t白石市\t990100\t白石/石城",
    "\t\t松溪县\t990101\t松溪",
    "\t\t\t石门镇",
    "\t\t\t\t上湾村",
    "\t\t\t桥头街道",
    "\t\t\t石门镇",
    "\t\t芦湾区\t990102\t芦湾区",
    "\t省直辖行政区划\t999000\t省直辖",
    "\t\t鹿原市\t999001\t鹿原",
    "\t\t\t鹿原街道",
    "\t\t无码区",
    "\t\t\t无主镇",
    "云都市\t980000\t云都",
    "\t云都市\t980000\t云都",
    "\t\t望江区\t980101\t望江",
    "",
])


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "china_location.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    return path


def test_parse_keeps_the_files_tree_and_fields(sample):
    ds = gz.parse(str(sample))
    assert [(d.name, d.level, d.code) for d in ds] == [
        ("青岚省", "province", "990000"),
        ("白石市", "prefecture", "990100"),
        ("松溪县", "county", "990101"),
        ("芦湾区", "county", "990102"),
        ("省直辖行政区划", "prefecture", "999000"),
        ("鹿原市", "county", "999001"),
        ("云都市", "province", "980000"),
        ("云都市", "prefecture", "980000"),
        ("望江区", "county", "980101"),
    ]
    by = {(d.parent.name if d.parent else None, d.name): d for d in ds}
    pref = by[("青岚省", "白石市")]
    assert pref.aliases == ("白石", "石城")
    assert by[(None, "青岚省")].children == (pref, by[("青岚省", "省直辖行政区划")])
    county = by[("白石市", "松溪县")]
    assert county.parent is pref and pref.parent.parent is None
    assert county.children == ()
    # townships in file order (repeats kept), villages left out
    assert county.townships == ("石门镇", "桥头街道", "石门镇")
    assert by[("白石市", "芦湾区")].aliases == ("芦湾区",)
    assert by[("省直辖行政区划", "鹿原市")].townships == ("鹿原街道",)
    # a municipality's own line stays a prefecture under it; users decide what it means
    assert by[("云都市", "望江区")].parent.parent.name == "云都市"


def test_a_line_without_three_fields_is_skipped_with_its_townships(sample):
    ds = gz.parse(str(sample))
    assert "无码区" not in {d.name for d in ds}
    assert all("无主镇" not in d.townships for d in ds)


@pytest.fixture
def fake_package(tmp_path, monkeypatch) -> Path:
    """An importable package `gzfake` somewhere on sys.path, with a home of its own for the cache."""
    site = tmp_path / "site"
    pkg = site / "gzfake"
    (pkg / "dictionary").mkdir(parents=True)
    (pkg / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return pkg


def test_package_file_finds_a_shipped_file_without_importing(fake_package):
    target = fake_package / "dictionary" / "china_location.txt"
    target.write_text(SAMPLE, encoding="utf-8")
    assert gz.package_file("gzfake", "dictionary", "china_location.txt") == str(target)
    assert "gzfake" not in sys.modules


def test_package_file_unzips_a_fresh_install_into_the_cache(fake_package, tmp_path):
    archive = fake_package / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("china_location.txt", SAMPLE.encode("utf-8"))
    path = gz.package_file("gzfake", "dictionary", "china_location.txt")
    cached = tmp_path / "home" / ".cache" / "safetykg" / "gzfake" / "dictionary" / "china_location.txt"
    assert path == str(cached)
    assert cached.read_bytes() == SAMPLE.encode("utf-8")
    assert not (fake_package / "dictionary" / "china_location.txt").exists()  # package dir untouched
    assert [p.name for p in cached.parent.iterdir()] == ["china_location.txt"]  # no temp file left
    assert [d.name for d in gz.parse(path)][:3] == ["青岚省", "白石市", "松溪县"]
    os.utime(cached, (1, 1))
    os.utime(archive, (2, 2))  # an upgrade ships a newer archive: unzipped again
    assert gz.package_file("gzfake", "dictionary", "china_location.txt") == str(cached)
    assert cached.stat().st_mtime > 2
    os.utime(archive, (1, 1))
    cached.write_text("kept", encoding="utf-8")  # else the cached copy is read as it is
    assert gz.package_file("gzfake", "dictionary", "china_location.txt") == str(cached)
    assert cached.read_text(encoding="utf-8") == "kept"


def test_package_file_errors(fake_package):
    with pytest.raises(FileNotFoundError):
        gz.package_file("gzfake", "dictionary", "absent.txt")
    with pytest.raises(ModuleNotFoundError):
        gz.package_file("gzfake_not_installed", "dictionary", "china_location.txt")


def test_real_file_gives_what_jionlps_loader_gives():
    """Names, codes, aliases and order as `jionlp.china_location_loader()` has them."""
    import jionlp

    def tree(ds):
        return {d.name: (d.code, list(d.aliases), tree(d.children)) for d in ds}

    def theirs(node):
        kids = {k: v for k, v in node.items() if not k.startswith("_")}
        return {k: (v["_admin_code"], [v["_alias"]] if isinstance(v["_alias"], str) else v["_alias"],
                    theirs(v)) for k, v in kids.items()}

    def order(t):
        return [(k, order(v[2])) for k, v in t.items()]

    ours, jio = tree(gz.provinces()), theirs(jionlp.china_location_loader())
    assert ours == jio and order(ours) == order(jio)
    counties = [d for d in gz.divisions() if d.level == "county"]
    assert len(counties) > 2800 and all(not d.children for d in counties)
    assert sum(len(d.townships) for d in counties) > 40000


def test_no_jionlp_import_and_nothing_on_stdout():
    """Reading the data must not import jionlp: its banner on stdout would break JSON output."""
    code = ("import sys; import graph_loader.extract.regions as r, graph_loader.graph.gazetteer as g, "
            "graph_loader.generate.gazetteer as n; r.gazetteer(); r.township_names(); "
            "g.aliases(r.gazetteer().places[0].path); n.load_gazetteer(); assert 'jionlp' not in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout == ""


def test_extract_jsonl_on_stdout_is_pure_json(tmp_path):
    (tmp_path / "a.txt").write_text("青岚日报讯 县委召开安全生产工作会议，部署下一步工作。\n", encoding="utf-8")
    cli = Path(sys.executable).parent / "safetykg"
    out = subprocess.run([str(cli), "extract", str(tmp_path), "--jsonl", "-"], cwd=ROOT,
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = out.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["doc_id"]
    assert not (ROOT / "-").exists()  # "-" is standard output, not a file
