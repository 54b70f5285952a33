"""Meetings reported as held: where each starts, its date, level, participants with roles, and relays.

The article is cut into meeting scopes at events: a meeting held (`召开…会议`,
`…反馈会召开`, `主持…会`), the end of one (`省电视电话会议结束后` starts a lower
meeting relaying it) and a branch venue (`分会场`: a meeting of the lower level
relaying the higher one). A generic `主持会议` re-mentions the current meeting.
Persons in a scope take the strongest role of the cues after their name
(chair > speaker > attendee); a name list shares the cue that closes it. A cue reaches
later clauses whose subject is still the name (`X出席会议，并作部署`), a pronoun opening a
sentence speaks for the one person named before it (`他强调`), and a clause about the
leaders listed by name (`与会市领导…点评`) gives each of them its cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from graph_loader.extract.bodies import level_region
from graph_loader.extract.dates import DateHit, day_of_range
from graph_loader.extract.lexicon_files import alternation, rows, words
from graph_loader.extract.persons import LIST_INTRO, NameMention, post_re, reading_verbs
from graph_loader.extract.regex_scan import finditer_at
from graph_loader.extract.regions import (
    RegionHit,
    home_word,
    level_of,
    level_words,
    parent_path,
    relative_level,
    relative_words_re,
)
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.lang.bodies import is_national_body
from graph_loader.lang.chars import (
    CLAUSE_END,
    CLAUSE_MARKS,
    IN_CLAUSE,
    SENTENCE_MARKS,
    clause_marks,
    clause_start,
)
from graph_loader.lang.kinds import kind_of_noun
from graph_loader.lang.levels import CHAR_LEVEL, CITY_CHAR, LEVEL_CHARS, LEVEL_RANK, ROLE_RANK, higher_role
from graph_loader.lang.numerals import ONE_TO_TEN

_LIST_INTRO = re.compile(LIST_INTRO)
_RELAY_MEETING = re.compile(r"贯彻(?:落实)?[^，。；]{0,20}?会议精神|传达[^，。；]{0,20}?会议精神")


@dataclass
class ParticipantDraft:
    name: str
    role: str
    start: int
    end: int
    cue: str


@dataclass
class MeetingDraft:
    """One meeting of a report as the steps of `meeting_drafts` build it. Each field is owned by the step
    named beside it; a later step reads it and never sets it, but for the higher step (7), which makes
    drafts of its own (all fields) and amends the local ones' `after_prev`, `date_span`, `relays_meeting`
    and `relay_to`.

    1 `segment_meetings`  2 `assign_participants`  3 `relays_to_meetings`  4 `assign_dates`
    5 `assign_levels`  6 `pipeline._keep_meetings` (drops drafts, renumbers `relays_meeting`)
    7 `higher.attach_higher`
    """

    start: int  # 1: scope start in the clean text
    end: int = 0  # 1: scope end
    held: int | None = None  # 1: offset of the held event
    held_end: int | None = None  # 1
    noun: str | None = None  # 1: the meeting noun (`电视电话会议`)
    kind: str | None = None  # 1: its kind (lang/data/meeting_kinds.tsv)
    name: str | None = None  # 1
    generic: bool = True  # 1: named by a bare noun (`会议`)
    after_prev: bool = False  # 1: starts where the one before ended (`会议结束后`)
    branch: bool = False  # 1: a branch venue is named (`分会场`)
    branch_pos: int | None = None  # 1
    venue: bool = False  # 1: held at a branch venue of the meeting before it: same date, relays it
    date: str | None = None  # 4
    date_span: tuple[int, int] | None = None  # 4
    region: str | None = None  # 5
    level: str | None = None  # 5
    level_rule: str | None = None  # 5
    participants: dict[str, ParticipantDraft] = field(default_factory=dict)  # 2
    relays_meeting: int | None = None  # 1 (a venue relays the meeting before it), else 3
    relay_rule: str | None = None  # with relays_meeting
    after_at: int | None = None  # 1: where its `…结束后` / `会后` is written
    spoken: bool = False  # 6: an `…结束后` scope where a leader speaks (`会后，县政府领导强调`): held
    higher: bool = False  # 7: a meeting of a higher level than the article's
    rule: str | None = None  # 7: the rule that made a higher meeting
    relay_to: list[tuple[MeetingDraft, bool, str | None]] = field(default_factory=list)  # 7: (target, inferred, basis)
    venue_region: str | None = None  # 5: the place of `在X召开` in the held clause
    # 7: the higher meetings its own report says it watched (`会议集中收看全市…电视电话会`): relayed beside
    # what the text says it relays, not replaced by it
    watched: list[MeetingDraft] = field(default_factory=list)


@dataclass(frozen=True)
class _Lex:
    kinds: dict[str, str]
    held_verb_first: re.Pattern[str]
    held_noun_first: re.Pattern[str]
    chaired: re.Pattern[str]
    ended: re.Pattern[str]
    relay_lead: re.Pattern[str]
    branch: re.Pattern[str]
    roles: dict[str, str]
    roles_re: re.Pattern[str]
    scope_re: re.Pattern[str]
    team_feedback: re.Pattern[str]
    attended: re.Pattern[str]
    team_report: re.Pattern[str]
    manner: re.Pattern[str]
    team_heard: re.Pattern[str]
    not_held: tuple[str, ...]  # words just before a held verb that say the meeting is not held yet
    not_chair: tuple[str, ...]  # words just before a chair cue that say no one chairs there


def meeting_verbs(role: str) -> tuple[str, ...]:
    """The words of lexicon/meeting_verbs.tsv with this role, in file order."""
    return tuple(r[0] for r in rows("meeting_verbs.tsv") if r[1] == role)


@cache
def _verbs_re(role: str) -> re.Pattern[str]:
    """The words of lexicon/meeting_verbs.tsv with this role as one pattern."""
    return re.compile(alternation(meeting_verbs(role)))


@cache
def _lex() -> _Lex:
    kinds = kind_of_noun()
    nouns = alternation(kinds)
    roles = {r[0]: r[1] for r in rows("roles.tsv")}
    return _Lex(
        kinds=kinds,
        # `召开某某季度某某工作暨某某节前后某某整治工作会议`: a name joining two agendas runs up to 60 characters
        held_verb_first=re.compile(
            # the verb nearest the noun names it (`开展督查并召开会议`: 召开): the noun phrase holds no other held verb
            r"(?P<v>" + alternation(meeting_verbs("held")) + r")(?P<np>(?:(?!" + alternation(meeting_verbs("held"))
            + ")" + IN_CLAUSE + r"){0,60}?)(?P<n>" + nouns + ")"),
        # `在市政府综合会议室主持召开…`: a meeting noun naming a room (meeting_cues.tsv `room`) is a place
        held_noun_first=re.compile(
            r"(?P<n>" + nouns + r")(?!" + alternation(_cue_words("room"))
            # `会议召开后`: ended; `省会议结束后接着召开相关会议`: the meeting named first is over, another is held
            + r")(?P<mid>(?:(?!结束|之?后)" + IN_CLAUSE + r"){0,14}?)(?P<v>" + alternation(meeting_verbs("held_after"))
            + r")(?!在即|之?后)"),
        chaired=re.compile(r"(?P<v>" + alternation(meeting_verbs("chair")) + r")(?P<np>" + IN_CLAUSE + r"{0,30}?)(?P<n>" + nouns + ")"),
        # `会后，`; `随后，我县…`: the home body acts next (a bare `随后` only orders a meeting's speeches)
        ended=re.compile(r"(?P<n>" + nouns + r")(?:结束|召开|完毕)?(?:之)?后|(?P<after>会后)(?=[，,])|"
                         r"(?P<then>随后)(?=[，,]?\s*(?:" + relative_words_re("我本").pattern + "))"),
        # `就贯彻落实好会议精神，市长X强调`: a sentence opened by what a watched meeting asks to relay, said by
        # the home's leader, is the follow-up meeting even with no `会后`
        relay_lead=re.compile(r"(?P<v>[就为](?:如何)?(?:深入|认真|进一步)?(?:" + alternation(meeting_verbs("relay"))
                              + r")好?)(?P<np>" + IN_CLAUSE + r"{0,20}?)(?P<n>会议)的?精神"),
        branch=re.compile(r"分会场"),
        roles=roles,
        roles_re=re.compile(alternation(roles)),
        scope_re=relative_words_re("全我本"),
        # `县长X出席会议并讲话`: a meeting attended is a meeting held, unless it was watched from afar
        attended=re.compile(r"(?P<v>" + alternation(_attend_verbs()) + r")(?P<np>" + IN_CLAUSE + r"{0,20}?)(?P<n>"
                            + nouns + ")"),
        team_report=re.compile(r"向(?:" + alternation(words("teams.tsv")) + r")" + IN_CLAUSE + r"{0,6}?(?P<v>汇报)"),
        # `督查组在某市听取了某市政府的汇报`: a visiting team hearing the place's report is a report meeting held;
        # a report heard and done (`听取汇报后，深入企业检查`) is none, unless the team speaks right after it, there
        # (`检查组在听取了某市政府汇报后指出`)
        team_heard=re.compile(r"(?:" + alternation(words("teams.tsv")) + r")" + IN_CLAUSE + r"{0,12}?(?:"
                              + alternation(meeting_verbs("heard")) + r")了?" + IN_CLAUSE + r"{1,30}?(?P<v>汇报)"
                              r"(?!会|时|后(?![,，]?(?:" + alternation(r[0] for r in rows("roles.tsv") if len(r) > 2
                                                                       and r[1] == "speaker" and r[2] == "list")
                              + ")))"),
        # `以电视电话会议形式召开某大会`: a meeting noun before a manner word (meeting_cues.tsv `manner`) says how
        # the meeting named after the verb is held; it names no meeting of its own
        manner=re.compile(r"(?:" + nouns + r")(?:" + alternation(_cue_words("manner")) + ")"),
        # `督导组向某市反馈督导情况`: a team reporting back is a feedback meeting held
        # `督查组向某市反馈…意见`, `甲代表督查组反馈了…意见` (not `对督查组反馈的问题整改`: no 向, no 代表)
        team_feedback=re.compile(r"(?:代表(?:" + alternation(words("teams.tsv")) + r")" + IN_CLAUSE + r"{0,4}?|(?:"
                                 + alternation(words("teams.tsv")) + r")" + IN_CLAUSE + r"{0,4}?向"
                                 r"" + IN_CLAUSE + r"{1,24}?)(?P<v>反馈)" + IN_CLAUSE + r"{0,8}?(?:情况|意见|问题)"),
        not_held=meeting_verbs("not_held") + meeting_verbs("summed"),
        not_chair=meeting_verbs("not_chair"),
    )


def _attend_verbs() -> list[str]:
    """The attendance verbs of lexicon/roles.tsv that open a noun phrase (`出席…会议`, `参加…会议`)."""
    return [r[0] for r in rows("roles.tsv") if len(r) > 2 and r[1] == "attendee" and r[2] == "list"
            and not r[0].endswith(("会议", "收看", "收听")) and r[0] not in ("与会", "参会")]


_WATCHED = re.compile(r"收看|收听|分会场|视频|电视电话")
_WATCHED_BEFORE = re.compile(r"收看|收听|分会场")
_SPEAKS_THERE = re.compile(r"并(?:作|发表)?(?:重要)?讲话")
_LEAD_REACH = 40  # characters from a sentence's start to the `会议精神` its opening relay (`就贯彻落实好…`) names
_DATED_START = re.compile(r"\s*(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]")  # a sentence opened by a month-day
# what opens a news report's first sentence before the name of the meeting it reports, when no comma
# follows it (`本报讯（记者甲）今天全省某某会议在某地召开`, `某某客户端12月3日讯 昨日全市…会议召开`): the
# dateline up to its 讯 (not 视讯, 通讯, 电讯, 资讯), the reporters' bracket, a day word, `召开的`
_NEWS_LEAD = re.compile(r"^[^，,。]*?(?<![视通电资])讯\s*(?:[（(][^（）()]{0,30}[）)])?")
_DAY_LEAD = re.compile(r"^\s*(?:今天|今日|昨天|昨日|前天|日前|近日|\d{1,2}日)?(?:上午|下午|晚上|晚间)?\s*(?:召开的|举行的)?")


@dataclass
class _Event:
    pos: int
    end: int
    kind: str  # held | ended | branch
    noun: str | None = None
    name: str | None = None
    generic: bool = False
    chaired: bool = False  # `主持反馈会`: names the current meeting rather than a new one
    act: bool = False  # named by what was done (lexicon/meeting_acts.tsv), not by a meeting noun
    listed: bool = False  # a later item of a list of meetings held (`分别召开甲会议、乙会议`): a meeting of its own
    follows: bool = False  # held right after the meeting before (`随后召开的全市…会议强调`)
    lead: bool = False  # an `ended` told by a relay opening the sentence (`就贯彻落实会议精神，甲强调`), no 后


def _events(text: str) -> list[_Event]:
    lex = _lex()
    out: list[_Event] = []
    many = _many_re()
    for rx in (lex.held_verb_first, lex.chaired):
        for m in rx.finditer(text):
            np = m.group("np")
            if text[max(0, m.start() - 2):m.start()].endswith(lex.not_held):
                continue
            if many.search(text, clause_start(text, m.start()), m.start()):
                continue  # `多个省份先后召开紧急会议`: places unnamed, no meeting of the report
            if np.startswith("的"):
                # `召开的…会议精神`: cited; `在当日下午召开的座谈会上`: the meeting the sentence is at
                # `随后召开的全市贯彻落实会议强调…`: a meeting held next, named in a relative clause, that speaks
                if not (text.startswith("上", m.end()) and "在" in text[clause_start(text, m.start()):m.start()]) \
                        and not (text.endswith(_follow_words(), clause_start(text, m.start()), m.start())
                                 and _speech_verbs_re().match(text, m.end())):
                    continue
                np = np[1:]
                follows = not text.startswith("上", m.end())
            else:
                follows = False
            name = (np + m.group("n")).strip()
            generic = m.group("n") == "会议" and not np
            chaired = rx is lex.chaired and m.group("v") == "主持"
            counted = _counted(text, m) if rx is lex.held_verb_first else []
            if counted:  # `召开两场会议，分别是甲会议、乙会议`: the meetings listed, held by the verb's clause
                out.append(_Event(m.start(), m.end(), "held", counted[0].noun, counted[0].name,
                                  counted[0].generic, follows=follows))
                out.extend(counted[1:])
                continue
            out.append(_Event(m.start(), m.end(), "held", m.group("n"), name, generic, chaired, follows=follows))
            if rx is lex.held_verb_first:
                out.extend(_listed(text, m))
    for m in lex.attended.finditer(text):
        # `X出席会议`: held where it is attended; `在分会场收听收看`, `参加全国电视电话会议`: watched, not held here
        clause = text[text.rfind("。", 0, m.start()) + 1:m.end() + 12]
        if (_WATCHED_BEFORE.search(clause) or _WATCHED.search(clause)
                and not _SPEAKS_THERE.search(text, m.end(), _clause_end(text, m.end(), len(text)))) \
                or text[max(0, m.start() - 2):m.start()].endswith(lex.not_held):
            continue  # `出席…视频会议并讲话`: who speaks at a teleconference attends it where it is held
        if _verbs_re("excused").search(text, max(clause_start(text, m.start()), m.start() - 10), m.start()):
            continue  # `因在北京参加重要会议，特委托副主席…`: why one is away, no meeting of the report
        np = m.group("np")
        out.append(_Event(m.start(), m.end(), "held", m.group("n"), (np + m.group("n")).strip(),
                          m.group("n") == "会议" and not np, chaired=True))
    for m in lex.held_noun_first.finditer(text):
        x = lex.manner.search(text, max(0, m.start("n") - _noun_len()), m.end("n") + 4)
        if x is not None and x.start() <= m.start("n") < x.end():
            continue
        # the noun phrase runs back to the clause start: `省…巡查海宁市情况反馈会召开`
        name = text[clause_start(text, m.start()):m.end("n")].strip()
        lead = _NEWS_LEAD.match(name)
        if lead and lead.end() < len(name) - len(m.group("n")):  # the day word only right after a dateline
            name = name[lead.end():]
            day = _DAY_LEAD.match(name)
            name = (name[day.end():] if day.end() < len(name) - len(m.group("n")) else name).strip()
        generic = m.group("n") == "会议" and len(name) <= 4
        out.append(_Event(m.start("n"), m.end(), "held", m.group("n"), name, generic))
    for rx, noun in _acts():
        for m in rx.finditer(text):
            # `对某企业负责人进行了约谈`, `组织干部集中观看了警示教育片`: a meeting held, named by the act;
            # `观看警示教育片后`: the same one, done; `会上，与会人员观看了警示教育片`: a part of a meeting
            if (not text[max(0, m.start() - 2):m.start()].endswith(lex.not_held) and not text.startswith("后", m.end())
                    and not _inside(text, _sentence_start(text, m.start()), m.start())):
                out.append(_Event(m.start(), m.end(), "held", noun, m.group(), False, act=True))
    for m in lex.team_report.finditer(text):
        # `副省长X向督查组汇报`: reporting to a visiting team is a report meeting held with it
        if text[max(0, m.start() - 2):m.start()].endswith(lex.not_held):
            continue
        out.append(_Event(m.start("v"), m.end(), "held", "汇报会", text[m.start():m.end()], False, chaired=True))
    for m in lex.team_heard.finditer(text) if "汇报" in text else ():  # every form says 汇报
        sent = text[_sentence_start(text, m.start()):m.start() + _SENTENCE_END.search(text + "。", m.end()).end()]
        if text[max(0, m.start() - 2):m.start()].endswith(lex.not_held) or _verbs_re("inside").search(
                text, _sentence_start(text, m.start()), m.start()) or _INSPECTION_METHODS.search(sent):
            # `会议听取了督导组…汇报`: a part of the meeting reported; `4月1日至5日，考核组听取了汇报、查阅了
            # 资料`: one of an inspection's methods over its days, no meeting
            continue
        out.append(_Event(m.start("v"), m.end(), "held", "汇报会", text[m.start():m.end()], False))
    for m in lex.team_feedback.finditer(text) if "反馈" in text else ():  # every form says 反馈
        if text[max(0, m.start() - 2):m.start()].endswith(lex.not_held):
            continue
        out.append(_Event(m.start("v"), m.end(), "held", "反馈会", text[m.start():m.end()], False))
    # every form of `ended` ends with 后: tried only within a noun's reach before one
    for m in finditer_at(lex.ended, _before_hou(text, _noun_len() + len("结束之")), text):
        out.append(_Event(m.start(), m.end(), "ended", m.group("n") or "会议"))
    for m in _relay_leads(text) if _WATCHED_BEFORE.search(text) else ():
        if _WATCHED_BEFORE.search(text, 0, m.start()) and not _verbs_re("held").search(
                text, m.end(), _SENTENCE_END.search(text + "。", m.end()).start()):
            out.append(_Event(m.start("v"), m.end(), "ended", "会议", lead=True))
    for m in lex.branch.finditer(text):
        if _MAIN_AND_BRANCH.search(text, max(0, m.start() - 8), m.start()):
            continue  # `在省主会场或分会场参加`: the venues of the meeting held, not a venue watching another
        out.append(_Event(m.start(), m.end(), "branch"))
    for e in out:
        if e.kind == "held" and e.name and e.name.startswith(_this_words()):
            e.generic = True  # `此次推进会的召开`: the meeting just reported, named again
    out.sort(key=lambda e: (e.pos, e.kind != "ended"))
    # one held event per position range: drop a held event inside another one's span
    kept: list[_Event] = []
    for e in out:
        if e.kind == "held" and any(k.kind == "held" and k.pos <= e.pos < k.end for k in kept):
            continue
        kept.append(e)
    return kept




# a branch venue named with the main one (`在主会场或分会场`, `分别在主会场、分会场参会`, `主会场和各县分会场`): the meeting
# itself is held over its venues
_MAIN_AND_BRANCH = re.compile(r"主会场[或、和及与]各?[" + LEVEL_CHARS + r"]?$")


def _relay_leads(text: str) -> list[re.Match[str]]:
    """The sentences opening with a relay of a meeting's spirit (`就贯彻落实好会议精神，`), found from each `精神`
    back to its sentence's start (every relay_lead match ends with 精神)."""
    out = []
    pos = text.find("精神")
    while pos >= 0:
        start = max((text.rfind(c, max(0, pos - _LEAD_REACH), pos) for c in "。！？!?\n"), default=-1) + 1
        while start < pos and text[start].isspace():
            start += 1
        m = _lex().relay_lead.match(text, start, pos + 2)
        if m is not None and m.end() == pos + 2 and (not out or out[-1].start() != m.start()):
            out.append(m)
        pos = text.find("精神", pos + 2)
    return out


