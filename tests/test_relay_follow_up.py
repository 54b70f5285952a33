"""Relays of the genre's follow-up meetings and packages, on made-up reports (places are real, the rest
is invented): what a chain across reports needs from each article."""

from __future__ import annotations

from graph_loader.extract.pipeline import extract
from graph_loader.graph.resolve import instruction_signal
from tests.test_extract_core import make_doc


def _meetings(text: str, published: str | None = "2021-01-25"):
    return extract(make_doc(text, published)).meetings


def _relayed(m) -> set:
    return {(r.meeting, r.directive, r.inferred) for r in m.relays}


def test_an_unnamed_leader_speaking_after_the_watched_meetings_holds_the_home_follow_up():
    ms = _meetings("湖南省平江县讯 1月23日上午,全国、全省安全生产电视电话会议相继召开。"
                   "会后,县政府领导强调:要以高度的政治责任感抓好安全生产工作。")
    levels = [m.level for m in ms]
    assert levels.count("county") == 1
    local = ms[levels.index("county")]
    assert local.region == "湖南省岳阳市平江县" and local.date == "2021-01-23"
    higher = {i for i, m in enumerate(ms) if m.level in ("national", "province")}
    assert {r.meeting for r in local.relays} == higher and all(r.inferred for r in local.relays)


def test_then_the_home_body_requiring_is_a_follow_up_but_a_bare_then_is_not():
    ms = _meetings("平江讯 1月23日上午,全国、全省安全生产电视电话会议相继召开。随后,我县要求各部门抓好落实。")
    assert [m.level for m in ms].count("county") == 1
    ms = _meetings("平江讯 1月23日上午,全国、全省安全生产电视电话会议相继召开。随后,各部门抓好落实。")
    assert [m.level for m in ms].count("county") == 0


def test_a_follow_up_after_a_meeting_only_watched_keeps_the_watchings_date():
    ms = _meetings("1月11日,平江县组织收看省、岳阳市安全生产工作视频会议。"
                   "会议结束后,平江县委副书记、县长王某就相关工作进行部署。", "2021-01-12")
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1 and local[0].date == "2021-01-11"
    assert {ms[r.meeting].level for r in local[0].relays} == {"province", "prefecture"}


def test_a_stray_comma_before_the_list_mark_keeps_the_list():
    ms = _meetings("1月23日,湖南省平江县组织收看全国、全省安全生产电视电话会议。"
                   "全国,、全省会议结束后,我县召开会议贯彻落实会议精神,安排部署我县安全生产工作。")
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].level for r in local.relays} == {"national", "province"}


def test_what_the_watched_meeting_stressed_relays_the_package_it_names():
    ms = _meetings("4月18日下午,湖南省岳阳市安全生产紧急电视电话会议召开,副县长张某在平江分会场收听收看。"
                   "会议强调,要深入贯彻有关重要论述,落实全面加强安全生产“十五条硬措施”,全面提升安全发展水平。"
                   "会后,我县立即召开安全生产工作会议,传达贯彻岳阳市会议精神。副县长张某要求,要抓好工作。", None)
    watched = next(m for m in ms if m.level == "prefecture")
    local = next(m for m in ms if m.level == "county")
    assert (None, "安全生产十五条硬措施", False) in _relayed(watched)
    assert not any(r.directive for r in local.relays)  # the local meeting only relays the watched one


def test_a_package_opening_with_a_verb_and_a_relay_verb_after_it():
    rec = extract(make_doc("6月5日,某县政府召开安全生产专题学习会。县长张某强调要推动安全生产“十五条硬措施”落地落实。",
                           "2021-06-06"))
    assert [d.title for d in rec.directives] == ["安全生产十五条硬措施"]
    assert (None, "安全生产十五条硬措施", False) in _relayed(rec.meetings[0])


def test_an_instruction_signal_is_its_topic_without_dressing_or_the_kind_of_word_given():
    general = instruction_signal("习近平总书记关于安全生产工作的系列重要指示")
    assert general == instruction_signal("关于安全生产重要论述精神") == "关于安全生产"
    a = instruction_signal("某总理关于加强汛期安全防范工作的重要指示批示精神")
    assert a == instruction_signal("关于加强汛期安全防范工作重要指示") == "关于加强汛期安全防范"
    assert a != general and a != instruction_signal("关于做好森林防火工作的重要批示")
    assert instruction_signal("总书记重要指示精神") is None


