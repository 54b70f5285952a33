"""Sectors (行业领域) named in the text, mapped to the canonical names of lexicon/sectors.tsv.

One compiled alternation, longest surface first, so `森林防火` is 自然灾害 and not
消防; a compound listed under two sectors (`道路水上交通`) names both. A match that cuts a common word (`深化工贸` holds 工贸, not 化工) is
retried one character on; one that opens a body's name (`交通运输厅`,
`开发区管委会`) is the body, not a sector. A match touching a garbled character (`?`, U+FFFD) names nothing: the
text there was destroyed and the surviving characters may be a fragment.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_loader.extract.lexicon_files import alternation
from graph_loader.extract.lexicon_files import rows as lexicon_rows
from graph_loader.extract.regex_scan import WordIndex, runs_holding
from graph_loader.extract.regions import common_words
from graph_loader.lang.chars import GARBLED, HAN, garbled_before, is_han

LEXICON = Path(__file__).parent / "lexicon" / "sectors.tsv"
BODY_HEADS = Path(__file__).parent / "lexicon" / "sector_body_heads.tsv"
BARE = Path(__file__).parent / "lexicon" / "sector_bare.tsv"
LISTS = "sector_lists.tsv"
_ALONE_AFTER = "、和及与"
# a conjunction before a sector word joins no word with it (`煤矿或非煤矿山`: jieba's 或非 is a logic gate, not a cut)
_CONJUNCTIONS = _ALONE_AFTER + "或"


@dataclass
class SectorHit:
    start: int
    end: int
    surface: str
    sector: str


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    body_head: re.Pattern[str]  # what turns a sector word into part of a body's name
    canonical: dict[str, str]  # surface -> canonical sector
    also: dict[str, tuple[str, ...]]  # a surface listed under more sectors (道路水上交通) -> the others
    parents: dict[str, str]  # canonical -> parent canonical
    bare: frozenset[str]  # surfaces that name a sector only standing alone (lexicon/sector_bare.tsv)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    canonical: dict[str, str] = {}
    also: dict[str, tuple[str, ...]] = {}
    parents: dict[str, str] = {}
    with open(LEXICON, encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or not cols[0]:
                continue
            name, parent, surfaces = cols[0], cols[1], cols[2:]
            if parent:
                parents[name] = parent
            for s in [name, *surfaces]:
                if s and canonical.setdefault(s, name) != name:
                    also[s] = (*also.get(s, ()), name)  # a compound naming two sectors
    pattern = alternation(canonical)
    with open(BODY_HEADS, encoding="utf-8") as f:
        heads = [w.strip() for w in f if w.strip() and not w.startswith("#")]
    body_head = re.compile(alternation(heads))
    with open(BARE, encoding="utf-8") as f:
        bare = frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))
    return _Lexicon(re.compile(pattern), body_head, canonical, also, parents, bare)


# a space a scraped page left between two characters (a line wrapped inside a word: `危险化 学品`); the space opens
# the pattern (a lookbehind first is tried at every character, a class first is jumped to in C)
_WRAP_SPACE = re.compile(rf"[ \u3000](?<=[{HAN}][ \u3000])(?=[{HAN}])")


def find_sectors(text: str) -> list[SectorHit]:
    """Every sector mention, leftmost-longest, skipping garbled spans; a space between two characters (a page's
    line wrapped inside a word, `危险化 学品`) does not cut a sector word, and the hit spans the text as written."""
    # each cut space, where it stood in the joined text: a joined index moves on by the cuts at or before it
    cuts = [m.start() - k for k, m in enumerate(_WRAP_SPACE.finditer(text))]
    if not cuts:
        return _find_sectors(text)
    hits = _find_sectors(_WRAP_SPACE.sub("", text))

    def at(j: int) -> int:
        return j + bisect_right(cuts, j)

    return [SectorHit(at(h.start), at(h.end - 1) + 1, h.surface, h.sector) for h in hits]


def _find_sectors(text: str) -> list[SectorHit]:
    lex = _lexicon()
    words = common_words()
    hits = []
    pos = 0
    claimed = -1  # a char vetoed into the word before it cannot veto the next match in turn
    search = _words_index().search
    while (m := search(text, pos)) is not None:
        s, e, word = m
        # the char before cannot take this one into a word when a word already holds it (`发生水上交通`: 生 is
        # 发生's, so 生水 takes nothing)
        left_ok = (s == claimed or s == 0 or text[s - 1:s + 1] not in words or text[s - 1] in _CONJUNCTIONS
                   or (s >= 2 and text[s - 2:s] in words))
        # `深化工贸`: 化工 cuts 深化 and 工贸 starts inside it, so 化 belongs to 深化; `重大火灾` has no
        # other reading: the word 大火 does not veto 火灾
        if not left_ok and (alt := search(text, s + 1)) is not None and alt[0] < e:
            claimed = s + 1
            pos = s + 1
            continue
        if e - s <= 2 and e < len(text) and text[e - 1:e + 1] in words:
            pos = s + 1  # `化工作`: a two-character match that cuts the next word is none
            continue
        pos = e
        if lex.body_head.match(text, e):  # 交通运输局 is a department, not the sector
            continue
        if garbled_before(text, s) or (e < len(text) and text[e] in GARBLED):
            continue
        if word in lex.bare and s > 0 and is_han(text[s - 1]) and text[s - 1] not in _ALONE_AFTER:
            continue  # `某某经济开发区`: the end of a place's name
        if s >= 2 and text[s - 2] == "第" and text[s - 1] in _ORDINALS:
            continue  # `某县第二幼儿园`, `第一中学`: an institution numbered by its place, no sector
        if word in lex.bare and _beside_units(text, s):
            continue  # `各乡镇、开发区设分会场`, `各镇街(开发区)要…`: a unit listed with the townships, no sector
        hits.append(SectorHit(s, e, word, lex.canonical[word]))
        hits += [SectorHit(s, e, word, other) for other in lex.also.get(word, ())]
    while more := _list_items(text, hits):  # an item beside an item (`公路、水路、铁路`) is one too
        hits += more
    hits.sort(key=lambda h: h.start)
    if not hits:
        return hits
    lists = _body_lists(text)  # once per text, not once per hit
    return [h for h in hits if not any(a <= h.start and h.end <= b for a, b in lists) and not _named_site(text, h)]


_ORDINALS = "一二三四五六七八九十0123456789"
_ITEM_OPEN = "、，,；;。：:了和及与"  # what opens an item of a list of sites (`检查了甲公司、乙煤矿`)
_SITE_NAME_MIN = 3  # characters of a site's own name before its sector word (`某某沟煤矿`; `各类商场` is none)
_SITE_ITEM_MAX = 20


def _named_site(text: str, h: SectorHit) -> bool:
    """A sector word ending one item of a list of named sites (`检查了甲某某公司、乙某某沟煤矿、丙某某商场等单位`,
    sector_lists.tsv site_end): the item is one mine or shop by its own name, not a sector."""
    if h.end >= len(text) or text[h.end] not in "、等":
        return False
    k = h.start
    while k > 0 and text[k - 1] not in _ITEM_OPEN and h.start - k < _SITE_ITEM_MAX:
        k -= 1
    if h.start - k < _SITE_NAME_MIN or not all(is_han(c) for c in text[k:h.start]):
        return False
    end = _site_list_end().match(text, h.end)
    # `…等企业单位`: a trade word after 等 makes the list one of sectors' enterprises, as for lists of bodies
    return end is not None and not _trade_words().search(end.group(), end.group().rfind("等"))


@lru_cache(maxsize=1)
def _site_list_end() -> re.Pattern[str]:
    """The rest of a list of sites after one item: more items, then `等`, a few characters and a site_end word."""
    ends = alternation(r[0] for r in lexicon_rows(LISTS) if r[1] == "site_end")
    return re.compile(rf"[^，,。；;！？!?]{{0,150}}?等[{HAN}]{{0,6}}?(?:{ends})")


_UNIT_MARKS = "、(（"
_PAREN_TAIL = re.compile(r"[(（][^()（）]{1,6}[)）]$")


def _beside_units(text: str, s: int) -> bool:
    """A bare word listed right after the report's collective word for the divisions below it (region_below.tsv
    `乡镇`, `镇街`, `县区`; its own parenthesis aside: `乡镇(街道)、`), past a list mark or an opening parenthesis."""
    if s == 0 or text[s - 1] not in _UNIT_MARKS:
        return False
    before = _PAREN_TAIL.sub("", text[max(0, s - 17):s - 1])
    # the units' own bodies after the collective word (`各乡镇政府、开发区`, `各乡镇党委政府、开发区`) list units too
    for _ in range(2):
        before = before.removesuffix(next((b for b in _unit_bodies() if before.endswith(b)), ""))
    return before.endswith(_unit_words())


@lru_cache(maxsize=1)
def _unit_words() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon_rows("region_below.tsv"))


@lru_cache(maxsize=1)
def _unit_bodies() -> tuple[str, ...]:
    """A unit's government and party committee as written after a level (bodies.tsv: 政府, 人民政府, 党委), longest first."""
    kinds = ("government", "party_committee")
    return tuple(sorted((r[0] for r in lexicon_rows("bodies.tsv") if len(r) > 2 and r[2] in kinds and len(r[0]) > 1),
                        key=len, reverse=True))


