"""Metamorphic robustness test: substitute names, places, dates or posts in real texts and their gold.

    python -m bench.substitute TEXTS GOLD [--kind names|places|dates|posts|newposts ...] [--seeds 1 2 3]
                                          [--docs] [--out DIR]

For each kind, every article of TEXTS (with a gold file in GOLD) is rewritten consistently in its text and
its gold, then the extractor runs on the original and on the rewritten article and each is scored against
its own gold (the semantics of ../shared/gold/score.py, `graph_loader.extract.scoring`). An article whose
score drops under a substitution shows a rule that holds only for the words the development set happens to
hold: a name accepted because a list knows it, a place only in a list, a post missing.

Kinds (each a consistent rewrite of text and gold; a word the text does not spell as the gold does, such as
a name in traditional script that opencc does not fold back, is left as it is):
- names: each gold person's name becomes another plausible name: a common or rarer surname with one or
  two given-name characters from a broad list (rare characters among them), a name that reads as a word
  (马力, 高峰, 文明), or a minority name joined by `·` for a dotted one; the addresses by surname or given
  name and a post (`王县长`, `国强书记`, lexicon/honorifics.tsv) follow the name.
- places: each county (and each prefecture no county of the gold hangs from) of the gold's regions becomes a
  sibling of the same parent and the same last character in the gazetteer (full name and short form); the
  gold's paths follow.
- dates: all years move by +2 and all days of the month by a few days (the same shift for every date of the
  article, kept within the month); the gold's dates follow.
- posts: a gold title ending in a post of a sibling group (局长 → 处长, 副局长 → 副处长, 一级调研员 →
  二级巡视员) takes a sibling, where the text writes the title right before the name.
- newposts: as posts, with real posts of the genre's bodies that lexicon/posts.tsv may lack (场长, 馆长, 台长).

Output: the macro F1 and the per-dimension F1 of original and substituted texts, and with --docs the
articles whose per-article score dropped, with the misses the substitution added.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from graph_loader.extract.pipeline import extract_files
from graph_loader.extract.scoring import read_gold, score

# -- names -------------------------------------------------------------------------------------------------

COMMON_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏"
                   "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万"
                   "钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包")
RARE_SURNAMES = ("禤", "庹", "訾", "鄂", "逢", "郏", "扶", "粘", "茆", "揣", "仵", "蒯", "欧阳", "司马", "上官", "诸葛")
# given-name characters: common ones, rarer ones of real names, and characters that are ordinary words
GIVEN_CHARS = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰志文斌波辉宇鹏飞浩然晨阳欣怡婷"
               "雪梅海燕春龙凤琴云峰亮宁林东旭东晓光新民卫庆福祥荣昌顺利德胜永长安全发展振兴"
               "犇淼鑫燚昉珺琛彧昶翀喆旻玥堃祎婧晗煜钰璇骞韡曌嵘舸翚頔镠璟琰玙")
WORD_NAMES = ("马力", "高峰", "文明", "张扬", "江山", "田野", "方圆", "林立", "白云", "常青", "向阳", "金山",
              "石磊", "高原", "严明", "周全", "万里", "程远", "钱进", "夏天", "秦川", "宁静", "安康", "任重",
              "李安全", "刘建设", "陈发展", "王会议", "赵卫东", "孙国庆", "周建国", "吴安平", "郑重", "胡同")
DOTTED_NAMES = ("阿不都·热合曼", "买买提·艾力", "古丽娜尔·吐尔逊", "艾力·巴拉提", "努尔兰·哈斯木",
                "吐尔洪·库尔班", "热依拉·买买提", "阿卜杜拉·克里木")
RISKY_SURNAMES = frozenset("全于向和时本各在与为从由经及")  # surnames that are also function words: no address rewrite


def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def _national_post(title: str) -> bool:
    from graph_loader.extract.lexicon_files import rows

    return any(title.endswith(r[0]) for r in rows("posts.tsv") if r[1:2] == ("国",))


def _honorifics() -> list[str]:
    from graph_loader.extract.lexicon_files import words

    return sorted(words("honorifics.tsv") - {"同志"}, key=lambda w: (-len(w), w))


def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    from graph_loader.ingest.rules import surnames

    s = surnames()
    return frozenset(x for x in s if len(x) == 2), frozenset(x for x in s if len(x) == 1)


def split_name(name: str) -> tuple[str, str]:
    compound, _ = _surnames()
    s = 2 if name[:2] in compound and len(name) >= 4 else 1
    return name[:s], name[s:]


def new_name(rng: random.Random, old: str, taken: set[str], surname_map: dict[str, str]) -> str:
    """A name for `old` that the article does not hold yet (the surname mapped once per article)."""
    if "·" in old:
        return next(n for n in rng.sample(DOTTED_NAMES, len(DOTTED_NAMES)) if n not in taken)
    sur, _given = split_name(old)
    for _ in range(200):
        r = rng.random()
        if r < 0.25:
            cand = rng.choice(WORD_NAMES)
            s, g = split_name(cand)
            if s in surname_map.values() or sur in surname_map:
                s = surname_map.get(sur, s)
            cand = s + g
        else:
            if sur in surname_map:
                s = surname_map[sur]
            elif rng.random() < 0.15:
                s = rng.choice(RARE_SURNAMES)
            else:
                s = rng.choice(COMMON_SURNAMES)
            g = "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2, 2))))
            cand = s + g
        if cand not in taken and cand != old and not any(cand in t or t in cand for t in taken):
            surname_map.setdefault(sur, split_name(cand)[0])
            return cand
    return old


# -- places ------------------------------------------------------------------------------------------------

def _gazetteer():
    from graph_loader.extract.regions import gazetteer

    return gazetteer()


def _surfaces(path: str) -> list[str]:
    gz = _gazetteer()
    place = gz.by_path[path]
    out = [place.name] + [s for s, fs in gz.forms.items() if s != place.name and any(
        f.place.path == path and f.kind == "alias" for f in fs)]
    return out


def _siblings(path: str) -> list[str]:
    gz = _gazetteer()
    p = gz.by_path[path]
    # a functional zone listed among the counties (code `xxxx7x`: `某某经济技术开发区`, `某某管理区`) is no division
    # the gold lists (`regions.division_path`): no sibling
    return [q.path for q in gz.places if q.parent == p.parent and q.level == p.level and q.path != path
            and q.name[-1] == p.name[-1] and not (q.code and len(q.code) >= 6 and q.code[4] == "7")]


# -- dates -------------------------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_DATES = re.compile(
    r"(?<![0-9])(?P<isoy>(?:19|20)[0-9]{2})(?P<s1>[-./年])(?P<isom>[0-9]{1,2})(?P<s2>[-./月])(?P<isod>[0-9]{1,2})(?![0-9])"
    r"|--(?P<mdm>[0-9]{2})-(?P<mdd>[0-9]{2})(?![0-9])"
    # a month-day whose 月 the page lost (`1129日`), and one written with a dot in brackets (`今天(9.13)`)
    r"|(?<![0-9年月.．/第])(?P<lm>1[0-2]|[1-9])(?P<ld>[0-2][0-9]|3[01])(?=[日号])"
    r"|(?<=[(（])(?P<pm>1[0-2]|[1-9])(?P<ps>[.．])(?P<pd>[0-9]{1,2})(?=[)）])"
    r"|(?<![0-9])(?P<d>[0-9]{1,2})(?=\s*[日号])"
    # a day after its month whose 日 the page lost (`3月29下午`), the first day of a range (`9月21至25日`)
    r"|(?<=月)(?P<md>[0-9]{1,2})(?![0-9])"
    r"|(?<![0-9])(?P<rd>[0-9]{1,2})(?=\s*(?:至|到|-|—|~)\s*[0-9]{1,2}\s*[日号])"
    # a page's day-first (`17.05.2017`) or American (`03/24/2011`) date
    r"|(?<![0-9])(?P<e1>[0-9]{2})(?P<es>[./])(?P<e2>[0-9]{2})(?P=es)(?P<ey>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?<![0-9])(?P<y>20[0-2][0-9]|199[0-9])(?![0-9])"
    # Chinese numerals: a year digit by digit (`二〇〇六年`, `二○○六年`), a day (`十三日`, `二十一日`)
    r"|(?P<cy>[〇○零一二三四五六七八九]{4})(?=\s*年)"
    r"|(?<=月)(?P<cd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号])")
"""A date of the text or the gold: a full date (`2019年7月20日`, `2019-07-20`, `2019.7.20`), the gold's
year-less `--07-20`, a day of the month (`20日`, `20号`, `1120日` without its 月, `(11.20)`, `11月20下午`,
`20至22日`), a page's `20.11.2019` or `11/20/2019`, a year, or a
year or day in Chinese numerals (`二〇一九年十一月二十日`); each moved by the article's shift."""


