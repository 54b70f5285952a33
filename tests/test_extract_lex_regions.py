"""Regions on the jionlp gazetteer: mentions, namesakes, ordinary words, relative words."""

import pytest

from graph_loader.extract.regions import (
    context_region,
    find_regions,
    level_of,
    named_regions,
    parent_path,
    relative_region,
    resolve_region,
)


def paths(text):
    return [h.path for h in find_regions(text)]


def test_full_and_short_forms_resolve_to_full_paths():
    assert paths("海安市委书记表态发言") == ["江苏省南通市海安市"]
    assert paths("就宣恩下一步工作作出部署") == ["湖北省恩施土家族苗族自治州宣恩县"]
    assert paths("巡查湖北安全生产反馈会") == ["湖北省"]
    assert paths("恩施州委书记主持会议") == ["湖北省恩施土家族苗族自治州"]


def test_chain_is_one_hit_at_its_most_specific_place():
    hits = find_regions("围绕河南郑州特大暴雨灾害开展教学")
    assert [(h.surface, h.path, h.level) for h in hits] == [("河南郑州", "河南省郑州市", "prefecture")]
    hits = find_regions("江苏省南通市海安市召开会议")
    assert [(h.start, h.end, h.path) for h in hits] == [(0, 9, "江苏省南通市海安市")]


def test_codes_and_levels():
    (hit,) = find_regions("武进区委书记")
    assert hit.code == "320412" and hit.level == "county"
    assert level_of("湖北省") == "province"
    assert level_of("湖北省恩施土家族苗族自治州") == "prefecture"
    assert level_of("北京市") == "province"
    assert level_of("不存在的地方") is None
    assert parent_path("江苏省南通市海安市") == "江苏省南通市"
    assert parent_path("湖北省") is None


def test_municipality_districts_are_counties_under_the_province():
    assert paths("北京市通州区应急管理局") == ["北京市通州区"]
    assert level_of("北京市通州区") == "county"


@pytest.mark.parametrize("text", [
    "进一步提高安全生产水平",  # 高安 cuts 提高
    "长久治理不放松",  # 久治 cuts 长久
    "稳增长、惠民生、防风险",  # 惠民 cuts 民生
    "坚持绿水青山就是金山银山",  # 青山, 金山: ordinary words
    "确保社会大局和平安宁",  # 平安, 安宁
    "市公安局、东方红小学",  # 公安, 东方
    "全区城区道路全面排查",  # 城区 without a parent
    "生命重于泰山",
])
def test_ordinary_words_are_not_places(text):
    assert paths(text) == []


def test_stoplisted_full_form_still_counts_after_its_parent():
    assert paths("阳泉市城区召开会议") == ["山西省阳泉市城区"]


def test_namesakes_resolve_with_the_articles_other_mentions():
    # 通州区 exists in Beijing and in Nantong
    assert paths("南通市召开会议，通州区应急管理局参加") == ["江苏省南通市", "江苏省南通市通州区"]
    assert paths("北京市召开会议，通州区应急管理局参加") == ["北京市", "北京市通州区"]
    # without context a namesake is left out rather than guessed
    assert paths("通州区应急管理局参加") == []


def test_resolve_region_with_and_without_context():
    assert resolve_region("海安市").path == "江苏省南通市海安市"
    assert resolve_region("宣恩").path == "湖北省恩施土家族苗族自治州宣恩县"
    assert resolve_region("河南郑州").path == "河南省郑州市"
    assert resolve_region("通州区") is None
    assert resolve_region("通州区", context="北京市").path == "北京市通州区"
    assert resolve_region("通州区", context="江苏省南通市").path == "江苏省南通市通州区"
    assert resolve_region("不是地名") is None


def test_market_regulation_after_a_city_short_form():
    # 海安市场监管局 is 海安 + 市场监管局, not 海安市 + 场
    hits = find_regions("海安市场监管局局长")
    assert [(h.surface, h.path) for h in hits] == [("海安", "江苏省南通市海安市")]


def test_context_region_prefers_the_deepest_agreeing_place():
    text = "湖北省召开会议。湖北将整改。州政府召开会议。就宣恩下一步工作，副县长强调。"
    hits = find_regions(text)
    assert context_region(text, hits) == "湖北省恩施土家族苗族自治州宣恩县"


