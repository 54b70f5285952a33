"""Relay and meeting rules widened to the family of their wordings (issue #16, second pass), on made-up text."""

from __future__ import annotations


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import in_text_order, make_doc
    return in_text_order(extract(make_doc(text, published)))


def _levels(rec) -> list[str | None]:
    return [m.level for m in rec.meetings]


def test_a_weight_word_may_stand_before_a_relayed_meetings_spirit():
    rec = _rec("3月2日，某某县召开安全生产工作会议，副县长王大明传达了省安全生产工作会议的主要精神。")
    assert "province" in _levels(rec)
    assert any(r.meeting is not None for r in rec.meetings[0].relays)


def test_a_township_relays_the_county_it_calls_its_own_and_a_meeting_cited_as_held():
    rec = _rec("3月22日，杭州市西湖区北山街道召开安全生产专题会。会上，街道党工委副书记王大明传达了3月4日本区召开的"
               "安全生产工作会议精神。")
    assert _levels(rec)[:1] == ["township"] and "county" in _levels(rec)
    county = _rec("3月22日，浙江省安吉县召开安全生产专题会，传达了本县安全生产工作会议精神。")
    assert "county" in _levels(county) and len(county.meetings) == 1  # a county's own word is no level above it


def test_an_act_done_by_the_meetings_participants_is_part_of_it():
    # the meeting's own word lies far back in the sentence: the participants' word alone says it
    rec = _rec("3月2日，某某县召开安全生产工作会议。会议通报了全县一季度安全生产和防灾减灾救灾工作总体情况，县消安办、"
               "县道安办、县水利局、县林业局、县交通局就分管领域工作分别作了汇报，全体参会人员观看了安全生产警示教育片。")
    assert len(rec.meetings) == 1


def test_a_first_meeting_named_by_its_whole_level_sets_the_home_level():
    rec = _rec("1月16日，全市安全生产电视电话会召开，贯彻落实全国、全省安全生产电视电话会精神。")
    assert sorted(lv for lv in _levels(rec)[1:] if lv) == ["national", "province"]


def _relayed_levels(rec, i: int) -> list[str | None]:
    return sorted(rec.meetings[r.meeting].level or "" for r in rec.meetings[i].relays if r.meeting is not None)


def test_a_year_opening_the_watched_meetings_name_does_not_use_up_the_reach_to_its_noun():
    rec = _rec("3月6日，某某县组织收听收看省、市2030年第二季度防范重特大生产安全事故视频会议实况。"
               "会后，副县长王大明讲话。", None)
    assert {"province", "prefecture"} <= set(_levels(rec))


def test_a_meeting_held_joined_to_the_watching_by_ji_is_the_local_meeting_that_relays_it():
    rec = _rec("3月6日，某某县组织收听收看省、市安全生产视频会议暨召开全县第二季度安全生产工作会议，"
               "副县长王大明讲话。", None)
    local = [i for i, m in enumerate(rec.meetings) if m.level == "county"]
    assert len(local) == 1 and _relayed_levels(rec, local[0]) == ["prefecture", "province"]


def test_a_list_of_levels_each_with_its_body_and_a_year_before_it():
    rec = _rec("10月23日，在收听收看2030年省政府、市政府第四季度防范重特大生产安全事故视频会后，某某县政府随即召开"
               "全县会议，县长王大明讲话。", None)
    assert {"province", "prefecture"} <= set(_levels(rec))
    one = _rec("10月23日，某某县委、县政府召开全县安全生产工作会议，县长王大明讲话。", None)
    assert _levels(one) == ["county"]  # two bodies of one level: one meeting, not a list of levels


def test_a_relayed_meeting_of_a_city_the_report_never_names_has_no_level_from_a_township_or_the_city():
    town = _rec("11月5日，某某镇召开安全生产工作会议，镇长王大明传达了市安全生产工作会议精神。", None)
    relayed = [town.meetings[r.meeting] for r in town.meetings[0].relays if r.meeting is not None]
    assert len(relayed) == 1 and relayed[0].level is None  # a prefecture's or a county-level city's
    county = _rec("11月5日，某某县召开安全生产工作会议，县长王大明传达了市安全生产工作会议精神。", None)
    assert "prefecture" in _levels(county)  # above a county, a 市 is a prefecture


def test_a_relay_in_the_sentence_of_a_higher_meeting_held_is_that_meetings():
    text = ("7月2日上午，甲市组织收看全国、全省安全生产电视电话会议。全国安全生产电视电话会议结束后，乙省继续召开会议，"
            "就如何贯彻落实全国安全生产电视电话会议精神提出要求。全省会议结束后，甲市随即召开会议，副市长王大明讲话。")
    rec = _rec(text.replace("甲市", "湖南省长沙市", 1).replace("乙省", "湖南省"))
    by_level = {m.level: i for i, m in enumerate(rec.meetings)}
    province = rec.meetings[by_level["province"]]
    assert [r.meeting for r in province.relays] == [by_level["national"]]


