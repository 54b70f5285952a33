"""Higher meetings relayed under other nouns or long names, and meetings held severally, on made-up
reports (places are real, people and events invented)."""

from __future__ import annotations

from graph_loader.extract.pipeline import extract
from tests.test_extract_core import make_doc


def _meetings(text: str, published: str | None = "2023-03-02"):
    return extract(make_doc(text, published)).meetings


def test_a_relay_named_by_another_noun_is_a_meeting_of_its_own():
    ms = _meetings("2月28日,河北省邢台市临西县安委会召开全体会议,传达学习了省委常委会议关于安全生产工作的部署"
                   "和全省安全生产电视电话会议精神,安排部署全县安全生产工作。")
    local = next(m for m in ms if m.level == "county")
    province = [i for i, m in enumerate(ms) if m.level == "province"]
    assert len(province) == 2
    assert {r.meeting for r in local.relays} == set(province)


def test_a_relayed_meeting_with_a_long_quoted_name_is_found():
    ms = _meetings("3月1日,河北省邢台市临西县委常委会召开会议,传达学习全市优化营商环境暨“比学赶超”工作推进大会精神,"
                   "研究我县贯彻落实意见。")
    local = next(m for m in ms if m.level == "county")
    relayed = [ms[r.meeting] for r in local.relays]
    assert [m.level for m in relayed] == ["prefecture"] and not local.relays[0].inferred


def test_a_higher_leader_asking_to_relay_speaks_for_the_higher_meeting():
    ms = _meetings("3月1日,全省安全生产紧急电视电话会议召开。副省长王建国出席并讲话。临西县县长李明华在临西分会场参加会议。"
                   "会上,王建国要求认真贯彻落实省委常委会会议的精神。会后,李明华要求抓好落实。", None)
    tele = next(m for m in ms if m.level == "province" and m.kind == "teleconference")
    other = next(i for i, m in enumerate(ms) if m.level == "province" and m is not tele)
    assert {r.meeting for r in tele.relays} == {other}
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].kind for r in local.relays} == {"teleconference"}


def test_meetings_held_severally_are_one_meeting_each_at_their_own_level():
    ms = _meetings("3月1日,青海省西宁市政府召开常务会议,研究安全生产工作。会议认为,连日来,省委和市委分别召开"
                   "省委常委会(扩大)会议、省政府常务会议和市委常委会(扩大)会议,专题研究安全生产工作。")
    levels = sorted(m.level for m in ms)
    assert levels == ["prefecture", "prefecture", "province", "province"]


def test_two_bodies_meetings_joined_by_he_are_two_meetings():
    # `主持召开省政府常务会议和安全生产委员会会议`: two bodies, each its own meeting, though the second names no level
    # (one body's `A暨B` stays one meeting)
    ms = _meetings("1月14日，省长王大明主持召开省政府常务会议和安全生产委员会会议，研究部署节日期间安全生产工作。")
    assert [m.name for m in ms] == ["省政府常务会议", "安全生产委员会会议"]


def test_a_list_without_a_distributive_word_stays_one_meeting():
    ms = _meetings("3月1日,青海省西宁市召开安全生产工作会议和消防工作会议,部署安全生产工作。")
    assert len(ms) == 1


def test_hearing_a_teams_feedback_is_a_feedback_meeting_the_hearer_attends():
    ms = _meetings("督查期间,自治区副主席王建国、李明华分别会见了督查组一行,"
                   "自治区副主席李明华代表自治区人民政府听取了国务院安委会督查组督查意见反馈。", None)
    assert len(ms) == 1 and ms[0].kind == "feedback"
    assert {(p.name, p.role) for p in ms[0].participants} == {("李明华", "attendee")}


def test_what_a_person_does_after_hearing_is_the_persons_own():
    ms = _meetings("3月1日,河北省邢台市临西县召开安全生产工作会议,县长王建国听取各乡镇汇报后讲话,"
                   "副县长李明华听取了督导组反馈。")
    assert {(p.name, p.role) for p in ms[0].participants} == {("王建国", "speaker"), ("李明华", "attendee")}


