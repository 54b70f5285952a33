"""The embedded store: upsert/remove semantics like Neo4j's, persistence, indexes."""

from __future__ import annotations

import copy
import pickle

import pytest

from graph_loader.graph.schema import GraphRows, NodeRow, RelRow
from graph_loader.stores.embedded import STORE_FILE, EmbeddedStore
from tests.graph_fixtures import DOC_A, DOC_B, build_fixture


def _loaded() -> EmbeddedStore:
    store = EmbeddedStore()
    for rows in build_fixture():
        store.upsert(rows)
    return store


def _state(store: EmbeddedStore) -> tuple:
    nodes = {n: {k: (sorted(v) if isinstance(v, list) else v) for k, v in a.items()}
             for n, a in store.graph.nodes(data=True)}
    edges = {k: (u, v, {x: (sorted(y) if isinstance(y, list) else y) for x, y in a.items()})
             for u, v, k, a in store.graph.edges(keys=True, data=True)}
    return nodes, edges


def test_counts_every_schema_name() -> None:
    counts = _loaded().counts()
    assert counts["Meeting"] == 6 and counts["Inspection"] == 1 and counts["RELAYS"] == 5
    assert counts["Incident"] == 0  # zeros included, as the Neo4j store reports them


def test_upsert_is_idempotent() -> None:
    store = _loaded()
    before = _state(store)
    for rows in build_fixture():
        store.upsert(rows)
    assert _state(store) == before


def test_shared_fact_keeps_the_other_articles_support() -> None:
    store = _loaded()
    person = store.node("person:赵三")
    assert person["articles"] == [DOC_A, DOC_B]
    rows = build_fixture()[1]  # article B again, now without 赵三
    rows.nodes = [n for n in rows.nodes if n.id != "person:赵三"]
    rows.rels = [r for r in rows.rels if "person:赵三" not in (r.src, r.dst)]
    store.upsert(rows)
    person = store.node("person:赵三")
    assert person["articles"] == [DOC_A]
    assert all(e.startswith(DOC_A + "|") for e in person["evidence"])
    # the participation stated only by article B is gone with its support
    assert not any(d == "meeting:feedback" for d, _ in store.out_rels("person:赵三", "PARTICIPATED"))


def test_remove_articles_deletes_unsupported_facts_and_their_relationships() -> None:
    store = _loaded()
    summary = store.remove_articles([DOC_B])
    assert summary["nodes_removed"] > 0
    assert store.node("inspection:i1") is None and store.node("meeting:study") is None
    assert "inspection:i1" not in store.ids_by_label("Inspection")
    assert store.ids_by_name("东海省安全生产第二巡查组") == set()
    directive = store.node("directive:d1")
    assert directive["articles"] == [DOC_A]
    assert not any(src == "meeting:study" for src, _ in store.in_rels("directive:d1", "RELAYS"))
    store.remove_articles([DOC_A])
    assert store.graph.number_of_nodes() == 0 and store.graph.number_of_edges() == 0


def test_relationship_with_a_missing_end_is_skipped() -> None:
    store = EmbeddedStore()
    rows = GraphRows(nodes=[NodeRow(id="p", label="Person", props={"name": "甲"}, articles=["d"])],
                     rels=[RelRow(id="r", type="HOLDS", src="p", dst="nowhere", articles=["d"])], doc_ids=["d"])
    summary = store.upsert(rows)
    assert summary["rels_skipped"] == 1 and store.graph.number_of_edges() == 0


def test_none_property_keeps_the_old_value_and_unknown_label_fails() -> None:
    store = EmbeddedStore()
    store.upsert(GraphRows(nodes=[NodeRow(id="m", label="Meeting", props={"date": "2024-01-02"}, articles=["a"])],
                           doc_ids=["a"]))
    store.upsert(GraphRows(nodes=[NodeRow(id="m", label="Meeting", props={"date": None, "kind": "study"},
                                          articles=["b"])], doc_ids=["b"]))
    node = store.node("m")
    assert node["date"] == "2024-01-02" and node["kind"] == "study" and node["articles"] == ["a", "b"]
    with pytest.raises(ValueError):
        store.upsert(GraphRows(nodes=[NodeRow(id="x", label="Nope")], doc_ids=["c"]))


def test_save_and_open_round_trip_with_indexes(tmp_path) -> None:
    store = _loaded()
    store.path = tmp_path / STORE_FILE
    store.save()
    again = EmbeddedStore.open(tmp_path)
    assert _state(again) == _state(store)
    assert again.ids_by_name("白水县") == {"region:东海省青州市白水县"}
    assert again.ids_by_label("Directive") == {"directive:d1"}
    again.remove_articles([DOC_B])  # the article index was rebuilt on load
    assert again.node("inspection:i1") is None


def test_open_without_a_file_gives_an_empty_store(tmp_path) -> None:
    store = EmbeddedStore.open(tmp_path / "ws")
    assert store.graph.number_of_nodes() == 0
    store.upsert(build_fixture()[0])
    store.close()  # close saves pending changes
    assert EmbeddedStore.open(tmp_path / "ws").counts()["Meeting"] == 4


def test_a_failed_save_leaves_the_previous_store(tmp_path, monkeypatch) -> None:
    store = _loaded()
    store.path = tmp_path / STORE_FILE
    store.save()
    before = (tmp_path / STORE_FILE).read_bytes()
    store.remove_articles([DOC_B])

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pickle, "dump", boom)
    with pytest.raises(OSError):
        store.save()
    assert (tmp_path / STORE_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([STORE_FILE, "graph.summary.json"])  # no temp file


def test_rows_are_not_mutated_by_upsert() -> None:
    batches = build_fixture()
    copies = copy.deepcopy(batches)
    store = EmbeddedStore()
    for rows in batches:
        store.upsert(rows)
    store.remove_articles([DOC_A])
    assert batches == copies
