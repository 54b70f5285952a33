"""End-to-end `safetykg build` into Neo4j at scale: wall time and memory as the corpus grows.

The build runs as a child process; every few seconds this samples how many articles it has
written (its `rows/` files) and the resident memory of the build (main process plus its
workers and SHACL process) and of the Neo4j server, and keeps the samples taken as the count
crosses each milestone (10k, 50k, 100k by default). A growing RSS between milestones is what
the issue asks about: only the resolution indexes may grow with the corpus.

    python -m bench.build_scale CORPUS_DIR --workspace WS [--milestones 10000,50000,100000]
        [--heap 2g --pagecache 2g] [--out test-artifacts/bench/build-scale.json]

Starts the workspace's own Neo4j server (dev/neo4j) unless NEO4J_URI is set.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.machine import facts


def _rss_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of one process in KiB; (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            got = {ln.split(":")[0]: int(ln.split()[1]) for ln in f if ln.startswith(("VmRSS", "VmHWM"))}
        return got.get("VmRSS", 0), got.get("VmHWM", 0)
    except (OSError, ValueError):
        return 0, 0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _tree_rss_kib(pid: int) -> int:
    todo, total = [pid], 0
    while todo:
        p = todo.pop()
        total += _rss_kib(p)[0]
        todo += _children(p)
    return total


def _count(directory: Path) -> int:
    try:
        return sum(1 for e in os.scandir(directory) if e.name.endswith(".jsonl"))
    except OSError:
        return 0


def _du_mib(path: Path) -> float:
    done = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True)
    return float(done.stdout.split()[0]) if done.returncode == 0 and done.stdout else -1.0


def watch(proc: subprocess.Popen, log, interval: float, sample: Callable[[], None]) -> None:
    """Call `sample` every `interval` seconds while the build `proc` runs and wait for it; kill it if this
    is left early (Ctrl-C, an error in `sample`), and close its log either way."""
    try:
        while proc.poll() is None:
            time.sleep(interval)
            sample()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()


def segment_rates(samples: list[dict], parts: int = 10) -> list[float]:
    """Articles per second over each tenth of the articles written (the time a count was crossed
    interpolated between samples)."""
    points = [(0.0, 0)] + [(s["t_s"], s["articles"]) for s in samples]
    total = points[-1][1]

    def when(n: float) -> float:
        for (t0, a0), (t1, a1) in zip(points, points[1:], strict=False):
            if a1 >= n > a0 or (n == 0 and a0 == 0):
                return t0 + (t1 - t0) * (n - a0) / max(a1 - a0, 1)
        return points[-1][0]

    marks = [when(total * k / parts) for k in range(parts + 1)]
    return [round(total / parts / max(b - a, 1e-9), 1) for a, b in zip(marks, marks[1:], strict=False)]


def transactions_split(stderr: str, exit_code: int | None) -> int | None:
    """How many Neo4j write transactions the build split past the server's memory limit, from the
    note `safetykg build` prints (`BuildReport.transactions_split`); 0 for a build that finished
    without the note, None for one that did not finish (it reports nothing)."""
    found = re.search(r"note: (\d+) Neo4j write transactions passed", stderr)
    if found:
        return int(found.group(1))
    return 0 if exit_code in (0, 1) else None


def run(corpus: Path, workspace: Path, milestones: list[int], interval: float = 5.0,
        extra: list[str] | None = None, resume: bool = False) -> dict:
    """`resume`: continue the workspace's interrupted build (its resume state) instead of a fresh one."""
    from graph_loader.stores import neo4j_server

    if not resume and workspace.exists():
        shutil.rmtree(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    resumed_at = _count(workspace / "rows")
    server_pid = 0
    if not os.environ.get("NEO4J_URI"):
        t0 = time.perf_counter()
        neo4j_server.start(workspace, quiet=True)
        server_pid = int((workspace / "neo4j" / "pid").read_text())
        server_start_s = round(time.perf_counter() - t0, 1)
    else:
        server_start_s = None
    cmd = [sys.executable, "-m", "graph_loader.cli", "build", str(corpus), "--workspace", str(workspace),
           "--store", "neo4j", *([] if resume else ["--fresh"]), "--quiet", *(extra or [])]
    samples: list[dict] = []
    marks: dict[int, dict] = {}
    log = (workspace / "build.stderr").open("w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, text=True)  # a file: its children may outlive it
    peak_tree = 0

    def sample() -> None:
        nonlocal peak_tree
        done = _count(workspace / "rows")
        rss, hwm = _rss_kib(proc.pid)
        tree = _tree_rss_kib(proc.pid)
        peak_tree = max(peak_tree, tree)
        s = {"t_s": round(time.perf_counter() - t0, 1), "articles": done,
             "build_rss_mib": round(rss / 1024), "build_hwm_mib": round(hwm / 1024),
             "build_tree_rss_mib": round(tree / 1024),
             "neo4j_rss_mib": round(_rss_kib(server_pid)[0] / 1024) if server_pid else None}
        samples.append(s)
        for m in milestones:
            if m not in marks and done >= m:
                marks[m] = s
                print(json.dumps({"milestone": m, **s}), flush=True)

    watch(proc, log, interval, sample)
    wall = time.perf_counter() - t0
    result = {
        "machine": facts(), "command": " ".join(["safetykg", *cmd[3:]]), "exit": proc.returncode,
        "wall_s": round(wall, 1), "server_start_s": server_start_s, "resumed_at": resumed_at,
        "articles": _count(workspace / "rows"),
        "peak_build_tree_rss_mib": round(peak_tree / 1024),
        "peak_neo4j_rss_mib": max((s["neo4j_rss_mib"] or 0 for s in samples), default=None),
        "milestones": marks, "segment_rates": segment_rates(samples),
        "samples": samples[:: max(1, len(samples) // 200)],
        "disk_mib": {name: _du_mib(workspace / name) for name in ("docs", "records", "rows", "rdf", "neo4j")},
        "resolver_mib": round((workspace / "resolver.json").stat().st_size / 2**20, 1)
        if (workspace / "resolver.json").exists() else None,
        "transactions_split": transactions_split((workspace / "build.stderr").read_text(errors="replace"),
                                                 proc.returncode),
        "stderr_tail": (workspace / "build.stderr").read_text(errors="replace")[-1500:],
    }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workspace", type=Path, required=True)
    ap.add_argument("--milestones", default="10000,50000,100000")
    ap.add_argument("--interval", type=float, default=5.0)
    ap.add_argument("--heap", default="2g", help="Neo4j heap (SAFETYKG_NEO4J_HEAP)")
    ap.add_argument("--pagecache", default="2g", help="Neo4j page cache (SAFETYKG_NEO4J_PAGECACHE)")
    ap.add_argument("--keep-server", action="store_true", help="leave Neo4j running (to time queries)")
    ap.add_argument("--resume", action="store_true", help="continue the workspace's interrupted build")
    ap.add_argument("--out", type=Path, default=Path("test-artifacts/bench/build-scale.json"))
    ap.add_argument("build_args", nargs="*", help="passed to safetykg build after --")
    a = ap.parse_args(argv)
    os.environ.setdefault("SAFETYKG_NEO4J_HEAP", a.heap)
    os.environ.setdefault("SAFETYKG_NEO4J_PAGECACHE", a.pagecache)
    milestones = [int(m) for m in a.milestones.split(",") if m]
    try:
        result = run(a.corpus, a.workspace, milestones, a.interval, a.build_args, a.resume)
    finally:
        if not a.keep_server and not os.environ.get("NEO4J_URI"):
            from graph_loader.stores import neo4j_server

            neo4j_server.stop(a.workspace)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k not in ("samples", "machine")}, ensure_ascii=False,
                     indent=1))
    return 0 if result["exit"] in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
