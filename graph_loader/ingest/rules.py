"""Loading of the ingestion data files (boilerplate.tsv, metadata.tsv, byline_words.txt, byline_ends.txt,
org_suffixes.txt, surnames.txt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_loader.lang.chars import HAN, NAME_DOTS
from graph_loader.lang.lexicon import read_rows, read_words

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
    return [Rule(k, re.compile(_expand(p, BUILTIN_MACROS)), w) for k, p, w in _tsv("boilerplate.tsv")]


_DATE_CLOSE = frozenset("])）】")


def ends_in_date(line: str) -> bool:
    """Whether a line can be a link to another article: a link ends in its date (`… 2023-06-12`, `…[2021-03-05]`),
    the cheap test before link_patterns' (a digit of any width: a page's full-width digits are folded later)."""
    return bool(line) and (line[-1].isdigit() or line[-1] in _DATE_CLOSE)


@lru_cache(maxsize=1)
def link_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """boilerplate.tsv's links to other articles with their dates: (one a line marks as such, one only a run of
    them makes a link)."""
    rules = boilerplate_rules()
    return (tuple(r.pattern for r in rules if r.kind == "link"), tuple(r.pattern for r in rules if r.kind == "link_run"))


_MACRO = re.compile(r"^=([A-Z]+)$")
BUILTIN_MACROS = {"HAN": HAN, "DOT": re.escape(NAME_DOTS)}
"""Macros every rule file may use: `[HAN]{2,4}` is two to four Chinese characters, `[HANDOT]` a character of a
name, the dots of a transliterated name among them (lang/chars.NAME_DOTS: 阿某·某某, 阿某•某某)."""


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for name in sorted(macros, key=len, reverse=True):
        pattern = pattern.replace(name, macros[name])
    return pattern


@lru_cache(maxsize=1)
def metadata_rules() -> list[Rule]:
    """The rules of metadata.tsv with their macros (`=DATE`, `=NAMES`, ...) written out.

    A macro row is `=NAME<TAB>regex`; a later row (macro or rule) may use NAME. Macros are not rules.
    """
    macros: dict[str, str] = dict(BUILTIN_MACROS)
    out: list[Rule] = []
    for kind, pattern, why in _tsv("metadata.tsv"):
        pattern = _expand(pattern, macros)
        if m := _MACRO.match(kind):
            macros[m.group(1)] = pattern
        else:
            out.append(Rule(kind, re.compile(pattern), why))
    return out


def _words(name: str) -> frozenset[str]:
    """Whitespace-separated words of a word-list file, `#` lines being comments."""
    return read_words(_HERE / name)


@lru_cache(maxsize=1)
def byline_words() -> frozenset[str]:
    return _words("byline_words.txt")


@lru_cache(maxsize=1)
def byline_ends() -> frozenset[str]:
    return _words("byline_ends.txt")


@lru_cache(maxsize=1)
def line_glue() -> dict[str, frozenset[str]]:
    """line_glue.txt: the characters no line of a sentence ends with (`end`) or begins with (`start`)."""
    return {row[0]: frozenset(row[1].split()) for row in read_rows(_HERE / "line_glue.txt")}


@lru_cache(maxsize=1)
def org_suffixes() -> frozenset[str]:
    return _words("org_suffixes.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Single and compound surnames (surnames.txt); shared with the extractor's person names."""
    return _words("surnames.txt")


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Two-character words that open with a surname but are ordinary words (not_names.txt): no name opens with one
    unless a post or a label vouches for it; shared with the extractor's person names."""
    return _words("not_names.txt")


@lru_cache(maxsize=1)
def surname_rank() -> dict[str, int]:
    """Each surname's place in surnames.txt, which lists the commoner first: the likelier of two readings."""
    out: dict[str, int] = {}
    for row in read_rows(_HERE / "surnames.txt"):
        for w in row[0].split():
            out.setdefault(w, len(out))
    return out