def _before_hou(text: str, reach: int) -> list[int]:
    """The positions up to `reach` characters before a 后, ascending."""
    out: set[int] = set()
    q = text.find("后")
    while q >= 0:
        out.update(range(max(0, q - reach), q))
        q = text.find("后", q + 1)
    return sorted(out)


@cache
def _cue_words(cue: str) -> tuple[str, ...]:
    """The words of one cue of lexicon/meeting_cues.tsv (`follow_up`: `随后`, `接着`), in the file's order."""
    return tuple(r[0] for r in rows("meeting_cues.tsv") if r[1] == cue)


@cache
def _many_re() -> re.Pattern[str]:
    """A plural of places holding meetings (meeting_cues.tsv `many`: `多个省份`, `各地`)."""
    return re.compile(alternation(_cue_words("many")))


@cache
def _short_name_re() -> re.Pattern[str]:
    """A short name given inside a meeting's name (not_directives.tsv `short`: `简称`) is no part of it:
    `《某某意见》(以下简称《意见》)宣讲会召开` holds the meeting `《某某意见》宣讲会`."""
    return re.compile(r"[（(][^（）()]{0,4}?(?:" + alternation(r[0] for r in rows("not_directives.tsv") if r[1] == "short")
                      + r")[^（）()]{0,30}[）)]")


@cache
def _follow_words() -> tuple[str, ...]:
    """Words saying a meeting is held right after another (meeting_cues.tsv `follow_up`: `随后`, `接着`)."""
    return _cue_words("follow_up")


@cache
def _speech_verbs_re() -> re.Pattern[str]:
    """A speaker's verb that may follow a meeting's name (roles.tsv `speaker … list`: `会议强调`)."""
    return re.compile(alternation(r[0] for r in rows("roles.tsv") if len(r) > 2 and r[1] == "speaker"
                                  and r[2] == "list"))


@cache
def _this_words() -> tuple[str, ...]:
    """Words opening a meeting's name that point back at the meeting just reported (meeting_cues.tsv `this`)."""
    return _cue_words("this")


@cache
def _empty_words() -> tuple[str, ...]:
    """Words before a meeting's noun that name nothing of it (meeting_cues.tsv `empty`: `相关会议`)."""
    return _cue_words("empty")


