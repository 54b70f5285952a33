"""Cross-article resolution: which mentions in different articles are one entity, and why.

The resolver turns a mention into a resolved key, and the key into a stable id (ids.entity_id),
so the same entity gets the same IRI in every article and every run. Its state is an index
of keys -> ids with the reason and (a capped list of) the supporting articles, plus the
meetings index for the one rule that needs state (same date + region + shared participant);
never the graph itself. It is saved as JSON in the workspace between build runs.

Rules (the reason strings say which fired):
- region: gazetteer code when known, else the full path;
- body: region + kind; + name for departments and unknown kinds; + team name and year for
  inspection teams; a body whose region is unknown stays within its article;
- person: national leaders by name; others by name within their region context (the region
  of their post, else of the meeting they took part in, else the article's context region);
  without any region context a person stays within its article;
- post: body (else region) + title; directive: normalized title after aliases: the curated table
  (directive_aliases.tsv, with its source) and what an article's text says (《全称》(以下简称“X”),
  cues in alias_cues.tsv), which holds for every article, and a long title one character short of
  another (a character dropped in writing; not a numeral, not the last); incident: normalized title; sector:
  canonical name;
- inspection: team + target + start;
- meeting: a meeting of a known
  kind (else of a known name family) is one node per kind/name family + level + region (`全国` for
  national meetings, never the reporting place) + full date. A year-less `--MM-DD` meeting joins the
  one dated meeting of its family, level, region and month-day (when several fit, the one whose
  articles cite the same topical instruction, if exactly one does; a sole candidate whose articles
  cite only other instructions, one side a topical one, is refused: the leaders' standing word on the field,
  关于安全生产 on one side and 关于安全生产和应急管理 on the other, tells no two meetings apart; so is a candidate of a year the report does not
  write, nor the year after or before one it writes: extract.dates.written_years, nor one held out of the term
  of a national leader the report names in a post: leader_era, leader_terms.tsv); an undated meeting that a
  meeting of the same article relays on day D joins the one dated meeting of its family, level and
  region in the RELAY_WINDOW days up to D. Those joins are flagged (`inferred_year`,
  `inferred_date`) with the reason in `safetykg merges`; with several candidates, the one of the year the
  article's other meetings of that day are of (`day_year`: a report's meetings of one day are of one year), else
  the one whose other
  reports write the mention's name (its name family, one media noun: `_topic`) when exactly one does, else the
  meeting stays apart; with none, the year-less reports of one family, level, region and month-day are one
  meeting (no report tells their years apart) until a report gives that day a year. Joins can change as later articles arrive: `unsettled()` names the articles to
  graph again. A meeting named only by a bare word (`全省会议`, meeting_name_words.tsv `bare`) joins
  the one meeting of a known name or kind of its level and region on its day; an article's meetings of
  one kind, level, region and day under other names stay other meetings (named_apart). A teleconference (how
  a meeting is held, MEDIUM_KINDS) joins the one meeting of another kind of its level, region and day named
  alike beyond the medium (meeting_stem: `某省宣讲视频会议` = `某宣讲会`). A meeting of no
  known kind or name falls back to: same full date + region + a shared participant.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import cache
from pathlib import Path

from graph_loader.extract.lexicon_files import rows as lexicon_rows
from graph_loader.graph import gazetteer, json_stream
from graph_loader.graph.ids import (
    NATIONAL_REGION,
    entity_id,
)
from graph_loader.lang.bodies import is_national_body
from graph_loader.lang.kinds import clipped_nouns
from graph_loader.lang.lexicon import read_table
from graph_loader.lang.numerals import NUMERAL, arabic
from graph_loader.lang.titles import display_title, name_key, search_key, title_key

DOC_CAP = 20  # articles remembered per entity (the count goes on)
ALIASES_PATH = Path(__file__).with_name("directive_aliases.tsv")
MEETING_WORDS_PATH = Path(__file__).with_name("meeting_name_words.tsv")
SIGNAL_WORDS_PATH = Path(__file__).with_name("instruction_signal_words.tsv")
ALIAS_CUES_PATH = Path(__file__).with_name("alias_cues.tsv")
ISSUERS_PATH = Path(__file__).with_name("issuer_short_forms.tsv")
LEADER_TERMS_PATH = Path(__file__).with_name("leader_terms.tsv")
KIND_ALIAS_MAX_LEN = 4  # a stated short name this long that ends the title is its kind (意见, 实施办法)
RELAY_WINDOW = 31  # days an undated relayed meeting may lie before the meeting relaying it
SIGNAL_CAP = 40  # cited instructions remembered per meeting


@dataclass
class Merge:
    """An entity that more than one article supports, and the rule that made them one."""

    kind: str
    id: str
    key: str
    doc_ids: list[str]  # the first DOC_CAP supporting articles
    reason: str
    n_docs: int = 0
    # articles whose report gave no year (inferred_year) or no date (inferred_date) for this meeting
    inferred_year: list[str] = field(default_factory=list)
    inferred_date: list[str] = field(default_factory=list)


@cache
def directive_aliases() -> dict[str, str]:
    """normalized alias -> canonical title."""
    return {directive_key(r["alias"]): r["canonical"].strip() for r in read_table(ALIASES_PATH) if r.get("alias")}


def directive_key(title: str) -> str:
    """A directive title as resolution compares it: the title key with its numbers in Arabic digits, so
    a package written `十五条硬措施` and `15条硬措施` is one key (graph_loader/lang/numerals.py)."""
    return arabic(title_key(title))


def _table_title(title: str) -> bool:
    key = directive_key(title)
    return key in directive_aliases() or key in _table_canonicals()


@cache
def _table_canonicals() -> frozenset[str]:
    return frozenset(directive_key(c) for c in directive_aliases().values())


@cache
def _issuer_words() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(short form -> full name, longest first; the words an issuer's name ends with). Short forms: the
    centre's own (graph/issuer_short_forms.tsv: 中办, 国办) and a body's short name (extract/lexicon/bodies.tsv,
    its safety_committee and department rows: 安委会, 安监总局); heads: extract/lexicon/directive_issuers.tsv."""
    shorts = {r["form"]: r["full"] for r in read_table(ISSUERS_PATH) if r["form"] and r["full"]}
    for surface, full, kind in (r for r in lexicon_rows("bodies.tsv") if len(r) >= 3):
        if kind in ("safety_committee", "department") and len(surface) >= 2:
            shorts.setdefault(surface, full)
    heads = tuple(r[0] for r in lexicon_rows("directive_issuers.tsv") if r[1:2] == ("head",))
    return tuple(sorted(shorts.items(), key=lambda fr: (-len(fr[0]), fr[0]))), heads


def central_issuers(words: str | None) -> str | None:
    """The centre's issuers as resolution keys them, when `words` (a title's part before 关于, or the issuer an
    article names apart) are only that: a national body's name first (lang/data/national_bodies.tsv), an issuer's
    head last, short forms written in full (`中办、国办` -> `中共中央办公厅国务院办公厅`, `国务院安委会` ->
    `国务院安全生产委员会`); None for a province's or city's body (`某省人民政府`, `省政府`, `区安委办`) or words
    that are no issuer (`国务院安委会贯彻落实`)."""
    key = title_key(words or "")
    shorts, heads = _issuer_words()
    out, i = [], 0
    while i < len(key):
        for short, full in shorts:
            if key.startswith(short, i):
                out.append(full)
                i += len(short)
                break
        else:
            out.append(key[i])
            i += 1
    full_key = "".join(out)
    return full_key if full_key and is_national_body(full_key) and full_key.endswith(heads) else None


