"""Injection: every string parameter of every catalogue query, on both stores, tried with
Cypher-breaking text; the graph is unchanged and nothing but a parameter error comes back.

Queries pass user input only as parameters (queries/*.py); this checks it holds for every
parameter, including the date filters and the names that are looked up as ids.
"""

from __future__ import annotations

import typing
from typing import Any

import pytest

from queries.registry import REGISTRY, run_query
from queries.shapes import QueryParamError
from tests.graph_fixtures import build_fixture

INJECTIONS = [
    "'}) DETACH DELETE n //",
    "\"}) DETACH DELETE n //",
    "x' OR 1=1 WITH n MATCH (m) DETACH DELETE m //",
    "` DETACH DELETE n //",
    "`Person`) DETACH DELETE n RETURN 1 //",
    "\u2019}) DETACH DELETE n //",  # right single quotation mark
    "\u02bc}) DETACH DELETE n //",  # modifier letter apostrophe
    "\uff07}) DETACH DELETE n //",  # fullwidth apostrophe
    "\\u0027}) DETACH DELETE n //",
    "\\'}) DETACH DELETE n //",
    "\u0027 RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //",
    "*:* OR name:* AND -x +y ~ ^2 [a TO z] {a TO z} \" \\ / ? || && !",
    "name:(\"安全\" OR 生产)~2 AND id:/.*/",
    "$q", "{q}", "${q}", "\x00", "\n// \r\n/* */ CALL dbms.killQueries([]) //",
    "LOAD CSV FROM 'file:///etc/passwd' AS l CREATE (:Leak {l: l})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {}) //",
    "東海省青州市白水縣'}) SET n.pwned = true //",
    "a" * 5000,
    "%", "_", ".*", "\\", "'", "\"", "`", "",
]


def string_params(name: str) -> list[str]:
    out = []
    for key, field in REGISTRY[name].params.model_fields.items():
        ann = field.annotation
        args = typing.get_args(ann)
        if ann is str or (str in args and not any(typing.get_origin(a) is typing.Literal for a in args)):
            out.append(key)
    return out


CASES = [(q, p) for q in sorted(REGISTRY) for p in string_params(q)]


def required_defaults(name: str) -> dict[str, Any]:
    """Harmless values for the required parameters other than the one under attack."""
    return {k: "东海省" for k, f in REGISTRY[name].params.model_fields.items() if f.is_required()}


def graph_snapshot(store: Any) -> tuple[dict[str, int], int]:
    counts = dict(store.counts())
    props = 0
    if store.kind == "neo4j":
        props = store.query("MATCH (n) WHERE n.pwned IS NOT NULL OR n:Leak RETURN count(n) AS c")[0]["c"]
    return counts, props


def attack(store: Any) -> int:
    """Every injection into every string parameter; returns how many queries ran."""
    before = graph_snapshot(store)
    ran = 0
    for name, param in CASES:
        for text in INJECTIONS:
            params = {**required_defaults(name), param: text}
            try:
                run_query(store, name, params)
            except QueryParamError:
                pass  # refused as a parameter: fine, as long as nothing else escapes
            ran += 1
    assert graph_snapshot(store) == before
    return ran


def test_every_string_parameter_is_attacked() -> None:
    assert len(CASES) >= 10, CASES
    assert {q for q, _ in CASES} >= {"search", "person", "meeting", "propagation", "path", "attendance"}


def test_injection_on_the_embedded_store() -> None:
    from graph_loader.stores.embedded import EmbeddedStore

    store = EmbeddedStore()
    for rows in build_fixture():
        store.upsert(rows)
    assert attack(store) == len(CASES) * len(INJECTIONS)


@pytest.mark.neo4j
def test_injection_on_neo4j(neo4j_store: Any) -> None:
    for rows in build_fixture():
        neo4j_store.upsert(rows)
    counts = dict(neo4j_store.counts())
    assert sum(counts.values()) > 0
    assert attack(neo4j_store) == len(CASES) * len(INJECTIONS)
    # the names index is still there and the data still answers
    assert run_query(neo4j_store, "search", {"text": "东海"}).hits
