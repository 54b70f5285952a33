"""Loading of the ingestion data files (boilerplate.tsv, metadata.tsv, byline_words.txt, org_suffixes.txt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    why: str


def _tsv(name: str) -> list[tuple[str, str, str]]:
    rows = []
    for raw in (_HERE / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{name}: bad rule line {raw!r}")
        rows.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return rows


@lru_cache(maxsize=1)
def boilerplate_rules() -> list[Rule]:
    return [Rule(k, re.compile(p), w) for k, p, w in _tsv("boilerplate.tsv")]


@lru_cache(maxsize=1)
def metadata_rules() -> list[Rule]:
    rows = _tsv("metadata.tsv")
    date = next(p for k, p, _ in rows if k == "date")
    return [Rule(k, re.compile(p.replace("DATE", date)), w) for k, p, w in rows]


@lru_cache(maxsize=1)
def byline_words() -> frozenset[str]:
    lines = (_HERE / "byline_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@lru_cache(maxsize=1)
def org_suffixes() -> frozenset[str]:
    lines = (_HERE / "org_suffixes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))
