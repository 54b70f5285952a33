"""The `safetykg` command line: argument parsing only; each command lives with its stage.

Exit status: 0 all well; 1 some inputs rejected; 2 usage error; 3 store unreachable or refused.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command -> "module:function"; each function takes the parsed args and returns an exit status
COMMANDS = {
    "ingest": "graph_loader.ingest.commands:ingest_command",
    "extract": "graph_loader.extract.commands:extract_command",
    "evaluate": "graph_loader.extract.commands:evaluate_command",
    "build": "graph_loader.build:build_command",
    "load": "graph_loader.stores.neo4j_store:load_command",
    "export": "graph_loader.graph.export:export_command",
    "merges": "graph_loader.graph.resolve:merges_command",
    "query": "queries.commands:query_command",
    "neo4j": "graph_loader.stores.neo4j_server:neo4j_command",
    "generate": "graph_loader.generate.commands:generate_command",
}


def _neo4j_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--neo4j-uri", help="Bolt URI (else $NEO4J_URI, else the local server of the workspace)")
    p.add_argument("--neo4j-user", help="else $NEO4J_USER, else neo4j")
    p.add_argument("--neo4j-password", help="else $NEO4J_PASSWORD")
    p.add_argument("--neo4j-database", help="else $NEO4J_DATABASE, else the server default")


def _workspace(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", help="else $SAFETYKG_WORKSPACE, else ./.safetykg")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safetykg", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="decode and clean article files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--show", action="store_true", help="print the clean text and metadata of each file")
    p.add_argument("--json", action="store_true", help="print one JSON summary per file")

    p = sub.add_parser("extract", help="one extraction record per article")
    p.add_argument("paths", nargs="+", metavar="PATH")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", metavar="DIR", help="write DIR/<doc_id>.json")
    out.add_argument("--jsonl", metavar="FILE", help="write one record per line")
    p.add_argument("--workers", type=int, default=1)

    p = sub.add_parser("evaluate", help="extract and score against gold files, with the misses")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--gold", required=True, metavar="DIR")
    p.add_argument("--per-doc", action="store_true")
    p.add_argument("--classes", action="store_true", help="count the misses by failure class, with examples")
    p.add_argument("--json", action="store_true")
    p.add_argument("--workers", type=int, default=1)

    p = sub.add_parser("build", help="the whole pipeline into a store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _workspace(p)
    p.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=None,
                   help="articles per batch (default 200; 2000 into Neo4j, where each batch rewrites the "
                        "support lists of the nodes most articles name)")
    p.add_argument("--fresh", action="store_true", help="ignore the resume state and start over")
    p.add_argument("--no-shacl", action="store_true", help="skip SHACL validation (large corpora)")
    p.add_argument("--quiet", action="store_true")
    _neo4j_flags(p)

    p = sub.add_parser("load", help="load an already built workspace into Neo4j")
    _workspace(p)
    p.add_argument("--batch-size", type=int, default=2000)
    _neo4j_flags(p)

    p = sub.add_parser("export", help="the graph in open formats")
    _workspace(p)
    p.add_argument("--format", required=True, choices=["ttl", "jsonld", "graphml", "csv"])
    p.add_argument("--out", required=True, metavar="PATH")

    p = sub.add_parser("merges", help="list cross-article merges and why each was made")
    _workspace(p)
    p.add_argument("--kind", help="person | body | region | directive | meeting | ...")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("query", help="run a catalogue query")
    p.add_argument("name", nargs="?", help="query name (omit to list them)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    p.add_argument("--json", action="store_true")
    _workspace(p)
    _neo4j_flags(p)

    p = sub.add_parser("neo4j", help="a local Neo4j for development and tests")
    p.add_argument("action", choices=["start", "stop", "status"])
    _workspace(p)

    p = sub.add_parser("generate", help="generated articles with their gold records")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--workers", type=int, default=1, help="processes writing articles (same bytes)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    module, func = COMMANDS[args.command].split(":")
    command = getattr(importlib.import_module(module), func)
    try:
        return int(command(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
