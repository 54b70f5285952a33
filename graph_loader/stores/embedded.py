"""The embedded store: the property graph in plain dicts, pickled in the workspace.

It is the default store (no server to run) and must behave like the Neo4j store:
`upsert` strips the batch's articles from the facts they supported (their ids
leave `articles`, their strings leave `evidence`), merges the rows (articles and
evidence are unions, properties overwritten, a `None` property skipped), then
deletes the stripped facts no article supports any more, nodes with their
relationships. A relationship whose ends are missing is skipped, as the Neo4j
store's `MATCH ... MERGE` skips it.

Nodes are `id -> {label, <props>, articles, evidence}`, relationships `id -> Rel` (a compact record:
id, type, ends, articles, evidence, properties as a flat tuple); adjacency (`_out`/`_in`: node -> a
list of its relationships while it has few, else type -> list), and indexes by label, by name and by
article are rebuilt on load, so queries never scan the whole graph to find their starting points.
(No networkx graph: its adjacency held every relationship a second time, a sixth of the store's
memory; no dict per relationship, ends tuple and dict per node and type either: 190 of the 515 MiB
of the 10k store that had them.)

Bounded hubs and evidence out of memory: `articles` stay complete (sorted, each doc id one
shared string, so an entry costs a pointer); of its evidence a fact keeps only its first string
(`evidence`, for the FIRST_KEPT facts a propagation tree or a responsibility chain shows; `True`
for any other fact with evidence), the rest is read on demand
from the articles' rows files (`<workspace>/rows/<doc_id>.jsonl`, written before every upsert):
`node()`, `out_rels` and `in_rels` give the sample every answer shows (`schema.evidence_sample`:
the strings of a fact's first `schema.EVIDENCE_ARTICLES` articles) as an `Evidence` sequence read
when looked at, `evidence_of` a fact's whole evidence. An article without a rows file (a store
without a workspace, rows files written per batch by older builds) has its evidence held in
memory (`_held`). So a fact costs its first string and a pointer per article, and every write to
it is bounded whatever the number of articles naming it. (10k generated articles, RSS after open:
516 MiB with evidence samples in memory and a dict per relationship, 302 MiB so: BENCHMARKS.md.)

`open()` is lazy: the pickle is read on the first access to the graph or an index,
so the app can show the overview from the summary `save()` writes next to it
(`graph.summary.json`, see stores/summary.py) without unpickling a large graph.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import sys
import tempfile
import threading
import time
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from graph_loader.graph.rows_io import SETTLED_FULL_TYPES, SETTLED_NAME_LABELS, settled_name
from graph_loader.graph.schema import (
    EVIDENCE_ARTICLES,
    NAME_PROPS,
    NODE_LABELS,
    REL_TYPES,
    GraphRows,
    NodeRow,
    RelRow,
    evidence_doc,
    storable_value,
)
from graph_loader.stores.base import LoadSummary, StoreIdentity

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # an id as `rows_io.write_rows` writes it
# The facts that keep their first evidence string in memory: what a propagation tree (its meetings and
# relays) and a responsibility chain (relays, inspections) show of thousands of facts at once
# (`queries.shapes.first_evidence`). Any other fact keeps `True` while it has evidence (a third of the
# store's memory at 10k would otherwise go to first strings that no answer reads without the rest).
FIRST_KEPT = frozenset({"Meeting", "Inspection", "RELAYS"})
_FILES_KEPT = 64
_FEW_RELS = 8  # a node's relationships (each way) kept in one list up to this many, else by type  # rows files kept read (a meeting's participants and relays share its few articles)

STORE_FILE = "graph.pickle"
# 1: a networkx MultiDiGraph, 2: evidence samples in memory, 3: one pickle of the whole graph (all still read)
FORMAT_VERSION = 4
_CHUNK = 20_000  # nodes or relationships pickled apart in a saved store (format 4)

_RESERVED = ("label", "type", "articles", "evidence")
# labels and relationship types as the one string each (a row's are its own copies, unpickled or decoded)
_NAMES = {x: x for x in (*NODE_LABELS, *REL_TYPES)}
_SHARED_LEN = 64  # string property values up to this long are interned (levels, dates, kinds, roles repeat)
# read from the pickle; on a lazily opened store, touching one of them loads the pickle first
_STORED = frozenset({"_nodes", "_rels", "_held"})
# built by _reindex
_INDEXES = frozenset({"_by_label", "_by_name", "_aliased", "_keyed", "_node_docs", "_rel_docs", "_out", "_in", "_single"})


class EmbeddedStore:
    """GraphStore on plain dicts; `open(workspace)` loads it, `save()` writes it atomically."""

    kind = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._pending = False  # True while the pickle at `path` is not read yet
        self._lock = threading.Lock()
        self.dirty = False
        self._nodes: dict[str, dict[str, Any]] = {}
        self._rels: dict[str, Rel] = {}
        # doc id -> fact id -> that article's evidence on the fact, for the articles whose evidence has no
        # rows file to be read from (a store without a workspace holds all of it here)
        self._held: dict[str, dict[str, list[str]]] = {}
        self._files: OrderedDict[str, tuple[int, int, str]] = OrderedDict()  # recently read rows files
        self._hold: dict[str, bool] = {}  # doc id -> whether it has no rows file (asked once per write)
        self._reindex()

    # ----- persistence -------------------------------------------------------------------
    @classmethod
    def open(cls, workspace: Path) -> EmbeddedStore:
        """The store of `<workspace>/graph.pickle`, read on first use; an absent file gives an empty
        store saved there later."""
        store = cls(Path(workspace) / STORE_FILE)
        if store.path is not None and store.path.exists():
            store._pending = True
            for name in _STORED | _INDEXES:  # read and rebuilt by _load on first use
                store.__dict__.pop(name, None)
        return store

    @property
    def rows_dir(self) -> Path | None:
        """The workspace's rows files, where evidence beyond a hub's sample is read from."""
        return None if self.path is None else self.path.parent / "rows"

    def _load(self) -> None:
        """Unpickle and index with the cyclic GC off (it would rescan the growing heap again and again:
        4x slower at 10k articles), then freeze the graph out of later collections, whose full scans
        of a large graph would otherwise pause queries for a second now and then."""
        with self._lock:
            if not self._pending:
                return
            assert self.path is not None
            enabled = gc.isenabled()
            gc.disable()
            try:
                with self.path.open("rb") as f:
                    data = pickle.load(f)
                    if data.get("version") == FORMAT_VERSION:
                        self._undump(f, data)
                version = data.get("version")
                if version == FORMAT_VERSION:
                    pass  # read by _undump
                elif version == 3:
                    self._nodes, self._rels, self._held = data["nodes"], data["rels"], data["held"]
                elif version == 1:
                    self._from_networkx(data.pop("graph"))
                elif version == 2:
                    self._nodes, self._held = data["nodes"], {}
                    for nid, attrs in self._nodes.items():
                        self._evidence_out(nid, attrs)
                    rels = data["rels"]
                    self._rels = {key: _rel_of(key, u, v, self._evidence_out(key, rels[key]))
                                  for key, (u, v) in data["ends"].items()}
                else:
                    raise ValueError(f"{self.path}: store format {version}, expected {FORMAT_VERSION}")
                del data
                self._reindex()
            finally:
                if enabled:
                    gc.enable()
            gc.freeze()
            self._pending = False

    def _dump(self, f: Any) -> None:
        """Format 4: a header, then the nodes and the relationships in chunks of `_CHUNK`, each pickled
        apart (its own memo: pickling the whole graph at once kept a memo entry for every object it
        wrote, +420 MiB while saving the 30k store), relationships by columns; `_undump` reads them back
        and makes every doc id and node id one shared string again."""
        pickle.dump({"version": FORMAT_VERSION, "nodes": len(self._nodes), "rels": len(self._rels)}, f,
                    protocol=pickle.HIGHEST_PROTOCOL)
        nodes = iter(self._nodes.items())
        while chunk := list(islice(nodes, _CHUNK)):
            pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)
        rels = iter(self._rels.values())
        while chunk := list(islice(rels, _CHUNK)):
            columns = ([r.id for r in chunk], [r.type for r in chunk], [r.src for r in chunk], [r.dst for r in chunk],
                       [r.articles for r in chunk], [r.evidence for r in chunk], [r.props for r in chunk])
            pickle.dump(columns, f, protocol=pickle.HIGHEST_PROTOCOL)
            del chunk, columns
        pickle.dump(self._held, f, protocol=pickle.HIGHEST_PROTOCOL)

    def _undump(self, f: Any, header: dict[str, Any]) -> None:
        """The nodes, relationships and held evidence `_dump` wrote after `header`."""
        def shared(articles: list[str]) -> list[str]:  # each doc id the one interned string, as upsert's
            return [sys.intern(a) for a in articles]

        nodes: dict[str, dict[str, Any]] = {}
        while len(nodes) < header["nodes"]:
            for nid, attrs in pickle.load(f):
                attrs["articles"] = shared(attrs["articles"])
                nodes[nid] = attrs
        ids = {nid: nid for nid in nodes}  # a relationship's ends: the nodes' own id strings
        rels: dict[str, Rel] = {}
        while len(rels) < header["rels"]:
            for key, typ, src, dst, articles, evidence, props in zip(*pickle.load(f), strict=True):
                rels[key] = Rel(key, typ, ids.get(src, src), ids.get(dst, dst), shared(articles), evidence, props)
        del ids
        self._nodes, self._rels, self._held = nodes, rels, pickle.load(f)

    def _from_networkx(self, graph: Any) -> None:
        """A store of format 1 (a networkx MultiDiGraph): its nodes and edges, evidence kept as now."""
        self._nodes, self._rels, self._held = {}, {}, {}
        for nid, attrs in graph.nodes(data=True):
            attrs["articles"] = [sys.intern(a) for a in attrs.get("articles", ())]
            self._nodes[nid] = self._evidence_out(nid, attrs)
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            attrs["articles"] = [sys.intern(a) for a in attrs.get("articles", ())]
            self._rels[key] = _rel_of(key, u, v, self._evidence_out(key, attrs))

    def _evidence_out(self, fid: str, attrs: dict[str, Any]) -> dict[str, Any]:
        """A fact of an older format, whose `evidence` is a list of strings: its first string kept, the
        strings of articles with no rows file held (the others are read from there)."""
        strings = attrs.get("evidence") or []
        kind = attrs.get("label") or attrs.get("type")
        attrs["evidence"] = (min(strings) if kind in FIRST_KEPT else True) if strings else None
        self._hold_unread(fid, strings)
        return attrs

    def _hold_unread(self, fid: str, evidence: Iterable[str]) -> None:
        """Keep in memory the strings of `fid`'s evidence whose article has no rows file to read them from
        again (each string once)."""
        hold = self._hold
        for e in evidence:
            doc = evidence_doc(e)
            held = hold.get(doc)
            if held is None:
                held = hold[doc] = not self._has_rows(doc)
            if held:
                strings = self._held.setdefault(doc, {}).setdefault(fid, [])
                if e not in strings:
                    strings.append(e)

    @property
    def loaded(self) -> bool:
        return not self._pending

    @property
    def graph(self) -> GraphView:
        """A read-only view with the networkx calls tests and scripts use (nodes, edges, counts)."""
        return GraphView(self)

    def __getattr__(self, name: str) -> Any:
        # only reached for attributes not set yet: the graph of a store not loaded yet
        if (name in _INDEXES or name in _STORED) and self.__dict__.get("_pending"):
            self._load()
            return self.__dict__[name]
        raise AttributeError(name)

    def identity(self) -> StoreIdentity:
        """One embedded store per workspace; empty while its pickle does not exist (nothing is read)."""
        saved = self.path is not None and self.path.exists()
        in_memory = not self._pending and bool(self.__dict__.get("_nodes"))
        return StoreIdentity(key="embedded", where=str(self.path), empty=not (saved or in_memory))

    def summary(self) -> dict[str, Any]:
        """The overview's summary (counts, regions, latest meetings): from `graph.summary.json` when it
        matches the pickle, else computed (loading the graph) and cached there for the next time."""
        from graph_loader.stores import summary

        if self.path is not None and not self.dirty:
            cached = summary.read(self.path)
            if cached is not None:
                return cached
        data = summary.summarise(self)
        if self.path is not None and not self.dirty and self.path.exists():
            summary.write(self.path, data)
        return data

    def save(self) -> None:
        """Write to a temp file in the same folder, then os.replace: a killed write keeps the old store."""
        if self.path is None:
            raise ValueError("this store has no path; open it with EmbeddedStore.open(workspace)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".graph.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                self._dump(f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.dirty = False
        from graph_loader.stores import summary

        summary.write(self.path, summary.summarise(self))

    def close(self) -> None:
        """Save pending changes (the build calls upsert per batch and close once)."""
        if self.dirty and self.path is not None:
            self.save()

    # ----- indexes -------------------------------------------------------------------------
    def _reindex(self) -> None:
        self._by_label: dict[str, set[str]] = {}
        self._by_name: dict[str, set[str]] = {}
        self._aliased: set[str] = set()  # nodes with `aliases` (directives, meetings): search reads these only
        self._keyed: set[str] = set()  # nodes with a `search_key` (schema.SEARCH_KEYED): search reads these
        # doc_id -> the node / relationship ids it supports (lists: a set per article costs ten times as much;
        # an id met twice is harmless, _strip reads them as a set)
        self._node_docs: dict[str, list[str]] = {}
        self._rel_docs: dict[str, list[str]] = {}
        # node -> its relationships (out / in): a list while there are few (most nodes have one to three),
        # else by type (relationship type -> list), so typed expansion never scans a hub
        self._out: dict[str, list[Rel] | dict[str, list[Rel]]] = {}
        self._in: dict[str, list[Rel] | dict[str, list[Rel]]] = {}
        # the one `[doc_id]` list of each article: nine facts in ten have one article, and lists are
        # never changed in place (every write assigns a new list), so they can share it
        self._single: dict[str, list[str]] = {}
        for nid, attrs in self._nodes.items():
            attrs["articles"] = self._shared(attrs["articles"])
            self._index_node(nid, attrs)
            self._index_docs(self._node_docs, nid, attrs["articles"])
        for key, rel in self._rels.items():
            rel.articles = self._shared(rel.articles)
            self._index_edge(rel)
            self._index_docs(self._rel_docs, key, rel.articles)

    def _index_edge(self, rel: Rel) -> None:
        for adjacency, end in ((self._out, rel.src), (self._in, rel.dst)):
            rels = adjacency.get(end)
            if rels is None:
                adjacency[end] = [rel]
            elif type(rels) is list:
                if len(rels) < _FEW_RELS:
                    rels.append(rel)
                else:
                    by_type: dict[str, list[Rel]] = {}
                    for r in (*rels, rel):
                        by_type.setdefault(r.type, []).append(r)
                    adjacency[end] = by_type
            else:
                rels.setdefault(rel.type, []).append(rel)

    def _remove_edge(self, key: str) -> None:
        rel = self._rels.pop(key)
        for adjacency, end in ((self._out, rel.src), (self._in, rel.dst)):
            rels = adjacency[end]
            cell = rels if type(rels) is list else rels.get(rel.type, [])
            for i, r in enumerate(cell):
                if r is rel:
                    del cell[i]
                    break

    def _names(self, attrs: dict[str, Any]) -> Iterator[str]:
        for prop in NAME_PROPS.get(attrs.get("label", ""), ()):
            value = attrs.get(prop)
            if isinstance(value, str) and value:
                yield value

    def _index_node(self, nid: str, attrs: dict[str, Any]) -> None:
        self._by_label.setdefault(attrs.get("label", ""), set()).add(nid)
        for name in self._names(attrs):
            self._by_name.setdefault(name, set()).add(nid)
        if attrs.get("aliases"):
            self._aliased.add(nid)
        if attrs.get("search_key"):
            self._keyed.add(nid)

    def _shared(self, articles: list[str]) -> list[str]:
        """A one-article list as the article's shared list; any other as it is."""
        if len(articles) != 1:
            return articles
        return self._single.setdefault(articles[0], articles)

    @staticmethod
    def _index_docs(index: dict[str, list[str]], fid: str, docs: Iterable[str]) -> None:
        for doc in docs:
            ids = index.get(doc)
            if ids is None:
                index[doc] = [fid]
            else:
                ids.append(fid)

    def _unindex_names(self, nid: str, attrs: dict[str, Any]) -> None:
        self._aliased.discard(nid)
        self._keyed.discard(nid)
        for name in self._names(attrs):
            ids = self._by_name.get(name)
            if ids is not None:
                ids.discard(nid)
                if not ids:
                    del self._by_name[name]

    # ----- writes --------------------------------------------------------------------------
    def upsert(self, rows: GraphRows) -> LoadSummary:
        """Replace the facts of rows.doc_ids by these rows (idempotent).

        As in the Neo4j store: strip the articles from the facts they supported, merge the
        rows, then delete those stripped facts that no article supports any more.
        """
        t0 = time.perf_counter()
        stale_nodes, stale_rels = self._strip(rows.doc_ids)
        self._hold = {}  # doc id -> whether its evidence stays in memory (no rows file), for this upsert
        created = updated = rels_created = rels_updated = skipped = 0
        for node in rows.nodes:
            if self._merge_node(node):
                created += 1
            else:
                updated += 1
        for rel in rows.rels:
            result = self._merge_rel(rel)
            if result is None:
                skipped += 1
            elif result:
                rels_created += 1
            else:
                rels_updated += 1
        summary = self._delete_unsupported(stale_nodes, stale_rels)
        self.dirty = True
        summary.update(nodes_created=created, nodes_updated=updated, rels_created=rels_created,
                       rels_updated=rels_updated, rels_skipped=skipped,
                       seconds=round(time.perf_counter() - t0, 4))
        return summary

    def _merge_node(self, row: NodeRow) -> bool:
        if row.label not in NODE_LABELS:
            raise ValueError(f"unknown node label {row.label!r} for {row.id}")
        # the one string of the id (the dict's key, every article's entry in _node_docs, the relationships'
        # ends): each row brings its own copy, and keeping those was a third of the store a build held
        nid = sys.intern(row.id)
        attrs = self._nodes.get(nid)
        is_new = attrs is None
        if attrs is None:
            attrs = self._nodes[nid] = {"label": _NAMES[row.label], "articles": [], "evidence": None}
        self._unindex_names(nid, attrs)
        attrs["label"] = _NAMES[row.label]
        old_name = attrs.get("name")
        _set_props(attrs, row.props)
        if row.label in SETTLED_NAME_LABELS and attrs.get("name"):
            attrs["name"] = settled_name(old_name, attrs["name"])
        self._index_docs(self._node_docs, nid, self._merge_support(nid, attrs, row.articles, row.evidence,
                                                                   row.label in FIRST_KEPT))
        self._index_node(nid, attrs)
        return is_new

    def _merge_rel(self, row: RelRow) -> bool | None:
        if row.type not in REL_TYPES:
            raise ValueError(f"unknown relationship type {row.type!r} for {row.id}")
        src, dst = sys.intern(row.src), sys.intern(row.dst)  # the ends' node ids (interned by _merge_node)
        if src not in self._nodes or dst not in self._nodes:
            return None
        rel = self._rels.get(row.id)
        if rel is not None and (rel.src != src or rel.dst != dst or rel.type != row.type):
            self._remove_edge(row.id)  # same id, moved ends or new type: replace
            rel = None
        is_new = rel is None
        if rel is None:
            rel = self._rels[row.id] = Rel(row.id, _NAMES[row.type], src, dst, [], None, ())
            self._index_edge(rel)
        props = rel.props_dict()
        old_full = props.get("full")
        _set_props(props, row.props)
        if row.type in SETTLED_FULL_TYPES and old_full:
            props["full"] = settled_name(old_full, props.get("full"))
        rel.props = _flat(props)
        # rel.id: the key's string, not the row's copy (one entry per article in _rel_docs)
        self._index_docs(self._rel_docs, rel.id, self._merge_support(rel.id, rel, row.articles, row.evidence,
                                                                     row.type in FIRST_KEPT))
        return is_new

    def _merge_support(self, fid: str, attrs: dict[str, Any] | Rel, articles: list[str],
                       evidence: list[str], keep_first: bool) -> list[str]:
        """Union the row's articles into the fact's (each doc id the one shared string, `sys.intern`); of
        its evidence a fact of FIRST_KEPT keeps the first string, any other `True` (it has evidence); the
        rest is read from the articles' rows files when asked for (`evidence_sample`, `evidence_of`), or
        held here for an article that has none. Returns the row's articles."""
        docs = [sys.intern(a) for a in articles]
        attrs["articles"] = self._shared(_union_sorted(attrs["articles"], docs))
        if evidence:
            if not keep_first:
                attrs["evidence"] = True
            else:
                first = min(evidence)
                if not isinstance(attrs["evidence"], str) or first < attrs["evidence"]:
                    attrs["evidence"] = first
            self._hold_unread(fid, evidence)
        return docs

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""
        summary = self._delete_unsupported(*self._strip(doc_ids))
        self.dirty = self.dirty or bool(doc_ids)
        return summary

    def _strip(self, doc_ids: list[str]) -> tuple[set[str], set[str]]:
        """Remove the articles (and their evidence) from the facts they support; those facts' ids.
        A fact that loses the article of its first evidence string takes the first string of its next
        article that has evidence on it (from that article's rows file)."""
        docs = set(doc_ids)
        nodes: set[str] = set()
        rels: set[str] = set()
        for doc in docs:
            nodes.update(self._node_docs.pop(doc, ()))
            rels.update(self._rel_docs.pop(doc, ()))
            self._held.pop(doc, None)
            self._files.pop(doc, None)
        table: dict[str, Any]
        for facts, table in ((rels, self._rels), (nodes, self._nodes)):
            for fid in facts:
                attrs = table.get(fid)
                if attrs is None:
                    continue
                attrs["articles"] = self._shared([a for a in attrs["articles"] if a not in docs])
                first = attrs["evidence"]
                if isinstance(first, str) and evidence_doc(first) in docs:
                    attrs["evidence"] = None
                    for doc in sorted(attrs["articles"], key=_doc_key):
                        strings = self._strings(doc, fid)
                        if strings:
                            attrs["evidence"] = min(strings)
                            break
        return nodes, rels

    # ----- evidence read on demand ---------------------------------------------------------
    def _has_rows(self, doc: str) -> bool:
        rows_dir = self.rows_dir
        return rows_dir is not None and (rows_dir / f"{doc}.jsonl").exists()

    def _strings(self, doc: str, fid: str) -> list[str]:
        """The evidence of article `doc` on fact `fid`: held here, else from the article's rows file."""
        held = self._held.get(doc)
        if held is not None:
            return held.get(fid, [])
        return self._evidence_in_rows(doc, fid)

    def _rows_text(self, doc: str) -> str | None:
        """The text of `doc`'s rows file (a few recently read ones kept, as long as they are unchanged)."""
        rows_dir = self.rows_dir
        if rows_dir is None:
            return None
        path = rows_dir / f"{doc}.jsonl"
        try:
            st = path.stat()
            cached = self._files.get(doc)
            if cached is not None and cached[0] == st.st_mtime_ns and cached[1] == st.st_size:
                return cached[2]
            text = path.read_text(encoding="utf-8")
        except OSError:
            return None
        files = self._files
        files[doc] = (st.st_mtime_ns, st.st_size, text)
        while len(files) > _FILES_KEPT:
            files.popitem(last=False)
        return text

    def _evidence_in_rows(self, doc: str, fid: str) -> list[str]:
        """The evidence strings of `doc` on fact `fid` in the article's rows file (empty when the store has
        no workspace or the file is gone): the lines of that id found as `write_rows` writes them, only
        those parsed."""
        text = self._rows_text(doc)
        if not text:
            return []
        key = f'"id": {_ENCODER.encode(fid)}, "'
        prefix = f"{doc}|"
        found: list[str] = []
        at = text.find(key)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            try:
                row = json.loads(text[start:end])
            except ValueError:
                row = None
            if isinstance(row, dict) and row.get("id") == fid:
                found.extend(e for e in row.get("evidence") or () if isinstance(e, str) and e.startswith(prefix))
            at = text.find(key, end)
        return found

    def evidence_sample(self, fid: str) -> list[str]:
        """A fact's evidence as answers show it (`schema.evidence_sample`: that of its first
        EVIDENCE_ARTICLES articles with evidence, in `doc_id|` order), sorted."""
        attrs = self.fact(fid)
        if attrs is None or attrs["evidence"] is None:
            return []
        out: list[str] = []
        found = 0
        for doc in sorted(attrs["articles"], key=_doc_key):
            strings = self._strings(doc, fid)
            if strings:
                out.extend(strings)
                found += 1
                if found >= EVIDENCE_ARTICLES:
                    break
        return sorted(set(out))

    def evidence_of(self, fid: str, docs: Iterable[str] | None = None) -> list[str]:
        """A fact's evidence (node or relationship id), sorted: that of `docs` (every article when None),
        read from the articles' rows files (or held here)."""
        attrs = self.fact(fid)
        if attrs is None:
            return []
        have = attrs["articles"]
        wanted = have if docs is None else set(docs).intersection(have)
        out: set[str] = set()
        for doc in wanted:
            out.update(self._strings(doc, fid))
        return sorted(out)

    def _delete_unsupported(self, nodes: set[str], rels: set[str]) -> LoadSummary:
        removed_nodes = removed_rels = 0
        for key in sorted(rels):
            rel = self._rels.get(key)
            if rel is not None and not rel.articles:
                self._remove_edge(key)
                removed_rels += 1
        for nid in sorted(nodes):
            attrs = self._nodes.get(nid)
            if attrs is not None and not attrs["articles"]:
                removed_rels += self._detach_delete(nid, attrs)
                removed_nodes += 1
        return LoadSummary(nodes_removed=removed_nodes, rels_removed=removed_rels)

    def _detach_delete(self, nid: str, attrs: dict[str, Any]) -> int:
        keys = {r.id for adjacency in (self._out, self._in) for r in _all_rels(adjacency.get(nid))}
        for key in sorted(keys):
            self._remove_edge(key)
        self._out.pop(nid, None)
        self._in.pop(nid, None)
        self._unindex_names(nid, attrs)
        self._by_label.get(attrs.get("label", ""), set()).discard(nid)
        del self._nodes[nid]
        return len(keys)

    # ----- reads ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (every schema name, zeros included, as Neo4j)."""
        out: dict[str, int] = {label: len(self._by_label.get(label, ())) for label in NODE_LABELS}
        per_type: dict[str, int] = dict.fromkeys(REL_TYPES, 0)
        for rel in self._rels.values():
            t = rel.type
            per_type[t] = per_type.get(t, 0) + 1
        out.update(per_type)
        return out

    def node(self, nid: str) -> dict[str, Any] | None:
        """The node's properties with its `id` (None when absent)."""
        attrs = self._nodes.get(nid)
        return None if attrs is None else {"id": nid, **attrs, "evidence": Evidence(self, nid, attrs["evidence"])}

    def attrs(self, nid: str) -> dict[str, Any]:
        """The stored properties of a node, not copied (hot loops of this store's own query
        implementations; never changed by the caller). KeyError when absent."""
        return self._nodes[nid]

    def fact(self, fid: str) -> dict[str, Any] | Rel | None:
        """The stored node or relationship by id, not copied (None when absent): its `articles` and
        `evidence` (the first string) read as `fact(fid)["articles"]` either way."""
        return self._nodes.get(fid) or self._rels.get(fid)

    def label(self, nid: str) -> str | None:
        attrs = self._nodes.get(nid)
        return None if attrs is None else attrs.get("label")

    def ids_by_label(self, label: str) -> set[str]:
        return self._by_label.get(label, set())

    def ids_by_name(self, name: str) -> set[str]:
        """Nodes whose naming property (name, title, path, team) equals `name`."""
        return self._by_name.get(name, set())

    def names(self) -> Iterable[tuple[str, set[str]]]:
        """Every indexed name with its node ids (for substring search)."""
        return self._by_name.items()

    def ids_with_search_key(self) -> set[str]:
        """Nodes that carry a `search_key` (their names as search compares them), for substring search."""
        return self._keyed

    def ids_with_aliases(self) -> set[str]:
        """Nodes that carry `aliases` (other names their articles wrote), for substring search."""
        return self._aliased

    def out_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(target id, relationship attrs with `id`) for each outgoing relationship (of a type)."""
        return self._rels_of(self._out.get(nid), rel_type, True)

    def in_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(source id, relationship attrs with `id`) for each incoming relationship (of a type)."""
        return self._rels_of(self._in.get(nid), rel_type, False)

    def _rels_of(self, rels: list[Rel] | dict[str, list[Rel]] | None, rel_type: str | None,
                 outgoing: bool) -> Iterator[tuple[str, dict[str, Any]]]:
        if not rels:
            return
        if type(rels) is list:  # few: grouped by type as a node with many gives them
            types = (rel_type,) if rel_type else list(dict.fromkeys(r.type for r in rels))
            chosen = [r for t in types for r in rels if r.type == t]
        else:
            chosen = [r for t in ((rel_type,) if rel_type else list(rels)) for r in rels.get(t, ())]
        for rel in chosen:
            yield rel.dst if outgoing else rel.src, rel.as_dict(self)

    def out_ids(self, nid: str, rel_type: str) -> list[str]:
        """The targets of nid's outgoing relationships of a type (no attribute copies: hot loops)."""
        return [r.dst for r in _typed(self._out.get(nid), rel_type)]

    def in_ids(self, nid: str, rel_type: str) -> list[str]:
        """The sources of nid's incoming relationships of a type."""
        return [r.src for r in _typed(self._in.get(nid), rel_type)]


