"""Inspection and supervision missions: team, target, period, level.

A team is written `[level or body]…第N巡查组` (`省安全生产第二巡查组`,
`国务院安委会安全生产第三巡查组`); its full name puts the level's place in
front (`浙江省安全生产第二巡查组`). The target follows a mission verb in the
same sentence (`对我省…进行了巡查`, `进驻省市场监管局`, `巡查海宁市`); the
period is a date range of the sentence (`自…至…`), or the single date of an
arrival (`3月2日…进驻`); the day a team reports back (`反馈`) is no start.
Mentions of the same team are merged. A team without its number
(`市安委会督查组`, lexicon/teams_bare.tsv) is a team of its own where the article
numbers none and it has a target; a bare kind word (`考核组认为`) is a mention of
the nearest team named in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from graph_loader.extract.bodies import BodyRef, body_word_at, relative_body_at, resolve_body
from graph_loader.extract.dates import DateHit
from graph_loader.extract.lexicon_files import alternation, rows, words
from graph_loader.extract.regions import RegionHit, level_of, place_of, relative_region, relative_words_re
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.lang.chars import HAN, is_han
from graph_loader.lang.levels import CHAR_LEVEL, CITY_CHAR, LEVEL_RANK
from graph_loader.lang.numerals import NUMERAL


@dataclass
class InspectionDraft:
    team: str
    team_surface: str
    level: str | None = None
    region: str | None = None
    target: str | None = None
    target_kind: str | None = None  # region | body
    target_region: str | None = None  # the target's region path (a body's region for a body)
    start: str | None = None
    end: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, rule)
    numbered: bool = True  # named with its number (`第二巡查组`), else by its level's body only
    unnamed_home: bool = False  # it visits the report's home, a place below its own that the text leaves unnamed


_NUM = NUMERAL + "+"


class _Anchor(NamedTuple):
    """A team named in full at `pos`: what a bare mention (`督查组认为`) stands for."""

    pos: int
    surface: str
    team: str
    region: str | None
    level: str | None


@cache
def _team_re() -> re.Pattern[str]:
    """`第三巡查组`, `第五综合督导组` (a qualifier between number and kind), `考核巡查第三组` (kind first)."""
    teams = alternation(words("teams.tsv"))
    stems = alternation({t[:-1] for t in words("teams.tsv")} | {"考核巡查", "综合督查", "明查暗访"})
    return re.compile(r"第" + _NUM + "(?:[" + HAN + "]{1,4}?)?(?:" + teams + r")|(?:" + stems + r")组?第" + _NUM + "组")


@lru_cache(maxsize=2)
def _numbered_teams(text: str) -> tuple[re.Match[str], ...]:
    """`_team_re`'s matches, found once per text (the named teams and the inspections read them): a numbered
    team says 第, and one of its kinds or 组."""
    if "第" not in text or not any(c in text for c in _team_last_chars()):
        return ()
    return tuple(_team_re().finditer(text))


@cache
def _team_last_chars() -> frozenset[str]:
    return frozenset({"组"} | {t[-1] for t in words("teams.tsv")})


@cache
def _bare_team_re() -> re.Pattern[str]:
    """A team named without its number (`省安全生产检查组`, `考核巡查组认为`): the kinds of teams_bare.tsv."""
    return re.compile(alternation(words("teams_bare.tsv")))


@cache
def _target_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + _verbs("target") + r")(?:了)?")


@cache
def _verbs(role: str) -> str:
    """The verbs of lexicon/inspection_verbs.tsv with this role, as a regex alternation."""
    return alternation(r[0] for r in rows("inspection_verbs.tsv") if r[1] == role)


@cache
def _arrival_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a verb later in the team's sentence, a verb right after the team's name: `检查组先后深入…`)."""
    return re.compile(_verbs("arrival")), re.compile("(?:先后)?(?:" + _verbs("arrival_at_team") + ")")


@cache
def _at_team_re() -> re.Pattern[str]:
    """A place right after the team's name (`某组在某市召开反馈会`): where the team works."""
    return re.compile("(?:先后|分别)?(?:" + _verbs("target_at_team") + ")")


@cache
def _team_cuts() -> tuple[str, ...]:
    """Words that end what precedes a team's own name (inspection_verbs.tsv, role before_team)."""
    return tuple(r[0] for r in rows("inspection_verbs.tsv") if r[1] == "before_team")


