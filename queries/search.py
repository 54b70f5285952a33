"""search: persons, bodies, directives, meetings (and regions, inspections) whose name contains the text; a
directive or meeting also by its `aliases` (the other names its articles wrote).

On Neo4j this uses `CONTAINS` rather than the full-text index `names`: Lucene's
analyzers tokenise Chinese differently from a substring test, so the two stores
would disagree; with TEXT indexes on the name properties CONTAINS is an index
seek. Input in traditional script is converted (OpenCC t2s) first. A number is searched in both
spellings (graph_loader/lang/numerals.py): `15条硬措施` also finds `十五条硬措施`, and the other way round;
a title typed with spaces or quotes as a directive's title is shown (`display_title`), and a level's meeting
with and without `全` (`全省某某会议`, `省某某会议`): `queries/lookup.py` `name_forms`. A meeting or directive is
also found by its `search_key` (its names as `lang/titles.py` `search_key` writes them, stored with the node by
both stores): a name stored with a space or quotes is found by a text typed without them and the other way
round, and a teleconference by any of its media nouns (`电视会议`, `视频会议`, `电视电话会议`).

A recurring meeting has one node per day it was held, all under one name (`全国安全生产电视电话会议` held
several times a year): a meeting hit carries its date, level, region and the number of articles reporting it,
and hits of one name (a name written with another media noun counts as the same) come the most reported
first, then dated before year-less before undated, the newest first, so the meeting a reader means is among the
first hits and can be told from its namesakes without opening each.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from graph_loader.graph.schema import NAME_PROPS, SEARCH_KEYED
from graph_loader.lang.titles import search_key
from graph_loader.stores.neo4j_store import cypher_articles
from queries.lookup import name_forms, simplified
from queries.shapes import LABEL_RANK, QueryParamError, Ref, query_rows
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore

SEARCHABLE = ("Person", "Body", "Directive", "Meeting", "Region", "Inspection")


class SearchParams(BaseModel):
    text: str = Field(description="part of a name, in simplified or traditional script")
    limit: int = Field(20, ge=1, le=500)


class SearchHit(BaseModel):
    node: Ref
    matched: str  # the name that matched
    exact: bool
    # a meeting's day, level and region; a meeting's or directive's reporting articles (None for other labels)
    date: str | None = None
    level: str | None = None
    region: str | None = None
    reports: int | None = None


class SearchResult(BaseModel):
    query: str  # the text searched (simplified)
    hits: list[SearchHit]


# labels whose hits say how many articles report them (a recurring meeting, a much-relayed directive)
COUNTED = ("Directive", "Meeting")


def _key(r: dict, qs: list[str], starts: tuple[str, ...], keys: tuple[str, ...] = ()) -> tuple:
    """Exact names first (a name whose search key is the text's, `全国某某电视会议` for `全国某某电视电话会议`,
    is the same name written otherwise), then names starting with the text (`starts`: the forms as a tuple),
    shorter first; among hits of one name and label the most reported, then the newest (year-less after the
    dated, undated last), then by id."""
    name, date = r["matched"], r.get("date")
    size = len(name)
    if name in qs:
        rank = 0
    elif keys and search_key(name) in keys:
        rank, size = 0, len(qs[0])
    else:
        rank = 1 if name.startswith(starts) else 2
    day = (int(date[:4] + date[5:7] + date[8:10]) if date and date[:1].isdigit()
           else int(date[2:4] + date[5:7]) if date and date.startswith("--") and date[2:4].isdigit() else 0)
    return (rank, size, LABEL_RANK.get(r["label"], 99), -(r.get("reports") or 0), -day, r["id"], name)


def _facts(lab: str, var: str = "n") -> str:
    """The Cypher columns of what a hit carries besides its name (see SearchHit)."""
    if lab not in COUNTED:
        return "null AS date, null AS level, null AS region, null AS reports"
    if lab != "Meeting":
        return f"null AS date, null AS level, null AS region, size({cypher_articles(var, lab)}) AS reports"
    return (f"{var}.date AS date, {var}.level AS level, {var}.region AS region, "
            f"size({cypher_articles(var, lab)}) AS reports")


def _cypher() -> str:
    parts = []
    for lab in SEARCHABLE:
        for prop in NAME_PROPS[lab]:
            parts.append(f"MATCH (n:{lab}) WHERE n.{prop} CONTAINS $q "
                         f"RETURN n.id AS id, '{lab}' AS label, n.{prop} AS matched, n.{NAME_PROPS[lab][0]} AS display, "
                         f"{_facts(lab)}")
    return " UNION ALL ".join(parts)


CYPHER = _cypher()
# a directive is also found by the aliases its articles used (十五条硬措施 for the full title), a meeting by the
# other names its reports wrote (the few nodes with aliases found by their RANGE index, not a scan of every meeting)
ALIASED = ("Directive", "Meeting")
ALIAS_CYPHER = " UNION ALL ".join(
    f"MATCH (n:{lab}) WHERE n.aliases IS NOT NULL AND any(a IN n.aliases WHERE a CONTAINS $q) "
    f"RETURN n.id AS id, '{lab}' AS label, [a IN n.aliases WHERE a CONTAINS $q][0] AS matched, "
    f"n.{NAME_PROPS[lab][0]} AS display, {_facts(lab)}" for lab in ALIASED)


# a meeting or directive whose names, as search compares them, hold the text's key: the names come back and the
# one matched is picked in Python (_keyed_name), alike on both stores
KEY_CYPHER = " UNION ALL ".join(
    f"MATCH (n:{lab}) WHERE n.search_key CONTAINS $k "
    f"RETURN n.id AS id, '{lab}' AS label, [n.{NAME_PROPS[lab][0]}] + coalesce(n.aliases, []) AS names, "
    f"n.{NAME_PROPS[lab][0]} AS display, {_facts(lab)}" for lab in SEARCH_KEYED)


def _keys(qs: list[str]) -> list[str]:
    return [k for k in dict.fromkeys(search_key(q) for q in qs) if k]


def _keyed_name(names: list[str | None], keys: list[str]) -> str | None:
    """The first of a node's names (its shown name, then its aliases) whose key holds one of `keys`."""
    return next((n for n in names if n and any(k in search_key(n) for k in keys)), None)


