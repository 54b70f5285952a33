"""Administrative divisions on jionlp's gazetteer: find, resolve, and read relative words.

The gazetteer (provinces, prefectures, counties of jionlp's china_location.txt, with
admin codes, as `graph_loader.gazetteer` reads them) becomes a prefix index once per process, so a scan
costs one dict probe per character. Short forms (`海宁`, `湘西州`) are accepted
unless they are ordinary words (lexicon/region_stoplist.tsv); a name shared by
several places is kept only when the article's other mentions say which one.

Paths are jionlp full paths without repetition: `浙江省嘉兴市海宁市`, `湖南省`,
`北京市通州区` (a municipality is a province; its districts are counties).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from graph_loader.extract.lexicon_files import alternation
from graph_loader.extract.lexicon_files import rows as lexicon_rows
from graph_loader.extract.regex_scan import WordIndex
from graph_loader.gazetteer import divisions, former_names, package_file
from graph_loader.ingest.rules import surnames
from graph_loader.lang.chars import HAN, IN_CLAUSE, is_han
from graph_loader.lang.levels import LEVEL_CHARS, LOCAL_LEVELS
from graph_loader.lang.words import common_pairs

# Suffixes that make a prefecture-level or county-level name a full form.
_DIRECT = ("省直辖行政区划", "市直辖行政区划")


@dataclass
class RegionHit:
    start: int
    end: int
    surface: str
    path: str
    level: str
    code: str | None = None


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    path: str
    level: str
    code: str | None
    parent: str | None  # parent path
    province: str


@dataclass(frozen=True)
class _Form:
    place: Place
    kind: str  # "full" | "alias"


class Gazetteer:
    """All provinces, prefectures and counties with their surface forms."""

    def __init__(self, places: list[Place], forms: dict[str, list[_Form]], stop_alias: set[str],
                 stop_full: set[str], words: frozenset[str], idioms: frozenset[str],
                 county_lines: dict[str, tuple[str, ...]] | None = None):
        self.places = places
        self.county_lines = county_lines or {}  # county path -> the file's lines below it (townships)
        self.words = words  # common two-character words: a short form must not cut one
        self.idioms = idioms  # four-character idioms: 长治久安 holds no 长治
        self.by_path = {p.path: p for p in places}
        self.forms = forms
        self.stop_alias = stop_alias
        self.stop_full = stop_full
        self._surfaces = WordIndex(forms)  # every form has two characters at least

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest matches of any surface form: (start, end, surface). A match whose first character
        ends a common word with the one before it (`召开福清市`: 开福 cuts 召开), when no match holds that one,
        gives way to a longer match one character on (福清市; `镇平安` keeps 镇平, `平安` is no longer)."""
        out: list[tuple[int, int, str]] = []
        words = self.words
        for m in self._surfaces.finditer(text):
            s, e, _ = m
            if out and s < out[-1][1]:
                continue  # inside the match one character on
            if s > 0 and text[s - 1:s + 1] in words and (not out or out[-1][1] < s) \
                    and (alt := self._surfaces.search(text, s + 1)) is not None and alt[0] == s + 1 and alt[1] - alt[0] > e - s:
                m = alt
            out.append(m)
        return out


_GENERIC_FORMER = frozenset({"城区", "矿区", "郊区", "南郊区"})
"""Former district names that are ordinary words: no former name of any one division."""


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from jionlp's location file."""
    places: list[Place] = []
    forms: dict[str, list[_Form]] = {}

    def add(surface: str, place: Place, kind: str) -> None:
        if len(surface) < 2:
            return
        lst = forms.setdefault(surface, [])
        if not any(f.place.path == place.path for f in lst):
            lst.append(_Form(place, kind))

    placed: dict[int, Place] = {}  # id(division) -> its place; a skipped prefecture line has none
    county_lines: dict[str, tuple[str, ...]] = {}
    for d in divisions():
        name = d.name
        if d.level == "province":
            cur = Place(name, name, "province", d.code, None, name)
        elif d.level == "prefecture":
            prov = placed[id(d.parent)]
            # a municipality's own line, or 省直辖, or a special region's own line by its short name (香港)
            if name in _DIRECT or name == prov.name or name in d.parent.aliases:
                continue
            cur = Place(name, prov.path + name, "prefecture", d.code, prov.path, prov.name)
        else:  # a county under a skipped prefecture line hangs from the province
            parent = placed.get(id(d.parent)) or placed[id(d.parent.parent)]
            if name in _DIRECT:  # a prefecture without counties: its towns hang from it (`某市某某镇`)
                county_lines[parent.path] = county_lines.get(parent.path, ()) + d.townships
                placed[id(d)] = parent
                continue
            cur = Place(name, parent.path + name, "county", d.code, parent.path, parent.province)
            county_lines[cur.path] = d.townships
        placed[id(d)] = cur
        places.append(cur)
        add(name, cur, "full")
        for a in d.aliases:
            if a == name:
                continue
            # `海南州` for 海南藏族自治州: the short form plus the level suffix of the full name
            if len(a) >= 3 and a[-1] == name[-1] and name.startswith(a[:-1]):
                add(a, cur, "alias")
                continue
            if name.startswith(a):  # `经开区` for an economic zone is not a short form of it
                add(a, cur, "alias")
                if name.endswith("自治州"):
                    add(a + "州", cur, "alias")
                elif name.endswith("自治县"):
                    add(a + "县", cur, "alias")
    by_path = {p.path: p for p in places}
    for full, short, new in former_names():  # `彬县` (now 彬州市), `长岛县` (now in 蓬莱区)
        place = by_path.get("".join(new)) or by_path.get("".join(dict.fromkeys(new)))
        if place is None or full in _GENERIC_FORMER:
            continue
        for surface, kind in ((full, "full"), (short, "alias")):
            if surface not in forms and surface not in common_words() and not (kind == "alias" and len(surface) < 2):
                add(surface, place, kind)
    for short, full in (r for r in lexicon_rows("region_short_forms.tsv") if len(r) == 2):  # `科右前旗`
        named = [p for p in places if p.name == full]
        if len(named) == 1:
            add(short, named[0], "alias")
    variants: dict[str, list[str]] = {}
    for variant, standard in lexicon_rows("char_variants.tsv"):
        variants.setdefault(standard, []).append(variant)
    for surface in [f for f in forms if any(c in variants for c in f)]:
        for i, c in enumerate(surface):
            for v in variants.get(c, ()):
                forms.setdefault(surface[:i] + v + surface[i + 1:], list(forms[surface]))
    stop_alias, stop_full = set(), set()
    for row in lexicon_rows("region_stoplist.tsv"):
        (stop_alias if row[1] == "alias" else stop_full).add(row[0])
    return Gazetteer(places, forms, stop_alias, stop_full, common_words(), _idioms(), county_lines)


