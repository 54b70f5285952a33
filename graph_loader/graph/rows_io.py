"""Rows files (`<workspace>/rows/*.jsonl`, one per batch or per article) and merging rows.

One JSON object per line: first `{"kind": "batch", "doc_ids": [...]}`, then
`{"kind": "node", ...NodeRow fields}` and `{"kind": "rel", ...RelRow fields}`. The embedded
and Neo4j stores and the GraphML/CSV exports read this format, through the one reader here
(`read_batches`), which reports a bad line with its path and number and reads on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from graph_loader.graph.schema import NODE_LABELS, REL_TYPES, GraphRows, NodeRow, RelRow

_ENCODER = json.JSONEncoder(ensure_ascii=False)


def write_rows(rows: GraphRows, path: str | Path) -> None:
    """Write rows atomically (a half-written batch file is never seen by a reader)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    dumps = _ENCODER.encode
    lines = [dumps({"kind": "batch", "doc_ids": list(rows.doc_ids)})]
    # the fields by hand: dataclasses.asdict deep-copies every props dict and list (a third of the time)
    lines.extend(dumps({"kind": "node", "id": n.id, "label": n.label, "props": n.props, "articles": n.articles,
                        "evidence": n.evidence}) for n in rows.nodes)
    lines.extend(dumps({"kind": "rel", "id": r.id, "type": r.type, "src": r.src, "dst": r.dst, "props": r.props,
                        "articles": r.articles, "evidence": r.evidence}) for r in rows.rels)
    lines.append("")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, p)


@dataclass(frozen=True)
class BadLine:
    """A line of a rows file that was left out, and why."""

    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class BadRowsLine(ValueError):
    """A bad line, raised when the caller collects no problems (`problems=None`)."""

    def __init__(self, bad: BadLine) -> None:
        super().__init__(str(bad))
        self.bad = bad


_NODE_FIELDS = ("id", "label", "props", "articles", "evidence")
_REL_FIELDS = ("id", "type", "src", "dst", "props", "articles", "evidence")