def test_a_sentence_opened_by_relaying_the_watched_meeting_is_the_home_leaders_follow_up():
    text = ("7月2日，全国、全省安全生产电视电话会议先后召开。湖南省长沙市设立分会场，市领导王大明、李小兵在长沙分会场"
            "参加会议。全国安全生产电视电话会议召开后，湖南省继续召开视频会议，部署下半年工作。"
            "就贯彻落实好会议精神，市委副书记、市长王大明强调，要压实责任。")
    rec = _rec(text)
    assert sorted(lv for lv in _levels(rec) if lv) == ["national", "prefecture", "province"]
    home = next(m for m in rec.meetings if m.level == "prefecture")
    assert {p.name: p.role for p in home.participants}["王大明"] == "speaker"
    assert len(home.relays) == 2
    # the home's meeting told at its branch venue already: the sentence is that meeting's, no other one
    told = ("7月2日，全省安全生产电视电话会议召开。湖南省长沙市市长王大明出席长沙分会场并讲话。就贯彻落实好会议精神，"
            "王大明要求，要压实责任。")
    assert sorted(lv for lv in _levels(_rec(told)) if lv) == ["prefecture", "province"]


def test_a_sentence_opened_by_a_watched_meetings_name_says_what_that_meeting_said():
    text = ("7月2日，全国、全省安全生产电视电话会议先后召开。我县设立分会场，县长王大明在分会场参加会议。"
            "全国会议强调，要严格落实安全生产十五条硬措施。\n会后，王大明强调，要压实责任。")
    rec = _rec(text)
    national = next(m for m in rec.meetings if m.level == "national")
    assert [r.directive for r in national.relays] == ["安全生产十五条硬措施"]
    assert not any(r.directive for m in rec.meetings if m.level == "county" for r in m.relays)


def test_a_follow_up_of_a_home_that_calls_itself_wo_shi_and_is_never_named_has_no_level():
    text = ("3月2日，我市组织收听收看全省安全生产电视电话会议。会议结束后，副市长王大明讲话，要求压实责任。")
    rec = _rec(text)
    assert [m.level for m in rec.meetings if m.level != "province"] == [None]
    # the divisions it addresses below it say it is a prefecture
    rec = _rec(text.replace("压实责任", "各区市压实责任"))
    assert [m.level for m in rec.meetings if m.level != "province"] == ["prefecture"]


def test_passing_a_document_down_by_xuanguan_relays_it():
    rec = _rec("3月2日，某某县召开安全生产专题会议。会议要求，各部门要深入宣贯《某某安全生产条例》，压实责任。")
    assert [r.directive for r in rec.meetings[0].relays] == ["某某安全生产条例"]


def test_a_leader_who_speaks_on_a_visit_after_the_watching_holds_no_meeting_at_the_venue():
    text = ("3月2日，省政府召开全省安全生产视频会议，省长王大明主持会议并讲话。某某县领导李小兵、赵一鸣在县分会场收听收看"
            "视频会议。视频会议结束后，李小兵、赵一鸣一行到县应急指挥中心调研指导工作。李小兵强调，要压实责任。")
    rec = _rec(text)
    assert [m.level for m in rec.meetings] == ["province"]
    assert {p.name: p.role for p in rec.meetings[0].participants}["李小兵"] == "attendee"


def test_a_higher_meeting_held_in_a_named_city_is_watched_by_the_venue():
    text = ("2月1日下午，全省安全生产电视电话会议在省城召开，副省长王大明出席并讲话。市委副书记、市长李小兵出席湖南省长沙市"
            "分会场并讲话，副市长赵一鸣在我市分会场收听收看会议。")
    rec = _rec(text)
    province = next(m for m in rec.meetings if m.level == "province")
    assert {p.name: p.role for p in province.participants} == {"王大明": "speaker", "李小兵": "attendee",
                                                               "赵一鸣": "attendee"}


def test_a_month_opening_a_watched_meetings_name_is_no_date_of_it():
    text = ("1月25日，河北省正定县组织收听收看全国安全生产电视电话会议。县长王大明、副县长李小兵收听收看了会议。"
            "随后参会人员一起收看了市政府3月份安全生产工作例会。")
    rec = _rec(text)
    assert sorted(lv for lv in _levels(rec) if lv) == ["national", "prefecture"]


