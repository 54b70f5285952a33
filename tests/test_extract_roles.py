"""Genre rules for persons, titles and participation on real reports (issue 16): roles stated once for a
group, chairs and speakers named before their post, addresses by surname or given name, names a page's
typesetting splits. Each on a made-up sentence of the genre."""

from __future__ import annotations

from graph_loader.extract.persons import find_persons


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, published))


def _roles(rec) -> dict[str, str]:
    return {p.name: p.role for m in rec.meetings for p in m.participants}


def _titles(rec) -> dict[str, list[str]]:
    return {p.name: p.titles for p in rec.persons}


def test_a_group_that_attends_and_speaks_shares_the_speakers_role():
    rec = _rec("3月9日,市政府召开安全生产工作会议。副市长王大海、李小兵,市政府秘书长赵一鸣等出席会议并讲了话。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker", "赵一鸣": "speaker"}


def test_an_attendance_intro_naming_the_level_of_its_leaders_covers_the_names_after_it():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长孙立国主持会议。出席会议的县领导有:王大海、李小兵、张三丰。")
    assert _roles(rec) == {"孙立国": "chair", "王大海": "attendee", "李小兵": "attendee", "张三丰": "attendee"}


def test_a_passive_chair_named_before_the_post():
    rec = _rec("3月9日,省政府召开全省安全生产电视电话会议。会议由王大海副省长主持,李小兵省长出席会议并讲话。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}
    assert _titles(rec)["王大海"] == ["副省长"]


def test_names_before_their_posts_in_a_list_are_each_read():
    rec = _rec("3月9日,市政府召开安全生产工作会议。李小兵市长、王大海副市长出席会议并讲话。")
    assert _roles(rec) == {"李小兵": "speaker", "王大海": "speaker"}
    rec = _rec("3月9日,县政府召开安全生产工作会议。王大海同志主持会议,李小兵同志、张三丰同志出席会议。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "attendee", "张三丰": "attendee"}


def test_a_surname_and_a_post_is_no_name():
    names = [m.name for m in find_persons("副县长李小兵主持会议。会上,李副县长通报情况。")]
    assert names == ["李小兵", "李小兵"]


def test_a_person_addressed_by_surname_and_post_is_the_one_titled_person_of_that_surname():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海、副县长李小兵出席会议。会上,王县长强调,要抓好安全。"
               "李县长通报了情况。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker"}
    # the very post wins over a deputy's
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海、副县长王小兵出席会议。会上,王县长强调,要抓好安全。")
    assert _roles(rec) == {"王大海": "speaker", "王小兵": "attendee"}
    # two deputies of one surname: nobody is meant for sure
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海、副县长王小兵出席会议。会上,王县长强调,要抓好安全。")
    assert _roles(rec) == {"王大海": "attendee", "王小兵": "attendee"}


def test_a_leading_group_post_in_a_chain_is_a_title():
    rec = _rec("3月9日,县政府召开防汛工作会议。县防汛抗旱指挥部指挥长、县长王大海主持会议,副指挥长、副县长李小兵讲话。")
    assert _titles(rec) == {"王大海": ["县防汛抗旱指挥部指挥长", "县长"], "李小兵": ["副指挥长", "副县长"]}
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}


def test_a_space_after_the_surname_of_a_name_after_a_post():
    assert [m.name for m in find_persons("副县长王 大海主持会议。")] == ["王大海"]
    assert [m.name for m in find_persons("副县长王 刚出席会议。")] == ["王刚"]
    assert [m.name for m in find_persons("县领导王 刚、李小兵出席会议。")] == ["王刚", "李小兵"]


def test_a_person_named_after_the_follow_up_marker_is_only_the_follow_ups():
    rec = _rec("5月18日,市应急局组织收看省安全生产电视电话会议。省会议后,市应急管理局局长王大海主持召开我市贯彻落实会议。")
    by_level = {m.level: {p.name: p.role for p in m.participants} for m in rec.meetings}
    assert by_level["province"] == {}
    # a home that calls itself 我市 and is never named: the follow-up's level is not said
    assert by_level[None] == {"王大海": "chair"}


def test_a_pronoun_opening_a_sentence_speaks_for_the_one_person_named_before():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议。他在讲话中指出,要抓好安全。")
    assert _roles(rec) == {"王大海": "speaker"}
    # two persons before it: nobody is meant for sure
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长李小兵主持会议,县长王大海出席会议。她要求,要抓好安全。")
    assert _roles(rec) == {"李小兵": "chair", "王大海": "attendee"}


def test_praise_and_saying_are_speech():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海对全县安全生产工作给予充分肯定。")
    assert _roles(rec) == {"王大海": "speaker"}
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议。会上,王大海说,今年以来全县形势平稳。")
    assert _roles(rec) == {"王大海": "speaker"}


def test_a_cue_in_a_later_clause_whose_subject_is_still_the_name():
    for text in ("县长王大海出席会议,并对全县安全生产工作作出部署。", "县长王大海出席会议,对全县安全生产工作提出要求。",
                 "县长王大海就贯彻落实会议精神,做好当前安全生产工作,作出安排部署。"):
        assert _roles(_rec("3月9日,县政府召开安全生产工作会议。" + text)) == {"王大海": "speaker"}, text
    # a clause with a subject of its own is another person's
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议,副县长李小兵对安全生产工作作出部署。")
    assert _roles(rec) == {"王大海": "attendee", "李小兵": "speaker"}
    # a clause not continuing the name's does not carry its cue back
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议,会议对安全生产工作作出部署。")
    assert _roles(rec) == {"王大海": "attendee"}


