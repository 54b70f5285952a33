"""Every page of the app under Streamlit's AppTest, on the sample-corpus workspace."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_app_workspace import ROOT, built_workspace, hostile_doc_id  # noqa: F401 - fixture

APP = str(ROOT / "app.py")


def run_page(page: str, lang: str = "zh", **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    at.session_state["lang"] = lang
    at.session_state["store_kind"] = "embedded"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All visible text of the run: markdown, captions, headers, buttons, tables, alerts, html."""
    parts = [str(x.value) for kind in ("markdown", "caption", "header", "subheader", "info", "warning",
                                       "error", "success", "metric") for x in at.get(kind)]
    parts += [b.label for b in at.button]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [str(s.value) for s in at.selectbox]
    return "\n".join(parts)


def meeting_ids(at: AppTest, must: tuple[str, ...]) -> list[str]:
    """Ids of the meetings table rows whose cells contain all of `must`."""
    df = at.dataframe[0].value
    return [row["id"] for _, row in df.iterrows() if all(m in " ".join(map(str, row.values)) for m in must)]


def test_overview_counts_region_tree_and_latest_meetings(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("overview")
    assert at.header[0].value == "概览"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Article"] == "7" and int(metrics["Meeting"]) >= 5
    body = texts(at)
    tree = next(m.value for m in at.markdown if "湖北省" in m.value)
    # province above prefecture above county: deeper levels are indented further
    lines = tree.splitlines()
    indent = {name: next(len(x) - len(x.lstrip()) for x in lines if name in x)
              for name in ("湖北省", "恩施土家族苗族自治州", "宣恩县")}
    assert indent["湖北省"] < indent["恩施土家族苗族自治州"] < indent["宣恩县"]
    assert "海安市" in tree and "江苏省" in tree
    assert "2017-07-31" in body  # the Hubei province meeting is among the latest meetings


def test_language_switch_changes_labels_not_data(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("overview", lang="en")
    assert at.header[0].value == "Overview"
    assert "Regions covered" in texts(at) and "湖北省" in texts(at)


def hubei_meeting_id() -> str:
    """The Hubei province meeting that closed the State Council inspection (seed 001)."""
    return province_meeting_id("湖北省", "2017-07-31")


def province_meeting_id(region: str, date: str | None) -> str:
    """The meeting held by `region` itself (not a place below it) on `date` (None: undated)."""
    at = run_page("meetings")
    df = at.dataframe[0].value
    ids = [row["id"] for _, row in df.iterrows() if region in list(map(str, row.values))
           and (date is None or date in " ".join(map(str, row.values)))
           and (date is not None or not any(re.match(r"(\d{4}|-)-\d\d-\d\d$", str(v)) for v in row.values))]
    assert ids, df.to_csv()
    return ids[0]


def test_propagation_of_the_hubei_inspection_meeting_spans_three_levels(built_workspace: Path) -> None:  # noqa: F811
    mid = hubei_meeting_id()
    at = run_page("propagation", target=mid)
    assert at.session_state["prop_target"] == mid
    table = next(d.value for d in at.dataframe if "传达依据" in d.value.columns).to_csv()
    for level in ("省级", "地市级", "县级"):
        assert level in table, table
    assert "恩施土家族苗族自治州" in table and "宣恩县" in table
    svg = next(m.value for m in at.markdown if m.value.startswith('<div style="overflow-x:auto"><svg'))
    assert svg.count("<rect") >= 3 and "?page=meetings&amp;meeting=" in svg
    assert "省级" in svg and "县级" in svg


@pytest.mark.parametrize("lang,unknown", [("zh", "日期不详"), ("en", "date unknown")])
def test_undated_relays_say_date_unknown(built_workspace: Path, lang: str, unknown: str) -> None:  # noqa: F811
    at = run_page("propagation", lang=lang, target=province_meeting_id("福建省", None))
    df = next(d.value for d in at.dataframe if len(d.value.columns) > 8)  # the relay table, not the lag table
    dates = list(df[df.columns[2]])  # level, region, date, ...
    assert dates.count(unknown) == 3, dates  # the province meeting, its prefecture and county relays
    assert not any(d in ("", "None", None) for d in dates), dates
    svg = next(m.value for m in at.markdown if m.value.startswith('<div style="overflow-x:auto"><svg'))
    assert unknown in svg and ">None<" not in svg


def test_propagation_search_finds_directives_in_either_script(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("propagation")
    at.text_input(key="prop_search").input("若干措施").run()
    assert not at.exception
    assert any("若干措施" in o for o in at.selectbox(key="prop_target").options)
    at.text_input(key="prop_search").input("若幹措施").run()  # traditional script
    assert any("若干措施" in o for o in at.selectbox(key="prop_target").options)


def test_propagation_search_tells_meetings_apart_by_day_and_reports(built_workspace: Path) -> None:  # noqa: F811
    # namesakes of a recurring meeting read apart: `会议 · 2024-05-27 · region · name · 1 篇报道`
    at = run_page("propagation")
    at.text_input(key="prop_search").input("会议").run()
    meetings = [o for o in at.selectbox(key="prop_target").options if o.startswith("会议 · ")]
    assert meetings and all("篇报道" in o for o in meetings), meetings
    assert any(re.search(r" · \d{4}-\d{2}-\d{2} · ", o) for o in meetings), meetings


def test_meetings_table_matrix_and_meeting_page(built_workspace: Path) -> None:  # noqa: F811
    mid = hubei_meeting_id()
    at = run_page("meetings", meeting=mid)
    matrix = at.dataframe[1].value
    assert "周先旺" in set(matrix.iloc[:, 0]) and "主持" in matrix.to_csv()
    body = texts(at)
    assert "周先旺" in [b.label for b in at.button]  # the chair, as a button to the profile
    assert "湖北省" in body and "证据" in body
    # the level filter keeps only county meetings
    at.selectbox(key="mt_level").set_value("county").run()
    levels = set(at.dataframe[0].value["层级"])
    assert levels == {"县级"}, levels


def test_person_profile_posts_meetings_and_co_participants(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("people")
    at.text_input(key="pp_search").input("赵男男").run()
    assert not at.exception
    body = texts(at)
    assert "### 赵男男" in body
    posts = at.dataframe[0].value.to_csv()
    assert "市长" in posts
    meetings = at.dataframe[1].value.to_csv()
    assert "主持" in meetings and "海安市" in meetings
    assert "谭真" in body  # a co-participant of the feedback meeting


def test_responsibility_chain_of_a_county_reaches_the_province(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("chains")
    options = at.selectbox(key="ch_region").options
    xuanen = [i for i, o in enumerate(options) if "宣恩县" in o]
    assert xuanen, options
    at.selectbox(key="ch_region").select_index(xuanen[0]).run()
    assert not at.exception
    body = texts(at)
    assert "#### 县级" in body and "#### 省级" in body, body


def test_network_explorer_loads_a_neighbourhood(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("explorer")
    graph = at.session_state["ex_graph"]
    assert len(graph["nodes"]) > 1 and graph["expanded"]
    assert "节点类型" in [m.label for m in at.multiselect]
    legend = next(m.value for m in at.markdown if "skg-legend" in m.value)
    assert "图例" in legend and "Person" in legend and "Meeting" in legend


def test_explorer_captions_are_short_names_and_edge_types() -> None:
    from app_pages.explorer import edge_caption, short_name, visible

    graph = {"nodes": {"m": {"id": "m", "label": "Meeting", "name": "国务院安委会安全生产第三巡查组反馈会"},
                       "p": {"id": "p", "label": "Person", "name": "周先旺"}},
             "edges": {"e": {"id": "e", "type": "PARTICIPATED", "src": "p", "dst": "m", "role": "chair"}},
             "dates": {}, "regions": {}}
    el = visible(graph, {"Meeting", "Person"}, "", None, None, set())
    shorts = {n["data"]["id"]: n["data"]["short"] for n in el["nodes"]}
    assert shorts == {"m": "国务院安委会安全生…", "p": "周先旺"}
    assert el["edges"][0]["data"]["caption"] == "PARTICIPATED · chair"
    assert short_name("周先旺") == "周先旺" and edge_caption({"type": "HELD_IN"}) == "HELD_IN"


def test_sectors_heatmap_and_totals(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("sectors")
    assert at.dataframe, "no sector counts: " + " | ".join(i.value for i in at.info)
    totals = at.dataframe[0].value.to_csv()
    assert "危险化学品" in totals and "工贸" in totals
    assert len(at.get("vega_lite_chart")) == 2


def test_sources_highlights_facts_and_escapes_markup(built_workspace: Path) -> None:  # noqa: F811
    doc = "001_9cb08e20f04e73bb"
    at = run_page("sources", doc=doc)
    article = next(m.value for m in at.markdown if "skg-article" in m.value)
    assert article.count("<mark") >= 3 and "周先旺" in article
    facts = at.dataframe[0].value
    assert len(facts) >= 3 and facts["规则"].str.len().gt(0).all()
    hostile = hostile_doc_id(built_workspace)
    at = run_page("sources", doc=hostile)
    article = next(m.value for m in at.markdown if "skg-article" in m.value)
    assert "<script>" not in article and "<img" not in article
    assert "&lt;script&gt;window.__skg_xss = 1;&lt;/script&gt;" in article


def test_console_explains_it_needs_neo4j(built_workspace: Path) -> None:  # noqa: F811
    at = run_page("console")
    assert "Neo4j" in at.info[0].value and not at.text_area


def test_downloads_graphml_loads_with_networkx(built_workspace: Path) -> None:  # noqa: F811
    import networkx as nx

    at = run_page("downloads")
    at.button(key="prep_graphml").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    from app_pages.downloads import export_bytes
    from app_pages.store_access import store_token

    graph = nx.read_graphml(io.BytesIO(export_bytes(str(built_workspace), "graphml", store_token(built_workspace))))
    assert graph.number_of_nodes() > 10
    assert [b for b in at.get("download_button") if "GraphML" in b.proto.label]


def test_upload_sanitises_names_and_builds(tmp_path: Path, built_workspace: Path) -> None:  # noqa: F811
    os.environ["SAFETYKG_WORKSPACE"] = str(tmp_path)
    try:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["page"] = "upload"
        at.session_state["store_kind"] = "embedded"
        at.run()
        article = (ROOT / "data" / "corpus" / "000_38d2b205cedefea2.txt").read_bytes()
        at.file_uploader[0].set_value([("../../etc/passwd.txt", article, "text/plain"),
                                       ("evil.exe", b"MZ", "application/octet-stream")])
        at.run()
        at.button(key="upload_go").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert (tmp_path / "uploads" / "etc_passwd.txt").is_file()
        assert not (tmp_path / "uploads" / "evil.exe").exists()
        assert not Path("/etc/passwd.txt").exists()
        assert any("evil.exe" in w.value for w in at.warning)
        report = at.dataframe[0].value
        assert list(report["status"]) == ["ingested"]
        assert (tmp_path / "docs").is_dir() and list((tmp_path / "docs").glob("*.json"))
        # the new article is in the store the app reads (the cache follows the store file's mtime)
        at2 = AppTest.from_file(APP, default_timeout=60)
        at2.query_params["page"] = "overview"
        at2.run()
        assert {m.label: m.value for m in at2.metric}["Article"] == "1"
    finally:
        os.environ["SAFETYKG_WORKSPACE"] = str(built_workspace)


def test_unreachable_neo4j_is_a_message_and_embedded_works_again(built_workspace: Path,  # noqa: F811
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # nothing listens on the discard port
    monkeypatch.setenv("NEO4J_PASSWORD", "not-a-real-secret-xyz")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "overview"
    at.run()
    assert at.session_state["store_kind"] == "neo4j"
    assert not at.exception
    assert at.error and "无法连接图存储" in at.error[0].value
    assert "not-a-real-secret-xyz" not in texts(at)
    at.session_state["store_kind"] = "embedded"
    at.run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Article"] == "7"


def test_the_app_module_never_imports_the_neo4j_driver() -> None:
    import ast

    for path in [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "neo4j" or n.startswith("neo4j.") for n in names), path


def test_labels_file_is_valid_json_compatible_yaml() -> None:
    from app_pages.i18n import labels

    assert json.loads(json.dumps(labels()))["page_overview"]["en"] == "Overview"


def test_propagation_of_a_recurring_real_meeting_by_date(tmp_path: Path, monkeypatch) -> None:
    """Real chains (gold-derived records): the national teleconference is picked by date with its
    report counts; the tree reads province -> prefecture -> county; lags by level; corpus lags."""
    from graph_loader.stores.embedded import EmbeddedStore
    from tests.test_chains_real import NATIONAL, graph, records

    store, _ = graph(records(), store=EmbeddedStore.open(tmp_path))
    store.save()
    monkeypatch.setenv("SAFETYKG_WORKSPACE", str(tmp_path))
    at = run_page("propagation", target=NATIONAL)
    (day,) = [s for s in at.selectbox if s.label.startswith("同名会议")]
    assert [day.format_func(o) for o in day.options] == [
        "2022-03-31 · 全国 · 3 篇报道", "2017-07-20 · 全国 · 1 篇报道", "2016-07-20 · 全国 · 3 篇报道"]
    day.set_value(day.options[1]).run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "传达依据" in d.value.columns)
    assert list(table["地区"]) == ["全国", "江西省", "江西省九江市", "江西省九江市庐山市"]
    assert list(table["传达依据"]) == ["", "推断（会后随即召开）", "推断（会后随即召开）", "推断（会后随即召开）"]
    lags = next(d.value for d in at.dataframe if "中位数（天）" in d.value.columns)
    assert list(lags["层级"]) == ["中央", "省级", "地市级", "县级"]
    corpus = next(d.value for d in at.dataframe if "距全国会议（中位数，天）" in d.value.columns)
    assert "地市级" in set(corpus["层级"])
    svg = next(m.value for m in at.markdown if m.value.startswith('<div style="overflow-x:auto"><svg'))
    assert svg.index("江西省") < svg.index("九江市") < svg.index("庐山市")
