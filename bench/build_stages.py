"""Where a build's main process spends its CPU, stage by stage, as the corpus grows.

Runs `build_paths` (embedded store, SHACL on) in this process with timers around each stage
(ingest + extract + the article's files with one worker, record -> triples, rows from RDF, merging
rows, the N-Triples and rows files, replaying the resolver calls of articles graphed in workers,
the store's upsert, checkpoints, the pickle) and `gc.callbacks` for
the cyclic collector, all in `time.process_time`; prints the CPU per article of each stage for
each fifth of the build, then the CPU of the main process and of its children (workers, SHACL).
Stages nest (the collector runs inside the others), so the columns do not add up.

    PYTHONPATH=TREE python -m bench.build_stages CORPUS WORKSPACE [--workers N]

(a tree older than this harness: PYTHONPATH=DIR:TREE, with DIR holding this `bench/`)
"""

from __future__ import annotations

import argparse
import collections
import gc
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Snapshot = tuple[int, float, dict[str, float]]


def _wrap(owner: Any, name: str, label: str, spent: dict[str, float]) -> None:
    f: Callable[..., Any] = getattr(owner, name)

    def timed(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            spent[label] += time.process_time() - t

    setattr(owner, name, timed)


def _segment(a: Snapshot, b: Snapshot) -> str:
    n = max(1, b[0] - a[0])
    stages = {k: 1000 * (b[2].get(k, 0.0) - a[2].get(k, 0.0)) / n for k in sorted(b[2])}
    return (f"{a[0]}-{b[0]}: {1000 * (b[1] - a[1]) / n:.2f} ms/article "
            + " ".join(f"{k}={v:.2f}" for k, v in stages.items() if v >= 0.005))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args(argv)

    import graph_loader.build as build
    import graph_loader.graph.batch as batch
    import graph_loader.graph.rdf as rdf
    import graph_loader.graph.rows_io as rows_io
    from graph_loader.stores.embedded import EmbeddedStore

    spent: dict[str, float] = collections.defaultdict(float)
    stages = [(batch, "record_to_triples", "triples"), (batch, "rows_from_rdf", "rows_from_rdf"),
              (batch, "merge_rows", "merge_rows"),
              (rows_io, "merge_rows", "merge_rows"), (rdf, "write_batch_rdf", "nt_file"),
              (rows_io, "write_rows", "rows_file"), (batch, "replay", "replay"),
              (build, "_checkpoint", "checkpoint"), (EmbeddedStore, "upsert", "upsert"),
              (EmbeddedStore, "save", "pickle")]
    if a.workers <= 1:  # with workers, build_file runs in them (and a wrapped one would not pickle)
        stages.append((build, "build_file", "ingest_extract_files"))
    for owner, name, label in stages:
        if hasattr(owner, name):  # a tree from before a stage existed (this harness first on the path)
            _wrap(owner, name, label, spent)
    replays: collections.Counter[str] = collections.Counter()
    if hasattr(batch, "replay"):
        timed_replay = batch.replay

        def counted_replay(*args: Any, **kwargs: Any) -> Any:
            out = timed_replay(*args, **kwargs)
            replays["differed" if out is not None else "agreed"] += 1
            if out is not None:
                replays[f"differed at {args[1][out[0]].name}"] += 1
            return out

        batch.replay = counted_replay
    started: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.process_time())
        elif started:
            spent[f"gc{info['generation']}"] += time.process_time() - started.pop()

    gc.callbacks.append(on_gc)
    snaps: list[Snapshot] = [(0, time.process_time(), {})]
    wall = time.perf_counter()
    report = build.build_paths([a.corpus], a.workspace, fresh=True, workers=a.workers,
                               progress=lambda done, total, msg: snaps.append((done, time.process_time(), dict(spent))))
    print(report.summary(), f"(wall {time.perf_counter() - wall:.1f} s)")
    if replays:  # articles graphed in workers: how many the build's process graphed again, at which call
        print("replayed:", ", ".join(f"{k} {v}" for k, v in sorted(replays.items())))
    step = max(1, len(snaps) // 5)
    for i in range(0, len(snaps) - step, step):
        print(_segment(snaps[i], snaps[i + step]))
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"main CPU {me.ru_utime + me.ru_stime:.1f} s (peak RSS {me.ru_maxrss / 1024:.0f} MiB), children CPU "
          f"{kids.ru_utime + kids.ru_stime:.1f} s (largest peak RSS {kids.ru_maxrss / 1024:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
