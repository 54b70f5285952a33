"""`safetykg ingest | extract | evaluate | build`: files through the pipeline."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from graph_loader.cli.options import neo4j_flags, settings, workspace, workspace_flag
from graph_loader.stores import STORE_KINDS

if TYPE_CHECKING:
    from graph_loader.ingest.document import Document


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="decode and clean article files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--show", action="store_true", help="print the clean text and metadata of each file")
    p.add_argument("--json", action="store_true", help="print one JSON summary per file")
    p.set_defaults(run=ingest_command)

    p = sub.add_parser("extract", help="one extraction record per article")
    p.add_argument("paths", nargs="+", metavar="PATH")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", metavar="DIR", help="write DIR/<doc_id>.json")
    out.add_argument("--jsonl", metavar="FILE", help="write one record per line")
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(run=extract_command)

    p = sub.add_parser("evaluate", help="extract and score against gold files, with the misses")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--gold", required=True, metavar="DIR")
    p.add_argument("--per-doc", action="store_true")
    p.add_argument("--classes", action="store_true", help="count the misses by failure class, with examples")
    p.add_argument("--json", action="store_true")
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(run=evaluate_command)

    p = sub.add_parser("build", help="the whole pipeline into a store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    workspace_flag(p)
    p.add_argument("--store", choices=list(STORE_KINDS), default="embedded")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=None,
                   help="articles per batch (default 200; 2000 into Neo4j, where each batch rewrites the "
                        "support lists of the nodes most articles name)")
    p.add_argument("--fresh", action="store_true", help="ignore the resume state and start over")
    p.add_argument("--no-shacl", action="store_true", help="skip SHACL validation (large corpora)")
    p.add_argument("--quiet", action="store_true")
    neo4j_flags(p)
    p.set_defaults(run=build_command)


# --- ingest ---------------------------------------------------------------------------------------

def ingest_summary(doc: Document) -> dict:
    """The JSON-able summary of a Document (without the texts)."""
    return {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "chars": len(doc.clean),
        "metadata": asdict(doc.metadata),
        "warnings": [asdict(w) for w in doc.warnings],
    }


def _line(doc: Document) -> str:
    m = doc.metadata
    title = (m.title or "-").replace("\t", " ")
    if len(title) > 30:
        title = title[:29] + "…"
    return (f"{doc.doc_id}\t{doc.encoding}\t{len(doc.clean)} chars\t{title}\t{m.published or '-'}\t"
            f"{len(doc.warnings)} warning{'s' if len(doc.warnings) != 1 else ''}")


def _show(doc: Document) -> str:
    m = doc.metadata
    out = [f"== {doc.path}",
           f"doc_id: {doc.doc_id}", f"encoding: {doc.encoding}", f"sha256: {doc.sha256}",
           f"title: {m.title or '-'}", f"published: {m.published or '-'}", f"source: {m.source or '-'}",
           f"reporters: {'、'.join(m.reporters) or '-'}", f"editors: {'、'.join(m.editors) or '-'}"]
    for w in doc.warnings:
        out.append(f"warning: {w.code}: {w.message}" + (f" at {w.span[0]}:{w.span[1]}" if w.span else ""))
    out += ["", doc.clean, ""]
    return "\n".join(out)


def ingest_command(args: argparse.Namespace) -> int:
    """`safetykg ingest PATH... [--show] [--json]`: exit 0 when every file was ingested, 1 when some
    were rejected."""
    from graph_loader.ingest.document import Rejection
    from graph_loader.ingest.pipeline import DOC_ID_COLLISION, ingest_paths

    rejected = 0
    for item in ingest_paths(args.paths):
        if isinstance(item, Rejection):
            rejected += 1
            if args.json:
                print(json.dumps({"path": item.path, "rejected": item.reason}, ensure_ascii=False))
            print(f"{item.path}: rejected: {item.reason}", file=sys.stderr)
            continue
        for w in item.warnings:
            if w.code == DOC_ID_COLLISION:
                print(f"warning: {w.code}: {item.path}: {w.message}", file=sys.stderr)
        if args.json:
            record = ingest_summary(item)
            if args.show:
                record["clean"] = item.clean
            print(json.dumps(record, ensure_ascii=False))
        elif args.show:
            print(_show(item))
        else:
            print(_line(item))
    return 1 if rejected else 0


# --- extract and evaluate (their reports live with the extraction: extract/commands.py) -----------

def extract_command(args: argparse.Namespace) -> int:
    from graph_loader.extract.commands import extract_command as run

    return run(args)


def evaluate_command(args: argparse.Namespace) -> int:
    from graph_loader.extract.commands import evaluate_command as run

    return run(args)


# --- build ----------------------------------------------------------------------------------------

def build_command(args: argparse.Namespace) -> int:
    """`safetykg build PATH...`: exit 0 all built, 1 some files rejected or not extracted, 3 store refused."""
    from rich.progress import Progress

    from graph_loader.build import EMBEDDED_BATCH, NEO4J_BATCH, build_paths
    from graph_loader.stores.errors import StoreUnavailable

    ws = workspace(args)
    quiet = getattr(args, "quiet", False)
    try:
        with Progress(disable=quiet, transient=True) as bar:
            task = bar.add_task("building", total=None)

            def progress(done: int, total: int, msg: str) -> None:
                bar.update(task, completed=done, total=total, description=msg)

            batch = args.batch_size or (NEO4J_BATCH if args.store == "neo4j" else EMBEDDED_BATCH)
            report = build_paths(args.paths, ws, args.store, workers=args.workers, batch_size=batch,
                                 fresh=args.fresh, shacl=not args.no_shacl, progress=progress,
                                 settings=settings(args) if args.store == "neo4j" else None)
    except StoreUnavailable as e:  # a store that refuses us is exit 3, with a message and no traceback
        print(f"error: {e}", file=sys.stderr)
        return 3
    for f in report.rejected:
        print(f"rejected: {f.path}: {f.reason}", file=sys.stderr)
    for path, why in report.collisions:
        print(f"warning: doc_id_collision: {path}: {why}", file=sys.stderr)
    failed = [f for f in report.files if any(w.startswith("extraction_failed") for w in f.warnings)]
    for f in failed:  # kept as an article with no facts, but never silently
        reason = next(w for w in f.warnings if w.startswith("extraction_failed"))
        print(f"extraction failed: {f.path}: {reason}", file=sys.stderr)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for line in report.bad_rows:  # the rest of the article was loaded; the build still succeeds
        print(f"warning: bad rows line left out: {line}", file=sys.stderr)
    for v in report.violations[:20]:
        print(f"shacl: {v}", file=sys.stderr)
    if report.transactions_split:  # the weight bound did not keep them under the server's memory limit
        print(f"note: {report.transactions_split} Neo4j write transactions passed the server's transaction "
              "memory limit and were split (dbms.memory.transaction.total.max)", file=sys.stderr)
    if not quiet:
        print(f"workspace: {ws}")
        print(report.summary())
        print("store: " + ", ".join(f"{k}={v}" for k, v in sorted(report.store_counts.items())))
    return 1 if report.rejected or failed else 0
