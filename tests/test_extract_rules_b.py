"""Genre rules for persons, participation, meetings and regions on real reports (issue 16), each on a
made-up sentence of the genre."""

from __future__ import annotations

import pytest

from graph_loader.extract.persons import find_persons


def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, published))


def _names(text: str) -> list[str]:
    return [m.name for m in find_persons(text)]


def test_a_long_name_after_a_post_is_read_whole_up_to_its_role_verb_or_mark():
    assert _names("州委常委、副州长达瓦央金,副州长王小明出席会议。") == ["达瓦央金", "王小明"]
    assert _names("政府秘书长巴雅尔图出席会议。") == ["巴雅尔图"]
    # a short name keeps its follower as before
    assert _names("副市长李四强调要做好工作。") == ["李四"]
    assert _names("局长王五在会上讲话。") == ["王五"]


def test_a_long_name_after_a_post_may_open_with_a_places_short_form():
    rec = _rec("3月9日,自治区政府召开常务会议。政府秘书长乌兰图雅出席会议。")
    assert "乌兰图雅" in {p.name for p in rec.persons}
    assert not any(r.endswith("乌兰县") for r in rec.regions)


def test_a_township_named_twice_places_its_county_when_the_text_never_names_it():
    from graph_loader.extract.regions import find_regions
    # a township name only one county has, said twice; `镇安委会` holds no 镇安县
    text = "薛埠镇于8月5日召开安全生产推进会,薛埠镇安委会成员单位参加会议。"
    assert [h.path for h in find_regions(text)] == ["江苏省常州市金坛区薛埠镇"] * 2
    # said once, it places nothing
    assert find_regions("薛埠镇于8月5日召开安全生产推进会。") == []


def test_two_townships_of_one_county_place_it_and_a_shared_name_joins_them():
    from graph_loader.extract.regions import find_regions
    paths = {h.path for h in find_regions("县安委会召开全体会议,金塘镇、肖岭乡依次作交流发言。")}
    assert paths == {"湖北省咸宁市崇阳县金塘镇", "湖北省咸宁市崇阳县肖岭乡"}


def test_a_township_is_refused_where_the_texts_places_contradict_its_county():
    from graph_loader.extract.regions import find_regions
    paths = {h.path for h in find_regions("广州市召开会议,薛埠镇、薛埠镇代表参加。")}
    assert not any("薛埠镇" in p for p in paths)


def _roles(rec) -> dict[str, str]:
    return {p.name: p.role for m in rec.meetings for p in m.participants}


def test_a_cue_inside_a_meeting_noun_gives_no_role():
    rec = _rec("3月9日,县政府召开安全生产工作汇报会。副县长李小红出席汇报会。")
    assert _roles(rec).get("李小红") == "attendee"


def test_a_person_heard_by_the_meeting_reports_to_it():
    rec = _rec("3月9日,区政府召开常务会议。会议听取了区财政局局长周一鸣同志《关于某某事项的报告》。")
    assert _roles(rec).get("周一鸣") == "speaker"


def test_a_person_who_puts_forward_points_speaks():
    rec = _rec("3月9日,市政府召开全市安全生产工作会议。会上,王大海市长提了三点意见。")
    assert _roles(rec).get("王大海") == "speaker"


def test_a_meeting_reported_by_its_act_is_held():
    rec = _rec("9月10日上午,市安委会对某企业负责人进行了约谈。副市长张小兵在约谈中要求,企业要落实责任。", "2021-12-20")
    assert [(m.kind, m.date) for m in rec.meetings] == [("other", "2021-09-10")]
    assert _roles(rec) == {"张小兵": "speaker"}


def test_a_talk_with_hosts_sits_where_the_hosts_posts_are():
    rec = _rec("4月21日,某考核组进驻浙江。当日下午,组长孙大林与浙江省委书记李红旗、省长王建设进行了座谈。",
               "2021-12-20")
    assert len(rec.meetings) == 1
    assert (rec.meetings[0].level, rec.meetings[0].region) == ("province", "浙江省")
    assert _roles(rec) == {"孙大林": "attendee", "李红旗": "attendee", "王建设": "attendee"}