def _idioms() -> frozenset[str]:
    path = package_file("jionlp", "dictionary", "chinese_idiom.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(w for w in (line.split("\t", 1)[0] for line in f) if len(w) == 4)


def common_words() -> frozenset[str]:
    """Frequent two-character words, so `提高安全` does not yield 高安 nor `惠民生` 惠民.

    Lexicon matchers (places, sectors) use it to refuse a match that cuts a word; read once for
    every stage by `lang/words.py` (jieba's dictionary, its place and name entries no vetoes).
    """
    return common_pairs()


def _is_under(path: str, ancestor: str) -> bool:
    return path.startswith(ancestor)


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _hit(start: int, end: int, text: str, place: Place) -> RegionHit:
    return RegionHit(start, end, text[start:end], place.path, place.level, place.code)


def _choose(cands: list[Place], context: list[str]) -> Place | None:
    """The candidate the context points at, or the only candidate.

    A city and the county named after it (长沙市, 长沙县) tie unless the context
    says otherwise; the short form then means the city, the one the other lies in.
    """
    if len(cands) == 1:
        return cands[0]
    scores = []
    for p in cands:
        s = 0
        for c in context:
            if _related(p.path, c):
                s += 2
            elif c.startswith(p.province):
                s += 1
        scores.append(s)
    best = max(scores)
    tied = [p for p, s in zip(cands, scores, strict=True) if s == best]
    if len(tied) == 1:
        return tied[0] if best > 0 else None
    top = min(tied, key=lambda p: len(p.path))
    if all(p.path.startswith(top.path) for p in tied):
        return top
    # with no context at all, a city's short form (`某安`: 某安市) means the city, not a district elsewhere named
    # like it (某安区 of another city): the genre writes such a district with its city or its level
    cities = [p for p in tied if p.level == "prefecture"]
    if best == 0 and len(cities) == 1 and all(p.level == "county" for p in tied if p is not cities[0]):
        return cities[0]
    return None


def find_regions(text: str, fallback_anchors: tuple[str, ...] = ()) -> list[RegionHit]:
    """Explicit mentions of administrative divisions, each with its full path.

    A chain (`四川宜宾`, `浙江省嘉兴市海宁市`) is one hit at its most specific place.
    `fallback_anchors` (the region the article's source names) settle only a name that the
    text itself leaves ambiguous (`鼓楼区` in an article of `福州鼓楼发布`).
    """
    gz = gazetteer()
    raw = gz.scan(text)
    # A full form ending in 市 followed by 场 is a short form + 市场 (海宁市场监管局).
    fixed: list[tuple[int, int, str]] = []
    words = [(m.start(), m.end()) for m in _plain_words_re().finditer(text)] if _says_plain_word(text) else []
    for s, e, surf in raw:
        if any(a < e and s < b for a, b in words):
            continue  # `弘扬中华`, `大庆期间`: an ordinary word holds the form (region_not_before.tsv `word`)
        if surf.endswith("市") and text.startswith("场", e):
            short = surf[:-1]
            if short in gz.forms:
                fixed.append((s, e - 1, short))
            continue
        fixed.append((s, e, surf))
    # Pass 1: unambiguous anchors give the context for the rest.
    anchors: list[str] = []
    lone_ok: dict[int, bool] = {}  # a form of one place, accepted or not (asked again below)
    for s, e, surf in fixed:
        fs = gz.forms[surf]
        if len(fs) == 1 and (lone_ok.setdefault(s, _accepted(text, s, e, fs[0], gz))):
            anchors.append(fs[0].place.path)
    hits: list[RegionHit] = []
    prev: RegionHit | None = None
    for s, e, surf in fixed:
        fs = gz.forms[surf]
        # Chained after its parent: the parent decides and the short form is safe.
        if prev is not None and prev.end == s:
            under = [f.place for f in fs if f.place.path != prev.path and _is_under(f.place.path, prev.path)]
            pick = _choose(under, []) if under else None
            if pick is not None:
                merged = _hit(prev.start, e, text, pick)
                hits[-1] = merged
                prev = merged
                continue
        ok = [f for f in fs if (lone_ok[s] if len(fs) == 1 else _accepted(text, s, e, f, gz))]
        if not ok and _INCIDENT_CODE.match(text, e):
            # a place word that is also an ordinary word (`西区`, `城区`) opening an incident's coded name
            # (`甲区“8·23”透水事故`) is the place it happened in, when the text names a place in the city of one of them
            # (`乙县“8·13”…事故、甲区“8·23”…事故`: 乙县's city has a 甲区)
            ok = [f for f in fs if f.place.parent and any(a.startswith(f.place.parent) for a in anchors)]
            ok = ok if len(ok) == 1 else []
        if not ok:
            prev = None
            continue
        place = _choose([f.place for f in ok], anchors)
        if place is None and fallback_anchors:
            place = _choose([f.place for f in ok], list(fallback_anchors))
        if place is None:
            prev = None
            continue
        prev = _hit(s, e, text, place)
        hits.append(prev)
    hits = _add_townships(text, hits, fallback_anchors)
    if (initials := _initial_re()).search(text) is None:
        return hits
    return sorted(hits + [h for h in _initials(text, initials, gz) if not any(o.start < h.end and h.start < o.end
                                                                               for o in hits)],
                  key=lambda h: h.start)


_INCIDENT_CODE = re.compile(r"[“\"「]?\d{1,2}\s*[·.˙•・]\s*\d{1,2}")
"""The coded date that opens an incident's name (`“8·23”`, `3.21`), right after the place it names."""


@lru_cache(maxsize=1)
def _initial_re() -> re.Pattern[str]:
    """A province's one-character name between a word of being there and one of what happens there (`在京召开`:
    region_short_forms.tsv initial, initial_before, initial_after)."""
    rows = lexicon_rows("region_short_forms.tsv")
    kinds = {k: [r[0] for r in rows if r[-1] == k] for k in ("initial", "initial_before", "initial_after")}
    # the class first (a lookbehind first is tried at every character, a class is jumped to in C)
    initial = "".join(kinds["initial"])
    return re.compile(f"[{initial}](?<=[{''.join(kinds['initial_before'])}][{initial}])"
                      f"(?={alternation(kinds['initial_after'])})")


@lru_cache(maxsize=1)
def _initial_paths() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicon_rows("region_short_forms.tsv") if r[-1] == "initial"}


