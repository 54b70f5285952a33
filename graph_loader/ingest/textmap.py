"""Text with an offset map back to the original string, edited without losing the map.

Every cleaning step (HTML extraction, gloss removal, script conversion, line
filtering) is a list of span edits; applying them keeps, for each character,
the span of the original it came from. Work is done with slices of `array`s so
the per-character cost stays in C.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace text[start:end] by the string

_COUNT = array("l")


def _counting(n: int) -> array:
    """0, 1, 2, ... of at least n items, grown by doubling; slicing it is a memcpy."""
    global _COUNT
    if len(_COUNT) < n:
        _COUNT = array("l", range(max(n, 2 * len(_COUNT), 1 << 16)))
    return _COUNT


@dataclass
class MappedText:
    """`text[i]` came from `original[starts[i]:ends[i]]`."""

    text: str
    starts: array
    ends: array
    original_length: int

    @classmethod
    def identity(cls, text: str) -> MappedText:
        n = len(text)
        return cls(text, _counting(n)[:n], _counting(n + 1)[1:n + 1], n)

    def _position(self, i: int) -> int:
        """Original position of the gap before text[i] (end of original past the end)."""
        if i < len(self.text):
            return self.starts[i]
        return self.ends[-1] if self.text else self.original_length

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """Replace spans; edits sorted and non-overlapping.

        A replacement of the same length maps char by char (script conversion);
        any other maps each new char to the whole replaced span; an insertion
        maps to an empty span where it was inserted.
        """
        text, st, en = self.text, self.starts, self.ends
        pieces: list[str] = []
        starts = array("l")
        ends = array("l")
        pos = 0
        for a, b, rep in edits:
            if a < pos or b < a:
                raise ValueError(f"edits overlap or are unsorted at {a}:{b}")
            pieces.append(text[pos:a])
            starts.extend(st[pos:a])
            ends.extend(en[pos:a])
            if rep:
                pieces.append(rep)
                if len(rep) == b - a:
                    starts.extend(st[a:b])
                    ends.extend(en[a:b])
                else:
                    if b > a:
                        s, e = st[a], max(st[a], en[b - 1])
                    else:
                        s = e = self._position(a)
                    starts.extend([s] * len(rep))
                    ends.extend([e] * len(rep))
            pos = b
        pieces.append(text[pos:])
        starts.extend(st[pos:])
        ends.extend(en[pos:])
        return MappedText("".join(pieces), starts, ends, self.original_length)

    def replace_text(self, new_text: str) -> MappedText:
        """Same length, char-for-char replacement (e.g. script conversion)."""
        if len(new_text) != len(self.text):
            raise ValueError("replace_text needs a text of the same length")
        return MappedText(new_text, self.starts, self.ends, self.original_length)

    def join_spans(self, spans: list[tuple[int, int]], sep: str = "\n") -> MappedText:
        """Keep only the given spans, joined by `sep` (an inserted char with an empty span)."""
        pieces: list[str] = []
        starts = array("l")
        ends = array("l")
        for k, (a, b) in enumerate(spans):
            if k and sep:
                p = self._position(a)
                pieces.append(sep)
                starts.extend([p] * len(sep))
                ends.extend([p] * len(sep))
            pieces.append(self.text[a:b])
            starts.extend(self.starts[a:b])
            ends.extend(self.ends[a:b])
        return MappedText("".join(pieces), starts, ends, self.original_length)
