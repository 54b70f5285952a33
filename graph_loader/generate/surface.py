"""How a drafted article looks on the page: bylines, date line, page furniture, script, glosses.

Nothing here changes what the article says, so the gold of story.py stays true;
the only gold written here is who signed the article (reporters) and edited it
(ignore_names), which is page matter.
"""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache

import opencc

from .story import ArticleBuilder, Draft

_FULLWIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）"})


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("s2t"), opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _gloss_table(lex_id: int, items: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], dict[str, str]]:
    """simplified char -> 'c(pinyin)' and traditional char -> '產(chǎn)'."""
    s2t, _ = _converters()
    simp = {c: f"{c}({py})" for c, py in items}
    trad = {}
    for c, py in items:
        t = s2t.convert(c)
        if len(t) == 1:
            trad[t] = f"{t}({py})"
    return simp, trad


def to_traditional(text: str) -> str | None:
    """The article in traditional script, or None when converting back would not restore it
    (the gold is simplified and must match the text once ingestion converts it back)."""
    s2t, t2s = _converters()
    trad = s2t.convert(text)
    return trad if t2s.convert(trad) == text else None


def _gloss(rng: random.Random, text: str, table: dict[str, str]) -> str:
    keys = list(table)
    chosen = rng.sample(keys, rng.randint(max(1, len(keys) // 3), len(keys)))
    return text.translate(str.maketrans({k: table[k] for k in chosen}))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def render(b: ArticleBuilder, draft: Draft, traditional_rate: float = 0.3) -> tuple[str, dict]:
    """Lay out the draft as a saved web page; returns (file text, gold record)."""
    rng, lex = b.rng, b.lex
    bp = lex.boilerplate
    region = draft.region
    paragraphs = list(draft.paragraphs)

    # bylines and editors (names stable per outlet, distinct from the story's persons)
    named = region is not None and region.path in b.regions
    sources = [s for s in bp["news_source"] if named or "{alias}" not in s]
    source = rng.choice(sources).format(alias=region.alias if region else "")
    outlet = f"{source}|{region.code if region else ''}"
    style = rng.random()
    if style < 0.75:
        reporters = [b.person(f"reporter|{outlet}|{rng.randrange(6)}", []).name]
        if rng.random() < 0.15:
            reporters.append(b.person(f"reporter|{outlet}|c{rng.randrange(6)}", []).name)
        b.persons = {k: v for k, v in b.persons.items() if k not in reporters}
        b.reporters = reporters
        if style < 0.55:
            inner = ("记者 " + reporters[0]) if rng.random() < 0.8 else reporters[0]
            if len(reporters) > 1:
                inner = f"记者 {reporters[0]} 通讯员 {reporters[1]}"
            paragraphs[0] = f"{source}({inner})" + paragraphs[0]
        else:
            paragraphs[-1] += "(" + " ".join(reporters) + ")"
    editor_line = None
    if rng.random() < 0.3:
        editor = b.person(f"editor|{outlet}|{rng.randrange(4)}", []).name
        b.persons.pop(editor, None)
        b.editors = [editor]
        editor_line = rng.choice(bp["editor_line"]).format(name=editor)

    lines: list[str] = []
    if rng.random() < 0.4:
        lines += [rng.choice(bp["breadcrumb"]), ""]
    if draft.headline:
        lines.append(draft.headline)
    if b.published is not None:
        p: date = b.published
        lines.append(rng.choice(bp["date_line"]).format(
            iso=p.isoformat(), cn=f"{p.year}年{p.month:02d}月{p.day:02d}日" if rng.random() < 0.7
            else f"{p.year}年{p.month}月{p.day}日", hm=f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
            phone=_digits(rng, 8)))
    if lines:
        lines.append("")
    layout = rng.random()
    if layout < 0.4:
        lines.append("\n\n".join(paragraphs))
    elif layout < 0.65:
        lines.append("\n".join(paragraphs))
    elif layout < 0.85:
        lines.append("\n\n".join("\u3000\u3000" + x for x in paragraphs))
    else:
        lines.append(" ".join(paragraphs))
    tail = []
    if draft.headline and rng.random() < 0.2:
        tail.append(draft.headline)
    if editor_line:
        tail.append(editor_line)
    if rng.random() < 0.35:
        abbr = lex.abbrev.get(region.province.name if region else "", "苏")
        tail.append(rng.choice(bp["footer"]).format(abbr=abbr, icp=_digits(rng, 8), k=rng.randint(1, 5),
                                                    lic=_digits(rng, 14), phone=_digits(rng, 11)))
    if rng.random() < 0.15:
        tail.append(rng.choice(bp["tail"]))
    if tail:
        lines += [""] + tail
    text = "\n".join(lines) + "\n"

    gold = b.gold(text)
    if rng.random() < 0.2:
        text = text.translate(_FULLWIDTH)
    simp_gloss, trad_gloss = _gloss_table(id(lex), tuple(lex.gloss.items()))
    if rng.random() < traditional_rate:
        trad = to_traditional(text)
        if trad is not None:
            text = trad
            if rng.random() < 0.7:
                text = _gloss(rng, text, trad_gloss)
    elif rng.random() < 0.03:
        text = _gloss(rng, text, simp_gloss)
    return text, gold
