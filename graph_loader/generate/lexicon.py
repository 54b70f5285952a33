"""The generator's language data, read once from the files in data/ (templates, posts, pools)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from graph_loader.lang.lexicon import read_rows

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _rows(name: str, header: bool = False) -> list[list[str]]:
    rows = [list(r) for r in read_rows(DATA / name)]
    return rows[1:] if header else rows


@dataclass(frozen=True)
class DirectiveEntry:
    title: str
    issuer: str | None
    kind: str  # document | measure_package | compilation

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @property
    def year(self) -> int | None:
        """The first year its title names (`2024—2026年`): it cannot be relayed before then."""
        m = re.search(r"(20\d\d)", self.title)
        return int(m.group(1)) if m else None


@dataclass(frozen=True)
class IncidentEntry:
    written: str  # with quotation marks, as articles write it
    title: str  # gold form
    region: str  # full path of the division it names


@dataclass(frozen=True)
class Leader:
    name: str
    title: str
    first: int
    last: int


@dataclass
class Lexicon:
    templates: dict[str, list[str]]
    posts: dict[str, list[list[str]]]
    boilerplate: dict[str, list[str]]
    surnames: list[str]
    given: list[str]
    filler: list[str]
    directives: list[DirectiveEntry]
    incidents: list[IncidentEntry]
    leaders: list[Leader]
    sector_forms: dict[str, str]  # surface form -> canonical sector (sectors.tsv)
    sector_synonyms: dict[str, str]  # words the list lacks -> canonical
    sector_re: re.Pattern[str]  # any listed form (a quick test before the longest-first scan)
    gloss: dict[str, str]  # simplified character -> pinyin
    abbrev: dict[str, str]  # province -> one-character abbreviation

    def sectors_in(self, text: str) -> set[str]:
        """Canonical sectors that `text` names, plus known synonyms.

        Overlapping forms are settled longest first, wherever they start: in `深化工业园区`
        the text names 工业园区, not 化工.
        """
        found: set[str] = set()
        if self.sector_re.search(text):  # cheap pre-check: is any form there at all?
            spans = []
            for form in self.sector_forms:
                i = text.find(form)
                while i >= 0:
                    spans.append((-len(form), i, form))
                    i = text.find(form, i + 1)
            taken = bytearray(len(text))
            for neg, i, form in sorted(spans):
                if not any(taken[i:i - neg]):
                    taken[i:i - neg] = b"\x01" * -neg
                    found.add(self.sector_forms[form])
        found.update(c for w, c in self.sector_synonyms.items() if w in text)
        return found


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    forms: dict[str, str] = {}
    for row in _rows("sectors.tsv", header=True):
        canonical = row[0]
        for form in row[2:]:
            if form:
                forms.setdefault(form, canonical)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return Lexicon(
        templates=yaml.safe_load((DATA / "templates.yaml").read_text(encoding="utf-8")),
        posts=yaml.safe_load((DATA / "posts.yaml").read_text(encoding="utf-8")),
        boilerplate=yaml.safe_load((DATA / "boilerplate.yaml").read_text(encoding="utf-8")),
        surnames=_lines("surnames.txt"),
        given=[c for ln in _lines("given_chars.txt") for c in ln.split()],
        filler=_lines("filler.txt"),
        directives=[DirectiveEntry(r[0], r[1] or None, r[2]) for r in _rows("directives.tsv")],
        incidents=[IncidentEntry(*r[:3]) for r in _rows("incidents.tsv")],
        leaders=[Leader(r[0], r[1], int(r[2]), int(r[3])) for r in _rows("national_leaders.tsv")],
        sector_forms=forms,
        sector_synonyms={r[0]: r[1] for r in _rows("sector_synonyms.tsv", header=True)},
        sector_re=pattern,
        gloss={r[0]: r[1] for r in _rows("pinyin_gloss.tsv")},
        abbrev={r[0]: r[1] for r in _rows("province_abbrev.tsv")},
    )