def split_issuers(key: str) -> tuple[str | None, str]:
    """The one reading of a directive key's issuers: (the centre's issuers before its first 关于, `关于…`), or
    (None, key) when the title does not open with the centre's issuers and 关于 (`中共中央国务院关于某某的意见` ->
    (`中共中央国务院`, `关于某某的意见`); `关于某某的意见` -> (None, itself); `某省人民政府关于某某的意见` ->
    (None, itself)). A central document keys as its issuers in full + `关于…` (Resolver.directive)."""
    at = key.find("关于")
    if at <= 0:
        return None, key
    issuers = central_issuers(key[:at])
    return (issuers, key[at:]) if issuers else (None, key)


def issued_title(title: str, issuer: str | None) -> str:
    """A document's full title is its issuer, 关于 and its subject; an article that names a national issuer
    apart (`国务院印发的《关于加强某某工作的意见》`) writes the same document as one that writes the full title
    (`《国务院关于加强某某工作的意见》`): the title resolves with the issuer (central_issuers: in full) in front.
    Only the centre's issuers: a relative one (`省政府`, `区安委办`) names a different body in every place, and
    its title stays as written (and keeps apart from the central document of that title, Resolver.directive). A
    title the curated alias table knows (directive_aliases.tsv, which writes its titles without the issuer)
    resolves by the table."""
    if not issuer or not title.startswith("关于") or _table_title(title):
        return title
    issuers = central_issuers(issuer)
    return issuers + title if issuers else title


@cache
def _alias_statement() -> re.Pattern:
    """《title》 followed by (以下简称“alias”) and the like."""
    cues = sorted((r["cue"] for r in read_table(ALIAS_CUES_PATH) if r["cue"]), key=len, reverse=True)
    return re.compile(r"《([^《》]{4,80})》\s*[(（]\s*(?:" + "|".join(map(re.escape, cues))
                      + r")\s*[:：]?\s*[“\"'「《]?([^”\"'」》()（）]{2,30})[”\"'」》]?\s*[)）]")


def stated_aliases(text: str) -> list[tuple[str, str]]:
    """(alias, title) pairs the text states: 《关于…的若干措施》(以下简称“十五条措施”)."""
    return [(m.group(2).strip(), m.group(1).strip()) for m in _alias_statement().finditer(text or "")]


@dataclass(slots=True)
class _Entry:
    """An entity: its id, why its articles are one, its first DOC_CAP articles (each doc id the one
    interned string the store holds too) and how many articles name it. Slots: a dict per entry was
    a sixth of the resolver's memory (177k entries at 30k articles)."""

    id: str
    reason: str
    doc_ids: list[str]
    n: int
    last: str | None = None  # the article counted last: its further mentions are not counted again

    def count(self, doc_id: str) -> bool:
        """Count one more supporting article unless it is counted already (in the first DOC_CAP, or
        the article resolved just now: an entity past the cap named twice by one article is one
        article). True when counted."""
        if doc_id == self.last or doc_id in self.doc_ids:
            return False
        self.n += 1
        self.last = doc_id
        if len(self.doc_ids) < DOC_CAP:
            self.doc_ids.append(sys.intern(doc_id))
        return True


