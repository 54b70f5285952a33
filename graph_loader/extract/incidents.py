"""Named accidents and disasters: `昆山“8·2”特别重大爆炸事故` → `昆山8·2特别重大爆炸事故`.

The genre names an incident by place, a month·day code in quotes, a grade and a
kind (lexicon/incident_words.tsv). The place is the chain of gazetteer names that
ends right before the code (`四川宜宾`), so a verb before it (`对昆山`) stays out.
Incidents inside a 《》 report title count too: the report names the incident.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_loader.extract.lexicon_files import alternation
from graph_loader.extract.lexicon_files import rows as lexicon_rows
from graph_loader.extract.regex_scan import finditer_from, runs_holding
from graph_loader.extract.regions import find_regions, relative_words_re
from graph_loader.gazetteer import package_file
from graph_loader.lang.chars import CLOSE_QUOTES, CODE_DOT_SPELLING, CODE_DOTS, HAN, OPEN_QUOTES
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.titles import clean_title

LEXICON = Path(__file__).parent / "lexicon" / "incident_words.tsv"
_DOTS = re.escape(CODE_DOTS)
_LOST_DOTS = "?？"  # what an encoding that lacks the code's dot writes for it
_OPEN, _CLOSE = re.escape(OPEN_QUOTES), re.escape(CLOSE_QUOTES)
_MAX_NAME_GAP = 8  # a company or site between place and code: 宁夏银川富洋烧烤店“6·21”
_MAX_SITE_NAME = 16  # a longer one ends with a site word: 某县某某金属制品有限公司“4·9”
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
                                 "general": [], "site": [], "one": [],
                                 "magnitude": [], "quake": [], "tail_cut": [], "not_cut": [], "happen": []}
    with open(LEXICON, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, role = line.rstrip("\n").split("\t")[:2]
            out[role].append(word)
    return out


@lru_cache(maxsize=1)
def _gap_cut() -> re.Pattern[str]:
    """A cut word, unless it opens a word that is no cut (`not_cut`: `在建项目` is a site, not `在`)."""
    keep = "|".join(map(re.escape, _words()["not_cut"]))
    return re.compile((f"(?!{keep})" if keep else "") + "(?:" + "|".join(map(re.escape, _words()["cut"])) + ")")


_SHARED_JOIN = "和|、|及|与"  # what joins two quoted codes that share one tail
_JOINED = re.compile(rf"(?:{_SHARED_JOIN})[{HAN}]{{0,12}}")  # a join and the next place's name


def _joined_before(text: str, at: int, sharing: list[tuple[int, int, str | None]]
                   ) -> list[tuple[int, int, str | None]]:
    """The waiting codes that reach the code at `at`, each joined to the next (`甲“1·19”、乙“1·22”和丙“1·24”`)."""
    out = []
    for start, end, region in reversed(sharing):
        if not _JOINED.fullmatch(text, end, at):
            break
        out.append((start, end, region))
        at = start
    return out[::-1]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The incident name pattern, and the grade-or-kind words an unquoted code must touch."""
    words = _words()
    grades, kinds = words["grade"], words["kind"]

    alt = alternation

    # the tail runs to the last grade-and-kind it can reach: `坍塌特别重大事故`, `AB1234航空器飞行事故`; a grade
    # may also stand after the place and site the code opens (`“5·6”某省某县某某化工有限公司特别重大爆炸事故`)
    tail = rf"(?:{alt(grades)})?[{HAN}A-Za-z0-9]{{0,14}}?(?:{alt(grades)})?(?:{alt(kinds)})+"
    more = rf"(?:(?:{alt(grades)})?[{HAN}]{{0,4}}?(?:{alt(kinds)})+)*"
    return re.compile(
        "(?P<open>[" + _OPEN + "])?" r"(?P<code>(?P<mo>\d{1,2})\s*(?P<sep>[" + _DOTS + r"]"
        # a page that lost its dot to a question mark (`“6?21”`): a code only between quotes
        + "|(?(open)[" + _LOST_DOTS + "]|(?!))" r")\s*(?P<day>\d{1,2})"
        r"|(?<![\d.])(?P<mo2>1[0-2]|[1-9])(?P<day2>[0-3]\d)(?![\d.]))(?(open)[" + _CLOSE + "])"
        # or, in quotes, no tail before a join and the next quoted code, whose tail it shares
        # (`甲地“1·19”和乙地“1·24”火灾事故`: two fires)
        rf"(?:(?P<tail>{tail}{more})|(?P<shared>(?=(?:{_SHARED_JOIN})[{HAN}]{{0,12}}[{_OPEN}]\d)))"
    ), re.compile(f"(?:{alt(grades)}|{alt(kinds)})")


