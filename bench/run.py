"""The benchmark steps in order, each recorded (or its error) so that a partial run still reports."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import traceback
from collections.abc import Callable

from bench import build, corpus, extraction, machine, quality, queries

STEPS = ("generate", "throughput", "quality", "build", "queries")


def _step(results: dict, name: str, fn: Callable[[], dict]) -> None:
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    try:
        results[name] = fn()
    except Exception as e:  # noqa: BLE001 - report and go on with the other steps
        results[name] = {"error": f"{type(e).__name__}: {e}", "trace": traceback.format_exc()[-1500:]}
    print(f"[bench] {name} done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)


def run(count: int, seed: int, skip: set[str], neo4j: bool, label: str) -> dict:
    results: dict = {"machine": machine.facts(), "count": count, "seed": seed}
    gen_dir = corpus.corpus_dir(count, seed)
    ws = corpus.ROOT / f"ws-{count}-s{seed}"

    def gen() -> dict:
        out, dt = corpus.generated(count, seed, workers=2 if count >= 5000 else 1)
        if dt is None:  # already there: time a fresh copy so the number is real
            fresh = corpus.ROOT / f"gen-{count}-s{seed}-timing"
            t0 = time.perf_counter()
            corpus.generate(count, seed, fresh, workers=2 if count >= 5000 else 1)
            dt = time.perf_counter() - t0
            subprocess.run(["rm", "-rf", str(fresh)], check=False)
        size = sum(p.stat().st_size for p in (out / "texts").glob("*.txt"))
        return {"dir": str(out), "seconds": round(dt, 1), "articles_per_s": round(count / dt),
                "texts_mib": round(size / 2**20, 1),
                "command": f"safetykg generate --count {count} --seed {seed} --out {out}"}

    _step(results, "generate", gen)
    if "throughput" not in skip:
        def tp() -> dict:
            docs, t_ingest = extraction.ingest_all(gen_dir / "texts")
            got = extraction.throughput(docs)
            got["ingest_s"] = round(t_ingest, 1)
            got["ingest_docs_per_s"] = round(len(docs) / t_ingest, 1)
            return got
        _step(results, "throughput", tp)
    if "quality" not in skip:
        _step(results, "quality", lambda: quality.quality(gen_dir, corpus.ROOT / f"pred-{count}-s{seed}"))
    if "build" not in skip:
        def b() -> dict:
            got = build.build(gen_dir / "texts", ws, shacl=count <= 2000)
            got["store"] = build.embedded_store(ws)
            return got
        _step(results, "build", b)
    if "queries" not in skip:
        def q() -> dict:
            if neo4j:
                subprocess.run([sys.executable, "-m", "graph_loader.cli", "load", "--workspace", str(ws)],
                               check=False)
            return queries.bench_queries(ws, neo4j=neo4j)
        _step(results, "queries", q)
    out = corpus.ROOT / f"{label}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(summary(results))
    print(f"\nfull results: {out}", file=sys.stderr)
    return results


def summary(r: dict) -> str:
    """The numbers as markdown rows, for BENCHMARKS.md."""
    lines = [f"machine: {r['machine']}", "", "| measure | value |", "| --- | --- |"]

    def row(k: str, v: object) -> None:
        lines.append(f"| {k} | {v} |")

    g = r.get("generate", {})
    row(f"generate {r['count']} articles", g.get("error") or f"{g.get('seconds')} s ({g.get('articles_per_s')}/s)")
    t = r.get("throughput", {})
    if "error" in t:
        row("throughput", t["error"])
    elif t:
        row("ingest", f"{t['ingest_s']} s ({t['ingest_docs_per_s']} docs/s)")
        row("extract, 1 process", f"{t['extract_s']} s, {t['extract_docs_per_s']} docs/s, "
                                   f"{t['extract_chars_per_s']} chars/s")
        row("jieba.lcut, same texts", f"{t['jieba_s']} s, {t['jieba_chars_per_s']} chars/s")
        row("extract speed / jieba speed (target >= 1.0)", t["ratio_vs_jieba"])
        row("extract_many workers=1 / workers=2", f"{t.get('extract_many_w1_s')} s / {t.get('extract_many_w2_s')} s")
        row("speed-up with 2 workers (target >= 1.7)", t.get("speedup_w2"))
    qd = r.get("quality", {})
    if "error" in qd:
        row("quality", qd["error"][:300])
    elif qd:
        row("macro F1 on generated corpus", qd["macro_f1"])
        for dim, m in qd["dims"].items():
            row(f"  {dim} P/R/F1", f"{m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f} "
                                     f"(gold {m['gold']}, pred {m['pred']})")
    b = r.get("build", {})
    if b:
        row("build wall / peak RSS", ("FAILED: " + b["error"]) if "error" in b
            else f"{b['wall_s']} s / {b['peak_rss_mib']} MiB")
        s = b.get("store", {})
        row("embedded store size / load / RSS after load",
            s.get("error", "")[:300] or f"{s['size_mib']} MiB / {s['load_s']} s / {s['rss_mib']} MiB")
    qs = r.get("queries", {})
    for store, per in qs.items():
        if "error" in per:
            row(f"queries ({store})", per["error"][:300])
            continue
        for name, m in per.items():
            row(f"query {name} ({store}) p50/p95",
                f"{m['p50_ms']} / {m['p95_ms']} ms (n={m['n']}, errors={m['errors']})" if m["n"] else m.get("note"))
    return "\n".join(lines)


def main(argv: list[str] | None = None, count: int = 1000, label: str = "quick") -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=count)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip", action="append", default=[], choices=STEPS)
    ap.add_argument("--neo4j", action="store_true", help="also load into Neo4j and time the queries there")
    ap.add_argument("--label", default=label)
    a = ap.parse_args(argv)
    run(a.count, a.seed, set(a.skip), a.neo4j, a.label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
