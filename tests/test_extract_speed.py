"""The speed work on the extractor keeps its answers: the fast scans match what the plain ones
found, the evidence maker matches Document.original_span, and the file-based, multi-process
paths give the same records as one process (speed itself is measured in bench/, not here)."""

from __future__ import annotations

import json
import random
import re
from array import array
from pathlib import Path

import pytest

from graph_loader.extract.dates import _FIRST, _PATTERN, find_dates
from graph_loader.extract.evidence import EvidenceMaker
from graph_loader.extract.pipeline import extract, extract_files, extract_many
from graph_loader.extract.regex_scan import WordIndex, finditer_from, first_chars, runs_holding
from graph_loader.extract.regions import _townships, find_regions
from graph_loader.ingest import ingest_file
from graph_loader.ingest.document import Document
from graph_loader.lang.chars import CLAUSE_MARKS, clause_start

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_finditer_from_finds_what_finditer_finds():
    pattern = re.compile(r"(?<![a\d])(?:ab+c|b\d{1,2}|(?P<x>c)a)")
    first = first_chars(["abc", "b1", "ca"])
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("abc19 ") for _ in range(rng.randint(0, 40)))
        assert _spans(finditer_from(pattern, first, text)) == _spans(pattern.finditer(text))


def test_runs_holding_finds_the_runs_a_plain_scan_keeps():
    rng = random.Random(11)
    run = re.compile("[甲乙等、]+")
    for _ in range(300):
        text = "".join(rng.choice("甲乙等、，。 1") for _ in range(rng.randint(0, 60)))
        plain = [m.span() for m in run.finditer(text) if "等" in m.group() and "、" in m.group()]
        assert list(runs_holding("甲乙等、", "等、", text)) == plain
    long = "甲" * 5000 + "、乙等" + "，" + "乙" * 300 + "等"  # a run starting far back
    assert list(runs_holding("甲乙等、", "等、", long)) == [(0, 5003)]


def test_listed_incidents_scan_matches_the_plain_pattern():
    from graph_loader.extract.incidents import _listed_matches, _listed_re

    pieces = ["甲省某某煤矿瓦斯爆炸事故", "乙市某某化工厂火灾事故", "丙县某某隧道坍塌事故", "等重大事故", "等",
              "、", "、", "、", "，", "近期发生的", "某某", "事故"]
    rng = random.Random(3)
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _spans(_listed_matches(text)) == _spans(_listed_re().finditer(text))


def test_incident_code_scan_matches_the_plain_pattern():
    from graph_loader.extract.incidents import _CODE_FIRST, _patterns

    pattern = _patterns()[0]
    pieces = ["“", "”", "6", "21", "1021", "2023", "·", ".", " ", "某某煤矿", "爆炸事故", "火灾", "重大", "年", "月"]
    rng = random.Random(9)
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _spans(finditer_from(pattern, _CODE_FIRST, text)) == _spans(pattern.finditer(text))


def test_date_scans_match_the_plain_patterns_on_random_text():
    from graph_loader.extract.dates import _SESSION, _YEAR_DIGIT

    pieces = ["2024", "年", "3", "月", "5", "日", "号", "至", "-", "7", "十", "二", "一", "是", "今天", "(", ")", ".",
              "．", "15", "全省", "会", "上午", " ", "第", "次", "召开", "部署", "全县", "上半年", "今年", "去年", "本年",
              "29", "下午", "昨", "18"]
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _spans(finditer_from(_PATTERN, _FIRST, text)) == _spans(_PATTERN.finditer(text))
        assert _spans(finditer_from(_SESSION, _YEAR_DIGIT, text)) == _spans(_SESSION.finditer(text))


def test_word_index_finds_what_the_alternation_finds():
    words = ["甲乙", "甲乙丙", "乙丙", "丙丁戊", "丁戊", "戊甲"]
    plain = re.compile("|".join(sorted(words, key=len, reverse=True)))
    index = WordIndex(words)
    rng = random.Random(17)
    for _ in range(500):
        text = "".join(rng.choice("甲乙丙丁戊，") for _ in range(rng.randint(0, 30)))
        found = [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]
        assert list(index.finditer(text)) == found
        assert index.search(text) == (found[0] if found else None)


