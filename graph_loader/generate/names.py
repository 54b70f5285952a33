"""Generated names of officials and journalists, stable across articles.

A name is a pure function of (corpus seed, key), the key being e.g. the region
code and post, so the same 市长 appears under the same name in every article of a
corpus and cross-article resolution has something to resolve. Names that
contain a place name, a sector word or a national leader's name are skipped so
that the gold stays right by construction.
"""

from __future__ import annotations

from hashlib import blake2b

from .lexicon import Lexicon


class NameMaker:
    def __init__(self, seed: int, lexicon: Lexicon, forbidden: frozenset[str]):
        self.seed = seed
        self.lex = lexicon
        self.forbidden = forbidden | {ld.name for ld in lexicon.leaders} | set(lexicon.sector_forms)
        self._cache: dict[str, str] = {}

    def _ok(self, name: str) -> bool:
        n = len(name)
        return not any(name[i:j] in self.forbidden for i in range(n) for j in range(i + 2, n + 1))

    def name(self, *key: object) -> str:
        """The name for `key`; the same key always gives the same name within one seed."""
        k = "|".join(map(str, key))
        hit = self._cache.get(k)
        if hit is not None:
            return hit
        for salt in range(50):
            h = int.from_bytes(blake2b(f"{self.seed}|{k}|{salt}".encode(), digest_size=8).digest(), "big")
            surname = self.lex.surnames[h % len(self.lex.surnames)]
            h //= len(self.lex.surnames)
            given_len = 1 if h % 100 < 28 else 2
            h //= 100
            given = ""
            for _ in range(given_len):
                given += self.lex.given[h % len(self.lex.given)]
                h //= len(self.lex.given)
            name = surname + given
            if len(name) <= 4 and self._ok(name):
                break
        if len(self._cache) > 200_000:  # bounded: generation streams
            self._cache.clear()
        self._cache[k] = name
        return name