class Resolver:
    """Keys -> ids with reasons; load/save JSON between runs of a build."""

    VERSION = 1

    def __init__(self) -> None:
        self._entities: dict[str, dict[str, _Entry]] = {}
        # "date|region" -> [[meeting id, its key, its participants' ids]] (meetings of no known family)
        self._meetings: dict[str, list[list]] = {}
        # dated meetings of a known family: key -> {"date", "name", "signals"}; family -> keys
        self._meeting_info: dict[str, dict] = {}
        self._families: dict[str, list[str]] = {}
        # year-less or undated mentions that may join a dated meeting: "doc|index" -> what they need
        self._pending: dict[str, dict] = {}
        # joined key -> {"year"|"date": {doc_id: reason}}
        self._inferred: dict[str, dict[str, dict[str, str]]] = {}
        self._adopted: dict[str, list[str]] = {}  # doc -> dated keys it reached by inferring a year
        # directive id -> {alias used: why it is that directive} (shown by `safetykg merges`)
        self._alias_reasons: dict[str, dict[str, str]] = {}
        # directive aliases stated in articles: normalized alias -> [canonical title, doc_id]
        self._stated: dict[str, list[str]] = {}
        self._regraph: set[str] = set()  # articles that used an alias before an article stated it
        # doc -> {meeting key: the name it wrote on that meeting's node} (unsettled when the name changed)
        self._written: dict[str, dict[str, str | None]] = {}
        # directive id -> the aliases (as written) any article used for it: every article writes them all,
        # so the node holds the union over its articles whichever article was graphed last
        self._alias_names: dict[str, list[str]] = {}
        # long directive titles seen: key -> title as shown; a title one character short of another
        # (a character dropped in writing) -> [the longer title as shown, the article that wrote it]
        self._long_titles: dict[str, str] = {}
        self._dropped: dict[str, list[str]] = {}
        self._drop_index: dict[str, list[str]] | None = None  # one-deletion variant -> long keys
        # central documents written with their issuers: `关于…` -> {issuers + `关于…`: the title as shown}; and the
        # articles whose bare `关于…` joined the one candidate (graphed again when another candidate comes)
        self._central: dict[str, dict[str, str]] = {}
        self._central_joined: dict[str, list[str]] = {}
        self._place_index: dict[str, list[str]] | None = None  # "level|region" -> meeting families there
        self._day_index: dict[str, list[str]] | None = None  # "level|region|YYYY-MM-DD" -> meeting keys that day
        # doc -> its slot keys in _pending, and the meeting ids its inferred flags are under (built on
        # first use, then kept with them): forget_article, at every article, without a scan of all
        self._doc_slots: dict[str, dict[str, None]] | None = None
        self._doc_inferred: dict[str, dict[str, None]] | None = None

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> Resolver:
        r = cls()
        p = Path(path)
        if not p.exists():
            return r
        data = json.loads(p.read_text(encoding="utf-8"))
        for kind, entries in data.get("entities", {}).items():
            r._entities[kind] = {k: _Entry(i, why, [sys.intern(d) for d in docs], n)
                                 for k, (i, why, docs, n) in entries.items()}
        r._meetings = data.get("meetings", {})
        r._meeting_info = data.get("meeting_info", {})
        r._families = data.get("families", {})
        r._pending = data.get("pending", {})
        r._inferred = data.get("inferred", {})
        r._adopted = data.get("adopted", {})
        r._stated = data.get("stated_aliases", {})
        r._alias_reasons = data.get("alias_reasons", {})
        r._alias_names = data.get("alias_names", {})
        r._long_titles = data.get("long_titles", {})
        r._dropped = data.get("dropped_char", {})
        r._central = data.get("central_titles", {})
        r._central_joined = data.get("central_joined", {})
        r._regraph = set(data.get("regraph", []))
        r._written = data.get("written", {})
        return r

    def save(self, path: str | Path) -> None:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        # written as it is walked (json_stream): the whole text, or a copy of the entities as lists, held at
        # once cost the build ~35 MiB at every checkpoint at 10k articles, growing with the corpus
        data = {
            "version": self.VERSION,
            "entities": {kind: json_stream.Entries((k, [e.id, e.reason, e.doc_ids, e.n]) for k, e in entries.items())
                         for kind, entries in self._entities.items()},
            "meetings": self._meetings,
            "meeting_info": self._meeting_info,
            "families": self._families,
            "pending": self._pending,
            "inferred": self._inferred,
            "adopted": self._adopted,
            "stated_aliases": self._stated,
            "alias_reasons": self._alias_reasons,
            "alias_names": self._alias_names,
            "long_titles": self._long_titles,
            "dropped_char": self._dropped,
            "central_titles": self._central,
            "central_joined": self._central_joined,
            "regraph": sorted(self._regraph),
            "written": self._written,
        }
        json_stream.write_atomic(p, data)

    def merges(self, kind: str | None = None) -> list[Merge]:
        """Every entity more than one article supports, with why they are one."""
        out = []
        for k, entries in self._entities.items():
            if kind is not None and k != kind:
                continue
            for key, e in entries.items():
                if e.n > 1:
                    flags = self._inferred.get(e.id, {}) if k == "meeting" else {}
                    year, day, bare = flags.get("year", {}), flags.get("date", {}), flags.get("name", {})
                    aliases = self._alias_reasons.get(e.id, {}) if k == "directive" else {}
                    reason = "; ".join([e.reason] + [f"{d}: year inferred, {why}" for d, why in sorted(year.items())]
                                       + [f"{d}: date inferred, {why}" for d, why in sorted(day.items())]
                                       + [f"{d}: {why}" for d, why in sorted(bare.items())]
                                       + [why for _, why in sorted(aliases.items())])
                    out.append(Merge(k, e.id, key, list(e.doc_ids), reason, e.n, sorted(year), sorted(day)))
        return out

    def size(self) -> dict[str, int]:
        return {k: len(v) for k, v in self._entities.items()}

    # -- the core: key -> id -------------------------------------------------------------
    def _resolve(self, kind: str, key: str, doc_id: str, reason: str, eid: str | None = None) -> str:
        entries = self._entities.setdefault(kind, {})
        e = entries.get(key)
        if e is None:
            e = entries[key] = _Entry(eid or entity_id(kind, key), reason, [sys.intern(doc_id)], 1)
        else:
            e.count(doc_id)
        return e.id

    # -- rules -----------------------------------------------------------------------
    def region(self, path: str, doc_id: str) -> str:
        info = gazetteer.region_info(path)
        if info.code:
            return self._resolve("region", f"code:{info.code}", doc_id,
                                 f"same gazetteer code {info.code} ({info.path})")
        return self._resolve("region", f"path:{path}", doc_id, f"same region path {path}")

    def body(self, name: str, kind: str, region: str | None, doc_id: str, year: str | None = None,
             level: str | None = None) -> str:
        name_n = name_key(name)
        national = region is None and (level == "national" or is_national_body(name_n))
        if kind == "inspection_team" and (region or national):
            short = _strip_region(name_n, region)
            key = f"{kind}|{region or ''}|{short}|{year or ''}"
            reason = f"same inspection team {short} of {region or 'national level'} in {year or 'unknown year'}"
        elif region and kind in {"party_committee", "government", "congress", "cppcc", "safety_committee"}:
            key, reason = f"{kind}|{region}", f"same kind {kind} in the same region {region}"
        elif region or national:
            short = _strip_region(name_n, region)
            key = f"{kind}|{region or 'national'}|{short}"
            reason = f"same {kind} {short} in {region or 'national level'}"
        else:
            key, reason = f"{kind}|doc:{doc_id}|{name_n}", "no region: kept within its article"
        return self._resolve("body", key, doc_id, reason)

    def person(self, name: str, region: str | None, national: bool, doc_id: str) -> str:
        n = name_key(name)
        if national:
            return self._resolve("person", f"national|{n}", doc_id, f"national leader {n}, resolved by name")
        if region:
            return self._resolve("person", f"{n}|{region}", doc_id,
                                 f"same name {n} in the same region context {region}")
        return self._resolve("person", f"{n}|doc:{doc_id}", doc_id, "no region context: kept within its article")

    def post(self, title: str, body_id: str | None, region: str | None, holder_id: str, doc_id: str) -> str:
        if body_id:
            key, reason = f"body:{body_id}|{title}", f"same title {title} in the same body"
        elif region:
            key, reason = f"region:{region}|{title}", f"same title {title} in the same region {region}"
        else:
            key, reason = f"holder:{holder_id}|{title}", f"same title {title} of the same person"
        return self._resolve("post", key, doc_id, reason)

    def directive(self, title: str, doc_id: str, issuer: str | None = None) -> tuple[str, str, str | None]:
        """(id, canonical title, the alias used or None). `title`: as issued_title gives it (a national issuer
        named apart already in front); `issuer`: who the article says issued it, if anyone."""
        norm = directive_key(title)
        canonical = directive_aliases().get(norm)
        why = f"curated alias table directive_aliases.tsv ({title} = {canonical})"
        if not canonical and norm in self._stated:
            canonical, source = self._stated[norm]
            why = f"the text of {source} says {title} is {canonical}"
        central_key = None
        if not canonical:
            canonical, why, central_key = self._central_issuers(norm, title, issuer, doc_id)
        if not canonical:
            canonical, why = self._one_char_short(norm, title, doc_id)
        if canonical and (central_key or directive_key(canonical)) != norm:
            key = central_key or directive_key(directive_aliases().get(directive_key(canonical)) or canonical)
            rid = self._resolve("directive", key, doc_id, "same title after aliases")
            self._alias_reasons.setdefault(rid, {})[directive_key(title)] = why
            names = self._alias_names.setdefault(rid, [])
            if title not in names and len(names) < SIGNAL_CAP:
                names.append(title)
            return rid, canonical, title
        return self._resolve("directive", norm, doc_id, "same normalized title"), display_title(title), None

    def _central_issuers(self, norm: str, title: str, issuer: str | None,
                         doc_id: str) -> tuple[str | None, str, str | None]:
        """(title shown, why, key) of a central document written with its issuers before 关于 or without them
        (split_issuers decides which): `中共中央 国务院关于某某的意见`, `中共中央、国务院关于某某的意见` and
        `中共中央国务院关于某某的意见` are one key already (title_key); short forms are written in full in the key
        (`中办国办关于…`). A bare `《关于某某的意见》` whose article names no issuer is the one central document of
        that title known (`国务院安委会关于某某的意见` and no `国务院关于某某的意见`); with none or several it
        stays apart, and so does one whose article names a province's or city's issuer (`某省政府印发《关于某某的
        意见》`; a national issuer named apart is in front already, issued_title). A province's own
        `某省人民政府关于某某的意见` is never a candidate. Articles that wrote the bare title before its candidates
        changed are graphed again (Resolver.unsettled). (None, "", None) when no join is made."""
        issuers, rest = split_issuers(norm)
        if issuers is None:
            candidates = self._central.get(norm, {}) if norm.startswith("关于") and not issuer else {}
            if len(candidates) != 1:
                return None, "", None
            ((full, shown),) = candidates.items()
            joined = self._central_joined.setdefault(norm, [])
            if doc_id not in joined:
                joined.append(doc_id)
            self._unsupport("directive", norm, doc_id)
            return shown, f"{title} is {shown}: the one central document of that title", full
        full = issuers + rest
        known = self._central.setdefault(rest, {})
        if full not in known:
            known[full] = display_title(title)
            apart = self._entities.get("directive", {}).get(rest)  # bare reports kept apart, or joined to another
            again = (apart.doc_ids if apart else []) + self._central_joined.get(rest, [])
            self._regraph.update(d for d in again if d != doc_id)
        if full == norm:
            return None, "", None
        return known[full], f"{title}: the issuers' short forms written in full make it {full}", full

    def _one_char_short(self, norm: str, title: str, doc_id: str) -> tuple[str | None, str]:
        """A long title that another long title holds with one more character is that directive, written
        with a character dropped (《关于加强安全生产责任规定》 for 《关于加强安全生产责任制规定》): the longer
        title wins, whichever article came first. A dropped numeral or a dropped last character (the
        document's kind) makes another document. Articles that wrote the shorter title before the longer
        one arrived are graphed again (Resolver.unsettled)."""
        if norm in self._dropped:
            longer, source = self._dropped[norm]
            return longer, f"one character short of {longer} (in {source}): a character dropped in writing"
        if len(norm) < DROPPED_CHAR_MIN_LEN:
            return None, ""
        index = self._drop_variants()
        longer_keys = [k for k in index.get(norm, []) if k != norm and _droppable(k, norm)]
        if len(longer_keys) == 1:
            longer = self._long_titles[longer_keys[0]]
            return longer, f"one character short of {longer}: a character dropped in writing"
        if norm not in self._long_titles:
            self._long_titles[norm] = display_title(title)
            variants = _deletions(norm)
            shorter = {v for v in variants if v in self._long_titles and _droppable(norm, v)}
            for v in variants:
                index.setdefault(v, []).append(norm)
            for short in shorter:
                if len(index.get(short, [])) == 1:  # a title two longer ones could complete stays apart
                    self._dropped[short] = [display_title(title), doc_id]
                    e = self._entities.get("directive", {}).get(short)
                    if e is not None:
                        self._regraph.update(d for d in e.doc_ids if d != doc_id)
        return None, ""

    def _drop_variants(self) -> dict[str, list[str]]:
        if self._drop_index is None:
            self._drop_index = {}
            for key in self._long_titles:
                for v in _deletions(key):
                    self._drop_index.setdefault(v, []).append(key)
        return self._drop_index

    def aliases_of(self, directive_id: str) -> list[str]:
        """Every alias (as written) articles so far used for this directive, in the order first used."""
        return list(self._alias_names.get(directive_id, []))

    def learn_alias(self, alias: str, title: str, doc_id: str) -> None:
        """An article says `alias` names the directive `title`: true for every article. Articles
        that already used the alias as a title of its own are graphed again (Resolver.unsettled). A short
        name that is only the title's last word (`《关于加强某某工作的意见》(以下简称《意见》)`: 意见, 规定, 实施办法)
        is the document's kind, which every article writes for a document of its own: no alias beyond its article."""
        a = directive_key(alias)
        if not a or a == directive_key(title) or a in directive_aliases() or a in self._stated:
            return
        if len(a) <= KIND_ALIAS_MAX_LEN and directive_key(title).endswith(a):
            return
        self._stated[a] = [display_title(title), doc_id]
        e = self._entities.get("directive", {}).get(a)
        if e is not None:
            self._regraph.update(d for d in e.doc_ids if d != doc_id)

    def incident(self, title: str, doc_id: str) -> str:
        return self._resolve("incident", title_key(title), doc_id, "same normalized name")

    def sector(self, name: str, doc_id: str) -> str:
        # the id must equal the SKOS concept's id in ontology.ttl: sector ids hash the bare name
        return self._resolve("sector", name, doc_id, "same canonical sector", entity_id("sector", name))

    def inspection(self, team_id: str, target: str | None, start: str | None, doc_id: str) -> str:
        return self._resolve("inspection", f"{team_id}|{target or ''}|{start or ''}", doc_id,
                             "same team, target and start date")

    def meeting(self, m: MeetingMention, doc_id: str, index: int) -> MeetingResolved:
        """The node of a meeting mention, with the date and name every article writes on it."""
        fam = m.family_key()
        slot_key = f"{doc_id}|{index}"
        self._unpend(doc_id, slot_key)
        if fam is None:
            mid = self._by_participants(m, doc_id, index)
            return MeetingResolved(mid, m.date, m.name)
        if _full(m.date) and is_bare_family(fam):
            # named only by a bare word: the one meeting of a known name or kind held that day at that level
            # and region, else a node of its own (graphed again when such a meeting arrives: unsettled)
            self._pend(doc_id, slot_key, {"fam": fam, "date": m.date, "on": None, "signals": [], "key": None,
                                          "own": f"{fam}|{m.date}"})
            chosen = self._choose(fam, m.date, None, set())
            if chosen is not None:
                return self._joined_by_name(chosen, doc_id, slot_key, m.name, count=False)
        if m.apart and not _full(m.date):
            return MeetingResolved(self._resolve("meeting", f"{fam}|{m.date or ''}|doc:{doc_id}|{index}", doc_id,
                                                 "one of the article's meetings of its kind that day, told apart "
                                                 "by name, with no full date: kept within its article"),
                                   m.date, m.name)
        if _full(m.date) and m.kind in MEDIUM_KINDS and not m.apart:
            # a teleconference is how a meeting is held: the one meeting of another kind of its level, region
            # and day whose name agrees beyond the medium (`某省宣讲视频会议` = `某省宣讲会`) is the one it is
            # (it joins that meeting, never the other way round; graphed again when one comes: unsettled)
            stem = meeting_stem(m.name, m.region)
            chosen = None
            if stem is not None:
                self._pend(doc_id, slot_key, {"fam": fam, "date": m.date, "on": None, "signals": [], "key": None,
                                              "medium": stem, "own": f"{fam}|{m.date}"})
                chosen = self._medium_join(fam, m.date, stem, m.region)
            if chosen is not None:
                return self._joined_by_name(chosen, doc_id, slot_key, m.name, count=True)
        if _full(m.date):
            # one string per meeting key (its info, family list, entity and each article's _written entry)
            key = sys.intern(f"{fam}|{m.date}" + (f"|{m.apart}" if m.apart else ""))
            info = self._meeting_info.get(key)
            if info is None:
                info = self._meeting_info[key] = {"date": m.date, "name": m.name, "signals": []}
                if fam not in self._families and self._place_index is not None:
                    self._place_index.setdefault(_place(fam), []).append(fam)
                if self._day_index is not None:
                    self._day_index.setdefault(f"{_place(fam)}|{m.date}", []).append(key)
                self._families.setdefault(fam, []).append(key)
            _count_name(info, m.name, doc_id)
            mid = self._resolve("meeting", key, doc_id, f"same kind/name family, level, region "
                                f"{m.region or '?'} and date {m.date}" + (" and name" if m.apart else ""))
            if m.year_note:  # a date that rests on an inference is undone when the article is graphed again
                self._infer(mid, "year", doc_id, m.year_note)
                self._adopted.setdefault(doc_id, []).append(key)
                return MeetingResolved(mid, m.date, self._shown(key, info, doc_id), "year", m.year_note,
                                       aliases=_written_names(info))
            _add_signals(info, m.signals)  # only reports that state the date tell candidates apart
            return MeetingResolved(mid, m.date, self._shown(key, info, doc_id), aliases=_written_names(info))
        if m.date is not None or m.relayed_on is not None:
            self._pend(doc_id, slot_key, {"fam": fam, "date": m.date, "on": m.relayed_on,
                                          "signals": sorted(set(m.signals)), "key": None, "years": list(m.years),
                                          "name": m.name, "day_year": m.day_year, "era": m.era})
        chosen = self._choose(fam, m.date, m.relayed_on, set(m.signals), m.years, m.name, doc_id, m.day_year,
                              m.era)
        if chosen is not None:
            key, why = chosen
            info = self._meeting_info[key]
            mid = self._resolve("meeting", key, doc_id, "")
            self._pending[slot_key]["key"] = key
            flag = "year" if m.date else "date"
            self._infer(mid, flag, doc_id, why)
            if not is_bare_family(fam):  # a report joining by inference names the meeting too
                _count_name(info, m.name, doc_id)
            return MeetingResolved(mid, info["date"], self._shown(key, info, doc_id) or m.name, flag, why,
                                   aliases=_written_names(info))
        if m.date is not None and not is_bare_family(fam) and not self._dated_on(fam, m.date, m.era):
            # year-less, and no report of that family, level and region gives that day a year: the reports
            # writing the same month-day are one meeting until one does (then they join it, or, with two
            # years to choose from, each stays its own: unsettled); a report of a leader's term (era) counts
            # only the days given a year in that term
            key = self._pending[slot_key]["own"] = sys.intern(f"{fam}|{m.date}")
            self._pending[slot_key]["yearless"] = True
            info = self._meeting_info.setdefault(key, {"date": m.date, "name": m.name, "signals": []})
            _count_name(info, m.name, doc_id)
            mid = self._resolve("meeting", key, doc_id, f"same kind/name family, level, region {m.region} and "
                                f"month-day {m.date}, no report giving that day a year"
                                + (f" from {m.era[0]} to {m.era[1]} (the term of a leader the report names)"
                                   if m.era else ""))
            return MeetingResolved(mid, m.date, self._shown(key, info, doc_id), aliases=_written_names(info))
        key = f"{fam}|{m.date or ''}|doc:{doc_id}|{index}"
        why = ("no dated meeting of the same family, level, region and day to join" if m.date
               else "no date: kept within its article")
        return MeetingResolved(self._resolve("meeting", key, doc_id, why), m.date, m.name)

    def meeting_year(self, m: MeetingMention, doc_id: str) -> str | None:
        """The year of a meeting mention as the resolver would read it, with no effect: a full date's own, a
        year-less one's when it joins one dated meeting (not from the article's other meetings: day_year)."""
        if _full(m.date):
            return m.date[:4]  # type: ignore[index]
        fam = m.family_key()
        if fam is None or not m.date:
            return None
        chosen = self._choose(fam, m.date, None, set(m.signals), m.years, m.name, doc_id, era=m.era)
        return self._meeting_info[chosen[0]]["date"][:4] if chosen else None

    def _joined_by_name(self, chosen: tuple[str, str], doc_id: str, slot_key: str, name: str | None,
                        count: bool) -> MeetingResolved:
        """The article's meeting joins the meeting `chosen` (key, why) by its name or kind (a bare `全省会议`, a
        teleconference named as another kind's meeting): flagged inferred, the meeting joined is of its kind, so
        every article writes it so. `count`: the article's written name counts towards the name shown."""
        key, why = chosen
        info = self._meeting_info[key]
        mid = self._resolve("meeting", key, doc_id, "")
        self._pending[slot_key]["key"] = key
        self._infer(mid, "name", doc_id, why)
        if count:
            _count_name(info, name, doc_id)
        family = key.split("|", 1)[0]
        return MeetingResolved(mid, info["date"], self._shown(key, info, doc_id) or name, "name", why,
                               None if family.startswith("name:") else family, _written_names(info))

    def _shown(self, key: str, info: dict, doc_id: str) -> str | None:
        """The name the article writes on the node of `key`, remembered: when the node's name changes later,
        the articles that wrote another are graphed again (unsettled), so every article writes one name and
        both stores agree whatever the write order."""
        self._written.setdefault(sys.intern(doc_id), {})[key] = info["name"]
        return info["name"]

    def _dated_on(self, fam: str, md: str, era: tuple[str, str] | list[str] | None = None) -> bool:
        """A meeting of the family `fam` is known on month-day `md` of some year (of one in `era`)."""
        known = self._entities.get("meeting", {})
        return any(k in known and known[k].n > 0 and (d := self._meeting_info[k]["date"])[4:] == md[1:]
                   and len(d) == 10 and (not era or era[0] <= d[:7] <= era[1])
                   for k in self._families.get(fam, []))

    def _choose(self, fam: str, md: str | None, on: str | None, signals: set[str],
                years: tuple[int, ...] | list[int] = (), name: str | None = None,
                doc_id: str | None = None, day_year: str | None = None,
                era: tuple[str, str] | list[str] | None = None) -> tuple[str, str] | None:
        """The one dated meeting a year-less (`md`) or undated (relayed on `on`) mention can join; for a
        meeting named only by a bare word (is_bare_family), the one meeting of a known name or kind of its
        level and region on its day (`md` a full date), else as for any mention, among those meetings
        first and then among the bare-named ones."""
        known = self._entities.get("meeting", {})
        if is_bare_family(fam):
            named = [k for f in self._place_families(fam) for k in self._families.get(f, [])
                     if k in known and known[k].n > 0]
            if _full(md):
                cands = [k for k in named if self._meeting_info[k]["date"] == md]
                if len(cands) == 1:
                    return cands[0], (f"named only by a bare word: the one meeting of a known name or kind "
                                      f"of its level and region on {md}")
                return None
            chosen = self._choose_among(named, md, on, signals, years, era=era)
            if chosen is not None:
                return chosen[0], f"named only by a bare word: {chosen[1]}"
            name = None
        keys = [k for k in self._families.get(fam, []) if k in known and known[k].n > 0]
        return self._choose_among(keys, md, on, signals, years, name, doc_id, day_year, era)

    def _medium_join(self, fam: str, date: str, stem: str | None, region: str | None) -> tuple[str, str] | None:
        """The one meeting of another kind or name (not a teleconference's) at the level and region of `fam`
        on `date` whose reports name it by `stem` (meeting_stem), for a teleconference of that stem."""
        if not stem:
            return None
        if self._day_index is None:
            self._day_index = {}
            for k, info in self._meeting_info.items():
                parts = k.split("|")
                if len(parts) in (4, 5) and _full(parts[3]) and parts[3] == info.get("date"):
                    self._day_index.setdefault(f"{parts[1]}|{parts[2]}|{parts[3]}", []).append(k)
        known = self._entities.get("meeting", {})
        cands = [k for k in self._day_index.get(f"{_place(fam)}|{date}", ())
                 if (f := k.split("|", 1)[0]) != fam.split("|", 1)[0] and f not in MEDIUM_KINDS
                 and not is_bare_family(k) and k in known and known[k].n > 0
                 and any(meeting_stem(n, region) == stem
                         for n in {self._meeting_info[k].get("name"), *self._meeting_info[k].get("names", {}).values()})]
        if len(cands) != 1:
            return None
        return cands[0], (f"a teleconference and the one meeting of its level and region on {date} named "
                          f"alike beyond the medium ({stem}): one meeting held by teleconference")

    def _place_families(self, fam: str) -> list[str]:
        """The families of known name or kind (not bare) at the level and region of `fam`."""
        if self._place_index is None:
            self._place_index = {}
            for f in self._families:
                self._place_index.setdefault(_place(f), []).append(f)
        return [f for f in self._place_index.get(_place(fam), []) if not is_bare_family(f)]

    def _choose_among(self, keys: list[str], md: str | None, on: str | None,
                      signals: set[str], years: tuple[int, ...] | list[int] = (), name: str | None = None,
                      doc_id: str | None = None, day_year: str | None = None,
                      era: tuple[str, str] | list[str] | None = None) -> tuple[str, str] | None:
        if era:  # a report naming 张德江 as 国务院副总理 is of his term: never of a meeting held out of it
            keys = [k for k in keys if era[0] <= self._meeting_info[k]["date"][:7] <= era[1]]
        if years:  # a report writing 2013年 (its work, a date) is not of a meeting of 2022: only a year it
            # writes, or the year after it (`总结2017年工作` in January 2018) or before it (`部署2024年工作` in
            # December 2023), may date it
            fits = {str(y + k) for y in years for k in (-1, 0, 1)}
            keys = [k for k in keys if self._meeting_info[k]["date"][:4] in fits]
        if md:
            cands = [k for k in keys if self._meeting_info[k]["date"][4:] == md[1:]]
            what = f"the only dated meeting of this family, level and region on {md}"
            if len(cands) > 1 and day_year:
                # `全国、全省、全市…会议相继召开`: the report's meetings of one day are of one year; another of them
                # written with it, or joining the one dated meeting of its own, gives it
                cands = [k for k in cands if self._meeting_info[k]["date"][:4] == day_year]
                what = (f"the only dated meeting of this family, level and region on {md} of {day_year}, the year "
                        f"of the report's other meetings that day")
        else:
            day = _day(on)
            if day is None:
                return None
            lo = day - timedelta(days=RELAY_WINDOW)
            cands = [k for k in keys if (d := _day(self._meeting_info[k]["date"])) and lo <= d <= day]
            what = (f"the only dated meeting of this family, level and region in the {RELAY_WINDOW} days "
                    f"up to {on}, the day a meeting of the article relays it")
        if len(cands) == 1:
            theirs = set(self._meeting_info[cands[0]]["signals"])
            if signals and theirs and not signals & theirs and (_topical(signals) or _topical(theirs)):
                return None  # both sides cite an instruction, not the same, one a topical one: another meeting
            return cands[0], what
        sharing = [k for k in cands if signals & set(self._meeting_info[k]["signals"])]
        if len(cands) > 1 and len(sharing) == 1:
            shared = sorted(signals & set(self._meeting_info[sharing[0]]["signals"]))
            return sharing[0], (f"of {len(cands)} candidates, the only one whose articles cite the same "
                                f"instruction ({shared[0]})")
        topic = _topic(name)
        if len(cands) > 1 and topic and not sharing:
            # national teleconferences of one kind on 12月2日 of two years, one on hazardous chemicals and one on
            # city gas: the name the report writes tells which (its other reports', not its own)
            named = [k for k in cands if topic in self._topics(k, doc_id)]
            if len(named) == 1:
                return named[0], (f"of {len(cands)} candidates, the only one whose reports name it "
                                  f"{name}")
        return None

    def _topics(self, key: str, doc_id: str | None) -> set[str]:
        """The topics (_topic) of the names the reports of the meeting `key` write, but `doc_id`'s."""
        info = self._meeting_info[key]
        names = [n for d, n in info.get("names", {}).items() if d != doc_id] or [info.get("name")]
        return {t for n in names if (t := _topic(n))}

    def unsettled(self) -> list[str]:
        """Articles whose inferred meeting joins would now come out differently (a candidate arrived
        or a second one made a join ambiguous): graph them again to settle."""
        out = set(self._regraph)
        self._regraph.clear()
        for doc_id, keys in self._written.items():  # wrote a meeting's name that has changed since
            if any(name != self._meeting_info.get(key, {}).get("name", name) for key, name in keys.items()):
                out.add(doc_id)
        for slot_key, p in self._pending.items():
            if "medium" in p:
                chosen = self._medium_join(p["fam"], p["date"], p["medium"], _place(p["fam"]).split("|", 1)[-1])
            else:
                chosen = self._choose(p["fam"], p["date"], p["on"], set(p["signals"]), p.get("years", ()),
                                      p.get("name"), slot_key.rsplit("|", 1)[0], p.get("day_year"), p.get("era"))
            doc_id = slot_key.rsplit("|", 1)[0]
            if (chosen[0] if chosen else None) != p["key"] or (p.get("yearless") and self._dated_on(p["fam"], p["date"], p.get("era"))):
                out.add(doc_id)  # (a year-less report on its month-day's node: a dated report of that day came)
            elif chosen is not None:  # the same join, for a reason that may have changed
                e = self._entities.get("meeting", {}).get(chosen[0])
                flags = self._inferred.get(e.id, {}) if e else {}
                for docs in flags.values():
                    if doc_id in docs:
                        docs[doc_id] = chosen[1]
        return sorted(out)

    def _pend(self, doc_id: str, slot_key: str, need: dict) -> None:
        self._pending[slot_key] = need
        if self._doc_slots is not None:
            self._doc_slots.setdefault(doc_id, {})[slot_key] = None

    def _unpend(self, doc_id: str, slot_key: str) -> dict | None:
        if self._doc_slots is not None:
            self._doc_slots.get(doc_id, {}).pop(slot_key, None)
        return self._pending.pop(slot_key, None)

    def _infer(self, mid: str, flag: str, doc_id: str, why: str) -> None:
        self._inferred.setdefault(mid, {}).setdefault(flag, {})[doc_id] = why
        if self._doc_inferred is not None:
            self._doc_inferred.setdefault(doc_id, {})[mid] = None

    def _doc_indexes(self) -> tuple[dict[str, dict[str, None]], dict[str, dict[str, None]]]:
        """doc -> its slot keys (in _pending's order), doc -> the meetings it has inferred flags on."""
        if self._doc_slots is None:
            self._doc_slots = {}
            for k in self._pending:
                self._doc_slots.setdefault(k.rsplit("|", 1)[0], {})[k] = None
        if self._doc_inferred is None:
            self._doc_inferred = {}
            for mid, flags in self._inferred.items():
                for docs in flags.values():
                    for d in docs:
                        self._doc_inferred.setdefault(d, {})[mid] = None
        return self._doc_slots, self._doc_inferred

    def forget_article(self, doc_id: str) -> None:
        """Before an article is graphed again: drop what it alone contributed to inferred joins."""
        slots, inferred = self._doc_indexes()
        for slot_key in list(slots.pop(doc_id, ())):
            old = self._pending.pop(slot_key)
            joined = old["key"] or (old["own"] if old.get("yearless") or "medium" in old else None)
            info = self._meeting_info.get(joined) if joined and not is_bare_family(old["fam"]) else None
            if info is not None and doc_id in info.get("names", {}):  # the name of a report joined by
                del info["names"][doc_id]  # inference (or year-less) leaves the node with it
                info["name"] = _shown_name(info["names"]) or info["name"]
            if old["key"]:
                self._unsupport("meeting", old["key"], doc_id)
            elif old.get("own"):
                self._unsupport("meeting", old["own"], doc_id)
            else:
                index = slot_key.rsplit("|", 1)[1]
                self._unsupport("meeting", f"{old['fam']}|{old['date'] or ''}|doc:{doc_id}|{index}", doc_id)
        for key in self._adopted.pop(doc_id, []):
            self._unsupport("meeting", key, doc_id)
        self._written.pop(doc_id, None)
        for mid in inferred.pop(doc_id, ()):
            for docs in self._inferred[mid].values():
                docs.pop(doc_id, None)

    def _unsupport(self, kind: str, key: str, doc_id: str) -> None:
        e = self._entities.get(kind, {}).get(key)
        if e is not None and doc_id in e.doc_ids:
            e.doc_ids.remove(doc_id)
            e.n -= 1

    def _by_participants(self, m: MeetingMention, doc_id: str, index: int) -> str:
        """Same full date + region + a shared participant as an earlier meeting -> that meeting."""
        date, region, participant_ids = m.date, m.region, m.participants
        if _full(date) and region:
            slot = self._meetings.setdefault(f"{date}|{region}", [])
            mine = set(participant_ids)
            for mid, mkey, people in slot:
                shared = mine & set(people)
                if shared:
                    for p in participant_ids:
                        if p not in people:
                            people.append(p)
                    e = self._entities["meeting"].get(mkey)
                    if e is not None and e.count(doc_id):
                        e.reason = (f"same date {date} and region {region}, "
                                    f"{len(shared)} shared participant(s): {', '.join(sorted(shared))}")
                    return mid
            key = f"{date}|{region}|{doc_id}|{index}"
            known = key in self._entities.get("meeting", {})
            mid = self._resolve("meeting", key, doc_id, f"first report of the meeting of {date} in {region}")
            if not known:
                slot.append([mid, key, list(participant_ids)])
            return mid
        return self._resolve("meeting", f"{date or ''}|{region or ''}|{doc_id}|{index}", doc_id,
                             "no full date and region: kept within its article")