def _initials(text: str, pattern: re.Pattern[str], gz: Gazetteer) -> list[RegionHit]:
    paths = _initial_paths()
    return [_hit(m.start(), m.end(), text, gz.by_path[paths[m.group()]]) for m in pattern.finditer(text)
            if paths[m.group()] in gz.by_path]


_TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木")


@lru_cache(maxsize=1)
def _townships() -> dict[str, tuple[str, ...]]:
    """County path → its township names (镇, 乡, 街道, 苏木), longest first."""
    out: dict[str, tuple[str, ...]] = {}
    for county, lines in gazetteer().county_lines.items():
        names = {n for n in lines if n.endswith(_TOWN_SUFFIXES) and len(n) >= 3}
        if names:
            out[county] = tuple(sorted(names, key=len, reverse=True))
    return out


@lru_cache(maxsize=1)
def _short_towns() -> dict[str, tuple[str, ...]]:
    """County path → its two-character township names (`龙镇`): read only right after their county's name."""
    out: dict[str, tuple[str, ...]] = {}
    for county, lines in gazetteer().county_lines.items():
        if names := tuple(n for n in lines if n.endswith(("镇", "乡")) and len(n) == 2):
            out[county] = names
    return out


@lru_cache(maxsize=1)
def _town_owners() -> dict[str, tuple[str, ...]]:
    """Township name → the county paths that have a township of that name."""
    out: dict[str, list[str]] = {}
    for county, names in _townships().items():
        for n in names:
            out.setdefault(n, []).append(county)
    return {n: tuple(c) for n, c in out.items()}


def township_names() -> dict[str, tuple[str, ...]]:
    """County path → its township names; the first call builds the gazetteer, so a worker calls it first."""
    _town_owners()
    return _townships()


@lru_cache(maxsize=1)
def _unsuffixed_towns() -> dict[str, tuple[tuple[str, str], ...]]:
    """County path → (name without 镇/乡, township name) of its townships of three characters or more, read
    only under a county the text names: a name that is an ordinary word or a place's form (`城关`), or a natural
    feature's (region_not_before.tsv `feature`: `某某江镇` without 镇 is the river), is left out."""
    words, forms, features = common_words(), gazetteer().forms, _not_before("feature")
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for county, names in _townships().items():
        pairs = tuple((n[:-1], n) for n in names if n.endswith(("镇", "乡")) and len(n) >= 3
                      and n[:-1] not in words and n[:-1] not in forms and not n[:-1].endswith(features))
        if pairs:
            out[county] = pairs
    return out


@lru_cache(maxsize=1)
def _site_words() -> tuple[str, ...]:
    """Words after a township's name without 镇/乡 that make it a site's or a body's name (`某某煤矿`, `某某派出所`:
    region_not_before.tsv `site`), and those of a smaller place (`某某村`)."""
    return _not_before("site") + _not_before("station") + _not_before("smaller")


_TOWN_NAME_MAX = 6  # characters of the longest township name looked up without its county
_TOWN_MIN_MENTIONS = 2  # mentions of a county's own townships that place it when the text never names it


