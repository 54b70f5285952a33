"""Metamorphic check of ingest + extraction: the same report in the forms scraped pages take gives the same record.

Each article of a folder is rewritten by ONE transformation at a time (the forms real pages show: traditional
script, pinyin glosses after characters, half-width punctuation, full-width digits, a stray space inside a word,
a line break in mid-sentence, other dots in an incident's code, HTML leftovers, the page's chrome around the story:
breadcrumb, page tools, an editor's line, other articles' headlines with dates); original and variant are ingested
and extracted, and their records compared dimension by dimension after the normalisation the scorer applies
(`../shared/gold/score.py` `dimensions`, the article's gold supplying the names it skips when a gold folder is
given). The output counts, per transformation, the articles whose record changed, and lists the items that
differ (`-` only in the original's record, `+` only in the variant's).

    PYTHONPATH=. python -m bench.variants TEXTS [--gold GOLD] [--only s2t,space]
        [--show N] [--workers 2] [--json OUT]

The transformations are seeded by the article's id, so a run is repeatable and two code versions see the same
variants. Not a test: a run over 400 articles takes a few minutes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

# the shared scorer next to the repository (../shared), unless SAFETYKG_SCORE_PY names another (as bench/quality.py)
SCORE_PY = Path(os.environ.get("SAFETYKG_SCORE_PY")
                or Path(__file__).resolve().parents[2] / "shared" / "gold" / "score.py")

HAN = "\u4e00-\u9fff"

# a few frequent characters of the genre with their readings, as sites gloss them (`會(huì)议`)
GLOSSES = {"会": "huì", "议": "yì", "产": "chǎn", "安": "ān", "全": "quán", "生": "shēng", "长": "zhǎng",
           "记": "jì", "书": "shū", "政": "zhèng", "县": "xiàn", "市": "shì", "省": "shěng", "主": "zhǔ",
           "持": "chí", "强": "qiáng", "调": "diào", "部": "bù", "署": "shǔ", "作": "zuò", "参": "cān",
           "加": "jiā", "月": "yuè", "日": "rì", "委": "wěi", "副": "fù", "区": "qū", "镇": "zhèn"}
_FULL_HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}
_SWAP_PUNCT = str.maketrans({**_FULL_HALF, **{h: f for f, h in _FULL_HALF.items()}})
_NUMBER_COMMA = re.compile(r"(?<=\d)，(?=\d)")
_FULL_DIGITS = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})
_CODE_DOT = re.compile(r"(?<=\d)·(?=\d)")
_SENT_END = re.compile("[。！？]")


@lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


def s2t(text: str, rng: random.Random) -> str:
    """The whole page in traditional script (OpenCC s2t)."""
    return _s2t()(text)


def gloss(text: str, rng: random.Random) -> str:
    """A tone-marked pinyin reading after about one in three of the glossed characters (`会(huì)议`)."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in GLOSSES and rng.random() < 0.33:
            out.append(f"({GLOSSES[ch]})")
    return "".join(out)


def punct_swap(text: str, rng: random.Random) -> str:
    """Commas, colons, semicolons, parentheses, ! and ? in the other width (`,` for `，` and `，` for `,`; a
    thousands comma `1,000` stays)."""
    return _NUMBER_COMMA.sub(",", text.translate(_SWAP_PUNCT))


def digits_full(text: str, rng: random.Random) -> str:
    """Arabic digits set full-width (`１２月`)."""
    return text.translate(_FULL_DIGITS)


def _body_start(text: str) -> int:
    """Where the story's running text starts: after the first line that ends a sentence or the first 200
    characters, so the header (title, date line) is left alone."""
    m = _SENT_END.search(text)
    return text.rfind("\n", 0, m.start()) + 1 if m else 0


def _han_pairs(text: str, lo: int) -> list[int]:
    """Positions p (>= lo) with text[p-1] and text[p] Han characters: where a stray mark can fall in a word."""
    return [lo + m.start() + 1 for m in re.finditer(f"(?=[{HAN}][{HAN}])", text[lo:])]


def _words2(text: str, lo: int) -> list[int]:
    """Middles of two-character words (jieba) of the running text: where a stray space falls inside a word."""
    import jieba

    out, pos = [], 0
    for w in jieba.lcut(text):
        if pos >= lo and len(w) == 2 and re.fullmatch(f"[{HAN}]{{2}}", w):
            out.append(pos + 1)
        pos += len(w)
    return out


def _insert(text: str, positions: list[int], what: str) -> str:
    for p in sorted(positions, reverse=True):
        text = text[:p] + what + text[p:]
    return text


def space(text: str, rng: random.Random, k: int = 3) -> str:
    """A space (one or two) inside k two-character words of the running text (`政 策`)."""
    cands = _words2(text, _body_start(text))
    picks = rng.sample(cands, min(k, len(cands)))
    for p in sorted(picks, reverse=True):
        text = text[:p] + rng.choice([" ", "  ", "\u3000"]) + text[p:]
    return text


