"""The embedded store: the property graph in a networkx MultiDiGraph, pickled in the workspace.

It is the default store (no server to run) and must behave like the Neo4j store:
`upsert` strips the batch's articles from the facts they supported (their ids
leave `articles`, their strings leave `evidence`), merges the rows (articles and
evidence are unions, properties overwritten, a `None` property skipped), then
deletes the stripped facts no article supports any more, nodes with their
relationships. A relationship whose ends are missing is skipped, as the Neo4j
store's `MATCH ... MERGE` skips it.

Nodes are `id -> {label, <props>, articles, evidence}`; edges are keyed by the
relationship id with `{type, <props>, articles, evidence}`. Indexes (by label, by
name, by article, relationship id -> ends) are rebuilt on load, so queries never
scan the whole graph to find their starting points.

`open()` is lazy: the pickle is read on the first access to the graph or an index,
so the app can show the overview from the summary `save()` writes next to it
(`graph.summary.json`, see stores/summary.py) without unpickling a large graph.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import threading
import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

from graph_loader.graph.rows_io import SETTLED_NAME_LABELS, settled_name
from graph_loader.graph.schema import (
    NAME_PROPS,
    NODE_LABELS,
    REL_TYPES,
    GraphRows,
    NodeRow,
    RelRow,
    storable_value,
)
from graph_loader.stores.base import LoadSummary, StoreIdentity

STORE_FILE = "graph.pickle"
FORMAT_VERSION = 1

_RESERVED = ("label", "type", "articles", "evidence")
# built by _reindex; on a lazily opened store, touching one of them loads the pickle first
_INDEXES = frozenset({"_by_label", "_by_name", "_node_docs", "_rel_docs", "_rel_ends", "_out", "_in"})


class EmbeddedStore:
    """GraphStore on networkx; `open(workspace)` loads it, `save()` writes it atomically."""

    kind = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._graph: nx.MultiDiGraph | None = None  # created on first use: networkx takes a while to import
        self._pending = False  # True while the pickle at `path` is not read yet
        self._lock = threading.Lock()
        self.dirty = False
        self._reindex()

    # ----- persistence -------------------------------------------------------------------
    @classmethod
    def open(cls, workspace: Path) -> EmbeddedStore:
        """The store of `<workspace>/graph.pickle`, read on first use; an absent file gives an empty
        store saved there later."""
        store = cls(Path(workspace) / STORE_FILE)
        if store.path is not None and store.path.exists():
            store._pending = True
            for name in _INDEXES:  # rebuilt by _load on first use
                store.__dict__.pop(name, None)
        return store

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
                if data.get("version") != FORMAT_VERSION:
                    raise ValueError(f"{self.path}: store format {data.get('version')}, expected {FORMAT_VERSION}")
                self._graph = data["graph"]
                self._reindex()
            finally:
                if enabled:
                    gc.enable()
            gc.freeze()
            self._pending = False

    @property
    def loaded(self) -> bool:
        return not self._pending

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._pending:
            self._load()
        if self._graph is None:
            import networkx as nx

            self._graph = nx.MultiDiGraph()
        return self._graph

    @graph.setter
    def graph(self, value: nx.MultiDiGraph) -> None:
        self._pending = False
        self._graph = value

    def __getattr__(self, name: str) -> Any:
        # only reached for attributes not set yet: the indexes of a store not loaded yet
        if name in _INDEXES and self.__dict__.get("_pending"):
            self._load()
            return self.__dict__[name]
        raise AttributeError(name)

    def identity(self) -> StoreIdentity:
        """One embedded store per workspace; empty while its pickle does not exist (nothing is read)."""
        saved = self.path is not None and self.path.exists()
        in_memory = self._graph is not None and self._graph.number_of_nodes() > 0
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
                pickle.dump({"version": FORMAT_VERSION, "graph": self.graph}, f, protocol=pickle.HIGHEST_PROTOCOL)
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
        self._by_label: dict[str, set[str]] = defaultdict(set)
        self._by_name: dict[str, set[str]] = defaultdict(set)
        self._node_docs: dict[str, set[str]] = defaultdict(set)  # doc_id -> node ids
        self._rel_docs: dict[str, set[str]] = defaultdict(set)  # doc_id -> rel ids
        self._rel_ends: dict[str, tuple[str, str]] = {}
        # node -> relationship type -> {rel id: other end}: typed expansion without scanning hubs
        self._out: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        self._in: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
        if self._graph is None:
            return
        for nid, attrs in self._graph.nodes(data=True):
            self._index_node(nid, attrs)
        for u, v, key, attrs in self._graph.edges(keys=True, data=True):
            self._index_edge(u, v, key, attrs["type"])
            for doc in attrs.get("articles", ()):
                self._rel_docs[doc].add(key)

    def _index_edge(self, u: str, v: str, key: str, rel_type: str) -> None:
        self._rel_ends[key] = (u, v)
        self._out[u][rel_type][key] = v
        self._in[v][rel_type][key] = u

    def _remove_edge(self, key: str) -> None:
        u, v = self._rel_ends.pop(key)
        rel_type = self.graph.edges[u, v, key]["type"]
        self._out[u][rel_type].pop(key, None)
        self._in[v][rel_type].pop(key, None)
        self.graph.remove_edge(u, v, key=key)

    def _names(self, attrs: dict[str, Any]) -> Iterator[str]:
        for prop in NAME_PROPS.get(attrs.get("label", ""), ()):
            value = attrs.get(prop)
            if isinstance(value, str) and value:
                yield value

    def _index_node(self, nid: str, attrs: dict[str, Any]) -> None:
        self._by_label[attrs.get("label", "")].add(nid)
        for name in self._names(attrs):
            self._by_name[name].add(nid)
        for doc in attrs.get("articles", ()):
            self._node_docs[doc].add(nid)

    def _unindex_names(self, nid: str, attrs: dict[str, Any]) -> None:
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
        is_new = row.id not in self.graph
        if is_new:
            self.graph.add_node(row.id, label=row.label, articles=[], evidence=[])
        attrs = self.graph.nodes[row.id]
        self._unindex_names(row.id, attrs)
        attrs["label"] = row.label
        old_name = attrs.get("name")
        _set_props(attrs, row.props)
        if row.label in SETTLED_NAME_LABELS and attrs.get("name"):
            attrs["name"] = settled_name(old_name, attrs["name"])
        attrs["articles"] = _union_sorted(attrs["articles"], row.articles)
        attrs["evidence"] = _union_sorted(attrs["evidence"], row.evidence)
        self._index_node(row.id, attrs)
        return is_new

    def _merge_rel(self, row: RelRow) -> bool | None:
        if row.type not in REL_TYPES:
            raise ValueError(f"unknown relationship type {row.type!r} for {row.id}")
        if row.src not in self.graph or row.dst not in self.graph:
            return None
        ends = self._rel_ends.get(row.id)
        if ends is not None and (ends != (row.src, row.dst) or self.graph.edges[(*ends, row.id)]["type"] != row.type):
            self._remove_edge(row.id)  # same id, moved ends or new type: replace
            ends = None
        is_new = ends is None
        if is_new:
            self.graph.add_edge(row.src, row.dst, key=row.id, type=row.type, articles=[], evidence=[])
            self._index_edge(row.src, row.dst, row.id, row.type)
        attrs = self.graph.edges[row.src, row.dst, row.id]
        attrs["type"] = row.type
        _set_props(attrs, row.props)
        attrs["articles"] = _union_sorted(attrs["articles"], row.articles)
        attrs["evidence"] = _union_sorted(attrs["evidence"], row.evidence)
        for doc in row.articles:
            self._rel_docs[doc].add(row.id)
        return is_new

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""
        summary = self._delete_unsupported(*self._strip(doc_ids))
        self.dirty = self.dirty or bool(doc_ids)
        return summary

    def _strip(self, doc_ids: list[str]) -> tuple[set[str], set[str]]:
        """Remove the articles (and their evidence) from the facts they support; those facts' ids."""
        docs = set(doc_ids)
        prefixes = tuple(f"{d}|" for d in docs)
        nodes: set[str] = set()
        rels: set[str] = set()
        for doc in docs:
            nodes |= self._node_docs.pop(doc, set())
            rels |= self._rel_docs.pop(doc, set())
        for key in rels:
            ends = self._rel_ends.get(key)
            if ends is not None and self.graph.has_edge(*ends, key=key):
                attrs = self.graph.edges[ends[0], ends[1], key]
                attrs["articles"] = [a for a in attrs["articles"] if a not in docs]
                attrs["evidence"] = [e for e in attrs["evidence"] if not e.startswith(prefixes)]
        for nid in nodes:
            if nid in self.graph:
                attrs = self.graph.nodes[nid]
                attrs["articles"] = [a for a in attrs["articles"] if a not in docs]
                attrs["evidence"] = [e for e in attrs["evidence"] if not e.startswith(prefixes)]
        return nodes, rels

    def _delete_unsupported(self, nodes: set[str], rels: set[str]) -> LoadSummary:
        removed_nodes = removed_rels = 0
        for key in sorted(rels):
            ends = self._rel_ends.get(key)
            if ends is not None and self.graph.has_edge(*ends, key=key) and \
                    not self.graph.edges[ends[0], ends[1], key]["articles"]:
                self._remove_edge(key)
                removed_rels += 1
        for nid in sorted(nodes):
            if nid in self.graph and not self.graph.nodes[nid]["articles"]:
                removed_rels += self._detach_delete(nid, self.graph.nodes[nid])
                removed_nodes += 1
        return LoadSummary(nodes_removed=removed_nodes, rels_removed=removed_rels)

    def _detach_delete(self, nid: str, attrs: dict[str, Any]) -> int:
        keys = {k for _, _, k in self.graph.out_edges(nid, keys=True)}
        keys |= {k for _, _, k in self.graph.in_edges(nid, keys=True)}
        for key in sorted(keys):
            self._remove_edge(key)
        self._out.pop(nid, None)
        self._in.pop(nid, None)
        self._unindex_names(nid, attrs)
        self._by_label[attrs.get("label", "")].discard(nid)
        self.graph.remove_node(nid)
        return len(keys)

    # ----- reads ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (every schema name, zeros included, as Neo4j)."""
        out: dict[str, int] = {label: len(self._by_label.get(label, ())) for label in NODE_LABELS}
        per_type: dict[str, int] = dict.fromkeys(REL_TYPES, 0)
        for _, _, t in self.graph.edges(data="type"):
            per_type[t] = per_type.get(t, 0) + 1
        out.update(per_type)
        return out

    def node(self, nid: str) -> dict[str, Any] | None:
        """The node's properties with its `id` (None when absent)."""
        attrs = self.graph._node.get(nid)  # networkx's node dict: one lookup on this hot path
        return None if attrs is None else {"id": nid, **attrs}

    def label(self, nid: str) -> str | None:
        attrs = self.graph._node.get(nid)
        return None if attrs is None else attrs.get("label")

    def ids_by_label(self, label: str) -> set[str]:
        return self._by_label.get(label, set())

    def ids_by_name(self, name: str) -> set[str]:
        """Nodes whose naming property (name, title, path, team) equals `name`."""
        return self._by_name.get(name, set())

    def names(self) -> Iterable[tuple[str, set[str]]]:
        """Every indexed name with its node ids (for substring search)."""
        return self._by_name.items()

    def out_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(target id, relationship attrs with `id`) for each outgoing relationship (of a type)."""
        by_type = self._out.get(nid)
        if not by_type:
            return
        succ = self.graph._succ[nid]
        for t in (rel_type,) if rel_type else list(by_type):
            for key, dst in by_type.get(t, {}).items():
                yield dst, {"id": key, **succ[dst][key]}

    def out_ids(self, nid: str, rel_type: str) -> list[str]:
        """The targets of nid's outgoing relationships of a type (no attribute copies: hot loops)."""
        by_type = self._out.get(nid)
        return list(by_type[rel_type].values()) if by_type and rel_type in by_type else []

    def in_ids(self, nid: str, rel_type: str) -> list[str]:
        """The sources of nid's incoming relationships of a type."""
        by_type = self._in.get(nid)
        return list(by_type[rel_type].values()) if by_type and rel_type in by_type else []

    def in_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(source id, relationship attrs with `id`) for each incoming relationship (of a type)."""
        by_type = self._in.get(nid)
        if not by_type:
            return
        pred = self.graph._pred[nid]
        for t in (rel_type,) if rel_type else list(by_type):
            for key, src in by_type.get(t, {}).items():
                yield src, {"id": key, **pred[src][key]}


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
            attrs[key] = storable_value(value)
