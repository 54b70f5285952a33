"""Genre rules found on fresh real reports, each on made-up sentences of the genre."""

from __future__ import annotations


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, published))


def test_a_celebration_that_holds_a_city_name_names_no_place():
    rec = _rec("9月19日,省安委会召开全体会议,部署“迎大庆、保平安”行动,为70周年大庆营造安全环境。")
    assert rec.regions == []
    assert all(m.region is None for m in rec.meetings)
    assert _rec("9月19日,大庆市召开安全生产会议。").regions == ["黑龙江省大庆市"]


def test_an_autonomous_region_body_holds_a_province_meeting():
    rec = _rec("3月2日,自治区安全生产委员会全体会议在南宁召开。自治区党委常委、副主席王某某主持会议。")
    assert [(m.date, m.level, m.region) for m in rec.meetings] == [("2021-03-02", "province", "广西壮族自治区")]


def test_a_prefecture_team_coming_to_our_city_inspects_a_home_below_it():
    text = "3月8日开始,泰州市安全生产专项整治督导组来到我市,对我市安全生产工作进行督导。"
    rec = _rec(text)
    assert [(i.target, i.start) for i in rec.inspections] == [(None, "2021-03-08")]
    rec = _rec(text + "泰兴市委书记王某某参加汇报会。")
    assert [(i.target, i.start) for i in rec.inspections] == [("江苏省泰州市泰兴市", "2021-03-08")]


def test_a_foreign_place_before_the_code_is_part_of_the_incident_name():
    rec = _rec("3月2日,县安委会召开全体会议。会议要求深刻吸取墨西哥“1·18”事故和某县“2·5”事故教训。")
    assert [i.title for i in rec.incidents] == ["墨西哥1·18事故", "某县2·5事故"]
    assert rec.regions == []