def test_the_venues_meeting_told_again_after_a_meeting_held_above_relays_that_one_too():
    text = ("2月1日，全省安全生产电视电话会议召开。河北省正定县县长王大明在正定分会场参加会议。"
            "全省会议结束后，石家庄市随即召开会议，对安全生产工作进行再部署。会后，王大明要求，要压实责任。")
    rec = _rec(text)
    county = next(m for m in rec.meetings if m.level == "county")
    assert sorted(rec.meetings[r.meeting].level for r in county.relays) == ["prefecture", "province"]


def test_a_teams_meeting_with_the_place_on_arrival_is_held_where_the_team_works():
    text = ("3月2日，省安全生产第三督导组进驻河北省石家庄市，并于当天下午召开见面交流会。督导组组长王大明到会讲话。"
            "市领导李小兵汇报了全市安全生产工作情况。")
    rec = _rec(text)
    assert [(m.level, m.region) for m in rec.meetings] == [("prefecture", "河北省石家庄市")]


def test_a_relayed_meeting_of_the_homes_level_under_another_name_is_a_meeting_of_its_own():
    # another sitting of the home's level (a plenum, a 常务会议) relayed by the report's meeting
    rec = _rec("1月16日，全市安全生产电视电话会召开，贯彻落实全省安全生产电视电话会和市政府第一次常务会议精神。", None)
    assert len(rec.meetings) == 3 and len(rec.meetings[0].relays) == 2
    plenum = _rec("12月30日，浙江省湖州市召开全市煤炭安全生产专题会议，贯彻落实市委五届八次全会精神，部署明年工作。")
    assert _levels(plenum) == ["prefecture", "prefecture"] and plenum.meetings[1].region == "浙江省湖州市"
    assert [r.meeting for r in plenum.meetings[0].relays] == [1]
    # the report's own meeting named again by its level is no other meeting
    own = _rec("1月16日，全市安全生产工作会议召开。会议要求，各地要认真贯彻落实全市安全生产工作会议精神。", None)
    assert len(own.meetings) == 1


def test_a_meeting_of_the_centre_relayed_only_by_the_centres_teleconference_is_its_agenda():
    rec = _rec("1月15日下午，国务院召开全国安全生产电视电话会议。会议学习贯彻了李克强总理重要批示和国务院常务会精神，"
               "部署全年安全生产工作。我州副州长王大明在州分会场出席会议。视频会议结束后，王大明就做好当前安全生产工作作讲话。")
    assert _levels(rec) == ["national", "prefecture"]
    # relayed by a county's own meeting, the same meeting of the centre is one of the report
    county = _rec("3月2日，浙江省安吉县召开安全生产工作会议，传达学习了国务院常务会精神。")
    assert _levels(county) == ["county", "national"] and [r.meeting for r in county.meetings[0].relays] == [1]


def test_the_annual_sessions_named_after_quanguo_are_no_national_scope():
    # `全国两会期间`: the annual sessions of the centre, a time of the province's own meeting, not its scope
    rec = _rec("3月1日，省安委会第一次会议暨全国两会期间安全生产隐患排查整治动员会议召开。副省长王大明主持会议并讲话。", None)
    assert [m.level for m in rec.meetings] == ["province"]


def test_a_meeting_that_watches_keeps_that_relay_beside_one_it_names():
    # `会议集中收看全市某某电视电话会，学习了全省某某会议精神`: the watching said inside the meeting's own report is
    # no mere setting: the meeting relays the one watched and the one named
    rec = _rec("3月5日，某某区召开2030年安委会第二次全体会议。会议集中收看全市安委会电视电话会，"
               "学习了全省安全生产电视电话会议精神。区长王大明讲话。", "2030-03-06")
    assert _relayed_levels(rec, 0) == ["prefecture", "province"]


def test_bodies_of_one_level_joined_before_a_relayed_meeting_name_one_joint_meeting():
    # `市安委会、市减灾委…全体会议精神`, `省委、省政府关于…会议精神`: one meeting of that level, relayed
    rec = _rec("7月8日，浙江省安吉县召开安全生产工作会议。会议传达学习了市安委会、市减灾委2030年第二次全体（扩大）"
               "会议精神。", "2030-07-09")
    assert _levels(rec) == ["county", "prefecture"] and _relayed_levels(rec, 0) == ["prefecture"]
    rec = _rec("1月3日，浙江省安吉县召开安全生产工作会议。会议传达了省委、省政府关于春节期间安全生产工作会议精神。")
    assert _levels(rec) == ["county", "province"] and _relayed_levels(rec, 0) == ["province"]
    # the joint bodies convening the meeting report it as their own, no meeting above it
    held = _rec("1月3日，省委、省政府立即召开会议，部署安全生产工作。省长王大明讲话。")
    assert _levels(held) == ["province"]


