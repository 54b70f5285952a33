"""Propagation across real reports: real relay chains (gold-derived records of real articles) become
one tree per top meeting, recurring national teleconferences stay apart by day, year-less reports
join the one dated meeting that fits, on both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader.extract.record import Directive, ExtractionRecord, Meeting, Relay
from graph_loader.graph.batch import build_settled
from graph_loader.graph.ids import NATIONAL_REGION
from graph_loader.graph.rdf import record_to_triples
from graph_loader.graph.record_input import load_record
from graph_loader.graph.resolve import Resolver
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import run_query
from tests.shared_data import shared_path

DATA = Path(__file__).parent / "data" / "chains"
REAL = Path(__file__).resolve().parents[1] / "data" / "real"
CHAINS = json.loads((DATA / "chains.json").read_text(encoding="utf-8"))
NATIONAL = "全国安全生产电视电话会议"


def records(order: str = "forward") -> list:
    recs = [load_record(p) for p in sorted((DATA / "records").glob("*.json"))]
    return list(reversed(recs)) if order == "reverse" else recs


def graph(recs, store=None, resolver=None):
    resolver = resolver or Resolver()
    store = store if store is not None else EmbeddedStore(None)
    for rows in build_settled([(r, None) for r in recs], resolver):
        store.upsert(rows)
    return store, resolver


def held(tree: dict, link: dict) -> bool:
    """The chain evaluation's test: a node of the tree of that region and date."""
    return any((n.get("region") or "").endswith(link["region"][-3:])
               and (n.get("date") or "").endswith(link["date"].lstrip("-")) for n in tree["nodes"])


@pytest.fixture(scope="module")
def built():
    return graph(records())


def national_meetings(store) -> list[dict]:
    return sorted((store.node(i) for i in store.ids_by_label("Meeting")
                   if store.node(i).get("level") == "national"), key=lambda n: n.get("date") or "")


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_every_real_chain_is_held_by_one_tree(order) -> None:
    store, _ = graph(records(order))
    for ch in CHAINS:
        top = ch["top"]
        tree = run_query(store, "propagation", {"target": ch["search"], "date": top["date"]}).model_dump()
        assert tree["root"] is not None, ch["id"]
        missing = [lk["region"] for lk in ch["links"] if not held(tree, lk)]
        assert missing == [], (ch["id"], missing)


def test_national_teleconferences_of_three_days_are_three_nodes_in_the_nation(built) -> None:
    store, _ = built
    dated = [n for n in national_meetings(store) if n.get("name") == NATIONAL]
    assert [n["date"] for n in dated] == ["2016-07-20", "2017-07-20", "2022-03-31"]
    assert {n["region"] for n in dated} == {NATIONAL_REGION}  # never the reporting county
    by_day = {n["date"]: n["articles"] for n in dated}
    assert by_day == {"2016-07-20": ["c04", "c05", "c06"], "2017-07-20": ["c07"],
                      "2022-03-31": ["c01", "c02", "c03"]}


def test_same_day_meetings_of_different_provinces_stay_apart(built) -> None:
    store, _ = built
    provinces = {store.node(i)["region"] for i in store.ids_by_label("Meeting")
                 if store.node(i).get("level") == "province" and store.node(i).get("date") == "2022-03-31"}
    assert provinces == {"湖北省", "安徽省"}


def test_inferred_joins_are_flagged_with_their_reason(built) -> None:
    _, resolver = built
    merges = {m.key: m for m in resolver.merges("meeting")}
    m2016 = merges["teleconference|national|全国|2016-07-20"]
    assert m2016.inferred_year == ["c04", "c06"]
    # two dated candidates on 07-20 (2016, 2017): the one whose reports cite the same instruction
    assert "of 2 candidates" in m2016.reason and "汛期安全防范" in m2016.reason
    m2022 = merges["teleconference|national|全国|2022-03-31"]
    assert m2022.inferred_date == ["c03"] and "2022-04-08" in m2022.reason