def test_context_region_ignores_titles_and_incidents():
    text = "市应急管理局负责人围绕《河南郑州“7·20”特大暴雨灾害调查报告》进行案例教学。"
    assert context_region(text, find_regions(text)) is None
    text = "贯彻落实习近平总书记对响水“3·21”特大爆炸事故指示精神。江苏省委部署。"
    assert context_region(text, find_regions(text)) == "江苏省"


def test_relative_words_follow_the_context():
    ctx = "湖北省恩施土家族苗族自治州宣恩县"
    assert relative_region("我省", ctx) == "湖北省"
    assert relative_region("全州", ctx) == "湖北省恩施土家族苗族自治州"
    assert relative_region("县", ctx) == ctx
    assert relative_region("市", ctx) is None
    assert relative_region("区", ctx) is None
    # a county-level city is the 市 of its own articles; a district's 市 is its prefecture
    assert relative_region("全市", "江苏省南通市海安市") == "江苏省南通市海安市"
    assert relative_region("市", "江苏省常州市武进区") == "江苏省常州市"
    assert relative_region("我区", "江苏省常州市武进区") == "江苏省常州市武进区"
    assert relative_region("市", "北京市") == "北京市"
    assert relative_region("省", None) is None
    assert relative_region("全州", "浙江省杭州市") is None


def test_named_regions_keeps_each_path_once_in_order():
    text = "湖北省召开会议，宣恩县参加，湖北将整改"
    assert named_regions(find_regions(text)) == ["湖北省", "湖北省恩施土家族苗族自治州宣恩县"]


def test_idioms_hold_no_places():
    assert paths("确保社会大局长治久安") == []


def test_city_short_form_means_the_city_not_its_namesake_county():
    assert paths("湖南长沙召开会议") == ["湖南省长沙市"]
    assert resolve_region("长沙").path == "湖南省长沙市"
    assert resolve_region("长沙县").path == "湖南省长沙市长沙县"


def test_townships_only_under_a_county_the_article_names():
    hits = find_regions("海安市南莫镇召开安全生产会议")
    assert [(h.path, h.level) for h in hits] == [("江苏省南通市海安市南莫镇", "township")]
    assert paths("海安市委书记到城东镇调研") == ["江苏省南通市海安市", "江苏省南通市海安市城东镇"]
    assert paths("城东镇召开会议") == []  # which 城东镇? many counties have one
    assert level_of("江苏省南通市海安市南莫镇") == "township"
    assert parent_path("江苏省南通市海安市南莫镇") == "江苏省南通市海安市"


def test_a_township_written_without_its_suffix_under_a_county_the_text_names():
    # `斜桥` for 斜桥镇 once 海宁市 is named; not alone, not where it opens a body's or a site's name
    assert paths("海宁市召开全市安全生产会议。会后，斜桥继续召开会议。") == [
        "浙江省嘉兴市海宁市", "浙江省嘉兴市海宁市斜桥镇"]
    assert paths("海宁市召开全市安全生产会议，斜桥派出所负责人参加。") == ["浙江省嘉兴市海宁市"]
    assert paths("斜桥继续召开会议。") == []


def test_a_town_of_a_prefecture_without_counties_hangs_from_the_prefecture():
    # the gazetteer keeps such towns in a `市直辖行政区划` line; a path never shows it
    assert paths("儋州市那大镇召开会议") == ["海南省儋州市那大镇"]
    assert level_of("海南省儋州市那大镇") == "township"
    assert parent_path("海南省儋州市那大镇") == "海南省儋州市"
    assert level_of("海南省儋州市不存在镇") is None


def test_township_is_home_only_when_named_more_than_its_county():
    text = "海安市委书记到城东镇调研"
    assert context_region(text, find_regions(text)) == "江苏省南通市海安市"
    text = "南莫镇召开会议。海安市南莫镇党委书记主持，南莫镇镇长讲话"
    ctx = context_region(text, find_regions(text))
    assert ctx == "江苏省南通市海安市南莫镇"
    assert relative_region("全镇", ctx) == ctx
    assert relative_region("市", ctx) == "江苏省南通市海安市"


def test_sibling_counties_give_their_prefecture_as_home():
    text = "如皋市、海安市、启东市安委会负责人参加"
    assert context_region(text, find_regions(text)) == "江苏省南通市"


