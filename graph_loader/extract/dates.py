"""Dates of the genre: absolute, month-day, ranges and relative words, as ISO values.

Values are `YYYY-MM-DD`, or `--MM-DD` where no year follows from the text. A
month-day takes its year, in order, from: the other end of its range, an explicit
date or a numbered session (`2022年第二次全体会议`) of the same sentence, the
article's published date (the previous year when the day would fall after it), the
one year all explicit dates and numbered sessions of the article share, else (a report with no
date line and no stated year) the year of the work it plans or carries out (`_WORK_YEAR`). Relative
words (`昨天`, `今(18)日`), a bare day (`15日上午`) and a range of days (`27日至28日`)
count from the article's day: its dateline (`本报济南2月23日讯`) when it has one,
else its published date; with neither they have no value. `当日` keeps its surface
with value None (the caller resolves it to the previous date). The words are
lexicon/date_words.tsv.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from graph_loader.extract.lexicon_files import alternation, rows
from graph_loader.extract.regex_scan import finditer_at, finditer_from, first_chars
from graph_loader.lang.chars import FULL_STOP_MARKS, IN_CLAUSE
from graph_loader.lang.kinds import kind_of_noun
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.numerals import NUMERAL, number


@dataclass
class DateHit:
    start: int
    end: int
    surface: str
    value: str | None
    end_value: str | None = None


def _words(kind: str) -> dict[str, str]:
    return {r[1]: (r[2] if len(r) > 2 else "") for r in rows("date_words.tsv") if r[0] == kind}


_RELATIVE_DAYS = {w: int(v) for w, v in _words("relative").items()}
SAME_DAY = tuple(_words("same_day"))  # the words of `the day before`: pipeline resolves them
_REL_HEADS = {w: int(v) for w, v in _words("rel_head").items()}

_Y = r"(?:(?P<{p}y>\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*)"
_M = r"(?:(?P<{p}m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月\s*)"
_DN = r"(?P<{p}d>\d{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_D = _DN + r"\s*[日号]"
_PART = "(?:" + alternation(_words("part")) + ")?"
_SEP = r"\s*(?:" + alternation(_words("range")) + r")\s*"


def _date(p: str) -> str:
    return (_Y + "?" + _M + _D).format(p=p)


# a date opens after no digit and no 年 (`2019年5月` is read whole from its year; `去年12月` is not this year's), but
# it does after `今年`/`本年` (`今年5月31日至6月10日`: the article's year, as a month-day without one takes)
_PATTERN = re.compile(
    r"(?<!\d)(?<![^今本]年)(?:"
    + _date("a") + _PART
    + "(?:" + _SEP + "(?:" + _Y.format(p="b") + "?" + _M.format(p="b") + ")?" + _D.format(p="b") + _PART + ")?"
    # `12月6至8日`: the first day of a range written without its 日
    + "|" + _Y.format(p="c") + "?" + _M.format(p="c") + _DN.format(p="c") + _SEP + _D.format(p="e") + _PART
    + r"|(?P<isoy>\d{4})[-/.](?P<isom>\d{1,2})[-/.](?P<isod>\d{1,2})(?!\d)"
    + r"|(?<![月\d])(?P<rd1>\d{1,2})[日号]?" + _SEP + r"(?P<rd2>\d{1,2})[日号]" + _PART
    # `3.15全省安全生产工作会`: a meeting named by its month and day, written with a dot
    + r"|(?<![\d.．·第A-Za-z])(?P<nm>1[0-2]|[1-9])[.．](?P<nd>[12]\d|3[01]|0?[1-9])(?=全?[省市县区州国]"
    + IN_CLAUSE + "{0,24}?会)"
    # `615日下午`: a month-day whose 月 the page lost, read only before a part of the day, or opening a clause before
    # a comma (`稳定，1129日，省安委会召开…`: not `持续120日，` after a verb); `3月29下午` one whose 日 it lost, only
    # before a part of the day
    + r"|(?<![\d年月.．/第])(?P<lm>1[0-2]|[1-9])(?P<ld>[0-2]\d|3[01])[日号](?=" + alternation(_words("part")) + ")"
    + _PART
    + r"|(?<![^，,。；;：:\s])(?P<lm2>1[0-2]|[1-9])(?P<ld2>[0-2]\d|3[01])[日号](?=[，,])"
    + r"|(?P<xm>1[0-2]|[1-9])\s*月\s*(?P<xd>[12]\d|3[01]|[1-9])(?=" + alternation(_words("part")) + ")" + _PART
    # `22日上午`, `22日，`, `22日0时许`: a bare day before a part of the day, a comma or an hour; in a news lead
    # it stands between the body and its verb (`省政府22日召开…会议`, `22日在某地举行`: meeting_verbs.tsv held_after)
    # or its act's object (`某办12日就某事故约谈…`: date_words.tsv day_act)
    + r"|(?<![月\d])(?P<dd>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    + r"(?=" + alternation(_words("part")) + r"|[，,]|\d{1,2}\s*[时点]|(?:在" + IN_CLAUSE + r"{1,8}?)?(?:"
    + alternation([*(r[0] for r in rows("meeting_verbs.tsv") if r[1] == "held_after"), *_words("day_act")]) + "))"
    + _PART
    # `今天(9.13)上午`: a relative word with the month and day written out in brackets
    + r"|(?:" + alternation(_RELATIVE_DAYS) + r")\s*[(（]\s*(?P<pm>\d{1,2})\s*[.．/]\s*(?P<pd>\d{1,2})\s*[)）]" + _PART
    # `昨(18)日`: a relative word with the day's number; `今天(26日)`, `昨日（18日）`: the word whole, the day in brackets
    + r"|(?P<relh>" + alternation(_REL_HEADS) + r")[天日]?\s*[(（]\s*(?P<reld>\d{1,2})\s*(?:[)）]\s*[日号]|[日号]\s*[)）])"
    + _PART
    + r"|(?P<rel>" + alternation(set(_RELATIVE_DAYS) | set(SAME_DAY)) + ")" + _PART
    + ")"
)
# Every alternative of _PATTERN starts with one of these: the scan jumps from one to the next
# instead of trying the whole pattern at every character (it was a fifth of extraction time).
# A numeral opens one only when a date word or mark follows within the numerals of a year (`2024年`, `十二月`,
# `二十一日`, `27日至`, `2023-05-06`, `3.15全省…会`): the scan skips the numerals of `一是`, `进一步` and counts.
# One class opens the pattern, so `re` jumps in C to the next place it matches (an alternation of classes is tried at
# every character); the lookarounds after it say which: a relative word's head, or a numeral before a date word.
_REL_FIRST = first_chars([*_RELATIVE_DAYS, *SAME_DAY, *_REL_HEADS]).pattern[1:-1]
_FIRST = re.compile("[0-9〇○零一二三四五六七八九十" + _REL_FIRST + "](?:(?<=[" + _REL_FIRST + "])|(?="
                    "[\\d〇○零一二三四五六七八九十]{0,3}\\s*[年月日号/.．\\-" + re.escape("".join(_words("range"))) + "]))")
_DIGIT = re.compile(r"\d")
_YEAR_DIGIT = re.compile(r"\d(?=\d{3}\s*年)")  # where a year (`2020年`) opens: what _SESSION's forms start with
# `2022年第二次全体会议`: a session numbered within its year
# `2023年县安委会第二次全体会议`: so is one with its body (bodies.tsv) between the year and the count
_SESSION_BODY = ("(?:[" + LEVEL_CHARS + "]?(?:" + alternation(r[0] for r in rows("bodies.tsv")) + "))?")
_SESSION = re.compile(r"(?<!\d)(?P<y>\d{4})\s*年度?\s*" + _SESSION_BODY + "第" + NUMERAL + r"+(?:"
                      + alternation(_words("session")) + ")"
                      # `4月6日，某县召开2020年安全生产工作会议`: a meeting named by its year
                      + r"|(?<=召开|举行)(?P<y2>\d{4})\s*年"
                      # `7月30日…听取2019年上半年安全生产工作情况汇报`: a part of the year just over
                      + r"|(?:" + "|".join(f"(?<={re.escape(w)}{le})" for w in _words("review") for le in ("", "了"))
                      + r")(?P<y3>\d{4})\s*年度?(?:" + alternation(_words("year_part")) + ")")
_SENTENCE_END = re.compile("[" + re.escape(FULL_STOP_MARKS) + "]")  # the scope of a stated year
_PART_END = {w: int(v) for w, v in _words("year_part").items()}
# `3月6日，某市收看2023年第二季度防范重特大事故视频会议`: a meeting named by a part of its year dates the
# month-days of its sentence (`_sentence_year`)
_NAMED_PART = re.compile(r"(?<!\d)(?P<y>\d{4})\s*年度?(?P<part>" + alternation(_PART_END) + ")(?=" + IN_CLAUSE
                         + "{0,30}?(?:" + alternation(kind_of_noun()) + "))")
# the year of the work a report sums up or deploys (`全县2011年安全生产总结暨…会议`, `部署了2010年的安全生产工作`):
# the year of an article whose dates have none, when it is the only one so named and no date states one
# (a part of a year planned ahead alone, `部署2020年一季度工作`, may be planned the year before: no year; after a
# year summed up it marks the turn of the year)
# the work year is also a year handed down with its plan (`下达2016年某某目标责任书`), a year with a plan a few
# words after it (`递交2016年某某各项责任状`), a part of a year carried out now (`开展2016年第二季度某某
# 检查`) and a year in a campaign's name (`某某攻坚2016行动`)
# A year's work is deployed and its responsibility documents signed in that year or in the planning season
# before it (PLAN_AHEAD_MONTH on): a report whose only year is one deployed or signed for (a plan verb, a plan
# noun marked `ahead`) dates a month-day of that season in the year before (`12月5日…签订2017年度目标责任书`:
# 2016-12-05; `3月5日…部署2017年工作`: 2017-03-05)
PLAN_AHEAD_MONTH = 10  # the last quarter: when the genre plans the year after
_YEAR = r"(?:19|20)\d{2}"
_PLAN_VERB_AFTER = tuple(w + le for w in _words("plan_verb") for le in ("", "了"))
_AHEAD_NOUNS = frozenset(w for w, v in _words("plan_noun").items() if v == "ahead")
_WORK_YEAR = re.compile(r"(?:(?<=[全我本][省市县区州盟旗])|"
                        + "|".join(f"(?<={re.escape(w)})" for w in _PLAN_VERB_AFTER)
                        + r")(?P<y>" + _YEAR + r")\s*年(?!\d)"
                        r"(?=(?P<part>度?(?:" + alternation(_words("year_part")) + "))?)"
                        r"|(?P<py>" + _YEAR + r")\s*年度?(?=" + IN_CLAUSE + "{0,14}?(?P<pn>"
                        + alternation(_words("plan_noun")) + "))"
                        + "|" + "|".join(f"(?<={re.escape(w)})" for w in _words("run_verb"))
                        + r"(?P<ry>" + _YEAR + r")\s*年度?(?:" + alternation(_words("year_part")) + ")"
                        + r"|(?<!\d)(?P<cy>" + _YEAR + r")(?=" + alternation(_words("campaign")) + ")")


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
    session: bool = False  # a numbered session: a year for other dates, no date itself
    part_end: int | None = None  # a meeting named by a part of its year: the part's last month


@dataclass(frozen=True)
class _Day:
    """The article's day, its year unknown for a `--MM-DD` dateline."""

    y: int | None
    m: int
    d: int

    def shift(self, days: int) -> str:
        if self.y is not None:
            return (date(self.y, self.m, self.d) + timedelta(days=days)).isoformat()
        moved = date(2000, self.m, self.d) + timedelta(days=days)  # a leap year: every --MM-DD exists
        return f"--{moved.month:02d}-{moved.day:02d}"

    def month_of(self, day: int) -> tuple[int | None, int]:
        """(year, month) of a bare day: this month, or the month before when the day is later than ours."""
        if day <= self.d:
            return self.y, self.m
        if self.m > 1:
            return self.y, self.m - 1
        return (self.y - 1 if self.y is not None else None), 12


