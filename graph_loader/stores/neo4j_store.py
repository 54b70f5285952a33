"""The Neo4j store: idempotent batched loads of the property-graph rows, and read-only queries.

Labels and relationship types cannot be query parameters, so rows are grouped by label/type and
the name is spliced into the query text only from the fixed whitelist in graph/schema.py.

Idempotence: every fact lists the articles supporting it. For each article the store also keeps a
`_Support {doc_id, facts, ev_facts, evidence}` node listing the facts ("Label|id" / "TYPE|id", one a
line) it supported and the evidence its facts' samples leave out (each string with its fact: a
hub's evidence beyond its first articles; a fact of few articles holds all of its own), so
replacing an article's support touches only its own facts instead of scanning the whole graph. An
upsert (1) records the union of old and new facts and the new evidence outside the rows' samples
in `_Support`, (2) strips the articles from every old fact (a hub that lost sampled articles takes
the next ones' evidence from their `_Support`), (3) merges the new rows, appending the articles'
support (and moving the strings a sample no longer holds to their `_Support`), (4) deletes the old
facts no article supports any more and (5) narrows `_Support` to the new facts. Each step runs in
driver-managed transactions (retried on transient errors) and is idempotent, so a load killed at
any point and run again ends in the same graph as an uninterrupted one.

Bounded hubs (a sector, 全国, a national body or teleconference: named by most articles): no write
grows with the corpus. A fact holds the evidence of its first `schema.EVIDENCE_ARTICLES` articles
only (`doc_id|` order, what every answer shows; the `evidence` query reads the rest from `_Support`)
and its first `schema.ARTICLE_CHUNK` articles; a batch's further articles of it become one
`_Articles {fact, articles}` chunk node, which readers add through `cypher_articles`. Only a reload
or removal of a hub's article lays its articles out again (rare, and never in a first build).

Transaction memory: Neo4j holds a transaction within `dbms.memory.transaction.total.max` (70 % of
the heap), and a merge's memory grows with the lists its rows carry and meet on their facts, not
with its row count. So a transaction is bounded by weight as well as rows (`_row_weight`,
`DEFAULT_WEIGHT`), and one that still passes the limit is run again in halves (its statements, then a
statement's rows) at once, without the driver's retries (`_write_split`). Each step above holds row
by row, so its rows committed apart write what they write together, and a kill between two parts
is a kill inside the step, which the rerun repeats.

Precomputed answers: a `_Summary {id: 'graph'}` node (no relationships, no schema label, so no
query, count or export sees it) holds answers too slow to compute per request (zlib-compressed
JSON), each stamped with the graph `version` it was computed at. Every upsert bumps the version in
a transaction of its own before its first data write (a write that dies midway still invalidates)
and again after its last (a refresh that read the graph while the write was under way is
invalidated too). The node exists only once a refresh made it: graphs never summarised carry no
technical node at all.
"""

from __future__ import annotations

import re
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from graph_loader.config import Neo4jSettings
from graph_loader.graph.rows_io import SETTLED_FULL_TYPES, SETTLED_NAME_LABELS, settled_name
from graph_loader.graph.schema import (
    ARTICLE_CHUNK,
    ARTICLES_LABEL,
    EVIDENCE_ARTICLES,
    NAME_PROPS,
    NODE_LABELS,
    REL_TYPES,
    SUPPORT_LABEL,
    GraphRows,
    NodeRow,
    RelRow,
    evidence_doc,
    evidence_sample,
    in_sample,
    storable_value,
    support_evidence,
)
from graph_loader.stores.base import LoadSummary, StoreIdentity
from graph_loader.stores.errors import StoreUnavailable  # raised here, and re-exported for callers

SUMMARY_LABEL = "_Summary"
SUMMARY_ID = "graph"
STAMP_SUFFIX = "_version"  # `<key>_version`: the graph version the answer `<key>` was computed at
FULLTEXT_INDEX = "names"
FULLTEXT_LABELS = ("Person", "Body", "Directive", "Meeting", "Region", "Incident", "Inspection")
FULLTEXT_PROPS = ("name", "title", "team")
# TEXT indexes: the `search` query's CONTAINS on names is an index scan, not a label scan
TEXT_INDEXED: tuple[tuple[str, str], ...] = (
    ("Person", "name"), ("Body", "name"), ("Directive", "title"), ("Meeting", "name"), ("Region", "name"),
    ("Region", "path"), ("Incident", "title"), ("Inspection", "team"), ("Meeting", "search_key"),
    ("Directive", "search_key"))
# RANGE indexes: exact-name lookups (queries/lookup.py) and the properties the catalogue filters
# or sorts on (levels, dates, region paths, STARTS WITH on a meeting's region)
RANGE_INDEXED: tuple[tuple[str, str], ...] = (
    ("Person", "name"), ("Body", "name"), ("Body", "level"), ("Post", "title"), ("Directive", "title"),
    ("Meeting", "name"), ("Meeting", "date"), ("Meeting", "level"), ("Meeting", "kind"), ("Meeting", "region"),
    ("Region", "name"), ("Region", "path"), ("Region", "level"), ("Inspection", "team"), ("Inspection", "start"),
    ("Incident", "title"), ("Sector", "name"), ("Article", "title"), ("Article", "doc_id"),
    ("Meeting", "aliases"), ("Directive", "aliases"))  # a list: the index finds the nodes that have one (search)
DEFAULT_BATCH = 2000
# A write transaction's weight: its rows, and the list entries (article ids, evidence strings) they
# carry and may meet on their facts (`_row_weight`). Neo4j tracks a transaction's memory against
# `dbms.memory.transaction.total.max` (70 % of the heap: 693 MiB on the default 1g), and a merge
# statement's memory grows with its rows' lists and with the capped lists of the hubs it merges
# into, not with its row count: 2,000 rows of which many are hubs at their caps passed the limit
# past 70k articles.
DEFAULT_WEIGHT = 60_000
HUB_ROW = 10  # a row carrying this many of a batch's articles is taken to be a hub at its caps
MEMORY_ERROR = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
READ_ROW_CAP = 1000


