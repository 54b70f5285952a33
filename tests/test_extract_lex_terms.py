"""Sectors, directives, instructions and incidents on seed-like and unseen-style sentences."""

from graph_loader.extract.directives import find_directives, find_instructions
from graph_loader.extract.incidents import find_incidents
from graph_loader.extract.sectors import find_sectors, sector_names, sector_parent
from graph_loader.lang.titles import clean_title


def sectors(text):
    return [h.sector for h in find_sectors(text)]


# --- sectors -----------------------------------------------------------------

def test_sector_surfaces_map_to_canonical_names():
    assert sectors("切实抓好煤矿、道路交通、人员密集场所消防安全、建筑及建设工程、校园安全等") == [
        "煤矿", "道路交通", "人员密集场所", "消防", "建筑施工", "校园"]
    assert sectors("危险化学物品、建筑业和涉爆粉尘企业") == ["危险化学品", "建筑施工", "粉尘涉爆"]


def test_fields_named_in_words_of_their_work():
    # the field's work (防震减灾), its activity (工程施工), its trade (交通行业) or its typical accident (房屋倒塌)
    assert sectors("做好防震减灾工作,抓好工程施工、交通行业安全,严防房屋倒塌") == [
        "自然灾害", "建筑施工", "道路交通", "城乡房屋"]


def test_longest_sector_form_wins():
    assert sectors("做好森林防火工作") == ["自然灾害"]
    assert sectors("鋁加工(深井铸造)和钢铁冶金".replace("鋁", "铝")) == ["冶金", "冶金", "冶金"]


def test_sector_match_that_cuts_a_word_is_retried_one_character_on():
    assert sectors("深化工贸重点行业领域企业的安全专项整治") == ["工贸"]


def test_garbled_span_names_no_sector():
    assert sectors("紧盯矿山、?;?、燃?、?、道路交通") == ["矿山", "道路交通"]
    assert sectors("危化\ufffd品") == []


def test_sector_lexicon_helpers():
    assert "工贸" in sector_names() and "消防" in sector_names()
    assert sector_parent("煤矿") == "矿山"
    assert sector_parent("消防") is None


# --- directives --------------------------------------------------------------

def test_document_titles_with_issuer_and_kind():
    text = ("传达学习《习近平总书记关于应急管理和安全生产重要论述摘编》、国务院安委会《关于进一步强化"
            "安全生产责任落实 坚决防范遏制重特大事故的若干措施》文件精神。市应急管理局负责人围绕"
            "《河南郑州“7·20”特大暴雨灾害调查报告》进行案例教学。")
    got = [(h.title, h.issuer, h.kind) for h in find_directives(text)]
    assert got == [
        ("习近平总书记关于应急管理和安全生产重要论述摘编", None, "compilation"),
        ("关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施", "国务院安委会", "document"),
        ("河南郑州7·20特大暴雨灾害调查报告", None, "report"),
    ]


def test_issuers_before_publishing_verbs():
    (h,) = find_directives("近日，省委办公厅、省政府办公厅印发《关于全面加强安全生产工作的意见》")
    assert h.issuer == "省委办公厅、省政府办公厅"
    (h,) = find_directives("会议传达学习了国务院安委会办公室印发的《2024年安全生产工作要点》")
    assert h.issuer == "国务院安委会办公室"
    (h,) = find_directives("认真贯彻落实《中华人民共和国安全生产法》")
    assert h.issuer is None


def test_a_title_inside_a_title_names_a_document_too():
    got = [h.title for h in find_directives("审议了《某某市人民政府关于印发〈某某市安全生产约谈办法〉的通知》。")]
    assert got == ["某某市人民政府关于印发〈某某市安全生产约谈办法〉的通知", "某某市安全生产约谈办法"]
    assert [h.title for h in find_directives("研究了<某某办法>的修订")] == []  # angle brackets alone are no title


def test_newspapers_programmes_and_films_are_not_directives():
    assert find_directives("据《人民日报》报道，《焦点访谈》栏目") == []
    assert find_directives("组织观看警示教育片《生命重于泰山》") == []
    assert find_directives("刊登于《南通日报》") == []
    assert find_directives("某某广播电视台《某省新闻联播》记者 甲某") == []  # a local copy of the evening news
    assert find_directives("会议学习了《某某——某某重要论述》电视专题片") == []  # the medium before the kind