@dataclass
class MeetingMention:
    """What the resolver reads of one meeting of one article."""

    date: str | None  # YYYY-MM-DD, --MM-DD or None
    region: str | None  # NATIONAL_REGION for national meetings
    level: str | None
    kind: str | None
    name: str | None
    participants: list[str] = field(default_factory=list)  # resolved person ids
    signals: list[str] = field(default_factory=list)  # topical instructions the article cites
    relayed_on: str | None = None  # for an undated meeting: the full date of a meeting relaying it
    year_note: str | None = None  # why the year of a full date was inferred, when it was
    years: tuple[int, ...] = ()  # the years the article writes (extract.dates.written_years)
    apart: str | None = None  # the name family that tells it from a meeting of its article (named_apart)
    day_year: str | None = None  # for a year-less meeting: the year the article's other meetings of its day are of
    era: tuple[str, str] | None = None  # the months (YYYY-MM, first and last) the article can be of (leader_era)

    def family_key(self) -> str | None:
        """kind (else name family) + level + region; None when neither kind nor name is known, or the
        region is unknown."""
        family = self.kind if self.kind and self.kind != "other" else name_family(self.name)
        if not family or not self.region or not self.level:
            return None
        return f"{family}|{self.level}|{self.region}"


def named_apart(mentions: list[MeetingMention]) -> list[str | None]:
    """Per meeting of one article, the name family that tells it from another meeting the article holds of
    the same kind, level, region and day under another name (甲省 held 全省安全生产工作会议 and
    全省渔船安全工作会议 the same morning: two meetings, not one); None for the others, and for a
    meeting the article names and then mentions again without a name (one meeting)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        if m.name and m.date and (fam := m.family_key()):
            groups.setdefault((fam, m.date), []).append(i)
    out: list[str | None] = [None] * len(mentions)
    for idxs in groups.values():
        names = {name_family(mentions[i].name) for i in idxs}
        if len(names) > 1:
            for i in idxs:
                out[i] = name_family(mentions[i].name)
    return out


@dataclass
class MeetingResolved:
    id: str
    date: str | None  # the date to write (the joined meeting's full date when inferred)
    name: str | None
    inferred: str | None = None  # "year" | "date" | "name" when joined by inference
    reason: str | None = None
    kind: str | None = None  # the kind to write when it is not the mention's (a bare name joined a meeting)
    # the other names its reports write (`全省…工作暨…视频会议` beside the shown `省…视频会议`): search finds the
    # meeting by any of them, as a directive by its aliases
    aliases: tuple[str, ...] = ()


DROPPED_CHAR_MIN_LEN = 12  # shorter titles differ by one character too often to be one document
_NUMERAL_CHAR = re.compile(NUMERAL)


def _deletions(key: str) -> set[str]:
    """`key` with one character left out, each way."""
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def _droppable(longer: str, shorter: str) -> bool:
    """`shorter` is `longer` less one character that is not a numeral and not the last one."""
    for i in range(len(longer) - 1):
        if longer[:i] + longer[i + 1:] == shorter:
            return not _NUMERAL_CHAR.fullmatch(longer[i])
    return False


def _place(fam: str) -> str:
    """`level|region` of a meeting family key `family|level|region`."""
    return fam.split("|", 1)[1] if "|" in fam else ""


def _full(value: str | None) -> bool:
    return bool(value and len(value) == 10 and value[:4].isdigit())


def _day(value: str | None) -> Date | None:
    if not _full(value):
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        return None


def _count_name(info: dict, name: str | None, doc_id: str) -> None:
    """The name a meeting node shows: the one most of its reports write, ties to the shortest (the plain
    form: `全国安全生产电视电话会议` before `全国安全生产工作电视电话会议`) counting a clipped noun written out
    (`…电视电话会` is as long as `…电视电话会议`, and yields to it), then to the first in code-point
    order (`…电视电话会议` before `…视频电话会议`), so the node's name does not depend on which report came
    first. A report graphed again counts once."""
    if not name:
        return
    by_doc = info.setdefault("names", {})
    by_doc[sys.intern(doc_id)] = sys.intern(name)  # names repeat across meetings: one string each
    if len(by_doc) > DOC_CAP * 5:  # a meeting reported very often: its name is long settled
        by_doc.pop(next(iter(by_doc)))
    info["name"] = _shown_name(by_doc)


ALIAS_CAP = 12  # other names kept per meeting: a hub's many spellings cost every article writing it


def _written_names(info: dict) -> tuple[str, ...]:
    """The names the reports of a meeting write other than the one it shows, the ALIAS_CAP most written (ties
    in code-point order), in code-point order: the node's `aliases` (each article writes those known when it
    is graphed, the last one graphed all of them)."""
    counts: dict[str, int] = {}
    for n in info.get("names", {}).values():
        if n != info.get("name"):
            counts[n] = counts.get(n, 0) + 1
    return tuple(sorted(sorted(counts, key=lambda n: (-counts[n], n))[:ALIAS_CAP]))


def _shown_name(by_doc: dict[str, str]) -> str | None:
    """The name most reports write (_count_name), None when there is none."""
    counts: dict[str, int] = {}
    for n in by_doc.values():
        counts[n] = counts.get(n, 0) + 1
    clipped = clipped_nouns()
    return min(counts, key=lambda n: (-counts[n], len(n) + n.endswith(clipped), n.endswith(clipped), n), default=None)


def _add_signals(info: dict, signals: list[str]) -> None:
    have = info["signals"]
    for s in signals:
        if s not in have and len(have) < SIGNAL_CAP:
            have.append(s)


@cache
def _meeting_word_roles() -> dict[str, tuple[str, ...]]:
    """meeting_name_words.tsv by role: scope (全省), filler (工作), bare (会议), longest first."""
    out: dict[str, list[str]] = {}
    for r in read_table(MEETING_WORDS_PATH):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _meeting_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(scope words a meeting name starts with, e.g. 全省; words that only dress a name, e.g. 工作)."""
    roles = _meeting_word_roles()
    return roles.get("scope", ()), roles.get("filler", ())