@lru_cache(maxsize=1)
def _phrase_variants() -> tuple[tuple[str, str], ...]:
    """Phrases of char_variants.tsv that t2s leaves in their traditional form (`著火` for 着火), same length."""
    return tuple((v, s) for v, s in lexicon_rows("char_variants.tsv") if len(v) > 1 and len(v) == len(s))


def find_incidents(text: str) -> list[IncidentHit]:
    """Named incidents with the region their name carries (None when it names none)."""
    for variant, standard in _phrase_variants():
        if variant in text:  # same length: offsets stay
            text = text.replace(variant, standard)
    pattern, grade_or_kind = _patterns()
    hits = []
    sharing: list[tuple[int, int, str | None]] = []  # codes waiting for the tail of the next: start, end, region
    for m in finditer_from(pattern, _CODE_FIRST, text):  # a code opens with a quote or a digit
        mo, day = m.group("mo") or m.group("mo2"), m.group("day") or m.group("day2")
        if not (1 <= int(mo) <= 12 and 1 <= int(day) <= 31):
            continue
        shared = m.group("shared") is not None
        if shared and not m.group("open"):
            continue
        if not shared:  # the codes before it, each joined to the next, lend it nothing else: the list is over
            lending, sharing = _joined_before(text, m.start(), sharing), []
        dotted = "." in m.group("code") or "．" in m.group("code")
        if not shared and (dotted or not m.group("sep")) and not m.group("open") \
                and not grade_or_kind.match(m.group("tail")) \
                and not _place_opens(m.group("tail")):
            continue  # an unquoted decimal (1.5万家企业发生事故) is a code only right before its grade, kind or place
        start = m.start()
        window_start = max(0, start - 24)
        window = text[window_start:start].rstrip(" \u3000")  # `某某煤矿 “6·21”`: a stray space before the code
        region = None
        # the chain of places that ends at the code, or a few name characters before it (天津港, 昆山中荣)
        edge = len(window)
        for p in reversed(find_regions(window)):
            gap = window[p.end:edge]
            if len(gap) > _MAX_NAME_GAP and not (len(gap) <= _MAX_SITE_NAME and _site_end().search(gap)) \
                    or not _NAME_CHARS.fullmatch(gap) or _gap_cut().search(gap):
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
        if shared:
            sharing.append((start, m.end(), region))
            continue
        end = _tail_end(m.start("tail"), m.group("tail"))
        if end is None:
            continue  # `“6·16”宣传咨询日现场发生火灾`: a day's name, then a clause
        # the code as written (`9.15`, `3·21`), a mark that is no punctuation written `·` (`10˙20`)
        title = clean_title(_dotted(text, start, end, m)).translate(CODE_DOT_SPELLING)
        # the codes before it in one list take its tail (`甲地“1·19”和乙地“1·24”火灾事故`)
        tail = text[m.start("tail"):end]
        hits += [IncidentHit(a, b, clean_title(text[a:b] + tail).translate(CODE_DOT_SPELLING), r)
                 for a, b, r in lending]
        hits.append(IncidentHit(start, end, title, region))
    coded = list(hits)
    # `对甲市某公司火灾事故的重要批示` beside `甲市“11·21”特大火灾事故`: an uncoded name of the place and kind of a
    # coded one is that incident written out once more
    hits += [h for h in _instructed(text, grade_or_kind) + _framed(text) + _listed(text)
             if not _same_as_coded(h, coded)]
    hits += _quakes(text)
    # the report's own account of the accident names it only when nothing else of its place does
    hits += [h for h in _narrated(text) if not any(_same_place(h.region, o.region) for o in hits)]
    return _one_per_code(hits)


