"""The genre's vocabulary widened to the family of each wording (posts, meeting nouns, teams, role verbs),
on made-up sentences."""

from __future__ import annotations


def _persons(text: str) -> list[tuple[str, list[str]]]:
    from graph_loader.extract.persons import find_persons
    return [(m.name, [t.full for t in m.titles]) for m in find_persons(text)]


def test_heads_of_enterprises_and_their_works_are_posts():
    assert _persons("某煤矿副矿长王大明、矿长李小刚参加会议。") == [("王大明", ["副矿长"]), ("李小刚", ["矿长"])]
    assert _persons("某公司经理王大明、副经理李小刚参加会议。") == [("王大明", ["经理"]), ("李小刚", ["副经理"])]
    assert _persons("某厂副厂长王大明参加。") == [("王大明", ["副厂长"])]


def test_ranks_below_section_member_and_of_the_brigades_are_posts():
    assert _persons("镇副主任科员王大明参加会议。") == [("王大明", ["镇副主任科员"])]
    assert _persons("市消防支队参谋长王大明出席。") == [("王大明", ["市消防支队参谋长"])]


def test_a_post_inside_an_ordinary_word_names_no_one():
    assert _persons("某煤矿长期停产，各工厂长期坚持。") == []
