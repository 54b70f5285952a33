"""`safetykg evaluate` on the seed articles: every dimension at F1 >= 0.90, and agreement with gold/score.py."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from graph_loader.cli import main
from tests.shared_data import SHARED, shared_path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "corpus"


@pytest.fixture(autouse=True)
def _needs_the_shared_gold() -> None:
    shared_path("gold", "seeds")
    shared_path("gold", "score.py")


def _evaluate_json() -> dict:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["evaluate", "--gold", str(SHARED / "gold" / "seeds"), str(CORPUS), "--json"])
    assert code == 0
    return json.loads(buf.getvalue())


def test_every_dimension_at_least_090_on_the_seeds():
    scores = _evaluate_json()["scores"]
    assert set(scores) >= {"persons", "titles", "participation", "meetings", "meeting_regions", "relays",
                           "inspections", "directives", "incidents", "regions", "sectors", "reporters"}
    low = {dim: s["f1"] for dim, s in scores.items() if s["f1"] < 0.90}
    assert not low, f"dimensions below 0.90: {low}"


def test_evaluate_agrees_with_the_shared_scorer(tmp_path):
    out = tmp_path / "pred"
    assert main(["extract", str(CORPUS), "--out", str(out)]) == 0
    assert len(list(out.glob("*.json"))) == 5
    shared = subprocess.run([sys.executable, str(SHARED / "gold" / "score.py"), str(SHARED / "gold" / "seeds"),
                             str(out), "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(shared.stdout)
    ours = _evaluate_json()["scores"]
    assert {d: s["f1"] for d, s in ours.items()} == {d: s["f1"] for d, s in theirs.items()}


def test_evaluate_prints_the_misses_with_evidence(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    seed = json.loads((SHARED / "gold" / "seeds" / "000_38d2b205cedefea2.json").read_text(encoding="utf-8"))
    seed["persons"].append({"name": "不存在", "titles": []})  # a gold person the article does not name
    (gold / "000_38d2b205cedefea2.json").write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), str(CORPUS / "000_38d2b205cedefea2.txt")]) == 0
    out = capsys.readouterr().out
    assert "FN persons" in out and "不存在" in out
    assert "macro_f1" in out


def test_extract_rejects_missing_input_with_exit_1(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "nope.txt"), "--jsonl", str(tmp_path / "out.jsonl")])
    assert code == 1
    assert "nope.txt" in capsys.readouterr().err
