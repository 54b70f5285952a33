"""Existing rules widened to the family of wordings of their shape (issue #16), on made-up sentences."""

from __future__ import annotations


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import in_text_order, make_doc
    return in_text_order(extract(make_doc(text, published)))


def test_sector_synonyms_of_fireworks_ice_floods_and_sea_transport():
    from graph_loader.extract.sectors import find_sectors
    text = "各花炮企业负责人参加。要做好防凌工作和海上运输、水路运输安全工作。"
    assert {h.sector for h in find_sectors(text)} == {"烟花爆竹", "防汛", "水上交通"}


def test_a_name_after_a_post_may_be_followed_by_a_speech_verb():
    from graph_loader.extract.persons import find_persons
    found = find_persons("随后，县委书记王大明发表讲话。")
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("王大明", ["县委书记"])]


def test_a_conjunction_before_a_national_leaders_name_is_no_part_of_it():
    from graph_loader.extract.persons import find_persons
    found = find_persons("学习甲的讲话和王强总理批示。")
    assert [m.name for m in found if m.national] == ["王强"]


def test_a_leader_leading_a_team_is_no_part_of_its_name():
    from graph_loader.extract.inspections import _team_start
    text = "5月3日，县应急管理局局长王大明率县安全生产检查组到某镇检查。"
    assert text[_team_start(text, text.index("检查组")):text.index("检查组")] == "县安全生产"


def test_this_meeting_named_again_is_no_new_meeting():
    rec = _rec("3月2日，某镇召开防汛工作推进会，镇长王大明主持会议并讲话。本次推进会的召开，标志着汛前准备全面启动。",
               published=None)
    assert len(rec.meetings) == 1


def test_a_county_named_as_speech_does_it_holds_the_meeting():
    rec = _rec("6月3日，县上召开安全生产工作会议，县领导王大明、李小红出席会议。会议学习贯彻了省、市安全生产会议精神。",
               published=None)
    assert [m.level for m in rec.meetings] == ["county", "province", "prefecture"]
    assert sorted(r.meeting for r in rec.meetings[0].relays) == [1, 2]


def test_a_township_named_once_holding_a_meeting_in_a_room_places_its_county():
    rec = _rec("5月8日，鲁史镇在村委会议室组织召开防汛工作部署会，镇长王大明主持。", published=None)
    assert rec.meetings[0].region == "云南省临沧市凤庆县鲁史镇"
    assert _rec("3月20日，鲁史镇在全县考核中名列前茅。", published=None).regions == []


def test_a_city_outlet_reporting_a_townships_meeting_lists_the_city_and_county_meetings_above_it():
    rec = _rec("某网临沧4月15日讯 近日，凤庆县鲁史镇召开安全生产推进会，传达学习国家、省、市、县安全生产会议精神，"
               "镇长王大明主持会议。", published=None)
    levels = [m.level for m in rec.meetings]
    assert levels[0] == "township"
    assert sorted(levels[1:]) == sorted(["national", "province", "prefecture", "county"])
    assert len(rec.meetings[0].relays) == 4


def test_a_leader_addressed_by_an_acting_post_or_after_a_conjunction_is_cited():
    from graph_loader.extract.persons import find_persons
    found = find_persons("会上学习了王大明代市长批示，贯彻省委决定和李小红书记指示。")
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("王大明", ["代市长"]), ("李小红", ["书记"])]


def test_short_sector_words_as_items_of_a_list_joined_by_a_conjunction():
    from graph_loader.extract.sectors import find_sectors
    assert {h.sector for h in find_sectors("抓好煤炭和非煤矿山、商场、学校等安全。")} == {
        "煤矿", "非煤矿山", "人员密集场所", "校园"}
    assert {h.sector for h in find_sectors("组织学校、社区开展活动。")} == set()
    assert {h.sector for h in find_sectors("落实“一通三防”措施，做好三防准备，整治“九小”场所。")} == {
        "煤矿", "防汛", "人员密集场所"}


def test_a_name_after_a_post_before_a_verb_of_coming_or_leading():
    from graph_loader.extract.persons import find_persons
    for verb in ("亲临现场", "莅临检查", "专程赶赴", "牵头负责"):
        assert [m.name for m in find_persons(f"副县长张小明{verb}。")] == ["张小明"]
    assert find_persons("镇长亲临现场。") == []


