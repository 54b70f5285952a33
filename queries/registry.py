"""The catalogue: every query by name, for the CLI, the app and the parity test."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from graph_loader.stores.embedded import EmbeddedStore
from graph_loader.stores.neo4j_store import Neo4jStore
from queries import (
    attendance,
    evidence,
    inspections,
    meeting,
    meetings,
    neighbours,
    overview,
    path,
    person,
    propagation,
    regions,
    relay_lags,
    responsibility_chain,
    search,
    sectors,
    timeline,
)
from queries.shapes import QueryParamError
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore

REGISTRY: dict[str, QuerySpec] = {m.SPEC.name: m.SPEC for m in (
    propagation, relay_lags, attendance, meeting, person, responsibility_chain, inspections, sectors, search, path,
    timeline, evidence,
    # the app's listings
    overview, regions, meetings, neighbours)}


def parse_params(name: str, params: dict[str, Any]) -> BaseModel:
    """Validate raw parameters (strings from the CLI are coerced); QueryParamError when they do not fit."""
    spec = REGISTRY.get(name)
    if spec is None:
        raise QueryParamError(f"no query named {name!r}; known: {', '.join(REGISTRY)}")
    unknown = set(params) - set(spec.params.model_fields)
    if unknown:
        raise QueryParamError(f"{name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                              f"known: {', '.join(spec.params.model_fields)}")
    try:
        return spec.params.model_validate(params)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(x) for x in err['loc']) or 'params'}: {err['msg']}" for err in e.errors())
        raise QueryParamError(f"{name}: {problems}") from None


def run_query(store: GraphStore, name: str, params: dict[str, Any] | BaseModel) -> BaseModel:
    """Run a catalogue query on either store; the result is the query's pydantic result model."""
    spec = REGISTRY.get(name)
    if spec is None:
        raise QueryParamError(f"no query named {name!r}; known: {', '.join(REGISTRY)}")
    p = params if isinstance(params, spec.params) else parse_params(name, dict(params))  # type: ignore[arg-type]
    if isinstance(store, EmbeddedStore):
        return spec.embedded(store, p)
    if isinstance(store, Neo4jStore):
        return spec.neo4j(store, p)
    raise TypeError(f"no implementation of {name!r} for a {type(store).__name__}")