@lru_cache(maxsize=2)
def _town_names(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Every township name of the gazetteer the text writes with its level word (the longest ending at each level
    word), with the counties that have a township of that name: (start, end, counties), in text order."""
    owners = _town_owners()
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for suffix in _TOWN_SUFFIXES:
        i = text.find(suffix)
        while i >= 0:
            end = i + len(suffix)
            for start in range(max(0, end - _TOWN_NAME_MAX), end - 2):
                counties = owners.get(text[start:end])
                if counties is not None:
                    out.append((start, end, counties))
                    break  # the longest name ending here
            i = text.find(suffix, end)
    return tuple(sorted(out))


def town_after(text: str, hit: RegionHit) -> str | None:
    """The township a place's name runs on into, written without its level word (`浙江瓜沥`: the 瓜沥镇 of 浙江), when
    one township under the place has that name: the place is then only a prefix of the township's name."""
    owners = _town_owners()
    for k in (4, 3, 2):
        stem = text[hit.end:hit.end + k]
        if len(stem) < k or not all(is_han(c) for c in stem) or is_han(text[hit.end + k:hit.end + k + 1] or "."):
            continue  # the short name ends the label (`来源:某省某某`; `某省新华日报` is a paper)
        paths = {c + stem + suffix for suffix in _TOWN_SUFFIXES for c in owners.get(stem + suffix, ())
                 if c.startswith(hit.path)}
        if len(paths) == 1:
            return paths.pop()
    return None


def _towns_under_cities(text: str, hits: list[RegionHit], fallback: tuple[str, ...]) -> list[RegionHit]:
    """Townships of counties a text does not name, placed by a prefecture it names: a township name that one county
    of that prefecture alone has (`甲市…到乙镇督查`, 乙镇 a township of one district of 甲市) is that county's, named
    once or more. The genre names a city's townships without their district. Only the names written are read (the
    county's other townships are not looked for)."""
    cities = {h.path for h in hits if h.level == "prefecture"} | {f for f in fallback if level_of(f) == "prefecture"}
    if not cities:
        return []
    out: list[RegionHit] = []
    for start, end, counties in _town_names(text):
        under = [c for c in counties if any(c.startswith(p) for p in cities)]
        if len(under) == 1 and not any(h.start < end and start < h.end for h in hits):
            out.append(RegionHit(start, end, text[start:end], under[0] + text[start:end], "township", None))
    return out


def _lone_towns(text: str, hits: list[RegionHit]) -> tuple[list[str], list[tuple[int, int]]]:
    """Counties a text never names but places by their townships, and where those townships stand:
    `某某镇召开…会议` said twice, or two townships of the one county (`甲镇、乙乡依次发言`). Only a name
    that one county alone has counts; named once, it counts when its own body or meeting follows
    (`某某镇党委`, `某某镇召开`, `某某镇在镇会议室召开`). A township name wins over a short form it holds (`某某镇安委会`
    is no 镇安县); a county that the text's other places contradict is refused."""
    spans: dict[str, list[tuple[int, int]]] = {}  # county -> where a name only it has stands
    shared: list[tuple[int, int, tuple[str, ...]]] = []  # names several counties have
    for start, end, counties in _town_names(text):
        if len(counties) == 1:
            spans.setdefault(counties[0], []).append((start, end))
        else:
            shared.append((start, end, counties))
    for county, at in spans.items():  # a shared name joins a county that a name of its own placed
        at.extend((a, b) for a, b, counties in shared if county in counties)
    out: list[str] = []
    where: list[tuple[int, int]] = []
    for county, at in spans.items():
        if len(at) < _TOWN_MIN_MENTIONS and not any(text.startswith(_own_town_words(), b)
                                                    or _held_at_venue_re().match(text, b) for _, b in at):
            continue
        # a form inside a word of the genre names no place to refuse it (`某某镇召开…。镇安委会成员…`: 镇安 is
        # 镇 + 安委会, no county)
        others = [h for h in hits if not any(a < h.end and h.start < b for a, b in at) and not part_of_a_word(text, h)]
        if others and not any(_related(county, h.path) for h in others) and _outweighs(others, len(at)):
            continue
        out.append(county)
        where.extend(at)
    return out, where


def _outweighs(others: list[RegionHit], town_mentions: int) -> bool:
    """Whether the places a text names elsewhere refuse a county its townships place: a place written in
    full, or a short form said as often as the townships; a lone short form (`镇长张宁某` holds 宁某区)
    loses to a township the report names again and again (`某某镇召开…`, `某某镇党委…`, `某某镇安全形势`)."""
    if town_mentions < _TOWN_MIN_MENTIONS + 1:
        return True
    counts = Counter(h.path for h in others)
    return any(h.surface[-1:] in LEVEL_CHARS or counts[h.path] >= town_mentions for h in others)


@lru_cache(maxsize=1)
def _venue_words() -> tuple[str, ...]:
    """Words after a stop-listed short form that make it a place (`某某分会场`: region_not_before.tsv `venue`)."""
    return _not_before("venue")


@lru_cache(maxsize=1)
def _road_words() -> tuple[str, ...]:
    """Words after a short form that make it part of a road's or a smaller place's name (`开阳高速`, `某某村`)."""
    return _not_before("road") + _not_before("smaller")


@lru_cache(maxsize=1)
def _site_names() -> tuple[str, ...]:
    """Site words of two characters or more (region_not_before.tsv `site`) after a county's or a city's short form:
    a mine, a brigade or a station named after a place is that site, no mention of the place (`某某煤矿`,
    `某某交警大队`). A one-character site word (`所`, `矿`) counts only after a township's name, where it cannot be
    the next word (`某某所有企业`); a province's short form before one names a body of the province (`某省煤矿安监局`),
    but not before a station's word (`station`: `某某派出所`), which no province has."""
    return tuple(w for w in _not_before("site") if len(w) >= 2) + _not_before("station")


@lru_cache(maxsize=1)
def _station_words() -> tuple[str, ...]:
    """Words of a station below a county named after its patch (region_not_before.tsv `station`: `某某派出所`)."""
    return _not_before("station")


def _says_plain_word(text: str) -> bool:
    """Whether `text` holds an ordinary word of `_plain_words_re` (a few): else the pattern matches nowhere."""
    return any(w in text for w in _not_before("word"))


@lru_cache(maxsize=1)
def _plain_words_re() -> re.Pattern[str]:
    """Ordinary words a place form overlaps (region_not_before.tsv `word`); a pattern that never matches when none."""
    return re.compile(alternation(_not_before("word")) or "(?!)")


@lru_cache(maxsize=1)
def _own_town_words() -> tuple[str, ...]:
    """Words after a township named once that make it the report's own (`某某镇党委`, `某某镇召开`):
    region_not_before.tsv `own_town` and the body names of bodies.tsv, longest first."""
    out = set(_not_before("own_town"))
    out |= {r[0] for r in lexicon_rows("bodies.tsv") if len(r[0]) >= 2}
    return tuple(sorted(out, key=len, reverse=True))


_VENUE_REACH = 20  # characters of a venue between `在` and the held verb (`在镇政府三楼会议室召开`)


@lru_cache(maxsize=1)
def _held_at_venue_re() -> re.Pattern[str]:
    """`某某镇在镇政府会议室召开…`: a venue, then a held verb of region_not_before.tsv `own_town` in the clause."""
    held = alternation(_not_before("own_town"))
    return re.compile(rf"在{IN_CLAUSE}{{1,{_VENUE_REACH}}}?(?:{held})")


def _town_occurrences(text: str, county: str) -> list[tuple[int, int]]:
    """Every (start, end) where one of the county's township names begins, the longest name at
    each start, in text order. `str.find` per name: a county has a few dozen names, and
    compiling a regex per county cost more than the rest of an article's extraction."""
    at: dict[int, int] = {}
    for name in _townships().get(county, ()):  # longest first: a shorter name at the same start loses
        i = text.find(name)
        while i >= 0:
            at.setdefault(i, i + len(name))
            i = text.find(name, i + 1)
    return sorted(at.items())


def _add_townships(text: str, hits: list[RegionHit], fallback: tuple[str, ...] = ()) -> list[RegionHit]:
    """Townships of the counties the article names: `许村镇` only in an article that names 海宁, or whose
    source does (`某某镇召开…` from the site of `某某县政府`).

    Town names repeat across the country (城东街道), so they are looked up only
    under a county already found; `海宁市许村镇` becomes one hit.
    """
    lone, towns = _lone_towns(text, hits)
    if towns:
        hits = [h for h in hits if not any(a < h.end and h.start < b for a, b in towns)]
    homes = _townships()  # counties, and prefectures without counties
    counties = list(dict.fromkeys([*(h.path for h in hits if h.level != "township" and h.path in homes), *lone,
                                   *(f for f in fallback if f in homes)]))
    found: list[RegionHit] = []
    for county in counties:
        cursor = 0  # matches of one county do not overlap each other (leftmost, then longest)
        for s, e in _town_occurrences(text, county):
            if s < cursor:
                continue
            cursor = e
            # a shorter place inside the township's name is part of it (`德某镇` holds no 德某市)
            inside = [h for h in hits if s <= h.start and h.end < e and h.level != "township"]
            if inside:
                hits = [h for h in hits if h not in inside]
            if any(h.start < e and s < h.end for h in hits) or any(f.start < e and s < f.end for f in found):
                continue
            found.append(RegionHit(s, e, text[s:e], county + text[s:e], "township", None))
    found += [t for t in _towns_under_cities(text, hits, fallback) if not any(f.start < t.end and t.start < f.end
                                                                              for f in found)]
    if not found and not counties:
        return hits
    for county in counties:  # a township written without 镇/乡 (`某某组织收看…`, `会后，某某继续召开…`)
        for short, name in _unsuffixed_towns().get(county, ()):
            i = text.find(short)
            while i >= 0:
                e = i + len(short)
                if not any(h.start < e and i < h.end for h in hits) and not any(f.start < e and i < f.end
                                                                              for f in found) \
                        and not text.startswith(_site_words(), e):
                    found.append(RegionHit(i, e, short, county + name, "township", None))
                i = text.find(short, e)
    found += _shared_suffix_towns(text, found, hits)
    for h in hits:  # a two-character township right after its county (`某某县龙镇`)
        for name in _short_towns().get(h.path, ()) if h.level == "county" else ():
            if text.startswith(name, h.end) and not any(f.start < h.end + 2 and h.end < f.end for f in found):
                found.append(RegionHit(h.end, h.end + 2, name, h.path + name, "township", None))
    if not found:
        return hits
    out: list[RegionHit] = []
    for h in sorted(hits + found, key=lambda h: h.start):
        if out and h.level == "township" and out[-1].end == h.start and h.path.startswith(out[-1].path):
            out[-1] = RegionHit(out[-1].start, h.end, text[out[-1].start:h.end], h.path, "township", None)
        else:
            out.append(h)
    return out


_TOWN_LEVELS = ("街道", "镇", "乡")  # the level word a list of townships may write once, after its last item
_LIST_JOINS = "、和及"
_ITEM_MAX = 5  # characters of one item without its level word


def _shared_suffix_towns(text: str, found: list[RegionHit], hits: list[RegionHit]) -> list[RegionHit]:
    """The items of a list of townships that writes their level word once, after the last (`到甲、乙、丙街道等地`,
    `甲和乙镇`): before a township found, each item joined by `、`/`和` that with that level word is a township of the
    same county."""
    out: list[RegionHit] = []
    for f in found:
        level = next((w for w in _TOWN_LEVELS if f.surface.endswith(w)), None)
        if level is None:
            continue
        county = f.path[:len(f.path) - len(f.surface)]
        names = set(_townships().get(county, ()))
        end = f.start
        while end > 0 and text[end - 1] in _LIST_JOINS:
            # the longest item before the join that is a township with the level word (`到甲镇` is no item: 甲 is)
            item = next((text[end - 1 - k:end - 1] for k in range(_ITEM_MAX, 1, -1)
                         if text[end - 1 - k:end - 1] + level in names), None) if end > 2 else None
            start = end - 1 - len(item) if item else end
            if item is None or any(h.start < end - 1 and start < h.end for h in [*hits, *found, *out]):
                break
            out.append(RegionHit(start, end - 1, item, county + item + level, "township", None))
            end = start
    return out


def _accepted(text: str, s: int, e: int, form: _Form, gz: Gazetteer) -> bool:
    surface = text[s:e]
    if form.kind == "full":
        # `各乡镇和县直部门`: a two-character county (和县) before 直/级 is a conjunction + 县直
        if len(surface) == 2 and text[e:e + 1] in ("直", "级") and surface[0] in "和及与或各":
            return False
        # `某某镇和县发改局`, `市政府和县委`: after a place or body, 和 joins it to a body of the county
        if len(surface) == 2 and surface[0] in "和及与或" and text[s - 1:s] in _JOINED_ENDS \
                and _COUNTY_BODY.match(text, e):
            return False
        # a two-character county whose first character ends a word before it (`代理县长`: 理县)
        if len(surface) == 2 and s > 0 and text[s - 1:s + 1] in gz.words:
            return False
        # a post of address that opens with the form (`某县代县长某某`: an acting county head, no county 代县)
        if text.startswith(_posts_opening(surface), s):
            return False
        return surface not in gz.stop_full
    if form.place.level != "province" and surface in gz.stop_alias and not text.startswith(_venue_words(), e):
        return False
    if text.startswith(_road_words(), e):  # `某某高速`: a road's name joins the places it links
        return False
    if form.place.level != "province" and text.startswith(_site_names(), e):  # `某某煤矿`, `某某交警大队`
        return False
    if text.startswith(_station_words(), e):  # `某某派出所`: a station's patch, even a province's short form
        return False
    if _given_name(text, s, e):
        return False
    if form.place.level == "province" and len(surface) >= 3:  # `以内蒙古…为鉴`: 以内 is no cut of 内蒙古
        return True
    if text.startswith(_venue_words(), e):  # `在某安分会场`: the venue word ends the place (安分 is no word there)
        return _clean_cut(text, s, s, gz)
    # a short form of three characters or more (`某家界`) is no chance run of characters: a word that its first
    # character ends (`新华声某家界讯`: 声张) does not cut it; a word its last character opens still does
    return _clean_cut(text, s, e, gz, left=len(surface) < 3)


_NAME_ITEM_BEFORE = "、，,(（"  # what opens one item of a list of names, or a parenthesis of one (`(张某某)`)
_NAME_ITEM_AFTER = "、，,)）等"  # what closes it (`甲某、乙某某等`)


def _given_name(text: str, s: int, e: int) -> bool:
    """A two-character short form with a surname right before it, the three making one item of a list of
    names or a parenthesis of its own (`甲某、李丹阳、乙某等`, a byline `(李丹阳)`): a given name, no place."""
    return (e - s == 2 and s >= 2 and text[s - 1] in surnames() and text[s - 1] not in _prepositions()
            and text[s - 2] in _NAME_ITEM_BEFORE and text[e:e + 1] in _NAME_ITEM_AFTER and text[e:e + 1] != "")


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    """Surnames that before a place are prepositions or conjunctions (region_not_before.tsv `preposition`)."""
    return frozenset(_not_before("preposition"))


@lru_cache(maxsize=256)
def _posts_opening(surface: str) -> tuple[str, ...]:
    """The posts of address (lexicon/honorifics.tsv) longer than `surface` that open with it (`代县长`)."""
    return tuple(w for w in _honorific_posts() if len(w) > len(surface) and w.startswith(surface))


@lru_cache(maxsize=1)
def _honorific_posts() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon_rows("honorifics.tsv"))


