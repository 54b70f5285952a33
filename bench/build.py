"""End-to-end `safetykg build` wall time and peak RSS; embedded store size, load time and RSS."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

_LOAD = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from graph_loader.stores.embedded import EmbeddedStore
s = EmbeddedStore.open(Path(sys.argv[1]))
dt = time.perf_counter() - t0
print(json.dumps({"load_s": round(dt, 2), "rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "counts": s.counts()}))
"""


def build(texts: Path, workspace: Path, workers: int = 1, shacl: bool = True,
          store: str = "embedded") -> dict:
    """Run the build in a child process (fresh workspace); wall seconds and the child's peak RSS."""
    if workspace.exists():
        shutil.rmtree(workspace)
    cmd = [sys.executable, "-m", "graph_loader.cli", "build", str(texts), "--workspace", str(workspace),
           "--fresh", "--quiet", "--workers", str(workers), "--store", store]
    if not shacl:
        cmd.append("--no-shacl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = {"command": "safetykg " + " ".join(cmd[3:]), "exit": proc.returncode, "wall_s": round(wall, 1),
           "peak_rss_mib": round(max(peak, before) / 1024, 1),
           "peak_rss_note": "max over children so far" if peak == before else "this build"}
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        out["error"] = proc.stderr.strip().splitlines()[-1][:300] if proc.stderr.strip() else "failed"
        out["stderr_tail"] = proc.stderr[-2000:]
    return out


def embedded_store(workspace: Path) -> dict:
    """Size of graph.pickle, and the time and RSS of a fresh process that opens it."""
    pickle = workspace / "graph.pickle"
    if not pickle.exists():
        return {"error": f"no {pickle}"}
    proc = subprocess.run([sys.executable, "-c", _LOAD, str(workspace)], capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr[-2000:]}
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    got["size_mib"] = round(pickle.stat().st_size / 2**20, 1)
    return got