def test_a_topic_opened_by_guanyu_runs_over_its_own_list_marks_to_the_meeting_noun():
    # `省政府关于元旦、春节期间…会议精神`: the 、 lists the topic's days, not meetings
    rec = _rec("1月3日，浙江省安吉县召开安全生产工作会议。会议传达了省政府关于元旦、春节期间安全生产工作会议精神。")
    assert _levels(rec) == ["county", "province"] and _relayed_levels(rec, 0) == ["province"]


def test_a_relayed_list_of_levels_named_before_names_the_same_meetings_by_any_noun():
    # `全国、全省、全市…电视电话会议召开后…贯彻落实国家、省、市…工作会议精神`: the meetings watched, not three more
    rec = _rec("1月11日上午，全国、全省、全市安全生产电视电话会议召开后，浙江省安吉县紧接着召开全县安全生产工作会议。"
               "会议指出，要坚决贯彻落实国家、省、市关于安全生产、消防工作会议精神。")
    assert sorted(lv or "" for lv in _levels(rec)) == ["county", "national", "prefecture", "province"]


def test_a_meeting_noun_before_a_manner_word_says_how_another_meeting_is_held():
    # `以电视电话会议形式召开X大会`: the meeting held is X大会, a teleconference by manner, not one named …电视电话会议
    rec = _rec("5月6日下午，省委、省政府以电视电话会议形式召开某某事故警示教育大会，省长李大明讲话。")
    names = [m.name for m in rec.meetings]
    assert names == ["某某事故警示教育大会"], names
    rec = _rec("5月6日，某某县通过视频会议方式召开全县防汛工作会议，县长王小明讲话。")
    assert [m.name for m in rec.meetings] == ["全县防汛工作会议"], [m.name for m in rec.meetings]


def test_a_deployment_right_after_a_named_national_meeting_is_the_homes_follow_up():
    # `全国某某电视电话会议后，省长甲就全省工作进行部署`, with no watching said: the province's follow-up relays it
    rec = _rec("11月5日上午，全国安全生产电视电话会议后，省委副书记、省长李大明就我省安全生产工作进行部署。"
               "他强调，要把思想统一到全国会议要求上来。", "2021-11-05")
    levels = _levels(rec)
    assert sorted(lv or "" for lv in levels) == ["national", "province"], levels
    local = next(m for m in rec.meetings if m.level == "province")
    assert local.date == "2021-11-05" and [r.meeting for r in local.relays] == [levels.index("national")]


def test_a_lead_paragraph_told_twice_word_for_word_is_one_follow_up():
    lead = "11月5日上午，全国安全生产电视电话会议后，省长李大明就我省安全生产工作进行部署。"
    rec = _rec(lead + "\n\n李大明讲话。\n\n" + lead + "他强调，要压实责任。副省长王小明参加。", "2021-11-05")
    assert sorted(lv or "" for lv in _levels(rec)) == ["national", "province"], _levels(rec)


def test_a_list_of_levels_holding_follow_ups_gives_the_reports_own_level_its_meeting():
    # `国务院会议结束后，省、市、县接着召开会议` in a county's report: one meeting per level, the county's too
    rec = _rec("12月2日下午，国务院安委会召开某某专题视频会议，部署某某工作。浙江省安吉县设分会场。国务院会议结束后，"
               "省、市、县接着召开会议，贯彻落实国务院某某专题视频会议精神。副县长王大明要求各单位落实责任。",
               "2021-12-03")
    assert sorted(lv or "" for lv in _levels(rec)) == ["county", "national", "prefecture", "province"], _levels(rec)


def test_a_follow_up_named_in_a_relative_clause_that_speaks_is_held():
    # `随后召开的全市贯彻落实会议强调…`: held right after the meeting before, relaying it; not a cited meeting
    rec = _rec("11月20日下午，省委、省政府召开某某警示教育大会。随后召开的全市贯彻落实会议强调，要压实责任。",
               "2021-11-21")
    assert len(rec.meetings) == 2, [(m.name, m.level) for m in rec.meetings]
    assert [r.meeting for r in rec.meetings[1].relays] == [0]
    cited = _rec("3月2日，某某县召开安全生产工作会议，传达了省政府召开的全省会议精神。", "2021-03-03")
    assert "全省会议" not in [m.name for m in cited.meetings]


def test_a_county_report_saying_whole_city_speaks_of_the_prefecture_above():
    # a 县's report (`我县`) naming a `全市…会议` held after the watched one speaks of its city, a prefecture, not of
    # the county itself; a 市's report (`我市`) saying `全市` speaks of itself
    rec = _rec("我县组织收看某某警示教育大会\n11月20日下午，省委、省政府召开某某警示教育大会。县领导王大明、李小红等在"
               "县分会场收听收看会议。随后召开的全市贯彻落实会议强调，要压实责任。", "2021-11-21")
    assert _levels(rec) == ["province", "prefecture"], [(m.name, m.level) for m in rec.meetings]
    city = _rec("我市组织收看某某警示教育大会\n11月20日下午，省委、省政府召开某某警示教育大会。随后召开的全市贯彻落实会议"
                "强调，要压实责任。", "2021-11-21")
    assert "prefecture" not in _levels(city), _levels(city)