def test_numbered_measure_packages():
    got = [(h.title, h.kind) for h in find_directives("严格落实安全生产十五条措施，当好守护人")]
    assert got == [("安全生产十五条措施", "measure_package")]
    got = [h.title for h in find_directives("出台“十五条硬措施”")]
    assert got == ["十五条硬措施"]
    # a place or the article's own region before the number issued the package
    got = [(h.title, h.issuer) for h in find_directives("落实国务院安委会安全生产十五条措施和某某省30条具体措施")]
    assert got == [("安全生产十五条措施", "国务院安委会"), ("30条具体措施", "某某省")]
    assert [(h.title, h.issuer) for h in find_directives("严格落实我市12条具体措施")] == [("12条具体措施", None)]
    # a quotation mark closing the number, a modifier of the list, a verb before the quote
    assert [h.title for h in find_directives("狠抓“十五条”措施落实")] == ["十五条措施"]
    assert [h.title for h in find_directives("落实二十条优化措施")] == ["二十条优化措施"]


def test_a_short_title_ending_a_longer_one_is_its_short_name():
    text = "学习《某某干部安全生产责任制规定》，要抓好《规定》各项要求；贯彻《规定》精神"
    assert [h.title for h in find_directives(text)] == ["某某干部安全生产责任制规定"]


def test_titles_normalize_spaces_and_quotes():
    assert clean_title("河南郑州“7·20” 特大暴雨 灾害") == "河南郑州7·20特大暴雨灾害"


def test_instructions_are_their_own_kind():
    text = "认真贯彻落实习近平总书记、李克强总理关于安全生产的重要指示批示精神和党中央决策部署"
    (h,) = find_instructions(text)
    assert h.kind == "instruction"
    assert h.title == "习近平总书记、李克强总理关于安全生产重要指示批示精神"
    assert text[h.start:h.end] == "习近平总书记、李克强总理关于安全生产的重要指示批示精神"
    assert find_directives(text) == []


def test_instruction_inside_a_document_title_is_not_repeated():
    text = "传达学习《习近平总书记关于应急管理和安全生产重要论述摘编》"
    assert find_instructions(text) == []


# --- incidents ---------------------------------------------------------------

def incidents(text):
    return [(h.title, h.region) for h in find_incidents(text)]


def test_incident_names_drop_quotes_and_keep_their_place():
    assert incidents("贯彻落实习近平总书记对响水“3·21”特大爆炸事故指示精神") == [
        ("响水3·21特大爆炸事故", "江苏省盐城市响水县")]
    assert incidents("围绕《河南郑州“7·20”特大暴雨灾害调查报告》进行案例教学") == [
        ("河南郑州7·20特大暴雨灾害", "河南省郑州市")]


def test_incident_names_of_other_provinces_and_forms():
    assert incidents("深刻吸取天津港“8·12”特别重大火灾爆炸事故教训") == [
        ("天津港8·12特别重大火灾爆炸事故", "天津市")]
    assert incidents("汲取河北沧州“11·28”重大爆燃事故教训") == [("河北沧州11·28重大爆燃事故", "河北省沧州市")]
    assert incidents("以“3·21”事故为鉴") == [("3·21事故", None)]
    # a traditional copy's 著火 (t2s keeps 著) is the simplified 着火 of the name
    assert incidents("吸取河北沧州“11·28”爆炸著火事故教训") == [("河北沧州11·28爆炸着火事故", "河北省沧州市")]
    # the body that sets up an investigation team is no part of the incident's name
    assert incidents("河北成立沧州某某公司“11·28”重大火灾事故调查组") == [("沧州某某公司11·28重大火灾事故", "河北省沧州市")]


def test_incidents_named_without_a_code_at_their_scene_or_by_their_dead():
    # a meeting held at the scene, a leader mourning the dead: the name between opens with its place
    assert incidents("副省长在甲市乙县某某煤矿煤与瓦斯突出事故现场召开会议") == []  # 甲市乙县 are no places
    assert incidents("副省长在贵州六盘水某某煤矿煤与瓦斯突出事故现场召开会议") == [
        ("贵州六盘水某某煤矿煤与瓦斯突出事故", "贵州省六盘水市")]
    assert incidents("传达学习了《某某向浙江湖州某小区住宅楼重大火灾事故遇难人员表示哀悼》") == [
        ("浙江湖州某小区住宅楼重大火灾事故", "浙江省湖州市")]
    # a class of accidents is no name, whatever the frame
    assert incidents("在浙江湖州道路交通事故现场") == []