def linebreak(text: str, rng: random.Random, k: int = 3) -> str:
    """A line break between two Han characters inside k sentences of the running text (a page's hard wrap)."""
    cands = _han_pairs(text, _body_start(text))
    return _insert(text, rng.sample(cands, min(k, len(cands))), "\n")


def dots(text: str, rng: random.Random) -> str:
    """The mark between month and day in a code (`3·21`) as another page sets it (`3˙21`, `3•21`, `3・21`); not `.`,
    which the scorer compares as a character of the name (`3.21` is another spelling of the name)."""
    alt = rng.choice(["˙", "•", "・", "∙", "‧"])
    return _CODE_DOT.sub(alt, text)


def html(text: str, rng: random.Random) -> str:
    """HTML leftovers: `&nbsp;` opening paragraphs and an empty image line (`![]()`) after the first one."""
    lines = text.split("\n")
    start = text[: _body_start(text)].count("\n")
    out = []
    for i, line in enumerate(lines):
        if i >= start and line.strip():
            line = "&nbsp;&nbsp;" + line
        out.append(line)
        if i == start:
            out.append("![](http://www.example.gov.cn/images/1.jpg)")
    return "\n".join(out)


# what a scraped page leaves around a story (made up): the site's path, its page tools, the editor's line and a list
# of other articles' headlines, some naming other places and meetings, each with its date
_CRUMBS = ["首页 > 新闻中心 > 工作动态", "当前位置：首页 > 政务公开 > 部门动态", "您现在的位置：首页 >> 要闻 >> 本地新闻",
           "首页 / 信息公开 / 工作动态"]
_TOOLS = ["【打印】【关闭】", "【打印本页】 【关闭窗口】", "分享到：", "【字体：大 中 小】", "扫一扫在手机打开当前页"]
_EDITORS = ["责任编辑：王某", "责任编辑:李某某", "（责任编辑：张某）", "编辑：赵某 审核：钱某"]
_RELATED_HEADS = ["相关新闻", "相关阅读", "推荐阅读", "热点推荐", ""]
_HEADLINES = ["全省防汛抗旱工作视频会议召开", "杭州市开展节前消防安全大检查", "某区召开农村人居环境整治推进会",
              "市领导调研春耕生产工作", "成都两车相撞致3人受伤", "我县举办应急救援技能竞赛",
              "副市长带队督查城镇燃气安全", "全市文明城市创建工作推进会召开", "某镇开展森林防火宣传月活动",
              "郑州一在建工地塔吊倒塌", "省应急管理厅召开党组会议", "全国安全生产月活动启动"]