@lru_cache(maxsize=1)
def _words_index() -> WordIndex:
    """The words of the sector pattern, found as the pattern finds them (longest at the leftmost place)."""
    return WordIndex(_lexicon().canonical)


_ITEM_END = "、等和及与,，。;；"


@lru_cache(maxsize=1)
def _list_words() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The list-only words of sector_lists.tsv (word → sector), their pattern, and the pattern of a list of
    bodies (`县交通、消防、交警等成员单位`)."""
    rows = lexicon_rows(LISTS)
    items = {r[0]: r[2] for r in rows if r[1] == "item"}
    ends = alternation(r[0] for r in rows if r[1] == "body_end")
    body = rf"(?:[{HAN}]{{1,8}}、)+[{HAN}]{{1,8}}等[{HAN}]{{0,8}}?(?:{ends})"
    return items, re.compile(alternation(items)), re.compile(body)


def _list_items(text: str, hits: list[SectorHit]) -> list[SectorHit]:
    """Short words that name a sector as an item of a list next to a sector (`消防、建筑、燃气`, `聚焦交通、
    建筑施工`, `煤炭和非煤矿山`): the word ends its item, and the item after it (past a list mark or a
    conjunction) begins with a sector or the item before it ends with one."""
    items, pattern, _ = _list_words()
    starts, ends = {h.start for h in hits}, {h.end for h in hits}
    taken = [(h.start, h.end) for h in hits]
    out = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken) or e >= len(text) or text[e] not in _ITEM_END:
            continue
        after = text[e] in _ALONE_AFTER and e + 1 in starts
        before = s > 0 and text[s - 1] in _ALONE_AFTER and s - 1 in ends
        if after or before:
            out.append(SectorHit(s, e, m.group(), items[m.group()]))
    return out


def _body_lists(text: str) -> list[tuple[int, int]]:
    """Spans of lists of bodies (`县交通、消防、交警等成员单位负责人`): their items name departments, not sectors;
    a trade word after `等` (`煤矿、危化品等企业负责人`) keeps them sectors."""
    trade = _trade_words()
    body = _list_words()[2]
    # every list of bodies lies inside one run of characters, list marks (and what its end words hold) holding
    # both 等 and 、
    return [m.span() for start, end in runs_holding(_body_list_chars(), "等、", text)
            for m in body.finditer(text, start, end) if not trade.search(m.group(), m.group().rfind("等"))]


@lru_cache(maxsize=1)
def _body_list_chars() -> str:
    """The class body of what a list of bodies is written with: characters, `、` and those of its end words."""
    extra = {c for r in lexicon_rows(LISTS) if r[1] == "body_end" for c in r[0] if not is_han(c)}
    return HAN + "、" + re.escape("".join(sorted(extra)))


@lru_cache(maxsize=1)
def _trade_words() -> re.Pattern[str]:
    return re.compile(alternation(r[0] for r in lexicon_rows(LISTS) if r[1] == "trade"))


def sector_parent(sector: str) -> str | None:
    """The broader sector of a canonical one (煤矿 → 矿山), for graph hierarchies."""
    return _lexicon().parents.get(sector)


def sector_names() -> list[str]:
    """All canonical sector names, in lexicon order."""
    return list(dict.fromkeys(_lexicon().canonical.values()))
