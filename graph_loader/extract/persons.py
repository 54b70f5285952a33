"""Persons of the governance story: names read from the grammar of the genre, not from a name tagger.

A name is accepted where the genre puts one: right after a post (`市长X主持`), after a
collective descriptor (`区领导A、B参加`), in a list continuing either (`A、B等`), or
before a national leader's title (`习近平总书记`). A candidate must start with a
surname, must not start with an ordinary word (`严格要求`), and must be followed by
punctuation, a role verb or another word that follows names (lexicon/*.tsv). The
title chain before the name is split at `、` (`市委副书记、市长X`). A name also stands before
a post of address at a clause start, after a lead word or in a list (`会议由X副省长主持`,
`X市长、Y副市长出席`), and a bare name opens a clause before a role verb marked `list`
(`X主持会议`). Once known, a name is found again everywhere in the article (`X指出`), and
so is its bearer addressed by given name or by surname and post (`国强书记`, `王县长`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from graph_loader.extract.lexicon_files import alternation, rows, words
from graph_loader.extract.regex_scan import WordIndex, finditer_at, lookbehind_any
from graph_loader.extract.regions import common_words
from graph_loader.ingest.rules import not_names, surnames
from graph_loader.lang.chars import (
    HAN,
    NAME_DOT_SPELLING,
    NAME_DOTS,
    STRAY_LIST_MARKS,
    all_han,
    garbled_before,
    han_run_start,
    is_han,
)
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.words import predicate_pairs

_MAX_TITLE = 30  # characters scanned left of a post for its body
_BODY_BEFORE_DESC = 12  # the longest body between a list's `等` and its collective (`等市应急管理局领导`)


@dataclass
class TitleSpan:
    """One title of a chain as written (`海宁市委书记`), with the post that ends it."""

    start: int
    end: int
    full: str
    post: str


@dataclass
class NameMention:
    start: int
    end: int
    name: str
    titles: list[TitleSpan] = field(default_factory=list)
    rule: str = "person.post"
    national: bool = False


@dataclass(frozen=True)
class _Lex:
    posts: frozenset[str]
    post_level: dict[str, str]
    post_re: re.Pattern[str]
    post_end_re: re.Pattern[str]
    desc_re: re.Pattern[str]
    desc_end_re: re.Pattern[str]
    national_re: re.Pattern[str]
    follow_re: re.Pattern[str]
    stops_re: re.Pattern[str]
    single: frozenset[str]
    compound: frozenset[str]
    not_names: frozenset[str]
    teams_re: re.Pattern[str]
    single_followers: frozenset[str]
    closing_followers: frozenset[str]  # one-character followers that may stand before a clause mark
    ending_followers: frozenset[str]  # prepositions that end a name opening with an ordinary word (`ends`)
    joining_followers: frozenset[str]  # characters that need a noun: before another follower, the name's own (`joins`)
    title_heads: re.Pattern[str]
    list_close_re: re.Pattern[str]
    honorific_re: re.Pattern[str]
    honorific_leads: tuple[str, ...]
    honorific_at_re: re.Pattern[str]


@cache
def _lex() -> _Lex:
    posts = {r[0] for r in rows("posts.tsv")}
    post_level = {r[0]: r[1] for r in rows("posts.tsv") if len(r) > 1 and r[1]}
    sur = surnames()  # one list for bylines (ingest) and persons
    desc = words("descriptors.tsv")
    # a name may stand before a role cue, a follower, or the instruction it is cited for (`某某重要批示`)
    cues = {r[0] for r in rows("roles.tsv")} | set(words("name_followers.tsv")) | set(words("cited_instructions.tsv"))
    follow = r"[^" + HAN + r"]|" + alternation(cues) + r"|$"
    return _Lex(
        posts=frozenset(posts),
        post_level=post_level,
        post_re=re.compile(alternation(posts)),
        post_end_re=re.compile("(?:" + alternation(posts) + ")$"),
        desc_re=re.compile(alternation(desc)),
        desc_end_re=re.compile("(?:" + alternation(desc) + ")$"),
        national_re=re.compile(alternation(words("national_titles.tsv"))),
        follow_re=re.compile(follow),
        stops_re=re.compile(alternation(words("title_stops.tsv"))),
        single=frozenset(s for s in sur if len(s) == 1),
        compound=frozenset(s for s in sur if len(s) == 2),
        not_names=not_names(),  # one list for bylines (ingest) and persons
        teams_re=re.compile("(" + alternation(words("teams.tsv")) + ")(.*)$"),
        single_followers=frozenset(w for w in words("name_followers.tsv") if len(w) == 1),
        closing_followers=frozenset(r[0] for r in rows("name_followers.tsv") if len(r) > 1 and r[1] == "closes"),
        ending_followers=frozenset(r[0] for r in rows("name_followers.tsv") if len(r) > 1 and r[1] == "ends"),
        joining_followers=frozenset(r[0] for r in rows("name_followers.tsv") if r[1:2] == ("joins",)),
        title_heads=re.compile(alternation(words("title_heads.tsv") | words("teams.tsv")
                                           | {r[0] for r in rows("bodies.tsv")} | posts)),
        list_close_re=re.compile(
            # `甲、乙等县领导`, and the body they lead between `等` and the collective: `甲、乙等自治区安监局领导`
            r"(?<![" + HAN + r"、])(?P<names>(?:[" + HAN + r"]{2,4}、){0,12}[" + HAN + r"]{2,4}?)(?P<close>等(?:["
            + HAN + r"]{0," + str(_BODY_BEFORE_DESC) + r"}?(?:" + alternation(desc) + r")|(?="
            + alternation(_list_verbs()) + r"))|"
            + alternation(_list_verbs()) + r")"),
        # the name opens with a surname (as `_plain_name` checks), so the aspect mark of a lead is none of it
        # (`学习了某某书记…`: not 了某某)
        honorific_re=re.compile(r"(?:(?<![" + HAN + r"])|" + lookbehind_any(_honorific_leads())
                                + r")(?=" + alternation({w for w in sur if len(w) == 2}) + "|["
                                + "".join(sorted(w for w in sur if len(w) == 1)) + r"])(?P<name>[" + HAN
                                + r"]{2,3}?)(?P<post>" + alternation(words("honorifics.tsv"))
                                + r")(?=[^" + HAN + r"]|" + alternation(cues) + r")"),
        honorific_leads=_honorific_leads(),
        honorific_at_re=re.compile(alternation(words("honorifics.tsv"))),
    )


def _honorific_leads() -> tuple[str, ...]:
    """The words of honorific_leads.tsv, each also with the aspect mark a verb takes (`传达了某某省长讲话精神`)."""
    leads = words("honorific_leads.tsv")
    return tuple(sorted(leads | {w + "了" for w in leads}))


def _list_verbs() -> frozenset[str]:
    return frozenset(r[0] for r in rows("roles.tsv") if len(r) > 2 and r[2] == "list")


def post_re() -> re.Pattern[str]:
    """The posts of lexicon/posts.tsv as one pattern (longest first)."""
    return _lex().post_re


def post_level(post: str) -> str | None:
    """The level character a post implies by itself (`副省长` → `省`), or None."""
    return _lex().post_level.get(post)


def _name_ok(name: str, ignore: frozenset[str], trusted: bool = False) -> bool:
    """A plausible personal name. `trusted`: the grammar already says a name stands here (right after
    a post or a collective), so a three-character name may start with an ordinary word (`申明荷`)."""
    lex = _lex()
    if name in ignore or not all_han(name):
        return False
    if name in lex.posts or name in lex.not_names:
        return False
    # after a post, a three-character name may open with an ordinary word (`申明荷`), but not one that a
    # conjunction closes: `市安委会成员单位及重点企业` joins a body to the next, it names no one
    if name[:2] in lex.not_names and name[:2] not in lex.compound \
            and not (trusted and len(name) == 3 and name[2] not in _CONJ):
        return False
    if name[-2:] in _relative_places():
        return False  # `专家向我省通报`: a word pointing at the reader's place (我省) ends no name
    return not lex.post_re.search(name)


@cache
def _relative_places() -> frozenset[str]:
    """The words of region_relative.tsv (`我省`, `全市`, `本县`): a place, never part of a name."""
    return frozenset(r[0] for r in rows("region_relative.tsv"))


def _surname_len(text: str, pos: int) -> int:
    lex = _lex()
    if text[pos:pos + 2] in lex.compound:
        return 2
    return 1 if text[pos:pos + 1] in lex.single else 0


def name_at(text: str, pos: int, ignore: frozenset[str] = frozenset(),
            trusted: bool = True) -> tuple[int, int] | None:
    """A personal name starting at `pos` and followed by what follows names: (start, end)."""
    if (dotted := dotted_name_at(text, pos, ignore, lost=trusted)) is not None:
        return dotted  # `阿某·某某某`: the parts of a transliterated name are one name wherever a name is read
    s = _surname_len(text, pos)
    if not s:
        return None
    lex = _lex()
    if trusted and (spaced := _SPACED.match(text, pos + s)):
        # `副县长王 刚出席`: a two-character name padded to the width of three by the page's typesetting;
        # `副县长王 大海主持`: a space after the surname of a longer one
        for given in (2, 1):
            end = spaced.start(1) + given
            if all_han(text[spaced.start(1):end]) and end <= len(text) \
                    and _name_ok(text[pos:pos + s] + text[spaced.start(1):end], ignore, trusted) \
                    and lex.follow_re.match(text, end):
                return pos, end
        return None
    # `副县长刘某 某主持`, `县领导甲、刘某\n某、乙`: a gap inside the given name of a longer one: the character after it
    # opens no surname (`县领导张三 李四出席`: the gap is the list's mark) and no follower (`副县长张三 主持`: the gap
    # ends the name), but a character that needs a noun before a follower or a mark is the name's (`副县长刘某 为主持`)
    if trusted and is_han(text[pos + s:pos + s + 1]) and (gap := _SPACED.match(text, pos + s + 1)) \
            and not _surname_len(text, c := gap.start(1)) and lex.follow_re.match(text, c + 1) \
            and ((f := lex.follow_re.match(text, c)) is None or text[c] in lex.joining_followers) \
            and _name_ok(text[pos:pos + s + 1] + text[c], ignore, trusted):
        return pos, c + 1
    ok: dict[int, int] = {}  # given-name length -> length of what follows
    for given in (2, 1):
        end = pos + s + given
        if end > len(text):
            continue
        # right after a post, a preposition opening the predicate (`就`, `在`) ends even a name that opens with
        # or is an ordinary word (`副秘书长马上强就…`, `书记江山在讲话中`); so does a clause or list mark right after
        # two characters (`县长高原，副县长某某`, `副县长马力、某某`): no adverb of the post stands alone before one
        # (and so does the `等` that closes a list of people, `副县长方圆等出席`)
        ends = trusted and (text[end:end + 1] in lex.ending_followers or text[end:end + 2] in lex.ending_followers
                            or _list_end_re().match(text, end) is not None
                            or given == 1 and s == 1 and text[end:end + 1] in _NAME_MARKS
                            and not _word_follows(text, pos)  # `副县长强调，`: what the post does
                            # a role verb of roles.tsv after a word that is no verb or adverb itself (`常务副县长周全要求`,
                            # `副镇长夏天部署`; not `县长郑重强调`: lang/words.py predicate_pairs)
                            or _role_cue_re().match(text, end) is not None and text[pos:end] not in predicate_pairs())
        # (an adverb that itself follows names, `全程陪同`, `相继作出`, is no name before them)
        if not _name_ok(text[pos:end], ignore, trusted) and not (
                ends and text[pos:end] in lex.not_names and text[pos:end] not in lex.posts
                and not _NOT_IN_NAMES.search(text[pos:end]) and not lex.follow_re.fullmatch(text, pos, end)):
            continue
        # `常务副省长甲副省长乙出席`: a page that dropped the `、` closes a name with the next one's head post,
        # where a name follows that post too (`国强书记和小兵县长讲话` names no 和某某)
        f = lex.follow_re.match(text, end) or (trusted and (h := _HEAD_POST.match(text, end))
                                               and name_at(text, h.end(), ignore) and h)
        if f and not (trusted and s == 1 and given == 2 and text[pos:pos + 2] in lex.not_names
                      and len(f.group()) == 1 and is_han(f.group()) and not ends) \
                and not (given == 2 and s == 1 and text[pos:pos + 2] in lex.not_names
                         and _word_follows(text, pos + 2)) \
                and not _COLLECTIVE_IN.search(text, pos, end):
            ok[given] = len(f.group())  # a name opening with a word needs a clear end: `干部要以` is none
    # `A、B、孙正和出席`, `副县长某可为主持`: a character that needs a noun (name_followers.tsv `joins`: a conjunction,
    # the copula, the instrument) right before a role verb or another follower joins nothing, so the name holds it
    # (not where a one-character follower makes a word with either side: `某某以及`, `某某及在家的…`)
    if 1 in ok and 2 in ok and text[pos + s + 1] in lex.joining_followers \
            and (f2 := lex.follow_re.match(text, pos + s + 2)) and not _surname_len(text, pos + s + 2) \
            and not (len(f2.group()) == 1 and (text[pos + s + 1:pos + s + 3] in common_words()
                                               or text[pos + s + 2:pos + s + 4] in common_words())):
        del ok[1]
    # `张伟作表态发言`, `王军的汇报`: a two-character name wins when its follower is a word of its own;
    # not where the longer name closes a list piece (`甲、李某来、乙参加`: no verb stands before 、)
    # `副区长某泰来，`: a one-character follower with a clause mark right after it is the name's last character
    if 1 in ok and (2 not in ok or ok[1] >= 2 or text[pos + s + 1] in lex.single_followers) \
            and not (2 in ok and text.startswith("、", pos + s + 2)) \
            and not (2 in ok and ok[1] == 1 and text[pos + s + 2:pos + s + 3] in _CLAUSE_AFTER
                     and text[pos + s + 1] not in lex.closing_followers):
        return pos, pos + s + 1
    if 2 in ok:
        return pos, pos + s + 2
    # `乡长某绍成反复提及`, `县长某刚多次强调`: right after a post, where no follower closes either reading, the name ends
    # where an ordinary word begins (an adverb or a verb the follower lists lack), when one reading alone leaves one
    if trusted and not ok and len(fits := [g for g in (2, 1) if _word_after_name(text, pos, s, g, ignore)]) == 1:
        return pos, pos + s + fits[0]
    # `主任阿某某某同志`: a longer name of a minority people, where `同志` closes it beyond doubt
    if trusted and text.startswith(_COMRADE, pos + s + 3) and _name_ok(text[pos:pos + s + 3], ignore, trusted):
        return pos, pos + s + 3
    # `秘书长乌某巴某某出席`, `副州长农某央某，`: a name of four or more characters right after a post,
    # closed by punctuation or a role verb (a surname with a short given name found no follower above)
    if trusted:
        for given in range(3, _MAX_GIVEN + 1):
            end = pos + s + given
            if end > len(text) or not is_han(text[end - 1]):
                break
            if end - pos >= LONG_NAME and _long_close_after_post_re().match(text, end) \
                    and _name_ok(text[pos:end], ignore, trusted) and not _common_inside(text[pos:end]) \
                    and not _COLLECTIVE_IN.search(text, pos, end):
                return pos, end
    return None


def _word_after_name(text: str, pos: int, s: int, given: int, ignore: frozenset[str]) -> bool:
    """A surname and `given` characters at `pos` that open no ordinary word (common_words, not_names.txt) and hold
    no word of a body, with a verb or an adverb of two characters right after them (`某绍成|反复`; lang/words.py
    `predicate_pairs`: not a noun, `专家查隐患工作` names no one)."""
    end = pos + s + given
    name = text[pos:end]
    cw = common_words()
    return (text[end:end + 2] in predicate_pairs() and all_han(name) and name not in cw
            and text[pos:pos + 2] not in cw and text[pos:pos + 2] not in _lex().not_names
            and not _NOT_IN_NAMES.search(name) and _name_ok(name, ignore))


def _word_follows(text: str, pos: int) -> bool:
    """A word that follows names (two characters or more) starts at `pos`: after an ordinary word (`领导相继作出批示`),
    the character there opens that word (`作出`), so it is no name's last character."""
    f = _lex().follow_re.match(text, pos)
    return f is not None and len(f.group()) >= 2 and all_han(f.group())


