"""What the registry knows of a query: its typed parameters and result, and one function per store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class QuerySpec:
    name: str
    description: str
    params: type[BaseModel]
    result: type[BaseModel]
    embedded: Callable[[Any, Any], BaseModel]  # (EmbeddedStore, params) -> result
    neo4j: Callable[[Any, Any], BaseModel]  # (Neo4jStore, params) -> result