class ReadOnlyViolation(ValueError):
    """The read-only console was given a query that writes."""


@dataclass
class ReadResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


# --- read-only console guard ----------------------------------------------------------------------

_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WRITE_WORDS = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|RENAME|GRANT|DENY|REVOKE"
    r"|START\s+DATABASE|STOP\s+DATABASE|TERMINATE)\b"
    r"|\bCALL\s+(dbms|apoc|db\.(create|drop|index\.fulltext\.(create|drop)|clearQueryCaches))"
    r"|\bIN\s+TRANSACTIONS\b",
    re.I,
)


def write_keyword(cypher: str) -> str | None:
    """The first write keyword in the query outside strings and comments, or None."""
    match = _WRITE_WORDS.search(_STRINGS_AND_COMMENTS.sub(" ", cypher))
    return " ".join(match.group(0).split()).upper() if match else None


# --- value conversion -----------------------------------------------------------------------------

_PRIMITIVES = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships become dicts of their properties.

    Primitives first: a large answer is mostly strings and numbers, and this runs on every value."""
    if isinstance(value, _PRIMITIVES):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in dict(value).items()}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def _props(props: dict[str, Any]) -> dict[str, Any]:
    reserved = {"id", "articles", "evidence"}
    return {k: storable_value(v) for k, v in props.items() if v is not None and k not in reserved}


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _row_weight(row: Any) -> int:
    """A queued row's share of a transaction's budget: 1, plus the article ids and evidence strings
    a merge row carries, plus, for a row most of whose batch names it (a hub), the lists its fact may
    already hold at their caps (ARTICLE_CHUNK ids and the sample), which the merge reads and copies."""
    if not isinstance(row, dict):
        return 1
    articles = len(row.get("articles") or ())
    weight = 1 + articles + len(row.get("evidence") or ())
    return weight + (ARTICLE_CHUNK + 2 * EVIDENCE_ARTICLES if articles >= HUB_ROW else 0)


def _combine(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One statement's result from the results of its rows run in two parts: the statements `_flush`
    runs return nothing or one record of counts and sums, which add up."""
    if not a or not b:
        return a or b
    if len(a) != 1 or len(b) != 1:
        raise ValueError("a split statement must return at most one record of counts")
    return [{k: (a[0].get(k) or 0) + (b[0].get(k) or 0) for k in a[0].keys() | b[0].keys()}]


class _TooLarge(Exception):
    """A transaction passed the server's transaction memory limit: raised inside the driver's retried
    work (not a Neo4jError, so the driver does not retry it) for the writer to split it at once."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _memory_error(error: BaseException) -> bool:
    return getattr(error, "code", None) == MEMORY_ERROR


def _label(label: str) -> str:
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label {label!r}")
    return label


def _settle(var: str, prop: str) -> str:
    """Cypher for rows_io.settled_name: of the stored value and the row's, the shortest, then code-point order."""
    x, new = f"{var}.{prop}", f"row.{prop}"
    return (f"SET {x} = CASE WHEN {x} IS NULL OR {new} IS NULL THEN coalesce({new}, {x}) "
            f"WHEN size({new}) < size({x}) OR (size({new}) = size({x}) AND {new} < {x}) THEN {new} ELSE {x} END ")


def _rel_type(rel_type: str) -> str:
    if rel_type not in REL_TYPES:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    return rel_type


# Merging a row adds the support of the batch's articles ($docs) to the fact: their articles and
# evidence are absent (never loaded, or stripped first by `upsert`), so their own entries need no
# membership test; only entries of other articles (a resolved fact's earlier support) are checked.
# Nothing that grows with the corpus is rewritten: the fact's own `articles` take new ids while it
# holds fewer than ARTICLE_CHUNK, the rest of the batch's ids become one `_Articles` chunk node; the
# evidence is cut to the sample every store keeps (`schema.EVIDENCE_ARTICLES`: the strings of the
# first articles in `doc_id|` order), sorting the sample and the batch's sample only (a row's
# evidence arrives cut to its own sample, `schema.in_sample`: a string of an article past the row's
# first EVIDENCE_ARTICLES cannot be in the fact's sample after the merge either, which takes the
# first articles of the fact's sample and the row's together, and is on its `_Support` record), and
# written once, only when it changed (a hub whose sample the batch's later articles do not enter
# keeps its list as it is). The strings the cut leaves out (the batch's, or sampled strings of
# earlier articles pushed out by a batch article that sorts before them) go to their articles'
# `_Support` records in the same statement, so no string is ever only in a transaction that did not
# commit.
_ADD_SUPPORT = (
    "WITH {v}, row, {v}.articles IS NULL AS created, coalesce({v}.articles, []) AS kept, "
    "coalesce({v}.evidence, []) AS kept_ev "
    "WITH {v}, row, created, kept, kept_ev, "
    "[a IN row.articles WHERE CASE WHEN a IN $docs THEN true ELSE NOT a IN kept END] AS add, "
    "kept_ev + [e IN row.evidence WHERE CASE WHEN split(e, '|')[0] IN $docs THEN true ELSE NOT e IN kept_ev END] AS ev "
    "WITH {v}, row, created, kept, kept_ev, add, ev, "
    "CASE WHEN size(kept) < $chunk THEN $chunk - size(kept) ELSE 0 END AS room, "
    "CASE WHEN size(ev) > $limit THEN COLLECT {{ UNWIND ev AS e WITH DISTINCT split(e, '|')[0] + '|' AS d "
    "RETURN d ORDER BY d LIMIT $limit + 1 }} ELSE [] END AS first "
    "WITH {v}, row, created, kept, kept_ev, add, room, "
    "CASE WHEN size(first) > $limit THEN [e IN ev WHERE split(e, '|')[0] + '|' <= first[$limit - 1]] ELSE ev END AS sample, "
    "CASE WHEN size(first) > $limit THEN [e IN ev WHERE split(e, '|')[0] + '|' > first[$limit - 1]] ELSE [] END AS out "
    "SET {v} += row.props "
    "FOREACH (_ IN CASE WHEN created OR sample <> kept_ev THEN [1] ELSE [] END | SET {v}.evidence = sample) "
    "FOREACH (_ IN CASE WHEN created OR (room > 0 AND size(add) > 0) THEN [1] ELSE [] END | "
    "SET {v}.articles = kept + add[..room]) "
    f"FOREACH (_ IN CASE WHEN size(add) > room THEN [1] ELSE [] END | "
    f"CREATE (:{ARTICLES_LABEL} {{{{fact: '{{key}}|' + row.id, articles: add[room..]}}}})) "
    "WITH created, out, '{key}|' + row.id AS fact "
    "CALL (out, fact) {{ UNWIND out AS e WITH split(e, '|')[0] AS d, collect(e) AS strings "
    f"MATCH (s:{SUPPORT_LABEL} {{{{doc_id: d}}}}) "
    "WITH s, [e IN strings WHERE NOT e IN coalesce(s.evidence, [])] AS new "
    "SET s.ev_facts = coalesce(s.ev_facts, []) + [e IN new | fact], "
    "s.evidence = coalesce(s.evidence, []) + new }} "
    "RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(*) AS total"
)