def test_a_listed_name_opening_with_a_places_short_form_is_a_name_not_a_place():
    rec = _rec("9月29日,县政府召开安全生产视频会,县政府领导孙一、李向东、罗平山、赵金海出席会议。")
    assert [p.name for p in rec.persons] == ["孙一", "李向东", "罗平山", "赵金海"]
    assert rec.regions == []


def test_a_bracketed_qualifier_after_a_post_stands_before_the_name():
    rec = _rec("9月29日,县委常委、副县长(常务)王大海主持召开县安委会全体会议。")
    assert _roles(rec) == {"王大海": "chair"}
    assert _titles(rec)["王大海"] == ["县委常委", "副县长"]


def test_a_conjunction_joins_the_last_name_of_a_list_after_a_post():
    rec = _rec("3月9日,市政府召开安全生产工作会议。副市长王大海和李小兵出席会议。")
    assert _titles(rec) == {"王大海": ["副市长"], "李小兵": ["副市长"]}
    assert _roles(rec) == {"王大海": "attendee", "李小兵": "attendee"}
    # a post after the conjunction starts a person of its own
    rec = _rec("3月9日,市政府召开安全生产工作会议。市长王大海和副市长李小兵出席会议。")
    assert _titles(rec) == {"王大海": ["市长"], "李小兵": ["副市长"]}


def test_a_name_after_a_post_is_read_before_the_adverbs_and_verbs_of_the_genre():
    for rest in ("最后讲话。", "实地查看了企业。", "分析了当前形势。", "认为,形势平稳。", "同时要求,要抓好安全。",
                 "着重强调,要抓好安全。", "看望慰问了一线人员。", "回顾了去年工作。"):
        assert [m.name for m in find_persons("县长王大海" + rest)] == ["王大海"], rest


def test_more_words_of_speaking_and_attending():
    for rest, role in (("讲了三点意见。", "speaker"), ("出席会议并作重要指示。", "speaker"), ("领读了安全生产法。", "speaker"),
                       ("到会指导。", "attendee")):
        rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海" + rest)
        assert _roles(rec) == {"王大海": role}, rest


