"""`safetykg query` as a person reads it in an 80-column terminal: a few readable columns per
listing (or one record at a time when even those do not fit), long cells cut, undated meetings
"date unknown" and never None; `--json` keeps every field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from graph_loader.build import build_paths
from graph_loader.cli import main
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import run_query

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
UNDATED = Path(__file__).parent / "data" / "undated_relays.txt"  # a relay chain with no dates


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    assert not build_paths([CORPUS, UNDATED], ws, shacl=False).rejected
    return ws


@pytest.fixture(scope="module")
def province_meeting(sample_ws: Path) -> str:
    """A province meeting relayed to a prefecture and a county whose meetings carry no date."""
    res = run_query(EmbeddedStore.open(sample_ws), "meetings", {"level": "province"})
    for m in res.meetings:
        nodes = run_query(EmbeddedStore.open(sample_ws), "propagation", {"target": m.meeting.id}).nodes
        if len(nodes) >= 3 and any(n.date is None for n in nodes):
            return m.meeting.id
    raise AssertionError("the sample corpus has no relayed province meeting with undated relays")


def _query(capsys, monkeypatch, width: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    capsys.readouterr()
    assert main(["query", *args]) == 0
    return capsys.readouterr().out


def test_propagation_in_80_columns_is_a_readable_table(sample_ws, province_meeting, capsys, monkeypatch) -> None:
    out = _query(capsys, monkeypatch, 80, "propagation", "--param", f"target={province_meeting}",
                 "--workspace", str(sample_ws))
    lines = out.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), max(lines, key=cell_len)
    header = next(line for line in lines if "level" in line)
    assert re.search(r"\blevel\b.*\bregion\b.*\bdate\b", header), header  # whole names, in one line
    columns = header.strip().strip("┃").split("┃")
    assert 3 <= len(columns) <= 8 and all(cell_len(c) >= 6 for c in columns), header  # none 1-2 characters wide
    assert "福建省" in out and "武平县" in out  # a region path keeps its distinctive end when cut
    assert "None" not in out
    assert "date unknown" in out
    assert "--json" in out  # says where the other fields are


def test_too_narrow_for_a_table_prints_one_record_at_a_time(sample_ws, province_meeting, capsys,
                                                            monkeypatch) -> None:
    out = _query(capsys, monkeypatch, 40, "propagation", "--param", f"target={province_meeting}",
                 "--workspace", str(sample_ws))
    lines = out.splitlines()
    assert all(cell_len(line) <= 40 for line in lines), max(lines, key=cell_len)
    assert any(re.match(r"region\s+\S*武平县$", line) for line in lines), out
    assert any(re.match(r"date\s+date unknown$", line) for line in lines), out


def test_json_keeps_every_field(sample_ws, province_meeting, capsys, monkeypatch) -> None:
    out = _query(capsys, monkeypatch, 80, "propagation", "--param", f"target={province_meeting}",
                 "--workspace", str(sample_ws), "--json")
    nodes = json.loads(out)["nodes"]
    assert len(nodes) >= 3
    assert all(len(n) >= 15 and "evidence" in n and "articles" in n for n in nodes)
    assert any(n["date"] is None for n in nodes)


@pytest.mark.parametrize("args", [("meetings",), ("overview",), ("sectors",), ("regions",),
                                  ("search", "--param", "text=安全"), ("person", "--param", "id=周先旺"),
                                  ("timeline", "--param", "region=湖北省"),
                                  ("responsibility_chain", "--param", "region=宣恩县")])
def test_every_listing_fits_80_columns(sample_ws, args, capsys, monkeypatch) -> None:
    out = _query(capsys, monkeypatch, 80, *args, "--workspace", str(sample_ws))
    lines = [line for line in out.splitlines() if line.startswith(("┃", "│", "┏", "└"))]
    assert lines and all(cell_len(line) <= 80 for line in lines), max(lines, key=cell_len)
    assert "None" not in out


def test_an_ambiguous_name_lists_its_meetings_by_day_with_their_report_counts(capsys, monkeypatch) -> None:
    # a recurring national teleconference named without a day: the candidates, each with its day, level, region
    # and the number of articles reporting it; a node of a tree says whether its relay is stated or inferred
    from graph_loader.cli.query import _print_table
    from tests.test_chains_real import NATIONAL, graph, records

    store, _ = graph(records())
    monkeypatch.setenv("COLUMNS", "80")
    capsys.readouterr()
    _print_table("propagation", run_query(store, "propagation", {"target": NATIONAL}))
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "reports" in line)
    assert re.search(r"\bdate\b.*\blevel\b.*\bregion\b.*\breports\b", header), header
    assert re.search(r"2016-07-20\s*│\s*national\s*│\s*全国\s*│\s*3\s*│", out), out
    _print_table("propagation", run_query(store, "propagation", {"target": NATIONAL, "date": "2016-07-20"}))
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "level" in line)
    assert re.search(r"\blevel\b.*\bregion\b.*\bdate\b.*\blag_from_top\b.*\bedge\b", header), header
    assert "inferred" in out and "explicit" in out