def test_the_homes_level_relayed_by_another_topic_is_another_meeting():
    # `全国、全省…会议精神` in a province's report of another meeting: the province's relayed sitting is listed too
    rec = _rec("3月1日，四川省召开省安委会专业委员会第一次会议，传达学习全国、全省安全生产视频会议精神。", "2021-03-02")
    assert sorted(lv or "" for lv in _levels(rec)) == ["national", "province", "province"], _levels(rec)
    assert len(rec.meetings[0].relays) == 2
    # a relayed meeting of the home's level on another topic is not the report's own one, held after it
    held = _rec("为贯彻落实全国安全生产工作会议和全省经济工作会议精神，3月26日，浙江省安全生产工作会议在杭州召开。",
                "2021-03-27")
    assert sorted(lv or "" for lv in _levels(held)) == ["national", "province", "province"], _levels(held)
    own = next(m for m in held.meetings if m.date)
    assert own.name == "浙江省安全生产工作会议" and len(own.relays) == 2
    # the report's own meeting relayed by its name again is no other one
    same = _rec("3月1日，四川省召开全省安全生产视频会议，传达学习全国、全省安全生产视频会议精神。", "2021-03-02")
    assert sorted(lv or "" for lv in _levels(same)) == ["national", "province"], _levels(same)


def test_a_relay_said_at_a_silent_venue_is_the_watched_meetings():
    # nobody of the county speaks at its venue: `会议强调` is the province's meeting, which relays the national one
    rec = _rec("3月5日，省政府召开全省安全生产电视电话会议。县领导王大明在某某县分会场参加会议。"
               "会议强调，要全面落实全国安全生产电视电话会议精神。"
               "会后，我县召开安全生产工作部署会，县长王大明要求，要压实责任。")
    levels = _levels(rec)
    province, national = levels.index("province"), levels.index("national")
    assert [r.meeting for r in rec.meetings[province].relays] == [national]


def test_a_higher_meeting_heard_is_watched_and_the_follow_up_is_the_homes():
    rec = _rec("3月5日，浙江省安吉县组织收听收看了全国安全生产电视电话会议，县长王大明出席会议。会议听取了国务院和省安全生产工作"
               "会议，副省长李小红就落实国务院会议精神做了重要讲话。会后，县长王大明就落实国务院和省会议精神强调，要压实责任。")
    levels = _levels(rec)
    assert sorted(lv for lv in levels if lv) == ["county", "national", "province"]
    county = rec.meetings[levels.index("county")]
    assert sorted(r.meeting for r in county.relays) == sorted([levels.index("national"), levels.index("province")])
    assert [p.name for p in county.participants if p.role == "speaker"] == ["王大明"]


def test_an_incidents_place_told_twice_is_not_the_home_and_my_city_is_below_my_province():
    text = ("为吸取苏州“7·28”爆炸事故的教训，8月5日省政府召开全省安全生产大检查电视电话会议，副省长李小红讲话。"
            "会议指出，苏州“7·28”爆炸事故发生在我省，教训深刻。全省电视电话会议结束后，王大明要求我市各企业认真吸取教训。")
    rec = _rec(text)
    assert [(m.level, m.region) for m in rec.meetings] == [("province", "江苏省"), (None, None)]
    assert [r.meeting for r in rec.meetings[1].relays] == [0]


def test_meetings_listed_with_documents_before_one_spirit_are_relayed():
    rec = _rec("11月27日，浙江省安吉县召开安全生产工作会议，传达学习了中央、省、市有关会议和文件精神。")
    assert sorted(lv for lv in _levels(rec) if lv) == ["county", "national", "prefecture", "province"]
    assert len(rec.meetings[0].relays) == 3


def test_a_tv_meeting_is_a_teleconference_watched():
    rec = _rec("5月31日上午，我市组织收听收看了全省安全生产紧急电视会。全省会议结束后，副市长王大明就我市安全生产工作提出要求。")
    assert [(m.level, m.date) for m in rec.meetings] == [(None, "2020-05-31"), ("province", "2020-05-31")]
    assert rec.meetings[1].kind == "teleconference" and [r.meeting for r in rec.meetings[0].relays] == [1]


def test_my_citys_branch_venue_is_not_the_named_province():
    rec = _rec("8月5日，河北省召开安全生产电视电话会议，市长王大明在我市分会场参加会议。"
               "就贯彻落实上级会议精神，王大明指出，要压实责任。")
    assert rec.meetings[0].level == "province"
    assert all(m.region != "河北省" for m in rec.meetings[1:]) and len(rec.meetings) == 2