def test_a_township_named_once_places_its_county_when_its_own_body_or_meeting_follows():
    # a name one county alone has, followed by its meeting or its body
    assert paths("3月2日,永湖镇召开安全生产工作会议。") == ["广东省惠州市惠阳区永湖镇"]
    assert paths("3月2日,永湖镇党委研究安全生产工作。") == ["广东省惠州市惠阳区永湖镇"]
    # named once in passing, an ordinary word that a township shares is no place
    assert paths("会议要求小城镇建设要抓好安全。") == []
    # a name several counties share places none
    assert paths("3月2日,杨梅镇召开安全生产工作会议。") == []
    # a county's form inside a word of the genre (`镇安委会` is 镇 + 安委会) does not refuse the township
    from tests.test_extract_general_rules import _rec
    rec = _rec("3月2日,永湖镇召开安全生产工作会议。镇党委副书记柯某某、镇安委会成员单位负责人参加。")
    assert rec.regions == ["广东省惠州市惠阳区永湖镇"]


def test_a_county_form_ending_a_new_areas_name_is_no_county():
    from tests.test_extract_general_rules import _rec
    assert _rec("各市（州）、某安新区、各县负责同志参加会议。").regions == []  # no 安新县


def test_a_form_ending_in_cheng_before_city_or_country_is_no_place():
    from tests.test_extract_general_rules import _rec
    # `城市`, `城乡` opening at the form's last 城: `…天气下城市道路…` names no district 下城
    assert _rec("要做好雨雪天气下城市道路保通工作,确保低温条件下城乡供水正常。").regions == []
    assert paths("宣城市召开会议") == ["安徽省宣城市"]


def test_a_functional_zone_is_no_division_but_names_the_city_it_opens_with():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import Document, ingest_bytes

    d = ingest_bytes("3月2日,苏州工业园区召开安全生产工作会议,部署安全生产工作。".encode(), Path("z.txt"))
    assert isinstance(d, Document)
    assert extract(d).regions == ["江苏省苏州市"]


def test_a_former_name_names_the_division_it_became():
    # a county that became a city, one merged into a district, a renamed prefecture (jionlp's change list)
    assert paths("工作组赴彬县进行督查。") == ["陕西省咸阳市彬州市"]
    assert paths("长岛县政府组织收看会议。") == ["山东省烟台市蓬莱区"]
    assert paths("襄樊市召开会议。") == ["湖北省襄阳市"]
    assert paths("城区召开会议。") == []  # a former district name that is an ordinary word


def test_a_short_form_opening_a_road_name_names_no_place():
    assert paths("要抓好开阳高速恩平段的安全管控。") == ["广东省江门市恩平市"]


def test_a_prefecture_without_counties_holds_its_towns_with_no_filler_in_the_path():
    # the gazetteer files such towns under a `市直辖行政区划` line; the official path skips it
    hits = find_regions("儋州市木棠镇召开安全生产会议")
    assert [(h.path, h.level) for h in hits] == [("海南省儋州市木棠镇", "township")]
    assert level_of("海南省儋州市木棠镇") == "township"
    assert parent_path("海南省儋州市木棠镇") == "海南省儋州市"
    assert not any("直辖" in p for p in paths("儋州市召开会议，木棠镇、海头镇负责人发言"))


def test_a_two_character_township_right_after_its_county():
    assert paths("崇明区堡镇召开安全生产会议") == ["上海市崇明区堡镇"]
    assert level_of("上海市崇明区堡镇") == "township"
    assert paths("崇明区召开会议，堡镇") == ["上海市崇明区"]  # not chained: no township


def test_a_short_form_that_is_a_given_name_in_a_list_of_names_is_no_place():
    assert paths("甲某、王海安、乙某等出席会议") == []
    assert paths("会议结束。(王海安)") == []
    assert paths("海安市、如皋市参加") == ["江苏省南通市海安市", "江苏省南通市如皋市"]
    assert paths("经验推广,向海安、如皋等地学习") == ["江苏省南通市海安市", "江苏省南通市如皋市"]  # a preposition


def test_a_conjunction_before_a_county_body_is_no_county():
    assert paths("认真落实市委、市政府和县委的部署") == []
    assert paths("马鞍山市和县召开会议") == ["安徽省马鞍山市和县"]


