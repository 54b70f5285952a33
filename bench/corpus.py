"""The generated corpora benchmarks run on, made once and kept under test-artifacts/bench/."""

from __future__ import annotations

import os
import time
from hashlib import blake2b
from pathlib import Path

from graph_loader.generate import generate

ROOT = Path(os.environ.get("SAFETYKG_BENCH_DIR", "test-artifacts/bench"))


def fingerprint() -> str:
    """A hash of the generator's code and data: a corpus made by other code is made again."""
    import graph_loader.generate as g

    h = blake2b(digest_size=4)
    for f in sorted(Path(g.__file__).parent.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".yaml", ".tsv", ".txt"):
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def corpus_dir(count: int, seed: int) -> Path:
    return ROOT / f"gen-{count}-s{seed}-{fingerprint()}"


def generated(count: int, seed: int = 1, workers: int = 1) -> tuple[Path, float | None]:
    """`corpus_dir(count, seed)` (texts/, gold/), and the seconds it took if it had to be made."""
    out = corpus_dir(count, seed)
    done = out / ".complete"
    if done.exists():
        return out, None
    t0 = time.perf_counter()
    generate(count, seed, out, workers=workers)
    dt = time.perf_counter() - t0
    done.write_text(f"{dt:.2f}\n")
    return out, dt