def _str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _parse(line: str) -> tuple[str, object] | str:
    """("batch", doc_ids) | ("node", NodeRow) | ("rel", RelRow), or the reason the line is bad.

    Fields the format does not know are ignored (a file written by a later version still loads);
    missing or mistyped fields, and labels or types outside the schema, make the line bad."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return f"not JSON ({e.msg})"
    except RecursionError:
        return "not JSON (nested too deep)"
    if not isinstance(obj, dict):
        return "not a JSON object"
    kind = obj.get("kind")
    if kind == "batch":
        doc_ids = obj.get("doc_ids", [])
        return ("batch", list(doc_ids)) if _str_list(doc_ids) else "batch doc_ids is not a list of strings"
    if kind not in ("node", "rel"):
        return f"unknown row kind {kind!r}"
    names = _NODE_FIELDS if kind == "node" else _REL_FIELDS
    missing = [f for f in names if f not in obj]
    if missing:
        return f"{kind} row without {', '.join(missing)}"
    keys = ("id", "label") if kind == "node" else ("id", "type", "src", "dst")
    if not all(isinstance(obj[k], str) and obj[k] for k in keys):
        return f"{kind} row whose {'/'.join(keys)} is not a non-empty string"
    if not isinstance(obj["props"], dict) or not _str_list(obj["articles"]) or not _str_list(obj["evidence"]):
        return f"{kind} row whose props is not an object or articles/evidence not lists of strings"
    if kind == "node":
        if obj["label"] not in NODE_LABELS:
            return f"unknown node label {obj['label']!r}"
        return "node", NodeRow(*(obj[f] for f in _NODE_FIELDS))
    if obj["type"] not in REL_TYPES:
        return f"unknown relationship type {obj['type']!r}"
    return "rel", RelRow(*(obj[f] for f in _REL_FIELDS))


def read_batches(path: str | Path, problems: list[BadLine] | None = None) -> Iterator[GraphRows]:
    """The batches of one rows file, in order: each `batch` line starts one (rows before any batch
    line form a batch of no article). A bad line is added to `problems` and the rest of the file
    is read; with `problems=None` the first bad line raises BadRowsLine instead. Raises OSError
    when the file cannot be read."""
    p = Path(path)
    batch: GraphRows | None = None
    with p.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                _bad(p, lineno, f"not UTF-8 ({e.reason})", problems)
                continue
            if not line.strip():
                continue
            parsed = _parse(line)
            if isinstance(parsed, str):
                _bad(p, lineno, parsed, problems)
                continue
            kind, value = parsed
            if kind == "batch":
                if batch is not None:
                    yield batch
                batch = GraphRows(doc_ids=value)  # type: ignore[arg-type]
                continue
            if batch is None:
                batch = GraphRows()
            (batch.nodes if kind == "node" else batch.rels).append(value)  # type: ignore[arg-type]
    if batch is not None:
        yield batch


def _bad(path: Path, line: int, reason: str, problems: list[BadLine] | None) -> None:
    bad = BadLine(path, line, reason)
    if problems is None:
        raise BadRowsLine(bad)
    problems.append(bad)


def read_rows(path: str | Path, problems: list[BadLine] | None = None) -> GraphRows:
    """The rows of one file as one GraphRows (the build writes one batch per file); bad lines as
    in `read_batches`."""
    return merge_batches(read_batches(path, problems))


def merge_batches(batches: Iterable[GraphRows]) -> GraphRows:
    """Batches concatenated (rows kept as they are, doc ids in order): not merged by id."""
    out: GraphRows | None = None
    for batch in batches:
        if out is None:
            out = batch
            continue
        out.nodes += batch.nodes
        out.rels += batch.rels
        out.doc_ids += [d for d in batch.doc_ids if d not in out.doc_ids]
    return out if out is not None else GraphRows()


def batch_files(workspace: str | Path, sub: str, suffix: str) -> list[Path]:
    """`<workspace>/<sub>/*<suffix>` (one file per article, or per batch) in name order."""
    d = Path(workspace) / sub
    return sorted(d.glob(f"*{suffix}")) if d.is_dir() else []


def rows_files(workspace: str | Path) -> list[Path]:
    """Every rows file of a workspace (`rows/*.jsonl`: per batch or per article), sorted."""
    d = Path(workspace) / "rows"
    return sorted(d.glob("*.jsonl")) if d.is_dir() else []


def iter_workspace_batches(workspace: str | Path, problems: list[BadLine] | None = None) -> Iterator[GraphRows]:
    """Every batch of the workspace's rows files, in file order; bad lines as in `read_batches`
    (a file that cannot be read is one bad line, numbered 0)."""
    for p in rows_files(workspace):
        try:
            yield from read_batches(p, problems)
        except OSError as e:
            _bad(p, 0, f"cannot read the file ({type(e).__name__})", problems)


def iter_workspace_rows(workspace: str | Path, problems: list[BadLine] | None = None) -> Iterator[GraphRows]:
    """The rows of each rows file of the workspace, one GraphRows per file."""
    for p in rows_files(workspace):
        yield read_rows(p, problems)


def grouped_batches(batches: Iterable[GraphRows], max_docs: int = 200) -> Iterator[GraphRows]:
    """Consecutive batches joined up to `max_docs` articles: one upsert instead of many small ones.

    Same result as upserting them one by one (facts shared by the joined batches are merged
    with their support lists unioned), with far fewer transactions when the build wrote one
    file per article.
    """
    current = GraphRows()
    for batch in batches:
        if current.doc_ids and len(current.doc_ids) + len(batch.doc_ids) > max_docs:
            yield current
            current = GraphRows()
        current.nodes += batch.nodes
        current.rels += batch.rels
        current.doc_ids += batch.doc_ids
    if current.doc_ids or current.nodes or current.rels:
        yield current


# A node whose id comes from what it is, not how it is written (a body keyed by kind and region: the
# party committee of a prefecture is one node whether a report writes `某某自治州委` or `某某自治州州委`)
# shows one of its written names chosen without regard to load order: the shortest, then the first in
# code-point order. Every store and export applies this rule (Neo4j mirrors it in Cypher).
SETTLED_NAME_LABELS = frozenset({"Body"})
# The same for the title in full a holding shows (`甘肃省委副书记` in one report, `省委副书记` in another, for one
# person's one post): the settled choice, whichever report is loaded last.
SETTLED_FULL_TYPES = frozenset({"HOLDS"})


def settled_name(old: str | None, new: str | None) -> str | None:
    """The name a settled-name node keeps when a row writes `new` over `old`."""
    if not old or not new:
        return new or old
    return min(old, new, key=lambda n: (len(n), n))


class _Acc:
    """A row being merged: ordered unions of articles and evidence, with their sets made only when
    a second row of the same id arrives (most rows of a batch come from one article). The row given
    first is copied then too, so a row met once is the given row itself and none is ever changed."""

    __slots__ = ("row", "arts", "evs")

    def __init__(self, row) -> None:
        self.row = row
        self.arts: set | None = None
        self.evs: set | None = None

    def add(self, other) -> None:
        if self.arts is None:
            first = self.row
            self.row = replace(first, props=dict(first.props), articles=list(first.articles),
                               evidence=list(first.evidence))
            self.arts, self.evs = set(first.articles), set(first.evidence)
        if isinstance(other, NodeRow):
            self.row.label = other.label
        old_name, old_full = self.row.props.get("name"), self.row.props.get("full")
        self.row.props.update({k: v for k, v in other.props.items() if v is not None})
        if getattr(self.row, "label", None) in SETTLED_NAME_LABELS:
            self.row.props["name"] = settled_name(old_name, self.row.props.get("name"))
        if getattr(self.row, "type", None) in SETTLED_FULL_TYPES and old_full:
            self.row.props["full"] = settled_name(old_full, self.row.props.get("full"))
        for a in other.articles:
            if a not in self.arts:
                self.arts.add(a)
                self.row.articles.append(a)
        for e in other.evidence:
            if e not in self.evs:
                self.evs.add(e)
                self.row.evidence.append(e)


def merge_rows(batches: Iterable[GraphRows]) -> GraphRows:
    """Union by id: articles and evidence unioned (first-seen order), props of the latest row
    (a later row's non-null props override; props it lacks are kept). A row no other row shares an
    id with is the given row itself, not a copy (a batch's rows are mostly such: copying them was
    a tenth of a build's main process); merging never changes the given rows."""
    nodes: dict[str, _Acc] = {}
    rels: dict[str, _Acc] = {}
    doc_ids: dict[str, None] = {}
    for rows in batches:
        doc_ids.update(dict.fromkeys(rows.doc_ids))
        for table, part in ((nodes, rows.nodes), (rels, rows.rels)):
            for row in part:
                acc = table.get(row.id)
                if acc is None:
                    table[row.id] = _Acc(row)
                else:
                    acc.add(row)
    return GraphRows(nodes=[a.row for a in nodes.values()], rels=[a.row for a in rels.values()],
                     doc_ids=list(doc_ids))
