"""Ingestion of the five seed articles: clean text, metadata as the gold files say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest

from graph_loader.ingest import Document, ingest_file
from tests.shared_data import shared_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))
GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
T2S = opencc.OpenCC("t2s")


def _gold(doc_id: str) -> dict:
    path = shared_path("gold", "seeds", f"{doc_id}.json")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    out = {}
    for p in SEEDS:
        d = ingest_file(p)
        assert isinstance(d, Document), d
        out[d.doc_id] = d
    return out


def test_five_seeds_present():
    assert len(SEEDS) == 5


def test_no_pinyin_gloss_left(docs):
    for d in docs.values():
        assert not GLOSS.search(d.clean), (d.doc_id, GLOSS.search(d.clean))


def test_clean_text_is_simplified(docs):
    for d in docs.values():
        assert T2S.convert(d.clean) == d.clean, d.doc_id


def test_original_is_the_file_text(docs):
    for p in SEEDS:
        d = docs[p.stem]
        assert d.original == p.read_text(encoding="utf-8")
        assert d.encoding == "utf-8"
        assert len(d.sha256) == 64


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_metadata_matches_gold(docs, seed):
    gold = _gold(seed)
    meta = docs[seed].metadata
    assert meta.published == gold["published"]
    assert meta.reporters == gold["reporters"]
    for name in gold["ignore_names"]:
        assert name in meta.editors


def test_boilerplate_dropped(docs):
    everything = "\n".join(d.clean for d in docs.values())
    for junk in ("首页/", "浏览次数", "天气:", "您当前的位置", "ICP备", "公网安备", "版权所有", "报料热线",
                 "责编", "党史学习", "发布时间", "会议现场"):
        assert junk not in everything, junk


def test_titles_and_repeated_title(docs):
    d = docs["001_9cb08e20f04e73bb"]
    assert d.metadata.title == "切实提高做好安全生产工作政治站位 树牢安全生产红线意识"
    assert d.clean.count(d.metadata.title) == 1
    d = docs["003_f9760ff1ea8f6231"]
    assert d.metadata.title == "乔俊杰专题部署全区安全生产工作"
    assert d.clean.count(d.metadata.title) == 1
    assert docs["000_38d2b205cedefea2"].metadata.title is None


def test_bylines_stay_in_text(docs):
    assert "(记者 王俊)" in docs["001_9cb08e20f04e73bb"].clean
    assert docs["000_38d2b205cedefea2"].clean.endswith("(顾爱东)")


def test_mojibake_reported_with_spans(docs):
    d = docs["002_6d62fb2e2e7b4d80"]
    spans = [w.span for w in d.warnings if w.code == "mojibake"]
    assert spans
    for a, b in spans:
        assert "?" in d.clean[a:b] or "\ufffd" in d.clean[a:b]
    d = docs["003_f9760ff1ea8f6231"]
    assert any(w.code == "mojibake" and "\ue1fb" in d.clean[w.span[0]:w.span[1]] for w in d.warnings)


def test_story_text_kept(docs):
    d = docs["003_f9760ff1ea8f6231"]
    assert "区委书记乔俊杰召开专题会议" in d.clean
    assert d.clean.rstrip().endswith("营造安全稳定社会环境。")
