"""Pinyin glosses after a character (`產(chǎn)`, `會（hui4）`): found and removed.

A parenthesis right after a character (CJK, or a tone-marked reading after a
character mangled by mojibake) whose content is one pinyin syllable
(tone marks or a tone digit optional) is a reading aid copied from the source
site, not text. Anything else in parentheses (`(记者 张三)`, `(LNG)`) stays.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from graph_loader.ingest.textmap import Edit
from graph_loader.lang.chars import is_han_wide

_CANDIDATE = re.compile(
    r"(?<=[^\s(（])[(（][ \t]?"
    r"([A-Za-z\u00c0-\u024f\u0300-\u036f]{1,7}[1-5]?)[ \t]?[)）]"
)


@lru_cache(maxsize=1)
def _syllable() -> re.Pattern[str]:
    data = json.loads(Path(__file__).with_name("pinyin.json").read_text(encoding="utf-8"))
    initials = "|".join(sorted(data["initials"], key=len, reverse=True))
    finals = "|".join(sorted(data["finals"], key=len, reverse=True))
    standalone = "|".join(data["standalone"])
    return re.compile(rf"(?:(?:{initials})?(?:{finals})|{standalone})[1-5]?")


def _strip_tones(s: str) -> tuple[str, bool]:
    decomposed = unicodedata.normalize("NFD", s)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    # ü decomposes to u + diaeresis; the grammar accepts u/ü/v alike where it matters
    return base.lower(), base != decomposed


@lru_cache(maxsize=4096)
def is_pinyin_syllable(s: str) -> bool:
    """True for one pinyin syllable, e.g. `chǎn`, `hui4`, `zhang`."""
    if not s[:1].isalpha() or any(c.isupper() for c in s[1:]):
        return False
    base, toned = _strip_tones(s)
    if not _syllable().fullmatch(base):
        return False
    # one bare letter ("(a)", "(e)") is more likely an enumeration than a reading
    return toned or len(base.rstrip("12345")) > 1 or base[-1:].isdigit()


def _after_cjk(text: str, i: int) -> bool:
    return i > 0 and (is_han_wide(text[i - 1]) or "\uf900" <= text[i - 1] <= "\ufaff")  # or a compatibility ideograph


def gloss_edits(text: str) -> list[Edit]:
    """Deletions of every pinyin gloss in `text`."""
    edits: list[Edit] = []
    for m in _CANDIDATE.finditer(text):
        syllable = m.group(1)
        if not is_pinyin_syllable(syllable):
            continue
        if text[m.start() - 1] in ")）":
            # a gloss copied twice (`政(zheng)(zheng)`): only right after a gloss already removed
            if edits and edits[-1][1] == m.start():
                edits.append((m.start(), m.end(), ""))
            continue
        # after a non-CJK char (a mangled one) only a tone-marked reading is surely a gloss
        if _after_cjk(text, m.start()) or _strip_tones(syllable)[1]:
            edits.append((m.start(), m.end(), ""))
    return edits
