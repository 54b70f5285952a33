"""Unit tests of the core extractor (persons, titles, meetings, roles, relays, inspections).

Sentences are invented in the genre's style (other provinces, posts and verbs than the seeds),
so the rules are checked for the genre and not for the seed articles.
"""

from __future__ import annotations

from array import array

import pytest

from graph_loader.extract.persons import find_persons, strip_place
from graph_loader.extract.pipeline import extract, extract_many
from graph_loader.extract.scoring import date_match, tally, titles_match
from graph_loader.ingest.document import Document, Metadata


def make_doc(text: str, published: str | None = None, reporters: list[str] | None = None,
             editors: list[str] | None = None, doc_id: str = "t") -> Document:
    n = len(text)
    return Document(doc_id=doc_id, path=f"{doc_id}.txt", sha256="", encoding="utf-8", original=text, clean=text,
                    starts=array("l", range(n)), ends=array("l", range(1, n + 1)),
                    metadata=Metadata(published=published, reporters=reporters or [], editors=editors or []))


def in_text_order(rec):
    """The record with its meetings in the order the text tells them (where each is first written, then where
    it is named), relay indexes remapped: for tests of what is read, not of the record's order (relayed
    meetings first, `higher.in_record_order`)."""
    def told(i: int) -> tuple[int, int, int]:
        ev = rec.meetings[i].evidence
        first = min((e.start for e in ev), default=0)
        return first, min((e.start for e in ev if e.rule != "meeting.date"), default=first), i
    order = sorted(range(len(rec.meetings)), key=told)
    new_index = {old: new for new, old in enumerate(order)}
    meetings = [rec.meetings[i].model_copy(deep=True) for i in order]
    for m in meetings:
        for r in m.relays:
            if r.meeting is not None:
                r.meeting = new_index[r.meeting]
    return rec.model_copy(update={"meetings": meetings})


def persons_of(rec) -> dict[str, list[str]]:
    return {p.name: p.titles for p in rec.persons}


def roles_of(rec) -> dict[str, str]:
    return {x.name: x.role for m in rec.meetings for x in m.participants}


# --- persons and titles -------------------------------------------------------------------------------

def test_title_chain_is_split_at_enumeration_comma():
    rec = extract(make_doc("6月3日，安吉县委副书记、县长吴海峰主持召开县政府常务会议。"))
    assert persons_of(rec)["吴海峰"] == ["县委副书记", "县长"]


def test_one_post_written_in_full_and_short_is_one_title():
    # the full form stays; a deputy's post is no tail of another post (副书记 is not 书记)
    rec = extract(make_doc("6月3日，县政府副县长吴海峰出席会议并讲话。副县长吴海峰强调，县委副书记赵某明、书记赵某明参加。"))
    assert persons_of(rec)["吴海峰"] == ["县政府副县长"]
    assert sorted(persons_of(rec)["赵某明"]) == ["书记", "县委副书记"]


def test_a_title_that_lost_its_first_character_with_the_debris_is_none():
    # `??h` is a lost character whose second byte survived: the title after it is destroyed, the next one whole
    rec = extract(make_doc("6月3日，县里召开会议??h委常委、副县长吴海峰讲话。??县委常委、县长赵某明主持。"))
    assert persons_of(rec)["吴海峰"] == ["副县长"]
    assert persons_of(rec)["赵某明"] == ["县委常委", "县长"]


def test_a_follower_character_right_before_a_clause_mark_ends_the_name():
    # `来`, `向` need an object, so before a comma they are the name's last character; `等`, `说` may close a clause
    rec = extract(make_doc("6月3日，副区长赵某明,副区长康泰来,副区长王某向,副县长李某等,出席会议。"))
    assert set(persons_of(rec)) == {"赵某明", "康泰来", "王某向", "李某"}


def test_an_honorific_after_the_name_that_ends_in_a_post_is_its_title():
    rec = extract(make_doc("6月3日，镇里召开会议。会上，李某英武装部长通报了情况，王某华同志作了发言。"))
    assert persons_of(rec)["李某英"] == ["武装部长"]
    assert persons_of(rec).get("王某华", []) == []


def test_a_title_opening_the_text_keeps_its_post_whatever_the_text_ends_with():
    # the walk back from the post stops at the text's start, never wrapping to its last character
    text = "副县长巴某尔主持会议，要求各乡镇抓好落实，确保全县"
    assert [t.full for t in find_persons(text)[0].titles] == ["副县长"]