def _named_by_noun(d: MeetingDraft) -> bool:
    """A meeting named by its noun alone (`会议`, `相关会议`)."""
    name = (d.name or "").removeprefix(next((w for w in _empty_words() if (d.name or "").startswith(w)), ""))
    return d.generic or name == d.noun


def follow_up_told_twice(out: list[MeetingDraft]) -> None:
    """`某市组织收看全省某某视频会议，并在省会议结束后接着召开相关会议。…省会议结束后，我市随即召开会议，部署…`: the
    meeting held after the watched ones, told in the lead and again in detail, each time named by its noun alone,
    with no other meeting of the report held between the tellings, at one level (or one unknown) and on one day
    (or one undated), is one meeting, the first telling; the later one's people, date, level and relays join it."""
    for b in list(out):
        if b not in out or b.held is None or b.higher or not _named_by_noun(b) \
                or not any(basis == "follow_up" for _, _, basis in b.relay_to):
            continue
        before = [d for d in out if d.start < b.start and not d.higher and d.held is not None]
        a = before[-1] if before else None
        if a is None or not _named_by_noun(a) or (a.level and b.level and a.level != b.level) \
                or (a.date and b.date and a.date != b.date):
            continue
        fold_participants(a, b)
        a.date, a.date_span = (a.date, a.date_span) if a.date else (b.date, b.date_span)
        if a.level is None:
            a.region, a.level, a.level_rule = b.region, b.level, b.level_rule
        a.relay_to.extend(r for r in b.relay_to if r[0] is not a and all(r[0] is not t for t, _, _ in a.relay_to))
        out.remove(b)
        for d in out:
            d.relay_to = [(a if t is b else t, inferred, basis) for t, inferred, basis in d.relay_to]


@cache
def _several_re() -> re.Pattern[str]:
    """A distributive word right before a held verb (`分别召开`, `先后召开了`), from lexicon/meeting_cues.tsv."""
    return re.compile("(?:" + alternation(_cue_words("several")) + r")又?$")


@cache
def _list_next_re() -> re.Pattern[str]:
    """The next item of a list of meetings: the rest of the item before (`（扩大）会议`), a separator, a name."""
    return re.compile(r"[^、和及与，,。；;！？!?\n]{0,8}?(?:、|以及|和|及|与)(?P<np>[^、，,。；;！？!?\n]{0,24}?)(?P<n>"
                      + alternation(_lex().kinds) + ")")


_JOINS = ("和", "及", "以及")  # what joins two meetings held one after the other (`召开甲电视电话会和乙会议`)


def _listed(text: str, m: re.Match[str]) -> list[_Event]:
    """`甲、乙分别召开了A会议、B会议和C座谈会`: the items after the first of a list held severally, each a
    meeting; without a distributive word before the verb only a join right after a meeting noun to a
    body's meeting makes another one (`召开全州某某电视电话会和州安委会第九次会议`); else a list stays one
    meeting's name (`召开安全生产和消防工作会议`, `召开安全生产工作会议和消防工作会议`)."""
    several = bool(_several_re().search(text, max(0, m.start() - 4), m.start()))
    if not several and not text.startswith(_JOINS, m.end("n")):
        return []
    out: list[_Event] = []
    pos = m.end("n")
    while (nxt := _list_next_re().match(text, pos)) is not None and (
            several or text.startswith(_JOINS, pos) and _joined_body_re().match(text, nxt.start("np"))):
        np = nxt.group("np").strip()
        out.append(_Event(nxt.start("np"), nxt.end(), "held", nxt.group("n"), np + nxt.group("n"),
                          nxt.group("n") == "会议" and not np, listed=True))
        pos = nxt.end()
    return out


@cache
def _count_re() -> re.Pattern[str]:
    """A count of meetings as the whole noun phrase before the noun (`两场`, `了三次`; meeting_cues.tsv `counted`)."""
    return re.compile(r"了?[两二三四五六七八九十\d]+(?:" + alternation(_cue_words("counted")) + ")$")


@cache
def _list_open_re() -> re.Pattern[str]:
    """What opens the list of the meetings counted, then its first item's name (meeting_cues.tsv `list_open`)."""
    return re.compile(r"[，,：:]?\s*(?:" + alternation(_cue_words("list_open")) + r")[：:]?(?P<np>[^、，,。；;！？!?\n]{0,24}?)(?P<n>"
                      + alternation(_lex().kinds) + ")")


def _counted(text: str, m: re.Match[str]) -> list[_Event]:
    """`召开两场会议，分别是甲会议、乙研判会`: the meetings listed after a count of them, each one of its own (the first
    at the list's start, the rest `listed`); none when the count is followed by no list."""
    if not _count_re().match(m.group("np").strip()):
        return []
    first = _list_open_re().match(text, m.end("n"))
    if first is None:
        return []
    np = first.group("np").strip()
    out = [_Event(first.start("np"), first.end(), "held", first.group("n"), np + first.group("n"),
                  first.group("n") == "会议" and not np)]
    pos = first.end()
    while (nxt := _list_next_re().match(text, pos)) is not None:
        np = nxt.group("np").strip()
        out.append(_Event(nxt.start("np"), nxt.end(), "held", nxt.group("n"), np + nxt.group("n"),
                          nxt.group("n") == "会议" and not np, listed=True))
        pos = nxt.end()
    return out


# what a team does besides hearing reports, listed with it as the ways of an inspection over its days
_INSPECTION_METHODS = re.compile(r"查阅|查看|检查现场|实地检查|抽查|暗访|至\d{1,2}日")
_INSIDE_REACH = 60  # characters an inside word may stand before the act


def _sentence_start(text: str, pos: int) -> int:
    """The start of the sentence at `pos` by its marks, not by line breaks (a hard-wrapped page breaks
    lines inside sentences), at most `_INSIDE_REACH` back."""
    return max([text.rfind(c, 0, pos) + 1 for c in "。！？!?；;"] + [pos - _INSIDE_REACH, 0])


def _inside(text: str, start: int, end: int) -> bool:
    """Whether an inside word (meeting_verbs.tsv `inside`) between `start` and `end` puts an act inside a meeting
    reported; a meeting noun that only says how the act is done (`以视频会议形式对《某意见》进行了宣讲`,
    meeting_cues.tsv `manner`) does not."""
    manner = [(x.start(), x.end()) for x in _lex().manner.finditer(text, start, end)]
    return any(not any(a <= w.start() < b for a, b in manner) for w in _verbs_re("inside").finditer(text, start, end))


_ACT_GAP = 16  # characters between an act's verb and its object (`观看了某省安全生产警示教育片`)


@cache
def _acts() -> tuple[tuple[re.Pattern[str], str], ...]:
    """lexicon/meeting_acts.tsv as (pattern, meeting noun)."""
    return tuple((re.compile(re.escape(verb) + r"了?" + IN_CLAUSE + r"{0,"
                             + str(_ACT_GAP) + "}?" + re.escape(obj)), noun)
                 for verb, obj, noun in rows("meeting_acts.tsv"))


@cache
def _act_nouns() -> frozenset[str]:
    """The meeting nouns of lexicon/meeting_acts.tsv."""
    return frozenset(r[2] for r in rows("meeting_acts.tsv"))


_HEADER_LINE = 60  # characters of a headline above the body's first sentence
_SLOGAN = re.compile(r"[^\s。！？!?；;，,：:]{2,16}[!！]")  # a headline's opening slogan (`筑牢安全防线！`)
_MARKLESS_LINE = 80  # characters of a line of its own without a clause mark: a headline or a caption wherever it stands


@cache
def _headline_labels() -> tuple[str, ...]:
    return _cue_words("headline")


def is_headline(text: str, index: SentenceIndex, pos: int) -> bool:
    """A short line of its own without closing punctuation (a headline or a caption). Above the body's
    first sentence a headline may be longer and hold a comma (`某某主持召开市政府常务会议,部署某某工作`);
    a line opened by a label (`原标题:…`, meeting_cues.tsv `headline`) is one at any length."""
    sent = index.at(pos)
    raw = text[sent.start:sent.end]
    if "\n" in raw:  # `某县召开…会议\n??`: the marks a scraped page leaves at the next line's start are not this line's
        raw = raw[:raw.index("\n") + 1]
    line = raw.strip()
    before = text[max(0, sent.start - 1):sent.start]
    if before and before in "!！" and _SLOGAN.fullmatch(text, text.rfind("\n", 0, sent.start) + 1, sent.start):
        before = "\n"  # `筑牢安全防线！某镇召开…会议`: a headline opened by a slogan and its exclamation mark
    if not (sent.start == 0 or before == "\n" or not before.strip()):
        return False
    if text.startswith(_headline_labels(), text.rfind("\n", 0, pos) + 1):
        return True
    if len(line) <= _MARKLESS_LINE and not re.search(r"[。！？!?；;，,]", line):
        return True
    return (len(line) <= _HEADER_LINE and not _SENTENCE_END.search(line) and not _SENTENCE_END.search(text, 0, sent.start)
            and line[-1:] not in "，,、" and raw.endswith("\n"))


