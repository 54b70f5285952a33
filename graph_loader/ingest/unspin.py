"""Pages spun by a synonym tool (spun_words.tsv): the genre's words read back where the tool's marks show.

Spam sites copy news reports through synonym spinners (`省领导…参加会议` becomes `省向导…加入聚会`). A text
holding a spinning no genuine report writes (kind `marker`) is read back word for word, longest first; any
other text is left as it is, so an ordinary word that a spinner also writes (`聚会`) is never touched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from graph_loader.ingest.textmap import Edit

_FILE = Path(__file__).with_name("spun_words.tsv")


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(the markers, every spun word longest first, spun word → standard)."""
    back: dict[str, str] = {}
    markers: list[str] = []
    for raw in _FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        spun, standard, *kind = raw.split("\t")
        back[spun] = standard
        if kind and kind[0] == "marker":
            markers.append(spun)
    def alt(words: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return alt(markers), alt(list(back)), back


def unspin_edits(text: str) -> list[Edit]:
    """The edits that read a spun text back (none for a text without a marker)."""
    markers, spun, back = _table()
    if markers.search(text) is None:
        return []
    return [(m.start(), m.end(), back[m.group()]) for m in spun.finditer(text)]