def test_meeting_nouns_with_brackets_and_emergency_meetings_have_their_kind():
    ms = _meetings("3月1日,河北省邢台市临西县县委书记王建国主持召开县委常委(扩大)会议,研究安全生产工作。"
                   "3月2日,县政府召开安全生产紧急会议,部署节日安全工作。")
    assert [m.kind for m in ms] == ["deployment", "deployment"]


def test_a_headline_under_a_masthead_names_no_meeting_of_its_own():
    ms = _meetings("某某日报\n2023年03月02日\n第02版:要闻\n\n省安委会第四次全体(扩大)会议举行\n\n"
                   "本报石家庄3月1日讯 今天上午,省安委会2023年第四次全体(扩大)会议召开。副省长王建国主持会议。", None)
    assert len(ms) == 1 and ms[0].level == "province"


def test_a_headline_with_a_comma_or_a_label_repeats_the_body_meeting():
    ms = _meetings("网站导航_首页_视频\n王建国主持召开市政府常务会议,部署安全生产工作\n"
                   "3月1日,河北省邢台市市长王建国主持召开市政府常务会议,研究部署安全生产工作。", None)
    assert [(m.date, m.level) for m in ms] == [("--03-01", "prefecture")]
    ms = _meetings("原标题:省政府召开全省安全生产电视电话会议 深刻吸取某某事故教训 守住安全生产底线 王建国提出要求\n"
                   "3月1日,河北省政府召开全省安全生产电视电话会议。省长王建国出席会议并讲话。", None)
    assert [(m.date, m.level) for m in ms] == [("--03-01", "province")]


def test_a_long_headline_without_a_clause_mark_repeats_the_body_meeting():
    # a slogan in brackets before the headline makes it long; with no comma it is still a line of its own
    ms = _meetings("某某新闻网\n(牢记嘱托守牢安全底线 在新时代高质量发展上展现更大担当和作为)我市召开全市安全生产电视电话会议"
                   "暨市安委会第三季度安全生产工作会议\n本报讯 3月1日,河北省邢台市召开全市安全生产电视电话会议暨市安委会"
                   "第三季度工作会议。市长王建国出席会议并讲话。", None)
    assert [(m.date, m.level) for m in ms] == [("--03-01", "prefecture")]


def test_a_scope_word_gives_the_level_and_the_follow_up_its_date_in_a_report_naming_no_place():
    ms = _meetings("12月19日下午,全省做好“两节”期间安全防范工作电视电话会议召开。\n会议指出,要严格落实安全生产责任。\n"
                   "全省电视电话会议结束后,县委常委、常务副县长王大海要求,要突出抓好重点领域安全问题。", None)
    assert [(m.date, m.level) for m in ms] == [("--12-19", "province"), ("--12-19", "county")]
    assert [(p.name, p.role) for p in ms[1].participants] == [("王大海", "speaker")]
    # `全区` may be a district's or an autonomous region's: the level stays unsaid
    ms = _meetings("12月19日下午,全区做好“两节”期间安全防范工作电视电话会议召开。\n会议指出,要严格落实安全生产责任。", None)
    assert [m.level for m in ms] == [None]


def test_a_branch_venue_in_the_headline_leaves_the_bodys_venue_meeting_its_own():
    ms = _meetings("全国安全生产电视电话会议召开王大海市长出席邢台分会场会议\n7月27日上午,国务院召开全国安全生产电视电话会议。"
                   "市委副书记、市长王大海在邢台分会场讲话强调,安全工作须臾不能松懈。", None)
    assert [(m.date, m.level) for m in ms] == [("--07-27", "national"), ("--07-27", "prefecture")]
    assert [(p.name, p.role) for p in ms[1].participants] == [("王大海", "speaker")]


