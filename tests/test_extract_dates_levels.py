"""Meeting dates and levels of real reports (issue #16), on made-up sentences of the genre."""

from __future__ import annotations

from tests.test_extract_fresh2_rules import _rec


def _dated(text: str, published: str | None = None) -> list[tuple[str | None, str | None]]:
    return [(m.date, m.level) for m in _rec(text, published).meetings]


def test_a_meeting_of_the_centre_named_without_a_region():
    # held in the capital, no body of a region named: national
    assert _dated("6月3日上午,贯彻落实某某规定电视电话会议在京召开。会议要求各地抓好落实。") == [("--06-03", "national")]
    # named after a national body
    assert _dated("6月3日上午,国务院安委会某某专项整治电视电话会议召开。会议要求各地抓好落实。") == [
        ("--06-03", "national")]
    # convened by a central body, first of a list of conveners: national
    assert _dated("6月3日,国务院安委办、某某部召开某某安全专题视频会议,通报某地事故情况。") == [("--06-03", "national")]
    # a province's body holds it: its level, not the capital's
    assert _dated("省政府安全生产工作会议6月3日在京召开,省长讲话。") == [("--06-03", "province")]


def test_quan_qu_in_an_autonomous_region_without_a_district_home_is_the_region():
    from graph_loader.extract.regions import relative_region
    assert relative_region("全区", "内蒙古自治区锡林郭勒盟") == "内蒙古自治区"
    assert relative_region("我区", "广西壮族自治区柳州市") == "广西壮族自治区"
    assert relative_region("全区", "广西壮族自治区柳州市城中区") == "广西壮族自治区柳州市城中区"  # a district's own
    assert relative_region("区", "内蒙古自治区锡林郭勒盟") is None  # `区委` alone: a district's
    assert relative_region("全区", "江苏省南通市") is None


def test_a_meeting_held_after_the_one_before_it_takes_its_date():
    from graph_loader.extract.dates import DateHit
    from graph_loader.extract.meetings import MeetingDraft, assign_dates
    from graph_loader.extract.sentences import SentenceIndex
    for after in ("市会议后,某镇继续召开", "会议结束后某镇立即召开", "会后,某镇召开"):
        text = "3月2日上午,某市召开全市安全生产工作会议。\n要压实责任。\n" + after + "安全生产会议。"
        first, second = text.index("召开"), text.rindex("召开")
        drafts = [MeetingDraft(0, first + 12, first), MeetingDraft(second - len(after) + 2, len(text), second)]
        assign_dates(drafts, [DateHit(0, 6, "3月2日上午", "2021-03-02")], SentenceIndex(text))
        assert [d.date for d in drafts] == ["2021-03-02", "2021-03-02"], after
    text = "3月2日上午,某市召开全市安全生产工作会议。\n要压实责任。\n某镇召开安全生产会议。"
    first, second = text.index("召开"), text.rindex("召开")
    drafts = [MeetingDraft(0, first + 12, first), MeetingDraft(second - 2, len(text), second)]
    assign_dates(drafts, [DateHit(0, 6, "3月2日上午", "2021-03-02")], SentenceIndex(text))
    assert drafts[1].date is None  # nothing says it followed


def test_a_long_headline_names_the_meeting_the_body_reports():
    body = "\n3月2日,市长张某某主持召开市政府常务会议,研究部署安全生产工作。会议要求压实责任。"
    for headline in ("张某某主持召开市政府常务会议,部署汛期安全 防范化解风险",
                     "原标题:市政府召开全市防汛和安全生产视频会议 压紧压实各方责任 确保度汛平安 张某某出席"):
        assert [m.date for m in _rec("某某新闻网\n" + headline + body, "2021-03-03").meetings] == ["2021-03-02"]
    # a paragraph of the story with two commas is no headline
    story = "3月2日,市长张某某主持召开市政府常务会议,研究部署工作\n会议要求压实责任。"
    assert [m.date for m in _rec(story, "2021-03-03").meetings] == ["2021-03-02"]
    # a scraped page's marks opening the next line (`??` for an indent) leave the headline a headline
    page = "某区召开安全生产委员会全体会议\n??3月2日,某区召开安全生产委员会全体会议。\n??会议要求压实责任。"
    assert [m.date for m in _rec(page, "2021-03-03").meetings] == ["2021-03-02"]


