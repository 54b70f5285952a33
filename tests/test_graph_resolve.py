"""Cross-article resolution: each rule merges what it should, and only that, with its reason."""

from __future__ import annotations

from graph_loader.extract.record import ExtractionRecord, Meeting, Participant, Person, Post
from graph_loader.graph.batch import build_batch, build_settled
from graph_loader.graph.resolve import Resolver
from graph_loader.stores.embedded import EmbeddedStore
from tests.test_graph_data import gold_records

WUJIN = "江苏省常州市武进区"
HAIAN = "江苏省南通市海安市"
ENSHI = "湖北省恩施土家族苗族自治州"


def _person_ids(rows, name):
    return sorted(n.id for n in rows.nodes if n.label == "Person" and n.props["name"] == name)


def test_regions_by_gazetteer_code():
    r = Resolver()
    a = r.region(HAIAN, "d1")
    assert r.region(HAIAN, "d2") == a
    assert r.region("江苏省南通市", "d1") != a
    (m,) = r.merges("region")
    assert m.doc_ids == ["d1", "d2"] and "320685" in m.reason


def test_merges_count_each_article_once_past_the_articles_listed():
    # an entity that more articles name than `merges` lists (DOC_CAP) is counted an article at a time: an article
    # naming it in three sentences is one article, also past the cap
    from graph_loader.graph.resolve import DOC_CAP

    r = Resolver()
    n = DOC_CAP + 5
    for i in range(n):
        for _ in range(3):
            r.region(HAIAN, f"d{i}")
    (m,) = r.merges("region")
    assert m.n_docs == n and len(m.doc_ids) == DOC_CAP


def test_a_district_filed_under_its_regions_code_is_a_region_of_its_own():
    # the gazetteer files a special administrative region's districts under the region's own code: a district is
    # resolved by its path, with its level, never merged into the region that contains it
    from graph_loader.graph.gazetteer import region_info

    r = Resolver()
    whole, district = "香港特别行政区", "香港特别行政区大埔区"
    assert r.region(whole, "d1") != r.region(district, "d2")
    assert r.region(district, "d3") == r.region(district, "d2")
    info = region_info(district)
    assert (info.level, info.code, info.parent) == ("county", None, whole)
    assert region_info(whole).code == "810000"


def test_bodies_by_region_and_kind_and_teams_by_year():
    r = Resolver()
    assert r.body("海安市委", "party_committee", HAIAN, "d1") == r.body("中共海安市委", "party_committee", HAIAN, "d2")
    assert r.body("海安市委", "party_committee", HAIAN, "d1") != r.body("海安市政府", "government", HAIAN, "d1")
    assert r.body("海安市应急管理局", "department", HAIAN, "d1") == r.body("应急管理局", "department", HAIAN, "d2")
    t1 = r.body("江苏省安全生产第四巡查组", "inspection_team", "江苏省", "d1", year="2024")
    assert r.body("江苏省安全生产第四巡查组", "inspection_team", "江苏省", "d2", year="2024") == t1
    assert r.body("江苏省安全生产第四巡查组", "inspection_team", "江苏省", "d3", year="2023") != t1
    assert r.body("江苏省安全生产第五巡查组", "inspection_team", "江苏省", "d3", year="2024") != t1
    # a body without region context is not merged across articles, national ones are
    assert r.body("市委", "party_committee", None, "d1") != r.body("市委", "party_committee", None, "d2")
    assert r.body("国务院安委会", "other", None, "d1") == r.body("国务院安委会", "other", None, "d2")


def _rec(doc_id, name, region, date="2024-02-25", others=()):
    people = [Person(name=name, posts=[Post(title="副区长", full="副区长", region=region)])]
    parts = [Participant(name=name, role="attendee")] + [Participant(name=o, role="attendee") for o in others]
    return ExtractionRecord(doc_id=doc_id, persons=people, regions=[region],
                            meetings=[Meeting(date=date, region=region, level="county", participants=parts)])