def test_a_bare_name_opening_a_clause_before_a_chair_or_speech_verb():
    rec = _rec("3月9日,县政府召开安全生产工作会议。王大海主持会议。李小兵强调,要抓好安全。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}
    # a body before the verb is no name
    for body in ("安委会", "区安委", "国资委", "党工委", "区领导", "文件"):
        assert find_persons("会上," + body + "强调,要抓好安全。") == [], body


def test_a_long_undotted_name_in_a_list_keeps_the_list_going():
    assert [m.name for m in find_persons("县领导王大海、李小兵、阿不都热合曼、张三丰出席会议。")] == [
        "王大海", "李小兵", "阿不都热合曼", "张三丰"]
    assert [m.name for m in find_persons("州领导王大海、扎西次仁、李小兵出席会议。")] == ["王大海", "扎西次仁", "李小兵"]
    # a group of people is no name
    for group in ("特邀嘉宾", "新闻媒体记者", "各有关单位负责人", "驻县单位"):
        assert [m.name for m in find_persons("县领导王大海、李小兵、" + group + "出席。")] == ["王大海", "李小兵"], group


def test_an_assistant_to_a_county_head_is_a_post():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县法院院长赵一鸣,县长助理孙小明出席会议。")
    assert _titles(rec) == {"赵一鸣": ["县法院院长"], "孙小明": ["县长助理"]}


def test_leaders_listed_by_name_take_the_cue_of_a_later_clause_about_them():
    rec = _rec("5月15日,市政府召开安全生产会议。副市长王大海主持会议,市领导李小兵、张三丰出席会议。"
               "与会市领导就各自分管领域安全生产工作进行点评。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker", "张三丰": "speaker"}
    # leaders of another level are other people
    rec = _rec("5月15日,县政府召开安全生产会议。县领导李小兵、张三丰出席会议。省领导对此作出部署。")
    assert _roles(rec) == {"李小兵": "attendee", "张三丰": "attendee"}


def test_praise_after_a_name_speaks_and_closes_the_name():
    rec = _rec("3月9日,督导组召开反馈会。督导组组长刘大海肯定了我市的工作成效,并就下一步工作提出要求。")
    assert _roles(rec) == {"刘大海": "speaker"}
    assert _titles(rec) == {"刘大海": ["督导组组长"]}


def test_a_national_leader_cited_by_name_alone_in_a_fixed_phrase_is_a_person_without_title():
    rec = _rec("3月9日,县政府召开安全生产会议。会议强调,要在以习近平同志为核心的党中央坚强领导下做好工作。")
    assert [(p.name, p.titles) for p in rec.persons] == [("习近平", [])]
    assert _roles(rec) == {}
    assert find_persons("坚持以新时代中国特色社会主义思想为指引。") == []
    # the name of a doctrine cites no one
    rec = _rec("3月9日,县政府召开安全生产会议。会议强调,要坚持以习近平新时代中国特色社会主义思想为指导。")
    assert rec.persons == []


def test_a_title_joined_to_a_post_before_it_keeps_its_body_and_the_chain():
    rec = _rec("1月11日,省政府召开考核反馈会。国务院安委会第六考核组组长、农业部总畜牧师马大海向省政府反馈考核意见。")
    assert _titles(rec)["马大海"] == ["考核组组长", "农业部总畜牧师"]
    rec = _rec("4月28日,在考核巡查组成员、应急部调查统计司一级巡视员李大海带领下,考核巡查组召开座谈会。")
    assert _titles(rec)["李大海"] == ["考核巡查组成员", "应急部调查统计司一级巡视员"]


def test_a_name_before_the_light_verb_written_zuo_keeps_its_posts():
    # the genre writes `作` as `做` too (`常务副县长甲做重要讲话`): the name ends before either
    rec = _rec("3月9日,县政府召开安全生产紧急会议。县委常委、常务副县长王大海做重要讲话。")
    assert _titles(rec)["王大海"] == ["县委常委", "常务副县长"]
    assert _roles(rec) == {"王大海": "speaker"}


def test_leaders_who_entrust_another_are_named_and_not_at_the_meeting():
    # `受X书记、Z主席委托，Y出席`: X and Z are persons of the story (addressed by post), Y stands in for them
    rec = _rec("3月9日,自治区召开考核巡查反馈会。受王大海书记、赵一鸣主席委托,自治区常务副主席李小兵出席会议并表态发言。")
    assert _roles(rec) == {"李小兵": "speaker"}
    assert {"王大海", "赵一鸣"} <= set(_titles(rec))


def test_what_a_leader_says_on_a_visit_is_said_at_no_meeting():
    # `X在检查督导中强调`, `X在调研时指出`: the words of a visit after the meeting, not of the meeting
    for said in ("王大海市长在检查督导中强调", "市长王大海在调研时指出"):
        rec = _rec("3月9日,市政府召开安全生产会议,副市长李小兵主持。会后,市长王大海带队到某某街道检查。"
                   + said + ",要压实责任。")
        assert _roles(rec) == {"李小兵": "chair"}, said
    rec = _rec("3月9日,市政府召开安全生产会议,副市长李小兵主持。市长王大海在会上强调,要压实责任。")
    assert _roles(rec) == {"李小兵": "chair", "王大海": "speaker"}


def test_a_title_chain_does_not_run_back_over_a_national_leaders_name_and_title():
    # `某某总书记、某某总理,省委书记乙`: the national leaders' titles follow their names; 乙's chain starts after the `,`
    text = "学习了习近平总书记、李克强总理,省委书记王大海、代省长赵一鸣关于安全生产工作的重要指示批示。"
    assert {m.name: [t.full for t in m.titles] for m in find_persons(text)}["王大海"] == ["省委书记"]


def test_a_four_character_name_after_a_post_ends_before_zai():
    # `市长某某某某在…上的批示`: `在` opens where the leader acted, as a role verb closes the name
    text = "会上传达了市委副书记、市长桑杰多吉在某某工作报告上的批示要求。"
    assert {m.name: [t.full for t in m.titles] for m in find_persons(text)} == {"桑杰多吉": ["市委副书记", "市长"]}
    assert [m.name for m in find_persons("县长李明在会上强调。")] == ["李明"]


def test_a_national_leaders_instruction_cited_after_the_title_gives_no_role():
    rec = _rec("3月9日,全国安全生产电视电话会议召开。会议要求认真学习贯彻习近平总书记重要指示精神,"
               "按照李克强总理批示要求,抓好各项措施落实。")
    assert _roles(rec) == {}


def test_a_local_leaders_instruction_cited_in_its_other_shapes_gives_no_role():
    # named again by an acting post, quoted, where it was written, made (`作出批示`)
    for cited in ("省长王大海作出批示。会议传达了王大海代省长批示要求,",
                  "会议要求贯彻王大海书记“三个必须”指示要求,",
                  "会议传达学习了县长王大海在某某通知上的批示精神,",
                  "省委书记王大海作出批示,",
                  # the names close with the group they belong to (`甲、乙等市领导关于…的指示要求`)
                  "为落实市委书记王大海、市长赵一鸣等市领导关于某某事故的指示要求,",
                  "会议传达了王大海、赵一鸣等领导同志的批示精神,"):
        rec = _rec("3月9日,县政府召开安全生产工作会议,县长李小兵主持。" + cited + "要求抓好各项措施落实。")
        assert _roles(rec) == {"李小兵": "chair"}, cited
    # the leader who speaks at the meeting keeps the speaker's role
    rec = _rec("3月9日,县政府召开安全生产工作会议,县长李小兵主持。副县长王大海在会上要求,抓好各项措施落实。")
    assert _roles(rec) == {"李小兵": "chair", "王大海": "speaker"}


def test_a_verb_before_de_after_the_persons_first_act_names_what_is_relayed():
    rec = _rec("3月22日,某街道召开安全生产工作会议,会议由街道办主任王大海主持。会议最后,街道党工委副书记李小兵"
               "传达了3月4日本区召开的安全生产工作会议精神。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}
    # the person's own act before 的 still counts: `X主持召开的会议上`
    rec = _rec("3月22日,在街道办主任王大海主持召开的安全生产工作会议上,李小兵作了发言。")
    assert _roles(rec)["王大海"] == "chair"


def test_a_list_of_names_is_closed_by_watching_a_meeting_held_elsewhere():
    rec = _rec("7月27日,我县组织收听收看全国安全生产电视电话会。县长王大海,副县长李小兵,县应急局局长张三丰与各乡镇"
               "负责人,一同收听收看了电视电话会。会议要求抓好落实。")
    assert _roles(rec) == {"王大海": "attendee", "李小兵": "attendee", "张三丰": "attendee"}


def test_a_speech_named_by_what_it_does_is_a_speakers_cue():
    for act in ("对当前形势作了分析研判", "作了深入分析", "作相关工作提示", "就考评情况作了说明", "作了详细讲解"):
        rec = _rec("3月9日,县政府召开安全生产工作会议,县长王大海主持。会上,副县长李小兵" + act + "。")
        assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}, act


def test_a_cue_word_naming_what_was_said_is_no_act():
    rec = _rec("3月9日,市政府召开汇报会,副市长王大海主持。督查组组长李小兵就汇报中的一些问题进行了详细了解。")
    assert _roles(rec) == {"王大海": "chair"}


def test_a_leader_of_the_centre_speaks_at_the_national_meeting_watched():
    rec = _rec("11月22日上午,县政府组织收看全国、全省安全生产电视电话会议,县长高大海参加会议。国务院副总理刘小鹤深入分析了当前形势,"
               "就开展安全生产集中整治,深化危险化学品专项整治等工作讲了重要意见。")
    assert [(m.level, p.role) for m in rec.meetings for p in m.participants if p.name == "刘小鹤"] == [
        ("national", "speaker")]


def test_a_surname_address_after_the_passive_lead_and_no_name_opened_by_it():
    rec = _rec("3月9日,县政府召开安全生产会议。县长王大海、副县长李小兵出席。会议由王县长主持,李副县长通报情况。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}
    for text in ("会议于上午召开,由王局长主持。", "由分管副县长主持。"):
        assert find_persons(text) == [], text


def test_a_plural_pronoun_speaks_for_no_one_person():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议。他们强调,要抓好安全。")
    assert _roles(rec) == {"王大海": "attendee"}


def test_a_bare_name_before_other_speech_verbs_and_bodies_that_are_not_names():
    rec = _rec("3月20日,某镇召开安全生产工作例会。会议由镇长王大海主持。江小钢传达了全县安全会议精神。"
               "副乡长李小云对安全生产工作做补充。")
    assert _roles(rec) == {"王大海": "chair", "江小钢": "speaker", "李小云": "speaker"}
    for text in ("会上,党中央要求,要抓好安全。", "会上,高新区、经开区传达了会议精神。", "会上,安全、环保要求,要抓好安全。"):
        assert find_persons(text) == [], text


def test_a_report_given_under_its_title_is_speech_and_a_mark_inside_a_title_ends_no_clause():
    rec = _rec("1月23日上午,全国安全生产工作会议在京召开。会议由国务院副秘书长王大海主持,某总局局长李小兵作了"
               "《坚持安全发展,狠抓工作落实》的工作报告,副局长张三丰作了《关于控制考核指标的说明》。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker", "张三丰": "speaker"}


def test_leaders_addressed_by_given_name_and_post_joined_by_a_conjunction():
    rec = _rec("3月9日,县委召开安全生产工作会议。县委书记王国强、县长李小兵出席会议。国强书记和小兵县长分别讲话。")
    assert _roles(rec) == {"王国强": "speaker", "李小兵": "speaker"}


def test_a_list_of_names_set_apart_by_spaces():
    assert [m.name for m in find_persons("县领导王大海 李小兵 张三丰出席会议。")] == ["王大海", "李小兵", "张三丰"]
    assert [m.name for m in find_persons("县领导 王大海 李 刚出席会议。")] == ["王大海", "李刚"]
    # a space before a verb ends the name, nothing more
    assert [m.name for m in find_persons("副县长王大海 主持会议。")] == ["王大海"]


def test_leaders_whose_series_of_instructions_is_relayed_are_cited_not_speakers():
    rec = _rec("郧西新闻网讯(记者 张某)11日,国务院召开全国安全生产电视电话会议,传达贯彻习近平总书记、李克强总理对"
               "加强安全生产工作的一系列重要指示、批示精神,总结全年安全生产工作。\n县长王大海,副县长李小兵在郧西分会场"
               "收听收看了会议实况。\n会议要求,要切实增强红线意识。")
    roles = _roles(rec)
    assert "习近平" not in roles and "李克强" not in roles
    assert roles.get("王大海") == "attendee"


def test_a_list_that_attends_and_then_each_reports_speaks():
    rec = _rec("3月9日,督导组召开见面会。组长王大海讲话。市领导李小兵、赵一鸣、张三丰参加会议,分别汇报了分管领域的工作情况。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker", "赵一鸣": "speaker", "张三丰": "speaker"}
    # without a report of their own they only attend
    rec = _rec("3月9日,督导组召开见面会。组长王大海讲话。市领导李小兵、赵一鸣、张三丰参加会议,分别陪同督导组检查。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "attendee", "赵一鸣": "attendee", "张三丰": "attendee"}


def test_a_speaker_whose_points_are_listed_with_commas_after_cong():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海出席会议。会后,王大海从强化责任意识,强化风险意识,"
               "强化隐患排查意识,强化应急值守意识等方面对做好安全生产工作提出要求。")
    assert _roles(rec)["王大海"] == "speaker"


def test_a_long_name_after_a_post_closed_by_zuochu():
    # a name of four characters after a post, closed by `作出` (a made instruction or arrangement)
    rec = _rec("3月9日,州政府召开安全生产工作会议。副州长王大海讲话。王大海要求,按照州委书记巴图苏日、州长索朗达杰"
               "作出的工作安排,压实责任。")
    assert _titles(rec).get("索朗达杰") == ["州长"]
    assert _roles(rec) == {"王大海": "speaker"}
    rec = _rec("3月9日,省政府召开全省安全生产电视电话会议。省委书记巴图苏日作出批示。省长李小兵出席会议并讲话。")
    assert _titles(rec).get("巴图苏日") == ["省委书记"]


def test_a_leader_who_writes_an_instruction_is_cited_not_a_speaker():
    # `X作批示` writes the instruction; `X在批示中强调` quotes it: neither is said at the meeting
    rec = _rec("3月9日,全省安全生产电视电话会议召开。省委书记王大海作批示,省长李小兵讲话。\n"
               "王大海在批示中强调,要压实责任。李小兵指出,要排查隐患。")
    assert _roles(rec) == {"李小兵": "speaker"}
    # a headline's clipped `作出批示`, set apart by a space from the next leader's speech
    rec = _rec("王大海出批 李小兵讲话\n3月9日,全省安全生产电视电话会议召开。省委书记王大海作出批示。省长李小兵讲话。")
    assert _roles(rec) == {"李小兵": "speaker"}


def test_a_national_leader_whose_writings_a_watching_meeting_studies_is_no_speaker():
    # `学习了某某总书记关于…重要论述，传达了…`: the leader's discourses are studied, he speaks at no meeting
    rec = _rec("3月9日,全国安全生产电视电话会议召开。会议深入学习了习近平总书记关于安全生产工作重要论述,传达贯彻了"
               "国务院领导同志重要批示要求。县长王大海在我县分会场收听收看会议。")
    assert "习近平" not in _roles(rec)
    # a name inside a document's title acts in the title only (`《某某向…表示哀悼》`)
    rec = _rec("3月9日,全国安全生产电视电话会议召开。会议学习了《习近平总书记关于安全生产的重要论述摘编》,并传达学习了"
               "《习近平向某地火灾遇难人员表示哀悼 对受灾人员表示慰问》。县长王大海在我县分会场收听收看会议。")
    assert "习近平" not in _roles(rec)


def test_a_semicolon_parts_the_groups_of_one_attendance_list():
    rec = _rec("3月9日,省政府召开全省安全生产工作会议。省长孙立国主持会议。副省长王大海,省政府秘书长李小兵;"
               "省应急管理厅厅长赵一鸣、副厅长张三丰出席会议。")
    assert _roles(rec) == {"孙立国": "chair", "王大海": "attendee", "李小兵": "attendee", "赵一鸣": "attendee",
                           "张三丰": "attendee"}


def test_names_before_a_four_bodies_group_are_persons_attending():
    # `甲、乙等县四套班子领导参加收听收看`: the county's four leading bodies as one group closes a list of names
    rec = _rec("5月8日，全省安全生产电视电话会议召开。我县设立分会场，张大明、李小红、王志强等县四套班子领导参加收听收看。")
    assert {n: r for n, r in _roles(rec).items() if n in ("张大明", "李小红", "王志强")} == {
        "张大明": "attendee", "李小红": "attendee", "王志强": "attendee"}


def test_the_leader_who_chairs_an_accountability_talk_is_read_by_its_cue():
    # `主约谈`: the official who leads a 约谈 (a sitting of the 安委会 with the heads it summons)
    rec = _rec("3月9日,省安委会办公室约谈了甲市政府主要负责人。省应急管理厅副厅长王大海主约谈,有关处室负责人参加约谈。")
    assert _titles(rec).get("王大海") == ["省应急管理厅副厅长"]


def test_a_preposition_ends_a_name_after_a_post_that_is_an_ordinary_word():
    # `江山` is an ordinary word; right after a post, the `在` that opens the predicate ends the name
    rec = _rec("3月9日,市政府召开安全生产工作会议。市委书记江山在讲话中强调,要压实责任。")
    assert _roles(rec) == {"江山": "speaker"}
    assert _titles(rec) == {"江山": ["市委书记"]}


def test_a_preposition_ends_a_name_after_a_post_that_opens_with_an_ordinary_word():
    rec = _rec("3月9日,省政府召开安全生产工作会议。省发改委副秘书长马上强就有关问题作了说明。")
    assert _roles(rec) == {"马上强": "speaker"}


def test_a_word_name_after_a_post_before_a_persons_own_act_is_a_name():
    # an ordinary word right after a post and before an act said of a person (leading, reporting, joining)
    # is that person's name: `副区长高原率队`, `局长夏天通报`, `副县长周全及相关部门负责人`
    rec = _rec("3月9日,区政府召开安全生产工作会议。区应急局局长夏天通报了一季度情况,副区长高原参加会议。"
               "副县长周全及相关部门负责人陪同。")
    assert {"夏天", "高原", "周全"} <= set(_titles(rec))
    assert _titles(rec)["夏天"] == ["区应急局局长"]


def test_a_name_with_a_surname_the_list_lacks_ends_before_a_persons_act():
    # a surname outside the list (厍, 缑): the name after a post ends where the person's act opens
    rec = _rec("3月9日,县政府开展安全生产检查。副县长厍文东陪同检查。县应急局局长缑明作总结讲话。")
    assert _titles(rec) == {"厍文东": ["副县长"], "缑明": ["县应急局局长"]}


def test_the_last_member_of_a_list_of_names_is_a_name_whatever_it_spells():
    # the member closing a list (before `等` or the list's act) is a name like the others: a word-name, or a
    # surname the list lacks
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海、李小东、方圆等出席会议。"
               "县领导赵一平、孙二强、高原参加。市领导钱三立、厍文东在分会场收听收看。")
    people = set(_titles(rec))
    assert {"方圆", "高原", "厍文东"} <= people
    assert not any(p.endswith("等") for p in people)


def test_an_adverb_after_a_post_or_a_collective_before_an_act_is_no_name():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海讲话。相关负责人全程陪同,主要领导相继参加。")
    assert set(_titles(rec)) == {"王大海"}


def test_a_collective_before_a_preposition_is_no_name():
    rec = _rec("3月9日,市政府召开安全生产工作会议。市长王大海讲话。市安委会成员单位在分会场参加会议,领导干部在会上表态。")
    assert set(_titles(rec)) == {"王大海"}


def test_a_collective_word_after_a_post_or_a_collective_names_no_one():
    # `成员单位等`, `领导班子要`: a surname character opens the collective word, no name follows the post
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海主持会议,县安委会成员单位等参会。"
               "局领导班子要带头落实责任。")
    assert set(_titles(rec)) == {"王大海"}
    assert _roles(rec) == {"王大海": "chair"}


