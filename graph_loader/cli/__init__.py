"""The `safetykg` command line: the parser, and each command group's printing and exit codes.

Exit status: 0 all well; 1 some inputs rejected; 2 usage error; 3 store unreachable or refused.

Each module of this package is one command group (`pipeline`, `store`, `graph`, `query`,
`generate`); its `add_parsers(sub)` adds its commands, each with `run=<function(args) -> int>` as
a default. Group modules import the stages inside their functions, so `safetykg --help` and a
command that needs little start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from graph_loader.cli.options import join_verbatim_values

GROUPS = ("pipeline", "store", "graph", "query", "generate")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safetykg", description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        importlib.import_module(f"{__name__}.{group}").add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(join_verbatim_values(sys.argv[1:] if argv is None else list(argv)))
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