def test_a_sites_dateline_names_the_site_not_its_place():
    from graph_loader.extract.regions import part_of_a_word

    for text in ("海安网讯(记者 张某)5月5日,召开会议。", "海安新闻网讯 5月5日,召开会议。"):
        assert [h for h in find_regions(text) if not part_of_a_word(text, h)] == []
    text = "海安日报讯 5月5日,海安召开会议。"
    assert [h.path for h in find_regions(text) if not part_of_a_word(text, h)] == ["江苏省南通市海安市"] * 2


def test_a_national_paper_named_after_its_city_names_no_place_of_the_report():
    from graph_loader.extract.pipeline import _source_region
    from graph_loader.extract.regions import part_of_a_word

    for text in ("来源:上海证券报 5月5日,国务院召开会议。", "北京青年报客户端 5月5日,某省召开会议。"):
        assert [h for h in find_regions(text) if not part_of_a_word(text, h)] == []
    assert _source_region("上海证券报") is None
    assert _source_region("海安日报") == "江苏省南通市海安市"


def test_a_source_line_naming_a_province_then_a_townships_short_name_names_the_township():
    # `来源:浙江许村`: 浙江 is only a prefix of the township's name (海宁市许村镇), not a place of its own
    from graph_loader.extract.pipeline import _source_region

    assert _source_region("浙江许村") == "浙江省嘉兴市海宁市许村镇"
    assert _source_region("浙江日报") == "浙江省"


def test_the_site_host_names_the_report_home_like_the_source_line():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    text = ("我县召开安全生产工作会议\n1月5日上午，我县召开安全生产工作会议，部署当前工作。会议要求压实责任。\n"
            "主办:桐柏县人民政府办公室 地址:某某路")
    rec = extract(ingest_bytes(text.encode("utf-8"), Path("a.txt")))
    assert rec.regions == ["河南省南阳市桐柏县"]
    assert rec.context_region == "河南省南阳市桐柏县"


def test_the_sites_copyright_holder_names_a_home_beside_its_host():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    story = "我县召开安全生产工作会议\n1月5日上午，我县召开安全生产工作会议，部署当前工作。会议要求压实责任。\n"
    doc = ingest_bytes((story + "主办单位:桐柏县人民政府 版权所有:南阳市人民政府办公室 网站地图").encode("utf-8"), Path("a.txt"))
    assert doc.metadata.owner == "南阳市人民政府办公室"
    rec = extract(doc)
    assert rec.regions == ["河南省南阳市桐柏县", "河南省南阳市"]
    assert rec.context_region == "河南省南阳市桐柏县"
    doc = ingest_bytes((story + "版权所有 ©2023 河南日报 www.example.cn").encode("utf-8"), Path("b.txt"))
    assert doc.metadata.owner == "河南日报"
    assert ingest_bytes((story + "版权所有,未经许可不得转载").encode("utf-8"), Path("c.txt")).metadata.owner is None


def test_a_township_under_a_named_city_is_the_one_of_its_district_that_has_that_name():
    # 大河镇 is a township of many counties, of one district of 南阳市 alone: under 南阳, that one
    assert paths("南阳市召开防汛会议。会后，副市长王某到大河镇督查。") == ["河南省南阳市", "河南省南阳市桐柏县大河镇"]
    # no city named: a township of many counties stays unplaced
    assert paths("会后，副市长王某到大河镇督查。") == []


def test_a_district_named_like_an_ordinary_word_opening_an_incident_is_a_place():
    # 郊区 (also an ordinary word) opens an incident's coded name in a text naming 盂县 of the same city (阳泉)
    assert paths("汲取盂县“5·12”较大事故、郊区“6·3”爆炸事故教训。") == ["山西省阳泉市盂县", "山西省阳泉市郊区"]
    # no incident: the ordinary word stays a word
    assert paths("盂县召开会议，部署郊区道路安全工作。") == ["山西省阳泉市盂县"]


def test_a_form_cutting_the_word_before_it_yields_to_the_form_inside_it():
    # 开福 (a district's short form) opens inside 召开; the county-level city after it is the place
    assert paths("市长甲某主持召开福清市安全生产工作会议") == ["福建省福州市福清市"]
    assert paths("长沙市开福区召开会议") == ["湖南省长沙市开福区"]


