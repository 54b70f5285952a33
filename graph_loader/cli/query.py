"""`safetykg query NAME [--param KEY=VALUE]... [--store embedded|neo4j] [--json] [--workspace DIR]`.

No NAME lists the queries with their parameters. Exit 2 on bad parameters, 3 when
the store cannot be reached (or no embedded graph was built yet).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pydantic import BaseModel

from graph_loader.cli.options import neo4j_flags, settings, workspace, workspace_flag
from graph_loader.stores import STORE_KINDS

# the catalogue is imported by the functions that run it: listing the commands stays fast


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="run a catalogue query")
    p.add_argument("name", nargs="?", help="query name (omit to list them)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--store", choices=list(STORE_KINDS), default="embedded")
    p.add_argument("--json", action="store_true")
    workspace_flag(p)
    neo4j_flags(p)
    p.set_defaults(run=query_command)


def _parse_pairs(pairs: list[str]) -> dict[str, Any]:
    from queries.shapes import QueryParamError

    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryParamError(f"--param wants KEY=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def _list_queries() -> int:
    from rich.console import Console
    from rich.table import Table

    from queries.registry import REGISTRY

    table = Table(title="queries (safetykg query NAME --param KEY=VALUE ...)")
    for col in ("name", "parameters", "what it answers"):
        table.add_column(col)
    for spec in REGISTRY.values():
        params = []
        for key, field in spec.params.model_fields.items():
            mark = "" if field.is_required() else f"={field.default!r}" if field.default is not None else "?"
            params.append(f"{key}{mark}")
        table.add_row(spec.name, " ".join(params), spec.description)
    Console().print(table)
    return 0


# The few fields of each listing a person reads in a terminal (`query.field` → columns, in order);
# `--json` has them all. A listing not named here shows its first fields but ids, articles, evidence.
TERMINAL_COLUMNS: dict[str, tuple[str, ...]] = {
    # a tree node: where and when it was held, how many days after the top, and whether the text says it relays
    # (explicit) or the setting shows it (inferred); its articles, name and evidence are in --json
    "propagation.nodes": ("level", "region", "date", "lag_from_top", "edge"),
    # an ambiguous name: the meetings it names, told apart by day, with how many articles report each
    "propagation.candidates": ("date", "level", "region", "reports", "name"),
    "attendance.rows": ("date", "region", "person", "role", "meeting"),
    "meeting.chairs": ("person", "evidence"),
    "meeting.speakers": ("person", "evidence"),
    "meeting.attendees": ("person", "evidence"),
    "meeting.relays": ("target", "inferred", "reason"),
    "meeting.relayed_by": ("target", "inferred", "reason"),
    "meeting.evidence": ("doc_id", "rule", "text"),
    "evidence.evidence": ("doc_id", "rule", "text"),
    "person.posts": ("title", "body", "full"),
    "person.meetings": ("date", "level", "region", "role", "meeting"),
    "person.directives": ("directive", "via_meetings"),
    "person.co_participants": ("person", "meetings"),
    "responsibility_chain.levels": ("level", "region", "bodies"),
    "inspections.inspections": ("start", "team", "target", "level", "conducted_by"),
    "sectors.totals": ("sector", "meetings", "articles"),
    "sectors.rows": ("sector", "region", "month", "meetings", "articles"),
    "search.hits": ("node", "date", "region", "reports", "matched"),
    "path.nodes": ("label", "name"),
    "path.hops": ("src", "type", "dst"),
    "timeline.items": ("date", "kind", "level", "region", "node"),
    "overview.regions": ("name", "level", "path"),
    "overview.latest": ("date", "level", "kind", "region", "meeting"),
    "regions.regions": ("name", "level", "path"),
    "meetings.meetings": ("date", "level", "kind", "region", "meeting"),
    "neighbours.nodes": ("label", "name"),
    "neighbours.edges": ("type", "src", "dst", "role"),
}
DEFAULT_COLUMNS = 5
HIDDEN_BY_DEFAULT = frozenset({"id", "articles", "evidence"})
CELL_MAX = 28  # terminal cells (a CJK character takes two): longer values end in "…"
CELL_MIN = 10  # narrower than this a column is unreadable: records are printed one field a line
# a region is a path from the province down (湖北省恩施土家族苗族自治州宣恩县): its end tells it apart
KEEP_END = frozenset({"region"})
DATE_UNKNOWN = "date unknown"  # an undated meeting's date, never "None"


def _cell(value: Any, terminal: bool = False) -> str:
    """A value as text; in the terminal a reference shows its name alone (the id is in --json)."""
    if isinstance(value, BaseModel):
        data = value.model_dump()
        if {"id", "label", "name"} <= set(data):
            if terminal:
                return data["name"] or data["id"]
            return f"{data['name'] or ''} [{data['id']}]" if data["name"] else data["id"]
        if "text" in data and "doc_id" in data:
            return data["text"] if terminal else f"{data['text']} ({data['doc_id']})"
        return ", ".join(f"{k}={_cell(getattr(value, k), terminal)}" for k in data)
    if isinstance(value, list):
        return "; ".join(_cell(v, terminal) for v in value)
    return "" if value is None else str(value)


def terminal_columns(name: str, key: str, fields: list[str]) -> list[str]:
    chosen = TERMINAL_COLUMNS.get(f"{name}.{key}")
    if chosen:
        return [c for c in chosen if c in fields]
    return [f for f in fields if f not in HIDDEN_BY_DEFAULT][:DEFAULT_COLUMNS] or fields[:DEFAULT_COLUMNS]


def _terminal_cell(column: str, value: Any) -> str:
    if column == "date" and value is None:
        return DATE_UNKNOWN
    return " ".join(_cell(value, terminal=True).split())  # one line: newlines in a sentence would break rows


def _clip(text: str, width: int, keep_end: bool = False) -> str:
    """`text` in at most `width` terminal cells, the cut marked "…" (at the start with `keep_end`)."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    out, used = [], 1
    for ch in reversed(text) if keep_end else text:
        used += cell_len(ch)
        if used > width:
            break
        out.append(ch)
    return "…" + "".join(reversed(out)) if keep_end else "".join(out) + "…"


