"""HTML to text lines whose every character maps back into the raw HTML string.

Python's tokenizer (`html.parser`, entities left unconverted) reports where each
piece of text starts, so text characters map 1:1 to the source and an entity
(`&amp;`) maps to its whole span. Scripts, styles, navigation, headers, footers
and elements whose class/id says menu/footer/share are skipped; when a content
container (`<article>`, `class="content"`, ...) holds most of the text, only it is
kept (plus the `<h1>` title line).
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from graph_loader.ingest.textmap import MappedText
from graph_loader.lang.chars import han_count

_RULES = Path(__file__).with_name("html_rules.tsv")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.I)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str] | frozenset[str]]:
    rows: dict[str, list[str]] = {}
    for raw in _RULES.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            key, value = raw.split("\t")[:2]
            rows.setdefault(key, []).append(value)
    return {
        "skip_tags": frozenset(rows["skip_tags"][0].split()),
        "block_tags": frozenset(rows["block_tags"][0].split()),
        "void_tags": frozenset(rows["void_tags"][0].split()),
        "skip_attr": re.compile(rows["skip_attr"][0], re.I),
        "content_attr": re.compile(rows["content_attr"][0], re.I),
        "content_tags": frozenset(rows["content_tags"][0].split()),
    }


def entity_edits(text: str) -> list[tuple[int, int, str]]:
    """A plain text's leftover character references read as the characters they stand for (`&nbsp;` a space,
    `&amp;` `&`, `&#12288;` an ideographic space): a page copied out of its markup keeps them. A name that is no
    reference (`&abc;`) stays as written."""
    if "&" not in text:
        return []
    edits = []
    for m in _ENTITY.finditer(text):
        got = html.unescape(m.group())
        if got != m.group():
            edits.append((m.start(), m.end(), got.translate(_NEWLINES_TO_SPACE)))
    return edits


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


@dataclass
class HtmlText:
    text: MappedText
    title: str | None
    before: list[str]  # page lines before the content container (date line, source), for metadata
    after: list[str]  # page lines after it (editor, source)


@dataclass
class _Element:
    tag: str
    skip: bool
    content_id: int | None  # index of the content container this element opens, if any


class _Walker(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[_Element] = []
        self.pieces: list[str] = []
        self.starts = array("l")
        self.ends = array("l")
        self.containers: list[list[int]] = []  # per content container: [start, end) in text
        self.h1: list[tuple[int, int]] = []
        self._h1_start: int | None = None
        self.title_parts: list[str] = []
        self.in_title = False
        self.length = 0
        self.meta: dict[str, str] = {}

    # positions
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _skipping(self) -> bool:
        # a headline is kept even inside a skipped <header>: it is the article's title
        for e in reversed(self.stack):
            if e.tag in ("script", "style", "head", "template", "noscript", "svg"):
                return True
            if e.tag == "h1":
                return False
            if e.skip:
                return True
        return False

    def _emit(self, text: str, start: int, per_char: bool, end: int | None = None) -> None:
        if not text:
            return
        self.pieces.append(text)
        if per_char:
            self.starts.extend(range(start, start + len(text)))
            self.ends.extend(range(start + 1, start + len(text) + 1))
        else:
            self.starts.extend([start] * len(text))
            self.ends.extend([end if end is not None else start] * len(text))
        self.length += len(text)

    def _break(self) -> None:
        if self.pieces and not self.pieces[-1].endswith("\n"):
            self._emit("\n", self._offset(), per_char=False)

    # events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        r = _rules()
        if tag == "meta":
            d = {k: (v or "") for k, v in attrs}
            name = (d.get("name") or d.get("property") or "").lower()
            if name and d.get("content"):
                self.meta[name] = d["content"]
            return
        if tag in r["block_tags"] or tag == "br":
            self._break()
        if tag in r["void_tags"]:
            return
        if tag == "p" and self.stack and self.stack[-1].tag == "p":
            self.stack.pop()
        attr_text = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = tag in r["skip_tags"] or bool(attr_text and r["skip_attr"].search(attr_text))
        content = None
        if not skip and (tag in r["content_tags"] or (attr_text and r["content_attr"].search(attr_text))):
            content = len(self.containers)
            self.containers.append([self.length, -1])
        self.stack.append(_Element(tag, skip, content))
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self._skipping() and self._h1_start is None:
            self._h1_start = self.length

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _rules()["void_tags"] and tag != "meta":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                for e in self.stack[k:]:
                    if e.content_id is not None:
                        self.containers[e.content_id][1] = self.length
                del self.stack[k:]
                break
        if tag == "h1" and self._h1_start is not None:
            self.h1.append((self._h1_start, self.length))
            self._h1_start = None
        if tag in _rules()["block_tags"]:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._skipping() or (self.stack and self.stack[-1].tag in ("script", "style")):
            return
        start = self._offset()
        # a line break inside a paragraph is just a space in HTML, and nothing between two
        # CJK characters (CSS Text segment-break rule, extended to the punctuation next to them):
        # hard-wrapped source must not split names
        pos = 0
        for m in _SEGMENT_BREAK.finditer(data):
            a, b = m.span()
            if a > 0 and b < len(data) and _joins(data[a - 1], data[b]):
                self._emit(data[pos:a].translate(_NEWLINES_TO_SPACE), start + pos, per_char=True)
                pos = b
        self._emit(data[pos:].translate(_NEWLINES_TO_SPACE), start + pos, per_char=True)

    def _entity(self, raw_name: str) -> None:
        if self._skipping():
            return
        start = self._offset()
        m = _ENTITY.match(self.source, start)
        end = m.end() if m else start + len(raw_name) + 1
        text = html.unescape(self.source[start:end])
        if self.in_title:
            self.title_parts.append(text)
            return
        self._emit(text.translate(_NEWLINES_TO_SPACE), start, per_char=False, end=end)

    def handle_entityref(self, name: str) -> None:
        self._entity(name)

    def handle_charref(self, name: str) -> None:
        self._entity("#" + name)


# <meta name=... content=...> whose content is the publication date; read as "pubdate 2024-02-26"
_META_DATE_NAMES = {"pubdate", "publishdate", "publish_date", "article:published_time", "og:release_date",
                    "dc.date", "dc.date.issued", "firstpublishedtime"}

_NEWLINES_TO_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_SEGMENT_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def _joins(left: str, right: str) -> bool:
    """A line break between these two is nothing: CJK on one side, no Latin word on the other."""
    wide = [unicodedata.east_asian_width(c) in "WF" for c in (left, right)]
    latin = [c.isascii() and c.isalnum() for c in (left, right)]
    return any(wide) and not any(latin)


def html_to_text(source: str) -> HtmlText:
    """Main text of an HTML page, one line per block, mapped into `source`."""
    w = _Walker(source)
    w.feed(source)
    w.close()
    for c in w.containers:
        if c[1] < 0:
            c[1] = w.length
    text = "".join(w.pieces)
    mt = MappedText(text, w.starts, w.ends, len(source))
    title = _title(w, text)
    cjk_total = han_count(text)
    chosen: tuple[int, int] | None = None
    before: list[str] = []
    after: list[str] = []
    if cjk_total:
        fits = [(b - a, a, b) for a, b in w.containers if han_count(text[a:b]) >= 0.6 * cjk_total]
        if fits:
            _, a, b = min(fits)
            chosen = (a, b)
    if chosen:
        spans = []
        a, b = chosen
        for h_a, h_b in w.h1:
            if h_b <= a and text[h_a:h_b].strip():
                spans.append((h_a, h_b))
                break
        spans.append((a, b))
        mt = mt.join_spans(spans, "\n")
        before = [line.strip() for line in text[:a].split("\n") if line.strip()]
        after = [line.strip() for line in text[b:].split("\n") if line.strip()]
    meta_lines = [f"{k} {v}" for k, v in w.meta.items() if k in _META_DATE_NAMES]
    return HtmlText(mt, title, meta_lines + before, after)


def _title(w: _Walker, text: str) -> str | None:
    for a, b in w.h1:
        t = " ".join(text[a:b].split())
        if t:
            return t
    t = " ".join(html.unescape("".join(w.title_parts)).split())
    if not t:
        return None
    parts = [p.strip() for p in re.split(r"\s*[_|｜—–-]{1,2}\s*", t) if p.strip()]
    return max(parts, key=len) if parts else None

