"""The five lexicon extractors on the ingested seed articles, against the seed gold."""

import json
import re
from pathlib import Path

import pytest

from graph_loader.extract.dates import find_dates
from graph_loader.extract.directives import find_directives
from graph_loader.extract.incidents import find_incidents
from graph_loader.extract.regions import context_region, find_regions, named_regions
from graph_loader.extract.sectors import find_sectors
from graph_loader.ingest import ingest_file
from tests.shared_data import shared_path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SEEDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def _norm(title: str) -> str:
    return re.sub(r"[《》“”\"'‘’\s\W]", "", title)


@pytest.fixture(scope="module", params=SEEDS)
def seed(request):
    doc = ingest_file(CORPUS / f"{request.param}.txt")
    gold_path = shared_path("gold", "seeds", f"{request.param}.json")
    return doc, json.loads(gold_path.read_text(encoding="utf-8"))


def test_regions_match_gold(seed):
    doc, gold = seed
    assert sorted(named_regions(find_regions(doc.clean))) == sorted(gold["regions"])


def test_sectors_match_gold(seed):
    doc, gold = seed
    assert {h.sector for h in find_sectors(doc.clean)} == set(gold["sectors"])


def test_directives_match_gold(seed):
    doc, gold = seed
    got = {(_norm(h.title), h.issuer) for h in find_directives(doc.clean)}
    assert got == {(_norm(d["title"]), d["issuer"]) for d in gold["directives"]}


def test_incidents_match_gold(seed):
    doc, gold = seed
    assert {_norm(h.title) for h in find_incidents(doc.clean)} == {_norm(t) for t in gold["incidents"]}


def test_meeting_and_inspection_dates_are_found(seed):
    doc, gold = seed
    hits = find_dates(doc.clean, doc.metadata.published)
    values = {h.value for h in hits} | {h.end_value for h in hits}
    wanted = {m["date"] for m in gold["meetings"]} | {i["start"] for i in gold["inspections"]} | {
        i["end"] for i in gold["inspections"]}
    assert wanted - {None} <= values


def test_context_region_is_consistent_with_meeting_regions(seed):
    doc, gold = seed
    ctx = context_region(doc.clean, find_regions(doc.clean))
    for m in gold["meetings"]:
        if m["region"] and ctx:
            assert ctx.startswith(m["region"]) or m["region"].startswith(ctx)
