"""Lines of an article: whitespace normalised, header/story/footer told apart, boilerplate dropped.

The story is the run from the first to the last sentence-like line; what comes
before is the header (breadcrumbs, title, date line), what follows the footer
(editor, copyright, site navigation). Boilerplate rules (boilerplate.tsv) apply to
short or sentence-less lines only, so a real sentence is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph_loader.ingest.document import Metadata
from graph_loader.ingest.metadata import read_metadata
from graph_loader.ingest.rules import (
    boilerplate_rules,
    ends_in_date,
    line_glue,
    link_patterns,
    metadata_rules,
    surnames,
)
from graph_loader.ingest.textmap import Edit, MappedText
from graph_loader.lang.chars import HAN, is_han
from graph_loader.lang.words import common_words

BOILERPLATE_MAX_CHARS = 25
"""Lines longer than this that end a sentence (。！？) are story, never boilerplate."""

LEAD_LINES_MAX = 3
"""At most this many story lines before the first full stop are read as header lines for metadata."""

TRAILING_NAV_MAX_CHARS = 8
"""Short punctuation-free lines after the story's last sentence are site navigation."""

MENU = "menu"
"""The reason (boilerplate.tsv's third column) of every rule that drops a site's menu row opens with this word."""
BANNER = "menu: a site's banner"
"""The reason of the rule that drops a site's banner (`欢迎进入某市某某网!`)."""
_SITE_NAMED = re.compile(r"(?:网|网站|门户|平台)\s*[!！]?\s*$")
"""A banner that ends with the name of a site (`欢迎进入某市某某网!`)."""

MENU_ROW_MIN_CHARS = 30
"""A header line above the page's breadcrumb this long, without a mark or a space, is the site's menu whose link
separators the scrape lost (`新闻财经汽车房产教育体育…手机版`): a headline that long writes a space, a mark or a quote."""

_BREADCRUMB = MENU + ": breadcrumb"
_CRUMB_MENU = MENU + ": a long row of run-together links above the breadcrumb"