def test_incidents_an_instruction_was_given_on_joined_by_a_conjunction_are_each_named():
    # `关于甲地某校火灾和乙省某厂爆炸事故的指示`: two incidents, each opening with its place
    text = "落实市领导关于湖北某校宿舍火灾和江苏某厂粉尘爆炸事故的指示要求"
    assert [h.title for h in find_incidents(text)] == ["湖北某校宿舍火灾", "江苏某厂粉尘爆炸事故"]
    # one place, two kinds joined: one incident
    text = "对江苏省苏州市某厂火灾和爆炸事故作出重要指示"
    assert [h.title for h in find_incidents(text)] == ["江苏省苏州市某厂火灾和爆炸事故"]


def test_an_accident_told_in_the_reports_opening_clause_is_named():
    # after the time: the site opening with its place, the verb, a kind ending in 事故 (verb and 一起 left out)
    assert incidents("5月6日14时许,浙江湖州某某化工厂发生一起较大爆炸事故,造成2人死亡。") == [
        ("浙江湖州某某化工厂较大爆炸事故", "浙江省湖州市")]
    # no place, a class of events, or a place already named by another name: none
    assert incidents("5月6日14时许,某某化工厂发生一起爆炸事故。") == []
    assert incidents("今年1至5月,全省共发生各类事故。") == []
    assert incidents("吸取浙江湖州“5·6”爆炸事故教训。5月6日14时许,浙江湖州某某化工厂发生爆炸事故。") == [
        ("浙江湖州5·6爆炸事故", "浙江省湖州市")]


def test_a_code_whose_dot_a_page_lost_to_a_question_mark_is_a_code_between_quotes():
    assert incidents("深刻汲取浙江湖州“5?6”爆炸事故教训") == [("浙江湖州5·6爆炸事故", "浙江省湖州市")]
    assert incidents("全市共有5?6家企业") == []


def test_numbers_are_not_incident_codes():
    assert incidents("排查1.5万家企业发生事故隐患，出动3.4万人次") == []
    assert incidents("“13·40”事故") == []


def test_sector_words_inside_body_names_are_bodies():
    assert sectors("省交通运输厅、国家矿山安全监察局、各开发区管委会") == []
    assert sectors("交通运输和矿山安全") == ["道路交通", "矿山"]
    assert sectors("国家煤矿安监局、开发区安委办负责人") == []  # a body's abbreviated name
    assert sectors("会议在某某迎宾馆召开") == []  # a hotel after its name is a venue
    assert sectors("宾馆、饭店等场所") == ["人员密集场所"]
    assert sectors("部分中小学校长、幼儿园园长参加会议") == []  # posts of the bodies
    assert sectors("燃气锅炉等特种设备") == ["特种设备", "特种设备"]  # a gas boiler is equipment, not gas supply


def test_fire_prevention_alone_is_fire_safety_and_disaster_prevention_names_no_sector():
    # sectors.tsv lists bare 防火 under 消防; the longer 森林防火 is 自然灾害 (the longest form wins)
    assert sectors("春季防火决胜期，做好防火宣传") == ["消防", "消防"]
    assert sectors("抓好森林防火和消防安全") == ["自然灾害", "消防"]
    # 防灾减灾(救灾) is a field of work, not a listed sector (shared gold: 做好防灾、救灾、减灾工作 names none)
    assert sectors("做好防灾减灾救灾工作") == []


def test_a_mine_shaft_names_no_sector_of_its_own():
    # 矿井 is the shaft of a mine the report already names (关闭矿井, 压减矿井, 矿井安全生产): the reference
    # sectors.tsv lacks it, and the mine's own word (煤矿, 非煤矿山) names the sector
    assert sectors("全力推进关闭矿井和资源整合工作") == []
    assert sectors("为实现矿井安全生产打下基础，严厉打击非法煤矿") == ["煤矿"]


def test_a_sector_word_ending_a_named_site_of_a_list_of_units_names_no_sector():
    # the sites a team checked, each by its own name, in a list closed by 等…单位
    assert sectors("现场检查了甲乙化工有限公司、某某集团丙丁沟煤矿、戊己庚商场等生产经营单位") == []
    # bare sector words, or a list of the sectors' enterprises, still name their sectors
    assert sectors("检查了煤矿、商场等单位") == ["煤矿", "人员密集场所"]
    assert sectors("深入包联乡镇和煤矿、危险化学品等企业单位开展督导") == ["煤矿", "危险化学品"]


