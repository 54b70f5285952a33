"""Can a small learned component fix the meeting misses the rules leave? (issue 16) Measured, not shipped.

Two probes on the rules' own output, each a logistic regression (numpy, full-batch gradient descent, zero
start: deterministic) over hashed character 1-2-grams of the text round the meeting's anchor plus cue
features, trained on the real gold:

- `filter`: keep or drop each extracted meeting; label 1 when the scorer's (date, level) tally matches it.
- `level`: a level for the meetings the rules leave without one; trained on every matched meeting (label:
  the level of the gold meeting it matched, `null` a class of its own), applied only where the rules give
  none.

Honest split: train on the shared real set + rA-rE, test on rF-rI; then leave one source group out
(shared, rA, ..., rI) over all of them. Reads only `dev` rows of data/real/index.tsv, and never a holdout row (the round's unseen sets).

    env PYTHONPATH=. .venv/bin/python -m bench.learned_meetings [--shared DIR_WITH_corpus_AND_gold]
"""

from __future__ import annotations

import argparse
import copy
import json
import zlib
from pathlib import Path

import numpy as np

from graph_loader.extract.pipeline import extract, warm_up
from graph_loader.extract.scoring import date_match, score, tally
from graph_loader.ingest import Document, ingest_file
from graph_loader.lang.levels import LEVELS

UNSEEN = ("rK", "rL", "rM")  # the unseen sets of the round: never read here (nor any holdout row of index.tsv)
HASH_DIMS = 2048
CLASSES: list[str | None] = [*LEVELS, None]
Articles = dict[str, dict]


