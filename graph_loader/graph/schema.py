"""The property-graph mapping every store and export shares.

Each fact is a row keyed by a stable id (a hash of its resolved key, the same on
every run and in every store). Rows carry the articles that support them and
their evidence as strings `doc_id|start|end|orig_start|orig_end|rule|text`, so a
store can drop one article's support with a string-prefix filter and delete a fact
when no article supports it any more.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from graph_loader.lang.titles import search_key

# Node labels and the properties each carries (besides id, articles, evidence).
NODE_LABELS: dict[str, tuple[str, ...]] = {
    "Article": ("doc_id", "title", "published", "source", "path", "sha256", "reporters"),
    "Person": ("name", "region", "national_leader"),
    "Body": ("name", "kind", "region", "level"),
    "Post": ("title", "body", "full"),
    "Region": ("name", "path", "level", "code"),
    "Meeting": ("name", "kind", "date", "level", "region", "aliases", "search_key"),
    "Inspection": ("team", "target", "start", "end", "level"),
    "Directive": ("title", "kind", "issuer", "aliases", "search_key"),
    "Incident": ("title",),
    "Sector": ("name", "parent"),
}

# The per-article support record a Neo4j database keeps beside the graph (`_Support {doc_id, facts}`):
# not a graph node, written by the Neo4j store and by the CSV export that `neo4j import` reads.
SUPPORT_LABEL = "_Support"
# A fact's complete `articles` in a Neo4j database: the first ARTICLE_CHUNK on the fact, the rest in
# `_Articles {fact: "Label|id", articles}` chunk nodes beside the graph (chunks exist only while the
# fact's own list is full), so a hub most articles name grows by a chunk a batch instead of a list
# rewritten by every batch. Readers take `stores.neo4j_store.cypher_articles`.
ARTICLES_LABEL = "_Articles"
ARTICLE_CHUNK = 1000

# The properties that name a node of each label, the first the one shown: what search, lookups by
# name (`GraphStore.ids_by_name`) and a reference to a node in an answer use.
NAME_PROPS: dict[str, tuple[str, ...]] = {
    "Article": ("title", "doc_id"),
    "Person": ("name",),
    "Body": ("name",),
    "Post": ("title",),
    "Region": ("name", "path"),
    "Meeting": ("name",),
    "Inspection": ("team",),
    "Directive": ("title",),
    "Incident": ("title",),
    "Sector": ("name",),
}

# The labels whose nodes carry `search_key`: their names and `aliases` as search compares them
# (lang/titles.py `search_key`), one a line, written with the node by every store, so a name stored with a
# space, a numeral or another teleconference noun is found by what a reader types (queries/search.py), on
# Neo4j by an indexed CONTAINS on one property.
SEARCH_KEYED = ("Meeting", "Directive")


def search_keys(name: str | None, aliases: Collection[str] = ()) -> str | None:
    """The node's `search_key`: the keys of its name and aliases, without repeats, one a line."""
    keys = dict.fromkeys(k for k in (search_key(n) for n in (name, *aliases) if n) if k)
    return "\n".join(keys) or None

# Relationship types: (type, from label(s), to label(s)), with their properties.
REL_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "HOLDS": (("Person",), ("Post",), ("title", "full")),  # a person holds a post
    "POST_IN": (("Post",), ("Body",), ()),  # the post belongs to a body
    "BODY_IN": (("Body",), ("Region",), ()),  # a body belongs to a region
    "PART_OF": (("Region",), ("Region",), ()),  # region containment, county -> prefecture -> province
    "PARTICIPATED": (("Person",), ("Meeting",), ("role",)),  # chair | speaker | attendee
    "HELD_IN": (("Meeting",), ("Region",), ()),
    "CONVENED_BY": (("Meeting",), ("Body",), ()),
    "RELAYS": (("Meeting",), ("Directive", "Meeting"), ("inferred", "reason")),
    "ADDRESSES": (("Meeting", "Article"), ("Sector",), ()),
    "CONDUCTED_BY": (("Inspection",), ("Body",), ()),  # the inspection team
    "TARGETS": (("Inspection",), ("Region", "Body"), ()),
    "FEEDBACK_OF": (("Meeting",), ("Inspection",), ()),  # the meeting closes / reports on it
    "ISSUED_BY": (("Directive",), ("Body",), ()),
    "CONCERNS": (("Directive", "Meeting", "Article"), ("Incident",), ()),
    "OCCURRED_IN": (("Incident",), ("Region",), ()),
    "MENTIONS": (("Article",), ("Person", "Body", "Region", "Directive"), ()),
    "REPORTS": (("Article",), ("Meeting", "Inspection"), ()),
}


