"""Evidence for a fact: the clean span, the original span it came from, the sentence, and the rule."""

from __future__ import annotations

from graph_loader.extract.record import Evidence
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.ingest.document import Document

# `Evidence(**fields)` validated without the keyword call and `BaseModel.__init__`'s checks (a third of its
# cost; an article makes dozens): the same validation, the same model
_evidence = Evidence.__pydantic_validator__.validate_python


class EvidenceMaker:
    """Builds `Evidence` for spans of one document (sentence lookup shared across facts).

    An article makes a few dozen of these, so the offset map is read inline and each
    sentence's text is cut once (this was the extractor's single hottest function).
    """

    def __init__(self, doc: Document, index: SentenceIndex | None = None):
        self.doc = doc
        self.index = index or SentenceIndex(doc.clean)
        self._n = len(doc.clean)
        self._sentence_text: dict[int, str] = {}

    def __call__(self, start: int, end: int, rule: str) -> Evidence:
        n = self._n
        start = 0 if start < 0 else (n if start > n else start)
        end = 0 if end < 0 else (n if end > n else end)
        try:
            o_start, o_end = self._original_span(start, end)
        except IndexError:  # an offset map shorter than the text: keep the clean span
            o_start, o_end = start, end
        return _evidence({"start": start, "end": end, "orig_start": o_start, "orig_end": o_end,
                          "text": self._sentence(start), "rule": rule})

    def _original_span(self, start: int, end: int) -> tuple[int, int]:
        """`Document.original_span`, without its checks (the span is clamped already)."""
        if start > end:
            return start, end
        starts = self.doc.starts
        if start == end:
            return (starts[start], starts[start]) if start < self._n else (len(self.doc.original),) * 2
        o = starts[start]
        e = self.doc.ends[end - 1]
        return o, (e if e > o else o)

    def _sentence(self, pos: int) -> str:
        index = self.index
        if not index.sentences:
            return index.text.strip()
        i = index.index_at(pos)
        text = self._sentence_text.get(i)
        if text is None:
            s = index.sentences[i]
            text = self._sentence_text[i] = index.text[s.start:s.end].strip()
        return text
