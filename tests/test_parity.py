"""Every catalogue query gives the same result on the embedded store and on a real Neo4j 5.26."""

from __future__ import annotations

import pytest

from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import REGISTRY, run_query
from queries.shapes import QueryParamError
from tests.graph_fixtures import CNTY, DIRECTIVE_TITLE, build_fixture

pytestmark = pytest.mark.neo4j

# (query, params): several per query, covering each subject kind and a date range
CASES: list[tuple[str, dict]] = [
    ("propagation", {"target": "directive:d1"}),
    ("propagation", {"target": DIRECTIVE_TITLE}),
    ("propagation", {"target": "meeting:prov"}),
    ("propagation", {"target": "meeting:pref", "max_depth": 1}),
    ("propagation", {"target": "directive:d1", "limit": 2}),
    ("propagation", {"target": "directive:d1", "under": "meeting:prov"}),
    ("propagation", {"target": "no such thing"}),
    ("propagation", {"target": "全省安全生产工作会议", "date": "2024-03-01"}),
    ("relay_lags", {}),
    ("relay_lags", {"max_days": 1}),
    ("attendance", {"person": "赵三"}),
    ("attendance", {"body": "白水县政府"}),
    ("attendance", {"region": "东海省"}),
    ("attendance", {"region": "青州市", "date_from": "2024-03-06", "date_to": "2024-04"}),
    ("attendance", {"meetings": ["meeting:feedback", "meeting:cnty", "meeting:prov"]}),
    ("attendance", {"meetings": ["meeting:cnty", "meeting:feedback"], "date_to": "2024-03"}),
    ("meeting", {"id": "meeting:cnty"}),
    ("meeting", {"id": "meeting:feedback"}),
    ("meeting", {"id": "全省安全生产工作会议"}),
    ("person", {"id": "赵三"}),
    ("person", {"id": "person:周二"}),
    ("responsibility_chain", {"region": "白水县"}),
    ("responsibility_chain", {"region": "城关镇"}),
    ("responsibility_chain", {"region": "东海省青州市"}),
    ("inspections", {"region": "东海省"}),
    ("inspections", {"team": "第二巡查组"}),
    ("inspections", {"team": "body:东海省安全生产第二巡查组"}),
    ("inspections", {"region": CNTY, "date_from": "2024-05"}),
    ("sectors", {}),
    ("sectors", {"level": "prefecture"}),
    ("sectors", {"region": "白水县", "date_from": "2024-03", "date_to": "2024-03"}),
    ("search", {"text": "安全生產"}),
    ("search", {"text": "白水", "limit": 3}),
    ("search", {"text": "王一"}),
    ("search", {"text": "暨防汛"}),
    ("path", {"a": "王一", "b": "吴六"}),
    ("path", {"a": "郑七", "b": "城关镇安全生产会议"}),
    ("path", {"a": "王一", "b": "王一"}),
    ("path", {"a": "王一", "b": "吴六", "max_hops": 2}),
    ("timeline", {"region": "青州市"}),
    ("timeline", {"region": "白水县", "date_from": "2024-04"}),
    ("overview", {}),
    ("overview", {"latest": 2}),
    ("regions", {}),
    ("meetings", {}),
    ("meetings", {"region": "东海省青州市", "limit": 2}),
    ("meetings", {"level": "county", "date_from": "2024-03", "date_to": "2024-04-18"}),
    ("meetings", {"kind": "feedback"}),
    ("meetings", {"limit": 2, "offset": 2}),
    ("meetings", {"region": "东海省青州市", "limit": 3, "offset": 4}),
    ("meetings", {"offset": 6}),
    ("inspections", {"region": "东海省", "limit": 1}),
    ("inspections", {"team": "巡查组", "offset": 1}),
    ("neighbours", {"id": "meeting:cnty"}),
    ("neighbours", {"id": "person:赵三", "limit": 3}),
    ("neighbours", {"id": "region:东海省青州市白水县"}),
    ("neighbours", {"id": "nothing"}),
    ("evidence", {"id": "meeting:cnty"}),
    ("evidence", {"id": "meeting:prov", "limit": 1, "offset": 1}),
    ("evidence", {"id": "nothing"}),
]


def test_cases_cover_every_query() -> None:
    assert {name for name, _ in CASES} == set(REGISTRY)


@pytest.fixture
def both(neo4j_store):
    embedded = EmbeddedStore()
    for rows in build_fixture():
        embedded.upsert(rows)
        neo4j_store.upsert(rows)
    return embedded, neo4j_store


def test_same_counts(both) -> None:
    embedded, neo4j = both
    assert embedded.counts() == neo4j.counts()


def test_every_query_same_on_both_stores(both) -> None:
    embedded, neo4j = both
    diffs = []
    for name, params in CASES:
        a = run_query(embedded, name, params).model_dump(mode="json")
        b = run_query(neo4j, name, params).model_dump(mode="json")
        if a != b:
            diffs.append((name, params, a, b))
    assert not diffs, diffs[0]


def test_same_errors_on_both_stores(both) -> None:
    embedded, neo4j = both
    for name, params in [("attendance", {"meetings": ["meeting:cnty", "meeting:nope"]}),
                         ("attendance", {"meetings": ["directive:d1"]})]:
        messages = []
        for store in (embedded, neo4j):
            with pytest.raises(QueryParamError) as e:
                run_query(store, name, params)
            messages.append(str(e.value))
        assert messages[0] == messages[1] and "no meeting with id" in messages[0], messages


def test_same_after_an_article_is_replaced(both) -> None:
    """Re-upserting one article (without one meeting) changes both stores alike."""
    embedded, neo4j = both
    rows = build_fixture()[1]
    rows.nodes = [n for n in rows.nodes if n.id != "meeting:study"]
    embedded.upsert(rows)
    neo4j.upsert(rows)
    assert embedded.counts() == neo4j.counts()
    for name, params in CASES:
        assert run_query(embedded, name, params) == run_query(neo4j, name, params), (name, params)


def test_answers_read_from_stored_summaries_are_the_live_ones(both) -> None:
    """After a load the whole-graph answers are stored (queries/sectors.py `refresh_summaries`): the overview, the
    region tree, and the shapes of the large propagation trees (queries/propagation.py `stored_shapes`: every
    directive's); each answer read from them is what the embedded store works out live."""
    from queries.overview import SUMMARY_KEY as OVERVIEW
    from queries.propagation import SHAPE_PREFIX
    from queries.regions import SUMMARY_KEY as REGIONS
    from queries.sectors import refresh_summaries

    embedded, neo4j = both
    refresh_summaries(neo4j)
    for key in (SHAPE_PREFIX + "directive:d1", OVERVIEW, REGIONS):
        assert neo4j.read_summary(key) is not None, key
    cases = CASES + [("propagation", p) for p in (
        {"target": "directive:d1", "limit": 1}, {"target": "directive:d1", "under": "meeting:prov", "limit": 1},
        {"target": "directive:d1", "under": "nothing"})]
    for name, params in cases:
        a = run_query(embedded, name, params).model_dump(mode="json")
        assert a == run_query(neo4j, name, params).model_dump(mode="json"), (name, params)
