"""The genre's vocabulary widened to the family of each wording (posts, meeting nouns, teams, role verbs),
on made-up sentences."""

from __future__ import annotations


def _persons(text: str) -> list[tuple[str, list[str]]]:
    from graph_loader.extract.persons import find_persons
    return [(m.name, [t.full for t in m.titles]) for m in find_persons(text)]


def test_heads_of_enterprises_and_their_works_are_posts():
    assert _persons("某煤矿副矿长王大明、矿长李小刚参加会议。") == [("王大明", ["副矿长"]), ("李小刚", ["矿长"])]
    assert _persons("某公司经理王大明、副经理李小刚参加会议。") == [("王大明", ["经理"]), ("李小刚", ["副经理"])]
    assert _persons("某厂副厂长王大明参加。") == [("王大明", ["副厂长"])]


def test_ranks_below_section_member_and_of_the_brigades_are_posts():
    assert _persons("镇副主任科员王大明参加会议。") == [("王大明", ["镇副主任科员"])]
    assert _persons("市消防支队参谋长王大明出席。") == [("王大明", ["市消防支队参谋长"])]


def test_a_post_inside_an_ordinary_word_names_no_one():
    assert _persons("某煤矿长期停产，各工厂长期坚持。") == []


def _meetings(text: str) -> list[tuple[str, str | None]]:
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return [(m.kind, m.date) for m in extract(make_doc(text, "2021-03-10")).meetings]


def test_meeting_nouns_of_the_genre_name_meetings_of_their_kind():
    assert _meetings("3月2日，某镇召开安全生产紧急安排会，镇长王大明讲话。") == [("deployment", "2021-03-02")]
    assert _meetings("3月2日，县应急管理局召开事故情况通报会，局长王大明讲话。") == [("report", "2021-03-02")]
    assert _meetings("3月2日，县委召开经济工作务虚会，县委书记王大明主持。") == [("deployment", "2021-03-02")]
    assert _meetings("2月18日，县应急管理局组织召开节后收心会，局长王大明主持会议。") == [
        ("deployment", "2021-02-18")]
    assert _meetings("3月2日，县安委会召开2021年第一次全体成员会议，县长王大明主持会议。") == [
        ("safety_committee_plenary", "2021-03-02")]


def _inspections(text: str) -> list[tuple[str, str, str | None]]:
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return [(i.team, i.target, i.start) for i in extract(make_doc(text, "2021-03-10")).inspections]


def test_team_words_of_the_genre_name_inspection_teams():
    assert _inspections("5月3日至5日，省安全生产第二督察组到长丰县开展安全生产督察。") == [
        ("安徽省安全生产第二督察组", "安徽省合肥市长丰县", "2020-05-03")]
    assert _inspections("5月3日，市安委会考评组进驻长丰县开展考评。") == [
        ("合肥市安委会考评组", "安徽省合肥市长丰县", "2020-05-03")]


def test_the_leader_of_a_team_holds_the_team_word_and_post():
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    rec = extract(make_doc("5月3日，省安全生产第二督察组组长王大明带队到长丰县督察。", "2021-03-10"))
    assert [(p.name, p.titles) for p in rec.persons] == [("王大明", ["督察组组长"])]


def _roles(sentence: str) -> list[tuple[str, str]]:
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    rec = extract(make_doc("3月2日，县政府召开全县安全生产工作会议。" + sentence, "2021-03-10"))
    return [(p.name, p.role) for m in rec.meetings for p in m.participants]


def test_the_genres_other_speech_acts_give_the_speaker_role():
    for said in ("作报告。", "致欢迎辞。", "作交流。", "作小结。", "作专题讲座。", "宣布会议开始。"):
        assert _roles("县长王大明" + said) == [("王大明", "speaker")], said


def test_the_genres_other_ways_of_attending_give_the_attendee_role():
    for came in ("应邀出席。", "莅临会议。", "旁听会议。", "参与会议。"):
        assert _roles("县长王大明" + came) == [("王大明", "attendee")], came


def test_the_members_of_a_leading_group_are_a_collective_not_a_post():
    assert _persons("局党委班子成员王大明、李小刚参加会议。") == [("王大明", []), ("李小刚", [])]
    assert _persons("镇领导班子成员王大明参加。") == [("王大明", [])]
    assert _persons("县政府党组成员王大明参加。") == [("王大明", ["县政府党组成员"])]


def _relayed(text: str) -> list[list[str | None]]:
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return [[r.directive for r in m.relays] for m in extract(make_doc(text, "2021-03-10")).meetings]


