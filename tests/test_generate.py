"""The generated corpus: deterministic, gold in the shape of GUIDELINES.md, and gold that the text bears out."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from graph_loader.cli import main
from graph_loader.generate import Generator, generate
from graph_loader.generate.gazetteer import load_gazetteer
from graph_loader.generate.lexicon import load_lexicon
from graph_loader.lang import levels as lang_levels

N = int(os.environ.get("SAFETYKG_GEN_TEST_N", "120"))  # raise to check more articles
SEED = 11
GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_T2S = opencc.OpenCC("t2s").convert
LEVELS = {*lang_levels.LEVELS, None}  # a meeting with no stated level has None
ROLES = {"chair", "speaker", "attendee"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MD = re.compile(r"^--\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen")
    generate(N, SEED, out)
    return out


@pytest.fixture(scope="module")
def articles(corpus) -> list[tuple[str, str, dict]]:
    """(original text, simplified text with glosses removed, gold) per article."""
    got = []
    for g in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        raw = (corpus / "texts" / f"{g.stem}.txt").read_text(encoding="utf-8")
        plain = unicodedata.normalize("NFKC", _T2S(GLOSS.sub("", raw)))
        got.append((raw, plain, gold))
    return got


def _all_paths() -> set[str]:
    import jionlp

    paths = set()
    for p, pv in jionlp.china_location_loader().items():
        paths.add(p)
        for c, cv in pv.items():
            if c.startswith("_"):
                continue
            paths.add(p + c)
            paths.update(p + c + x for x in cv if not x.startswith("_"))
    return paths


def test_same_seed_same_bytes(tmp_path, corpus):
    generate(N, SEED, tmp_path)
    names = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.*"))
    assert names == sorted(p.relative_to(corpus) for p in corpus.rglob("*.*"))
    assert len(names) == 2 * N
    for rel in names:
        assert (tmp_path / rel).read_bytes() == (corpus / rel).read_bytes(), rel


def test_workers_write_the_same_bytes(tmp_path):
    generate(210, 3, tmp_path / "one")
    generate(210, 3, tmp_path / "two", workers=2)
    one = sorted((tmp_path / "one").rglob("*.*"))
    assert len(one) == 420
    for f in one:
        assert f.read_bytes() == (tmp_path / "two" / f.relative_to(tmp_path / "one")).read_bytes()


def test_other_seed_other_corpus():
    a = Generator(5, 1).article(3)
    b = Generator(5, 2).article(3)
    assert a.text != b.text


def test_cli_generate(tmp_path):
    assert main(["generate", "--count", "3", "--seed", "4", "--out", str(tmp_path)]) == 0
    assert len(list((tmp_path / "texts").glob("*.txt"))) == 3
    assert len(list((tmp_path / "gold").glob("*.json"))) == 3


def test_gold_shape(articles, corpus):
    sectors = {ln.split("\t")[0] for ln in
               (Path(__file__).parents[1] / "graph_loader/generate/data/sectors.tsv").read_text().splitlines()[1:]}
    paths = _all_paths()
    for _, _, g in articles:
        assert set(g) == {"doc_id", "published", "reporters", "ignore_names", "persons", "meetings",
                          "inspections", "directives", "incidents", "regions", "sectors"}
        assert (corpus / "texts" / f"{g['doc_id']}.txt").exists()
        assert g["published"] is None or ISO.match(g["published"])
        assert all(isinstance(n, str) and n for n in g["reporters"] + g["ignore_names"])
        names = [p["name"] for p in g["persons"]]
        assert len(names) == len(set(names))
        assert not set(names) & set(g["reporters"] + g["ignore_names"])
        for p in g["persons"]:
            assert isinstance(p["titles"], list) and all(isinstance(t, str) and t for t in p["titles"])
        for i, m in enumerate(g["meetings"]):
            assert set(m) == {"date", "region", "level", "participants", "relays"}
            assert m["date"] is None or ISO.match(m["date"]) or MD.match(m["date"])
            assert m["level"] in LEVELS
            assert m["region"] is None or m["region"] in paths
            assert m["participants"] or m["relays"] or m["level"] in ("national", "province")
            for x in m["participants"]:
                assert x["role"] in ROLES and x["name"] in names
            for r in m["relays"]:
                assert (set(r) == {"directive"} and r["directive"] in {d["title"] for d in g["directives"]}) \
                    or (set(r) == {"meeting"} and 0 <= r["meeting"] < i)
            if g["published"] and m["date"] and ISO.match(m["date"]):
                assert m["date"] <= g["published"]
        for x in g["inspections"]:
            assert set(x) == {"team", "target", "start", "end"}
            assert x["target"] and x["start"] is None or ISO.match(x["start"]) or MD.match(x["start"])
            assert x["end"] is None or x["start"] <= x["end"]
        for d in g["directives"]:
            assert set(d) == {"title", "issuer"} and d["title"]
            year = re.search(r"20\d\d", d["title"])
            if year and g["published"]:  # no relaying a plan before the year it names
                assert g["published"][:4] >= year.group(0), (g["doc_id"], d["title"])
        assert all(r in paths for r in g["regions"]), g["regions"]
        assert set(g["sectors"]) <= sectors


def test_text_bears_out_gold(articles):
    lex = load_lexicon()
    for _, plain, g in articles:
        for p in g["persons"]:
            assert p["name"] in plain, (g["doc_id"], p["name"])
            for t in p["titles"]:
                assert t + p["name"] in plain or t + "、" in plain or t in plain, (g["doc_id"], t)
        for n in g["reporters"] + g["ignore_names"]:
            assert n in plain
        for d in g["directives"]:
            assert d["title"] in plain.replace("“", "").replace("”", ""), d["title"]
            if d["issuer"]:
                assert d["issuer"] in plain
        for inc in g["incidents"]:
            assert inc in plain.replace("“", "").replace("”", "")
        if g["published"]:
            y, m, d = g["published"].split("-")
            assert g["published"] in plain or f"{y}年{m}月{d}日" in plain or f"{y}年{int(m)}月{int(d)}日" in plain
        for m in g["meetings"]:
            if m["date"] and m["date"].startswith("--"):  # no year anywhere to derive one from
                assert g["published"] is None and not re.search(r"\d{4}年\d", plain)
        assert set(g["sectors"]) == lex.sectors_in(plain) or "?" in plain


def test_regions_named_and_only_those(articles):
    gaz = load_gazetteer()
    by_name = {}
    for prov in gaz.provinces:
        by_name[prov.name] = prov
        for pref in gaz.prefectures[prov.name]:
            by_name[pref.name] = pref
            for c in gaz.counties[pref.path]:
                by_name[c.name] = c
    for _, plain, g in articles:
        gold = set(g["regions"])
        by_incident = {i.region for i in load_lexicon().incidents if i.title in g["incidents"]}
        for path in gold - by_incident:
            assert any(path.endswith(r.name) and (r.name in plain or r.alias in plain)
                       for r in by_name.values()), path
        # a usable division written out in full must be gold, or an ancestor of a gold path
        found = [n for n in by_name if len(n) >= 3 and n in plain]
        for name in found:
            if any(name in longer and name != longer for longer in found):  # 鞍山市 in 马鞍山市
                continue
            r = by_name[name]
            assert any(p == r.path or p.startswith(r.path) for p in gold), (g["doc_id"], name)


def test_variety_of_surface(articles):
    raws = [raw for raw, _, _ in articles]
    assert sum(_T2S(r) != r for r in raws) >= N // 8  # traditional script
    assert sum(bool(GLOSS.search(r)) for r in raws) >= N // 20  # pinyin glosses
    assert sum("?;" in r or "??" in r for r in raws) >= 3  # mojibake
    assert sum("昨天" in r or "昨日" in r or "今天" in r for r in raws) >= 2  # relative dates
    assert sum(bool(re.search(r"\d+月\d+日至\d+月\d+日", r)) for r in raws) >= 3  # date ranges
    assert sum("责编" in r or "编辑" in r for r in raws) >= 5
    assert sum("ICP备" in r for r in raws) >= 5


def test_gold_variety(articles):
    golds = [g for _, _, g in articles]
    levels = {m["level"] for g in golds for m in g["meetings"]}
    assert {"province", "prefecture", "county", "national"} <= levels
    assert any(m["date"] and m["date"].startswith("--") for g in golds for m in g["meetings"])
    assert any(r.get("meeting") is not None for g in golds for m in g["meetings"] for r in m["relays"])
    assert sum(bool(g["inspections"]) for g in golds) >= N // 6
    roles = {x["role"] for g in golds for m in g["meetings"] for x in m["participants"]}
    assert roles == ROLES
    assert any(g["published"] is None for g in golds) and any(g["published"] for g in golds)


def test_officials_recur_across_articles(articles):
    """The same post of the same region has the same holder in every article (resolution needs it)."""
    seen: dict[str, set[str]] = {}
    for _, _, g in articles:
        for p in g["persons"]:
            seen.setdefault(p["name"], set()).add(g["doc_id"])
    assert any(len(docs) >= 2 and name != "习近平" for name, docs in seen.items())
    titles = [d["title"] for _, _, g in articles for d in g["directives"]]
    assert len(titles) > len(set(titles))  # directives propagate: one title in several articles


def test_score_of_gold_against_itself(corpus):
    import importlib.util

    from tests.shared_data import shared_path

    score_py = shared_path("gold", "score.py")
    spec = importlib.util.spec_from_file_location("score", score_py)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    result, _ = mod.score(corpus / "gold", corpus / "gold")
    assert all(m["f1"] == 1.0 for m in result.values()), result


def test_sectors_longest_form_wins_wherever_it_starts():
    lex = load_lexicon()
    assert lex.sectors_in("要深化工业园区安全整治") == {"工业园区"}  # not 化工
    assert lex.sectors_in("森林防火和非煤矿山") == {"自然灾害", "非煤矿山"}  # not 消防, 煤矿
    assert lex.sectors_in("建筑业和?;?") == {"建筑施工"}  # a synonym; a garbled span names nothing


def test_named_branch_venue_is_a_county_meeting_relaying_the_province(articles):
    """Issue 3 in the gold: `{who}在{place}分会场参加会议` is the county's meeting, same date as the
    province meeting it relays, with the named official attending it (not the province meeting)."""
    seen = 0
    for _raw, plain, gold in articles:
        if "分会场参加会议" not in plain:
            continue
        venues = [(i, m) for i, m in enumerate(gold["meetings"])
                  if m["level"] == "county" and any(p["role"] == "attendee" for p in m["participants"])
                  and m["relays"] and "meeting" in m["relays"][0]]
        assert venues, gold["meetings"]
        i, venue = venues[0]
        higher = gold["meetings"][venue["relays"][0]["meeting"]]
        assert higher["level"] == "province" and venue["date"] == higher["date"]
        assert not any(p["name"] == venue["participants"][0]["name"] for p in higher["participants"])
        # the prefecture meeting that follows relays the province meeting, not the venue
        assert all(r.get("meeting") != i for m in gold["meetings"] for r in m["relays"])
        seen += 1
    assert seen, "no named branch venue in the test corpus: raise SAFETYKG_GEN_TEST_N"
