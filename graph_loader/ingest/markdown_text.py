"""Markdown markup removed from .md articles (headings, quotes, emphasis, links), offsets kept.

Only the markup is deleted; link texts stay, images and code fences go.
"""

from __future__ import annotations

import re

from graph_loader.ingest.textmap import Edit

_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}\.[ \t]+)", re.M)
_FENCE_OR_RULE = re.compile(r"^[ \t]*(?:```.*|~~~.*|[-*_]{3,}[ \t]*)$", re.M)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def image_edits(text: str) -> list[Edit]:
    """Deletions of the Markdown images a page's conversion left in a plain text (`![](http://…/1.jpg)`): an
    image says nothing, and a line of one is no line of the story."""
    return [(m.start(), m.end(), "") for m in _IMAGE.finditer(text)] if "![" in text else []


def markdown_edits(text: str) -> list[Edit]:
    """Deletions of the markup in a Markdown text."""
    spans: list[tuple[int, int]] = []
    spans += [(m.start(), m.end()) for m in _FENCE_OR_RULE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LINE_MARK.finditer(text) if m.end() > m.start()]
    spans += [(m.start(), m.end()) for m in _IMAGE.finditer(text)]
    for m in _LINK.finditer(text):
        spans += [(m.start(), m.start(1)), (m.end(1), m.end())]
    spans += [(m.start(), m.end()) for m in _EMPHASIS.finditer(text)]
    spans.sort()
    edits: list[Edit] = []
    end = -1
    for a, b in spans:
        if a >= end:
            edits.append((a, b, ""))
            end = b
    return edits