def test_the_genres_other_relay_verbs_pass_a_document_on():
    held = "3月2日，县政府召开全县安全生产工作会议。会议要求，"
    plan = "《安全生产专项整治三年行动方案》"
    assert _relayed(held + "各部门要对照" + plan + "逐项抓落实。") == [[plan[1:-1]]]
    assert _relayed(held + "各部门遵照" + plan + "部署工作。") == [[plan[1:-1]]]
    assert _relayed(held + "推动" + plan + "落地见效。") == [[plan[1:-1]]]


def test_the_genres_other_editor_credits_name_editors_not_reporters():
    from graph_loader.ingest.metadata import read_metadata
    for credit in ("审签：王大明", "美编：王大明", "审定：王大明", "签发：王大明"):
        meta = read_metadata([], "3月2日，县政府召开会议。", "全文结束。", [credit], None)
        assert (meta.reporters, meta.editors) == ([], ["王大明"]), credit


def test_the_genres_other_reporter_ranks_open_a_byline():
    from graph_loader.ingest.metadata import read_metadata
    meta = read_metadata([], "3月2日，县政府召开会议。", "全文结束。", ["主任记者 王大明 通讯员 李小刚"], None)
    assert meta.reporters == ["王大明", "李小刚"]


def test_the_genres_other_posts_of_address_follow_a_bare_name():
    assert _persons("会议由王大明副镇长主持。") == [("王大明", ["副镇长"])]
    assert _persons("李小刚处长通报了检查情况。") == [("李小刚", ["处长"])]
    assert _persons("赵大海董事长表态发言。") == [("赵大海", ["董事长"])]
    assert _persons("和县医院院长讲话。") == []


def test_the_leaders_present_spoken_of_with_their_de_take_the_role():
    for ref in ("与会的", "到会的", "在座的"):
        roles = _roles("县领导王大明、李小刚出席会议。会上，" + ref + "县领导分别就分管工作提出要求。")
        assert roles == [("王大明", "speaker"), ("李小刚", "speaker")], ref


def test_a_meeting_only_planned_or_made_a_routine_is_not_held():
    held = "3月2日，县政府召开会议，县长王大明讲话。"
    for later in ("县政府择期召开全县安全生产推进会。", "各乡镇要定期召开安全生产推进会。",
                  "每月召开一次全县安全生产推进会。"):
        assert len(_meetings(held + later)) == 1, later


def test_the_genres_other_package_nouns_and_modifiers_name_a_package():
    from graph_loader.extract.directives import find_directives
    assert [d.title for d in find_directives("会议传达学习了安全生产十条禁令。")] == ["安全生产十条禁令"]
    assert [d.title for d in find_directives("严格执行安全生产十二条刚性措施。")] == ["安全生产十二条刚性措施"]
    assert find_directives("会议提出了五条要求。") == []


def test_a_deployment_held_by_video_or_telephone_is_a_teleconference():
    for noun in ("电视电话调度会", "视频推进会", "电视电话部署会议", "视频连线会"):
        assert _meetings("3月2日，县政府召开全县安全生产" + noun + "，县长王大明讲话。") == [
            ("teleconference", "2021-03-02")], noun


def test_the_genres_other_time_words_before_the_relayed_levels():
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    for lead in ("前不久", "最近", "日前召开的"):
        rec = extract(make_doc("3月2日，长丰县召开安全生产工作会议，传达" + lead + "省、市安全生产会议精神。", "2021-03-10"))
        # the record lists the relayed meetings first, in the order the text names them
        assert [m.level for m in rec.meetings] == ["province", "prefecture", "county"], lead


def test_a_list_of_names_closed_by_the_genres_collectives_of_leaders():
    assert _persons("县设立分会场，王大明、李小刚等县四套班子领导参加收听收看。") == [("王大明", []), ("李小刚", [])]
    assert _persons("王大明、李小刚等镇党政主要领导出席。") == [("王大明", []), ("李小刚", [])]


def test_what_a_speaker_does_besides_speaking_gives_the_speaker_role():
    for said in ("回顾了去年工作。", "阐述了工作思路。", "号召全县干部行动起来。", "勉励大家。", "结合实际谈了体会。"):
        assert _roles("县长王大明" + said) == [("王大明", "speaker")], said


def test_words_of_going_and_acting_at_once_close_a_leaders_name():
    for then in ("赶赴现场指导。", "连夜召开会议。", "坐镇指挥。", "通过视频连线调度。"):
        assert _persons("县长王大明" + then) == [("王大明", ["县长"])], then


def test_a_deputys_post_without_its_body_is_the_deputys():
    assert _persons("副所长王大明参加。") == [("王大明", ["副所长"])]
    assert _persons("副大队长王大明参加。") == [("王大明", ["副大队长"])]
    assert _persons("某中学副校长王大明参加。") == [("王大明", ["副校长"])]