def test_a_post_followed_by_its_verb_names_no_one():
    # `县长作了讲话`: the word after the post is what the post does, not a name without a surname
    assert find_persons("会议由县长主持，县长作了讲话。") == []
    assert [p.name for p in find_persons("旗长其某格主持会议，县长作了讲话。")] == ["其某格"]


def test_leading_place_name_is_removed_but_level_kept():
    rec = extract(make_doc("安吉县委书记黄建军出席会议。", published="2023-04-02"))
    assert persons_of(rec)["黄建军"] == ["县委书记"]
    post = rec.persons[0].posts[0]
    assert post.full == "安吉县委书记"
    assert post.body == "安吉县委" and post.region == "浙江省湖州市安吉县"


def test_strip_place_keeps_posts_that_start_with_the_level():
    assert strip_place("海安市委书记", 3) == "市委书记"
    assert strip_place("宜昌市市长", 3) == "市长"
    assert strip_place("宜昌市副市长", 3) == "副市长"
    # the full place name, then the level again (`某某县县委书记`): the level once
    assert strip_place("某乡县县委书记", 3) == "县委书记"
    assert strip_place("某乡县县委常委", 3) == "县委常委"
    assert strip_place("某某区区委书记", 3) == "区委书记"
    assert strip_place("省安全生产第二督导组组长", 0) == "督导组组长"
    assert strip_place("国务院安委会安全生产第三巡查组副组长", 0) == "巡查组副组长"


def test_names_after_a_collective_have_no_titles_and_share_the_role():
    rec = extract(make_doc("2月1日，区委书记王志刚主持召开专题会议。区领导陈亮、何平、欧阳明华参加会议。"))
    people = persons_of(rec)
    assert people["陈亮"] == [] and people["何平"] == [] and people["欧阳明华"] == []
    roles = roles_of(rec)
    assert roles["王志刚"] == "chair"
    assert roles["陈亮"] == roles["何平"] == roles["欧阳明华"] == "attendee"


def test_name_list_after_a_post_shares_the_title():
    mentions = find_persons("县委常委张海波、李文静等参加会议。")
    assert [(m.name, [t.full for t in m.titles]) for m in mentions] == [
        ("张海波", ["县委常委"]), ("李文静", ["县委常委"])]


def test_next_title_in_a_list_is_not_a_name():
    mentions = find_persons("市委书记刘强、副市长孙晓红出席。")
    assert [(m.name, [t.full for t in m.titles]) for m in mentions] == [
        ("刘强", ["市委书记"]), ("孙晓红", ["副市长"])]


def test_two_character_names_before_a_verb():
    names = [m.name for m in find_persons("镇党委书记郑明作表态发言，镇长冯涛在会上讲话，听取了局长王军的汇报。")]
    assert names == ["郑明", "冯涛", "王军"]


def test_ordinary_words_after_a_post_are_not_names():
    assert find_persons("市长严格要求各部门落实责任，书记高度重视。") == []


def test_title_does_not_swallow_the_verb_before_it():
    mentions = find_persons("会议传达学习省委书记林武的讲话精神。会议由市委常委、副市长李强主持。")
    assert [(m.name, [t.full for t in m.titles]) for m in mentions] == [
        ("林武", ["省委书记"]), ("李强", ["市委常委", "副市长"])]


def test_national_leaders_are_persons_but_not_participants():
    rec = extract(make_doc("3月1日，县长吴海峰主持召开会议，传达学习习近平总书记、李强总理关于安全生产的重要指示精神。"))
    people = persons_of(rec)
    assert people["习近平"] == ["总书记"] and people["李强"] == ["总理"]
    assert "习近平" not in roles_of(rec) and roles_of(rec)["吴海峰"] == "chair"
    assert rec.instructions and rec.instructions[0].kind == "instruction"


def test_reporters_and_editors_are_not_persons():
    rec = extract(make_doc("本报讯（记者 李明）副县长张文出席会议。（责编：赵丽）", reporters=["李明"], editors=["赵丽"]))
    assert set(persons_of(rec)) == {"张文"}


# --- meetings, roles, dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, role", [
    ("市长李明华主持会议并讲话。", "chair"),
    ("副市长王平出席会议并讲话。", "speaker"),
    ("区长孙明参加会议。", "attendee"),
    ("会议由副区长赵志刚主持。", "chair"),
    ("局长刘军作交流发言。", "speaker"),
])
def test_strongest_role_in_the_persons_clause(sentence, role):
    rec = extract(make_doc("5月9日，市政府召开安全生产工作会议。" + sentence))
    assert len(rec.meetings) == 1
    assert list(roles_of(rec).values()) == [role]


