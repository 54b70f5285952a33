"""Undo hard wrapping: a paragraph broken into fixed-width lines becomes one line again.

Plain-text articles saved from mail or terminals are often wrapped at a fixed
column, which cuts names and titles in two (`赵男\\n男`) and changes what the
extractor reads. A text counts as hard-wrapped when several lines share one
display width (CJK counts two columns) and do not end a sentence; each such
full-width line is then joined to the next. Ordinary articles (one paragraph a
line) have no common width and are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from graph_loader.ingest.rules import ends_in_date, link_patterns
from graph_loader.ingest.textmap import Edit
from graph_loader.lang.chars import HAN
from graph_loader.lang.words import common_words

MIN_WIDTH = 16
"""Columns below which lines are too short to be a wrap width (titles, bylines)."""
MIN_WRAPPED_LINES = 3
TOLERANCE = 4
"""Columns a wrapped line may fall short of the width (a wide char or a word that did not fit)."""
_ENDS = "。！？!?；;：:”’」』）)】"


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def wrap_width(lines: list[str], measure: Callable[[str], int] = display_width) -> int | None:
    """The common width of the lines that do not end a sentence, when the text is hard-wrapped."""
    found = _wrap_width(lines, measure)
    return found[0] if found else None


def _wrap_width(lines: list[str], measure: Callable[[str], int]) -> tuple[int, int] | None:
    """(width, how well lines agree on it) when the text is hard-wrapped by `measure`."""
    lines = [x.strip() for x in lines]
    # a wrapped line runs on into the next one: a line before a blank (a title, a breadcrumb) is no candidate, nor is
    # a link to another article with its date (a page's list of them has lines of one width too)
    widths = [measure(x) for x, nxt in zip(lines, lines[1:] + [""], strict=True)
              if x and nxt and not x.endswith(tuple(_ENDS)) and not _is_link(x)]
    widths = [w for w in widths if w >= MIN_WIDTH]
    if len(widths) < MIN_WRAPPED_LINES:
        return None
    counts = Counter(widths)
    best = max(counts, key=lambda w: (sum(counts[v] for v in range(w - TOLERANCE, w + 1)), w))
    near = sum(counts[v] for v in range(best - TOLERANCE, best + 1))
    long_lines = sum(1 for x in lines if measure(x) >= MIN_WIDTH)
    # each wrapped paragraph ends in one sentence-final line; one-paragraph-a-line articles have
    # many of those and only a few stray lines (headline, date line) of similar width
    para_ends = sum(1 for x in lines if measure(x) >= MIN_WIDTH and x.endswith(tuple(_ENDS)))
    if near < MIN_WRAPPED_LINES or near < 0.4 * long_lines or near < para_ends:
        return None
    # a wrap leaves no line past its width: lines of one width above paragraphs far wider (three short
    # headline lines over one-line paragraphs) are lines of their own
    if sum(1 for x in lines if measure(x) > best + TOLERANCE) >= near:
        return None
    return best, near * 1000 + counts[best]  # ties go to the measure more lines match exactly


def unwrap_edits(text: str) -> list[Edit]:
    """Edits removing the line breaks of hard wrapping (a space between two ASCII words)."""
    lines = text.split("\n")
    if len(lines) < MIN_WRAPPED_LINES + 1:
        return []
    # wrapped by columns (an editor) or by characters (a script): the measure more lines agree on
    found = [(f, m) for m in (display_width, len) if (f := _wrap_width(lines, m))]
    if not found:
        return []
    (width, _), measure = max(found, key=lambda x: x[0][1])
    edits: list[Edit] = []
    pos = 0
    for cur, nxt in zip(lines, lines[1:], strict=False):
        end = pos + len(cur)
        line = cur.strip()
        full = width - TOLERANCE <= measure(line) <= width + TOLERANCE
        if full and nxt.strip() and not _is_link(line):
            edits.append((end, end + 1, " " if _latin_words(line, nxt.strip()) else ""))
        pos = end + 1
    return edits


def _is_link(line: str) -> bool:
    """A link to another article with its date after it (boilerplate.tsv link, link_run: `• 某县召开… 2023-06-12`)."""
    if not ends_in_date(line):
        return False
    marked, dated = link_patterns()
    return any(p.search(line) for p in marked + dated)


def _latin_words(line: str, nxt: str) -> bool:
    """A break between two words of a Latin-script line is a space; inside CJK text it is nothing."""
    tail = line[-12:]
    return (tail[-1:].isalpha() and nxt[:1].isalpha() and all(c.isascii() for c in tail)
            and nxt[:1].isascii())


# a space or a line break (spaces around it) after a Han character and before one, where a page may have cut a word
# (the class first: re jumps to it in C; the right character is only looked at, so gaps in a row are all found)
_GAP = re.compile(f"[{HAN}]([ \n]+)(?=[{HAN}])")


def broken_word_edits(text: str) -> list[Edit]:
    """Edits removing a stray space or line break that cuts a word in two.

    Pages break lines inside sentences (`<br>` in a paragraph: `安全生\\n产`, `会议由副县长主\\n持`) and leave
    spaces inside words (`安 全生产`, `县委副书 记`); a gap between the two halves of an ordinary word
    (`lang/words.py`: 安全生|产, 总|书记, 主|持) is no paragraph's end and no separator, and goes. A gap where the
    text before ends in a whole word and the text after opens with one may be a real end or a separator
    (`会议现场` over `会议强调…`: 现场会 spans it; `办好艺术节 庆祝…`: 节庆), a gap after a character standing between
    spaces or before one ending its line is a letter-spaced heading or a menu (`安 全 生 产`, `大 中 小`; a line's
    first character is no such piece: `会 后，…` is a cut word), and a blank line ends a paragraph: all stay. So
    do names: a byline's or a list's spaces (`记者 张三 李四`) cut no ordinary word.
    """
    edits: list[Edit] = []
    words = None
    n = len(text)
    for m in _GAP.finditer(text):
        a, b = m.span(1)
        if (a >= 2 and text[a - 2] == " ") or b + 1 >= n or text[b + 1] in "\n " or text.count("\n", a, b) > 1:
            continue
        if words is None:
            words = common_words()
        left, right = text[a - 3 if a >= 3 else 0:a], text[b:b + 3]
        if (left[-2:] in words or left[-3:] in words) and (right[:2] in words or right[:3] in words):
            continue
        if any(left[-i:] + right[:j] in words for i in (1, 2, 3) for j in (1, 2, 3) if i + j <= 4):
            edits.append((a, b, ""))
    return edits
