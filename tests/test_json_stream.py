"""The chunked JSON writer of the build's checkpoints reads back as the object it was given."""

from __future__ import annotations

import io
import json

from graph_loader.graph import json_stream
from graph_loader.graph.json_stream import Entries


def _round(value) -> object:
    f = io.StringIO()
    json_stream.write(f, value)
    return json.loads(f.getvalue())


def test_objects_larger_than_a_chunk_nested_and_empty_read_back_equal():
    n = json_stream.CHUNK * 2 + 7
    big = {f"键{i}": [i, "值", None] for i in range(n)}
    value = {"empty": {}, "big": big, "small": {"a": 1}, "list": [1, {"b": 2}], "中文": "会议",
             "nested": {"inner": dict(big), "x": 1.5}}
    assert _round(value) == value
    assert _round({}) == {}


def test_entries_are_walked_once_without_a_copy():
    pairs = ((f"k{i}", {"n": i}) for i in range(json_stream.CHUNK + 3))  # a generator: it can be walked once
    assert _round({"entities": Entries(pairs), "v": 1}) == {
        "entities": {f"k{i}": {"n": i} for i in range(json_stream.CHUNK + 3)}, "v": 1}


def test_write_atomic_leaves_no_temp_file(tmp_path):
    path = tmp_path / "state.json"
    json_stream.write_atomic(path, {"a": Entries(iter([("x", 1)]))})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": {"x": 1}}
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]
