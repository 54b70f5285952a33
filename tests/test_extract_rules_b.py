"""Genre rules for persons, participation, meetings and regions on real reports (issue 16), each on a
made-up sentence of the genre."""

from __future__ import annotations

from graph_loader.extract.persons import find_persons


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, published))


def _names(text: str) -> list[str]:
    return [m.name for m in find_persons(text)]


def test_a_long_name_after_a_post_is_read_whole_up_to_its_role_verb_or_mark():
    assert _names("州委常委、副州长达瓦央金,副州长王小明出席会议。") == ["达瓦央金", "王小明"]
    assert _names("政府秘书长巴雅尔图出席会议。") == ["巴雅尔图"]
    # a short name keeps its follower as before
    assert _names("副市长李四强调要做好工作。") == ["李四"]
    assert _names("局长王五在会上讲话。") == ["王五"]


def test_a_long_name_after_a_post_may_open_with_a_places_short_form():
    rec = _rec("3月9日,自治区政府召开常务会议。政府秘书长乌兰图雅出席会议。")
    assert "乌兰图雅" in {p.name for p in rec.persons}
    assert not any(r.endswith("乌兰县") for r in rec.regions)
