"""The batch rows file and merging rows by id."""

from __future__ import annotations

from graph_loader.graph.rows_io import merge_rows, read_rows, write_rows
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
