"""The query catalogue on the embedded store: what each query answers, and its errors."""

from __future__ import annotations

import json

import pytest

from graph_loader.cli import main
from graph_loader.stores.embedded import STORE_FILE, EmbeddedStore
from queries.console import ConsoleNeedsNeo4j, run_console
from queries.registry import REGISTRY, parse_params, run_query
from queries.shapes import QueryParamError
from tests.graph_fixtures import CNTY2, DIRECTIVE_TITLE, build_fixture


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    for rows in build_fixture():
        s.upsert(rows)
    return s


def test_registry_lists_the_ten_queries_and_the_app_listings() -> None:
    assert set(REGISTRY) == {"propagation", "relay_lags", "attendance", "meeting", "person", "responsibility_chain",
                             "inspections", "sectors", "search", "path", "timeline",
                             "overview", "regions", "meetings", "neighbours", "evidence"}


def test_propagation_tree_levels_lags_and_inferred_link(store) -> None:
    r = run_query(store, "propagation", {"target": "關於進一步加強安全生產工作的若干措施"})  # traditional input
    assert r.root.id == "directive:d1"
    nodes = {n.id: n for n in r.nodes}
    assert [n.level for n in r.nodes] == ["province", "prefecture", "county", "county", "township"]
    assert nodes["meeting:pref"].parent == "meeting:prov" and nodes["meeting:pref"].lag_days == 4
    assert nodes["meeting:town"].depth == 4 and nodes["meeting:town"].parent == "meeting:cnty"
    study = nodes["meeting:study"]
    assert study.parent == "meeting:prov" and study.inferred and "东海省" in study.reason
    assert study.evidence.text == f"会议学习了《{DIRECTIVE_TITLE}》。"
    assert nodes["meeting:cnty"].chairs == ["钱四"] and nodes["meeting:cnty"].speakers == ["赵三"]
    assert not nodes["meeting:cnty"].inferred


def test_propagation_from_a_meeting_and_unknown_target(store) -> None:
    r = run_query(store, "propagation", {"target": "meeting:pref"})
    assert [n.id for n in r.nodes] == ["meeting:pref", "meeting:cnty", "meeting:town"]
    assert r.nodes[0].parent is None and r.nodes[1].parent == "meeting:pref"
    assert run_query(store, "propagation", {"target": "不存在"}).root is None


def test_propagation_a_part_at_a_time(store) -> None:
    whole = run_query(store, "propagation", {"target": "directive:d1"})
    assert whole.total == 5 and not whole.more
    by_id = {n.id: n for n in whole.nodes}
    assert by_id["meeting:prov"].below == 4 and by_id["meeting:town"].below == 0
    top = run_query(store, "propagation", {"target": "directive:d1", "limit": 1})
    assert [n.id for n in top.nodes] == ["meeting:prov"] and top.more and top.total == 5
    assert top.nodes[0] == by_id["meeting:prov"]  # a node sent alone is the same as in the whole tree
    part = run_query(store, "propagation", {"target": "directive:d1", "under": "meeting:prov", "limit": 2})
    assert len(part.nodes) == 2 and all(n.parent == "meeting:prov" for n in part.nodes) and part.more
    assert all(n == by_id[n.id] for n in part.nodes)


def test_attendance_by_person_body_region_and_range(store) -> None:
    rows = run_query(store, "attendance", {"person": "赵三"}).rows
    assert [(r.meeting.id, r.role) for r in rows] == [("meeting:cnty", "speaker"), ("meeting:feedback", "speaker")]
    body = run_query(store, "attendance", {"body": "白水县政府"}).rows
    assert {r.person.name for r in body} == {"钱四", "孙五"}
    ranged = run_query(store, "attendance", {"region": "青州市", "date_from": "2024-04"}).rows
    assert {r.meeting.id for r in ranged} == {"meeting:study", "meeting:feedback"}
    with pytest.raises(QueryParamError):
        run_query(store, "attendance", {"person": "赵三", "region": "青州市"})


