"""Date grammar: absolute, Chinese numerals, ranges, year inference, relative words."""

import pytest

from graph_loader.extract.dates import find_dates


def values(text, ref=None):
    return [(h.surface, h.value, h.end_value) for h in find_dates(text, ref)]


def test_absolute_dates_in_digits_iso_and_chinese_numerals():
    assert values("2024年3月27日召开") == [("2024年3月27日", "2024-03-27", None)]
    assert values("日期:2024-02-26 报料") == [("2024-02-26", "2024-02-26", None)]
    assert values("二〇二四年三月二十七日上午") == [("二〇二四年三月二十七日上午", "2024-03-27", None)]
    assert values("十二月三十一日") == [("十二月三十一日", "--12-31", None)]


def test_range_end_takes_the_year_of_its_start():
    assert values("自2024年3月27日至4月26日对海安市开展巡查") == [
        ("2024年3月27日至4月26日", "2024-03-27", "2024-04-26")]
    assert values("2023年12月28日—1月5日") == [("2023年12月28日—1月5日", "2023-12-28", "2024-01-05")]
    assert values("3月1日至15日", "2024-04-01") == [("3月1日至15日", "2024-03-01", "2024-03-15")]


def test_month_day_without_any_year_stays_yearless():
    assert values("于6月8日至7月5日进行了巡查") == [("6月8日至7月5日", "--06-08", "--07-05")]
    assert values("3月2日，督导组进驻") == [("3月2日", "--03-02", None)]


def test_month_day_takes_the_published_year_unless_that_puts_it_after_publication():
    assert values("7月31日,巡查组反馈", "2017-08-02") == [("7月31日", "2017-07-31", None)]
    assert values("12月30日召开", "2024-01-03") == [("12月30日", "2023-12-30", None)]


def test_month_day_takes_the_year_of_the_same_sentence_or_the_article():
    assert values("5月27日召开反馈会，巡查组于2024年3月27日进驻")[0][1] == "2024-05-27"
    text = "5月27日,反馈会召开。巡查组自2024年3月27日至4月26日开展巡查。"
    assert values(text)[0] == ("5月27日", "2024-05-27", None)
    # two different explicit years and none in the sentence: no guess
    text = "5月27日,反馈会召开。2023年1月1日起施行，2024年2月1日修订。"
    assert values(text)[0] == ("5月27日", "--05-27", None)


@pytest.mark.parametrize("word,expected", [("昨天下午", "2024-02-25"), ("昨日", "2024-02-25"),
                                           ("今天", "2024-02-26"), ("前天上午", "2024-02-24")])
def test_relative_days_need_the_published_date(word, expected):
    assert values(word + "召开会议", "2024-02-26") == [(word, expected, None)]
    assert values(word + "召开会议") == [(word, None, None)]


def test_same_day_keeps_its_surface_for_the_caller():
    hits = find_dates("3月2日进驻，并于当日上午召开汇报会", None)
    assert [(h.surface, h.value) for h in hits] == [("3月2日", "--03-02"), ("当日上午", None)]
    assert hits[1].start == 9


def test_not_dates():
    assert values("共出动监察人员3.4万人次，24小时值班，排查2.5万家") == []
    assert values("13月40日") == []


def test_offsets_point_into_the_text():
    text = "会上，6月20日的会议"
    (hit,) = find_dates(text, None)
    assert text[hit.start:hit.end] == hit.surface == "6月20日"


def test_bare_day_with_a_time_of_day_is_in_the_published_month():
    assert values("15日上午，县委召开会议", "2024-03-20") == [("15日上午", "2024-03-15", None)]
    assert values("28日，县委召开会议", "2024-03-20") == [("28日", "2024-02-28", None)]
    assert values("15日上午，县委召开会议") == []
    assert values("30日内完成整改", "2024-03-20") == []


def test_range_of_days_takes_the_published_month():
    hits = find_dates("27日至28日，督导组进驻", "2024-03-30")
    assert [(h.value, h.end_value) for h in hits] == [("2024-03-27", "2024-03-28")]
    assert find_dates("27日至28日，督导组进驻", None) == []


# --- relative days, the dateline, range and session shapes of real pages --------------------------------

