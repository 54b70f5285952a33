"""What the build keeps per article in the workspace: the saved text (docs/) and the record (records/).

The Sources page shows the article as saved and its facts; facts come from the
extraction record, whose evidence carries original-text offsets and rule names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DOC_ID = re.compile(r"^[\w.\-]+$")


@dataclass
class Fact:
    kind: str  # "persons", "meetings.participants", ...
    name: str  # what the fact is about (a name, a title, a date)
    rule: str
    text: str  # the evidence sentence (clean text)
    orig_start: int
    orig_end: int


def doc_ids(ws: Path) -> list[str]:
    d = ws / "docs"
    return sorted(p.stem for p in d.glob("*.json")) if d.is_dir() else []


def _read(ws: Path, folder: str, doc_id: str) -> dict[str, Any] | None:
    if not DOC_ID.match(doc_id):  # a doc id from the URL is data: never a path
        return None
    p = ws / folder / f"{doc_id}.json"
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def load_doc(ws: Path, doc_id: str) -> dict[str, Any] | None:
    """The saved Document as JSON (original, clean, starts, ends, metadata, warnings)."""
    return _read(ws, "docs", doc_id)


def load_record(ws: Path, doc_id: str) -> dict[str, Any] | None:
    return _read(ws, "records", doc_id)


def _name_of(obj: dict[str, Any]) -> str:
    for key in ("name", "title", "team", "path", "sector", "directive", "date", "full"):
        if obj.get(key):
            return str(obj[key])
    return ""


def facts(record: dict[str, Any]) -> list[Fact]:
    """Every evidence-bearing fact of a record, in text order."""
    out: list[Fact] = []

    def walk(obj: Any, kind: str, name: str) -> None:
        if isinstance(obj, dict):
            own = _name_of(obj) or name
            for ev in obj.get("evidence") or []:
                out.append(Fact(kind, own, ev.get("rule", ""), ev.get("text", ""),
                                int(ev.get("orig_start", 0)), int(ev.get("orig_end", 0))))
            for k, v in obj.items():
                if k != "evidence" and isinstance(v, list | dict):
                    walk(v, f"{kind}.{k}" if kind else k, own)
        elif isinstance(obj, list):
            for item in obj:
                walk(item, kind, name)

    walk(record, "", "")
    return sorted(out, key=lambda f: (f.orig_start, f.orig_end, f.kind))


WARNINGS_CACHE = ".ingest_warnings.json"


def _docs_stamp(d: Path) -> list[int]:
    """Changes when a document is added, replaced or removed (atomic writes rename into docs/)."""
    return [d.stat().st_mtime_ns, sum(1 for _ in d.iterdir())]


def ingest_warnings(ws: Path, limit: int = 2000) -> list[dict[str, Any]]:
    """Data-quality warnings of the ingested articles (first `limit` documents with any).

    Reading every saved document takes seconds at 10k articles, so the list is kept in
    `<workspace>/.ingest_warnings.json`, stamped with the docs folder's state (best effort).
    """
    d = ws / "docs"
    if not d.is_dir():
        return []
    cache = ws / WARNINGS_CACHE
    stamp = _docs_stamp(d)
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("stamp") == stamp and cached.get("limit") == limit:
            return cached["rows"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    rows = _read_warnings(d, limit)
    try:
        tmp = cache.with_name(cache.name + ".tmp")
        tmp.write_text(json.dumps({"stamp": stamp, "limit": limit, "rows": rows}, ensure_ascii=False),
                       encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass
    return rows


def _read_warnings(d: Path, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in sorted(d.glob("*.json")):
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for w in doc.get("warnings") or []:
            rows.append({"doc_id": doc.get("doc_id", p.stem), "code": w.get("code"), "message": w.get("message")})
        if len(rows) >= limit:
            break
    return rows
