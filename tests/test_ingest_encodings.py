"""Decoding: the same article in UTF-8, UTF-16, GB18030, GBK or Big5 gives the same clean text."""

from __future__ import annotations

import codecs
from pathlib import Path

import opencc
import pytest

from graph_loader.ingest import Document, ingest_bytes, ingest_file
from graph_loader.ingest.decode import DecodeError, decode

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))
S2T = opencc.OpenCC("s2t")


def _doc(data: bytes, name: str = "a.txt") -> Document:
    d = ingest_bytes(data, Path(name))
    assert isinstance(d, Document), d
    return d


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding,expected", [
    ("gb18030", "gb18030"), ("utf-16", "utf-16-le"), ("utf-16-be-bom", "utf-16-be"), ("utf-8-sig", "utf-8-bom")])
def test_seed_reencoded_gives_same_clean_text(seed, encoding, expected):
    reference = ingest_file(seed)
    text = seed.read_text(encoding="utf-8")
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    d = _doc(data, seed.name)
    assert d.encoding == expected
    assert d.clean == reference.clean
    assert d.metadata == reference.metadata


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_in_big5_gives_same_clean_text_as_utf8(seed):
    """Big5 has no pinyin tone letters and not every character: compare with the same text in UTF-8."""
    text = S2T.convert(seed.read_text(encoding="utf-8"))
    big5 = text.encode("big5", errors="ignore")
    same_text = big5.decode("big5")
    d5 = _doc(big5, seed.name)
    d8 = _doc(same_text.encode("utf-8"), seed.name)
    assert d5.encoding == "big5"
    assert d5.clean == d8.clean
    assert d5.metadata == d8.metadata
    assert len(d5.clean) > 500


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_in_gbk(seed):
    text = seed.read_text(encoding="utf-8")
    gbk = text.encode("gbk", errors="ignore")
    d = _doc(gbk, seed.name)
    assert d.encoding == "gb18030"  # GB18030 is a superset of GBK
    assert d.clean == _doc(gbk.decode("gbk").encode("utf-8")).clean


@pytest.mark.parametrize("text", [
    "安全生产工作会议召开", "市长主持会议", "省安委会督导组进驻", "应急管理局", "消防安全检查"])
def test_short_chinese_texts(text):
    for enc in ("gb18030", "big5"):
        src = S2T.convert(text) if enc == "big5" else text
        decoded = decode(src.encode(enc))
        assert decoded.text == src, (enc, decoded.encoding, decoded.text)


def test_original_keeps_the_decoded_text():
    text = "發布時間:2024-02-26\n本報訊(記者 王文軍)市長主持會議。"
    d = _doc(text.encode("big5"))
    assert d.original == text
    assert d.metadata.published == "2024-02-26"
    assert d.metadata.reporters == ["王文军"]


def test_random_bytes_are_undecodable():
    junk = bytes((i * 37 + 11) % 128 + 128 for i in range(3000))
    with pytest.raises(DecodeError):
        decode(junk)


def test_binary_signatures():
    with pytest.raises(DecodeError, match="PNG"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(DecodeError, match="NUL"):
        decode(b"abc\x00def")


def test_a_few_broken_bytes_are_replaced_with_a_warning():
    good = ("市委副书记、市长主持召开安全生产工作会议。" * 20).encode("gb18030")
    data = good[:100] + b"\xff\xff" + good[102:]  # one two-byte character broken
    decoded = decode(data)
    assert "\ufffd" in decoded.text
    assert decoded.warnings and decoded.warnings[0][0] == "decode_errors"
