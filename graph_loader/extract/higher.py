"""Meetings of higher levels that a report names: watched, held above, or relayed.

Genre rules (made-up examples):
- A list of levels before one meeting noun names one meeting per level: `收看国家、省、市安全生产
  电视电话会议` is three meetings, national, provincial and the city's; each is a meeting of its own.
- How the report relates to them is said around the noun: watched (`组织收听收看…会议`, `在分会场参加`),
  held above (`国务院召开全国…电视电话会议`, `全国全省…会议先后召开`, `甲省、乙市立即召开电视电话会`),
  relayed (`贯彻落实全国、省、市会议精神`), or ended (`全国全省会议结束后`, which starts the follow-up).
- Only levels above the article's own count: `全县安全生产工作会议` in a county's report is its own
  meeting, handled by `meetings.py`; but one of the home's level relayed under another name (`贯彻落实市委
  五届八次全会精神` in a city's report) is another meeting, held before.
- A meeting of the centre relayed only by the centre's own meeting (`全国…电视电话会议学习贯彻了国务院常务会精神`)
  is that meeting's agenda, not a meeting of the report.
- The people named at the branch venue attend every meeting watched; a person whose post is at a
  watched meeting's level (`张三省长…部署` for the provincial one) takes his role there.
- The lower body's own meeting is the one held at the venue with someone chairing or speaking, or right
  after the watched meetings (`会后`, `会议结束后`, `随后`): one local meeting per watching, dated as the
  watched meetings when the text gives it no date of its own, relaying each watched meeting. Those relays
  are inferred from the setting (`basis` branch_venue / follow_up); a relay the text says
  (`贯彻落实…会议精神`) is explicit.
- A report's lead may name the follow-up already (`组织收听收看…会议，并召开全县…会议`) and tell it again
  later (`…会议结束后，该县召开…会议`): one meeting, the later telling's, with the lead's people.
- A follow-up needs no meeting noun: `会后，县政府领导强调…`, `随后，我县…要求` (a leader or the home body
  speaking, `pipeline._keep_meetings`); unplaced, it is the reporting place's. People leading visits
  (`会后，甲、乙分别带队调研`) hold none.
- A second meeting noun right after a list mark, with no level of its own (`全国安全生产电视电话会议、工作会议
  精神`), is another meeting of the same levels and topic.
- A clause opening with a higher meeting by its level word (`市会议就贯彻落实省会议精神强调`) says that
  meeting relays; `…会议部署要求` after a relay verb is relayed like `…会议精神`.
- The record lists a meeting after the meetings it relays (`in_record_order`), as the guidelines' higher
  meeting `pointed to by index`: `县政府召开会议，传达全国、全省…会议精神` is national, provincial, county.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from graph_loader.extract.dates import DateHit
from graph_loader.extract.lexicon_files import alternation, rows
from graph_loader.extract.meetings import (
    CITY_BELOW,
    SPEECH_CUE,
    MeetingDraft,
    ParticipantDraft,
    PersonRole,
    city_level,
    fold_participants,
    is_headline,
    meeting_verbs,
    right_after_re,
    says_sessions,
    sessions_re,
)
from graph_loader.extract.regions import (
    RegionHit,
    home_word,
    level_of,
    parent_path,
    relative_region,
)
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.lang.chars import (
    CLAUSE_MARKS,
    IN_CLAUSE,
    SENTENCE_MARKS,
    STRAY_LIST_MARKS,
    clause_marks,
    clause_start,
)
from graph_loader.lang.kinds import kind_of_noun
from graph_loader.lang.levels import CHAR_LEVEL, CITY_CHAR, LEVEL_RANK, higher_role

# the level a bare level word means when the article's home region is unknown
_CHAR_DEFAULT = {**CHAR_LEVEL, CITY_CHAR: "prefecture"}
_TELE_NOUNS = ("电视电话", "视频", "电视会")
_SEPARATORS = "、和及与"
# what may not stand between a list of levels and its meeting noun: verbs, posts, teams and topics of a
# local meeting (`省…巡查组巡查X市情况反馈会` is the inspected place's meeting, not the province's)
_BAD_DESC = re.compile(r"召开|举行|主持|组织|收看|收听|传达|贯彻|领导|书记|[县市省州区]长|的|是|在|为|对|将|"
                       r"组|巡|督|检查|反馈|汇报|考核|情况|会场|\d")
# a year, quarter or month a meeting's name opens with (`2030年第一季度…`, `1月份…例会`): no date of the meeting
_NAME_YEAR = re.compile(r"(?:19|20)\d{2}年度?(?:第[一二三四]季度|\d{1,2}月份)?|\d{1,2}月份")
_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年$")
# `省、市召开…会议`; cited, `省政府召开的…会议精神`
_HELD_AFTER = re.compile(IN_CLAUSE + r"{0,6}?(?:召开|举行)的?")
_FOLLOW = re.compile(r"\s*(?:结束|召开|完毕)?(?:之)?后")
# `…会议精神`, `…会议的主要精神`: a word of weight may stand before the spirit
_WEIGHT = r"\s*的?(?:主要|重要|有关|相关)?"
# `…会议关于安全生产工作的部署`, `落实全省…会议部署要求`, `…紧急会议的工作要求`: what a relay verb before the list
# passes on
_DEPLOYED = re.compile(r"关于" + IN_CLAUSE + r"{0,24}?部署|\s*的?(?:决策|工作)?部署(?:要求)?|\s*的?(?:工作)?要求")
_SENTENCE_MARKS = re.compile("[" + SENTENCE_MARKS + "]")
# how far a meeting's spirit is carried out, what a team checks (`督导贯彻落实全国…会议、工作会议工作部署情况`,
# `对我市贯彻落实全省…会议精神情况进行检查`): the meeting is named, but no meeting of the report relays it
_CHECKED = re.compile(IN_CLAUSE + r"{0,40}?(?:精神|部署|要求)(?:贯彻|落实|执行)?情况")
# right after a meeting's name, it was held: `…会议先后召开`, `…会议在某地召开` (the place a few characters)
_HELD_THEN = re.compile(r"\s*(?:在" + IN_CLAUSE + r"{1,8}?)?(?:先后|相继|分别|同时)?(?:召开|举行)")


def _sentence_start(text: str, pos: int) -> int:
    return max((m.end() for m in _SENTENCE_MARKS.finditer(text, max(0, pos - 200), pos)), default=max(0, pos - 200))


@dataclass(frozen=True)
class _Lex:
    national: frozenset[str]
    watch: frozenset[str]
    relay: frozenset[str]
    token_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    watch_re: re.Pattern[str]
    relay_re: re.Pattern[str]
    run_start_ok: frozenset[str]
    lead: tuple[str, ...]


@cache
def _lex() -> _Lex:
    cues: dict[str, set[str]] = {}
    for word, cue in rows("meeting_cues.tsv"):
        cues.setdefault(cue, set()).add(word)
    relative = {r[0] for r in rows("region_relative.tsv") if not r[0].startswith("该")}
    nouns = _nouns()
    watch, relay = frozenset(cues["watch"]), frozenset(meeting_verbs("relay"))
    return _Lex(
        national=frozenset(cues["national"]),
        watch=watch,
        relay=relay,
        token_re=re.compile(alternation(cues["national"] | relative)),
        noun_re=re.compile(alternation(nouns)),
        watch_re=re.compile(alternation(watch)),
        relay_re=re.compile(alternation(relay)),
        # a bare level word (`省`) starts a list only after a verb, a date or a break: `收看省、市…会议`
        # (`在省委常委会上的讲话精神`: where a speech was given; `12月5号省安委会全会精神`: a date said with 号)
        run_start_ok=frozenset("".join(w[-1] for w in watch | relay) + "日号午，,。；;：: \n\t　的为对及和与了在"),
        # or after a time word standing between the verb and the list: `传达近期省、市…会议精神`
        lead=tuple(cues.get("lead", ())),
    )


@cache
def _spirit() -> re.Pattern[str]:
    """What says a meeting named right before it is relayed: its spirit (`…会议精神`, `…会议的主要精神`), or the
    spirit of a speech given there (meeting_cues.tsv `speech`: `甲在省委常委会上的重要讲话精神`, `…会议上关于
    安全生产工作的讲话精神`), which relays that meeting too."""
    speech = alternation(w for w, cue in rows("meeting_cues.tsv") if cue == "speech")
    return re.compile(r"[”’\"]?(?:\s*上(?:所作|发表)?(?:" + _ABOUT + IN_CLAUSE + r"{0,24}?)?的?(?:重要)?(?:" + speech
                      + r"))?" + _WEIGHT + "精神")


def _nouns() -> list[str]:
    """The meeting nouns a list of levels may stand before (the annual sessions, meeting_cues.tsv `sessions`,
    only where their spirit is relayed: `find_mentions`)."""
    return [*kind_of_noun(), "会议", "电视会议", "电视电话会", "视频会", *(w for w, cue in rows("meeting_cues.tsv")
                                                                 if cue == "sessions")]


@cache
def _noun_reach() -> int:
    """The length of the longest meeting noun."""
    return max(map(len, _nouns()))


@dataclass
class Mention:
    """A list of levels and the meeting noun after it, and how the text relates to those meetings."""

    start: int
    end: int  # end of the meeting noun
    levels: list[tuple[str, str | None, str]]  # (level, region path, surface of the level word)
    desc: str  # what stands between the list and the noun (`安全生产`)
    noun: str
    mode: str  # watch | held | relay | ended
    own: bool = False  # a list held that names the home's own level too (`省、市、县接着召开会议` in a county's report)
    speech: bool = False  # relayed by the spirit of a speech given there (`在省委常委会上的讲话精神`): held before


def _home_char(text: str) -> str | None:
    """The level character of the first `我县` / `本市`."""
    m = home_word(text)
    return m.group()[-1] if m else None


def _home_level(text: str) -> str | None:
    """The article's own level when its home region is not named: the first `我县` / `本市`."""
    char = _home_char(text)
    return _CHAR_DEFAULT.get(char, "township") if char else None