def test_a_title_watched_with_an_aspect_mark_is_no_directive():
    from graph_loader.extract.directives import find_directives
    text = "考核组观看了《某园区消防工作展示》，学习了《某省安全生产条例》。"
    assert [h.title for h in find_directives(text)] == ["某省安全生产条例"]


def test_a_title_a_page_asks_to_log_in_to_or_download_is_no_directive():
    from graph_loader.extract.directives import find_directives
    text = "想爆料？请登录《某某连线》。下载《某某新闻》客户端。会议传达了《某省安全生产条例》。"
    assert [h.title for h in find_directives(text)] == ["某省安全生产条例"]


def test_a_sector_after_a_char_already_held_by_the_word_before():
    from graph_loader.extract.sectors import find_sectors
    # 生 belongs to 发生, so it cannot take 水 into 生水; 深 of 深化 still takes 化 from 化工
    assert [h.sector for h in find_sectors("全年未发生水上交通事故。")] == ["水上交通"]
    assert [h.sector for h in find_sectors("深化工贸行业整治。")] == ["工贸"]


def test_an_incident_code_parted_by_a_dot_above():
    from graph_loader.extract.incidents import find_incidents
    found = find_incidents("会上通报了10˙20某某集团某某煤业事故。")
    # the dot above is no punctuation mark, so names would not compare without it: written `·`
    assert [h.title for h in found] == ["10·20某某集团某某煤业事故"]
    # so is every other dot a page sets in a code (a bullet, a katakana middle dot, a hyphenation point): one code,
    # one name, however the page sets its dot; only a full stop between the numbers is kept as written
    for dot in "•・‧∙":
        found = find_incidents(f"会上通报了10{dot}20某某集团某某煤业事故。")
        assert [h.title for h in found] == ["10·20某某集团某某煤业事故"], dot
    assert [h.title for h in find_incidents("会上通报了“10.20”某某集团某某煤业事故。")] == ["10.20某某集团某某煤业事故"]


def test_a_code_dot_inside_a_directive_title_is_written_as_the_code_s_dot():
    from graph_loader.extract.directives import find_directives
    found = find_directives("会议传达了《某省安委会办公室关于某市“9˙28”较大火灾事故情况的通报》。")
    assert [h.title for h in found] == ["某省安委会办公室关于某市9·28较大火灾事故情况的通报"]


def test_a_name_before_an_armed_forces_post_and_a_rare_surname():
    from graph_loader.extract.persons import find_persons
    found = find_persons("会上，王英武装部长通报了情况，巨晓明书记强调要抓好落实。")
    assert {m.name for m in found} == {"王英", "巨晓明"}


def test_a_name_after_a_post_before_an_adverb_of_haste():
    from graph_loader.extract.persons import find_persons
    found = find_persons("会后，副县长王大明迅速召开专题会议。")
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("王大明", ["副县长"])]


def test_a_township_of_the_county_the_source_names():
    from graph_loader.extract.regions import find_regions
    text = "3月2日，许村镇召开安全生产工作会议。"
    assert [h.path for h in find_regions(text)] == []
    assert [h.path for h in find_regions(text, ("浙江省嘉兴市海宁市",))] == ["浙江省嘉兴市海宁市许村镇"]


def test_a_package_numbered_in_items_only_right_after_its_topic():
    from graph_loader.extract.directives import find_directives
    found = find_directives("要执行安全生产“六项断然措施”，抓好消防安全九项重点工作，落实三项措施。")
    assert [h.title for h in found] == ["安全生产六项断然措施", "消防安全九项重点工作"]


def test_who_holds_the_local_meeting_right_after_a_watched_one_is_no_attendee_of_it():
    rec = _rec("10月1日晚，在全省安全生产紧急电视电话会议召开后，副市长王大明迅速召开我市安全生产紧急会议，"
               "各县（区）相关部门负责人在各地分会场以视频形式参加会议。王大明要求，各级各部门要认真贯彻落实"
               "省政府召开的安全生产紧急会议精神。")
    roles = {(m.level, x.name, x.role) for m in rec.meetings for x in m.participants}
    assert ("province", "王大明", "attendee") not in roles
    assert any(r[1:] == ("王大明", "chair") for r in roles)