_JOINED_ENDS = "镇乡局委办府区市县村"  # last characters of a place or body a conjunction may follow
_COUNTY_BODY = re.compile("[" + HAN + r"]{0,6}?(?:局|委|办|政府|部门|中心|大队)")  # 县委, 县发改局 after 县


def _clean_cut(text: str, s: int, e: int, gz: Gazetteer, left: bool = True) -> bool:
    """No common word cut at [s, e)'s edges (at its end alone where not `left`), no idiom across it."""
    if not cuts_no_word(text, s if left else e, e, gz.words):
        return False
    return not any(text[k:k + 4] in gz.idioms for k in range(max(0, e - 4), s + 1))


def cuts_no_word(text: str, s: int, e: int, words: frozenset[str]) -> bool:
    """True when [s, e) splits no common word: neither char before + first char, nor last + char after."""
    if s > 0 and text[s - 1:s + 1] in words:
        return False
    return not (e < len(text) and text[e - 1:e + 1] in words)


def resolve_region(name: str, context: str | None = None) -> RegionHit | None:
    """The place a name (`海宁市`, `龙山`, `四川宜宾`) stands for; context (a path) picks among namesakes."""
    gz = gazetteer()
    name = name.strip()
    ctx = [context] if context else []
    if name in gz.forms:
        place = _choose([f.place for f in gz.forms[name]], ctx)
        return _hit(0, len(name), name, place) if place else None
    parts = gz.scan(name)
    if not parts or parts[0][0] != 0 or parts[-1][1] != len(name):
        return None
    cur: Place | None = None
    for i, (s, _e, surf) in enumerate(parts):
        if i and parts[i - 1][1] != s:
            return None
        cands = [f.place for f in gz.forms[surf]]
        if cur is not None:
            cands = [p for p in cands if _is_under(p.path, cur.path) and p.path != cur.path]
            nxt = cands[0] if len(cands) == 1 else _choose(cands, ctx)
        else:
            nxt = _choose(cands, ctx)
        if nxt is None:
            return None
        cur = nxt
    return _hit(0, len(name), name, cur) if cur else None