@dataclass
class NodeRow:
    id: str
    label: str
    props: dict[str, Any] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class RelRow:
    """A relationship; `id` is stable too, so a store can MERGE it on its key."""

    id: str
    type: str
    src: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class GraphRows:
    """The rows one batch of articles contributes."""

    nodes: list[NodeRow] = field(default_factory=list)
    rels: list[RelRow] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)


def encode_evidence(doc_id: str, start: int, end: int, orig_start: int, orig_end: int, rule: str, text: str) -> str:
    return "|".join([doc_id, str(start), str(end), str(orig_start), str(orig_end), rule, text.replace("|", "｜")])


# A fact most articles name (a hub: 全国, a sector, a national body, a national teleconference) keeps
# its `articles` complete but the evidence of its first EVIDENCE_ARTICLES articles only, in the order
# of the evidence strings (`doc_id|...`): at 100k articles a sector would otherwise hold hundreds of
# thousands of sentences. Every store and every answer cuts alike (`evidence_sample`); the embedded
# store reads the rest from the articles' rows files on demand (`EmbeddedStore.evidence_of`).
EVIDENCE_ARTICLES = 100


def evidence_doc(s: str) -> str:
    """The doc id an evidence string starts with."""
    return s[:s.index("|")]


def evidence_sample(strings: list[str] | None, limit: int = EVIDENCE_ARTICLES) -> list[str]:
    """The distinct evidence strings in order, those of the first `limit` articles only (an article's
    strings are adjacent in that order: they share the prefix `doc_id|`)."""
    return first_articles(sorted(set(strings or ())), limit)


def in_sample(strings: Collection[str]) -> list[str]:
    """`strings` (any order, repeats kept) less those outside their own sample (`evidence_sample`), in
    their order: no more strings than EVIDENCE_ARTICLES are no more articles either, and all are kept."""
    if len(strings) <= EVIDENCE_ARTICLES:
        return list(strings)
    keep = set(evidence_sample(list(strings)))
    return [e for e in strings if e in keep]


def first_articles(ordered: list[str], limit: int = EVIDENCE_ARTICLES) -> list[str]:
    """`ordered` (sorted, distinct evidence strings) up to the end of its `limit`-th article."""
    if len(ordered) <= limit:  # fewer strings than the limit: fewer articles too
        return ordered
    # from an article's first string straight past its last: every string of `doc` lies in
    # [`doc|`, `doc}`) (`}` follows `|`), and no other string does
    i, n = 0, len(ordered)
    for _ in range(limit):
        if i >= n:
            return ordered
        s = ordered[i]
        i = bisect_left(ordered, s[:s.index("|")] + "}", i + 1)
    return ordered[:i] if i < n else ordered


def support_evidence(rows: GraphRows, docs: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """Each of `docs` -> its evidence in the rows that its facts' samples leave out, as two parallel
    lists, sorted and distinct: the fact of each string ("Label|id", "TYPE|id") and the strings. What
    a Neo4j database keeps per article on its `_Support` record (written by the store and by the CSV
    export alike), from which a hub's sample is refilled and the `evidence` query reads beyond it.
    A fact's sample is `evidence_sample` of all its strings in the rows (a fact repeated by several
    rows counts once): a fact of 3 articles keeps all their strings itself and none goes here; one
    of 300 keeps its first 100 articles' and the other 200 articles' strings go here. (The store
    moves a string that a later article pushes out of a sample here when it merges that article.)"""
    by_fact: dict[str, set[str]] = {}
    for row in (*rows.nodes, *rows.rels):
        key = f"{row.label if isinstance(row, NodeRow) else row.type}|{row.id}"
        by_fact.setdefault(key, set()).update(row.evidence)
    pairs: dict[str, set[tuple[str, str]]] = {d: set() for d in docs}
    for key, strings in by_fact.items():
        for e in strings.difference(in_sample(strings)):
            found = pairs.get(evidence_doc(e))
            if found is not None:
                found.add((key, e))
    ordered = {d: sorted(p) for d, p in pairs.items()}
    return {d: ([k for k, _ in p], [e for _, e in p]) for d, p in ordered.items()}


def decode_evidence(s: str) -> dict[str, Any]:
    doc_id, start, end, ostart, oend, rule, text = s.split("|", 6)
    return {"doc_id": doc_id, "start": int(start), "end": int(end), "orig_start": int(ostart),
            "orig_end": int(oend), "rule": rule, "text": text}


def storable_value(value: Any) -> Any:
    """A property value every store can hold: primitives and homogeneous primitive lists; else JSON.

    Neo4j accepts nothing else, and the embedded store stores the same so both answer alike.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    if isinstance(value, list | tuple) and all(isinstance(v, int | float) and not isinstance(v, bool)
                                               for v in value):
        return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

