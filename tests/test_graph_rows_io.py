"""The batch rows file and merging rows by id."""

from __future__ import annotations

import json
import re

import pytest

from graph_loader.graph.rows_io import (
    BadLine,
    BadRowsLine,
    grouped_batches,
    iter_workspace_batches,
    merge_rows,
    read_rows,
    write_rows,
)
from graph_loader.graph.schema import GraphRows, NodeRow, RelRow


def _rows():
    return GraphRows(
        nodes=[NodeRow("person-1", "Person", {"name": "甲", "national_leader": False}, ["d1"], ["d1|0|1|0|1|r|甲"]),
               NodeRow("meeting-1", "Meeting", {"date": "2024-01-02"}, ["d1"], [])],
        rels=[RelRow("rel-1", "PARTICIPATED", "person-1", "meeting-1", {"role": "chair"}, ["d1"], [])],
        doc_ids=["d1"])


def test_rows_round_trip(tmp_path):
    p = tmp_path / "rows" / "batch-00000.jsonl"
    write_rows(_rows(), p)
    assert p.read_text(encoding="utf-8").splitlines()[0] == '{"kind": "batch", "doc_ids": ["d1"]}'
    assert read_rows(p) == _rows()


def test_merge_unions_support_and_takes_latest_props():
    b = GraphRows(
        nodes=[NodeRow("person-1", "Person", {"name": "甲", "region": "江苏省"}, ["d2"], ["d2|3|4|3|4|r|甲"])],
        rels=[RelRow("rel-1", "PARTICIPATED", "person-1", "meeting-1", {"role": "chair"}, ["d2", "d1"], [])],
        doc_ids=["d2"])
    m = merge_rows([_rows(), b])
    person = next(n for n in m.nodes if n.id == "person-1")
    assert person.articles == ["d1", "d2"]
    assert person.evidence == ["d1|0|1|0|1|r|甲", "d2|3|4|3|4|r|甲"]
    assert person.props == {"name": "甲", "national_leader": False, "region": "江苏省"}
    assert len(m.nodes) == 2 and len(m.rels) == 1 and m.rels[0].articles == ["d1", "d2"]
    assert m.doc_ids == ["d1", "d2"]
    assert _rows().nodes[0].articles == ["d1"]  # inputs untouched



def test_merge_shares_rows_met_once_and_never_changes_the_given_rows():
    # the rows of one article share their support lists (a node and the relationships it carries)
    docs, evs = ["d1"], ["d1|0|1|0|1|r|甲"]
    a = GraphRows(nodes=[NodeRow("body-1", "Body", {"name": "甲局"}, docs, evs),
                         NodeRow("person-1", "Person", {"name": "乙"}, docs, evs)],
                  rels=[RelRow("rel-1", "BODY_IN", "body-1", "region-1", {}, docs, evs)], doc_ids=["d1"])
    b = GraphRows(nodes=[NodeRow("body-1", "Body", {"name": "甲"}, ["d2"], ["d2|5|6|5|6|r|甲"])], doc_ids=["d2"])
    m = merge_rows([a, b])
    body = next(n for n in m.nodes if n.id == "body-1")
    assert body.articles == ["d1", "d2"] and body.props == {"name": "甲"}  # the shorter name settles
    assert docs == ["d1"] and evs == ["d1|0|1|0|1|r|甲"] and a.nodes[0].props == {"name": "甲局"}
    assert next(n for n in m.nodes if n.id == "person-1") is a.nodes[1] and m.rels[0] is a.rels[0]


def _lines(rows: GraphRows) -> list[str]:
    return [json.dumps({"kind": "batch", "doc_ids": rows.doc_ids}, ensure_ascii=False)] + [
        json.dumps({"kind": "node", **n.__dict__}, ensure_ascii=False) for n in rows.nodes] + [
        json.dumps({"kind": "rel", **r.__dict__}, ensure_ascii=False) for r in rows.rels]