def test_framed_incidents_may_be_a_list_each_with_its_day():
    from graph_loader.extract.incidents import find_incidents
    text = "会议要求,切实吸取5月6日南阳市某矿透水事故和5月9日信阳市某校踩踏事故的教训,压实责任。"
    assert [(h.title, h.region) for h in find_incidents(text)] == [
        ("南阳市某矿透水事故", "河南省南阳市"), ("信阳市某校踩踏事故", "河南省信阳市")]
    # the day marks one accident; without it a place's accidents of a kind are a class
    assert [h.title for h in find_incidents("吸取5月6日南阳市道路交通事故教训")] == ["南阳市道路交通事故"]
    assert find_incidents("吸取南阳市道路交通事故教训") == []
    # one member that is a class makes none of the list a name
    assert find_incidents("汲取信阳市燃气爆炸事故、南阳市道路交通事故教训") == []


def test_sector_words_of_weather_mines_fires_and_crowds_and_a_list_of_what_involves_departments():
    from graph_loader.extract.sectors import find_sectors

    def sectors(text):
        return {h.sector for h in find_sectors(text)}

    assert sectors("做好防御台风、应对极端恶劣天气、地灾防治和护林防火工作") == {"自然灾害"}
    assert sectors("抓好防台风工作") == {"防汛"}
    assert sectors("在恶劣天气条件下加强路面管控") == set()  # weather as the roads' condition names no disaster
    assert sectors("整治金属与非金属矿山和金属非金属矿山") == {"非煤矿山"}
    assert sectors("入户宣传防范小火亡人,抽查商超和公众聚集场所") == {"消防", "人员密集场所"}
    # `等涉及…部门`: what the listed things involve, so they stay sectors (a list of bodies ends `等部门`)
    assert sectors("开展油气管道、建筑施工等涉及多部门的领域整治") == {"油气管道", "建筑施工"}
    assert sectors("县交通、消防等部门负责人参加") == set()


def test_a_packages_issuer_right_before_its_number_and_a_films_noun_before_its_title():
    from graph_loader.extract.directives import find_directives

    found = find_directives("逐条落实国务院安委会十五条硬措施。组织观看警示教育片《某某之殇》。")
    assert [(h.title, h.issuer) for h in found] == [("十五条硬措施", "国务院安委会")]


def test_an_outlet_glued_to_the_role_word_names_no_reporter():
    from graph_loader.ingest.metadata import names_in

    assert names_in("某某日报·某某客户端记者 王某某") == ["王某某"]
    assert names_in("记者 努尔·白克力") == ["努尔·白克力"]


def test_a_team_coming_to_the_home_written_by_its_first_character():
    text = ("桐柏县迎接省安全生产第三督导组\n2月6日,省安全生产第三督导组来桐督查。"
            "督导组认为,要把工作落实到省委的要求上来。")
    rec = _rec(text)
    assert [(i.team, i.target, i.start) for i in rec.inspections] == [
        ("河南省安全生产第三督导组", "河南省南阳市桐柏县", "2021-02-06")]
    # `组来` ends with the first character of a county named 来某: the team's coming, no place
    from graph_loader.extract.regions import find_regions, part_of_a_word
    text = "5月6日,市督导组来宾督导安全生产工作。"
    assert [h.path for h in find_regions(text) if not part_of_a_word(text, h)] == []


def test_a_breadcrumb_names_the_sites_home_unless_the_story_names_a_place_inside_it():
    from pathlib import Path

    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_bytes

    story = "1月5日上午,我市召开安全生产工作会议,部署当前工作。会议要求压实责任。\n"
    crumb = "当前位置:首页 > 南阳要闻 > 正文\n"
    rec = extract(ingest_bytes((crumb + "我市召开安全生产工作会议\n" + story).encode("utf-8"), Path("a.txt")))
    assert rec.regions == ["河南省南阳市"]
    story = "1月5日上午,桐柏县召开安全生产工作会议,部署当前工作。会议要求压实责任。\n"
    rec = extract(ingest_bytes((crumb + "桐柏县召开安全生产工作会议\n" + story).encode("utf-8"), Path("b.txt")))
    assert rec.regions == ["河南省南阳市桐柏县"]


def test_a_places_short_form_right_before_a_packages_number_issued_it():
    from graph_loader.extract.directives import find_directives

    found = find_directives("认真落实湖北20条具体措施和某某省30条措施。")
    assert [(h.title, h.issuer) for h in found] == [("20条具体措施", "湖北"), ("30条措施", "某某省")]


