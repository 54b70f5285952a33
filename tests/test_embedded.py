"""The embedded store: upsert/remove semantics like Neo4j's, persistence, indexes."""

from __future__ import annotations

import copy
import pickle

import pytest

from graph_loader.graph.rows_io import write_rows
from graph_loader.graph.schema import (
    EVIDENCE_ARTICLES,
    GraphRows,
    NodeRow,
    RelRow,
    decode_evidence,
    encode_evidence,
    evidence_doc,
    evidence_sample,
    first_articles,
)
from graph_loader.stores.embedded import STORE_FILE, EmbeddedStore
from queries.shapes import evidence_items
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


# ----- bounded hubs: a fact most articles name keeps its articles, and its first articles' evidence -----
HUB = "sector:hub"


def _hub_article(n: int) -> GraphRows:
    """Made-up article n: it names the hub sector (two evidence strings) and a meeting of its own."""
    doc = f"h{n:03d}"
    ev = [encode_evidence(doc, 5, 9, 5, 9, "sector", f"第{n}篇 危化品"), encode_evidence(doc, 20, 24, 21, 25, "sector",
                                                                                       f"第{n}篇 矿山")]
    meeting = f"meeting:{doc}"
    return GraphRows(nodes=[NodeRow(id=HUB, label="Sector", props={"name": "危险化学品"}, articles=[doc], evidence=ev),
                            NodeRow(id=meeting, label="Meeting", props={"name": "专题会"}, articles=[doc],
                                    evidence=[encode_evidence(doc, 0, 3, 0, 3, "meeting", "专题会")])],
                     rels=[RelRow(id=f"addr:{doc}", type="ADDRESSES", src=meeting, dst=HUB, articles=[doc],
                                  evidence=ev[:1])],
                     doc_ids=[doc])


@pytest.fixture
def hub_store(tmp_path) -> tuple[EmbeddedStore, list[str]]:
    """A workspace store holding 130 articles that each name the hub, every rows file written as a build does."""
    store = EmbeddedStore.open(tmp_path)
    everything: list[str] = []
    for n in range(130):
        rows = _hub_article(n)
        write_rows(rows, tmp_path / "rows" / f"{rows.doc_ids[0]}.jsonl")
        store.upsert(rows)
        everything += rows.nodes[0].evidence
    return store, everything


def test_hub_keeps_every_article_and_the_first_articles_evidence(hub_store) -> None:
    store, everything = hub_store
    hub = store.node(HUB)
    assert len(hub["articles"]) == 130
    assert len(hub["evidence"]) == 2 * EVIDENCE_ARTICLES and hub["evidence"] == evidence_sample(everything)
    assert {evidence_doc(e) for e in hub["evidence"]} == {f"h{n:03d}" for n in range(EVIDENCE_ARTICLES)}
    assert store.evidence_of(HUB) == sorted(everything)  # the rest read from the rows files
    small = store.node("meeting:h007")  # a fact below the bound keeps all its evidence
    assert len(small["evidence"]) == 1


def test_removing_a_sampled_article_takes_the_next_ones_evidence_from_its_rows_file(hub_store) -> None:
    store, everything = hub_store
    store.remove_articles(["h000", "h050"])
    left = [e for e in everything if evidence_doc(e) not in ("h000", "h050")]
    hub = store.node(HUB)
    assert len(hub["articles"]) == 128 and hub["evidence"] == evidence_sample(left)
    assert "h101" in {evidence_doc(e) for e in hub["evidence"]}
    # a reload of an article replaces exactly its facts, its evidence back in the sample
    store.upsert(_hub_article(0))
    assert store.node(HUB)["evidence"] == evidence_sample(left + _hub_article(0).nodes[0].evidence)
    assert store.node("meeting:h000") is not None and "h101" not in {evidence_doc(e) for e in store.node(HUB)["evidence"]}


def test_hub_bound_survives_save_and_open(hub_store, tmp_path) -> None:
    store, everything = hub_store
    store.save()
    again = EmbeddedStore.open(tmp_path)
    assert again.node(HUB) == store.node(HUB)
    again.remove_articles(["h001"])
    assert again.node(HUB)["evidence"] == evidence_sample([e for e in everything if evidence_doc(e) != "h001"])


