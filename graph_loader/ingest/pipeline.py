"""Files → `Document`s: read, decode, extract text, repair, simplify, lay out.

Each file either becomes a Document or a Rejection with a reason a user can act
on; one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph_loader.ingest.decode import MAX_BYTES, DecodeError, decode
from graph_loader.ingest.document import Document, IngestWarning, Rejection
from graph_loader.ingest.glosses import gloss_edits
from graph_loader.ingest.html_text import html_to_text, looks_like_html
from graph_loader.ingest.layout import lay_out, normalise_space
from graph_loader.ingest.limits import MAX_CLEAN_CHARS, cap_length
from graph_loader.ingest.markdown_text import markdown_edits
from graph_loader.ingest.mojibake import find_mojibake, repair_edits
from graph_loader.ingest.script import to_simplified, to_simplified_str
from graph_loader.ingest.textmap import MappedText
from graph_loader.ingest.unwrap import unwrap_edits

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
HTML_SUFFIXES = (".html", ".htm")
_CJK = re.compile(r"[\u3400-\u9fff]")


def iter_input_files(paths: Iterable[str]) -> Iterator[Path | Rejection]:
    """Files named, and article files (.txt .html .htm .md) under folders, in sorted order.

    A path that does not exist, or a folder without articles, yields a Rejection.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*")):
                if f.suffix.lower() in ARTICLE_SUFFIXES and not any(
                        part.startswith(".") for part in f.relative_to(path).parts):
                    if f.is_dir():
                        continue
                    found = True
                    yield f
            if not found:
                yield Rejection(str(path), f"folder has no article files ({' '.join(ARTICLE_SUFFIXES)})")
        elif path.exists():
            yield path
        else:
            yield Rejection(str(path), "no such file or folder")


def ingest_paths(paths: Iterable[str]) -> Iterator[Document | Rejection]:
    for item in iter_input_files(paths):
        yield item if isinstance(item, Rejection) else ingest_file(item)


def read_bytes(path: Path, limit: int | None = None) -> tuple[bytes, bool]:
    """At most `limit` (default MAX_BYTES) bytes, cut at the last line break; True when the file was longer."""
    limit = MAX_BYTES if limit is None else limit
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) <= limit:
        return data, False
    data = data[:limit]
    cut = data.rfind(b"\n")
    if cut > limit // 2:
        data = data[: cut + 1]
    return data, True


def ingest_file(path: Path) -> Document | Rejection:
    """One file to a Document, or a Rejection naming why it cannot be read."""
    path = Path(path)
    try:
        data, truncated = read_bytes(path)
    except IsADirectoryError:
        return Rejection(str(path), "is a folder, not a file")
    except OSError as e:
        return Rejection(str(path), f"cannot read: {e.strerror or e}")
    return ingest_bytes(data, path, truncated=truncated)


def ingest_bytes(data: bytes, path: Path | str, *, truncated: bool = False) -> Document | Rejection:
    """The cleaning pipeline on the bytes of one file (an upload, say); `path` names it.

    The suffix of `path` decides HTML (.html/.htm, or markup sniffed) and Markdown (.md).
    """
    path = Path(path)
    if not data.strip():
        return Rejection(str(path), "empty file")
    sha = hashlib.sha256(data).hexdigest()
    try:
        decoded = decode(data)
    except DecodeError as e:
        return Rejection(str(path), str(e))
    warnings = [IngestWarning(code, msg) for code, msg in decoded.warnings]
    if truncated:
        warnings.append(IngestWarning(
            "truncated", f"file is larger than the {MAX_BYTES / 2**20:g} MiB limit; only the first part was read"))
    original = decoded.text
    if not original.strip():
        return Rejection(str(path), "no text in file")
    html_title = None
    page_before: list[str] = []
    page_after: list[str] = []
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(original):
        extracted = html_to_text(original)
        mt, html_title = extracted.text, extracted.title
        page_before = [to_simplified_str(x) for x in extracted.before]
        page_after = [to_simplified_str(x) for x in extracted.after]
        if html_title:
            html_title = to_simplified_str(html_title)
    else:
        mt = MappedText.identity(original)
        if path.suffix.lower() == ".md":
            mt = mt.apply(markdown_edits(mt.text))
    repairs = repair_edits(mt.text)
    if repairs:
        mt = mt.apply([(a, b, r) for a, b, r in repairs])
        warnings.append(IngestWarning("mojibake_repaired",
                                      f"{len(repairs)} run(s) of UTF-8 read as GBK/Latin-1 repaired"))
    mt = normalise_space(mt)
    mt = mt.apply(unwrap_edits(mt.text))  # before glosses, which the wrap may have split
    mt = mt.apply(gloss_edits(mt.text))
    mt = to_simplified(mt)
    layout = lay_out(mt, html_title, page_before, page_after)
    clean, cut = cap_length(layout.text)
    if cut:
        warnings.append(IngestWarning(
            "too_long", f"the article text is longer than {MAX_CLEAN_CHARS} characters; "
            f"only the first {len(clean.text)} are extracted"))
    for a, b in find_mojibake(clean.text):
        warnings.append(IngestWarning("mojibake", f"garbled characters {clean.text[a:b]!r}", (a, b)))
    if not clean.text.strip():
        return Rejection(str(path), "no article text left after removing markup and boilerplate")
    if not _CJK.search(clean.text):
        warnings.append(IngestWarning("no_chinese", "the text has no Chinese characters"))
    return Document(
        doc_id=path.stem,
        path=str(path),
        sha256=sha,
        encoding=decoded.encoding,
        original=original,
        clean=clean.text,
        starts=clean.starts,
        ends=clean.ends,
        metadata=layout.metadata,
        warnings=warnings,
    )
