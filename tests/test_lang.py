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
    for ch in "安全a1，。〇㐀𬱖𠀀😀":
        assert is_han(ch) == bool(re.fullmatch("[" + HAN + "]", ch)) == bool(HAN_RE.fullmatch(ch))
    assert han_count("县长甲乙, ok。") == 4
    # the supplementary planes' ideographs are Han (names hold them); an emoji is not
    assert is_han("𬱖") and han_count("王𬱖") == 2 and not is_han("😀")


def test_clause_start_walks_back_to_the_last_mark() -> None:
    text = "1月2日，县长甲乙主持召开会议；会上传达学习文件"
    assert text[clause_start(text, text.index("召开")):].startswith("县长")
    assert text[clause_start(text, text.index("传达")):].startswith("会上")
    assert clause_start(text, 3) == 0
    assert clause_start(text, text.index("召开"), lo=text.index("主持")) == text.index("主持")
    assert all(clause_start(m, 1) == 1 for m in CLAUSE_MARKS)


def test_han_runs_as_the_character_tests_read_them() -> None:
    from graph_loader.lang.chars import all_han, han_run_start

    assert all_han("") and all_han("县长") and not all_han("县长A") and not all_han("，")
    text = "ab，县委书记张三"
    assert han_run_start(text, len(text)) == text.index("县")
    assert han_run_start(text, len(text), lo=5) == 5  # no earlier than lo
    assert han_run_start(text, 2) == 2  # no Han character before the end


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


def test_one_national_body_list_for_extraction_and_resolution() -> None:
    from graph_loader.extract.bodies import resolve_body
    from graph_loader.graph import resolve
    from graph_loader.lang.bodies import is_national_body, national_prefixes

    assert "国务院" in national_prefixes() and "应急管理部" in national_prefixes()
    assert is_national_body("应急管理部办公厅") and not is_national_body("县应急管理局")
    assert resolve.is_national_body is is_national_body
    ref = resolve_body("应急管理部", None, None)
    assert ref is not None and ref.level == "national" and ref.region is None


def test_lexicon_reader(tmp_path) -> None:
    from graph_loader.lang.lexicon import alternation, read_rows, read_table, read_words

    p = tmp_path / "t.tsv"
    p.write_text("# a comment\nword\trole\n\n甲乙 丙\tscope \n丁\n", encoding="utf-8")
    assert read_rows(p) == (("word", "role"), ("甲乙 丙", "scope"), ("丁",))
    assert read_table(p) == ({"word": "甲乙 丙", "role": "scope"}, {"word": "丁", "role": ""})
    assert read_words(p) == {"word", "甲乙", "丙", "丁"}
    assert re.fullmatch(alternation(["县", "县委", "", "县委"]), "县委")  # the longer word first
    assert re.compile(alternation(["县", "县委", "", "县委"])).match("县委书记").group() == "县委"


def test_alternation_matches_as_the_flat_list() -> None:
    """The prefix tree finds, captures and backtracks as the flat alternation, longest first."""
    from graph_loader.lang.lexicon import alternation

    words = ["甲乙", "甲乙丙", "甲", "乙丙", "丙丁戊", "丙丁", "a.b", "a"]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    text = "甲乙丙丁戊甲乙a.b甲丙丁乙丙甲乙丁a"
    for wrap in ("(?P<w>{})", "(?P<w>{})丁", "(?P<w>{})[丙丁]?戊", "(?:{})+"):
        tree, plain = re.compile(wrap.format(alternation(words))), re.compile(wrap.format(flat))
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert alternation(["县委书记", "县委", "县长"]) == "县(?:委(?:书记)?|长)"


def test_meeting_kinds_one_row_each() -> None:
    from pathlib import Path

    from rdflib import OWL, RDF, Graph

    from graph_loader.graph.ids import MEETING_KIND_CLASS, SKG
    from graph_loader.lang.kinds import kind_of_noun, meeting_kinds

    kinds = meeting_kinds()
    assert len({k.kind for k in kinds}) == len(kinds) and "other" in {k.kind for k in kinds}
    assert kind_of_noun()["电视电话会议"] == "teleconference" and kind_of_noun()["会议"] == "other"
    nouns = [n for k in kinds for n in k.nouns]
    assert len(nouns) == len(set(nouns))  # a noun names one kind
    onto = Graph().parse(Path(__file__).parents[1] / "ontology.ttl")
    for k in kinds:
        if k.ontology_class:
            assert (SKG[k.ontology_class], RDF.type, OWL.Class) in onto, k
            assert MEETING_KIND_CLASS[k.kind] == SKG[k.ontology_class]
    assert "other" not in MEETING_KIND_CLASS


def test_numerals_one_way() -> None:
    from graph_loader.lang.numerals import NUMERAL, ONE_TO_TEN, number

    assert [number(s) for s in ("27", "二十七", "十", "十二", "二〇二四", "两", None, "三x")] == [
        27, 27, 10, 12, 2024, 2, None, None]
    assert all(number(ch) == i + 1 for i, ch in enumerate(ONE_TO_TEN))
    assert re.fullmatch("第" + NUMERAL + "+组", "第十二组") and not re.fullmatch(NUMERAL, "组")


def test_the_core_imports_no_stage() -> None:
    from pathlib import Path

    core = Path(__file__).parents[1] / "graph_loader" / "lang"
    for f in core.glob("*.py"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith(("from ", "import ")) and ("graph_loader" in line or "queries" in line or "app" in line):
                assert line.startswith("from graph_loader.lang"), (f.name, line)


def test_no_copy_of_the_han_range_outside_the_core() -> None:
    from pathlib import Path

    root = Path(__file__).parents[1]
    for folder in ("graph_loader", "queries", "app_pages"):
        for f in (root / folder).rglob("*"):
            if f.suffix in (".py", ".tsv", ".txt") and "lang" not in f.relative_to(root).parts:
                text = f.read_text(encoding="utf-8", errors="replace")
                assert "\\u4e00" not in text and "一-" not in text, f


def test_every_level_character_has_its_relative_words() -> None:
    from graph_loader.extract.regions import relative_words_re

    for ch in LEVEL_CHARS:
        for head in "我全":
            assert relative_words_re("我全本").fullmatch(head + ch), head + ch