def segment_meetings(text: str, index: SentenceIndex,
                     mentions: list[NameMention] | tuple[NameMention, ...] = (),
                     roles: list[PersonRole] | None = None) -> list[MeetingDraft]:
    """Meeting scopes in text order (scope = [start, end) of the clean text).

    `mentions` (the article's persons) tell a branch venue with people named at it, which is a
    meeting of its own, from an anonymous one (`各县设分会场`), which adds nothing; `roles` are their
    `person_roles` (computed here when a branch venue needs them and none are given)."""
    lex = _lex()
    meetings: list[MeetingDraft] = []
    cur: MeetingDraft | None = None
    known_roles = roles
    visits: list[int] | None = None

    def speak_after(pos: int) -> frozenset[str]:
        """The people who chair or speak from the sentence of `pos` on (`Y在分会场主持会议`, `会后，Y要求`)."""
        nonlocal known_roles
        if known_roles is None:
            known_roles = person_roles(text, index, list(mentions))
        nonlocal visits
        if visits is None:
            visits = _visits(text, index)
        start = index.at(pos).start
        stop = next((v for v in visits if v >= index.at(pos).end), len(text))
        return frozenset(r.name for r in known_roles if start <= r.start < stop and r.role in ("chair", "speaker"))

    def sent_start(pos: int) -> int:
        return index.at(pos).start

    def set_held(m: MeetingDraft, e: _Event) -> None:
        m.held, m.held_end, m.noun, m.generic = e.pos, e.end, e.noun, e.generic
        m.name = e.name[1:] if e.name and e.name.startswith("了") else e.name  # `召开了全市…会议`
        if m.name and ("(" in m.name or "（" in m.name):  # the short name stands in brackets
            m.name = _short_name_re().sub("", m.name)
        m.kind = lex.kinds.get(e.noun or "", "other")

    headline: _Event | None = None
    told_after: dict[str, MeetingDraft] = {}  # the sentences of the `…后` that opened a follow-up
    for e in _events(text):
        if e.kind == "held" and (is_headline(text, index, e.pos) or _in_title(text, e.pos) or _on_link_line(text, e.pos)):
            if headline is None and is_headline(text, index, e.pos):
                headline = e
            continue  # the article's headline names the meeting the body reports (quoted too: `《某县召开…会议》由某网提供`)
        if e.kind == "held" and e.act and cur is not None and cur.held is not None and cur.held < e.pos \
                and not _SENTENCE_END.search(text, cur.held, e.pos):
            continue  # `召开约谈会，对某县政府进行约谈`: the act of the meeting just named (a line break is no end)
        if e.kind == "held":
            if cur is None:
                cur = MeetingDraft(start=0)
                meetings.append(cur)
            elif e.listed:
                cur = MeetingDraft(start=e.pos)
                meetings.append(cur)
            elif cur.venue and cur.branch_pos is not None and index.index_at(e.pos) != index.index_at(cur.branch_pos):
                if e.generic or e.chaired:
                    continue  # `主持会议` after a venue's sentence: not the venue's, nor a new meeting
                cur = MeetingDraft(start=sent_start(e.pos))  # `随后，X市召开…会议`: the next meeting
                meetings.append(cur)
            elif (cur.held is not None and not e.chaired and index.index_at(e.pos) != index.index_at(cur.held)
                  and (not e.generic or _DATED_START.match(text, sent_start(e.pos)))):
                # `3月5日下午，某区副区长甲组织召开会议`: a bare 会议 in a sentence opened by its own date is
                # another meeting (a roundup of several places' meetings), not the one before named again
                cur = MeetingDraft(start=sent_start(e.pos))
                meetings.append(cur)
            if cur.held is None or (cur.generic and not e.generic):
                set_held(cur, e)
                cur.after_prev = cur.after_prev or e.follows
        elif e.kind == "ended":
            if _in_title(text, e.pos):
                continue  # `学习《某某同志在某某会议结束后的讲话》`: a document's title, no meeting ended there
            if cur is None and not _WATCHED_BEFORE.search(text, 0, e.pos) and not _national_before(text, e.pos):
                # `全国某某电视电话会议后，省长甲就全省工作进行部署`: right after a named national meeting, with no
                # watching said, the home's leader deploying holds the follow-up that relays it
                continue
            told = text[clause_start(text, e.pos):index.at(e.pos).end].strip()
            again = told_after.get(told)
            if again is not None and again is cur and cur.held is None:
                # a lead paragraph repeated word for word (a teaser, then the body): one telling, the body's
                meetings.remove(cur)
            if e.lead and cur is not None and (cur.venue or (cur.after_prev and cur.held is None)):
                continue  # `…在分会场讲话。就贯彻落实会议精神，甲要求`, `会后，…。就…`: the home's meeting is told already
            # after a meeting only watched (`组织收看…会议。会议结束后，…`) too: the follow-up is the report's own,
            # its scope from the top (the watching's date is its date); a sentence opened by a relay, its own
            cur = MeetingDraft(start=sent_start(e.pos) if cur is not None or e.lead else 0, after_prev=True,
                               after_at=e.pos)
            meetings.append(cur)
            told_after[told] = cur
        elif e.kind == "branch":
            if is_headline(text, index, e.pos):
                continue  # `某某会议召开 甲某在某市分会场出席`: the headline names the venue the body reports
            if cur is None:
                cur = MeetingDraft(start=sent_start(e.pos), branch=True, branch_pos=e.pos)
                meetings.append(cur)
            elif cur.held is not None and not cur.branch and (
                    _speaks_at_venue(text, index, e.pos)
                    or _named_at_venue(index, e.pos, cur.held, mentions, speak_after)):
                # `县长Y在X县分会场参加会议。会后，Y要求`, `X县设分会场，县长Y参加会议…Y强调`, `市长X在Y分会场
                # 收听收看并讲话`: the venue holds a meeting of its own (its level, the same day), relaying the
                # higher one; people who only watch there (`县长Y在分会场收听收看`) attend the watched meeting
                same = index.index_at(e.pos) == index.index_at(cur.held)
                start = index.clause_bounds(e.pos)[0] if same else sent_start(e.pos)
                cur = MeetingDraft(start=start, branch=True, branch_pos=e.pos, after_prev=True, venue=True)
                meetings.append(cur)
            elif cur.held is not None:
                continue  # `各县设分会场`, `…负责人在X分会场收听收看`: nobody named there, nothing new
            else:  # `会议结束后，…在X分会场收听收看`: the lower meeting is the venue's
                cur.branch, cur.branch_pos = True, e.pos
    if not meetings and headline is not None:
        # `某县某局召开会议` over a body that only says what was done there (`在会议室学习…，会议由某某主持`):
        # the headline's meeting is the one the body reports
        cur = MeetingDraft(start=0)
        set_held(cur, headline)
        meetings.append(cur)
    if meetings and meetings[0].held is not None and (
            call := _verbs_re("courtesy").search(text, 0, clause_start(text, meetings[0].held))):
        # `市长X会见了督查组一行…。在当日下午召开的座谈会上`: a courtesy call before the first meeting held
        # is no part of it (`甲、乙会见了督查组，丙听取了督查组反馈`: nor the clauses of the call)
        held = meetings[0].held
        meetings[0].start = sent_start(held) if call.start() < sent_start(held) else clause_start(text, held)
    for i, m in enumerate(meetings):
        m.end = meetings[i + 1].start if i + 1 < len(meetings) else len(text)
        if m.after_prev and i > 0:
            m.relays_meeting = i - 1 if m.venue else _previous_relayed(meetings, i)
            m.relay_rule = "meeting.relay.branch_venue" if m.venue else "meeting.relay.after_or_branch"
    return meetings




_SENTENCE_END = re.compile(r"[。！？!?；;]")


@cache
def _national_words() -> tuple[str, ...]:
    return _cue_words("national")


def _national_before(text: str, pos: int) -> bool:
    """The meeting noun at `pos` is named as the centre's in its clause (`全国安全生产电视电话会议后`)."""
    clause = text[clause_start(text, pos):pos]
    return any(w in clause for w in _national_words())


@cache
def _link_words() -> tuple[str, ...]:
    return _cue_words("link")


def _on_link_line(text: str, pos: int) -> bool:
    """`pos` lies on a line linking other articles (`下一页：某区召开…会议`, meeting_cues.tsv `link`)."""
    return text.startswith(_link_words(), text.rfind("\n", 0, pos) + 1)


def _in_title(text: str, pos: int) -> bool:
    """`pos` lies inside a 《》 title (a headline quoted, `《关于召开…会议的通知》`): no meeting held there."""
    opened = text.rfind("《", 0, pos)
    return opened >= 0 and text.rfind("》", 0, pos) < opened and text.find("》", pos) >= 0 \
        and "\n" not in text[opened:pos]


def _previous_relayed(meetings: list[MeetingDraft], i: int) -> int:
    """The meeting a later one relays when it says `会议结束后` / `贯彻…会议精神`: the one before it,
    or, when that was a branch venue, the meeting the venue relayed (the one it watched)."""
    j = i - 1
    while j > 0 and meetings[j].venue and meetings[j].relays_meeting is not None:
        j = meetings[j].relays_meeting
    return j


@cache
def visit_re() -> re.Pattern[str]:
    """What people do right after a meeting when they go out instead of meeting (meeting_cues.tsv `visit`)."""
    return re.compile(alternation(_cue_words("visit")))


def _visits(text: str, index: SentenceIndex) -> list[int]:
    """Where the sentences that end a meeting by going out start, in order (`会议结束后，甲、乙一行到某中心调研。
    甲强调…`: what is said from there on is said on the visit)."""
    out = []
    for m in finditer_at(_lex().ended, _before_hou(text, _noun_len() + len("结束之")), text):
        sent = index.at(m.start())
        if visit_re().search(text, m.end(), sent.end + 1) and not _verbs_re("held").search(text, m.end(), sent.end + 1):
            out.append(sent.start)
    return out


def _named_at_venue(index: SentenceIndex, pos: int, held: int, mentions: list[NameMention] | tuple[NameMention, ...],
                    speak_after: Callable[[int], frozenset[str]]) -> bool:
    """A person who chairs or speaks from the venue's sentence on (`speak_after`) is named at the branch venue:
    in its clause when the higher meeting is reported in the same sentence (`…，县长Y在县分会场参加会议`), else
    anywhere in its sentence (`X县设分会场，县长Y参加会议`)."""
    sent = index.at(pos)
    if index.index_at(pos) == index.index_at(held):
        lo, hi = index.clause_bounds(pos)
        # `省召开…会议，县长Y，副县长Z，各部门负责人在县分会场收听收看。Y要求…`: the people listed clause by
        # clause after the higher meeting's clause are the venue's subject too, when one of them speaks in a
        # later sentence (someone speaking in this one, `副省长X出席并讲话，`, speaks at the higher meeting)
        later = speak_after(sent.end) if sent.end < len(index.text) else frozenset()
        listed = index.clause_bounds(held)[1]
        if any(listed <= m.start < lo and not m.national and m.name in later for m in mentions):
            return True
    else:
        lo, hi = sent.start, sent.end
    speakers = speak_after(pos)
    return any(lo <= m.start < hi and not m.national and m.name in speakers for m in mentions)


def _speaks_at_venue(text: str, index: SentenceIndex, pos: int) -> bool:
    """Someone chairs or speaks in the branch venue's sentence (not merely attends)."""
    sent = index.at(pos)
    return any(role == "speaker" or cue == "主持" for cue, role, _ in _role_cues(text, pos, sent.end))


@cache
def _led_team() -> tuple[str, ...]:
    """A leader named inside the team's name (`由X率组的检查组`): a verb of leading a team (inspection_verbs.tsv
    `leads`) and the 的 that makes it the team's attribute."""
    return tuple(r[0] + "的" for r in rows("inspection_verbs.tsv") if r[1:2] == ("leads",))


# `受X书记、Z主席委托，Y讲话`: Y stands in for X and Z, who are not at the meeting
_ENTRUST_LEAD, _ENTRUST = "受", "委托"
_DEMAND = "要求"  # a cue that is also a noun: `落实某某书记要求` (the demand), `某某书记要求，…` (he demands)


@cache
def _reading_verb_re() -> re.Pattern[str]:
    """The verbs that carry out or pass on what a leader said (persons.reading_verbs)."""
    return re.compile(alternation(reading_verbs()))


SPEECH_CUE = "讲话精神"  # the cue of a person whose speech at an earlier meeting is relayed (not at the report's own)


@cache
def _cited_nouns() -> tuple[tuple[str, bool], ...]:
    """The nouns of lexicon/cited_instructions.tsv, longest first, each with whether it is `spoken`."""
    return tuple(sorted(((r[0], r[1:2] == ("spoken",)) for r in rows("cited_instructions.tsv")),
                        key=lambda w: -len(w[0])))


def _spoken_speech(cited: str) -> bool:
    """A cited form ending with the spirit of one speech (`…的重要讲话精神`, not `一系列重要讲话精神`)."""
    return next((spoken for w, spoken in _cited_nouns() if cited.endswith(w)), False)


@cache
def _cited_re() -> re.Pattern[str]:
    nouns = alternation(words("cited_instructions.tsv"))
    written = alternation(r[0] for r in rows("cited_instructions.tsv") if r[1:2] == ("written",))
    # `X同志的批示精神`, `X代省长批示要求` (a name named again, its post not taken): the address after the
    # name changes nothing; nor does a slogan quoted from the instruction (`X“某某某某”指示要求`)
    address = r"(?:代?(?:" + alternation(words("honorifics.tsv")) + r"))?(?:“[^”，,。；;]{1,30}”)?"
    # `X关于某某事故批示精神`: after 关于 the 的 may be left out; `X在某某通知上的批示精神`: where it was written
    # `X作出批示`, `X作批示`, `X作出的…`: made, not said at the meeting; `X在批示中强调`: the cue quotes the written
    # instruction, which X did not speak at the meeting
    # `X立即作出批示`: an adverb of name_followers.tsv may stand before the act of writing
    adverb = r"(?:" + alternation(r[0] for r in rows("name_followers.tsv") if r[1:2] == ("adverb",)) + r")?"
    # `甲、乙等市领导关于…的指示要求`, `甲等领导同志的批示`: the group the listed names close is who is cited
    group = r"(?:等(?:[" + LEVEL_CHARS + r"]?领导)?(?:同志)?)?"
    return re.compile(address + group + r"(?:(?:(?:关于|对|在)[^，,。；;]{0,30}?)?的|关于[^，,。；;]{0,30}?)?(?:" + nouns
                      + r")|" + adverb + r"作出了?(?:的|" + nouns + ")|" + adverb + r"作了?(?:" + written + ")|在(?:"
                      + nouns + ")中")


