"""The clean → original offset map: every clean character traces back to where it came from."""

from __future__ import annotations

import html
import re
from pathlib import Path

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_loader.ingest import Document, ingest_bytes, ingest_file
from graph_loader.ingest.glosses import gloss_edits
from graph_loader.ingest.textmap import MappedText

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))
T2S = opencc.OpenCC("t2s")
DOCS = [d for d in (ingest_file(p) for p in SEEDS) if isinstance(d, Document)]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _clean_of(original_piece: str) -> str:
    t = MappedText.identity(original_piece)
    return T2S.convert(t.apply(gloss_edits(t.text)).text)


def test_arrays_have_clean_length():
    for d in DOCS:
        assert len(d.starts) == len(d.ends) == len(d.clean)
        assert all(0 <= s <= e <= len(d.original) for s, e in zip(d.starts, d.ends, strict=True))


def test_each_char_comes_from_its_span():
    for d in DOCS:
        for i, c in enumerate(d.clean):
            src = d.original[d.starts[i]:d.ends[i]]
            if c == "\n":
                continue  # inserted line break (empty span) or the original one
            if c == " ":
                assert src.strip() == "", (d.doc_id, i, src)
                continue
            assert c in (src, T2S.convert(src)), (d.doc_id, i, c, src)


def test_offsets_increase():
    for d in DOCS:
        assert list(d.starts) == sorted(d.starts)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_random_clean_spans_round_trip(data):
    d = data.draw(st.sampled_from(DOCS))
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", d.clean)]
    la, lb = data.draw(st.sampled_from(lines))
    a = data.draw(st.integers(la, lb - 1))
    b = data.draw(st.integers(a + 1, min(lb, a + 40)))
    oa, ob = d.original_span(a, b)
    assert _squash(_clean_of(d.original[oa:ob])) == _squash(d.clean[a:b])


def test_empty_span_and_bounds():
    d = DOCS[0]
    assert d.original_span(3, 3) == (d.starts[3], d.starts[3])
    assert d.original_span(len(d.clean), len(d.clean)) == (len(d.original), len(d.original))


def test_html_offsets_point_into_raw_html():
    page = ("<html><head><title>t</title><script>var x='安全';</script></head><body>"
            "<div class='nav'>首页 | 新闻</div><div class='content'>"
            "<p>省长&nbsp;王某&amp;副省长出席會(huì)議。</p><p>第二段&#x5B89;全。</p></div></body></html>")
    d = ingest_bytes(page.encode("utf-8"), Path("page.html"))
    assert isinstance(d, Document)
    assert "首页" not in d.clean and "var x" not in d.clean
    for i, c in enumerate(d.clean):
        src = html.unescape(d.original[d.starts[i]:d.ends[i]])
        if c in "\n ":
            continue
        assert c in (src, T2S.convert(src)), (i, c, src)
    i = d.clean.index("&")
    assert d.original[d.starts[i]:d.ends[i]] == "&amp;"
    i = d.clean.index("安全")
    assert d.original[d.starts[i]:d.ends[i]] == "&#x5B89;"