def test_a_year_less_report_with_two_fitting_candidates_stays_apart() -> None:
    recs = {r.doc_id: r for r in records()}
    c04 = recs["c04"].model_copy(update={"instructions": []})  # nothing tells 2016 from 2017
    store, resolver = graph([c04, recs["c05"], recs["c07"]])
    nodes = national_meetings(store)
    assert [n["date"] for n in nodes] == ["--07-20", "2016-07-20", "2017-07-20"]
    assert resolver.merges("meeting") == []
    # with one candidate only, it joins it
    store, resolver = graph([c04, recs["c05"]])
    assert [n["date"] for n in national_meetings(store)] == ["2016-07-20"]
    assert [m.inferred_year for m in resolver.merges("meeting")] == [["c04"]]
    # a sole candidate whose reports cite another topical instruction is another meeting
    store, resolver = graph([recs["c04"], recs["c07"]])
    assert [n["date"] for n in national_meetings(store)] == ["--07-20", "2017-07-20"]
    assert resolver.merges("meeting") == []


def test_a_year_less_meeting_held_the_day_it_relays_takes_that_year(built) -> None:
    store, _ = built
    heze = next(store.node(i) for i in store.ids_by_label("Meeting") if store.node(i).get("region") == "山东省菏泽市")
    assert heze["date"] == "2016-07-20"


def test_propagation_by_name_answers_candidates_then_the_tree_with_lags_and_edges(built) -> None:
    store, _ = built
    amb = run_query(store, "propagation", {"target": NATIONAL}).model_dump()
    assert amb["root"] is None and amb["nodes"] == []
    assert [(c["date"], c["region"], c["reports"]) for c in amb["candidates"]] == [
        ("2022-03-31", NATIONAL_REGION, 3), ("2017-07-20", NATIONAL_REGION, 1), ("2016-07-20", NATIONAL_REGION, 3)]
    tree = run_query(store, "propagation", {"target": NATIONAL, "date": "2017-07-20"}).model_dump()
    by_region = {n["region"]: n for n in tree["nodes"]}
    by_id = {n["id"]: n for n in tree["nodes"]}
    assert by_region[NATIONAL_REGION]["parent"] is None and by_region[NATIONAL_REGION]["edge"] is None
    county = by_region["江西省九江市庐山市"]
    assert by_id[county["parent"]]["region"] == "江西省九江市"  # province -> prefecture -> county
    assert by_region["江西省九江市"]["edge"] == "inferred" and by_region["江西省九江市"]["basis"] == "follow_up"
    assert county["articles"] == ["c07"] and county["lag_from_top"] == 0
    west = run_query(store, "propagation", {"target": NATIONAL, "date": "2022-03-31"}).model_dump()
    xining = next(n for n in west["nodes"] if n["region"] == "青海省西宁市")
    assert xining["lag_from_top"] == 8 and xining["edge"] == "explicit"
    none = run_query(store, "propagation", {"target": NATIONAL, "date": "2020-01-01"}).model_dump()
    assert none["root"] is None and len(none["candidates"]) == 3


def test_branch_venue_relay_is_inferred_in_graph_and_rdf(built) -> None:
    store, _ = built
    laifeng = next(i for i in store.ids_by_label("Meeting")
                   if store.node(i).get("region") == "湖北省恩施土家族苗族自治州来凤县")
    ((dst, rel),) = list(store.out_rels(laifeng, "RELAYS"))
    assert rel["inferred"] is True and rel["basis"] == "branch_venue"
    assert store.node(dst)["region"] == "湖北省恩施土家族苗族自治州"
    c06 = next(r for r in records() if r.doc_id == "c06")
    nt = "\n".join(f"{s} {p} {o}" for s, p, o in record_to_triples(c06, None, Resolver()))
    assert "relayBasis branch_venue" in nt


