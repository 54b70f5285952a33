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
    rec = _rec("3月8日,泰州市安委会督查组对我市重点企业开展督查。")  # no coming: the city's own routine
    assert [(i.target, i.start) for i in rec.inspections] == [("江苏省泰州市", "2021-03-08")]


def test_a_foreign_place_before_the_code_is_part_of_the_incident_name():
    rec = _rec("3月2日,县安委会召开全体会议。会议要求深刻吸取墨西哥“1·18”事故和某县“2·5”事故教训。")
    assert [i.title for i in rec.incidents] == ["墨西哥1·18事故", "某县2·5事故"]
    assert rec.regions == []


def test_people_who_only_watch_at_a_branch_venue_attend_the_watched_meeting():
    text = ("9月1日,省安委会全体(扩大)会议在某地召开。县委副书记、县长王某某,副县长李某某在某县分会场出席会议。"
            "会议强调,要做好安全生产工作。")
    rec = _rec(text)
    assert [(m.level, [(p.name, p.role) for p in m.participants]) for m in rec.meetings] == [
        ("province", [("王某某", "attendee"), ("李某某", "attendee")])]
    rec = _rec(text + "副县长李某某要求,各部门要抓好落实。")
    assert [m.level for m in rec.meetings] == ["province", "county"]


def test_a_leader_who_attends_a_teleconference_and_speaks_there_holds_it():
    rec = _rec("某某在全省安全生产视频会议上强调 守牢安全底线\n12月1日,副省长王某某出席全省安全生产专项整治推进会"
               "暨今冬明春安全生产工作动员部署视频会议并讲话。")
    assert [(m.date, m.level) for m in rec.meetings] == [("2020-12-01", "province")]
    rec = _rec("12月1日,副省长王某某在某市分会场出席全国安全生产视频会议。")
    assert [(m.level, [(p.name, p.role) for p in m.participants]) for m in rec.meetings] == [
        ("national", [("王某某", "attendee")])]


def test_a_product_oil_or_gas_pipeline_is_the_pipeline_sector():
    rec = _rec("3月2日,县安委会召开全体会议,部署成品油管道和输气管道安全工作。")
    assert rec.sectors == ["油气管道"]


def test_the_source_line_names_its_place_among_the_regions():
    from graph_loader.extract.pipeline import extract
    from tests.test_ingest_bylines import ingest
    doc = ingest("某某会议召开\n2023-01-12 09:15:36 来源:贵州日报\n1月11日上午,省委、省政府召开会议,部署安全生产工作。\n")
    assert extract(doc).regions == ["贵州省"]


def test_a_part_of_a_year_reviewed_dates_a_report_without_a_date_line():
    text = "7月30日,市委书记王某某主持召开市委常委会会议,听取2019年上半年全市安全生产工作情况汇报。"
    assert [m.date for m in _rec(text, published=None).meetings] == ["2019-07-30"]
    text = "12月20日,县政府召开常务会议,部署2020年一季度安全生产工作。"
    assert [m.date for m in _rec(text, published=None).meetings] == ["--12-20"]


def test_an_autonomous_prefecture_short_form_is_chosen_by_the_other_places():
    rec = _rec("1月11日,考核反馈会在乌鲁木齐召开。考核组抽查了昌吉回族自治州,以及巴州某某有限公司。")
    assert rec.regions == ["新疆维吾尔自治区乌鲁木齐市", "新疆维吾尔自治区昌吉回族自治州",
                           "新疆维吾尔自治区巴音郭楞蒙古自治州"]
    assert _rec("3月2日,四川巴中市巴州区召开安全生产会议。").regions == ["四川省巴中市巴州区"]


def test_a_national_team_extending_to_our_city_inspects_the_city():
    text = ("根据统一部署,国务院安委会第三考核组于6月12日至14日延伸对我市安全生产工作进行考核巡查。"
            "会上,绍兴市委常委王某某汇报了绍兴市安全生产工作。")
    rec = _rec(text, None)
    assert [(i.target, i.start) for i in rec.inspections] == [("浙江省绍兴市", "--06-12")]
    text = "6月12日,国务院安委会第三考核组抵达浙江省绍兴市,对浙江省开展考核巡查。"
    assert [i.target for i in _rec(text, None).inspections] == ["浙江省"]  # arriving at a city of the province


def test_incidents_listed_as_the_object_of_an_instruction():
    rec = _rec("3月2日,县安委会召开会议,传达学习习近平总书记对浙江绍兴市某区火灾事故、江苏南通市某县游船倾覆事故"
               "作出的重要指示精神。")
    assert [i.title for i in rec.incidents] == ["浙江绍兴市某区火灾事故", "江苏南通市某县游船倾覆事故"]
    assert "消防" not in rec.sectors
    rec = _rec("3月2日,县安委会召开会议,传达学习习近平总书记对近期火灾事故、浙江绍兴市某区火灾事故作出的重要指示。")
    assert rec.incidents == []  # a member without a place: a class of events


def test_a_place_inside_a_reporters_name_is_no_place():
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc

    def regions(text):
        return extract(make_doc(text, "2021-03-10", reporters=["王海安"])).regions

    assert regions("5月5日,县安委会召开全体会议。(记者 王海安)") == []
    assert regions("5月5日,海安召开会议。(记者 王海安)") == ["江苏省南通市海安市"]