def test_a_surname_with_jia_opens_a_cited_leaders_name():
    # `温家` is listed by jieba as a word, but in a report it only opens a name (`温家某总理`)
    rec = _rec("3月9日,省政府召开安全生产工作会议,传达学习胡立国总书记、温家林总理对安全生产工作的重要指示。")
    assert _titles(rec).get("温家林") == ["总理"]


def test_a_surname_address_of_the_general_secretary_after_a_reading_verb_is_no_name():
    # `学习习总书记指示`: 学习 ends in the surname's character and 总 opens 总书记, so neither 习习 nor 习总 is a name
    rec = _rec("3月9日,省政府召开安全生产工作会议,传达学习习总书记重要指示精神、王立新总理重要批示要求。")
    assert set(_titles(rec)) == {"王立新"}


def test_bu_is_a_surname_of_a_cited_leader():
    # `布` opens names of the north (`布某某主席`); its ordinary words (布置, 布局) stay in not_names.txt
    rec = _rec("3月9日,自治区政府召开安全生产工作会议,传达学习王立新书记、布小文主席的重要指示精神。会议对下步工作进行布置。")
    assert _titles(rec).get("布小文") == ["主席"]


def test_a_head_post_run_on_from_a_title_without_a_mark_is_a_title_of_its_own():
    # `县委副书记县长某某`: the page dropped the `、`; the level's head post opens a second title
    rec = _rec("3月9日,县政府召开安全生产工作会议。县委副书记县长王大海、副县长李小兵参加会议。")
    assert _titles(rec)["王大海"] == ["县委副书记", "县长"]