def test_relay_lags_per_level(built) -> None:
    store, _ = built
    lags = {x["level"]: x for x in run_query(store, "relay_lags", {}).model_dump()["levels"]}
    assert lags["prefecture"]["median_from_top_days"] == 0.0  # most prefectures relay the same day
    assert lags["prefecture"]["hops"] >= 5 and lags["county"]["from_top"] >= 2
    assert max(lags["prefecture"]["median_hop_days"], 0) <= 8


def test_directive_aliases_from_the_table_and_from_the_text() -> None:
    full = "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施"

    def rec(doc, titles, sentence=""):
        from graph_loader.extract.record import Evidence
        ev = [Evidence(start=0, end=len(sentence), orig_start=0, orig_end=len(sentence), text=sentence,
                       rule="directive")] if sentence else []
        return ExtractionRecord(doc_id=doc, directives=[Directive(title=t, evidence=ev) for t in titles],
                                meetings=[Meeting(date="2022-04-10", region="湖北省", level="province",
                                                  relays=[Relay(directive=titles[0])])])

    store, resolver = graph([rec("a", ["十五条硬措施"]), rec("b", ["15条硬措施"]), rec("c", [f"《{full}》"]),
                             rec("d", ["安全生产十五条措施"])])
    (node,) = [store.node(i) for i in store.ids_by_label("Directive")]
    assert node["title"] == full and node["articles"] == ["a", "b", "c", "d"]
    (m,) = resolver.merges("directive")
    assert "directive_aliases.tsv" in m.reason and "15条硬措施" in m.reason
    # an alias the text states, used by an article graphed before the one that states it
    stated = "省安委会印发《关于加强汛期安全生产工作的十条措施》(以下简称“汛期十条”),要求各地落实。"
    store, resolver = graph([rec("e", ["汛期十条"]), rec("f", ["关于加强汛期安全生产工作的十条措施"], stated)])
    (node,) = [store.node(i) for i in store.ids_by_label("Directive")]
    assert node["articles"] == ["e", "f"] and node["aliases"] == ["汛期十条"]
    assert "the text of f says 汛期十条" in resolver.merges("directive")[0].reason
    # a long title written with one character dropped is that directive, whichever article came first
    short, full_title = "地方党政领导干部安全生产责任规定", "地方党政领导干部安全生产责任制规定"
    for docs in ([rec("g", [short]), rec("h", [f"《{full_title}》"])], [rec("h", [f"《{full_title}》"]), rec("g", [short])]):
        store, resolver = graph(docs)
        (node,) = [store.node(i) for i in store.ids_by_label("Directive")]
        assert node["title"] == full_title and sorted(node["articles"]) == ["g", "h"]
        assert "a character dropped in writing" in resolver.merges("directive")[0].reason
    # a dropped numeral makes another package; short titles one character apart stay apart
    store, _ = graph([rec("i", ["关于印发安全生产十五条措施的通知"]), rec("j", ["关于印发安全生产五条措施的通知"]),
                      rec("k", ["安全生产法"]), rec("l", ["安全生产办法"])])
    assert len(store.ids_by_label("Directive")) == 4


