"""Directives: 《》 documents, numbered measure packages, and leaders' instructions.

A 《》 title is a directive unless lexicon/not_directives.tsv says it is a newspaper,
programme or film (by title, by ending, or by the verb before it: `观看《...》`).
Its issuer is read right to left from the words before `《`: strip publishing verbs
(`印发的`), cut at punctuation or a reading verb (`传达学习`), and keep what remains
if it ends like a body (`国务院安委会`, `省委办公厅、省政府办公厅`).
Instructions (`习近平总书记关于安全生产的重要论述`) are their own kind because the
gold lists only documents and packages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph_loader.extract.lexicon_files import alternation
from graph_loader.extract.lexicon_files import rows as lexicon_rows
from graph_loader.extract.regex_scan import finditer_from
from graph_loader.extract.regions import find_regions
from graph_loader.lang.chars import HAN, is_han
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.numerals import NUMERAL
from graph_loader.lang.titles import clean_title

_MAX_ISSUER = 30
_MAX_TOPIC = 16  # characters a package's topic may run back from its number
_SHORT_NAME_MAX = 4  # a title this short that ends a longer one of the article is its short name (规定)


@dataclass
class DirectiveHit:
    start: int
    end: int
    title: str
    issuer: str | None
    kind: str  # document | measure_package | report | compilation | instruction
    on_event: bool = False  # an instruction given on an event (`对某地某厂火灾事故作出的重要指示`), not on a field



@dataclass(frozen=True)
class _Lex:
    not_titles: frozenset[str]
    not_suffixes: tuple[str, ...]
    not_cues: tuple[str, ...]
    kinds: tuple[tuple[str, str], ...]  # (suffix, kind), longest first
    short_cues: tuple[str, ...]  # `以下简称《规定》`: the title after one is a short name of the one before
    not_after: tuple[str, ...]  # `《甲》《乙》等影片`: a word after a run of titles that makes them films
    heads: tuple[str, ...]
    verbs: tuple[str, ...]  # longest first
    cuts: re.Pattern[str]
    package: re.Pattern[str]
    units: tuple[str, ...]  # what numbers a package (条, 项)
    topic_units: frozenset[str]  # units that number a package only right after a known topic (项)
    topic_nouns: tuple[str, ...]  # nouns that end a package only right after a known topic (`提出五条意见` is a count)
    instruction: re.Pattern[str]
    instruction_again: re.Pattern[str]  # `和重要指示精神`: a second instruction of the leaders just cited
    topic_cut: re.Pattern[str]  # words a package's topic cannot run back over (传达学习, 的)
    topics: tuple[str, ...]  # topics a package's title may open with (安全生产), longest first
    leaders: re.Pattern[str]  # the leaders' names (and earlier `name+title、`) ending before a source word
    name_cut: re.Pattern[str]
    fields: tuple[str, ...]  # what ends the topic of an instruction on a field of work (`对防汛工作作出`), not an event
    relative: frozenset[str]  # `我省`, `全市` (region_relative.tsv): the article's own region, no issuer's name


@lru_cache(maxsize=1)
def _package_first(units: tuple[str, ...]) -> re.Pattern[str]:
    """Where a numbered package can open: a quote or a numeral, then the numerals and the unit (`“十五条`, `8项`);
    one class first, so the scan jumps to it in C."""
    return re.compile("[“\"" + NUMERAL[1:-1] + "](?:(?<=[“\"])" + NUMERAL + "{1,4}|(?<=" + NUMERAL + ")" + NUMERAL
                      + "{0,3})(?:" + alternation(units) + ")")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    nd = lexicon_rows("not_directives.tsv")
    kinds = sorted(((r[0], r[1]) for r in lexicon_rows("directive_kinds.tsv")), key=lambda x: -len(x[0]))
    iss = lexicon_rows("directive_issuers.tsv")
    heads = tuple(sorted((r[0] for r in iss if r[1] == "head"), key=len, reverse=True))
    verbs = tuple(sorted((r[0] for r in iss if r[1] == "verb"), key=len, reverse=True))
    cuts = [r[0] for r in iss if r[1] == "cut"]
    cut_re = re.compile(r"[，。；：！？,.;:!?()（）《》\s]|" + alternation(cuts))
    pk = lexicon_rows("directive_packages.tsv")
    topic_cuts = sorted({r[0] for r in pk if len(r) > 1 and r[1] == "cut"} | set(cuts), key=len, reverse=True)
    units = [r[0] for r in pk if len(r) > 1 and r[1] == "unit"]
    package = re.compile(
        r"[“\"]?(?P<num>" + NUMERAL + r"{1,4})(?P<unit>" + alternation(units) + r")[”\"]?(?:" + alternation(r[0] for r in pk if r[1:] == ("modifier",))
        + ")?(?:" + alternation(r[0] for r in pk if r[1:2] == ("noun",)) + r")[”\"]?"
    )
    topic_cut = re.compile(alternation(topic_cuts))
    ins = lexicon_rows("instruction_sources.tsv")
    src = alternation(r[0] for r in ins if r[1] == "source")
    name_cuts = sorted((r[0] for r in ins if r[1] == "cut"), key=len, reverse=True)
    instruction = re.compile(
        rf"(?P<src>{src})"
        r"(?:(?P<rel>关于|对)(?P<topic>[^，。；！？,;:：《》\s]{1,30}?)的?)?"
        r"(?P<what>" + alternation(r[0] for r in ins if r[1] == "noun") + ")"
    )
    again = re.compile("[和及、](?P<what>" + alternation(r[0] for r in ins if r[1:] == ("noun", "again")) + ")")
    leaders = re.compile(rf"(?:[{HAN}]{{0,4}}?(?:{src})[、和])*[{HAN}]{{0,4}}$")
    name_cut = re.compile(rf"[^{HAN}、]|" + alternation(name_cuts))
    return _Lex(
        not_titles=frozenset(r[0] for r in nd if r[1] == "title"),
        not_suffixes=tuple(r[0] for r in nd if r[1] == "suffix"),
        not_cues=tuple(r[0] for r in nd if r[1] == "cue"),
        short_cues=tuple(r[0] for r in nd if r[1] == "short"),
        not_after=tuple(r[0] for r in nd if r[1] == "after"),
        kinds=tuple(kinds), heads=heads, verbs=verbs, cuts=cut_re, package=package, topic_cut=topic_cut,
        units=tuple(units), topic_units=frozenset(r[0] for r in pk if r[1:] == ("unit", "topic")),
        topic_nouns=tuple(r[0] for r in pk if r[1:] == ("noun", "topic")),
        topics=tuple(sorted((r[0] for r in pk if len(r) == 1 or r[1] == "topic"), key=len, reverse=True)),
        instruction=instruction, instruction_again=again, leaders=leaders, name_cut=name_cut,
        fields=tuple(r[0] for r in ins if r[1] == "field"),
        relative=frozenset(r[0] for r in lexicon_rows("region_relative.tsv")),
    )


_RUN_AFTER = re.compile(r"(?:[、，,和及与]?《[^《》\n]{1,80}》)*等?(.{0,5})")  # what follows a run of titles
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_INNER_TITLE = re.compile(r"[〈<]([^〈〉<>]{2,80})[〉>]")


def _kind(title: str, lex: _Lex) -> str:
    for suffix, kind in lex.kinds:
        if title.endswith(suffix):
            return kind
    return "document"


def _issuer(before: str, lex: _Lex) -> str | None:
    """Who issued the document whose 《 follows `before` (the text just before it)."""
    s = before[-(_MAX_ISSUER + 10):]
    changed = True
    while changed:  # strip publishing verbs between issuer and 《
        changed = False
        for v in lex.verbs:
            if s.endswith(v):
                s = s[: -len(v)]
                changed = True
                break
    cut = 0
    for m in lex.cuts.finditer(s):
        cut = m.end()
    s = s[cut:].lstrip("了的、和及与").rstrip("、和及与")
    if len(s) < 2 or len(s) > _MAX_ISSUER or not s.endswith(lex.heads):
        return None
    return s


# a web address (a host name and its top-level domain, `www.`): no document's title holds one; a spam page writes
# its advertisement over the place of a title (`《某某在线_某某.com某某市妇女发展规划》`)
_WEB_ADDRESS = re.compile(r"(?i)www\.|[a-z0-9-]\.(?:com|net|org|cc|vip|top|xyz|info|me|tv)(?![a-z])")


def find_directives(text: str) -> list[DirectiveHit]:
    """《》 documents, compilations and reports with their issuer, and numbered packages."""
    lex = _lex()
    hits: list[DirectiveHit] = []
    shorts: set[str] = set()  # short names given in the text (`(以下简称《规定》)`), never documents
    for m in _TITLE.finditer(text):
        title = clean_title(m.group(1))
        if not title or title in lex.not_titles or title.endswith(lex.not_suffixes) or title in shorts:
            continue
        if _WEB_ADDRESS.search(m.group(1)):
            continue  # `《某某娱乐_www.example.com市某某规划》`: a spam page's substitution destroyed the title
        before = text[max(0, m.start() - 40):m.start()]
        if before.endswith(lex.short_cues):
            shorts.add(title)
            continue
        # `观看《…》`, `观看了《…》`: the cue's aspect mark changes nothing; a film's noun names a film before
        # its title as after it (`警示教育片《…》`, `《…》等影片`)
        if before.removesuffix("了").endswith(lex.not_cues + lex.not_after) or \
                _RUN_AFTER.match(text, m.end()).group(1).startswith(lex.not_after):
            continue
        hits.append(DirectiveHit(m.start(), m.end(), title, _issuer(before, lex), _kind(title, lex)))
        # `《关于印发〈某某办法〉的通知》`: a title inside a title, in the inner brackets, names a document of its own
        for inner in _INNER_TITLE.finditer(text, m.start(1), m.end(1)):
            if inner_title := clean_title(inner.group(1)):
                hits.append(DirectiveHit(inner.start(), inner.end(), inner_title, None, _kind(inner_title, lex)))
    # a short title that ends a longer one of the article is its short name, cue or not
    # (`《某某责任制规定》…抓好《规定》各项要求`)
    hits = [h for h in hits if len(h.title) > _SHORT_NAME_MAX
            or not any(o.title != h.title and o.title.endswith(h.title) for o in hits)]
    # (tried only where a number and its unit open one: the pattern's optional quote gives `re` no first class)
    for m in finditer_from(lex.package, _package_first(lex.units), text) if any(u in text for u in lex.units) \
            else ():  # a package is numbered
        if any(h.start <= m.start() < h.end for h in hits):
            continue  # inside a 《》 title
        # a number quoted with its noun (`以“八项硬措施”为抓手`) is a package's name, with or without its topic
        named = m.group()[0] in "“\"" and m.group()[-1] in "”\""
        # `落实三项措施`, `提出了五条意见`: a count; `安全生产八项措施`, `安全生产十条意见`: a package
        if (m.group("unit") in lex.topic_units or m.group().rstrip("”\"").endswith(lex.topic_nouns)) and not named \
                and not text[:m.start("num")].rstrip("“\"").endswith(lex.topics):
            continue
        # the topic runs back from the number to the last verb or function word (`传达学习防范…二十条措施`)
        start = m.start()
        while start > 0 and m.start() - start < _MAX_TOPIC and is_han(text[start - 1]):
            start -= 1
        for c in lex.topic_cut.finditer(text, start, m.start("num")):
            start = c.end()
        # a known topic opens the title: `要推动安全生产十五条硬措施` → 安全生产十五条硬措施
        at = [i for t in lex.topics if (i := text.find(t, start, m.start("num"))) >= 0]
        if at:
            start = min(at)
        # `国务院安委会安全生产十五条措施`: an issuer written before the topic is not part of its title
        topic = text[start:m.start("num")]
        head = max((topic.rfind(h) + len(h) for h in lex.heads if len(h) > 1 and h in topic), default=0)
        # and so is one written right before the number (`国务院安委会十五条硬措施` → 十五条硬措施)
        if head:
            start += head
        issuer = _issuer(text[max(0, start - 40):start], lex)
        # a place, or a word for the article's own (`我省`), right before the number issued the package; it is no part
        # of its title (`某某省50条具体措施` → 50条具体措施, issued by 某某省)
        # (`某省65条具体措施`, `广东65条具体措施`: a place's short form too)
        if len(topic := text[start:m.start("num")]) >= 2 and (topic[-1] in LEVEL_CHARS or _a_place(topic)):
            issuer = None if topic in lex.relative else topic
            start = m.start("num")
        title = clean_title(text[start:m.end()])
        hits.append(DirectiveHit(start, m.end(), title, issuer, "measure_package"))
    # a package named once with its topic and again without (`安全生产十五条硬措施` … `落实十五条硬措施`): the bare
    # name is its short name, as a short title ending a longer one is
    packages = {h.title for h in hits if h.kind == "measure_package"}
    hits = [h for h in hits if h.kind != "measure_package"
            or not any(t != h.title and t.endswith(h.title) for t in packages)]
    hits.sort(key=lambda h: h.start)
    return hits


def _a_place(words: str) -> bool:
    """Whether `words` are one place's name and nothing more (`广东`, `某省某市`)."""
    places = find_regions(words)
    return bool(places) and places[0].start == 0 and places[-1].end == len(words)


