"""Bylines, editors and date lines of the genre's real pages, one rule at a time, on made-up articles.

Every name, outlet and date below is invented; each case is a shape that news pages use (see
graph_loader/ingest/metadata.tsv for the rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_loader.ingest import Document, ingest_bytes
from graph_loader.ingest.metadata import bare_names, names_in

STORY = "5月5日，市长主持召开会议，部署安全生产工作。会议要求压实责任，确保安全。"


def ingest(text: str, name: str = "a.txt") -> Document:
    d = ingest_bytes(text.encode("utf-8"), Path(name))
    assert isinstance(d, Document), d
    return d


# --- reporters ---------------------------------------------------------------------

@pytest.mark.parametrize("text,reporters", [
    # a role word, then names with a space, closing the article (no parenthesis)
    (f"{STORY}\n记者 郑好 见习记者 卓玛次仁", ["郑好", "卓玛次仁"]),
    # a surname set apart from its given name is one name
    (f"{STORY}\n记者 何 平", ["何平"]),
    (f"{STORY}\n記者 劉 丹", ["刘丹"]),
    # 通讯员 with a colon, an editor credit after a slash on the same line
    (f"{STORY}\n通讯员:赵一鸣 钱多多 /责编:孙立新", ["赵一鸣", "钱多多"]),
    # a byline of bare names between the title and the date line
    (f"某县召开安全生产工作会议\n周大为 吴小雨\n2021-05-06 10:20\n来源:某某新闻网\n{STORY}", ["周大为", "吴小雨"]),
    # a role word set with spaces between its characters to the width of the next line's
    (f"■通 讯 员 庞小龙\n融媒体记者 柯 平\n本报讯 {STORY}", ["庞小龙", "柯平"]),
    # a bare name closing the article
    (f"{STORY}\n许小婷", ["许小婷"]),
    # names in 【】 after the outlet and the role word
    (f"某县召开安全生产工作会议\n【某某融媒记者 冯一鸣 陈二妹】{STORY}", ["冯一鸣", "陈二妹"]),
    # an unbracketed byline ending in 报道, before the dateline
    (f"□记者 韩立 报道 本报杭州3月4日讯 今天上午，{STORY}", ["韩立"]),
    # a closing parenthesis that a line break split
    (f"{STORY}(本报记者\n韩梅梅)\n|", ["韩梅梅"]),
    # a colon after the role word inside the closing parenthesis
    (f"{STORY}(记者:江小一 陈大二)", ["江小一", "陈大二"]),
    # an author credit line, and 作者 after the source on one line
    (f"某县召开安全生产工作会议\n文/图 孔亮亮\n{STORY}", ["孔亮亮"]),
    (f"某县召开安全生产工作会议\n来源:某某日报 作者:严明明\n{STORY}", ["严明明"]),
    # a credit word before a surname that is the same character is a name (文经丰), not 文 + 经丰
    (f"{STORY}(文经丰)", ["文经丰"]),
    # credit marks set to names with a slash, before or after them, and a pipe after the credit
    (f"{STORY}(文/柯小舟 图/庞大海)", ["柯小舟", "庞大海"]),
    (f"{STORY}\n(图/庞 海 文/柯小舟)", ["柯小舟", "庞海"]),  # the slash credit is read first, then the parenthesis
    (f"{STORY}\n文/柯小舟 图/庞大海 编辑/苗一禾", ["柯小舟", "庞大海"]),
    (f"{STORY}\n(柯小舟 庞大海/文 苗一禾/图)", ["柯小舟", "庞大海", "苗一禾"]),
    (f"{STORY}\n柯小舟 庞大海 文/图", ["柯小舟", "庞大海"]),
    (f"某县召开安全生产工作会议\n文 | 柯小舟\n{STORY}", ["柯小舟"]),
    # text, picture and camera credits; a role word after a page's bullet mark
    (f"{STORY}\n文字:柯小舟 图片:庞大海", ["柯小舟"]),  # a picture credit names no reporter
    (f"{STORY}\n文字:全媒体记者 柯小舟 通讯员 庞大海", ["柯小舟", "庞大海"]),  # a role word after the colon
    (f"{STORY}(全媒体记者 柯小舟)", ["柯小舟"]),  # 全媒体 is the role word's, not a name
    (f"{STORY}(特派记者 柯小舟 驻站记者 庞大海)", ["柯小舟", "庞大海"]),
    (f"{STORY}\n出镜记者:柯小舟 特约通讯员:庞大海", ["柯小舟", "庞大海"]),
    # a closing parenthesis with a source's parenthesis after it
    (f"{STORY}(记者 柯小舟 庞大海 )(来源:某某广电站)\n点击进入首页", ["柯小舟", "庞大海"]),
    # a body and its writer in a parenthesis opening the first paragraph
    (f"某县召开安全生产工作会议\n(某某区外宣办 柯小舟)5月9日，{STORY}", ["柯小舟"]),
    # a name glued to the last full stop, alone or after its writer's places
    (f"{STORY}柯小舟\n下一篇: 某县召开会议", ["柯小舟"]),
    (f"{STORY}某某县某某镇柯小舟\n|", ["柯小舟"]),
    # bare names after the source's body, before the date label
    (f"某县召开安全生产工作会议\n信息来源:某某镇 柯小舟 庞大海 发布日期:2017-12-14 浏览次数:12\n{STORY}",
     ["柯小舟", "庞大海"]),
    # a manuscript credit with its colon
    (f"{STORY}\n文稿:柯小舟\n编辑:庞大海", ["柯小舟"]),
    # ... or ending the date line (the page names its writer after the paper)
    (f"某县召开安全生产工作会议\n2020-01-21 11:55:32 来源:某某日报 柯小舟\n{STORY}", ["柯小舟"]),
    (f"某县召开安全生产工作会议\n2020-01-21 来源:某某日报 柯小舟 庞大海\n{STORY}", ["柯小舟", "庞大海"]),
    (f"{STORY}\n(记者 柯小舟 摄像 庞大海)", ["柯小舟", "庞大海"]),
    (f"★记者 柯小舟\n{STORY}", ["柯小舟"]),
    # a writer's credit sharing its colon with a camera credit, as the story's last line
    (f"{STORY}\n撰稿、摄像:柯小舟", ["柯小舟"]),
    # a closing parenthesis crediting the writer and the reviewers: the writer only
    (f"{STORY}\n会议强调压实责任。(撰稿:柯小舟,初审:庞大海、苗一禾,终审:何一平)\n上一篇:某县召开会议", ["柯小舟"]),
    # a name without a surname of the list closing the article
    (f"{STORY}(扎西顿珠)", ["扎西顿珠"]),
    # a compiled or joint report: the word before 报道 is no name
    (f"{STORY}\n(本报记者 柯小舟 综合报道)", ["柯小舟"]),
    (f"{STORY}(柯小舟 庞大海 联合报道)", ["柯小舟", "庞大海"]),
    # the byline in brackets after 某某消息 or 某镇供稿
    (f"某某网消息(记者柯小舟 通讯员庞大海、苗一禾){STORY}", ["柯小舟", "庞大海", "苗一禾"]),
    (f"某某镇供稿(柯小舟){STORY}", ["柯小舟"]),
    # a lost space (`?`) between the names of a credit
    (f"{STORY}\n\n(文/图?柯小舟?庞大海?苗一禾)", ["柯小舟", "庞大海", "苗一禾"]),
    # two names whose space the page lost, right after their role word; of two readings of five characters the
    # second name opening with the commoner surname (李 before 小)
    (f"某某日报讯(记者/柯小舟通讯员/庞海李小禾){STORY}", ["柯小舟", "庞海", "李小禾"]),
    (f"某某日报讯(通讯员 庞大海苗一禾){STORY}", ["庞大海", "苗一禾"]),
    # the author field glued to the page's next widget (no colon, a full stop in the widget's text)
    (f"{STORY}\n作者:柯小舟评论内容只代表网友观点,与本站立场无关!\n评论摘要(共 0 条)", ["柯小舟"]),
    (f"某县召开安全生产工作会议\n2021-05-06 作者:柯小舟点击数:12\n{STORY}", ["柯小舟"]),
    # a transliterated name whatever dot the page set (read with ·)
    (f"{STORY}\n记者 阿依•买买提 通讯员 柯小舟", ["阿依·买买提", "柯小舟"]),
])
def test_bylines(text, reporters):
    assert ingest(text).metadata.reporters == reporters


@pytest.mark.parametrize("text", [
    f"某县召开安全生产工作会议\n王明 李强\n{STORY}",  # bare names with no date or source line beside them
    f"{STORY}\n打印 关闭",  # page tools, not names
    f"{STORY}\n相关阅读",
    "某县召开安全生产工作会议\n来源: 作者: 日期:2024-02-26\n" + STORY,  # an empty label is not a name
    f"{STORY}(芗城区应急局) |",  # a body closing the article
    f"某县召开安全生产工作会议\n来源:某某网 发布时间:2023-12-17 作者:佚名\n{STORY}",  # an anonymous credit
    f"某县召开安全生产工作会议\n2020-10-22 08:00:00 来源:某县政府 作者:消息 责任编辑:某某\n{STORY}",  # a news credit
    f"{STORY}(县融媒)",  # a body of a level closing the article
    f"{STORY}(市应急)",
    f"某某网消息(新闻联播):{STORY}",  # a programme's name after 消息, no role word and no name's shape
    f"{STORY}全县各",  # a text cut short after a full stop: a level character is in no glued name
    f"{STORY}尤其是",  # ... nor an ordinary word opening the cut sentence
    # an excerpt cut after a parenthesis glued to a word: the story's own aside, no closing credit
    f"{STORY}要抓好“三项行动”(道路交通专项整治、危险化学品综合整治)",
    f"某县召开安全生产工作会议\n来自:某某日报 作者:江城要闻 访问量:12\n{STORY}",  # a page section as the author
    f"某县召开安全生产工作会议\n2020-01-21 来源:某某日报 某某新闻网\n{STORY}",  # a second outlet, no name
])
def test_not_bylines(text):
    assert ingest(text).metadata.reporters == []


def test_editors_go_to_their_own_list():
    d = ingest(f"{STORY}\n编辑:兰小清 编审:赖小琼 监制:林大山 总监制:陈小华")
    assert d.metadata.editors == ["兰小清", "赖小琼", "林大山", "陈小华"]
    assert d.metadata.reporters == []
    d = ingest(f"某地召开安全生产工作会议\n2019-04-23 09:58:46??来源: 责任编辑:王大伟 我来说两句 |\n{STORY}")
    assert d.metadata.editors == ["王大伟"]
    assert d.metadata.published == "2019-04-23"
    # a photographer's name under the last picture, closed by 摄, is no reporter
    d = ingest(f"{STORY}市长讲话。  庞小龙 摄")
    assert d.metadata.reporters == []
    assert d.metadata.editors == ["庞小龙"]


def test_name_helpers():
    assert names_in("记者 张三 通讯员 李四") == ["张三", "李四"]
    assert names_in("付小婷 报道 本报济南") == ["付小婷"]  # 报道 closes the run of names
    assert bare_names("周 玲 王小明") == ["周玲", "王小明"]
    assert bare_names("首页 新闻") == []
    assert bare_names("一 二 三 四 五 六") == []


# --- published date and dateline -----------------------------------------------------

@pytest.mark.parametrize("header,date", [
    ("29.11.2016 02:32", "2016-11-29"),  # day first, with dots
    ("某某新闻网 17.08.2015", "2015-08-17"),  # day first after the site's name
    ("某某论坛 发表于 2009-1-20 08:05:59", "2009-01-20"),  # a forum post's label
    ("某某门户网站 www.example.cn 2009年09月12日 来源:某某网", "2009-09-12"),  # the date before the source
    ("某某日报 2021年09月15日", "2021-09-15"),  # a paper's name, then the date
    ("2019年04月23日 10:21", "2019-04-23"),
    ("2019-04-23 10:21", "2019-04-23"),
    ("发布时间:2020-05-06", "2020-05-06"),
    ("來源:某某晚報 日期:2022-04-09 瀏覽量:", "2022-04-09"),  # traditional script
    ("發布時間：2019年04月23日", "2019-04-23"),
    ("发布人:【管理员】 来源:【新闻中心】 发布时间:【2019-04-15 15:59】 阅读次数:【32】", "2019-04-15"),  # in brackets
    ("某某网 2010-12-29 |", "2010-12-29"),  # a paper's name and the date before a column bar
    ("某某调查网  时间:03/24/2011 08:46:38   来源:某某日报", "2011-03-24"),  # month first with slashes (a US-order template)
])
def test_date_line_shapes(header, date):
    d = ingest(f"某县召开安全生产工作会议\n{header}\n{STORY}")
    assert d.metadata.published == date


def test_date_line_after_a_long_subtitle_without_a_full_stop():
    subtitle = "●深入学习贯彻重要指示精神和批示要求 ●认真贯彻落实全国全省安全生产电视电话会议精神 ●全面系统安排部署安全生产工作"
    d = ingest(f"某市召开常务会议\n{subtitle}\n来源:某某晚报 日期:2022-04-09 浏览量:\n{STORY}")
    assert d.metadata.published == "2022-04-09"


@pytest.mark.parametrize("bang", ["!", "！"])
def test_a_date_line_dropped_as_boilerplate_is_no_lead_line(bang):
    # a welcome line with `!` opens the story; the breadcrumb and the date line, dropped as boilerplate, do not
    # count among the lead lines before the first full stop, so the date line is still a header line; the banner
    # itself, dropped, is a header's line in either width of its `!` (`！` is a full stop of a kept line)
    d = ingest(f"欢迎光临某某新闻网{bang}\n关键字搜索\n当前位置: 主页 > 头条 >\n我县组织收听收看“5·10”事故警示教育大会\n"
               f"时间:2019-11-22 11:21来源:未知 作者:某某新闻网 点击:\n{STORY}")
    assert d.metadata.published == "2019-11-22"


def test_a_disclosure_pages_date_in_the_next_cell_of_its_table_is_the_date_line():
    # 政府信息公开 pages set their labels and values in table cells (`公开日期 | 2019-03-06 |`)
    d = ingest(f"索引号: | 000-2019-0009 | 公开责任部门 | 某局 |\n公开日期 | 2019-03-06 | 公开目录 | 工作动态 |\n{STORY}")
    assert d.metadata.published == "2019-03-06"


def test_a_footer_line_read_as_a_sentence_and_dropped_ends_no_story():
    # the site's footer (`网站标识码:… ICP备案序号:…`) is long enough to read as a sentence; dropped, the story ends
    # before it: the writer's body and name and the date line under the story are the footer's
    page = (f"{STORY}\n某县应急管理局 王大海\n2019年3月27日\n主办单位:某县人民政府 版权所有:某市人民政府办公室 网站地图\n"
            "网站标识码:2111220003 ICP备案序号:ICP备案序号: 辽ICP备13003879号-1 辽公网安备 21112202000001号\n"
            "联系电话:0427-3554789")
    d = ingest(page)
    assert (d.metadata.published, d.metadata.reporters) == ("2019-03-27", ["王大海"])


def test_a_body_and_its_writers_on_a_line_closing_the_article():
    assert ingest(f"{STORY}\n某某镇人民政府 王大海 李小兵").metadata.reporters == ["王大海", "李小兵"]
    # a body and a word that is no name: none
    assert ingest(f"{STORY}\n某县应急管理局 宣传教育").metadata.reporters == []


def test_a_line_of_lost_characters_opens_no_story():
    # `??` (a page's lost characters) is no sentence: the date line after it is still a header line
    d = ingest(f"今天是: 天气预报:\n??\n \n滚动消息\n \n您现在的位置:\n首页 >> 要闻\n \n某县组织收看全省安全生产工作电视电话会议\n\n"
               f"发布日期: 2018-07-06 11:31:09 字号:[ ]\n\n  本网讯  {STORY}")
    assert d.metadata.published == "2018-07-06"


def test_the_body_that_runs_the_site_is_read_as_its_host():
    d = ingest(f"某县召开安全生产工作会议\n{STORY}\n主办单位:某某县人民政府办公室网站标识码:1234567890 备案号")
    assert d.metadata.host == "某某县人民政府办公室"
    d = ingest(f"某某市新闻传媒中心 主办\n某县召开安全生产工作会议\n{STORY}")
    assert d.metadata.host == "某某市新闻传媒中心"
    assert ingest(f"某县召开安全生产工作会议\n{STORY}").metadata.host is None


def test_date_in_a_footer_junk_line_and_the_line_leaves_the_text():
    junk = "2018-09-19 某某出席 1 1 某某日报 c12345.html 1 某会议举行 /enpproperty-->"
    d = ingest(f"{STORY}\n{junk}")
    assert d.metadata.published == "2018-09-19"
    assert "enpproperty" not in d.clean


def test_dateline_with_a_year_is_the_published_date():
    d = ingest("某某网2019年4月23日讯(记者 张小三)今天上午，市长主持召开会议。会议要求压实责任。")
    assert d.metadata.published == "2019-04-23"
    assert d.metadata.dateline == "2019-04-23"
    d = ingest("本报讯(记者 张小三 2020年5月6日)市长主持召开会议。会议要求压实责任。")
    assert d.metadata.published == "2020-05-06"


def test_dateline_without_a_year_takes_the_date_line_year_or_none():
    d = ingest("某某日报\n2018年09月19日\n本报兰州9月18日讯(记者 张小三)今天上午，省安委会召开全体会议。会议要求压实责任。")
    assert (d.metadata.published, d.metadata.dateline) == ("2018-09-19", "2018-09-18")
    d = ingest("本报济南2月23日讯 今天下午，省政府召开视频会议。会议要求压实责任。")
    assert (d.metadata.published, d.metadata.dateline) == (None, "--02-23")


def test_dateline_that_lost_its_month_word():
    # `某某客户端1230日讯`: the page dropped 月 from the dateline; `今天` is still that day
    d = ingest("某某日报\n2020年12月31日\n某某客户端1230日讯(记者 张小三)今天全省会议召开。会议要求压实责任。")
    assert (d.metadata.published, d.metadata.dateline) == ("2020-12-31", "2020-12-30")


def test_a_labelled_date_line_glued_to_the_first_paragraph():
    d = ingest("某某网站时间:2023-03-11 11:20 浏览次数: 来源: 字号:[ 大 中 小 ]3月10日，督导组进驻我市。会议要求压实责任。")
    assert d.metadata.published == "2023-03-11"


def test_an_event_date_opening_the_story_is_not_the_date_line():
    d = ingest("本网讯 9月10日，全州安全生产工作电视电话会议召开。会议要求压实责任。")
    assert d.metadata.published is None and d.metadata.dateline is None


def test_a_kept_banner_with_a_site_domain_and_page_line_before_the_title_leaves_the_date_line_a_header_line():
    # `网站域名:` is a footer's line wherever it stands and `当前页面:` a breadcrumb: neither counts among the lead
    # lines, so the date line after the headline is still read
    d = ingest(f"欢迎进入某某市安全生产信息网!\n\n网站域名:www.example.com\n当前页面:首页 > 区县动态\n\n某某区召开党代会期间安全布置会\n\n"
               f"更新时间:2016-04-12 09:30:11  作者:某某 来源:某区某局  \n\nimgapp.jpg\n\n \n\n{STORY}")
    assert d.metadata.published == "2016-04-12"


def test_a_long_footer_line_ends_the_story_before_a_closing_date_line():
    # a page's footer longer than a sentence (`网站标识码… 某ICP备…号`) is no story line: the date line above it, after
    # the closing byline, is the footer's date line
    footer = "网站标识码:1234567890 ICP备案序号:某ICP备12345678号-1 某公网安备 12345678901234号 主办单位:某某县人民政府办公室"
    d = ingest(f"{STORY}\n某某县应急管理局 某某\n2018年5月9日\n{footer}\n")
    assert d.metadata.published == "2018-05-09"