def test_relative_day_with_its_number_takes_the_number():
    assert values("昨(18)日，市委召开常委会议", "2016-01-19") == [("昨(18)日", "2016-01-18", None)]
    assert values("今（5）日上午召开会议", "2020-03-05") == [("今（5）日上午", "2020-03-05", None)]
    # the number is later than the article's day: the month before
    assert values("昨(29)日召开会议", "2020-03-01") == [("昨(29)日", "2020-02-29", None)]
    assert values("昨(31)日召开会议", "2020-03-01") == [("昨(31)日", None, None)]  # no 31st in that month
    # no article day: a date without a value (the month is unknown)
    assert values("昨(18)日，市委召开常委会议") == [("昨(18)日", None, None)]


def test_range_whose_first_day_lacks_its_day_word():
    assert values("12月6至8日，督导组进驻", "2019-12-20") == [("12月6至8日", "2019-12-06", "2019-12-08")]
    assert values("12月6至8日，督导组进驻") == [("12月6至8日", "--12-06", "--12-08")]


def test_numbered_session_gives_its_year():
    assert values("3月31日上午，省安委会2022年第二次全体会议召开。") == [("3月31日上午", "2022-03-31", None)]
    # the body between the year and the count: the same session numbered within its year
    assert values("5月8日，某县2023年县安委会第二次全体会议召开。") == [("5月8日", "2023-05-08", None)]
    text = "市安委会2025年第一次全体会议召开。1月16日上午，市长出席。"
    assert values(text) == [("1月16日上午", "2025-01-16", None)]
    # a year named without a session number gives none (a January meeting reviews last year)
    assert values("会议总结了2023年工作。1月16日上午，市长出席。") == [("1月16日上午", "--01-16", None)]


def test_relative_words_count_from_the_dateline():
    # dated 2月23日 in the dateline, printed the next day: 今天 is the dateline's day
    assert [(h.surface, h.value) for h in find_dates("今天下午，省政府召开会议", "2018-02-24", "2018-02-23")] == [
        ("今天下午", "2018-02-23")]
    # a year-less dateline still resolves 今天 and 昨天 (without a year)
    assert [h.value for h in find_dates("今天下午召开会议，昨天上午督导组进驻", None, "--03-01")] == ["--03-01", "--02-29"]
    assert [h.value for h in find_dates("15日上午，县委召开会议", None, "--03-20")] == ["--03-15"]
    # a month-day takes its year from the published date, not from the dateline's
    assert [h.value for h in find_dates("2月24日召开", "2018-02-24", "2018-02-23")] == ["2018-02-24"]
    # a bad dateline is no article day
    assert [h.value for h in find_dates("今天召开", None, "--13-40")] == [None]


def test_a_month_day_that_lost_its_month_word_before_a_part_of_the_day():
    # a scraped page drops `月`: `1015日下午` is 10月15日下午, read only where a part of the day follows
    assert values("1015日下午，县委召开会议", "2021-10-16") == [("1015日下午", "2021-10-15", None)]
    assert values("615日上午召开会议") == [("615日上午", "--06-15", None)]
    assert values("持续120日，整改完成", "2021-10-16") == []
    assert values("第315日下午", "2021-10-16") == []


def test_a_month_day_that_lost_its_month_word_opening_a_clause():
    # `1129日，省安委会召开…`: a clause opened by the day, its 月 lost, is a month-day as a bare `29日，` would be a day;
    # the same digits after a verb (`持续120日，`) count days
    assert values("为确保形势稳定，1129日，省安委会召开视频会议", "2018-12-03") == [("1129日", "2018-11-29", None)]
    assert values("1015日，县委召开会议", "2021-10-16") == [("1015日", "2021-10-15", None)]
    assert values("历时115日，整改完成", "2021-10-16") == []


def test_a_month_day_that_lost_its_day_word_before_a_part_of_the_day():
    # `3月29下午`: the page dropped `日`; read only where a part of the day follows
    assert values("3月29下午，某镇召开会议", "2019-03-30") == [("3月29下午", "2019-03-29", None)]
    assert values("共3月29名干部参加") == []


