"""Numbers as the genre writes them: Arabic digits or Chinese numerals (`27`, `二十七`, `二〇二四`).

A count or ordinal (`第三巡查组`, `十五条措施`) is a run of NUMERAL characters; `number()` reads one,
positional (`二〇二四` = 2024) or with 十 (`二十七` = 27, `十` = 10).
"""

from __future__ import annotations

DIGIT_VALUE: dict[str, int] = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                               "六": 6, "七": 7, "八": 8, "九": 9}
ONE_TO_TEN = "一二三四五六七八九十"
"""The Chinese numerals 1..10 in order (`ONE_TO_TEN[n - 1]` writes n)."""
NUMERAL = r"[\d零一二两三四五六七八九十百]"
"""One character of a count or ordinal as a regex class (`第` + NUMERAL + `+组`)."""


def number(s: str | None) -> int | None:
    """`27`, `二十七`, `十`, `二〇二四` → int; None for no text or a character that is not a digit."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        return (DIGIT_VALUE.get(head, 1) if head else 1) * 10 + (DIGIT_VALUE.get(tail, 0) if tail else 0)
    n = 0
    for ch in s:
        if ch not in DIGIT_VALUE:
            return None
        n = n * 10 + DIGIT_VALUE[ch]
    return n