_MAX_GIVEN = 4  # given-name characters of the longest undotted name read after a post
LONG_NAME = 4  # a name this long is read whole even where a place's short form opens it


@cache
def _role_cue_re() -> re.Pattern[str]:
    """A role verb of roles.tsv (`主持`, `要求`, `部署`)."""
    return re.compile(alternation({r[0] for r in rows("roles.tsv")}))


@cache
def _long_close_re() -> re.Pattern[str]:
    """What closes a long name beyond doubt: punctuation, or a role verb of roles.tsv."""
    return re.compile(r"[^" + HAN + r"]|" + alternation({r[0] for r in rows("roles.tsv")}) + r"|$")


@cache
def _long_close_after_post_re() -> re.Pattern[str]:
    """What closes a long name with a surname right after a post: as `_long_close_re`, or a follower marked
    `long` in name_followers.tsv (`书记乌某巴某作出批示`, `州长阿某丹某作出的安排`)."""
    long = {r[0] for r in rows("name_followers.tsv") if r[1:2] == ("long",)}
    return re.compile(_long_close_re().pattern + "|" + alternation(long))


def _common_inside(name: str) -> bool:
    """A long candidate holding an ordinary word (`张三主持会议` cut wrong) is not a name."""
    cw = common_words()
    return any(name[i:i + 2] in cw and name[i:i + 2] not in _lex().compound for i in range(1, len(name) - 1))


