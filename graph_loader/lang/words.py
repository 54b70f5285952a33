"""Ordinary words of written Chinese: jieba's dictionary read once, for every stage.

Which strings of two to four Han characters are frequent words (frequency >= 50 in jieba's
dictionary), place and personal-name entries (tags ns, nr, nrt, nrfg, nz) left out: lexicon
matchers refuse a match that cuts such a word (`提高安全` yields no 高安), and ingest joins a line
break that cuts one (`安全生\\n产`).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from graph_loader.lang.chars import all_han

MIN_FREQ = 50
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})


@cache
def common_words() -> frozenset[str]:
    """Frequent words of two to four Han characters (no names or places)."""
    words = set()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.split()
            if 2 <= len(w) <= 4 and tag not in NAME_TAGS and int(freq) >= MIN_FREQ and all_han(w):
                words.add(w)
    return frozenset(words)


@cache
def common_pairs() -> frozenset[str]:
    """The two-character ones."""
    return frozenset(w for w in common_words() if len(w) == 2)


PREDICATE_TAGS = frozenset({"v", "vd", "d", "ad", "a"})


@cache
def predicate_pairs() -> frozenset[str]:
    """The two-character ones that jieba tags as verbs, adverbs or adjectives (`反复`, `亲自`, `提及`, `郑重`): what opens
    a predicate (an adjective as its manner), so a personal name may end right before one, and a word of them right
    after a post is what the post does; nouns (`工作`, `隐患`) and verbal nouns (`生产`) are left out."""
    words = set()
    with (files("jieba") / "dict.txt").open(encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.split()
            if len(w) == 2 and tag in PREDICATE_TAGS and int(freq) >= MIN_FREQ and all_han(w):
                words.add(w)
    return frozenset(words)