def junk(text: str, rng: random.Random) -> str:
    """The page's chrome around the story: a breadcrumb line above it, and below it page tools, an editor's line
    and a list of other articles' headlines with their dates (after a heading such as `相关新闻` or none, as
    pages have it: `• 某地…  2023-06-12`, `上一篇：…`)."""
    top = rng.choice(_CRUMBS)
    heads = rng.sample(_HEADLINES, rng.randint(3, 5))
    year = rng.randint(2015, 2024)
    dated = [f"{rng.choice(['', '• ', '· '])}{h} {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for h in heads]
    tail = [rng.choice(_TOOLS), rng.choice(_EDITORS)]
    if rng.random() < 0.5:
        tail.append(f"上一篇：{heads[0]}")
        tail.append(f"下一篇：{heads[1]}")
    head = rng.choice(_RELATED_HEADS)
    tail += ([head] if head else []) + dated
    return top + "\n" + text.rstrip("\n") + "\n" + "\n".join(tail) + "\n"


_STORY_END = re.compile("[。！？”’」』)）]$")


def _header_story_footer(text: str) -> tuple[str, list[str], str]:
    """The page above the story's running text (headline, date line, byline) as it is, the story's own lines (up to
    the last one that ends a sentence or a closing parenthesis: `(记者 张三)`; blank lines left out) and the page
    below it (editor, page tools) as it is."""
    start = _body_start(text)
    rest = text[start:].split("\n")
    end = max((i for i, x in enumerate(rest) if _STORY_END.search(x.strip())), default=len(rest) - 1) + 1
    return text[:start], [x.strip() for x in rest[:end] if x.strip()], "\n".join(rest[end:])


def oneline(text: str, rng: random.Random) -> str:
    """The story on one line with its header, as a scrape that lost the content's line breaks gives it: the
    headline, the date line and the byline first, each run into what follows after a space or two, then the
    story's paragraphs run together (nothing between them, a space, or the paragraph's indent `\u3000\u3000`); the
    page below the story (editor, page tools) stays as it is."""
    head, story, foot = _header_story_footer(text)
    sep = rng.choice(["", " ", "\u3000\u3000"])
    lead = rng.choice([" ", "  "])
    return lead.join([x.strip() for x in head.split("\n") if x.strip()] + [sep.join(story)]) + "\n" + foot


def paras_joined(text: str, rng: random.Random) -> str:
    """The story's paragraphs run into one line (nothing between them, a space or the indent `\u3000\u3000`), the
    page above it (headline, date line) and below it (editor, page tools) as it is."""
    head, story, foot = _header_story_footer(text)
    sep = rng.choice(["", " ", "\u3000\u3000"])
    return head + sep.join(story) + "\n" + foot


# after a mark, not inside a doubled one (`，，` as scraped pages have it) nor before a closing quote
_SENT_MARK = re.compile("(?<=[。！？；])(?![”’」』）)\n。！？；，,、])")
_CLAUSE_MARK = re.compile("(?:(?<=[。！？；，])|(?<=[^0-9],))(?![”’」』）)\n。！？；，,、])")


def sentence_lines(text: str, rng: random.Random) -> str:
    """A line break after every sentence of the story (`。！？；`, after a closing quote that follows it), as a page
    that sets each sentence as a paragraph; the header is left alone."""
    start = _body_start(text)
    return text[:start] + _SENT_MARK.sub("\n", text[start:])


def clause_lines(text: str, rng: random.Random) -> str:
    """A line break after every clause of the story (`，` too, and a half-width `,` but a thousands comma), as a page
    hard-wrapped at its commas."""
    start = _body_start(text)
    return text[:start] + _CLAUSE_MARK.sub("\n", text[start:])


TRANSFORMS: dict[str, Callable[[str, random.Random], str]] = {
    "s2t": s2t,
    "gloss": gloss,
    "punct_swap": punct_swap,
    "digits_full": digits_full,
    "space": space,
    "linebreak": linebreak,
    "dots": dots,
    "html": html,
    "junk": junk,
    "oneline": oneline,
    "paras_joined": paras_joined,
    "sentence_lines": sentence_lines,
    "clause_lines": clause_lines,
}


@lru_cache(maxsize=1)
def _scorer():
    spec = importlib.util.spec_from_file_location("gold_score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _items(gold: dict, rec: dict) -> dict[str, list]:
    """The record's scored items per dimension, as the scorer sees them (the gold supplies the skipped names)."""
    return {dim: sorted(map(str, p)) for dim, _g, p, _m in _scorer().dimensions(gold, rec)}


def _extract(name: str, text: str) -> dict:
    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import Document, ingest_bytes

    doc = ingest_bytes(text.encode("utf-8"), Path(name))
    return extract(doc).to_json_dict() if isinstance(doc, Document) else {}


def _article(args: tuple[str, str, dict, list[str]]) -> tuple[str, dict[str, dict[str, tuple[list, list]]]]:
    """Per transformation, the dimensions whose items differ: (only in the original, only in the variant)."""
    name, text, gold, names = args
    base = _items(gold, _extract(name, text))
    out: dict[str, dict[str, tuple[list, list]]] = {}
    for t in names:
        variant = TRANSFORMS[t](text, random.Random(f"{name}:{t}"))
        if variant == text:
            continue
        items = _items(gold, _extract(name, variant))
        diff = {}
        for dim, b in base.items():
            v = items[dim]
            if Counter(b) != Counter(v):
                diff[dim] = (sorted((Counter(b) - Counter(v)).elements()), sorted((Counter(v) - Counter(b)).elements()))
        out[t] = diff
    return name, out


def _warm() -> None:
    from graph_loader.extract.pipeline import warm_up

    warm_up()


def run(folder: Path, gold_dir: Path | None, names: list[str], workers: int) -> dict:
    jobs = []
    for p in sorted(folder.glob("*.txt")):
        gold = {}
        if gold_dir and (gold_dir / f"{p.stem}.json").exists():
            gold = json.loads((gold_dir / f"{p.stem}.json").read_text(encoding="utf-8"))
        jobs.append((p.name, p.read_text(encoding="utf-8", errors="replace"), gold, names))
    if workers <= 1:
        _warm()
        results = map(_article, jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm)
        results = pool.map(_article, jobs, chunksize=4)
    return dict(results)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--only", help="comma-separated transformations (default: all)")
    ap.add_argument("--show", type=int, default=5, help="differing articles listed per transformation")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the differences as JSON here")
    a = ap.parse_args(argv)
    names = a.only.split(",") if a.only else list(TRANSFORMS)
    res = run(a.folder, a.gold, names, a.workers)
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'transformation':14} {'applied':>7} {'changed':>7}  dimensions")
    for t in names:
        applied = [d for d, r in res.items() if t in r]
        changed = [d for d in applied if res[d][t]]
        dims = Counter(dim for d in changed for dim in res[d][t])
        print(f"{t:14} {len(applied):7d} {len(changed):7d}  " + " ".join(f"{k}={v}" for k, v in dims.most_common()))
    for t in names:
        changed = [d for d, r in res.items() if r.get(t)]
        for d in changed[: a.show]:
            for dim, (minus, plus) in res[d][t].items():
                print(f"  {t} {d} {dim}: -{minus} +{plus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
