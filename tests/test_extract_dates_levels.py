"""Meeting dates and levels of real reports (issue #16), on made-up sentences of the genre."""

from __future__ import annotations

from tests.test_extract_fresh2_rules import _rec


def _dated(text: str, published: str | None = None) -> list[tuple[str | None, str | None]]:
    return [(m.date, m.level) for m in _rec(text, published).meetings]


def test_a_meeting_of_the_centre_named_without_a_region():
    # held in the capital, no body of a region named: national
    assert _dated("6月3日上午,贯彻落实某某规定电视电话会议在京召开。会议要求各地抓好落实。") == [("--06-03", "national")]
    # named after a national body
    assert _dated("6月3日上午,国务院安委会某某专项整治电视电话会议召开。会议要求各地抓好落实。") == [
        ("--06-03", "national")]
    # a province's body holds it: its level, not the capital's
    assert _dated("省政府安全生产工作会议6月3日在京召开,省长讲话。") == [("--06-03", "province")]


def test_quan_qu_in_an_autonomous_region_without_a_district_home_is_the_region():
    from graph_loader.extract.regions import relative_region
    assert relative_region("全区", "内蒙古自治区兴安盟") == "内蒙古自治区"
    assert relative_region("我区", "广西壮族自治区柳州市") == "广西壮族自治区"
    assert relative_region("全区", "广西壮族自治区柳州市城中区") == "广西壮族自治区柳州市城中区"  # a district's own
    assert relative_region("区", "内蒙古自治区兴安盟") is None  # `区委` alone: a district's
    assert relative_region("全区", "江苏省南通市") is None
