"""The read-only Cypher console for power users: a passthrough to Neo4jStore.run_read.

Only Neo4j understands Cypher; on the embedded store this says so instead of guessing.
"""

from __future__ import annotations

from typing import Any


class ConsoleNeedsNeo4j(RuntimeError):
    """The Cypher console was asked of the embedded store."""


def run_console(store: Any, cypher: str, params: dict[str, Any] | None = None, **limits: Any) -> Any:
    """Run read-only Cypher (timeout and row cap as Neo4jStore.run_read applies them)."""
    if getattr(store, "kind", None) != "neo4j" or not hasattr(store, "run_read"):
        raise ConsoleNeedsNeo4j("the Cypher console needs Neo4j: build or load the graph into Neo4j "
                                "(`safetykg load`) and choose the neo4j store")
    return store.run_read(cypher, params or {}, **limits)
