"""Evidence for a fact: the clean span, the original span it came from, the sentence, and the rule."""

from __future__ import annotations

from graph_loader.extract.record import Evidence
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.ingest.document import Document


class EvidenceMaker:
    """Builds `Evidence` for spans of one document (sentence lookup shared across facts)."""

    def __init__(self, doc: Document, index: SentenceIndex | None = None):
        self.doc = doc
        self.index = index or SentenceIndex(doc.clean)

    def __call__(self, start: int, end: int, rule: str) -> Evidence:
        n = len(self.doc.clean)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        try:
            o_start, o_end = self.doc.original_span(start, end)
        except (ValueError, IndexError):  # an offset map shorter than the text: keep the clean span
            o_start, o_end = start, end
        return Evidence(start=start, end=end, orig_start=o_start, orig_end=o_end,
                        text=self.index.sentence_text(start), rule=rule)
