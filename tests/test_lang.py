"""The language core (`graph_loader/lang/`): one home for each rule every stage shares."""

from __future__ import annotations

import re

from graph_loader.lang.chars import CLAUSE_MARKS, HAN, HAN_RE, clause_start, han_count, is_han
from graph_loader.lang.levels import (
    CHAR_LEVEL,
    LEVEL_CHARS,
    LEVEL_RANK,
    LEVELS,
    LOCAL_LEVELS,
    ROLE_RANK,
    ROLES,
    higher_role,
)


def test_han_class_and_predicate_agree() -> None:
    for ch in "安全a1，。〇㐀":
        assert is_han(ch) == bool(re.fullmatch("[" + HAN + "]", ch)) == bool(HAN_RE.fullmatch(ch))
    assert han_count("县长甲乙, ok。") == 4


def test_clause_start_walks_back_to_the_last_mark() -> None:
    text = "1月2日，县长甲乙主持召开会议；会上传达学习文件"
    assert text[clause_start(text, text.index("召开")):].startswith("县长")
    assert text[clause_start(text, text.index("传达")):].startswith("会上")
    assert clause_start(text, 3) == 0
    assert clause_start(text, text.index("召开"), lo=text.index("主持")) == text.index("主持")
    assert all(clause_start(m, 1) == 1 for m in CLAUSE_MARKS)


def test_levels_one_ordering() -> None:
    assert LEVELS[0] == "national" and LOCAL_LEVELS == LEVELS[1:]
    assert [LEVEL_RANK[lv] for lv in LEVELS] == list(range(len(LEVELS)))
    assert set(CHAR_LEVEL) < set(LEVEL_CHARS) and "市" in LEVEL_CHARS and "市" not in CHAR_LEVEL
    assert set(CHAR_LEVEL.values()) <= set(LOCAL_LEVELS)


def test_roles_rank_chair_first() -> None:
    assert ROLES[0] == "chair" and ROLE_RANK["chair"] < ROLE_RANK["speaker"] < ROLE_RANK["attendee"]
    assert higher_role("chair", "attendee") and not higher_role("attendee", "speaker")
    assert not higher_role("speaker", "speaker")


def test_three_forms_of_a_title() -> None:
    from graph_loader.lang.titles import clean_title, display_title, name_key, title_key

    written = "《关于 加强“安全生产”的通知》"
    assert clean_title(written) == "《关于加强安全生产的通知》"
    assert title_key(written) == title_key("关于加强安全生产的通知") == "关于加强安全生产的通知"
    assert display_title("《关于做好“十四五”规划、年度计划的通知》") == "关于做好十四五规划、年度计划的通知"
    assert title_key("“7·20”特大暴雨，灾害") == "7·20特大暴雨灾害"
    assert name_key("张 三") == "张三" and display_title("《》") == "《》"