@cache
def _team_phrases() -> tuple[str, ...]:
    """Words of a team's own name that hold a cut word (inspection_verbs.tsv, role in_team)."""
    return tuple(r[0] for r in rows("inspection_verbs.tsv") if r[1] == "in_team")


def _masked(seg: str) -> str:
    """`seg` with the words of `_team_phrases` blanked out, so that no cut falls inside them."""
    for phrase in _team_phrases():
        if phrase in seg:
            seg = seg.replace(phrase, "\0" * len(phrase))
    return seg


def _team_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and pos - i < 20 and is_han(text[i - 1]):
        i -= 1
    # cut at a verb or date word before the team's own words
    seg = _masked(text[i:pos])
    for cut in _team_cuts():
        k = seg.rfind(cut)
        if k >= 0:
            i = max(i, i + k + len(cut))
            seg = _masked(text[i:pos])
    return i


def _team_name(surface: str, place: RegionHit | None, context: str | None) -> tuple[str, str | None, str | None]:
    """Full team name, its region path and level."""
    ref = resolve_body(surface, place, context)
    if ref is None:
        return surface, None, None
    if ref.level == "national":
        return surface, None, "national"
    return ref.name, ref.region, ref.level


@cache
def _says_re() -> re.Pattern[str]:
    """A verb right after a team's name that opens what it says (inspection_verbs.tsv says)."""
    return re.compile(_verbs("says"))


@cache
def _home_initial_re() -> re.Pattern[str]:
    """One character, then the work a team comes to do (inspection_verbs.tsv mission): `安考核`."""
    return re.compile(f"[{HAN}](?:{_verbs('mission')})")


def _own_name(path: str) -> str:
    """The name of the most specific place of a path (`某省某市` → `某市`)."""
    place = place_of(path)
    return place.name if place is not None else ""


_GOVERNMENT = ("人民政府", "政府", "党委", "委员会")
"""A team reporting back to a region's government or party committee has inspected the region."""


def _target_at(text: str, pos: int, regions: list[RegionHit], context: str | None
               ) -> tuple[str, str, str | None] | None:
    """A target written at `pos`: a body (`省市场监管局`), a region (`海宁市`), or `我省`."""
    body: BodyRef | None = relative_body_at(text, pos, context)
    if body is not None and body.region:
        if body.name.endswith(_GOVERNMENT):  # `向省政府反馈`: the team inspected the province
            return body.region, "region", body.region
        return body.name, "body", body.region
    hit = next((h for h in regions if h.start == pos), None)
    if hit is not None:
        after = text[hit.end:hit.end + 12]
        word = body_word_at(text, hit.end)
        if word and word not in ("委", "政府", "人民政府") and not after.startswith(("开展", "进行")):
            ref = resolve_body(text[pos:hit.end] + word, hit, context)
            if ref is not None:
                return ref.name, "body", hit.path
        return hit.path, "region", hit.path
    if context and _home_initial_re().match(text, pos) and text[pos] == _own_name(context)[:1] \
            and text[pos - 1:pos] in "来到莅临":
        return context, "region", context  # `某组来桐督查`: the home (某省桐柏县) by its first character
    m = relative_words_re("我全本该自").match(text, pos)  # `向自治区反馈`: the home autonomous region
    if m:
        path = relative_region(m.group(), context)
        if path:
            return path, "region", path
    return None


