"""Property-based fuzzing of ingest and extract: bad input never raises, never hangs.

Invariant for every generated file: `ingest_bytes` returns a Document or a
Rejection (never an exception); a Document's offset map is consistent with its
texts; `extract` returns a record whose warnings do not report a swallowed
internal failure. Time is bounded by the ingest cap (graph_loader/ingest/limits.py),
checked by size here and timed in bench/, not by timed asserts.

`SAFETYKG_FUZZ_EXAMPLES` sets how many examples each property tries (default 40).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_loader.ingest import Document, Rejection, ingest_bytes, ingest_file
from graph_loader.ingest.decode import MAX_BYTES
from graph_loader.ingest.limits import MAX_CLEAN_CHARS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))
EXAMPLES = int(os.environ.get("SAFETYKG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("SAFETYKG_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = st.sampled_from([".txt", ".html", ".htm", ".md", ".TXT", ""])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk", "gb2312",
             "big5", "big5hkscs", "cp950", "hz", "iso2022_jp", "euc_kr", "shift_jis", "latin-1", "cp1252",
             "koi8-r", "ascii"]


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def check_document(doc: Document | Rejection) -> None:
    """The contract every later stage relies on."""
    assert isinstance(doc, Document | Rejection), type(doc)
    if isinstance(doc, Rejection):
        assert doc.reason and isinstance(doc.reason, str)
        return
    n = len(doc.clean)
    assert n <= MAX_CLEAN_CHARS
    assert len(doc.starts) == n and len(doc.ends) == n
    for i in range(0, n, max(1, n // 200)):  # a sample of the map: inside `original`, well ordered
        assert 0 <= doc.starts[i] <= doc.ends[i] <= len(doc.original), (i, doc.starts[i], doc.ends[i])
    assert doc.original_span(0, n)[1] <= len(doc.original)
    for w in doc.warnings:
        assert w.code and w.message


def check_pipeline(data: bytes, name: str) -> Document | Rejection:
    from graph_loader.extract.pipeline import extract

    doc = ingest_bytes(data, Path(name))
    check_document(doc)
    if isinstance(doc, Document):
        record = extract(doc)
        assert record.doc_id == doc.doc_id
        failed = [w for w in record.warnings if w.startswith("extraction_failed")]
        assert not failed, failed
        record.to_json_dict()  # serialisable
    return doc


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    from graph_loader.extract.pipeline import warm_up

    warm_up()


# ------------------------------------------------------------------ random input

@FUZZ
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_random_bytes_become_a_document_or_a_rejection(data: bytes, suffix: str) -> None:
    check_pipeline(data, "fuzz" + suffix)


@FUZZ
@given(text=st.text(max_size=2000), encoding=st.sampled_from(ENCODINGS), suffix=SUFFIXES)
def test_random_unicode_in_every_encoding(text: str, encoding: str, suffix: str) -> None:
    data = text.encode(encoding, errors="replace") if encoding != "hz" else text.encode(encoding, errors="ignore")
    check_pipeline(data, "fuzz" + suffix)


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ARTICLE_ALPHABET = st.one_of(CJK, st.sampled_from(list("，。、；：！？“”（）《》\n 0123456789年月日")))


@FUZZ
@given(text=st.text(alphabet=ARTICLE_ALPHABET, min_size=1, max_size=3000),
       encoding=st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16"]))
def test_random_chinese_text_is_read_back_in_its_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    doc = check_pipeline(data, "zh.txt")
    if isinstance(doc, Document) and encoding in ("utf-8", "utf-16"):
        assert doc.original == text.encode(encoding, errors="ignore").decode(encoding).lstrip("\ufeff")


# ------------------------------------------------------------------ mangled real articles

@FUZZ
@given(idx=st.integers(0, len(SEEDS) - 1), encoding=st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]),
       cut=st.floats(0.0, 1.0), suffix=SUFFIXES)
def test_truncated_articles_mid_character(idx: int, encoding: str, cut: float, suffix: str) -> None:
    data = seed_texts()[idx].encode(encoding, errors="ignore")
    check_pipeline(data[: int(len(data) * cut)], "cut" + suffix)


@FUZZ
@given(idx=st.integers(0, len(SEEDS) - 1),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), st.binary(max_size=8)), max_size=20))
def test_bytes_flipped_inside_a_real_article(idx: int, edits: list[tuple[float, int, bytes]]) -> None:
    data = bytearray(seed_texts()[idx].encode("gb18030"))
    for at, drop, insert in edits:
        i = int(at * len(data))
        data[i:i + drop] = insert
    check_pipeline(bytes(data), "flipped.txt")


TAGS = ["div", "p", "span", "article", "script", "style", "table", "tr", "td", "h1", "title", "head", "body",
        "br", "img", "a", "ul", "li", "meta", "noscript", "svg", "template", "iframe", "header", "footer"]


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    """Tag soup: open/close tags in any order, attributes, entities, comments, CDATA, cut anywhere."""
    text = draw(st.sampled_from(seed_texts()))
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 9))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.sampled_from(['', ' class="content"', ' id="footer"', " onerror=x", ' a="<>"',
                                         " x='", ' class=menu', " " + "a" * 300]))
            pieces.append(f"<{tag}{attr}>")
        elif kind == 1:
            pieces.append(f"</{tag}>")
        elif kind == 2:
            pieces.append(draw(st.sampled_from(["&amp;", "&#x4E2D;", "&#20013;", "&nbsp", "&#99999999;", "&#x;",
                                                "&bogus;", "&#0;", "&#xD800;", "&lt;script&gt;"])))
        elif kind == 3:
            pieces.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml?>",
                                                "<", ">", "</", "<!", "<meta name=pubdate content=2024-01-02>"])))
        else:
            a = draw(st.integers(0, len(text)))
            pieces.append(text[a:a + draw(st.integers(0, 400))])
    return "".join(pieces)


@FUZZ
@given(page=html_soup(), encoding=st.sampled_from(["utf-8", "gb18030", "big5"]), suffix=SUFFIXES)
def test_malformed_html(page: str, encoding: str, suffix: str) -> None:
    check_pipeline(page.encode(encoding, errors="ignore"), "page" + suffix)


# ------------------------------------------------------------------ pathological shapes (examples)

def _seed_line() -> str:
    return seed_texts()[1].replace("\n", "")


PATHOLOGICAL = {
    # one line of several MiB: the ingest cap hands extract at most MAX_CLEAN_CHARS
    "huge_cjk_line.txt": lambda: ("省安委会召开全省安全生产工作会议，" * 200_000).encode(),
    "huge_ascii_line.txt": lambda: b"x" * (3 * 2**20),
    "huge_real_line.txt": lambda: (_seed_line() * 500).encode("gb18030"),
    "names_everywhere.txt": lambda: ("张三主持会议，李四出席。" * 20_000).encode(),
    "deep_nesting.html": lambda: b"<div>" * 60_000 + "安全生产会议".encode() + b"</div>" * 60_000,
    "deep_unclosed.html": lambda: b"<div><span><p>" * 30_000 + "安全".encode(),
    "entity_storm.html": lambda: b"<p>" + b"&amp;&#x4E2D;" * 200_000 + b"</p>",
    "only_punctuation.txt": lambda: ("，。" * 300_000).encode(),
    "many_short_lines.txt": lambda: ("会\n" * 500_000).encode(),
    "nul_bytes.txt": lambda: b"\x00" * 1000 + "安全".encode(),
    "bom_only.txt": lambda: codecs.BOM_UTF8,
    "utf16_without_bom.txt": lambda: (_seed_line() * 10).encode("utf-16-le"),
    "mixed_encodings.txt": lambda: _seed_line().encode("utf-8") + _seed_line().encode("gb18030"),
    "lone_surrogates.txt": lambda: "安全\ud800生产".encode("utf-8", "surrogatepass"),
    "control_chars.txt": lambda: ("\x1b[31m安全\x07生产\x0c\r" * 2000).encode(),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_files_are_cut_or_rejected(name: str, tmp_path: Path) -> None:
    """Through the file reader too: MAX_BYTES cut, then the clean-text cap, then extract."""
    from graph_loader.extract.pipeline import extract

    path = tmp_path / name
    path.write_bytes(PATHOLOGICAL[name]())
    doc = ingest_file(path)
    check_document(doc)
    if isinstance(doc, Document):
        codes = {w.code for w in doc.warnings}
        if path.stat().st_size > MAX_BYTES:
            assert "truncated" in codes
        if len(doc.clean) >= MAX_CLEAN_CHARS // 2 and path.stat().st_size > 4 * MAX_CLEAN_CHARS:
            assert "too_long" in codes, codes
        record = extract(doc)
        assert not [w for w in record.warnings if w.startswith("extraction_failed")]


def test_the_cap_cuts_at_a_line_break_and_keeps_the_map() -> None:
    from graph_loader.ingest.limits import cap_length
    from graph_loader.ingest.textmap import MappedText

    text = ("第一句话。\n" * 10)
    mt, cut = cap_length(MappedText.identity(text), limit=20)
    assert cut and mt.text == "第一句话。\n第一句话。\n第一句话。"
    assert len(mt.starts) == len(mt.ends) == len(mt.text)
    same, cut = cap_length(MappedText.identity(text), limit=len(text))
    assert not cut and same.text == text


def test_a_file_that_vanishes_or_is_unreadable_is_a_rejection(tmp_path: Path) -> None:
    assert isinstance(ingest_file(tmp_path / "missing.txt"), Rejection)
    assert isinstance(ingest_file(tmp_path), Rejection)
    locked = tmp_path / "locked.txt"
    locked.write_text("安全生产", encoding="utf-8")
    locked.chmod(0)
    try:
        doc = ingest_file(locked)
        assert isinstance(doc, Rejection) or os.geteuid() == 0  # root reads anything
    finally:
        locked.chmod(0o600)
