"""Embedded `safetykg build` speed as the corpus grows: articles/s per 10% segment, peak RSS, and
two code trees side by side (before/after) on the same corpus and machine load.

Each run is a child `safetykg build CORPUS --workspace WS --fresh --quiet` (SHACL on unless
`--no-shacl` is passed after `--`) with `PYTHONPATH` set to the tree measured. Every `interval`
seconds this counts the articles written (the workspace's `rows/` files) and samples the RSS of
the build's process tree; the time each 10% of the corpus is crossed gives the rate per
segment (with the build's main process's RSS and high-water mark, its tree's RSS and the 1-minute
load at that moment), and the CPU time of the build's process tree (it and the processes it waited for: workers,
SHACL) says what the load does not blur. Trees alternate (A B A B ... for `--rounds`), so a change in the machine's load hits
both alike; the 1-minute load average is recorded at the start and end of every run.

    python -m bench.build_segments CORPUS --tree before=/work/main --tree after=. [--rounds 1]
        [--out test-artifacts/bench/build-segments.json] [-- --workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.build_scale import _count, _rss_kib, _tree_rss_kib, watch
from bench.machine import facts


def _load1() -> float:
    return round(os.getloadavg()[0], 2)


def run_once(tree: Path, corpus: Path, workspace: Path, extra: list[str], interval: float = 0.5) -> dict:
    total = sum(1 for e in os.scandir(corpus) if e.is_file())
    if workspace.exists():
        shutil.rmtree(workspace)
    workspace.mkdir(parents=True)
    cmd = [sys.executable, "-m", "graph_loader.cli", "build", str(corpus), "--workspace", str(workspace),
           "--fresh", "--quiet", *extra]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    load_start = _load1()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    marks: list[float] = []  # time each 10% was crossed
    at_marks: list[dict] = []  # memory and load as each 10% was crossed
    peak_tree = peak_main = 0
    log = (workspace.parent / f"{workspace.name}.stderr").open("w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=env, cwd=str(tree))

    def sample() -> None:
        nonlocal peak_tree, peak_main
        done = _count(workspace / "rows")
        rss, hwm = _rss_kib(proc.pid)
        tree = _tree_rss_kib(proc.pid)
        peak_tree = max(peak_tree, tree)
        peak_main = max(peak_main, hwm)  # VmHWM: the main process's own peak, between samples too
        now = time.perf_counter() - t0
        while len(marks) < 10 and done >= total * (len(marks) + 1) / 10:
            marks.append(now)
            at_marks.append({"articles": done, "t_s": round(now, 1), "main_rss_mib": round(rss / 1024),
                             "main_hwm_mib": round(hwm / 1024), "tree_rss_mib": round(tree / 1024),
                             "load1": _load1()})

    watch(proc, log, interval, sample)
    wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and the processes it waited for
    cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
    while len(marks) < 10:
        marks.append(wall)
    edges = [0.0, *marks]
    seg = total / 10
    rates = [round(seg / (b - a), 1) if b > a else None for a, b in zip(edges, edges[1:], strict=False)]
    return {"tree": str(tree), "exit": proc.returncode, "articles": total, "wall_s": round(wall, 1),
            "rate": round(total / wall, 1), "rate_per_10pct": rates,
            "cpu_s": round(cpu, 1), "cpu_ms_per_article": round(1000 * cpu / total, 2),
            "rows_written_s": round(marks[-1], 1), "peak_tree_rss_mib": round(peak_tree / 1024),
            "peak_main_hwm_mib": round(peak_main / 1024), "at_marks": at_marks,
            "load1_start": load_start, "load1_end": _load1(), "command": " ".join(["safetykg", *cmd[3:]])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a folder of article files (e.g. DIR/texts of safetykg generate)")
    ap.add_argument("--tree", action="append", required=True, help="NAME=PATH of a source tree (repeat)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--workspace-root", type=Path, default=Path(tempfile.gettempdir()) / "build-segments")
    ap.add_argument("--out", type=Path, default=Path("test-artifacts/bench/build-segments.json"))
    a, build_args = ap.parse_known_args(argv)  # what follows `--` goes to safetykg build
    build_args = [x for x in build_args if x != "--"]
    trees = [(n, Path(p).resolve()) for n, p in (t.split("=", 1) for t in a.tree)]
    runs = []
    for r in range(a.rounds):
        for name, tree in trees:
            res = {"name": name, "round": r + 1,
                   **run_once(tree, a.corpus, a.workspace_root / f"ws-{name}", build_args)}
            runs.append(res)
            print(json.dumps(res), flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"machine": facts(), "corpus": str(a.corpus), "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
