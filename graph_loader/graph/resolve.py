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
- post: body (else region) + title; directive: normalized title after aliases
  (directive_aliases.tsv); incident: normalized title; sector: canonical name;
- inspection: team + target + start;
- meeting: a meeting with a full date and a region is the same as an earlier meeting with
  the same date and region that shares at least one participant.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph_loader.graph import gazetteer
from graph_loader.graph.ids import display_title, entity_id, normalize_name, normalize_title

DOC_CAP = 20  # articles remembered per entity (the count goes on)
ALIASES_PATH = Path(__file__).with_name("directive_aliases.tsv")
NATIONAL_BODIES_PATH = Path(__file__).with_name("national_body_prefixes.tsv")


@dataclass
class Merge:
    """An entity that more than one article supports, and the rule that made them one."""

    kind: str
    id: str
    key: str
    doc_ids: list[str]  # the first DOC_CAP supporting articles
    reason: str
    n_docs: int = 0


@cache
def directive_aliases() -> dict[str, str]:
    """normalized alias -> canonical title."""
    with ALIASES_PATH.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {normalize_title(r["alias"]): r["canonical"].strip() for r in rows if r.get("alias")}


@dataclass
class _Entry:
    id: str
    reason: str
    doc_ids: list[str]
    n: int


class Resolver:
    """Keys -> ids with reasons; load/save JSON between runs of a build."""

    VERSION = 1

    def __init__(self) -> None:
        self._entities: dict[str, dict[str, _Entry]] = {}
        # "date|region" -> [[meeting id, its key, its participants' ids]]
        self._meetings: dict[str, list[list]] = {}

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> Resolver:
        r = cls()
        p = Path(path)
        if not p.exists():
            return r
        data = json.loads(p.read_text(encoding="utf-8"))
        for kind, entries in data.get("entities", {}).items():
            r._entities[kind] = {k: _Entry(*v) for k, v in entries.items()}
        r._meetings = data.get("meetings", {})
        return r

    def save(self, path: str | Path) -> None:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": self.VERSION,
            "entities": {kind: {k: [e.id, e.reason, e.doc_ids, e.n] for k, e in entries.items()}
                         for kind, entries in self._entities.items()},
            "meetings": self._meetings,
        }
        tmp = p.with_suffix(p.suffix + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, p)

    def merges(self, kind: str | None = None) -> list[Merge]:
        """Every entity more than one article supports, with why they are one."""
        out = []
        for k, entries in self._entities.items():
            if kind is not None and k != kind:
                continue
            for key, e in entries.items():
                if e.n > 1:
                    out.append(Merge(k, e.id, key, list(e.doc_ids), e.reason, e.n))
        return out

    def size(self) -> dict[str, int]:
        return {k: len(v) for k, v in self._entities.items()}

    # -- the core: key -> id -------------------------------------------------------------
    def _resolve(self, kind: str, key: str, doc_id: str, reason: str, eid: str | None = None) -> str:
        entries = self._entities.setdefault(kind, {})
        e = entries.get(key)
        if e is None:
            e = entries[key] = _Entry(eid or entity_id(kind, key), reason, [doc_id], 1)
        elif doc_id not in e.doc_ids:
            e.n += 1
            if len(e.doc_ids) < DOC_CAP:
                e.doc_ids.append(doc_id)
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
        name_n = normalize_name(name)
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
        n = normalize_name(name)
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

    def directive(self, title: str, doc_id: str) -> tuple[str, str, str | None]:
        """(id, canonical title, the alias used or None)."""
        norm = normalize_title(title)
        canonical = directive_aliases().get(norm)
        if canonical:
            key = normalize_title(canonical)
            rid = self._resolve("directive", key, doc_id, f"same title after aliases ({title} = {canonical})")
            return rid, canonical, title
        return self._resolve("directive", norm, doc_id, "same normalized title"), display_title(title), None

    def incident(self, title: str, doc_id: str) -> str:
        return self._resolve("incident", normalize_title(title), doc_id, "same normalized name")

    def sector(self, name: str, doc_id: str) -> str:
        # the id must equal the SKOS concept's id in ontology.ttl: sector ids hash the bare name
        return self._resolve("sector", name, doc_id, "same canonical sector", entity_id("sector", name))

    def inspection(self, team_id: str, target: str | None, start: str | None, doc_id: str) -> str:
        return self._resolve("inspection", f"{team_id}|{target or ''}|{start or ''}", doc_id,
                             "same team, target and start date")

    def meeting(self, date: str | None, region: str | None, participant_ids: list[str],
                doc_id: str, index: int) -> str:
        """Same full date + region + a shared participant as an earlier meeting -> that meeting."""
        full = bool(date and len(date) == 10 and date[:4].isdigit())
        if full and region:
            slot = self._meetings.setdefault(f"{date}|{region}", [])
            mine = set(participant_ids)
            for mid, mkey, people in slot:
                shared = mine & set(people)
                if shared:
                    for p in participant_ids:
                        if p not in people:
                            people.append(p)
                    e = self._entities["meeting"].get(mkey)
                    if e is not None and doc_id not in e.doc_ids:
                        e.n += 1
                        if len(e.doc_ids) < DOC_CAP:
                            e.doc_ids.append(doc_id)
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


@cache
def _national_prefixes() -> tuple[str, ...]:
    lines = NATIONAL_BODIES_PATH.read_text(encoding="utf-8").splitlines()
    return tuple(x.split("\t")[0].strip() for x in lines[1:] if x.strip())


def is_national_body(name: str) -> bool:
    """A body named without a region that is a national one (国务院安委会) resolves by name."""
    return name.startswith(_national_prefixes())


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


def merges_command(args) -> int:
    """`safetykg merges`: every entity that several articles support, and the rule that made it one."""
    import sys

    from graph_loader.config import workspace_dir

    path = workspace_dir(args.workspace) / "resolver.json"
    if not path.exists():
        print(f"error: no build in {path.parent} (run `safetykg build` first)", file=sys.stderr)
        return 2
    merges = sorted(Resolver.load(path).merges(args.kind), key=lambda m: (m.kind, -m.n_docs, m.key))
    if args.json:
        print(json.dumps([m.__dict__ for m in merges], ensure_ascii=False, indent=1))
        return 0
    for m in merges:
        more = f" (+{m.n_docs - len(m.doc_ids)} more)" if m.n_docs > len(m.doc_ids) else ""
        print(f"{m.kind}\t{m.id}\t{m.key}\t{m.n_docs} articles\t{m.reason}\t{', '.join(m.doc_ids)}{more}")
    print(f"{len(merges)} merged entities", file=sys.stderr)
    return 0