_GENERIC_NOUNS = ("会议", "会")
# the kinds of a meeting (lang/data/meeting_kinds.tsv) that are never the home level's general meeting its report
# relays by a bare name (`全省安全生产会议精神`): analyses, study sessions, feedback, talks
_OWN_KINDS_APART = ("report", "study", "feedback", "other")
# the bodies a bare level word heads (`省委`, `市政府`): their meetings are named by them (`市委常委会议`)
_LEVEL_BODIES = ("委", "政府")
_LIST_BODY = re.compile("(?:人民)?(?:" + "|".join(_LEVEL_BODIES) + ")")


def _family(noun: str) -> str:
    """What tells two meetings of one level apart in a report: a teleconference is one, a 约谈会 another;
    `会议`/`约谈会议` and `会`/`约谈会` are the same noun."""
    if any(t in noun for t in _TELE_NOUNS):
        return "teleconference"
    return noun[:-1] if noun.endswith("会议") else noun


@lru_cache(maxsize=4096)  # a few level words, one home per article: asked at every level word of the text
def _token_level(word: str, ctx: str | None, city: str | None = None) -> tuple[str, str | None] | None:
    lex = _lex()
    if word in lex.national:
        return "national", None
    if city and word.endswith(CITY_CHAR):  # the report's own 市, whose level the text says otherwise
        return city, None
    path = relative_region(word, ctx) if ctx else None
    if path:
        return level_of(path) or _CHAR_DEFAULT.get(word[-1]), path
    level = _CHAR_DEFAULT.get(word[-1])
    return (level, None) if level else None


def find_mentions(text: str, index: SentenceIndex, regions: list[RegionHit], ctx: str | None,
                  local_level: str | None, city: str | None = None, own: tuple[str, ...] = (),
                  home_named: list[Mention] | None = None) -> list[Mention]:
    """Every list of higher levels before a meeting noun, with its mode; headlines are skipped (the body
    says it again). A list watched, held or ended that names the home region by its name goes to
    `home_named`, with all its levels (`_home_below` reads it)."""
    lex = _lex()
    local_rank = LEVEL_RANK.get(local_level or "", 1)  # home unknown: only the centre is surely above it
    tokens: dict[int, tuple[int, str, str | None, str]] = {}  # start -> (end, level, path, surface)
    sessions_match = sessions_re().match if says_sessions(text) else None  # asked at every level word
    for m in lex.token_re.finditer(text):
        if m.group().startswith(("我", "本")) and local_level != "township":
            # `我县` is the article's home, never a level above it; but a township's report says `本区`, `我县`
            # of the county it belongs to (`传达了本区召开的…会议精神`)
            continue
        sessions = sessions_match(text, m.end()) if sessions_match else None
        if sessions and not _spirit().match(text, sessions.end()):
            # `全国两会期间…动员会`: the annual sessions of that level, no meeting's scope; but their spirit relayed
            # (`传达学习全国两会精神`, `省“两会”精神`) names them, one sitting of that level
            continue
        lv = _token_level(m.group(), ctx, city)
        if lv:
            tokens.setdefault(m.start(), (m.end(), lv[0], lv[1], m.group()))
    for h in regions:  # a place named in the list (`全国、省、九江市…会议`): the longest form wins
        lv = level_of(h.path)
        if lv and (h.start not in tokens or tokens[h.start][0] < h.end):
            tokens[h.start] = (h.end, lv, h.path, text[h.start:h.end])
    out: list[Mention] = []
    pos_done = -1
    # where the meeting nouns lie: a list with none within reach after it names no meeting (`_after_run`)
    nouns = [m.span() for m in lex.noun_re.finditer(text)]
    noun_ends = [e for _, e in nouns]
    titles = _title_spans(text)
    for start in sorted(tokens):
        if start < pos_done:
            continue
        if titles and _inside(titles, start):
            continue  # `传达了《国家、省、市安全生产会议精神及贯彻落实意见》`: a document's title, no meeting relayed
        first = tokens[start]
        if len(first[3]) == 1 and start > 0 and text[start - 1] not in lex.run_start_ok and not (
                text[start - 1] == "、" and (_after_meeting_noun(text, start - 1) or text.endswith(
                    _relayed_item_ends(), 0, start - 1))) and not text.endswith(
                lex.lead, 0, start) and not _YEAR_BEFORE.search(text, max(0, start - 6), start):
            # `淮北市`'s 市, `县委`: not a level word of a list (but `国务院常务会议、省政府常务会议`, and after a
            # year, `收看2030年省、市…会议`)
            continue
        run = _run_from(text, tokens, first)
        end = run[-1][0]
        near = bisect.bisect_right(noun_ends, end)  # the first noun ending after the list (or holding its end)
        if near == len(nouns) or nouns[near][0] >= end + _NOUN_AHEAD:
            continue
        run = [_after_province(_after_centre(tok, prev, ctx, local_level), prev, city)
               for prev, tok in zip([None, *run], run, strict=False)]
        mention = _after_run(text, start, end, run, lex)
        if mention is None:
            continue
        listed = list(run)  # the list itself, before a joined name's levels
        joint = text.find(_JOINT, end, mention.end)
        if joint >= 0 and (second := tokens.get(joint + 1)) is not None:
            # `全国全省…电视电话会暨市安委会全体会议`: the joined name's levels sit in the same sitting
            have = {tok[1] for tok in run}
            run += [tok for tok in _run_from(text, tokens, second) if tok[1] not in have]
        pos_done = mention.end
        if _is_headline(text, index, start):
            continue
        if home_named is not None and mention.mode != "relay" and any(
                path == ctx and surf.lstrip("全") != CITY_CHAR for _, _, path, surf in run):
            home_named.append(Mention(mention.start, mention.end, [(lv, path, surf) for _, lv, path, surf in run],
                                      mention.desc, mention.noun, mention.mode))
        # `传达市委常委会议精神`, `贯彻落实市政府常务会议精神` in a city's report: a meeting of another body or
        # another sitting of the home's level, relayed
        # `全国、全省安全生产和防灭火视频会议精神` in a province's report of another meeting: the home's level listed
        # after higher ones, by a name none of the report's own meetings bears, is another sitting too
        # (`全省市县政协主席座谈会`: a list running below the home names people, not the home's sitting)
        own_body = mention.mode == "relay" and (len(run) == 1 or LEVEL_RANK.get(run[-1][1]) == local_rank) and (
            _other_meeting(mention, own) or (len(run) == 1 and mention.desc in _LEVEL_BODIES))
        mention.levels = [(lv, path, surf) for _, lv, path, surf in run
                          if LEVEL_RANK.get(lv, 9) < local_rank or (own_body and LEVEL_RANK.get(lv) == local_rank)]
        # `国务院会议结束后，省、市、县接着召开会议` in a county's report: each level holds its meeting, the
        # report's own one too (the home's meeting, not a level above)
        # (`甲市召开…电视电话会议暨市安委会会议`: a name joined by 暨 is one sitting of one body, no list of levels)
        mention.own = mention.mode == "held" and len(listed) > 1 and local_level is not None and any(
            LEVEL_RANK.get(lv) == local_rank for _, lv, _, _ in listed)
        if mention.levels:
            out.append(mention)
            elided = _elided_next(text, mention, lex)
            if elided is not None:
                out.append(elided)
                pos_done = elided.end
    return out


_TITLE = re.compile(r"《[^《》\n]{1,100}》")  # a document's title in book-title marks (directives read them)


def _title_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TITLE.finditer(text)] if "《" in text else []


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 10**9)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _other_meeting(mn: Mention, own: tuple[str, ...]) -> bool:
    """A meeting of the home's own level relayed under a name none of the report's own meetings bears
    (`贯彻落实市政府第一次常务会议精神` in the report of `全市安全生产电视电话会`): another meeting, held before.
    A bare level and noun (`贯彻落实全市会议精神`) may name the report's own meeting: not another; a noun of a kind
    none of them bears (`学习贯彻省安委会全会精神` in the report of `全省…视频会议`) names another."""
    name = mn.desc.strip() + mn.noun
    return bool(own) and (bool(mn.desc.strip()) or mn.noun not in _GENERIC_NOUNS) and not any(name in o for o in own)


def _name_level(name: str) -> str | None:
    """The level a meeting's name opens with: `县安委会…`, `全县…工作会议` (a city's `市` stands for a prefecture)."""
    lead = name[1:2] if name.startswith("全") else name[:1]
    return _CHAR_DEFAULT.get(lead)


@cache
def _list_body_re() -> re.Pattern[str]:
    """The bodies a level word heads in a list (`省安委会、…`): the surfaces of bodies.tsv."""
    return re.compile(alternation({r[0] for r in rows("bodies.tsv")}))


def _run_from(text: str, tokens: dict[int, tuple[int, str, str | None, str]], first: tuple) -> list[tuple]:
    """The list of level words starting with `first`, joined by list marks (`全国、全省和全市`)."""
    run = [first]
    end = first[0]
    while True:
        # `省政府、市政府…视频会`: each level word of a list of levels with its body (`省委、省政府` is one level's)
        body = _LIST_BODY.match(text, end) or _list_body_re().match(text, end)
        if body is not None and body.end() < len(text) and text[body.end()] in _SEPARATORS and (
                nxt := tokens.get(body.end() + 1)) is not None:
            if nxt[1] == run[-1][1]:
                if _HELD_AFTER.match(text, nxt[0]):
                    break  # `省委、省政府立即召开会议`: the joint bodies convene the report's own meeting (meetings.py)
                # `省委、省政府关于…会议精神`, `市安委会、市减灾委全体会议精神`: bodies of one level joined before one
                # meeting noun relayed or watched name one joint meeting of that level; its name runs on from the
                # last body's level word
                end = nxt[0]
                run[-1] = (end, *run[-1][1:])
                continue
            end = body.end()
        sep = end + 1 if end < len(text) and text[end] in _SEPARATORS else end
        if sep == end and text[end:end + 2] in STRAY_LIST_MARKS:  # a stray comma before the mark
            sep = end + 2
        nxt = tokens.get(sep)
        if nxt is None:
            break
        run.append(nxt)
        end = nxt[0]
    return run


