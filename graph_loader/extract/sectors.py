"""Sectors (行业领域) named in the text, mapped to the canonical names of lexicon/sectors.tsv.

One compiled alternation, longest surface first, so `森林防火` is 自然灾害 and not
消防. A match that cuts a common word (`深化工贸` holds 工贸, not 化工) is
retried one character on; one that opens a body's name (`交通运输厅`,
`开发区管委会`) is the body, not a sector. A match touching a garbled character (`?`, U+FFFD) names nothing: the
text there was destroyed and the surviving characters may be a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_loader.extract.regions import common_words
from graph_loader.lang.chars import is_han

LEXICON = Path(__file__).parent / "lexicon" / "sectors.tsv"
BODY_HEADS = Path(__file__).parent / "lexicon" / "sector_body_heads.tsv"
BARE = Path(__file__).parent / "lexicon" / "sector_bare.tsv"
_ALONE_AFTER = "、和及与"
GARBLED = "?？\ufffd"


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
    parents: dict[str, str]  # canonical -> parent canonical
    bare: frozenset[str]  # surfaces that name a sector only standing alone (lexicon/sector_bare.tsv)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    canonical: dict[str, str] = {}
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
                if s:
                    canonical.setdefault(s, name)
    alternation = "|".join(re.escape(s) for s in sorted(canonical, key=len, reverse=True))
    with open(BODY_HEADS, encoding="utf-8") as f:
        heads = [w.strip() for w in f if w.strip() and not w.startswith("#")]
    body_head = re.compile("|".join(map(re.escape, sorted(heads, key=len, reverse=True))))
    with open(BARE, encoding="utf-8") as f:
        bare = frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))
    return _Lexicon(re.compile(alternation), body_head, canonical, parents, bare)


def find_sectors(text: str) -> list[SectorHit]:
    """Every sector mention, leftmost-longest, skipping garbled spans."""
    lex = _lexicon()
    words = common_words()
    hits = []
    pos = 0
    claimed = -1  # a char vetoed into the word before it cannot veto the next match in turn
    search = lex.pattern.search
    while (m := search(text, pos)) is not None:
        s, e = m.start(), m.end()
        left_ok = s == claimed or s == 0 or text[s - 1:s + 1] not in words
        # `深化工贸`: 化工 cuts 深化 and 工贸 starts inside it, so 化 belongs to 深化; `重大火灾` has no
        # other reading: the word 大火 does not veto 火灾
        if not left_ok and (alt := search(text, s + 1)) is not None and alt.start() < e:
            claimed = s + 1
            pos = s + 1
            continue
        if e - s <= 2 and e < len(text) and text[e - 1:e + 1] in words:
            pos = s + 1  # `化工作`: a two-character match that cuts the next word is none
            continue
        pos = e
        if lex.body_head.match(text, e):  # 交通运输局 is a department, not the sector
            continue
        if (s > 0 and text[s - 1] in GARBLED) or (e < len(text) and text[e] in GARBLED):
            continue
        if m.group() in lex.bare and s > 0 and is_han(text[s - 1]) and text[s - 1] not in _ALONE_AFTER:
            continue  # `某某经济开发区`: the end of a place's name
        hits.append(SectorHit(s, e, m.group(), lex.canonical[m.group()]))
    return hits


def sector_parent(sector: str) -> str | None:
    """The broader sector of a canonical one (煤矿 → 矿山), for graph hierarchies."""
    return _lexicon().parents.get(sector)


def sector_names() -> list[str]:
    """All canonical sector names, in lexicon order."""
    return list(dict.fromkeys(_lexicon().canonical.values()))
