"""Reading the language data files of `lexicon/` (read once per process, cached)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicon")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of `lexicon/<name>`, without comments and blank lines."""
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """All whitespace-separated words of a word-list file (first column of TSVs)."""
    out: set[str] = set()
    for row in rows(name):
        out.update(row[0].split())
    return frozenset(out)


def alternation(items: list[str] | set[str] | frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation that tries longer items first (so the longest match wins at a position)."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)) if w)
