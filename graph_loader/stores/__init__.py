"""Stores behind one interface (`base.GraphStore`): embedded (in-memory dicts) and Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph_loader.config import Neo4jSettings
    from graph_loader.stores.base import GraphStore

STORE_KINDS = ("embedded", "neo4j")


def open_store(kind: str, workspace: Path, settings: Neo4jSettings | None = None,
               batch_size: int | None = None) -> GraphStore:
    """The store of a workspace: `embedded` (its graph.pickle, read on first use) or `neo4j` (the server
    `settings` name, else the NEO4J_* variables or the workspace's local server; raises StoreUnavailable).
    `batch_size` is the rows per Neo4j write transaction (the embedded store has none).
    ValueError for another kind."""
    if kind == "embedded":
        from graph_loader.stores.embedded import EmbeddedStore

        return EmbeddedStore.open(Path(workspace))
    if kind == "neo4j":
        from graph_loader.config import neo4j_settings
        from graph_loader.stores.neo4j_store import DEFAULT_BATCH, Neo4jStore

        return Neo4jStore(settings or neo4j_settings(workspace=Path(workspace)),
                          batch_size=batch_size or DEFAULT_BATCH)
    raise ValueError(f"unknown store kind {kind!r} ({' | '.join(STORE_KINDS)})")
