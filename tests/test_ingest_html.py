"""HTML pages: main text only, paragraphs as lines, offsets into the raw HTML."""

from __future__ import annotations

import html
from pathlib import Path

import opencc
import pytest

from graph_loader.ingest import Document, ingest_bytes, ingest_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))
T2S = opencc.OpenCC("t2s")

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>.content p {{ text-indent: 2em; }}</style>
<script>var visits = "浏览次数"; document.write("广告");</script></head>
<body>
<div class="header"><a href="/">网站首页</a> <a href="/news">新闻中心</a></div>
<nav><ul><li>政务公开</li><li>政民互动</li><li>办事服务</li></ul></nav>
<div class="location">您现在的位置：首页 &gt; 新闻中心 &gt; 正文</div>
<div class="article-content">
{paragraphs}
</div>
<div class="share">分享到：微信 微博</div>
<div id="footer"><p>版权所有：某某市人民政府办公室</p><p>京ICP备12345678号</p></div>
</body></html>
"""


def wrap(text: str, title: str = "") -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return PAGE.format(title=html.escape(title), paragraphs=paragraphs)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_wrapped_seed_gives_same_clean_text(seed):
    reference = ingest_file(seed)
    assert isinstance(reference, Document)
    page = wrap(seed.read_text(encoding="utf-8"), reference.metadata.title or "")
    d = ingest_bytes(page.encode("utf-8"), seed.with_suffix(".html"))
    assert isinstance(d, Document), d
    assert d.clean == reference.clean
    assert d.metadata.published == reference.metadata.published
    assert d.metadata.reporters == reference.metadata.reporters
    assert d.metadata.editors == reference.metadata.editors
    assert d.metadata.title == reference.metadata.title
    assert d.original == page
    for i, c in enumerate(d.clean):
        if c not in "\n ":
            src = html.unescape(d.original[d.starts[i]:d.ends[i]])
            assert c in (src, T2S.convert(src)), (i, c, src)


def test_gb18030_page_with_meta_charset():
    page = wrap("市委书记主持召开安全生产工作会议。\n会议强调要压实责任。", "安全生产工作会议")
    d = ingest_bytes(page.encode("gb18030"), Path("x.htm"))
    assert isinstance(d, Document)
    assert d.encoding == "gb18030"
    assert d.clean.splitlines()[-1] == "会议强调要压实责任。"


def test_page_without_content_container_keeps_body_text_minus_chrome():
    page = ("<html><body><header>某某网</header><h1>全市召开安全生产会议</h1>"
            "<div class='info'>发布时间：2023-05-06 来源：市应急管理局</div>"
            "<div><p>5月5日，市长主持召开会议。</p><p>会议要求压实责任。<br>确保安全。</p></div>"
            "<footer>版权所有</footer></body></html>")
    d = ingest_bytes(page.encode("utf-8"), Path("p.html"))
    assert isinstance(d, Document)
    assert d.metadata.title == "全市召开安全生产会议"
    assert d.metadata.published == "2023-05-06"
    assert d.metadata.source == "市应急管理局"
    assert d.clean.splitlines() == ["全市召开安全生产会议", "5月5日，市长主持召开会议。", "会议要求压实责任。",
                                    "确保安全。"]


def test_h1_outside_content_container_is_kept_as_title_line():
    page = ("<html><body><div class='nav'>首页</div><h1>省安委会召开全体会议</h1><div class='time'>2022年03月01日</div>"
            "<div id='content'><p>3月1日，省长主持召开省安委会全体会议。</p><p>会议强调，要压实安全生产责任。</p>"
            "<p>（记者 张三 通讯员 李四）</p></div></body></html>")
    d = ingest_bytes(page.encode("utf-8"), Path("p.html"))
    assert isinstance(d, Document)
    assert d.clean.splitlines()[0] == "省安委会召开全体会议"
    assert d.metadata.reporters == ["张三", "李四"]
    assert d.metadata.published == "2022-03-01"
    assert "首页" not in d.clean and "2022年03月01日" not in d.clean


def test_meta_publish_date():
    page = ("<html><head><meta name='PubDate' content='2021-11-09 08:30'></head><body><div class='content'>"
            "<p>11月8日，县长主持召开安全生产工作会议。</p></div></body></html>")
    d = ingest_bytes(page.encode("utf-8"), Path("p.html"))
    assert isinstance(d, Document)
    assert d.metadata.published == "2021-11-09"


def test_government_page_fixture():
    """A typical county-government article page, saved in GB2312 (tests/data/ingest)."""
    d = ingest_file(ROOT / "tests" / "data" / "ingest" / "gov_page_gb2312.html")
    assert isinstance(d, Document), d
    assert d.encoding == "gb18030"
    assert d.metadata.title == "县应急局开展安全生产大检查"
    assert d.metadata.published == "2023-06-12"
    assert d.metadata.source == "县应急管理局"
    assert d.metadata.reporters == ["李某某"]
    assert d.metadata.editors == ["王某"]
    assert d.clean.splitlines() == [
        "县应急局开展安全生产大检查",
        "6月10日，县应急管理局局长张某带队，对全县危化品企业开展安全生产大检查。",
        "检查组要求，各企业要落实主体责任，确保安全生产形势稳定。",  # a `<br/>` after a comma cuts the sentence
        "（通讯员 李某某）",
    ]
    for junk in ("不要", "首页", "浏览次数", "分享到", "上一篇", "ICP", "无障碍"):
        assert junk not in d.clean
    i = d.clean.index("危化品")
    a, b = d.original_span(i, i + 3)
    assert d.original[a:b] == "危化品"
