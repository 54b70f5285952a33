"""Article metadata from its own header and footer lines: title, date, dateline, source, bylines, editors.

Only the lines around the story (header, footer, the byline at the start of the
first paragraph, a parenthesis or bare names closing the last) are read, so a date
or a name inside the story is never taken for the article's own; inside the story's
span, only a line that is a credit of its own (`(张三)`, `记者 张三`) is read, for a
page whose trailing lines (an address, a licence number) were taken for the story. The shapes are the rules
of metadata.tsv; the role words of bylines are byline_words.txt / byline_ends.txt.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from graph_loader.ingest.document import Metadata
from graph_loader.ingest.rules import (
    byline_ends,
    byline_words,
    metadata_rules,
    not_names,
    org_suffixes,
    surname_rank,
    surnames,
)
from graph_loader.lang.chars import HAN, HAN_RUN, NAME_DOT_SPELLING, NAME_DOTS
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.numerals import arabic_dates

_NAME = re.compile(f"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}[{NAME_DOTS}][{HAN}]{{1,8}}")
_SPLIT = re.compile(r"[\s、，,；;/／:：|｜]+")
_CJK_TOKEN = HAN_RUN
_OPEN, _CLOSE = "(（", ")）"

INNER_CREDIT_MAX = 40
"""A line inside the story's span read as a credit line is at most this long, with no full stop."""
_FULL_STOP = re.compile(r"[。！？!?]")

BARE_NAMES_MAX = 4
"""A line of bare names (a byline without a role word) has at most this many names."""


def _rules(kind: str) -> list[re.Pattern[str]]:
    return [r.pattern for r in metadata_rules() if r.kind == kind]