def _cn_number(s: str) -> int:
    if "十" not in s:
        return _CN_DIGITS.index(s) if s in _CN_DIGITS else int("".join(str(_CN_DIGITS.index(c)) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)


def _cn_day(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ((_CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (_CN_DIGITS[ones] if ones else "")


def _cn_year(s: str, dy: int) -> str:
    zero = next((c for c in s if c in "〇○零"), "〇")
    digits = str(int("".join(str(_CN_DIGITS.index("〇" if c in "〇○零" else c)) for c in s)) + dy)
    return "".join(zero if c == "0" else _CN_DIGITS[int(c)] for c in digits)


# -- posts -------------------------------------------------------------------------------------------------

POST_GROUPS = (
    ("局长", "处长", "科长", "所长", "站长", "队长", "院长", "主任", "部长"),
    ("副局长", "副处长", "副科长", "副所长", "副站长", "副队长", "副院长", "副主任", "副部长"),
    ("一级调研员", "二级调研员", "三级调研员", "一级巡视员", "二级巡视员", "督察长", "总工程师", "总经济师"),
    ("党组书记", "党委书记", "党工委书记"),
    ("副县长", "常务副县长"), ("副市长", "常务副市长"), ("副区长", "常务副区长"),
)
# real posts of the genre's bodies (forest farms, museums, stations, courts, kindergartens, enterprises)
NEW_POSTS = {"局长": ("场长", "馆长", "台长", "庭长", "园长", "审计长", "安全总监"),
             "副局长": ("副场长", "副馆长", "副台长", "副庭长", "副园长", "总工", "安全副矿长"),
             "主任": ("场长", "馆长", "台长", "主管"), "副主任": ("副场长", "副馆长", "副台长"),
             "队长": ("场长", "站长"), "所长": ("场长", "馆长")}


def _sibling_post(rng: random.Random, title: str, kind: str) -> tuple[str, str] | None:
    """(old post, new post) for a title ending in a post of a group."""
    for group in sorted(POST_GROUPS, key=lambda g: -max(map(len, g))):
        for post in sorted(group, key=len, reverse=True):
            if title.endswith(post):
                if kind == "newposts":
                    if post not in NEW_POSTS:
                        return None
                    return post, rng.choice(NEW_POSTS[post])
                return post, rng.choice([p for p in group if p != post])
    return None


# -- one article ---------------------------------------------------------------------------------------------

def _replace_all(text: str, mapping: dict[str, str], folded: str | None = None) -> str:
    """Every occurrence of the mapping's keys (longest first) replaced; found in `folded` (the simplified
    text, of the same length) where given, so a traditional text's words are found by their gold form."""
    if not mapping:
        return text
    pat = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    hay = folded if folded is not None and len(folded) == len(text) else text
    out, last = [], 0
    for m in pat.finditer(hay):
        out.append(text[last:m.start()])
        out.append(mapping[m.group()])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def substitute(text: str, gold: dict, kind: str, rng: random.Random) -> tuple[str, dict, int]:
    """(new text, new gold, number of words substituted)."""
    folded = _t2s()(text)
    hay = folded if len(folded) == len(text) else text
    gold_s = json.dumps(gold, ensure_ascii=False)
    mapping: dict[str, str] = {}
    if kind == "names":
        skip = set(gold.get("reporters", [])) | set(gold.get("ignore_names", []))
        # national leaders keep their names: a report cites the real ones (posts.tsv level 国)
        national = {p["name"] for p in gold.get("persons", []) if any(_national_post(t) for t in p.get("titles", []))}
        names = sorted({p["name"] for p in gold.get("persons", []) if p["name"] not in skip | national}, key=len,
                       reverse=True)
        skip |= national
        taken = set(names) | skip
        smap: dict[str, str] = {}
        for name in names:
            if len(name) < 2 or name not in hay or any(name in n for n in names if n != name):
                continue
            new = new_name(rng, name, taken, smap)
            if new == name:
                continue
            taken.add(new)
            mapping[name] = new
            (os_, og), (ns, ng) = split_name(name), split_name(new)
            for h in _honorifics():
                if len(og) == 2 and len(ng) == 2 and "·" not in name + new:
                    mapping.setdefault(og + h, ng + h)
                if os_ not in RISKY_SURNAMES and "·" not in name + new and ns:
                    mapping.setdefault(os_ + h, ns + h)
        # an address never rewrites another name of the article
        for k in [k for k in mapping if k not in names and any(k in n for n in names)]:
            del mapping[k]
        gold_map = {k: v for k, v in mapping.items() if k in names}
        return _replace_all(text, mapping, folded), json.loads(_replace_all(gold_s, gold_map)), len(gold_map)
    if kind == "places":
        gz = _gazetteer()
        paths: set[str] = set(gold.get("regions", []))
        paths |= {m["region"] for m in gold.get("meetings", []) if m.get("region")}
        inside = set(_json_strings(gold))
        chosen: dict[str, str] = {}
        for path in sorted(paths):
            place = gz.by_path.get(path)
            if place is None or place.level not in ("county", "prefecture"):
                continue
            below = [q for q in inside if q != path and q.startswith(path)]
            if below or any(path.startswith(c) or c.startswith(path) for c in chosen):
                continue
            old_surf = [s for s in _surfaces(path) if len(s) >= 2]
            if not any(s in hay for s in old_surf):
                continue
            # a place the text names by a former level (`某某县` of a county now `某某区`) has no consistent rewrite:
            # a sibling's short form with that level (`新名县`) is no place
            if any(s + c in hay or s.endswith(c) and s in hay for s in old_surf if s != place.name
                   for c in "县市区旗" if c != place.name[-1]):
                continue
            sibs = [s for s in _siblings(path) if not any(x in hay for x in _surfaces(s))
                    and not any(x in gold_s for x in _surfaces(s))]
            if not sibs:
                continue
            new = rng.choice(sibs)
            new_place = gz.by_path[new]
            new_short = sorted((s for s in _surfaces(new) if s != new_place.name), key=len)
            chosen[path] = new
            for s in old_surf:  # a short form becomes the new place's short form, or its full name (邱县 has none)
                mapping[s] = new_short[0] if s != place.name and new_short else new_place.name
        if not mapping:
            return text, gold, 0
        # gold paths hold full names only; other gold strings (titles of directives) the surfaces as written
        return _replace_all(text, mapping, folded), json.loads(_replace_all(gold_s, mapping)), len(chosen)
    if kind == "dates":
        found = list(_DATES.finditer(hay + " " + gold_s))
        days = [int(m.group(g)) for m in found for g in ("d", "ld", "pd", "md", "rd") if m.group(g)]
        days += [int(m.group("e1" if m.group("es") == "." else "e2")) for m in found if m.group("ey")]
        days += [_cn_number(m.group("cd")) for m in found if m.group("cd")]
        days += [int(m.group("isod")) for m in _DATES.finditer(hay + " " + gold_s) if m.group("isod")]
        days += [int(m.group("mdd")) for m in _DATES.finditer(gold_s) if m.group("mdd")]
        shifts = [d for d in (3, -3, 2, -2, 4, -4, 1, -1) if all(1 <= x + d <= 28 for x in days if x <= 31)]
        if not shifts:
            return text, gold, 0
        dd = rng.choice(shifts)

        def shift(m: re.Match) -> str:
            if m.group("isoy"):
                d = m.group("isod")
                return (f"{int(m.group('isoy')) + 2}{m.group('s1')}{m.group('isom')}{m.group('s2')}"
                        f"{int(d) + dd:0{len(d)}d}")
            if m.group("mdd"):
                return f"--{m.group('mdm')}-{int(m.group('mdd')) + dd:02d}"
            if m.group("d"):
                return str(int(m.group("d")) + dd) if int(m.group("d")) <= 31 else m.group("d")
            if m.group("md") or m.group("rd"):
                d = m.group("md") or m.group("rd")
                return str(int(d) + dd) if int(d) <= 31 else d
            if m.group("ey"):  # day first with dots, month first with slashes
                e1, e2 = m.group("e1"), m.group("e2")
                if m.group("es") == ".":
                    e1 = f"{int(e1) + dd:02d}"
                else:
                    e2 = f"{int(e2) + dd:02d}"
                return f"{e1}{m.group('es')}{e2}{m.group('es')}{int(m.group('ey')) + 2}"
            if m.group("lm"):
                return f"{m.group('lm')}{int(m.group('ld')) + dd:02d}"
            if m.group("pm"):
                return f"{m.group('pm')}{m.group('ps')}{int(m.group('pd')) + dd}"
            if m.group("cy"):
                return _cn_year(m.group("cy"), 2)
            if m.group("cd"):
                return _cn_day(_cn_number(m.group("cd")) + dd)
            return str(int(m.group("y")) + 2)

        return _DATES.sub(shift, text), json.loads(_DATES.sub(shift, gold_s)), 1
    if kind in ("posts", "newposts"):
        gold = json.loads(gold_s)
        n = 0
        for p in gold.get("persons", []):
            new_titles = []
            for t in p.get("titles", []):
                sp = _sibling_post(rng, t, kind)
                if sp and (t + p["name"]) in hay:
                    new_t = t[: -len(sp[0])] + sp[1]
                    mapping[t + p["name"]] = new_t + p["name"]
                    new_titles.append(new_t)
                    n += 1
                else:
                    new_titles.append(t)
            p["titles"] = new_titles
        return _replace_all(text, mapping, folded), gold, n
    raise ValueError(kind)


def _json_strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _json_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _json_strings(v)]
    return []


# -- running -------------------------------------------------------------------------------------------------

def _run(texts: Path, golds: dict[str, dict], workers: int) -> tuple[dict, dict, list]:
    preds = {r.doc_id: r.record or {} for r in extract_files([str(texts)], workers) if r.doc_id}
    return score(golds, preds)


def _macro(result: dict) -> float:
    return sum(m["f1"] for m in result.values()) / len(result)


def _doc_f1(dims: dict) -> float:
    tp = sum(v[0] for v in dims.values())
    g = sum(v[1] for v in dims.values())
    p = sum(v[2] for v in dims.values())
    return 2 * tp / (g + p) if g + p else 1.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("texts")
    ap.add_argument("gold")
    ap.add_argument("--kind", nargs="+", default=["names", "places", "dates", "posts", "newposts"])
    ap.add_argument("--seeds", nargs="+", type=int, default=[1])
    ap.add_argument("--docs", action="store_true", help="list the articles whose score dropped, with the new misses")
    ap.add_argument("--out", help="keep the substituted texts and gold here (one folder per kind and seed)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    gold_all = read_gold(args.gold)
    src = {p.stem: p for p in sorted(Path(args.texts).iterdir()) if p.stem in gold_all}
    golds = {k: gold_all[k] for k in src}
    base, base_doc, base_miss = _run(Path(args.texts), golds, args.workers)
    print(f"original: macro {_macro(base):.4f}  " + " ".join(f"{d}={m['f1']:.3f}" for d, m in base.items()))
    for kind in args.kind:
        for seed in args.seeds:
            tmp = Path(tempfile.mkdtemp(prefix=f"subst_{kind}_{seed}_"))
            (tmp / "texts").mkdir()
            new_golds, changed = {}, 0
            for doc_id, path in src.items():
                rng = random.Random(f"{seed}:{kind}:{doc_id}")
                text = path.read_text(encoding="utf-8", errors="replace")
                new_text, new_gold, n = substitute(text, golds[doc_id], kind, rng)
                changed += n > 0
                (tmp / "texts" / path.name).write_text(new_text, encoding="utf-8")
                new_golds[doc_id] = new_gold
            res, per_doc, misses = _run(tmp / "texts", new_golds, args.workers)
            # the original's score on the articles this kind changed, against the substituted one
            print(f"\n{kind} seed {seed}: {changed} articles changed; macro {_macro(base):.4f} -> {_macro(res):.4f}  "
                  + " ".join(f"{d}={base[d]['f1']:.3f}->{m['f1']:.3f}" for d, m in res.items()
                             if abs(base[d]["f1"] - m["f1"]) >= 0.0005))
            drops = sorted(((_doc_f1(base_doc[d]) - _doc_f1(per_doc[d]), d) for d in per_doc), reverse=True)
            drops = [(x, d) for x, d in drops if x > 1e-9]
            print(f"  articles with a lower score: {len(drops)}")
            if args.docs:
                old = {(m.doc_id, m.dimension, m.kind) for m in base_miss}
                for x, d in drops:
                    print(f"  {d} -{x:.3f}")
                    for m in misses:
                        if m.doc_id == d and (m.doc_id, m.dimension, m.kind) not in old:
                            print(f"    {m.kind} {m.dimension} {m.item}")
            if args.out:
                dest = Path(args.out) / f"{kind}_{seed}"
                shutil.rmtree(dest, ignore_errors=True)
                (dest / "gold").mkdir(parents=True)
                shutil.copytree(tmp / "texts", dest / "texts")
                for doc_id, g in new_golds.items():
                    (dest / "gold" / f"{doc_id}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1),
                                                                  encoding="utf-8")
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