def test_a_merged_directive_holds_every_alias_its_articles_used_whatever_the_order() -> None:
    from graph_loader.extract.record import Directive, ExtractionRecord, Meeting, Relay
    from graph_loader.graph.batch import build_settled
    from graph_loader.graph.resolve import Resolver
    from graph_loader.stores.embedded import EmbeddedStore

    def rec(doc: str, title: str) -> ExtractionRecord:
        return ExtractionRecord(doc_id=doc, directives=[Directive(title=title)],
                                meetings=[Meeting(date="2022-04-10", region="湖北省", level="province",
                                                  relays=[Relay(directive=title)])])

    recs = [rec("a", "十五条硬措施"), rec("b", "15条硬措施"), rec("c", "安全生产十五条措施")]
    for order in (recs, recs[::-1]):
        store, resolver = EmbeddedStore(None), Resolver()
        for rows in build_settled([(r, None) for r in order], resolver):
            store.upsert(rows)
        (node,) = [store.node(i) for i in store.ids_by_label("Directive")]
        assert set(node["aliases"]) == {"十五条硬措施", "15条硬措施", "安全生产十五条措施"}
        assert node["articles"] == ["a", "b", "c"]


def test_meetings_held_then_ended_start_the_follow_up_held_in_the_same_sentence():
    ms = _meetings("平江讯 1月11日,全国、全省、全市安全生产电视电话会议召开后,平江县紧接着召开全县安全生产工作会议。"
                   "县长王某出席会议并讲话。", None)
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1 and local[0].name == "全县安全生产工作会议" and local[0].date == "--01-11"
    assert {ms[r.meeting].level for r in local[0].relays} == {"national", "province", "prefecture"}
    assert all(m.participants == [] for m in ms if m.level != "county")


def test_a_relay_verb_before_a_higher_meetings_deployment_relays_it_and_a_meeting_ended_with_done():
    ms = _meetings("3月1日,湖南省岳阳市安全生产电视电话会议在岳阳召开。市长王某出席会议并讲话。"
                   "会议强调,各级各部门要认真落实全省安全生产电视电话会议部署要求。", "2021-03-02")
    local = next(m for m in ms if m.level == "prefecture")
    assert [ms[r.meeting].level for r in local.relays] == ["province"] and not local.relays[0].inferred
    ms = _meetings("12月17日,平江县组织收看省市安全生产电视电话会议。"
                   "省市会议完毕后,王某常务副县长就我县当前安全生产工作进行了组织部署。", "2012-12-18")
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}


def test_a_relay_verb_inside_a_listed_title_relays_none_of_the_titles_after_it():
    rec = extract(make_doc("7月6日上午,县长王某主持召开县政府常务会议,会议听取并研究了《贯彻某某精神全面排查整治隐患的意见》"
                           "《某县应急管理能力建设三年提升计划》等工作的汇报。", "2021-07-07"))
    assert not any(r.directive for m in rec.meetings for r in m.relays)


def test_a_clause_opening_with_a_higher_meeting_says_that_meeting_relays():
    ms = _meetings("平江县讯 11月29日,省、市先后召开安全生产工作电视电话会议。省会议指出,要全面排查整改安全隐患。"
                   "市会议就贯彻落实省会议精神强调,全市上下要认真贯彻落实。县委书记王某在县分会场收听收看。", None)
    by_level = {m.level: i for i, m in enumerate(ms)}
    assert [r.meeting for r in ms[by_level["prefecture"]].relays] == [by_level["province"]]
    assert ms[by_level["province"]].relays == []


def test_people_leading_visits_after_a_meeting_hold_no_meeting_but_a_leader_speaking_does():
    ms = _meetings("1月22日,县政府召开常务会议,县长王某主持会议。会后,张某、李某同志分别带队,现场调研督导安全生产等工作。")
    assert len(ms) == 1
    ms = _meetings("1月22日,平江县组织收看全省安全生产电视电话会议。会后,县长张某强调,要带队深入一线督导检查。")
    assert [m.level for m in ms].count("county") == 1


