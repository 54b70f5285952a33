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