# one or two typesetting spaces, or a line break the page set inside a name (`副县长刘\n某某主持`)
_SPACED = re.compile(r"(?:[ \u3000\u00a0]{1,2}|[ \u3000\u00a0]*\r?\n[ \u3000\u00a0]*)([" + HAN + r"])")
_SPACES = re.compile(r"[\s\u3000]")


# what may stand between a collective and the names it introduces (`县领导有甲、乙`, `市领导还有：丙`, `县领导为丁`)
_DESC_COPULA = re.compile(r"(?:还)?有[:：]?|[为是][:：]?")


def _gap(text: str, pos: int) -> int:
    """Length of the one or two typesetting spaces at `pos` that a name after a post may stand behind."""
    n = 0
    while n < 2 and text[pos + n:pos + n + 1] in (" ", "\u3000", "\u00a0") and pos + n < len(text):
        n += 1
    return n if n and is_han(text[pos + n:pos + n + 1] or " ") else 0


def clean_name(surface: str) -> str:
    """A name as written without the spaces a page put into it (`王 刚`, `阿某 · 某某`), its parts joined by `·`
    whatever dot the page set (`阿某•某某`, a lost one `阿某?某某`)."""
    return _SPACES.sub("", surface).translate(_NAME_SPELLING)


_CONJ = "和与及"
_NAME_MARKS = "，,、。；;"  # the marks that close a name read right after a post
_CLAUSE_AFTER = "，,、。；;"
_QUALIFIER = re.compile(r"[(（][" + HAN + r"]{1,6}[)）]")
# rules where the grammar says a name stands, so a name opening with a place's short form (`县长罗平某`,
# `县领导甲、罗平某、乙`, `甲、罗平某等县领导`, `罗平某局长通报`) is read whole (but right after a post, three
# characters at least)
READ_AS_NAMES = ("person.post", "person.list_after_post", "person.after_collective", "person.list_before_collective",
                 "person.list_before_verb", "person.list_after_intro", "person.before_honorific")
_LEADS = re.compile(r"(?:为|任|担任)(?P<post>副?组长)")
# the same post said first, in the passive frame: `组长由某厅厅长X担任`
_LEADS_BY = re.compile(r"(?P<post>副?组长)由\Z")
_TAKES = "担任"
_COMRADE = "同志"


_DOTTED = re.compile("[" + HAN + r"]{2,6}\s?[" + NAME_DOTS + r"]\s?(?=[" + HAN + "])")
# a page that lost the dot of a name to its encoding wrote `?` (`主席阿某?某某某出席`): read so only where the grammar
# already says a name stands (right after a post or a collective)
_LOST_DOTS = "?？"
_DOTTED_LOST = re.compile("[" + HAN + r"]{2,6}[" + _LOST_DOTS + "](?=[" + HAN + "]{2})")
_NAME_SPELLING = {**NAME_DOT_SPELLING, **{ord(c): NAME_DOTS[0] for c in _LOST_DOTS}}


def dotted_name_at(text: str, pos: int, ignore: frozenset[str] = frozenset(),
                   lost: bool = False) -> tuple[int, int] | None:
    """A transliterated name where a name is read (`专员阿某·某某某主持`, `领导阿某·某某、乙出席`), its parts joined
    by a middle dot (spaces around it are scraping noise; `lost`: also a dot the page lost to `?`): the shortest
    last part that something following names ends."""
    m = _DOTTED.match(text, pos) or (_DOTTED_LOST.match(text, pos) if lost else None)
    if m is None:
        return None
    lex = _lex()
    for length in range(2, 7):
        end = m.end() + length
        if end > len(text) or not all_han(text[m.end():end]):
            return None
        if lex.follow_re.match(text, end) and text[pos:end].replace(" ", "") not in ignore:
            # `买买提出席`: a cue opening with the name's last character (`提出`) is no end when the name
            # one character longer is followed too
            if is_han(text[end:end + 1]) and lex.follow_re.match(text, end + 1) and not _surname_len(text, end):
                return pos, end + 1
            return pos, end
    return None


_BARE_LENGTHS = (3, 2, 4)  # a name without a Han surname (`旗长其木格主持`): the usual lengths first