def test_a_bare_meeting_in_a_sentence_opened_by_its_own_date_is_another_meeting_of_a_roundup():
    ms = _meetings("各区部署冬季火灾防控工作\n3月1日下午,河北省邢台市信都区副区长王大海组织召开全区火灾防控工作会议。"
                   "区各街道负责同志与会。\n3月1日下午,河北省邢台市襄都区副区长李小兵组织召开会议,部署火灾防控专项行动。", None)
    assert [(m.level, m.region) for m in ms] == [("county", "河北省邢台市信都区"), ("county", "河北省邢台市襄都区")]
    assert [[p.name for p in m.participants] for m in ms] == [["王大海"], ["李小兵"]]
    # the meeting named again in a later sentence without a date of its own stays one meeting
    ms = _meetings("3月1日下午,河北省邢台市信都区召开全区火灾防控工作会议。副区长王大海主持召开会议并讲话。", None)
    assert len(ms) == 1


def test_a_headline_meeting_the_body_reports_only_by_its_acts_is_found():
    ms = _meetings("河北省邢台市临西县某某局召开会议\n近日,临西县某某局在该局会议室学习贯彻安全生产责任制规定,"
                   "会议由局长王建国主持,相关股室负责人参会。", None)
    assert len(ms) == 1 and ms[0].level == "county" and ms[0].region == "河北省邢台市临西县"
    assert [(p.name, p.role) for p in ms[0].participants] == [("王建国", "chair")]


def test_an_autonomous_region_post_says_a_province_meeting_held_in_a_city():
    # `全区…会议在某市召开` under a chair whose posts open with 自治区: the region's meeting, not a district's
    ms = _meetings("4月2日下午,全区安全生产工作电视电话会议在银川召开,安排部署我区安全生产工作。"
                   "自治区党委副书记、自治区主席王建国主持会议并讲话。", None)
    assert [(m.date, m.level) for m in ms] == [("--04-02", "province")]


def test_who_attends_a_meeting_convened_by_others_is_no_chair():
    # `X出席某日下午召开的座谈会`: 召开的 names the meeting; doubled commas of a scraped page change nothing
    ms = _meetings("6月12日,省考核组进驻河北省邢台市。省应急厅副厅长王建国,,省能源局副局长李明华等领导"
                   "出席12日下午召开的座谈交流会。会上,市长赵志刚作汇报。", None)
    roles = {(p.name, p.role) for m in ms for p in m.participants}
    assert {("王建国", "attendee"), ("李明华", "attendee")} <= roles
    assert not any(r == "chair" for n, r in roles if n in ("王建国", "李明华"))


def test_a_group_reference_opening_a_paragraph_gives_the_listed_leaders_its_role():
    ms = _meetings("3月1日,河北省邢台市召开全市安全生产会议,市领导王建国、李明华、赵志刚出席会议。\n"
                   "会议研究了有关工作。\n市领导分别就各自分管领域的安全生产工作讲了意见。", None)
    assert {(p.name, p.role) for p in ms[0].participants} == {
        ("王建国", "speaker"), ("李明华", "speaker"), ("赵志刚", "speaker")}


def test_a_join_right_after_a_meeting_noun_holds_a_second_meeting():
    ms = _meetings("3月1日,河北省邢台市召开全市安全生产电视电话会和市安委会第九次会议,市长王建国讲话。", None)
    assert [m.level for m in ms] == ["prefecture", "prefecture"]
    ms = _meetings("3月1日,河北省邢台市召开全市安全生产和消防工作会议,市长王建国讲话。", None)
    assert len(ms) == 1  # a join inside one meeting's name


def test_every_place_of_a_venue_list_is_where_not_who():
    ms = _meetings("3月1日至2日,省政府在石家庄、邢台分别召开省安委会全体会议和全省安全生产工作会议。"
                   "省长王建国讲话。", None)
    assert [(m.level, m.region) for m in ms] == [("province", "河北省"), ("province", "河北省")]


