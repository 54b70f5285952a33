"""Pages spun by a synonym tool (spun_words.tsv): the genre's words read back where the tool's marks show.

Spam sites copy news reports through synonym spinners (`省领导…参加会议` becomes `省向导…加入聚会`). A text
holding a spinning no genuine report writes (kind `marker`) is read back word for word, longest first; any
other text is left as it is, so an ordinary word that a spinner also writes (`聚会`) is never touched.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from graph_loader.ingest.textmap import Edit
from graph_loader.lang.lexicon import alternation, read_rows

_FILE = Path(__file__).with_name("spun_words.tsv")


@cache
def _table() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(the markers, every spun word longest first, spun word → standard)."""
    table = read_rows(_FILE)
    back = {row[0]: row[1] for row in table}
    markers = [row[0] for row in table if row[2:3] == ("marker",)]
    return re.compile(alternation(markers)), re.compile(alternation(back)), back


def unspin_edits(text: str) -> list[Edit]:
    """The edits that read a spun text back (none for a text without a marker)."""
    markers, spun, back = _table()
    if markers.search(text) is None:
        return []
    return [(m.start(), m.end(), back[m.group()]) for m in spun.finditer(text)]