def test_attendance_for_listed_meetings_only(store) -> None:
    r = run_query(store, "attendance", {"meetings": ["meeting:feedback", "meeting:cnty"]})
    assert [s.id for s in r.subject] == ["meeting:feedback", "meeting:cnty"]
    assert {row.meeting.id for row in r.rows} == {"meeting:cnty", "meeting:feedback"}
    assert ("meeting:cnty", "speaker", "赵三") in {(x.meeting.id, x.role, x.person.name) for x in r.rows}
    # the same rows as asking by region, restricted to those meetings
    by_region = run_query(store, "attendance", {"region": "青州市"}).rows
    assert r.rows == [x for x in by_region if x.meeting.id in {"meeting:cnty", "meeting:feedback"}]
    # the command line's comma list, with a blank and a repeat
    assert parse_params("attendance", {"meetings": "meeting:cnty, ,meeting:cnty"}).meetings == ["meeting:cnty"]
    ranged = run_query(store, "attendance", {"meetings": "meeting:cnty,meeting:feedback", "date_from": "2024-04"})
    assert {x.meeting.id for x in ranged.rows} == {"meeting:feedback"}


def test_attendance_meetings_errors(store) -> None:
    with pytest.raises(QueryParamError, match="no meeting with id 'meeting:nope'"):
        run_query(store, "attendance", {"meetings": ["meeting:cnty", "meeting:nope"]})
    with pytest.raises(QueryParamError, match="no meeting"):  # an id of another label is no meeting
        run_query(store, "attendance", {"meetings": ["directive:d1"]})
    with pytest.raises(QueryParamError, match="exactly one"):
        run_query(store, "attendance", {"meetings": ["meeting:cnty"], "person": "赵三"})
    with pytest.raises(QueryParamError, match="at most 1000"):
        run_query(store, "attendance", {"meetings": [f"meeting:{i}" for i in range(1001)]})


def test_meeting_details(store) -> None:
    r = run_query(store, "meeting", {"id": "meeting:feedback"})
    assert [p.person.name for p in r.chairs] == ["钱四"]
    assert [p.person.name for p in r.speakers] == ["吴六", "赵三"]
    assert [i.id for i in r.inspections] == ["inspection:i1"]
    cnty = run_query(store, "meeting", {"id": "meeting:cnty"})
    assert [x.target.id for x in cnty.relays] == ["meeting:pref"]
    assert [x.target.id for x in cnty.relayed_by] == ["meeting:town"]
    assert cnty.sectors == ["危险化学品", "工贸"]


def test_person_posts_meetings_and_co_participants(store) -> None:
    r = run_query(store, "person", {"id": "赵三"})
    assert [(p.title, p.body.name) for p in r.posts] == [("县委书记", "白水县委")]
    assert r.posts[0].articles == ["docA_0001", "docB_0002"]
    assert r.co_participants[0].person.name == "钱四" and r.co_participants[0].meetings == 2
    prov = run_query(store, "person", {"id": "王一"})
    assert [d.directive.id for d in prov.directives] == ["directive:d1"]


def test_responsibility_chain_from_county_to_centre(store) -> None:
    r = run_query(store, "responsibility_chain", {"region": "白水县"})
    assert [lv.level for lv in r.levels] == ["national", "province", "prefecture", "county"]
    county = r.levels[-1]
    assert {b.body.name for b in county.bodies} == {"白水县委", "白水县政府"}
    kinds = {(link.kind, link.node.id) for link in county.links_up}
    assert kinds == {("meeting", "meeting:cnty"), ("inspection", "inspection:i1")}
    assert [link.via.id for link in r.levels[1].links_up] == ["directive:d1"]  # province -> centre


def test_inspections_by_region_and_team(store) -> None:
    r = run_query(store, "inspections", {"region": "东海省"})
    (insp,) = r.inspections
    assert insp.feedback[0].speakers == ["吴六", "赵三"] and insp.start == "2024-03-20"
    assert run_query(store, "inspections", {"team": "第二巡查组"}).inspections[0].inspection.id == "inspection:i1"
    assert run_query(store, "inspections", {"region": "东海省", "date_from": "2024-05"}).inspections == []
    assert len(run_query(store, "inspections", {"region": "东海省", "date_to": "2024-03-20"}).inspections) == 1
    page = run_query(store, "inspections", {"region": "东海省", "offset": 1})
    assert page.total == 1 and page.inspections == [] and page.offset == 1


def test_sectors_by_region_level_and_month(store) -> None:
    r = run_query(store, "sectors", {"level": "prefecture"})
    assert r.totals[0].sector == "危险化学品" and r.totals[0].meetings == 2
    rows = {(c.sector, c.region, c.month): c.meetings for c in r.rows}
    assert rows[("消防", "东海省青州市", "2024-04")] == 1
    assert rows[("危险化学品", "东海省", "2024-03")] == 1  # a province meeting stays at its own region
    only = run_query(store, "sectors", {"region": CNTY2})
    assert [t.sector for t in only.totals] == ["消防"]