def test_a_leader_whose_instruction_is_relayed_is_cited_not_a_participant():
    ms = _meetings("3月1日,河北省安委会全体会议在石家庄召开,会议贯彻落实王建国书记、李明华省长关于安全生产的"
                   "指示批示精神,传达学习了省委书记赵志刚关于某某化工厂火灾事故批示精神。副省长孙立讲话。", None)
    assert {(p.name, p.role) for m in ms for p in m.participants} == {("孙立", "speaker")}


def test_a_venue_where_nobody_speaks_gives_way_to_the_follow_up_meeting():
    ms = _meetings("4月2日,全省节日安全防范工作视频会议召开。副市长王建国在市分会场参会。"
                   "省视频会议结束后,我市立即召开全市节日安全防范工作会议,迅速贯彻落实省会议精神。"
                   "王建国通报了全市情况。", None)
    local = next(m for m in ms if m.level != "province")  # a 我市 never named: no level said
    assert local.date == "--04-02" and local.kind == "deployment"
    assert [ms[r.meeting].level for r in local.relays] == ["province"]


def test_a_watched_meeting_with_a_long_name_is_found():
    ms = _meetings("4月23日上午,在收听收看省政府第二季度防范重特大生产安全事故暨安全生产专项整治工作部署视频会议后,"
                   "福建省三明市接着召开全市安全隐患大排查行动推进会,及时贯彻省上会议精神。市长王建国主持会议并讲话。", "2023-04-25")
    watched = next(m for m in ms if m.level == "province")
    local = next(m for m in ms if m.level == "prefecture")
    assert watched.kind == "teleconference" and watched.date == "2023-04-23"
    assert [ms[r.meeting].level for r in local.relays] == ["province"]


def test_the_home_body_speaking_after_a_silent_venue_holds_the_local_meeting():
    ms = _meetings("6月7日下午,全国安全生产电视电话会议召开。县领导王建国、李明华在我县分会场收听收看。"
                   "电视电话会议结束后,我县要求各级有关部门开展地毯式排查。", "2023-06-08")
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1 and local[0].date == "2023-06-07"
    assert [ms[r.meeting].level for r in local[0].relays] == ["national"]


def test_the_region_listed_after_the_centre_in_an_autonomous_regions_report_is_a_province():
    ms = _meetings("7月15日,锡林郭勒盟召开全盟安全生产电视电话会议,贯彻落实全国、全区安全生产电视电话会议精神,"
                   "盟长王建国出席会议并讲话。", "2023-07-16")
    assert sorted(m.level for m in ms) == ["national", "prefecture", "province"]
    assert next(m for m in ms if m.level == "province").region == "内蒙古自治区"
    ms = _meetings("7月15日,北京市海淀区召开全区安全生产工作会议,贯彻落实全国、全区安全生产电视电话会议精神,"
                   "区长王建国出席会议并讲话。", "2023-07-16")
    assert "province" not in [m.level for m in ms]


def test_a_meeting_held_then_or_in_the_same_sentence_takes_the_date_before():
    ms = _meetings("3月5日上午,河北省邢台市临西县政府召开安全生产工作会议,县长王建国主持会议并讲话。"
                   "随后,县安委会召开全体会议,副县长李明华部署节日安全工作。", "2023-03-06")
    assert [m.date for m in ms] == ["2023-03-05", "2023-03-05"]
    ms = _meetings("3月5日,河北省邢台市临西县分别召开县委常委会会议、县政府常务会议,专题研究安全生产。", "2023-03-06")
    assert [(m.date, m.level) for m in ms] == [("2023-03-05", "county")] * 2


def test_a_department_under_a_level_character_gives_the_convener_level():
    ms = _meetings("5月29日,旗应急管理局组织召开安全生产警示教育会,90余家生产经营单位参加会议。", "2023-05-30")
    assert [m.level for m in ms] == ["county"]