def test_sector_words_of_weather_works_and_traffic():
    assert sectors("做好低温雨雪冰冻灾害防范") == ["自然灾害"]
    assert sectors("加强建筑工程、船舶和房屋结构安全") == ["建筑施工", "水上交通", "城乡房屋"]
    assert sectors("加大交通违法行为查处力度") == ["道路交通"]


def test_a_sector_word_in_the_event_an_instruction_was_given_on_names_no_sector():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    text = ("5月5日，某县召开安全生产会议，传达学习习近平总书记对某省某市某厂火灾事故作出的重要指示精神。"
            "会议要求抓好道路交通安全。")
    doc = ingest_bytes(text.encode("utf-8"), Path("a.txt"))
    assert extract(doc).sectors == ["道路交通"]
    text = "5月5日，某县召开会议，传达学习习近平总书记关于消防安全的重要指示精神。"
    assert extract(ingest_bytes(text.encode("utf-8"), Path("b.txt"))).sectors == ["消防"]


def test_instruction_on_a_field_of_work_names_its_sector():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    # `对…工作作出重要指示` is given on a field of work, not an event: the field is a sector the meeting takes up
    text = "6月2日，某区召开会议，传达学习习近平总书记对森林防火工作作出的重要指示精神。"
    assert extract(ingest_bytes(text.encode("utf-8"), Path("a.txt"))).sectors == ["自然灾害"]
    text = "6月2日，某区召开会议，学习了习近平总书记对冰雪灾害防范应对工作重要指示。"
    assert extract(ingest_bytes(text.encode("utf-8"), Path("b.txt"))).sectors == ["自然灾害"]


def test_a_title_a_spam_page_wrote_a_web_address_into_is_no_document():
    text = ("会议审议了《某某在线_ab365备用网址_ab365.com最快线路市妇女发展规划》《某市安全生产考核办法》,"
            "学习了《关于www.example.cn某市某某方案》。")
    assert [h.title for h in find_directives(text)] == ["某市安全生产考核办法"]


def test_a_package_named_again_without_its_topic_is_its_short_name():
    text = "会议研究学习了安全生产“八条硬措施”。会议指出,要坚持不懈落实八条硬措施。"
    assert [h.title for h in find_directives(text)] == ["安全生产八条硬措施"]


def test_issuer_of_a_notice_that_prints_a_document():
    (h,) = find_directives("省政府办公厅关于印发《江苏省安全生产专项整治方案》的通知")
    assert (h.title, h.issuer) == ("江苏省安全生产专项整治方案", "省政府办公厅")
    (h,) = find_directives("由省安委会印发的《安全生产工作要点》")
    assert h.issuer == "省安委会"
    assert find_directives("据《中国应急管理报》报道") == []


def test_incident_names_may_carry_a_site_between_place_and_code():
    assert incidents("深刻吸取宁夏银川富洋烧烤店“6·21”特别重大燃气爆炸事故教训") == [
        ("宁夏银川富洋烧烤店6·21特别重大燃气爆炸事故", "宁夏回族自治区银川市")]
    assert incidents("湖南长沙“4·29”特别重大居民自建房倒塌事故") == [
        ("湖南长沙4·29特别重大居民自建房倒塌事故", "湖南省长沙市")]
    # a verb between a place and the code: the place is not part of the name
    assert incidents("在海安开展“3·21”事故警示教育") == [("3·21事故", None)]


def test_numbered_package_takes_an_open_topic_and_its_issuer():
    from graph_loader.extract.directives import find_directives

    hits = find_directives("会议传达学习防范化解重大安全风险二十条措施精神和国务院安委会安全生产十五条措施。")
    assert [(h.title, h.issuer) for h in hits] == [("防范化解重大安全风险二十条措施", None),
                                                  ("安全生产十五条措施", "国务院安委会")]


def test_a_word_cut_does_not_veto_a_sector_with_no_other_reading():
    from graph_loader.extract.sectors import find_sectors

    assert [h.sector for h in find_sectors("要以“1·24”特别重大火灾事故为鉴，把有限空间作为重点")] == ["消防", "有限空间"]
    assert [h.sector for h in find_sectors("深化工贸行业整治，强化工作落实")] == ["工贸"]


def test_autonomous_prefecture_short_form_with_its_suffix():
    from graph_loader.extract.regions import find_regions

    assert [h.path for h in find_regions("海南州州长出席会议")] == ["青海省海南藏族自治州"]


def test_conjunction_before_county_level_offices_is_no_county():
    from graph_loader.extract.regions import find_regions

    assert find_regions("各乡镇和县直有关部门负责同志参加会议") == []


