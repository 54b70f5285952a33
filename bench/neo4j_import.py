"""An empty Neo4j filled two ways from the same generated corpus, side by side (issue 19):

A. transactional: `safetykg neo4j start` + `safetykg build CORPUS --store neo4j` (Neo4jStore.upsert);
B. import: `safetykg build CORPUS` (embedded) + `safetykg export --format csv` + `safetykg neo4j import`
   (neo4j-admin's import tool, then the server started, the schema created, the answers stored).

Each step runs as its own process; every 0.5 s the bench samples the RSS of its process tree and of
the workspace's Neo4j server. Both end with a running server holding the corpus; the bench checks that
their counts agree, stops both and writes a JSON record.

    .venv/bin/python -m bench.neo4j_import --count 5000 [--seed 1] [--out bench/out/neo4j-import]
        [--json test-artifacts/bench/neo4j-import-5k.json] [--no-shacl]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.build_scale import _children, _rss_kib
from bench.machine import facts

SAFETYKG = [sys.executable, "-m", "graph_loader.cli"]


def _server_pid(ws: Path) -> int | None:
    try:
        return int((ws / "neo4j" / "pid").read_text().strip())
    except (OSError, ValueError):
        return None


def _tree_rss_kib(pid: int, skip: int | None) -> int:
    """RSS of a process and its descendants, without the Neo4j server (counted on its own)."""
    todo, total = [pid], 0
    while todo:
        p = todo.pop()
        if p != skip:
            total += _rss_kib(p)[0]
            todo += _children(p)
    return total


def _step(name: str, argv: list[str], ws: Path) -> dict:
    """Run one safetykg command; wall time, peak RSS of its process tree and of the Neo4j server."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(SAFETYKG + argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_tree = peak_server = 0
    while proc.poll() is None:
        server = _server_pid(ws)
        peak_tree = max(peak_tree, _tree_rss_kib(proc.pid, server))
        if server is not None:
            peak_server = max(peak_server, _rss_kib(server)[0])
        time.sleep(0.5)
    out = proc.stdout.read() if proc.stdout else ""
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}):\n{out[-3000:]}")
    print(f"  {name}: {wall:.1f} s, peak RSS {peak_tree / 1024:.0f} MiB (Neo4j {peak_server / 1024:.0f} MiB)",
          file=sys.stderr)
    return {"step": name, "argv": argv, "wall_s": round(wall, 1), "peak_rss_mib": round(peak_tree / 1024),
            "neo4j_peak_rss_mib": round(peak_server / 1024), "output_tail": out.strip().splitlines()[-3:]}


def _du_mib(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return round(total / 2**20)


def _counts(ws: Path) -> dict[str, int]:
    from graph_loader.stores.neo4j_server import start
    from graph_loader.stores.neo4j_store import Neo4jStore

    store = Neo4jStore(start(ws, quiet=True), ensure_schema=False)
    try:
        return {k: v for k, v in store.counts().items() if v}
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("bench/out/neo4j-import"))
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-shacl", action="store_true")
    args = ap.parse_args(argv)

    from graph_loader.stores.neo4j_server import stop

    out = args.out.resolve()
    corpus = out / f"g{args.count}"
    if not (corpus / "texts").exists():
        subprocess.run(SAFETYKG + ["generate", "--count", str(args.count), "--seed", str(args.seed),
                                   "--out", str(corpus), "--workers", "2"], check=True, capture_output=True)
    shacl = ["--no-shacl"] if args.no_shacl else []
    ws_a, ws_b, csv_dir = out / "ws-transactional", out / "ws-import", out / "csv"
    for path in (ws_a, ws_b, csv_dir):
        stop(path) if path != csv_dir else None
        shutil.rmtree(path, ignore_errors=True)
    record: dict = {"count": args.count, "seed": args.seed, "shacl": not args.no_shacl, "machine": facts()}
    try:
        print("A. transactional", file=sys.stderr)
        a = [_step("neo4j start", ["neo4j", "start", "--workspace", str(ws_a)], ws_a),
             _step("build --store neo4j", ["build", str(corpus / "texts"), "--workspace", str(ws_a),
                                           "--store", "neo4j", "--quiet", *shacl], ws_a)]
        print("B. embedded build + CSV export + neo4j-admin import", file=sys.stderr)
        b = [_step("build (embedded)", ["build", str(corpus / "texts"), "--workspace", str(ws_b), "--quiet",
                                        *shacl], ws_b),
             _step("export --format csv", ["export", "--workspace", str(ws_b), "--format", "csv",
                                           "--out", str(csv_dir)], ws_b),
             _step("neo4j import", ["neo4j", "import", str(csv_dir), "--workspace", str(ws_b)], ws_b)]
        counts_a, counts_b = _counts(ws_a), _counts(ws_b)
    finally:
        stop(ws_a)
        stop(ws_b)
    for name, steps, ws in (("transactional", a, ws_a), ("import", b, ws_b)):
        record[name] = {"steps": steps, "wall_s": round(sum(s["wall_s"] for s in steps), 1),
                        "peak_rss_mib": max(s["peak_rss_mib"] for s in steps),
                        "neo4j_peak_rss_mib": max(s["neo4j_peak_rss_mib"] for s in steps),
                        "neo4j_dir_mib": _du_mib(ws / "neo4j" / "home")}
    record["csv_mib"] = _du_mib(csv_dir)
    record["same_counts"] = counts_a == counts_b
    record["counts"] = counts_a
    if not record["same_counts"]:
        record["counts_import"] = counts_b
    print("| path | wall | steps | peak RSS of the commands | Neo4j peak RSS | Neo4j dir |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in ("transactional", "import"):
        r = record[name]
        steps = ", ".join(f"{s['step']} {s['wall_s']:.0f} s" for s in r["steps"])
        print(f"| {name} | {r['wall_s']:.0f} s | {steps} | {r['peak_rss_mib']} MiB | "
              f"{r['neo4j_peak_rss_mib']} MiB | {r['neo4j_dir_mib']} MiB |")
    print(f"same counts: {record['same_counts']}; CSV {record['csv_mib']} MiB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0 if record["same_counts"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
