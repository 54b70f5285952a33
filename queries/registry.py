"""The catalogue: every query by name, for the CLI, the app and the parity test."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from queries import (
    attendance,
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

REGISTRY: dict[str, QuerySpec] = {m.SPEC.name: m.SPEC for m in (
    propagation, relay_lags, attendance, meeting, person, responsibility_chain, inspections, sectors, search, path,
    timeline,
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


def run_query(store: Any, name: str, params: dict[str, Any] | BaseModel) -> BaseModel:
    """Run a catalogue query on either store; the result is the query's pydantic result model."""
    spec = REGISTRY.get(name)
    if spec is None:
        raise QueryParamError(f"no query named {name!r}; known: {', '.join(REGISTRY)}")
    p = params if isinstance(params, spec.params) else parse_params(name, dict(params))  # type: ignore[arg-type]
    impl = spec.embedded if store.kind == "embedded" else spec.neo4j
    return impl(store, p)