def test_a_visiting_team_hearing_a_places_report_is_a_report_meeting_there():
    ms = _meetings("9日下午,国家安全生产督查组第二小组在咸阳听取了咸阳市政府及有关部门的汇报,之后赴彬州市进行督查。",
                   "2023-09-10")
    assert [(m.kind, m.level, m.region, m.date) for m in ms] == [("report", "prefecture", "陕西省咸阳市", "2023-09-09")]
    # one of an inspection's methods over its days is no meeting, nor is a report heard and done
    assert not _meetings("4月16日至25日,考核巡查组听取了陕西省安全生产工作汇报,重点查阅了有关文件资料。", "2023-04-26")
    ms = _meetings("9月21日上午,市安全生产第四督导组到县督导。副县长王建国出席汇报会。督导组一行听取汇报后,"
                   "深入企业进行了实地督导。", "2023-09-22")
    assert len(ms) == 1


def test_a_leader_named_only_after_the_watching_speaks_at_the_follow_up_only():
    ms = _meetings("临西讯 3月5日下午,我县组织收听收看国家、省、市安全生产电视电话会议。"
                   "会后,县长王建国对我县安全生产工作进行安排部署。", "2023-03-06")
    assert sorted(m.level for m in ms) == ["county", "national", "prefecture", "province"]
    assert [(m.level, [(p.name, p.role) for p in m.participants]) for m in ms if m.participants] == [
        ("county", [("王建国", "speaker")])]


def test_meetings_listed_before_the_spirit_that_closes_the_list_are_each_relayed():
    for text in ("临西讯 3月5日,县政府召开常务会议,传达学习了全国安全生产电视电话会议和全省安全生产工作会议精神,"
                 "县长王建国主持会议。",
                 "临西讯 3月5日,县政府召开常务会议,传达学习了国务院常务会议、省政府常务会议精神,县长王建国主持会议。"):
        ms = _meetings(text, "2023-03-06")
        local = next(m for m in ms if m.level == "county")
        assert sorted(ms[r.meeting].level for r in local.relays) == ["national", "province"]


def test_a_place_inside_a_cited_instruction_does_not_place_the_meeting():
    ms = _meetings("2月11日,县委常委会召开第15次会议,传达学习习近平总书记对四川宜宾市筠连县山体滑坡作出的重要指示精神,"
                   "县委书记王建国主持会议并讲话。", "2024-02-12")
    assert [(m.level, m.region) for m in ms] == [("county", None)]


def test_then_several_meetings_held_severally_each_take_the_days_date_and_level():
    ms = _meetings("3月1日上午,福建省召开全省安全生产工作会议,副省长王建国出席会议并讲话。随后,又分别召开了"
                   "全省安全生产监管系统工作会议、全省非煤矿山安全生产工作会议和设区市应急局长座谈会。", "2023-03-02")
    assert [(m.date, m.level) for m in ms] == [("2023-03-01", "province")] * 4
    assert [m.kind for m in ms][-1] == "other"  # 座谈会


def test_a_document_named_as_the_topic_discussed_is_not_relayed():
    ms = _meetings("22日下午,考核巡查组围绕贯彻落实《地方党政领导干部安全生产责任制规定》等问题,与福建省委省政府"
                   "有关部门召开座谈会。", "2023-03-23")
    assert ms and not any(r.directive for m in ms for r in m.relays)
    ms = _meetings("3月22日,福建省三明市召开安全生产工作会议,传达学习《地方党政领导干部安全生产责任制规定》。",
                   "2023-03-23")
    assert [r.directive for r in ms[0].relays] == ["地方党政领导干部安全生产责任制规定"]


def test_a_higher_leader_chairing_after_a_watching_chairs_the_watched_meeting():
    ms = _meetings("福建省三明市沙县区组织收听收看全省安全生产电视电话会议。区长王建国等区领导收听收看。\n"
                   "会议通报了全省一季度安全生产情况。\n省委常委、副省长李明华主持会议并提出具体工作要求。", None)
    assert [(m.level, m.kind) for m in ms] == [("province", "teleconference")]
    assert ("李明华", "chair") in {(p.name, p.role) for p in ms[0].participants}


