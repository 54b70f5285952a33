"""Metamorphic tests: the same article, written differently, gives the same extracted facts.

Variants of every seed and held-out article: traditional script (UTF-8 and Big5),
GB18030, UTF-16, CRLF, blank lines between paragraphs, ideographic indents,
wrapped in HTML, and hard-wrapped at a fixed width (plain and inside HTML
paragraphs). Facts are the record without evidence (offsets move) and warnings.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import opencc
import pytest

from graph_loader.ingest import Document, ingest_bytes

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "extract_heldout" / "texts").glob("*.txt"))
_S2T = opencc.OpenCC("s2t")


def hardwrap(text: str, width: int) -> str:
    """Every paragraph cut into lines of `width` characters, as a fixed-column editor saves it."""
    return "\n".join("\n".join(p[i:i + width] for i in range(0, len(p), width)) if p.strip() else p
                     for p in text.split("\n"))


def as_html(text: str, wrap: int | None = None) -> str:
    paras = "".join(f"<p>{html.escape(hardwrap(p, wrap) if wrap else p)}</p>\n" for p in text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
            f"<div class=\"nav\">首页 > 新闻</div><div class=\"content\">{paras}</div></body></html>")


def big5(text: str) -> bytes:
    trad = _S2T.convert(text)
    try:
        return trad.encode("big5")
    except UnicodeEncodeError:  # pinyin glosses with tone marks have no Big5 code
        pytest.skip("article has characters Big5 cannot encode")


VARIANTS: dict[str, tuple[str, Any]] = {
    "traditional_utf8": (".txt", lambda t: _S2T.convert(t).encode("utf-8")),
    "traditional_big5": (".txt", big5),
    "gb18030": (".txt", lambda t: t.encode("gb18030")),
    "utf16": (".txt", lambda t: t.encode("utf-16")),
    "crlf": (".txt", lambda t: t.replace("\n", "\r\n").encode()),
    "blank_lines": (".txt", lambda t: t.replace("\n", "\n\n").encode()),
    "indented": (".txt", lambda t: "\n".join("\u3000\u3000" + x for x in t.split("\n")).encode()),
    "html": (".html", lambda t: as_html(t).encode()),
    "html_gb18030": (".html", lambda t: as_html(t).replace("utf-8", "gb18030").encode("gb18030")),
    "hardwrap_30": (".txt", lambda t: hardwrap(t, 30).encode()),
    "hardwrap_37": (".txt", lambda t: hardwrap(t, 37).encode()),
    "hardwrap_45": (".txt", lambda t: hardwrap(t, 45).encode()),
    "html_hardwrap_37": (".html", lambda t: as_html(t, 37).encode()),
}

# exact failing cases, left to the extractor/layout owners (see RELIABILITY.md)
KNOWN = {
    ("002_6d62fb2e2e7b4d80", "html_hardwrap_37"): "a gloss split by the wrap inside <p> changes persons/meetings/sectors",
    ("004_a174510ebbf40f97", "html_hardwrap_37"): "a gloss split by the wrap inside <p> changes persons/bodies",
    ("000_38d2b205cedefea2", "html_hardwrap_37"): "a gloss split by the wrap inside <p> changes a sector mention",
    ("003_f9760ff1ea8f6231", "hardwrap_30"): "title line is 30 chars: joined with the first paragraph",
    ("h06_traditional", "hardwrap_45"): "paragraph of < 3 full lines: wrap not detected; meetings/directives differ",
    # the same limitation on short, indented paragraphs: names and titles stay split across lines
    ("h17_county_two_meetings", "hardwrap_45"): "paragraph of < 3 full lines: wrap not detected",
    ("h20_city_supervision_entry", "hardwrap_45"): "paragraph of < 3 full lines: wrap not detected",
    ("h23_county_cited_leader", "hardwrap_45"): "paragraph of < 3 full lines: wrap not detected",
}


def facts(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: facts(v) for k, v in obj.items() if k not in ("evidence", "warnings", "doc_id")}
    if isinstance(obj, list):
        return [facts(v) for v in obj]
    return obj


def extracted(data: bytes, name: str) -> Any:
    from graph_loader.extract.pipeline import extract

    doc = ingest_bytes(data, Path(name))
    assert isinstance(doc, Document), doc
    return facts(extract(doc).to_json_dict())


_BASE: dict[str, Any] = {}


def base_facts(path: Path) -> Any:
    if path.stem not in _BASE:
        _BASE[path.stem] = extracted(path.read_bytes(), path.name)
    return _BASE[path.stem]


CASES = [pytest.param(p, v, id=f"{p.stem}-{v}", marks=[pytest.mark.xfail(strict=True, reason=KNOWN[(p.stem, v)])]
                      if (p.stem, v) in KNOWN else []) for p in ARTICLES for v in VARIANTS]


@pytest.mark.parametrize(("path", "variant"), CASES)
def test_variant_gives_the_same_facts(path: Path, variant: str) -> None:
    suffix, make = VARIANTS[variant]
    text = path.read_text(encoding="utf-8")
    got = extracted(make(text), path.stem + suffix)
    want = base_facts(path)
    diff = sorted(k for k in want if want[k] != got.get(k))
    assert not diff, {k: (want[k], got.get(k)) for k in diff[:2]}


def test_the_unwrap_leaves_ordinary_articles_alone() -> None:
    from graph_loader.ingest.unwrap import unwrap_edits

    for path in ARTICLES:
        assert unwrap_edits(path.read_text(encoding="utf-8").replace("\u3000", " ")) == [], path.name


def test_the_unwrap_joins_a_wrapped_paragraph_and_keeps_latin_words_apart() -> None:
    from graph_loader.ingest.unwrap import unwrap_edits

    text = hardwrap("市委书记张三主持会议并讲话，市长李四出席会议，要求各地各部门压实安全生产责任，坚决防范遏制重特大事故。", 12)
    lines = text.split("\n")
    assert len(lines) > 3
    edits = unwrap_edits(text)
    assert len(edits) == len(lines) - 1 and all(r == "" for _, _, r in edits)
    latin = "\n".join(["the safety committee of the county met", "on monday and asked each department to",
                       "check the risks of mines and chemical", "works before the flood season began."])
    assert {r for _, _, r in unwrap_edits(latin)} == {" "}


def test_the_unwrap_leaves_short_headline_lines_over_one_line_paragraphs() -> None:
    from graph_loader.ingest.unwrap import unwrap_edits

    para = "某县召开安全生产工作会议，县长甲某主持会议并讲话，要求各乡镇各部门压实安全生产责任，坚决防范遏制重特大事故。" * 4
    heads = ["以最严格的要求压实安全责任", "以最坚决的态度守住安全底线", "全县安全生产工作会议召开"]
    text = "\n".join([*heads, para, para, para[:-1]])
    assert unwrap_edits(text) == []
    wrapped = hardwrap(para, 12)  # the same lines wrapped at one width are joined
    assert unwrap_edits("\n".join([*heads, wrapped]))
