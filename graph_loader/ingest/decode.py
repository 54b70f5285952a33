"""Bytes to text: detect the encoding, never assume it.

Order: reject binaries (NUL bytes, image/archive signatures) → BOM → strict
UTF-8 → score strict GB18030, Big5 and charset-normalizer's best guess by how
plausible the text is (share of common CJK characters). charset-normalizer alone
misreads short Chinese texts, hence the scoring.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from functools import lru_cache

from graph_loader.ingest.charsets import common_cjk

MAX_BYTES = 4 * 1024 * 1024
"""Files are read up to this size; longer ones are cut at a line break with a `truncated` warning."""

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
    (b"BM", "BMP image"),
]

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


# charset-normalizer's guess is only taken when it is a Chinese encoding: a Latin
# code page decodes any bytes and would pass random data off as text
_CJK_ENCODINGS = {"gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "cp936", "hz"}


class DecodeError(Exception):
    """The bytes are not text we can read; the message is the reason shown to the user."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)


def binary_kind(data: bytes) -> str | None:
    """A short name for bytes that are clearly not text, else None."""
    for sig, name in _SIGNATURES:
        if data.startswith(sig):
            if name == "BMP image" and len(data) > 6 and b"\x00" not in data[:64]:
                continue  # "BM" can start a text
            return name
    head = data[:8192]
    if b"\x00" in head and not any(data.startswith(b) for b, _ in _BOMS):
        return "binary data (NUL bytes)"
    return None


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return common_cjk()


def plausibility(text: str) -> float:
    """Share of the non-ASCII, non-space characters that are common CJK chars or punctuation."""
    common = _common()
    sample = text[:20000]
    # Latin letters with tone marks (pinyin glosses) say nothing about the encoding
    non_ascii = [c for c in sample if ord(c) > 0x24F and not c.isspace() and c != "\ufffd"]
    if not non_ascii:
        return 1.0
    good = sum(1 for c in non_ascii if c in common)
    return good / len(non_ascii)


def _controls(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return bad / len(sample)


def decode(data: bytes) -> Decoded:
    """Decode bytes to str, naming the encoding; raise DecodeError with a reason."""
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"not a text file: {kind}")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"has a {enc} byte-order mark but is not valid {enc}: {e.reason}") from None
            name = {"utf-8-sig": "utf-8-bom"}.get(enc, enc + ("-le" if bom in (codecs.BOM_UTF16_LE,
                                                                               codecs.BOM_UTF32_LE) else "-be"))
            return Decoded(text, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        if e.end == len(data) and e.reason.startswith("unexpected end"):  # a cut-off last character
            try:
                return Decoded(data[:e.start].decode("utf-8"), "utf-8",
                               [("truncated_char", "the last character was cut off and dropped")])
            except UnicodeDecodeError:
                pass
    candidates: dict[str, str] = {}
    for enc in ("gb18030", "big5"):
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding not in candidates and best.encoding in _CJK_ENCODINGS:
            try:
                text = data.decode(best.encoding)
                if text not in candidates.values():  # GB2312 text is GB18030 text: name it once
                    candidates[best.encoding] = text
            except (UnicodeDecodeError, LookupError):
                pass
    except Exception:  # noqa: BLE001 - a detector failure must not stop decoding
        pass
    scored = sorted(((plausibility(t) - _controls(t) * 5, enc) for enc, t in candidates.items()), reverse=True)
    if scored and scored[0][0] >= 0.6:
        enc = scored[0][1]
        return Decoded(candidates[enc], _canonical(enc))
    # last resort: a mostly-valid encoding with a few broken bytes
    best_lossy: tuple[float, str, str] | None = None
    for enc in ("utf-8", "gb18030", "big5"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd") / max(1, len(text))
        score = plausibility(text) - bad * 10 - _controls(text) * 5
        if best_lossy is None or score > best_lossy[0]:
            best_lossy = (score, enc, text)
    if best_lossy and best_lossy[0] >= 0.6:
        score, enc, text = best_lossy
        n = text.count("\ufffd")
        return Decoded(text, enc, [("decode_errors", f"{n} undecodable byte sequence(s) replaced by U+FFFD")])
    raise DecodeError("undecodable: not valid UTF-8, UTF-16, GB18030 or Big5 text")


def _canonical(enc: str) -> str:
    return {"gb18030": "gb18030", "big5": "big5", "gbk": "gbk", "cp936": "gbk", "big5hkscs": "big5hkscs"}.get(
        enc, enc.replace("_", "-"))