# --- real dev reports of data/real (split=dev), extracted end to end ------------------------------------

def test_a_real_package_chain_runs_from_the_directive_through_the_watched_meeting_to_the_follow_up() -> None:
    from pathlib import Path

    from graph_loader.graph.batch import build_settled
    from graph_loader.graph.resolve import Resolver
    from graph_loader.ingest.pipeline import ingest_file
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    real = Path(__file__).resolve().parents[1] / "data" / "real"
    split = dict(line.split("\t")[:2] for line in (real / "index.tsv").read_text(encoding="utf-8").splitlines()[1:])
    doc = "rD14"
    assert split[doc] == "dev"
    rec = extract(ingest_file(real / "texts" / f"{doc}.txt"))
    store, resolver = EmbeddedStore(None), Resolver()
    for rows in build_settled([(rec, None)], resolver):
        store.upsert(rows)
    (directive,) = store.ids_by_label("Directive")
    tree = run_query(store, "propagation", {"target": directive}).model_dump()
    levels = sorted(n.get("level") or "" for n in tree["nodes"] if n.get("level"))
    assert levels == ["county", "prefecture"]  # the watched prefecture meeting, then the county's follow-up


def test_an_unplaced_township_meeting_is_held_in_the_one_town_of_the_home_the_report_names():
    from graph_loader.extract.pipeline import _home_township

    assert _home_township("三市组织收看全县会议。县会议后,三市继续召开会议。", "湖南省岳阳市平江县") == "湖南省岳阳市平江县三市镇"
    # a prefecture without counties keeps its towns in one gazetteer line
    assert _home_township("大岭山召开会议。", "广东省东莞市") == "广东省东莞市大岭山镇"  # no `市直辖行政区划` in the path
    assert _home_township("三市、伍市召开会议。", "湖南省岳阳市平江县") is None  # two towns: none of them
    assert _home_township("召开会议。", "湖南省岳阳市平江县") is None


def test_the_meeting_reported_watching_a_higher_one_relays_it_and_keeps_its_own_people():
    ms = _meetings("1月16日上午,市安委会2025年第一次全体会议在市政务中心召开。市长王某出席会议并讲话。"
                   "会议集中收听收看了全省安全生产电视电话会议,并就贯彻落实工作进行部署。"
                   "王某指出,要抓好安全生产。", None)
    local = next(m for m in ms if (m.name or "").startswith("市安委会"))
    province = next(i for i, m in enumerate(ms) if m.level == "province")
    assert [(r.meeting, r.inferred) for r in local.relays] == [(province, True)]
    assert ms[province].date == "2025-01-16" and ms[province].participants == []


def test_an_unplaced_follow_up_takes_the_level_of_the_home_word():
    # a scraped page breaks the meeting's noun across lines: the meeting is unnamed, its level the home word's
    # where the divisions it addresses say which 市 it is (`各区市`: a prefecture), else no level
    text = ("本报讯 昨日下午,国务院安委会和省政府分别召开安全生产电视电话会议。\n"
            "我市设立分会场,并在国家和省电视电话会议后,随即召开全市安全生产电\n"
            "视会议,副市长王某要求各区市认真学习国家和省会议精神。")
    ms = _meetings(text, None)
    local = next(m for m in ms if m.level not in ("national", "province"))
    assert local.level == "prefecture"
    assert {ms[r.meeting].level for r in local.relays} == {"national", "province"}
    ms = _meetings(text.replace("各区市", ""), None)
    assert [m.level for m in ms if m.level not in ("national", "province")] == [None]


def test_a_venue_nobody_is_named_at_gives_way_to_the_follow_up_held_right_after():
    ms = _meetings("本报讯 昨日下午,国务院安委会和省政府分别召开安全生产电视电话会议。"
                   "我市设立分会场,并在国家和省电视电话会议后,随即召开全市安全生产会议,副市长王某要求认真学习会议精神。", None)
    assert len(ms) == 3
    local = ms[2]
    assert local.name == "全市安全生产会议" and local.level is None  # a 我市 never named: no level said
    assert {ms[r.meeting].level for r in local.relays} == {"national", "province"}