def test_the_transport_modes_of_a_list_and_occupational_hazards():
    from graph_loader.extract.sectors import find_sectors

    found = {h.sector for h in find_sectors("加强公路、水路、铁路和民航安全监管,防治职业危害。")}
    assert found == {"道路交通", "水上交通", "铁路", "民航", "职业健康"}
    assert {h.sector for h in find_sectors("修缮水路和公路沿线设施。")} == set()  # no sector beside them


def test_a_bare_zone_listed_with_the_townships_is_a_unit_not_a_sector():
    from graph_loader.extract.sectors import find_sectors
    # the report's collective word for the divisions below it, then the zone: one more unit addressed
    assert [h.sector for h in find_sectors("各乡镇、开发区设分会场。")] == []
    assert [h.sector for h in find_sectors("各镇街(开发区)要再部署。")] == []
    assert [h.sector for h in find_sectors("各乡镇(街道)、开发区负责人参加。")] == []
    # so with the townships' own bodies after the collective word
    assert [h.sector for h in find_sectors("各乡镇政府、开发区、重点企业负责人参加。")] == []
    assert [h.sector for h in find_sectors("各乡镇党委政府、开发区要再部署。")] == []
    # standing alone beside other things it is the sector
    assert [h.sector for h in find_sectors("重点排查厂房、仓库和开发区。")] == ["工业园区"]


def test_the_trade_sectors_third_key_area_and_debris_flows_by_meaning():
    from graph_loader.extract.sectors import find_sectors
    assert [h.sector for h in find_sectors("全县涉氨制冷企业较多。")] == ["工贸"]
    assert [h.sector for h in find_sectors("加强山洪泥石流等灾害防范。")] == ["自然灾害"]


def test_a_name_before_the_instruction_it_is_cited_for_keeps_its_title_chain():
    from graph_loader.extract.persons import find_persons
    found = find_persons("会议传达中共中央政治局常委、国务院总理王立成重要批示精神。", frozenset(), frozenset())
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("王立成", ["中共中央政治局常委", "国务院总理"])]
    found = find_persons("会议传达学习了王立成重要指示。", frozenset(), frozenset())
    assert [m.name for m in found] == ["王立成"]


def test_a_deputy_addressed_by_the_post_without_its_deputy_mark_keeps_the_post_as_written():
    rec = _rec("5月5日，某某镇召开安全生产工作会议。镇党委副书记柯某某主持会议。柯某某书记认为，全镇安全形势平稳。")
    assert [(p.name, p.titles) for p in rec.persons] == [("柯某某", ["镇党委副书记"])]


def test_a_body_a_conjunction_joins_to_the_next_is_no_name_after_a_post():
    from graph_loader.extract.persons import find_persons
    text = "副市长柯某某、庞某某，各县区、市安委会成员单位及重点企业负责同志参加。"
    assert [m.name for m in find_persons(text, frozenset(), frozenset())] == ["柯某某", "庞某某"]


def test_a_name_addressed_by_its_post_after_the_lead_of_a_leaders_lead_or_a_passive_chair():
    from graph_loader.extract.persons import find_persons
    # `在某某副局长的带领下`: the team's leader, the post written after the name is the title
    found = find_persons("市局第八督导组在庞志永副局长的带领下，到我县督导。", frozenset(), frozenset())
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("庞志永", ["副局长"])]
    # a name holding a character of a body word (志 of 同志) is still a name after a lead word
    found = find_persons("会议由柯志强副县长主持。", frozenset(), frozenset())
    assert [m.name for m in found] == ["柯志强"]
    # a body after the lead word is none (`由县安委会副主任主持`)
    assert find_persons("会议由县安委会副主任主持。", frozenset(), frozenset()) == []


def test_an_assistant_to_a_head_is_a_post():
    from graph_loader.extract.persons import find_persons
    found = find_persons("董事长甲某某，总经理助理庞某平收听收看会议。", frozenset(), frozenset())
    assert ("庞某平", ["总经理助理"]) in [(m.name, [t.full for t in m.titles]) for m in found]
    found = find_persons("开发区管委会助理、规划建设局局长柯某云参加会议。", frozenset(), frozenset())
    assert [(m.name, [t.full for t in m.titles]) for m in found] == [("柯某云", ["开发区管委会助理", "规划建设局局长"])]