def test_same_name_same_district_is_one_person_different_prefecture_two():
    res = build_batch([(_rec("d1", "李皓", WUJIN), None), (_rec("d2", "李皓", WUJIN), None),
                       (_rec("d3", "李皓", HAIAN), None)], Resolver())
    ids = _person_ids(res.rows, "李皓")
    assert len(ids) == 2  # Wujin (d1 + d2) and Hai'an (d3): must NOT merge across prefectures
    wujin = next(n for n in res.rows.nodes if n.label == "Person" and n.props["region"] == WUJIN)
    assert wujin.articles == ["d1", "d2"]


def test_person_without_region_context_stays_in_its_article():
    r = Resolver()
    assert r.person("张三", None, False, "d1") != r.person("张三", None, False, "d2")


def test_national_leaders_by_name():
    r = Resolver()
    assert r.person("习近平", None, True, "d1") == r.person("习近平", None, True, "d2")
    res = build_batch([(x, None) for x in gold_records()], Resolver())
    (xi,) = _person_ids(res.rows, "习近平")
    node = next(n for n in res.rows.nodes if n.id == xi)
    assert len(node.articles) == 5 and node.props["national_leader"] is True


def test_directives_by_alias():
    r = Resolver()
    full = "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施"
    a, canonical, alias = r.directive("安全生产十五条措施", "d1")
    b, _, no_alias = r.directive(f"《{full}》", "d2")
    assert a == b and canonical == full and alias == "安全生产十五条措施" and no_alias is None
    (m,) = r.merges("directive")
    assert "安全生产十五条措施" in m.reason
    assert r.directive("安全生产法", "d1")[0] != a


def test_a_central_document_with_its_issuers_without_them_or_shortened_is_one():
    # made-up: one central opinion written `中共中央办公厅 国务院办公厅关于…`, `中办、国办关于…` and, after
    # `中办、国办印发`, as a bare `《关于…》`: one node, and `safetykg merges` says why
    r = Resolver()
    full = "中共中央办公厅 国务院办公厅关于加强某某行业安全工作的意见"
    a, shown, _ = r.directive(f"《{full}》", "d1")
    b, shown_b, alias = r.directive("关于加强某某行业安全工作的意见", "d2")
    c, _, _ = r.directive("中办、国办关于加强某某行业安全工作的意见", "d3")
    assert a == b == c and shown == shown_b == "中共中央办公厅国务院办公厅关于加强某某行业安全工作的意见"
    assert alias == "关于加强某某行业安全工作的意见"
    (m,) = r.merges("directive")
    assert m.n_docs == 3 and "the one central document of that title" in m.reason
    # a province's own document of that title is another, written with its issuer or said to be its
    assert r.directive("甲省人民政府关于加强某某行业安全工作的意见", "d4")[0] != a
    assert r.directive("关于加强某某行业安全工作的意见", "d5", "甲省人民政府")[0] != a
    # a body's short name after the national prefix is written in full (国务院安委会 = 国务院安全生产委员会)
    assert r.directive("国务院安委会关于做好某事的通知", "d6")[0] == r.directive("国务院安全生产委员会关于做好某事的通知", "d7")[0]


def test_a_bare_central_title_joins_only_the_one_candidate_or_the_issuers_its_article_names():
    from graph_loader.graph.resolve import issued_title

    r = Resolver()
    bare = "关于做好某项工作的通知"
    first, _, _ = r.directive(bare, "d1")  # no candidate yet: apart, graphed again when one comes
    one, _, _ = r.directive("国务院安委会关于做好某项工作的通知", "d2")
    assert first != one and "d1" in r.unsettled()
    assert r.directive(bare, "d1")[0] == one
    two, _, _ = r.directive("国务院关于做好某项工作的通知", "d3")
    assert two != one and "d1" in r.unsettled()  # two candidates: the bare title stays apart
    assert r.directive(bare, "d1")[0] not in {one, two}
    # unless its article names the issuer (issued_title puts it in front, short forms in full)
    assert r.directive(issued_title(bare, "国务院"), "d4", "国务院")[0] == two
    assert r.directive(issued_title(bare, "国务院安委会"), "d5", "国务院安委会")[0] == one
    # a province's document that echoes a central title is never a candidate
    r2 = Resolver()
    own, _, _ = r2.directive("乙省人民政府关于做好某项工作的通知", "d1")
    assert r2.directive(bare, "d2")[0] != own