def _same_as_coded(hit: IncidentHit, coded: list[IncidentHit]) -> bool:
    kinds = sorted(_words()["kind"], key=len, reverse=True)
    kind = next((k for k in kinds if hit.title.endswith(k)), None)
    return hit.region is not None and kind is not None and any(
        c.region == hit.region and c.title.endswith(kind) for c in coded)


def _dotted(text: str, start: int, end: int, m: re.Match[str]) -> str:
    """The name as written, a code's lost dot (`“6?21”`) written `·`."""
    sep = m.group("sep")
    if not sep or sep not in _LOST_DOTS:
        return text[start:end]
    return text[start:m.start("sep")] + "·" + text[m.end("sep"):end]


def _same_place(a: str | None, b: str | None) -> bool:
    """One of two region paths holds the other (`某省某市` and `某省某市某县`)."""
    return a is not None and b is not None and (a.startswith(b) or b.startswith(a))


_NARRATED_AFTER = "日时分许"  # what ends the time that opens an accident's account (`5月6日14时30分许，`)


@lru_cache(maxsize=1)
def _narrated_re() -> re.Pattern[str]:
    # the comma first (a class the scan jumps to in C), then the time's end behind it
    return re.compile(rf"[，,](?<=[{_NARRATED_AFTER}][，,])\s*(?P<site>[{HAN}]{{4,30}}?(?:{_alt('site')}))"
                      rf"(?:{_alt('happen')})了?(?:一起)?(?P<kind>(?:{_alt('grade')})?[{HAN}]{{0,8}}?事故)")


def _narrated(text: str) -> list[IncidentHit]:
    """An accident told in the genre's opening clause (`5月6日14时许，某省某市某某化工厂发生一起爆炸事故`): after
    the time, a site's name opening with its place (incident_words.tsv site), the verb (happen) and a kind
    ending in 事故; the name is the site and the kind (`某省某市某某化工厂爆炸事故`)."""
    out = []
    if not any(w in text for w in _words()["happen"]):
        return out
    for m in _narrated_re().finditer(text):
        site = m.group("site")
        places = find_regions(site)
        if not places or places[0].start != 0 or _gap_cut().search(site, places[0].end):
            continue  # `某某公司发生…`: no place; `某县一季度…`: no site's name
        name = site + m.group("kind")
        out.append(IncidentHit(m.start("site"), m.end("kind"), clean_title(name), places[0].path))
    return out


@lru_cache(maxsize=1)
def _tail_cut() -> re.Pattern[str]:
    return re.compile(_alt("tail_cut"))


def _tail_end(at: int, tail: str) -> int | None:
    """Where a name ends whose tail (after the code) runs into a clause (`发生`, `期间`, `为契机`): at the
    last kind before that word, else None (no name)."""
    cut = _tail_cut().search(tail)
    if cut is None:
        return at + len(tail)
    _, grade_or_kind = _patterns()
    ends = [k.end() for k in grade_or_kind.finditer(tail, 0, cut.start()) if k.group() in _words()["kind"]]
    return at + ends[-1] if ends else None


_TOWN = re.compile(rf"[{HAN}]{{1,4}}[{LEVEL_CHARS}]")
_NOT_HAN = re.compile(rf"[^{HAN}]")
_DIGIT = re.compile(r"\d")
# where an incident's code can open (see `_patterns`): a quote before a digit, a digit before a separator (after
# one more digit at most), or the first of three or four digits (`“6·21”`, `9.15`, `0621`, `1021`)
# (one class first, so `re` jumps to it in C; the lookarounds after it tell a quote from a digit)
_CODE_FIRST = re.compile("[" + _OPEN + r"\d](?:(?<=[" + _OPEN + r"])(?=\d)|(?<=\d)(?=\d?\s*[" + _DOTS + r"]|\d\d))")