def test_people_listed_before_a_branch_venue_who_speak_in_the_next_sentence_hold_its_meeting():
    ms = _meetings("11月22日上午,省市召开安全生产工作电视电话会议,县长王某,副县长李某,县安委会有关成员单位主要负责"
                   "同志在平江县分会场收听收看了会议实况。王某要求,要抓好隐患排查。", "2022-11-23")
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1 and local[0].date == "2022-11-22"
    assert {ms[r.meeting].level for r in local[0].relays} == {"province", "prefecture"}
    assert {p.name: p.role for p in local[0].participants}.get("王某") == "speaker"


def test_a_higher_leader_speaking_in_the_watched_meetings_sentence_makes_no_venue_meeting():
    ms = _meetings("11月22日上午,全省安全生产电视电话会议召开,副省长张某出席并讲话,县长王某在平江县分会场收听收看。"
                   "各部门要抓好落实。", "2022-11-23")
    assert [m.level for m in ms].count("county") == 0


def test_the_leads_meeting_held_after_watching_and_the_follow_up_told_later_are_one():
    ms = _meetings("1月23日,湖南省平江县组织收听收看全国、全省安全生产电视电话会议,并召开全县安全生产工作会议。"
                   "县领导王某、李某参加会议。在全国、全省安全生产电视电话会议结束后,该县召开安全生产工作会议,"
                   "传达学习了上级会议精神。县长王某要求,要抓好落实。", None)
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1
    assert {ms[r.meeting].level for r in local[0].relays} == {"national", "province"}
    assert {p.name: p.role for p in local[0].participants}.get("王某") == "speaker"


def test_a_watched_meeting_told_again_as_held_next_is_not_a_second_meeting():
    ms = _meetings("1月23日,安徽省东至县组织收听收看了全国全省安全生产电视电话会议,县长王某参加了会议。"
                   "全国会议结束后,接着召开了全省安全生产电视电话会议,省长李某强调,要压实安全生产责任。", "2021-01-25")
    assert [m.level for m in ms].count("province") == 1


def test_a_venue_where_people_only_watch_and_the_follow_up_where_one_speaks_are_one_meeting():
    ms = _meetings("3月8日上午,全省安全生产电视电话会议暨省安委会第二次全体会议召开。"
                   "县长王某、副县长李某、赵某在平江分会场收听收看会议。\n会议强调,要抓好隐患排查。\n"
                   "电视电话会议结束后,王某强调,各部门要迅速传达会议精神。", "2021-03-09")
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1 and local[0].date == "2021-03-08"
    assert {p.name: p.role for p in local[0].participants} == {"王某": "speaker"}
    watched = next(m for m in ms if m.level == "province")
    assert {p.name for p in watched.participants} == {"王某", "李某", "赵某"}
    assert [ms[r.meeting].level for r in local[0].relays] == ["province"]


def test_a_name_joined_by_ji_is_one_sitting_whose_levels_are_all_watched():
    ms = _meetings("3月8日,全国全省安全生产电视电话会暨市安委会第二次全体视频会召开。"
                   "县领导王某、李某参加平江分会场会议。\n视频会议结束后,王某安排部署我县安全生产工作。", "2021-03-09")
    assert sorted(m.level for m in ms) == ["county", "national", "prefecture", "province"]
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].level for r in local.relays} == {"national", "province", "prefecture"}


def test_a_joined_name_holding_a_list_of_its_own_is_watched_whole():
    ms = _meetings("3月6日下午,在收听收看全省、全市安全生产工作暨省、市政府第二季度防范事故视频会后,"
                   "平江紧接着召开全县安全生产会议进行传达部署。副县长王某作讲话。", "2021-03-07")
    local = next(m for m in ms if m.level == "county")
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}