def test_a_meeting_that_passes_on_a_teams_findings_keeps_its_report_verb_out_of_the_team():
    # `会议通报了某某巡查组反馈意见`: the team's name opens after 通报(了)
    rec = _rec("8月4日，河南省安委会召开全体会议。会议通报了中央安全生产考核巡查组明查暗访反馈意见，要求全省抓好整改。")
    assert [(i.team, i.target) for i in rec.inspections] == [("中央安全生产考核巡查组", "河南省")]


def test_an_incident_code_in_any_quotation_marks_of_scraped_pages():
    # double primes (`″5.1″`), vertical quotes (`〝3·21〞`) and a closing mark typed as an opening one (`“5·1“`)
    # quote a code as curly quotes do; the name keeps none of them
    from graph_loader.extract.incidents import find_incidents
    for text, title in [("汲取某市″5.1″较大道路交通事故教训。", "某市5.1较大道路交通事故"),
                        ("吸取〝3·21〞重大火灾事故教训。", "3·21重大火灾事故"),
                        ("通报了某县“5·1“较大爆炸事故。", "某县5·1较大爆炸事故")]:
        assert [h.title for h in find_incidents(text)] == [title]


def test_a_short_name_given_inside_a_meetings_name_is_no_part_of_it():
    # `《某某意见》(以下简称《意见》)宣讲会召开`: the parenthesis names the document shortly, the meeting is the 宣讲会
    rec = _rec("3月2日上午，《某某省关于加强某某工作的意见》(以下简称《意见》)宣讲会主会场以视频形式在某某市召开。")
    assert [m.name for m in rec.meetings] == ["《某某省关于加强某某工作的意见》宣讲会"]


def test_the_one_learning_an_incidents_lesson_is_no_part_of_its_name():
    from graph_loader.extract.incidents import find_incidents
    for verb in ("深刻剖析", "认真反思", "牢牢记取"):
        text = f"省安委办要求南阳市政府{verb}某某宾馆“3·14”重大火灾事故教训,排查隐患。"
        assert [h.title for h in find_incidents(text)] == ["某某宾馆3·14重大火灾事故"], verb


def test_an_instructed_incident_opens_with_dui_jiu_or_guanyu_and_may_sit_inside_a_longer_phrase():
    from graph_loader.extract.incidents import find_incidents
    for lead in ("就", "关于"):
        text = f"会议传达了总书记{lead}信阳市某某煤矿透水事故作出的重要指示批示精神。"
        assert [(h.title, h.region) for h in find_incidents(text)] == [("信阳市某某煤矿透水事故", "河南省信阳市")]
    # a first reading that names nothing (`关于安全生产的重要论述和对…`) does not hide the incident inside it
    text = "学习贯彻总书记关于安全生产的重要论述和对信阳市某某煤矿透水事故作出的重要指示精神。"
    assert [h.title for h in find_incidents(text)] == ["信阳市某某煤矿透水事故"]


def test_a_framed_incidents_day_after_its_site_is_no_part_of_its_name():
    from graph_loader.extract.incidents import find_incidents
    text = "会议通报了南阳市某某煤矿3月4日发生的较大瓦斯爆炸事故,部署隐患排查工作。"
    assert [(h.title, h.region) for h in find_incidents(text)] == [("南阳市某某煤矿较大瓦斯爆炸事故", "河南省南阳市")]


def test_quoted_codes_joined_before_one_tail_share_it():
    from graph_loader.extract.incidents import find_incidents
    for join in ("和", "、", "及"):
        text = f"深刻汲取南阳“3·14”{join}信阳“4·20”火灾事故教训,举一反三。"
        assert [h.title for h in find_incidents(text)] == ["南阳3·14火灾事故", "信阳4·20火灾事故"], join
    text = "汲取南阳“3·14”、信阳“4·20”和洛阳“5·2”火灾事故教训。"
    assert [h.title for h in find_incidents(text)] == ["南阳3·14火灾事故", "信阳4·20火灾事故", "洛阳5·2火灾事故"]
    # a list closed by its class (等) shares nothing with a code further on
    text = "吸取南阳“3·14”、信阳“4·20”等两起事故教训,吸取某地“7·2”特大暴雨等灾害教训。"
    assert [h.title for h in find_incidents(text)] == ["7·2特大暴雨"]
    # unquoted, a number before a join is no code
    assert [h.title for h in find_incidents("共检查3.14和信阳“4·20”火灾事故现场")] == ["信阳4·20火灾事故"]