def bare_name_records() -> list[ExtractionRecord]:
    """Made-up reports of one province's teleconference of 2021-03-02: the province's own report names it,
    two county reports write only `省、市会议结束后` (the province meeting named `全省会议` or `会议`, kind other),
    one of them on another day; a fourth report names the same day's meeting of another province barely."""
    def county(doc, date, province, county_region, bare="全省会议"):
        return ExtractionRecord(doc_id=doc, meetings=[
            Meeting(date=date, region=province, level="province", kind="other", name=bare),
            Meeting(date=date, region=county_region, level="county", kind="deployment", name="全县安全生产工作会议",
                    relays=[Relay(meeting=0, inferred=True, basis="follow_up")])])
    own = ExtractionRecord(doc_id="p1", meetings=[
        Meeting(date="2021-03-02", region="甲省", level="province", kind="teleconference", name="全省安全生产电视电话会议")])
    return [own, county("k1", "2021-03-02", "甲省", "甲省乙市丙县"), county("k2", "2021-03-02", "甲省", "甲省乙市丁县", "会议"),
            county("k3", "2021-03-09", "甲省", "甲省乙市戊县"), county("k4", "2021-03-02", "己省", "己省庚市辛县")]


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_a_meeting_named_by_a_bare_word_joins_the_one_meeting_of_its_day(order) -> None:
    recs = bare_name_records()
    store, resolver = graph(list(reversed(recs)) if order == "reverse" else recs)
    province = sorted((store.node(i) for i in store.ids_by_label("Meeting")
                       if store.node(i).get("level") == "province"), key=lambda n: (n["region"], n["date"]))
    assert [(n["region"], n["date"], sorted(n["articles"])) for n in province] == [
        ("己省", "2021-03-02", ["k4"]),  # another province the same day: apart
        ("甲省", "2021-03-02", ["k1", "k2", "p1"]),
        ("甲省", "2021-03-09", ["k3"])]  # another day: apart
    joined = next(n for n in province if len(n["articles"]) == 3)
    assert joined["name"] == "全省安全生产电视电话会议" and joined["kind"] == "teleconference"  # whoever wrote last
    (m,) = resolver.merges("meeting")
    assert "k1: named only by a bare word" in m.reason and "k2: named only by a bare word" in m.reason
    tree = run_query(store, "propagation", {"target": "全省安全生产电视电话会议", "date": "2021-03-02"}).model_dump()
    assert sorted(n["region"] for n in tree["nodes"] if n["level"] == "county") == ["甲省乙市丁县", "甲省乙市丙县"]


def test_a_bare_named_meeting_stays_apart_when_two_meetings_of_its_day_fit() -> None:
    recs = bare_name_records()
    other = ExtractionRecord(doc_id="p2", meetings=[
        Meeting(date="2021-03-02", region="甲省", level="province", kind="safety_committee_plenary", name="省安委会全体会议")])
    store, resolver = graph([recs[0], other, recs[1]])
    assert len([i for i in store.ids_by_label("Meeting") if store.node(i).get("level") == "province"]) == 3
    assert resolver.merges("meeting") == []


@pytest.mark.neo4j
def test_real_chains_same_on_both_stores(neo4j_store) -> None:
    emb, _ = graph(records())
    graph(records(), store=neo4j_store)
    cases = [("propagation", {"target": NATIONAL}), ("relay_lags", {}), ("search", {"text": NATIONAL})] + [
        ("propagation", {"target": ch["search"], "date": ch["top"]["date"]}) for ch in CHAINS]
    for name, params in cases:
        a = run_query(emb, name, params).model_dump()
        b = run_query(neo4j_store, name, params).model_dump()
        assert a == b, (name, params)


@pytest.mark.neo4j
def test_bare_named_meetings_join_alike_on_both_stores(neo4j_store) -> None:
    emb, _ = graph(bare_name_records())
    graph(bare_name_records(), store=neo4j_store)
    for params in ({"target": "全省安全生产电视电话会议", "date": "2021-03-02"}, {"target": "全省安全生产电视电话会议"}):
        a = run_query(emb, "propagation", params).model_dump()
        assert a == run_query(neo4j_store, "propagation", params).model_dump(), params
    assert sorted(emb.ids_by_label("Meeting")) == sorted(neo4j_store.ids_by_label("Meeting"))