_SPACE = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]|[ \t\u3000\xa0\u2002-\u200a\u202f\u205f]+|[\u200b-\u200d\ufeff]")
# `!` opening an HTML comment left in a scraped page (`<!-- 广告位 -->`, its `<` often mangled) ends nothing
_SENTENCE_END = re.compile(r"[。！？?；;]|!(?!--)|[。！？][”’」』）)]")
_DATE = re.compile(r"(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_FULL_STOP = re.compile(r"[。！？]")
_LINE = re.compile(r"[^\n ][^\n]*[^\n ]|[^\n ]")  # a line's text without its edge spaces
_PUNCT = re.compile(r"[，。、；：？！,.;:?!“”\"'（）()《》]")


def normalise_space(mt: MappedText) -> MappedText:
    """Line breaks to `\\n`, runs of spaces to one ASCII space, zero-width chars gone."""
    edits: list[Edit] = []
    for m in _SPACE.finditer(mt.text):
        s = m.group()
        if s[0] in "\r\u2028\u2029\x0b\x0c\x85":
            if s != "\n":
                edits.append((m.start(), m.end(), "\n"))
        elif s[0] in "\u200b\u200c\u200d\ufeff":
            edits.append((m.start(), m.end(), ""))
        elif s != " ":
            edits.append((m.start(), m.end(), " "))
    return mt.apply(edits) if edits else mt


def is_sentence(line: str) -> bool:
    """A line of the story: one that ends a sentence or is long; a line of marks only (`??`, a page's lost
    characters) says nothing, so the story does not open there."""
    if not any(ch.isalnum() for ch in line):
        return False
    return bool(_SENTENCE_END.search(line)) or len(line) > 60


def _long_boilerplate(line: str) -> bool:
    """A line the story holds only for its length, which a boilerplate line rule drops (a page's footer `版权所有…
    网站标识码… 某ICP备…号` longer than a sentence): no story line, so the date line above it (`某县应急局 张三` /
    `2019年3月27日`) is the footer's, not the story's."""
    return not _SENTENCE_END.search(line) and _boilerplate_kind(line, "footer", kinds=("line",)) is not None


@dataclass
class Layout:
    text: MappedText
    metadata: Metadata
    dropped: list[str]


def _boilerplate_kind(line: str, region: str, kinds: tuple[str, ...] = ("line", "tail", "caption", "nav")
                      ) -> str | None:
    eligible = len(line) <= BOILERPLATE_MAX_CHARS or not _FULL_STOP.search(line)
    if not eligible:
        return None
    for rule in boilerplate_rules():
        if rule.kind not in kinds:
            continue
        if rule.kind == "line" and rule.pattern.search(line):
            return rule.why
        if rule.kind == "tail" and region != "header" and rule.pattern.search(line):
            return rule.why
        if rule.kind in ("caption", "nav") and not _PUNCT.search(line) and rule.pattern.search(line):
            if rule.kind == "nav" and region == "story":
                continue
            return rule.why
    return None


def _run_together_menu(lines: list[str], first: int) -> list[int]:
    """The header lines above the page's breadcrumb (`当前位置:某某网>新闻>正文`) that are long and hold no mark
    and no space: a menu row whose separators were lost, never the headline. A page with two breadcrumbs (the
    site's path above its menu, the column's below it) has its menu above the last."""
    crumb = next((i for i in range(first - 1, -1, -1) if (_boilerplate_kind(lines[i], "header", kinds=("line",))
                                                          or "").startswith(_BREADCRUMB)), None)
    if crumb is None:
        return []
    return [i for i in range(crumb) if len(lines[i]) >= MENU_ROW_MIN_CHARS and " " not in lines[i]
            and not _PUNCT.search(lines[i])]


def _related_heading(line: str) -> bool:
    """A heading of links to the site's other articles (`相关推荐`): what follows it is no part of the story."""
    return len(line) <= BOILERPLATE_MAX_CHARS and any(p.search(line) for p in _related_patterns())


@lru_cache(maxsize=1)
def _related_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(rule.pattern for rule in boilerplate_rules() if rule.kind == "related")


def _dated_links(lines: list[str], first: int, heading: int | None) -> set[int]:
    """The lines after the story's first one that link to other articles with their dates (boilerplate.tsv link,
    link_run): a marked one, two dated headlines in a row, or any dated headline below a heading of links."""
    # only the lines that can be links are tried
    ending = [i for i in range(first + 1, len(lines)) if len(lines[i]) <= 80 and ends_in_date(lines[i])]
    if not ending:
        return set()
    marked, dated = link_patterns()
    out: set[int] = set()
    run = [i for i in ending if any(p.search(lines[i]) for p in dated)]
    runs = set(run)
    out.update(i for i in run if i - 1 in runs or i + 1 in runs or (heading is not None and i > heading))
    out.update(i for i in ending if any(p.search(lines[i]) for p in marked))
    return out


# a line ending in a piece of one to three characters after a comma or an enumeration mark (`…，安` `…、王某`): no
# clause, list item or paragraph ends so; a numbered heading (`二、背景`) is a line of its own
_SHORT_PIECE = re.compile(f"[，,、][{HAN}]{{1,3}}$")
_ITEM_HEAD = re.compile(f"[（(]?[一二三四五六七八九十0-9]+[)）]?[、，,.．][{HAN}]{{1,3}}$")
# a line ending in a clause's comma or an enumeration mark (`…主持召开全县安全生产工作会议，` over `副县长甲某出席。`):
# no paragraph, headline or date line ends so; a page that sets each clause on a line of its own (a hard wrap at
# `，`) cuts the sentence there
CLAUSE_MARKS = "，,、"
# a line whose last bracket, quote or `《` is still open when it ends, closed on the next line before any full stop
# (`…印发《某某安全生产` over `责任制规定》的通知。`): a title or a quote cut by the page, no paragraph's end
_OPENS, _CLOSES = "（(《“「『【", "）)》”」』】"
_CLOSE_OF = dict(zip(_OPENS, _CLOSES, strict=True))
# a line ending in a date inside its sentence (`…会议要求，全县于5月5日` over `开展…检查。`, `…主任张三在6月1日上午`):
# the date awaits its event; a date opening its line (a date line, a signature's date) is no such cut
_DATE_LAST = "日午上晚"  # the last characters _DATE_AWAITS may end with: a cheap gate before it
_DATE_AWAITS = re.compile(f"[{HAN}，,](?:[0-9]{{1,2}}月)?[0-9]{{1,2}}日(?:上午|下午|晚上|晚)?$")


def broken_line_edits(text: str) -> list[Edit]:
    """Line breaks inside a sentence of the story, removed: a page's `<br>` or hard wrap in a paragraph.

    A story line ending in a character that ties what follows (`…关于安全生产的`, `…各乡镇和`) or followed by one
    beginning with a character that ties what precedes (`的精神。`, `等部门参加。`) is one line with the next
    (line_glue.txt; not where that character ends or opens an ordinary word: `积极应对`, `与会人员`), and so is a
    line ending in a piece of one to three characters after a comma or `、` (`副县长甲某、乙` over `某出席。`). A line
    ending a whole word stays a line: a paragraph that lost its full stop (`…安排部署了安全生产工作` over
    `会议强调，…`) is far more common in real pages than a break between two words, and reads the same. Lines
    above the story's first sentence (headline, date line, byline), boilerplate lines, and lines apart by a
    blank line stay apart.
    """
    glue = line_glue()
    ends, starts = glue["end"], glue["start"]
    end_words, start_words, end_posts = _glue_words()
    names = surnames()
    spans = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    lines = [text[a:b] for a, b in spans]
    # the pairs of lines a tie may join (few), before the story is looked for; `tied`: by what the two sides are
    # (a post, a verb or a date awaiting what follows, a role verb or a meeting noun with what precedes, an open
    # bracket closed below), whatever the words at the break
    tied = {i for i in range(len(lines) - 1) if is_han(lines[i][-1]) and is_han(lines[i + 1][0]) and (
        lines[i].endswith(end_words) or lines[i + 1].startswith(start_words)
        or (lines[i].endswith(end_posts) and (lines[i + 1][0] in names or lines[i + 1][:2] in names))
        or _name_cut(lines[i], lines[i + 1], end_posts, names)
        or (lines[i][-1] in _DATE_LAST and _DATE_AWAITS.search(lines[i], max(0, len(lines[i]) - 12)))
        or _open_bracket_closed(lines[i], lines[i + 1]))}
    pairs = [i for i in range(len(lines) - 1) if (lines[i][-1] in ends and is_han(lines[i + 1][0]))
             or (lines[i + 1][0] in starts and is_han(lines[i][-1]))
             or (is_han(lines[i + 1][0]) and _SHORT_PIECE.search(lines[i]) and not _ITEM_HEAD.match(lines[i]))
             or lines[i][-1] in CLAUSE_MARKS or i in tied]
    if not pairs:
        return []
    # the story's first and last sentence lines, looked for from either end (a page's lines between are not read)
    first = next((i for i, line in enumerate(lines) if is_sentence(line)), None)
    if first is None:
        return []
    story = (first, next(i for i in range(len(lines) - 1, first - 1, -1) if is_sentence(lines[i])))
    words = None
    edits: list[Edit] = []
    for i in pairs:
        cur, nxt = lines[i], lines[i + 1]
        # a clause cut at its comma may open the story (`5月5日，` over `某县召开…会议。`): the run of such lines
        # joins when it ends in a sentence
        clause = cur[-1] in CLAUSE_MARKS and _clause_run_ends_sentence(lines, i + 1)
        # so may a first paragraph cut where it is tied, running text (a clause mark in it) that leads by tied or
        # clause lines to the story's first sentence (`某县召开会议，传达省长张三在5月5日` over `全省会议上的讲话精神。`)
        opening = (i in tied and i < story[0] and all(j in tied or lines[j][-1] in CLAUSE_MARKS
                                                      for j in range(i + 1, story[0]))
                   and any(c in line for line in lines[i:story[0]] for c in CLAUSE_MARKS))
        if not (story[0] <= i < story[-1] or ((clause or opening) and i < story[-1])):
            continue
        if len(cur) < 2 or len(nxt) < 1 + (not clause) or text.count("\n", spans[i][1], spans[i + 1][0]) != 1:
            continue
        if words is None:
            words = common_words()
        if clause or i in tied or (cur[-1] in ends and all(cur[-k:] not in words for k in (2, 3, 4))) or (
                nxt[0] in starts and all(nxt[:k] not in words for k in (2, 3, 4))) or _SHORT_PIECE.search(cur):
            if not _boilerplate_kind(cur, "story") and not _boilerplate_kind(nxt, "story"):
                edits.append((spans[i][1], spans[i + 1][0], ""))
    return edits


RUN_ON_OPENING_MAX = 300
"""How far into the story's first line, before its first full stop, a run-on headline and date line are looked for."""
_TOKEN = re.compile(r"\S+")
_CRUMB_SEP = re.compile(r"[>＞»›]+")
_ROLE_WORD = re.compile("记者|通讯员|作者|编辑")


@lru_cache(maxsize=1)
def _header_field() -> re.Pattern[str]:
    return next(r.pattern for r in metadata_rules() if r.kind == "header_field")


def _is_field_token(token: str) -> bool:
    """Whether a token between spaces is made of date-line fields only (`来源:某某网`, `2023-05-06`, `10:20来源:某某网`)."""
    field, pos = _header_field(), 0
    while pos < len(token):
        m = field.match(token, pos)
        if m is None or m.end() == pos:
            return False
        pos = m.end()
    return True


def run_on_header_edits(text: str) -> list[Edit]:
    """Line breaks put back where a page that lost them ran its headline and date line into the story.

    A scrape that loses a page's line breaks gives `某县召开安全生产会议 来源:某某网 发布时间:2023-05-06 10:20
    5月5日,某县召开…。` as one line: the story's first line opens, before its first full stop, with tokens (between
    spaces) made of date-line fields only (metadata.tsv `header_field`: labels with their values, dates, times). Those
    tokens are the date line, what stands before them the headline, what follows the last of them the story. With no
    date line, or after it, mark-free tokens before a token that opens a story (`story_opening`: a dateline
    `某某网讯`, `本报讯`, a bracketed byline, a day `5月5日,`) are the headline (`某县召开安全生产会议 5月5日,…`). Each
    goes on a line of its own, so the header is read as a header and the headline's words and the date line's date
    are not the story's. A first line with neither is left as it is.
    """
    first = next((m for m in _LINE.finditer(text) if is_sentence(m.group())), None)
    if first is None:
        return []
    line = first.group()
    stop = _FULL_STOP.search(line)
    opening = line[: min(stop.start() if stop else len(line), RUN_ON_OPENING_MAX)]
    if " " not in opening:
        return []
    tokens = list(_TOKEN.finditer(opening))
    # a separator or a widget alone (`•`, `【打印】`) makes no date line: a date, a time or a label does; the date
    # line opens with the field tokens right before the first of them (`发表于 2009-01-20`)
    fields = [i for i, t in enumerate(tokens[:-1]) if any(ch.isdigit() or ch in ":：" for ch in t.group())
              and _is_field_token(t.group())]
    while fields and fields[0] > 0 and _is_field_token(tokens[fields[0] - 1].group()):
        fields.insert(0, fields[0] - 1)
    # and goes on over the field tokens after the last of them (`字号:[大] [中] [小]`); a line of fields only (a long
    # date line with no story after it) is no run-on line
    while fields and fields[-1] + 1 < len(tokens) and _is_field_token(tokens[fields[-1] + 1].group()):
        fields.append(fields[-1] + 1)
    if fields and fields[-1] == len(tokens) - 1:
        return []
    cuts: set[int] = set()
    if fields:
        head_end = fields[0]
        cuts.add(fields[0] - 1)
        after = fields[-1] + 1
        k = _story_opening_at(tokens, after)
        if k is not None and k > after and _is_headline(tokens[after:k]):
            cuts |= {fields[-1], k - 1}  # a headline after the date line (`2023-05-06 10:20 某县召开… 本报讯 …`)
        elif k is not None and len("".join(t.group() for t in tokens[after:k])) < HEADLINE_MIN_CHARS:
            # what stands between the date line and the story's opening, too short for a headline, is the date
            # line's (`来源:某某日报 张三 5月5日,…`: the source's writer)
            cuts.add(k - 1)
        else:
            cuts.add(fields[-1])
    else:
        k = _story_opening_at(tokens, 0)
        if not k or not _is_headline(tokens[:k]):
            return []
        head_end = k
        cuts.add(k - 1)
    # a breadcrumb before the headline (`首页 > 新闻 > 本地 某县召开…`) ends with the crumb after its last separator,
    # or with the separator's token when the separator is glued to the crumb before it (`政务 > 动态> 某县召开…`)
    crumbs = [i for i in range(head_end - 1) if _CRUMB_SEP.search(tokens[i].group())]
    if crumbs:
        i = crumbs[-1]
        cuts.add(i + 1 if _CRUMB_SEP.fullmatch(tokens[i].group()) else i)
    base = first.start()
    return [(base + tokens[i].end(), base + tokens[i + 1].start(), "\n") for i in sorted(c for c in cuts if c >= 0)]


@lru_cache(maxsize=1)
def _footer_label() -> re.Pattern[str]:
    return next(r.pattern for r in metadata_rules() if r.kind == "footer_label")


def run_on_footer_edits(text: str) -> list[Edit]:
    """Line breaks put back before a footer's label that a page which lost them ran into the story's last paragraph
    (`…落实。(记者 张三)来源:某某日报 责任编辑:李四`, metadata.tsv `footer_label`): the label opens a line, so the
    paragraph ends in its closing byline and the footer is read as a footer."""
    return [(m.start() + 1, m.end(), "\n") for m in _footer_label().finditer(text)]


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """The edits in order, one of two that overlap (a header's cut and a footer's at one space) dropped."""
    out: list[Edit] = []
    for e in sorted(set(edits)):
        if not out or e[0] >= out[-1][1]:
            out.append(e)
    return out


HEADLINE_MIN_CHARS = 6
"""A run-on headline before the story's opening token holds at least this many characters."""
_CLAUSE_MARK = re.compile(r"[，,；;。]")


@lru_cache(maxsize=1)
def _story_opening() -> re.Pattern[str]:
    return next(r.pattern for r in metadata_rules() if r.kind == "story_opening")


def _story_opening_at(tokens: list[re.Match[str]], start: int) -> int | None:
    """The index of the first token from `start` on that opens a story (metadata.tsv `story_opening`), unless a
    token holding a clause mark comes first."""
    for k in range(start, len(tokens)):
        tok = tokens[k].group()
        if _story_opening().match(tok):
            return k
        if _CLAUSE_MARK.search(tok):
            return None
    return None


def _is_headline(tokens: list[re.Match[str]]) -> bool:
    """Whether tokens run before a story's opening are a headline: HEADLINE_MIN_CHARS long at least, with no byline's
    role word (`记者 张三 报道` is a byline)."""
    head = "".join(t.group() for t in tokens)
    return len(head) >= HEADLINE_MIN_CHARS and not _ROLE_WORD.search(head)


@lru_cache(maxsize=1)
def _glue_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """line_glue.txt's `end_word`, `start_word` and `end_post`, as tuples for str.endswith/startswith."""
    glue = line_glue()
    return tuple(glue["end_word"]), tuple(glue["start_word"]), tuple(glue["end_post"])


_NAME_HEAD = re.compile(f"[{HAN}]{{1,2}}")
_NAME_PART_MAX = 3


def _name_cut(cur: str, nxt: str, posts: tuple[str, ...], names: frozenset[str]) -> bool:
    """Whether the break cuts a personal name (line_glue.txt `end_post`, `name_follow`): `cur` ends in a surname and
    at most two more characters, `nxt` opens with one or two more and then a mark, a post or a word that follows a
    name; a post stands before the name or after it; neither side of the name is an ordinary word."""
    if not any(c in names for c in cur[-_NAME_PART_MAX:]):
        return False
    m = _NAME_HEAD.match(nxt)
    if m is None:
        return False
    follows = _glue_follow()
    for k in range(1, _NAME_PART_MAX + 1):
        tail = cur[-k:]
        if len(tail) < k or not is_han(tail[0]) or not (tail[0] in names or tail[:2] in names):
            continue
        for h in (1, 2)[: len(m.group())]:
            after = nxt[h:h + 8]  # what follows the name: a mark, a post or a word (no copy of a long line)
            if not 2 <= k + h <= 4:
                continue
            post_after = after.startswith(posts)
            if not (post_after or cur.endswith(posts, 0, len(cur) - k)):
                continue
            if not (post_after or (after and after[0] in "，,、（(") or after.startswith(follows)):
                continue
            words = common_words()
            if tail in words or nxt[:h] in words or (tail + nxt[:h]) in words or cur[-2:] in words:
                continue
            return True
    return False


@lru_cache(maxsize=1)
def _glue_follow() -> tuple[str, ...]:
    return tuple(line_glue()["name_follow"])


def _open_bracket_closed(cur: str, nxt: str) -> bool:
    """Whether `cur`'s last opening bracket or quote is open at its end and `nxt` closes it before a full stop."""
    at = max(cur.rfind(o) for o in _OPENS)
    if at < 0 or any(c in cur[at:] for c in _CLOSES):
        return False
    close = nxt.find(_CLOSE_OF[cur[at]])
    stop = _FULL_STOP.search(nxt)
    return close >= 0 and (stop is None or close < stop.start())


def _clause_run_ends_sentence(lines: list[str], j: int) -> bool:
    """Whether the lines from `j` on, while each ends in a clause mark, lead to a sentence of the story."""
    while j < len(lines) - 1 and lines[j][-1] in CLAUSE_MARKS:
        j += 1
    return is_sentence(lines[j])


def _title_key(line: str) -> str:
    return re.sub(r"\s+", "", line)


def lay_out(mt: MappedText, html_title: str | None = None, page_before: list[str] | None = None,
            page_after: list[str] | None = None) -> Layout:
    """Keep the article's lines, read its metadata, drop the rest.

    `page_before`/`page_after` are simplified lines of an HTML page outside its
    content container: not kept, but read for metadata (the date line often sits there).
    """
    mt = normalise_space(mt)
    if joins := broken_line_edits(mt.text):
        mt = mt.apply(joins)
    if cuts := run_on_header_edits(mt.text) + run_on_footer_edits(mt.text):
        mt = mt.apply(_disjoint(cuts))
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in mt.text.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and mt.text[a] == " ":
            a += 1
        while b > a and mt.text[b - 1] == " ":
            b -= 1
        if b > a:
            spans.append((a, b))
    lines = [mt.text[a:b] for a, b in spans]
    story = [i for i, line in enumerate(lines) if is_sentence(line) and not _long_boilerplate(line)]
    first, last = (story[0], story[-1]) if story else (len(lines), len(lines) - 1)
    # a heading of links to other articles after the story's first line ends the story (boilerplate.tsv related)
    related = next((i for i in range(first + 1, len(lines)) if _related_heading(lines[i])), None)
    # so does a list of other articles' headlines with their dates, with no heading (`• 某县召开… 2023-06-12`)
    links = _dated_links(lines, first, related) if story else set()
    if links and (related is None or min(links) < related):
        related = min(links)
    if related is not None:
        last = max(i for i in story if i < related)
    region = ["header" if i < first else "footer" if i > last else "story" for i in range(len(lines))]

    keep = [True] * len(lines)
    why: list[str | None] = [None] * len(lines)
    for i in _run_together_menu(lines, first):
        keep[i], why[i] = False, _CRUMB_MENU
    title = html_title
    title_at = -1
    if title is None:
        # before boilerplate: a title may well look like a caption (全县召开安全生产工作会议)
        for i in range(first if story else len(lines)):
            line = lines[i]
            if not keep[i] or _boilerplate_kind(line, "header", kinds=("line", "nav")):
                continue
            if 4 <= len(line) <= 80 and not is_sentence(line) and not _DATE.search(line):
                title, title_at = line, i
                break
            break  # the first substantive line is not a title: the article has none
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        if i != title_at and (kind := _boilerplate_kind(line, region[i])):
            keep[i], why[i] = False, kind
        elif related is not None and i >= related:
            keep[i], why[i] = False, "links to other articles"

    if title is not None:
        key = _title_key(title)
        seen = False
        for i, line in enumerate(lines):
            if _title_key(line) == key:
                if seen:
                    keep[i], why[i] = False, "repeated title"
                else:
                    keep[i], why[i], seen = True, None, True

    # site navigation words trailing the story
    for i in range(len(lines) - 1, last, -1):
        line = lines[i]
        if not keep[i]:
            continue
        if len(line) <= TRAILING_NAV_MAX_CHARS and not _PUNCT.search(line):
            keep[i], why[i] = False, "trailing navigation"
        else:
            break

    # the story's leading lines without a full stop (a long subtitle, a date line with `??` junk in it)
    # are read as header lines too; the first paragraph is the first line after them. A line dropped as
    # boilerplate is a header's whatever marks it holds: a site's banner `您好！欢迎光临某某网！` opens no story,
    # in either width of its `!`
    opening, lead = first, 0
    while opening < last and lead < LEAD_LINES_MAX and (not keep[opening] or not _FULL_STOP.search(lines[opening])):
        lead += keep[opening]  # a line dropped as boilerplate (`来源:… 作者:…`) is a header's, not a lead line
        opening += 1
    while opening < last and not keep[opening]:  # a line dropped as boilerplate (`来源:… 作者:…`) is a header's
        opening += 1
    header = [lines[i] for i in range(len(lines)) if region[i] == "header" or first <= i < opening]
    # other articles' dates are not the page's
    footer = [lines[i] for i in range(len(lines)) if region[i] == "footer" and i not in links]
    header = [" ".join(x.split()) for x in page_before or []] + header
    footer = footer + [" ".join(x.split()) for x in page_after or []]
    # the first paragraph too when a page's trailing lines were taken for the last (`…实效。(某县应急局 张三)`)
    inner = [lines[i] for i in range(opening if opening < last else opening + 1, last) if story]
    meta = read_metadata(header, lines[opening] if story else None, lines[last] if story else None,
                         footer, title, inner)
    # a site's menu names the site's own place when it names one (`首页 走进某县 …`), a portal's its columns' places
    meta.menu = " ".join(lines[i] for i in range(len(lines)) if (why[i] or "").startswith(MENU)) or None
    # a banner welcoming to the site by its name (`欢迎进入某市某某网!`) names the site, a publication whose place is a
    # place of the text like its host's, whatever the story names inside it
    # (`某县欢迎您!` names the place, not a site: a menu's)
    if meta.host is None:
        meta.host = next((lines[i] for i in range(len(lines))
                          if (why[i] or "").startswith(BANNER) and _SITE_NAMED.search(lines[i])), None)
    kept = [s for s, k in zip(spans, keep, strict=True) if k]
    dropped = [f"{lines[i]} ({why[i]})" for i in range(len(lines)) if not keep[i]]
    return Layout(mt.join_spans(kept, "\n"), meta, dropped)