def test_a_talk_or_training_carried_out_is_a_meeting_held_but_a_nearer_convening_verb_names_it():
    # `组织开展了《某条例》宣讲会活动`: a study event carried out is held (meeting_verbs.tsv 开展)
    rec = _rec("3月5日上午,甲县应急管理局组织开展了《安全生产法》宣讲会活动,县政府副县长王某某主持。")
    assert [(m.kind, m.date, m.level) for m in rec.meetings] == [("study", "2021-03-05", "county")]
    # `开展…督查并召开会议`: the convening verb nearest the noun names the meeting, the 开展 clause does not
    rec = _rec("3月5日,某县开展节日期间安全生产专项督查并召开座谈会,副县长王某某主持。")
    assert [m.name for m in rec.meetings] == ["座谈会"]


def test_a_national_bodys_branch_hosting_with_a_local_government_leaves_the_meeting_to_the_governments_place():
    # `国家某某局甲省局和乙市政府组织召开…`: the branch's place is the national body's, the host's home is 乙市
    rec = _rec("3月5日,国家矿山安全监察局湖北局和宜昌市政府组织召开煤矿安全座谈会,副市长王某某主持。")
    assert [(m.level, m.region) for m in rec.meetings] == [("prefecture", "湖北省宜昌市")]


def test_a_news_dateline_and_day_word_before_a_meeting_held_are_no_part_of_its_name():
    # `某报讯（记者甲）今天全省…会议在某地召开`: the lead runs into the name when no comma follows it
    names = [m.name for m in _rec("某某日报客户端讯(记者甲乙)今天全省安全生产电视电话会议在某地召开。").meetings]
    assert names == ["全省安全生产电视电话会议"]
    names = [m.name for m in _rec("全省通讯保障工作会议在某地召开。").meetings]  # 通讯 opens no dateline
    assert names == ["全省通讯保障工作会议"]


def test_a_team_written_with_xiaozu_is_a_team():
    # `考核小组`, `检查小组`: the genre's teams written with 小组
    rec = _rec("3月8日,省应急厅监察专员王大明带队的考核小组到平和县就安全生产工作开展情况进行考核。"
               "省考核小组对下阶段安全生产工作提出了意见。", published="2019-03-09")
    assert [(i.target, i.start) for i in rec.inspections] == [("福建省漳州市平和县", "2019-03-08")]


def test_a_study_session_told_by_its_act_is_a_meeting_held():
    # `某局对《某办法》进行了宣讲`: a study session told by what was done to the document (meeting_acts.tsv), relaying it
    rec = _rec("3月6日,夷陵区应急管理局对《某某省安全生产管理办法》进行了宣讲,区直各部门负责人参加。")
    assert [(m.kind, m.date, m.level) for m in rec.meetings] == [("study", "2021-03-06", "county")]
    assert [r.directive for r in rec.meetings[0].relays] == ["某某省安全生产管理办法"]
    # inside a meeting reported it is a part of that meeting, no meeting of its own
    rec = _rec("3月6日,夷陵区召开安全生产工作会议。会议对《某某省安全生产管理办法》进行了宣讲。")
    assert len(rec.meetings) == 1


def test_a_manner_phrase_puts_no_act_inside_a_meeting_and_its_clause_names_the_convener():
    # `某部以视频会议形式，对《某意见》进行了宣讲`: 视频会议 says how (meeting_cues.tsv manner), the talk is held, and
    # the clause before the object's clause names who holds it
    rec = _rec("3月2日,国务院安委会办公室采用视频会议形式,对《关于加强某某安全工作的意见》进行了宣讲。")
    assert [(m.kind, m.date, m.level) for m in rec.meetings] == [("study", "2021-03-02", "national")]


def test_a_talk_given_to_a_places_staff_is_held_at_that_place():
    # `市宣讲团成员甲就《某意见》向乙区干部进行宣贯`: the audience's place hosts the visiting speaker (meeting_cues.tsv
    # audience); the speaker speaks
    rec = _rec("4月9日下午,宜昌市宣讲团成员、市应急管理局副局长王大明就《某某工作意见》向夷陵区应急系统干部进行深入宣贯。")
    assert [(m.level, m.region) for m in rec.meetings] == [("county", "湖北省宜昌市夷陵区")]
    assert [(p.name, p.role) for p in rec.meetings[0].participants] == [("王大明", "speaker")]