class GraphView:
    """The networkx-like reads tests and scripts use: `nodes(data=True)`, `edges(keys=True, data=True)`,
    `number_of_nodes()`, `number_of_edges()`."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store

    def nodes(self, data: bool = False) -> Iterator[Any]:
        """Node ids, or (id, properties) with the evidence sample as a list."""
        store = self._store
        if not data:
            return iter(store._nodes)
        return ((nid, {**attrs, "evidence": store.evidence_sample(nid)}) for nid, attrs in store._nodes.items())

    def edges(self, keys: bool = False, data: bool = False) -> Iterator[tuple]:
        store = self._store
        for key, rel in store._rels.items():
            yield (rel.src, rel.dst) + ((key,) if keys else ()) + (
                ({"type": rel.type, **rel.props_dict(), "articles": rel.articles,
                  "evidence": store.evidence_sample(key)},) if data else ())

    def number_of_nodes(self) -> int:
        return len(self._store._nodes)

    def number_of_edges(self) -> int:
        return len(self._store._rels)

    def __contains__(self, nid: str) -> bool:
        return nid in self._store._nodes


class Rel:
    """A stored relationship: a compact record (a dict and an ends tuple each cost three times as much),
    its properties a flat `(key, value, key, value, ...)` tuple; `rel["articles"]`/`rel["evidence"]`
    read and set its support as a node's dict does."""

    __slots__ = ("id", "type", "src", "dst", "articles", "evidence", "props")

    def __init__(self, id: str, type: str, src: str, dst: str, articles: list[str], evidence: str | None,
                 props: tuple[Any, ...]) -> None:
        self.id, self.type, self.src, self.dst = id, type, src, dst
        self.articles, self.evidence, self.props = articles, evidence, props

    def __reduce__(self) -> tuple[Any, ...]:
        return Rel, (self.id, self.type, self.src, self.dst, self.articles, self.evidence, self.props)

    def __getitem__(self, name: str) -> Any:
        if name in ("articles", "evidence", "type"):
            return getattr(self, name)
        raise KeyError(name)

    def __setitem__(self, name: str, value: Any) -> None:
        if name not in ("articles", "evidence"):
            raise KeyError(name)
        setattr(self, name, value)

    def props_dict(self) -> dict[str, Any]:
        p = self.props
        return {p[i]: p[i + 1] for i in range(0, len(p), 2)}

    def as_dict(self, store: EmbeddedStore) -> dict[str, Any]:
        """What `out_rels`/`in_rels` give: id, type, properties, articles and the lazy evidence."""
        return {"id": self.id, "type": self.type, **self.props_dict(), "articles": self.articles,
                "evidence": Evidence(store, self.id, self.evidence)}