def _role_cues(text: str, start: int, end: int) -> list[tuple[str, str, int]]:
    lex = _lex()
    return [(m.group(), lex.roles[m.group()], m.start()) for m in lex.roles_re.finditer(text, start, end)
            if not _in_meeting_noun(text, m.start()) and not text.startswith(_SAID_IN, m.end())]


# `就汇报中的问题进行了解`, `对讲话中提出的要求`: a cue before these is what was said, a noun, not an act
_SAID_IN = ("中的", "中提")


_NOUN_REACH = 6  # characters a meeting noun may start before a cue inside it (`工作汇报会`)


def _in_meeting_noun(text: str, pos: int) -> bool:
    """The cue at `pos` is part of a meeting's noun: `出席汇报会` names a meeting, no one reports."""
    search = _meeting_noun_re().search
    k = max(0, pos - _NOUN_REACH)
    stop = pos + _noun_len() + 1  # a noun starting by pos ends before this: no need to search the text beyond
    while (m := search(text, k, stop)) is not None and m.start() <= pos:  # the nouns starting up to pos, in turn
        if m.end() > pos:
            return True
        k = m.start() + 1
    return False


@cache
def _noun_len() -> int:
    """The length of the longest meeting noun."""
    return max(map(len, _lex().kinds))


@cache
def _meeting_noun_re() -> re.Pattern[str]:
    """The meeting nouns that hold a role cue (`汇报会`, `反馈会`, `部署会`): only those can hide one."""
    cues = _lex().roles
    return re.compile(alternation(n for n in _lex().kinds if any(c in n for c in cues)))


@cache
def _visit_re() -> re.Pattern[str]:
    """The frame of words said on a visit (`在检查督导中`, `在调研时`, `在暗访期间`): inspection_verbs.tsv mission and
    visit words."""
    words = alternation(r[0] for r in rows("inspection_verbs.tsv") if r[1:2] in (("mission",), ("visit",)))
    return re.compile(rf"在[^，,。；;：:]{{0,12}}?(?:{words})(?:工作)?(?:中|时|期间|过程中)")


@dataclass
class PersonRole:
    """A person's role cue at the place the text names the person (`县长X主持` → chair)."""

    name: str
    role: str
    start: int
    end: int
    cue: str
    national: bool = False


def person_roles(text: str, index: SentenceIndex, mentions: list[NameMention]) -> list[PersonRole]:
    """The strongest role cue after each name in its clause; a name list shares the cue that closes it.
    National leaders are read apart (they cite or speak at national meetings, never at local ones)."""
    out: list[PersonRole] = []
    for national in (False, True):
        people = [m for m in mentions if m.national == national]
        for m, cue in zip(people, _cues(text, index, people), strict=True):
            if cue is not None:
                out.append(PersonRole(m.name, cue[1], m.start, m.end, cue[0], national))
    out.extend(_pronoun_roles(text, index, [m for m in mentions if not m.national]))
    out.extend(_group_roles(text, index, [m for m in mentions if not m.national]))
    out.sort(key=lambda r: r.start)
    return out


# the rules of a person listed under a collective without a post (`市领导甲、乙`, `甲、乙等市领导`)
_LISTED = ("person.after_collective", "person.list_before_collective", "person.list_before_verb")


@cache
def _group_re() -> re.Pattern[str]:
    """`与会市领导`, `市领导` at a clause start (lexicon/group_refs.tsv)."""
    return re.compile(r"(?:^|(?<=[" + re.escape(CLAUSE_MARKS) + r"]))\s*(?:" + alternation(words("group_refs.tsv"))
                      + r")?[" + LEVEL_CHARS + r"]领导(?:同志)?(?:们)?")


@cache
def _group_firsts() -> frozenset[str]:
    """The characters but spaces a group reference opens with: a level's, or a word's of group_refs.tsv."""
    return frozenset(LEVEL_CHARS) | {w[0] for w in words("group_refs.tsv") if w}


def _group_roles(text: str, index: SentenceIndex, people: list[NameMention]) -> list[PersonRole]:
    """`市领导甲、乙出席会议。…与会市领导分别就分管工作作出部署`: the leaders a report listed by name
    without posts (the list nearest before) take the speaker's or chair's cue of a clause about them."""
    out: list[PersonRole] = []
    # every group reference says 领导, and opens the text or a clause with a space, a level or a word of its list
    firsts = _group_firsts()
    starts = [s for s in (0, *(i + 1 for i in clause_marks(text))) if text[s:s + 1] in firsts
              or text[s:s + 1].isspace()] if "领导" in text else ()
    for m in finditer_at(_group_re(), starts, text):
        # the sentence of the reference's last character: a line break before it ends the sentence before
        cues = [c for c in _role_cues(text, m.end(), _clause_end(text, m.end(), index.at(m.end() - 1).end))
                if c[1] != "attendee"]
        listed = [p for p in people if p.rule in _LISTED and p.end <= m.start()]
        if not cues or not listed:
            continue
        k = index.index_at(listed[-1].start)
        group = [p for p in listed if index.index_at(p.start) == k]
        level = m.group()[m.group().index("领导") - 1]
        if level + "领导" not in index.sentence_text(listed[-1].start):
            continue  # `县领导甲、乙…。省领导要求`: other leaders
        cue = min(cues, key=lambda c: ROLE_RANK[c[1]])
        out.extend(PersonRole(p.name, cue[1], m.start(), m.end(), cue[0]) for p in group)
    return out


@cache
def _pronoun_re() -> re.Pattern[str]:
    """A pronoun of lexicon/pronouns.tsv opening a sentence (`。他强调`)."""
    return re.compile(r"(?:^|(?<=[" + re.escape(SENTENCE_MARKS) + r"]))\s*(?P<p>" + alternation(words("pronouns.tsv")) + ")(?!们)")


@cache
def _pronouns() -> tuple[str, ...]:
    return tuple(words("pronouns.tsv"))


def _pronoun_roles(text: str, index: SentenceIndex, people: list[NameMention]) -> list[PersonRole]:
    """`县长张三出席会议。他强调，…`: a sentence opened by a pronoun with a speaker's or chair's cue in its
    first clause gives that role to the one person the sentence before names (none when it names several)."""
    out: list[PersonRole] = []
    for m in _pronoun_re().finditer(text) if any(w in text for w in _pronouns()) else ():
        pos = m.start("p")
        k = index.index_at(pos)
        if k == 0:
            continue
        cues = [c for c in _role_cues(text, m.end(), _clause_end(text, m.end(), index.at(pos).end)) if c[1] != "attendee"]
        if not cues:
            continue
        prev = index.sentences[k - 1]
        names = {p.name for p in people if prev.start <= p.start < pos}
        if len(names) == 1:
            cue = min(cues, key=lambda c: ROLE_RANK[c[1]])
            out.append(PersonRole(names.pop(), cue[1], pos, m.end(), cue[0]))
    return out


def _cues(text: str, index: SentenceIndex, people: list[NameMention]) -> list[tuple[str, str, int] | None]:
    lex = _lex()
    roles: list[tuple[str, str, int] | None] = [None] * len(people)
    for i in range(len(people) - 1, -1, -1):
        m = people[i]
        sent = index.at(m.start)
        nxt = people[i + 1].start if i + 1 < len(people) and people[i + 1].start < sent.end else sent.end
        clause = _clause_end(text, m.end, sent.end)
        own_end = min(nxt, clause)  # cues bind within the name's clause
        # a title after the name (`某某总理批示要求`, `某某主席关于…的指示`): what is cited follows it
        after = max([m.end] + [t.end for t in m.titles if t.start >= m.end])
        cited = _cited_re().match(text, after, max(own_end, after))
        if cited is not None and _spoken_speech(cited.group()):
            # `传达市长X在全市某某会议上的讲话精神`: X spoke at the meeting relayed (higher.attach_higher seats X there)
            roles[i] = (SPEECH_CUE, "speaker", cited.start())
            continue
        entrusting = text.startswith(_ENTRUST_LEAD, clause_start(text, m.start, sent.start)) \
            and _ENTRUST in text[m.end:clause]
        if text.startswith(("的", "委托"), m.end) or entrusting or cited is not None:
            # `X的…`, `X关于…的批示`: cited, not at the meeting; `受X委托，Y讲话`, `受X书记、Z主席委托`: Y stands in
            continue
        if _verbs_re("excused").match(text, m.end):
            continue  # `副县长X因在外地参加会议，委托Y出席`: the reason X is away; X is at no meeting of the report
        if text.startswith(_led_team(), m.end):
            # `向由副厅长X率组的考核组汇报工作`: X leads the team the clause names, the clause's verbs are not X's:
            # X is at the meeting the clause reports, and no more (`由X带队的检查组，对…`: none is reported)
            if _role_cues(text, m.end, own_end):
                roles[i] = (text[m.end:m.end + 2], "attendee", m.end)
            continue
        if text.startswith(_DEMAND, after) and CLAUSE_END.match(text, after + len(_DEMAND)) \
                and _reading_verb_re().search(text, clause_start(text, m.start, sent.start), m.start):
            continue  # `认真落实市委部署和X书记要求，`: the leader's demand is what the clause carries out, a noun
        if text.count("《", sent.start, m.start) > text.count("》", sent.start, m.start):
            continue  # `学习了《X向某地遇难者表示哀悼》`: a name inside a document's title acts in the title only
        if not m.national and (before := _lead_cue(text, m.start)) is not None:
            roles[i] = before  # `听取了局长X同志《关于…的报告》`
            continue
        lead = _LIST_INTRO.search(text, sent.start, m.start)
        if lead:  # `出席会议的还有县委副书记X，副县长Y`: the intro covers the whole sentence
            roles[i] = (lead.group(1), lex.roles.get(lead.group(1), "attendee"), lead.start())
            continue
        cues = [c for c in _role_cues(text, m.end, own_end) if not text[max(0, c[2] - 2):c[2]].endswith(_lex().not_chair)]
        # `X在检查督导中强调`, `X在调研时指出`: said on a visit, at no meeting
        cues = [c for c in cues if _visit_re().search(text, after, c[2]) is None]
        if cues:
            # `X出席某日下午召开的座谈会`, `X传达了某日本区召开的会议精神`: a verb before 的 after the person's
            # first act names the meeting or what is relayed, not the person's act
            first = cues[0][2]
            cues = [c for c in cues if not (c[2] > first and text.startswith("的", c[2] + len(c[0])))]
        heard = _verbs_re("heard").search(text, m.end, own_end)
        if heard is not None:
            # `副市长甲听取了督导组反馈`: the report or feedback is the team's, the person hears it;
            # `听取汇报后讲话`, `听取汇报并讲话`: what the person does next is the person's own
            obj_end = _HEARD_END.search(text, heard.end(), own_end)
            obj_end_at = obj_end.start() if obj_end else own_end
            cues = [c for c in cues if not heard.start() <= c[2] < obj_end_at]
            if not cues:
                roles[i] = (heard.group(), "attendee", heard.start())
                continue
        if own_end == clause < nxt and all(c[1] == "attendee" for c in cues):
            cues += _carried_cues(text, m.end, clause, min(nxt, sent.end))
        if not cues and (act := _topic_act(text, m.end, min(nxt, sent.end))) is not None:
            cues = [act]
        if not cues and (by := _by_chair(text, m.start, m.end, sent.start)) is not None:
            cues = [by]
        if cues:
            roles[i] = min(cues, key=lambda c: ROLE_RANK[c[1]])
            if roles[i][1] != "chair" and _on_scene(text, m.end, roles[i][2]):
                roles[i] = None
        elif nxt < sent.end and i + 1 < len(people):
            gap = text[m.end:nxt]
            if len(gap) <= 30 and not re.search(r"[。；;]", gap):
                roles[i] = roles[i + 1]
        if roles[i] is None and not m.national:
            # `市领导A、B，市政府秘书长C出席会议`: a list of names is closed by the attendance verb of its
            # sentence when no other person's cue stands between
            later = _attend_verb_re().search(text, m.end, sent.end)
            if later is None and text[m.end:m.end + 1] in _LIST_SEMICOLON and sent.end < len(text):
                # `甲、乙，局长丙；副局长丁、戊出席会议`: a semicolon parts the groups of one list, whose
                # attendance verb closes the part after it (not a new line: a paragraph is a new passage)
                nxt_sent = index.at(sent.end)
                if nxt_sent.paragraph == sent.paragraph and nxt_sent.start == sent.end:
                    later = _attend_verb_re().search(text, nxt_sent.start, nxt_sent.end)
            if later and not _role_cues_strong(text, m.end, later.start()):
                roles[i] = (later.group(), "attendee", later.start())
        if roles[i] is None and not m.national:
            venue = lex.branch.search(text, sent.start, sent.end)
            if venue:  # `县领导X，各部门负责人在县分会场收听收看`: named at the branch venue is attending
                roles[i] = (venue.group(), "attendee", venue.start())
    return roles


