"""`safetykg export | merges`: the built graph in open formats, and the cross-article merges."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph_loader.cli.options import workspace, workspace_flag


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="the graph in open formats")
    workspace_flag(p)
    p.add_argument("--format", required=True, choices=["ttl", "jsonld", "graphml", "csv"])
    p.add_argument("--out", required=True, metavar="PATH")
    p.set_defaults(run=export_command)

    p = sub.add_parser("merges", help="list cross-article merges and why each was made")
    workspace_flag(p)
    p.add_argument("--kind", help="person | body | region | directive | meeting | ...")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=merges_command)


def export_command(args: argparse.Namespace) -> int:
    """`safetykg export --format F --out PATH`: exit 1 when the workspace holds nothing to export."""
    from graph_loader.graph.export import NothingToExport, export_workspace

    try:
        print(export_workspace(workspace(args), args.format, Path(args.out)))
    except NothingToExport as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0


def merges_command(args: argparse.Namespace) -> int:
    """`safetykg merges`: every entity that several articles support, and the rule that made it one.
    Exit 2 when the workspace has no build."""
    from graph_loader.graph.resolve import Resolver

    path = workspace(args) / "resolver.json"
    if not path.exists():
        print(f"error: no build in {path.parent} (run `safetykg build` first)", file=sys.stderr)
        return 2
    merges = sorted(Resolver.load(path).merges(args.kind), key=lambda m: (m.kind, -m.n_docs, m.key))
    if args.json:
        print(json.dumps([m.__dict__ for m in merges], ensure_ascii=False, indent=1))
        return 0
    for m in merges:
        more = f" (+{m.n_docs - len(m.doc_ids)} more)" if m.n_docs > len(m.doc_ids) else ""
        print(f"{m.kind}\t{m.id}\t{m.key}\t{m.n_docs} articles\t{m.reason}\t{', '.join(m.doc_ids)}{more}")
    print(f"{len(merges)} merged entities", file=sys.stderr)
    return 0
