"""Files → `Document`s: read, decode, extract text, repair, simplify, lay out.

Each file either becomes a Document or a Rejection with a reason a user can act
on; one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from functools import lru_cache
from pathlib import Path

from graph_loader.ingest.decode import MAX_BYTES, DecodeError, decode
from graph_loader.ingest.document import Document, IngestWarning, Rejection
from graph_loader.ingest.glosses import gloss_edits
from graph_loader.ingest.html_text import entity_edits, html_to_text, looks_like_html
from graph_loader.ingest.layout import lay_out, normalise_space
from graph_loader.ingest.limits import MAX_CLEAN_CHARS, cap_length
from graph_loader.ingest.markdown_text import image_edits, markdown_edits
from graph_loader.ingest.mojibake import find_mojibake, repair_edits
from graph_loader.ingest.script import fold_width, to_simplified, to_simplified_str
from graph_loader.ingest.textmap import MappedText
from graph_loader.ingest.unspin import unspin_edits
from graph_loader.ingest.unwrap import broken_word_edits, unwrap_edits
from graph_loader.lang.chars import HAN_WIDE

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
HTML_SUFFIXES = (".html", ".htm")
_CJK = re.compile("[" + HAN_WIDE + "]")


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
    taken: dict[str, str] = {}
    for item in iter_input_files(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        doc_id, clash = assign_doc_id(item, taken)
        yield ingest_file(item, doc_id, [clash] if clash else ())


DOC_ID_COLLISION = "doc_id_collision"


def assign_doc_id(path: Path | str, taken: MutableMapping[str, str], known: str | None = None
                  ) -> tuple[str, IngestWarning | None]:
    """The file's doc id, recorded in `taken` (doc id -> path of the file that owns it).

    The stem, as the gold files and seeds expect, unless another file owns it (scraped folders
    repeat `index.html`, `1.txt`): then `stem-<8 hex of sha1 of the resolved path>`, the same
    whatever order or spelling the path comes in, in characters the app accepts in a doc id, and
    a warning naming the owner. The same file named twice keeps its id, and so does a file an
    earlier run gave the id `known` (a resumed build), as long as that id is still its own.
    """
    path = Path(path)
    me = str(path)

    def free(doc_id: str) -> bool:
        owner = taken.get(doc_id)
        return owner is None or owner == me or _resolved(owner) == _resolved(me)

    stem = path.stem
    doc_id = stem
    if known is not None and free(known):
        doc_id = known
    elif not free(stem):
        h = hashlib.sha1(_resolved(me).encode("utf-8", "surrogateescape")).hexdigest()
        doc_id = next(c for c in _suffixed(stem, h) if free(c))
    taken[doc_id] = me
    if doc_id == stem:
        return doc_id, None
    return doc_id, IngestWarning(
        DOC_ID_COLLISION, f"the id {stem} belongs to {taken.get(stem) or 'another file'}; this file is {doc_id}")


def _suffixed(stem: str, h: str) -> Iterator[str]:
    """Longer suffixes only when a file is literally named like another's suffixed id."""
    yield from (f"{stem}-{h[:8]}", f"{stem}-{h[:16]}", f"{stem}-{h}")
    n = 2
    while True:
        yield f"{stem}-{h}-{n}"
        n += 1


@lru_cache(maxsize=4096)  # a scraped folder's `index.html`s are all compared with the first one
def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:  # a loop of links: the path as given still names one file
        return os.path.abspath(path)


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


def ingest_file(path: Path, doc_id: str | None = None, notes: Sequence[IngestWarning] = ()
                ) -> Document | Rejection:
    """One file to a Document, or a Rejection naming why it cannot be read.

    `doc_id` defaults to the stem; a run of many files passes the one `assign_doc_id` gave,
    with its collision warning in `notes`."""
    path = Path(path)
    try:
        data, truncated = read_bytes(path)
    except IsADirectoryError:
        return Rejection(str(path), "is a folder, not a file")
    except OSError as e:
        return Rejection(str(path), f"cannot read: {e.strerror or e}")
    return ingest_bytes(data, path, truncated=truncated, doc_id=doc_id, notes=notes)


def ingest_bytes(data: bytes, path: Path | str, *, truncated: bool = False, doc_id: str | None = None,
                 notes: Sequence[IngestWarning] = ()) -> Document | Rejection:
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
    warnings = list(notes) + [IngestWarning(code, msg) for code, msg in decoded.warnings]
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
        elif images := image_edits(mt.text):  # what a page's conversion to text left of its markup
            mt = mt.apply(images)
        if entities := entity_edits(mt.text):  # `&nbsp;`, `&amp;`
            mt = mt.apply(entities)
    repairs = repair_edits(mt.text)
    if repairs:
        mt = mt.apply([(a, b, r) for a, b, r in repairs])
        warnings.append(IngestWarning("mojibake_repaired",
                                      f"{len(repairs)} run(s) of UTF-8 read as GBK/Latin-1 repaired"))
    mt = normalise_space(mt)
    mt = mt.apply(unwrap_edits(mt.text))  # before glosses, which the wrap may have split
    mt = mt.apply(gloss_edits(mt.text))
    mt = fold_width(to_simplified(mt))
    spun = unspin_edits(mt.text)
    if spun:
        mt = mt.apply(spun)
        warnings.append(IngestWarning("spun_text", f"{len(spun)} word(s) of a synonym-spun page read back"))
    mt = mt.apply(broken_word_edits(mt.text))  # simplified: the words are jieba's
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
        doc_id=doc_id or path.stem,
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