def test_seed_directive_alias_merges_across_articles():
    res = build_batch([(x, None) for x in gold_records()], Resolver())
    directives = [n for n in res.rows.nodes if n.label == "Directive" and "若干措施" in n.props["title"]]
    assert len(directives) == 1
    assert set(directives[0].articles) == {"002_6d62fb2e2e7b4d80", "003_f9760ff1ea8f6231"}
    assert directives[0].props["aliases"] == ["安全生产十五条措施"]


def test_same_meeting_in_two_articles_is_merged_with_a_reason():
    r = Resolver()
    res = build_batch([(_rec("d1", "王五", WUJIN, others=["赵六"]), None),
                       (_rec("d2", "赵六", WUJIN), None)], r)
    meetings = [n for n in res.rows.nodes if n.label == "Meeting"]
    assert len(meetings) == 1 and meetings[0].articles == ["d1", "d2"]
    (m,) = r.merges("meeting")
    assert "shared participant" in m.reason and m.doc_ids == ["d1", "d2"]


def test_meetings_without_shared_participant_or_on_other_dates_stay_apart():
    res = build_batch([(_rec("d1", "王五", WUJIN), None), (_rec("d2", "赵六", WUJIN), None),
                       (_rec("d3", "王五", WUJIN, date="2024-02-26"), None),
                       (_rec("d4", "王五", WUJIN, date="--02-25"), None),
                       (_rec("d5", "王五", WUJIN, date="--02-25"), None)], Resolver())
    assert len([n for n in res.rows.nodes if n.label == "Meeting"]) == 5


def test_resolver_state_round_trips(tmp_path):
    r = Resolver()
    build_batch([(_rec("d1", "王五", WUJIN), None)], r)
    path = tmp_path / "resolver.json"
    r.save(path)
    r2 = Resolver.load(path)
    res = build_batch([(_rec("d2", "王五", WUJIN), None)], r2)
    assert [m.doc_ids for m in r2.merges("meeting")] == [["d1", "d2"]]
    assert len([n for n in res.rows.nodes if n.label == "Meeting"]) == 1
    assert Resolver.load(tmp_path / "missing.json").merges() == []


def test_rebuilding_an_article_is_not_a_merge():
    r = Resolver()
    build_batch([(_rec("d1", "王五", WUJIN), None)], r)
    build_batch([(_rec("d1", "王五", WUJIN), None)], r)
    assert r.merges() == []


def test_directive_titles_in_quotes_are_one_directive():
    r = Resolver()
    a, name_a, _ = r.directive("《河南郑州7·20特大暴雨灾害调查报告》", "d1")
    b, name_b, _ = r.directive("河南郑州7·20特大暴雨灾害调查报告", "d2")
    assert a == b and name_a == name_b == "河南郑州7·20特大暴雨灾害调查报告"