def _row(nid: str, lab: str, matched: str, node: dict) -> dict:
    row = {"id": nid, "label": lab, "matched": matched, "display": node.get(NAME_PROPS[lab][0])}
    if lab in COUNTED:
        row["reports"] = len(node.get("articles") or ())
    if lab == "Meeting":
        row.update(date=node.get("date"), level=node.get("level"), region=node.get("region"))
    return row


def _raw_embedded(store: EmbeddedStore, qs: list[str]) -> list[dict]:
    rows = []
    for name, ids in store.names():
        if any(q in name for q in qs):
            for nid in ids:
                lab = store.label(nid)
                if lab in SEARCHABLE:
                    rows.append(_row(nid, lab, name, store.node(nid) or {}))
    for nid in sorted(store.ids_with_aliases()):
        lab = store.label(nid)
        if lab not in ALIASED:
            continue
        node = store.node(nid) or {}
        for alias in node.get("aliases") or ():
            if any(q in alias for q in qs):
                rows.append(_row(nid, lab, alias, node))
                break
    keys = _keys(qs)
    for nid in sorted(store.ids_with_search_key()):
        node = store.node(nid) or {}
        if any(k in (node.get("search_key") or "") for k in keys):
            lab = store.label(nid)
            name = _keyed_name([node.get(NAME_PROPS[lab][0]), *(node.get("aliases") or ())], keys)
            if name is not None:
                rows.append(_row(nid, lab, name, node))
    return rows


def _assemble(q: str, rows: list[dict], limit: int) -> SearchResult:
    qs = name_forms(q)
    starts = tuple(qs)
    keys = tuple(_keys(qs))
    best: dict[str, tuple] = {}
    for r in rows:
        k = _key(r, qs, starts, keys)
        if r["id"] not in best or k < best[r["id"]][0]:
            best[r["id"]] = (k, r)
    ordered = heapq.nsmallest(limit, best.values(), key=lambda kv: kv[0])
    hits = []
    for _, r in ordered:
        hits.append(SearchHit(node=Ref(id=r["id"], label=r["label"], name=r.get("display") or r["matched"]),
                              matched=r["matched"], exact=r["matched"] in qs, date=r.get("date"),
                              level=r.get("level"), region=r.get("region"), reports=r.get("reports")))
    return SearchResult(query=q, hits=hits)


def _query(params: SearchParams) -> str:
    q = simplified(params.text)
    if not q:
        raise QueryParamError("search text is empty")
    return q


def run_embedded(store: EmbeddedStore, params: SearchParams) -> SearchResult:
    q = _query(params)
    return _assemble(q, _raw_embedded(store, name_forms(q)), params.limit)


def run_neo4j(store: Neo4jStore, params: SearchParams) -> SearchResult:
    q = _query(params)
    cols = ("id", "label", "matched", "display", "date", "level", "region", "reports")
    qs = name_forms(q)
    rows = [r for v in qs for cypher in (CYPHER, ALIAS_CYPHER) for r in query_rows(store, cypher, {"q": v}, cols)]
    keys = _keys(qs)
    key_cols = ("id", "label", "names", "display", "date", "level", "region", "reports")
    for k in keys:
        for r in query_rows(store, KEY_CYPHER, {"k": k}, key_cols):
            name = _keyed_name(r.pop("names") or [], keys)
            if name is not None:
                rows.append({**r, "matched": name})
    return _assemble(q, rows, params.limit)


SPEC = QuerySpec(name="search", description="persons, bodies, directives, meetings, regions, inspections by name",
                 params=SearchParams, result=SearchResult, embedded=run_embedded, neo4j=run_neo4j)
