"""What the pages ask the store, on the sample-corpus workspace: the meetings and people pages ask
attendance for the meetings they show (never region by region), and answers every session asks
alike are computed once per embedded graph (app_pages/shared_answers.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_app import run_page, texts
from tests.test_app_workspace import built_workspace  # noqa: F401 - fixture


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Every catalogue query the pages run, with its parameters (the real queries still answer)."""
    import queries.registry as registry

    calls: list[tuple[str, dict[str, Any]]] = []
    real = registry.run_query

    def counted(store: Any, name: str, params: Any) -> Any:
        calls.append((name, dict(params)))
        return real(store, name, params)

    monkeypatch.setattr(registry, "run_query", counted)
    return calls


def test_meetings_page_asks_attendance_for_the_matrix_meetings_only(built_workspace: Path, asked) -> None:  # noqa: F811
    from app_pages.meetings import MATRIX_MAX_MEETINGS

    at = run_page("meetings")
    shown = list(at.dataframe[0].value["id"])
    attendance = [p for name, p in asked if name == "attendance"]
    assert attendance == [{"meetings": shown[:MATRIX_MAX_MEETINGS]}], attendance
    matrix = at.dataframe[1].value
    assert len(matrix) >= 1 and len(matrix.columns) >= 2  # people × meetings, from those rows


def test_people_page_offers_participants_of_the_latest_meetings(built_workspace: Path, asked) -> None:  # noqa: F811
    at = run_page("people")
    attendance = [p for name, p in asked if name == "attendance"]
    assert len(attendance) == 1 and set(attendance[0]) == {"meetings"}, attendance
    assert len(at.selectbox(key="pp_person").options) >= 2
    assert not any("region" in p for name, p in asked if name == "attendance")


def test_shared_answers_are_computed_once_per_graph(built_workspace: Path, asked) -> None:  # noqa: F811
    first = run_page("propagation")
    again = run_page("propagation")
    assert [n for n, _ in asked].count("relay_lags") <= 1  # the second session reads the first one's answer
    assert texts(first) == texts(again)
    regions = [n for n, _ in asked].count("regions")
    run_page("meetings")
    run_page("chains")
    assert [n for n, _ in asked].count("regions") == regions <= 1