def test_a_person_cited_with_de_is_not_a_participant():
    rec = extract(make_doc("5月9日，市政府召开安全生产工作会议。在听取了市应急管理局局长王军的汇报后，市长李明华指出，要压实责任。"))
    assert roles_of(rec) == {"李明华": "speaker"}


def test_relative_meeting_date_resolves_against_published():
    rec = extract(make_doc("昨天下午，区委书记王志刚主持召开区委常委会会议。", published="2024-03-01"))
    assert rec.meetings[0].date == "2024-02-29"


def test_month_day_without_year_stays_partial():
    rec = extract(make_doc("3月5日，县长吴海峰主持召开县安委会全体会议。"))
    assert rec.meetings[0].date == "--03-05"


def test_month_day_takes_the_year_of_another_date_in_the_text():
    rec = extract(make_doc("5月27日，督查情况反馈会召开。副市长何平主持会议。督查组自2023年4月1日至4月30日开展督查。"))
    assert rec.meetings[0].date == "2023-05-27"


def test_same_day_word_takes_the_previous_date():
    rec = extract(make_doc("4月10日，省安全生产第二督导组进驻宜昌市，并于当日上午召开进驻汇报会。"
                           "宜昌市委副书记、市长马国强主持会议。"))
    assert rec.meetings[0].date == "--04-10"


def test_meeting_level_and_region_from_the_chairs_post():
    rec = extract(make_doc("6月3日，安吉县委副书记、县长吴海峰主持召开县政府常务会议。"))
    m = rec.meetings[0]
    assert (m.level, m.region) == ("county", "浙江省湖州市安吉县")
    assert m.kind == "deployment"


def test_lower_meeting_after_a_higher_one_relays_it():
    text = ("宣恩县融媒体中心讯 7月2日，省政府召开全省安全生产电视电话会议，副省长周强主持会议。"
            "省电视电话会议结束后，州政府立即召开全州电视电话会议，贯彻落实省政府会议精神。州长刘洋强调，要压实责任。")
    rec = extract(make_doc(text))
    assert [(m.level, m.region) for m in rec.meetings] == [
        ("province", "湖北省"), ("prefecture", "湖北省恩施土家族苗族自治州")]
    assert rec.meetings[1].relays[0].meeting == 0
    assert roles_of(rec) == {"周强": "chair", "刘洋": "speaker"}


def test_branch_venue_is_a_lower_meeting_relaying_the_higher_one():
    text = ("6月5日，全省安全生产工作电视电话会议召开。宜昌市委副书记、市长周立在宜昌分会场收听收看并讲话，"
            "市安委会成员单位主要负责人参加会议。")
    rec = extract(make_doc(text))
    assert len(rec.meetings) == 2
    branch = rec.meetings[1]
    assert branch.level == "prefecture" and branch.region == "湖北省宜昌市"
    assert branch.relays[0].meeting == 0
    assert [(p.name, p.role) for p in branch.participants] == [("周立", "speaker")]


def test_directive_relayed_by_a_meeting():
    text = ("4月2日，县委书记黄建军主持召开县委常委会会议，传达学习《国务院安委会关于加强安全生产工作的通知》精神，"
            "严格落实安全生产十五条硬措施。市应急管理局负责人围绕《某地事故调查报告》进行案例教学。")
    rec = extract(make_doc(text))
    relayed = [r.directive for r in rec.meetings[0].relays]
    assert "国务院安委会关于加强安全生产工作的通知" in relayed
    assert "安全生产十五条硬措施" in relayed
    assert not any(r and "调查报告" in r for r in relayed)


def test_announced_meeting_is_not_held():
    rec = extract(make_doc("县委书记黄建军表示，下周将召开全县安全生产工作会议。"))
    assert rec.meetings == []


# --- inspections ----------------------------------------------------------------------------------------

def test_inspection_with_arrival_date_and_region_target():
    rec = extract(make_doc("4月10日，省安全生产第二督导组进驻宜昌市开展安全生产督导。督导组组长、省应急管理厅副厅长徐文讲话。"))
    insp = rec.inspections[0]
    assert insp.team == "湖北省安全生产第二督导组"
    assert (insp.target, insp.start, insp.end) == ("湖北省宜昌市", "--04-10", None)
    assert insp.leader == "徐文"
    assert persons_of(rec)["徐文"] == ["督导组组长", "省应急管理厅副厅长"]