def _elided_next(text: str, mn: Mention, lex: _Lex) -> Mention | None:
    """`贯彻全国安全生产电视电话会议、工作会议精神`: a second meeting noun right after a list mark, with no level
    of its own, is another meeting of the same levels and topic."""
    sep = mn.end + 1 if mn.end < len(text) and text[mn.end] in _SEPARATORS else None
    noun = lex.noun_re.match(text, sep) if sep is not None else None
    if noun is None or noun.group() in _GENERIC_NOUNS or _family(noun.group()) == _family(mn.noun):
        return None
    return Mention(sep, noun.end(), list(mn.levels), mn.desc, noun.group(), mn.mode)


def _after_centre(tok: tuple, prev: tuple | None, ctx: str | None, local_level: str | None) -> tuple:
    """`全国、全区…会议` in a report of an autonomous region's prefecture (`全盟`, a city there): the `区`
    listed right after the centre is the region (a province), not a district; in a district's report
    `全区` is its own."""
    if prev is None or prev[1] != "national" or not tok[3].endswith("区") or tok[1] != "county":
        return tok
    path = ctx
    while path is not None and level_of(path) not in (None, "province"):
        path = parent_path(path)
    autonomous = path is not None and path.endswith("自治区")
    if not (autonomous or (ctx is None and local_level == "prefecture")) or local_level in ("county", "township"):
        return tok
    return (tok[0], "province", path if autonomous else None, tok[3])


def _after_province(tok: tuple, prev: tuple | None, city: str | None) -> tuple:
    """`传达省、市两级…会议精神` in the report of a 市 the text puts at county level (it addresses `各乡镇`): a bare
    `市` listed right after the province is the prefecture between them, not the home (whose own words are
    `我市`, `全市`)."""
    if city != "county" or prev is None or prev[1] != "province" or tok[3] != CITY_CHAR:
        return tok
    return (tok[0], "prefecture", None, tok[3])


def _restates_level(desc: str, level: str) -> bool:
    """`全国…`, `全省…`: a description opening with the scope word of the level it follows."""
    return desc.startswith("全") and len(desc) > 2 and (
        _CHAR_DEFAULT.get(desc[1]) == level or (desc[1] == "国" and level == "national"))


def _after_run(text: str, start: int, end: int, run: list, lex: _Lex) -> Mention | None:
    """The meeting noun after a list of levels, and the mode the words around it give."""
    mode = None
    held = _HELD_AFTER.match(text, end)
    desc_start = held.end() if held else end
    # the first meeting noun starting within 17 characters and before a break: one search, not a match per
    # character; a year the name opens with is not counted (`省、市2030年第一季度防范…视频会议`)
    year = _NAME_YEAR.match(text, desc_start)
    reach = min(len(text), (year.end() if year else desc_start) + 17)
    stop = _NOUN_STOP.search(text, desc_start, reach)
    hi = stop.start() if stop else reach
    noun = lex.noun_re.search(text, desc_start, hi + _noun_reach())  # a noun starting before hi fits whole
    if noun is not None and noun.start() >= hi:
        noun = None
    joint = _joint_noun(text, desc_start, hi, noun, lex)
    noun = noun or joint  # the first name's noun gives the kind; the joined name runs to its own noun
    if noun is None:
        noun = _long_named(text, desc_start, start, lex)
    if noun is None:
        return None
    desc = text[desc_start:noun.start()]
    spoke = _speakers_at(text, desc_start, noun)
    if spoke:  # `省市领导安全生产会议上的讲话精神`: the levels' leaders spoke at their meetings
        desc = desc[spoke:]
    desc = _LEVEL_COUNT.sub("", desc, count=1)  # `省、市两级安全生产工作会议`: the count of the levels listed, no topic
    if held and len(run) == 1 and _restates_level(desc, run[0][1]):
        desc = desc[2:]  # `国务院召开的全国某某会议`, `省政府召开的全省…会议`: the scope word restates the one level
    if _BAD_DESC.search(_NAME_YEAR.sub("", desc)):  # `全市2012年第一季度…会议`: a year in the name is no date
        return None
    if held:
        mode = "held"
    after = joint.end() if joint is not None else noun.end()
    if text.startswith("议", after) and text.endswith("会", 0, after):
        after += 1  # `警示教育会议`: a noun of the list (`警示教育会`) written out with 议
    if _spirit().match(text, after):
        mode = "relay"
    elif _FOLLOW.match(text, after):
        mode = mode or "ended"
    elif _HELD_THEN.match(text, after, after + 16):  # `…会议先后召开`, `…会议在某地召开`
        mode = "held"
    before = text[clause_start(text, start):start]
    if mode is None or mode == "ended":
        if lex.watch_re.search(before):
            mode = "watch"
        elif mode is None and (_spirit().match(text, after) or _DEPLOYED.match(text, after)
                               or _listed_spirit(text, after)) and (
                lex.relay_re.search(before) or lex.relay_re.search(text, _sentence_start(text, start), start)):
            # `传达…批示精神，市委会议关于…的部署和全市…会议精神`: one relay verb governs the whole list
            mode = "relay"
        elif re.search(r"(?:召开|举行)了?\s*$", before):  # `接着召开了全省…会议`
            mode = "held"
    if mode is None:
        return None
    if mode == "held" and re.search(r"(?:将|即将|拟|准备|计划|要|定于|适时)\s*(?:召开|举行)", text[max(0, start - 8):after + 6]):
        return None  # `下周将召开…会议`: announced, not held
    # an opening quote before the noun is no part of the name (`省“两会”精神`)
    return Mention(start, after, [], desc.strip().rstrip("“‘"), noun.group(), mode,
                   speech=mode == "relay" and text.startswith("上", after))


# `暨` joins the names of one sitting (`全国全省安全生产电视电话会暨市安委会全体会议`, `全省、全市安全生产工作暨省、
# 市政府第二季度防范…视频会`); the second name may hold a list of its own, so only a clause mark ends it
_JOINT = "暨"
_JOINT_REACH = 32
_JOINT_STOP = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")
_HELD_NEXT = re.compile(r"\s*(?:召开|举行)")
_HELD_JOINED = re.compile(r"\s*[暨并]\s*(?:召开|举行)")


def _joint_noun(text: str, desc_start: int, hi: int, noun: re.Match[str] | None, lex: _Lex) -> re.Match[str] | None:
    """The meeting noun that ends a name joined by `暨`: the first one after the `暨` that stands right after the
    first noun, or, with no noun before the search stopped, in the words searched."""
    j = text.find(_JOINT, desc_start, noun.end() + 1 if noun is not None else hi)
    if j < 0 or (noun is not None and j != noun.end()) or _HELD_NEXT.match(text, j + 1):
        return None  # `收看…视频会议暨召开全县…会议`: what follows the `暨` is a meeting held, not a name joined
    stop = _JOINT_STOP.search(text, j + 1, j + 1 + _JOINT_REACH)
    return lex.noun_re.search(text, j + 1, stop.start() if stop else j + 1 + _JOINT_REACH)


_LEVEL_COUNT = re.compile(r"^\s*[两二三四五]级")
_NOUN_STOP = re.compile("[" + re.escape(CLAUSE_MARKS + "、“”\"《》()（）") + "]")


# the item before ends a spirit or a document's title (`传达甲精神，《乙通报》，省某厅…视频会精神`): the list goes on
@cache
def _speakers_re() -> re.Pattern[str]:
    """The leaders of a list of levels standing before the meeting they spoke at (meeting_cues.tsv `leader`)."""
    return re.compile(r"(?:主要)?(?:" + alternation(w for w, cue in rows("meeting_cues.tsv") if cue == "leader")
                      + ")(?:同志)?在?")


def _speakers_at(text: str, desc_start: int, noun: re.Match[str]) -> int:
    """`省市领导在…会议上的讲话精神`, `省、市主要领导…会议上的讲话精神`: the length of the leaders' words opening the
    name when a speech given at the meeting follows it, else 0."""
    lead = _speakers_re().match(text, desc_start, noun.start())
    if lead is None or not text.startswith("上", noun.end()) or not _spirit().match(text, noun.end()):
        return 0
    return lead.end() - desc_start


_LISTED_BEFORE = re.compile(r"(?:精神|》)\s*[，,、]{1,2}\s*$")
# how far a relayed meeting's name may run between its level and `精神` (`传达学习全市…“开门红”…推进大会精神`)
_LONG_NAME = 48
# how far after a list of levels its meeting noun may start: a `召开` between (`_HELD_AFTER`, 8), then the
# noun within 17 characters, or a long name within _LONG_NAME (`_after_run`, `_long_named`)
_NOUN_AHEAD = 8 + max(17, _LONG_NAME)
_LONG_STOP = re.compile("[" + re.escape(CLAUSE_MARKS + "、") + "]")
_ABOUT = "关于"


def listed_on(text: str, cs: int) -> bool:
    """The clause starting at `cs` goes on a relayed list whose verb stands earlier in the sentence (`传达学习了甲
    精神，《乙通报》，丙会议精神`): the item before ends a spirit or a title, and a relay verb opens the sentence."""
    return bool(_LISTED_BEFORE.search(text, max(0, cs - 5), cs)
                and _lex().relay_re.search(text, _sentence_start(text, cs), cs))


