"""Genre rules for real reports, on made-up sentences of the genre, and the misses grouped by class."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader.cli import main
from graph_loader.extract.miss_classes import RULES, classify
from graph_loader.extract.scoring import Miss

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "corpus" / "000_38d2b205cedefea2.txt"


@pytest.mark.parametrize(("miss", "sentence", "cls"), [
    (Miss("d", "relays", "FN", ("county", "m:province")), None, "1 higher meetings (watched/relayed)"),
    (Miss("d", "meetings", "FN", ("2020-01-02", "national")), "各县设分会场收听收看会议。",
     "1 higher meetings (watched/relayed)"),
    (Miss("d", "meetings", "FN", ("--03-09", "county")), "9日上午,县政府召开会议。", "2 dates (after/relative/ranges)"),
    (Miss("d", "inspections", "FP", ("某省", None)), "督查组听取汇报。", "5 inspections (teams, arrivals, feedback)"),
    (Miss("d", "meetings", "FN", (None, "county")), "县委召开常委会(扩大)会议。", "3 meeting kinds and levels"),
    (Miss("d", "participation", "FN", ("丙某", "attendee")), "县领导甲某、乙某、丙某参加会议。",
     "4 participation lists (group role)"),
    (Miss("d", "persons", "FN", "阿某·某某"), None, "8 scraped-page text"),
    (Miss("d", "persons", "FP", "安监"), "安监局长参加会议。", "9 not a name / not a post"),
    (Miss("d", "sectors", "FP", "消防"), "会议审议了《某县消防工作考核办法》。", "11 sector word inside a name or title"),
    (Miss("d", "directives", "FP", "规定"), "学习《某某规定》(以下简称《规定》)。", "12 directives: short names and scope"),
    (Miss("d", "sectors", "FN", "煤矿"), "一句平常的话。", "other:sectors"),
])
def test_each_miss_goes_to_its_class(miss, sentence, cls):
    assert classify(miss, sentence) == cls


def test_every_rule_names_a_class_and_some_dimensions_or_a_cue():
    for r in RULES:
        assert r.cls and (r.dims or r.sentence is not None)


def test_evaluate_classes_prints_counts_and_examples(tmp_path, capsys):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = json.loads(json.dumps(_seed_gold()))
    gold["persons"].append({"name": "不存在", "titles": []})  # a gold person the article does not name
    gold["reporters"] = list(gold.get("reporters", [])) + ["某记者"]
    (gold_dir / f"{SEED.stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", "--classes", "--gold", str(gold_dir), str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "misses by class (2):" in out
    assert "7 reporters  (FN 1, FP 0)" in out and "某记者" in out
    assert "10 names and title chains  (FN 1, FP 0)" in out and "不存在" in out


def _seed_gold() -> dict:
    from tests.shared_data import shared_path
    return json.loads(shared_path("gold", "seeds", f"{SEED.stem}.json").read_text(encoding="utf-8"))


# --- genre rules ------------------------------------------------------------------------------------------

def _rec(text: str, published: str | None = "2021-03-10"):
    from graph_loader.extract.pipeline import extract
    from tests.test_extract_core import make_doc
    return extract(make_doc(text, published))


def _persons(rec) -> dict[str, list[str]]:
    return {p.name: p.titles for p in rec.persons}


def test_a_short_name_given_in_the_text_is_no_document_here_or_later():
    rec = _rec("县委常委会召开会议,学习《某某地方安全生产责任制规定》(以下简称《规定》)精神。"
               "会议指出,要认真落实《规定》要求。")
    titles = [d.title for d in rec.directives]
    assert titles == ["某某地方安全生产责任制规定"]


def test_a_body_abbreviation_before_a_post_is_no_name():
    rec = _rec("3月9日,市政府召开全市安全生产工作会议。各县区长、安监局长参加会议。副市长王小明主持会议。")
    assert "安监" not in _persons(rec)
    assert "王小明" in _persons(rec)


def test_a_planner_and_an_inspector_of_schools_are_posts():
    rec = _rec("3月9日,县政府召开安全生产工作会议。县教育局督学张一平、县自然资源局总规划师李大成参加会议。")
    people = _persons(rec)
    assert people.get("张一平") == ["县教育局督学"]
    assert people.get("李大成") == ["县自然资源局总规划师"]


def test_a_zones_managing_committee_opens_the_title_whole():
    # a zone's full kind (`经济开发区`) and a managing committee written alone (`管委会`) open the title
    rec = _rec("3月9日,召开安全生产工作会议。管委会副主任王小明主持会议,经济开发区管委会主任张大山讲话。")
    people = _persons(rec)
    assert people.get("王小明") == ["管委会副主任"]
    assert people.get("张大山") == ["经济开发区管委会主任"]


def test_chief_specialist_posts_take_a_name():
    rec = _rec("3月9日,考核组召开反馈会。考核组组长、某部总畜牧师李大成讲话,市财政局二级主任科员张一平作说明。")
    people = _persons(rec)
    assert "李大成" in people and any(t.endswith("总畜牧师") for t in people["李大成"])
    assert "张一平" in people and any(t.endswith("二级主任科员") for t in people["张一平"])


def test_a_sector_word_inside_an_incident_name_or_a_title_names_no_sector():
    rec = _rec("3月9日,县政府召开会议,要求深刻汲取“4·10”某某煤矿透水事故教训,"
               "审议《某县消防工作考核办法》,抓好道路交通安全。")
    assert "煤矿" not in rec.sectors and "消防" not in rec.sectors
    assert "道路交通" in rec.sectors


def test_a_sector_word_opening_a_company_name_names_no_sector():
    rec = _rec("3月9日,检查组抽查了某某工贸有限责任公司。")
    assert "工贸" not in rec.sectors


def test_everyday_sector_phrases_of_the_genre():
    rec = _rec("镇党委副书记李小华就交通道路安全、水上安全、在建工程等作了部署。")
    assert {"道路交通", "水上交通", "建筑施工"} <= set(rec.sectors)


def test_short_sector_words_name_a_sector_only_as_items_of_a_list_of_sectors():
    from graph_loader.extract.sectors import find_sectors

    def sectors(text):
        return [h.sector for h in find_sectors(text)]

    assert sectors("要盯紧矿山、交通、建筑、燃气等重点行业。") == ["矿山", "道路交通", "建筑施工", "燃气"]
    assert sectors("聚焦交通、建筑施工等领域。") == ["道路交通", "建筑施工"]
    assert sectors("紧盯消防、房屋、工矿商贸等重点。") == ["消防", "城乡房屋", "工贸"]
    assert sectors("加快交通、建筑等基础设施建设。") == []  # no sector beside them
    assert sectors("会议要求加强建筑设计。") == []


def test_a_sector_word_naming_a_body_by_its_work_or_a_publication_names_no_sector():
    from graph_loader.extract.sectors import find_sectors

    for text in ("县森林防火指挥部召开会议。", "省道路运输管理局负责人参加。", "县特种设备检验所所长参加。",
                 "某某煤矿安全网讯 会议召开。", "要与公安消防部门建立协作机制。"):
        assert find_sectors(text) == [], text


def test_a_compound_names_both_its_sectors_and_flood_drainage_is_flood_control():
    from graph_loader.extract.sectors import find_sectors

    assert [h.sector for h in find_sectors("道路水上交通等领域要重点抓。")] == ["道路交通", "水上交通"]
    assert [h.sector for h in find_sectors("做好城市排涝工作。")] == ["防汛"]


def test_a_list_of_departments_names_no_sector():
    from graph_loader.extract.sectors import find_sectors

    assert find_sectors("会上,县交通、教育、消防、交警等安委会成员单位负责人相继发言。") == []
    assert find_sectors("市住建、交通、消防等部门要加强协作。") == []
    # the enterprises of the sectors listed are no departments
    assert [h.sector for h in find_sectors("煤矿、危化品等企业负责人参加会议。")] == ["煤矿", "危险化学品"]


def test_a_transliterated_name_after_a_post_keeps_its_dotted_parts():
    from graph_loader.extract.persons import find_persons
    found = {m.name: [t.full for t in m.titles]
             for m in find_persons("会上,地委副书记、行署专员阿某提 · 买某某主持会议。")}
    assert found == {"阿某提·买某某": ["地委副书记", "行署专员"]}


def test_a_title_chain_survives_doubled_punctuation_but_a_comma_starts_a_new_person():
    from graph_loader.extract.persons import find_persons
    found = {m.name: [t.full for t in m.titles]
             for m in find_persons("省委常委,、常务副省长张大伟出席会议。市委书记王一,市长李二参加。")}
    assert found["张大伟"] == ["省委常委", "常务副省长"]
    assert found["李二"] == ["市长"]


def test_a_bare_day_after_a_month_day_is_in_its_month():
    from graph_loader.extract.dates import find_dates
    hits = find_dates("3月5日,督查组抵达某省,6日上午召开汇报会。", None)
    assert [h.value for h in hits] == ["--03-05", "--03-06"]
    # without a month-day before it, the article's day decides as before
    assert [h.value for h in find_dates("6日上午召开汇报会。", "2020-04-10")] == ["2020-04-06"]


def test_a_meeting_attended_is_a_meeting_held_at_the_reports_own_level():
    rec = _rec("6月14日,市第五巡查组进驻我县。巡查组组长、市某局副局长赵一出席会议并讲话。"
               "副县长钱二、孙三出席会议。", published=None)
    assert [(m.date, m.level) for m in rec.meetings] == [("--06-14", "county")]
    roles = {p.name: p.role for p in rec.meetings[0].participants}
    assert roles == {"赵一": "speaker", "钱二": "attendee", "孙三": "attendee"}


def test_a_meeting_watched_from_a_branch_venue_is_not_held_by_attending():
    rec = _rec("3月9日,副县长钱二在县分会场参加全国安全生产电视电话会议。", published=None)
    assert all(m.level != "county" for m in rec.meetings)


def test_a_docking_meeting_is_a_meeting():
    rec = _rec("5月3日,省第四督导组进驻我市,当天召开督导工作对接会。副市长李四参加会议。")
    assert any(m.name == "督导工作对接会" for m in rec.meetings)


def test_a_relative_day_with_its_month_day_in_brackets():
    from graph_loader.extract.dates import find_dates
    assert [h.value for h in find_dates("今天(9.13)上午,督查组到我省督查。", "2011-09-14")] == ["2011-09-13"]
    assert [h.value for h in find_dates("今天（9.13）上午,督查组到我省督查。", None)] == ["--09-13"]


def test_an_inspection_starts_on_the_date_nearest_its_arrival_not_the_page_date():
    # a scraped page's header line runs into the first sentence
    rec = _rec("某某网时间:2022-05-04 09:10 浏览次数: 5月3日,省安全生产第四督导组进驻我市,开展督导。",
               published="2022-05-04")
    assert [(i.start, i.team.endswith("第四督导组")) for i in rec.inspections] == [("2022-05-03", True)]


def test_on_behalf_of_a_leader_the_leader_is_named_but_takes_no_role():
    rec = _rec("3月9日,县政府召开全县安全生产工作会议。受县委书记王大山委托,县委副书记、县长李小川出席会议并讲话。")
    assert "王大山" in _persons(rec)
    roles = {p.name: p.role for m in rec.meetings for p in m.participants}
    assert roles.get("李小川") == "speaker" and "王大山" not in roles


def test_a_conjunction_before_the_verb_belongs_to_the_last_name_of_a_list():
    from graph_loader.extract.persons import find_persons
    names = [m.name for m in find_persons("县领导赵一、钱二、孙正和出席会议。")]
    assert names == ["赵一", "钱二", "孙正和"]
    assert [m.name for m in find_persons("县长孙正和李四出席会议。")][:1] == ["孙正"]


def test_a_longer_name_closed_by_comrade_and_a_team_lead_post():
    from graph_loader.extract.persons import find_persons
    found = {m.name: [t.full for t in m.titles] for m in find_persons(
        "县安委会副主任、安办主任阿木某某同志通报情况。以某部副部长胡一东为组长的督查组到我省。")}
    assert found["阿木某某"] == ["县安委会副主任", "安办主任"]
    assert found["胡一东"][-1] == "组长"


def test_incidents_named_by_an_instruction_a_town_or_in_a_list_of_coded_ones():
    from graph_loader.extract.incidents import find_incidents
    got = [(h.title, h.region) for h in find_incidents("传达学习对甘肃陇南市文县山体滑坡作出的重要指示精神。")]
    assert got == [("甘肃陇南市文县山体滑坡", "甘肃省陇南市文县")]
    assert [h.title for h in find_incidents("对近期多起事故的重要批示")] == []  # no place, no name
    assert [h.title for h in find_incidents("深刻吸取某某镇6.25重大火灾事故的教训")] == ["某某镇6.25重大火灾事故"]
    got = [h.title for h in find_incidents("分析了湖北“6.12”客车追尾和南京“7.03”电梯坠落等系列重大安全生产事故")]
    assert got == ["湖北6.12客车追尾", "南京7.03电梯坠落"]


def test_a_meeting_held_right_after_a_dated_one_takes_its_date_across_paragraphs():
    rec = _rec("4月18日下午,某市安全生产电视电话会议召开,副市长王一在某某分会场收听收看。\n"
               "会议强调,要举一反三整治风险隐患。\n"
               "会后,我市立即召开安全生产工作会议,传达贯彻会议精神。副市长王一要求,要切实开展隐患排查。",
               published=None)
    assert [m.date for m in rec.meetings] == ["--04-18"] * len(rec.meetings) and len(rec.meetings) >= 2


def test_a_meeting_convened_by_a_levelled_body_takes_that_level():
    rec = _rec("本报讯 2月28日,县安委会召开第一次全体(扩大)会议,部署安全生产工作。", published=None)
    assert [(m.date, m.level) for m in rec.meetings] == [("--02-28", "county")]


def test_one_relay_verb_governs_a_list_of_higher_meetings_and_their_deployments():
    from graph_loader.extract.higher import find_mentions
    from graph_loader.extract.sentences import SentenceIndex
    t = ("会议传达学习了领导同志对某地事故重要指示批示精神,省委常委会议关于安全生产工作有关部署和"
         "全省安全生产电视电话会议精神,安排部署了全县工作。")
    got = [(m.noun, m.mode, [lv for lv, _, _ in m.levels]) for m in find_mentions(t, SentenceIndex(t), [], None, "county")]
    assert got == [("常委会议", "relay", ["province"]), ("电视电话会议", "relay", ["province"])]


def test_a_place_inside_an_incident_name_is_not_the_reports_home():
    rec = _rec("2月28日,县安委会召开全体会议,传达学习了对内蒙古某某煤矿坍塌事故的重要指示精神和"
               "全省安全生产电视电话会议精神。", published=None)
    assert rec.context_region != "内蒙古自治区"
    assert sorted(m.level for m in rec.meetings) == ["county", "province"]


def test_a_place_whose_last_character_opens_a_committee_abbreviation_is_none():
    rec = _rec("8月25日,某某镇召开推进会,镇安委会成员单位参加。会上,镇安办负责人通报情况。")
    assert not any(r.endswith("镇安县") for r in rec.regions)


def test_a_report_or_an_arrangement_makes_a_speaker():
    rec = _rec("3月9日,县政府召开全县安全生产工作会议。县委副书记张一成作全县安全生产工作报告;"
               "副县长李二作了组织布置。")
    roles = {p.name: p.role for m in rec.meetings for p in m.participants}
    assert roles == {"张一成": "speaker", "李二": "speaker"}


def test_a_team_numbered_after_its_kind_goes_deep_into_its_target():
    rec = _rec("28日至29日,国务院安委会考核巡查组第九组一行在组长带领下,深入某某市延伸考核巡查。",
               published="2021-04-30")
    assert [(i.team.endswith("考核巡查组第九组"), i.start, i.end) for i in rec.inspections] == [
        (True, "2021-04-28", "2021-04-29")]


def test_titles_followed_by_a_film_word_are_films_not_directives():
    from graph_loader.extract.directives import find_directives
    hits = find_directives("组织观看《某某事故案例盘点》《红线》等影片。会议学习了《某省安全生产条例》。")
    assert [h.title for h in hits] == ["某省安全生产条例"]


def test_a_meeting_named_by_its_year_gives_the_year_to_its_date():
    from graph_loader.extract.dates import find_dates
    assert [h.value for h in find_dates("4月6日,某县召开2020年县域安全生产工作会议。", None)] == ["2020-04-06"]


def test_a_measure_package_after_a_strengthening_verb():
    from graph_loader.extract.directives import find_directives
    hits = find_directives("要落实全面加强安全生产“十五条硬措施”。")
    assert [h.title for h in hits] == ["安全生产十五条硬措施"]


def test_a_meeting_held_according_to_a_document_relays_it():
    rec = _rec("根据区安委办《关于开展安全生产百日攻坚行动的通知》要求,某某镇于8月25日上午召开专项工作推进会。")
    assert [r.directive for m in rec.meetings for r in m.relays] == ["关于开展安全生产百日攻坚行动的通知"]


def test_a_name_before_meeting_a_team_and_an_armed_forces_post():
    from graph_loader.extract.persons import find_persons
    found = {m.name: [t.full for t in m.titles] for m in find_persons(
        "28日,某某市委副书记、代市长王小刚会见了考核巡查组一行。会上,镇党委委员、武装部长杨一林通报情况。")}
    assert found == {"王小刚": ["市委副书记", "代市长"], "杨一林": ["镇党委委员", "武装部长"]}


def test_a_higher_meeting_listed_after_a_conjunction_with_its_spirit():
    from graph_loader.extract.higher import find_mentions
    from graph_loader.extract.sentences import SentenceIndex
    t = "一是要认真学习贯彻落实领导同志重要指示批示及省委常委会会议的精神。"
    got = [(m.noun, m.mode, [lv for lv, _, _ in m.levels]) for m in find_mentions(t, SentenceIndex(t), [], None, "prefecture")]
    assert got == [("常委会会议", "relay", ["province"])]


def test_a_home_named_only_in_the_reports_own_document_titles():
    rec = _rec("我市近日召开市安全生产巡查工作领导小组会议。会议审议通过了《南通市安全生产巡查工作规程(试行)》。",
               published="2019-10-03")
    assert rec.context_region == "江苏省南通市"
    assert [(m.region, m.level) for m in rec.meetings] == [("江苏省南通市", "prefecture")]


def test_a_development_zone_names_the_sector_only_standing_alone():
    rec = _rec("某县经济开发区、县住建局依次发言。")
    assert "工业园区" not in rec.sectors
    assert "工业园区" in _rec("会议研究部署安全生产、开发区及重点项目建设等工作。").sectors


def test_reporting_to_a_visiting_team_is_a_report_meeting():
    rec = _rec("今天(5.20)上午,以某部副部长赵一平为组长的国务院安委会第三督查组到我省督查。"
               "副省长钱二在向督查组汇报时说,全省安全生产形势稳定。", published="2015-05-21")
    assert [(m.date, m.level, m.kind) for m in rec.meetings] == [("2015-05-20", "province", "report")]
    assert {p.name: p.role for p in rec.meetings[0].participants}.get("钱二") == "speaker"
