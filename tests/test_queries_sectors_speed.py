"""The Neo4j form of `sectors` answers in one round trip, as columns; these pin down what the speed
relies on without a server: nulls survive the columns, rows come out in the result's order, and
the garbage collector is left as it was."""

from __future__ import annotations

import gc
from typing import Any

from queries import sectors
from queries.registry import parse_params


class OneAnswer:
    """A store that records the queries it is asked and answers each with the same record."""

    kind = "neo4j"

    def __init__(self, record: dict[str, Any]) -> None:
        self.record, self.asked = record, []

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.asked.append((cypher, params))
        return [self.record]


def test_one_round_trip_keeps_null_regions_and_months_and_sorts() -> None:
    store = OneAnswer({
        "totals": [{"sector": "b", "meetings": 1, "articles": 1}, {"sector": "a", "meetings": 2, "articles": 1}],
        "sector": ["b", "a", "a"], "region": ["R", None, "R"], "month": [None, "2024-03", "2024-03"],
        "meetings": [1, 1, 1], "articles": [1, 1, 0],
    })
    res = sectors.run_neo4j(store, parse_params("sectors", {"level": "province"}))
    assert len(store.asked) == 1
    assert store.asked[0][1]["level"] == "province" and "$month_re" in store.asked[0][0]
    assert [(r.sector, r.region, r.month, r.articles) for r in res.rows] == [
        ("a", "R", "2024-03", 0), ("a", None, "2024-03", 1), ("b", "R", None, 1)]
    assert [t.sector for t in res.totals] == ["a", "b"]
    assert gc.isenabled()


def test_empty_answer_and_every_form_is_one_query() -> None:
    empty = {"totals": [], "sector": [], "region": [], "month": [], "meetings": [], "articles": []}
    res = sectors.run_neo4j(OneAnswer(empty), parse_params("sectors", {}))
    assert res.rows == [] and res.totals == []
    for by_region in (False, True):
        for level in (False, True):
            text = sectors.cypher(by_region, level)
            assert "{range}" not in text and text.count("CALL () {") == 2
