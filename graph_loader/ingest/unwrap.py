"""Undo hard wrapping: a paragraph broken into fixed-width lines becomes one line again.

Plain-text articles saved from mail or terminals are often wrapped at a fixed
column, which cuts names and titles in two (`赵男\\n男`) and changes what the
extractor reads. A text counts as hard-wrapped when several lines share one
display width (CJK counts two columns) and do not end a sentence; each such
full-width line is then joined to the next. Ordinary articles (one paragraph a
line) have no common width and are left alone.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable

from graph_loader.ingest.textmap import Edit

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
    # a wrapped line runs on into the next one: a line before a blank (a title, a breadcrumb) is no candidate
    widths = [measure(x) for x, nxt in zip(lines, lines[1:] + [""], strict=True)
              if x and nxt and not x.endswith(tuple(_ENDS))]
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
        if full and nxt.strip():
            edits.append((end, end + 1, " " if _latin_words(line, nxt.strip()) else ""))
        pos = end + 1
    return edits


def _latin_words(line: str, nxt: str) -> bool:
    """A break between two words of a Latin-script line is a space; inside CJK text it is nothing."""
    tail = line[-12:]
    return (tail[-1:].isalpha() and nxt[:1].isalpha() and all(c.isascii() for c in tail)
            and nxt[:1].isascii())