def bare_name_at(text: str, pos: int, ignore: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """A name the surname list lacks right after a post (`旗长其某格主持会议`, Mongolian, Tibetan and other
    names without a Han surname): closed by a role verb of roles.tsv or `同志`, holding no ordinary word
    (`县长亲自主持` names no one)."""
    if _surname_len(text, pos):
        return None
    cw = common_words()
    lex = _lex()
    for length in _BARE_LENGTHS:
        end = pos + length
        name = text[pos:end]
        if end > len(text) or not all_han(name) or _NOT_IN_NAMES.search(name):
            continue
        # `副县长禤某率队`, `副县长禤某作讲话`: a character that opens the predicate ends a shorter name
        if length == 3 and name[2] in lex.ending_followers:
            continue
        # a clause or list mark closes a name of two or three characters too (`副县长禤某，`: a surname the list lacks)
        if not (_long_close_re().match(text, end) and is_han(text[end:end + 1])) \
                and not text.startswith(_COMRADE, end) and not (length < 4 and text[end:end + 1] in _NAME_MARKS) \
                and not (length < 4 and (text[end:end + 1] in lex.ending_followers  # `副县长禤某就…作部署`
                                         or text[end:end + 2] in lex.ending_followers)):  # `副县长禤某陪同`
            continue
        if any(name[i:i + 2] in cw or name[i:i + 2] in lex.not_names for i in range(len(name) - 1)):
            continue
        if name in ignore or lex.post_re.search(name) or lex.desc_re.search(name) or name in lex.not_names:
            continue
        # a word the genre puts after a name opens none (`县长作了讲话`: `作了` is what the post does)
        if (f := lex.follow_re.match(text, pos, end)) and f.end() - pos >= 2:
            continue
        return pos, end
    return None


def name_before(text: str, end: int, ignore: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """A personal name ending at `end` (a national leader's title follows it): (start, end). A
    three-character candidate opening with a conjunction gives way to the two-character name after it
    (`学习甲的讲话和王某总理批示`: 王某, not 和王某)."""
    for length in (3, 2, 4):
        start = end - length
        if start < 0:
            continue
        s = _surname_len(text, start)
        if not s or length - s not in (1, 2):
            continue
        if length == 3 and text[start] in _CONJ and name_before(text[start + 1:end], end - start - 1, ignore):
            return start + 1, end
        if _reading_verb_inside(text, start, end):
            continue
        if _name_ok(text[start:end], ignore):
            return start, end
    return None


@cache
def _qualifiers() -> frozenset[str]:
    return frozenset(r[0] for r in rows("descriptors.tsv") if len(r) > 1 and r[1] == "qualifies")


@cache
def _charges() -> frozenset[str]:
    return frozenset(r[0] for r in rows("descriptors.tsv") if len(r) > 1 and r[1] == "charge")


_FIELD_MAX = 6
"""A post's field of charge between the post and its 分管领导 is at most this long (`安全生产`, `应急管理`)."""


def _before_qualified_post(text: str, at: int, desc: str, region_starts: frozenset[int]) -> list[TitleSpan]:
    """`镇党委副书记、镇长候选人某某`: a qualifier (`候选人`) right after a post makes that post no title, but the
    titles joined before it by `、` stay the person's. `副镇长安全生产分管领导某某`: a collective that says which
    field a leader has charge of (descriptors.tsv `charge`) leaves the post before it, and its field, the person's
    title chain."""
    lex = _lex()
    if desc in _charges():
        for j in range(at, max(0, at - _FIELD_MAX) - 1, -1):
            if not all_han(text[j:at]):
                break
            if p := lex.post_end_re.search(text, max(0, j - 8), j):
                return title_chain(text, p.start(), j, -1, region_starts)
        return []
    if desc not in _qualifiers() or not (p := lex.post_end_re.search(text, max(0, at - 8), at)):
        return []
    return title_chain(text, p.start(), at, -1, region_starts)[:-1]


@cache
def reading_verbs() -> tuple[str, ...]:
    """The words that end right before a cited leader's name, the verbs that carry out or pass on what a leader
    said (instruction_sources.tsv, role `cut`)."""
    return tuple(r[0] for r in rows("instruction_sources.tsv") if len(r) > 1 and r[1] == "cut")


def _reading_verb_inside(text: str, start: int, end: int) -> bool:
    """A reading verb that runs from before `start` into the candidate name: `传达学习习总书记指示` is a
    surname address after 学习 (`习总书记`), not a name 习习; the name after it starts where the verb ends."""
    return any(text.startswith(w, j - len(w)) for j in range(start + 1, end) for w in reading_verbs()
               if j - len(w) < start)


def _segment_start(text: str, end: int, floor: int, region_starts: frozenset[int] = frozenset()) -> int:
    """Where the title ending at `end` begins: after punctuation, a stop word, or `floor`, and then at the
    first place name, level character, body or post (`传达学习省委书记` → `省委书记`)."""
    lex = _lex()
    lo = max(floor, end - _MAX_TITLE)
    i = han_run_start(text, end, max(lo, 0))
    last = i
    for m in lex.stops_re.finditer(text, i, end):
        if m.end() < end:
            last = m.end()
    if last == i and (sep := _chain_mark(text, i)) and lex.post_end_re.search(text, max(0, i - sep - 8), i - sep):
        return last  # `组长、农业部总畜牧师`: a title joined to a post before it is whole from the mark
    for k in range(last, end):
        if k in region_starts or text[k] in LEVEL_CHARS or lex.title_heads.match(text, k, end):
            # `自治区主席`, `自治州州长`: the level is the whole word; `代省长`, `代理县长`: an acting post
            for prefix in ("自治", "代理", "代"):
                if k - len(prefix) >= last and text.startswith(prefix, k - len(prefix)):
                    return k - len(prefix)
            return k
    return last


def title_chain(text: str, post_start: int, post_end: int, floor: int,
                region_starts: frozenset[int] = frozenset()) -> list[TitleSpan]:
    """The titles before a name, split at `、`: `市委副书记、市长` → two titles, in text order."""
    lex = _lex()
    out: list[TitleSpan] = []
    end, post = post_end, text[post_start:post_end]
    start = _segment_start(text, end, floor, region_starts)
    while True:
        full = text[start:end]
        if not full:
            break
        if (run := _run_together(text, start, end, post)) is not None:
            # `县委副书记县长某某`: two titles a scraped page wrote without the `、` between them
            out.append(TitleSpan(end - len(post), end, post, post))
            end, post = run
            full = text[start:end]
        out.append(TitleSpan(start, end, full, post))
        sep = _chain_mark(text, start)
        if start - sep <= floor or not sep:
            break
        end = start - sep
        seg_start = _segment_start(text, end, floor, region_starts)
        seg = text[seg_start:end]
        m = lex.post_end_re.search(seg)
        if not m and seg and len(seg) <= _SHARED_BODY and out[0].end - len(out[0].post) - 1 >= 0 \
                and text[out[0].end - len(out[0].post) - 1] == seg[-1] and not lex.desc_end_re.search(seg):
            # `省安监局、某某煤监局局长某某`: two bodies of one kind share the post after the second
            out.append(TitleSpan(seg_start, end, seg + out[0].post, out[0].post))
            break
        if not m or lex.desc_end_re.search(seg):
            break
        if garbled_before(text, seg_start) and text[seg_start] not in LEVEL_CHARS and seg_start not in region_starts:
            break  # `??h委常委、副县长某某`: a title that lost its first character with the page's debris is none
        post, start = m.group(), seg_start
    return out[::-1]


_SHARED_BODY = 12  # the longest body before `、` that shares the post of the next one (`省安监局`)
_HEAD_POST = re.compile(r"(?:常务)?副?[" + LEVEL_CHARS + r"]长")  # the head of a level's government


def _run_together(text: str, start: int, end: int, post: str) -> tuple[int, str] | None:
    """Where a title ending in a level's head post (`县长`, `常务副市长`) runs on from a whole title before it
    without a mark (`县委副书记县长`, `市委常委常务副市长`): the first title's end and its post; else None."""
    cut = end - len(post)
    if cut <= start or not _HEAD_POST.fullmatch(post):
        return None
    m = _lex().post_end_re.search(text[start:cut])
    return (cut, m.group()) if m else None


def _chain_mark(text: str, pos: int) -> int:
    """Length of the mark ending at `pos` that joins two titles of one person: `、`, or a scraped page's
    doubled `,、` / `、,` (`省委常委,、常务副省长`); 0 when none does (a lone `,` starts a new person)."""
    if text[pos - 1:pos] == "、":
        return 2 if text[pos - 2:pos - 1] in ("，", ",") and pos >= 2 else 1
    if text[pos - 2:pos] in ("、，", "、,"):
        return 2
    # `市长甲,市委常委,常务副市长乙`: a piece of a bare title (a post right before the `,`, no name after it)
    # belongs to the next name's chain
    if text[pos - 1:pos] in ("，", ","):
        lo = max(0, pos - 1 - _BARE_TITLE)
        k = max((i + 1 for i in range(lo, pos - 1) if text[i] in _PIECE_MARKS), default=-1)
        # (a national leader's title, written after the name only, is no piece: `某某总理,省委书记乙`)
        if k > 0 and len(_lex().post_re.findall(text, k, pos - 1)) == 1 \
                and _lex().post_end_re.search(text, k, pos - 1) and not _lex().national_re.search(text, k, pos - 1):
            return 1
    return 0


_BARE_TITLE = 8  # the longest piece of a bare title between two marks (`市委常委`, `县委副书记`)
_PIECE_MARKS = "，,、"


def _name_list(text: str, pos: int, ignore: frozenset[str]) -> list[tuple[int, int]]:
    """Names continuing a list after `pos` (`、B、C等`); stops at a title or a non-name."""
    out = []
    lex = _lex()
    while pos < len(text) and ((mark := _list_mark(text, pos)) or (gap := _gap(text, pos))):
        if mark:
            span = name_at(text, pos + mark, ignore) or _list_piece(text, pos + mark, ignore) \
                or _between_names(text, pos + mark, ignore) or _odd_piece(text, pos + mark, ignore) \
                or _closing_piece(text, pos + mark, ignore)
        else:  # `县领导张三 李四 王五出席`: a page's spaces stand for the marks; only a plain name goes on
            # (`副县长张三 和李四出席`: a conjunction after the space joins the next name, as without one)
            span = text[pos + gap] in _CONJ and name_at(text, pos + gap + 1, ignore) or name_at(text, pos + gap, ignore)
        if span is None:
            break
        # `、市长李四` is a new title, not a list member: a post inside the next words says so
        if lex.post_re.match(text, span[0]) or lex.post_re.match(text, span[0] + 1):
            break
        out.append(span)
        pos = span[1]
    # `副市长张三和李四出席`: a conjunction joins the last name of the list, closed like any name after a post
    if pos < len(text) and text[pos] in _CONJ and (span := name_at(text, pos + 1, ignore)) is not None \
            and not lex.post_re.match(text, span[0]) and not lex.post_re.match(text, span[0] + 1):
        out.append(span)
    return out


def _list_mark(text: str, pos: int) -> int:
    """Length of the mark between two list members at `pos`: `、`, or `，、` where a page left a stray comma
    before it (`市领导张三，、李四出席`)."""
    if text[pos:pos + 1] == "、":
        return 1
    return 2 if text[pos:pos + 2] in STRAY_LIST_MARKS else 0


@cache
def _piece_re() -> re.Pattern[str]:
    """A whole list member: up to the next mark, or up to the attendance verb closing the list
    (`副州长A、B出席`)."""
    return re.compile("(?:[" + HAN + "]{2,8}[" + NAME_DOTS + "][" + HAN + "]{2,8}|[" + HAN + "]{2," + str(_MAX_PIECE)
                      + "}?)(?=[、，,。；;（(]|$|"
                      + alternation(_list_verbs()) + ")")


_MAX_PIECE = 6  # characters of the longest undotted list member read as a name
_NAME_DOT_RE = re.compile("[" + NAME_DOTS + "]")


# a word of a collective (`各部门`, `负责同志`, `成员单位`, `领导班子`): what no name holds, even one read right after a
# post or a collective (`安委会成员单位等参会`, `局领导班子要带头`: no one named) (a word, not its characters: `刘志强`
# holds 志 of 同志 and is a name)
_COLLECTIVE_WORDS = r"部门|单位|同志|领导|干部|班子|负责人|企业|机关|街道"
_COLLECTIVE_IN = re.compile(_COLLECTIVE_WORDS)
# a character or word of a body or a collective (`省政府安委会`, `各部门`, `负责同志`): what a name after a lead word never
# holds
_NOT_IN_NAMES = re.compile(r"[各乡镇局委办会组县市省区等和及与]|" + _COLLECTIVE_WORDS)


def _bare_pair(text: str, piece: str, end: int) -> bool:
    """`副州长A、松涛出席`: a two-character piece closing a list of names right before its attendance verb
    is a name the surname list lacks, unless it is an ordinary word (`领导`, `干部`)."""
    return (len(piece) == 2 and bool(_list_close_verb_re().match(text, end))
            and piece not in common_words() and not _NOT_IN_NAMES.search(piece))


@cache
def _list_close_verb_re() -> re.Pattern[str]:
    return re.compile(alternation(_list_verbs()))


def _list_piece(text: str, pos: int, ignore: frozenset[str]) -> tuple[int, int] | None:
    """A list member that is the whole piece between two marks (`、B、C，`): names the surname list lacks
    and transliterated ones (`艾买提·吐尔逊`) are still names when the list says so."""
    m = _piece_re().match(text, pos)
    if m is None:
        return None
    piece = m.group()
    plain = _NAME_DOT_RE.sub("", piece)
    if plain == piece and len(piece) > 4 or not _surname_len(piece, 0) and len(piece) == 4:
        # `县领导甲、阿某某某某、乙`: a longer undotted name of a minority people, holding no word of a body
        # and no ordinary word
        if _NOT_IN_NAMES.search(piece) or _common_inside(" " + piece) or any(c in LEVEL_CHARS for c in piece) \
                or _lex().desc_re.search(piece):
            return None
    elif plain == piece and not _surname_len(piece, 0) and not (
            len(piece) == 3 and not _NOT_IN_NAMES.search(piece) or _bare_pair(text, piece, m.end())):
        return None  # a three-character piece between 、 marks reads as a name unless it says a body
    if not _name_ok(plain, ignore, trusted=True) or len(plain) > 12:
        return None
    return m.start(), m.end()


_SURNAME_PIECE = re.compile("[" + HAN + "]{2,3}(?=[、，,])")


def _between_names(text: str, pos: int, ignore: frozenset[str]) -> tuple[int, int] | None:
    """`县领导甲、乙、华某、丙出席`: a surname-led piece of two or three characters between names of a list
    is a name even where it spells an ordinary word or a place (`华山`), as long as a name follows it."""
    m = _SURNAME_PIECE.match(text, pos)
    if m is None or not _surname_len(text, pos) or m.group() in ignore or _lex().post_re.search(m.group()) \
            or _NOT_IN_NAMES.search(m.group()) or not (mark := _list_mark(text, m.end())):
        return None
    return (m.start(), m.end()) if name_at(text, m.end() + mark, ignore) else None


_MAX_ODD = 2  # odd members in a row that a list still reads (a name must follow them)
_ODD_PIECE = re.compile("[" + HAN + "]{2,3}(?=、)")


def _name_shaped(piece: str, ignore: frozenset[str]) -> bool:
    """A list member that may be a name the surname list or the word lists refuse (`庹某`, `高原`, `马力`): two or
    three Han characters holding no word of a body or a collective, no post, no descriptor, no place word."""
    lex = _lex()
    return (all_han(piece) and piece not in ignore and not _NOT_IN_NAMES.search(piece)
            and not lex.post_re.search(piece) and not lex.desc_re.search(piece) and piece[-1] not in _BODY_ENDS
            and piece[-2:] not in _relative_places() and piece[-1] not in LEVEL_CHARS)


def _odd_piece(text: str, pos: int, ignore: frozenset[str], depth: int = 0) -> tuple[int, int] | None:
    """`副县长甲某、乙某、丙某出席`: a list of names is of one kind, so a member closed by `、` with a name read after
    it is a name too, even one whose surname the list lacks or that spells an ordinary word (`县领导高原、某某`);
    one odd member no longer drops the names after it."""
    m = _ODD_PIECE.match(text, pos)
    if m is None or not _name_shaped(m.group(), ignore) \
            or not _surname_len(text, pos) and m.group() in common_words():  # `领导重视、严抓落实`: verbs
        return None
    nxt = m.end() + 1
    follows = name_at(text, nxt, ignore) or (
        (piece := _list_piece(text, nxt, ignore)) and piece[1] - piece[0] <= 3 and piece) \
        or (depth < _MAX_ODD and _odd_piece(text, nxt, ignore, depth + 1))
    if not follows or _lex().post_re.match(text, nxt) or _lex().post_re.match(text, nxt + 1):
        return None
    return m.start(), m.end()


@cache
def _list_end_re() -> re.Pattern[str]:
    """`等` closing a list of people: then a mark, a collective of people (`等领导`, `等同志`) or the list's act
    (`等出席`, `等在分会场…`), not `等地`, `等部门` (a list of places or bodies)."""
    return re.compile("等(?=[^" + HAN + "]|[" + LEVEL_CHARS + "]?(?:" + alternation(words("descriptors.tsv")) + ")|"
                      + alternation(_list_verbs()) + "|在)")


@cache
def _closing_piece_re() -> re.Pattern[str]:
    return re.compile("[" + HAN + "]{2,3}?(?=" + _list_end_re().pattern + ")")


def _closing_piece(text: str, pos: int, ignore: frozenset[str]) -> tuple[int, int] | None:
    """`副县长甲、乙、高原等出席`, `区领导甲、乙、安康参加`: the last member of a list of names, closed by `等` or by
    the act that closes the list, is a name too, even one that spells an ordinary word or whose surname the list
    lacks (a list of names is of one kind)."""
    lex = _lex()
    end = m.end() if (m := _closing_piece_re().match(text, pos)) else 0
    for length in () if end else (2, 3):
        at = pos + length
        if all_han(text[pos:at]) and at < len(text) and (
                _list_close_verb_re().match(text, at) or text[at] in lex.ending_followers
                or text[at:at + 2] in lex.ending_followers):
            end = at
            break
    piece = text[pos:end]
    if not end or not _name_shaped(piece, ignore) or lex.follow_re.fullmatch(piece) \
            or not _surname_len(text, pos) and piece in common_words():
        return None
    return pos, end


def _piece_opening_list(text: str, pos: int, ignore: frozenset[str]) -> tuple[int, int] | None:
    """`旗领导阿某某某、乙、丙参加`: right after a collective, a name the surname list lacks is read when
    it is a whole piece closed by `、` and names go on after it."""
    span = _list_piece(text, pos, ignore)
    if span is None or not _list_mark(text, span[1]) or not _name_list(text, span[1], ignore):
        return None
    return span


def _ends_a_place(name: str) -> bool:
    """`池州市`: a candidate ending in a level character is a place's full name; `部长某兰,` after a post
    is a name that merely opens with a place's short form."""
    return name[-1] in LEVEL_CHARS


_DESC_SPAN = 6
"""How far before a post a descriptor ending with it may start (`领导班子成员` around `成员`)."""


def find_persons(text: str, ignore: frozenset[str] = frozenset(),
                 region_starts: frozenset[int] = frozenset()) -> list[NameMention]:
    """All person mentions, in text order: anchored ones with titles, and repeats of known names.

    `ignore`: names that are not persons of the story (reporters, editors); `region_starts`: offsets
    where a place name starts, so a title may begin with one (`海宁市委书记`)."""
    lex = _lex()
    found: list[NameMention] = []
    taken: set[int] = set()  # name starts already read

    def add(m: NameMention) -> None:
        if m.start in taken:
            return
        # `代表池州市作表态发言`: a place, not a name; but a long name after a post may open with a place's
        # short form (`秘书长乌某巴某某`)
        if m.start in region_starts and not (m.rule in READ_AS_NAMES and (
                m.end - m.start >= LONG_NAME or not _ends_a_place(m.name))
                and (m.rule == "person.post" or len(m.name) > 2)) \
                and m.rule != "person.surname_address":  # `代表某平作表态发言`: a place's short form
            # `曹县长强调`: a surname that is a county's one character (曹县, 叶县) addresses a titled person of
            # the article, read only before what follows a name (`曹县长期…` stays the county)
            return
        taken.add(m.start)
        found.append(m)

    floor = -1
    for p_start, p_end, _ in _post_index().finditer(text):  # what lex.post_re.finditer finds
        at = p_end + _gap(text, p_end)  # `县长 孙 伟主持`: a page's typesetting space after the post
        if q := _QUALIFIER.match(text, at):  # `副县长（常务）某某主持`: a bracketed qualifier of the post
            at = q.end()
        span = name_at(text, at, ignore) or bare_name_at(text, at, ignore) or _odd_piece(text, at, ignore)
        if span is None:
            continue
        if span[0] in taken:
            continue
        titles = title_chain(text, p_start, p_end, floor, region_starts)
        if lex.desc_end_re.search(text, max(0, p_start - _DESC_SPAN), p_end):
            titles = []  # `局党委班子成员甲、乙`: a collective of descriptors.tsv that ends in a post is no title
        lead = _LEADS.match(text, span[1])
        if lead is None and text.startswith(_TAKES, span[1]):
            chain_start = titles[0].start if titles else p_start
            lead = _LEADS_BY.search(text, max(0, chain_start - 4), chain_start)
        if lead:  # `以副部长X为组长的督查组`, `X任组长`, `组长由副部长X担任`: the post of the team is the person's too
            titles = [*titles, TitleSpan(lead.start("post"), lead.end("post"), lead.group("post"), lead.group("post"))]
        add(NameMention(span[0], span[1], clean_name(text[span[0]:span[1]]), titles, "person.post"))
        for s, e in _name_list(text, span[1], ignore):
            add(NameMention(s, e, clean_name(text[s:e]), [TitleSpan(t.start, t.end, t.full, t.post) for t in titles],
                            "person.list_after_post"))
        floor = span[1]
    for m in lex.desc_re.finditer(text):
        at = m.end() + _gap(text, m.end())
        if (copula := _DESC_COPULA.match(text, at)) is not None and name_at(text, copula.end(), ignore):
            at = copula.end()  # `出席会议的县领导有甲、乙`: the collective is the subject, the names come after its verb
        span = name_at(text, at, ignore) or _piece_opening_list(text, at, ignore) \
            or _odd_piece(text, at, ignore)  # `县领导 张三 李四出席`
        if span is None or span[0] in taken:
            continue
        titles = _before_qualified_post(text, m.start(), m.group(), region_starts)
        add(NameMention(span[0], span[1], clean_name(text[span[0]:span[1]]), titles, "person.after_collective"))
        for s, e in _name_list(text, span[1], ignore):
            add(NameMention(s, e, clean_name(text[s:e]), [], "person.after_collective"))
    for m in lex.national_re.finditer(text):
        span = name_before(text, m.start(), ignore)
        if span is None or span[0] in taken:
            continue
        title = TitleSpan(m.start(), m.end(), m.group(), m.group())
        add(NameMention(span[0], span[1], text[span[0]:span[1]], [title], "person.national_leader",
                        national=True))
    for m in _national_phrase_re().finditer(text):
        # `以某某同志为核心`, `某某新时代…思想`: a national leader cited by name alone
        span = name_before(text, m.start(), ignore)
        if span is None or span[0] in taken or not _national_name(text[span[0]:span[1]], found):
            continue
        add(NameMention(span[0], span[1], text[span[0]:span[1]], [], "person.national_leader", national=True))
    for m in _cite_lead_re().finditer(text):
        at = m.end()
        while (span := name_at(text, at, ignore, trusted=False)) is not None \
                and (cited := _cited_after_re().match(text, span[1])) is not None:
            if span[0] not in taken:
                add(NameMention(span[0], span[1], text[span[0]:span[1]], [], "person.cited"))
            # `传达学习了甲重要指示和乙批示`: a conjunction joins the next leader cited for an instruction
            if text[cited.end():cited.end() + 1] not in _CONJ + "、":
                break
            at = cited.end() + 1
    for s, e, rule, post in _untitled_names(text, ignore):
        if s not in taken and not any(m.start < e and s < m.end for m in found):
            # `张三省长指出`, `张三代省长批示`: a post after the name is its title as written (`同志` is no post)
            # (`某某武装部长通报`: an honorific that ends in a post is one too)
            titles = [TitleSpan(e, e + len(post), post, post)] if lex.post_end_re.search(post.removeprefix("代")) else []
            add(NameMention(s, e, clean_name(text[s:e]), titles, rule))
    known = {m.name for m in found}
    if known:
        occupied = {p for m in found for p in range(m.start, m.end)}  # the characters the mentions cover
        hits: list[tuple[int, int]] = []  # a handful of names: str.find beats compiling a pattern per article
        covered: set[int] = set()
        # a dotted name is found again whatever dot the page set there (one character for one: offsets hold)
        hay = text.translate(_NAME_SPELLING) if any(NAME_DOTS[0] in n for n in known) else text
        for name in sorted(known, key=len, reverse=True):
            i = hay.find(name)
            while i >= 0:
                if covered.isdisjoint(range(i, i + len(name))):  # overlaps no hit of a longer name
                    hits.append((i, i + len(name)))
                    covered.update(range(i, i + len(name)))
                i = hay.find(name, i + len(name))
        for s, e in sorted(hits):
            if not occupied.isdisjoint(range(s, e)):
                continue
            add(NameMention(s, e, hay[s:e], [], "person.repeat"))
        full_of = _full_names(known)
        for m in found:  # `国强书记指出` read as a name of its own: the person it addresses (no new title)
            if m.name in full_of and m.rule in ("person.before_honorific", "person.repeat"):
                m.name, m.rule, m.titles = full_of[m.name], "person.given_name", []
        occupied = [(m.start, m.end) for m in found]
        for s, e, full in _given_name_addresses(text, full_of):
            if not any(a < e and s < b for a, b in occupied):
                add(NameMention(s, e, full, [], "person.given_name"))
        occupied = [(m.start, m.end) for m in found]
        for s, e, full in _surname_addresses(text, found):
            if not any(a < e and s < b for a, b in occupied):
                add(NameMention(s, e, full, [], "person.surname_address"))
    found.sort(key=lambda x: x.start)
    return found


@cache
def _post_index() -> WordIndex:
    """The posts of lexicon/posts.tsv, found as `post_re` finds them (longest at the leftmost place)."""
    return WordIndex(_lex().posts)


@cache
def _cite_lead_re() -> re.Pattern[str]:
    """A verb citing a leader's instruction (lexicon/cite_leads.tsv), then `了` (not the verb `了解`)."""
    return re.compile("(?:" + alternation(words("cite_leads.tsv")) + ")(?:了(?!解))?")


@cache
def _cited_after_re() -> re.Pattern[str]:
    """What follows a leader's name cited for an instruction: `同志的批示`, `对某地事故作出的重要指示`."""
    return re.compile("(?:同志)?(?:(?:对|关于)[^，,。；;]{0,30}?(?:作出|做出)?的|的)?(?:"
                      + alternation(words("cited_instructions.tsv")) + ")")


@cache
def _national_phrase_re() -> re.Pattern[str]:
    return re.compile(alternation(words("national_phrases.tsv")))


def _national_name(name: str, found: list[NameMention]) -> bool:
    """A name before a national phrase is a leader's: one the text names with a national title too, or
    a three-character name (`某某某同志为核心`), never a two-character word."""
    return any(m.national and m.name == name for m in found) or len(name) == 3


def _full_names(known: set[str]) -> dict[str, str]:
    """Two-character given name → the one known full name it belongs to (`国强` → 王国强)."""
    by_given: dict[str, list[str]] = {}
    for name in known:
        s = _surname_len(name, 0)
        if s and len(name) - s == 2:
            by_given.setdefault(name[s:], []).append(name)
    return {g: names[0] for g, names in by_given.items() if len(names) == 1}


def _given_name_addresses(text: str, full_of: dict[str, str]) -> list[tuple[int, int, str]]:
    """`国强书记指出`, `小兰、衍志同志`: a person of the article addressed by the two-character given name,
    at a clause start or in a list, before an honorific post (honorifics.tsv) or in a list closed by one."""
    out: list[tuple[int, int, str]] = []
    lex = _lex()
    for given, full in full_of.items():
        i = text.find(given)
        while i >= 0:
            end = i + len(given)
            j = end
            while text[j:j + 1] == "、" and text[j + 1:j + 3] in full_of:  # `小兰、衍志同志`
                j += 3
            before = text[i - 1:i] if i > 0 else ""
            # `国强书记和小兵县长分别讲话`: a conjunction joins two addresses
            if (not before or before in _CLAUSE_START or before == "、" or before in _CONJ) \
                    and lex.honorific_at_re.match(text, j):
                out.append((i, end, full))
            i = text.find(given, end)
    return out


@lru_cache(maxsize=2)
def _honorific_starts(text: str) -> tuple[int, ...]:
    """Where a post of address (honorifics.tsv) starts in `text`."""
    found: set[int] = set()
    by_first = _honorifics_by_first()
    # every start lies inside a leftmost-longest match (or opens one): look inside the matches only
    for m in _lex().honorific_at_re.finditer(text):
        a, b = m.span()
        found.add(a)
        for q in range(a + 1, b):
            if any(text.startswith(w, q) for w in by_first.get(text[q], ())):
                found.add(q)
    return tuple(sorted(found))


@cache
def _honorifics_by_first() -> dict[str, tuple[str, ...]]:
    by: dict[str, list[str]] = {}
    for w in words("honorifics.tsv"):
        by.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in by.items()}


def _before_honorifics(text: str, *gaps: int) -> list[int]:
    """The positions `gaps` characters before a post of address, ascending: where a name (or a surname)
    addressed by that post can start."""
    return sorted({q - g for q in _honorific_starts(text) for g in gaps if q >= g})


@cache
def _surname_address_re() -> re.Pattern[str]:
    """A surname and a post of address at a clause start or after a lead word (honorific_leads.tsv), before
    what follows names (`王县长强调`, `会议由王县长主持`)."""
    lex = _lex()
    posts = [p for p in words("honorifics.tsv") if p in lex.posts]
    # `甲县长、乙县长分别讲话`: addresses listed with `、`, each its own
    return re.compile(r"(?:" + lookbehind_any([*(_CLAUSE_START + "、"), *lex.honorific_leads]) + r")(?P<sur>"
                      # compound surnames first, then the single ones: an alternation of single characters alone
                      # is compiled to a character class (one test, not 441)
                      + alternation(lex.compound) + "|(?:" + alternation(lex.single) + ")"
                      + r")(?P<post>" + alternation(posts) + r")(?=" + lex.follow_re.pattern + "|做)")


def _surname_addresses(text: str, found: list[NameMention]) -> list[tuple[int, int, str]]:
    """`会后，王县长强调`, `李副县长通报`: a person of the article addressed by surname and post: the one titled
    person with that surname and that very post, else the one whose post ends in it (a deputy is addressed
    without `副`: `副县长宋某` is `宋县长`). The span covers surname and post, so the cue after it is read."""
    posts: dict[str, dict[str, set[str]]] = {}  # surname -> name -> posts
    for m in found:
        sur = m.name[:_surname_len(m.name, 0)]
        for t in m.titles:
            posts.setdefault(sur, {}).setdefault(m.name, set()).add(t.post)
    out: list[tuple[int, int, str]] = []
    for m in finditer_at(_surname_address_re(), _before_honorifics(text, 1, 2), text):
        people = posts.get(m.group("sur"), {})
        post = m.group("post")
        exact = [n for n, ps in people.items() if post in ps]
        near = [n for n, ps in people.items() if any(p.endswith(post) for p in ps)]
        names = exact or near
        if len(names) == 1:
            out.append((m.start(), m.end(), names[0]))
    return out


_CLAUSE_START = "，,。；;！？!?\n：:　 （(）)"
_TITLE_OPENS = "《〈<"  # what opens a document's title (`《…》`, and `<…>` inside one)
_POST_OPENERS = ("副", "常务")  # what opens a post (`副县长`, `常务副市长`), never ends a name


def _plain_name(piece: str, ignore: frozenset[str], strict: bool) -> bool:
    """`piece` is a whole personal name (surname + one or two characters). `strict` (a name with nothing
    but a verb around it) also refuses a piece that is an ordinary word (`同时`, `会议`)."""
    s = _surname_len(piece, 0)
    if not s or len(piece) - s not in (1, 2) or not _name_ok(piece, ignore, trusted=not strict):
        return False
    if len(piece) == 3 and piece[-1] in _BODY_ENDS:
        return False  # `高新区、经开区传达`: bodies, not names
    if strict:
        lex = _lex()
        return (piece not in common_words() and piece[:2] not in common_words()
                and piece[-1] not in _BODY_ENDS and piece[-1] not in lex.single_followers
                and not lex.desc_re.search(piece))
    return True


def _names_list(pieces: list[str], ignore: frozenset[str], strict: bool) -> bool:
    """The pieces of a bare list are names: each a plain name, or, in a list of three or more where plain names are at
    least half, a name-shaped piece (`甲某、高原、乙某、丙某等县领导出席`: a name that spells a word, or whose surname the
    list lacks, is one of the list's names, not a reason to drop them all)."""
    plain = [_plain_name(p, ignore, strict) for p in pieces]
    if all(plain):
        return True
    n = sum(plain)
    return len(pieces) >= 3 and n >= 2 and 2 * n >= len(pieces) \
        and all(ok or _name_shaped(p, ignore) for p, ok in zip(pieces, plain, strict=True))


# a bare name before a verb never ends like a body (`安委会强调`, `区安委指出`, `高新区、经开区传达`)
_BODY_ENDS = "委办局会部厅市省县区州镇乡组队处所院支站"  # (`党总支`, `检查站`)


# `出席会议的有…`, `参加会议的县领导还有：…`: an intro whose attendance verb (group 1) covers the names after it
LIST_INTRO = r"(出席|参加|列席)[^，,。；;]{0,6}?的(?:[" + LEVEL_CHARS + r"]?领导|领导同志|同志)?(?:还)?有"
_INTRO_LIST = re.compile(LIST_INTRO + r"[:：]?(?P<names>(?:[" + HAN + r"]{2,4}、){1,12}[" + HAN + r"]{2,4})(?=[。，,；;等]|$)")


def _untitled_names(text: str, ignore: frozenset[str]) -> list[tuple[int, int, str, str]]:
    """Names the genre writes without a post: a list closed by a collective (`A、B等市领导出席`) or
    opening a clause before an attendance verb (`A、B列席会议`), and a name before an honorific post
    (`张三书记指出`, `张三同志`)."""
    lex = _lex()
    out: list[tuple[int, int, str, str]] = []
    for m in lex.list_close_re.finditer(text):
        head = m.start()
        if head > 0 and text[head - 1] not in _CLAUSE_START:
            continue
        pieces = m.group("names").split("、")
        closer = m.group("close")
        strict = not closer.startswith("等") and len(pieces) == 1
        if not _names_list(pieces, ignore, strict):
            continue
        pos = head
        rule = "person.list_before_collective" if closer.startswith("等") else "person.list_before_verb"
        for p in pieces:
            out.append((pos, pos + len(p), rule, ""))
            pos += len(p) + 1
    for d in _NAME_DOT_RE.finditer(text):
        # `阿某·某某某通报了情况`: a transliterated name opens a clause before a role verb, bare like `A列席会议`
        head = han_run_start(text, d.start(), max(0, d.start() - 6))
        if d.start() - head < 2 or head > 0 and text[head - 1] not in _CLAUSE_START + "、":
            continue
        span = dotted_name_at(text, head, ignore)
        if span is not None and is_han(text[span[1]:span[1] + 1] or " ") and _long_close_re().match(text, span[1]):
            out.append((span[0], span[1], "person.list_before_verb", ""))
    for m in _INTRO_LIST.finditer(text):
        # `出席会议的领导还有：A、B、C。`: bare names listed after an attendance intro
        pieces = m.group("names").split("、")
        if _names_list(pieces, ignore, strict=False):
            pos = m.start("names")
            for p in pieces:
                out.append((pos, pos + len(p), "person.list_after_intro", ""))
                pos += len(p) + 1
    for m in finditer_at(lex.honorific_re, _before_honorifics(text, 2, 3), text):
        head = m.start()
        if m.group("name").endswith(_POST_OPENERS):
            continue  # `李副县长通报`: a surname and a post, not a name (see `_surname_addresses`)
        name = m.group("name")
        if name.startswith(lex.honorific_leads):
            continue  # `，由王局长主持`, `由分管副县长主持`: a lead word opens no name (see `_surname_addresses`)
        if lex.national_re.fullmatch(name[-1] + m.group("post")):
            continue  # `习总书记`: the last character opens a national title, so a surname address stands here
        # `张三同志、李四同志出席`: a list of addressed names, each piece its own; a document's title opens with the
        # leader whose speech it is (`《张三同志在全县…会议上的讲话》`)
        led = head > 0 and text[head - 1] not in _CLAUSE_START + "、" + _TITLE_OPENS
        if led and (not text.endswith(lex.honorific_leads, 0, head) or _NOT_IN_NAMES.search(m.group("name"))):
            continue  # after a lead word, a body (`省政府安委会副主任`) is no name
        if _plain_name(m.group("name"), ignore, strict=True):
            out.append((head, head + len(m.group("name")), "person.before_honorific", m.group("post")))
    return out


def strip_place(full: str, place_len: int) -> str:
    """The title as scored: the leading place name removed, its level kept (`海宁市委书记` → `市委书记`).

    `place_len` is the length of the place name the title starts with (0 for none).
    Team posts keep the team kind only (`省安全生产第二巡查组组长` → `巡查组组长`).
    """
    lex = _lex()
    m = lex.teams_re.search(full)
    if m and m.group(2) and lex.post_re.fullmatch(m.group(2)):
        return m.group(1) + m.group(2)
    if not place_len or place_len >= len(full):
        return full
    rest = full[place_len:]
    level = full[place_len - 1]
    if rest.startswith(level):  # the title names its level again after the full place (`某某县县委书记`)
        return rest
    if level in LEVEL_CHARS and not (lex.post_re.match(rest) and rest[:1] not in "委"):
        return level + rest
    return rest
