"""Unit tests of the app's pure parts: escaping, upload rules, the tiered SVG, labels, CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app_pages import PAGES
from app_pages.article_view import Span, highlight_html
from app_pages.i18n import LANGS, labels, t
from app_pages.tables import flatten, to_csv
from app_pages.tiered_svg import TierEdge, TierNode, tiered_svg
from app_pages.upload_rules import MAX_BYTES, MAX_FILES, check_uploads, safe_filename, upload_path
from app_pages.workspace_files import facts, load_doc


def test_article_markup_is_escaped_and_spans_highlighted() -> None:
    text = '会议<script>alert(1)</script>召开<img src=x onerror="x()">。'
    out = highlight_html(text, [Span(0, 2, 'meeting <b>"q"</b>'), Span(100, 200, "out of range")])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<mark style="background:#ffe58f" title="meeting &lt;b&gt;&quot;q&quot;&lt;/b&gt;">会议</mark>' in out
    assert out.count("<mark") == 1  # the span outside the text is ignored


def test_overlapping_spans_do_not_nest_marks() -> None:
    out = highlight_html("赵某主持会议", [Span(0, 4, "a"), Span(2, 6, "b")])
    assert out.count("<mark") == out.count("</mark>") == 3  # 赵某 | 主持 (both) | 会议
    assert 'title="a; b">主持</mark>' in out
    assert re.sub(r"<[^>]+>", "", out) == "赵某主持会议"


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd.txt", "etc_passwd.txt"),
    ("..\\..\\windows\\win.ini.txt", "windows_win.ini.txt"),
    ("/abs/path/报道.html", "abs_path_报道.html"),
    (".hidden.txt", "hidden.txt"),
    ("a b;c|d.txt", "a_b_c_d.txt"),
    ("", "upload"),
])
def test_file_names_are_sanitised(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_upload_path_stays_inside_the_uploads_folder(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    p = upload_path(uploads, "../../etc/passwd.txt")
    assert p.parent == uploads.resolve()
    p.write_text("x")
    assert upload_path(uploads, "../../etc/passwd.txt").name == "etc_passwd-1.txt"


def test_upload_limits() -> None:
    checks = check_uploads([("a.txt", 10), ("b.exe", 10), ("c.html", MAX_BYTES + 1), ("d.htm", 0)]
                           + [(f"f{i}.txt", 5) for i in range(MAX_FILES)])
    assert [c.ok for c in checks[:4]] == [True, False, False, False]
    assert [c.reason for c in checks[1:4]] == ["reason_type", "reason_size", "reason_empty"]
    assert sum(c.ok for c in checks) == MAX_FILES and checks[-1].reason == "reason_count"


def test_tiered_svg_rows_colours_lags_and_dashes() -> None:
    nodes = [TierNode("d", None, "《某文件》", link=False), TierNode("p", "province", "某省", "2017-07-31"),
             TierNode("c", "county", "<县>", "2017-08-02")]
    edges = [TierEdge("p", "c", lag_days=2), TierEdge("d", "c", inferred=True)]
    svg = tiered_svg(nodes, edges, {"province": "省级", "county": "县级", None: "?"})
    assert svg.startswith("<svg") and "&lt;县&gt;" in svg and "<县>" not in svg
    assert ">2d<" in svg and svg.count('stroke-dasharray="6 4"') == 1
    assert "?page=meetings&amp;meeting=p" in svg and "meeting=d" not in svg
    # national-to-county order: the province row is drawn above the county row
    rows = re.findall(r'y="(\d+)" font-size="13" fill="#\w+" font-weight="bold">([^<]+)<', svg)
    order = [name for _, name in sorted(rows, key=lambda r: int(r[0]))]
    assert order.index("省级") < order.index("县级")


def test_every_label_has_both_languages_and_every_page_a_title() -> None:
    for key, entry in labels().items():
        assert set(LANGS) <= set(entry), key
    for p in PAGES:
        assert t(f"page_{p}", "zh") != f"page_{p}" and t(f"page_{p}", "en") != t(f"page_{p}", "zh")
    assert t("query_failed", "en", name="x", error="y") == "Query “x” failed: y"
    assert t("no_such_key", "en") == "no_such_key"


def test_tables_flatten_and_csv_has_bom_and_chinese() -> None:
    rows = flatten([{"name": "张三", "titles": ["县长", "县委副书记"]}, {"name": "李四", "extra": {"a": 1}}])
    assert rows[0] == {"name": "张三", "titles": "县长、县委副书记", "extra": ""}  # not "None"
    data = to_csv(rows).decode("utf-8")
    assert data.startswith("\ufeffname,titles,extra") and "县长、县委副书记" in data


def test_facts_walk_the_record_and_doc_ids_are_not_paths(tmp_path: Path) -> None:
    ev = {"start": 0, "end": 2, "orig_start": 5, "orig_end": 9, "text": "某某主持", "rule": "meeting.chair"}
    record = {"doc_id": "x", "meetings": [{"date": "2024-01-01", "evidence": [ev],
                                           "participants": [{"name": "某某", "role": "chair", "evidence": [ev]}]}]}
    fs = facts(record)
    assert {(f.kind, f.name, f.rule) for f in fs} == {("meetings", "2024-01-01", "meeting.chair"),
                                                      ("meetings.participants", "某某", "meeting.chair")}
    (tmp_path / "docs").mkdir()
    assert load_doc(tmp_path, "../secret") is None
