"""The extractor on held-out articles written for the purpose (tests/data/extract_heldout): other provinces,
levels, meeting kinds and phrasings than the seeds, a traditional-script article and an HTML page, annotated by
gold/GUIDELINES.md. A floor per dimension guards against regressions that the seed test cannot see."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

from graph_loader.cli import main

HELDOUT = Path(__file__).resolve().parent / "data" / "extract_heldout"
FLOOR = 0.85  # measured 0.94–1.00 per dimension; the misses left are listed in the report of issue 3


def _scores() -> dict:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["evaluate", "--gold", str(HELDOUT / "gold"), str(HELDOUT / "texts"), "--json"])
    assert code == 0
    return json.loads(buf.getvalue())


def test_every_gold_file_has_its_article():
    texts = {p.stem for p in (HELDOUT / "texts").iterdir()}
    golds = {p.stem for p in (HELDOUT / "gold").glob("*.json")}
    assert golds == texts and len(golds) >= 10


def test_every_scored_dimension_above_the_floor():
    scores = _scores()["scores"]
    low = {dim: s["f1"] for dim, s in scores.items() if isinstance(s, dict) and s.get("gold") and s["f1"] < FLOOR}
    assert not low, low


def test_evaluate_json_stdout_is_pure_json():
    """jionlp prints a banner on import; the extractor reads its data file without importing it."""
    out = subprocess.run([sys.executable, "-m", "graph_loader.cli", "evaluate", "--gold", str(HELDOUT / "gold"),
                          str(HELDOUT / "texts" / "h05_township_push.txt"), "--json"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    json.loads(out.stdout)