def year_less_records() -> list[ExtractionRecord]:
    """Made-up reports of one province's teleconference of 1月11日: two county reports and a city report give
    no year (`1月11日，全省安全生产电视电话会议召开…会后，我县接着召开…`), one writing the clipped noun
    (`…电视电话会`); the province's own report, when present, dates it 2018-01-11."""
    def county(doc, county_region, name="全省安全生产电视电话会议"):
        return ExtractionRecord(doc_id=doc, meetings=[
            Meeting(date="--01-11", region="甲省", level="province", kind="teleconference", name=name),
            Meeting(date="--01-11", region=county_region, level="county", kind="deployment", name="全县安全生产工作会议",
                    relays=[Relay(meeting=0, inferred=True, basis="follow_up")])])
    return [county("y1", "甲省乙市丙县"), county("y2", "甲省乙市丁县", "全省安全生产电视电话会"),
            county("y3", "甲省戊市己县")]


def dated(doc: str, date: str, name: str = "全省安全生产电视电话会") -> ExtractionRecord:
    return ExtractionRecord(doc_id=doc, meetings=[
        Meeting(date=date, region="甲省", level="province", kind="teleconference", name=name)])


def province_nodes(store) -> list[tuple[str, list[str]]]:
    return sorted((store.node(i)["date"], sorted(store.node(i)["articles"])) for i in store.ids_by_label("Meeting")
                  if store.node(i).get("level") == "province")


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_year_less_reports_of_one_month_day_are_one_meeting_until_a_report_gives_the_year(order) -> None:
    recs = year_less_records()
    store, resolver = graph(list(reversed(recs)) if order == "reverse" else recs)
    assert province_nodes(store) == [("--01-11", ["y1", "y2", "y3"])]
    (node,) = [store.node(i) for i in store.ids_by_label("Meeting") if store.node(i).get("level") == "province"]
    assert node["name"] == "全省安全生产电视电话会议"  # two reports of three write it; the clipped one yields
    (m,) = resolver.merges("meeting")
    assert "no report giving that day a year" in m.reason
    tree = run_query(store, "propagation", {"target": "全省安全生产电视电话会议", "date": "--01-11"}).model_dump()
    assert sorted(n["region"] for n in tree["nodes"] if n["level"] == "county") == [
        "甲省乙市丁县", "甲省乙市丙县", "甲省戊市己县"]
    # a report giving the year: every year-less report joins it, whichever came first
    recs = [*recs, dated("p1", "2018-01-11")]
    store, resolver = graph(list(reversed(recs)) if order == "reverse" else recs)
    assert province_nodes(store) == [("2018-01-11", ["p1", "y1", "y2", "y3"])]
    (node,) = [store.node(i) for i in store.ids_by_label("Meeting") if store.node(i).get("level") == "province"]
    # the reports that join by inference name the meeting too: the written-out noun, 2 of 4, before the clipped
    assert node["name"] == "全省安全生产电视电话会议"
    assert [m.inferred_year for m in resolver.merges("meeting")] == [["y1", "y2", "y3"]]


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_year_less_reports_stay_apart_when_two_years_have_that_month_day(order) -> None:
    recs = [*year_less_records()[:2], dated("p1", "2018-01-11"), dated("p2", "2019-01-11")]
    store, resolver = graph(list(reversed(recs)) if order == "reverse" else recs)
    assert province_nodes(store) == [("--01-11", ["y1"]), ("--01-11", ["y2"]), ("2018-01-11", ["p1"]),
                                     ("2019-01-11", ["p2"])]
    assert resolver.merges("meeting") == []
    # another month-day, or another province, is another meeting
    other = ExtractionRecord(doc_id="z1", meetings=[
        Meeting(date="--01-12", region="甲省", level="province", kind="teleconference", name="全省安全生产电视电话会议"),
        Meeting(date="--01-11", region="庚省", level="province", kind="teleconference", name="全省安全生产电视电话会议")])
    store, resolver = graph([*year_less_records()[:1], other])
    assert len(store.ids_by_label("Meeting")) == 4 and resolver.merges("meeting") == []


