"""The contract between ingestion and every later stage."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass
class IngestWarning:
    """Something a reader of the article should know was odd (mojibake, cut-off, ...)."""

    code: str  # e.g. "mojibake", "truncated", "no_chinese", "encoding_guess"
    message: str
    span: tuple[int, int] | None = None  # span in the clean text, when it has one


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, from the article's own date line
    dateline: str | None = None  # YYYY-MM-DD or --MM-DD: the day of `本报某地2月23日讯`, what `今天` means
    source: str | None = None
    host: str | None = None  # the body that runs the site (`主办单位:某县人民政府办公室`)
    owner: str | None = None  # the body that holds the page's copyright (`版权所有:某市人民政府办公室`, `版权所有 ©某省日报`)
    menu: str | None = None  # the site's menu rows dropped from the page (`首页 走进某县 政务公开 办事服务`)
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One ingested article.

    `original` is the decoded text as the user saved it (raw HTML for .html files);
    `clean` is simplified, boilerplate-free text; `clean[i]` came from
    `original[starts[i]:ends[i]]` (an HTML entity or a removed gloss can make that
    longer than one character), so evidence found in `clean` can be shown in
    `original`. Inserted characters (a newline between HTML blocks) map to the
    position where they were inserted, with an empty span.
    """

    doc_id: str
    path: str
    sha256: str
    encoding: str
    original: str
    clean: str
    starts: array  # array('l'), len(clean)
    ends: array  # array('l'), len(clean)
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[IngestWarning] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Span of `original` that the clean span [start, end) came from."""
        if not 0 <= start <= end <= len(self.clean):
            raise ValueError(f"span {start}:{end} outside clean text of length {len(self.clean)}")
        if start == end:
            o = self.starts[start] if start < len(self.clean) else len(self.original)
            return o, o
        return self.starts[start], max(self.starts[start], self.ends[end - 1])


@dataclass
class Rejection:
    """A file that could not be ingested, with the reason a user can act on."""

    path: str
    reason: str
