"""Both stores are a `GraphStore`: every member of the protocol, and the same answers from its reads
on the same rows (Neo4j for real: the reads a query written once for both stores relies on)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from graph_loader.graph.schema import NAME_PROPS, NODE_LABELS, REL_TYPES
from graph_loader.stores import open_store
from graph_loader.stores.base import GraphStore
from graph_loader.stores.embedded import EmbeddedStore, Evidence
from graph_loader.stores.neo4j_store import Neo4jStore
from tests.test_neo4j_store import DOC_A, DOC_B, article_rows

PROTOCOL_METHODS = sorted(name for name, value in vars(GraphStore).items()
                          if callable(value) and not name.startswith("_"))


def test_protocol_lists_the_reads_and_writes() -> None:
    assert {"upsert", "remove_articles", "close", "counts", "identity", "node", "label", "ids_by_label",
            "ids_by_name", "out_rels", "in_rels"} <= set(PROTOCOL_METHODS)


@pytest.mark.parametrize("cls", [EmbeddedStore, Neo4jStore])
def test_each_store_class_has_every_member_with_the_protocols_parameters(cls: type) -> None:
    for name in PROTOCOL_METHODS:
        assert callable(getattr(cls, name, None)), f"{cls.__name__} lacks {name}"
        want = list(inspect.signature(getattr(GraphStore, name)).parameters)
        got = list(inspect.signature(getattr(cls, name)).parameters)
        assert got == want, f"{cls.__name__}.{name}{got} is not the protocol's {want}"
    assert isinstance(getattr(cls, "kind", None), str)


def test_open_store_gives_an_embedded_graph_store_and_refuses_other_kinds(tmp_path) -> None:
    store = open_store("embedded", tmp_path)
    assert isinstance(store, GraphStore) and isinstance(store, EmbeddedStore)
    with pytest.raises(ValueError, match="unknown store kind"):
        open_store("sqlite", tmp_path)


def _plain(value: Any) -> Any:
    """Lists as sorted tuples: the stores keep the same members of `articles`/`evidence` in their
    own order (the embedded store's evidence a sequence read on demand, `embedded.Evidence`)."""
    if isinstance(value, list | Evidence):
        return tuple(sorted(map(str, value)))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _reads(store: GraphStore) -> dict[str, Any]:
    """Everything the protocol's reads say about the graph."""
    ids = sorted(i for label in NODE_LABELS for i in store.ids_by_label(label))
    names = sorted({v for i in ids for prop in NAME_PROPS[store.label(i) or ""]
                    if isinstance(v := (store.node(i) or {}).get(prop), str)})
    return {
        "counts": store.counts(),
        "by_label": {label: sorted(store.ids_by_label(label)) for label in NODE_LABELS},
        "by_name": {name: sorted(store.ids_by_name(name)) for name in [*names, "无此名"]},
        "nodes": {i: _plain(store.node(i)) for i in [*ids, "no-such-id"]},
        "labels": {i: store.label(i) for i in [*ids, "no-such-id"]},
        "out": {i: sorted((t, _plain(r)) for t, r in store.out_rels(i)) for i in ids},
        "in": {i: sorted((s, _plain(r)) for s, r in store.in_rels(i)) for i in ids},
        "out_typed": {(i, t): sorted(o for o, _ in store.out_rels(i, t)) for i in ids for t in REL_TYPES},
        "in_typed": {(i, t): sorted(o for o, _ in store.in_rels(i, t)) for i in ids for t in REL_TYPES},
    }


@pytest.mark.neo4j
def test_both_stores_answer_the_protocols_reads_alike(neo4j_store: Neo4jStore, tmp_path) -> None:
    embedded = EmbeddedStore.open(tmp_path)
    assert isinstance(neo4j_store, GraphStore) and isinstance(embedded, GraphStore)
    assert neo4j_store.identity().empty and embedded.identity().empty
    for store in (embedded, neo4j_store):
        store.upsert(article_rows(DOC_A))
        store.upsert(article_rows(DOC_B))
    got = _reads(embedded)
    assert got["by_label"]["Meeting"] and got["out"] and any(got["in"].values())
    assert got["nodes"]["no-such-id"] is None and got["by_name"]["无此名"] == []
    assert _reads(neo4j_store) == got
    assert not neo4j_store.identity().empty and not embedded.identity().empty

    for store in (embedded, neo4j_store):  # facts only B supported go, shared ones lose B's support
        store.remove_articles([DOC_B])
    after = _reads(embedded)
    assert after != got and not after["by_label"]["Inspection"]
    assert _reads(neo4j_store) == after
    embedded.close()