def test_search_ranks_exact_first_and_converts_script(store) -> None:
    r = run_query(store, "search", {"text": "白水縣"})
    assert r.query == "白水县" and r.hits[0].exact and r.hits[0].node.id == "region:东海省青州市白水县"
    assert len(run_query(store, "search", {"text": "安全", "limit": 2}).hits) == 2
    with pytest.raises(QueryParamError):
        run_query(store, "search", {"text": "  "})


def test_path_is_shortest_and_deterministic(store) -> None:
    r = run_query(store, "path", {"a": "王一", "b": "吴六"})
    assert r.length == len(r.hops) == 5
    assert r.nodes[0].id == "person:王一" and r.nodes[-1].id == "person:吴六"
    assert r.hops[0].type == "PARTICIPATED" and r.hops[0].evidence[0].text == "省长王一主持会议。"
    assert run_query(store, "path", {"a": "王一", "b": "吴六", "max_hops": 2}).length is None
    assert run_query(store, "path", {"a": "王一", "b": "王一"}).length == 0


def test_timeline_includes_sub_regions_in_date_order(store) -> None:
    items = run_query(store, "timeline", {"region": "白水县"}).items
    assert [(i.kind, i.node.id) for i in items] == [
        ("meeting", "meeting:cnty"), ("meeting", "meeting:town"), ("inspection", "inspection:i1"),
        ("meeting", "meeting:feedback")]


def test_bad_params_are_reported() -> None:
    with pytest.raises(QueryParamError, match="unknown parameter"):
        parse_params("meeting", {"nope": "1"})
    with pytest.raises(QueryParamError, match="date"):
        parse_params("timeline", {"region": "x", "date_from": "March"})
    with pytest.raises(QueryParamError, match="no query"):
        parse_params("nothing", {})


def test_console_needs_neo4j(store) -> None:
    with pytest.raises(ConsoleNeedsNeo4j, match="Neo4j"):
        run_console(store, "MATCH (n) RETURN n")


# ----- the command ---------------------------------------------------------------------------
@pytest.fixture
def workspace(tmp_path):
    s = EmbeddedStore.open(tmp_path)
    for rows in build_fixture():
        s.upsert(rows)
    s.save()
    assert (tmp_path / STORE_FILE).exists()
    return tmp_path


def test_cli_json_output(workspace, capsys) -> None:
    code = main(["query", "person", "--param", "id=赵三", "--json", "--workspace", str(workspace)])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["person"]["id"] == "person:赵三"


def test_cli_table_and_listing(workspace, capsys) -> None:
    assert main(["query", "timeline", "--param", "region=白水县", "--workspace", str(workspace)]) == 0
    assert "timeline: items (4)" in capsys.readouterr().out
    assert main(["query"]) == 0
    assert "responsibility_chain" in capsys.readouterr().out


def test_cli_exit_codes(workspace, tmp_path, capsys) -> None:
    assert main(["query", "person", "--param", "id", "--workspace", str(workspace)]) == 2
    assert main(["query", "person", "--param", "who=x", "--workspace", str(workspace)]) == 2
    assert main(["query", "person", "--param", "id=nobody", "--workspace", str(workspace)]) == 2
    assert main(["query", "person", "--param", "id=x", "--workspace", str(tmp_path / "empty")]) == 3
    assert main(["query", "person", "--param", "id=x", "--store", "neo4j", "--workspace", str(workspace),
                 "--neo4j-uri", "bolt://127.0.0.1:9"]) == 3


def test_search_takes_another_media_noun_as_the_name_and_a_year_less_day_before_undated() -> None:
    from queries.search import _assemble
    name = "全国防汛抗旱电视电话会议"
    rows = [{"id": f"m{i}", "label": "Meeting", "matched": name, "display": name, "date": None, "reports": 1}
            for i in range(5)]
    rows.append({"id": "m9", "label": "Meeting", "matched": "全国防汛抗旱视频会议", "display": "全国防汛抗旱视频会议",
                 "date": "--06-02", "reports": 1})
    rows.append({"id": "m8", "label": "Meeting", "matched": name, "display": name, "date": "2031-06-02",
                 "reports": 1})
    rows.append({"id": "m7", "label": "Meeting", "matched": "全国防汛抗旱电视电话会议精神", "display": "x",
                 "date": "2031-06-02", "reports": 3})
    hits = _assemble(name, rows, 3).hits
    assert [h.node.id for h in hits] == ["m8", "m9", "m0"]