def _town_parent(path: str) -> str | None:
    """The county of a township path (`...海宁市许村镇` → `...海宁市`; a prefecture without counties
    holds its towns itself), or None."""
    if not path.endswith(_TOWN_SUFFIXES):
        return None
    by_path = gazetteer().by_path
    for cut in range(len(path) - 2, 1, -1):
        head = path[:cut]
        if head in by_path and by_path[head].level in ("county", "prefecture"):
            return head if path[cut:] in (*_townships().get(head, ()), *_short_towns().get(head, ())) else None
    return None


def level_of(path: str) -> str | None:
    """province / prefecture / county / township for a gazetteer path; None for an unknown path."""
    p = gazetteer().by_path.get(path)
    if p:
        return p.level
    return "township" if _town_parent(path) else None


def parent_path(path: str) -> str | None:
    p = gazetteer().by_path.get(path)
    return p.parent if p else _town_parent(path)


def place_of(path: str) -> Place | None:
    """The gazetteer entry of a path (a township gets one built from its county)."""
    p = gazetteer().by_path.get(path)
    if p is not None:
        return p
    county = _town_parent(path)
    if county is None:
        return None
    return Place(path[len(county):], path, "township", None, county, gazetteer().by_path[county].province)


def _outside_titles(text: str, hits: list[RegionHit], incidents: bool = True) -> list[RegionHit]:
    """Hits not inside a 《》 title nor (with `incidents`) naming an incident (`昆山“8·2”`): those say nothing
    of home."""
    out = []
    for h in hits:
        before = text[max(0, h.start - 40):h.start]
        o, c = before.rfind("《"), before.rfind("》")
        if o > c:
            continue
        after = text[h.end:h.end + 3]
        if incidents and after[:1] in "“\"" and any(ch.isdigit() for ch in after):
            continue
        out.append(h)
    return out


