"""The one interface both stores implement; queries and the build see only this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

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


class GraphStore(Protocol):
    kind: str  # "embedded" | "neo4j"

    def upsert(self, rows: GraphRows) -> LoadSummary:
        """Replace the facts of rows.doc_ids by these rows (idempotent)."""

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""

    def identity(self) -> StoreIdentity:
        """The store's key for the resume state, and whether it holds any article."""

    def close(self) -> None: ...