def test_a_head_post_right_after_a_name_closes_it_where_a_page_dropped_the_mark():
    # `常务副省长甲副省长乙出席`: the second head post ends the first name and opens the next chain
    rec = _rec("3月9日,省政府召开全省安全生产电视电话会议。省委常委、常务副省长王大海副省长李小兵出席并讲话。")
    assert _titles(rec) == {"王大海": ["省委常委", "常务副省长"], "李小兵": ["副省长"]}
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker"}


def test_a_bare_title_between_commas_joins_the_next_names_chain():
    # `市长甲,市委常委,常务副市长乙`: 市委常委 names no one of its own, so it is a title of 乙
    rec = _rec("3月9日,市政府召开安全生产工作会议。市委副书记、市长王大海,市委常委,常务副市长李小兵在分会场参加会议。")
    assert _titles(rec) == {"王大海": ["市委副书记", "市长"], "李小兵": ["市委常委", "常务副市长"]}


def test_a_candidate_for_a_post_keeps_the_titles_before_it():
    # `镇长候选人`: the candidacy is no title, but the post joined before it by `、` is
    rec = _rec("3月9日,镇政府召开安全生产工作会议。镇党委副书记、镇长候选人王大海指出,要压实责任。")
    assert _titles(rec) == {"王大海": ["镇党委副书记"]}


