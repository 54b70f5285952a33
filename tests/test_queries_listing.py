"""The app's listing queries (overview, regions, meetings, neighbours) and the embedded store's
lazy open with its cached overview summary."""

from __future__ import annotations

import json
import os

import pytest

from graph_loader.stores import summary
from graph_loader.stores.embedded import STORE_FILE, EmbeddedStore
from queries.registry import run_query
from queries.shapes import QueryParamError
from tests.graph_fixtures import CNTY, PREF, PROV, build_fixture


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    for rows in build_fixture():
        s.upsert(rows)
    return s


def test_regions_tree(store) -> None:
    regions = {r.path: r for r in run_query(store, "regions", {}).regions}
    assert regions[PROV].parent is None and regions[PROV].level == "province"
    assert regions[PREF].parent == f"region:{PROV}"
    assert regions[CNTY].parent == f"region:{PREF}"


def test_meetings_latest_first_filters_and_total(store) -> None:
    r = run_query(store, "meetings", {})
    assert [m.meeting.id for m in r.meetings] == ["meeting:feedback", "meeting:study", "meeting:town",
                                                   "meeting:cnty", "meeting:pref", "meeting:prov"]
    assert r.total == 6
    r = run_query(store, "meetings", {"region": PREF, "limit": 2})
    assert r.total == 5 and [m.meeting.id for m in r.meetings] == ["meeting:feedback", "meeting:study"]
    r = run_query(store, "meetings", {"level": "county", "date_from": "2024-03", "date_to": "2024-03"})
    assert [m.meeting.id for m in r.meetings] == ["meeting:cnty"]
    assert run_query(store, "meetings", {"kind": "feedback"}).meetings[0].articles == ["docB_0002"]
    with pytest.raises(QueryParamError):
        run_query(store, "meetings", {"level": "galaxy"})


@pytest.mark.parametrize("size", [1, 2, 4])
def test_meetings_pages_cover_the_list_once(store, size) -> None:
    whole = [m.meeting.id for m in run_query(store, "meetings", {"limit": 100}).meetings]
    pages = [run_query(store, "meetings", {"limit": size, "offset": o}) for o in range(0, len(whole) + size, size)]
    assert [m.meeting.id for p in pages for m in p.meetings] == whole
    assert {p.total for p in pages} == {len(whole)} and pages[-1].meetings == []
    assert [p.offset for p in pages] == list(range(0, len(whole) + size, size))


def test_latest_meetings_puts_undated_last_by_id() -> None:
    ms = [{"id": "b", "date": None}, {"id": "a", "date": "--03-01"}, {"id": "c", "date": "2024-01-02"},
          {"id": "d", "date": "2024-01-02"}, {"id": "e", "date": "2023"}]
    assert [m["id"] for m in summary.latest_meetings(ms, 10)] == ["d", "c", "e", "a", "b"]
    assert [m["id"] for m in summary.latest_meetings(ms, 2)] == ["d", "c"]


def test_neighbours_sorted_limited_and_unknown(store) -> None:
    r = run_query(store, "neighbours", {"id": "meeting:cnty"})
    assert r.node.id == "meeting:cnty"
    types = [e.type for e in r.edges]
    assert types == sorted(types) and "PARTICIPATED" in types and "RELAYS" in types
    assert r.dates["meeting:cnty"] == "2024-03-08" and r.regions["meeting:cnty"] == CNTY
    assert {n.id for n in r.nodes} >= {"person:赵三", "meeting:pref", "meeting:town"}
    few = run_query(store, "neighbours", {"id": "meeting:cnty", "limit": 2})
    assert few.edges == r.edges[:2]
    assert run_query(store, "neighbours", {"id": "nothing"}).node is None


def test_overview_counts_regions_latest(store) -> None:
    r = run_query(store, "overview", {"latest": 3})
    assert r.counts["Meeting"] == 6 and r.counts["RELAYS"] == 5
    assert [m.meeting.id for m in r.latest] == ["meeting:feedback", "meeting:study", "meeting:town"]
    assert r.meetings_per_region[CNTY] == 2 and r.meetings_total == 6
    assert {x.path for x in r.regions} >= {PROV, PREF, CNTY}


def _saved(tmp_path) -> EmbeddedStore:
    s = EmbeddedStore.open(tmp_path)
    for rows in build_fixture():
        s.upsert(rows)
    s.save()
    return s


def test_save_writes_summary_and_open_is_lazy(tmp_path) -> None:
    full = run_query(_saved(tmp_path), "overview", {}).model_dump()
    assert summary.summary_path(tmp_path / STORE_FILE).exists()
    lazy = EmbeddedStore.open(tmp_path)
    assert not lazy.loaded
    assert run_query(lazy, "overview", {}).model_dump() == full
    assert not lazy.loaded  # served from graph.summary.json
    assert run_query(lazy, "meeting", {"id": "meeting:cnty"}).meeting.id == "meeting:cnty"
    assert lazy.loaded  # any other read loads the pickle


def test_stale_or_broken_summary_is_recomputed(tmp_path) -> None:
    _saved(tmp_path)
    cached = summary.summary_path(tmp_path / STORE_FILE)
    data = json.loads(cached.read_text(encoding="utf-8"))
    data["summary"]["counts"]["Meeting"] = 999
    cached.write_text(json.dumps(data), encoding="utf-8")
    assert run_query(EmbeddedStore.open(tmp_path), "overview", {}).counts["Meeting"] == 999  # trusted: same stamp
    os.utime(tmp_path / STORE_FILE, ns=(1, 1))  # the pickle changed since
    lazy = EmbeddedStore.open(tmp_path)
    assert run_query(lazy, "overview", {}).counts["Meeting"] == 6 and lazy.loaded
    assert summary.read(tmp_path / STORE_FILE)["counts"]["Meeting"] == 6  # rewritten for the next time
    cached.write_text("{not json", encoding="utf-8")
    assert run_query(EmbeddedStore.open(tmp_path), "overview", {}).counts["Meeting"] == 6


def test_lazy_store_accepts_writes(tmp_path) -> None:
    _saved(tmp_path)
    lazy = EmbeddedStore.open(tmp_path)
    lazy.remove_articles(["docB_0002"])
    assert lazy.counts()["Inspection"] == 0
    lazy.close()
    assert run_query(EmbeddedStore.open(tmp_path), "overview", {}).counts["Inspection"] == 0
