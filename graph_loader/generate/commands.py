"""`safetykg generate --count N --seed S --out DIR`."""

from __future__ import annotations

import sys
import time

from .corpus import generate


def generate_command(args) -> int:
    if args.count < 0:
        print("--count must be >= 0", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    generate(args.count, args.seed, args.out, workers=getattr(args, "workers", 1) or 1)
    dt = time.perf_counter() - t0
    print(f"generated {args.count} articles in {dt:.1f} s -> {args.out}/texts, {args.out}/gold", file=sys.stderr)
    return 0