def _long_named(text: str, desc_start: int, start: int, lex: _Lex) -> re.Match[str] | None:
    """A meeting relayed or watched under a long name, quotes and all: relayed, the noun is followed by
    `精神` after a relay verb (`传达学习全市优化环境暨“开门红”推进大会精神`); watched, the noun ends the clause
    or the watching (`收听收看省政府第二季度防范…暨…工作部署视频会议后`)."""
    cs = clause_start(text, start)
    before = text[cs:start]
    relayed, watched = lex.relay_re.search(before), lex.watch_re.search(before)
    # `传达学习甲会议精神，全省…工作会议精神，…`: one relay verb governs a list of spirits in its sentence
    relayed = relayed or (_LISTED_BEFORE.search(text, max(0, cs - 5), cs)
                          and lex.relay_re.search(text, _sentence_start(text, start), start))
    if not (relayed or watched):
        return None
    stop = _LONG_STOP.search(text, desc_start, desc_start + _LONG_NAME)
    while stop is not None and stop.group() == "、" and _ABOUT in text[desc_start:stop.start()]:
        # `省政府关于元旦、春节期间…会议精神`: a topic opened by 关于 runs over its own list marks
        stop = _LONG_STOP.search(text, stop.end(), desc_start + _LONG_NAME)
    hi = stop.start() if stop else min(len(text), desc_start + _LONG_NAME)
    k = desc_start
    while k < hi and (m := lex.noun_re.search(text, k, hi)) is not None:  # the nouns from left to right
        k = m.start() + 1
        if _spirit().match(text, m.end()) and relayed:
            return m
        if watched and (m.end() == hi or _FOLLOW.match(text, m.end())):
            return m
    return None


def _after_meeting_noun(text: str, pos: int) -> bool:
    """A meeting noun ends at `pos`: what follows continues a list of meetings."""
    return any(pos >= n and text[pos - n:pos] in nouns for n, nouns in _kind_nouns_by_length())


@cache
def _relayed_item_ends() -> tuple[str, ...]:
    """How an item of a list of things relayed ends: its spirit, or a speech (meeting_cues.tsv `speech`): a level
    word after it opens the next item (`学习了某某同志的讲话、省“两会”精神`)."""
    return ("精神", *(w for w, cue in rows("meeting_cues.tsv") if cue == "speech"))


@cache
def _kind_nouns_by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """The meeting nouns of the kinds, grouped by length (a lookup per length, not a test per noun)."""
    by: dict[int, set[str]] = {}
    for n in kind_of_noun():
        by.setdefault(len(n), set()).add(n)
    return tuple((n, frozenset(ws)) for n, ws in sorted(by.items()))


_LIST_ON = re.compile(r"\s*(?:、|以及|和|及|与)")
_CLAUSE_REST = re.compile(IN_CLAUSE + r"{0,60}")


def _listed_spirit(text: str, after: int) -> bool:
    """`传达学习了国务院常务会议、省政府常务会议精神`: a meeting listed before others whose `精神` (or
    `部署`) closes the list is relayed with them."""
    if not _LIST_ON.match(text, after):
        return False
    rest = _CLAUSE_REST.match(text, after)
    # `…会议及市安委会办公室《关于…的通知》精神`, `…有关会议和文件精神`: documents closing the list carry its 精神 too; so does a
    # quoted meeting (`…全会和省“两会”精神`)
    # a work deployment closes it as the spirit does (`…电视电话会议、工作会议工作部署`: _DEPLOYED's words)
    return bool(rest and re.search(r"(?:会议?|》|文件)[”’\"]?(?:" + _WEIGHT + r"(?:精神|部署)|\s*的?(?:决策|工作)部署)",
                                   rest.group()))


def _is_headline(text: str, index: SentenceIndex, pos: int) -> bool:
    """The first line, or a short line of its own without punctuation below a masthead (`某某日报`,
    the date, the page, then `省安委会全体（扩大）会议举行`): the body says it again."""
    sent = index.at(pos)
    return (sent.start == 0 and "\n" in text[sent.start:sent.end + 1] and not re.search(
        r"[。！？!?；;，,]", text[sent.start:sent.end])) or is_headline(text, index, pos)