def test_a_portals_menu_names_no_place_and_a_sites_menu_its_own():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    story = "1月5日上午，县上召开安全生产工作会议，部署当前工作。会议要求压实责任。\n"
    portal = "本网|本省|时评|国内|国际|娱乐|南阳|信阳|洛阳|开封|商丘|周口|驻马店|平顶山|许昌|漯河|三门峡|濮阳|焦作\n"
    doc = ingest_bytes((portal + "县上召开安全生产工作会议\n" + story).encode("utf-8"), Path("a.txt"))
    assert "周口" not in doc.clean and doc.metadata.menu is not None
    assert extract(doc).regions == []
    site = "首页 走进桐柏 政务公开 办事服务 公众参与\n"
    rec = extract(ingest_bytes((site + "县上召开安全生产工作会议\n" + story).encode("utf-8"), Path("b.txt")))
    assert rec.regions == ["河南省南阳市桐柏县"]
    # a row of names in the story stays: only a row above or below it is a menu
    doc = ingest_bytes(("县上召开安全生产工作会议\n" + story + "王某某 李某某 赵某某 钱某某 孙某某\n" + story)
                       .encode("utf-8"), Path("c.txt"))
    assert "孙某某" in doc.clean


def test_a_sites_banner_names_its_home_like_its_menu():
    from pathlib import Path

    from graph_loader.extract.pipeline import _source_region, extract
    from graph_loader.ingest import ingest_bytes

    story = "1月5日上午，县上召开安全生产工作会议，部署当前工作。会议要求压实责任。\n"
    doc = ingest_bytes(("桐柏欢迎您!\n县上召开安全生产工作会议\n" + story).encode("utf-8"), Path("a.txt"))
    assert "欢迎" not in doc.clean and doc.metadata.menu == "桐柏欢迎您!"
    assert extract(doc).regions == ["河南省南阳市桐柏县"]
    # the banner's county above a menu naming one of its townships: the county holds the township
    assert _source_region("海安欢迎您! 当前位置:首页 > 部门导航 >南莫镇") == "江苏省南通市海安市"


def test_a_banner_welcoming_to_a_site_by_its_name_names_its_place_and_opens_no_story():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    # `欢迎进入某市某某网!`: the site's banner; the date line and author below it are the header's
    page = ("欢迎进入江苏省安全生产网!\n\n当前页面:首页 > 区县新闻\n\n某区召开安全生产工作会议\n\n"
            "更新时间:2017-05-22 10:24:43  作者:王大海 李小兵  来源:某区安监局  \n\n"
            "近日,南京市玄武区召开安全生产工作会议,副区长赵一鸣出席会议并讲话。\n")
    doc = ingest_bytes(page.encode("utf-8"), Path("a.txt"))
    assert (doc.metadata.published, doc.metadata.reporters) == ("2017-05-22", ["王大海", "李小兵"])
    # the site's name names its province, as a publication's does, though the story names a place inside it
    assert extract(doc).regions == ["江苏省南京市玄武区", "江苏省"]


def test_a_list_of_townships_writing_their_level_word_once_names_each():
    # `到甲、乙、丙街道等地`: the level word after the last item is every item's
    assert paths("普宁市副市长带队到流沙东、流沙南、池尾街道等地检查") == [
        "广东省揭阳市普宁市", "广东省揭阳市普宁市流沙东街道", "广东省揭阳市普宁市流沙南街道", "广东省揭阳市普宁市池尾街道"]
    # an item that is no township of the county with that word ends the list
    assert paths("普宁市副市长到东西、池尾街道检查") == ["广东省揭阳市普宁市", "广东省揭阳市普宁市池尾街道"]


def test_a_form_that_cuts_a_common_word_gives_way_to_a_longer_one_a_character_on():
    # a short form opening with the verb's last character (开福) cuts 召开
    assert paths("今天召开福清市消防工作会议") == ["福建省福州市福清市"]
    assert paths("湖南省长沙市召开会议") == ["湖南省长沙市"]  # 省长 is a word, but 湖南省 holds 省


def test_a_provinces_one_character_name_where_something_happens_there():
    assert paths("会议3月2日在沪召开。") == ["上海市"]
    assert paths("驻豫企业负责人参加") == ["河南省"]
    assert paths("在新形势下做好工作") == []  # no word of what happens there
    assert paths("在京山分会场参加") == ["湖北省荆门市京山市"]  # the longer name wins


def test_a_post_of_address_that_opens_with_a_county_name_is_the_post():
    # `代县长`: an acting county head, not the county 代县 (honorifics.tsv); the county itself still counts
    assert paths("县委副书记、代县长某某讲话") == []
    assert paths("山西省忻州市代县县委召开会议") == ["山西省忻州市代县"]