def test_a_papers_own_dateline_breaks_a_tie_for_the_home():
    rec = _rec("全省安全生产视频会议(厦门最新新闻)召开\n本报济南2月23日讯 今天下午，省政府召开全省安全生产紧急视频会议。")
    assert [(m.level, m.region) for m in rec.meetings] == [("province", "山东省")]


def test_the_spirit_of_a_speech_given_at_a_meeting_relays_that_meeting():
    rec = _rec("3月2日，某某市政府召开第8次常务会议，传达学习甲同志2月16日在中央政治局常务委员会会议上的重要讲话精神。")
    assert [(m.level, m.date) for m in rec.meetings] == [(None, "2021-03-02"), ("national", "2021-02-16")]
    assert [r.meeting for r in rec.meetings[0].relays] == [1]
    rec = _rec("3月2日，某某县召开安全生产工作会议，传达学习乙书记在省委常委会上关于防汛工作的讲话精神。")
    assert "province" in _levels(rec) and [r.meeting for r in rec.meetings[0].relays] == [1]


def test_dates_listed_before_one_relayed_meeting_noun_are_one_sitting_each():
    rec = _rec("3月2日，某某区政府召开第5次常务会议，传达学习了1月6日、2月22日国务院常务会议精神。")
    assert sorted((m.level, m.date) for m in rec.meetings[1:]) == [("national", "2021-01-06"),
                                                                   ("national", "2021-02-22")]
    assert sorted(r.meeting for r in rec.meetings[0].relays) == [1, 2]


def test_a_relayed_meeting_of_the_homes_level_by_another_kind_is_another_sitting():
    # dated with 号; `省安委会全会` is no name of the province's own teleconference
    rec = _rec("3月9日，某某省安委会召开全省安全生产紧急视频会议，学习贯彻3月5号省安委会全会精神。")
    assert [(m.level, m.date) for m in rec.meetings] == [("province", "2021-03-09"), ("province", "2021-03-05")]
    assert [r.meeting for r in rec.meetings[0].relays] == [1]


def test_one_relayed_list_names_each_meeting_once():
    rec = _rec("3月2日，某某县召开安委会全体会议，传达学习了全国、全省危化品安全紧急视频会议及全国、全省安全生产工作视频会议主要精神。")
    assert sorted(lv for lv in _levels(rec)[1:]) == ["national", "national", "province", "province"]
    assert len(rec.meetings[0].relays) == 4


def test_the_leaders_of_listed_levels_spoke_at_their_meetings():
    # the spirit of their speeches relays a meeting of each level, not the report's own meeting
    rec = _rec("3月2日，浙江省安吉县应急管理局召开安全生产专题会议，传达学习了省市县领导安全生产会议上的讲话精神。")
    assert sorted(lv for lv in _levels(rec)[1:]) == ["county", "prefecture", "province"]


def test_a_relayed_meeting_listed_after_a_document_title_is_relayed():
    rec = _rec("3月2日，某某市政府召开常务会议，会议传达学习了《某某省安委办关于一季度事故情况的通报》，，省交通运输厅"
               "春运期间道路运输安全重点工作部署视频会精神。")
    assert "province" in _levels(rec) and any(r.meeting is not None for r in rec.meetings[0].relays)


def test_the_annual_sessions_relayed_are_a_sitting_of_their_level_but_not_as_a_period():
    rec = _rec("3月12日，某某县召开县委常委会会议，传达学习全国两会精神和省“两会”精神。")
    assert sorted(lv for lv in _levels(rec)[1:]) == ["national", "province"]
    rec = _rec("3月2日，某某县召开安全生产工作会议，部署全国两会期间安全防范工作。")
    assert len(rec.meetings) == 1


def test_the_work_demands_of_a_meeting_relay_it():
    rec = _rec("3月2日，浙江省安吉县召开安全生产工作会议，要求贯彻落实1月1日省委省政府紧急会议的工作要求。")
    assert [(m.level, m.date) for m in rec.meetings] == [("county", "2021-03-02"), ("province", "2021-01-01")]
    assert [r.meeting for r in rec.meetings[0].relays] == [1]


def test_a_document_listed_after_a_relayed_spirit_is_relayed_by_the_lists_verb():
    rec = _rec("3月2日，浙江省安吉县召开安全生产工作会议，会议传达学习了上级重要讲话精神，《浙江省安委办关于一季度事故情况的"
               "通报》，省交通运输厅春运部署视频会精神。")
    assert "浙江省安委办关于一季度事故情况的通报" in [r.directive for r in rec.meetings[0].relays]


