"""Scoring against gold records, exactly as ../shared/gold/score.py does, plus the misses.

The scorer's logic is copied (the shared folder is not part of the package); keep
the two in step: `safetykg evaluate` and `python3 gold/score.py` must agree.
Per dimension, micro-averaged precision / recall / F1 over the gold documents; a
gold document without a prediction counts as an empty prediction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph_loader.lang.titles import same_post


@cache
def _t2s() -> Callable[[str], str]:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # pragma: no cover - opencc is a dependency; keep the scorer's fallback
        return lambda s: s


_PUNCT = re.compile(r"[\s《》〈〉“”\"'‘’「」『』()（）\[\]【】,，、。:：;；!！?？·•・\-—_]")


def norm_name(s: str | None) -> str:
    return _t2s()(unicodedata.normalize("NFKC", s or "")).replace(" ", "").strip()


def norm_title(s: str | None) -> str:
    return _PUNCT.sub("", norm_name(s))


def titles_match(a: str, b: str) -> bool:
    return same_post(norm_name(a), norm_name(b))


def date_match(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    if gold.startswith("--"):
        return pred[-6:] == gold[-6:]
    return gold == pred


def _eq(a: Any, b: Any) -> bool:
    return a == b


def tally(gold_items: list, pred_items: list, match: Callable[[Any, Any], bool]) -> tuple[int, list, list]:
    """Greedy one-to-one matching: (true positives, unmatched gold, unmatched predictions)."""
    pred_left = list(pred_items)
    gold_left = []
    tp = 0
    for g in gold_items:
        for i, p in enumerate(pred_left):
            if match(g, p):
                tp += 1
                del pred_left[i]
                break
        else:
            gold_left.append(g)
    return tp, gold_left, pred_left


Dimension = tuple[str, list, list, Callable[[Any, Any], bool]]


def dimensions(gold: dict, pred: dict) -> Iterator[Dimension]:
    """(dimension, gold_items, pred_items, match) for one document, as score.py defines them."""
    skip = {norm_name(n) for n in gold.get("reporters", []) + gold.get("ignore_names", [])}

    def persons(rec: dict) -> list:
        return sorted({norm_name(p["name"]) for p in rec.get("persons", [])} - skip)

    def titles(rec: dict) -> list:
        return sorted({(norm_name(p["name"]), norm_name(t))
                       for p in rec.get("persons", []) for t in p.get("titles", [])
                       if norm_name(p["name"]) not in skip})

    def participation(rec: dict) -> list:
        return sorted({(norm_name(x["name"]), x.get("role"))
                       for m in rec.get("meetings", []) for x in m.get("participants", [])
                       if norm_name(x["name"]) not in skip})

    def relays(rec: dict) -> list:
        ms = rec.get("meetings", [])
        out = set()
        for m in ms:
            for r in m.get("relays", []):
                if r.get("directive"):
                    out.add((m.get("level"), "d:" + norm_title(r["directive"])))
                elif isinstance(r.get("meeting"), int) and 0 <= r["meeting"] < len(ms):
                    out.add((m.get("level"), "m:" + str(ms[r["meeting"]].get("level"))))
        return sorted(out, key=str)

    def titled(rec: dict, key: str) -> list:
        return sorted({norm_title(d["title"] if isinstance(d, dict) else d) for d in rec.get(key, [])})

    yield ("persons", persons(gold), persons(pred), _eq)
    yield ("titles", titles(gold), titles(pred), lambda g, p: g[0] == p[0] and titles_match(g[1], p[1]))
    yield ("participation", participation(gold), participation(pred), _eq)
    gm = [(m.get("date"), m.get("level")) for m in gold.get("meetings", [])]
    pm = [(m.get("date"), m.get("level")) for m in pred.get("meetings", [])]
    yield ("meetings", gm, pm, lambda g, p: date_match(g[0], p[0]) and (g[1] is None or g[1] == p[1]))
    yield ("meeting_regions",
           [m["region"] for m in gold.get("meetings", []) if m.get("region")],
           [m.get("region") for m in pred.get("meetings", []) if m.get("region")], _eq)
    yield ("relays", relays(gold), relays(pred), _eq)
    gi = [(norm_name(i.get("target")), i.get("start")) for i in gold.get("inspections", [])]
    pi = [(norm_name(i.get("target")), i.get("start")) for i in pred.get("inspections", [])]
    yield ("inspections", gi, pi, lambda g, p: g[0] == p[0] and date_match(g[1], p[1]))
    yield ("directives", titled(gold, "directives"), titled(pred, "directives"), _eq)
    yield ("incidents", titled(gold, "incidents"), titled(pred, "incidents"), _eq)
    yield ("regions", sorted(set(gold.get("regions", []))), sorted(set(pred.get("regions", []))), _eq)
    yield ("sectors", sorted(set(gold.get("sectors", []))), sorted(set(pred.get("sectors", []))), _eq)
    yield ("reporters", sorted({norm_name(n) for n in gold.get("reporters", [])}),
           sorted({norm_name(n) for n in pred.get("reporters", [])}), _eq)


@dataclass
class Miss:
    doc_id: str
    dimension: str
    kind: str  # "FN" (in gold, not predicted) | "FP" (predicted, not in gold)
    item: Any


def read_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold records by doc_id (the file stem when a record has none)."""
    out = {}
    for f in sorted(Path(gold_dir).glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        out[rec.get("doc_id") or f.stem] = rec
    return out


def score(golds: dict[str, dict], preds: dict[str, dict]) -> tuple[dict, dict, list[Miss]]:
    """(per-dimension result, per-doc (tp, gold, pred) counts, misses), as score.py computes them."""
    totals: Counter = Counter()
    per_doc: dict[str, dict] = {}
    misses: list[Miss] = []
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {})
        per_doc[doc_id] = {}
        for dim, g, p, match in dimensions(gold, pred):
            tp, fn, fp = tally(g, p, match)
            totals[dim, "tp"] += tp
            totals[dim, "gold"] += len(g)
            totals[dim, "pred"] += len(p)
            per_doc[doc_id][dim] = (tp, len(g), len(p))
            misses += [Miss(doc_id, dim, "FN", x) for x in fn] + [Miss(doc_id, dim, "FP", x) for x in fp]
    result = {}
    for dim in dict.fromkeys(d for d, _ in totals):
        tp, ng, np_ = totals[dim, "tp"], totals[dim, "gold"], totals[dim, "pred"]
        p = tp / np_ if np_ else (1.0 if ng == 0 else 0.0)
        r = tp / ng if ng else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[dim] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                       "gold": ng, "pred": np_, "tp": tp}
    return result, per_doc, misses


def format_table(result: dict) -> str:
    """The table score.py prints, with the macro F1 line."""
    lines = [f"{'dimension':16} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for dim, m in result.items():
        lines.append(f"{dim:16} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['gold']:5d} {m['pred']:5d}")
    f1s = [m["f1"] for m in result.values()]
    lines.append(f"macro_f1 {sum(f1s) / len(f1s):.4f}" if f1s else "macro_f1 0.0000")
    return "\n".join(lines)


def format_per_doc(per_doc: dict) -> str:
    return "\n".join(doc + " " + " ".join(f"{d}={tp}/{g}/{p}" for d, (tp, g, p) in dims.items())
                     for doc, dims in per_doc.items())
