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


def test_a_township_named_twice_places_its_county_when_the_text_never_names_it():
    from graph_loader.extract.regions import find_regions
    # a township name only one county has, said twice; `镇安委会` holds no 镇安县
    text = "薛埠镇于8月5日召开安全生产推进会,薛埠镇安委会成员单位参加会议。"
    assert [h.path for h in find_regions(text)] == ["江苏省常州市金坛区薛埠镇"] * 2
    # said once, it places nothing
    assert find_regions("薛埠镇于8月5日召开安全生产推进会。") == []


def test_two_townships_of_one_county_place_it_and_a_shared_name_joins_them():
    from graph_loader.extract.regions import find_regions
    paths = {h.path for h in find_regions("县安委会召开全体会议,金塘镇、肖岭乡依次作交流发言。")}
    assert paths == {"湖北省咸宁市崇阳县金塘镇", "湖北省咸宁市崇阳县肖岭乡"}


def test_a_township_is_refused_where_the_texts_places_contradict_its_county():
    from graph_loader.extract.regions import find_regions
    paths = {h.path for h in find_regions("广州市召开会议,薛埠镇、薛埠镇代表参加。")}
    assert not any("薛埠镇" in p for p in paths)


def _roles(rec) -> dict[str, str]:
    return {p.name: p.role for m in rec.meetings for p in m.participants}


def test_a_cue_inside_a_meeting_noun_gives_no_role():
    rec = _rec("3月9日,县政府召开安全生产工作汇报会。副县长李小红出席汇报会。")
    assert _roles(rec).get("李小红") == "attendee"


def test_a_person_heard_by_the_meeting_reports_to_it():
    rec = _rec("3月9日,区政府召开常务会议。会议听取了区财政局局长周一鸣同志《关于某某事项的报告》。")
    assert _roles(rec).get("周一鸣") == "speaker"


def test_a_person_who_puts_forward_points_speaks():
    rec = _rec("3月9日,市政府召开全市安全生产工作会议。会上,王大海市长提了三点意见。")
    assert _roles(rec).get("王大海") == "speaker"