def test_a_range_of_days_dates_the_meetings_it_holds_in_order():
    text = "3月2日至3日,省政府在甲乙、丙丁分别召开省安委会全体会议和全省安全生产工作会议,省长张某某出席并讲话。"
    assert _dated(text, "2021-03-05") == [("2021-03-02", "province"), ("2021-03-03", "province")]
    one = "3月2日至3日,省政府召开全省安全生产工作会议,省长张某某出席并讲话。"
    assert _dated(one, "2021-03-05") == [("2021-03-02", "province")]


def test_day_of_range():
    from graph_loader.extract.dates import DateHit, day_of_range
    hit = DateHit(0, 9, "3月30日至4月1日", "2021-03-30", "2021-04-01")
    assert [day_of_range(hit, k) for k in range(4)] == ["2021-03-30", "2021-03-31", "2021-04-01", "2021-04-01"]
    assert day_of_range(DateHit(0, 9, "3月30日至31日", "--03-30", "--03-31"), 1) == "--03-31"


def test_places_listed_after_zai_are_venues_not_the_convener():
    from graph_loader.extract.meetings import _subject_place
    from graph_loader.extract.regions import find_regions
    text = "省政府在桂林、柳州分别召开会议"
    assert _subject_place(text, text.index("召开"), find_regions(text)) is None
    text = "柳州市在桂林召开会议"
    assert _subject_place(text, text.index("召开"), find_regions(text)) == "广西壮族自治区柳州市"


def test_a_subdistrict_post_says_the_township_level():
    # a subdistrict no gazetteer entry names: its party secretary's post says the township level
    text = "11月3日,某某路街道召开安全生产例会。街道党工委书记张某某主持会议。会议要求压实责任。"
    assert _dated(text, "2021-11-04") == [("2021-11-03", "township")]
    from graph_loader.extract.regions import level_word_at
    assert level_word_at("街道党工委书记") == "街道"
    assert level_word_at("街办主任") == "街办"
    assert level_word_at("党工委书记") is None
    # the spoken form of the subdistrict office heads a title and says the level too
    rec = _rec("12月2日下午,某某街办召开安全生产专题会议。街办主任张某某指出,要认清形势。", "2021-12-03")
    assert [(p.name, p.titles) for p in rec.persons] == [("张某某", ["街办主任"])]
    assert [(m.date, m.level) for m in rec.meetings] == [("2021-12-02", "township")]


def test_a_city_never_named_is_placed_by_the_divisions_it_addresses():
    held = "6月3日,市政府召开常务会议,副市长王大海主持。"
    # counties or districts below it: a prefecture (whatever towns it names too)
    assert _dated(held + "会议要求各县区、各乡镇抓好落实。") == [("--06-03", "prefecture")]
    # towns addressed directly, no county or district: a county-level city
    assert _dated(held + "会议要求各乡镇(街道)抓好落实。") == [("--06-03", "county")]
    assert _dated("6月3日,市安委会全体会议召开,会议要求各镇抓好落实。") == [("--06-03", "county")]
    # neither: the level stays unsaid
    assert _dated(held + "会议要求各部门抓好落实。") == [("--06-03", None)]
    # a county's report: its towns say nothing of the 市 above it
    assert _dated("6月3日,县政府召开常务会议,副县长王大海主持。会议要求各乡镇抓好落实。") == [("--06-03", "county")]
    # the divisions below counted by kind (`两区三县`, `五县(市)一区`): a prefecture; a run of one kind says nothing
    assert _dated(held + "会议要求两区三县抓好落实。") == [("--06-03", "prefecture")]
    assert _dated(held + "会议要求五县(市)一区抓好落实。") == [("--06-03", "prefecture")]
    assert _dated(held + "会议要求一区二区抓好落实。") == [("--06-03", None)]


def test_meeting_nouns_of_the_genre_name_a_meeting_held():
    # `视讯会` is a teleconference, `联席会` a joint meeting, `宣讲会` a study session: each a meeting held
    assert _dated("11月19日下午,全省冬季火灾防控工作视讯会召开。会议要求压实责任。") == [("--11-19", "province")]
    assert _dated("11月25日,某省召开全省干部职工安全生产联席会,副省长甲主持。") == [("--11-25", "province")]
    from graph_loader.lang.kinds import kind_of_noun
    assert kind_of_noun()["视讯会"] == "teleconference" and kind_of_noun()["宣讲会"] == "study"