def context_region(text: str, hits: list[RegionHit]) -> str | None:
    """The article's home region: the deepest path that most mentions agree with.

    Each mention supports its own path and every path below it, so `湖南省` ×3 and
    `龙山` ×1 make `湖南省湘西土家族苗族自治州龙山县` the home (support 4).
    Mentions inside 《》 titles or incident names do not count.
    """
    hits = _outside_titles(text, hits)
    towns = Counter(h.path for h in hits if h.level == "township")
    counts = Counter(h.path for h in hits if h.level != "township")
    if not counts:
        return towns.most_common(1)[0][0] if towns else None
    scored = []
    for path in counts:
        support = sum(c for p, c in counts.items() if path.startswith(p))
        conflict = sum(c for p, c in counts.items() if not _related(path, p))
        scored.append((support - conflict, len(path), path))
    top = max(s for s, _, _ in scored)
    leaders = [p for s, _, p in scored if s == top]
    best = max(leaders, key=len)
    if any(not best.startswith(p) for p in leaders):  # siblings tie: their common ancestor
        best = _common_ancestor(leaders)
        if best is None:
            # none: the place a paper files its own report from (`本报甲市2月23日讯`) is the report's home
            return next((h.path for h in hits if h.path in leaders and _DATELINE.match(text, h.end)
                         and text.endswith("本报", 0, h.start)), None)
    # a township is home when it is named more often than its county on its own
    town, n = next(((t, c) for t, c in towns.most_common() if t.startswith(best)), (None, 0))
    if town is not None and n > counts.get(best, 0):
        return town
    return best


_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:讯|电)")


def _common_ancestor(paths: list[str]) -> str | None:
    chains = [[p.path for p in _chain(x)] for x in paths]
    common = None
    for level in zip(*chains, strict=False):
        if len(set(level)) != 1:
            break
        common = level[0]
    return common


@lru_cache(maxsize=1)
def _relative_words() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon_rows("region_relative.tsv")}


def relative_level(word: str) -> str | None:
    """The level a word of region_relative.tsv says whatever the home (`自治区` a province); None for a
    word whose kind is a suffix (`市`: a prefecture or a county-level city)."""
    kind = _relative_words().get(word)
    return kind if kind in LOCAL_LEVELS else None


def level_words() -> tuple[str, ...]:
    """The words of region_relative.tsv of two characters or more that say a level by themselves (`自治区`)."""
    return _level_words()


@lru_cache(maxsize=1)
def _level_words() -> tuple[str, ...]:
    """The words of region_relative.tsv of two characters or more that say a level by themselves, longest first."""
    return tuple(sorted((w for w in _relative_words() if len(w) > 1 and relative_level(w)), key=len, reverse=True))


def level_word_at(title: str) -> str | None:
    """The longest of `_level_words` that opens a title (`自治区主席` → `自治区`), else None."""
    words = _level_words()
    return next(w for w in words if title.startswith(w)) if title.startswith(words) else None