def test_the_count_of_listed_levels_is_no_part_of_their_meetings_names():
    rec = _rec("4月8日，浙江省安吉县召开安全生产工作会议，会议传达贯彻落实省、市两级安全生产工作会议精神。")
    assert [m.name for m in rec.meetings[1:]] == ["省安全生产工作会议", "市安全生产工作会议"]


def test_a_document_named_with_dui_before_a_light_verb_and_a_relay_verb_is_relayed():
    # `会议对《某规定》（以下简称《规定》）进行了深入解读`: the document is the object of 对, relayed by the verb after
    text = ("3月8日，甲市召开全市安全生产工作会议。会议对《乙丙领导干部安全生产责任制规定》（以下简称《规定》）"
            "进行了深入解读，副市长丁某主持会议。")
    rec = _rec(text)
    relayed = [r.directive for m in rec.meetings for r in m.relays if r.directive]
    assert relayed == ["乙丙领导干部安全生产责任制规定"]


def test_a_document_only_discussed_with_dui_is_not_relayed():
    text = "3月8日，甲市召开全市安全生产工作会议。会议对《乙丙领导干部安全生产责任制规定》的修订提出意见。"
    rec = _rec(text)
    assert not [r.directive for m in rec.meetings for r in m.relays if r.directive]


def test_a_follow_up_session_after_the_branch_venue_relays_the_watched_meeting():
    # `会后，` / `视频会议结束后，` opens the follow-up though who watched at the branch venue is told between, and a
    # branch venue where nobody chairs or speaks is no meeting of the home: the 续会 held after it is
    for held in ("续会", "全县安全生产工作会议"):
        rec = _rec("5月8日，某某县组织收听收看全国安全生产电视电话会议，部署当前工作。副县长王大明、李小红及有关部门负责人"
                   f"在县分会场收听收看会议。视频会议结束后，我县继续召开{held}，县长赵建国就贯彻落实会议精神作出安排部署。")
        local = [m for m in rec.meetings if m.level == "county"]
        assert len(local) == 1 and local[0].date and local[0].date.endswith("05-08"), held
        assert any(r.meeting is not None and rec.meetings[r.meeting].level == "national" for r in local[0].relays), held


def test_a_meeting_relays_no_spirit_of_its_own_level_word_but_an_earlier_meetings():
    # `全省某某分析会…会议传达了全国、全省安全生产会议精神`: the 全省 meeting relayed is another, earlier one
    rec = _rec("9月5日，2021年第三季度全省燃气行业安全生产形势分析会在某某市召开。某某省住房城乡建设厅副厅长王大明出席会议"
               "并讲话。会议传达了全国、全省安全生产会议精神，通报了全省燃气行业安全生产形势。")
    assert sorted(str(lv) for lv in _levels(rec)) == ["national", "province", "province"]
    own = next(m for m in rec.meetings if m.date)
    assert sorted(rec.meetings[r.meeting].level for r in own.relays if r.meeting is not None) == [
        "national", "province"]
    # a branch venue's sitting relays the home level's emergency meeting held before, not itself
    venue = _rec("今天下午，全国安全生产电视电话会议召开。在浙江省举行的分会场会议要求，贯彻落实全国安全生产电视电话会议的"
                 "重要部署和3月1日省委省政府紧急会议的工作要求。")
    assert sorted(str(lv) for lv in _levels(venue)) == ["national", "province", "province"]
    # the report's own meeting named again by its name is still itself
    again = _rec("3月2日，某某省召开全省安全生产工作会议，副省长王大明出席会议并讲话。会议要求，各地要认真传达全省安全生产工作"
                 "会议精神，抓好落实。")
    assert _levels(again) == ["province"]


def test_levels_listed_inside_a_documents_title_name_no_relayed_meeting():
    # `传达了《国家、省、市安全生产会议精神及贯彻落实意见》`: a document's title, not three meetings relayed
    rec = _rec("5月6日，某某县政府召开第十次常务会议。会议传达了《国家、省、市安全生产会议精神及贯彻落实意见》，审议了有关议题。")
    assert len(rec.meetings) == 1 and [r.directive for r in rec.meetings[0].relays] == [
        "国家、省、市安全生产会议精神及贯彻落实意见"]


def test_meetings_held_by_a_plural_of_unnamed_places_are_none_of_the_reports():
    # `之后，多个省份先后召开…紧急会议`: many meetings of places the report does not name, none it can list
    rec = _rec("6月3日，某某省政府召开全省安全生产紧急会议，副省长王大明出席会议并讲话。之后，多个省份先后召开省内安全工作"
               "紧急会议，各地也相继召开专题会议部署排查整治。")
    assert len(rec.meetings) == 1


