"""Bodies (party committees, governments, departments, teams) resolved against the article's region.

A body is written as [place or level character] + body word (`海宁市委`, `省市场监管局`,
`州政府`); the level character is read relative to the article's home region
(`市委` in an article about 海宁 is 海宁市委), and abbreviations take their full
official form from lexicon/bodies.tsv (`市场监管局` → `市场监督管理局`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph_loader.extract.lexicon_files import alternation, rows, words
from graph_loader.extract.regions import RegionHit, level_of, place_of, relative_region
from graph_loader.lang.levels import CHAR_LEVEL, LEVEL_CHARS, LOCAL_LEVELS

_NATIONAL_PREFIXES = ("国务院", "中央", "国家", "全国", "中共中央")


@dataclass
class BodyRef:
    name: str  # full resolved name ("浙江省市场监督管理局", "海宁市委")
    kind: str
    region: str | None  # full region path
    level: str | None  # national | province | prefecture | county | township
    surface: str  # as written


@cache
def _bodies() -> tuple[dict[str, tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    table = {r[0]: (r[1], r[2]) for r in rows("bodies.tsv")}
    surfaces = alternation(table)
    body_end = re.compile("(?:" + surfaces + ")$")
    # a body written after a level character: 省市场监管局, 州政府, 市委
    relative = re.compile("[" + LEVEL_CHARS + "](?:" + surfaces + ")")
    return table, body_end, relative


@cache
def _teams_re() -> re.Pattern[str]:
    return re.compile("(?:" + alternation(words("teams.tsv")) + ")$")


def level_region(char_or_word: str, context: str | None) -> str | None:
    """`省`/`我市`/`州` → the region path it means in an article whose home is `context`."""
    return relative_region(char_or_word, context)


def region_name(path: str) -> str:
    """The last component of a region path (`浙江省嘉兴市海宁市` → `海宁市`)."""
    place = place_of(path)
    return place.name if place else path


def _level(path: str | None) -> str | None:
    if not path:
        return None
    lvl = level_of(path)
    return lvl if lvl in LOCAL_LEVELS else None


def full_body_word(word: str) -> tuple[str, str]:
    """The official form and kind of a body word (`住建厅` → `住房和城乡建设厅`, department)."""
    table, body_end, _ = _bodies()
    if word in table:
        return table[word]
    m = body_end.search(word)
    if m:
        full, kind = table[m.group()]
        return word[: m.start()] + full, kind
    if _teams_re().search(word):
        return word, "inspection_team"
    return word, "other"


def resolve_body(surface: str, place: RegionHit | None, context: str | None) -> BodyRef | None:
    """A body written as `surface`; `place` is a region hit at its start (or None)."""
    surface = surface.strip()
    if not surface:
        return None
    region: str | None = None
    rest = surface
    level: str | None = None
    if surface.startswith(_NATIONAL_PREFIXES):
        level = "national"
    elif place is not None and surface.startswith(place.surface):
        region = place.path
        rest = surface[len(place.surface):]
    elif surface[0] in LEVEL_CHARS:
        region = level_region(surface[0], context)
        rest = surface[1:]
    if not rest:
        return None
    word, kind = full_body_word(rest)
    if region:
        name = region_name(region) + word
        level = _level(region)
    elif place is None and surface[0] in LEVEL_CHARS:
        name = surface[0] + word  # the level is said, the place is not known
        level = CHAR_LEVEL.get(surface[0])
    else:
        name = surface if level == "national" else word
    return BodyRef(name=name, kind=kind, region=region, level=level, surface=surface)


def body_of_title(title_full: str, post: str, place: RegionHit | None, context: str | None,
                  post_level_char: str | None) -> BodyRef | None:
    """The body a title belongs to: `海宁市委书记` → 海宁市委; `副省长` → the province's government."""
    body = title_full[: len(title_full) - len(post)] if title_full.endswith(post) else ""
    for party in ("党工委", "党委", "党组"):  # `镇党委书记`: the post is 书记 of 镇党委
        if post.startswith(party) and len(post) > len(party):
            body, post = body + party, post[len(party):]
            break
    if body:
        ref = resolve_body(body, place, context)
        if ref is None and place is not None and body == place.surface and post_level_char:
            ref = resolve_body(body + "政府", place, context)  # `郴州市副市长`: the city's government
        return ref
    if post_level_char == "国":
        return BodyRef(name="国务院" if "理" in post else "中共中央", kind="other", region=None,
                       level="national", surface=title_full)
    if post_level_char:
        ref = resolve_body(post_level_char + "政府", None, context)
        if ref is not None:
            ref.surface = title_full
        return ref
    return None


def relative_body_at(text: str, pos: int, context: str | None) -> BodyRef | None:
    """A body written at `pos` as level character + body word (`省市场监管局`), else None."""
    _, _, relative = _bodies()
    m = relative.match(text, pos)
    if not m:
        return None
    return resolve_body(m.group(), None, context)


@cache
def _body_before_re() -> re.Pattern[str]:
    table, _, _ = _bodies()
    return re.compile("(?:" + alternation(table) + ")")


def convening_body(text: str, start: int, end: int, regions: list[RegionHit], context: str | None
                   ) -> BodyRef | None:
    """The last body written in text[start:end] as place or level character + body word (`州政府立即`,
    `晋中市政府`, `市政府第45次常务会议`): the body that convenes a meeting. A bare place convenes nothing."""
    best: BodyRef | None = None
    for m in _body_before_re().finditer(text, start, end):
        place = next((h for h in regions if h.end == m.start() and h.start >= start), None)
        if place is not None:
            ref = resolve_body(text[place.start:m.end()], place, context)
        elif text.startswith("自治区", m.start() - 3) and m.start() - 3 >= start:
            ref = resolve_body("省" + m.group(), None, context)
            if ref is not None:
                ref.surface = "自治区" + m.group()
        elif m.start() > start and text[m.start() - 1] in LEVEL_CHARS:
            ref = resolve_body(text[m.start() - 1:m.end()], None, context)
        else:
            continue
        if ref is not None and ref.kind != "other" and not _post_in(text[m.end():end]):
            best = ref  # `市委副书记、市长X主持召开`: a body followed by a post is a title, not the convener
    return best


def _post_in(gap: str) -> bool:
    from graph_loader.extract.persons import post_re

    return bool(post_re().search(gap))


def body_word_at(text: str, pos: int) -> str | None:
    """A body word (from the lexicon) starting at `pos`, longest first."""
    table, _, _ = _bodies()
    for n in range(min(12, len(text) - pos), 0, -1):
        if text[pos:pos + n] in table:
            return text[pos:pos + n]
    return None
