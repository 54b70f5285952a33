"""Extraction JSON (extractor output or gold files) -> ExtractionRecord.

Gold files write `incidents` and `directives` as plain strings where the record has objects
with a `title`; both shapes are accepted here so the graph can be built from either.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph_loader.extract.record import ExtractionRecord


def normalise_record_json(data: dict) -> dict:
    """A copy of data in the record's shape (strings -> {"title": ...})."""
    out = dict(data)
    for field in ("incidents", "directives"):
        out[field] = [{"title": x} if isinstance(x, str) else x for x in data.get(field) or []]
    return out


def record_from_json(data: dict) -> ExtractionRecord:
    return ExtractionRecord.model_validate(normalise_record_json(data))


def load_record(path: str | Path) -> ExtractionRecord:
    return record_from_json(json.loads(Path(path).read_text(encoding="utf-8")))
