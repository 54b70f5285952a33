"""The one interface both stores implement; queries and the build see only this."""

from __future__ import annotations

from typing import Protocol

from graph_loader.graph.schema import GraphRows


class LoadSummary(dict):
    """Counts a load reports: nodes/rels created, updated, removed, seconds."""


class GraphStore(Protocol):
    kind: str  # "embedded" | "neo4j"

    def upsert(self, rows: GraphRows) -> LoadSummary:
        """Replace the facts of rows.doc_ids by these rows (idempotent)."""

    def remove_articles(self, doc_ids: list[str]) -> LoadSummary:
        """Drop these articles' support; delete facts no article supports any more."""

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""

    def close(self) -> None: ...
