"""Characters and clause boundaries of written Chinese.

A clause ends at a comma, full stop, semicolon, colon, question or exclamation mark (full- or
half-width) or a line break: in `县长甲主持召开会议，部署工作。` the clause of 召开 starts after the
comma before it (here: at the text start) and ends at the comma after 会议.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

HAN = "\u4e00-\u9fff\U00020000-\U0003134f"
"""The CJK unified ideographs as a regex class body: `[` + HAN + `]`. With the supplementary planes'
ideographs (extensions B to H): personal names hold rare characters written there (`王𬱖`, `李𬌗`), and a
traditional page folded to simplified gets some of them (頔 → 𬱖)."""
HAN_WIDE = "\u3400-\u9fff"
"""HAN with extension A: rare characters that still tell a text is Chinese (ingest checks)."""
HAN_RE = re.compile("[" + HAN + "]")
HAN_RUN = re.compile("[" + HAN + "]+")

CLAUSE_MARKS = "，,。；;！？!?\n：:"
"""The characters that end a clause."""
CLAUSE_END = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")
IN_CLAUSE = "[^" + re.escape(CLAUSE_MARKS.strip("：:")) + "]"
"""A character inside a clause, where a colon does not end it: what a pattern lets stand between two words of
one clause (`召开` IN_CLAUSE`{0,40}?会议`, `关于` IN_CLAUSE`{0,24}?部署`)."""
SENTENCE_MARKS = "。！？!?；;\n"
"""The characters that end a sentence (a subset of CLAUSE_MARKS)."""
FULL_STOP_MARKS = "。！？!?\n"
"""Full stops only: the scope of a stated year. A semicolon continues the sentence, so in
`2019年3月1日召开全县会议；3月5日召开全镇会议` the year still holds for 3月5日."""


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


def all_han(s: str) -> bool:
    """Every character of `s` is Han (true of ""): `all(is_han(c) for c in s)`, tested in C."""
    return _ALL_HAN.fullmatch(s) is not None


def han_run_start(text: str, end: int, lo: int = 0) -> int:
    """Where the run of Han characters ending at `end` starts (no earlier than `lo`)."""
    return _HAN_TAIL.search(text, lo, end).start()  # type: ignore[union-attr]  # empty at `end` at worst


_ALL_HAN = re.compile("[" + HAN + "]*")
_HAN_TAIL = re.compile("[" + HAN + "]*+\\Z")


def is_han_wide(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def han_count(s: str) -> int:
    return sum(1 for c in s if is_han(c))


# a list mark a scraped page left a stray comma before (`张三，、李四`, `全国,、全省`): still one list mark
STRAY_LIST_MARKS = ("，、", ",、")

# what a scraped page leaves where it lost a character: a question mark or U+FFFD
GARBLED = "?？\ufffd"
# `??h委`: a lost double-byte character whose second byte survives as an ASCII character after the debris
_LOST_PAIR = re.compile("[" + re.escape(GARBLED) + "][\x40-\x7e]\\Z")


def garbled_before(text: str, pos: int) -> bool:
    """Whether the character before `pos` is debris of a lost character (`?`, `�`, or the ASCII second byte
    that follows one, `??h委常委`): a word starting at `pos` may have lost its first character there."""
    if pos <= 0:
        return False
    return text[pos - 1] in GARBLED or bool(_LOST_PAIR.search(text, max(0, pos - 2), pos))


# quotation marks of scraped pages: the curly, straight, corner and full-width ones, the double primes and the
# vertical `〝…〞` some sites set, and a closing mark typed as an opening one (`“5·1“`), so a quoted code or word
# opens with any of OPEN_QUOTES and closes with any of CLOSE_QUOTES
OPEN_QUOTES = "“\"‘「『〝＂″〞"
CLOSE_QUOTES = "”\"’」』〞＂″“"
QUOTES = "".join(dict.fromkeys(OPEN_QUOTES + CLOSE_QUOTES + "'"))

# the marks that part month and day in an incident's code (`“6·21”`, `9.15`, a page's `10˙20`)
CODE_DOTS = "·•・．.‧∙⋅･﹒˙"
# those of them that are no full stop (`3•21`, `10˙20`, `3∙21`, `3‧21`), written `·` in a name, so a code names one
# incident however a page sets its dot: names compare without their punctuation but `·` (resolution) or without
# `·•・` only (gold), which would keep or drop the others each its own way; a full stop (`3.21`) is written as it is
CODE_DOT_SPELLING = str.maketrans({c: "·" for c in CODE_DOTS if c not in ".．﹒"})
# such a dot between the digits of a code inside a title (`《关于某市“9˙28”火灾事故的通报》`)
CODE_DOT_IN_TITLE = re.compile("(?<=\\d)[" + re.escape(CODE_DOTS.translate({ord(c): None for c in ".．﹒"})) + "](?=\\d)")

# the middle dots that join the parts of a transliterated name (Uyghur, Kazakh, Tibetan, Mongolian: `阿某·某某某`) as
# pages set them: `·`, the bullet `•`, the hyphenation point `‧`, the katakana `・`, the operators `∙` `⋅` and the
# half-width `･`; every reader of names takes them as one (`[` NAME_DOTS `]`), and a name is written with `·`
NAME_DOTS = "·•‧・∙⋅･"
NAME_DOT = "·"
NAME_DOT_SPELLING = str.maketrans({c: NAME_DOT for c in NAME_DOTS})


def clause_start(text: str, pos: int, lo: int = 0) -> int:
    """The start of the clause holding `pos` (no earlier than `lo`): just after the last clause mark
    before `pos`."""
    if pos <= lo:
        return pos
    marks = _clause_marks(text)  # the rules ask this of one article thousands of times: bisect its marks
    i = bisect.bisect_left(marks, pos)
    return max(lo, marks[i - 1] + 1) if i else lo


@lru_cache(maxsize=8)
def _clause_marks(text: str) -> list[int]:
    """Where the clause marks of `text` stand, ascending."""
    return [m.start() for m in CLAUSE_END.finditer(text)]


def clause_marks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where the clause marks of `text[start:end]` stand, ascending: the starts of
    `CLAUSE_END.finditer(text, start, end)`, read from the article's marks found once."""
    marks = _clause_marks(text)
    lo = bisect.bisect_left(marks, start) if start > 0 else 0
    hi = len(marks) if end is None or end >= len(text) else bisect.bisect_left(marks, end)
    return marks[lo:hi]


# full-width digits and Latin letters as some pages set them (`１２月３日`, `ＬＮＧ`): read as their ASCII forms, one
# character for one, so every reader of dates, numbers and codes sees one spelling; the full-width punctuation of the
# same block (`，` `：` `（`) stays, as the readers take both widths of it
WIDE_ALNUM = str.maketrans({chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B))
                            for c in range(*r)})