_LIST_SEMICOLON = ";；"


@cache
def _scene_re() -> re.Pattern[str]:
    """Going to the scene of an event (meeting_cues.tsv `scene`, then the scene: `赶赴事故现场`, `赶到救援一线`)."""
    return re.compile("(?:" + alternation(_cue_words("scene")) + r")[^，,。；;：:]{0,4}?(?:现场|一线)")


def _on_scene(text: str, name_end: int, cue: int) -> bool:
    """Between the name and its cue the person goes to the scene of an event, and no meeting is named after it
    (`副部长甲赶赴现场，对处置工作进行分析指导`: directions given on site; `乙赶到现场，在现场会上讲话`: a meeting;
    a chair's cue always names one)."""
    if "现场" not in text[name_end:cue] and "一线" not in text[name_end:cue]:
        return False
    scene = _scene_re().search(text, name_end, cue)
    return scene is not None and "会" not in text[scene.end():cue + 2]


def _by_chair(text: str, start: int, end: int, floor: int) -> tuple[str, str, int] | None:
    """`会议由副县长某某组织，…参加`: in the passive frame a verb of meeting_verbs.tsv `by_chair` closing the clause
    makes the person after 由 the chair, as 主持 does anywhere; outside it (`某某组织各部门学习`) it is no role."""
    v = _verbs_re("by_chair").match(text, end)
    if v is None or not (v.end() == len(text) or CLAUSE_END.match(text, v.end())):
        return None
    if "由" not in text[clause_start(text, start, floor):start]:
        return None
    return v.group(), "chair", end

_CARRY_CLAUSES = 3  # clauses a cue may stand past the name's own
_OPENED_CLAUSES = 8  # and past an unfinished opener's (`县长甲从…、…等方面`), within the sentence


@cache
def _carry_re(kind: str) -> re.Pattern[str]:
    """The words of lexicon/role_carry.tsv of this kind (`opens` after the name, possibly after `同志`;
    `continues` at a clause start, as does any cue of roles.tsv)."""
    found = [r[0] for r in rows("role_carry.tsv") if r[1] == kind]
    if kind == "opens":
        return re.compile(r"(?:同志)?(?:" + alternation(found) + ")")
    return re.compile(alternation([*found, *_lex().roles]))


def _carried_cues(text: str, name_end: int, clause: int, limit: int) -> list[tuple[str, str, int]]:
    """The cues of the clauses after the name's own whose subject is still the name (lexicon/role_carry.tsv):
    after an unfinished opener (`县长甲就做好某项工作，作出部署`) the next clauses up to a cue, else each
    clause opening with a continuing word (`县长甲出席会议，并对某项工作作出部署`); none past `limit` (the
    next person named, or the sentence end)."""
    opened = bool(_carry_re("opens").match(text, name_end))
    pos = clause
    # an opener's object may be a list written with commas (`从强化甲意识，强化乙意识，…等方面提出要求`)
    for _ in range(_OPENED_CLAUSES if opened else _CARRY_CLAUSES):
        start = pos + 1
        if start >= limit or text[pos] in "。！？!?；;\n":
            break
        if not opened and not _carry_re("continues").match(text, start):
            break
        opened = opened or bool(_carry_re("opens").match(text, start))  # `，就某项工作，…作出部署`
        end = _clause_end(text, start, limit)
        cues = [c for c in _role_cues(text, start, end) if not text[max(0, c[2] - 2):c[2]].endswith(_lex().not_chair)]
        if cues:
            return cues
        pos = end
    return _speech_opened(text, clause, limit)


@cache
def _no_subject_re() -> re.Pattern[str]:
    """What opens a clause with no subject of its own: an adverb (name_followers.tsv `adverb`), then a word of
    role_carry.tsv or a cue of roles.tsv (`再次强调`, `对某项工作提出要求`, `结合实际`)."""
    adverbs = {r[0] for r in rows("name_followers.tsv") if r[1:2] == ("adverb",)}
    carry = {r[0] for r in rows("role_carry.tsv")}
    return re.compile("(?:" + alternation(adverbs) + ")?(?:" + alternation([*carry, *_lex().roles]) + ")")


def _speech_opened(text: str, clause: int, limit: int) -> list[tuple[str, str, int]]:
    """`乡长甲反复提及某事故教训，举一反三，结合实际，对某项工作再次强调：一是…`: a speaker's cue before a colon (the
    speech quoted after it) in a clause with no subject of its own is still the name's, past clauses of its
    predicate that neither continue nor open (up to `limit`: the next person named, or the sentence end)."""
    pos = clause
    for _ in range(_OPENED_CLAUSES):
        start = pos + 1
        if start >= limit or text[pos] in "。！？!?；;\n":
            break
        end = _clause_end(text, start, limit)
        cues = _role_cues(text, start, end)
        if text[end:end + 1] in (":", "：") and _no_subject_re().match(text, start):
            return [c for c in cues if c[1] == "speaker"]
        if cues:
            break  # `甲出席会议，各部门负责人参加，…`: a clause with an act of its own may have a subject of its own
        pos = end
    return []


@cache
def _topic_open_re() -> re.Pattern[str]:
    """What opens a predicate whose topic may run over commas: an adverb (name_followers.tsv `adverb`, the
    `several` words of meeting_cues.tsv: `分别`), then a preposition (name_followers.tsv `ends`: `就`, `对`)."""
    fol = rows("name_followers.tsv")
    adverbs = {r[0] for r in fol if r[1:2] == ("adverb",)} | {r[0] for r in rows("meeting_cues.tsv")
                                                              if r[1:2] == ("several",)}
    return re.compile("(?:" + alternation(adverbs) + ")?(?:" + alternation({r[0] for r in fol
                                                                             if r[1:2] == ("ends",)}) + ")")


@cache
def _light_act_re() -> re.Pattern[str]:
    """A light verb and the role cue it carries (`作了重要讲话`, `做了详细讲解`, `进行了通报`), a short modifier between."""
    return re.compile(r"(?:作|做|进行)了?[^，,。；;、]{0,6}?(?P<cue>" + _lex().roles_re.pattern + ")")


def _topic_act(text: str, name_end: int, end: int) -> tuple[str, str, int] | None:
    """`X就甲工作，乙工作作了部署`, `X对今年以来的情况，特别是对某事故进行了通报`: a name whose predicate opens
    with a preposition takes the act its light verb carries, past the commas of the topic (up to `end`: the
    sentence's end or the next person)."""
    if (topic := _topic_open_re().match(text, name_end)) is None:
        return None
    if (act := _light_act_re().search(text, topic.end(), end)) is None or _in_meeting_noun(text, act.start("cue")):
        return None
    return act.group("cue"), _lex().roles[act.group("cue")], act.start("cue")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause from `start` ends: at a clause mark, but not at one doubled with `、` by a scraped
    page (`交通安全,、水上安全`: one list), nor at one inside a title (`作了《坚持某某，狠抓某某》的报告`)."""
    for c in clause_marks(text, start, end):
        if text.count("《", start, c) > text.count("》", start, c):
            continue
        if text[c + 1:c + 2] != "、" and text[c - 1:c] != "、":
            return c
    return end


_HEARD_END = re.compile(r"并|后|时")  # where what a person hears ends and the person acts again


@cache
def _attend_verb_re() -> re.Pattern[str]:
    """The attendance cues of lexicon/roles.tsv that may close a list of names (`list`): `出席`, `参加`, and
    the watching of a meeting held elsewhere (`甲，乙与各部门负责人一同收听收看了电视电话会`)."""
    return re.compile(alternation(r[0] for r in rows("roles.tsv") if r[1] == "attendee" and r[2:3] == ("list",)))


_LEAD_REACH = 30  # characters a lead cue may stand before the name (its title chain between)


@cache
def _lead_re() -> re.Pattern[str]:
    """The cues of lexicon/role_leads.tsv, each with nothing but a title chain up to the name."""
    return re.compile("(" + alternation(_lead_roles()) + r")了?(" + IN_CLAUSE + r"*)$")


def _lead_cue(text: str, name_start: int) -> tuple[str, str, int] | None:
    """A role cue before the name in its clause (lexicon/role_leads.tsv), where no other name, and no
    word of a noun phrase (`的`), stands between: `听取了县长X汇报`, not `听取了X和Y的汇报`'s Y."""
    lo = max(clause_start(text, name_start), name_start - _LEAD_REACH)
    m = _lead_re().search(text, lo, name_start)
    if m is None or "的" in m.group(2) or "、" in m.group(2):
        return None
    return m.group(1), _lead_roles()[m.group(1)], m.start()


@cache
def _lead_roles() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("role_leads.tsv")}


def _role_cues_strong(text: str, start: int, end: int) -> bool:
    return any(role != "attendee" for _, role, _ in _role_cues(text, start, end))


def assign_participants(meetings: list[MeetingDraft], roles: list[PersonRole]) -> None:
    """Give each meeting its participants: the strongest role each (non-national) person gets in its scope."""
    for r in roles:
        if r.national or r.cue == SPEECH_CUE:
            continue  # a speech relayed was given at a higher meeting (higher.attach_higher)
        for meeting in meetings:
            if meeting.start <= r.start < meeting.end:
                prev = meeting.participants.get(r.name)
                if prev is None or higher_role(r.role, prev.role):
                    meeting.participants[r.name] = ParticipantDraft(r.name, r.role, r.start, r.end, r.cue)
                break


def fold_participants(into: MeetingDraft, other: MeetingDraft) -> None:
    """`other`'s participants join `into`, each with the stronger of its two roles."""
    for name, p in other.participants.items():
        prev = into.participants.get(name)
        if prev is None or higher_role(p.role, prev.role):
            into.participants[name] = p