def _named_teams(text: str, regions: list[RegionHit], context: str | None
                 ) -> dict[str, tuple[str, str | None, str | None]]:
    """Teams written with their place (`长沙市安全生产第三督查组`), keyed by their short form
    (`市安全生产第三督查组`): a headline or later mention of the short form is the same team, not a
    team of the article's home region (which may be a county-level `市`)."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for m in _numbered_teams(text):
        start = _team_start(text, m.start())
        place = next((h for h in regions if h.start == start), None)
        if place is None or place.end >= m.start():
            continue
        short = text[place.end - 1:m.end()]
        out.setdefault(short, _team_name(text[start:m.end()], place, context))
    return out


def find_inspections(text: str, index: SentenceIndex, regions: list[RegionHit], dates: list[DateHit],
                     context: str | None) -> list[InspectionDraft]:
    """Inspections in order of first mention, one per team."""
    by_team: dict[str, InspectionDraft] = {}
    named = _named_teams(text, regions, context)
    anchors: list[_Anchor] = []
    unnumbered: set[str] = set()
    numbered = list(_numbered_teams(text))
    for m in numbered:
        start = _team_start(text, m.start())
        surface = text[start:m.end()]
        place = next((h for h in regions if h.start == start), None)
        anchors.append(_Anchor(m.start(), surface, *(named[surface] if place is None and surface in named
                                                     else _team_name(surface, place, context))))
    bare = [m for m in _bare_team_re().finditer(text)
            if not any(n.start() <= m.start() < n.end() for n in numbered)]
    if not numbered:  # no numbered team: a team named with its level's body (`市安委会督查组`) is one
        for m in bare:
            start = _team_start(text, m.start())
            surface = text[start:m.end()]
            place = next((h for h in regions if h.start == start), None)
            team, region, level = _team_name(surface, place, context)
            if start < m.start() and (region or level):
                anchors.append(_Anchor(m.start(), surface, team, region, level))
                unnumbered.add(team)
    mentions = sorted([(m, True) for m in numbered] + [(m, False) for m in bare], key=lambda x: x[0].start())
    for m, is_numbered in mentions:
        anchor = next((a for a in anchors if a.pos == m.start()), None) or _nearest(anchors, m.start())
        if anchor is None:
            continue  # `成立检查组`: a team of no level, and no named team to be a mention of
        _, surface, team, region, level = anchor
        insp = by_team.get(team)
        if insp is None:
            insp = by_team[team] = InspectionDraft(team=team, team_surface=surface, region=region,
                                                   level=level or (level_of(region) if region else None),
                                                   numbered=team not in unnumbered)
        insp.spans.append((m.start(), m.end(), "inspection.team" if is_numbered else "inspection.team_mention"))
        sent = index.at(m.start())
        # the target: a place right after the team (`在某市召开`), else after a mission verb in the sentence
        if insp.target is None and (at := _at_team_re().match(text, m.end())):
            target = _target_at(text, at.end(), regions, context)
            if _own_place_as_home(text, at, target, insp):
                insp.unnamed_home = True
            elif target is not None and target[1] == "region":
                insp.target, insp.target_kind, insp.target_region = target
                insp.spans.append((at.start(), at.end(), "inspection.target"))
        if insp.target is None and not _says_re().match(text, m.end()):
            for tm in _target_re().finditer(text, m.end(), sent.end):
                target = _target_at(text, tm.end(), regions, context)
                if _own_place_as_home(text, tm, target, insp) \
                        or target is None and _unnamed_home_below(text, tm.end(), insp):
                    insp.unnamed_home = True
                    break
                elif target is not None:
                    insp.target, insp.target_kind, insp.target_region = target
                    insp.spans.append((tm.start(), tm.end(), "inspection.target"))
                    break
        # the period: a range in the sentence, else the date of an arrival
        in_sent = [d for d in dates if sent.start <= d.start < sent.end and d.value]
        rng = next((d for d in in_sent if d.end_value), None)
        if rng is not None and (insp.start is None or insp.end is None):
            insp.start, insp.end = rng.value, rng.end_value
            insp.spans.append((rng.start, rng.end, "inspection.period"))
        elif insp.start is None and in_sent and ((arrival := _arrival_re()[0].search(text, m.end(), sent.end))
                                                  or _arrival_re()[1].match(text, m.end())):
            # the date nearest before the arrival (`时间:…\n3月2日，X组进驻…`: not the page's own date)
            at = arrival.start() if arrival else m.end()
            d = min(in_sent, key=lambda h: (h.start > at, abs(at - h.start)))
            insp.start = d.value
            insp.spans.append((d.start, d.end, "inspection.arrival"))
    found = _merge_same_team(list(by_team.values()))
    for insp in found:
        _fill_from_article(insp, text, index, regions, dates, context)
        if insp.level == "national" and insp.target_kind == "region" and insp.target and insp.target.count("省") \
                + insp.target.count("自治区") + insp.target.count("市") > 1 and not _home_word_target(text, insp):
            # a national team inspects a province: `抵达陕西省西安市` is where it arrives
            province = _province_of(insp.target)
            if province:
                insp.target = insp.target_region = province
    # a team known by its body only is a mission where it has a target (`县检查组深入各乡镇` is the home's
    # own routine, not a mission the report is about)
    return [i for i in found if i.target or i.unnamed_home or i.start and i.numbered]


_WORD_LEVELS = {**CHAR_LEVEL, CITY_CHAR: "prefecture"}
"""The highest level a home word's last character may mean (`我市` a prefecture or a county-level city)."""


