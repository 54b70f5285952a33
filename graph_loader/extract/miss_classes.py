"""Misses of `safetykg evaluate` grouped by failure class (`--classes`), so that a rule change is judged
on every real article at once rather than on the one that prompted it.

Each miss (dimension, FN/FP, item, the sentence it lives in) goes to the first row of RULES that fits;
the classes follow the failure classes seen on real reports (higher meetings, dates, meeting kinds and
levels, participation, inspections, incidents, reporters, scraped-page text) plus finer ones for names,
titles, regions, sectors and directives. A miss no row takes falls into `other:<dimension>`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from graph_loader.extract.scoring import Miss
from graph_loader.lang.chars import NAME_DOTS

# the cues are the genre's wording (a made-up example in each comment), compiled once
_WATCHED = re.compile(r"收听|收看|分会场|视频会|电视电话")            # 设分会场收听收看会议
_RELAYED = re.compile(r"传达|精神|贯彻落实")                          # 传达全国、全省会议精神
_AFTER = re.compile(r"会后|随后|结束后|紧接着|之后")                  # 会后, 县政府随即召开…
_DATE_SHAPE = re.compile(r"昨|今天|今日|当日|当天|\d+\.\d+|\d+日|至\d|—\d")  # 昨(18)日, 今天(9.13), 6日至8日
_TEAM = re.compile(r"督查|督导|考核|巡查|暗访|检查组|进驻|反馈")      # 省第二督导组进驻我县
_LIST_ROLE = re.compile(r"[、,][^、,。;]{1,12}[、,].{0,40}(出席|参加|列席|参会)")  # 县领导甲、乙、丙参加
_SPEAK = re.compile(r"讲话|指出|强调|汇报|通报|部署|要求|发言|作.{0,8}报告|主持")
_NAME_ODD = re.compile("[" + NAME_DOTS + r"．]|\s")                  # 阿某·某某某, 王 某
_SCRAPED = re.compile(r"[,，、]{2}|[,，][、]|bet|博彩|赌|网页版|官方网站|�")  # doubled punctuation, spam
_NOT_NAME = re.compile(r"^(安监|包联|安办|应急)")
_INSIDE_NAME = re.compile(r"《[^》]*》|事故|公司|集团|园区|协会|场所")  # 《…消防…办法》, “4·10”某煤矿透水事故
_SHORT_NAME = re.compile(r"以下简称")                                # (以下简称《规定》)


@dataclass(frozen=True)
class MissRule:
    """A failure class and the misses it takes: dimensions, FN/FP, and a test on the sentence / item."""

    cls: str
    dims: frozenset[str]
    kinds: frozenset[str] = frozenset({"FN", "FP"})
    sentence: re.Pattern[str] | None = None
    item: Callable[[object], bool] | None = None
    doc: str = ""  # what the class means, printed with the counts


def _dims(*names: str) -> frozenset[str]:
    return frozenset(names)


def _first(item: object) -> str:
    return str(item[0] if isinstance(item, tuple) else item)


MEETINGS = _dims("meetings", "meeting_regions")
PEOPLE = _dims("persons", "titles", "participation")

RULES: tuple[MissRule, ...] = (
    MissRule("8 scraped-page text", PEOPLE | _dims("reporters"), item=lambda x: bool(_NAME_ODD.search(_first(x))),
             doc="a name with a dot, space or odd character"),
    MissRule("1 higher meetings (watched/relayed)", _dims("relays")),
    MissRule("1 higher meetings (watched/relayed)", MEETINGS, sentence=_WATCHED,
             doc="meetings in a sentence that watches or sets up branch venues"),
    MissRule("1 higher meetings (watched/relayed)", MEETINGS, sentence=_RELAYED),
    MissRule("2 dates (after/relative/ranges)", _dims("meetings", "inspections"), sentence=_AFTER),
    MissRule("2 dates (after/relative/ranges)", _dims("meetings"),
             item=lambda x: isinstance(x, tuple) and isinstance(x[0], str) and x[0].startswith("--")),
    MissRule("5 inspections (teams, arrivals, feedback)", _dims("inspections")),
    MissRule("5 inspections (teams, arrivals, feedback)", MEETINGS | _dims("participation"), sentence=_TEAM,
             doc="meetings and roles around an inspection team's visit"),
    MissRule("3 meeting kinds and levels", MEETINGS),
    MissRule("6 incidents", _dims("incidents")),
    MissRule("7 reporters", _dims("reporters")),
    MissRule("9 not a name / not a post", _dims("persons", "titles", "participation"), _dims("FP"),
             item=lambda x: bool(_NOT_NAME.match(_first(x)))),
    MissRule("4 participation lists (group role)", _dims("participation"), sentence=_LIST_ROLE),
    MissRule("4 participation roles (speaker/chair)", _dims("participation"), sentence=_SPEAK),
    MissRule("4 participation (other)", _dims("participation")),
    MissRule("10 names and title chains", _dims("persons", "titles")),
    MissRule("11 sector word inside a name or title", _dims("sectors"), _dims("FP"), sentence=_INSIDE_NAME),
    MissRule("12 directives: short names and scope", _dims("directives"), sentence=_SHORT_NAME),
    MissRule("13 regions (gazetteer look-alikes)", _dims("regions"), _dims("FP")),
    MissRule("8 scraped-page text", frozenset(), sentence=_SCRAPED, doc="doubled punctuation or spam lines"),
)


def classify(m: Miss, sentence: str | None) -> str:
    """The failure class of a miss (the first rule of RULES that takes it)."""
    s = sentence or ""
    for r in RULES:
        if r.dims and m.dimension not in r.dims:
            continue
        if m.kind not in r.kinds:
            continue
        if r.sentence is not None and not r.sentence.search(s):
            continue
        if r.item is not None and not r.item(m.item):
            continue
        return r.cls
    return f"other:{m.dimension}"


@dataclass
class ClassReport:
    """Counts per class, FN/FP split, and a few examples of each."""

    counts: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, cls: str, m: Miss, shown: str, sentence: str | None, keep: int = 3) -> None:
        self.counts[cls] += 1
        self.kinds[cls, m.kind] += 1
        ex = self.examples.setdefault(cls, [])
        if len(ex) < keep:
            ex.append(f"{m.kind} {m.dimension} {m.doc_id} {shown}" + (f"  | {sentence[:90]}" if sentence else ""))

    def format(self) -> str:
        total = sum(self.counts.values())
        lines = [f"misses by class ({total}):"]
        for cls, n in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:4d}  {cls}  (FN {self.kinds[cls, 'FN']}, FP {self.kinds[cls, 'FP']})")
            lines += [f"        {e}" for e in self.examples.get(cls, [])]
        return "\n".join(lines)
