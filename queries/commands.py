"""`safetykg query NAME [--param KEY=VALUE]... [--store embedded|neo4j] [--json] [--workspace DIR]`.

No NAME lists the queries with their parameters. Exit 2 on bad parameters, 3 when
the store cannot be reached (or no embedded graph was built yet).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pydantic import BaseModel

from graph_loader.config import neo4j_settings, workspace_dir
from graph_loader.stores.errors import StoreUnavailable
from queries.registry import REGISTRY, open_store, parse_params, run_query
from queries.shapes import QueryParamError


def _parse_pairs(pairs: list[str]) -> dict[str, Any]:
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


def _cell(value: Any) -> str:
    if isinstance(value, BaseModel):
        data = value.model_dump()
        if {"id", "label", "name"} <= set(data):
            return f"{data['name'] or ''} [{data['id']}]" if data["name"] else data["id"]
        if "text" in data and "doc_id" in data:
            return f"{data['text']} ({data['doc_id']})"
        return ", ".join(f"{k}={_cell(getattr(value, k))}" for k in data)
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return "" if value is None else str(value)


def _print_table(name: str, result: BaseModel) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    scalars = []
    for key in type(result).model_fields:
        value = getattr(result, key)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            table = Table(title=f"{name}: {key} ({len(value)})")
            cols = list(type(value[0]).model_fields)
            for col in cols:
                table.add_column(col, overflow="fold")
            for row in value:
                table.add_row(*(_cell(getattr(row, c)) for c in cols))
            console.print(table)
        else:
            scalars.append((key, value))
    for key, value in scalars:
        console.print(f"[bold]{key}[/bold]: {_cell(value)}")


def query_command(args: Any) -> int:
    if not args.name:
        return _list_queries()
    workspace = workspace_dir(getattr(args, "workspace", None))
    try:
        params = parse_params(args.name, _parse_pairs(args.param or []))
    except QueryParamError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.store == "embedded" and not (workspace / "graph.pickle").exists():
        print(f"error: no embedded graph in {workspace}: run `safetykg build PATH... --workspace {workspace}`",
              file=sys.stderr)
        return 3
    settings = None
    if args.store == "neo4j":
        settings = neo4j_settings(args.neo4j_uri, args.neo4j_user, args.neo4j_password, args.neo4j_database,
                                  workspace=workspace)
    try:
        store = open_store(args.store, workspace, settings)
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