def _unnamed_home_below(text: str, pos: int, insp: InspectionDraft) -> bool:
    """`省督查组对我市…进行督查` in a report that never names its home: a team from above inspects the report's
    home, which the text leaves unnamed (the target unknown, the mission the report's). A home word that may
    mean the team's own level (`市督查组对我市`: a city's own routine, or a county-level city) says nothing."""
    m = relative_words_re("我本").match(text, pos)
    home = _WORD_LEVELS.get(m.group()[-1]) if m else None
    if home == "county" and m.group().endswith("区") and insp.team.startswith(("自治区", "区")):
        return False  # `自治区督查组对我区…`: 我区 is the autonomous region itself
    return home is not None and insp.level is not None and LEVEL_RANK[insp.level] < LEVEL_RANK[home]


@cache
def _coming_home_re() -> re.Pattern[str]:
    """A verb of coming, then the report's own place (`省安办来我区开展…督查`): where a mission arrives."""
    return re.compile(f"(?:{_verbs('come')})(?:{relative_words_re('我本').pattern})")


def _home_word_target(text: str, insp: InspectionDraft) -> bool:
    """The target written as the report's own home (`延伸对我市…进行考核巡查`) or as the place a team extends its
    mission to (`深入某市延伸考核巡查`): a national team's visit below the province it inspects, at that city."""
    return any(rule == "inspection.target" and (relative_words_re("我本").match(text, e)
                                                or _extended_re().match(text, e))
               for _, e, rule in insp.spans)


@cache
def _extended_re() -> re.Pattern[str]:
    """A place's name, then the word of a mission extended below the inspected province (`某市延伸考核`)."""
    return re.compile(f"[{HAN}]{{2,8}}?(?:{_verbs('extended')})")


def _own_place_as_home(text: str, verb: re.Match[str], target: tuple[str, str, str | None] | None,
                       insp: InspectionDraft) -> bool:
    """`某市督导组来到我市`: a team does not come to its own place, so the `我市` it comes to is the report's
    home below it (a county-level city), which the text does not name when the only place it names is the
    team's: the target is unknown, not the team's own city. Only coming there says so (`市督查组对我市企业开展
    督查` may be a city's own routine); once it has, a later `对我市…督导` is that home too."""
    if target is None or insp.region is None or target[0] != insp.region \
            or relative_words_re("我本").match(text, verb.end()) is None:
        return False
    return insp.unnamed_home or verb.group().lstrip("先后分别").rstrip("了") in _arrivals()


@cache
def _arrivals() -> frozenset[str]:
    """The verbs of coming to a place (inspection_verbs.tsv come)."""
    return frozenset(r[0] for r in rows("inspection_verbs.tsv") if r[1] == "come")


def _nearest(anchors: list[_Anchor], pos: int) -> _Anchor | None:
    """The named team a bare mention (`督查组认为`) stands for: the last one named before it, else the first
    one named after it (a headline's `某某考核组向某省反馈` before the body names `第六考核组`)."""
    before = [a for a in anchors if a.pos < pos]
    if before:
        return max(before, key=lambda a: a.pos)
    after = [a for a in anchors if a.pos > pos]
    return min(after, key=lambda a: a.pos) if after else None


def _team_key(insp: InspectionDraft) -> tuple[str | None, str | None, str | None]:
    """Who the team is, whatever the wording: its level's place, its number, its kind
    (`国务院安全生产委员会第七督查组` and `国务院安委会第七督查组` are one)."""
    num = re.search(r"第(" + _NUM + ")", insp.team)
    flat = re.sub(r"第" + _NUM, "", insp.team)  # `考核巡查第三组` reads as `考核巡查组`
    kind = next((t for t in sorted(words("teams.tsv"), key=len, reverse=True) if t in flat), None)
    return (insp.region or insp.level), (num.group(1) if num else None), kind