def test_inspection_of_a_department_and_with_a_period():
    text = ("按照浙江省委部署，省安全生产第一巡查组自2023年3月1日至3月31日对省住建厅开展巡查。"
            "国务院安委会安全生产第五巡查组于6月8日至7月5日对我省安全生产工作进行了巡查。")
    rec = extract(make_doc(text, published="2023-08-01"))
    got = {(i.team, i.target, i.start, i.end) for i in rec.inspections}
    assert ("浙江省安全生产第一巡查组", "浙江省住房和城乡建设厅", "2023-03-01", "2023-03-31") in got
    assert ("国务院安委会安全生产第五巡查组", "浙江省", "2023-06-08", "2023-07-05") in got


# --- robustness and evidence ----------------------------------------------------------------------------

def test_article_without_chinese_gives_an_empty_valid_record():
    rec = extract(make_doc("This article has no Chinese at all."))
    assert rec.persons == [] and rec.meetings == []
    assert any(w.startswith("no_chinese") for w in rec.warnings)
    assert rec.to_json_dict()["doc_id"] == "t"


def test_empty_of_officials_warns_but_keeps_other_facts():
    rec = extract(make_doc("近日，江苏省开展危化品安全专项整治。"))
    assert rec.persons == [] and "危险化学品" in rec.sectors
    assert "no_officials_or_meetings" in rec.warnings


def test_every_fact_carries_evidence_with_its_sentence_and_rule():
    text = "6月3日，安吉县委副书记、县长吴海峰主持召开县政府常务会议。"
    rec = extract(make_doc(text))
    ev = rec.persons[0].evidence[0]
    assert text[ev.start:ev.end] == "吴海峰" and ev.text == text and ev.rule == "person.post"
    part = rec.meetings[0].participants[0].evidence[0]
    assert part.rule.startswith("meeting.chair")


def test_extract_many_keeps_order_with_workers():
    docs = [make_doc(f"{i + 1}月3日，县长吴海峰主持召开会议。", doc_id=f"d{i}") for i in range(3)]
    recs = list(extract_many(docs, workers=2))
    assert [r.doc_id for r in recs] == ["d0", "d1", "d2"]
    assert recs[2].meetings[0].date == "--03-03"


# --- scoring helpers (copied from gold/score.py) -------------------------------------------------------

def test_scoring_helpers_follow_the_shared_scorer():
    assert titles_match("巡查组组长", "省安全生产第四巡查组组长")
    assert not titles_match("市长", "副市长")
    assert date_match("--06-20", "2022-06-20") and date_match(None, "2022-01-01")
    assert not date_match("2022-06-20", None)
    tp, fn, fp = tally(["a", "b"], ["b", "c"], lambda g, p: g == p)
    assert (tp, fn, fp) == (1, ["a"], ["c"])


def test_level_from_the_chairs_post_when_the_place_is_unknown():
    rec = extract(make_doc("9月1日下午，省委副书记、省长王浩主持召开省政府常务会议。"))
    assert (rec.meetings[0].level, rec.meetings[0].region) == ("province", None)
    rec = extract(make_doc("6月20日，市委副书记、市长储某明主持召开会议。"))  # 市: prefecture or county-level city
    assert rec.meetings[0].level is None


def test_meeting_after_another_one_starts_a_new_scope():
    text = ("宜昌新闻网讯 6月5日，全省安全生产视频会议召开，副省长周强主持。全省安全生产视频会议后，"
            "我市紧接着召开会议进行再部署。市委书记马国强要求，全市各级各部门要抓好落实。")
    rec = extract(make_doc(text))
    # the home calls itself 我市 and no place of the text says which 市: its level is not said (gold precedent)
    assert [m.level for m in rec.meetings] == ["province", None]
    assert rec.meetings[1].relays[0].meeting == 0
    assert [(p.name, p.role) for p in rec.meetings[1].participants] == [("马国强", "speaker")]


def test_headline_and_chaired_remention_do_not_add_meetings():
    text = ("泽库县召开督导反馈会议\n7月17日，省安全生产第一督导组督导泽库县工作反馈会议举行。"
            "督导组组长张明华通报督导情况。县长庞策山主持反馈会。会后，县政府接着召开会议，传达贯彻反馈会议精神。"
            "副县长李红军讲话。")
    rec = extract(make_doc(text, published="2023-07-18"))
    # the `会后` meeting takes the date of the one it follows (GUIDELINES: held right after a dated one)
    assert [(m.date, m.level) for m in rec.meetings] == [("2023-07-17", "county"), ("2023-07-17", "county")]
    assert rec.meetings[0].region == "青海省黄南藏族自治州泽库县"  # where the team inspects
    assert rec.meetings[0].inspection == 0
    assert rec.meetings[1].relays[0].meeting == 0
    assert roles_of(rec) == {"张明华": "speaker", "庞策山": "chair", "李红军": "speaker"}


