"""Genre rules found on the former holdout reports of rA–rE (persons, reporters, regions), on made-up text."""

from __future__ import annotations


def _names(text: str) -> list[str]:
    from graph_loader.extract.persons import find_persons
    return [m.name for m in find_persons(text)]


def test_a_stray_comma_before_the_list_mark_keeps_the_list_going():
    assert _names("市领导张三,、李四，、王五在分会场收看会议。") == ["张三", "李四", "王五"]


def test_a_name_without_a_han_surname_opens_a_list_after_a_collective():
    assert _names("旗领导阿某某某、乌某其格、张三参加会议。") == ["阿某某某", "乌某其格", "张三"]
    assert _names("旗领导高度重视、亲自部署。") == []


def test_a_word_between_names_of_a_list_is_a_name():
    assert _names("县领导张三、李四、华山、王五参加会议。") == ["张三", "李四", "华山", "王五"]
    assert _names("县领导张三、李四、华山等地负责人参加会议。") == ["张三", "李四"]


def _reporters(page: str) -> list[str]:
    from graph_loader.ingest.pipeline import ingest_bytes
    return ingest_bytes(page.encode(), "x.txt").metadata.reporters


def test_an_empty_author_field_before_the_date_label_names_no_one():
    page = "某县召开会议\n\n作者:发布时间:2017-07-21 11:49\n\n7月20日,县政府召开安全生产工作会议。县长张三主持。\n"
    assert _reporters(page) == []


def test_a_byline_glued_to_the_dateline_mark():
    page = "某市部署安全生产工作\n\n发布时间:2023-01-12 来源:某某网\n\n本网讯记者王小明报道:1月11日,某市召开安全生产工作会议。\n"
    assert _reporters(page) == ["王小明"]


def test_a_township_named_again_and_again_outweighs_a_lone_short_form():
    from graph_loader.extract.regions import RegionHit, _outweighs
    lone = [RegionHit(30, 32, "某江", "某省某市某江区", "county")]
    assert not _outweighs(lone, 4)  # `某某镇召开…` four times, `镇长张某江` once
    assert _outweighs(lone, 2)
    full = [RegionHit(30, 33, "某江区", "某省某市某江区", "county")]
    assert _outweighs(full, 4)


def test_a_road_before_the_code_is_part_of_the_incident_name():
    from graph_loader.extract.incidents import find_incidents
    text = "会议要求深刻汲取某某高速“3·02”道路交通事故教训。"
    assert [h.title for h in find_incidents(text)] == ["某某高速3·02道路交通事故"]


def test_a_site_under_construction_stays_inside_the_incident_name():
    from graph_loader.extract.incidents import find_incidents
    text = "会议通报了四川省成都市某某高铁在建项目围墙垮塌事故。"
    assert [h.title for h in find_incidents(text)] == ["四川省成都市某某高铁在建项目围墙垮塌事故"]


def test_a_fire_brigade_political_post_before_a_name():
    assert _names("县消防救援大队教导员张三传达有关文件精神。") == ["张三"]


def test_a_leader_cited_for_an_instruction_after_a_citing_verb_is_a_person():
    assert _names("会议传达了张三同志的批示精神。") == ["张三"]
    assert _names("会议传达学习了李某某对某地煤矿坍塌事故作出的重要指示精神。") == ["李某某"]
    assert _names("会议传达了省委常委会的批示精神。要学习了解情况的批示。") == []
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    rec = extract(make_doc("3月9日,省政府召开安全生产电视电话会议,会议传达了张三同志的批示精神,省长李四强调,要压实责任。",
                           "2021-03-10"))
    assert "张三" in [p.name for p in rec.persons]
    assert [p.name for m in rec.meetings for p in m.participants] == ["李四"]


def test_a_branch_venue_names_its_place_even_where_the_short_form_is_a_word():
    from graph_loader.extract.regions import find_regions
    assert [h.path for h in find_regions("副县长张三在三台分会场参加会议。")] == ["四川省绵阳市三台县"]
    assert [h.path for h in find_regions("要搭三台戏。")] == []


def test_a_role_word_glued_between_two_names_of_a_byline():
    page = "某省召开会议\n\n某某日报报道:(记者/王小明通讯员/李四)昨日,省政府召开全省安全生产工作会议。省长张三出席会议。\n"
    assert _reporters(page) == ["王小明", "李四"]


def test_an_office_reports_through_the_comrade_it_names():
    assert _names("区安委会办公室王小明同志汇报今年以来全区安全生产工作。") == ["王小明"]


def test_incidents_listed_before_a_class_of_them():
    from graph_loader.extract.incidents import find_incidents
    text = "近期发生的湖南某某洞煤矿事故、江西赣州某山金矿爆炸等重大涉险事故,暴露出突出问题。"
    assert [h.title for h in find_incidents(text)] == ["湖南某某洞煤矿事故", "江西赣州某山金矿爆炸"]
    assert find_incidents("要防范火灾事故、爆炸事故等各类事故。") == []