def test_an_articles_same_day_meetings_of_one_kind_under_other_names_stay_apart():
    # made-up: 甲省 held 全省安全生产工作会议 and 全省渔船安全工作会议 the same morning, and the report
    # mentions the first again without a name; a second report names the work conference alone
    def m(name, date="2011-03-04"):
        return Meeting(date=date, region="甲省", level="province", kind="deployment", name=name)

    one = ExtractionRecord(doc_id="d1", meetings=[m("全省安全生产工作会议"), m("全省渔船安全工作会议"),
                                                  m(None), m("全省安全生产工作会议", "--03-05"),
                                                  m("全省渔船安全工作会议", "--03-05")])
    two = ExtractionRecord(doc_id="d2", meetings=[m("全省安全生产工作会议")])
    res = build_batch([(one, None), (two, None)], Resolver())
    nodes = sorted((n.props.get("date"), n.props.get("name"), n.articles) for n in res.rows.nodes
                   if n.label == "Meeting")
    assert nodes == [("--03-05", "全省安全生产工作会议", ["d1"]), ("--03-05", "全省渔船安全工作会议", ["d1"]),
                     ("2011-03-04", "全省安全生产工作会议", ["d1"]),
                     # d2 names one meeting of the day alone, d1's nameless mention could be either: the plain node
                     ("2011-03-04", "全省安全生产工作会议", ["d1", "d2"]),
                     ("2011-03-04", "全省渔船安全工作会议", ["d1"])]


def _ev(text: str) -> list:
    from graph_loader.extract.record import Evidence

    return [Evidence(start=0, end=len(text), orig_start=0, orig_end=len(text), text=text, rule="test")]


def _apart_records() -> list[ExtractionRecord]:
    """Articles whose graph needs earlier articles: a meeting two reports name differently (the node shows
    the name most reports write, ties to the shorter), an alias one article states and a later one uses
    as its title, a year-less report of a dated meeting."""
    from graph_loader.extract.record import Directive

    def meeting(doc_id: str, name: str, date: str = "2024-03-05") -> ExtractionRecord:
        rec = _rec(doc_id, "王甲", WUJIN, date)
        rec.meetings[0].kind, rec.meetings[0].name = "deployment", name
        return rec

    stated = "会议传达《关于做好某项安全工作的八条措施》(以下简称“某项八条”)。"
    alias_first = ExtractionRecord(doc_id="d4", directives=[
        Directive(title="关于做好某项安全工作的八条措施", evidence=_ev(stated))])
    alias_used = ExtractionRecord(doc_id="d5", directives=[Directive(title="某项八条", evidence=_ev("学习某项八条。"))])
    return [meeting("d1", "全区推进会"), meeting("d2", "全区安全生产推进会"), meeting("d3", "全区推进会"),
            alias_first, alias_used, meeting("d6", "全区推进会", "--03-05")]