# --- second pass: genre-general gaps ------------------------------------------------------------------

def test_untitled_name_list_before_a_collective_or_an_attendance_verb():
    rec = extract(make_doc("5月8日，县长周建平主持召开县政府常务会议。林晓东、高志远等县领导出席会议。"
                           "孙立、黎明辉列席会议。"))
    roles = roles_of(rec)
    assert roles["林晓东"] == roles["高志远"] == roles["孙立"] == roles["黎明辉"] == "attendee"
    assert persons_of(rec)["林晓东"] == []


def test_a_rank_group_closes_or_opens_a_list_of_names():
    # `A、B等县处级领导干部出席`, `副县级干部C参加`: a rank word before 干部 is a collective, not a post
    rec = extract(make_doc("5月8日，县长周建平主持召开县政府常务会议。林晓东、高志远等县处级领导干部出席会议。"
                           "县领导孙立,副县级干部黎明辉参加会议。"))
    roles = roles_of(rec)
    assert roles["林晓东"] == roles["高志远"] == roles["孙立"] == roles["黎明辉"] == "attendee"
    assert persons_of(rec)["黎明辉"] == []


def test_a_list_piece_closed_by_a_comma_mark_is_read_whole():
    # `李某来` before 、: no verb stands before a list mark, so the three characters are the name
    assert [m.name for m in find_persons("县领导王建国、李青来、付磊参加。")] == ["王建国", "李青来", "付磊"]
    assert [m.name for m in find_persons("县长王建国来我县调研。")] == ["王建国"]


def test_ordinary_words_opening_a_clause_are_not_names():
    assert find_persons("。同时要求参加会议的单位。高度重视出席会议。全体干部参加会议。") == []


def test_name_before_an_honorific_is_a_person_without_a_title():
    rec = extract(make_doc("近日，市政府召开全市安全生产会议。王建国同志出席会议并讲话。"))
    assert persons_of(rec)["王建国"] == [] and roles_of(rec)["王建国"] == "speaker"


def test_a_name_after_a_post_may_open_with_an_ordinary_word():
    names = [m.name for m in find_persons("。督查组组长申明荷通报了督查发现的问题。")]
    assert names == ["申明荷"]


def test_a_place_is_not_a_name_after_a_collective():
    names = [m.name for m in find_persons("市委书记董强代表池州市作表态发言。", region_starts=frozenset({8}))]
    assert names == ["董强"]


def test_list_intro_covers_the_whole_sentence():
    rec = extract(make_doc("3月2日，县长韩磊主持召开县安委会全体会议。出席会议的还有县人大常委会主任罗平，副县长蔡明。"))
    assert roles_of(rec)["蔡明"] == "attendee"


def test_people_attending_at_a_branch_venue_attend_the_meeting_watched():
    """GUIDELINES (real gold): the people named at a branch venue attend the higher meeting; the venue
    is no meeting of its own while nobody chairs or speaks there."""
    rec = extract(make_doc("5月7日，福建省政府召开全省安全生产电视电话会议。武平县设分会场，县长龙建参加会议。"))
    assert len(rec.meetings) == 1
    assert rec.meetings[0].level == "province" and rec.meetings[0].date == "--05-07"
    assert [(p.name, p.role) for p in rec.meetings[0].participants] == [("龙建", "attendee")]


@pytest.mark.parametrize("line", ["县长龙建在武平县分会场参加会议。", "县委书记龙建在武平县分会场收听收看。"])
def test_attending_at_a_branch_venue_adds_no_meeting(line):
    rec = extract(make_doc("5月7日，福建省政府召开全省安全生产电视电话会议。" + line))
    assert [m.level for m in rec.meetings] == ["province"]
    assert [(p.name, p.role) for p in rec.meetings[0].participants] == [("龙建", "attendee")]


