"""The one interface both stores implement: the build and `load` write through it, and queries
written once for both stores read through it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from graph_loader.graph.schema import GraphRows


class LoadSummary(dict):
    """Counts a load reports: nodes/rels created, updated, removed, seconds."""


@dataclass(frozen=True)
class StoreIdentity:
    """Which store a build writes to, for the per-store resume state (`build_state.json`).

    `key` names the store's data, not the way to reach it: "embedded" for the workspace's pickle, the
    database's own id for Neo4j (a local server restarted on another port is the same store, a
    database emptied or re-created is another). `where` is for people (URI and database); `empty`
    says the store holds no article now, whatever the state file remembers."""

    key: str
    where: str
    empty: bool


@runtime_checkable
class GraphStore(Protocol):
    """What every store offers: the writes of the build and `load`, and the reads a query written
    once for both stores may use. A query needing more (a Cypher text, the embedded store's typed
    adjacency) has one implementation per store class (`queries/registry.py` dispatches by class).

    Node dicts carry `id`, `label` and every stored property (`articles`, `evidence` included);
    relationship dicts carry `id`, `type` and theirs. Ids of a set or of an iteration come in no
    promised order: callers sort."""

    kind: str  # "embedded" | "neo4j"

    # -- writes --

    def upsert(self, rows: GraphRows) -> LoadSummary:
        """Replace the facts of rows.doc_ids by these rows (idempotent)."""
        ...

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""
        ...

    def close(self) -> None:
        """Release the store (the embedded store saves pending changes first)."""
        ...

    # -- reads --

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (every schema name, zeros included)."""
        ...

    def identity(self) -> StoreIdentity:
        """The store's key for the resume state, and whether it holds any article."""
        ...

    def node(self, nid: str) -> dict[str, Any] | None:
        """The node with this id (None when absent)."""
        ...

    def label(self, nid: str) -> str | None:
        """The schema label of the node with this id (None when absent)."""
        ...

    def ids_by_label(self, label: str) -> set[str]:
        """Ids of every node of a label."""
        ...

    def ids_by_name(self, name: str) -> set[str]:
        """Ids of the nodes one of whose naming properties (`schema.NAME_PROPS`) equals `name`."""
        ...

    def out_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(target id, relationship dict) for each outgoing relationship (of a type)."""
        ...

    def in_rels(self, nid: str, rel_type: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(source id, relationship dict) for each incoming relationship (of a type)."""
        ...
