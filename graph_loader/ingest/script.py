"""Traditional → simplified with OpenCC (`t2s`), and full-width digits and letters to ASCII (`lang/chars.py`
`WIDE_ALNUM`: `１２月` is `12月`), keeping the offset map.

The whole text is converted at once (fast, phrase-aware); only when OpenCC
changes the length is the text realigned line by line, and a line whose length
changed is converted character by character.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

from graph_loader.ingest.textmap import Edit, MappedText
from graph_loader.lang.chars import WIDE_ALNUM


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified_str(text: str) -> str:
    return _t2s().convert(text).translate(WIDE_ALNUM)


def fold_width(mt: MappedText) -> MappedText:
    """`mt` with full-width digits and Latin letters in their ASCII forms (one character for one)."""
    folded = mt.text.translate(WIDE_ALNUM)
    return mt if folded == mt.text else mt.replace_text(folded)


def to_simplified(mt: MappedText) -> MappedText:
    """`mt` with its text in simplified characters, each char still mapped to its source."""
    converted = _t2s().convert(mt.text)
    if converted == mt.text:
        return mt
    if len(converted) == len(mt.text):
        return mt.replace_text(converted)
    edits: list[Edit] = []
    pos = 0
    for line in mt.text.split("\n"):
        new = _t2s().convert(line)
        if new != line:
            if len(new) == len(line):
                edits.append((pos, pos + len(line), new))
            else:
                for k, ch in enumerate(line):
                    c = _t2s().convert(ch)
                    if c != ch:
                        edits.append((pos + k, pos + k + 1, c))
        pos += len(line) + 1
    return mt.apply(edits)
