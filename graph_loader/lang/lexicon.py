"""The one reader of language data files: word lists and tab-separated tables.

Every file is UTF-8 text; blank lines and lines starting with `#` are comments. A *rows* file has one
entry a line, cells split by tabs and stripped (`县委	party_committee`). A *table* is a rows file whose
first line names the columns (`alias	canonical	source`); a row shorter than the header has ""
in the missing cells. A *words* file lists whitespace-separated words in its first column. Each file
is read once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@cache
def read_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file, without comments and blank lines, each cell stripped."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(out)


@cache
def read_table(path: Path) -> tuple[dict[str, str], ...]:
    """The rows of a table as dicts keyed by the header's column names."""
    rows = read_rows(path)
    if not rows:
        return ()
    header = rows[0]
    return tuple({col: (row[i] if i < len(row) else "") for i, col in enumerate(header)} for row in rows[1:])


@cache
def read_words(path: Path) -> frozenset[str]:
    """All whitespace-separated words of the first column of a rows file."""
    out: set[str] = set()
    for row in read_rows(path):
        out.update(row[0].split())
    return frozenset(out)


def longest_first(items: Iterable[str]) -> tuple[str, ...]:
    """Distinct non-empty items, longer first (ties in code-point order): the order to try them in."""
    return tuple(sorted({w for w in items if w}, key=lambda w: (-len(w), w)))


def alternation(items: Iterable[str]) -> str:
    """A regex alternation that tries longer items first (so the longest match wins at a position).

    Written as a tree of shared prefixes (`县委书记|县委|县长` as `县(?:委(?:书记)?|长)`): `re` tries the
    branches of an alternation one after another wherever its first character stands, so a flat list of a
    hundred words costs a hundred tests there. The words that match at one place are prefixes of each
    other, and the tree tries the longer before the shorter, so it matches (and backtracks) exactly as the
    flat alternation, longest first."""
    trie: dict[str, dict] = {}
    for w in longest_first(items):
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return "|".join(re.escape(c) + _after(trie[c]) for c in sorted(trie))


def _after(node: dict[str, dict]) -> str:
    """The pattern of what may follow a prefix of the tree: its continuations, then (when a word ends
    there) nothing."""
    nxt = sorted(c for c in node if c)
    if not nxt:
        return ""
    body = "|".join(re.escape(c) + _after(node[c]) for c in nxt)
    if "" in node:
        return "(?:" + body + ")?"  # greedy: the longer words first
    return body if len(nxt) == 1 else "(?:" + body + ")"


@dataclass(frozen=True)
class Lexicon:
    """The data files of one folder, by file name."""

    folder: Path
    # by (reader, file name): a rule may ask at every call, and joining the path costs more than the answer
    _read: dict[tuple[str, str], tuple | frozenset] = field(default_factory=dict, init=False, repr=False,
                                                            compare=False, hash=False)

    def rows(self, name: str) -> tuple[tuple[str, ...], ...]:
        got = self._read.get(("rows", name))
        if got is None:
            got = self._read[("rows", name)] = read_rows(self.folder / name)
        return got

    def table(self, name: str) -> tuple[dict[str, str], ...]:
        got = self._read.get(("table", name))
        if got is None:
            got = self._read[("table", name)] = read_table(self.folder / name)
        return got

    def words(self, name: str) -> frozenset[str]:
        got = self._read.get(("words", name))
        if got is None:
            got = self._read[("words", name)] = read_words(self.folder / name)
        return got


CORE = Lexicon(DATA_DIR)
"""The language core's own data (`lang/data/`)."""
