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

from graph_loader.extract.regions import find_regions, relative_words_re
from graph_loader.gazetteer import package_file
from graph_loader.lang.chars import HAN
from graph_loader.lang.levels import LEVEL_CHARS
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
    out: dict[str, list[str]] = {"grade": [], "kind": [], "cut": [], "frame_open": [], "frame_close": [],
                                 "general": []}
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

    # the tail runs to the last grade-and-kind it can reach: `坍塌特别重大事故`, `AB1234航空器飞行事故`
    tail = rf"(?:{alt(grades)})?[{HAN}A-Za-z0-9]{{0,14}}?(?:{alt(kinds)})+"
    more = rf"(?:(?:{alt(grades)})?[{HAN}]{{0,4}}?(?:{alt(kinds)})+)*"
    return re.compile(
        r"(?P<open>[“\"‘「『〝＂])?(?P<code>(?P<mo>\d{1,2})\s*(?P<sep>[·•・．.‧∙⋅･﹒])\s*(?P<day>\d{1,2})"
        r"|(?<![\d.])(?P<mo2>1[0-2]|[1-9])(?P<day2>[0-3]\d)(?![\d.]))(?(open)[”\"’」』〞＂])"
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
        if not m.group("sep") and region is None and not m.group("open"):
            continue  # a bare four-digit code (`乙市0915爆炸事故`) names an incident only after its place or in quotes
        if region is None:  # `吸取某某镇6.25火灾事故教训`: a place the gazetteer lacks, known by its level
            edge = _town_before(window)
        if region is None and edge == len(window):  # `吸取某国“1·18”事故教训`: a foreign place names it too
            edge = _foreign_before(window)
        start = window_start + edge
        title = clean_title(text[start:m.end()])  # the code as written: `9.15`, `3·21`
        hits.append(IncidentHit(start, m.end(), title, region))
    hits += _instructed(text, grade_or_kind)
    hits += _framed(text)
    return _one_per_code(hits)


_TOWN = re.compile(rf"[{HAN}]{{1,4}}[{LEVEL_CHARS}]")
_NOT_HAN = re.compile(rf"[^{HAN}]")


def _town_before(window: str) -> int:
    """Where a place name ending with a level character starts at the end of `window` (after the last
    cut word or mark), else len(window)."""
    start = max((m.end() for m in _gap_cut().finditer(window)), default=0)
    start = max([start, *(m.end() for m in _NOT_HAN.finditer(window))])
    if relative_words_re("我全本该").fullmatch(window, start):
        return len(window)  # `我市“3·21”火灾事故`: the reader's own place is no part of the name
    return start if _TOWN.fullmatch(window, start) else len(window)


@lru_cache(maxsize=1)
def _foreign_places() -> tuple[str, ...]:
    """Countries (short and full names), capitals and cities of jionlp's world list, China's line left
    out (the gazetteer has China), longest first."""
    names: set[str] = set()
    with open(package_file("jionlp", "dictionary", "world_location.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or fields[0] == "中国":
                continue  # a continent's heading, or China
            names.update(n for field in fields for n in field.split("/") if len(n) >= 2)
    return tuple(sorted(names, key=len, reverse=True))


def _foreign_before(window: str) -> int:
    """Where a foreign place name that ends `window` starts, else len(window)."""
    return next((len(window) - len(n) for n in _foreign_places() if window.endswith(n)), len(window))


@lru_cache(maxsize=1)
def _instructed_re() -> re.Pattern[str]:
    kinds = "|".join(map(re.escape, sorted(_words()["kind"], key=len, reverse=True)))
    return re.compile(rf"对(?P<name>[{HAN}]{{4,30}}?(?:{kinds})+)(?:作出|做出)?的?(?:重要)?(?:指示|批示)")


def _instructed(text: str, grade_or_kind: re.Pattern[str]) -> list[IncidentHit]:
    """An incident named without a code as the object of a leader's instruction: `对某省某县山体滑坡作出的
    重要指示`, `对某地露天煤矿坍塌事故的重要指示精神`; its name opens with the place it happened."""
    out = []
    for m in _instructed_re().finditer(text):
        name = m.group("name")
        places = find_regions(name)
        if not places or places[0].start != 0:
            continue  # `对近期事故的重要批示`: no place, no name
        out.append(IncidentHit(m.start("name"), m.end("name"), clean_title(name), places[0].path))
    return out


@lru_cache(maxsize=1)
def _framed_re() -> re.Pattern[str]:
    words = _words()

    def alt(key: str) -> str:
        return "|".join(map(re.escape, sorted(words[key], key=len, reverse=True)))

    return re.compile(rf"(?:{alt('frame_open')})了?(?:\d{{1,2}}月\d{{1,2}}日)?"
                      rf"(?P<name>[{HAN}]{{4,30}}?(?:{alt('kind')})+)的?[{HAN}]{{0,2}}?(?:{alt('frame_close')})")


def _framed(text: str) -> list[IncidentHit]:
    """An incident named without a code inside the genre's frames (`深刻汲取某省某市燃气爆炸事故教训`,
    `通报了5月6日某县某厂火灾事故情况`): its name opens with the place it happened, and holds no word
    that makes it a class of events (`汲取某省近期几起事故教训` names none), and a kind besides `事故`."""
    out = []
    specific = [k for k in _words()["kind"] if k not in _words()["general"]]
    pos = 0
    while m := _framed_re().search(text, pos):
        pos = m.start() + 1  # frames may nest (`《关于某地…事故的通报》`): the next one may open inside
        name = m.group("name")
        places = find_regions(name)
        if not places or places[0].start != 0 or _gap_cut().search(name, places[0].end):
            continue
        if not any(k in name[places[0].end:] for k in specific):
            continue  # `某县道路交通事故`: a class of accidents
        out.append(IncidentHit(m.start("name"), m.end("name"), clean_title(name), places[0].path))
        pos = m.end()
    return out


def _code(title: str) -> str:
    m = re.search(r"(\d{1,2})\s*[·•・．.‧∙⋅･﹒]?\s*(\d{1,2})", title)
    return f"{int(m.group(1))}-{int(m.group(2))}" if m else title


def _one_per_code(hits: list[IncidentHit]) -> list[IncidentHit]:
    """One incident per month·day code in an article: the fullest of its names (`甲省“9.15”特别重大事故`
    after `甲省乙市电厂“9.15”冷却塔施工平台坍塌特别重大事故` is the same accident)."""
    best: dict[str, IncidentHit] = {}
    for h in hits:
        key = _code(h.title)
        if key not in best or len(h.title) > len(best[key].title):
            best[key] = h
    return sorted(best.values(), key=lambda h: h.start)