def test_evidence_query_pages_through_a_hub(hub_store) -> None:
    from queries.registry import run_query

    store, everything = hub_store
    first = run_query(store, "evidence", {"id": HUB})
    assert first.found and first.total == 130 and first.articles[0] == "h000" and len(first.articles) == 100
    rest = run_query(store, "evidence", {"id": HUB, "offset": 100})
    assert rest.articles == [f"h{n:03d}" for n in range(100, 130)]
    assert [e.text for e in rest.evidence] == [decode_evidence(e)["text"] for e in sorted(everything)[200:]]
    # the meeting page's evidence of a hub is its first articles', on either store (shapes.evidence_items)
    assert len(evidence_items(everything)) == 2 * EVIDENCE_ARTICLES
    assert not run_query(store, "evidence", {"id": "no such fact"}).found


def test_only_the_first_evidence_string_stays_in_memory(hub_store, tmp_path_factory) -> None:
    """A meeting, an inspection or a relay keeps its first string (what trees and chains show, no file
    read), any other fact only that it has evidence; the rest comes from the rows files, and losing the
    article of the first string takes the next article's."""
    store, everything = hub_store
    assert store.fact(HUB)["evidence"] is True and store.node(HUB)["evidence"].first is None
    assert evidence_items(store.node(HUB)["evidence"]) == evidence_items(everything)
    assert not store._held  # every article has its rows file
    ws = tmp_path_factory.mktemp("shared")
    shared = EmbeddedStore.open(ws)
    for doc in ("d2", "d1"):
        ev = [encode_evidence(doc, 0, 3, 0, 3, "meeting", f"{doc}专题会")]
        rows = GraphRows(nodes=[NodeRow(id="m", label="Meeting", props={"name": "专题会"}, articles=[doc], evidence=ev)],
                         doc_ids=[doc])
        write_rows(rows, ws / "rows" / f"{doc}.jsonl")
        shared.upsert(rows)
    assert shared.fact("m")["evidence"].startswith("d1|") and shared.node("m")["evidence"].first.startswith("d1|")
    shared.remove_articles(["d1"])
    assert shared.fact("m")["evidence"] == encode_evidence("d2", 0, 3, 0, 3, "meeting", "d2专题会")


def test_articles_without_a_rows_file_keep_their_evidence_in_memory(tmp_path) -> None:
    store = EmbeddedStore.open(tmp_path)
    rows = _hub_article(3)
    store.upsert(rows)  # no rows file written: the evidence is held, and saved with the store
    store.save()
    again = EmbeddedStore.open(tmp_path)
    assert again.node(HUB)["evidence"] == sorted(rows.nodes[0].evidence)
    assert [r["evidence"] for _, r in again.in_rels(HUB, "ADDRESSES")] == [rows.rels[0].evidence]
    again.remove_articles(["h003"])
    assert again.node(HUB) is None and not again._held


def test_a_format_2_store_is_read(hub_store, tmp_path) -> None:
    """A pickle of the store before evidence left memory (samples in lists, ends apart) reads the same."""
    store, everything = hub_store
    nodes = {nid: {**a, "evidence": store.evidence_sample(nid)} for nid, a in store._nodes.items()}
    rels = {k: {"type": r.type, **r.props_dict(), "articles": r.articles, "evidence": store.evidence_sample(k)}
            if hasattr(r, "props_dict") else {**r, "evidence": store.evidence_sample(k)} for k, r in store._rels.items()}
    ends = {k: (r.src, r.dst) if hasattr(r, "src") else store._rel_ends[k] for k, r in store._rels.items()}
    with (tmp_path / STORE_FILE).open("wb") as f:
        pickle.dump({"version": 2, "nodes": nodes, "rels": rels, "ends": ends}, f)
    again = EmbeddedStore.open(tmp_path)
    assert again.node(HUB) == store.node(HUB) and again.evidence_of(HUB) == sorted(everything)
    assert sorted(again.graph.edges(keys=True, data=True)) == sorted(store.graph.edges(keys=True, data=True))