def test_a_long_first_line_and_a_retold_headline_name_no_meeting_of_their_own():
    head = "全国全省全市召开安全生产电视电话会议暨岳阳市政府安委会2021年第一次全体成员会议的通知与工作部署安排\n"
    body = "1月13日下午,全国全省全市召开安全生产电视电话会议。副市长王某出席岳阳分会场会议并讲话。"
    assert len(_meetings(head + body, "2021-01-14")) == len(_meetings(body, "2021-01-14"))
    retold = "原标题:省委省政府召开全省安全生产电视电话会议 深刻汲取事故教训 守住安全底线 某某提出要求\n"
    body = "1月13日,湖南省委、省政府召开全省安全生产电视电话会议。省长王某出席会议并讲话。"
    assert len(_meetings(retold + body, "2021-01-14")) == len(_meetings(body, "2021-01-14")) == 1


def test_a_meeting_held_in_the_capital_with_no_level_of_its_own_is_the_centres():
    ms = _meetings("贯彻落实《某某责任制规定》电视电话会议5月31日在京召开。会议要求,要抓好落实。", "2018-06-01")
    assert [m.level for m in ms] == ["national"]
    ms = _meetings("贯彻落实《某某责任制规定》电视电话会议5月31日召开。会议要求,要抓好落实。", "2018-06-01")
    assert [m.level for m in ms] == [None]


def test_a_listed_noun_written_out_with_yi_still_ends_a_relayed_meeting():
    ms = _meetings("5月10日晚,岳阳召开全市安全生产工作紧急会议,传达贯彻全省煤矿安全警示教育会议精神。"
                   "副市长王某主持会议。", "2018-05-11")
    local = next(m for m in ms if m.level == "prefecture")
    assert [ms[r.meeting].level for r in local.relays if r.meeting is not None] == ["province"]


def test_a_document_carried_into_practice_after_its_title_is_relayed():
    ms = _meetings("5月31日,全县安全生产工作会议召开。县长王某强调,要切实把《某某责任制规定》落实到位。", "2018-06-01")
    assert "某某责任制规定" in {r.directive for r in ms[0].relays}


def test_a_follow_up_counts_from_where_the_watched_meetings_are_last_named():
    # the venue's only speakers are the watched meetings' own (副省长, 副市长); the city's meeting is named again
    # before the follow-up: the follow-up relays both meetings watched
    ms = _meetings("1月11日下午,全省、全市安全生产电视电话会议召开,平江县设立分会场收听收看会议实况。"
                   "县长王某、副县长李某在县分会场收听收看。"
                   "会议首先由省应急管理厅厅长赵某通报了安全生产情况,副省长钱某作了重要讲话。"
                   "随后,全市安全生产电视电话会议召开,副市长孙某就做好当前安全生产工作作了安排部署。"
                   "会后,我县接着召开全县安全生产工作会议,县长王某就贯彻落实会议精神强调,要压实责任。",
                   "2021-01-12")
    local = [m for m in ms if m.level == "county"]
    assert len(local) == 1
    assert {ms[r.meeting].level for r in local[0].relays} == {"province", "prefecture"}
    assert all(r.inferred and r.basis == "follow_up" for r in local[0].relays)


def test_a_meeting_of_another_body_of_the_home_level_relayed_is_a_meeting_of_its_own():
    ms = _meetings("4月2日,湖南省岳阳市政府召开全市安全生产工作会议,传达市委常委会议精神,部署当前安全生产工作。"
                   "副市长张某出席会议并讲话。", "2021-04-03")
    # the meeting relayed first, as the record lists it (held before)
    assert [(m.level, m.name) for m in ms] == [("prefecture", "市委常委会议"), ("prefecture", "全市安全生产工作会议")]
    assert [(r.meeting, r.inferred) for r in ms[1].relays] == [(0, False)]
    # the home level's own meeting named by its level word alone is no other meeting (`传达全市会议精神`)
    ms = _meetings("4月2日,湖南省岳阳市政府召开全市安全生产工作会议,传达全市安全生产会议精神。", "2021-04-03")
    assert [m.level for m in ms] == ["prefecture"]


def test_a_meeting_whose_requirements_a_meeting_follows_is_relayed_by_it():
    # 按照/根据 relay a higher meeting's requirements as 贯彻落实 relays its spirit (meeting_verbs.tsv `relay`)
    ms = _meetings("今天下午,湖南省政府在长沙召开全省安全生产电视电话会议。副省长张某出席会议并讲话。"
                   "他强调,各级各部门要按照全国安全生产电视电话会议要求,认真研究和部署好今年的工作。", "2021-01-12")
    local = next(m for m in ms if m.level == "province")
    assert {(ms[r.meeting].level, r.inferred) for r in local.relays} == {("national", False)}