@pytest.mark.neo4j
def test_year_less_reports_join_alike_on_both_stores(neo4j_store) -> None:
    recs = [*year_less_records(), dated("p1", "2018-01-11")]
    emb, _ = graph(recs[:3])
    graph(recs[:3], store=neo4j_store)
    params = {"target": "全省安全生产电视电话会议", "date": "--01-11"}
    assert run_query(emb, "propagation", params).model_dump() == run_query(neo4j_store, "propagation",
                                                                            params).model_dump()
    assert sorted(emb.ids_by_label("Meeting")) == sorted(neo4j_store.ids_by_label("Meeting"))


def test_a_year_less_report_joins_no_meeting_of_a_year_it_does_not_write() -> None:
    from graph_loader.extract.dates import written_years
    from graph_loader.graph.resolve import MeetingMention

    assert written_years("会议总结了2013年全省安全生产工作,部署2014 年工作。2013年") == (2013, 2014)

    def tele(date: str, years: tuple[int, ...] = ()) -> MeetingMention:
        return MeetingMention(date=date, region="甲省", level="province", kind="teleconference",
                              name="全省安全生产电视电话会议", years=years)
    for written, joins in (((2013,), False), ((2020,), False), ((2021,), True), ((2022,), True), ((2023,), True),
                           ((2024,), False), ((), True)):
        r = Resolver()
        dated_id = r.meeting(tele("2022-01-17"), "p1", 0).id
        # a report writing only 2013年 is of 2012 to 2014, not of the one dated meeting of 2022
        assert (r.meeting(tele("--01-17", written), "y1", 0).id == dated_id) is joins, written


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_every_article_last_writes_the_name_the_meeting_shows_at_the_end(order) -> None:
    # the clipped report first (forward) shows its name until the others come: it is graphed again, so no
    # article's last rows hold a name the node no longer shows (a store loading rows in another order agrees)
    recs = [dated("p1", "2018-01-11"), *year_less_records()]
    recs = list(reversed(recs)) if order == "reverse" else recs
    last: dict[str, str] = {}
    for rows in build_settled([(r, None) for r in recs], Resolver()):
        for n in rows.nodes:
            if n.label == "Meeting" and n.props.get("level") == "province":
                for doc in n.articles:
                    last[doc] = n.props.get("name")
    assert last == dict.fromkeys(["p1", "y1", "y2", "y3"], "全省安全生产电视电话会议")


def standing_word_records() -> list[ExtractionRecord]:
    """Made-up reports of one national video conference of 12月2日: the dated report cites the leader's standing
    word on the field in one wording (`…关于安全生产重要指示`), a year-less county report in another
    (`…关于安全生产和应急管理重要论述`), and relays it from a branch venue."""
    def tele(date: str) -> Meeting:
        return Meeting(date=date, level="national", kind="teleconference", name="危险化学品安全生产专题视频会议")
    dated_report = ExtractionRecord(doc_id="s1", meetings=[tele("2018-12-02")],
                                    instructions=[Directive(title="习近平总书记关于安全生产重要指示")])
    county = ExtractionRecord(doc_id="s2", meetings=[
        tele("--12-02"),
        Meeting(date="--12-02", region="甲省乙市丙区", level="county", kind="teleconference",
                relays=[Relay(meeting=0, inferred=True, basis="branch_venue")])],
        instructions=[Directive(title="习近平总书记关于安全生产和应急管理工作重要论述")])
    return [dated_report, county]


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_a_year_less_report_citing_the_standing_word_otherwise_worded_joins_the_one_candidate(order) -> None:
    recs = standing_word_records()
    store, resolver = graph(list(reversed(recs)) if order == "reverse" else recs)
    assert [n["date"] for n in national_meetings(store)] == ["2018-12-02"]
    assert [m.inferred_year for m in resolver.merges("meeting")] == [["s2"]]
    tree = run_query(store, "propagation", {"target": "危险化学品安全生产专题视频会议",
                                             "date": "2018-12-02"}).model_dump()
    assert "甲省乙市丙区" in {n["region"] for n in tree["nodes"]}
    # a topical instruction of its own on each side still tells two meetings apart
    topical = [recs[0].model_copy(update={"instructions": [Directive(title="关于加强汛期安全防范工作的重要指示")]}),
               recs[1].model_copy(update={"instructions": [Directive(title="关于做好森林防火工作的重要指示")]})]
    store, resolver = graph(topical)
    assert [n["date"] for n in national_meetings(store)] == ["--12-02", "2018-12-02"]
    assert resolver.merges("meeting") == []