def _chain(path: str) -> list[Place]:
    """The places from the province down to `path`."""
    out: list[Place] = []
    p = place_of(path)
    while p is not None:
        out.append(p)
        p = place_of(p.parent) if p.parent else None
    return out[::-1]


@lru_cache(maxsize=8)
def relative_words_re(heads: str) -> re.Pattern[str]:
    """The relative-region words of region_relative.tsv that start with one of `heads` (`我县`, `全市`
    for heads `我全`), longest first: `relative_words_re("我全本").search(name)` finds a scope word."""
    return re.compile(alternation(w for w in _relative_words() if len(w) > 1 and w[0] in heads))


def home_word(text: str) -> re.Match[str] | None:
    """The report's own place as it calls it (`我县`, `本市`): the first such word, but one below a province
    where the text also says `我省` (`吸取发生在我省的某事故教训…要求我市各企业…`: written from the 市)."""
    first = None
    for m in relative_words_re("我本").finditer(text):
        if not m.group().endswith("省"):
            return m
        first = first or m
    return first


@lru_cache(maxsize=4096)  # a pure function of the word and the context, asked again and again per article
def relative_region(word: str, context: str | None) -> str | None:
    """The path that `我省`/`全市`/`州`/`县` means in an article whose home is `context`.

    `市` is the nearest ancestor-or-self whose name ends in 市 (a county-level city
    like 海宁市 included); `州` the nearest ending in 州 (an autonomous prefecture).
    None when the context lacks that level.
    """
    if not context:
        return None
    kind = _relative_words().get(word)
    if kind is None:
        return None
    chain = _chain(context)
    if not chain:
        return None
    if kind in LOCAL_LEVELS:
        place = next((p for p in chain if p.level == kind), None)
        if place is not None and word.endswith("省") and not place.name.endswith("省"):
            return None  # `全省` never means an autonomous region (全区) or a municipality (全市)
        return place.path if place is not None else None
    if kind in _TOWN_SUFFIXES:
        return context if context.endswith(kind) and level_of(context) == "township" else None
    for p in reversed(chain):
        # `全区` in a prefecture of an autonomous region with no district of its own means the region;
        # `区` alone (`区委`) stays a district's
        if p.level == "province" and kind != "市" and not (kind == "区" and len(word) > 1 and p.name.endswith(kind)):
            continue
        if p.name.endswith(kind):
            return p.path
    return None


def division_path(hit: RegionHit) -> str | None:
    """The administrative division a place hit names, for the `regions` list. A functional zone that the
    statistics list among the counties (code `xxxx7x`: a development zone, a new area, a scenic area) is
    none: its name names its city when it opens with it (`某某新区` → 某某市), else nothing."""
    if not (hit.code and len(hit.code) >= 6 and hit.code[4] == "7"):
        return hit.path
    place = place_of(hit.path)
    parent = place_of(place.parent) if place and place.parent else None
    if parent is None:
        return None
    short = parent.name[:-1] if len(parent.name) > 2 and parent.name[-1] in LEVEL_CHARS else parent.name
    return parent.path if hit.surface.startswith(short) else None


def named_regions(hits: list[RegionHit]) -> list[str]:
    """The gold `regions` list: each hit's path once, in text order.

    A place named only as the parent inside a chain (`浙江省嘉兴市海宁市`) is not
    listed on its own; one also named by itself (`湖南省` and `龙山`) is.
    """
    return list(dict.fromkeys(h.path for h in hits))


@lru_cache(maxsize=16)
def _not_before(kind: str) -> tuple[str, ...]:
    """The words of one kind of region_not_before.tsv (`overlap`, `outlet`, `coming`, `holds`, `venue`, `road`,
    `smaller`, `word`, `own_town`, `preposition`, `site`, `station`, `feature`): the one reader of that file."""
    return tuple(r[0] for r in lexicon_rows("region_not_before.tsv") if r[1] == kind)


def part_of_a_word(text: str, hit: RegionHit) -> bool:
    """A place match whose last character opens a body's abbreviation (`镇安委会` is 镇 + 安委会, not the
    county 镇安) or an ordinary word (`条件下城市道路`: 城市, no district 下城), one inside a word that means something else (`喜迎大庆` is a celebration, not the
    city 大庆), one whose first character ends a team's coming (`某组来宾督查`: 来宾 is no city there), or one that opens a site's dateline (`某某网讯`); lexicon/region_not_before.tsv."""
    # (a word from the place's end on keeps it a place: `某城市场监管局` is 某城 + 市场, where `某城市道路` is 城市)
    if text.startswith(_not_before("overlap"), hit.end - 1) and text[hit.end:hit.end + 2] not in common_words() \
            or text.startswith(_not_before("outlet"), hit.end):
        return True
    if any(text.startswith(w, hit.start + 1 - len(w)) for w in _not_before("coming") if hit.start + 1 >= len(w)):
        return True  # `某组来宾督查`: the team's coming, then the home's first character
    for word in _not_before("holds"):
        i = text.find(word, max(0, hit.end - len(word)), hit.start + len(word))
        while 0 <= i <= hit.start:
            if i + len(word) >= hit.end:
                return True
            i = text.find(word, i + 1, hit.start + len(word))
    return False


def title_home(text: str, hits: list[RegionHit]) -> str | None:
    """The home a report names only in the titles of its own documents (`审议《某市…工作规则》`): the one
    place all its 《》 titles name, when the text names no place outside them."""
    # an incident's place (`吸取某市“7·28”事故教训`, told twice) is where it happened, not the home
    inside = {h.path for h in hits if not _outside_titles(text, [h], incidents=False)}
    return next(iter(inside)) if len(inside) == 1 else None