def attach_higher(text: str, index: SentenceIndex, drafts: list[MeetingDraft], roles: list[PersonRole],
                  dates: list[DateHit], regions: list[RegionHit], ctx: str | None,
                  person_level: Callable[[str], str | None]) -> list[MeetingDraft]:
    """The drafts with the higher meetings the text names added, the drafts that stood for them removed,
    and the relays and participants of watching set as the module docstring says."""
    # the article's own level: its home region's, or lower where it says `我县` under a named province
    local_level = max((lv for lv in (level_of(ctx) if ctx else None, _home_level(text)) if lv),
                      key=lambda lv: LEVEL_RANK[lv], default=None)
    first = next((d for d in drafts if d.region), None)
    if ctx is None:  # nothing says the home: the place of the report's first placed meeting
        ctx = first.region if first else None
        local_level = local_level or (level_of(ctx) if ctx else None)
    elif first is not None and first.level and first.region.startswith(ctx) and \
            LEVEL_RANK[first.level] > LEVEL_RANK.get(local_level or "", 9):
        # `某市网讯…某县某镇召开…会议`: a city's outlet reports a township's meeting below it; that township's
        # report relays the city's and the county's meetings too
        ctx, local_level = first.region, first.level
    # still nothing: the level of the report's first meeting (`县安委会召开…会议`)
    local_level = local_level or next((d.level for d in drafts if d.level), None)
    # or the level word its first meeting's name opens with (`市安委会全体会议`, `全市…电视电话会`: a city's)
    local_level = local_level or next((lv for d in drafts if d.name and not d.higher
                                       and (lv := _name_level(d.name)) is not None), None)
    # a report of a 市 it never names, placed by the divisions it addresses: its `市` words are at that level
    city = next((d.level for d in drafts if d.level_rule == CITY_BELOW), None)
    if city is not None and ctx is None and _home_char(text) == CITY_CHAR:
        # `我市…要求各乡镇…`: the level the divisions it addresses give its `我市`, not a 市's default (prefecture),
        # so a prefecture's meeting it relays stands above it
        local_level = city
    own = tuple(d.name for d in drafts if d.name and not d.generic)  # the report's own meetings by name
    home_named: list[Mention] = []
    mentions = find_mentions(text, index, regions, ctx, local_level, city, own, home_named)
    home_path = ctx  # where the report's own meetings sit
    if home_named and _home_below(text, index, home_named, ctx):
        # `省、甲市会议结束后，市长乙主持召开全市…会议`: the 市 named holds a meeting above the report, whose own
        # bare `市` (`我市`, `全市`, `市长`) is a county-level city under it, unnamed
        home_path, local_level, city = None, "county", "county"
        _below_named_city(text, drafts, regions, ctx)
        mentions = find_mentions(text, index, regions, ctx, local_level, city, own)
    if not mentions:
        return drafts
    local_rank = LEVEL_RANK.get(local_level or "", 9)
    made: dict[tuple[str, str | None, str], MeetingDraft] = {}
    # higher meetings of a `市` the report never names, seen from that 市 or a township under it: a prefecture's or
    # a county-level city's (`某镇…传达市安全生产工作会议精神`), so of no level the text gives
    unplaced: set[int] = set()
    groups: list[_Group] = []
    singles = sorted((d for d in dates if d.value and not d.end_value), key=lambda d: d.start)

    def named_before(level: str, path: str | None) -> bool:
        return any(k[:2] == (level, path) and m.rule != "meeting.higher.relay" for k, m in made.items())

    def meeting_for(level: str, path: str | None, surface: str, mn: Mention, again: bool = False,
                    apart: MeetingDraft | None = None) -> MeetingDraft:
        # `apart`: the meeting whose report relays this one, which it is not
        key = (level, path, _family(mn.noun))
        d = made.get(key)
        if d is not None and (d is apart or _other_topic(d, mn) or _listed_apart(d, mn, index)):
            key, d = (level, path, _family(mn.noun) + mn.desc), None
        if d is None and (mn.noun in _GENERIC_NOUNS or mn.mode == "ended" or again):
            # `全省会议结束后`, `贯彻落实省会议精神`: the meeting of that level named before; a relayed meeting
            # named by another noun (`贯彻省委常委会会议精神` after the province's teleconference) is another
            same_level = [m for k, m in made.items() if k[:2] == (level, path) and m is not apart]
            # `全省会议` names the one of that level watched or held, before one only relayed
            same_level = [m for m in same_level if m.rule != "meeting.higher.relay"] or same_level
            d = same_level[-1] if same_level else None
        if d is None and apart is None:
            d = _existing(drafts, level, path, mn)
            if d is not None:
                d.higher = True
                if mn.mode == "held" and len(mn.levels) == 1:
                    d.region, d.level, d.level_rule = path, level, f"meeting.higher.{mn.mode}"
                made[key] = d
        if d is None:
            name = surface + mn.desc + mn.noun if level != "national" else "全国" + mn.desc + mn.noun
            d = MeetingDraft(start=mn.start, end=mn.end, held=mn.start, held_end=mn.end, noun=mn.noun,
                             kind=kind_of_noun().get(mn.noun, "teleconference" if _family(mn.noun) ==
                                                      "teleconference" else "other"),
                             name=name, generic=False, region=path, level=level,
                             level_rule=f"meeting.higher.{mn.mode}")
            d.higher = True
            d.rule = f"meeting.higher.{mn.mode}"
            made[key] = d
            if level == "prefecture" and path is None and surface.lstrip("全") == CITY_CHAR and city is None \
                    and local_level in ("prefecture", "township"):
                unplaced.add(id(d))
        return d

    held_last: tuple[Mention, list[MeetingDraft]] | None = None  # the last higher meeting held, as made
    relayed_at: list[tuple[int, list[MeetingDraft]]] = []  # each relayed mention's start and its meetings
    for mn in mentions:
        # `全国、全省、全市…电视电话会议召开后…贯彻落实国家、省、市…工作会议精神`: a relayed list of levels each
        # of which the report has named a meeting of (watched, held) names those meetings again, by any noun
        again = mn.mode == "relay" and len(mn.levels) > 1 and all(named_before(lv, p) for lv, p, _ in mn.levels)
        # `收看了全国…电视电话会议。会议听取了国务院和省…工作会议`: a level watched again right after, by another
        # noun, is the sitting already watched
        ms = [meeting_for(lv, path, surf, mn, again or (mn.mode == "watch" and _watched_just_before(
            made, lv, path, index, mn.start))) for lv, path, surf in mn.levels]
        if mn.mode == "relay":
            dated = _dates_just_before(text, singles, mn.start)
            for date in dated[1:]:  # `传达10月8日、11月2日国务院常务会议精神`: one sitting per date listed
                for d in list(ms):
                    if d.date == date.value:
                        continue
                    key = (d.level or "", d.region, f"{_family(mn.noun)}@{date.value}")
                    made[key] = made.get(key) or dataclasses.replace(
                        d, date=date.value, date_span=(date.start, date.end), participants={}, relay_to=[], watched=[])
                    ms.append(made[key])
            relayed_at.append((mn.start, ms))
            owner = None if _CHECKED.match(text, mn.end) else (
                _said_by(text, mn.start, made, ctx, city) or _led_by(index, roles, made, ms, mn.start, person_level)
                or _held_by(index, held_last, ms, mn.start) or _owner(drafts, mn.start))
            if (owner is not None and owner in ms and mn.desc + mn.noun not in (owner.name or "") and (
                    owner.branch or owner.venue or (owner.kind in _OWN_KINDS_APART and not owner.generic))):
                # a meeting of its own kind relays no spirit of its own: `全区某某形势分析会召开。会议传达了全国、全区
                # 安全生产会议精神` names the home level's general meeting, held before, and so does a branch venue's
                # sitting (`分会场会议要求，贯彻落实…1月1日市委市政府紧急会议的工作要求`); a work meeting
                # (`全市安全生产工作会议…传达全市安全生产会议精神`) names itself again
                for i, (lv, path, surf) in enumerate(mn.levels):
                    if i < len(ms) and ms[i] is owner:
                        ms[i] = meeting_for(lv, path, surf, mn, apart=owner)
            if owner is not None:
                for d in ms:
                    owner.relay_to.append((d, False, None))
                if owner.relays_meeting is not None and owner.relay_rule == "meeting.relay.spirit":
                    owner.relays_meeting = None  # the spirit it relays is the one named here
            date = dated[0] if dated else None
            for d in ms:
                if d.date is None and date is not None:
                    d.date, d.date_span = date.value, (date.start, date.end)
            continue
        sent = index.at(mn.start)
        date = _date_in(singles, sent.start, mn.start if mn.mode != "held" else sent.end)
        grp = groups[-1] if groups and not groups[-1].closed else None
        if grp is None or (mn.mode in ("watch", "held") and grp.local is not None):
            grp = _Group(start=sent.start)
            groups.append(grp)
        if date is None and grp.date is not None:
            date = grp.date
        if date is not None and grp.date is None:
            grp.date = date
        for d in ms:  # a meeting named again (`省会议结束后`) brings the date it was held
            if grp.date is None and d.date and d.date_span:
                grp.date = DateHit(d.date_span[0], d.date_span[1], text[d.date_span[0]:d.date_span[1]], d.date)
        if date is None and grp.date is not None:
            date = grp.date
        earlier = list(grp.meetings)
        if not earlier and mn.mode == "held" and _FOLLOW_START.match(text, sent.start, mn.start):
            # `某某视频会议后，省、市、县相继召开会议，安排部署`: the meeting the opener follows is one the report
            # told before as its own (`某某视频会议召开。副县长甲在我县分会场收听收看`), not a list of levels
            earlier = _told_before(drafts, sent.start)
        grp.named.append(mn.start)
        for d in ms:
            if d.date is None and date is not None:
                d.date, d.date_span = date.value, (date.start, date.end)
            if mn.mode == "held" and d not in grp.meetings:
                spirit = re.search(r"贯彻|落实|传达", text[mn.end:index.clause_bounds(mn.end)[1] + 1] if
                                   mn.end < len(text) else "")
                if spirit:  # `会后，甲省、乙市立即召开电视电话会贯彻落实会议精神`
                    d.relay_to.extend((g, False, None) for g in earlier if g.level != d.level)
            if (mn.mode == "held" and earlier and _FOLLOW_START.match(text, sent.start, mn.start)
                    and _FOLLOW_DEPLOYS.search(text, mn.end, sent.end)):
                # `会后，省政府召开电视电话会议，再安排、再部署`: the level below holds its own meeting right
                # after the one watched together to deploy it: it relays every higher meeting of the watching
                # (inferred); one that only hears other news (`会议传达了某某的批示`) relays none
                d.relay_to.extend((g, True, "follow_up") for g in earlier
                                  if LEVEL_RANK.get(g.level or "", 9) < LEVEL_RANK.get(d.level or "", 9))
            if d not in grp.meetings:
                grp.meetings.append(d)
        if mn.mode == "ended":
            grp.ended_at = mn.start
        if mn.mode == "held":
            held_last = (mn, ms)

    kept: list[MeetingDraft] = []
    parallel: dict[int, int] = {}  # a draft of the home's level held in a list of levels -> the list's start
    for d in drafts:
        grp = _group_at(groups, d.held if d.held is not None else d.start)
        cover = next((mn for mn in mentions if mn.mode != "relay" and d.held < mn.end
                      and mn.start < (d.held_end or d.held + 1)), None) if not d.higher and d.held is not None else None
        if cover is not None and grp is not None:
            if cover.own:  # `省、市、县接着召开会议` in a county's report: the draft is the county's own meeting,
                parallel[id(d)] = cover.start  # held beside the other levels', not after them
                if ctx and local_level and d.level != local_level and LEVEL_RANK.get(d.level or "", 9) < local_rank \
                        and _each_level_one(drafts, cover):
                    # `会后，甲市、乙县两级召开续会` in 乙县's report: the list's first place placed the draft above
                    # the home; the higher places' sittings are made apart, the draft is the home's
                    d.region, d.level, d.level_rule = ctx, local_level, "meeting.level.own_in_list"
            elif not (cover.mode == "watch" and _HELD_JOINED.match(text, cover.end, d.held_end or cover.end)):
                continue  # the draft is the watched meeting itself, now made per level
            d.after_prev = True  # `收看…视频会议暨召开全县…会议`: the meeting held with the watching is the local one
        if (grp is not None and not d.higher and d.generic and d.held is not None and d.level
                and LEVEL_RANK.get(d.level, 9) < local_rank and d.held > grp.start
                and any(g.level == d.level for g in grp.meetings)):
            watched = next(g for g in grp.meetings if g.level == d.level)
            # what it relays (`…收看全省…会议。会议学习贯彻了全国某某会议精神`) the watched meeting relays
            watched.relay_to.extend(r for r in d.relay_to if LEVEL_RANK.get(r[0].level or "", 9)
                                    < LEVEL_RANK.get(watched.level or "", 0) and r not in watched.relay_to)
            continue  # `…收听收看全省…会议。…副省长X主持会议`: the watched meeting, chaired above
        if d.higher:
            kept.append(d)
            continue
        if grp is not None and d.level and LEVEL_RANK.get(d.level, 9) < local_rank and d.kind == "teleconference":
            d.higher = True  # `我州接着召开电视电话会议`: one more meeting watched from here
            if d.date is None and grp.date is not None:
                d.date, d.date_span = grp.date.value, (grp.date.start, grp.date.end)
            grp.meetings.append(d)
            kept.append(d)
            continue
        if grp is not None and (grp.local is None or _only_watched(grp, person_level)) and d.held is not None \
                and _right_after(text, index, grp, d):
            d.after_prev = True  # `在收听收看全国…会议后，我县紧接着召开全县…会议`: the follow-up meeting
        if grp is not None and (d.branch or d.after_prev or d.venue):
            if d.venue or (d.branch and not d.after_prev):
                grp.venues.append((d.start, d.end))
            if grp.local is None or (d.held is not None and not d.venue and (grp.local.venue or grp.local.branch)
                                     and _only_watched(grp, person_level)):
                # `我市设立分会场，…会议后随即召开全市…会议`: a venue where nobody chairs or speaks (`副市长甲在市
                # 分会场参会`) is not the meeting; the follow-up held right after is
                if grp.local is not None and grp.local in kept:
                    kept.remove(grp.local)
                    _venue_said(grp)
                grp.local = d
                basis = "branch_venue" if (d.branch and not d.after_prev) or d.venue else "follow_up"
                # a venue sees only what is watched there, not a meeting held above after the watching ended
                # (`省会议结束后，甲市随即召开会议`)
                # held in one list with the other levels (`某会议后，省、市、县相继召开会议`), it relays what they
                # relay, not them
                listed = [g for g in grp.meetings if g.start == parallel.get(id(d))]
                beside = [r for g in listed for r in g.relay_to if r[0] not in listed]
                d.relay_to = (beside or [(g, True, basis) for g in grp.meetings if g is not d and not (
                    basis == "branch_venue" and grp.ended_at is not None
                    and (g.held if g.held is not None else g.start) > grp.ended_at)]) + d.relay_to
                d.relays_meeting = None
                # a home that calls itself `我市` and is never named may be a prefecture or a county-level city:
                # the divisions it addresses below it say which (`各县区`), else nothing does
                home = local_level if home_path != ctx else level_of(ctx) if ctx else (
                    city_level(text) if _home_char(text) == CITY_CHAR else local_level)
                if d.level_rule in _PEOPLE_LEVEL and any(g.level == d.level for g in grp.meetings) \
                        and LEVEL_RANK.get(d.level or "", 9) < local_rank:
                    # `…收看全国会议，听取了省会议，副省长甲讲话。会后，县长乙强调…`: a speaker's post at a watched
                    # meeting's level is that meeting's speaker, no level of the follow-up
                    d.region, d.level, d.level_rule = None, None, None
                if d.region is None and home and d.level in (None, home) and not d.branch and LEVEL_RANK.get(
                        home, 0) > max((LEVEL_RANK.get(g.level or "", 0) for g in grp.meetings), default=0):
                    # `会后，县政府领导强调…`: nobody placed speaks; the follow-up is the reporting place's
                    # (`我市…随即召开全市…会议` with no place named: at least its level)
                    d.region, d.level, d.level_rule = home_path, home, "meeting.level.follow_up_home"
                if d.date is None and grp.date is not None:
                    d.date, d.date_span = grp.date.value, (grp.date.start, grp.date.end)
                kept.append(d)
            elif d.held is None:  # one local meeting per watching: the venue and the `会后` deployment are one
                for p in d.participants.values():
                    _give(grp.local, p.name, p.role, p.start, p.end, p.cue)
                # `…在县分会场收听收看。会议结束后，我县要求…`: the home body speaking after holds the venue's meeting
                grp.local.spoken = grp.local.spoken or d.spoken
                # `…在县分会场收听收看。随后，某市继续召开视频会议。会后，县长甲要求…`: told again after the meetings
                # held above once the watching ended, the home's meeting follows those too
                relayed = {id(r[0]) for r in grp.local.relay_to}
                grp.local.relay_to.extend((g, True, "follow_up") for g in grp.meetings
                                          if id(g) not in relayed and g is not grp.local)
            else:  # `会后，X县接着召开会议`: a meeting of its own further down
                kept.append(d)
            continue
        kept.append(d)
    for grp in groups:
        if grp.local is None and grp.meetings and _MEETING_SUBJECT.match(text, index.at(grp.start).start):
            # `…全体会议召开。会议集中收听收看了全省…电视电话会议`: the meeting reported watched it (inferred)
            d = next((d for d in kept if not d.higher and d.held is not None and d.held < grp.start
                      and d.start <= grp.start < (d.end or 10**9)), None)
            if d is not None:
                grp.local, grp.inside_end = d, index.at(grp.start).end
                d.relay_to = [(g, True, "branch_venue") for g in grp.meetings] + d.relay_to
                d.watched.extend(grp.meetings)
    for grp in groups:
        if grp.date is None and grp.local is not None and grp.local.date and grp.local.date_span:
            # `省会议结束后，我市接续召开会议` dated only on the local side: the same day
            for g in grp.meetings:
                if g.date is None:
                    g.date, g.date_span = grp.local.date, grp.local.date_span
        _participants(grp, roles, kept, person_level)
        if grp.local is not None and grp.local.held is None and not grp.local.spoken and not any(
                p.role in ("chair", "speaker") for p in grp.local.participants.values()):
            kept.remove(grp.local) if grp.local in kept else None
    for grp in groups:
        _told_twice(grp, kept, mentions, index)
    _seat_speakers(text, index, roles, relayed_at)
    # one list in text order: higher meetings where the text first names them
    out = sorted([*kept, *[d for d in made.values() if d not in kept and not _centre_agenda(d, kept, made)]],
                 key=lambda d: d.start)
    for d in out:
        d.relay_to = _final_relays(d, out)
        if id(d) in unplaced:
            d.level, d.level_rule = None, "meeting.higher.unplaced_city"
    return out


