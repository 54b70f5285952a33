"""Robustness cases found by writing articles in styles the held-out set lacked (issue h13).

Invented names and places; each test pins a genre-general rule, not an article."""

from __future__ import annotations

from graph_loader.extract.pipeline import extract
from tests.test_extract_core import make_doc


def test_short_form_of_a_named_team_is_that_team_not_the_home_county():
    # the headline says `市…督查组`; the home region is a county-level `市`, yet the team is the city's
    text = ("市安全生产第三督查组进驻宁乡市开展督查\n"
            "5月8日，长沙市安全生产第三督查组进驻宁乡市，开展为期3天的安全生产专项督查。")
    rec = extract(make_doc(text, published="2024-05-09"))
    assert [(i.team, i.target, i.start) for i in rec.inspections] == [
        ("长沙市安全生产第三督查组", "湖南省长沙市宁乡市", "2024-05-08")]


def test_analysis_meeting_is_a_meeting_and_takes_its_date():
    text = "12月5日下午，县政府召开全县安全生产形势分析会。副县长周平主持会议。"
    rec = extract(make_doc(text, published="2023-12-06"))
    assert [(m.date, m.name, m.kind) for m in rec.meetings] == [("2023-12-05", "全县安全生产形势分析会", "report")]


def test_chaired_entry_meeting_of_a_team_is_a_meeting():
    text = ("5月8日，长沙市安全生产第三督查组进驻宁乡市。督查组组长杨光明出席进驻见面会并讲话，"
            "宁乡市副市长谢文主持见面会。")
    rec = extract(make_doc(text, published="2024-05-09"))
    assert len(rec.meetings) == 1
    roles = {x.name: x.role for x in rec.meetings[0].participants}
    assert roles == {"杨光明": "speaker", "谢文": "chair"}


def test_team_led_by_a_leader_starts_after_the_verb_and_arrives_on_the_date():
    text = ("遵义市召开岁末年初安全生产工作会议\n12月29日，遵义市政府召开岁末年初安全生产工作会议。"
            "播州区、汇川区政府主要负责人作交流发言。"
            "12月30日上午，罗文带领市安委会第一检查组到仁怀市检查白酒企业安全生产工作。")
    rec = extract(make_doc(text, published="2024-01-02"))
    assert [(i.team, i.target, i.start) for i in rec.inspections] == [
        ("遵义市安委会第一检查组", "贵州省遵义市仁怀市", "2023-12-30")]


def test_source_settles_a_district_name_that_several_cities_share():
    text = "10月15日下午，鼓楼区召开安全生产暨消防安全工作推进会。区应急管理局局长陈美玲主持会议。"
    doc = make_doc(text, published="2024-10-16")
    doc.metadata.source = "福州鼓楼发布"
    rec = extract(doc)
    assert rec.regions == ["福建省福州市鼓楼区"]
    assert [m.region for m in rec.meetings] == ["福建省福州市鼓楼区"]
    # without a source naming the city the text stays ambiguous: no region is guessed
    assert extract(make_doc(text, published="2024-10-16")).regions == []


def test_leader_cited_for_an_instruction_is_a_person_not_a_participant():
    text = ("7月8日，蒙城县召开安全生产工作专题会议，传达学习省委书记韩志强关于安全生产工作的批示要求。"
            "会议由副县长吕斌主持。")
    rec = extract(make_doc(text, published="2024-07-09"))
    assert {p.name: p.titles for p in rec.persons} == {"韩志强": ["省委书记"], "吕斌": ["副县长"]}
    assert {x.name: x.role for m in rec.meetings for x in m.participants} == {"吕斌": "chair"}


def test_making_arrangements_at_a_meeting_is_speaking():
    text = ("3月11日上午，平江县委书记彭建军主持召开全县森林防灭火和安全生产工作调度会。"
            "县委常委、副县长汤小红对下一阶段工作作了具体安排。")
    rec = extract(make_doc(text, published="2024-03-12"))
    assert {x.name: x.role for m in rec.meetings for x in m.participants} == {"彭建军": "chair", "汤小红": "speaker"}


def test_name_with_a_character_of_the_supplementary_planes_is_read_and_keeps_its_list():
    # rare characters of personal names live beyond the BMP (`𬌗`, `𬱖`); a traditional page's 頔 folds to 𬱖
    text = ("3月5日，县长石𬌗主持召开全县安全生产工作会议。"
            "县领导陈立新、何𬱖、周海波等出席会议。")
    rec = extract(make_doc(text, published="2024-03-06"))
    assert {x.name: x.role for m in rec.meetings for x in m.participants} == {
        "石𬌗": "chair", "陈立新": "attendee", "何𬱖": "attendee", "周海波": "attendee"}
    from graph_loader.ingest.pipeline import ingest_bytes

    doc = ingest_bytes("3月5日，縣長王頔主持召開全縣安全生產工作會議。".encode(), "page.txt")
    assert [p.name for p in extract(doc).persons] == ["王𬱖"]


