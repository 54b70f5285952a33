"""Whole-corpus `sectors` on Neo4j answers from answers stored after a load, never from stale ones.

A generated corpus is built once (embedded); each test loads its rows into the session's Neo4j as
`safetykg load` does. The stored path is told apart from the live one by counting the calls of the
live implementation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence
from graph_loader.stores.embedded import EmbeddedStore
from queries import overview, propagation, regions, relay_lags, sectors
from queries.registry import run_query

pytestmark = pytest.mark.neo4j

FORMS = [{}] + [{"level": level} for level in sectors.SUMMARY_LEVELS if level]
NEW_DOC, NEW_SECTOR = "zz_summary_new", "测试虚构行业"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(texts, embedded workspace) of 40 generated articles."""
    from graph_loader.build import build_paths
    from graph_loader.generate import generate

    base = tmp_path_factory.mktemp("sectors-summary")
    generate(40, 5, base / "gen")
    ws = base / "ws"
    assert not build_paths([base / "gen" / "texts"], ws, shacl=False).rejected
    return base / "gen" / "texts", ws


@pytest.fixture
def live_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Parameters of every live Neo4j computation, in order."""
    calls: list[dict[str, Any]] = []
    real = sectors._run_live

    def counted(store: Any, params: sectors.SectorsParams) -> sectors.SectorsResult:
        calls.append(params.model_dump(exclude_none=True))
        return real(store, params)

    monkeypatch.setattr(sectors, "_run_live", counted)
    return calls


@pytest.fixture
def loaded(neo4j_store: Any, corpus: tuple[Path, Path]) -> Iterator[Any]:
    from graph_loader.graph.rows_io import grouped_batches, iter_workspace_batches

    for batch in grouped_batches(iter_workspace_batches(corpus[1])):
        neo4j_store.upsert(batch)
    sizes = sectors.refresh_summaries(neo4j_store)
    shapes = {propagation.SHAPE_PREFIX + rid for rid in propagation.summary_roots(neo4j_store)}
    assert shapes  # every directive's tree
    assert set(sizes) == ({sectors.summary_key(sectors.SectorsParams(**p)) for p in FORMS} | shapes
                          | {relay_lags.SUMMARY_KEY, overview.SUMMARY_KEY, regions.SUMMARY_KEY})
    yield neo4j_store


def answer(store: Any, params: dict[str, Any]) -> dict[str, Any]:
    return run_query(store, "sectors", params).model_dump(mode="json")


def new_article() -> GraphRows:
    """An invented article: one dated meeting addressing a sector no generated article names."""
    def ev(rule: str) -> list[str]:
        return [encode_evidence(NEW_DOC, 0, 2, 0, 2, rule, "会议")]

    nodes = [NodeRow("meeting:zz", "Meeting", {"name": "虚构安全会议", "date": "2031-05-02", "kind": "work"},
                     [NEW_DOC], ev("meeting.t")),
             NodeRow("sector:zz", "Sector", {"name": NEW_SECTOR}, [NEW_DOC], ev("sector.t"))]
    rels = [RelRow("addr:zz", "ADDRESSES", "meeting:zz", "sector:zz", {}, [NEW_DOC], ev("addresses.t"))]
    return GraphRows(nodes=nodes, rels=rels, doc_ids=[NEW_DOC])


def sectors_named(result: dict[str, Any]) -> set[str]:
    return {t["sector"] for t in result["totals"]}


def test_stored_answers_are_used_and_equal_the_live_and_embedded_answers(loaded, corpus, live_calls) -> None:
    embedded = EmbeddedStore.open(corpus[1])
    for params in FORMS:
        stored = answer(loaded, params)
        assert not live_calls, f"{params}: computed live although the stored answer is current"
        live = sectors._run_live(loaded, sectors.SectorsParams(**params)).model_dump(mode="json")
        live_calls.clear()
        assert stored["rows"] and stored == live == answer(embedded, params), params


def test_relay_lags_default_answer_is_stored_and_goes_stale_with_a_write(loaded, corpus, monkeypatch) -> None:
    calls: list[dict[str, Any]] = []
    real = relay_lags.run_live_neo4j

    def counted(store: Any, params: relay_lags.RelayLagsParams) -> relay_lags.RelayLagsResult:
        calls.append(params.model_dump())
        return real(store, params)

    monkeypatch.setattr(relay_lags, "run_live_neo4j", counted)
    embedded = EmbeddedStore.open(corpus[1])

    def lags(store: Any, params: dict[str, Any]) -> dict[str, Any]:
        return run_query(store, "relay_lags", params).model_dump(mode="json")

    stored = lags(loaded, {})
    assert not calls, "computed live although the stored answer is current"
    assert any(x["hops"] for x in stored["levels"]), "the generated corpus relays: the answer is not empty"
    assert stored == real(loaded, relay_lags.RelayLagsParams()).model_dump(mode="json") == lags(embedded, {})
    assert lags(loaded, {"max_days": 30}) == lags(embedded, {"max_days": 30}) and len(calls) == 1  # other forms live
    loaded.upsert(new_article())
    calls.clear()
    assert lags(loaded, {}) == stored and calls == [{"max_days": 366}]  # stale: asked live (no new relay)


def test_region_and_date_forms_stay_live_and_agree_with_embedded(loaded, corpus, live_calls) -> None:
    embedded = EmbeddedStore.open(corpus[1])
    region = next(iter(sorted(r["region"] for r in answer(embedded, {"level": "province"})["rows"] if r["region"])))
    cases = [{"date_from": "2020"}, {"date_to": "2024-06", "level": "county"}, {"region": region},
             {"region": region, "level": "prefecture", "date_from": "2021-01"}]
    for params in cases:
        assert answer(loaded, params) == answer(embedded, params), params
    assert live_calls == cases


def test_writes_make_the_stored_answers_stale_until_the_next_refresh(loaded, live_calls) -> None:
    before = answer(loaded, {})
    assert not live_calls and NEW_SECTOR not in sectors_named(before)

    loaded.upsert(new_article())  # no refresh: the stored answer lacks the new meeting
    after_upsert = answer(loaded, {"level": "county"})
    assert live_calls == [{"level": "county"}] and NEW_SECTOR in sectors_named(after_upsert)
    assert sectors.refresh_summaries(loaded)  # every form recomputed
    live_calls.clear()
    assert answer(loaded, {"level": "county"}) == after_upsert and not live_calls

    loaded.remove_articles([NEW_DOC])
    after_removal = answer(loaded, {})
    assert live_calls == [{}] and after_removal == before
    sectors.refresh_summaries(loaded)
    live_calls.clear()
    assert answer(loaded, {}) == before and not live_calls


def test_a_write_that_dies_midway_leaves_the_stored_answers_unused(loaded, live_calls, monkeypatch) -> None:
    def dead(*_: Any) -> None:
        raise ConnectionError("gone")

    monkeypatch.setattr(loaded, "_merge_rels", dead)  # nodes merged, the relationship never comes
    with pytest.raises(ConnectionError):
        loaded.upsert(new_article())
    answer(loaded, {})
    assert live_calls == [{}]


def test_answers_computed_while_the_graph_changed_are_not_stored(loaded) -> None:
    key = sectors.summary_key(sectors.SectorsParams())
    version, current = loaded.begin_summaries([key])
    assert current == {key}
    loaded.upsert(new_article())
    assert not loaded.write_summaries({key: '{"totals": [], "rows": []}'}, version)
    assert loaded.read_summary(key) is None
    assert sectors.refresh_summaries(loaded) and sectors.refresh_summaries(loaded) == {}  # then all current


def test_no_technical_node_until_a_refresh_and_none_visible_after(neo4j_store, corpus) -> None:
    from graph_loader.graph.rows_io import grouped_batches, iter_workspace_batches
    from graph_loader.stores.neo4j_store import SUMMARY_LABEL

    for batch in grouped_batches(iter_workspace_batches(corpus[1])):
        neo4j_store.upsert(batch)
    technical = f"MATCH (s:{SUMMARY_LABEL}) RETURN count(s) AS n"
    assert neo4j_store.query(technical)[0]["n"] == 0
    sectors.refresh_summaries(neo4j_store)
    assert neo4j_store.query(technical)[0]["n"] == 1

    embedded = EmbeddedStore.open(corpus[1])
    assert neo4j_store.counts() == embedded.counts()
    name = answer(embedded, {})["totals"][0]["sector"]
    sector, meeting = (sorted(embedded.ids_by_label(label))[0] for label in ("Sector", "Meeting"))
    for query, params in [("search", {"text": name[:2], "limit": 100}), ("search", {"text": "graph"}),
                          ("search", {"text": "totals"}), ("neighbours", {"id": sector, "limit": 500}),
                          ("neighbours", {"id": meeting, "limit": 500}), ("neighbours", {"id": "graph"}),
                          ("overview", {}), ("regions", {})]:
        found = run_query(neo4j_store, query, params).model_dump_json()
        assert found == run_query(embedded, query, params).model_dump_json(), (query, params)
        assert '"id":"graph"' not in found and '"totals":' not in found and SUMMARY_LABEL not in found, (query, params)


def test_build_and_load_commands_refresh(neo4j_server, neo4j_store, corpus, tmp_path, capsys, live_calls) -> None:
    from graph_loader.build import build_paths
    from graph_loader.cli import main as cli_main

    assert not build_paths([corpus[0]], tmp_path / "ws", shacl=False, store=neo4j_store).rejected
    live_calls.clear()
    assert answer(neo4j_store, {"level": "province"}) == answer(EmbeddedStore.open(corpus[1]), {"level": "province"})
    assert not live_calls

    neo4j_store.upsert(new_article())
    assert cli_main(["load", "--workspace", str(corpus[1]), "--neo4j-uri", neo4j_server.uri,
                     "--neo4j-password", neo4j_server.password]) == 0
    assert "summaries refreshed in" in capsys.readouterr().out
    live_calls.clear()
    assert NEW_SECTOR in sectors_named(answer(neo4j_store, {})) and not live_calls