@cache
def right_after_re() -> re.Pattern[str]:
    """`会后`, `随后`, `会议结束后…立即` (lexicon/meeting_cues.tsv `right_after`, `ended_then`)."""
    cues = rows("meeting_cues.tsv")
    return re.compile(alternation(r[0] for r in cues if r[1] == "right_after") + r"|结束后[，,]?[^，,。]{0,12}?(?:"
                      + alternation(r[0] for r in cues if r[1] == "ended_then") + ")")


def assign_dates(meetings: list[MeetingDraft], dates: list[DateHit], index: SentenceIndex) -> None:
    """The meeting's date: the nearest single date before its held event within its scope."""
    singles = [d for d in dates if d.value and not d.end_value]
    for i, m in enumerate(meetings):
        anchor = m.held if m.held is not None else None
        best = None
        if anchor is not None:
            sent = index.at(anchor)
            limit = max(sent.end, anchor)
            # the last date before the held event, else the first after it in its sentence: a date after
            # the event (`6月27日，区委召开常委会，传达6月25日省委常委会精神`) most often dates what it relays
            before = [d for d in singles if m.start <= d.start < anchor]
            after = [d for d in singles if anchor <= d.start < limit and d.start >= m.start]
            if before:
                best = max(before, key=lambda d: d.start)
            elif after:
                best = min(after, key=lambda d: d.start)
            # a range of days nearer before the held event in its sentence (`3月2日至3日，省政府分别召开甲会议和
            # 乙会议`): the meetings it holds take its days in order, the last ones its last day
            span = max((d for d in dates if d.value and d.end_value and sent.start <= d.start < anchor
                        and (best is None or d.start > best.start)), key=lambda d: d.start, default=None)
            if span is not None:
                k = sum(1 for o in meetings[:i] if o.held is not None and o.date_span == (span.start, span.end))
                m.date, m.date_span = day_of_range(span, k), (span.start, span.end)
                continue
        if best is not None:
            m.date, m.date_span = best.value, (best.start, best.end)
        elif (m.after_prev and m.relays_meeting is not None and m.relays_meeting < i and anchor is not None
              and meetings[m.relays_meeting].date and right_after_re().search(index.sentence_text(anchor))):
            # `会后，我县立即召开…会议`: a meeting held right after a dated one takes its date
            src = meetings[m.relays_meeting]
            m.date, m.date_span = src.date, src.date_span
        elif (m.after_prev and anchor is None and not m.branch and m.relays_meeting is not None
              and m.relays_meeting < i and meetings[m.relays_meeting].date):
            # `某某电视电话会议结束后，副县长甲要求…`: the follow-up no verb holds meets right after, that day
            src = meetings[m.relays_meeting]
            m.date, m.date_span = src.date, src.date_span
        elif (anchor is not None and i > 0 and meetings[i - 1].date and meetings[i - 1].date_span
              and (right_after_re().search(index.sentence_text(anchor)[:anchor - index.at(anchor).start])
                   or (meetings[i - 1].held is not None
                       and index.index_at(meetings[i - 1].held) == index.index_at(anchor)))):
            # `随后，县安委会召开全体会议`: a meeting held right after the one before it, that day; `3月5日，
            # 分别召开甲会议、乙会议`: one sentence holding several meetings dates them all
            m.date, m.date_span = meetings[i - 1].date, meetings[i - 1].date_span
        elif m.branch and m.relays_meeting is not None and m.relays_meeting == i - 1:
            src = meetings[i - 1]
            # a branch venue meets when the meeting it relays does; an after-meeting only in its paragraph
            if src.date and src.date_span and (
                    m.venue or index.at(src.date_span[0]).paragraph == index.at(m.start).paragraph):
                m.date, m.date_span = src.date, src.date_span


_COUNTY_CHARS = ("县", "旗")  # a county or a banner lies in a prefecture-level city (a district may be a municipality's)


def assign_levels(text: str, meetings: list[MeetingDraft], regions: list[RegionHit],
                  person_regions: dict[str, list[str]], context: str | None,
                  person_levels: dict[str, list[str]] | None = None) -> None:
    """Where each meeting was held: branch venue > `全州…会议` > the chair's (lowest) post > convener >
    a speaker's post; None when the text does not say."""
    lex = _lex()
    person_levels = person_levels or {}
    home = home_word(text)  # the report's own place as it calls it (`我县`, `本市`)
    city = city_level(text) if level_region(CITY_CHAR, context) is None else None  # a 市 the report never names
    for m in meetings:
        path, rule = None, None
        if m.held is not None:
            m.venue_region = _venue_place(text, m.held, regions)
        if m.branch and m.branch_pos is not None:
            hit = next((h for h in regions if h.end == m.branch_pos or h.end + 1 == m.branch_pos), None)
            if hit is not None:
                path, rule = hit.path, "meeting.level.branch_place"
            elif m.branch_pos > 0 and text[m.branch_pos - 1] in LEVEL_CHARS:
                path, rule = level_region(text[m.branch_pos - 1], context), "meeting.level.branch_level"
        if path is None and m.name and _national_in_name(m.name):
            m.level, m.level_rule = "national", "meeting.level.national"
            continue
        if path is None and m.held is not None and m.name and (body := _convener_body_re().match(m.name)):
            # `省委和市委分别召开省委常委会会议、市委常委会会议`: a name opening with its body says its level
            path, rule = level_region(body.group(1), context), "meeting.level.name_body"
        who = _convener_end(text, m)  # where the convener's words end before the held verb
        if path is None and who is not None and m.noun in _act_nouns():
            path, rule = _audience_place(text, who, regions), "meeting.level.audience_place"
        if path is None and who is not None:
            path, rule = _subject_place(text, who, regions), "meeting.level.convener_place"
        if path is None and m.name:
            sm = lex.scope_re.search(m.name)
            if sm:
                path, rule = level_region(sm.group(), context), "meeting.level.scope_word"
        if path is None:
            path, rule = _from_people(m, person_regions, "chair"), "meeting.level.chair_post"
        if path is None and who is not None:
            path, rule = _subject_body_region(text, who, regions, context), "meeting.level.convener"
        if path is None:
            path, rule = _from_people(m, person_regions, "speaker"), "meeting.level.speaker_post"
        if path is None and m.branch and not (m.branch_pos and text[m.branch_pos - 1] in LEVEL_CHARS
                                              and level_of(context or "") != level_of_chars(text[m.branch_pos - 1],
                                                                                         context)):
            # `在我市分会场` in a report whose named home is only its province: a 市's venue, not the province's
            path, rule = context, "meeting.level.branch_context"
        if path is None and m.held is not None and m.noun in _act_nouns():
            # `某组长与省委书记X、省长Y进行了座谈`: a meeting named by its act sits where its hosts' posts are
            path, rule = _from_people(m, person_regions, "attendee"), "meeting.level.host_post"
        if path:
            m.region, m.level, m.level_rule = path, level_of(path), rule
        else:  # the place is unknown but the level may be said (`省委副书记、省长X主持`; not `市`)
            m.level = _level_from_chars(m, person_levels)
            m.level_rule = "meeting.level.post_level" if m.level else None
            if m.level is None and m.branch and m.branch_pos and text[m.branch_pos - 1] in LEVEL_CHARS:
                m.level = level_of_chars(text[m.branch_pos - 1], context)  # `在县分会场`: a county venue
                m.level_rule = "meeting.level.branch_level" if m.level else None
            cs = _act_clause_start(text, m)
            if m.level is None and m.held is not None and (
                    body := _convener_body_re().match(text, cs) or _spoken_body_re().match(text, cs)):
                # `县安委会召开…会议`, `县上召开…会议`: the convener's level
                m.level = level_of_chars(body.group(1) if body.re.groups else body.group().lstrip()[0], context)
                m.level_rule = "meeting.level.convener_body" if m.level else None
            if m.level is None and m.name and (sm := lex.scope_re.search(m.name)) and sm.group()[-1] != "区":
                # `全省某某电视电话会议召开` in a report naming no place: the name's scope says the level
                # (`全区` is a district's or an autonomous region's: not said; `全市` is said by the context alone)
                m.level = level_of_chars(sm.group()[-1], context)
                m.level_rule = "meeting.level.scope_level" if m.level else None
            if m.level is None and m.name and (is_national_body(m.name) or _in_capital(text, m) or (
                    m.held is not None and is_national_body(text[cs:m.held].lstrip()))):
                # `国务院安委会某某电视电话会议召开`, `某某会议3月2日在京召开`: no region holds it, the centre does;
                # so when the clause convening it opens with a central body, alone or first of a list
                # (`国务院安委办、某部召开某某专题视频会议`)
                m.level, m.level_rule = "national", "meeting.level.national_name"
                continue
            if m.level is None and home is not None and home.group()[-1] in _COUNTY_CHARS and m.name \
                    and (sm := lex.scope_re.search(m.name)) and sm.group()[-1] == CITY_CHAR:
                # `我县组织收看全省某某会议，随后召开的全市某某会议强调…`: a county's report saying `全市` speaks of
                # the city its county lies in, a prefecture, not of itself (a county-level city's `我市…全市`
                # speaks of itself, as above)
                m.level, m.level_rule = "prefecture", "meeting.level.city_above_home"
            if m.level is None and home is not None:  # `…巡查组进驻我县`: the report's own level
                m.level = level_of_chars(home.group()[-1], context)
                m.level_rule = "meeting.level.home" if m.level else None
            if m.level is None and city is not None and _says_city(text, m, person_levels, home, cs):
                m.level, m.level_rule = city, CITY_BELOW  # `市政府召开…会议` of a 市 the report never names
            if m.level is not None and m.level != "national":
                m.region = _only_place_of_level(regions, m.level)  # `县政府…会议` in a text naming one county


_CAPITAL_REACH = 12  # characters between a meeting's name and `在京召开` (its date, `于`)


@cache
def _capital_re() -> re.Pattern[str]:
    """`在京召开` after a meeting's name, in its clause (lexicon/meeting_cues.tsv `capital`)."""
    capital = alternation(_cue_words("capital"))
    return re.compile(f"{IN_CLAUSE}{{0,{_CAPITAL_REACH}}}?(?:{capital})")


def _in_capital(text: str, m: MeetingDraft) -> bool:
    """The meeting's name is followed, in its clause, by `在京召开`."""
    if m.held is None or m.noun is None:
        return False
    return _capital_re().match(text, m.held + len(m.noun)) is not None


def _venue_place(text: str, held: int, regions: list[RegionHit]) -> str | None:
    """The place of `在X召开` in the held verb's clause (`考核组在某省召开反馈会`)."""
    cs = clause_start(text, held)
    return next((h.path for h in regions if cs < h.start and h.end <= held and text[h.start - 1] == "在"), None)


def _only_place_of_level(regions: list[RegionHit], level: str) -> str | None:
    """The one place of this level the text names anywhere (in a title too, or above a township it
    names); None when it names none or several."""
    paths: set[str] = set()
    for h in regions:
        path: str | None = h.path
        while path is not None and level_of(path) != level and level_of(path) is not None \
                and LEVEL_RANK[level_of(path)] > LEVEL_RANK[level]:
            path = parent_path(path)
        if path is not None and level_of(path) == level:
            paths.add(path)
    return paths.pop() if len(paths) == 1 else None


@cache
def _convener_body_re() -> re.Pattern[str]:
    """A level character and a body of lexicon/bodies.tsv (`县安委会`, `旗应急管理局`): the convener's level; or a
    longer word that says a level by itself (region_relative.tsv: `自治区住建厅安委会`, a province's department)."""
    return re.compile(r"\s*(" + alternation(level_words()) + "|[" + LEVEL_CHARS + r"])(?:"
                      + alternation(r[0] for r in rows("bodies.tsv")) + ")")