def test_an_undated_report_takes_the_year_its_work_is_planned_or_carried_out_in():
    def dates(text):
        return [h.value for h in find_dates(text, None)]
    # a year handed down with its plan, or with a plan a few words after it
    assert dates("3月2日召开全县会议,向各乡镇下达了2016年安全生产目标责任书。") == ["2016-03-02"]
    assert dates("3月2日召开全县会议,各单位递交了2016年安全生产各项责任状。") == ["2016-03-02"]
    assert dates("3月2日召开全县会议,宣读了2016年某县安全生产有关工作方案。") == ["2016-03-02"]
    # a part of the year carried out now, and a year in a campaign's name
    assert dates("3月2日,督导组进驻我市,开展2016年第一季度安全生产督导工作。") == ["2016-03-02"]
    assert dates("3月2日,某市隐患专项排查整治2016行动动员会议召开。") == ["2016-03-02"]
    # a year only reviewed or assessed says nothing of the meeting's year
    assert dates("3月2日召开会议,通报了2015年安全生产考核结果。") == ["--03-02"]
    assert dates("3月2日召开会议,研究2016年第一季度工作。") == ["--03-02"]
    # a dated article keeps its own year
    assert [h.value for h in find_dates("3月2日召开会议,下达了2016年目标责任书。", "2017-03-05")] == ["2017-03-02"]



def test_a_year_deployed_or_signed_for_dates_the_planning_season_in_the_year_before():
    def dates(text):
        return [h.value for h in find_dates(text, None)]
    # a responsibility document or a year's work deployed in the last quarter is the next year's
    assert dates("12月5日召开全镇冬季工作会议,与各村签订《2016年度安全生产目标责任书》。") == ["2015-12-05"]
    assert dates("11月8日召开会议,部署了2016年的安全生产工作。") == ["2015-11-08"]
    # in its own year it is that year's
    assert dates("2月5日召开全镇工作会议,与各村签订《2016年度安全生产目标责任书》。") == ["2016-02-05"]
    # a work plan of the year is carried out in that year, late in it too
    assert dates("11月8日召开会议,宣读了2016年某县冬季安全生产工作方案。") == ["2016-11-08"]
    # a year the report works in (全县2016年…) is its year
    assert dates("11月8日召开全县2016年安全生产工作推进会,签订2016年度安全生产责任书。") == ["2016-11-08"]

def test_a_meeting_named_by_its_month_and_day_with_a_dot():
    assert values("认真收听收看3.15全省安全生产工作会精神") == [("3.15", "--03-15", None)]
    assert values("贯彻落实3.15省市电视电话会议精神", "2021-03-20") == [("3.15", "2021-03-15", None)]
    assert values("深刻吸取3.15重大火灾事故教训") == []  # an incident's day, no meeting
    assert values("同比增长3.15%,全省会议") == []
    assert values("第3.15全省会议") == []


def test_a_month_day_after_this_year_word_is_read_whole():
    # `今年` opens a month-day of the article's year; a range after it keeps its first day
    assert values("巡查组于今年5月31日至6月10日进行巡查", "2020-07-01") == [
        ("5月31日至6月10日", "2020-05-31", "2020-06-10")]
    assert values("本年3月2日召开") == [("3月2日", "--03-02", None)]
    # `去年` is not this year: no date is read from the published year
    assert values("去年12月3日召开", "2020-07-01") == []


def test_a_meeting_named_by_a_part_of_its_year_dates_its_sentence():
    assert values("3月6日,某市收看2023年第二季度防范重特大事故视频会议。") == [("3月6日", "2023-03-06", None)]
    # a first-half part planned in the last quarter: the year before
    assert values("12月28日,某县召开2024年第一季度安全生产工作会议。") == [("12月28日", "2023-12-28", None)]
    # a part of a year planned as work, no meeting named by it: no year
    assert values("3月6日,某市部署2023年第二季度安全生产工作。") == [("3月6日", "--03-06", None)]
    # another sentence: no year
    assert values("3月6日,某市召开会议。会议传达了2023年第二季度视频会议精神。") == [("3月6日", "--03-06", None)]


def test_a_bare_day_before_an_hour_of_the_day_is_a_date():
    # `21日晚上事故发生后，22日0时许，某某主持召开会议`: the day the hour is told on, as before a part of the day
    assert [v for _, v, _ in values("21日晚上事故发生后，22日0时许，某某主持召开会议。", "2023-06-23")] == [
        "2023-06-21", "2023-06-22"]
    assert [v for _, v, _ in values("5日20点，某某召开会议。", "2023-06-23")] == ["2023-06-05"]
    assert values("持续了22日。", "2023-06-23") == []  # a count of days stays none
