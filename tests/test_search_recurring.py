"""Search among the namesakes of a recurring meeting (made-up reports).

A national teleconference is held several times a year under one name; each day is a node of its own. A
search hit of a meeting says its date, level, region and how many articles report it, and hits of one name
come the most reported first, then dated before undated, the newest first: the meeting a reader (or a
caller taking the first hits) means is not lost among dozens of namesakes ordered by id."""

from __future__ import annotations

import pytest

from graph_loader.extract.record import Directive, ExtractionRecord, Meeting
from graph_loader.graph.batch import build_settled
from graph_loader.graph.resolve import Resolver
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import run_query

NAME = "全国安全生产电视电话会议"
# (article, date): three reports of one day, one of another day, one of a third day, one undated
REPORTS = [("a1", "2031-03-02"), ("a2", "2031-03-02"), ("a3", "2031-03-02"), ("b1", "2030-05-06"),
           ("c1", "2032-09-09"), ("d1", None)]


def _records() -> list[ExtractionRecord]:
    recs = [ExtractionRecord(doc_id=doc, meetings=[Meeting(date=day, level="national", kind="teleconference",
                                                           name=NAME)]) for doc, day in REPORTS]
    recs += [ExtractionRecord(doc_id=f"x{i}", directives=[Directive(title="甲乙丙安全生产若干措施")]) for i in range(2)]
    return recs


def _graph(store=None):
    store = store if store is not None else EmbeddedStore(None)
    for rows in build_settled([(r, None) for r in _records()], Resolver()):
        store.upsert(rows)
    return store


def test_meeting_hits_carry_day_place_and_reports_most_reported_first() -> None:
    hits = run_query(_graph(), "search", {"text": NAME}).hits
    meetings = [h for h in hits if h.node.label == "Meeting"]
    assert [(h.date, h.reports) for h in meetings] == [
        ("2031-03-02", 3), ("2032-09-09", 1), ("2030-05-06", 1), (None, 1)]
    assert {(h.level, h.region) for h in meetings} == {("national", "全国")}


def test_a_directive_hit_counts_its_reports_and_other_hits_carry_none() -> None:
    hits = run_query(_graph(), "search", {"text": "甲乙丙"}).hits
    assert [(h.node.label, h.reports, h.date) for h in hits] == [("Directive", 2, None)]


def test_the_first_hits_hold_the_most_reported_day_whatever_the_ids() -> None:
    # a caller taking only the first hit gets the day most articles report, not the smallest id
    first = run_query(_graph(), "search", {"text": NAME, "limit": 1}).hits
    assert [(h.date, h.reports) for h in first] == [("2031-03-02", 3)]


@pytest.mark.neo4j
def test_recurring_search_same_on_both_stores(neo4j_store) -> None:
    emb = _graph()
    _graph(neo4j_store)
    for text in (NAME, "电视电话", "甲乙丙"):
        a = run_query(emb, "search", {"text": text}).model_dump()
        b = run_query(neo4j_store, "search", {"text": text}).model_dump()
        assert a == b and a["hits"], text


# a teleconference one report names with a space and another media noun, one report with the usual spelling
KEYED = [("k1", "2033-04-05", "全省安全生产 视频会议"), ("k2", "2033-06-07", "全省安全生产电视会")]


def _keyed_graph(store=None):
    store = store if store is not None else EmbeddedStore(None)
    recs = [ExtractionRecord(doc_id=doc, meetings=[Meeting(date=day, level="province", region="甲省",
                                                           kind="teleconference", name=name)])
            for doc, day, name in KEYED]
    recs.append(ExtractionRecord(doc_id="k3", directives=[Directive(title="甲省安全生产十五条措施")]))
    for rows in build_settled([(r, None) for r in recs], Resolver()):
        store.upsert(rows)
    return store


def test_search_key_writes_spaces_numbers_and_media_nouns_one_way() -> None:
    from graph_loader.lang.titles import search_key
    assert search_key("《全省安全生产 视频会议》") == search_key("全省安全生产电视电话会议")
    assert search_key("全省安全生产电视会") == search_key("全省安全生产电视电话会议")
    assert search_key("安全生产十五条措施") == search_key("安全生产15条措施")
    assert search_key("全市视频调度会") != search_key("全市电视电话会议")  # another act, another name


def test_a_meeting_is_found_whatever_space_or_media_noun_either_side_writes() -> None:
    store = _keyed_graph()
    for text in ("全省安全生产电视电话会议", "全省安全生产视频会议", "全省安全生产 电视会议"):
        hits = run_query(store, "search", {"text": text}).hits
        assert sorted(h.date for h in hits if h.node.label == "Meeting") == ["2033-04-05", "2033-06-07"], text
    hits = run_query(store, "search", {"text": "安全生产 15条措施"}).hits
    assert [h.node.label for h in hits] == ["Directive"]


@pytest.mark.neo4j
def test_keyed_search_same_on_both_stores(neo4j_store) -> None:
    emb = _keyed_graph()
    _keyed_graph(neo4j_store)
    for text in ("全省安全生产电视电话会议", "全省安全生产 电视会议", "安全生产 15条措施"):
        a = run_query(emb, "search", {"text": text}).model_dump()
        b = run_query(neo4j_store, "search", {"text": text}).model_dump()
        assert a == b and a["hits"], text
