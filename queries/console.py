"""The read-only Cypher console for power users: a passthrough to Neo4jStore.run_read.

Only Neo4j understands Cypher; on the embedded store this says so instead of guessing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph_loader.stores.neo4j_store import Neo4jStore

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore


class ConsoleNeedsNeo4j(RuntimeError):
    """The Cypher console was asked of the embedded store."""


def run_console(store: GraphStore, cypher: str, params: dict[str, Any] | None = None, **limits: Any) -> Any:
    """Run read-only Cypher (timeout and row cap as Neo4jStore.run_read applies them)."""
    if not isinstance(store, Neo4jStore):
        raise ConsoleNeedsNeo4j("the Cypher console needs Neo4j: build or load the graph into Neo4j "
                                "(`safetykg load`) and choose the neo4j store")
    return store.run_read(cypher, params or {}, **limits)