def _topic(name: str | None) -> str | None:
    """A meeting name as names of one meeting across reports agree: its name family (no scope words or
    dressing) as search compares it (one media noun: `全国某某专题视频会议` = `某某专题电视电话会议`); None for a
    bare word."""
    fam = name_family(name)
    if fam is None or is_bare_family(fam + "|"):
        return None
    return search_key(fam[len("name:"):]) or None


MEDIUM_KINDS = frozenset({"teleconference"})  # kinds that say how a meeting is held, not what it is


def meeting_stem(name: str | None, region: str | None) -> str | None:
    """A meeting's name as its reports agree beyond its kind noun and medium: the name family (no scope words
    or dressing) with the media noun in one spelling (search_key), the region's words dropped and the last
    meeting noun (`电视电话会议`, `会议`, `会`) cut: `某省宣讲视频会议` and `某宣讲会` of 某省 are both `宣讲`.
    None when too little is left to tell a meeting (a bare `会议`)."""
    fam = name_family(name)
    if fam is None:
        return None
    n = search_key(fam[len("name:"):])
    if region and region != NATIONAL_REGION:
        for w in sorted({w for w in [region, *gazetteer.aliases(region)] if w}, key=len, reverse=True):
            n = n.replace(w, "")
    for tail in (_MEDIA_KEY, "会议", "会"):
        if n.endswith(tail):
            n = n[:-len(tail)]
            break
    return n if len(n) >= 2 else None