def test_a_village_secretary_and_a_townships_officer_are_posts():
    assert _persons("村支书王大明参加。") == [("王大明", ["村支书"])]
    assert _persons("镇安全专干王大明参加。") == [("王大明", ["镇安全专干"])]


def test_the_meeting_named_again_by_the_genres_other_pointers_is_no_new_meeting():
    held = "3月2日，某镇召开防汛工作推进会，镇长王大明主持会议并讲话。"
    assert len(_meetings(held + "这场推进会的召开，标志着汛前准备全面启动。")) == 1
    assert len(_meetings(held + "今天的推进会召开得很及时。")) == 1


def test_a_list_closed_by_a_level_with_ji_before_its_leaders():
    assert _persons("王大明、李小刚等县级领导出席会议。") == [("王大明", []), ("李小刚", [])]
    assert _persons("王大明、李小刚等县处级干部出席会议。") == [("王大明", []), ("李小刚", [])]


def test_what_a_speaker_does_at_a_study_session_gives_the_speaker_role():
    for said in ("讲党课。", "为全体干部上党课。", "导读文件。", "带学了文件。", "作专题宣讲。"):
        assert _roles("县长王大明" + said) == [("王大明", "speaker")], said


def test_an_executive_deputys_post_is_written_with_its_changwu():
    assert _persons("常务副镇长王大明参加。") == [("王大明", ["常务副镇长"])]
    assert _persons("常务副秘书长王大明参加。") == [("王大明", ["常务副秘书长"])]


def test_a_bare_tuan_ending_jituan_starts_no_title_but_the_youth_leagues_committee_does():
    # title_heads.tsv: `某集团董事长` is no `团董事长`; `团市委书记` keeps the league's committee
    found = dict(_persons("会议召开。某煤集团董事长、党委书记王大明，团市委副书记李小军参加会议。"))
    assert found["王大明"] == ["董事长", "党委书记"]
    assert found["李小军"] == ["团市委副书记"]


def test_the_clipped_teleconference_and_the_warning_meeting_are_meetings_watched_or_held():
    # `电视会` is the clipped `电视会议`: the watched meeting of the level above, then the follow-up
    text = "3月2日，某县组织收听收看全省安全生产紧急电视会。会后，县长王大明强调要抓好落实。"
    assert [(m.kind, m.level) for m in _extract(text).meetings] == [("teleconference", "province"), (None, "county")]
    text = "3月2日，某县组织收听收看全省安全生产警示会。会后，县长王大明强调要抓好落实。"
    assert [(m.kind, m.level) for m in _extract(text).meetings] == [("study", "province"), (None, "county")]
    assert _meetings("3月2日，县应急管理局组织召开矿山安全生产警示教育会议，局长王大明主持会议。") == [
        ("study", "2021-03-02")]


def _extract(text: str):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, "2021-03-10"))


def test_a_closing_line_of_an_outlet_its_role_word_and_a_name_glued_together_names_the_reporter():
    from graph_loader.ingest.metadata import read_metadata
    meta = read_metadata([], "3月2日，县政府召开会议。", "全文结束。", ["某某日报全媒体记者王大明", "新闻推荐"], None)
    assert meta.reporters == ["王大明"]


def test_the_byline_of_the_paragraph_under_a_photo_caption_names_the_reporters():
    from graph_loader.ingest.metadata import read_metadata
    caption = "3月2日上午，县安全生产工作会议召开。这是会议现场。 记者 赵小文 摄"
    story = "某某新闻网3月2日讯(记者王大明、李小刚)今天上午，县安全生产工作会议召开。"
    meta = read_metadata([], caption, "全文结束。", [], None, [caption, story, "全文结束。"])
    assert meta.reporters[:2] == ["王大明", "李小刚"]


def test_a_writers_place_opening_a_closing_parenthesis_is_no_reporter():
    from graph_loader.ingest.metadata import read_metadata
    first = "4月2日，安平乡组织召开安全工作专题会。"
    last = "会议强调，要落实责任。(安平 王大明)"
    meta = read_metadata([], first, last, [], None, [first])
    assert meta.reporters == ["王大明"]


def test_a_joint_text_and_photo_credit_with_a_slash_is_no_part_of_the_name():
    from graph_loader.ingest.metadata import read_metadata
    for credit in ("文图/王大明", "图文/王大明", "(文图/王大明)"):
        meta = read_metadata([], "3月2日，县政府召开会议。", "全文结束。", [credit], None)
        assert meta.reporters == ["王大明"], credit