def cypher_articles(var: str, name: str | None = None) -> str:
    """A fact's complete `articles` in Cypher: its own list, and when that is full its `_Articles`
    chunks. `name` is the fact's label or relationship type (None: a relationship's `type()`)."""
    key = f"'{name}|' + {var}.id" if name else f"type({var}) + '|' + {var}.id"
    return (f"CASE WHEN size(coalesce({var}.articles, [])) < {ARTICLE_CHUNK} THEN coalesce({var}.articles, []) "
            f"ELSE {var}.articles + COLLECT {{ MATCH (c:{ARTICLES_LABEL} {{fact: {key}}}) "
            "UNWIND c.articles AS a RETURN a } END")


# --- the store ------------------------------------------------------------------------------------

class Neo4jStore:
    """GraphStore over a Neo4j 5.x server."""

    kind = "neo4j"

    def __init__(self, settings: Neo4jSettings, batch_size: int = DEFAULT_BATCH,
                 retry_s: float = 15.0, ensure_schema: bool = True, batch_weight: int = DEFAULT_WEIGHT) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

        if not settings.uri:
            raise StoreUnavailable("no Neo4j URI: pass --neo4j-uri, set NEO4J_URI, "
                                   "or start a local server with `safetykg neo4j start`")
        self.settings = settings
        self.database = settings.database
        self.batch_size = max(1, batch_size)
        self.batch_weight = max(1, batch_weight)
        self.splits = 0  # transactions split after passing the server's memory limit (for benchmarks)
        # queued statements: (query, params, the key of the rows in params, rows, weight)
        self._queue: list[tuple[str, dict[str, Any], str, int, int]] = []
        auth = (settings.user, settings.password) if settings.password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(settings.uri, auth=auth,
                                                      max_transaction_retry_time=retry_s,
                                                      connection_timeout=10.0,
                                                      notifications_min_severity="OFF")
        except (ConfigurationError, ValueError) as e:
            raise StoreUnavailable(f"bad Neo4j URI {settings.uri!r}: {type(e).__name__}") from None
        try:
            with self._session(read=True) as session:  # auto-commit: fails fast, no retries
                records = session.run("CALL dbms.components() YIELD name, versions "
                                      "RETURN name, versions").data()
        except AuthError:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {settings.uri} refused the credentials of user "
                                   f"{settings.user!r} (wrong or missing password)") from None
        except (ServiceUnavailable, OSError) as e:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j unreachable at {settings.uri}: {type(e).__name__}") from None
        except Neo4jError as e:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {settings.uri} refused: {e.code}") from None
        versions = [v for r in records if r["name"] == "Neo4j Kernel" for v in r["versions"]]
        self.server_version = versions[0] if versions else "unknown"
        if not self.server_version.startswith("5."):
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {settings.uri} is version {self.server_version}; "
                                   "safetykg needs a 5.x server")
        if ensure_schema:
            self.ensure_schema()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.settings!r})"

    # -- schema --

    def ensure_schema(self) -> None:
        """Uniqueness on `id` for every label and relationship type, the support key, the full-text
        names index, TEXT and RANGE indexes on the properties the query catalogue matches on."""
        statements = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                      f"FOR (n:{_label(label)}) REQUIRE n.id IS UNIQUE" for label in NODE_LABELS]
        statements.append(f"CREATE CONSTRAINT support_doc IF NOT EXISTS "
                          f"FOR (s:{SUPPORT_LABEL}) REQUIRE s.doc_id IS UNIQUE")
        statements.append(f"CREATE INDEX articles_fact IF NOT EXISTS FOR (c:{ARTICLES_LABEL}) ON (c.fact)")
        statements.append(f"CREATE CONSTRAINT summary_id IF NOT EXISTS "
                          f"FOR (s:{SUMMARY_LABEL}) REQUIRE s.id IS UNIQUE")
        statements += [f"CREATE CONSTRAINT rel_{t.lower()}_id IF NOT EXISTS "
                       f"FOR ()-[r:{_rel_type(t)}]-() REQUIRE r.id IS UNIQUE" for t in REL_TYPES]
        labels = "|".join(FULLTEXT_LABELS)
        props = ", ".join(f"n.{p}" for p in FULLTEXT_PROPS)
        statements.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) "
                          f"ON EACH [{props}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'cjk'}}}}")
        statements += [f"CREATE TEXT INDEX text_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{_label(label)}) "
                       f"ON (n.{prop})" for label, prop in TEXT_INDEXED]
        statements += [f"CREATE RANGE INDEX range_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{_label(label)}) "
                       f"ON (n.{prop})" for label, prop in RANGE_INDEXED]
        with self._session() as session:
            for statement in statements:
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    # -- writing --

    def _session(self, read: bool = False):
        import neo4j

        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _write_many(self, statements: list[tuple[str, dict[str, Any]]],
                    splittable: bool = False) -> list[list[dict[str, Any]]]:
        """Run statements in one driver-managed write transaction (retried as a whole). `splittable`:
        one that passes the server's transaction memory limit raises `_TooLarge` at once instead of
        being retried alike (the caller runs it in parts)."""
        from neo4j.exceptions import Neo4jError

        def work(tx):
            try:
                return [[r.data() for r in tx.run(query, **params)] for query, params in statements]
            except Neo4jError as e:
                if splittable and _memory_error(e):
                    raise _TooLarge(e) from None
                raise

        with self._session() as session:
            try:
                return session.execute_write(work)
            except Neo4jError as e:  # at commit, after the driver's retries
                if splittable and _memory_error(e):
                    raise _TooLarge(e) from None
                raise

    def _write_split(self, pending: list[tuple[str, dict[str, Any], str]]) -> list[list[dict[str, Any]]]:
        """Run queued statements in one transaction; one that passes the server's transaction memory
        limit is run again in halves (the statements, then a statement's rows), each half in
        transactions of its own, down to one row. Results in order, one per statement (a split
        statement's parts `_combine`d). Sound because every statement `_flush` runs is a step of
        `upsert` that holds row by row: its rows are distinct facts (`_dedupe`) or support records,
        each written whole by its row, so rows committed apart write what they write together, and a
        kill between the parts is a kill inside the step, which a rerun of the upsert repeats."""
        try:
            return self._write_many([(query, params) for query, params, _ in pending], splittable=True)
        except _TooLarge as e:
            self.splits += 1
            if len(pending) > 1:
                half = len(pending) // 2
                return self._write_split(pending[:half]) + self._write_split(pending[half:])
            query, params, key = pending[0]
            rows = params.get(key) if key else None
            if not isinstance(rows, list) or len(rows) < 2:
                raise e.error from None  # one row past the limit: nothing smaller to run
            half = len(rows) // 2
            first = self._write_split([(query, {**params, key: rows[:half]}, key)])[0]
            return [_combine(first, self._write_split([(query, {**params, key: rows[half:]}, key)])[0])]

    def _write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self._write_many([(query, params)])[0]

    def _enqueue(self, query: str, key: str, items: list, **params: Any) -> None:
        """Queue `query` over `items` (bound to $key) in chunks of at most batch_size rows and
        batch_weight weight (`_row_weight`; a row heavier than that alone is a chunk of its own);
        `_flush` packs them into transactions."""
        chunk: list = []
        weight = 0
        for item in items:
            w = _row_weight(item)
            if chunk and (len(chunk) >= self.batch_size or weight + w > self.batch_weight):
                self._queue.append((query, {key: chunk, **params}, key, len(chunk), weight))
                chunk, weight = [], 0
            chunk.append(item)
            weight += w
        if chunk:
            self._queue.append((query, {key: chunk, **params}, key, len(chunk), weight))

    def _flush(self) -> list[list[dict[str, Any]]]:
        """Run the queued statements, several per transaction up to batch_size rows and batch_weight
        weight, a transaction past the server's memory limit split (`_write_split`); one result per
        statement, in order."""
        results: list[list[dict[str, Any]]] = []
        pending: list[tuple[str, dict[str, Any], str]] = []
        size = weight = 0
        queue, self._queue = self._queue, []  # a failed flush leaves nothing behind
        for query, params, key, n, w in queue:
            if pending and (size + n > self.batch_size or weight + w > self.batch_weight):
                results += self._write_split(pending)
                pending, size, weight = [], 0, 0
            pending.append((query, params, key))
            size += n
            weight += w
        if pending:
            results += self._write_split(pending)
        return results

    def upsert(self, rows: GraphRows) -> LoadSummary:
        """Replace the facts of rows.doc_ids by these rows (idempotent, see the module docstring)."""
        t0 = time.perf_counter()
        summary = LoadSummary(nodes_created=0, nodes_updated=0, nodes_removed=0,
                              rels_created=0, rels_updated=0, rels_removed=0, rels_skipped=0)
        docs = list(dict.fromkeys(rows.doc_ids))
        new_facts: dict[str, list[str]] = defaultdict(list)
        for node in rows.nodes:
            for doc in node.articles:
                new_facts[doc].append(f"{_label(node.label)}|{node.id}")
        for rel in rows.rels:
            for doc in rel.articles:
                new_facts[doc].append(f"{_rel_type(rel.type)}|{rel.id}")
        old_facts = self._support(docs)
        self._bump_version()  # before any data write: a write that dies midway leaves stale answers unused
        # 1. the support records cover old and new facts until the load is complete, and hold the
        # articles' evidence that the rows' samples leave out (what the merge cuts besides, it adds)
        covering = {d: sorted(set(old_facts.get(d, [])) | set(new_facts.get(d, []))) for d in docs}
        final = {d: sorted(set(new_facts.get(d, []))) for d in docs}
        self._set_support(covering, support_evidence(rows, docs))
        batch = set(docs)
        extra = {d: f for d, f in new_facts.items() if d not in batch}
        if extra:
            self._add_support(extra, support_evidence(rows, list(extra)))
        # 2. strip the replaced articles from every fact they supported, and give a hub that lost
        # sampled articles the evidence of the next ones (from their support records)
        old = sorted({f for d in docs for f in old_facts.get(d, [])})
        if docs and old:
            hubs = self._hub_samples(old, docs)
            self._strip(old, docs)
            self._settle_hubs(hubs, docs)
        # 3. merge the new rows (their articles' support is nowhere now: appended)
        self._merge_nodes(rows.nodes, summary, docs)
        self._merge_rels(rows.rels, rows.nodes, summary, docs)
        # 4. delete what no article supports any more
        stale = sorted(set(old) - {f for fs in new_facts.values() for f in fs})
        if stale:
            self._delete_unsupported(stale, summary)
        # 5. the support records now list exactly the new facts
        self._set_support({d: f for d, f in final.items() if f != covering[d]})
        self._bump_version()  # a refresh that read the graph during this write stamped an old version
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        return summary

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""
        return self.upsert(GraphRows(doc_ids=list(doc_ids)))

    # -- precomputed answers (see the module docstring) --

    def _bump_version(self) -> None:
        self._write(f"MATCH (s:{SUMMARY_LABEL} {{id: $id}}) SET s.version = s.version + 1", id=SUMMARY_ID)

    def begin_summaries(self, keys: Iterable[str]) -> tuple[int, set[str]]:
        """Start a refresh: the graph version, and which of `keys` are already stamped with it.

        Creates the summary node first, so any write from now on bumps the version past the one
        returned."""
        rows = self._write(f"MERGE (s:{SUMMARY_LABEL} {{id: $id}}) ON CREATE SET s.version = 0 "
                           f"RETURN s.version AS version, [k IN $keys WHERE s[k + '{STAMP_SUFFIX}'] = s.version] "
                           "AS current", id=SUMMARY_ID, keys=list(keys))
        return rows[0]["version"], set(rows[0]["current"])

    def write_summaries(self, answers: dict[str, str], version: int) -> bool:
        """Store answers computed at `version`; False (nothing written) if the graph changed since.

        Compressed: repetitive JSON shrinks about 13 times (2.7 MB -> 0.2 MB for one answer at 10k
        articles), which makes the node small and the read faster than the decompression costs."""
        props: dict[str, Any] = {key: zlib.compress(text.encode(), 6) for key, text in answers.items()}
        props |= {key + STAMP_SUFFIX: version for key in answers}
        rows = self._write(f"MATCH (s:{SUMMARY_LABEL} {{id: $id}}) WHERE s.version = $version "
                           "SET s += $props RETURN count(s) AS n", id=SUMMARY_ID, version=version, props=props)
        return rows[0]["n"] == 1

    def read_summary(self, key: str) -> bytes | None:
        """The stored answer `key` (JSON, UTF-8) if it was computed at the current graph version, else
        None (one read)."""
        rows = self.query(f"MATCH (s:{SUMMARY_LABEL} {{id: $id}}) "
                          "RETURN CASE WHEN s[$stamp] = s.version THEN s[$key] END AS answer",
                          {"id": SUMMARY_ID, "key": key, "stamp": key + STAMP_SUFFIX})
        answer = rows[0]["answer"] if rows else None
        return zlib.decompress(answer) if isinstance(answer, bytes) else None

    def _support(self, docs: list[str]) -> dict[str, list[str]]:
        if not docs:
            return {}
        query = (f"UNWIND $docs AS d MATCH (s:{SUPPORT_LABEL} {{doc_id: d}}) "
                 "RETURN s.doc_id AS doc_id, s.facts AS facts")
        with self._session() as session:
            records = session.execute_read(lambda tx: [r.data() for r in tx.run(query, docs=docs)])
        return {r["doc_id"]: sorted(set(filter(None, (r["facts"] or "").split("\n")))) for r in records}

    def _set_support(self, facts: dict[str, list[str]],
                     evidence: dict[str, tuple[list[str], list[str]]] | None = None) -> None:
        """Each article's facts (one newline-joined string: far cheaper to send and store than a
        list) and, when given, its evidence outside its facts' samples (`schema.support_evidence`):
        `evidence` (strings) with `ev_facts` (the fact of each, "Label|id"), the lists the facts' samples are refilled from and the `evidence`
        query pages through. An article with no facts loses its record."""
        items = [{"doc_id": d, "facts": "\n".join(f), "ev": (evidence or {}).get(d, ([], []))}
                 for d, f in facts.items()]
        set_ev = "s.ev_facts = row.ev[0], s.evidence = row.ev[1], " if evidence is not None else ""
        for chunk in _chunks(items, max(1, self.batch_size // 10)):
            self._write(f"UNWIND $rows AS row MERGE (s:{SUPPORT_LABEL} {{doc_id: row.doc_id}}) "
                        f"SET {set_ev}s.facts = row.facts WITH s, row WHERE row.facts = '' DELETE s", rows=chunk)

    def _add_support(self, facts: dict[str, list[str]],
                     evidence: dict[str, tuple[list[str], list[str]]]) -> None:
        items = [{"doc_id": d, "facts": "\n".join(sorted(set(f))), "ev": evidence.get(d, ([], []))}
                 for d, f in facts.items()]
        for chunk in _chunks(items, max(1, self.batch_size // 10)):
            self._write(f"UNWIND $rows AS row MERGE (s:{SUPPORT_LABEL} {{doc_id: row.doc_id}}) "
                        "WITH s, row, coalesce(s.evidence, []) AS had "
                        "WITH s, row, [i IN range(0, size(row.ev[1]) - 1) WHERE NOT row.ev[1][i] IN had] AS new "
                        "SET s.facts = CASE WHEN s.facts IS NULL THEN row.facts "
                        "ELSE s.facts + '\n' + row.facts END, "
                        "s.ev_facts = coalesce(s.ev_facts, []) + [i IN new | row.ev[0][i]], "
                        "s.evidence = coalesce(s.evidence, []) + [i IN new | row.ev[1][i]]", rows=chunk)

    def _hub_samples(self, facts: list[str], docs: list[str]) -> dict[str, tuple[list[str], list[str], bool]]:
        """The facts among `facts` whose evidence may be cut (more articles than the sample holds):
        fact -> (complete articles, evidence sample, whether it has chunks), read before `docs` are
        stripped from them."""
        out: dict[str, tuple[list[str], list[str], bool]] = {}
        with self._session() as session:
            for name, ids in self._group_facts(facts).items():
                match = (f"MATCH (x:{name} {{id: id}})" if name in NODE_LABELS
                         else f"MATCH ()-[x:{name} {{id: id}}]->()")
                # chunks read whatever the fact's own list holds: a load killed after the strip
                # below left it short while its chunks still hold the stripped articles
                query = (f"UNWIND $ids AS id {match} WHERE size(x.articles) > $limit "
                         f"OR EXISTS {{ MATCH (c:{ARTICLES_LABEL} {{fact: '{name}|' + x.id}}) }} "
                         f"WITH x, COLLECT {{ MATCH (c:{ARTICLES_LABEL} {{fact: '{name}|' + x.id}}) "
                         "UNWIND c.articles AS a RETURN a } AS more "
                         "RETURN x.id AS id, x.articles + more AS articles, coalesce(x.evidence, []) AS evidence, "
                         "size(more) > 0 AS chunked")
                for chunk in _chunks(ids, self.batch_size * 5):
                    for r in session.execute_read(lambda tx, q=query, c=chunk: [
                            x.data() for x in tx.run(q, ids=c, limit=EVIDENCE_ARTICLES)]):
                        out[f"{name}|{r['id']}"] = (r["articles"], r["evidence"], r["chunked"])
        return out

    def _settle_hubs(self, hubs: dict[str, tuple[list[str], list[str], bool]], docs: list[str]) -> None:
        """Hubs stripped of `docs`: a chunked one gets its articles laid out again (the first
        ARTICLE_CHUNK on the fact, the rest in chunks), and one that lost sampled articles the
        evidence of the articles after the last it keeps (an article before it with evidence on the
        fact is in the sample), in `doc_id|` order, read from their support records until the
        sample is full."""
        gone = set(docs)
        query = (f"UNWIND $docs AS d MATCH (s:{SUPPORT_LABEL} {{doc_id: d}}) "
                 "RETURN [i IN range(0, size(coalesce(s.ev_facts, [])) - 1) "
                 "WHERE s.ev_facts[i] = $fact | s.evidence[i]] AS evidence")
        for fact, (articles, evidence, chunked) in hubs.items():
            left = [a for a in articles if a not in gone]
            sample = [e for e in evidence if evidence_doc(e) not in gone]
            sampled = {evidence_doc(e) for e in sample}
            last = max((f"{d}|" for d in sampled), default="")
            after = sorted((a for a in left if a not in sampled and f"{a}|" > last), key=lambda a: f"{a}|")
            refill = len(sampled) < EVIDENCE_ARTICLES and bool(after)
            if not refill and not chunked:
                continue
            if refill:
                for chunk in _chunks(after, EVIDENCE_ARTICLES):
                    found = self.query(query, {"docs": chunk, "fact": fact})
                    sample += [e for r in found for e in r["evidence"]]
                    if len({evidence_doc(e) for e in sample}) >= EVIDENCE_ARTICLES:
                        break
            name, _, fid = fact.partition("|")
            match = f"MATCH (x:{name} {{id: $id}})" if name in NODE_LABELS else f"MATCH ()-[x:{name} {{id: $id}}]->()"
            statements = [(f"{match} SET x.evidence = $evidence", {"id": fid, "evidence": evidence_sample(sample)})]
            if chunked:
                statements += [
                    (f"MATCH (c:{ARTICLES_LABEL} {{fact: $fact}}) DELETE c", {"fact": fact}),
                    (f"{match} SET x.articles = $own", {"id": fid, "own": left[:ARTICLE_CHUNK]}),
                    (f"UNWIND $chunks AS chunk CREATE (:{ARTICLES_LABEL} {{fact: $fact, articles: chunk}})",
                     {"fact": fact, "chunks": list(_chunks(left[ARTICLE_CHUNK:], ARTICLE_CHUNK))})]
            self._write_many(statements)  # one transaction: a load killed here finds the hub as it was

    @staticmethod
    def _group_facts(facts: Iterable[str]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for fact in facts:
            name, _, fid = fact.partition("|")
            if name in NODE_LABELS or name in REL_TYPES:
                grouped[name].append(fid)
        return grouped

    def _strip(self, facts: list[str], docs: list[str]) -> None:
        strip = ("SET x.articles = [a IN x.articles WHERE NOT a IN $docs], "
                 "x.evidence = [e IN coalesce(x.evidence, []) WHERE NOT split(e, '|')[0] IN $docs]")
        for name, ids in self._group_facts(facts).items():
            match = (f"MATCH (x:{name} {{id: id}})" if name in NODE_LABELS
                     else f"MATCH ()-[x:{name} {{id: id}}]->()")
            self._enqueue(f"UNWIND $ids AS id {match} {strip}", "ids", ids, docs=docs)
        self._flush()

    def _delete_unsupported(self, facts: list[str], summary: LoadSummary) -> None:
        grouped = self._group_facts(facts)
        for name, ids in grouped.items():  # relationships first, so the counts stay exact
            if name in REL_TYPES:
                self._enqueue(f"UNWIND $ids AS id MATCH ()-[x:{name} {{id: id}}]->() "
                                   "WHERE size(x.articles) = 0 DELETE x RETURN count(*) AS n, 0 AS dropped",
                                   "ids", ids)
        rel_statements = len(self._queue)
        for name, ids in grouped.items():
            if name in NODE_LABELS:
                self._enqueue(f"UNWIND $ids AS id MATCH (x:{name} {{id: id}}) WHERE size(x.articles) = 0 "
                                   "WITH x, COUNT {(x)--()} AS degree DETACH DELETE x "
                                   "RETURN count(*) AS n, sum(degree) AS dropped", "ids", ids)
        for i, res in enumerate(self._flush()):
            if res:
                summary["rels_removed" if i < rel_statements else "nodes_removed"] += res[0]["n"]
                summary["rels_removed"] += res[0]["dropped"] or 0

    @staticmethod
    def _dedupe(rows: Iterable[NodeRow | RelRow]) -> list[NodeRow | RelRow]:
        """One row per id (a batch repeats shared facts per article): props merged, support lists unioned."""
        out: dict[str, NodeRow | RelRow] = {}
        for row in rows:
            seen = out.get(row.id)
            if seen is None:
                out[row.id] = row
                continue
            if seen is row:
                continue
            props = {**seen.props, **row.props}
            if getattr(row, "label", None) in SETTLED_NAME_LABELS:
                props["name"] = settled_name(seen.props.get("name"), row.props.get("name"))
            if getattr(row, "type", None) in SETTLED_FULL_TYPES:
                props["full"] = settled_name(seen.props.get("full"), row.props.get("full"))
            merged = type(row)(**{**row.__dict__, "props": props,
                                  "articles": list(dict.fromkeys(seen.articles + row.articles)),
                                  "evidence": list(dict.fromkeys(seen.evidence + row.evidence))})
            out[row.id] = merged
        return list(out.values())

    def _merge_nodes(self, nodes: list[NodeRow], summary: LoadSummary, docs: list[str]) -> None:
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for n in self._dedupe(nodes):
            by_label[_label(n.label)].append({"id": n.id, "props": _props(n.props),
                                              "articles": list(n.articles), "evidence": in_sample(n.evidence)})
        for label, items in by_label.items():
            settle = ""
            if label in SETTLED_NAME_LABELS:  # rows_io.settled_name: the shortest name, then code-point order
                for item in items:
                    item["props"] = dict(item["props"])
                    item["name"] = item["props"].pop("name", None)
                settle = _settle("n", "name")
            query = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) " + settle + _ADD_SUPPORT.format(v="n", key=label)
            self._enqueue(query, "rows", items, docs=docs, limit=EVIDENCE_ARTICLES, chunk=ARTICLE_CHUNK)
        for res in self._flush():
            summary["nodes_created"] += res[0]["created"]
            summary["nodes_updated"] += res[0]["total"] - res[0]["created"]

    def _endpoint_labels(self, ids: set[str], known: dict[str, str]) -> dict[str, str]:
        """Labels of relationship endpoints not in this batch, looked up per candidate label."""
        missing = sorted(i for i in ids if i not in known)
        found: dict[str, str] = {}
        if not missing:
            return found
        with self._session(read=True) as session:
            for label in NODE_LABELS:
                query = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id"
                for chunk in _chunks(missing, self.batch_size * 5):
                    for r in session.execute_read(lambda tx, q=query, c=chunk: [x.data() for x in tx.run(q, ids=c)]):
                        found[r["id"]] = label
        return found

    def _merge_rels(self, rels: list[RelRow], nodes: list[NodeRow], summary: LoadSummary,
                    docs: list[str]) -> None:
        if not rels:
            return
        rels = self._dedupe(rels)  # type: ignore[assignment]
        known = {n.id: n.label for n in nodes}
        known.update(self._endpoint_labels({r.src for r in rels} | {r.dst for r in rels}, known))
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for r in rels:
            src, dst = known.get(r.src), known.get(r.dst)
            if src is None or dst is None:
                summary["rels_skipped"] += 1  # an endpoint is in no batch: nothing to attach to
                continue
            groups[(_rel_type(r.type), _label(src), _label(dst))].append(
                {"id": r.id, "src": r.src, "dst": r.dst, "props": _props(r.props),
                 "articles": list(r.articles), "evidence": in_sample(r.evidence)})
        for (rtype, src, dst), items in groups.items():
            settle = ""
            if rtype in SETTLED_FULL_TYPES:  # rows_io.settled_name on the title in full, as on a body's name
                for item in items:
                    item["props"] = dict(item["props"])
                    item["full"] = item["props"].pop("full", None)
                settle = _settle("r", "full")
            query = (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
                     f"MERGE (a)-[r:{rtype} {{id: row.id}}]->(b) " + settle + _ADD_SUPPORT.format(v="r", key=rtype))
            self._enqueue(query, "rows", items, docs=docs, limit=EVIDENCE_ARTICLES, chunk=ARTICLE_CHUNK)
        sizes = [n for _, _, _, n, _ in self._queue]  # the rows of each statement, as `_enqueue` cut them
        for size, res in zip(sizes, self._flush(), strict=True):
            summary["rels_created"] += res[0]["created"]
            summary["rels_updated"] += res[0]["total"] - res[0]["created"]
            summary["rels_skipped"] += size - res[0]["total"]

    # -- reading --

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (every schema name, zeros included)."""
        # one record, one round trip; each COUNT is a count-store lookup, not a scan
        counts = [f"COUNT {{ (:{_label(label)}) }} AS {label}" for label in NODE_LABELS]
        counts += [f"COUNT {{ ()-[:{_rel_type(t)}]->() }} AS {t}" for t in REL_TYPES]
        with self._unavailable_as_error(), self._session(read=True) as session:
            record = session.run("RETURN " + ", ".join(counts)).single()
        return {name: record[name] for name in (*NODE_LABELS, *REL_TYPES)}

    # The GraphStore reads. A node is matched per label (`MATCH (n:Label {id: $id})` uses the
    # label's uniqueness index; a match without a label scans every node), so a read by id asks
    # each label in one UNION and a relationship read first finds its node's label.

    def _by_id(self, nid: str) -> tuple[str, dict[str, Any]] | None:
        union = " UNION ALL ".join(f"MATCH (n:{_label(lab)} {{id: $id}}) RETURN n, '{lab}' AS label, "
                                   f"{cypher_articles('n', lab)} AS articles"
                                   for lab in NODE_LABELS)
        rows = self.query(f"CALL () {{ {union} }} RETURN n, label, articles LIMIT 1", {"id": nid})
        return (rows[0]["label"], {**rows[0]["n"], "articles": rows[0]["articles"]}) if rows else None

    def node(self, nid: str) -> dict[str, Any] | None:
        """The node's properties with its `id` and `label` (None when absent)."""
        found = self._by_id(nid)
        return None if found is None else {**found[1], "id": nid, "label": found[0]}

    def label(self, nid: str) -> str | None:
        found = self._by_id(nid)
        return None if found is None else found[0]

    def ids_by_label(self, label: str) -> set[str]:
        return {r["id"] for r in self.query(f"MATCH (n:{_label(label)}) RETURN n.id AS id")}

    def ids_by_name(self, name: str) -> set[str]:
        """Nodes whose naming property (`schema.NAME_PROPS`: name, title, path, team) equals `name`."""
        union = " UNION ".join(f"MATCH (n:{_label(lab)}) WHERE n.{prop} = $name RETURN n.id AS id"
                               for lab, props in NAME_PROPS.items() for prop in props)
        return {r["id"] for r in self.query(union, {"name": name})}

    def _rels(self, nid: str, rel_type: str | None, outgoing: bool) -> Iterator[tuple[str, dict[str, Any]]]:
        label = self.label(nid)
        if label is None:
            return
        typed = f":{_rel_type(rel_type)}" if rel_type else ""
        arrow = f"-[r{typed}]->" if outgoing else f"<-[r{typed}]-"
        articles = cypher_articles("r")
        rows = self.query(f"MATCH (n:{label} {{id: $id}}){arrow}(m) "
                          f"RETURN m.id AS other, r, type(r) AS type, {articles} AS articles ORDER BY r.id",
                          {"id": nid})
        for row in rows:
            yield row["other"], {**row["r"], "articles": row["articles"], "type": row["type"]}

    def out_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(target id, relationship properties with `id` and `type`) for each outgoing relationship."""
        return self._rels(nid, rel_type, outgoing=True)

    def in_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(source id, relationship properties with `id` and `type`) for each incoming relationship."""
        return self._rels(nid, rel_type, outgoing=False)

    def identity(self) -> StoreIdentity:
        """Keyed by the database's own id (`db.info()`): the same database reached on another port or
        URI is the same store, another server or a re-created database is not. Without that
        procedure (a restricted user), by URI and database name."""
        from neo4j.exceptions import Neo4jError

        where = f"{self.settings.uri} database {self.database or '(default)'}"
        try:
            info = self.query("CALL db.info() YIELD id, name RETURN id, name")
            key = f"neo4j:{info[0]['id']}" if info else f"neo4j:{where}"
        except Neo4jError:
            key = f"neo4j:{where}"
        empty = not self.query("MATCH (a:Article) RETURN 1 AS one LIMIT 1")
        return StoreIdentity(key=key, where=where, empty=empty)

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A parameterized READ transaction; records as plain dicts (nodes/rels as property dicts).

        Raises StoreUnavailable when the server went away or refuses us (as the constructor does)."""
        def work(tx):
            return [{k: _plain(v) for k, v in r.items()} for r in tx.run(cypher, **(params or {}))]

        with self._unavailable_as_error(), self._session(read=True) as session:
            return session.execute_read(work)

    @contextmanager
    def _unavailable_as_error(self) -> Iterator[None]:
        """Driver errors meaning "no server" or "refused" become StoreUnavailable (exit status 3)."""
        from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

        try:
            yield
        except AuthError:
            raise StoreUnavailable(f"Neo4j at {self.settings.uri} refused the credentials of user "
                                   f"{self.settings.user!r}") from None
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailable(f"Neo4j unreachable at {self.settings.uri}: {type(e).__name__}") from None

    def run_read(self, cypher: str, params: dict[str, Any] | None = None, timeout_s: float = 10.0,
                 limit: int = READ_ROW_CAP) -> ReadResult:
        """The read-only console: refuse writes (keyword scan, then a READ transaction), cap rows.

        Raises ReadOnlyViolation for writes, TimeoutError past `timeout_s`, neo4j ClientError for
        Cypher errors (syntax, unknown function), whose message is fit to show the user.
        """
        from neo4j.exceptions import ClientError

        word = write_keyword(cypher)
        if word:
            raise ReadOnlyViolation(f"read-only console: {word} writes to the graph; only reads are allowed")
        with self._unavailable_as_error(), self._session(read=True) as session:
            tx = session.begin_transaction(timeout=timeout_s)
            try:
                result = tx.run(cypher, **(params or {}))
                columns = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                for record in result:
                    if len(rows) >= limit:
                        truncated = True
                        break
                    rows.append({k: _plain(v) for k, v in record.items()})
            except ClientError as e:
                if "AccessMode" in (e.code or "") or "read access mode" in str(e.message or "").lower():
                    raise ReadOnlyViolation("read-only console: the query tried to write; "
                                            "only reads are allowed") from None
                if "TransactionTimedOut" in (e.code or ""):
                    raise TimeoutError(f"the query ran longer than {timeout_s:g} s and was stopped") from None
                raise
            finally:
                tx.rollback()  # never commit anything from the console
                tx.close()
        return ReadResult(columns=columns, rows=rows, truncated=truncated)

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