def test_a_warning_film_watched_together_is_a_study_meeting_and_after_it_the_same_one():
    rec = _rec("6月11日晚,某镇组织全体干部集中观看了安全生产警示教育片。观看警示教育片后,镇长刘一川作了部署。", "2021-12-20")
    assert [(m.kind, m.date) for m in rec.meetings] == [("study", "2021-06-11")]
    assert _roles(rec) == {"刘一川": "speaker"}


def test_a_film_watched_at_a_meeting_is_part_of_it():
    rec = _rec("6月4日,区安委会召开全体会议。会上,与会人员观看了警示教育片。", "2021-12-20")
    assert len(rec.meetings) == 1 and rec.meetings[0].kind == "safety_committee_plenary"
    # an agenda item of the meeting reported
    rec = _rec("6月4日,某乡召开安全生产工作会。第二项议程:观看安全生产警示教育片并签订责任书。", "2021-12-20")
    assert [m.kind for m in rec.meetings] == ["deployment"]


def test_at_the_meeting_held_that_afternoon_is_a_meeting_held():
    rec = _rec("4月28日,某考核组抵达某市。在当日下午召开的考核座谈会上,副市长周小川作表态发言。", "2021-12-20")
    assert [m.name for m in rec.meetings] == ["考核座谈会"]
    assert _roles(rec) == {"周小川": "speaker"}
    # a meeting cited by its convener is still no meeting held here
    rec = _rec("4月28日,县政府召开常务会议,传达省政府召开的专题会议精神。", "2021-12-20")
    assert "专题会议" not in [m.name for m in rec.meetings]


def test_a_candidate_for_a_post_is_named_without_the_post():
    rec = _rec("3月9日,州政府召开会议。副州长周一平、副州长候选人李二强出席。", "2021-12-20")
    people = {p.name: p.titles for p in rec.persons}
    assert people.get("李二强") == []


def test_a_variant_surname_of_scraped_pages_opens_a_name():
    assert _names("镇党委副书记茍大山就道路交通安全作了安排部署。") == ["茍大山"]


def test_a_name_addressed_by_its_post_after_its_body_or_a_relaying_verb():
    assert _names("要落实州委钱多多书记的重要批示精神。") == ["钱多多"]
    assert _names("会议传达学习孙小明省长在某地调研时的讲话精神。") == ["孙小明"]
    # a body after the lead word is no name
    assert _names("省政府安委会副主任出席。") == []


def test_a_shorter_place_inside_a_townships_name_is_part_of_it():
    from graph_loader.extract.regions import find_regions
    paths = [h.path for h in find_regions("德昌县召开会议,德州镇代表作表态发言。")]
    assert paths == ["四川省凉山彝族自治州德昌县", "四川省凉山彝族自治州德昌县德州镇"]


def test_after_the_meeting_an_attendee_alone_belongs_to_it():
    rec = _rec("1月22日,县长王一鸣主持召开县政府常务会议。会后,县商务局局长赵二虎参会并陪同调研。", "2021-12-20")
    assert len(rec.meetings) == 1
    assert _roles(rec) == {"王一鸣": "chair", "赵二虎": "attendee"}


def test_a_meeting_of_a_level_sits_in_the_one_place_of_that_level_the_text_names():
    rec = _rec("7月6日,县长王一鸣主持召开县政府常务会议,研究了《柘城县安全生产三年行动方案》。", "2021-12-20")
    assert (rec.meetings[0].level, rec.meetings[0].region) == ("county", "河南省商丘市柘城县")
    # two counties named: the text does not say which
    rec = _rec("7月6日,县长王一鸣主持召开县政府常务会议,研究了《柘城县方案》《睢县方案》。", "2021-12-20")
    assert (rec.meetings[0].level, rec.meetings[0].region) == ("county", None)


def test_teams_feedback_meetings_summed_up_then_each_in_its_own_place():
    rec = _rec("连日来,某考核组陆续召开反馈会,向河南、重庆等省份反馈考核意见。"
               "4月25日,第二考核组在河南召开考核反馈会。考核组认为,河南工作扎实。"
               "4月24日,第四考核组在重庆召开考核反馈会。考核组认为,重庆工作扎实。", "2021-12-20")
    assert [(m.date, m.region) for m in rec.meetings] == [("2021-04-25", "河南省"), ("2021-04-24", "重庆市")]