@pytest.mark.neo4j
def test_standing_word_joins_alike_on_both_stores(neo4j_store) -> None:
    recs = standing_word_records()
    emb, _ = graph(recs)
    graph(recs, store=neo4j_store)
    params = {"target": "危险化学品安全生产专题视频会议", "date": "2018-12-02"}
    assert run_query(emb, "propagation", params).model_dump() == run_query(neo4j_store, "propagation",
                                                                            params).model_dump()
    assert sorted(emb.ids_by_label("Meeting")) == sorted(neo4j_store.ids_by_label("Meeting"))


def real_chain(chains_file: str, chain_id: str) -> tuple[dict, list]:
    """A chain of data/real and the (record, document) of each real article it links, ingested and extracted
    from the saved text by the pipeline itself (not from the gold): data/real/texts, else ../shared/corpus/real."""
    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_file

    chain = next(c for c in json.loads((REAL / chains_file).read_text(encoding="utf-8")) if c["id"] == chain_id)
    items = []
    for doc_id in dict.fromkeys(link["doc"] for link in chain["links"]):
        path = REAL / "texts" / f"{doc_id}.txt"
        doc = ingest_file(path if path.exists() else shared_path("corpus", "real", f"{doc_id}.txt"))
        items.append((extract(doc), doc))
    return chain, items


def graph_items(items: list, store=None):
    store = store if store is not None else EmbeddedStore(None)
    resolver = Resolver()
    for rows in build_settled(items, resolver):
        store.upsert(rows)
    return store, resolver


def test_a_real_chain_extracted_from_its_texts_is_one_tree_from_the_national_teleconference() -> None:
    # chSH1: the national teleconference of 2016-11-27 relayed by two provinces, a county whose report gives no
    # year (its 2017年度 responsibility documents signed at a year-end meeting) and a township
    chain, items = real_chain("chains_sH.json", "chSH1")
    for order in (items, list(reversed(items))):
        store, resolver = graph_items(order)
        tree = run_query(store, "propagation", {"target": chain["search"], "date": chain["top"]["date"]}).model_dump()
        assert tree["root"] is not None and tree["nodes"][0]["date"] == "2016-11-27"
        missing = [lk["doc"] for lk in chain["links"]
                   if not any((n.get("region") or "").endswith((lk["region"] or "")[-3:])
                              and lk["doc"] in n["articles"] for n in tree["nodes"])]
        assert missing == []
        assert {n["edge"] for n in tree["nodes"][1:]} == {"explicit", "inferred"}
        (national,) = [m for m in resolver.merges("meeting") if m.key.startswith("teleconference|national|")]
        assert sorted(national.doc_ids) == sorted(r.doc_id for r, _ in items)


@pytest.mark.neo4j
def test_a_real_chain_extracted_from_its_texts_is_the_same_tree_on_both_stores(neo4j_store) -> None:
    chain, items = real_chain("chains_sH.json", "chSH1")
    emb, _ = graph_items(items)
    graph_items(items, store=neo4j_store)
    for params in ({"target": chain["search"], "date": chain["top"]["date"]}, {"target": chain["search"]},
                   {"text": chain["search"]}):
        name = "search" if "text" in params else "propagation"
        assert run_query(emb, name, params).model_dump() == run_query(neo4j_store, name, params).model_dump(), params
    assert run_query(emb, "relay_lags", {}).model_dump() == run_query(neo4j_store, "relay_lags", {}).model_dump()