def load(root: Path, shared: Path) -> Articles:
    """doc_id -> {text, rec, gold} for the real articles with gold, the unseen sets left out."""
    real = root / "data/real"
    rows = [line.split("\t") for line in (real / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    dev = sorted(r[0] for r in rows if len(r) > 1 and r[1] == "dev" and not r[0].startswith(UNSEEN))
    pairs = [(real / "texts" / f"{i}.txt", real / "gold" / f"{i}.json") for i in dev]
    pairs += [(p, shared / "gold/real" / f"{p.stem}.json") for p in sorted((shared / "corpus/real").glob("*.txt"))]
    warm_up()
    out: Articles = {}
    for text_path, gold_path in pairs:
        doc = ingest_file(text_path)
        if isinstance(doc, Document) and gold_path.exists():
            out[doc.doc_id] = {"text": doc.clean, "rec": json.loads(extract(doc).model_dump_json()),
                               "gold": json.loads(gold_path.read_text(encoding="utf-8"))}
    return out


def group(doc_id: str) -> str:
    return doc_id[:2] if doc_id.startswith("r") else "shared"


def matched(a: dict) -> dict[int, str | None]:
    """Extracted meeting index -> level of the gold meeting the scorer's greedy tally pairs it with."""
    gold = [(m.get("date"), m.get("level")) for m in a["gold"].get("meetings", [])]
    pred = [(j, m.get("date"), m.get("level")) for j, m in enumerate(a["rec"]["meetings"])]
    out: dict[int, str | None] = {}

    def match(g: tuple, p: tuple) -> bool:
        ok = p[0] not in out and date_match(g[0], p[1]) and (g[1] is None or g[1] == p[2])
        if ok:
            out[p[0]] = g[1]
        return ok

    tally(gold, pred, match)
    return out


def features(a: dict, j: int, cues: bool) -> dict[int, float]:
    rec, text = a["rec"], a["text"]
    m = rec["meetings"][j]
    ev = m["evidence"][0]
    f: dict[int, float] = {}

    def add(key: str, v: float = 1.0) -> None:
        h = zlib.crc32(key.encode()) % HASH_DIMS
        f[h] = f.get(h, 0.0) + v

    window = text[max(0, ev["start"] - 15): ev["end"] + 15]
    for n in (1, 2):
        for k in range(len(window) - n + 1):
            add(f"w{n}:{window[k:k + n]}", 0.3)
    titles = {p["name"]: p.get("titles", []) for p in rec["persons"]}
    for p in m["participants"]:
        for t in titles.get(p["name"], []):
            add("t1:" + t[:1])
            add("t2:" + t[:2])
    add(f"kind={m['kind']}")
    if cues:
        date = m["date"]
        add("rule=" + ev["rule"])
        add(f"level={m['level']}")
        add("date=" + ("none" if date is None else "md" if date.startswith("--") else "ymd"))
        add(f"region={m['region'] is not None}")
        add(f"participants={min(len(m['participants']), 3)}")
        add(f"relays={min(len(m['relays']), 2)}")
        add(f"relayed={any(r.get('meeting') == j for x in rec['meetings'] for r in x['relays'])}")
        add(f"position={min(j, 3)}")
    return f


def matrix(rows: list[dict[int, float]]) -> np.ndarray:
    x = np.zeros((len(rows), HASH_DIMS + 1))
    for r, f in enumerate(rows):
        for k, v in f.items():
            x[r, k] = v
        x[r, HASH_DIMS] = 1.0
    return x


def train(x: np.ndarray, y: np.ndarray, classes: int, l2: float = 1.0, steps: int = 800) -> np.ndarray:
    """Softmax regression by full-batch gradient descent from zero (deterministic)."""
    w = np.zeros((x.shape[1], classes))
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        z = x @ w
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        w -= 0.5 * (x.T @ (p - onehot) / len(y) + l2 * w / len(y))
    return w


def fit(arts: Articles, ids: list[str], probe: str) -> np.ndarray:
    rows, y = [], []
    for i in ids:
        pairs = matched(arts[i])
        for j in range(len(arts[i]["rec"]["meetings"])):
            if probe == "filter":
                rows.append(features(arts[i], j, cues=True))
                y.append(int(j in pairs))
            elif j in pairs:
                rows.append(features(arts[i], j, cues=False))
                y.append(CLASSES.index(pairs[j]))
    return train(matrix(rows), np.array(y), 2 if probe == "filter" else len(CLASSES))


def apply(arts: Articles, ids: list[str], w: np.ndarray, probe: str) -> tuple[Articles, list]:
    """Records with the component applied; the changes made."""
    preds, changes = {}, []
    for i in ids:
        rec = copy.deepcopy(arts[i]["rec"])
        if probe == "filter":
            keep = [j for j in range(len(rec["meetings"]))
                    if np.argmax(matrix([features(arts[i], j, cues=True)]) @ w) == 1]
            changes += [(i, j, "dropped") for j in range(len(rec["meetings"])) if j not in keep]
            new = {j: k for k, j in enumerate(keep)}
            rec["meetings"] = [rec["meetings"][j] for j in keep]
            for m in rec["meetings"]:
                m["relays"] = [dict(r, meeting=new[r["meeting"]]) if r.get("meeting") is not None else r
                               for r in m["relays"] if r.get("meeting") is None or r["meeting"] in new]
        else:
            for j, m in enumerate(rec["meetings"]):
                if m["level"] is None:
                    level = CLASSES[int(np.argmax(matrix([features(arts[i], j, cues=False)]) @ w))]
                    if level is not None:
                        changes.append((i, j, level))
                        m["level"] = level
        preds[i] = rec
    return preds, changes


DIMS = ("meetings", "meeting_regions", "relays", "participation")


def figures(arts: Articles, preds: Articles, ids: list[str]) -> str:
    result, _, _ = score({i: arts[i]["gold"] for i in ids}, {i: preds[i] for i in ids})
    macro = sum(v["f1"] for v in result.values()) / len(result)
    return f"macro {macro:.4f} " + " ".join(f"{d} {result[d]['f1']:.3f}" for d in DIMS)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--shared", default="../shared")
    args = ap.parse_args()
    arts = load(Path(args.root), Path(args.shared))
    base = {i: a["rec"] for i, a in arts.items()}
    held = [i for i in arts if group(i) in ("rF", "rG", "rH", "rI")]
    train_ids = [i for i in arts if i not in held]
    for probe in ("filter", "level"):
        preds, changes = apply(arts, held, fit(arts, train_ids, probe), probe)
        print(f"[{probe}] train shared+rA-rE, test rF-rI ({len(held)}):")
        print(f"  rules   {figures(arts, base, held)}\n  +model  {figures(arts, preds, held)}\n  changes {changes}")
        cv: Articles = {}
        for g in sorted({group(i) for i in arts}):
            out = [i for i in arts if group(i) == g]
            got, changes = apply(arts, out, fit(arts, [i for i in arts if group(i) != g], probe), probe)
            cv.update(got)
            if changes:
                print(f"  leave {g} out: changes {changes}")
        for name, ids in (("shared", [i for i in arts if group(i) == "shared"]),
                          ("dev", [i for i in arts if group(i) != "shared"])):
            print(f"  leave-one-group-out {name} ({len(ids)}): rules {figures(arts, base, ids)}\n"
                  f"  {'':>24}+model {figures(arts, cv, ids)}")


if __name__ == "__main__":
    main()