_VENUE_REACH = 40  # characters from a speaker's name to the meeting its speech was given at (`甲省长在…会议上的`)


def _seat_speakers(text: str, index: SentenceIndex, roles: list[PersonRole],
                   relayed_at: list[tuple[int, list[MeetingDraft]]]) -> None:
    """`传达市长甲在全市某某会议上的讲话精神`: a person whose speech's spirit is relayed (meetings.SPEECH_CUE) spoke
    at the relayed meeting named right after the name, in its clause; with none named there (`传达学习全省会议
    精神和省长甲、副省长乙的重要讲话精神`), at the meeting relayed last before in the sentence; else nowhere known."""
    for r in roles:
        if r.cue != SPEECH_CUE or r.national:
            continue
        sent = index.at(r.start)
        venue = next((ms for pos, ms in relayed_at if r.end <= pos < min(r.end + _VENUE_REACH, sent.end)
                      and not clause_marks(text, r.end, pos)), None)
        before = [ms for pos, ms in relayed_at if sent.start <= pos < r.start]
        for d in venue or (before[-1] if before else []):
            _give(d, r.name, "speaker", r.start, r.end, r.cue)


def _told_before(drafts: list[MeetingDraft], pos: int) -> list[MeetingDraft]:
    """The last meeting of a level the report told before `pos`, as a list (empty when none)."""
    told = [d for d in drafts if d.level and (d.held if d.held is not None else d.start) < pos]
    return told[-1:]


def _home_below(text: str, index: SentenceIndex, named: list[Mention], ctx: str | None) -> bool:
    """The home region found, a prefecture-level 市, is named as a body holding a meeting of its own above the
    report: listed after a higher level in a watching, a holding or an ending (`收看全省、甲市…会议`, `省、甲市
    会议结束后`), or convening right after a report that has called itself `我市` (`…在我市分会场收看。随后，
    甲市召开电视电话会`). Its own `市` is then a county-level city under the one named."""
    if ctx is None or level_of(ctx) != "prefecture" or not ctx.endswith(CITY_CHAR):
        return False
    home = home_word(text)
    for mn in named:
        at = next(i for i, (_, path, surf) in enumerate(mn.levels) if path == ctx and surf.lstrip("全") != CITY_CHAR)
        if at > 0 and LEVEL_RANK.get(mn.levels[at - 1][0], 9) < LEVEL_RANK["prefecture"]:
            return True
        if len(mn.levels) == 1 and mn.mode == "held" and home is not None and home.group().endswith(CITY_CHAR) \
                and home.start() < mn.start and right_after_re().search(text, index.at(mn.start).start, mn.start):
            return True
    return False


# the level rules that read a meeting's place from a place named by its name, not from a bare level word
_NAMED_PLACE = ("meeting.level.convener_place", "meeting.level.branch_place")


def _below_named_city(text: str, drafts: list[MeetingDraft], regions: list[RegionHit], city: str) -> None:
    """The report's own meetings a bare `市` placed in the named city (`全市…会议`, `在我市分会场`, `市长甲主持`)
    are the county-level city's under it: county, its place unnamed; one whose convener names the city
    (`甲市召开…`) stays the city's."""
    for d in drafts:
        if d.higher or d.region != city or d.level != "prefecture" or d.level_rule in _NAMED_PLACE:
            continue
        if d.held is not None and any(h.path == city and clause_start(text, d.held) <= h.start < d.held
                                      for h in regions):
            continue
        d.region, d.level, d.level_rule = None, "county", "meeting.level.below_named_city"


def _centre_agenda(d: MeetingDraft, kept: list[MeetingDraft], made: dict) -> bool:
    """A meeting of the centre only relayed, and only by meetings of the centre (`全国安全生产电视电话会议…学习贯彻了
    国务院常务会精神`): the teleconference's agenda, not a meeting of the report; relayed by a province's or a
    county's meeting it is one."""
    if d.level != "national" or d.rule != "meeting.higher.relay":
        return False
    by = [o for o in [*kept, *made.values()] if o is not d and any(r[0] is d for r in o.relay_to)]
    return bool(by) and all(o.level == "national" for o in by)


def _told_twice(grp: _Group, kept: list[MeetingDraft], mentions: list[Mention], index: SentenceIndex) -> None:
    """`甲县组织收听收看全国、全省…会议，并召开全县…会议。…会议结束后，该县召开…会议，…`: the lead's meeting held
    in the watching's sentence and the follow-up told later are one meeting; the later telling keeps it, with
    the lead's people."""
    local = grp.local
    if local is None or local.held is None:
        return
    for d in list(kept):
        if d is local or d.higher or d.held is None or d.held >= local.held or d.level != local.level \
                or (d.date and local.date and d.date != local.date):
            continue
        sent = index.index_at(d.held)
        if any(mn.mode == "watch" and index.index_at(mn.start) == sent and mn.end <= d.held for mn in mentions):
            fold_participants(local, d)
            local.region = local.region or d.region
            local.date, local.date_span = local.date or d.date, local.date_span or d.date_span
            kept.remove(d)


def named_twice(out: list[MeetingDraft]) -> None:
    """`市委召开全市某某工作紧急会议。…会上传达了全市某某工作紧急会议精神`, `甲出席省某委员会第二次全体会议。…省某委员会
    召开第二次全体会议`: one meeting told twice by its name (whole, or without the body before it) at one level, on
    one day (or one telling undated) and in one place (or one telling unplaced) is one meeting, the first telling;
    the later one's people, date and place join it and what relayed the later one relays the first."""
    generic = set(kind_of_noun())
    for b in list(out):
        if b not in out or not b.name or b.generic:
            continue
        a = next((a for a in out if a is not b and a.start < b.start and a.name and not a.generic
                  and a.level == b.level and a.level is not None and _same_name(a.name, b.name, generic)
                  and (a.date is None or b.date is None or a.date == b.date)
                  and (a.region is None or b.region is None or a.region == b.region)), None)
        if a is None:
            continue
        fold_participants(a, b)
        if len(b.name) > len(a.name):
            a.name = b.name
        if a.date is None:
            a.date, a.date_span = b.date, b.date_span
        a.region = a.region or b.region
        a.relay_to.extend(b.relay_to)
        out.remove(b)
        _redirect(out, b, a)


