"""The overview's summary of a graph, cached next to the embedded store as `graph.summary.json`.

Opening the app must not wait for a large pickle to load: the summary (counts, the
region tree, meetings per region, the latest meetings) is small and is written on
every save, stamped with the pickle's size and mtime so a stale one is never used.
The `overview` query (queries/overview.py) computes the same dict on Neo4j.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore

SUMMARY_SUFFIX = ".summary.json"
SUMMARY_VERSION = 1
LATEST = 50  # meetings kept for "latest meetings"; the overview shows fewer


def summary_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.stem + SUMMARY_SUFFIX)


def _stamp(store_path: Path) -> list[int]:
    st = store_path.stat()
    return [st.st_size, st.st_mtime_ns]


def is_dated(date: str | None) -> bool:
    """Starts with an ASCII digit (a year); `--MM-DD` and missing dates are undated."""
    return bool(date) and "0" <= date[:1] <= "9"  # type: ignore[index]


def latest_meetings(meetings: list[dict[str, Any]], n: int, offset: int = 0) -> list[dict[str, Any]]:
    """n meetings from `offset` in the order 'latest first': dated by (date, id) descending, then the
    undated by id."""
    dated = sorted((m for m in meetings if is_dated(m.get("date"))), key=lambda m: (m["date"], m["id"]), reverse=True)
    undated = sorted((m for m in meetings if not is_dated(m.get("date"))), key=lambda m: m["id"])
    return (dated + undated)[offset:offset + n]


MEETING_PROPS = ("id", "name", "date", "level", "kind", "region", "articles")


def region_rows(store: GraphStore) -> list[dict[str, Any]]:
    """Every region with the region it is PART_OF (the smallest id when several): the `regions`
    query's rows on the embedded store, and the summary's region tree."""
    rows = []
    for rid in store.ids_by_label("Region"):
        n = store.node(rid)
        parents = sorted(dst for dst, _ in store.out_rels(rid, "PART_OF") if store.label(dst) == "Region")
        rows.append({"id": rid, "name": n.get("name"), "path": n.get("path"), "level": n.get("level"),
                     "parent": parents[0] if parents else None})
    return rows


def summarise(store: GraphStore) -> dict[str, Any]:
    """The summary of an embedded store (reads through its public methods only)."""
    regions = region_rows(store)
    per_region: dict[str, int] = {}
    meetings = []
    for mid in store.ids_by_label("Meeting"):
        m = store.node(mid)
        meetings.append({k: m.get(k) for k in MEETING_PROPS})
        if m.get("region"):
            per_region[m["region"]] = per_region.get(m["region"], 0) + 1
    return {"counts": store.counts(), "regions": regions, "meetings_per_region": per_region,
            "meetings_total": len(meetings), "latest": latest_meetings(meetings, LATEST)}


def read(store_path: Path) -> dict[str, Any] | None:
    """The cached summary if it belongs to the pickle as it is now, else None."""
    path = summary_path(store_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") == SUMMARY_VERSION and data.get("stamp") == _stamp(store_path):
            return data["summary"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def write(store_path: Path, summary: dict[str, Any]) -> None:
    """Best effort (a read-only workspace just recomputes): temp file, then os.replace."""
    path = summary_path(store_path)
    try:
        payload = {"version": SUMMARY_VERSION, "stamp": _stamp(store_path), "summary": summary}
        fd, tmp = tempfile.mkstemp(prefix=".summary.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