def test_a_leaders_demand_carried_out_by_the_clause_is_cited_not_spoken():
    # `落实市委部署和某某书记要求，`: 要求 is a noun after 落实, so the leader does not speak at the meeting
    rec = _rec("3月9日,市政府召开安全生产工作会议。市长王大海强调,各级各部门要认真落实市委部署和李小兵书记要求,"
               "压实安全责任。")
    assert _roles(rec) == {"王大海": "speaker"}
    rec = _rec("3月9日,市委召开安全生产工作会议。李小兵书记要求,各级各部门要压实安全责任。")
    assert _roles(rec) == {"李小兵": "speaker"}


def test_a_surname_address_after_a_sequence_word_is_the_person_addressed():
    # `最后王县长做了重要讲话`: 最后 opens the meeting's last act, and the address after it speaks
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海、副县长李小兵出席了会议。最后王县长做了重要讲话。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "attendee"}


def test_a_leader_who_promptly_writes_an_instruction_does_not_speak_at_the_meeting():
    # `X立即作出批示,要求…`: the demand is the written instruction's, whatever adverb comes before 作出
    rec = _rec("3月9日,省政府召开安全生产紧急会议,副省长王大海主持会议。接报后,省委书记李小兵立即作出批示,要求全力搜救。")
    assert _roles(rec) == {"王大海": "chair"}


def test_a_headline_opened_by_a_slogan_and_an_exclamation_mark_counts_no_second_meeting():
    rec = _rec("筑牢安全防线!某某镇召开第三季度安全生产工作会议\n\n3月9日上午,某某镇组织召开第三季度安全生产工作会议。"
               "镇长王大海出席会议并讲话。")
    assert len(rec.meetings) == 1