def _fit(natural: list[int], available: int) -> list[int] | None:
    """Column widths within `available` cells, taking from the widest first and none below CELL_MIN
    (or its own width); None when even that does not fit."""
    widths = list(natural)
    while sum(widths) > available:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= CELL_MIN:
            return None
        widths[i] -= 1
    return widths


def _print_listing(console: Any, title: str, columns: list[str], rows: list[list[str]], hidden: int) -> None:
    """A table of `columns` when each fits at CELL_MIN or more; else one record at a time, a field a line."""
    from rich.cells import cell_len
    from rich.table import Table

    natural = [min(CELL_MAX, max([cell_len(c)] + [cell_len(r[i]) for r in rows])) for i, c in enumerate(columns)]
    widths = _fit(natural, console.width - (3 * len(columns) + 1))  # minus borders and padding
    console.print(f"[bold]{title}[/bold]", markup=True, highlight=False)
    if widths is not None:
        table = Table()
        for col, w in zip(columns, widths, strict=True):
            table.add_column(_clip(col, w), no_wrap=True, overflow="ellipsis", width=w)
        for row in rows:
            table.add_row(*(_clip(v, w, c in KEEP_END) for c, v, w in zip(columns, row, widths, strict=True)))
        console.print(table)
    else:
        key_w = max(cell_len(c) for c in columns)
        for n, row in enumerate(rows, 1):
            console.print(f"[dim]── {n}/{len(rows)} ──[/dim]")
            for col, value in zip(columns, row, strict=True):
                console.print(f"{col.ljust(key_w)}  {_clip(value, max(4, console.width - key_w - 2), col in KEEP_END)}",
                              markup=False, highlight=False, crop=True)
    if hidden:
        console.print(f"[dim]{hidden} more field(s) a row: --json shows them all[/dim]")


def _print_table(name: str, result: BaseModel) -> None:
    """What a person reads in a terminal of any width: a few columns per listing, long cells cut."""
    from rich.console import Console

    console = Console()
    scalars = []
    for key in type(result).model_fields:
        value = getattr(result, key)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            fields = list(type(value[0]).model_fields)
            cols = terminal_columns(name, key, fields)
            rows = [[_terminal_cell(c, getattr(row, c)) for c in cols] for row in value]
            _print_listing(console, f"{name}: {key} ({len(value)})", cols, rows, len(fields) - len(cols))
        else:
            scalars.append((key, value))
    for key, value in scalars:
        console.print(f"[bold]{key}[/bold]: ", end="")
        console.print(_terminal_cell(key, value) if not isinstance(value, dict) else _cell(value),
                      markup=False, highlight=False)


def query_command(args: argparse.Namespace) -> int:
    from graph_loader.stores import open_store
    from graph_loader.stores.errors import StoreUnavailable
    from queries.registry import parse_params, run_query
    from queries.shapes import QueryParamError

    if not args.name:
        return _list_queries()
    ws = workspace(args)
    try:
        params = parse_params(args.name, _parse_pairs(args.param or []))
    except QueryParamError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.store == "embedded" and not (ws / "graph.pickle").exists():
        print(f"error: no embedded graph in {ws}: run `safetykg build PATH... --workspace {ws}`",
              file=sys.stderr)
        return 3
    try:
        store = open_store(args.store, ws, settings(args) if args.store == "neo4j" else None)
        try:
            result = run_query(store, args.name, params)
        finally:
            store.close()
    except StoreUnavailable as e:
        print(f"error: store unavailable: {e}", file=sys.stderr)
        return 3
    except QueryParamError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        _print_table(args.name, result)
    return 0
