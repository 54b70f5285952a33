"""The learned-meeting probe (bench/learned_meetings.py) labels as the scorer matches, never reads the
unseen set, and trains deterministically. Made-up records; no article's text."""

from __future__ import annotations

import numpy as np

from bench.learned_meetings import UNSEEN, group, matched, train


def _article(pred: list[tuple[str | None, str | None]], gold: list[tuple[str | None, str | None]]) -> dict:
    return {"rec": {"meetings": [{"date": d, "level": lv} for d, lv in pred]},
            "gold": {"meetings": [{"date": d, "level": lv} for d, lv in gold]}}


def test_matched_pairs_meetings_as_the_scorer_does() -> None:
    a = _article(pred=[("2020-01-02", None), ("2020-01-02", "county"), ("2020-03-04", "province")],
                 gold=[("2020-01-02", "county"), ("--03-04", "province"), ("2020-05-06", "national")])
    # the undated-level extraction does not match a county gold meeting; the year-less gold matches any year
    assert matched(a) == {1: "county", 2: "province"}
    # a gold meeting without a level takes the first extraction of its date, whatever its level
    assert matched(_article(pred=[("2020-01-02", "township")], gold=[("2020-01-02", None)])) == {0: None}


def test_groups_and_the_unseen_prefixes() -> None:
    assert group("rB07") == "rB" and group("c03") == "shared"
    assert {"rK", "rL", "rM"} <= set(UNSEEN)


def test_training_is_deterministic_and_learns_a_separable_set() -> None:
    x = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]] * 5)
    y = np.array([0, 1] * 5)
    w1, w2 = train(x, y, 2, steps=200), train(x, y, 2, steps=200)
    assert np.array_equal(w1, w2)
    assert list(np.argmax(x @ w1, 1)) == list(y)