def test_leaders_cited_in_a_list_of_instructions_joined_by_a_conjunction_are_each_persons():
    # `传达学习了甲重要指示和乙批示`: the conjunction joins a second leader cited for an instruction
    rec = _rec("3月9日,全国安全生产电视电话会议召开,会议传达学习了王立新重要指示和李小文批示。")
    assert {"王立新", "李小文"} <= set(_titles(rec))


def test_two_bodies_of_one_kind_joined_by_a_mark_share_the_post_after_the_second():
    # `省安监局、某某煤监局局长某某`: he heads both bureaus
    rec = _rec("3月9日,省政府召开安全生产工作会议。省安监局、省煤监局局长王大海出席会议并讲话。")
    assert _titles(rec)["王大海"] == ["省安监局局长", "省煤监局局长"]


def test_the_leader_named_inside_a_teams_name_attends_and_does_not_report():
    # `向由副厅长X率组的考核组汇报工作`: the city reports to the team X leads; X attends
    rec = _rec("3月9日,我市召开安全生产考核汇报会,向由省住建厅副厅长王大海率组的省安全生产考核组汇报工作。")
    assert _roles(rec) == {"王大海": "attendee"}


def test_a_predicate_opened_by_a_preposition_carries_its_act_past_the_commas_of_its_topic():
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海对一季度全县安全生产情况,特别是对某镇火灾事故"
               "进行了通报。副县长李小兵就做好汛期防范,强化隐患排查,作了具体部署。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker"}
    # without a light verb carrying a cue, the topic's commas still end the name's clause
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海出席会议。副县长李小兵对此项工作,会议强调要抓好落实。")
    assert _roles(rec) == {"王大海": "attendee"}


def test_addresses_by_surname_and_post_listed_with_a_mark_are_each_read():
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海,副县长李小兵出席会议。"
               "会上,王县长、李县长分别就分管领域安全生产工作作了部署。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker"}


def test_an_ordinary_word_and_the_follower_after_it_open_no_name_after_a_collective():
    # `相继` + `作出`: the third character opens the follower, no name `相继作`
    assert [m.name for m in find_persons("事故发生后,省委省政府主要领导相继作出批示。")] == []
    # a word pointing at the reader's place ends no name (`向` + `我省`)
    assert [m.name for m in find_persons("汇报会上,督查组专家向我省通报了督查情况。")] == []


def test_a_specialist_introduces_a_name_without_giving_a_post():
    rec = _rec("3月9日,县政府召开地质灾害防治工作会议。会上,省地勘院专家王大海就地质灾害监测做了详细讲解。")
    assert _roles(rec) == {"王大海": "speaker"}
    assert _titles(rec) == {"王大海": []}


def test_a_leader_whose_absence_the_report_explains_takes_no_role():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县委常委、常务副县长王大海因在省里参加重要会议,特委托副县长李小兵主持会议。")
    assert _roles(rec) == {"李小兵": "chair"}
    assert _titles(rec)["王大海"] == ["县委常委", "常务副县长"]


def test_a_chair_or_guest_verb_ends_a_name_after_a_post_that_is_an_ordinary_word():
    # `江河`, `高原` are ordinary words; right after a post, the chair's or a guest's verb (said of a person only)
    # ends the name
    rec = _rec("3月9日,市政府召开安全生产工作会议。市安委会副主任江河主持会议,副市长高原出席会议并讲话。")
    assert _roles(rec) == {"江河": "chair", "高原": "speaker"}
    assert _titles(rec)["江河"] == ["市安委会副主任"]


def test_the_head_of_a_railway_works_is_a_post():
    rec = _rec("3月9日,县政府召开铁路沿线安全工作会议,副县长王大海主持。某工务段段长柯小舟及相关部门同志一同参加会议。")
    assert _roles(rec) == {"王大海": "chair", "柯小舟": "attendee"}
    assert _titles(rec)["柯小舟"] == ["段长"]


def test_the_person_after_by_who_organises_the_meeting_chairs_it():
    # the passive frame `会议由…组织`: the person after 由 chairs; the post before `分管领导` and its field is the title
    rec = _rec("3月9日,某镇召开安全生产形势分析会,会议由镇人民政府副镇长应急管理分管领导柯小舟组织,各村主任参加。")
    assert _roles(rec) == {"柯小舟": "chair"}
    assert _titles(rec)["柯小舟"] == ["镇人民政府副镇长"]


def test_organising_outside_the_passive_frame_gives_no_chair():
    rec = _rec("3月9日,县政府召开安全生产工作会议,副县长王大海主持。会后,局长柯小舟组织,各股室负责人参加学习。")
    assert _roles(rec).get("柯小舟") != "chair"


def test_a_team_post_said_first_in_the_passive_frame_is_the_persons_too():
    rec = _rec("3月9日,省政府召开会议,成立事故调查组,组长由省应急管理厅厅长柯小舟担任。")
    assert _titles(rec)["柯小舟"] == ["省应急管理厅厅长", "组长"]