def test_a_meeting_named_by_its_level_right_before_a_relay_verb_relays_what_follows():
    ms = _meetings("1月9日,平江县组织收看全省安全生产视频会议。省会议传达贯彻全国安全生产电视电话会议精神,"
                   "对全省工作作出部署。会议结束后,我县随即召开会议传达贯彻省会议精神并部署相关工作。")
    province = next(i for i, m in enumerate(ms) if m.level == "province")
    national = next(i for i, m in enumerate(ms) if m.level == "national")
    assert national in {r.meeting for r in ms[province].relays}
    assert not any(r.meeting == national for m in ms if m.level == "county" for r in m.relays)


def test_the_watched_meeting_named_again_keeps_what_it_relays():
    ms = _meetings("1月9日,岳阳市政府组织收听收看全省安全生产电视电话会议。"
                   "会议主要学习贯彻落实全国安全生产电视电话会议精神,安排部署节日期间安全生产工作。"
                   "省应急管理厅厅长张某主持会议,副省长李某出席会议并讲话。")
    province = next(i for i, m in enumerate(ms) if m.level == "province")
    national = next(i for i, m in enumerate(ms) if m.level == "national")
    assert {r.meeting for r in ms[province].relays} == {national}


def test_a_named_city_ended_with_the_province_puts_the_reports_own_city_below_it():
    # `省、甲市会议结束后，市长乙主持召开全市…会议`: the 市 named holds its own meeting above the report; the report's
    # `全市` is a county-level city under it, whose meeting relays both
    ms = _meetings("3月5日上午,张某省长、李某市长先后组织召开全省、岳阳市安全生产电视电话会议,通报近期事故情况。"
                   "省、岳阳市会议结束后,市委副书记、市长王某主持召开全市安全生产工作会议,对下步工作进行部署。"
                   "会议要求,全市各级各部门要压实责任。", "2021-03-06")
    by_level = {m.level: m for m in ms}
    assert set(by_level) == {"province", "prefecture", "county"}
    assert by_level["prefecture"].region == "湖南省岳阳市"
    local = by_level["county"]
    assert local.region is None and local.date == "2021-03-05"
    assert {p.name for p in local.participants} == {"王某"}
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}


def test_a_named_city_convening_after_the_report_called_itself_our_city_is_above_it():
    # `…在我市分会场收听收看。随后，甲市召开电视电话会…。会议结束后，乙强调…`: 甲市 is not `我市`
    ms = _meetings("3月5日下午,全省春季森林防火工作视频会召开。副市长刘某及各相关部门负责人在我市分会场收听收看。"
                   "随后,岳阳市召开电视电话会,对春季防火工作进行安排部署。"
                   "会议结束后,刘某就贯彻落实上级会议精神强调,要压实责任。", "2021-03-06")
    levels = sorted(m.level for m in ms)
    assert levels == ["county", "prefecture", "province"]
    local = next(m for m in ms if m.level == "county")
    assert local.region is None
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}


def test_a_city_that_names_itself_after_the_watching_stays_the_home():
    # no `我市` before: `随后，甲市召开…` is the named home's own follow-up, at its level
    ms = _meetings("3月5日下午,全省春季森林防火工作视频会召开。岳阳市副市长刘某在分会场收听收看。"
                   "随后,岳阳市召开电视电话会,对春季防火工作进行安排部署。", "2021-03-06")
    assert "county" not in {m.level for m in ms}


def test_levels_holding_their_meetings_one_after_another_after_a_meeting_each_relay_that_one():
    # `某会议后，省、市、县相继召开会议，安排部署`: each level deploys the meeting the opener follows; the county's
    # own meeting of the list is held beside the others', so it relays that meeting, not them
    ms = _meetings("平江讯 3月1日,全国春季防火工作视频会议召开。副县长张某在我县分会场收听收看。"
                   "会议强调,要压实责任。全国春季防火工作视频会议后,省、市、县相继召开会议,就有关工作进行安排部署。",
                   "2021-03-02")
    national = next(i for i, m in enumerate(ms) if m.level == "national")
    for level in ("province", "prefecture", "county"):
        m = next(m for m in ms if m.level == level)
        assert [r.meeting for r in m.relays] == [national], (level, m.relays)


