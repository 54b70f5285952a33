"""Named accidents and disasters: `昆山“8·2”特别重大爆炸事故` → `昆山8·2特别重大爆炸事故`.

The genre names an incident by place, a month·day code in quotes, a grade and a
kind (lexicon/incident_words.tsv). The place is the chain of gazetteer names that
ends right before the code (`四川宜宾`), so a verb before it (`对昆山`) stays out.
Incidents inside a 《》 report title count too: the report names the incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_loader.extract.regions import find_regions
from graph_loader.lang.chars import HAN
from graph_loader.lang.titles import clean_title

LEXICON = Path(__file__).parent / "lexicon" / "incident_words.tsv"
_MAX_NAME_GAP = 8  # a company or site between place and code: 宁夏银川富洋烧烤店“6·21”
_NAME_CHARS = re.compile("[" + HAN + "]*")


@dataclass
class IncidentHit:
    start: int
    end: int
    title: str
    region: str | None


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"grade": [], "kind": [], "cut": []}
    with open(LEXICON, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, role = line.rstrip("\n").split("\t")[:2]
            out[role].append(word)
    return out


@lru_cache(maxsize=1)
def _gap_cut() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _words()["cut"])))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The incident name pattern, and the grade-or-kind words an unquoted code must touch."""
    words = _words()
    grades, kinds = words["grade"], words["kind"]

    def alt(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    # the tail runs to the last grade-and-kind it can reach: `坍塌特别重大事故`, `MU5735航空器飞行事故`
    tail = rf"(?:{alt(grades)})?[{HAN}A-Za-z0-9]{{0,14}}?(?:{alt(kinds)})+"
    more = rf"(?:(?:{alt(grades)})?[{HAN}]{{0,4}}?(?:{alt(kinds)})+)*"
    return re.compile(
        r"(?P<open>[“\"‘「])?(?P<code>(?P<mo>\d{1,2})\s*(?P<sep>[·•・．.])\s*(?P<day>\d{1,2})"
        r"|(?<![\d.])(?P<mo2>1[0-2]|[1-9])(?P<day2>[0-3]\d)(?![\d.]))(?(open)[”\"’」])"
        rf"(?P<tail>{tail}{more})"
    ), re.compile(f"(?:{alt(grades)}|{alt(kinds)})")


def find_incidents(text: str) -> list[IncidentHit]:
    """Named incidents with the region their name carries (None when it names none)."""
    pattern, grade_or_kind = _patterns()
    hits = []
    for m in pattern.finditer(text):
        mo, day = m.group("mo") or m.group("mo2"), m.group("day") or m.group("day2")
        if not (1 <= int(mo) <= 12 and 1 <= int(day) <= 31):
            continue
        dotted = "." in m.group("code") or "．" in m.group("code")
        if (dotted or not m.group("sep")) and not m.group("open") and not grade_or_kind.match(m.group("tail")):
            continue  # an unquoted decimal (1.5万家企业发生事故) is a code only right before its grade or kind
        start = m.start()
        window_start = max(0, start - 24)
        window = text[window_start:start]
        region = None
        # the chain of places that ends at the code, or a few name characters before it (天津港, 昆山中荣)
        edge = len(window)
        for p in reversed(find_regions(window)):
            gap = window[p.end:edge]
            if len(gap) > _MAX_NAME_GAP or not _NAME_CHARS.fullmatch(gap) or _gap_cut().search(gap):
                break
            edge = p.start
            region = region or p.path
        if not m.group("sep") and region is None:
            continue  # a bare four-digit code (`张家口1128爆炸事故`) names an incident only after its place
        start = window_start + edge
        title = clean_title(text[start:m.end()])  # the code as written: `11.24`, `3·21`
        hits.append(IncidentHit(start, m.end(), title, region))
    return _one_per_code(hits)


def _code(title: str) -> str:
    m = re.search(r"(\d{1,2})\s*[·•・．.]?\s*(\d{1,2})", title)
    return f"{int(m.group(1))}-{int(m.group(2))}" if m else title


def _one_per_code(hits: list[IncidentHit]) -> list[IncidentHit]:
    """One incident per month·day code in an article: the fullest of its names (`江西“11.24”特别重大事故`
    after `江西丰城电厂“11.24”冷却塔施工平台坍塌特别重大事故` is the same accident)."""
    best: dict[str, IncidentHit] = {}
    for h in hits:
        key = _code(h.title)
        if key not in best or len(h.title) > len(best[key].title):
            best[key] = h
    return sorted(best.values(), key=lambda h: h.start)
