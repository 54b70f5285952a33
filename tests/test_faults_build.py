"""A `safetykg build` killed with SIGKILL at different moments leaves the previous embedded store
usable (atomic writes), and the next build ends in the same graph as an uninterrupted one."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph_loader.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def _build_args(inputs: Path, ws: Path) -> list[str]:
    return ["build", str(inputs), "--workspace", str(ws), "--no-shacl", "--quiet", "--batch-size", "10"]


def snapshot(ws: Path) -> tuple[list[str], list[str]]:
    from graph_loader.stores.embedded import EmbeddedStore

    g = EmbeddedStore.open(ws).graph
    nodes = sorted(json.dumps([n, d], sort_keys=True, ensure_ascii=False, default=str) for n, d in g.nodes(data=True))
    edges = sorted(json.dumps([u, v, k, d], sort_keys=True, ensure_ascii=False, default=str)
                   for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def _usable_counts(ws: Path) -> dict[str, int]:
    """Open the store as the app would and run a catalogue query on it."""
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    store = EmbeddedStore.open(ws)
    run_query(store, "search", {"text": "安全"})
    return dict(store.counts())


def _pickle_mtime(ws: Path) -> int:
    p = ws / "graph.pickle"
    return p.stat().st_mtime_ns if p.exists() else 0


# when to kill: a predicate over (workspace, seconds since start, state at start)
MOMENTS: dict[str, Callable[[Path, float, dict[str, Any]], bool]] = {
    "starting": lambda ws, t, s: t > 0.3,
    "extracting": lambda ws, t, s: len(list((ws / "docs").glob("*.json"))) >= s["docs"] + 15,
    "saving_the_store": lambda ws, t, s: any(ws.glob(".graph.*.tmp")),
    "after_store_before_state": lambda ws, t, s: _pickle_mtime(ws) != s["pickle"],
}


def _kill_at(inputs: Path, ws: Path, moment: str) -> bool:
    """Start a build and SIGKILL it when `moment` comes; False when it finished first."""
    start = {"docs": len(list((ws / "docs").glob("*.json"))), "pickle": _pickle_mtime(ws)}
    proc = subprocess.Popen([sys.executable, "-m", "graph_loader.cli", *_build_args(inputs, ws)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - t0 < 300:
            if MOMENTS[moment](ws, time.monotonic() - t0, start):
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                return True
            time.sleep(0.002)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_killed_builds_keep_the_old_store_and_the_next_build_matches(tmp_path: Path) -> None:
    gen = tmp_path / "gen"
    assert _cli("generate", "--count", "160", "--seed", "5", "--out", str(gen)).returncode == 0
    first, everything = tmp_path / "first", tmp_path / "all"
    first.mkdir()
    everything.mkdir()
    for i, f in enumerate(sorted((gen / "texts").glob("*.txt"))):
        if i < 60:
            shutil.copy2(f, first / f.name)
        shutil.copy2(f, everything / f.name)

    ref, ws = tmp_path / "ref", tmp_path / "ws"
    for target in (ref, ws):
        done = _cli(*_build_args(first, target))
        assert done.returncode == 0, done.stderr[-2000:]
    previous = _usable_counts(ws)
    done = _cli(*_build_args(everything, ref))
    assert done.returncode == 0, done.stderr[-2000:]
    final = _usable_counts(ref)
    assert final != previous

    hit = []
    for moment in MOMENTS:
        if _kill_at(everything, ws, moment):
            hit.append(moment)
        assert _usable_counts(ws) in (previous, final), moment  # old or new graph, never a broken one
    assert {"starting", "extracting"} <= set(hit), hit

    done = _cli(*_build_args(everything, ws))
    assert done.returncode == 0, done.stderr[-2000:]
    assert snapshot(ws) == snapshot(ref)
    print(f"killed at: {', '.join(hit)}")