def test_a_branch_venue_ends_the_place_before_it():
    # `某安分会场`: 安分 is a word, but the venue word closes the place
    assert paths("副市长某某在瑞安分会场参加会议。") == ["浙江省温州市瑞安市"]
    assert paths("他一向安分守己") == []


def test_a_special_regions_districts_hang_from_the_region():
    # the gazetteer's line `香港` under 香港特别行政区 is the region's own, like a municipality's
    assert paths("香港沙田区发生火灾") == ["香港特别行政区沙田区"]
    assert level_of("香港特别行政区沙田区") == "county"


def test_a_sites_banner_inside_the_storys_province_is_the_reports_home():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    story = ("我县组织收看警示教育大会\n11月20日下午，省委、省政府召开某某警示教育大会。会议指出，江苏各地要压实责任。"
             "随后召开的全市贯彻落实会议强调，要狠抓落实。\n")
    doc = ingest_bytes(("如东欢迎您!\n" + story).encode("utf-8"), Path("a.txt"))
    rec = extract(doc)
    assert rec.context_region == "江苏省南通市如东县", rec.context_region
    assert [m.region for m in rec.meetings if m.level == "prefecture"] == ["江苏省南通市"]


def test_a_county_short_form_naming_a_site_or_brigade_names_no_place():
    # a mine, a traffic brigade, a police station named after a county is that site (region_not_before.tsv `site`)
    assert paths("督查组检查了宣恩煤矿、海安交警大队，恩施州有关负责人陪同。") == ["湖北省恩施土家族苗族自治州"]
    # a one-character site word is no cut after a county's short form (`所有`), a province's names its body
    assert paths("海安所有企业要开展自查。") == ["江苏省南通市海安市"]
    assert paths("湖北煤矿安监局召开会议。") == ["湖北省"]


def test_a_place_inside_a_name_the_text_gave_a_post_is_no_place_anywhere():
    # `副市长吴江涛出席`, then `吴江涛强调`: the name is a person's wherever it stands again, no 吴江区
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    text = "3月2日,徐州市召开安全生产专题会议,副市长吴江涛出席会议。\n吴江涛强调,要压实责任,严防事故发生。"
    assert extract(ingest_bytes(text.encode("utf-8"), Path("p.txt"))).regions == ["江苏省徐州市"]


def test_a_district_short_form_cut_by_the_word_city_is_no_place():
    # `恶劣天气条件下城市道路`: 城市 is the word, no district 下城; `武城市场` is 武城 + 市场
    from graph_loader.extract.regions import part_of_a_word

    text = "确保恶劣天气条件下城市道路交通畅通。"
    assert [h for h in find_regions(text) if not part_of_a_word(text, h)] == []
    text = "武城市场监管局开展检查。"
    assert [h.path for h in find_regions(text) if not part_of_a_word(text, h)] == ["山东省德州市武城县"]


def test_a_station_named_after_its_patch_names_no_place_even_a_provinces_short_form():
    # a police station, a community police office or a power station is named after its quarter, which is often a
    # province's or a city's short form; no province has such a station (region_not_before.tsv `station`)
    assert paths("某某街道召开会议，并邀请湖北派出所所长、南通警务室民警参加。") == []
    assert paths("宣恩县召开会议，江苏供电所负责人参加。") == ["湖北省恩施土家族苗族自治州宣恩县"]


def test_a_long_short_form_is_not_cut_by_a_word_its_first_character_ends():
    # a three-character short form is no chance run of characters: 进驻 before 驻马店 does not cut it
    assert paths("省督导组进驻马店开展安全生产督查") == ["河南省驻马店市"]
    assert paths("某华声张家界讯 5月6日，市应急管理局召开会议") == ["湖南省张家界市"]
    # a two-character one still is (`代理县长`: no 理县), and a word its last character opens still cuts a long one
    assert paths("代理县长主持会议") == []


def test_a_citys_short_form_without_context_means_the_city_not_a_district_elsewhere():
    # 西安: 西安市 and a district 西安区 of another province; nothing else in the text: the city
    assert paths("西安日报讯 8月8日，省督查组对我市开展检查") == ["陕西省西安市"]
    # a context still picks the district (辽源市 above it)
    assert paths("辽源市召开会议，西安区应急管理局参加") == ["吉林省辽源市", "吉林省辽源市西安区"]
