"""The generated corpora benchmarks run on, made once and kept under test-artifacts/bench/."""

from __future__ import annotations

import os
import time
from pathlib import Path

from graph_loader.generate import generate

ROOT = Path(os.environ.get("SAFETYKG_BENCH_DIR", "test-artifacts/bench"))


def generated(count: int, seed: int = 1, workers: int = 1) -> tuple[Path, float | None]:
    """`ROOT/gen-<count>-s<seed>` (texts/, gold/), and the seconds it took if it had to be made."""
    out = ROOT / f"gen-{count}-s{seed}"
    done = out / ".complete"
    if done.exists():
        return out, None
    t0 = time.perf_counter()
    generate(count, seed, out, workers=workers)
    dt = time.perf_counter() - t0
    done.write_text(f"{dt:.2f}\n")
    return out, dt
