"""How much of one article later stages get: a cap that bounds the time per file.

Extraction cost grows faster than linearly with the number of mentions in an
article (meeting segmentation compares events pairwise), so a pathological file
(a 4 MiB single line, a page repeating names thousands of times) could hold a
whole build for hours. Real reports are a few thousand characters; anything past
`MAX_CLEAN_CHARS` is cut at the last line (or sentence) break before the limit,
with a `too_long` warning, instead of being allowed to hang the run.
"""

from __future__ import annotations

from graph_loader.ingest.textmap import MappedText

MAX_CLEAN_CHARS = 40_000
"""Clean characters handed to extraction; about ten times the longest report seen."""

_BREAKS = "\n。！？!?；;"


def cap_length(mt: MappedText, limit: int = MAX_CLEAN_CHARS) -> tuple[MappedText, bool]:
    """`mt` cut to at most `limit` characters at a line or sentence break; True when it was cut."""
    if len(mt.text) <= limit:
        return mt, False
    head = mt.text[:limit]
    cut = max(head.rfind(c) for c in _BREAKS)
    end = cut + 1 if cut > limit // 2 else limit
    while end > 1 and mt.text[end - 1] == "\n":
        end -= 1
    return MappedText(mt.text[:end], mt.starts[:end], mt.ends[:end], mt.original_length), True