def test_clause_start_is_the_plain_walk_back():
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice("甲乙，。；\n：") for _ in range(rng.randint(1, 40)))
        for pos in range(len(text) + 1):
            lo = rng.randint(0, pos)
            walk = pos
            while walk > lo and text[walk - 1] not in CLAUSE_MARKS:
                walk -= 1
            assert clause_start(text, pos, lo) == walk


@pytest.mark.parametrize("text", [
    "2024年3月5日至7日，省政府召开会议；4月1日上午、十二月二十日、2023-05-06、15日下午，当日",
    "二〇二四年十一月三日，会议在年3月5日后召开，12月31日至1月2日值班，今天、昨日",
    "3．15全省安全生产工作会议在甲市召开，12.22全市会议，615日下午，2016行动",
])
def test_date_scan_matches_the_plain_pattern(text):
    assert _spans(finditer_from(_PATTERN, _FIRST, text)) == _spans(_PATTERN.finditer(text))
    assert [h.value for h in find_dates(text, "2024-12-01")]  # and dates are read


def test_township_scan_takes_the_longest_name_and_no_overlaps():
    county = "江苏省南通市海安市"
    names = _townships()[county]
    assert "南莫镇" in names
    hits = [(h.surface, h.path) for h in find_regions("海安市南莫镇、南莫镇和城东镇召开会议") if h.level == "township"]
    assert hits == [("海安市南莫镇", county + "南莫镇"), ("南莫镇", county + "南莫镇"), ("城东镇", county + "城东镇")]


def test_evidence_maker_agrees_with_document_offsets():
    doc = ingest_file(next(CORPUS.glob("001_*.txt")))
    ev = EvidenceMaker(doc)
    n = len(doc.clean)
    for start, end in [(0, 1), (10, 25), (n - 3, n), (n, n), (5, 5), (-3, 4), (n - 1, n + 9)]:
        e = ev(start, end, "rule")
        s, t = max(0, min(start, n)), max(0, min(end, n))
        assert (e.start, e.end) == (s, t)
        assert (e.orig_start, e.orig_end) == doc.original_span(s, t)
        assert e.text == ev.index.sentence_text(s)


def test_evidence_maker_keeps_the_clean_span_when_offsets_are_short():
    text = "县长甲乙主持召开会议。"
    doc = Document(doc_id="t", path="t", sha256="", encoding="utf-8", original=text, clean=text,
                   starts=array("l", range(3)), ends=array("l", range(1, 4)))
    e = EvidenceMaker(doc)(5, 8, "rule")
    assert (e.orig_start, e.orig_end) == (5, 8)


def test_files_and_workers_give_the_records_of_one_process(tmp_path):
    docs = [ingest_file(p) for p in sorted(CORPUS.glob("*.txt"))]
    want = [extract(d).to_json_dict() for d in docs]
    assert [r.to_json_dict() for r in extract_many(docs, workers=2)] == want
    (tmp_path / "bad.txt").write_bytes(b"")
    got = list(extract_files([str(CORPUS), str(tmp_path / "bad.txt"), str(tmp_path / "none")], workers=1))
    assert [r.record for r in got if r.rejection is None] == want
    assert sum(r.rejection is not None for r in got) == 2
    many = tmp_path / "many"  # enough files for the pool to be used (2 chunks)
    many.mkdir()
    for i in range(14):
        for p in sorted(CORPUS.glob("*.txt")):
            (many / f"{i:02d}_{p.name}").write_bytes(p.read_bytes())
    texts = [r.text for r in extract_files([str(many)], workers=2, json_indent=1)]

    def no_id(rec: dict) -> dict:  # a copy's doc_id comes from its file name
        return {k: v for k, v in rec.items() if k != "doc_id"}

    assert len(texts) == 70
    assert [no_id(json.loads(t)) for t in texts[:5]] == [no_id(w) for w in want]
    assert [no_id(json.loads(t)) for t in texts[65:]] == [no_id(w) for w in want]