def venue_only_watched(out: list[MeetingDraft]) -> None:
    """`全市某某电视电话会议召开。镇长甲、副镇长乙在某镇分会场收看收听` (the venue placed at the meeting's own
    level), `副市长甲在市分会场参会。省视频会议结束后，我市立即召开全市…会议`: a branch venue where the people named
    only watch is no meeting of its own when it watches a meeting of its level, or when the home's own meeting
    of that level follows it; they attend the meeting watched (what relayed the venue relays that meeting)."""
    for v in list(out):
        if not v.branch or v.held is not None or v.level is None or not v.participants or any(
                p.role != "attendee" for p in v.participants.values()):
            continue
        watched = next((t for t, _, basis in v.relay_to if basis == "branch_venue" and t.level == v.level), None)
        if watched is None:
            d = next((d for d in out if d.start > v.start and d.held is not None
                      and d.level == v.level and (d.after_prev or any(t is v for t, _, _ in d.relay_to))
                      and (d.date is None or v.date is None or d.date == v.date)
                      and (d.region is None or v.region is None or d.region == v.region)), None)
            above = [t for t, _, _ in d.relay_to if t is not v and LEVEL_RANK.get(t.level or "", 9)
                     < LEVEL_RANK.get(v.level, 0)] if d is not None else []
            watched = above[0] if above else None
        if watched is None:
            continue
        fold_participants(watched, v)
        out.remove(v)
        _redirect(out, v, watched)


