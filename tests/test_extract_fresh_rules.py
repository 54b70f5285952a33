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
