"""Reporters, incidents and inspections of real reports (issue 16), one genre rule at a time, on made-up
articles: every name, outlet, place and date below is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_loader.ingest import Document, ingest_bytes
from graph_loader.ingest.metadata import names_in

STORY = "5月5日，市长主持召开会议，部署安全生产工作。会议要求压实责任，确保安全。"
MORE = "会议强调，要坚决守住安全底线，扎实做好各项工作，为全年目标任务的完成提供坚实保障。"
SITE = "主办:某某县人民政府办公室,通信地址:某某县某某路8号,联系电话:0000-1234567,本网站违法和不良信息举报电话"


def ingest(text: str) -> Document:
    d = ingest_bytes(text.encode("utf-8"), Path("a.txt"))
    assert isinstance(d, Document), d
    return d


# --- reporters ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fragment,names", [
    ("某台记者张小明报道", ["张小明"]),  # outlet and role word glued to the name, 报道 glued after it
    ("记者 王一 李二 报道", ["王一", "李二"]),
    ("通讯员 赵强 钱峰", ["赵强", "钱峰"]),
    ("张三摄 李四摄", ["张三", "李四"]),
    ("文经丰", ["文经丰"]),  # a one-character credit before a two-character rest is a surname
])
def test_names_in_byline_fragments(fragment, names):
    assert names_in(fragment) == names


@pytest.mark.parametrize("text,reporters", [
    # a closing parenthesis in the footer with the outlet, role word and 报道 glued to the name
    (f"{STORY}\n(某某台记者周大伟报道)\n相关新闻", ["周大伟"]),
    # an outlet glued before the role word on a closing credit line
    (f"{STORY}\n某某日报社全媒体记者: 沈一凡/文\n责任编辑:郭二", ["沈一凡"]),
    # a parenthesis of its own line, followed by the site's long address lines
    (f"{STORY}\n{MORE}\n(蒋文斌)\n网站地图\n{SITE}。", ["蒋文斌"]),
    # a credit line of its own, followed by the site's long address lines
    (f"{STORY}\n{MORE}\n记者 蒋文斌 韩立\n责任编辑:郭二\n{SITE}。", ["蒋文斌", "韩立"]),
    # a bare name after the last full stop, set apart by spaces
    (f"{STORY}{MORE}   韩立新", ["韩立新"]),
    # 报道 glued to the name after 本报讯; a mark before the role word of a header line
    (f"某县召开会议\n本报讯 记者冯小刚报道 {STORY}", ["冯小刚"]),
    (f"某县召开会议\n□本报记者 冯小刚\n{STORY}", ["冯小刚"]),
    # an unbracketed byline after 本报讯, before the story's first words
    (f"某县召开会议\n某某网讯 记者冯小刚 通讯员杜明 近日，{STORY}", ["冯小刚", "杜明"]),
    # a compound surname set apart from the given name
    (f"{STORY}\n记者 欧阳 明", ["欧阳明"]),
    # an outlet glued before the role word, a space after it; a source label inside the closing parenthesis
    (f"某县召开会议\n某某日报记者 冯小刚\n{STORY}", ["冯小刚"]),
    (f"{STORY}\n(来源:某某日报 记者 冯小刚)", ["冯小刚"]),
    # a bare name between the date line's date and its source label
    (f"某县召开会议\n2023-05-06 10:20 冯小刚 来源:某某网\n{STORY}", ["冯小刚"]),
    # an unbracketed byline opening the first paragraph; bare names closing the article with 报道
    (f"某县召开会议\n通讯员 冯小刚 杜明 {STORY}", ["冯小刚", "杜明"]),
    (f"{STORY}\n冯小刚 杜明 报道", ["冯小刚", "杜明"]),
])
def test_closing_bylines(text, reporters):
    assert ingest(text).metadata.reporters == reporters


@pytest.mark.parametrize("text", [
    f"{STORY}\n{MORE}\n(图片来源网络)\n网站地图\n{SITE}。",  # a parenthesis naming no person
    f"{STORY}\n{MORE}\n(上接第一版)\n{MORE}",
    f"{STORY}{MORE}   打印本页",
    f"{STORY}\n责任编辑:郭二",  # an editor is no reporter
    f"{STORY}(作者单位：某某县应急管理局)",  # an author's unit names no one
    f"某县召开会议\n某某网讯 记者 近日 {STORY}",  # words after the role word that are no name
    f"某县召开会议\n2023-05-06 10:20 浏览次数 来源:某某网\n{STORY}",  # a page word, not a name
])
def test_no_reporter(text):
    assert ingest(text).metadata.reporters == []


# --- incidents ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,names", [
    # named without a code, inside the genre's frames: the name opens with its place
    ("会议通报了6月13日湖南某地燃气爆炸事故情况。", ["湖南某地燃气爆炸事故"]),
    ("要深刻汲取北京某某医院火灾事故教训。", ["北京某某医院火灾事故"]),
    ("要深刻吸取河北某某化工厂爆燃事故的惨痛教训。", ["河北某某化工厂爆燃事故"]),
    # codes with odd marks and quotes, kinds of natural disaster
    ("深刻汲取『7‧20』某地特大暴雨灾害教训。", ["7·20某地特大暴雨灾害"]),
    ("吸取“7·20”特大暴雨教训。", ["7·20特大暴雨"]),
    ("要以湖北某地燃气爆炸事故为鉴。", ["湖北某地燃气爆炸事故"]),
    ("学习《关于湖北某地燃气爆炸事故的通报》。", ["湖北某地燃气爆炸事故"]),  # frames nest
    ("会议传达了湖北某地燃气爆炸事故情况。", ["湖北某地燃气爆炸事故"]),
    # the reader's own place (我市, 本县) is no part of the name; a quoted four-digit code is one
    ("认真吸取我市“3·21”火灾事故教训。", ["3·21火灾事故"]),
    ("吸取本县“6.25”火灾事故教训。", ["6.25火灾事故"]),
    ("吸取“1128”爆炸事故教训。", ["1128爆炸事故"]),
    # a company, mine or site before the code is part of the name, with or without a place before it
    ("深刻吸取某某区甲乙金属制品有限公司“4.9”爆炸事故教训。", ["某某区甲乙金属制品有限公司4.9爆炸事故"]),
    ("会议通报了甲乙焦煤丙丁矿“3.28”特别重大透水事故情况。", ["甲乙焦煤丙丁矿3.28特别重大透水事故"]),
    ("吸取我县甲乙化工有限公司“5·9”爆炸事故教训。", ["甲乙化工有限公司5·9爆炸事故"]),
    ("召开甲乙沟煤矿 “6•21”较大透水事故调查情况通报会。", ["甲乙沟煤矿6·21较大透水事故"]),  # a stray space
    ("甲乙中和煤矿“11.27”溃水事故教训深刻。", ["甲乙中和煤矿11.27溃水事故"]),  # a cut character inside the name
    # an unquoted dotted code before the place of the name
    ("会议通报了11.24江西某某电厂冷却塔施工平台坍塌特别重大事故。", ["11.24江西某某电厂冷却塔施工平台坍塌特别重大事故"]),
    # no code: a short place and kind, or a grade of one incident
    ("要深刻吸取香港火灾教训。", ["香港火灾"]),
    ("要深刻汲取湖南某某高速较大道路交通事故教训。", ["湖南某某高速较大道路交通事故"]),
    # an earthquake named by its place and magnitude
    ("会议传达了四川泸定6.8级地震抗震救灾情况。", ["四川泸定6.8级地震"]),
    # a clause mark closes the frame
    ("会议通报了宁夏某某烧烤店燃气爆炸事故。", ["宁夏某某烧烤店燃气爆炸事故"]),
])
def test_incident_names(sentence, names):
    from graph_loader.extract.incidents import find_incidents

    assert [h.title for h in find_incidents(sentence)] == names


@pytest.mark.parametrize("sentence", [
    "深刻汲取近期全国发生的几起事故教训。",  # a class of events, no place
    "通报了江苏省今年以来事故情况。",  # a place, but a period's accidents
    "汲取省内外事故教训。",
    "通报了全市安全生产情况。",  # no kind of accident
    "通报了湖南某县道路交通事故情况。",  # a place's accidents of a kind: a class, not one incident
    "汲取湖南某县重特大道路交通事故教训。",  # 重特大 names a class
    "通报了湖南某市一季度火灾事故,",  # a period's accidents
    "严防发生6级以上地震次生灾害。",  # a magnitude without a place
    "“6·16”安全宣传咨询日活动现场发生火灾。",  # a day's name, then a clause
    "以“12·4”国家宪法日为契机防范事故。",
    "确保“3·15”期间不发生事故。",
    "排查1.24万家企业事故隐患。",  # a decimal before a number word, no place
])
def test_no_incident(sentence):
    from graph_loader.extract.incidents import find_incidents

    assert find_incidents(sentence) == []


# --- inspections -------------------------------------------------------------------------------------

HOME = "某县召开安全生产工作会议\n2023-12-09 10:20 来源:某县融媒体中心\n安徽省铜陵市枞阳县。"
COUNTY, PROVINCE = "安徽省铜陵市枞阳县", "安徽省"


def inspections(body: str) -> list[tuple[str | None, str | None, str | None]]:
    from graph_loader.extract.pipeline import extract

    record = extract(ingest(HOME + body + "会议要求压实责任，确保安全。"))
    return [(i.target, i.start, i.end) for i in record.inspections]


@pytest.mark.parametrize("body,expected", [
    # a team of a level without its number, a date range with the month once
    ("12月6日至8日，省安全生产检查组对我县安全生产工作进行了检查。", [(COUNTY, "2023-12-06", "2023-12-08")]),
    ("12月6日，市安委会暗查暗访组来我县开展安全生产暗查暗访。", [(COUNTY, "2023-12-06", None)]),
    # the team works where it holds its feedback meeting; the feedback day is no start
    ("12月8日，国务院安委会第四考核巡查组在安徽召开考核巡查反馈会。", [(PROVINCE, None, None)]),
    # a bare mention of the numbered team carries the period; a report to the government is on its region
    ("12月8日，省安全生产第二督导组向县政府反馈督导情况。12月1日至7日，督导组深入企业开展督导。",
     [(COUNTY, "2023-12-01", "2023-12-07")]),
])
def test_inspections(body, expected):
    assert inspections(body) == expected


def test_team_written_with_cha_of_observation():
    assert inspections("12月6日，市安委会明察暗访组对我县开展安全生产明察暗访。") == [(COUNTY, "2023-12-06", None)]


def test_inspection_of_the_home_autonomous_region():
    from graph_loader.extract.pipeline import extract

    text = "某区召开会议\n2023-12-09 来源:某某网\n广西壮族自治区召开会议。12月6日，国务院安委会第三督查组向自治区反馈督查情况。"
    assert [(i.target, i.start) for i in extract(ingest(text)).inspections] == [("广西壮族自治区", None)]


@pytest.mark.parametrize("body", [
    "12月6日，县安委会成立5个检查组，对全县企业开展检查。",  # teams of no level, not a mission from outside
    "12月6日，县里成立工作组，赴各乡镇开展调研。",
    "12月6日，县安全生产检查组深入各乡镇企业开展检查。",  # a team known by its body only, no target
])
def test_no_inspection(body):
    assert inspections(body) == []