def test_a_study_session_named_by_the_document_it_studies_relays_it():
    # `召开《某条例》宣讲会`: the session's name says what it passes on
    text = "4月9日，甲市应急管理局在乙公司召开《丙省危险货物运输安全条例》宣讲会，副局长丁某作辅导。"
    relayed = [r.directive for m in _rec(text).meetings for r in m.relays if r.directive]
    assert relayed == ["丙省危险货物运输安全条例"]


def test_a_document_taken_in_hand_in_the_meetings_purpose_clause_is_relayed():
    # `为…，抓好《某意见》（以下简称《意见》）的实施，…，某日…会在某地召开`
    text = ("为抓好《甲乙关于加强丙类场所安全管理的意见》（以下简称《意见》）的实施，3月12日，"
            "全县丙类场所安全工作推进会在丁镇召开。")
    relayed = [r.directive for m in _rec(text).meetings for r in m.relays if r.directive]
    assert relayed == ["甲乙关于加强丙类场所安全管理的意见"]


def test_a_list_of_levels_holding_follow_up_sessions_holds_the_homes_one_too():
    # `会后，甲市、乙市两级召开续会` in 乙市's report (a county-level city): one 续会 per level named, the home's with it
    rec = _rec("宜都讯 19日下午，全省安全生产电视电话会议召开。宜都市常务副市长王大明在宜都分会场参加会议。"
               "会后，宜昌、宜都两级召开续会，就贯彻落实省政府会议部署提出具体要求。", published="2020-01-21")
    assert sorted((m.level, m.region, m.date) for m in rec.meetings if m.level != "province") == [
        ("county", "湖北省宜昌市宜都市", "2020-01-19"), ("prefecture", "湖北省宜昌市", "2020-01-19")]


def test_a_name_joined_by_ji_is_one_sitting_of_one_body_not_a_list_of_levels():
    # `甲市召开…电视电话会议暨市安委会成员单位会议` in a county-level city's report: the 市 of the joined name is 甲市's
    rec = _rec("宜都讯 28日下午，宜昌市召开安全生产电视电话会议暨市安委会成员单位会议。宜昌市副市长李小明出席主会场并讲话。"
               "宜都市副市长王大明出席宜都分会场。", published="2019-12-29")
    assert [(m.level, m.region) for m in rec.meetings][0] == ("prefecture", "湖北省宜昌市")


def test_documents_studied_in_a_list_are_relayed_past_marks_and_words_inside_their_titles():
    # a title may hold a clause mark (a page's `>;` left of an inner title's bracket) or the words of a meeting
    # ended (`《某某同志在某某会议结束后的讲话精神》`): neither ends the list the meeting studied, nor opens a meeting
    rec = _rec("3月4日，某某市组织召开火灾事故警示教育视频会议。应急管理局局长王大明主持会议并讲话。\n"
               "会议集体学习了《某某法》、《某某办公厅印发<关于甲乙的意见>;的通知》、《某某同志在全国某某会议结束后的"
               "讲话精神》、《某某办公室印发<关于丙丁的通知>;》，通报了火灾事故情况。")
    assert len(rec.meetings) == 1
    relayed = {r.directive for r in rec.meetings[0].relays}
    assert {"某某法", "某某同志在全国某某会议结束后的讲话精神", "某某办公室印发<关于丙丁的通知>;"} <= relayed


def test_a_level_word_after_a_relayed_speech_or_spirit_opens_the_next_item_of_the_list():
    # `学习了某某同志在某某班上的讲话、省“两会”精神`: an item of a list relayed ends with its spirit or a speech; the
    # level word after its `、` opens a meeting of that level
    rec = _rec("2月10日，某某州政府召开第5次常务会议。会前，与会人员集中学习了某某同志在某某研讨班上的讲话、省“两会”精神"
               "和《某某管理办法》等。", "2030-02-11")
    assert "province" in _levels(rec)
    rec = _rec("2月10日，某某州政府召开第5次常务会议，传达了上级文件精神、省安委会全体会议精神。", "2030-02-11")
    assert "province" in _levels(rec)


def test_a_run_of_titles_object_of_jiu_is_relayed_by_the_verb_after_de():
    # `就《甲》《乙》的贯彻落实提出要求`: the titles are the object of 就, their 贯彻落实 the relay
    rec = _rec("3月5日，某某市召开矿山安全生产工作会议。会上，某某局局长王大明就《关于甲乙的意见》《某某硬措施》"
               "《某某条例》的贯彻落实提出具体要求。")
    assert {r.directive for r in rec.meetings[0].relays} == {"关于甲乙的意见", "某某硬措施", "某某条例"}
    # a title named in passing is not: `就《某某条例》修订情况作了说明`
    rec = _rec("3月5日，某某市召开矿山安全生产工作会议。会上，某某局局长王大明就《某某条例》修订情况作了说明。")
    assert not [r for r in rec.meetings[0].relays if r.directive]