def _national_in_name(name: str) -> bool:
    """`全国` in a meeting's name says the centre's, unless it names the annual sessions (`某省某会暨全国两会期间
    某某动员会`: meeting_cues.tsv `sessions`)."""
    return any(not sessions_re().match(name, m.end()) for m in re.finditer("全国", name))


@cache
def sessions_re() -> re.Pattern[str]:
    """What a level word names when it names the annual sessions (meeting_cues.tsv `sessions`: `全国两会`)."""
    return re.compile(r"[“\"‘']?(?:" + alternation(_cue_words("sessions")) + ")")


def says_sessions(text: str) -> bool:
    """Whether `text` holds a word of the annual sessions anywhere: else `sessions_re` matches nowhere in it."""
    return any(w in text for w in _cue_words("sessions"))


@cache
def _joined_body_re() -> re.Pattern[str]:
    """A body of lexicon/bodies.tsv, its level character before it or not, opening a meeting joined to the one
    before (`召开州政府常务会议和州安委会会议`, `主持召开省政府常务会议和安全生产委员会会议`): another meeting."""
    return re.compile(r"\s*[" + LEVEL_CHARS + r"]?(?:" + alternation(r[0] for r in rows("bodies.tsv")) + ")")


@cache
def _spoken_body_re() -> re.Pattern[str]:
    """A level's own government as speech names it (`县上`, `省里`: region_relative.tsv)."""
    return re.compile(r"\s*(?:" + relative_words_re(LEVEL_CHARS).pattern + ")")


def _from_people(m: MeetingDraft, person_regions: dict[str, list[str]], role: str) -> str | None:
    for p in sorted(m.participants.values(), key=lambda p: p.start):
        if p.role != role:
            continue
        paths = [x for x in person_regions.get(p.name, []) if x]
        if paths:
            return max(paths, key=len)  # the lowest level among the person's posts
    return None


def level_of_chars(char: str, context: str | None) -> str | None:
    """The level a title's level character says (`省` province; `市` the article's 市, which may be a
    prefecture or a county-level city)."""
    if char == "市":
        path = level_region(char, context)
        return level_of(path) if path else None
    return CHAR_LEVEL.get(char) or relative_level(char)  # `自治区主席`: a province


def _level_from_chars(m: MeetingDraft, person_levels: dict[str, list[str]]) -> str | None:
    """The level the chair's (else the first speaker's) posts say by their level character, lowest first."""
    chars = _post_chars(m, person_levels)
    levels = [lv for c in chars if (lv := CHAR_LEVEL.get(c) or relative_level(c))]
    # 市 alone is a prefecture or a county-level city: not said
    return max(levels, key=LEVEL_RANK.__getitem__) if levels else None


def _post_chars(m: MeetingDraft, person_levels: dict[str, list[str]]) -> list[str]:
    """The level characters of the posts of the chair (else the first speaker) whose posts say a level."""
    for role in ("chair", "speaker"):
        for p in sorted(m.participants.values(), key=lambda p: p.start):
            chars = person_levels.get(p.name, [])
            if p.role == role and any(c == CITY_CHAR or CHAR_LEVEL.get(c) or relative_level(c) for c in chars):
                return chars
    return []


CITY_BELOW = "meeting.level.city_below"  # the level rule of a 市 the report never names (`city_level`)


@cache
def _below_levels() -> dict[str, str]:
    """lexicon/region_below.tsv: a collective word for the divisions below a report's home → the level it says."""
    return {r[0]: r[1] for r in rows("region_below.tsv")}


@cache
def _below_re() -> re.Pattern[str]:
    return re.compile(alternation(_below_levels()))


# the divisions below a 市 counted by kind (`三区一县`, `两市五县`, `五县(市)一区`): counties, districts or
# county-level cities below it make it a prefecture; two counts of two kinds, so a run of one kind
# (`一区二区`, a page's spam) counts nothing
_COUNT = f"[{ONE_TO_TEN}两]{{1,2}}"
_COUNTED_BELOW = re.compile(_COUNT + r"([县区市旗])(?:[(（][^)）]{1,6}[)）])?" + _COUNT + r"(?!\1)[县区市旗]")


def city_level(text: str) -> str | None:
    """The level of a 市 the report never names, by the divisions it addresses below it (`各县区`, `三区一县`: a
    prefecture; `各乡镇` and no county or district: a county-level city); None when it names neither."""
    said = {_below_levels()[m.group()] for m in _below_re().finditer(text)}
    if "prefecture" not in said and _COUNTED_BELOW.search(text):
        return "prefecture"
    return "prefecture" if "prefecture" in said else next(iter(said), None)


def _says_city(text: str, m: MeetingDraft, person_levels: dict[str, list[str]], home: re.Match[str] | None,
               cs: int) -> bool:
    """The meeting's level is said by a bare 市 alone: the chair's post (`副市长X主持`), the convener at its
    clause start (`市政府召开`, `市安委会…会议召开`), the report's own `我市`, or its name's `全市`."""
    if CITY_CHAR in _post_chars(m, person_levels):
        return True
    if m.held is not None and (body := _convener_body_re().match(text, cs)) and body.group(1) == CITY_CHAR:
        return True
    if home is not None and home.group().endswith(CITY_CHAR):
        return True
    return bool(m.name and (sm := _lex().scope_re.search(m.name)) and sm.group().endswith(CITY_CHAR))


@cache
def _object_re() -> re.Pattern[str]:
    """The word opening an act's object (meeting_cues.tsv `object`: `对`)."""
    return re.compile(alternation(_cue_words("object")))


def _convener_end(text: str, m: MeetingDraft) -> int | None:
    """Where the words that may name a meeting's convener end: its held verb; for a meeting named by its
    act, the first `对` of the clause before it (`某市安委会对甲县某厂负责人进行了约谈`: 甲县 is whom the act is
    done to, the 市安委会 holds it). A list of objects may hold clause marks (`省安委办对甲市，乙县、丙区政府负责人
    进行约谈`): with no `对` in the held clause, the last one of its sentence before it."""
    if m.held is None:
        return None
    if m.noun in _act_nouns():
        o = _object_re().search(text, clause_start(text, m.held), m.held)
        if o is None:
            ss = max(text.rfind(c, 0, m.held) for c in _SENTENCE_MARKS) + 1
            o = next(reversed(list(_object_re().finditer(text, ss, m.held))), None)
        if o is not None:
            return o.start()
    return m.held


@cache
def _audience_re() -> re.Pattern[str]:
    """The word opening a talk's audience (meeting_cues.tsv `audience`: `向`)."""
    return re.compile(alternation(_cue_words("audience")))


def _act_clause_start(text: str, m: MeetingDraft) -> int:
    """The start of the clause that names who holds the meeting: the held verb's clause; for a meeting named by its
    act whose clause opens with its object (`某部以视频会议形式，对《某意见》进行了宣讲`), the clause before it."""
    if m.held is None:
        return 0
    cs = clause_start(text, m.held)
    if cs > 0 and m.noun in _act_nouns() and _object_re().match(text, cs) and text[cs - 1] not in _SENTENCE_MARKS:
        return clause_start(text, cs - 1)
    return cs


_SENTENCE_MARKS = "。！？!?；;\n"


def _audience_place(text: str, held: int, regions: list[RegionHit]) -> str | None:
    """The place right after the audience word in the clause of a meeting named by its act (`甲就《某意见》向乙区
    干部进行宣讲`: 乙区 hosts the visiting speaker's talk)."""
    cs = clause_start(text, held)
    for a in _audience_re().finditer(text, cs, held):
        hit = next((h for h in regions if h.start == a.end()), None)
        if hit is not None:
            return hit.path
    return None


def _subject_place(text: str, held: int, regions: list[RegionHit]) -> str | None:
    """A place named as the subject before the held verb (`晋中市政府立即召开`, `榆林市召开`)."""
    cs = clause_start(text, held)
    if text.startswith(("在", "于"), cs):  # `在X召开`: where, not who
        return None
    venue_end = -1  # `在甲、乙分别召开`: every place of a venue list is where, not who
    branch = None  # the place of a national body's branch (`国家某某局甲省局`), when no local body is named
    for h in regions:
        if not cs <= h.start < held:
            continue
        if text.startswith(("在", "于", "赴"), h.start - 1) or (h.start - 1 == venue_end and text[h.start - 1] in "、和及与"):
            venue_end = h.end
            continue
        if branch is None and _national_branch(text, cs, h.start):
            # `国家某某监察局甲省局和乙市政府组织召开…`: a national body's bureau in a place hosts with the local
            # government, whose place is the meeting's
            branch = h.path
            continue
        return h.path
    return branch


_JOINERS = "、和及与同"


def _national_branch(text: str, cs: int, start: int) -> bool:
    """Whether the place at `start` follows a national body's name in its item of the subject: the place of
    that body's branch (`国家某某局甲省局`), not of the convener's own government."""
    item = text[cs:start]
    item = item[max(item.rfind(c) for c in _JOINERS) + 1:]
    return len(item) >= 3 and is_national_body(item)


def _subject_body_region(text: str, held: int, regions: list[RegionHit], context: str | None) -> str | None:
    """The region of the subject before the held verb in its clause: a place, a level character with a
    body of lexicon/bodies.tsv (`县政府立即召开`, `市应急局召开`, `区住建局召开` → the article's county or city)
    or a relative word (`全县召开`)."""
    cs = clause_start(text, held)
    clause = text[cs:held]
    for h in regions:
        if cs <= h.start < held:
            return h.path
    for m in _subject_body_re().finditer(clause):
        if m.group(1) and post_re().match(clause, m.end()):
            continue  # `省某局副局长甲等出席…召开的座谈会`: a body in a person's title, not the one that convenes
        return level_region(m.group(1) or m.group(2), context)
    if _LEVEL_WORD.fullmatch(clause.strip()):  # `自治区安全生产委员会全体会议`: the noun opens with the body
        return level_region(clause.strip(), context)
    return None


_LEVEL_WORD = re.compile(r"自治区|[" + LEVEL_CHARS + r"]")


@cache
def _subject_body_re() -> re.Pattern[str]:
    """A level word with a body of lexicon/bodies.tsv after it (group 1), or a relative word (group 2)."""
    return re.compile(r"(自治区|[" + LEVEL_CHARS + r"])(?:" + alternation(r[0] for r in rows("bodies.tsv")) + ")|("
                      + relative_words_re("我全本" + LEVEL_CHARS).pattern + ")")


def relays_to_meetings(text: str, meetings: list[MeetingDraft]) -> None:
    """`贯彻落实省政府会议精神` in a later meeting's scope relays the previous meeting."""
    for i, m in enumerate(meetings):
        if i == 0 or m.relays_meeting is not None:
            continue
        if _RELAY_MEETING.search(text, m.start, m.end):
            m.relays_meeting, m.relay_rule = _previous_relayed(meetings, i), "meeting.relay.spirit"


def meeting_drafts(text: str, index: SentenceIndex, mentions: list[NameMention], dates: list[DateHit],
                   regions: list[RegionHit], person_regions: dict[str, list[str]], context: str | None,
                   person_levels: dict[str, list[str]]) -> tuple[list[MeetingDraft], list[PersonRole]]:
    """Steps 1–5 of a report's meetings (see `MeetingDraft`): the drafts, and each person's role cues
    (the higher step reads them again)."""
    roles = person_roles(text, index, mentions)
    drafts = segment_meetings(text, index, mentions, roles)  # 1
    assign_participants(drafts, roles)  # 2
    relays_to_meetings(text, drafts)  # 3
    assign_dates(drafts, dates, index)  # 4
    assign_levels(text, drafts, regions, person_regions, context, person_levels)  # 5
    return drafts, roles