def _shortened(one: str, other: str) -> bool:
    """One name is the other with words left out (`某省检查组`, `某省安全生产检查组`), in either order."""
    short, long_ = sorted((one, other), key=len)
    chars = iter(long_)
    return all(c in chars for c in short)


def _merge_same_team(found: list[InspectionDraft]) -> list[InspectionDraft]:
    out: list[InspectionDraft] = []
    by_key: dict[tuple, InspectionDraft] = {}
    for insp in found:
        key = _team_key(insp)
        if key[0] is None:  # the short form (`第二督导组`) is the named team of that number and kind
            key = next((k for k in by_key if k[1:] == key[1:]), key)
        # `省检查组` after `省安全生产检查组`: a team without a number named again with words left out
        renamed = key[1] is None and key in by_key and not (insp.numbered or by_key[key].numbered) \
            and _shortened(insp.team, by_key[key].team)
        if not renamed and (key[1] is None or key not in by_key):
            by_key[key] = insp
            out.append(insp)
            continue
        keep = by_key[key]
        for attr in ("target", "target_kind", "target_region", "start", "end"):
            if getattr(keep, attr) is None and getattr(insp, attr) is not None:
                setattr(keep, attr, getattr(insp, attr))
        keep.spans.extend(insp.spans)
        if not renamed and len(insp.team) < len(keep.team) and "的" not in insp.team:
            keep.team, keep.team_surface = insp.team, insp.team_surface
    return out


_MISSION = re.compile(r"巡查|督导|督查|检查|考核|进驻|入驻|暗访")
_FEEDBACK = re.compile(r"反馈")
_KICKOFF = re.compile(r"动员会|对接会|见面会|进驻|入驻|汇报会|启动会|工作会议")


def _fill_from_article(insp: InspectionDraft, text: str, index: SentenceIndex, regions: list[RegionHit],
                       dates: list[DateHit], context: str | None) -> None:
    """What the team's own sentences leave open, the article says elsewhere: the target after a mission
    verb in any sentence (`X市对Y县…开展巡查`, `督导检查Y区`), else the article's home when the team
    comes from above it; the start, the date of the sentence that sends the team in or opens the
    mission (`5月6日，…巡查动员会议召开`)."""
    if insp.target is None and context and _above(insp.region, context, insp.level):
        # a local report of a team from above: the team inspects the report's home
        insp.target, insp.target_kind, insp.target_region = context, "region", context
        insp.spans.append((insp.spans[0][0], insp.spans[0][1], "inspection.target_home"))
    if insp.target is None:
        for m in _target_re().finditer(text):
            sent = index.at(m.start())
            if not _MISSION.search(text, sent.start, sent.end):
                continue
            target = _target_at(text, m.end(), regions, context)
            if target is not None and target[2] != insp.region and not _above(target[2], insp.region):
                insp.target, insp.target_kind, insp.target_region = target
                insp.spans.append((m.start(), m.end(), "inspection.target_elsewhere"))
                break
    if insp.start is None:
        team_sents = {index.index_at(s) for s, _, _ in insp.spans}
        for d in dates:
            if not d.value or d.end_value:
                continue
            sent = index.at(d.start)
            if _FEEDBACK.search(text, sent.start, sent.end):
                continue  # `某日，某组向某市反馈督查情况`: the day the mission ends, not starts
            if index.index_at(d.start) in team_sents and _MISSION.search(text, d.end, sent.end) \
                    or (_KICKOFF.search(text, d.end, sent.end) or _coming_home_re().search(text, d.end, sent.end)) \
                    and _MISSION.search(text, sent.start, sent.end):
                insp.start = d.value
                insp.spans.append((d.start, d.end, "inspection.start_sentence"))
                break


def _province_of(path: str) -> str | None:
    p = place_of(path)
    while p is not None and p.level != "province":
        parent = path[: len(path) - len(p.name)] if path.endswith(p.name) else None
        if not parent:
            return None
        path, p = parent, place_of(parent)
    return p.path if p is not None else None


def _above(path: str | None, other: str | None, level: str | None = None) -> bool:
    """`path` (or a national team, `level`) stands above `other` in the region tree."""
    if other is None:
        return False
    if level == "national" and path is None:
        return True
    return bool(path) and other != path and other.startswith(path)

