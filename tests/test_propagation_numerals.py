"""Propagation on real texts and the numeral rule that lets numbered packages meet.

- real reports of `data/real/` (whole pipeline: ingest, extract, graph): national teleconferences of
  several days stay several nodes, each in the nation, and the provinces that hold their own meeting
  right after (`会后，省政府召开电视电话会议`) hang under the national meeting of their day;
- made-up text of the genre for the follow-up rule and the date lines;
- a numbered package written with Chinese or Arabic numerals is one directive and one search."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_loader.extract.pipeline import extract
from graph_loader.extract.record import Directive, ExtractionRecord, Meeting, Relay
from graph_loader.graph.batch import build_settled
from graph_loader.graph.ids import NATIONAL_REGION
from graph_loader.graph.resolve import Resolver, directive_key, name_family
from graph_loader.ingest import Document, ingest_bytes
from graph_loader.lang.numerals import arabic, arabic_dates, chinese, spellings, value
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import run_query

REAL = Path(__file__).parents[1] / "data" / "real" / "texts"
# reports of national teleconferences on four different days (2008, 2018 twice, 2020 twice)
TELECONFERENCES = ["rC10", "rC06", "rC08", "rC01", "rC02"]
PACKAGE = "关于进一步强化安全生产责任落实坚决防范遏制重特大事故的若干措施"


def _doc(text: str, name: str = "a.txt") -> Document:
    d = ingest_bytes(text.encode("utf-8"), Path(name))
    assert isinstance(d, Document), d
    return d


def graph(recs, store=None):
    resolver = Resolver()
    store = store if store is not None else EmbeddedStore(None)
    for rows in build_settled([(r, None) for r in recs], resolver):
        store.upsert(rows)
    return store, resolver


# --- the numeral rule ----------------------------------------------------------------------

@pytest.mark.parametrize("word,number", [("十五", 15), ("十", 10), ("二十", 20), ("一百零八", 108),
                                         ("二〇一六", 2016), ("两百", 200), ("安全", None)])
def test_value_of_chinese_numerals(word, number) -> None:
    assert value(word) == number


def test_numbers_in_titles_and_search_have_one_spelling() -> None:
    assert arabic("安全生产十五条措施") == "安全生产15条措施"
    assert arabic("一岗双责") == "一岗双责"  # a lone digit without a unit is a word, not a number
    assert directive_key("十五条硬措施") == directive_key("15条硬措施")
    assert directive_key("《十五条硬措施》") == directive_key("“15条硬措施”")
    assert spellings("15条硬措施") == ["15条硬措施", "十五条硬措施"]
    assert spellings("十五条") == ["十五条", "15条"]
    assert [chinese(n) for n in (10, 15, 20, 105)] == ["十", "十五", "二十", "一百零五"]
    assert name_family("省安委会第二次全体会议") == name_family("省安委会第2次全体会议")
    assert arabic_dates("二〇一六年七月二十日 星期三") == "2016年7月20日 星期三"


def test_a_date_line_in_chinese_numerals() -> None:
    d = _doc("某县召开安全生产工作会议\n二〇一六年七月二十一日\n7月20日，县长主持召开会议，部署安全生产工作。会议要求压实责任。")
    assert d.metadata.published == "2016-07-21"


def test_a_numbered_package_in_either_numerals_is_one_directive_found_by_either() -> None:
    def rec(doc: str, title: str) -> ExtractionRecord:
        return ExtractionRecord(doc_id=doc, directives=[Directive(title=title)],
                                meetings=[Meeting(date="2022-04-10", region="某省", level="province",
                                                  relays=[Relay(directive=title)])])

    store, resolver = graph([rec("a", "十五条硬措施"), rec("b", "15条硬措施"), rec("c", f"《{PACKAGE}》"),
                             rec("d", "安全生产十五条措施")])
    (nid,) = store.ids_by_label("Directive")
    assert store.node(nid)["articles"] == ["a", "b", "c", "d"]
    (merge,) = resolver.merges("directive")
    assert "15条硬措施" in merge.reason and "directive_aliases.tsv" in merge.reason
    for text in ("15条硬措施", "十五条硬措施", "安全生产15条措施", "15条"):
        hits = run_query(store, "search", {"text": text}).hits
        assert [h.node.id for h in hits if h.node.label == "Directive"] == [nid], text
    for target in ("15条硬措施", "十五条硬措施", PACKAGE):  # the tree of the package, by any of its names
        tree = run_query(store, "propagation", {"target": target}).model_dump()
        assert tree["root"]["id"] == nid and {n["region"] for n in tree["nodes"]} >= {"某省"}, target
    # a package no article names by its alias is still found through the curated table
    store, _ = graph([rec("c", f"《{PACKAGE}》")])
    hits = run_query(store, "search", {"text": "15条硬措施"}).hits
    assert [h.node.label for h in hits] == ["Directive"]


def test_a_title_typed_with_spaced_issuers_and_a_level_meeting_with_or_without_its_whole_word_are_found() -> None:
    # a directive's title is stored without spaces (`甲办公厅 乙办公厅关于…` → `甲办公厅乙办公厅关于…`); a relayed
    # province meeting named from a list (`传达省、市某某会议精神`) is `省某某会议`, which a reader types `全省某某会议`
    title = "中共中央办公厅 国务院办公厅关于加强某某行业安全生产工作的意见"
    recs = [ExtractionRecord(doc_id="a", directives=[Directive(title=title)], meetings=[
                Meeting(date="2030-05-02", region="某省", level="province", relays=[Relay(directive=title)]),
                Meeting(date="2030-05-01", region="某省", level="province", kind="teleconference",
                        name="省防汛安全紧急电视电话会议"),
                Meeting(date="2030-05-02", region="某省某市", level="prefecture", relays=[Relay(meeting=1)])])]
    store, _ = graph(recs)
    (nid,) = store.ids_by_label("Directive")
    hits = run_query(store, "search", {"text": title}).hits
    assert [h.node.id for h in hits if h.node.label == "Directive"] == [nid]
    assert run_query(store, "propagation", {"target": title}).model_dump()["root"]["id"] == nid
    hits = run_query(store, "search", {"text": "全省防汛安全紧急电视电话会议"}).hits
    assert [h.node.name for h in hits] == ["省防汛安全紧急电视电话会议"] and hits[0].exact
    tree = run_query(store, "propagation", {"target": "全省防汛安全紧急电视电话会议"}).model_dump()
    assert [n["region"] for n in tree["nodes"]] == ["某省", "某省某市"]
    # and the other way round: `省某某会议` finds the node named `全省某某会议` exactly
    store, _ = graph([ExtractionRecord(doc_id="b", meetings=[Meeting(
        date="2030-05-01", region="某省", level="province", kind="teleconference", name="全省防汛安全紧急电视电话会议")])])
    assert run_query(store, "search", {"text": "省防汛安全紧急电视电话会议"}).hits[0].exact


@pytest.mark.neo4j
def test_numeral_search_same_on_both_stores(neo4j_store) -> None:
    recs = [ExtractionRecord(doc_id=d, directives=[Directive(title=t)]) for d, t in
            (("a", "十五条硬措施"), ("b", f"《{PACKAGE}》"), ("c", "二十条措施"))]
    emb, _ = graph(recs)
    graph(recs, store=neo4j_store)
    for text in ("15条硬措施", "十五条", "20条", PACKAGE[:6]):
        a = run_query(emb, "search", {"text": text}).model_dump()
        b = run_query(neo4j_store, "search", {"text": text}).model_dump()
        assert a == b and a["hits"], text


# --- the follow-up meeting of a level above the reporting one ------------------------------

def test_a_province_meeting_held_right_after_the_national_one_relays_it() -> None:
    text = ("某县收看全国全省安全生产视频电话会议\n2018-08-01 16:14\n"
            "7月27日，全国、全省安全生产视频电话会议召开，县政府有关领导在我县分会场参加了收听收看。\n"
            "会后，省政府召开电视电话会议，对全省安全生产工作进行再安排、再部署。")
    rec = extract(_doc(text, "follow.txt"))
    national = next(i for i, m in enumerate(rec.meetings) if m.level == "national")
    province = [m for m in rec.meetings if m.level == "province"]
    assert rec.meetings[national].kind == "teleconference"  # 视频电话会议 is a teleconference
    assert [(r.meeting, r.inferred, r.basis) for m in province for r in m.relays] == [(national, True, "follow_up")]


@pytest.mark.parametrize("after", ["全国安全生产电视电话会议结束后，", "全国电视电话会议后，",
                                   "全国安全生产电视电话会议召开后，", "会议结束后，"])
def test_every_wording_of_after_the_meeting_opens_a_follow_up(after: str) -> None:
    # the genre writes `after the meeting` many ways; the province meeting held then (named first with the
    # national one, `全国、全省…先后召开`) relays the national one
    text = ("某县收看全国全省安全生产电视电话会议\n2031-08-01 16:14\n"
            "7月27日，全国、全省安全生产电视电话会议先后召开，县领导在我县分会场收听收看。\n"
            f"{after}省政府继续召开视频会议，对全省安全生产工作进行再部署。")
    rec = extract(_doc(text, "after.txt"))
    national = next(i for i, m in enumerate(rec.meetings) if m.level == "national")
    province = [m for m in rec.meetings if m.level == "province"]
    assert [(r.meeting, r.basis) for m in province for r in m.relays] == [(national, "follow_up")]


def test_a_follow_up_that_deploys_nothing_relays_nothing() -> None:
    # held right after, but it hears other news and deploys nothing of the meeting watched
    text = ("某县收看全国全省安全生产电视电话会议\n2031-08-01 16:14\n"
            "7月27日，全国、全省安全生产电视电话会议先后召开，县领导在我县分会场收听收看。\n"
            "全国会议结束后，省政府接着召开视频会议，会议通报了近期事故情况，省长强调，要压实责任。")
    rec = extract(_doc(text, "news.txt"))
    assert [m.level for m in rec.meetings if m.level == "province"]
    assert not [r for m in rec.meetings if m.level == "province" for r in m.relays if r.basis == "follow_up"]


def test_a_sentence_merely_opening_with_a_date_is_no_follow_up() -> None:
    text = ("某县收看全国安全生产电视电话会议\n2031-08-01 16:14\n"
            "7月27日，全国、全省安全生产电视电话会议先后召开，县领导在我县分会场收听收看。\n"
            "7月28日，省政府继续召开视频会议，对全省安全生产工作进行部署。")
    rec = extract(_doc(text, "later.txt"))
    assert not [r for m in rec.meetings if m.level == "province" for r in m.relays if r.basis == "follow_up"]


# --- real reports --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_built():
    recs = [extract(ingest_bytes((REAL / f"{d}.txt").read_bytes(), REAL / f"{d}.txt")) for d in TELECONFERENCES]
    return graph(recs)


def test_real_national_teleconferences_of_different_days_stay_apart(real_built) -> None:
    store, _ = real_built
    national = [store.node(i) for i in store.ids_by_label("Meeting") if store.node(i).get("level") == "national"
                and store.node(i).get("kind") == "teleconference"]
    days = sorted(n["date"] for n in national)
    assert len(set(days)) >= 3 and len(days) == len(set(days)), days  # one node per day, never two days in one
    assert {n["region"] for n in national} == {NATIONAL_REGION}
    by_day = {n["date"]: sorted(n["articles"]) for n in national}
    assert by_day["2018-07-27"] == ["rC06", "rC08"] and by_day["2020-04-10"] == ["rC01", "rC02"]


def test_real_provinces_relaying_the_teleconference_of_their_day_hang_under_it(real_built) -> None:
    store, _ = real_built
    tree = run_query(store, "propagation", {"target": "全国安全生产电视电话会议", "date": "2018-07-27"}).model_dump()
    below = {(n["region"], n["edge"], n["basis"]) for n in tree["nodes"] if n["level"] == "province"}
    assert below == {("福建省", "inferred", "follow_up"), ("黑龙江省", "inferred", "follow_up")}
    assert all(n["lag_from_top"] == 0 for n in tree["nodes"] if n["level"] == "province")


@pytest.mark.neo4j
def test_real_teleconference_trees_same_on_both_stores(real_built, neo4j_store) -> None:
    emb, _ = real_built
    recs = [extract(ingest_bytes((REAL / f"{d}.txt").read_bytes(), REAL / f"{d}.txt")) for d in TELECONFERENCES]
    graph(recs, store=neo4j_store)
    cases = [("propagation", {"target": "全国安全生产电视电话会议"}),
             ("propagation", {"target": "全国安全生产电视电话会议", "date": "2018-07-27"}),
             ("propagation", {"target": "全国安全生产电视电话会议", "date": "2019-01-01"}),
             ("search", {"text": "全国安全生产电视电话会议"})]
    for name, params in cases:
        a = run_query(emb, name, params).model_dump()
        b = run_query(neo4j_store, name, params).model_dump()
        assert a == b, (name, params)
    # a day with no meeting of that name answers the days there are, never another day's tree
    none = run_query(emb, "propagation", {"target": "全国安全生产电视电话会议", "date": "2019-01-01"}).model_dump()
    assert none["root"] is None and {c["date"] for c in none["candidates"]} >= {"2018-07-27", "2020-04-10"}