def test_an_unnamed_city_addressing_townships_relays_the_province_and_the_city_above_it():
    # `我市…各乡镇` puts the unnamed 市 at county level; the bare `市` listed right after the province in what it
    # relays (`省、市两级…会议精神`) is the prefecture between them, a meeting of its own above the report
    ms = _meetings("5月6日,我市召开防汛安全工作会议,会议传达学习了省、市两级防汛安全工作会议精神。"
                   "副市长某某要求,各乡镇、各有关部门要压实责任。", "2021-05-07")
    by_level = {m.level: m for m in ms}
    assert set(by_level) == {"province", "prefecture", "county"}
    local = by_level["county"]
    assert {ms[r.meeting].level for r in local.relays} == {"province", "prefecture"}


def test_meetings_whose_carrying_out_a_team_checks_are_named_but_relayed_by_no_meeting_of_the_report():
    # `督导重点包括贯彻落实全国甲会议、乙会议工作部署情况`: a list closed by a work deployment names both meetings;
    # how far they are carried out (`…情况`) is what the team checks, so the report meeting relays neither
    ms = _meetings("13日,督导组听取了某省安全生产工作情况汇报,副省长王某某出席汇报会并讲话。组长李某某说,本次督导重点"
                   "包括贯彻落实全国安全生产电视电话会议、工作会议工作部署情况。", "2018-03-14")
    national = [m for m in ms if m.level == "national"]
    assert len(national) == 2
    assert all(not m.relays for m in ms)
    # carried out by the meeting itself (no `情况`), the list is relayed
    ms = _meetings("13日,某县召开安全生产工作会议,县长王某某讲话。会议传达了全国安全生产电视电话会议、工作会议工作部署。",
                   "2018-03-14")
    county = next(m for m in ms if m.level == "county")
    assert len(county.relays) == 2


def test_a_held_clause_restating_the_scope_word_names_the_meeting_once():
    ms = _meetings("平江讯 5月12日,在收听收看完国务院召开的全国防汛抗旱电视电话会议后,"
                   "我县召开全县防汛工作会议,部署近期工作。")
    national = [m for m in ms if m.level == "national"]
    assert [m.name for m in national] == ["全国防汛抗旱电视电话会议"]


def test_the_record_lists_each_meeting_after_the_meetings_it_relays_with_its_pointers_remapped():
    # a report tells its own meeting first and what it relays inside it; the record lists the relay tree from
    # the top (the guidelines' higher meeting `pointed to by index`): national, provincial, then the county's
    ms = _meetings("5月6日，某某县召开安全生产工作会议，县长王大明主持，传达全国、全省安全生产电视电话会议精神。"
                   "会议结束后，某某镇召开会议，镇长李小军讲话。", "2021-05-07")
    assert [m.level for m in ms] == ["national", "province", "county", "township"]
    assert sorted(r.meeting for r in ms[2].relays if r.meeting is not None) == [0, 1]
    assert [p.name for p in ms[2].participants] == ["王大明"]
    assert all(r.meeting < i for i, m in enumerate(ms) for r in m.relays if r.meeting is not None)


def test_a_sector_in_a_watched_meetings_name_is_that_meetings_though_both_open_on_one_date():
    # `3月2日` is the date of both meetings: their passages are told apart by where each is named, not by the
    # record's order (the watched one is listed first)
    ms = _meetings("3月2日，某县组织收听收看全省道路交通安全电视电话会议后，召开会议，县长王大明讲话。", "2021-03-03")
    assert [(m.level, m.sectors) for m in ms] == [("province", ["道路交通"]), ("county", [])]
    ms = _meetings("3月2日，某县组织收听收看全省安全生产电视电话会议后，召开会议，县长王大明讲话，要求抓好道路交通安全。", "2021-03-03")
    assert [(m.level, m.sectors) for m in ms] == [("province", []), ("county", ["道路交通"])]
