"""`safetykg extract` and `safetykg evaluate`: ingest, extract, write or score with the misses."""

from __future__ import annotations

import contextlib
import json
import sys
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path

from graph_loader.extract.miss_classes import ClassReport, classify
from graph_loader.extract.pipeline import FileResult, extract_files
from graph_loader.extract.scoring import Miss, format_per_doc, format_table, read_gold, score
from graph_loader.extract.sentences import SentenceIndex


def _results(paths: list[str], workers: int, json_indent: int | None | bool = False
             ) -> tuple[Iterator[FileResult], dict[str, int]]:
    """Extraction results of the paths; rejections and failed extractions reported on stderr (one
    line each) and counted, as are renamed doc ids."""
    counts = {"rejected": 0, "failed": 0}

    def gen() -> Iterator[FileResult]:
        for r in extract_files(paths, max(1, workers or 1), json_indent):
            if r.rejection is not None:
                counts["rejected"] += 1
                print(f"rejected: {r.rejection.path}: {r.rejection.reason}", file=sys.stderr)
                continue
            if r.collision:
                print(f"warning: doc_id_collision: {r.path}: {r.collision}", file=sys.stderr)
            if r.failed:  # the empty record is still written, as build keeps the article
                counts["failed"] += 1
                print(f"extraction failed: {r.path}: {r.failed}", file=sys.stderr)
            yield r

    return gen(), counts


def extract_command(args: Namespace) -> int:
    """Write one record per article (DIR/<doc_id>.json or JSON lines); exit 1 when some input was rejected
    or its extraction failed."""
    workers = getattr(args, "workers", 1)
    count = 0
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        results, counts = _results(args.paths, workers, json_indent=1)
        for r in results:
            (out / f"{r.doc_id}.json").write_text(r.text or "", encoding="utf-8")
            count += 1
    else:
        results, counts = _results(args.paths, workers, json_indent=None)
        to_stdout = args.jsonl == "-"  # the usual spelling of standard output, for pipes
        with (contextlib.nullcontext(sys.stdout) if to_stdout else open(args.jsonl, "w", encoding="utf-8")) as f:
            for r in results:
                f.write((r.text or "") + "\n")
                count += 1
    failed = f", extraction failed {counts['failed']}" if counts["failed"] else ""
    print(f"extracted {count} article(s); rejected {counts['rejected']}{failed}", file=sys.stderr)
    return 1 if counts["rejected"] or counts["failed"] else 0


def evaluate_command(args: Namespace) -> int:
    """Extract the articles and score them against the gold folder as gold/score.py does; print the misses."""
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        print(f"gold folder not found: {gold_dir}", file=sys.stderr)
        return 2
    golds = read_gold(gold_dir)
    results, counts = _results(args.paths, getattr(args, "workers", 1))
    preds: dict[str, dict] = {}
    texts: dict[str, str] = {}
    for r in results:
        preds[r.doc_id or r.path] = r.record or {}
        texts[r.doc_id or r.path] = r.clean or ""
    result, per_doc, misses = score(golds, preds)
    rejected = counts["rejected"]
    if getattr(args, "json", False):
        print(json.dumps({"scores": result, "per_doc": per_doc,
                          "misses": [{"doc_id": m.doc_id, "dimension": m.dimension, "kind": m.kind,
                                      "item": m.item, "evidence": (ev := _evidence(m, preds, texts)),
                                      "class": classify(m, ev)}
                                     for m in misses]}, ensure_ascii=False, indent=1, default=list))
        return 1 if rejected else 0
    if getattr(args, "per_doc", False):
        print(format_per_doc(per_doc))
    print(format_table(result))
    missing = sorted(set(golds) - set(preds))
    if missing:
        print(f"\n{len(missing)} gold document(s) without an article: {' '.join(missing)}")
    if misses and getattr(args, "classes", False):
        print("\n" + miss_classes_text(misses, preds, texts))
    elif misses:
        print(f"\nmisses ({len(misses)}): FN = in gold, not extracted; FP = extracted, not in gold")
        for m in misses:
            ev = _evidence(m, preds, texts)
            print(f"{m.kind} {m.dimension:15} {m.doc_id}  {_show(m.item)}" + (f"\n    | {ev}" if ev else ""))
    return 1 if rejected else 0


def miss_classes_text(misses: list[Miss], preds: dict[str, dict], texts: dict[str, str]) -> str:
    """The misses counted by failure class, with a few examples of each (`evaluate --classes`)."""
    report = ClassReport()
    for m in misses:
        ev = _evidence(m, preds, texts)
        report.add(classify(m, ev), m, _show(m.item), ev)
    return report.format()


def _show(item: object) -> str:
    if isinstance(item, tuple):
        return " / ".join("null" if x is None else str(x) for x in item)
    return str(item)


def _keys(m: Miss) -> list[str]:
    """Strings to look for in the article to show where a miss lives."""
    item = m.item
    if m.dimension in ("persons", "reporters", "incidents", "directives", "sectors"):
        return [str(item), str(item)[:6]]
    if m.dimension in ("titles", "participation"):
        return [str(item[0])]
    if m.dimension == "regions" or m.dimension == "meeting_regions":
        return [str(item)[-3:], str(item)[-2:]]
    if m.dimension == "inspections":
        return [str(item[0])[-3:]]
    if m.dimension == "relays":
        return [str(item[1])[2:8]]
    return []


def _evidence(m: Miss, preds: dict[str, dict], texts: dict[str, str]) -> str | None:
    """The sentence behind a miss: the prediction's own evidence for an FP, else where its words occur."""
    rec = preds.get(m.doc_id, {})
    if m.kind == "FP":
        ev = _pred_evidence(m, rec)
        if ev:
            return ev
    text = texts.get(m.doc_id)
    if not text:
        return None
    for key in _keys(m):
        if key and (pos := text.find(key)) >= 0:
            return SentenceIndex(text).sentence_text(pos)[:200]
    return None


def _pred_evidence(m: Miss, rec: dict) -> str | None:
    item = m.item
    if m.dimension in ("persons", "titles", "participation"):
        name = item if m.dimension == "persons" else item[0]
        for p in rec.get("persons", []):
            if p.get("name") == name and p.get("evidence"):
                return f"[{p['evidence'][0]['rule']}] {p['evidence'][0]['text'][:200]}"
    if m.dimension in ("meetings", "meeting_regions"):
        for mt in rec.get("meetings", []):
            if (mt.get("date"), mt.get("level")) == item or mt.get("region") == item:
                ev = mt.get("evidence") or []
                return f"[{ev[0]['rule']}] {ev[0]['text'][:200]}" if ev else None
    for key in ("directives", "incidents", "sector_mentions", "region_mentions", "inspections"):
        for d in rec.get(key, []):
            label = d.get("title") or d.get("sector") or d.get("path") or d.get("target")
            if label and str(item) in (label, str(label).replace("《", "").replace("》", "")) and d.get("evidence"):
                return f"[{d['evidence'][0]['rule']}] {d['evidence'][0]['text'][:200]}"
    return None