def test_instruction_written_without_its_leader_after_another():
    from graph_loader.extract.directives import find_instructions

    titles = [h.title for h in find_instructions("学习贯彻习近平总书记关于安全生产的重要论述和重要指示精神")]
    assert titles == ["习近平总书记关于安全生产重要论述", "习近平总书记重要指示精神"]


def test_sector_words_of_the_genre_the_list_lacked():
    # `水运` is water transport, `娱乐场所` a crowded place (sectors.tsv surface forms)
    assert sectors("要抓好水运安全和库区巡查。") == ["水上交通"]
    assert sectors("检查组先后来到城区娱乐场所等地督查。") == ["人员密集场所"]


def test_a_public_place_qualifying_fire_safety_names_fire_safety_only():
    # `公共场所消防` is the fire safety of public places (as `餐饮场所燃气`): the longest form wins
    assert sectors("要抓好春运、公共场所消防等重点工作。") == ["消防"]
    assert sectors("抓好学校以及公共场所的消防安全。") == ["消防"]


def test_care_homes_gatherings_and_school_surroundings_name_their_sectors():
    # `养老院` is a care home as `养老机构`, `人员聚集区` a crowded place, `学校及周边` the campus's surroundings;
    # a care home listed beside `学校` makes that list item a sector too
    assert sectors("重点检查养老院的消防通道。") == ["人员密集场所", "消防"]
    assert sectors("加强车站、人员聚集区的巡查。") == ["人员密集场所"]
    assert sectors("抓好学校及周边安全。") == ["校园"]
    assert set(sectors("聚焦托育机构、学校和养老院等场所。")) == {"人员密集场所", "校园"}


def test_a_conjunction_joins_no_word_with_the_sector_after_it():
    # jieba's `或非` (a logic gate) does not cut `非煤矿山` after the conjunction 或
    assert sectors("近年来某地煤矿或非煤矿山事故多发。") == ["煤矿", "非煤矿山"]


def test_an_institution_numbered_by_its_place_names_no_sector():
    # `某县第二幼儿园` is one kindergarten by name, as `第一中学` is one school
    assert sectors("考核组先后深入某某公司、某县第二幼儿园,查阅档案。") == []
    assert sectors("要抓好幼儿园安全。") == ["校园"]


def directive_titles(text):
    return [h.title for h in find_directives(text)]


def test_opinions_counted_with_no_topic_are_no_package():
    # `提出了五条意见` counts the opinions a team gave; a topic or an issuer before the number names a package
    assert directive_titles("检查组现场提出了5条意见,反馈十二条意见。") == []
    assert directive_titles("认真落实安全生产十条意见。") == ["安全生产十条意见"]


def test_a_quoted_package_numbered_in_items_is_named_without_its_topic():
    # `以“八项硬措施”为抓手`: the quotation marks make the count a package's name; unquoted `落实三项措施` stays a count
    assert directive_titles("以“八项硬措施”为抓手,推进隐患清零。") == ["八项硬措施"]
    assert directive_titles("要落实三项措施。") == []


def test_keyboard_inner_title_marks_are_kept_as_written():
    # `《<某县发展规划>中期评估报告》`: ASCII `<>` typed for 〈〉 stay as written (the reference scorer strips 〈〉, not
    # `<>`), and the inner title is a directive of its own
    from graph_loader.extract.scoring import norm_title

    titles = directive_titles("会议审议《< 某县发展规划>中期评估报告》。")
    assert titles == ["<某县发展规划>中期评估报告", "某县发展规划"]
    assert norm_title(titles[0]) == norm_title("《<某县发展规划>中期评估报告》")


def test_a_page_line_wrapped_inside_a_sector_word_still_names_it():
    # `危险化 学品`: a scraped page's wrap left a space inside the word; the hit spans the text as written
    text = "重点检查危险化 学品、燃 气企业。"
    hits = find_sectors(text)
    assert [(h.sector, text[h.start:h.end]) for h in hits] == [("危险化学品", "危险化 学品"), ("燃气", "燃 气")]


def test_a_speech_or_a_leaders_words_in_title_marks_is_no_document():
    # `《在某某工作会议上的讲话》`, `《某某对某事作出重要指示》`: what was said, reported as news; a notice stays one
    assert directive_titles("会议学习了《在全市某某工作会议上的讲话》和《某某同志对安全生产作出重要指示》。") == []
    assert directive_titles("传达了《关于做好某某工作的通知》。") == ["关于做好某某工作的通知"]