def normalise_date(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _join_split_names(tokens: list[str]) -> list[str]:
    """A surname set apart from its given name is one name (`周 玲` → 周玲, `欧阳 明` → 欧阳明): a lone
    surname is never a name by itself, so it joins the one- or two-character token after it."""
    sur, words = surnames(), byline_words() | byline_ends()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (len(t) <= 2 and t in sur and 1 <= len(nxt) <= 2 and nxt not in words
                and _CJK_TOKEN.fullmatch(nxt)):
            out.append(t + nxt)
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def names_in(fragment: str) -> list[str]:
    """Person names in a byline fragment (`记者 张三 通讯员 李四` → 张三, 李四; `记者 周 玲` → 周玲).

    A word of byline_ends.txt after a name closes the run (`张三 报道 本报济南…` → 张三); a credit mark
    set to a name with a slash is read as a space (`文/张三 图/李四`, `张三/文`: the `credit_mark` rules)."""
    words, ends = byline_words(), byline_ends()
    out: list[str] = []
    tokens: list[str] = []
    for piece in _SPLIT.split(_unmarked(fragment).strip()):
        for token in _split_at_roles(piece, words):
            token = _after_role(token, words)
            if token:
                tokens.append(token)
    for token in _glued_pairs(_join_split_names(tokens), words):
        if token in ends and out:
            break
        token = _before_end(token, ends).translate(NAME_DOT_SPELLING)
        if token in words or token in ends or not _NAME.fullmatch(token) or token[-1] in org_suffixes() \
                or _ends_in_role(token, words):
            continue
        if token not in out:
            out.append(token)
    return out


def _glued_pairs(tokens: list[str], words: frozenset[str]) -> list[str]:
    """Two names whose space the page lost, right after their role word (`通讯员/张三李小四` → 张三, 李小四): a
    token of five or six characters after a role word that is two names shaped as a person's (a surname and one
    or two characters each). Of two readings of five (张三李小四 / 张三李小 + 四…), the one whose second name opens
    with the commoner surname (surnames.txt's order); a token of four stays one name (欧阳明华, 扎西顿珠)."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        if i and tokens[i - 1] in words and len(t) in (5, 6) and _CJK_TOKEN.fullmatch(t):
            splits = [(t[:k], t[k:]) for k in (2, 3) if _is_name(t[:k]) and _is_name(t[k:])]
            if splits:
                rank = surname_rank()
                out += min(splits, key=lambda ab: rank.get(ab[1][:2], rank.get(ab[1][0], len(rank))))
                continue
        out.append(t)
    return out


def _ends_in_role(token: str, words: frozenset[str]) -> bool:
    """Whether a token ends with a role word of two characters or more: an outlet glued before it, which the
    role word does not split off when no name follows (`某某日报·某某客户端记者` names no one)."""
    return any(token.endswith(w) and len(token) > len(w) for w in words if len(w) >= 2)


def _split_at_roles(token: str, words: frozenset[str]) -> list[str]:
    """A token holding a name, then a role word of two characters or more, then the next (`张三通讯员李四`,
    a page that lost its spaces): the name before the role word is a token of its own. A role word that
    ends a longer one the token opens with is no split (`全媒体记者`: 全媒体 is no name)."""
    roles = sorted((w for w in words if len(w) >= 2 and _CJK_TOKEN.fullmatch(w)), key=len, reverse=True)
    lead = next((len(w) for w in roles if token.startswith(w)), 0)
    for w in roles:
        k = token.find(w, lead)
        if k >= 2 and _is_name(token[:k]):
            return [token[:k], *_split_at_roles(token[k:], words)]
    return [token]


def _after_role(token: str, words: frozenset[str]) -> str:
    """The rest of a token after its role word: `记者张三` written without a space → 张三; an outlet glued
    before the role word goes with it (`某台记者张三` → 张三). A one-character credit (文, 图) only opens
    a token, and only before more than two characters (文经丰 is a name)."""
    for w in sorted(words, key=len, reverse=True):
        if token.startswith(w) and len(token) > len(w) + (2 if len(w) == 1 else 1):
            return token[len(w):]
    for w in sorted((w for w in words if len(w) >= 2 and _CJK_TOKEN.fullmatch(w)), key=len, reverse=True):
        k = token.rfind(w)
        if k > 0 and len(token) - k - len(w) >= 2:
            return token[k + len(w):]
    return token


def _before_end(token: str, ends: frozenset[str]) -> str:
    """A name with a closing word glued after it (`张三报道`, `张三摄`) → 张三."""
    for e in sorted(ends, key=len, reverse=True):
        if token.endswith(e) and len(token) - len(e) >= 2:
            return token[: -len(e)]
    return token


def _is_name(token: str) -> bool:
    """A token shaped like a personal name: a known surname and one or two more characters."""
    sur = surnames()
    if not _CJK_TOKEN.fullmatch(token) or token[-1] in org_suffixes():
        return False
    if len(token) in (3, 4) and token[:2] in sur:
        return True
    return len(token) in (2, 3) and token[0] in sur


def _unmarked(text: str) -> str:
    """`text` with its credit marks read as spaces (`文/张三 图/李四`, `张三/文`, `文/图?张三?李四`: the
    `credit_mark` rules)."""
    for p in _rules("credit_mark"):
        text = p.sub(" ", text)
    return text


def bare_names(line: str) -> list[str]:
    """The names of a line made of names only (`张三 李四`, `张三 李四 报道`), else []: a byline without a
    role word; credit marks go (`张三/文 李四/图`, `张三 李四 文/图`)."""
    tokens = _join_split_names([t for t in re.split(r"[\s、，,]+", _unmarked(line).strip()) if t])
    while len(tokens) > 1 and tokens[-1] in byline_ends():
        tokens.pop()  # `张三 李四 报道`
    if not 1 <= len(tokens) <= BARE_NAMES_MAX or not all(_is_name(t) for t in tokens):
        return []
    return list(dict.fromkeys(tokens))


def published_date(header: list[str], footer: list[str], opening: str | None = None) -> str | None:
    """The article's date line: a labelled date anywhere in the header or footer lines first, then a
    short line of date-line shape, then a dateline with its year opening the first paragraph. A date in
    Chinese numerals (二〇一六年七月二十日) is read as the same date in digits."""
    header, footer = [arabic_dates(x) for x in header], [arabic_dates(x) for x in footer]
    opening = arabic_dates(opening) if opening else opening
    rules = _rules("published")
    labelled, shapes = rules[0], rules[1:]
    for line in header + footer:
        m = labelled.search(line)
        if m and (d := normalise_date(m)):
            return d
    for line in header + footer:
        if len(line) <= 60:
            for p in shapes:
                m = p.search(line)
                if m and (d := normalise_date(m)):
                    return d
    for p in _rules("published_opening") if opening else ():
        m = p.search(opening[:60])
        if m and (d := normalise_date(m)):
            return d
    return None


def dateline(opening: str | None, published: str | None) -> str | None:
    """The day of the dateline opening the first paragraph (`本报济南2月23日讯`): `YYYY-MM-DD` when its
    year is written or follows from the published date (the year before when the day would fall after
    it), else `--MM-DD`; None without a dateline."""
    if not opening:
        return None
    for p in _rules("dateline"):
        if not (m := p.search(opening[:60])):
            continue
        mo, d = int(m.group("m")), int(m.group("d"))
        y = int(y_) if (y_ := m.groupdict().get("y")) else None  # a row may have no year group
        if y is None and published:
            pub = date.fromisoformat(published)
            y = pub.year - 1 if (mo, d) > (pub.month, pub.day) else pub.year
        if y is None:
            return f"--{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None
    return None


def _credit_names(lines: list[str]) -> tuple[list[str], list[str]]:
    """Reporters and editors named by the credit rules (`记者 张三`, `责任编辑：李四`) in these lines."""
    reporters: list[str] = []
    editors: list[str] = []
    for line in lines:
        for p in _rules("reporter"):
            for m in p.finditer(line):
                reporters += names_in(m.group("v"))
        for p in _rules("editor"):
            for m in p.finditer(line):
                editors += names_in(m.group("v"))
    return reporters, editors


def _closing_lines(last_body: str | None, footer: list[str]) -> list[str]:
    """The last paragraph and the footer lines that open with a parenthesis; a closing parenthesis that
    a line break split (`…(本报记者` / `张三)`) is read whole."""
    last = last_body or ""
    rest = list(footer)
    if last and last.rfind(_OPEN[0]) + last.rfind(_OPEN[1]) > last.rfind(_CLOSE[0]) + last.rfind(_CLOSE[1]) \
            and rest and any(c in rest[0] for c in _CLOSE):
        last, rest = last + rest[0], rest[1:]
    return ([last] if last else []) + [line for line in rest if line.startswith(tuple(_OPEN))]


def _header_bylines(header: list[str], title: str | None) -> list[str]:
    """Names of a header line of bare names next to the date or source line (title / 张三 李四 / 2024-…)."""
    anchor = [bool(re.search(r"(?:19|20)\d{2}\s*[-/.年]|来源|稿源", line)) for line in header]
    out: list[str] = []
    for i, line in enumerate(header):
        if line == title or not (i > 0 and anchor[i - 1] or i + 1 < len(header) and anchor[i + 1]):
            continue
        out += bare_names(line)
    return out


_PHOTO_CAPTION = re.compile(r"[。！？!?”]\s*[^。！？!?]{0,12}(?:摄影|摄)\s*$")  # a caption closed by its photographer
_ENDS_IN_PARENTHESIS = re.compile(
    r"(?:^|[。！？!?”])\s*[(（][^()（）]{2,40}[)）](?:\s*[(（][^()（）]{2,30}[)）])?\s*$")
_TRAILING_NAMES = re.compile(r"[。！？!?”]\s+(?P<v>[^\s。！？!?，,].{0,20})$")
_GLUED_NAME = re.compile(f"[。！？!?”](?:[{HAN}]{{1,8}}?[{LEVEL_CHARS}])*(?P<v>[{HAN}]{{2,3}})$")


def _inner_bylines(inner: list[str]) -> list[str]:
    """Bylines inside the story's span, where a page's trailing lines (an address, a licence number) were
    taken for the last paragraph: a line that is a parenthesis or ends in one after a full stop
    (`…落到实处。(张三)`, `(某台记者张三报道)`). Without a role word in it, every name must be shaped like
    a person's name (a surname and one or two characters), so `(图片来源网络)` names no one."""
    out: list[str] = []
    for line in inner:
        if not _ENDS_IN_PARENTHESIS.search(line):
            continue
        for p in _rules("closing"):
            if not (m := p.search(line)) or any(q.search(m.group("v")) for q in _rules("not_closing")):
                continue
            out += _credited(m.group("v"), strict=True)
    return out


def _credited(v: str, strict: bool = False) -> list[str]:
    """The names of a closing parenthesis: with a role word in it (`本报记者 张三`), every name. Without one,
    none that opens with a level character and is not shaped like a person's name (a surname and one or two
    characters): `(县融媒)`, `(市应急)` are bodies of that level, while `(扎西顿珠)` stays a name; `strict`
    (a parenthesis inside the story's span), none unless every name is shaped like a person's (`(附图)`)."""
    names = names_in(v)
    if any(w in v for w in byline_words() if len(w) >= 2):
        return names
    if strict:
        return names if all(_is_name(n) for n in names) else []
    return [n for n in names if _is_name(n) or n[0] not in LEVEL_CHARS]


def _trailing_names(last_body: str | None) -> tuple[list[str], list[str]]:
    """Reporters and photographers: bare names after the last full stop of the last paragraph, set apart by
    a space (`…贡献。 张三`), or one name glued to the full stop, after its writer's places (`…贡献。张三`,
    `…贡献。某县某镇张三`); a glued name holds no level character (`…贡献。全县各`, a text cut short, names
    no one) and opens with no ordinary word (`…工作。尤其是`, an excerpt cut after its sentence's first word).
    Names closed by 摄 are a photographer's under a picture (`…讲话。 李四 摄`: `photo_credit`)."""
    if m := _TRAILING_NAMES.search(last_body or ""):
        if any(p.search(m.group("v")) for p in _rules("photo_credit")):
            return [], bare_names(m.group("v"))
        return bare_names(m.group("v")), []
    m = _GLUED_NAME.search(last_body or "")
    if m and _is_name(v := m.group("v")) and not any(c in LEVEL_CHARS for c in v) and v[:2] not in not_names():
        return [v], []
    return [], []


@lru_cache(maxsize=1)
def _spaced_role() -> re.Pattern[str]:
    """A role word of byline_words.txt written with a space between each of its characters, as pages set a
    short label to the width of a longer one (`通 讯 员 张三` under `融媒体记者 李四`)."""
    words = sorted((w for w in byline_words() if len(w) >= 2 and HAN_RUN.fullmatch(w)), key=len, reverse=True)
    return re.compile("|".join("[ \u3000]+".join(map(re.escape, w)) for w in words))


def _unspaced(line: str) -> str:
    """`line` with its spaced role words closed up (`通 讯 员 张三` → `通讯员 张三`)."""
    if " " not in line and "\u3000" not in line:
        return line
    return _spaced_role().sub(lambda m: re.sub("[ \u3000]", "", m.group()), line)


def _credit_head(line: str) -> str:
    """A last line that opens with a credit's label, up to its first full stop: a template glues the page's next
    widget to the author field (`作者:张三评论内容只代表网友观点,与本站立场无关!`), whose full stop makes no story of it."""
    if any(p.match(line) for p in _rules("credit_label")):
        return _FULL_STOP.split(line, 1)[0]
    return line


def read_metadata(header: list[str], first_body: str | None, last_body: str | None,
                  footer: list[str], title: str | None, inner: list[str] | None = None) -> Metadata:
    """Metadata from the lines around the story (all in simplified characters).

    `header` holds the page's lines before the story and the story's leading lines without a full
    stop; `first_body` is the first paragraph, `last_body` the last, `footer` the lines after it;
    `inner` the story's lines between the first paragraph and the last (read for bylines only)."""
    header, footer, inner = [_unspaced(x) for x in header], [_unspaced(x) for x in footer], [
        _unspaced(x) for x in inner or []]
    first_body, last_body = first_body and _unspaced(first_body), last_body and _unspaced(last_body)
    meta = Metadata(title=title)
    meta.published = published_date(header, footer, first_body)
    meta.dateline = dateline(first_body, meta.published)
    for line in header + footer:
        for p in _rules("source"):
            if (m := p.search(line)) and meta.source is None:
                v = m.group("v")
                if not any(v.startswith(k) for k in ("作者", "日期", "时间", "编辑", "发布")):
                    meta.source = v
        for p in _rules("host"):
            if (m := p.search(line)) and meta.host is None:
                meta.host = m.group("v")
        for p in _rules("owner"):
            if (m := p.search(line)) and meta.owner is None:
                meta.owner = m.group("v")
    reporters, editors = _credit_names(header + footer)
    opening = [line[:120] for line in header + ([first_body] if first_body else [])]
    after = [line for line in inner if line != first_body][:1]  # `inner` holds the first paragraph too
    if first_body and after and _PHOTO_CAPTION.search(first_body):
        # `某地召开会议。这是会议现场。 记者 张三 摄` / `某某网讯(记者李四)今天…`: under a photo's caption the
        # story opens with the next paragraph, and its byline with it
        opening.append(after[0][:120])
    for line in opening:
        for p in _rules("byline"):
            for m in p.finditer(line):
                reporters += names_in(m.group("v"))
        for p in _rules("byline_paren"):
            for m in p.finditer(line):
                reporters += _credited(m.group("v"), strict=True)
        for p in _rules("byline_open"):
            if m := p.search(line):
                reporters += [n for n in names_in(m.group("v")) if _is_name(n)]
    reporters += _header_bylines(header, title)
    if footer and not footer[0].startswith(tuple(_OPEN)):
        reporters += bare_names(footer[0])  # a bare name closing the article (…向好。/ 张三)
        for p in _rules("closing_body"):  # …向好。/ 某县某局 张三
            if m := p.search(footer[0]):
                reporters += [n for n in names_in(m.group("v")) if _is_name(n)]
    story = "\n".join([first_body or "", *inner, last_body or ""])
    for line in _closing_lines(last_body, footer):
        for p in _rules("editor"):
            tail = line[-40:]
            if "(" in tail or "（" in tail:
                for m in p.finditer(tail[max(tail.rfind("("), tail.rfind("（")):]):
                    editors += names_in(m.group("v"))
        for p in _rules("closing"):
            if m := p.search(line):
                v = m.group("v")
                if not any(q.search(v) for q in _rules("not_closing")):
                    # `(某建 张三)`: a writer's place opens the parenthesis, its level dropped (某建乡 in the story)
                    reporters += [n for n in _credited(v) if not any(n + c in story for c in LEVEL_CHARS)]
                else:  # (撰稿:张三,初审:李四): the writer's label still names the writer
                    reporters += _credit_names([v])[0]
    trailing, photographers = _trailing_names(last_body)
    reporters += trailing + _inner_bylines(inner or [])
    editors += photographers
    # a credit line of its own inside the story's span (记者 张三 / 责任编辑：李四)
    # and the last paragraph when it is such a line (…基础。/ 撰稿、摄像:张三)
    inner_reporters, inner_editors = _credit_names(
        [line for line in [*(inner or []), *([_credit_head(last_body)] if last_body else [])]
         if len(line) <= INNER_CREDIT_MAX and not _FULL_STOP.search(line)])
    reporters += inner_reporters
    editors += inner_editors
    meta.reporters = list(dict.fromkeys(reporters))
    meta.editors = [e for e in dict.fromkeys(editors) if e not in meta.reporters]
    return meta