def test_a_clause_mark_doubled_with_a_list_mark_ends_no_clause():
    rec = _rec("3月9日,某镇召开安全生产会议。镇党委副书记吴小江就交通安全,、水上安全,、消防安全等作了安排部署。",
               "2021-12-20")
    assert _roles(rec) == {"吴小江": "speaker"}


def test_a_name_after_a_post_may_be_a_places_short_form():
    rec = _rec("3月9日,自治区政府召开常务会议。自治区党委常委、宣传部部长乌兰,有关部门负责同志列席会议。", "2021-12-20")
    assert "乌兰" in {p.name for p in rec.persons}
    assert not any(r.endswith("乌兰县") for r in rec.regions)
    # a place's full name is still no name: `代表某市作表态发言`
    rec = _rec("3月9日,省政府召开会议。池州市作表态发言。", "2021-12-20")
    assert "池州市" not in {p.name for p in rec.persons}


def test_a_place_written_with_a_variant_character_is_the_place():
    from graph_loader.extract.regions import find_regions
    assert [h.path for h in find_regions("督查组抵达陜西省西安市。")] == ["陕西省西安市"]


def test_a_two_character_name_closing_a_post_list_before_its_verb():
    assert _names("副州长王天明、松涛出席分会场会议。") == ["王天明", "松涛"]
    assert _names("副县长王天明、领导出席会议。") == ["王天明"]


def test_a_person_addressed_by_the_given_name_and_a_post_is_the_full_name():
    rec = _rec("1月22日,县委书记王国强主持召开会议,副县长刘衍志出席。国强书记指出,要压实责任。"
               "会后,国强、衍志同志分别带队调研。", "2021-12-20")
    assert {p.name for p in rec.persons} == {"王国强", "刘衍志"}
    assert {p.name: p.titles for p in rec.persons}["王国强"] == ["县委书记"]


def test_a_person_signing_at_the_meeting_takes_part_in_it():
    rec = _rec("3月9日,县安委会召开全体会议。会上,县长艾小山分别与各乡镇代表签署了安全生产责任书。", "2021-12-20")
    assert _roles(rec) == {"艾小山": "attendee"}


def test_a_two_character_name_padded_with_a_space_is_one_name():
    assert _names("县委书记李　明主持会议,副县长赵 强、钱 多出席。") == ["李明", "赵强", "钱多"]
    rec = _rec("3月9日,县委书记李 明主持召开会议。", "2021-12-20")
    assert _roles(rec) == {"李明": "chair"}


def test_a_typesetting_space_after_a_post_does_not_hide_the_name():
    assert _names("县长 孙 伟主持召开县政府常务会议。") == ["孙伟"]
    assert _names("县长　王小明主持会议。") == ["王小明"]


def test_a_dotted_name_keeps_a_last_character_that_a_cue_would_open_with():
    assert _names("副州长吐尔逊 · 买买提出席会议。") == ["吐尔逊·买买提"]
    assert _names("专员艾买提·吐尔逊同志讲话。") == ["艾买提·吐尔逊"]


def test_a_dotted_name_is_one_name_wherever_a_name_is_read_whatever_dot_the_page_set():
    # after a collective and in the list that goes on after it: the dot ends no name
    assert _names("州领导阿某江·买某提、王某某、李某某等出席会议。") == ["阿某江·买某提", "王某某", "李某某"]
    # the bullet, the hyphenation point and the katakana dot are the same dot, written `·`
    for dot in "•‧・":
        assert _names(f"副州长吐某逊{dot}买某提出席会议。") == ["吐某逊·买某提"], dot
    # bare, opening a clause before a role verb; found again with another dot
    assert _names("会议由县长王某某主持。热某·木某某通报了情况。热某•木某某强调") == [
        "王某某", "热某·木某某", "热某·木某某"]
    # a page that lost the dot to `?`: read so only right after a post
    assert _names("自治区主席努某?白某力出席会议并讲话。") == ["努某·白某力"]
    assert _names("会上?阿某某?讲话") == []
    # dotted words that are no names stay none
    assert _names("召开“中秋·国庆”期间安全防范工作会议。某某日报·某某客户端记者报道。") == []