def test_a_follow_up_told_in_the_lead_and_again_is_one_meeting():
    # the lead tells the follow-up of the watched meeting by its noun alone (`相关会议`, `出席会议并讲话`), the next
    # paragraph tells it again (`…结束后，我市随即召开会议`): one meeting, with the speaker of the second telling
    text = ("6日下午,我市组织收看全省防汛工作视频会议,并在省会议结束后接着召开相关会议,要求各地抓好落实。\n"
            "省会议结束后,我市随即召开会议传达贯彻省会议精神。副市长张某某在会上部署相关工作。")
    rec = _rec(text)
    local = [m for m in rec.meetings if m.level != "province"]
    assert len(local) == 1 and [p.name for p in local[0].participants] == ["张某某"]
    text = ("7月27日上午,某市组织收看全国、全省安全生产电视会议,并对相关会议精神进行贯彻落实。副市长李某某出席会议并讲话。\n"
            "全国、全省安全生产电视会议结束后,某市随即召开会议对安全生产工作进行了安排部署。李某某指出,要压实责任。")
    assert len([m for m in _rec(text, "2018-07-28").meetings if m.level not in ("national", "province")]) == 1


def test_a_long_joined_meeting_name_after_its_verb_is_one_meeting():
    # a name joining two agendas with `暨` runs past 40 characters between `召开` and its noun
    text = ("5月2日，某某县召开2030年第二季度道路交通安全暨“五一”假期前后旅游景区安全防范及重点水域防溺水和"
            "城镇燃气隐患排查整治工作会议，县长王大明讲话。")
    assert _dated(text) == [("2030-05-02", "county")]


def test_a_bare_day_between_the_body_and_its_held_verb_counts_from_the_date_line():
    # a news lead sets the day between the convener and its verb (`某部16日召开…`, `16日在某地举行`)
    from graph_loader.extract.dates import find_dates
    assert [h.value for h in find_dates("某某部16日召开全国某某工作电视电话会议。", "2030-03-17")] == ["2030-03-16"]
    assert [h.value for h in find_dates("会议16日在某某宾馆举行。", "2030-03-17")] == ["2030-03-16"]
    assert [h.value for h in find_dates("每月16日召开例会。", "2030-03-17")] == []  # a day of every month: no date
    # or between the body and its act's object (`某办16日就某事故约谈某市`)
    assert [h.value for h in find_dates("某某办16日就某某事故对某市政府进行约谈。", "2030-03-17")] == ["2030-03-16"]


def test_a_relative_word_with_its_day_in_brackets_is_that_day():
    # `今天(16日)`, `昨日（15日）上午`: the whole word, then the day with its 日 inside the brackets
    from graph_loader.extract.dates import find_dates
    assert [h.value for h in find_dates("今天(16日),某省安委办召开约谈会。", "2030-03-17")] == ["2030-03-16"]
    assert [h.value for h in find_dates("昨日（15日）上午，某县召开会议。", "2030-03-17")] == ["2030-03-15"]


def test_an_autonomous_regions_body_convenes_at_province_level():
    # `自治区` says the province level by itself (region_relative.tsv), before a body as `省` does
    assert _dated("8月2日上午，自治区住房和城乡建设厅安委会召开某某专项整治视频调度会议。") == [("--08-02", "province")]
    assert _dated("8月2日上午，自治区安委会召开安全生产视频调度会议。") == [("--08-02", "province")]


def test_the_object_of_a_talk_may_run_over_clause_marks():
    # `省安委办对甲市，乙区、丙区政府负责人进行约谈`: the list of those talked to holds a comma; the body before
    # `对` holds the talk
    rec = _rec("9月6日，吉林省安委办对长春市，长春市南关区、宽城区政府相关负责人进行安全生产约谈，提醒各地吸取事故教训。",
               "2030-09-07")
    assert [(m.date, m.level, m.region) for m in rec.meetings] == [("2030-09-06", "province", "吉林省")]
