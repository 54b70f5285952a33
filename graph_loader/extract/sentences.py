"""Sentence and clause boundaries of clean text, with offsets, for evidence and for rule scopes."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from graph_loader.lang.chars import SENTENCE_MARKS, clause_marks

_SENTENCE_END = re.compile("[" + SENTENCE_MARKS + "][" + SENTENCE_MARKS + "]*")  # `[..]+`, a class first: jumped to in C
PUNCT = re.compile(r"[，,。！？!?；;：:、\n\s（）()“”\"‘’《》【】\[\]—…·]")


class Sentence(NamedTuple):  # made for every sentence of every article: a third of a frozen dataclass's cost
    start: int
    end: int  # exclusive, includes the closing punctuation
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences at 。！？； and line breaks; a line break also starts a new paragraph."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if text[pos:m.start()].strip():
            out.append(Sentence(pos, end, para))
        if "\n" in m.group():
            para += 1
        pos = end
    if text[pos:].strip():
        out.append(Sentence(pos, len(text), para))
    return out


class SentenceIndex:
    """Finds the sentence around an offset (bisect over sentence starts)."""

    def __init__(self, text: str):
        self.text = text
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]

    def index_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def at(self, pos: int) -> Sentence:
        if not self.sentences:
            return Sentence(0, len(self.text), 0)
        return self.sentences[self.index_at(pos)]

    def sentence_text(self, pos: int) -> str:
        s = self.at(pos)
        return self.text[s.start:s.end].strip()

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        """The clause (between ，；：。 marks) that contains `pos`."""
        s = self.at(pos)
        before = clause_marks(self.text, s.start, pos)
        after = clause_marks(self.text, pos, s.end)
        return (before[-1] + 1 if before else s.start), (after[0] if after else s.end)