_GIVEN = ("作出", "做出")  # the verb between an instruction's topic and its noun (`对某事作出重要指示`)


def _topic_core(topic: str) -> str:
    """An instruction's topic without the verb of giving it: `防汛工作作出` → `防汛工作`."""
    return next((topic[:-len(v)] for v in _GIVEN if topic.endswith(v)), topic)


def find_instructions(text: str) -> list[DirectiveHit]:
    """Leaders' instructions cited for study: `习近平总书记关于安全生产的重要论述` → kind instruction.

    The title drops the `的` before the noun (`...关于安全生产重要论述`), as the genre writes it both ways.
    """
    lex = _lex()
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    hits = []
    for m in lex.instruction.finditer(text):
        start = m.start()
        if any(a < start < b for a, b in titles):
            continue  # part of a document's title (《...重要论述摘编》)
        before = text[max(0, start - 40):start]
        cut = 0
        for c in lex.name_cut.finditer(before):
            cut = c.end()
        lead = lex.leaders.search(before, cut)
        names = lead.group() if lead else ""
        if names[:1] in "、和":
            names = names[1:]
        start -= len(names)
        title = names + m.group("src")
        if m.group("rel"):
            title += m.group("rel") + m.group("topic")
        title += m.group("what")
        # `对某地某矿火灾作出的重要指示` is on an event; `对防汛救灾工作作出重要指示` on a field, which it names
        on_event = m.group("rel") == "对" and not _topic_core(m.group("topic")).endswith(lex.fields)
        hits.append(DirectiveHit(start, m.end(), clean_title(title), None, "instruction", on_event))
        # `…的重要论述和重要指示精神`: a second instruction of the same leaders, written without them
        more = lex.instruction_again.match(text, m.end())
        if more:
            hits.append(DirectiveHit(more.start("what"), more.end(), clean_title(names + m.group("src")
                                                                                     + more.group("what")),
                                     None, "instruction"))
    return hits


