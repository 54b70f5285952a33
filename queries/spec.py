"""What the registry knows of a query: its typed parameters and result, and one function per store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


@dataclass(frozen=True)
class QuerySpec:
    name: str
    description: str
    params: type[BaseModel]
    result: type[BaseModel]
    embedded: Callable[[EmbeddedStore, Any], BaseModel]  # (store, params) -> result
    neo4j: Callable[[Neo4jStore, Any], BaseModel]