def in_record_order(drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """The report's meetings in the order the record lists them: each after the meetings it relays, those
    in text order, the rest in text order. `甲县召开会议，传达全国、全省会议精神。会后，乙镇召开会议` is the
    national, the provincial, the county's, the township's meeting: a report tells its own meeting first and
    what it relays inside it, but the relay tree is written from the top, the relayed meeting held before.
    `drafts` is in text order; a cycle is broken where it closes. Relays point at drafts, not indexes, so
    every index into the list is made from this order."""
    at = {id(d): i for i, d in enumerate(drafts)}
    out: list[MeetingDraft] = []
    placed: set[int] = set()

    def place(d: MeetingDraft) -> None:
        if id(d) in placed:
            return
        placed.add(id(d))
        for t in sorted((t for t, _, _ in d.relay_to if id(t) in at), key=lambda t: at[id(t)]):
            place(t)
        out.append(d)

    for d in drafts:
        place(d)
    return out


def _redirect(out: list[MeetingDraft], gone: MeetingDraft, into: MeetingDraft) -> None:
    """A meeting `gone` (already out of `out`) is one with `into`: every relay of it is now a relay of `into`, and
    no meeting relays itself or one meeting twice (the first relay of each kept)."""
    for d in out:
        seen: set[int] = set()
        d.relay_to = [(t, inferred, basis) for t, inferred, basis in
                      ((into if t is gone else t, inferred, basis) for t, inferred, basis in d.relay_to)
                      if t is not d and not (id(t) in seen or seen.add(id(t)))]


def _same_name(a: str, b: str, generic: set[str]) -> bool:
    """One name is the other, or its end after the body (`第二次全体会议` of `省某委员会第二次全体会议`), the way it
    is held written or not (`全省某某工作电视电话会议` told again as `全省某某工作会议`); a bare meeting noun names
    nothing."""
    if a in generic or b in generic:
        return False
    short, long = sorted((_TELE_WAY.sub("", a), _TELE_WAY.sub("", b)), key=len)
    return long.endswith(short)


# the way a meeting is held, written before its noun (`电视电话会议`, `视频会`)
_TELE_WAY = re.compile("(?:" + "|".join(t for t in _TELE_NOUNS if not t.endswith("会")) + ")(?=会)")


_PEOPLE_LEVEL = ("meeting.level.speaker_post", "meeting.level.chair_post")


def _watched_just_before(made: dict, level: str, path: str | None, index: SentenceIndex, pos: int) -> bool:
    """A meeting of that level and place watched in this sentence or the one before."""
    here = index.index_at(pos)
    return any(k[:2] == (level, path) and m.rule == "meeting.higher.watch"
               and here - 1 <= index.index_at(m.start) <= here for k, m in made.items())


def _venue_said(grp: _Group) -> None:
    """`省政府召开全省…电视电话会议，县领导甲在县分会场参加会议。会议强调，要全面落实全国…会议精神。会后，我县召开…`:
    at a venue where nobody of its own speaks, `会议强调` is the watched meeting speaking, so a higher meeting
    it says to relay is relayed by the nearest watched meeting above the home, not lost with the venue."""
    venue = grp.local
    if venue is None:
        return
    for target, inferred, basis in venue.relay_to:
        if inferred or target in grp.meetings:
            continue
        rank = LEVEL_RANK.get(target.level or "", 9)
        above = [g for g in grp.meetings if LEVEL_RANK.get(g.level or "", 0) > rank]
        if above:
            by = max(above, key=lambda g: LEVEL_RANK.get(g.level or "", 0))
            if all(r[0] is not target for r in by.relay_to):
                by.relay_to.append((target, inferred, basis))


def _only_watched(grp: _Group, person_level: Callable[[str], str | None]) -> bool:
    """The watching's branch venue where nobody of its own chairs or speaks (`副市长甲在市分会场收听收看`; the
    speakers of a watched meeting, `副省长乙讲话`, are that meeting's): the follow-up held right after is the
    lower body's meeting."""
    local = grp.local
    if local is None or local.held is not None or not (local.venue or local.branch):
        return False
    above = {g.level for g in grp.meetings}
    return not any(p.role in ("chair", "speaker") and person_level(p.name) not in above
                   for p in local.participants.values())


def _final_relays(d: MeetingDraft, out: list[MeetingDraft]) -> list[tuple[MeetingDraft, bool, str | None]]:
    """One relay per meeting relayed; what the text says it relays (`传达贯彻晋中市会议精神`) replaces what
    the setting suggests (every meeting watched before it); but a meeting its own report says it watched
    (`会议集中收看全市某某电视电话会，学习了全省某某会议精神`) stays relayed beside the one named."""
    live = [r for r in d.relay_to if r[0] in out and r[0] is not d]
    if any(not inferred for _, inferred, _ in live):
        live = [r for r in live if not r[1] or any(r[0] is w for w in d.watched)]
    seen: set[int] = set()
    keep = []
    for r in live:
        if id(r[0]) not in seen:
            seen.add(id(r[0]))
            keep.append(r)
    return keep


@dataclass
class _Group:
    """One watching: the higher meetings watched together, and the lower body's own meeting."""

    start: int
    meetings: list[MeetingDraft] = None  # type: ignore[assignment]
    local: MeetingDraft | None = None
    date: DateHit | None = None
    ended_at: int | None = None
    closed: bool = False
    venues: list[tuple[int, int]] = None  # type: ignore[assignment]  # scopes of the branch venue
    inside_end: int | None = None  # the watching is said inside the local meeting's report (`会议收看了…`): its end
    named: list[int] = None  # type: ignore[assignment]  # where the text names the watched meetings, again too

    def __post_init__(self) -> None:
        self.meetings = []
        self.venues = []
        self.named = []


_FOLLOW_WORDS = re.compile(r"(?:之)?后|随后|随即|接着|紧接着|立即")
# what a follow-up meeting of a level below does with the meeting it follows: deploys it, carries it out
_FOLLOW_DEPLOYS = re.compile(r"部署|贯彻")
# a sentence opening with `after the meeting`, in any of its wordings (`会后，`, `会议结束后，`, `甲会议后，`,
# `全国某某电视电话会议召开后，`): what it holds follows that meeting up; a bare `随后` (then) only orders two
# events
_FOLLOW_START = re.compile(r"\s*(?:会后|(?:[^" + CLAUSE_MARKS + r"]{0,30}?会议?)?(?:召开|结束)?之?后[，,])")


_FOLLOW_GAP = 3  # how many sentences on an opener of `after the meeting` still follows the watched meeting up


def _right_after(text: str, index: SentenceIndex, grp: _Group, d: MeetingDraft) -> bool:
    """A lower meeting held in the sentence where the watched meetings are last named, or the next one, with
    a word of sequence before its held verb (`…会议后，X随即召开`, `随后，X主持召开`; `全省、全市会议召开，…。
    随后，全市会议召开，…。会后，我县接着召开…`: after the city's meeting, named again)."""
    if d.held is None or not grp.meetings or d.held < grp.start:
        return False
    last = max((p for p in (*(g.start for g in grp.meetings), *grp.named) if p <= d.held), default=None)
    if last is None:
        return False
    gap = index.index_at(d.held) - index.index_at(last)
    if gap > 1:
        # a sentence that opens with `after the meeting` (`会后，`, `视频会议结束后，`) follows the watched meeting up
        # though a sentence or two of who watched where stands between (`甲、乙在我县分会场收听收看。会后，…`)
        sent = index.at(d.held)
        return gap <= _FOLLOW_GAP and bool(_FOLLOW_START.match(text, sent.start, d.held))
    return bool(_FOLLOW_WORDS.search(text, max(last, index.at(d.held).start), d.held))


# a sentence whose subject is the meeting being reported (`会议集中收听收看了…`, `会上，…`)
_MEETING_SUBJECT = re.compile(r"\s*(?:会议|会上)")


def _group_at(groups: list[_Group], pos: int) -> _Group | None:
    grp = None
    for g in groups:
        if g.start <= pos:
            grp = g
    return grp


def _existing(drafts: list[MeetingDraft], level: str, path: str | None, mn: Mention) -> MeetingDraft | None:
    """The draft a mention names again: the one whose held words it is (`州政府立即召开全州电视电话会议`,
    one level), or, for `省会议结束后` / `贯彻落实省政府会议精神`, the last meeting of that level before it."""
    if mn.mode == "held" and len(mn.levels) == 1 and not _each_level_one(drafts, mn):
        for d in drafts:
            if d.held is not None and d.held < mn.end and mn.start < (d.held_end or d.held + 1):
                return d
    if mn.mode == "relay" and mn.speech:
        return None  # a speech given at a meeting its report relays was given at another, held before
    if mn.mode in ("ended", "relay"):
        before = [d for d in drafts if d.start < mn.start and d.level == level and (path is None or d.region in
                                                                                    (None, path))
                  and (mn.mode == "ended" or mn.noun in _GENERIC_NOUNS or d.noun is None
                       or _family(d.noun) == _family(mn.noun))
                  and not _named_otherwise(d, mn)]
        return before[-1] if before else None
    return None


def _held_in(drafts: list[MeetingDraft], mn: Mention) -> list[MeetingDraft]:
    """The drafts whose held words lie in the mention."""
    return [d for d in drafts if d.held is not None and d.held < mn.end and mn.start < (d.held_end or d.held + 1)]


def _each_level_one(drafts: list[MeetingDraft], mn: Mention) -> bool:
    """`会后，甲市、乙县两级召开续会` in 乙县's report: a list of levels naming the home too before one meeting noun,
    each level holding its own sitting; the one draft is the home's, the higher places' sittings are others (not
    `省委和市委分别召开省委常委会会议、市委常委会会议`, whose drafts' names say their bodies' levels)."""
    held = _held_in(drafts, mn) if mn.own else []
    return len(held) == 1 and held[0].level_rule != "meeting.level.name_body"


def _other_topic(d: MeetingDraft, mn: Mention) -> bool:
    """`贯彻落实全国安全生产工作会议和全省经济工作会议精神，浙江省安全生产工作会议在杭州召开`: a meeting held, after one
    of its level and noun only relayed, whose topic words and the relayed one's share nothing (neither's words
    hold the other's last two) is another meeting."""
    other = (d.name or "").removesuffix(d.noun or "")
    return (mn.mode == "held" and d.rule == "meeting.higher.relay" and len(mn.desc) > 1 and len(other) > 1
            and mn.desc not in other and other[-2:] not in mn.desc)


def _listed_apart(d: MeetingDraft, mn: Mention, index: SentenceIndex) -> bool:
    """`传达全国、全省煤矿安全紧急视频会议及全国、全省安全生产工作视频会议精神`: one relayed list names each of its
    meetings once, so a meeting of a level and noun named again in the sentence under other topic words is
    another sitting."""
    name = d.name or ""
    return (mn.mode == "relay" and d.rule == "meeting.higher.relay" and bool(mn.desc)
            and not name.endswith(mn.desc + mn.noun) and index.index_at(d.start) == index.index_at(mn.start))


def _named_otherwise(d: MeetingDraft, mn: Mention) -> bool:
    """`某省安全生产工作会议…贯彻落实全省经济工作会议精神`: a relayed meeting of the same level whose name says
    another topic than the report's own meeting of that level (its words before the noun not in that name) is
    another meeting, held before; `贯彻落实全省安全生产(工作)会议精神` names the own one again."""
    return (mn.mode == "relay" and bool(mn.desc) and not d.generic and bool(d.name)
            and mn.desc not in (d.name or ""))


@cache
def _said_by_re() -> re.Pattern[str]:
    """A clause opening with a meeting named by its level word, as the subject of what follows: before a
    word of speech (`市会议就…`, `省会议上…`) or right before a relay verb (`省会议传达贯彻某某会议精神`)."""
    return re.compile(r"\s*(?P<w>[" + "".join(_CHAR_DEFAULT) + r"])(?:" + "|".join(_LEVEL_BODIES) + r")?(?:"
                      + IN_CLAUSE + r"{0,10}?)?会议?(?:上|就|在|还|并|也|(?=" + alternation(_lex().relay) + "))")


def _said_by(text: str, pos: int, made: dict[tuple[str, str | None, str], MeetingDraft],
             ctx: str | None, city: str | None = None) -> MeetingDraft | None:
    """`省、市先后召开…会议。…市会议就贯彻落实省会议精神强调`, `…省会议传达了全国某某会议精神`: a clause opening
    with a higher meeting named by its level word says that meeting relays what follows."""
    m = _said_by_re().match(text, clause_start(text, pos))
    if m is None or m.end() > pos:
        return None
    lv = _token_level(m.group("w"), ctx, city)
    if lv is None:
        return None
    same = [d for k, d in made.items() if k[0] == lv[0]]
    return same[-1] if len(same) == 1 else None


def _led_by(index: SentenceIndex, roles: list[PersonRole], made: dict[tuple[str, str | None, str], MeetingDraft],
            relayed: list[MeetingDraft], pos: int, person_level: Callable[[str], str | None]) -> MeetingDraft | None:
    """`会上，副省长甲要求…贯彻落实省委常委会会议精神`: a leader of a higher meeting's level asking, in the
    sentence, to relay another meeting speaks for that higher meeting, which relays it."""
    sent = index.at(pos)
    said = [r for r in roles if sent.start <= r.start < pos and not r.national and r.cue != SPEECH_CUE]
    if not said:
        return None
    level = person_level(said[-1].name)
    same = [d for d in made.values() if level and d.level == level and d not in relayed]
    return same[-1] if len(same) == 1 else None


def _held_by(index: SentenceIndex, held: tuple[Mention, list[MeetingDraft]] | None, relayed: list[MeetingDraft],
             pos: int) -> MeetingDraft | None:
    """`全国会议结束后，甲省继续召开会议，就如何贯彻落实全国会议精神提出要求`: a relay in the sentence of a
    higher meeting held, of meetings above that one, is that meeting's, not the report's."""
    if held is None or len(held[1]) != 1 or index.index_at(held[0].start) != index.index_at(pos):
        return None
    d = held[1][0]
    rank = LEVEL_RANK.get(d.level or "", 0)
    return d if relayed and all(LEVEL_RANK.get(r.level or "", 9) < rank for r in relayed) else None


def _owner(drafts: list[MeetingDraft], pos: int) -> MeetingDraft | None:
    for d in drafts:
        if d.start <= pos < (d.end or 10**9):
            return d
    return None


def _date_in(singles: list[DateHit], lo: int, hi: int) -> DateHit | None:
    best = None
    for d in singles:
        if lo <= d.start < hi and (best is None or d.start > best.start):
            best = d
    return best


def _date_just_before(text: str, singles: list[DateHit], pos: int) -> DateHit | None:
    """`传达5月6日全国、省、州…会议精神`, `甲2月6日在省委常委会上的讲话精神`: the date written right before the list
    is the meetings'."""
    dates = _dates_just_before(text, singles, pos)
    return dates[-1] if dates else None


_DATE_GAP = "上午下晚在 "  # what may stand between a date and the meeting it dates
_DATE_LIST = "、和及与 "  # what joins dates of one meeting noun (`10月8日、11月2日国务院常务会议`)


def _dates_just_before(text: str, singles: list[DateHit], pos: int) -> list[DateHit]:
    """The date right before a relayed list, and the dates listed before it (`传达10月8日、11月2日国务院常务会议
    精神`: one sitting per date), in text order."""
    out: list[DateHit] = []
    gap = _DATE_GAP
    for d in reversed(singles):
        if d.end > pos:
            continue
        if text[d.end:pos].strip(gap):
            break
        out.append(d)
        pos, gap = d.start, _DATE_LIST
    return out[::-1]


def _give(d: MeetingDraft, name: str, role: str, start: int, end: int, cue: str) -> None:
    prev = d.participants.get(name)
    if prev is None or higher_role(role, prev.role):
        d.participants[name] = ParticipantDraft(name, role, start, end, cue)


_HOLDER_GAP = 6  # characters between a chair's name and the verb holding the local meeting (`甲第一时间召开`)


def _participants(grp: _Group, roles: list[PersonRole], kept: list[MeetingDraft],
                  person_level: Callable[[str], str | None]) -> None:
    """People in the watching's passage or at its branch venue: at a watched meeting's level they take
    their role there; the others attend every watched meeting, and those who chair or speak at the venue
    hold the local meeting. People of the follow-up meeting (`会后，X讲话`) are only its own."""
    if not grp.meetings:
        return
    local = grp.local
    firsts = [d.start for d in kept if d.start > grp.start and not d.higher]
    if local is not None and local.held is not None and local.held > grp.start:
        firsts.append(local.held)
    if local is not None and local.after_at is not None and local.after_at > grp.start and not local.venue:
        firsts.append(local.after_at)  # `…收听收看…会议。会后，县长X部署`: X speaks at the follow-up only
    hi = min(firsts, default=10**9)
    if grp.inside_end is not None:  # the people after the watching sentence are the reported meeting's own
        hi = min(hi, grp.inside_end)
    for r in roles:
        if r.cue == SPEECH_CUE:
            continue  # a speech relayed, given at the meeting relayed (`_seat_speakers`)
        at_venue = any(a <= r.start < b for a, b in grp.venues)
        if not (grp.start <= r.start < hi or at_venue):
            continue
        level = "national" if r.national else person_level(r.name)
        target = next((g for g in grp.meetings if level and g.level == level), None)
        if target is not None:
            _give(target, r.name, r.role, r.start, r.end, r.cue)
            for d in kept:
                if not d.higher and r.name in d.participants and d.participants[r.name].start == r.start:
                    del d.participants[r.name]
            continue
        if r.national:
            continue
        if local is not None and local.held is not None and r.role == "chair" and \
                0 <= local.held - r.end <= _HOLDER_GAP:
            # `…会议召开后，副市长甲迅速召开全市会议`: the one who holds the local meeting is its chair, not an
            # attendee of the meeting watched before it
            _give(local, r.name, r.role, r.start, r.end, r.cue)
            continue
        for g in grp.meetings:
            _give(g, r.name, "attendee", r.start, r.end, r.cue)
        if local is not None and r.role in ("chair", "speaker"):
            _give(local, r.name, r.role, r.start, r.end, r.cue)
        elif local is not None and r.name in local.participants and local.participants[r.name].role == "attendee":
            del local.participants[r.name]
