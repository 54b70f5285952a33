"""Garbled characters: exact repair where possible, otherwise a warning with the span.

Repaired: UTF-8 bytes that were decoded as GBK (`鍏ㄧ渷` → `全省`) or as
Latin-1/cp1252 (`å…¨çœ` → `全省`), and only when re-encoding the run gives valid
UTF-8 made of common characters, i.e. the repair is exact, never a guess.
Reported: runs around U+FFFD, private-use characters and `?` stuck between
Chinese characters (`?;?`), where the bytes are lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph_loader.ingest.charsets import common_cjk
from graph_loader.lang.chars import HAN_WIDE, is_han_wide

_WIDE = r"[\u2000-\u2bff\u3000-\u31ff" + HAN_WIDE + r"\ue000-\uf8ff\uff00-\uffef]"
_LATIN_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                        r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}")
_SEED = re.compile(r"[\ufffd\ue000-\uf8ff]|(?<=[^\x00-\x7f])\?|\?(?=[;" + HAN_WIDE + "])")
_MAX_TRIM = 3


def _rare(c: str) -> bool:
    return c not in common_cjk()


def _good(text: str) -> bool:
    common = common_cjk()
    chars = [c for c in text if not c.isascii()]
    return bool(chars) and sum(c in common for c in chars) / len(chars) >= 0.8


def _try(run: str, encoding: str) -> str | None:
    try:
        fixed = run.encode(encoding).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if len(fixed) < len(run) and _good(fixed) else None


@lru_cache(maxsize=1)
def _rare_cluster() -> re.Pattern[str]:
    """Uncommon wide characters, at most two others apart: what UTF-8 read as GBK looks like."""
    common = "".join(sorted(c for c in common_cjk() if not c.isascii()))
    rare = rf"[^\x00-\x7f\s{re.escape(common)}]"
    return re.compile(rf"{rare}(?:{_WIDE}{{0,2}}{rare})+")


def repair_edits(text: str) -> list[tuple[int, int, str]]:
    """Exact repairs of UTF-8 text that was decoded as GBK or Latin-1: (start, end, fixed)."""
    edits: list[tuple[int, int, str]] = []
    wide = re.compile(_WIDE)
    for cluster in _rare_cluster().finditer(text):
        lo, hi = cluster.start(), cluster.end()
        while lo > 0 and cluster.start() - lo < _MAX_TRIM and wide.match(text[lo - 1]):
            lo -= 1
        while hi < len(text) and hi - cluster.end() < _MAX_TRIM and wide.match(text[hi]):
            hi += 1
        best: tuple[int, int, str] | None = None
        for i in range(lo, cluster.start() + 1):
            if not _utf8_lead(text[i]):
                continue
            for j in range(hi, cluster.end() - 1, -1):
                if best and j - i <= best[1] - best[0]:
                    break
                fixed = _try(text[i:j], "gbk")
                if fixed:
                    best = (i, j, fixed)
        if best:
            edits.append(best)
    for m in _LATIN_RUN.finditer(text):
        for enc in ("cp1252", "latin-1"):
            fixed = _try(m.group(), enc)
            if fixed:
                edits.append((m.start(), m.end(), fixed))
                break
    edits.sort()
    out: list[tuple[int, int, str]] = []
    for e in edits:
        if not out or e[0] >= out[-1][1]:
            out.append(e)
    return out


def _utf8_lead(c: str) -> bool:
    """Whether the GBK bytes of c can start a 3-byte UTF-8 sequence (where a misread run starts)."""
    try:
        return 0xE0 <= c.encode("gbk")[0] <= 0xEF
    except UnicodeEncodeError:
        return False


def _odd(c: str) -> bool:
    """Characters that make up the debris around a lost byte."""
    if c.isascii():
        return c in "?;"
    if c.isspace():
        return False
    if is_han_wide(c):
        return _rare(c)
    return c not in common_cjk()


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Spans of garbled runs that could not be repaired."""
    spans: list[tuple[int, int]] = []
    for m in _SEED.finditer(text):
        a, b = m.start(), m.end()
        if m.group() == "?":
            # a lone half-width question mark (`吗?他说`) is punctuation, not debris
            window = text[max(0, a - 3):a] + text[b:b + 3]
            if not any(_odd(c) for c in window):
                continue
        while a > 0 and _odd(text[a - 1]):
            a -= 1
        while b < len(text) and _odd(text[b]):
            b += 1
        if spans and a <= spans[-1][1] + 2:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans
