"""Genre rules found on the former holdout reports of rA–rE (persons, reporters, regions), on made-up text."""

from __future__ import annotations


def _names(text: str) -> list[str]:
    from graph_loader.extract.persons import find_persons
    return [m.name for m in find_persons(text)]


def test_a_stray_comma_before_the_list_mark_keeps_the_list_going():
    assert _names("市领导张三,、李四，、王五在分会场收看会议。") == ["张三", "李四", "王五"]