_MEDIA_KEY = search_key("电视电话会议")  # a teleconference's media noun as search_key writes it


def is_bare_family(fam: str | None) -> bool:
    """A family key whose name is only a bare meeting word (a report writing `全省、全市会议结束后`
    names the city's meeting `全市会议`, family `会议`): it tells no meeting of its day from another."""
    if not fam or not fam.startswith("name:"):
        return False
    return fam.split("|", 1)[0][len("name:"):] in _meeting_word_roles().get("bare", ())


def name_family(name: str | None) -> str | None:
    """A meeting name without its scope words and dressing (全省安全生产工作电视电话会议 ->
    安全生产电视电话会议), so two reports naming one meeting a little differently agree."""
    if not name:
        return None
    n = arabic(title_key(name))  # 第二次全体会议 = 第2次全体会议
    scope, filler = _meeting_words()
    changed = True
    while changed:
        changed = False
        for w in scope:
            if n.startswith(w) and len(n) > len(w):
                n, changed = n[len(w):], True
    for w in filler:
        n = n.replace(w, "")
    return f"name:{n}" if n else None


@cache
def _signal_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in read_table(SIGNAL_WORDS_PATH):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _topical(signals: set[str]) -> set[str]:
    """The signals that name a topic of their own (关于加强汛期安全防范): not the leaders' standing word on
    the field itself (关于安全生产, 关于安全生产和应急管理: instruction_signal_words.tsv `field`), which reports
    of any meeting cite in one wording or another. Two reports citing only the standing word, each worded
    otherwise, are not told apart by it; one citing a topical instruction the other does not cite is."""
    out = set()
    for s in signals:
        rest = s.removeprefix("关于")
        for w in _signal_words().get("field", ()):
            rest = rest.replace(w, "")
        if rest:
            out.add(s)
    return out


