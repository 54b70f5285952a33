"""The article's own metadata on the real articles of ../shared (corpus/real, gold/real): bylines and
date lines must not fall below what was reached when their rules were written (issue 16).

The shared folder sits next to the checkout; without it the test is skipped, unless CI=true, where
its absence is a failure."""

from __future__ import annotations

import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from graph_loader.cli import main
from graph_loader.ingest import Document, ingest_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS, GOLD = SHARED / "corpus" / "real", SHARED / "gold" / "real"

REPORTERS_F1_FLOOR = 1.0  # reached: P 1.0, R 1.0 over 24 bylines (was F1 0.545)
PUBLISHED_FLOOR = 37  # articles whose published date (or its absence) equals the gold; reached 37 of 37 (was 32)


@pytest.fixture(scope="module")
def shared() -> None:
    if not (CORPUS.is_dir() and GOLD.is_dir()):
        if os.environ.get("CI") == "true":
            pytest.fail(f"the real articles and their gold are missing: {CORPUS}, {GOLD}")
        pytest.skip(f"{SHARED} not present")


def test_reporters_score_holds(shared):
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["evaluate", "--gold", str(GOLD), str(CORPUS), "--json"])
    assert code == 0
    reporters = json.loads(buf.getvalue())["scores"]["reporters"]
    assert reporters["gold"] > 0
    assert reporters["f1"] >= REPORTERS_F1_FLOOR, reporters


def test_published_dates_hold(shared):
    right, wrong = 0, []
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc = ingest_file(CORPUS / f"{gold_file.stem}.txt")
        assert isinstance(doc, Document), doc
        if doc.metadata.published == gold.get("published"):
            right += 1
        else:
            wrong.append((gold_file.stem, gold.get("published"), doc.metadata.published))
    assert right >= PUBLISHED_FLOOR, wrong