def test_a_format_1_store_is_read(tmp_path) -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("p", label="Person", name="甲", articles=["d"], evidence=[encode_evidence("d", 0, 1, 0, 1, "r", "甲")])
    g.add_node("m", label="Meeting", name="会", articles=["d"], evidence=[])
    g.add_edge("p", "m", key="r1", type="PARTICIPATED", role="chair", articles=["d"], evidence=[])
    with (tmp_path / STORE_FILE).open("wb") as f:
        pickle.dump({"version": 1, "graph": g}, f)
    store = EmbeddedStore.open(tmp_path)
    assert store.node("p")["name"] == "甲" and [d for d, _ in store.out_rels("p", "PARTICIPATED")] == ["m"]
    assert store.remove_articles(["d"])["nodes_removed"] == 2


def test_hub_sample_does_not_depend_on_the_order_articles_came_in(hub_store, tmp_path_factory) -> None:
    store, _ = hub_store
    ws = tmp_path_factory.mktemp("reversed")
    other = EmbeddedStore.open(ws)
    for n in reversed(range(130)):
        rows = _hub_article(n)
        write_rows(rows, ws / "rows" / f"{rows.doc_ids[0]}.jsonl")
        other.upsert(rows)
    assert other.node(HUB) == store.node(HUB)
    assert sorted(other.graph.edges(keys=True, data=True)) == sorted(store.graph.edges(keys=True, data=True))


def test_the_alias_index_follows_writes_and_removals(tmp_path) -> None:
    """Search reads only the nodes that carry `aliases`; the set follows upserts, removals and a reopen."""
    store = EmbeddedStore()
    store.upsert(GraphRows(nodes=[NodeRow(id="m", label="Meeting", props={"name": "甲会议", "aliases": ["乙会议"]},
                                          articles=["a"]),
                                  NodeRow(id="n", label="Meeting", props={"name": "丙会议"}, articles=["a"])],
                           doc_ids=["a"]))
    assert store.ids_with_aliases() == {"m"}
    store.path = tmp_path / STORE_FILE
    store.save()
    assert EmbeddedStore.open(tmp_path).ids_with_aliases() == {"m"}
    store.remove_articles(["a"])
    assert store.ids_with_aliases() == set()


def test_the_sample_ends_after_the_last_string_of_its_last_article() -> None:
    # doc ids that share a start, one written with `}` (the character after `|`): each article's strings
    # are the run `doc|...`, whatever other doc ids sort around it
    strings = sorted(f"{d}|{i}|{i + 1}|{i}|{i + 1}|r|甲" for d in ("d1", "d1}", "d10", "d2", "d2{x") for i in range(3))
    assert first_articles(strings, 2) == strings[:6]
    assert [evidence_doc(s) for s in first_articles(strings, 3)] == ["d10"] * 3 + ["d1"] * 3 + ["d1}"] * 3
    assert first_articles(strings, 5) == strings and first_articles(strings, 9) == strings
    assert first_articles(strings[:2], 1) == strings[:2]


def test_a_format_3_store_is_read(hub_store, tmp_path) -> None:
    """A pickle of the whole graph at once (format 3, before the chunked save) reads the same."""
    store, everything = hub_store
    with (tmp_path / STORE_FILE).open("wb") as f:
        pickle.dump({"version": 3, "nodes": store._nodes, "rels": store._rels, "held": store._held}, f)
    again = EmbeddedStore.open(tmp_path)
    assert again.node(HUB) == store.node(HUB) and again.evidence_of(HUB) == sorted(everything)
    assert sorted(again.graph.edges(keys=True, data=True)) == sorted(store.graph.edges(keys=True, data=True))


def test_a_saved_store_shares_its_doc_and_node_ids(hub_store, tmp_path) -> None:
    """Format 4 pickles chunks apart; on load each doc id and a relationship's ends are one string again."""
    store, _ = hub_store
    store.path = tmp_path / STORE_FILE
    store.save()
    again = EmbeddedStore.open(tmp_path)
    assert again.node(HUB) == store.node(HUB)
    docs: dict[str, str] = {}
    for attrs in again._nodes.values():
        for d in attrs["articles"]:
            assert docs.setdefault(d, d) is d
    keys = {k: k for k in again._nodes}
    for rel in again._rels.values():
        assert keys[rel.src] is rel.src and keys[rel.dst] is rel.dst
        for d in rel.articles:
            assert docs.setdefault(d, d) is d