def _town_before(window: str) -> int:
    """Where a place name ending with a level character, or a site's name ending with a site word
    (`某某焦煤某某矿`), starts at the end of `window` (after the last cut word or mark), else len(window)."""
    start = max((m.end() for m in _gap_cut().finditer(window)), default=0)
    start = max([start, *(m.end() for m in _NOT_HAN.finditer(window))])
    if relative_words_re("我全本该").fullmatch(window, start):
        return len(window)  # `我市“3·21”火灾事故`: the reader's own place is no part of the name
    if (own := relative_words_re("我全本该").match(window, start)) and _site_end().search(window, own.end()):
        start = own.end()  # `我县某某公司“4·9”`: the site without the reader's place
    if _TOWN.fullmatch(window, start):
        return start
    return _site_start(window, start)


def _site_start(window: str, start: int) -> int:
    """Where a site's name ending with a site word (`某某焦煤某某矿`) starts at the end of `window`, else
    len(window). A cut character inside the name (`某和煤矿`) is skipped when the site word alone would be
    left after it."""
    site = _site_end().search(window)
    if site is None:
        return len(window)
    marks = [0, *(m.end() for m in _NOT_HAN.finditer(window))]
    floor = max(marks)
    cuts = [m.end() for m in _gap_cut().finditer(window) if m.end() >= floor]
    for at in sorted({start, floor, *cuts}, reverse=True):
        if at <= start and site.start() - at >= 2 and len(window) - at <= _MAX_SITE_NAME:
            return at
    return len(window)


@lru_cache(maxsize=1)
def _site_end() -> re.Pattern[str]:
    return re.compile("(?:" + _alt("site") + ")$")


def _place_opens(tail: str) -> bool:
    """Whether a gazetteer place opens the text after an unquoted code (`11.24某省某市电厂…坍塌事故`)."""
    places = find_regions(tail[:12])
    return bool(places) and places[0].start == 0


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
    kinds = alternation(_words()["kind"])
    member = rf"[{HAN}]{{4,30}}?(?:{kinds})+"
    # the incident opens with 对, 就 or 关于 (`就某地火灾事故作出重要指示`, `关于某地煤矿坍塌事故重要指示批示`)
    return re.compile(rf"(?:对|就|关于)(?P<name>{member}(?:(?:{_FRAMED_JOIN}){member})*)(?:作出|做出)?的?(?:重要)?"
                      "(?:指示|批示)")


@lru_cache(maxsize=1)
def _instructed_member_re() -> re.Pattern[str]:
    """One member of an instruction's list of incidents: a name ending in kinds, then a join or the list's end."""
    return re.compile(rf"[{HAN}]{{4,30}}?(?:{_alt('kind')})+(?=(?:{_FRAMED_JOIN})|$)")


def _instructed_members(names: str) -> Iterator[tuple[list[str], list[int]]]:
    """The readings of an instruction's list of incidents, each as (names, their offsets): split at every join
    after a kind (`甲地某校火灾和乙省某厂爆炸事故`: two), then at `、` only (`某地火灾和爆炸事故`: one)."""
    at, out, starts = 0, [], []
    while (one := _instructed_member_re().match(names, at)) is not None:
        out.append(one.group())
        starts.append(at)
        at = one.end()
        if at == len(names):
            yield out, starts
            break
        at = _framed_join_re().match(names, at).end()
    parts = names.split("、")
    yield parts, [sum(len(p) + 1 for p in parts[:k]) for k in range(len(parts))]