def _typed(rels: list[Rel] | dict[str, list[Rel]] | None, rel_type: str) -> list[Rel]:
    """The relationships of a type in a node's adjacency entry."""
    if not rels:
        return []
    if type(rels) is list:
        return [r for r in rels if r.type == rel_type]
    return rels.get(rel_type, [])


def _all_rels(rels: list[Rel] | dict[str, list[Rel]] | None) -> list[Rel]:
    if not rels:
        return []
    return rels if type(rels) is list else [r for cell in rels.values() for r in cell]


def _flat(props: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(x for kv in props.items() for x in kv)


def _rel_of(key: str, u: str, v: str, attrs: dict[str, Any]) -> Rel:
    """A relationship of an older format (a dict of properties) as a record."""
    props = {k: x for k, x in attrs.items() if k not in _RESERVED}
    return Rel(key, attrs["type"], u, v, attrs["articles"], attrs["evidence"], _flat(props))


def _doc_key(doc: str) -> str:
    """The order of an article's evidence strings among others' (`doc_id|...`)."""
    return doc + "|"


class Evidence(Sequence[str]):
    """A fact's evidence as `node()`, `out_rels` and `in_rels` give it: the sample every answer shows
    (`EmbeddedStore.evidence_sample`), read from the rows files only when looked at; `first` (the
    first string of a FIRST_KEPT fact, what a propagation tree or a chain shows:
    `queries.shapes.first_evidence`) and truth need no read."""

    __slots__ = ("_store", "_fid", "first", "_any", "_items")

    def __init__(self, store: EmbeddedStore, fid: str, mark: str | bool | None) -> None:
        """`mark`: the stored `evidence` (the first string, True, or None for none)."""
        self._store, self._fid = store, fid
        self.first = mark if isinstance(mark, str) else None
        self._any = mark is not None
        self._items: list[str] | None = None

    def _list(self) -> list[str]:
        if self._items is None:
            self._items = self._store.evidence_sample(self._fid) if self._any else []
        return self._items

    def __bool__(self) -> bool:
        return self._any

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._list()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Evidence):
            other = other._list()
        return isinstance(other, list) and self._list() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Evidence({self._list()!r})"


def _union_sorted(old: list[str], new: list[str]) -> list[str]:
    """`sorted(set(old) | set(new))` for an `old` that is sorted and free of duplicates (every
    `articles`/`evidence` list of the store is), without hashing and sorting all of `old` again:
    a node most articles name holds thousands of entries and gains a few per batch. The new
    entries are looked up by bisection and the two sorted runs merged by one sort (which finds
    the runs); `old` itself is never changed (readers may hold it)."""
    if not new:
        return old
    if not old:
        return sorted(set(new))
    n = len(old)
    add = sorted({x for x in new if (i := bisect_left(old, x)) == n or old[i] != x})
    if not add:
        return old
    if add[0] > old[-1]:
        return old + add
    return sorted(old + add)


def _set_props(attrs: dict[str, Any], props: dict[str, Any]) -> None:
    """The Neo4j store's `SET x += props`: a None value is skipped (the old value stays), values
    Neo4j cannot hold (maps, mixed lists) are stored as JSON text, as there."""
    for key, value in props.items():
        if key in _RESERVED or key == "id":
            continue
        if value is not None:
            value = storable_value(value)
            if type(value) is str and len(value) <= _SHARED_LEN:
                value = sys.intern(value)
            attrs[sys.intern(key)] = value
