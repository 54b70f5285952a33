"""`safetykg ingest PATH... [--show] [--json]`: decode and clean files, report each."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from dataclasses import asdict

from graph_loader.ingest.document import Document, Rejection
from graph_loader.ingest.pipeline import DOC_ID_COLLISION, ingest_paths


def summary(doc: Document) -> dict:
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


def ingest_command(args: Namespace) -> int:
    """Exit 0 when every file was ingested, 1 when some were rejected."""
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
            record = summary(item)
            if args.show:
                record["clean"] = item.clean
            print(json.dumps(record, ensure_ascii=False))
        elif args.show:
            print(_show(item))
        else:
            print(_line(item))
    return 1 if rejected else 0