def test_a_time_word_between_the_relay_verb_and_a_list_of_bare_levels_keeps_the_list():
    ms = _meetings("3月1日,河北省邢台市临西县县长李明华主持召开县安委会全体会议,传达近期省、市安委会安全工作会议精神,"
                   "部署下步工作。")
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}
    assert not any(r.inferred for r in local.relays)



def test_a_list_of_meetings_whose_spirit_follows_a_closing_quote_is_relayed_whole():
    ms = _meetings("1月5日,河北省安全生产工作会议在石家庄召开,贯彻落实全国安全生产电视电话会议、省委常委会会议"
                   "和刚刚闭幕的省“两会”精神,部署全年工作。", None)
    local = next(m for m in ms if m.name == "河北省安全生产工作会议")
    relayed = {(ms[r.meeting].level, ms[r.meeting].name) for r in local.relays if r.meeting is not None}
    assert {lv for lv, _ in relayed} == {"national", "province"}


def test_a_second_meeting_noun_without_a_level_after_a_list_mark_is_another_meeting_of_that_level():
    ms = _meetings("2月6日,河北省召开全省安全生产工作会议。会议认真贯彻全国安全生产电视电话会议、工作会议精神,"
                   "部署全年工作。", None)
    national = [m for m in ms if m.level == "national"]
    assert sorted(m.kind for m in national) == ["deployment", "teleconference"]
    local = next(m for m in ms if m.level == "province")
    assert {ms[r.meeting].level for r in local.relays} == {"national"} and len(local.relays) == 2


def test_a_meeting_room_is_a_place_not_a_meeting_name():
    ms = _meetings("1月19日上午,市长王某在市政府二楼综合会议室主持召开市政府安委会全体成员会议,部署安全生产工作。")
    assert ms and all(m.name is None or "会议室" not in m.name and not m.name.endswith("综合会议") for m in ms)
    assert any(m.name and m.name.endswith("全体成员会议") for m in ms)


def test_a_relayed_numbered_plenum_is_a_meeting_but_a_teleconference_after_it_stays_one():
    ms = _meetings("2月28日,河北省邢台市临西县委常委会召开会议,传达学习市委九届五次全会精神,研究我县贯彻落实意见。")
    local = next(m for m in ms if m.level == "county")
    assert [ms[r.meeting].level for r in local.relays] == ["prefecture"]
    ms = _meetings("2月28日,河北省邢台市临西县组织收听收看全省安全生产暨省安委会第三次全会电视电话会议。")
    watched = [m for m in ms if m.level == "province"]
    assert [m.kind for m in watched] == ["teleconference"]


def test_a_meeting_told_twice_by_its_name_is_one_meeting():
    ms = _meetings("3月1日,省长王建国出席省安全生产委员会2023年第一次全体会议并讲话。"
                   "会议指出,要压实责任。3月1日,省安全生产委员会召开2023年第一次全体会议,副省长李明华主持。")
    assert len([m for m in ms if m.level == "province"]) == 1
    assert {p.name for p in ms[0].participants} == {"王建国", "李明华"}


def test_a_teleconference_told_again_without_its_way_of_holding_is_one_meeting():
    ms = _meetings("3月1日,在全省春季防火暨安全生产工作电视电话会议后,河北省邢台市临西县随即召开全县安全生产工作会议。"
                   "会议传达学习了全省春季防火暨安全生产工作会议精神,县长李明华讲话。")
    assert [m.level for m in ms].count("province") == 1


def test_a_branch_venue_where_people_only_watch_is_no_meeting_when_the_home_holds_its_own_after():
    ms = _meetings("会议强调,要抓好春季防火工作,保障全省平安。河北省邢台市副市长李明华和市安委会有关成员单位在市分会场参会。"
                   "省视频会议结束后,我市立即召开全市春季防火工作会议,迅速贯彻落实省会议精神。李明华通报了全市防火情况。", None)
    assert [m.level for m in ms].count("prefecture") == 1
    province = next(m for m in ms if m.level == "province")
    assert [(p.name, p.role) for p in province.participants] == [("李明华", "attendee")]