def instruction_signal(title: str) -> str | None:
    """What identifies a cited leaders' instruction across articles: its topic from 关于 on, without
    dressing, the kind of word given and the closing 精神 (…总理关于加强汛期安全防范工作的重要指示批示精神 ->
    关于加强汛期安全防范; 关于安全生产工作的系列重要指示 = 关于安全生产重要论述 -> 关于安全生产;
    instruction_signal_words.tsv); an instruction cited without a topic identifies nothing."""
    n = title_key(title)
    at = n.find("关于")
    if at < 0:
        return None
    n = n[at + 2:]
    if n.endswith("精神"):
        n = n[:-2]
    words = _signal_words()
    for w in words.get("filler", ()):
        n = n.replace(w, "")
    for w in words.get("kind", ()):
        if n.endswith(w):
            n = n[:-len(w)]
            break
    return "关于" + n if n else None


@cache
def _leader_terms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """leader_terms.tsv: name -> (post, first month, last month) of each term, an open term to 9999-12."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for r in read_table(LEADER_TERMS_PATH):
        if r.get("name") and r.get("post") and r.get("from"):
            out.setdefault(r["name"], []).append((r["post"], r["from"], r.get("to") or "9999-12"))
    return {k: tuple(v) for k, v in out.items()}


def leader_era(persons: Iterable[tuple[str, Iterable[str]]]) -> tuple[str, str] | None:
    """The months an article can be of by the national leaders it names in their posts (leader_terms.tsv):
    a report of a national teleconference where `国务院副总理甲某` spoke is of 甲某's term as vice premier, so a
    year-less meeting of it never joins a meeting of that name held in another term (the teleconference recurs
    every year on nearby days). `persons`: (name, the titles the article gives them). None when it names none
    in a listed post, or the terms do not overlap (a text citing leaders of two terms tells no term)."""
    terms = _leader_terms()
    lo, hi, found = "", "9999-12", False
    for name, titles in persons:
        for post, first, last in terms.get(name, ()):
            if any(t.endswith(post) and not t.endswith("副" + post) for t in titles):
                lo, hi, found = max(lo, first), min(hi, last), True
    return (lo, hi) if found and lo <= hi else None


def resolution_region(level: str | None, region: str | None, name: str | None) -> tuple[str | None, str | None]:
    """(level, region) a meeting resolves with: a national meeting (level national, or a name
    starting with 全国 that is not a joint 全国全省… mention) is held in NATIONAL_REGION, never in
    the place that reports it."""
    n = title_key(name or "")
    if level == "national" or (n.startswith(NATIONAL_REGION) and not n.startswith(NATIONAL_REGION + "全")):
        return "national", NATIONAL_REGION
    return level, region


def _strip_region(name: str, region: str | None) -> str:
    """The name without its leading region words, so 海宁市应急管理局 and 应急管理局 of 海宁 match."""
    if not region:
        return name
    words = sorted({w for w in [region, *gazetteer.aliases(region)] if w}, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for w in words:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
    return name


# ---------------------------------------------------------------- resolution apart from the build's state
# The build graphs an article where it was extracted (a worker process) against a resolver that knows
# that article alone, and replays the calls it made on the build's resolver, in order. Most answers
# are the id of a key computed from the call's arguments alone (PURE: a region, a body, a person ...),
# so the worker's answer is the build's; the others (STATEFUL: a directive's stated or one-character
# aliases, a meeting's joins and shown name) depend on earlier articles, and the build checks them:
# the worker's triples stand when every answer is the one the build's resolver gives, else the article
# is graphed again in the build's process from the first answer that differed (`ResumedResolver`).

PURE = frozenset({"region", "body", "person", "post", "incident", "sector", "inspection"})
STATEFUL = frozenset({"forget_article", "learn_alias", "directive", "aliases_of", "meeting", "meeting_year"})


@dataclass
class Call:
    """One call an article's graph made to its resolver, with the answer it got; for a PURE call,
    the `_resolve` it came down to (what the build's resolver replays without recomputing the key)."""

    name: str
    args: tuple
    kwargs: dict
    result: object
    resolves: tuple[tuple, ...] | None = None


class RecordingResolver(Resolver):
    """A resolver that knows one article: it answers as a fresh Resolver and records each call the
    article's graph makes (`calls`), for the build's resolver to replay (`replay`)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[Call] = []
        self._inner: list[tuple] | None = None  # the `_resolve` arguments of the PURE call in progress
        self._busy = False

    def _resolve(self, kind: str, key: str, doc_id: str, reason: str, eid: str | None = None) -> str:
        if self._inner is not None:
            self._inner.append((kind, key, doc_id, reason, eid))
        return super()._resolve(kind, key, doc_id, reason, eid)


def _recorded(name: str):
    method = getattr(Resolver, name)

    def call(self: RecordingResolver, *args, **kwargs):
        if self._busy:  # a call made by another recorded call: the outer one is what is replayed
            return method(self, *args, **kwargs)
        self._busy = True
        self._inner = [] if name in PURE else None
        try:
            result = method(self, *args, **kwargs)
        finally:
            self._busy = False
        self.calls.append(Call(name, args, kwargs, result, tuple(self._inner) if self._inner is not None else None))
        self._inner = None
        return result

    call.__name__ = call.__qualname__ = name
    return call


for _name in PURE | STATEFUL:
    setattr(RecordingResolver, _name, _recorded(_name))


def replay(resolver: Resolver, calls: list[Call]) -> tuple[int, object] | None:
    """Apply an article's recorded calls to the build's resolver, in order. None when every answer is
    the recorded one; else (index, the resolver's answer) of the first that differs, the calls up to
    and including it applied (graph the article again with `ResumedResolver`)."""
    for i, c in enumerate(calls):
        if c.resolves is not None:
            for args in c.resolves:
                resolver._resolve(*args)
            continue
        got = getattr(resolver, c.name)(*c.args, **c.kwargs)
        if got != c.result:
            return i, got
    return None


class ResumedResolver:
    """The build's resolver for graphing again an article whose replay stopped at call `upto`: the
    calls before it are answered as recorded, call `upto` with `answer` (their effects are in the
    resolver already), and every later call goes to the resolver."""

    def __init__(self, resolver: Resolver, calls: list[Call], upto: int, answer: object) -> None:
        self._resolver, self._calls, self._upto, self._answer = resolver, calls, upto, answer
        self._next = 0

    def __getattr__(self, name: str):
        attr = getattr(self._resolver, name)
        if name not in PURE | STATEFUL:
            return attr

        def call(*args, **kwargs):
            i = self._next
            if i > self._upto:
                return attr(*args, **kwargs)
            self._next += 1
            c = self._calls[i]
            if (c.name, c.args, c.kwargs) != (name, args, kwargs):
                raise RuntimeError(f"an article graphed again made another call than recorded: {name} "
                                   f"for {c.name} (call {i})")
            return self._answer if i == self._upto else c.result

        return call