def _instructed(text: str, grade_or_kind: re.Pattern[str]) -> list[IncidentHit]:
    """Incidents named without a code as the object of a leader's instruction: `对某省某县山体滑坡作出的
    重要指示`, `对某地露天煤矿坍塌事故的重要指示精神`, `关于某地某矿透水事故重要指示批示`,
    `对甲省某区火灾事故、乙省某市游船倾覆事故作出的重要指示`;
    each name opens with the place it happened (a member without one makes none of the list a name)."""
    out = []
    pos = 0
    while m := _instructed_re().search(text, pos):
        # a match that names nothing may hold the one that does (`关于安全生产的重要论述和对某地某矿坍塌事故的重要
        # 指示`): the next search opens inside it
        pos = m.start() + 1
        members: list[IncidentHit] = []
        for names, starts in _instructed_members(m.group("name")):
            for name, at in zip(names, starts, strict=True):
                if _tail_cut().search(name):
                    members = []
                    break  # `对某市某矿一办公楼发生火灾重要指示`: a clause (`发生`), not a name
                places = find_regions(name)
                if not places or places[0].start != 0:
                    members = []
                    break  # `对近期事故的重要批示`: no place, no name
                at += m.start("name")
                members.append(IncidentHit(at, at + len(name), clean_title(name), places[0].path))
            if members:
                break
        if members:
            out += members
            pos = m.end()
    return out


def _alt(key: str) -> str:
    """The words of one role of incident_words.tsv as a regex alternation, longest first."""
    return alternation(_words()[key])


_FRAMED_DATE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"  # the day it happened, with its year or not
_FRAMED_JOIN = "和|、|及|以及|与"


def _framed_member(named: bool = False) -> str:
    """One member of a framed list: the day it happened or not, then a name ending in kinds; with `named`,
    the groups `date` and `name` (a list repeats the member, so only one member of it may name them)."""
    date, name, when = ("?P<date>", "?P<name>", "?P<when>") if named else ("?:", "?:", "?:")
    # the day may also stand after the site, with `发生的` (`某县某煤矿7月8日发生的瓦斯爆炸事故`): no part of the name
    return (rf"({date}{_FRAMED_DATE})?({name}[{HAN}]{{2,30}}?(?:({when}{_FRAMED_DATE}(?:发生)?的?)[{HAN}]{{0,12}}?)?"
            rf"(?:{_alt('kind')})+)")


@lru_cache(maxsize=1)
def _framed_member_re() -> re.Pattern[str]:
    return re.compile(rf"{_framed_member(named=True)}(?=(?:{_FRAMED_JOIN})|$)")


@lru_cache(maxsize=1)
def _framed_re() -> re.Pattern[str]:
    member = _framed_member()
    return re.compile(rf"(?:{_alt('frame_open')})了?(?P<names>{member}(?:(?:{_FRAMED_JOIN}){member})*)"
                      rf"的?[{HAN}]{{0,2}}?(?:{_alt('frame_close')})")


def _framed(text: str) -> list[IncidentHit]:
    """Incidents named without a code inside the genre's frames (`深刻汲取某省某市燃气爆炸事故教训`,
    `通报了5月6日某县某厂火灾事故情况`, `吸取5月6日甲市某矿透水事故和5月9日乙县某校踩踏事故的教训`): each name
    opens with the place it happened, and holds no word that makes it a class of events (`汲取某省近期几起事故教训`
    names none), and a kind besides `事故`, a grade of one incident (`汲取某县较大道路交通事故教训`) or the day it
    happened before it (`吸取5月6日某县道路交通事故教训`) or after its site (`通报某县某矿5月6日发生的透水事故`, the day left
    out of the name); a member that is none of these makes none of the list a name."""
    out = []
    specific = _specific_kinds()
    pos = 0
    while m := _framed_re().search(text, pos):
        pos = m.start() + 1  # frames may nest (`《关于某地…事故的通报》`): the next one may open inside
        members, at = [], m.start("names")
        while (one := _framed_member_re().match(text, at, m.end("names"))) is not None:
            name = one.group("name")
            if one.group("when"):
                name = name.replace(one.group("when"), "", 1)
            places = find_regions(name)
            if not places or places[0].start != 0 or _gap_cut().search(name, places[0].end):
                break
            rest = name[places[0].end:]
            dated = one.group("date") or one.group("when")
            if not dated and not any(k in rest for k in specific) and not _one_grade(rest):
                break  # `某县道路交通事故`: a class of accidents (`某县较大道路交通事故` is one)
            members.append(IncidentHit(one.start("name"), one.end("name"), clean_title(name), places[0].path))
            at = one.end()
            if at == m.end("names"):
                break
            at = _framed_join_re().match(text, at).end()
        if members and members[-1].end == m.end("names"):
            out += members
            pos = m.end()
    return out


