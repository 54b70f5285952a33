"""Cleaning rules one by one: glosses, mojibake, metadata forms, boilerplate, markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_loader.ingest import Document, ingest_bytes
from graph_loader.ingest.glosses import gloss_edits, is_pinyin_syllable
from graph_loader.ingest.mojibake import find_mojibake, repair_edits
from graph_loader.ingest.textmap import MappedText


def ingest(text: str, name: str = "a.txt") -> Document:
    d = ingest_bytes(text.encode("utf-8"), Path(name))
    assert isinstance(d, Document), d
    return d


# --- pinyin glosses -------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("安全生產(chǎn)工作", "安全生產工作"),
    ("會（huì）議", "會議"),
    ("應(yīng)急", "應急"),
    ("會(hui4)議", "會議"),
    ("市長(zhang)", "市長"),
    ("本報訊(記者 王文軍)", "本報訊(記者 王文軍)"),
    ("液化天然氣(LNG)", "液化天然氣(LNG)"),
    ("附件(a)", "附件(a)"),
    ("系統(tǒng)(abc)", "系統(abc)"),
    ("政(zheng)(zheng)治", "政治"),  # a gloss copied twice
    ("(記者 張三)(zhang)", "(記者 張三)(zhang)"),  # after a parenthesis that is not a gloss: kept
])
def test_gloss_removal(text, expected):
    assert MappedText.identity(text).apply(gloss_edits(text)).text == expected


def test_pinyin_grammar():
    assert all(is_pinyin_syllable(s) for s in ["chǎn", "zhuàng", "lüè", "nǚ", "er", "xiong2"])
    assert not any(is_pinyin_syllable(s) for s in ["LNG", "abc", "xyz", "lng", "q"])


def test_gloss_removed_in_document_and_offsets_skip_it():
    d = ingest("安全生產(chǎn)工作會(huì)議召開。")
    assert d.clean == "安全生产工作会议召开。"
    i = d.clean.index("工")
    assert d.original[d.starts[i]:d.ends[i]] == "工"


# --- mojibake ---------------------------------------------------------------------

# --- synonym-spun pages -------------------------------------------------------------

def test_a_spun_page_is_read_back_and_keeps_its_offsets():
    text = "5月5日，全省清静生产聚会召开。省向导甲某某、乙某某加入聚会。"
    d = ingest(text)
    assert d.clean == "5月5日，全省安全生产会议召开。省领导甲某某、乙某某参加会议。"
    assert [w.code for w in d.warnings] == ["spun_text"]
    k = d.clean.index("领导")
    assert text[d.starts[k]:d.ends[k + 1]] == "向导"  # the read-back word maps to the spun one


def test_a_spinners_word_in_a_genuine_report_stays():
    text = "5月5日，县委召开安全生产会议。会后，干部们加入志愿服务，春节聚会从简。"
    d = ingest(text)
    assert d.clean == text and d.warnings == []


def test_utf8_read_as_gbk_is_repaired_exactly():
    bad = "召开" + "全省安全".encode().decode("gbk") + "生产会议。"
    assert repair_edits(bad) == [(2, 8, "全省安全")]
    d = ingest(bad)
    assert d.clean == "召开全省安全生产会议。"
    assert [w.code for w in d.warnings] == ["mojibake_repaired"]
    i = d.clean.index("全")
    assert d.original_span(i, i + 4) == (2, 8)


def test_utf8_read_as_latin1_is_repaired():
    bad = "会议" + "全省".encode().decode("latin-1") + "召开。"
    assert ingest(bad).clean == "会议全省召开。"


def test_lost_bytes_are_reported_not_guessed():
    text = "紧盯矿山、?;?、燃?xì)狻⑾?、道路交通等重点行业。"
    spans = find_mojibake(text)
    assert spans and all("?" in text[a:b] for a, b in spans)
    d = ingest(text)
    assert "?;?" in d.clean
    assert any(w.code == "mojibake" for w in d.warnings)


def test_replacement_and_private_use_chars_are_reported():
    d = ingest("铝加工\ufffd(深井铸造)企业，聚焦\ue1fb冶金。")
    assert len([w for w in d.warnings if w.code == "mojibake"]) == 2


def test_question_mark_in_a_question_is_not_mojibake():
    assert find_mojibake("这项工作做好了吗?他说要继续努力。") == []


def test_ordinary_rare_characters_are_left_alone():
    text = "区领导恽淇丞、李皓参加会议。"
    assert repair_edits(text) == []
    assert find_mojibake(text) == []


# --- metadata ---------------------------------------------------------------------

@pytest.mark.parametrize("line,date", [
    ("发布时间：2023年5月6日 10:20", "2023-05-06"),
    ("发布日期: 2024/2/6", "2024-02-06"),
    ("日期:2024-02-26  报料热线:86050111", "2024-02-26"),
    ("时间：2024.02.26", "2024-02-26"),
    ("2024年02月26日 10:20 来源：人民网", "2024-02-26"),
    ("来源：市应急管理局 发布时间：2021-12-01 浏览次数：12", "2021-12-01"),
    ("来源：县新闻网\u30002023-12-06", "2023-12-06"),
    # a date with its time of day, after other labels or before a region word
    ("乡镇   来源:某某网  责任编辑:某某  2019-04-29 10:21:05", "2019-04-29"),
    ("要闻   2019-01-07 16:40   某省", "2019-01-07"),
])
def test_published_forms(line, date):
    d = ingest(f"全市召开安全生产工作会议\n{line}\n市长主持召开会议，部署安全生产工作。")
    assert d.metadata.published == date
    assert line not in d.clean
    assert d.metadata.title == "全市召开安全生产工作会议"


def test_dates_inside_the_story_are_not_the_published_date():
    d = ingest("2024年3月27日至4月26日，省巡查组对海宁市开展了为期一个月的巡查。市长主持会议。")
    assert d.metadata.published is None
    assert d.metadata.title is None


@pytest.mark.parametrize("text,reporters", [
    ("本报讯（记者 王俊 通讯员 李四）2月25日，市长主持召开会议。", ["王俊", "李四"]),
    ("本网讯(记者 王俊)根据部署，巡查组进行了巡查。", ["王俊"]),
    ("中国食品安全网讯(方方)3月2日，督导组进驻。", ["方方"]),
    ("3月2日，督导组进驻开展督导。会议要求压实责任。(顾爱东)", ["顾爱东"]),
    ("3月2日，督导组进驻开展督导。（记者 张三 李四 摄）", ["张三", "李四"]),
    ("3月2日，督导组进驻开展督导。(完)", []),
    ("3月2日，督导组进驻开展督导。（新华社）", []),
    ("3月2日，督导组进驻开展督导。（县应急局）", []),
    ("作者：赵五\n3月2日，督导组进驻开展督导。", ["赵五"]),
])
def test_reporters(text, reporters):
    assert ingest(text).metadata.reporters == reporters


@pytest.mark.parametrize("tail,editors", [
    ("责编: 庄恩慧", ["庄恩慧"]),
    ("责任编辑：张三", ["张三"]),
    ("编辑：李四 审核：王五", ["李四", "王五"]),
    ("（编辑 赵六）", ["赵六"]),
])
def test_editors(tail, editors):
    d = ingest(f"3月2日，督导组进驻开展督导。会议要求压实责任。\n{tail}")
    assert d.metadata.editors == editors
    assert editors[0] not in d.clean
    assert d.metadata.reporters == []


def test_source():
    d = ingest("标题在这里啊\n来源: 作者: 日期:2024-02-26\n市长主持会议。")
    assert d.metadata.source is None
    d = ingest("标题在这里啊\n来源：县应急管理局  日期：2024-02-26\n市长主持会议。")
    assert d.metadata.source == "县应急管理局"


# --- boilerplate -------------------------------------------------------------------

def test_header_and_footer_chrome_dropped_story_kept():
    text = "\n".join([
        "某某天气: 晴 25℃",
        "您当前的位置 : > 新闻中心 > 正文",
        "全区召开安全生产工作会议",
        "发布时间:2024-01-02 浏览次数: 356",
        "全区召开安全生产工作会议",
        "会议现场",
        "1月1日，区委书记主持召开会议。联系电话是会议提到的一项内容。",
        "会议强调，要压实安全生产责任。",
        "全区召开安全生产工作会议",
        "责编: 某某",
        "苏ICP备10099057号-3 互联网新闻信息服务许可证:32120210007",
        "版权所有 某某区融媒体中心 联系电话:0519-86571031",
        "苏公网安备32041202001025号",
        "党史学习",
    ])
    d = ingest(text)
    assert d.clean.splitlines() == ["全区召开安全生产工作会议", "1月1日，区委书记主持召开会议。联系电话是会议提到的一项内容。",
                                    "会议强调，要压实安全生产责任。"]
    assert d.metadata.published == "2024-01-02"


def test_links_to_other_articles_after_the_story_are_dropped_however_long():
    text = "\n".join([
        "全区召开安全生产工作会议",
        "1月1日，区委书记主持召开会议。",
        "会议强调，要压实安全生产责任。",
        "相关推荐 -",
        "- 某某文旅活动迎四海- 甲省各界群众纷纷收听收看盛况 为祖国自豪- 乙地转型综合改革示范区土地管理局国有建设用地使- 牵手某某!“甲省造”电脑",
        "- 某地小伙儿,擎旗走过广场",
    ])
    assert ingest(text).clean.splitlines() == ["全区召开安全生产工作会议", "1月1日，区委书记主持召开会议。",
                                               "会议强调，要压实安全生产责任。"]
    forum = "\n".join(["1月1日，区委书记主持召开会议。会议强调，要压实安全生产责任。", "楼主热帖", "[某市资讯] 冻不住的产业"])
    assert ingest(forum).clean.splitlines() == ["1月1日，区委书记主持召开会议。会议强调，要压实安全生产责任。"]


def test_a_news_recommendation_heading_ends_the_story():
    # `新闻推荐`: the site's other reports follow, with their own places and meetings
    text = "\n".join(["1月1日，区委书记主持召开会议。", "会议强调，要压实安全生产责任。", "新闻推荐",
                      "某某报讯(记者某某)3月2日，某市召开文化工作会议。"])
    assert ingest(text).clean.splitlines() == ["1月1日，区委书记主持召开会议。", "会议强调，要压实安全生产责任。"]


def test_a_column_of_the_sites_headlines_after_the_story_ends_it():
    # `今日看点`, `猜你喜欢`: bulleted headlines of other reports, with their own places
    for heading in ("今日看点", "猜你喜欢", "延伸阅读"):
        text = "\n".join(["1月1日，区委书记主持召开会议。", "会议强调，要压实安全生产责任。", "", heading, "",
                          "  • 甲市一货车侧翻致2人受伤", "  • 乙县破获一起诈骗案"])
        assert ingest(text).clean.splitlines() == ["1月1日，区委书记主持召开会议。", "会议强调，要压实安全生产责任。"], heading


def test_a_sentence_with_a_boilerplate_word_is_kept():
    line = "会议通报了版权所有单位和联系电话登记工作的推进情况，要求各地抓好落实，确保按期完成各项目标任务并及时报送有关情况。"
    assert ingest(line).clean == line


def test_whitespace_normalised():
    d = ingest("  市长主持会议。\r\n\r\n\u3000\u3000会议  强调\t要压实责任。  \n")
    assert d.clean == "市长主持会议。\n会议 强调 要压实责任。"


def test_full_width_digits_and_letters_are_read_as_ascii_one_for_one():
    # a page that sets its digits full-width (`１２月３日`) says the same date as one with ASCII digits; the
    # full-width punctuation stays, and every clean character still maps to its one source character
    text = "某县召开会议\n发布时间：２０２３年０５月０６日\n５月５日，县长主持召开ＬＮＧ安全会议，部署工作。"
    d = ingest(text)
    assert "5月5日，县长主持召开LNG安全会议，部署工作。" in d.clean
    assert d.metadata.published == "2023-05-06"
    i = d.clean.index("LNG")
    assert d.original[d.starts[i]:d.ends[i]] == "Ｌ"


def test_character_references_and_images_left_in_a_plain_text_are_read_as_text():
    # a page copied out of its markup keeps `&nbsp;` before its paragraphs and its images as Markdown: the story
    # and its byline read as they would without them, each clean character still mapped into the source
    plain = "某县召开安全生产工作会议\n本报讯(记者 甲乙)5月5日，县长主持召开会议，部署工作。\n会议要求压实责任。"
    spoilt = ("某县召开安全生产工作会议\n&nbsp;&nbsp;本报讯(记者&nbsp;甲乙)5月5日，县长主持召开会议，部署工作。\n"
              "![](http://www.example.gov.cn/images/1.jpg)\n&#12288;会议要求压实责任&amp;落实。")
    a, b = ingest(plain), ingest(spoilt)
    assert b.metadata.reporters == a.metadata.reporters == ["甲乙"]
    assert "&" not in b.clean.replace("&落实", "") and "![" not in b.clean
    assert b.clean.startswith(a.clean.split("\n会议")[0])
    i = b.clean.index("&落实")
    assert b.original[b.starts[i]:b.ends[i]] == "&amp;"
    # a name that is no character reference stays as written
    assert "&abc;" in ingest("5月5日，县长主持召开会议，部署安全生产工作。&abc;").clean


def test_markdown():
    d = ingest("# 全县召开会议\n\n> 发布时间：2023-01-02\n\n县长**主持**召开会议，[详情](http://x.cn)。\n", "a.md")
    assert d.clean == "全县召开会议\n县长主持召开会议，详情。"
    assert d.metadata.title == "全县召开会议"
    assert d.metadata.published == "2023-01-02"


# --- never a traceback ----------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graph_loader.ingest import Rejection  # noqa: E402

_PIECES = st.sampled_from(["<p>", "</p>", "<div class='content'>", "</div>", "<br>", "&amp;", "&#x5B89;", "&bogus",
                           "<script>", "</script>", "<h1>", "</h1>", "市长主持会议。", "會(huì)", "?;?", "\ufffd",
                           "发布时间：2024-01-02", "（记者 王俊）", "\n", " ", "<!--", "-->", "<", ">", "&"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from(["a.html", "a.txt", "a.md"]))
def test_any_markup_soup_gives_a_document_or_a_rejection(pieces, name):
    text = "".join(pieces)
    d = ingest_bytes(text.encode("utf-8"), Path(name))
    assert isinstance(d, (Document, Rejection))
    if isinstance(d, Document):
        assert len(d.starts) == len(d.clean)
        assert all(0 <= s <= e <= len(d.original) for s, e in zip(d.starts, d.ends, strict=True))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_a_rejection(data):
    d = ingest_bytes(data, Path("x.txt"))
    assert isinstance(d, (Document, Rejection))
    if isinstance(d, Rejection):
        assert d.reason and d.path == "x.txt"


def test_a_date_line_dropped_as_boilerplate_is_read_as_a_header_line():
    # a long keyword line (taken for the story's start), two lines without a full stop, then the source line
    # with the date: the first paragraph is the story's line after it, the date line a header's
    keywords = "最新资讯在线观看一区二区,专题精品免费网站,综合频道视频在线观看,热门推荐一区二区三区,地方新闻精品视频在线观看免费,一区二区"
    text = (keywords + "\n本地新闻\n全县防汛安全工作会议召开\n来源:某某新闻网 作者:张某,李某 2019-05-11 16:20\n"
            "某某新闻网讯(记者 张某)5月10日晚,某县召开全县防汛安全工作会议,部署工作。会议要求压实责任。")
    assert ingest(text).metadata.published == "2019-05-11"


def test_a_short_row_of_cells_in_the_story_is_kept_and_a_bar_menu_above_it_dropped():
    text = ("本网|本地|国内|国际\n某县召开安全生产工作会议\n1月5日,某县召开会议,部署工作。分组如下。\n"
            "第一组|张某某|县应急局|局长\n会议要求压实责任。\n")
    d = ingest(text)
    assert "国际" not in d.clean and "第一组|张某某|县应急局|局长" in d.clean


def test_a_breadcrumb_of_short_steps_is_dropped_whatever_it_opens_with():
    text = "某某新闻网 >> 政务频道 >> 本地要闻\n某县召开安全生产工作会议\n1月5日,某县召开会议,部署工作。会议要求压实责任。\n"
    d = ingest(text)
    assert "政务频道" not in d.clean and d.metadata.menu == "某某新闻网 >> 政务频道 >> 本地要闻"
    # one mark is no breadcrumb (`更多>>`), nor is a sentence
    assert "更多>>" in ingest("更多>>\n" + text.split("\n", 1)[1]).clean


def test_a_long_run_together_row_above_the_breadcrumb_is_the_menu_not_the_title():
    # the scrape lost the separators of the site's column links: no mark, no space, longer than a headline
    row = "首页要闻财经汽车房产教育体育旅游健康科技化工交通运输建筑农业环保视频图片专题手机版"
    text = (row + "\n当前位置:某某资讯网>行业>能源>正文\n某县召开安全生产工作会议\n"
            "1月5日,某县召开会议,部署工作。会议要求压实责任。\n")
    d = ingest(text)
    assert "交通运输" not in d.clean and d.metadata.title == "某县召开安全生产工作会议"
    assert d.metadata.menu is not None and row in d.metadata.menu
    # a headline above the breadcrumb stays, and so does a long row where the page has no breadcrumb
    short = "某县召开安全生产工作会议\n当前位置:某某资讯网>行业>能源>正文\n1月5日,某县召开会议,部署工作。会议要求压实责任。\n"
    assert "某县召开安全生产工作会议" in ingest(short).clean
    assert row in ingest(row + "\n" + text.split("\n", 2)[2]).clean


def test_a_line_break_that_cuts_a_word_is_no_paragraph_end():
    # a page breaks lines inside its sentences (`<br>` in a paragraph): where the break cuts an ordinary word
    # (安全生|产, 主|持, 总|书记) the line goes on; a break between two whole words or under a one-character line
    # stays, and each clean character still maps to its source
    text = ("某县召开安全生产工作会议\n5月5日，某县召开安全生\n产工作会议，会议由副县长甲某主\n持，"
            "传达学习总\n书记重要指示精神。\n会议现场\n会议强调，要压实责任。\n大\n中\n小")
    d = ingest(text)
    assert "5月5日，某县召开安全生产工作会议，会议由副县长甲某主持，传达学习总书记重要指示精神。" in d.clean
    assert "会议现场\n会议强调" in d.clean or "会议现场" not in d.clean
    i = d.clean.index("产工作")
    assert d.original[d.starts[i]:d.ends[i]] == "产"
    from graph_loader.ingest.unwrap import broken_word_edits

    assert broken_word_edits("会议现场\n会议强调，要压实责任。") == []
    assert broken_word_edits("大\n中\n小") == []
    assert broken_word_edits("全县上下要落实\n安全责任。") == []  # 落实 | 安全: two whole words


def test_a_stray_space_that_cuts_a_word_goes_and_separators_stay():
    # a scraped page leaves spaces inside words (`安 全生产`, `副县 长`); they go where the space cuts an ordinary
    # word, while a byline's or a list's spaces between names, a letter-spaced heading and spaces between whole
    # words stay
    text = ("某县召开安全生产工作会议\n记者 甲某 乙某\n安 全 生 产\n5月5日，某县召开安 全生产工作会议，"
            "会议由副县 长丙某主 持，传达学习总书 记重要指示精神，部署国 庆假期工作。")
    d = ingest(text)
    assert "某县召开安全生产工作会议，会议由副县长丙某主持，传达学习总书记重要指示精神，部署国庆假期工作。" in d.clean
    assert d.metadata.reporters == ["甲某", "乙某"]
    from graph_loader.ingest.unwrap import broken_word_edits

    assert broken_word_edits("记者 甲某 乙某") == []
    assert broken_word_edits("安 全 生 产") == []
    assert broken_word_edits("办好艺术节 庆祝建校周年") == []  # 艺术节 | 庆祝: two whole words
    assert broken_word_edits("【字号 大 中 小】") == []  # a character between spaces: a menu
    assert ingest("会议要求压实责任。\n会 后，县长带队检查企业。").clean.endswith("会后，县长带队检查企业。")


def test_a_line_break_after_a_tying_character_or_before_one_joins_the_sentence():
    # a story line ending in a character that ties what follows (的, 和, 对…) or followed by one opening with a tie
    # of what precedes (的, 等, 了…) is one sentence cut by the page; a paragraph that lost its full stop (ending a
    # whole word) and a line ending in an ordinary word that ends with such a character (积极应对) stay lines
    text = ("某县召开安全生产工作会议\n发布时间：2023-05-06\n5月5日，某县召开安全生产工作会议，县长甲某主持。\n"
            "会议传达学习了上级关于安全生产的\n重要指示精神，各乡镇和\n县直部门负责人、企业负责人参加了本次会议\n"
            "会议强调，要压实安全责任，积极应对\n汛期风险。\n县应急局、县住建局\n等部门作了发言。\n"
            "会议要求，各乡镇各部门要立即开展安全隐患大排查，对排查出的问题建立台账，限期整改到位。\n"
            "会议指出，今年以来全县安全生产形势总体平稳。\n会议还研究了其他事项。\n"
            "会后，县长甲某带队深入企业检查安全生产工作，要求企业落实主体责任，确保不发生事故。")
    d = ingest(text)
    assert "会议传达学习了上级关于安全生产的重要指示精神，各乡镇和县直部门负责人、企业负责人参加了本次会议\n会议强调" in d.clean
    assert "积极应对\n汛期风险。" in d.clean
    assert "县应急局、县住建局等部门作了发言。" in d.clean
    i = d.clean.index("重要指示")
    assert d.original[d.starts[i]:d.ends[i]] == "重"
    # a line ending in a piece of one to three characters after a comma or `、` is cut in a list or a clause; a
    # numbered heading of that length is not
    listed = ingest(text.replace("县应急局、县住建局\n等部门作了发言。", "副县长甲某、乙\n某出席会议，丙\n某主持。\n二、背景\n"
                                                                    "今年以来，全县安全生产形势平稳。"))
    assert "副县长甲某、乙某出席会议，丙某主持。\n二、背景\n今年以来" in listed.clean


def test_a_page_that_sets_each_clause_on_a_line_of_its_own_reads_as_sentences():
    # a page hard-wrapped at its commas (`…，` over the next clause) cuts each sentence into lines; no paragraph,
    # headline or date line ends in a comma or `、`, so the run of such lines is one line with the sentence that
    # closes it, the first paragraph's opening clause (`3月2日，`) too; a line ending in a full stop stays a line
    text = ("某县召开安全生产工作会议\n发布时间：2023-03-03\n3月2日，\n某县召开安全生产工作会议，\n"
            "县长甲某主持，\n副县长乙某、\n丙某出席。\n会议强调，\n要压实安全责任。\n会议要求各乡镇立即开展隐患排查。")
    d = ingest(text)
    assert d.clean.splitlines() == ["某县召开安全生产工作会议",
                                    "3月2日，某县召开安全生产工作会议，县长甲某主持，副县长乙某、丙某出席。",
                                    "会议强调，要压实安全责任。", "会议要求各乡镇立即开展隐患排查。"]
    assert d.metadata.title == "某县召开安全生产工作会议" and d.metadata.published == "2023-03-03"
    # a clause line with no sentence below it (a footer's `责任编辑：甲某，`) joins nothing
    assert ingest("会议要求各乡镇立即开展隐患排查。\n责任编辑：甲某，\n审核：乙某").clean.endswith("隐患排查。")


def test_a_line_break_between_two_whole_words_joins_where_the_sides_cannot_end_or_open_a_line():
    # a hard wrap between two whole words: the line before ends in what awaits the next (a post its holder's name,
    # a verb with `了` its object, a date in mid-sentence its event, an open `《` or bracket its close) or the next
    # opens with what needs the line before (a role verb with no subject, a meeting noun continuing a name), or a
    # name is cut next to a post; a paragraph that lost its full stop, a headline ending in a post over a line
    # opening a sentence, and a line ending in an ordinary word over `某书记强调` stay lines
    head = "某县召开安全生产工作会议\n发布时间：2023-05-06\n"
    # paragraphs a line, as most pages set them (no common width: no hard-wrapped page, ingest's unwrap leaves it)
    tail = ("\n会议指出，今年以来全县安全生产形势总体平稳，但风险隐患依然不少，各级各部门务必保持清醒头脑。\n"
            "会议强调，要严格落实安全生产责任制，党政同责、一岗双责、齐抓共管、失职追责，确保责任落实到位。\n"
            "会议要求，各乡镇各部门要立即开展安全隐患大排查，对排查出的问题建立台账，限期整改到位。\n"
            "会后，县长带队深入企业检查安全生产工作，要求企业落实主体责任，确保不发生较大以上事故。")
    text = (head + "5月5日，某县召开全县安全生产电视\n电话会议，副县长\n张某明主持会议，常务副县长李\n"
            "某华出席会议并讲话，王某强\n主持。\n会议传达了\n上级会议精神，学习了《某省安全生产\n责任制规定》，要求各乡镇于6月1日\n"
            "开展隐患排查，贯彻习近\n平总书记重要指示。" + tail)
    d = ingest(text)
    assert ("5月5日，某县召开全县安全生产电视电话会议，副县长张某明主持会议，常务副县长李某华出席会议并讲话，王某强主持。\n"
            "会议传达了上级会议精神，学习了《某省安全生产责任制规定》，要求各乡镇于6月1日开展隐患排查，"
            "贯彻习近平总书记重要指示。\n会议指出") in d.clean
    kept = ingest(head + "5月5日，某县召开安全生产工作会议，县长甲某主持。\n会议安排部署了全县安全生产工作\n"
                  "会议强调，要压实责任，抓好安全\n王书记强调，要严防事故，确保全县安全生产形势持续稳定向好。\n"
                  "会议还研究了其他事项。" + tail)
    assert "安全生产工作\n会议强调，要压实责任，抓好安全\n王书记强调" in kept.clean
    # a cut first paragraph, running text over the story's first sentence, joins too
    first = ingest(head + "某县召开会议，传达省长甲某在5月5日\n全省会议上的讲话精神。" + tail)
    assert "传达省长甲某在5月5日全省会议上的讲话精神。" in first.clean
    # a line ending in a post over one that opens no name stays a line
    assert "约谈校长\n到2025年" in ingest("会议要求落实责任。\n近视率连年增将约谈校长\n到2025年，全县力争降低近视率。\n"
                                        "会议还研究了其他事项。" + tail).clean


def test_a_page_that_lost_its_line_breaks_keeps_its_headline_and_date_line_apart_from_the_story():
    # a scrape that loses the page's line breaks runs breadcrumb, headline, date line and story into one line; the
    # tokens made of date-line fields (a label and its value, a date, a time) are the date line, what stands before
    # them the headline (after the breadcrumb's last crumb), what follows them the story: the date is the page's,
    # the headline's meeting no sentence of the story
    story = "5月5日上午，某县召开安全生产工作会议，县长甲某主持。会议强调，要压实安全责任。"
    for head in ("首页 > 新闻中心 > 工作动态 某县召开安全生产工作会议 来源:某县应急局 发布时间:2023-05-06 10:20 ",
                 "某县召开安全生产工作会议  2023-05-06 10:20:31来源:某某网  【字体:打印  ",
                 "当前位置:首页 > 政务> 某县召开安全生产工作会议 作者:佚名发布时间:2023-05-06  "):
        d = ingest(head + story)
        assert d.metadata.title == "某县召开安全生产工作会议", head
        assert d.metadata.published == "2023-05-06", head
        assert d.clean.splitlines()[-1] == story, head
    # no date line: mark-free tokens before a token that opens a story (a day, a dateline `某某网讯`, `本报讯`, a
    # bracketed byline) are the headline; after a date line too (`发表于 2023-05-06 10:20 某县召开… 本报讯…`)
    for head, opening in (("某县召开安全生产工作会议 压实责任 守牢底线 ", ""),
                          ("某县召开安全生产工作会议 ", "某某网讯(记者 乙某) "),
                          ("某某论坛 发表于 2023-05-06 10:20 某县召开安全生产工作会议 ", "本报讯 ")):
        d = ingest(head + opening + story)
        assert d.clean.splitlines()[-1] == opening + story, head
    # a writer's name after the date line's source, too short for a headline, is the date line's
    d = ingest("某县召开安全生产工作会议 2023-05-06 10:20 来源:某某日报 张丽 " + story)
    assert d.metadata.reporters == ["张丽"] and d.clean.splitlines()[-1] == story
    # the footer's labels run into the last paragraph after its closing byline open lines of their own
    d = ingest("某县召开安全生产工作会议\n" + story + "(记者 王晓东)来源:某某日报 责任编辑:李四")
    assert d.metadata.reporters == ["王晓东"] and d.metadata.source == "某某日报"
    assert d.clean.splitlines()[-1] == story + "(记者 王晓东)"
    # a dateline `某某网消息` opens the story (no headline before it); a footer already on lines of its own, and a
    # long date line with no story after it, are left as they are
    from graph_loader.ingest.layout import run_on_footer_edits, run_on_header_edits

    assert run_on_header_edits("某某新闻网消息 " + story) == []
    assert run_on_footer_edits(story + "\n\n来源:某某日报") == []
    line = "某某县人民政府门户网站: www.example.gov.cn 发布时间:2023-05-06 10:20:31 发布者:admin 浏览次数:1234 字号:[大] [中] [小]"
    assert len(line) > 60 and run_on_header_edits(line) == []
    # a byline before the day is no headline; a line with neither date line nor story opening is left as it is
    assert ingest("记者 乙某 报道 " + story).clean.splitlines()[-1] == "记者 乙某 报道 " + story
    assert ingest("压实责任 守牢底线 " + story.replace("5月5日上午，", "")).clean.startswith("压实责任 守牢底线 某县")


def test_a_list_of_other_articles_with_their_dates_is_no_part_of_the_story():
    # below the story a page lists other articles' headlines with their dates, under a heading or none, marked or
    # not: they leave the story (their places and meetings are other reports') and their dates are not the page's;
    # a single signature line with a date stays
    story = ["某区召开安全生产工作会议", "发布时间：2022-03-04", "3月3日，区委书记甲某主持召开会议。",
             "会议强调，要压实安全生产责任。"]
    links = ["• 某市召开防汛工作会议 2019-06-12", "某县开展森林防火宣传活动 2019-05-02",
             "· 甲省应急管理厅召开党组会议 2019-04-20"]
    for tail in (links, ["今日看点", *links[1:]], ["【打印】【关闭】", "责任编辑：某某", *links]):
        d = ingest("\n".join(story + tail))
        assert d.clean.splitlines()[-1] == "会议强调，要压实安全生产责任。", tail
        assert d.metadata.published == "2022-03-04"
    for heading in ("今日看点", "猜你喜欢", "延伸阅读"):  # headings of the list in other words pages use
        d = ingest("\n".join(story + [heading, "• 某市两车相撞致3人受伤", "• 甲省召开防汛工作会议"]))
        assert d.clean.splitlines()[-1] == "会议强调，要压实安全生产责任。", heading
    undated = ingest("\n".join(["某区召开安全生产工作会议", "3月3日，区委书记甲某主持召开会议。",
                                "会议强调，要压实安全生产责任。", *links[1:]]))
    assert undated.metadata.published is None
    signed = ingest("\n".join(["3月3日，区委书记甲某主持召开会议。", "会议强调，要压实安全生产责任。",
                               "某区应急管理局 2022-03-04"]))
    assert signed.metadata.published == "2022-03-04"


def test_a_list_of_dated_links_is_no_hard_wrapped_paragraph():
    # lines of one width that each end in a date are a page's list of links, not a paragraph cut at a column
    from graph_loader.ingest.unwrap import unwrap_edits

    links = [f"• 某地召开第{n}季度安全生产形势分析会议 2019-0{n}-12" for n in range(1, 6)]
    assert unwrap_edits("\n".join(["3月3日，区委书记甲某主持召开会议。", *links])) == []


def test_a_menu_row_between_two_breadcrumbs_is_dropped():
    # a page with the site's path above its menu row and the column's path below it: the run-together menu row
    # (long, no mark, no space) above the last breadcrumb is the menu's
    text = "\n".join(["首页 > 新闻中心 > 工作动态", "新闻财经汽车房产教育体育旅游健康科技文化图片视频论坛博客手机版",
                      "当前位置：某某网 > 新闻 > 正文", "某区召开安全生产工作会议", "3月3日，区委书记甲某主持召开会议。"])
    assert ingest(text).clean.splitlines() == ["某区召开安全生产工作会议", "3月3日，区委书记甲某主持召开会议。"]