def _iso(y: int | None, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if y is None:
        return f"--{m:02d}-{d:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _parse_day(ref: str | None) -> _Day | None:
    """`YYYY-MM-DD` or `--MM-DD` → _Day; anything else → None."""
    if not ref:
        return None
    try:
        if ref.startswith("--"):
            d = date.fromisoformat("2000" + ref[1:])
            return _Day(None, d.month, d.day)
        d = date.fromisoformat(ref)
        return _Day(d.year, d.month, d.day)
    except ValueError:
        return None


def find_dates(text: str, ref: str | None, dateline: str | None = None) -> list[DateHit]:
    """Every date expression of `text`.

    `ref` is the article's published date `YYYY-MM-DD` or None; `dateline` the day of its dateline
    (`YYYY-MM-DD` or `--MM-DD`, `Metadata.dateline`) or None. Relative words and bare days count from
    the dateline when there is one, else from `ref`; a month-day takes its year from `ref`, else from
    the dateline's year."""
    published = _parse_day(ref)
    today = _parse_day(dateline) or published
    year_ref = published if published is not None else (today if today and today.y is not None else None)
    raws: list[_Raw] = []
    for mt in finditer_from(_PATTERN, _FIRST, text):
        g = mt.groupdict()
        if g["rd1"]:  # `27日至28日`: a range of days of the article's month
            raws.append(_Raw(mt.start(), mt.end(), None, None, number(g["rd1"]), ed=number(g["rd2"]), has_end=True,
                             rel="day"))
        elif g["lm"] or g["lm2"] or g["nm"] or g["xm"]:
            raws.append(_Raw(mt.start(), mt.end(), None, number(g["lm"] or g["lm2"] or g["nm"] or g["xm"]),
                             number(g["ld"] or g["ld2"] or g["nd"] or g["xd"])))
        elif g["dd"]:
            raws.append(_Raw(mt.start(), mt.end(), None, None, number(g["dd"]), rel="day"))
        elif g["pm"]:  # `今天(9.13)`: the bracket is the month-day
            raws.append(_Raw(mt.start(), mt.end(), None, number(g["pm"]), number(g["pd"])))
        elif g["relh"]:  # `昨(18)日`: the number is the day
            raws.append(_Raw(mt.start(), mt.end(), None, None, number(g["reld"]), rel="numbered"))
        elif g["rel"]:
            raws.append(_Raw(mt.start(), mt.end(), None, None, None, rel=g["rel"]))
        elif g["isoy"]:
            raws.append(_Raw(mt.start(), mt.end(), int(g["isoy"]), int(g["isom"]), int(g["isod"])))
        elif g["cd"]:
            raws.append(_Raw(mt.start(), mt.end(), number(g["cy"]), number(g["cm"]), number(g["cd"]), ed=number(g["ed"]),
                             has_end=True))
        else:
            r = _Raw(mt.start(), mt.end(), number(g["ay"]), number(g["am"]), number(g["ad"]))
            if g["bd"]:
                r.has_end = True
                r.ey, r.em, r.ed = number(g["by"]), number(g["bm"]), number(g["bd"])
            raws.append(r)
    # where a year opens (`2020年`), found once: both _SESSION and _NAMED_PART start there
    year_digits = [m.start() for m in _YEAR_DIGIT.finditer(text)]
    sessions = [_Raw(m.start(), m.end(), int(m.group("y") or m.group("y2") or m.group("y3")), None, None, session=True)
                for m in finditer_at(_SESSION, year_digits, text)]
    explicit_years = ({r.y for r in raws if r.y is not None} | {r.ey for r in raws if r.ey is not None}
                      | {r.y for r in sessions})
    doc_year = next(iter(explicit_years)) if len(explicit_years) == 1 else None
    planned = False  # doc_year is only a year the report deploys or signs for (PLAN_AHEAD_MONTH)
    if not explicit_years and published is None and year_ref is None:
        found = [(int(m.group("y") or m.group("py") or m.group("ry") or m.group("cy")), bool(m.group("part")),
                  _planned(m, text)) for m in finditer_from(_WORK_YEAR, _DIGIT, text)]
        work_years = sorted({y for y, _, _ in found})  # (found at a digit)
        if len(work_years) == 1 and not all(part for _, part, _ in found):
            doc_year = work_years[0]
            planned = all(ahead for _, _, ahead in found)
        elif len(work_years) == 2 and work_years[1] == work_years[0] + 1:
            # `总结2011年工作，部署2012年一季度工作`: held at the turn of the year, a month-day from July on is
            # in the year summed up, one before in the year deployed
            year_ref = _parse_day(f"{work_years[1]}-06-30")
    year_sources = raws + [  # a part of the year before the year it is of (`召开2024年第一季度…会议`)
        _Raw(m.start(), m.end(), int(m.group("y")), None, None, session=True, part_end=_PART_END[m.group("part")])
        for m in finditer_at(_NAMED_PART, year_digits, text)] + sessions
    hits: list[DateHit] = []
    ends: list[int] | None = None
    last: _Day | None = None  # the last month-day written out
    for r in raws:
        surface = text[r.start:r.end]
        if r.rel in ("day", "numbered"):  # `15日上午`: a day of the article's month (or of the month before)
            value = end_value = None
            # `3月5日抵达…，6日上午召开会议`: a bare day a few days after the month-day before it is in its month
            month: tuple[int | None, int] | None = None
            if r.d is not None and r.rel == "day" and last is not None and 0 <= r.d - last.d <= 7:
                month = last.y, last.m
            elif r.d is not None and today is not None:
                month = today.month_of(r.d)
            if month is not None and r.d is not None:
                y, m = month
                value = _iso(y, m, r.d)
                end_value = _iso(y, m, r.ed) if r.has_end and r.ed is not None and r.ed >= r.d else None
            if value or r.rel == "numbered":  # `昨(18)日` is a date even where its month is unknown
                hits.append(DateHit(r.start, r.end, surface, value, end_value))
            continue
        if r.rel is not None:
            days = _RELATIVE_DAYS.get(r.rel)
            value = today.shift(days) if today is not None and days is not None else None
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
            y = (_sentence_year(r, year_sources, ends) or _ref_year(year_ref, r.m, r.d)
                 or (doc_year - 1 if planned and doc_year and r.m >= PLAN_AHEAD_MONTH else doc_year))
            if y is not None and r.has_end and ey is None:
                ey = y + 1 if (em, r.ed) < (r.m, r.d) else y
        value = _iso(y, r.m, r.d)
        end_value = _iso(ey, em, r.ed) if r.has_end and r.ed is not None else None
        if value is None:
            continue
        hits.append(DateHit(r.start, r.end, surface, value, end_value))
        last = _parse_day(value)
    return hits


def _sentence_year(r: _Raw, raws: list[_Raw], ends: list[int]) -> int | None:
    """The year of an explicit date in the same sentence (`ends`: sorted sentence-end offsets)."""
    k = bisect_right(ends, r.start)
    lo = ends[k - 1] if k else 0
    hi = ends[k] if k < len(ends) else 1 << 60
    for o in raws:
        if o is not r and lo <= o.start < hi and o.y is not None:
            # a part ending by June is planned ahead in the last quarter of the year before
            # (`12月29日召开2012年第一季度…会议`: 2011)
            ahead = o.part_end is not None and o.part_end <= 6 and r.m is not None and r.m >= PLAN_AHEAD_MONTH
            return o.y - 1 if ahead else o.y
    return None


def _planned(m: re.Match, text: str) -> bool:
    """A work year found as a year deployed or signed for: after a plan verb, or before a plan noun marked
    `ahead` (a responsibility document), with no part of the year."""
    if m.group("part"):
        return False
    if m.group("pn") is not None:
        return m.group("pn") in _AHEAD_NOUNS
    return m.group("y") is not None and text.endswith(_PLAN_VERB_AFTER, 0, m.start())


def _ref_year(ref: _Day | None, m: int, d: int) -> int | None:
    if ref is None or ref.y is None:
        return None
    return ref.y - 1 if (m, d) > (ref.m, ref.d) else ref.y


def day_of_range(hit: DateHit, k: int) -> str | None:
    """The `k`-th day (0 = the first) of a range of days, its last day when `k` runs past it."""
    first, last = _parse_day(hit.value), _parse_day(hit.end_value)
    if first is None or last is None:
        return hit.value
    day = first.shift(k)
    end = hit.end_value or day
    return min(day, end) if day[:2] == end[:2] else end


_WRITTEN_YEAR = re.compile(r"(?<!\d)(" + _YEAR + r")\s*年")


def written_years(text: str) -> tuple[int, ...]:
    """The years a text writes out (`2013年全国安全生产工作`, `2018年1月`), sorted: what a year-less meeting
    of the text may be dated by across articles (a year written, or the year after it)."""
    return tuple(sorted({int(m.group(1)) for m in _WRITTEN_YEAR.finditer(text)}))
