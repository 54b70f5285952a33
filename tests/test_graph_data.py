"""Shared test data for the graph tests: the seed gold records, with or without synthetic evidence."""

from __future__ import annotations

import json
from pathlib import Path

from graph_loader.extract.record import Evidence, ExtractionRecord
from graph_loader.graph.record_input import record_from_json
from tests.shared_data import shared_path

NATIONAL_TITLES = {"总书记", "总理", "国务院总理"}


def gold_dir() -> Path:
    """`../shared/gold/seeds` (the calling test skips without it, and fails under CI)."""
    return shared_path("gold", "seeds")


def gold_records(national_by_title: bool = True) -> list[ExtractionRecord]:
    """The seed gold records; national leaders flagged from their titles (the extractor's job)."""
    out = []
    for p in sorted(gold_dir().glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if national_by_title:
            for person in data.get("persons", []):
                if NATIONAL_TITLES & set(person.get("titles", [])):
                    person["national_leader"] = True
        out.append(record_from_json(data))
    return out


def with_evidence(rec: ExtractionRecord, doc_id: str | None = None) -> ExtractionRecord:
    """A copy of rec with a synthetic evidence span on every fact, optionally renamed."""
    rec = rec.model_copy(deep=True)
    if doc_id:
        rec.doc_id = doc_id
    counter = iter(range(0, 1_000_000, 7))

    def ev(rule: str) -> list[Evidence]:
        i = next(counter)
        return [Evidence(start=i, end=i + 5, orig_start=i + 2, orig_end=i + 9, text=f"句子{i}", rule=rule)]

    for p in rec.persons:
        p.evidence = ev("person.test")
    for m in rec.meetings:
        m.evidence = ev("meeting.test")
        for part in m.participants:
            part.evidence = ev(f"meeting.participant.{part.role}")
        for r in m.relays:
            r.evidence = ev("meeting.relay")
    for x in [*rec.inspections, *rec.directives, *rec.incidents, *rec.bodies]:
        x.evidence = ev("test")
    from graph_loader.extract.record import RegionMention, SectorMention

    rec.region_mentions = [RegionMention(path=r, evidence=ev("region.test")) for r in rec.regions]
    rec.sector_mentions = [SectorMention(sector=s, surface=s, evidence=ev("sector.test")) for s in rec.sectors]
    return rec
