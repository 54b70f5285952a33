"""`Pattern.finditer` that tries a pattern only where it can start.

Python's `re` skips ahead quickly only when a pattern opens with a literal or a character
class; a pattern opening with a lookbehind or an alternation of groups is tried at every
character. Jumping between the possible first characters (a class, found in C) gives the
same matches at a fraction of the cost on patterns that rarely match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from graph_loader.lang.lexicon import alternation


def first_chars(words: Iterable[str]) -> re.Pattern[str]:
    """A class of the first characters of `words` (for the alternatives of a pattern)."""
    return re.compile("[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "]")


def finditer_from(pattern: re.Pattern[str], first: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, provided every match of `pattern` starts with a
    character that `first` matches (and `pattern` matches no empty string)."""
    pos, n = 0, len(text)
    search, match = first.search, pattern.match
    while pos < n:
        c = search(text, pos)
        if c is None:
            return
        start = c.start()
        m = match(text, start)
        if m is None:
            pos = start + 1
            continue
        yield m
        pos = m.end() if m.end() > start else start + 1


def finditer_at(pattern: re.Pattern[str], starts: Iterable[int], text: str) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, provided every match of `pattern` starts at one of `starts`
    (ascending; a superset will do) and `pattern` matches no empty string: a pattern that opens with a
    lookbehind or a class of any character (`(?<!HAN)HAN{2,3}?书记`, HAN the Han class) is tried only where the word it
    needs lies ahead."""
    pos = 0
    match = pattern.match
    for start in starts:
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            pos = m.end()


class WordIndex:
    """The leftmost-longest occurrences of a list of words: what
    `re.compile(alternation(words))` finds, as (start, end, word). The alternation tries its words one
    after another wherever one may start; this jumps (in C) to a pair of characters that opens a word
    and tries only the words opening with that pair, longest first."""

    def __init__(self, words: Iterable[str]):
        words = [w for w in words if w]
        by: dict[str, list[str]] = {}
        for w in words:
            by.setdefault(w[:2], []).append(w)
        self.index = {k: tuple(sorted(ws, key=len, reverse=True)) for k, ws in by.items()}
        self._pattern: re.Pattern[str] | None = None
        if not words or any(len(w) < 2 for w in words):  # a word of one character opens no pair: the
            self._pattern = re.compile(alternation(words) or "(?!)")  # alternation itself is run
            return
        self._maybe = re.compile("[" + "".join(sorted({re.escape(k[0]) for k in self.index})) + "](?=["
                                 + "".join(sorted({re.escape(k[1]) for k in self.index})) + "])")

    def search(self, text: str, pos: int = 0) -> tuple[int, int, str] | None:
        if self._pattern is not None:
            m = self._pattern.search(text, pos)
            return (m.start(), m.end(), m.group()) if m else None
        get = self.index.get
        for c in self._maybe.finditer(text, pos):  # the places a pair opens, in one C scan
            i = c.start()
            for w in get(text[i:i + 2], ()):
                if text.startswith(w, i):
                    return i, i + len(w), w
        return None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self._pattern is not None:
            pos = 0
            while (m := self.search(text, pos)) is not None:
                yield m
                pos = m[1]
            return
        get, pos = self.index.get, 0
        for c in self._maybe.finditer(text):  # every place a pair opens, in one C scan; those inside a match skipped
            i = c.start()
            if i < pos:
                continue
            for w in get(text[i:i + 2], ()):
                if text.startswith(w, i):
                    yield i, i + len(w), w
                    pos = i + len(w)
                    break


def runs_holding(chars: str, marks: str, text: str) -> Iterator[tuple[int, int]]:
    """The maximal runs of `[chars]` (a class body) that hold every character of `marks` (each in the
    class), as (start, end) in text order: what `[chars]+`'s `finditer` yields, kept when the run holds the
    marks, found from where the first mark stands instead of from every run. A pattern that needs a
    list (`甲、乙等`) of such characters is run over these runs only (its matches lie inside one run)."""
    outside, start_of = _run_bounds(chars)
    first, rest = marks[0], marks[1:]
    i = text.find(first)
    while i >= 0:
        m = outside.search(text, i)
        end = m.start() if m else len(text)
        lo = max(0, i - 256)  # the run's start: just after the last character outside it before i
        b = start_of.search(text, lo, i)
        while b is None and lo > 0:
            lo = max(0, lo - 4096)
            b = start_of.search(text, lo, i)
        start = b.end() if b else 0
        if all(c in text[start:end] for c in rest):
            yield start, end
        i = text.find(first, end)


@cache
def _run_bounds(chars: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A character outside `[chars]`, and the last such character before the end of the searched span."""
    return re.compile(f"[^{chars}]"), re.compile(f"[^{chars}](?=[{chars}]*+\\Z)")


def lookbehind_any(words: Iterable[str]) -> str:
    """`(?<=w1)|(?<=w2)|…` for `words`, as one lookbehind per length (`(?<=[甲乙])|(?<=甲了|乙了)`): the same
    assertion (an alternation of zero-width tests at one place matches or fails as a whole, whichever succeeds
    first), tested as a few lookbehinds instead of one per word (each a call into the engine)."""
    by: dict[int, set[str]] = {}
    for w in words:
        if w:
            by.setdefault(len(w), set()).add(w)
    parts = []
    for n in sorted(by):
        ws = by[n]
        body = ("[" + "".join(re.escape(w) for w in sorted(ws)) + "]") if n == 1 else alternation(ws)
        parts.append("(?<=" + body + ")")
    return "|".join(parts) or "(?!)"