def test_a_leader_whose_relayed_speech_is_studied_spoke_at_the_higher_meeting():
    # the meeting the speech was given at is named right after the names
    rec = _rec("3月9日,县政府召开安全生产工作会议,传达学习省委书记王大海、省长李小兵在3月8日全省安全生产工作会议上的"
               "讲话精神。副县长赵一鸣主持会议。")
    by_level = {m.level: {p.name: p.role for p in m.participants} for m in rec.meetings}
    assert by_level["province"] == {"王大海": "speaker", "李小兵": "speaker"}
    assert by_level["county"] == {"赵一鸣": "chair"}
    # named before the speech, in the same sentence: the meeting relayed last
    rec = _rec("3月9日,县政府召开安全生产工作会议。会议传达了全省安全生产电视电话会议精神和王大海书记、李小兵省长的"
               "重要讲话精神。")
    assert {m.level: {p.name: p.role for p in m.participants} for m in rec.meetings}["province"] == {
        "王大海": "speaker", "李小兵": "speaker"}
    # no meeting relayed: where the speech was given is not said, nobody is seated
    assert _roles(_rec("3月9日,县政府召开安全生产工作会议。会议传达了省长李小兵的重要讲话精神。")) == {}


def test_the_main_and_branch_venues_of_the_meeting_held_are_no_venue_watching_another():
    rec = _rec("3月9日,全国安全生产电视电话会议结束后,我省立即召开全省安全生产电视电话会议。省长王大海讲话,省领导李小兵、"
               "赵一鸣在省主会场或分会场参加。")
    by_level = {m.level: {p.name: p.role for p in m.participants} for m in rec.meetings}
    assert by_level["province"] == {"王大海": "speaker", "李小兵": "attendee", "赵一鸣": "attendee"}
    assert by_level["national"] == {}


def test_speech_acts_written_with_zuo_as_zuo_or_under_a_title_are_speeches():
    rec = _rec("3月9日,县政府召开安全生产工作会议,县长王大海作了题为《守牢底线》的讲话,副县长李小兵做重要指示,"
               "县应急局局长赵一鸣做报告。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker", "赵一鸣": "speaker"}


def test_who_leads_the_meetings_study_speaks():
    rec = _rec("3月9日,县安委会召开全体成员会议。县长王大海主持会议,副县长李小兵带领与会人员学习了有关文件。")
    assert _roles(rec) == {"王大海": "chair", "李小兵": "speaker"}


def test_names_after_a_collective_and_its_verb_are_read_without_the_verb():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长孙立国主持会议。出席会议的县领导有王大海、李小兵。")
    assert _roles(rec) == {"孙立国": "chair", "王大海": "attendee", "李小兵": "attendee"}
    names = [m.name for m in find_persons("参加会议的市领导还有：王大海、李小兵。")]
    assert names == ["王大海", "李小兵"]


def test_a_count_after_the_names_listed_ends_the_last_name():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长王大海、副县长李小兵两位同志出席会议。")
    assert _roles(rec) == {"王大海": "attendee", "李小兵": "attendee"}
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长王大海、李小兵二人出席会议并讲话。")
    assert _roles(rec) == {"王大海": "speaker", "李小兵": "speaker"}


def test_a_surname_that_is_a_countys_one_character_addresses_the_titled_person():
    # 曹县, 叶县: `曹县长` before what follows a name is 副县长曹某, not the county and a stray 长
    rec = _rec("3月9日,县政府召开安全生产工作会议。县长孙立国,副县长曹文礼,副县长叶红梅出席会议。"
               "会中,曹县长、叶县长分别就做好冬季安全生产工作作了重要讲话。")
    assert _roles(rec) == {"孙立国": "attendee", "曹文礼": "speaker", "叶红梅": "speaker"}
    assert not any(r.endswith(("曹县", "叶县")) for r in rec.regions)


def test_a_county_before_a_word_opening_with_its_head_stays_a_place():
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长曹文礼出席会议。叶县长期坚持隐患排查。")
    assert any(r.endswith("叶县") for r in rec.regions)


def test_what_a_leader_directs_at_the_scene_of_an_event_is_no_role_at_a_meeting():
    rec = _rec("3月9日,省政府召开全省安全生产电视电话会议,副省长王大海主持会议。当晚,副部长李小兵赶赴事故现场,"
               "对处置工作进行分析指导。次日,副局长张三丰赶到现场指导救援,并强调要全力搜救。")
    assert _roles(rec) == {"王大海": "chair"}


def test_a_leader_who_goes_to_the_scene_and_chairs_a_meeting_there_chairs_it():
    rec = _rec("3月9日,事故发生后,副市长李小兵赶到现场,主持召开现场会,部署救援工作。")
    assert _roles(rec) == {"李小兵": "chair"}


def test_a_speech_opened_by_a_colon_after_clauses_of_the_speakers_predicate_is_the_speakers():
    rec = _rec("3月9日,镇政府召开安全生产工作会议。镇长孙立国多次提及某地事故教训,举一反三,结合本镇实际,"
               "对安全生产工作再次强调:一是压实责任;二是排查隐患。")
    assert _roles(rec) == {"孙立国": "speaker"}


def test_a_colon_speech_after_a_clause_with_an_act_of_its_own_is_not_carried_back():
    rec = _rec("3月9日,镇政府召开安全生产工作会议。镇长孙立国出席会议,各村负责人参加,对安全生产工作再次强调:一是压实责任。")
    assert _roles(rec) == {"孙立国": "attendee"}


def test_a_surname_address_right_after_the_meetings_place_word_is_the_titled_person():
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长曹文礼、县长王红梅出席会议。会议由曹县长主持,会上王县长强调,要压实责任。")
    assert _roles(rec) == {"曹文礼": "chair", "王红梅": "speaker"}