def test_articles_graphed_apart_and_replayed_give_the_graph_and_resolver_of_one_resolver(tmp_path):
    """A worker graphs each article against a resolver that knows it alone; replaying its calls on the
    build's resolver, in order, and graphing again from the first answer that differs gives the same
    rows, triples and resolver state as graphing every article on the build's resolver."""
    from graph_loader.graph.batch import graph_apart, graph_article, graph_replayed

    records = _apart_records()
    one, replayed = Resolver(), Resolver()
    again = 0
    for rec in records:
        want_triples, want_rows = graph_article(rec, None, one)
        triples, rows, calls = graph_apart(rec, None)
        redone, rows = graph_replayed(replayed, calls, rows, lambda rec=rec: rec, None)
        again += redone is not None
        assert rows == want_rows
        assert sorted(redone if redone is not None else triples) == sorted(want_triples)
    one.save(tmp_path / "one.json")
    replayed.save(tmp_path / "replayed.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "replayed.json").read_bytes()
    assert again >= 2  # the meeting's shown name and the stated alias need the build's resolver


def test_a_replay_stops_at_the_first_answer_the_build_gives_otherwise():
    from graph_loader.graph.batch import graph_apart
    from graph_loader.graph.resolve import replay

    records = _apart_records()
    build = Resolver()
    for rec in records[:4]:
        replay(build, graph_apart(rec, None)[2])
    calls = graph_apart(records[4], None)[2]
    index, answer = replay(build, calls)
    assert calls[index].name == "directive" and answer[1] == "关于做好某项安全工作的八条措施" != calls[index].result[1]


def test_forgetting_an_article_drops_its_pending_joins_and_flags_alone(tmp_path):
    """forget_article (every article graphed, and again) finds an article's pending slots and inferred
    flags through indexes kept with them, or built from a loaded resolver: the same state either way,
    nothing of the article left, the other articles' kept."""
    from graph_loader.graph.batch import graph_article

    live = Resolver()
    records = _apart_records()
    for rec in records + records[-1:] + records[:1]:  # the year-less report and the first graphed again
        graph_article(rec, None, live)
    year_less = records[-1].doc_id

    def of(res, doc_id):
        return ([k for k in res._pending if k.rsplit("|", 1)[0] == doc_id],
                [d for flags in res._inferred.values() for docs in flags.values() for d in docs if d == doc_id])

    assert all(of(live, year_less)) and of(live, records[0].doc_id)[0] == []
    live.save(tmp_path / "before.json")
    loaded = Resolver.load(tmp_path / "before.json")
    for res, name in ((live, "live"), (loaded, "loaded")):
        res.forget_article(year_less)
        assert of(res, year_less) == ([], [])
        res.save(tmp_path / f"{name}.json")
    assert (tmp_path / "live.json").read_bytes() == (tmp_path / "loaded.json").read_bytes()
    assert (tmp_path / "live.json").read_bytes() != (tmp_path / "before.json").read_bytes()


def test_a_meeting_keeps_the_other_names_its_reports_write_and_search_finds_it_by_them():
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    def rec(doc_id: str, name: str) -> ExtractionRecord:
        r = _rec(doc_id, "王甲", WUJIN, "2024-03-05")
        r.meetings[0].kind, r.meetings[0].name = "deployment", name
        return r

    res = build_batch([(rec("d1", "全区推进会"), None), (rec("d2", "全区安全生产暨防汛工作推进会"), None),
                       (rec("d3", "全区推进会"), None)], Resolver())
    meetings = [n for n in res.rows.nodes if n.label == "Meeting"]
    assert len(meetings) == 1 and meetings[0].props["name"] == "全区推进会"
    assert meetings[0].props["aliases"] == ["全区安全生产暨防汛工作推进会"]
    store = EmbeddedStore()
    store.upsert(res.rows)
    hits = run_query(store, "search", {"text": "暨防汛"}).hits
    assert [h.node.id for h in hits] == [meetings[0].id]


def test_a_meetings_aliases_are_its_most_written_other_names_capped():
    from graph_loader.graph.resolve import ALIAS_CAP, _written_names

    names = {f"d{i}": f"名{i % (ALIAS_CAP + 3):02d}" for i in range(3 * (ALIAS_CAP + 3))}
    names |= {"x1": "名99", "x2": "名99", "x3": "名99", "x4": "名99"}  # written most: kept first
    out = _written_names({"name": "名00", "names": names})
    assert len(out) == ALIAS_CAP and "名00" not in out and "名99" in out and list(out) == sorted(out)


def test_a_title_written_without_its_national_issuer_is_the_full_title_a_relative_issuer_stays_apart():
    from graph_loader.graph.resolve import issued_title
    r = Resolver()
    full, _, _ = r.directive("国务院关于加强某某领域安全工作的意见", "d1")
    # `国务院印发的《关于加强某某领域安全工作的意见》`: the issuer named apart, the same document
    same, canonical, _ = r.directive(issued_title("关于加强某某领域安全工作的意见", "国务院"), "d2")
    assert same == full and canonical == "国务院关于加强某某领域安全工作的意见"
    both = issued_title("关于推进某某改革的意见", "中共中央、国务院")
    assert both == "中共中央国务院关于推进某某改革的意见"
    # `省政府出台的《关于…》`: every province has its own; the title stays as written
    assert issued_title("关于加强某某领域安全工作的意见", "省政府") == "关于加强某某领域安全工作的意见"
    assert issued_title("某某条例", "国务院") == "某某条例"
    # a title of the curated alias table (written there without its issuer) resolves by the table
    table = "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施"
    assert issued_title(table, "国务院安委会") == table


def test_a_short_name_that_is_only_the_titles_kind_holds_in_its_article_alone():
    r = Resolver()
    # `《某某关于加强甲工作的意见》(以下简称《意见》)`: 意见 is what every article calls its own document
    r.learn_alias("意见", "某某关于加强甲工作的意见", "d1")
    full, _, _ = r.directive("某某关于加强甲工作的意见", "d1")
    other, _, _ = r.directive("意见", "d2")
    assert other != full
    # a short name of its own (`(以下简称“十二条措施”)`) holds for every article
    r.learn_alias("十二条措施", "关于加强乙工作的若干措施", "d3")
    assert r.directive("十二条措施", "d4")[0] == r.directive("关于加强乙工作的若干措施", "d3")[0]


def test_a_year_less_meeting_with_two_candidates_of_its_day_joins_the_one_its_name_names():
    # made-up: two national teleconferences on 12月2日 of two years, one on hazardous chemicals, one on city gas;
    # year-less reports name one of them, or a third topic, or none
    def m(name, date):
        return Meeting(date=date, region=None, level="national", kind="teleconference", name=name)

    recs = [ExtractionRecord(doc_id="d1", meetings=[m("全国危险化学品安全专题视频会议", "2031-12-02")]),
            ExtractionRecord(doc_id="d2", meetings=[m("全国燃气安全排查整治电视电话会议", "2034-12-02")]),
            ExtractionRecord(doc_id="d3", meetings=[m("危险化学品安全专题电视电话会议", "--12-02")]),
            ExtractionRecord(doc_id="d4", meetings=[m("全国防汛电视电话会议", "--12-02")])]
    resolver = Resolver()
    res = build_batch([(r, None) for r in recs], resolver)
    nodes = sorted((n.props.get("date"), n.articles) for n in res.rows.nodes if n.label == "Meeting")
    assert nodes == [("--12-02", ["d4"]), ("2031-12-02", ["d1", "d3"]), ("2034-12-02", ["d2"])]
    why = [m.reason for m in resolver.merges("meeting")]
    assert any("the only one whose reports name it" in w for w in why)


def test_a_year_less_meeting_of_several_candidates_takes_the_year_of_the_reports_other_meetings_that_day():
    # made-up: the national teleconference recurs on 1月11日 of two years; a year-less report of it and of its
    # prefecture's session that day, which one dated report gives a year, is of that year
    def m(name, date, level="national", region=None):
        return Meeting(date=date, region=region, level=level, kind="teleconference", name=name)

    city = "江苏省常州市"
    recs = [ExtractionRecord(doc_id="d1", meetings=[m("全国安全生产电视电话会议", "2031-01-11")]),
            ExtractionRecord(doc_id="d2", meetings=[m("全国安全生产电视电话会议", "2037-01-11")]),
            ExtractionRecord(doc_id="d3", meetings=[m("全市安全生产电视电话会议", "2037-01-11", "prefecture", city)]),
            ExtractionRecord(doc_id="d4", meetings=[m("全国安全生产电视电话会议", "--01-11"),
                                                    m("全市安全生产电视电话会议", "--01-11", "prefecture", city)]),
            ExtractionRecord(doc_id="d5", meetings=[m("全国安全生产电视电话会议", "--01-11")])]
    res = build_batch([(r, None) for r in recs], Resolver())
    nodes = sorted((n.props.get("level"), n.props.get("date"), n.articles) for n in res.rows.nodes
                   if n.label == "Meeting")
    assert nodes == [("national", "--01-11", ["d5"]), ("national", "2031-01-11", ["d1"]),
                     ("national", "2037-01-11", ["d2", "d4"]), ("prefecture", "2037-01-11", ["d3", "d4"])]


def test_a_year_less_meeting_joins_no_meeting_held_out_of_the_term_of_a_leader_its_report_names():
    # made-up reports: the national teleconference recurs on 1月11日; a year-less report naming the vice premier
    # who spoke (in his post) is of his term (leader_terms.tsv), so it never lands on another term's meeting
    from graph_loader.graph.resolve import leader_era

    def m(date):
        return Meeting(date=date, region=None, level="national", kind="teleconference", name="全国安全生产电视电话会议")

    def vice_premier(name):
        return Person(name=name, titles=["中共中央政治局常委", "国务院副总理"])

    assert leader_era([("张德江", ["国务院副总理"])]) == ("2008-03", "2013-03")
    assert leader_era([("李克强", ["国务院总理"])]) == ("2013-03", "2023-03")  # a post of its own
    assert leader_era([("李克强", ["国务院副总理"])]) == ("2008-03", "2013-03")
    assert leader_era([("张德江", ["委员长"])]) is None and leader_era([("某某", ["国务院副总理"])]) is None
    assert leader_era([("张德江", ["国务院副总理"]), ("刘鹤", ["国务院副总理"])]) is None  # no one term
    recs = [ExtractionRecord(doc_id="d1", meetings=[m("2020-01-11")]),
            ExtractionRecord(doc_id="d2", meetings=[m("--01-11")], persons=[vice_premier("张德江")]),
            ExtractionRecord(doc_id="d3", meetings=[m("--01-11")], persons=[vice_premier("张德江")]),
            ExtractionRecord(doc_id="d4", meetings=[m("--01-11")])]
    resolver = Resolver()
    res = build_batch([(r, None) for r in recs], resolver)
    nodes = sorted((n.props.get("date"), n.articles) for n in res.rows.nodes if n.label == "Meeting")
    assert nodes == [("--01-11", ["d2", "d3"]), ("2020-01-11", ["d1", "d4"])]
    # a dated meeting of his term known too: the term's reports join it; a report naming no leader has two
    # candidates and stays apart
    recs.insert(0, ExtractionRecord(doc_id="d5", meetings=[m("2012-01-11")]))
    res = build_batch([(r, None) for r in recs], Resolver())
    nodes = sorted((n.props.get("date"), sorted(n.articles)) for n in res.rows.nodes if n.label == "Meeting")
    assert nodes == [("--01-11", ["d4"]), ("2012-01-11", ["d2", "d3", "d5"]), ("2020-01-11", ["d1"])]


def test_a_teleconference_is_the_meeting_of_another_kind_named_alike_that_day():
    # made-up: a province's study session on a document held by video, one report naming it by its medium
    # (`…宣讲视频会议`, a teleconference) and one by its act (`…宣讲会`, a study session); a teleconference of
    # another name that day stays apart, whatever the order the reports come in
    def m(name, kind):
        return Meeting(date="2031-03-22", region="甘肃省", level="province", kind=kind, name=name)

    tele = ExtractionRecord(doc_id="d1", meetings=[m("《关于加强某某工作的意见》甘肃省宣讲视频会议", "teleconference")])
    study = ExtractionRecord(doc_id="d2", meetings=[m("《关于加强某某工作的意见》甘肃宣讲会", "study")])
    other = ExtractionRecord(doc_id="d3", meetings=[m("全省防汛抗旱视频会议", "teleconference")])
    for recs in ([tele, study, other], [study, other, tele]):
        resolver, store = Resolver(), EmbeddedStore(None)
        for rows in build_settled([(r, None) for r in recs], resolver):
            store.upsert(rows)
        nodes = sorted((store.node(i)["kind"], sorted(store.node(i)["articles"])) for i in store.ids_by_label("Meeting"))
        assert nodes == [("study", ["d1", "d2"]), ("teleconference", ["d3"])]
        (merge,) = [x for x in resolver.merges("meeting") if "d2" in x.doc_ids]
        assert "d1: a teleconference and the one meeting" in merge.reason and "beyond the medium" in merge.reason