def test_a_name_without_a_han_surname_after_a_post_before_its_role_verb():
    assert _names("旗长其木格主持会议。") == ["其木格"]
    assert _names("州长扎西同志讲话。") == ["扎西"]
    # ordinary words after a post name no one
    for text in ("县长亲自主持会议。", "局长首先通报情况。", "书记再次强调。", "县长随即主持。"):
        assert _names(text) == [], text


def test_bare_names_after_an_attendance_intro_attend():
    rec = _rec("3月9日,县政府召开安全生产工作会议。出席会议的领导还有:韩立、邱国平、孔庆华。", "2021-12-20")
    assert _roles(rec) == {"韩立": "attendee", "邱国平": "attendee", "孔庆华": "attendee"}


def test_a_leader_watching_at_a_levels_branch_venue_attends_the_meeting_watched():
    rec = _rec("3月9日,县委书记杨光明在县分会场收听收看全省安全生产电视电话会议。", "2021-12-20")
    assert [(m.level, m.date) for m in rec.meetings] == [("province", "2021-03-09")]
    assert _roles(rec) == {"杨光明": "attendee"}


@pytest.mark.parametrize("act", ["致辞", "进行了专题辅导", "讲评", "述职", "作说明"])
def test_speaking_acts_of_the_genre_make_a_speaker(act):
    rec = _rec("3月9日,县政府召开安全生产工作会议。副县长韩立" + act + "。", "2021-12-20")
    assert _roles(rec) == {"韩立": "speaker"}


def test_a_conjunction_before_a_county_body_is_no_two_character_county():
    from graph_loader.extract.regions import find_regions
    assert not any(h.path.endswith("和县") for h in find_regions("代表德州镇和县发改经信局签订责任书。"))
    assert [h.path for h in find_regions("马鞍山市和县政府召开会议。")] == ["安徽省马鞍山市和县"]


def test_a_courtesy_call_before_the_first_meeting_held_is_no_part_of_it():
    rec = _rec("4月28日,某考核组抵达某市。市长王大刚会见了考核组一行,希望考核组多提宝贵意见。副市长陈小东参加会见。"
               "在当日下午召开的考核座谈会上,副市长周小川作表态发言。", "2021-12-20")
    assert _roles(rec) == {"周小川": "speaker"}


def test_a_summons_of_a_places_government_is_held_by_the_summoning_body_not_the_place():
    # `某机构对甲省政府进行约谈`: the place after 对 is whom the act is done to
    rec = _rec("6月14日,国务院安委会办公室对河北省人民政府进行安全生产约谈。", "2021-12-20")
    assert [(m.level, m.region) for m in rec.meetings] == [("national", None)]
    rec = _rec("9月10日上午,省安委会对石家庄市某化工厂负责人进行了约谈。省委常委、副省长张小兵在约谈中要求,企业要落实责任。",
               "2021-12-20")
    assert [(m.level, m.region) for m in rec.meetings] == [("province", "河北省")]


def test_a_summons_told_by_its_verb_and_the_people_summoned_is_held():
    rec = _rec("4月30日,省安委会约谈了保定、邯郸市政府负责同志。省委常委、常务副省长王大林主约谈。", "2024-05-02")
    assert [(m.date, m.level, m.region) for m in rec.meetings] == [("2024-04-30", "province", "河北省")]


def test_who_leads_a_summons_chairs_it():
    rec = _rec("4月30日,省安委会约谈了保定、邯郸市政府负责同志。省委常委、常务副省长王大林主约谈。", "2024-05-02")
    assert _roles(rec) == {"王大林": "chair"}
    rec = _rec("6月14日,国务院安委会办公室对河北省人民政府进行安全生产约谈。应急管理部副部长李建华主约谈。", "2021-12-20")
    assert _roles(rec) == {"李建华": "chair"}