def test_a_count_of_meetings_then_their_list_holds_the_listed_meetings():
    # `召开两场会议，分别是甲会议、乙研判会`: each listed meeting is held by the verb's clause, the count is none
    rec = _rec("3月5日,宜昌市市长王大明先后召开两场会议,分别是市安委会全体会议、某某事故分析研判会。")
    assert [(m.name, m.date, m.level) for m in rec.meetings] == [
        ("市安委会全体会议", "2021-03-05", "prefecture"), ("某某事故分析研判会", "2021-03-05", "prefecture")]
    # a count with no list after it stays the one meeting it names
    assert len(_rec("3月5日,宜昌市市长王大明召开两次会议,研究防汛工作。").meetings) == 1


def test_the_same_day_word_takes_the_date_before_it():
    # `同日，某县也召开…` (date_words.tsv same_day): the day of the meeting told before
    rec = _rec("3月5日,宜昌市召开安全生产工作会议。\n同日,夷陵区召开防汛工作会议。")
    assert [m.date for m in rec.meetings] == ["2021-03-05", "2021-03-05"]


def test_agenda_items_of_a_sitting_take_its_date():
    # `某镇召开推进会，共分两项议程。首先召开甲会议…。甲会议结束后，连续召开了乙会`: the items are held that day
    # (meeting_cues.tsv right_after 首先; a comma may follow `结束后` before `连续`/`立即`)
    rec = _rec("3月5日,某某镇组织召开安全生产暨经济工作推进会议,共分两项议程。\n首先召开安全生产工作会议,镇长王大明讲话。\n"
               "安全生产工作会议结束后,连续召开了经济工作推进会,镇党委书记李小明讲话。")
    assert [m.date for m in rec.meetings if m.name != "安全生产暨经济工作推进会议"] == ["2021-03-05", "2021-03-05"]


def test_a_leader_attending_a_teams_feedback_is_no_part_of_its_name():
    from graph_loader.extract.inspections import _team_start
    text = "副市长王大明出席省安全生产第三巡查组反馈会。"
    assert text[_team_start(text, text.index("第三")):text.index("第三")] == "省安全生产"


def test_a_team_from_above_inspecting_an_unnamed_home_is_a_mission_of_the_report():
    # the report never names its home: `对我市` after a province's team is the home, unnamed; the coming sentence dates it
    rec = _rec("8月14日，省督查组对我市安全生产工作进行督查。督查组指出，要压实责任。", published=None)
    assert [(i.target, i.start) for i in rec.inspections] == [(None, "--08-14")]
    rec = _rec("3月1日，省安办来我区开展专项督查并召开会议。会上，省安办督查组听取汇报。督查组对我区工作给予肯定。",
               published=None)
    assert [(i.target, i.start) for i in rec.inspections] == [(None, "--03-01")]
    # a city's own team on `我市` may be the city's routine: no mission of the report
    assert _rec("8月14日，市督查组对我市企业进行督查。", published=None).inspections == []


def test_a_county_level_citys_own_meeting_is_placed_by_the_streets_and_towns_it_names():
    # a county-level city's site writes `全市` under its prefecture's meeting and names its towns, not itself
    text = ("5月10日上午，全国、全省、嘉兴市安全生产电视电话会议结束后，副市长王大明随即主持召开全市安全生产工作会议。"
            "会后，王大明带队到许村镇、长安镇检查督导。")
    rec = _rec(text, published=None)
    assert sorted((m.level, m.region) for m in rec.meetings if m.level in ("county", "prefecture")) == [
        ("county", "浙江省嘉兴市海宁市"), ("prefecture", "浙江省嘉兴市")]
    from graph_loader.extract.pipeline import _home_county
    from graph_loader.extract.regions import RegionHit
    towns = [RegionHit(0, 3, "许村镇", "浙江省嘉兴市海宁市许村镇", "township"),
             RegionHit(4, 7, "乌镇镇", "浙江省嘉兴市桐乡市乌镇镇", "township")]
    assert _home_county("浙江省嘉兴市", towns[:1]) == "浙江省嘉兴市海宁市"
    assert _home_county("浙江省嘉兴市", towns) is None  # towns of two counties: neither
