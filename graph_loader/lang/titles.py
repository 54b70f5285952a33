"""Titles and names of documents, meetings and incidents: as extracted, as compared, as shown.

Three forms of one written title, e.g. `《关于 加强“安全生产”的通知》`:
- `clean_title` (extraction): spaces and quotation marks dropped, brackets kept:
  `《关于加强安全生产的通知》` (the extraction rules take the title from inside the brackets);
- `title_key` (resolution): NFKC, no spaces, no punctuation but `·` (`7·20`): `关于加强安全生产的通知`,
  what two reports must share to name one thing, as the scorer compares;
- `display_title` (the graph): without 《》, quotes and spaces, other punctuation kept;
- `search_key` (search): the `title_key` with numbers in Arabic digits and the spellings of
  `data/search_folds.tsv` written one way (`全省安全生产视频会` → `全省安全生产电视电话会议`): stored beside a
  meeting's or directive's names by both stores and computed from what a reader types, so either way round a
  space, a quote, a numeral or a teleconference's medium noun does not keep a name from being found.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from graph_loader.lang.chars import CODE_DOT_IN_TITLE, QUOTES
from graph_loader.lang.lexicon import CORE
from graph_loader.lang.numerals import arabic

_QUOTES_SPACES = re.compile(r"[\s" + re.escape(QUOTES) + "]")
_QUOTES_BRACKETS = re.compile(r"[\s《》〈〉" + re.escape(QUOTES) + "]+")


def clean_title(title: str) -> str:
    """A title as extracted and stored in a record: no spaces, no quotation marks, the dot of a code between digits
    written `·` (`9˙28`, `9•28` are `9·28`; `9.28` stays); inner title marks as written (`〈…〉`, `<…>`)."""
    return CODE_DOT_IN_TITLE.sub("·", _QUOTES_SPACES.sub("", title))


def title_key(title: str) -> str:
    """A title as compared across articles: NFKC, no 《》, quotes, spaces or punctuation but `·`."""
    t = _QUOTES_BRACKETS.sub("", unicodedata.normalize("NFKC", title))
    return "".join(ch for ch in t if not unicodedata.category(ch).startswith("P") or ch == "·")


def display_title(title: str) -> str:
    """A title as shown: without 《》, quotes and spaces (the text between them unchanged)."""
    return _QUOTES_BRACKETS.sub("", title).strip() or title


def same_post(a: str, b: str) -> bool:
    """Two titles of one person that name one post: equal, or the shorter is the longer's tail (`市政府副市长`
    and `副市长`, `巡查组组长` and `组长`) and 副 does not stand before that tail (`副书记` is not `书记`)."""
    if not a or not b:
        return False
    if a == b:
        return True
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long.endswith(short) and not long[: -len(short)].endswith("副")


def name_key(name: str) -> str:
    """A person's or body's name as compared: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


@cache
def _folds() -> tuple[dict[str, str], re.Pattern[str] | None]:
    table = {r["spelling"]: r["key"] for r in CORE.table("search_folds.tsv")}
    spellings = sorted(table, key=len, reverse=True)
    return table, (re.compile("|".join(map(re.escape, spellings))) if spellings else None)


def search_key(name: str) -> str:
    """A name as search compares it (see the module's docstring): `《全省安全生产 视频会议》` and
    `全省安全生产电视电话会议` have one key, `十五条措施` and `15条措施` another."""
    key = arabic(title_key(name))
    table, pattern = _folds()
    return pattern.sub(lambda m: table[m.group()], key) if pattern else key
