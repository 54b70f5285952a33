"""Numbers as the genre writes them: Arabic digits or Chinese numerals (`27`, `二十七`, `二〇二四`), one
value each.

- A count or ordinal (`第三巡查组`, `十五条措施`) is a run of NUMERAL characters; `number()` reads one,
  positional (`二〇二四` = 2024) or with units (`二十七` = 27, `十` = 10, `一百零八` = 108).
- Wherever two spellings of a number must meet — title keys and search: a numbered package is written
  `十五条硬措施`, `15条硬措施` or `安全生产十五条措施` — `arabic(text)` turns every Chinese number into
  Arabic digits (`十五条` → `15条`) and `spellings(text)` gives both forms of a search text.
- Date lines: a page dated `二〇一六年七月二十日` is read as `2016年7月20日` (`arabic_dates`).
Only runs of numeral characters change; everything else is kept as written.
"""

from __future__ import annotations

import re

DIGIT_VALUE: dict[str, int] = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                               "六": 6, "七": 7, "八": 8, "九": 9}
UNIT_VALUE: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
ONE_TO_TEN = "一二三四五六七八九十"
"""The Chinese numerals 1..10 in order (`ONE_TO_TEN[n - 1]` writes n)."""
NUMERAL = r"[\d零一二两三四五六七八九十百]"
"""One character of a count or ordinal as a regex class (`第` + NUMERAL + `+组`)."""

_CJK_NUM = "〇零○一二两三四五六七八九十百千"
# a number with a unit (`十五`, `二十`, `一百零八`), a run of two digits or more (`二〇一六`) or an
# ordinal (`第二次`); another lone digit stays (`一岗双责`, `三年行动` keep their words, `十条` does not)
_NUMBER = re.compile(f"[{_CJK_NUM}]*[十百千][{_CJK_NUM}]*|[〇零○一二三四五六七八九]{{2,}}|(?<=第)[一二三四五六七八九]")
_DATE = re.compile(r"(?P<y>[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
                   r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")


def value(word: str) -> int | None:
    """The value of a Chinese numeral (`十五` 15, `二十` 20, `一百零八` 108, `二〇一六` 2016); None if it
    is not one."""
    if not word or any(c not in DIGIT_VALUE and c not in UNIT_VALUE for c in word):
        return None
    if not any(c in UNIT_VALUE for c in word):  # digit by digit: 二〇一六
        return int("".join(str(DIGIT_VALUE[c]) for c in word))
    total, current = 0, 0
    for c in word:
        if c in DIGIT_VALUE:
            current = DIGIT_VALUE[c]
        else:
            total += (current or 1) * UNIT_VALUE[c]  # `十五`: a unit without a digit before it counts one
            current = 0
    return total + current


def number(s: str | None) -> int | None:
    """`27`, `二十七`, `十`, `二〇二四` → int; None for no text or a character that is not a numeral."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return value(s)


def arabic(text: str) -> str:
    """The text with each Chinese number in Arabic digits: `安全生产十五条措施` → `安全生产15条措施`."""
    def sub(m: re.Match[str]) -> str:
        v = value(m.group())
        return str(v) if v is not None else m.group()
    return _NUMBER.sub(sub, text)


def chinese(n: int) -> str:
    """A number below 10000 in Chinese with units: 15 → 十五, 20 → 二十, 108 → 一百零八."""
    if n == 0:
        return "零"
    names = "零一二三四五六七八九"
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        q, n = divmod(n, unit)
        if q:
            if zero:
                out += "零"
            out += ("" if (unit == 10 and q == 1 and not out) else names[q]) + name
            zero = False
        elif out:
            zero = True
    return out


def spellings(text: str) -> list[str]:
    """The text as written, then with Arabic digits, then with Chinese numerals, without repeats: a
    search for `15条硬措施` also finds `十五条硬措施`."""
    to_cjk = re.sub(r"(?<!\d)\d{1,3}(?!\d)", lambda m: chinese(int(m.group())) if not m.group().startswith("0")
                    else m.group(), text)
    return list(dict.fromkeys([text, arabic(text), to_cjk]))


def arabic_dates(text: str) -> str:
    """`二〇一六年七月二十日` → `2016年7月20日`; other text unchanged."""
    def sub(m: re.Match[str]) -> str:
        y, mo, d = (value(m.group(k)) for k in ("y", "m", "d"))
        return f"{y}年{mo}月{d}日" if y and mo and d else m.group()
    return _DATE.sub(sub, text)
