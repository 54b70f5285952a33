"""`safetykg generate --count N --seed S --out DIR`: generated articles with their gold records."""

from __future__ import annotations

import argparse
import sys
import time


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="generated articles with their gold records")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--workers", type=int, default=1, help="processes writing articles (same bytes)")
    p.set_defaults(run=generate_command)


def generate_command(args: argparse.Namespace) -> int:
    """Exit 2 on a negative count."""
    from graph_loader.generate.corpus import generate

    if args.count < 0:
        print("--count must be >= 0", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    generate(args.count, args.seed, args.out, workers=getattr(args, "workers", 1) or 1)
    dt = time.perf_counter() - t0
    print(f"generated {args.count} articles in {dt:.1f} s -> {args.out}/texts, {args.out}/gold", file=sys.stderr)
    return 0
