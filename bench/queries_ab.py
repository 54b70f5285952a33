"""The catalogue of two (or more) source trees side by side on one built workspace's store.

    python -m bench.queries_ab WS PARAMS OUT [--store neo4j|embedded] [--rounds N] [--only Q,...] LABEL=TREE ...

One worker process per tree (its own PYTHONPATH, its own store connection), every call alternated between
them (the order flipped each round), so the trees share the machine's load and a noisy machine moves both
alike; one warm-up call per parameter set first (query plans compiled). PARAMS: a JSON object
{query: [params, ...]} (e.g. the sets `bench.queries` samples). OUT: per query and tree n / p50 / p95 ms, the
1-minute load seen, and every call's time and answer size. The store must be running for `neo4j`
(`safetykg neo4j start --workspace WS`). Used for the 100k tables of BENCHMARKS.md (issue 19).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def worker(ws: str, kind: str) -> None:
    """Read `name<TAB>json params` lines, answer one JSON line each: ms, answer size, error."""
    from graph_loader.stores import open_store
    from queries.registry import run_query

    store = open_store(kind, Path(ws), None)
    print("ready", flush=True)
    for line in sys.stdin:
        name, p = line.rstrip("\n").split("\t", 1)
        t = time.perf_counter()
        err, size = "", -1
        try:
            d = run_query(store, name, json.loads(p)).model_dump()
            size = sum(len(v) for v in d.values() if isinstance(v, list))
        except Exception as e:  # a failing call is a result of the run, not its end
            err = f"{type(e).__name__}: {str(e)[:200]}"
        print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "size": size, "err": err}), flush=True)
    store.close()


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ws")
    ap.add_argument("params")
    ap.add_argument("out")
    ap.add_argument("trees", nargs="+", help="LABEL=TREE (a source tree's root)")
    ap.add_argument("--store", default="neo4j", choices=("neo4j", "embedded"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default="", help="queries to time, comma-separated (default: every one in PARAMS)")
    a = ap.parse_args(argv)
    params = json.loads(Path(a.params).read_text(encoding="utf-8"))
    names = a.only.split(",") if a.only else list(params)
    trees = dict(t.split("=", 1) for t in a.trees)
    procs = {}
    for lab, tree in trees.items():
        env = dict(os.environ, PYTHONPATH=str(Path(tree).resolve()))
        # this file run in the tree's own import path (the tree need not hold it: an older tree is timed too)
        code = f"import runpy, sys; sys.argv = ['', {a.ws!r}, {a.store!r}]; runpy.run_path({__file__!r}, run_name='__worker__')"
        p = subprocess.Popen([sys.executable, "-c", code],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=tree)
        if (p.stdout.readline() if p.stdout else "").strip() != "ready":
            print(f"error: the worker of {lab} ({tree}) did not start", file=sys.stderr)
            return 1
        procs[lab] = p

    def call(lab: str, name: str, p: dict) -> dict:
        pr = procs[lab]
        pr.stdin.write(name + "\t" + json.dumps(p, ensure_ascii=False) + "\n")
        pr.stdin.flush()
        return json.loads(pr.stdout.readline())

    times: dict[str, dict[str, list[float]]] = {n: {lab: [] for lab in trees} for n in names}
    per: dict[str, list[dict]] = {n: [] for n in names}
    loads: list[float] = []
    for n in names:
        sets = params.get(n, [])
        for p in sets:  # warm-up
            for lab in trees:
                call(lab, n, p)
        for p in sets:
            row: dict = {"params": p}
            for i in range(a.rounds):
                for lab in (list(trees) if i % 2 == 0 else list(trees)[::-1]):
                    r = call(lab, n, p)
                    times[n][lab].append(r["ms"])
                    row.setdefault(lab, []).append(round(r["ms"]))
                    row[lab + "_size"] = r["size"]
                    if r["err"]:
                        row[lab + "_err"] = r["err"]
            per[n].append(row)
            loads.append(os.getloadavg()[0])
        print(n, {lab: (round(statistics.median(v)), round(_pct(v, .95))) for lab, v in times[n].items() if v},
              f"load {loads[-1]:.1f}" if loads else "", flush=True)
    summary = {n: {lab: {"n": len(v), "p50_ms": round(_pct(v, .5), 1), "p95_ms": round(_pct(v, .95), 1)}
                   for lab, v in d.items() if v} for n, d in times.items()}
    Path(a.out).write_text(json.dumps({"summary": summary, "load1": [min(loads, default=0), max(loads, default=0)],
                                       "per": per}, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in procs.values():
        p.stdin.close()
        p.wait()
    return 0


if __name__ == "__worker__":
    worker(sys.argv[1], sys.argv[2])
elif __name__ == "__main__":
    raise SystemExit(main())