@lru_cache(maxsize=1)
def _framed_join_re() -> re.Pattern[str]:
    return re.compile(_FRAMED_JOIN)


@lru_cache(maxsize=1)
def _specific_kinds() -> tuple[str, ...]:
    """The kinds besides the general ones (`事故`)."""
    return tuple(k for k in _words()["kind"] if k not in _words()["general"])


def _listed_matches(text: str) -> Iterator[re.Match[str]]:
    """What `_listed_re().finditer(text)` yields: a list lies inside one run of characters and list marks, so
    only the runs holding both 等 and 、 are tried."""
    for start, end in runs_holding(HAN + "、", "等、", text):
        if _kind_listed_re().search(text, start, end):  # and its first member ends with a kind before a 、
            yield from _listed_re().finditer(text, start, end)


@lru_cache(maxsize=1)
def _kind_listed_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('kind')})、")


@lru_cache(maxsize=1)
def _listed_re() -> re.Pattern[str]:
    member = rf"[{HAN}]{{4,24}}?(?:{_alt('kind')})"
    return re.compile(rf"(?P<names>{member}(?:、{member})+)等(?:{_alt('grade')})?[{HAN}]{{0,4}}?(?:{_alt('kind')})")


def _listed(text: str) -> list[IncidentHit]:
    """Incidents listed without a code before `等` and a class of them (`近期发生的甲省某某煤矿事故、乙省某某金矿
    爆炸等重大事故`): each member opens with a place (the first after the last cut word before it) and ends with
    a kind; a member without a place makes the list a class of events."""
    out: list[IncidentHit] = []
    for m in _listed_matches(text):
        at = m.start("names")
        members: list[IncidentHit] = []
        for k, name in enumerate(m.group("names").split("、")):
            skip = 0
            if k == 0:
                skip = max((c.end() for c in _gap_cut().finditer(name)), default=0)
            places = find_regions(name[skip:])
            if not places or places[0].start != 0 or _gap_cut().search(name, skip + places[0].end):
                members = []
                break
            members.append(IncidentHit(at + skip, at + len(name), clean_title(name[skip:]), places[0].path))
            at += len(name) + 1
        out += members
    return out


@lru_cache(maxsize=1)
def _grades_re() -> re.Pattern[str]:
    return re.compile(_alt("grade"))


def _one_grade(name: str) -> bool:
    """Whether a grade that marks one incident (`较大`, not the class word `重特大`) stands in the name."""
    return any(g.group() in _words()["one"] for g in _grades_re().finditer(name))


@lru_cache(maxsize=1)
def _quake_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.])\d(?:\.\d)?(?:{_alt('magnitude')})(?:{_alt('grade')})?(?:{_alt('quake')})")


def _quakes(text: str) -> list[IncidentHit]:
    """An earthquake named by its place and magnitude (`某省某县6.2级地震`): the chain of places that ends
    right before the magnitude opens the name."""
    out = []
    if not any(w in text for w in _words()["quake"]):
        return out  # every quake's name holds its word
    for m in finditer_from(_quake_re(), _DIGIT, text):  # a magnitude opens with a digit
        window_start = max(0, m.start() - 16)
        places = find_regions(text[window_start:m.start()])
        edge, region = m.start() - window_start, None
        for p in reversed(places):
            if p.end != edge:
                break
            edge, region = p.start, region or p.path
        if region is None:
            continue  # `发生6级以上地震的概率`: no place, no name
        start = window_start + edge
        out.append(IncidentHit(start, m.end(), clean_title(text[start:m.end()]), region))
    return out


def _code(title: str) -> str:
    m = re.search(r"(\d{1,2})\s*[" + _DOTS + r"]?\s*(\d{1,2})", title)
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