def test_one_odd_member_of_a_name_list_keeps_the_list():
    # a list of names is of one kind: a member whose surname the list lacks (`郏某`) or that spells an ordinary word
    # (`高原`) is a name when names follow it, after a post, after a collective and closed by `等…领导`
    text = ("3月5日，县长张明主持召开全县安全生产工作会议。副县长高原、郏兰、王立军出席。"
            "县领导陈立新、扶芳、周海波、李强参加。")
    rec = extract(make_doc(text, published="2024-03-06"))
    assert {x.name for m in rec.meetings for x in m.participants} == {
        "张明", "高原", "郏兰", "王立军", "陈立新", "扶芳", "周海波", "李强"}
    text = "3月5日，县长张明主持召开全县安全生产工作会议。王立军、马力、扶芳、李强等县领导出席。"
    rec = extract(make_doc(text, published="2024-03-06"))
    assert {p.name for p in rec.persons} == {"张明", "王立军", "马力", "扶芳", "李强"}


def test_a_list_of_words_is_no_list_of_names():
    text = ("3月5日，县长张明主持召开全县安全生产工作会议，安全、消防、交通等部门负责人参加。"
            "会议强调，要领导重视、严抓落实、常抓不懈。")
    rec = extract(make_doc(text, published="2024-03-06"))
    assert [p.name for p in rec.persons] == ["张明"]


def test_a_mark_closes_a_name_right_after_a_post_that_spells_a_word_or_lacks_a_known_surname():
    # right after a post, two or three characters closed by `，` or `、` are a name: one that spells an ordinary
    # word (`高原`) or whose surname the list lacks (`禤某`); a verb of what the post does is none (`强调，`)
    text = ("3月5日，县委书记禤波主持召开全县安全生产工作会议。县委副书记、县长高原，常务副县长庹勇，"
            "副县长李强出席。副县长强调，要压实责任。")
    rec = extract(make_doc(text, published="2024-03-06"))
    assert {p.name: p.titles for p in rec.persons} == {
        "禤波": ["县委书记"], "高原": ["县委副书记", "县长"], "庹勇": ["常务副县长"], "李强": ["副县长"]}
    # a preposition opening the predicate closes such a name too (`副县长禤某就…作部署`), never an adverb (`亲自在`)
    rec = extract(make_doc("3月5日，县长张明主持召开会议，副县长禤立刚就汛期安全工作作了部署。县长亲自在会上讲话。",
                           published="2024-03-06"))
    assert {x.name: x.role for m in rec.meetings for x in m.participants} == {"张明": "chair", "禤立刚": "speaker"}


def test_heads_of_farms_museums_stations_and_kindergartens_are_posts():
    text = ("3月5日，县长张明主持召开全县森林防火和安全生产工作会议。国有林场场长王立新、县博物馆副馆长陈红、"
            "县气象台台长刘洋、实验幼儿园园长李芳参加会议。")
    rec = extract(make_doc(text, published="2024-03-06"))
    titles = {p.name: p.titles for p in rec.persons}
    assert titles["王立新"][-1].endswith("场长") and titles["陈红"][-1].endswith("副馆长")
    assert titles["刘洋"][-1].endswith("台长") and titles["李芳"][-1].endswith("园长")


def test_rarer_surnames_of_the_dictionary_open_names_and_their_words_do_not():
    # a surname the common list lacked (`粘`, `操`, `庹`: the character dictionary's surnames, surnames.txt) opens a
    # name where the genre puts one without a post (`甲、乙等县领导出席`, `某某书记指出`); the ordinary words it opens
    # (`操作`, `粘贴`, not_names.txt) open none
    text = ("3月5日，县长张明主持召开全县安全生产工作会议。李强、粘海涛、操立新等县领导出席。"
            "会上，庹文军书记指出，要严格执行操作规程。")
    rec = extract(make_doc(text, published="2024-03-06"))
    assert {p.name for p in rec.persons} == {"张明", "李强", "粘海涛", "操立新", "庹文军"}
    rec = extract(make_doc("3月5日，县长张明主持召开会议。会议要求，操作人员、粘贴标识等工作要到位。",
                           published="2024-03-06"))
    assert [p.name for p in rec.persons] == ["张明"]


def _names(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract(make_doc(text, published="2024-03-06")).persons}


def test_a_character_that_needs_a_noun_before_a_role_verb_is_the_names_last():
    # `为`, `以`, `和` take a noun; right before a role verb or another follower they join nothing, so a three-character
    # name holds them (`副县长某可为主持`), while a two-character word of them stays a conjunction (`某某以及…`)
    assert _names("3月5日，副县长刘可为主持召开会议并讲话，县长王永和出席。") == {
        "刘可为": ["副县长"], "王永和": ["县长"]}
    assert _names("3月5日，县长张明主持召开会议，副县长李青以及各部门负责人参加。") == {
        "张明": ["县长"], "李青": ["副县长"]}


def test_a_word_name_after_a_post_ends_before_the_instrument_saying_or_going():
    # `以`, `为`, `说`, `赶赴` open the predicate after a name that spells an ordinary word, as `就`, `在` do
    assert _names("3月5日，县长张明主持召开会议，副县长高原以视频方式参加，副县长江山说，要压实责任。") == {
        "张明": ["县长"], "高原": ["副县长"], "江山": ["副县长"]}
    assert _names("3月5日，县应急管理局局长次仁赶赴现场指导处置。") == {"次仁": ["县应急管理局局长"]}