BAD_LINES = {  # a made-up bad line -> the start of the reason given for it
    '{"kind": "node", "id": "x"': "not JSON",
    '["node"]': "not a JSON object",
    '{"kind": "edge", "id": "x"}': "unknown row kind 'edge'",
    '{"kind": "node", "id": "x", "label": "Person"}': "node row without props, articles, evidence",
    '{"kind": "node", "id": "", "label": "Person", "props": {}, "articles": [], "evidence": []}':
        "node row whose id/label is not a non-empty string",
    '{"kind": "node", "id": "x", "label": "Planet", "props": {}, "articles": [], "evidence": []}':
        "unknown node label 'Planet'",
    '{"kind": "rel", "id": "r", "type": "LIKES", "src": "a", "dst": "b", "props": {}, "articles": [], '
    '"evidence": []}': "unknown relationship type 'LIKES'",
    '{"kind": "rel", "id": "r", "type": "HOLDS", "src": "a", "dst": "b", "props": [], "articles": [], '
    '"evidence": []}': "rel row whose props is not an object",
}


@pytest.mark.parametrize("bad", list(BAD_LINES))
def test_a_bad_line_is_reported_with_path_and_line_and_the_rest_is_read(tmp_path, bad):
    p = tmp_path / "rows" / "a.jsonl"
    p.parent.mkdir()
    lines = _lines(_rows())
    p.write_text("\n".join([*lines[:2], bad, *lines[2:]]) + "\n", encoding="utf-8")
    problems: list[BadLine] = []
    assert read_rows(p, problems) == _rows()
    assert [(b.path, b.line) for b in problems] == [(p, 3)]
    assert str(problems[0]).startswith(f"{p}:3: {BAD_LINES[bad]}")
    with pytest.raises(BadRowsLine, match=f"^{re.escape(str(p))}:3: "):  # a caller collecting nothing
        read_rows(p)


def test_undecodable_bytes_are_one_bad_line(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [x.encode() for x in _lines(_rows())]
    p.write_bytes(b"\n".join([lines[0], b'{"kind": "node", "id": "\xff"}', *lines[1:]]))
    problems: list[BadLine] = []
    assert read_rows(p, problems) == _rows()
    assert [(b.line, b.reason[:9]) for b in problems] == [(2, "not UTF-8")]


def test_workspace_batches_in_file_order_and_unknown_fields_ignored(tmp_path):
    write_rows(_rows(), tmp_path / "rows" / "0001.jsonl")
    newer = json.loads(_lines(_rows())[1]) | {"confidence": 0.9}  # a field a later version may add
    (tmp_path / "rows" / "0002.jsonl").write_text(
        json.dumps({"kind": "batch", "doc_ids": ["d2"]}) + "\n" + json.dumps(newer, ensure_ascii=False) + "\n",
        encoding="utf-8")
    problems: list[BadLine] = []
    batches = list(iter_workspace_batches(tmp_path, problems))
    assert problems == [] and [b.doc_ids for b in batches] == [["d1"], ["d2"]]
    assert batches[1].nodes == [_rows().nodes[0]]
    grouped = list(grouped_batches(batches, max_docs=5))
    assert len(grouped) == 1 and grouped[0].doc_ids == ["d1", "d2"]


def test_a_holdings_title_in_full_is_settled_whatever_the_order():
    """Two reports write one person's one post in full differently (`某省委副书记`, `省委副书记`): merged rows and
    the embedded store keep the same one (the shortest, then code-point order) in either order."""
    from graph_loader.stores.embedded import EmbeddedStore

    def rows(doc, full):
        return GraphRows(nodes=[NodeRow("person-1", "Person", {"name": "甲乙"}, [doc], []),
                                NodeRow("post-1", "Post", {"title": "省委副书记"}, [doc], [])],
                         rels=[RelRow("holds-1", "HOLDS", "person-1", "post-1", {"title": "省委副书记", "full": full},
                                      [doc], [])], doc_ids=[doc])

    a, b = rows("d1", "某省委副书记"), rows("d2", "省委副书记")
    for first, second in ((a, b), (b, a)):
        assert merge_rows([first, second]).rels[0].props["full"] == "省委副书记"
        store = EmbeddedStore()
        store.upsert(first)
        store.upsert(second)
        assert [r["full"] for _, r in store.out_rels("person-1", "HOLDS")] == ["省委副书记"]
