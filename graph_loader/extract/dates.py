"""Dates of the genre: absolute, month-day, ranges and relative words, as ISO values.

Values are `YYYY-MM-DD`, or `--MM-DD` where no year follows from the text. A
month-day takes its year, in order, from: the other end of its range, an explicit
date of the same sentence, the article's published date (the previous year when
the day would fall after it), the one year all explicit dates of the article
share. `昨天`, a bare day (`15日上午`) and a range of days (`27日至28日`) need the published date; `当日` keeps its surface with value None
(the caller resolves it to the previous date).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from graph_loader.extract.regex_scan import finditer_from


@dataclass
class DateHit:
    start: int
    end: int
    surface: str
    value: str | None
    end_value: str | None = None


_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def _num(s: str | None) -> int | None:
    """`27`, `二十七`, `十`, `二〇二四` → int."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        return (_CN_DIGIT.get(head, 1) if head else 1) * 10 + (_CN_DIGIT.get(tail, 0) if tail else 0)
    n = 0
    for ch in s:
        if ch not in _CN_DIGIT:
            return None
        n = n * 10 + _CN_DIGIT[ch]
    return n


_Y = r"(?:(?P<{p}y>\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*)"
_M = r"(?:(?P<{p}m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月\s*)"
_D = r"(?P<{p}d>\d{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
_PART = r"(?:上午|下午|晚上|晚间|傍晚|凌晨|早上|早晨|中午|夜间|晚)?"
_SEP = r"\s*(?:至|到|—|–|－|-|~|～)\s*"


def _date(p: str) -> str:
    return (_Y + "?" + _M + _D).format(p=p)


_PATTERN = re.compile(
    r"(?<![\d年])(?:"
    + _date("a") + _PART
    + "(?:" + _SEP + "(?:" + _Y.format(p="b") + "?" + _M.format(p="b") + ")?" + _D.format(p="b") + _PART + ")?"
    + r"|(?P<isoy>\d{4})[-/.](?P<isom>\d{1,2})[-/.](?P<isod>\d{1,2})(?!\d)"
    + r"|(?<![月\d])(?P<rd1>\d{1,2})[日号]?" + _SEP + r"(?P<rd2>\d{1,2})[日号]" + _PART
    + r"|(?<![月\d])(?P<dd>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    + r"(?=上午|下午|晚上|晚间|傍晚|凌晨|早上|早晨|中午|[，,])" + _PART
    + r"|(?P<rel>今天|今日|昨天|昨日|前天|前日|明天|明日|当天|当日)" + _PART
    + ")"
)
# Every alternative of _PATTERN starts with one of these: the scan jumps from one to the next
# instead of trying the whole pattern at every character (it was a fifth of extraction time).
_FIRST = re.compile(r"[\d〇○零一二三四五六七八九十今昨前明当]")
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
_SENTENCE_END = re.compile(r"[。！？!?\n]")


@dataclass
class _Raw:
    start: int
    end: int
    y: int | None
    m: int | None
    d: int | None
    ey: int | None = None
    em: int | None = None
    ed: int | None = None
    has_end: bool = False
    rel: str | None = None


def _iso(y: int | None, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if y is None:
        return f"--{m:02d}-{d:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _parse_ref(ref: str | None) -> date | None:
    if not ref:
        return None
    try:
        return date.fromisoformat(ref)
    except ValueError:
        return None


def find_dates(text: str, ref: str | None) -> list[DateHit]:
    """Every date expression of `text`; `ref` is the article's published date `YYYY-MM-DD` or None."""
    refd = _parse_ref(ref)
    raws: list[_Raw] = []
    for mt in finditer_from(_PATTERN, _FIRST, text):
        g = mt.groupdict()
        if g["rd1"]:  # `27日至28日`: a range of days of the published month
            raws.append(_Raw(mt.start(), mt.end(), None, None, _num(g["rd1"]), ed=_num(g["rd2"]), has_end=True,
                             rel="day"))
        elif g["dd"]:
            raws.append(_Raw(mt.start(), mt.end(), None, None, _num(g["dd"]), rel="day"))
        elif g["rel"]:
            raws.append(_Raw(mt.start(), mt.end(), None, None, None, rel=g["rel"]))
        elif g["isoy"]:
            raws.append(_Raw(mt.start(), mt.end(), int(g["isoy"]), int(g["isom"]), int(g["isod"])))
        else:
            r = _Raw(mt.start(), mt.end(), _num(g["ay"]), _num(g["am"]), _num(g["ad"]))
            if g["bd"]:
                r.has_end = True
                r.ey, r.em, r.ed = _num(g["by"]), _num(g["bm"]), _num(g["bd"])
            raws.append(r)
    explicit_years = {r.y for r in raws if r.y is not None} | {r.ey for r in raws if r.ey is not None}
    doc_year = next(iter(explicit_years)) if len(explicit_years) == 1 else None
    hits: list[DateHit] = []
    ends: list[int] | None = None
    for r in raws:
        surface = text[r.start:r.end]
        if r.rel == "day":  # `15日上午`: a day of the published month (or of the month before)
            if refd is not None and r.d is not None:
                y, m = (refd.year, refd.month) if r.d <= refd.day else (
                    (refd.year, refd.month - 1) if refd.month > 1 else (refd.year - 1, 12))
                value = _iso(y, m, r.d)
                end_value = _iso(y, m, r.ed) if r.has_end and r.ed is not None and r.ed >= r.d else None
                if value:
                    hits.append(DateHit(r.start, r.end, surface, value, end_value))
            continue
        if r.rel is not None:
            days = _RELATIVE_DAYS.get(r.rel)
            value = (refd + timedelta(days=days)).isoformat() if refd and days is not None else None
            hits.append(DateHit(r.start, r.end, surface, value, None))
            continue
        assert r.m is not None and r.d is not None
        em = r.em if r.em is not None else r.m
        y, ey = r.y, r.ey
        if r.has_end:  # the year of one end follows from the other
            if y is not None and ey is None:
                ey = y + 1 if (em, r.ed) < (r.m, r.d) else y
            elif ey is not None and y is None:
                y = ey - 1 if (em, r.ed) < (r.m, r.d) else ey
        if y is None:
            if ends is None:
                ends = [m.end() for m in _SENTENCE_END.finditer(text)]
            y = _sentence_year(r, raws, ends) or _ref_year(refd, r.m, r.d) or doc_year
            if y is not None and r.has_end and ey is None:
                ey = y + 1 if (em, r.ed) < (r.m, r.d) else y
        value = _iso(y, r.m, r.d)
        end_value = _iso(ey, em, r.ed) if r.has_end and r.ed is not None else None
        if value is None:
            continue
        hits.append(DateHit(r.start, r.end, surface, value, end_value))
    return hits


def _sentence_year(r: _Raw, raws: list[_Raw], ends: list[int]) -> int | None:
    """The year of an explicit date in the same sentence (`ends`: sorted sentence-end offsets)."""
    k = bisect_right(ends, r.start)
    lo = ends[k - 1] if k else 0
    hi = ends[k] if k < len(ends) else 1 << 60
    for o in raws:
        if o is not r and lo <= o.start < hi and o.y is not None:
            return o.y
    return None


def _ref_year(refd: date | None, m: int, d: int) -> int | None:
    if refd is None:
        return None
    return refd.year - 1 if (m, d) > (refd.month, refd.day) else refd.year