def test_a_list_of_names_closed_by_the_body_they_lead():
    # `甲、乙等县领导出席`, and with the body between `等` and the collective: `甲、乙等市应急管理局领导`
    text = "3月5日，全市安全生产工作会议召开。李强、操文涛、郑一等市应急管理局领导参加会议。"
    assert set(_names(text)) == {"李强", "操文涛", "郑一"}


def test_a_document_title_opens_with_the_leader_whose_speech_it_is():
    text = "3月5日，县长张明主持召开会议，传达学习了《王立新同志在全市安全生产工作会议上的讲话》。"
    assert set(_names(text)) == {"张明", "王立新"}


def test_a_branch_and_a_station_are_bodies_not_names():
    # `党总支书记`, `检查站站长`: a body before a post of address is no name
    text = "3月5日，镇长张明主持召开会议，各村（社区）党总支书记参加，检查站站长列席。"
    assert set(_names(text)) == {"张明"}


def test_a_nominee_for_a_post_is_named_without_that_title():
    # `副市长提名人选某某` (as `镇长候选人某某`): a name, the post not yet the person's
    text = "3月5日，县长张明主持召开会议，传达了副县长提名人选王立新对安全生产工作的批示。"
    assert _names(text) == {"张明": ["县长"], "王立新": []}


def test_a_name_after_a_post_ends_where_a_verb_or_an_adverb_begins():
    # an adverb or verb the follower lists lack (`反复`, `提及`) still ends a name after a post; a noun does not
    # (`专家查隐患工作`: no one)
    assert _names("3月5日，乡长姚立成反复提及事故教训，县长王刚反复强调要压实责任。") == {
        "姚立成": ["乡长"], "王刚": ["县长"]}
    assert _names("3月5日，县长张明主持召开会议，要求做好专家查隐患工作。") == {"张明": ["县长"]}


def test_a_role_verb_ends_a_word_name_after_a_post_unless_the_word_is_the_posts_manner():
    # right after a post, a name that spells an ordinary word (`周全`, `夏天`) ends before a role verb of roles.tsv or
    # `也`; a word that is itself an adverb or adjective (`郑重`: lang/words.py predicate_pairs) is what the post does
    assert _names("3月5日，常务副县长周全要求，要压实责任。副镇长夏天部署近期工作，县长江山也作了讲话。") == {
        "周全": ["常务副县长"], "夏天": ["副镇长"], "江山": ["县长"]}
    assert _names("3月5日，县长张明主持召开会议，县长郑重强调，要压实责任。") == {"张明": ["县长"]}


def test_a_name_opening_with_a_places_short_form_in_a_list_or_before_a_post_of_address():
    # `甲、许昌某等县领导`, `梁平某局长通报`: where the grammar says a name stands, a name opening with a place's short form
    # is read whole and names no place
    rec = extract(make_doc("3月5日，全县安全生产工作会议召开。李强、许昌华等县领导出席。会上，梁平春局长通报了情况。",
                           published="2024-03-06"))
    assert {p.name for p in rec.persons} == {"李强", "许昌华", "梁平春"}
    assert not any("许昌" in r or "梁平" in r for r in rec.regions)


def test_a_conjunction_before_a_word_of_a_follower_is_no_part_of_the_name():
    # `常务副区长某荣及在家的其他副区长出席`: 及 joins the next people (在家 is a word), the name ends before it
    assert _names("3月5日，常务副区长朱荣及在家的其他副区长出席会议。") == {"朱荣": ["常务副区长"]}


def test_a_name_addressed_by_its_post_after_a_lead_with_its_aspect_mark():
    # `传达学习了某某书记、某某省长的讲话`: the lead's 了 opens no name
    assert set(_names("3月5日，县长张明主持召开会议，传达学习了龚钰书记、易桂梅省长的讲话精神。")) == {
        "张明", "龚钰", "易桂梅"}


def test_a_space_or_a_line_break_inside_a_name_where_the_grammar_says_one_stands():
    # a page's typesetting space or line break inside a name read after a post or a collective: after the surname
    # (`副县长刘\n某某主持`) or inside the given name (`副县长刘某 某主持`, `县领导甲、刘某\n某、乙`), unless what follows
    # the gap opens a surname or a follower (`县领导张三 李四出席`, `副县长张三 主持`)
    assert _names("3月5日，副县长刘\n可为主持会议，副县长王立 新出席。") == {"刘可为": ["副县长"], "王立新": ["副县长"]}
    assert set(_names("3月5日，县领导张三、刘可\n为、李四出席会议。")) == {"张三", "刘可为", "李四"}
    assert set(_names("3月5日，县领导张三 李四 王五出席会议，副县长赵六 主持。")) == {"张三", "李四", "王五", "赵六"}
    # a conjunction after the page's space joins the next name as without it
    assert _names("3月5日，副县长张三 和李四出席会议。") == {"张三": ["副县长"], "李四": ["副县长"]}