def test_chairing_at_a_branch_venue_is_the_lower_meeting_relaying_the_watched_one():
    rec = extract(make_doc("5月7日，福建省政府召开全省安全生产电视电话会议。县长龙建在武平县分会场主持会议。"))
    assert [m.level for m in rec.meetings] == ["province", "county"]
    high, venue = rec.meetings
    assert [(p.name, p.role) for p in high.participants] == [("龙建", "attendee")]
    assert [(p.name, p.role) for p in venue.participants] == [("龙建", "chair")]
    assert venue.date == "--05-07"
    assert [(r.meeting, r.inferred, r.basis) for r in venue.relays] == [(0, True, "branch_venue")]


def test_anonymous_branch_venue_adds_no_meeting():
    rec = extract(make_doc("5月7日，福建省政府召开全省安全生产电视电话会议，省长林海主持会议。"
                           "县安委会成员单位负责人在武平分会场收听收看会议。"))
    assert len(rec.meetings) == 1 and rec.meetings[0].level == "province"
    assert roles_of(rec) == {"林海": "chair"}


def test_meeting_after_a_branch_venue_relays_the_meeting_the_venue_watched():
    rec = extract(make_doc("5月7日，福建省政府召开全省安全生产电视电话会议。县长龙建在武平县分会场参加会议。"
                           "省政府会议结束后，龙岩市政府立即召开全市电视电话会议，贯彻落实省政府会议精神。"
                           "市长陈平主持会议。"))
    assert [m.level for m in rec.meetings] == ["province", "prefecture"]
    assert [(p.name, p.role) for p in rec.meetings[0].participants] == [("龙建", "attendee")]
    assert [r.meeting for r in rec.meetings[1].relays] == [0]


def test_team_reporting_back_is_a_feedback_meeting():
    rec = extract(make_doc("5月17日下午，湖北省安全生产第二督导组向黄石市反馈督导情况。督导组组长万明反馈督导意见。"
                           "会议由市委副书记、市长石磊主持。"))
    assert len(rec.meetings) == 1 and rec.meetings[0].kind == "feedback"
    assert rec.meetings[0].region == "湖北省黄石市"
    assert roles_of(rec) == {"万明": "speaker", "石磊": "chair"}


def test_named_convener_places_a_relayed_meeting():
    rec = extract(make_doc("山西省政府于4月13日召开全省安全生产电视电话会议。省政府会议结束后，晋中市政府立即召开"
                           "全市电视电话会议，贯彻落实省政府会议精神。会后，介休市接着召开会议，传达贯彻晋中市会议精神。"))
    assert [(m.level, m.region) for m in rec.meetings] == [
        ("province", "山西省"), ("prefecture", "山西省晋中市"), ("county", "山西省晋中市介休市")]
    assert [r.meeting for m in rec.meetings for r in m.relays if r.meeting is not None] == [0, 1]
    assert rec.meetings[1].convener == "晋中市人民政府"


def test_a_level_character_and_any_body_word_place_the_convened_meeting():
    # `市住建局召开…` in a report whose home only its source names: the 市 of that home holds it (any body of
    # lexicon/bodies.tsv after the level character, not only a government or a party committee)
    doc = make_doc("11月7日，市住建局召开建筑施工安全专题视频会议，部署岁末年初安全防范工作。会议要求，各单位要压实责任。")
    doc.metadata.source = "嘉兴市住房和城乡建设局"
    rec = extract(doc)
    assert [(m.level, m.region) for m in rec.meetings] == [("prefecture", "浙江省嘉兴市")]


def test_convener_from_the_meeting_name_not_from_the_chairs_title():
    rec = extract(make_doc("3月18日，韶关市委副书记、市长李国强主持召开市政府常务会议。"))
    assert rec.meetings[0].convener == "韶关市人民政府"


def test_bare_post_after_a_party_post_belongs_to_the_department():
    rec = extract(make_doc("5月9日，省应急管理厅党委书记、厅长王柯主持召开湖南省安委办约谈会。"))
    posts = {p.title: p.body for p in rec.persons[0].posts}
    assert posts["厅长"] == "湖南省应急管理厅"


def test_autonomous_region_government_meeting_is_province_level():
    rec = extract(make_doc("8月2日，自治区政府召开全区安全生产电视电话会议。会后，锡林郭勒盟立即召开全盟安全生产工作会议。"
                           "盟委副书记、盟长张海峰出席会议并讲话，副盟长李强主持会议。"))
    assert [m.level for m in rec.meetings] == ["province", "prefecture"]
    assert persons_of(rec)["李强"] == ["副盟长"]


def test_place_inside_a_personal_name_is_not_a_region():
    rec = extract(make_doc("6月1日，四川省政府召开全省安全生产电视电话会议。副省长张建华主持会议。"))
    assert rec.regions == ["四川省"]
