"""The article as the user saved it, with fact spans highlighted, as escaped HTML.

Every character of the article passes through html.escape, so markup inside an
article (`<script>`, `<img onerror>`) shows as text; only the <mark> tags built
here are markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int  # offsets in Document.original
    end: int
    label: str  # shown on hover: the fact kind and rule


def highlight_html(original: str, spans: list[Span]) -> str:
    """`original` escaped, with every valid span wrapped in <mark title=...>; overlaps merge."""
    n = len(original)
    good = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in good), *(s.end for s in good)})
    out = ['<div class="skg-article" style="white-space: pre-wrap; line-height: 1.8;">']
    for a, b in zip(cuts, cuts[1:], strict=False):
        text = html.escape(original[a:b])
        covering = [s.label for s in good if s.start <= a and b <= s.end]
        if covering:
            title = html.escape("; ".join(dict.fromkeys(covering)), quote=True)
            out.append(f'<mark style="background:#ffe58f" title="{title}">{text}</mark>')
        else:
            out.append(text)
    out.append("</div>")
    return "".join(out)
