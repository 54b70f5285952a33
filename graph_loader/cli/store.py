"""`safetykg load | neo4j`: a built workspace into Neo4j, and the local development server."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from graph_loader.cli.options import neo4j_flags, settings, workspace, workspace_flag

if TYPE_CHECKING:
    from graph_loader.stores.neo4j_import import ImportResult


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("load", help="load an already built workspace into Neo4j")
    workspace_flag(p)
    p.add_argument("--batch-size", type=int, default=2000)
    p.add_argument("--fresh", action="store_true",
                   help="replace the database of the workspace's local server (`safetykg neo4j start`) by the "
                        "workspace's graph with neo4j-admin's import tool: much faster than a transactional "
                        "load of a whole corpus; later builds and loads stay transactional")
    neo4j_flags(p)
    p.set_defaults(run=load_command)

    p = sub.add_parser("neo4j", help="a local Neo4j for development and tests",
                       description="start | stop | status the workspace's local Neo4j; `import CSV_DIR` "
                                   "replaces its (empty) database by a `safetykg export --format csv` "
                                   "directory with neo4j-admin's import tool, then starts it")
    p.add_argument("action", choices=["start", "stop", "status", "import"])
    p.add_argument("csv_dir", nargs="?", metavar="CSV_DIR", help="import: the CSV export to import")
    p.add_argument("--overwrite", action="store_true", help="import: replace a database that holds nodes")
    workspace_flag(p)
    p.set_defaults(run=neo4j_command)


def load_command(args: argparse.Namespace) -> int:
    """`safetykg load [--workspace DIR]`: the workspace's rows files into Neo4j, with a summary.

    A bad line of a rows file is reported (path:line: reason) and left out; the rest is loaded.
    Exit 0 loaded; 1 no rows files, or some lines were bad; 3 Neo4j unreachable, refused, or failed
    during the load."""
    from neo4j.exceptions import DriverError, Neo4jError
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph_loader.graph.rows_io import BadLine, grouped_batches, iter_workspace_batches, rows_files
    from graph_loader.stores import open_store
    from graph_loader.stores.base import LoadSummary
    from graph_loader.stores.errors import StoreUnavailable
    from queries.sectors import refresh_summaries

    ws = workspace(args)
    files = rows_files(ws)
    if not files:
        print(f"error: no rows files in {ws / 'rows'}; run `safetykg build` first", file=sys.stderr)
        return 1
    if getattr(args, "fresh", False):
        return fresh_load_command(args)
    err = Console(stderr=True)
    t0 = time.perf_counter()
    total = LoadSummary()
    bad: list[BadLine] = []
    try:
        store = open_store("neo4j", ws, settings(args), batch_size=getattr(args, "batch_size", None))
    except StoreUnavailable as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    try:
        with Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                      TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("load", total=len(files) if len(files) > 1 else None)
            for batch in grouped_batches(iter_workspace_batches(ws, bad)):
                for key, value in store.upsert(batch).items():
                    if key != "seconds":
                        total[key] = total.get(key, 0) + value
                bar.advance(task, len(batch.doc_ids))
        # the whole-corpus answers too slow to compute per request, for the graph just loaded
        t_refresh = time.perf_counter()
        refresh_summaries(store)
        refresh_s = time.perf_counter() - t_refresh
    except (DriverError, Neo4jError, OSError) as e:
        print(f"error: Neo4j failed during the load ({type(e).__name__}); run `safetykg load` again "
              "to finish it (loads are idempotent)", file=sys.stderr)
        return 3
    finally:
        store.close()
    seconds = time.perf_counter() - t0
    print(f"nodes: {total.get('nodes_created', 0)} created, {total.get('nodes_updated', 0)} updated, "
          f"{total.get('nodes_removed', 0)} removed; relationships: {total.get('rels_created', 0)} created, "
          f"{total.get('rels_updated', 0)} updated, {total.get('rels_removed', 0)} removed"
          + (f", {total['rels_skipped']} skipped (missing endpoint)" if total.get("rels_skipped") else "")
          + f"; {seconds:.1f} s (summaries refreshed in {refresh_s:.1f} s)")
    for line in bad:
        print(f"bad rows line: {line}", file=sys.stderr)
    if bad:
        print(f"error: {len(bad)} line(s) of the rows files were left out", file=sys.stderr)
        return 1
    return 0


def fresh_load_command(args: argparse.Namespace) -> int:
    """`safetykg load --fresh`: the workspace exported as CSV and imported (`import_csv`, overwriting)
    into its local server, the schema and stored answers made, and the workspace's build state told
    that the database holds its articles (a later build is incremental, and transactional).

    Only the workspace's own local server: another server (--neo4j-uri, $NEO4J_URI) is a usage
    error (exit 2), since the import writes store files, not Bolt. Exit 1 on a bad rows line (the
    export refuses rather than import a graph lacking facts) or a CSV the tool refuses; 3 when Java,
    Maven or the server fail."""
    import shutil

    from graph_loader.graph.export import export_workspace
    from graph_loader.graph.rows_io import BadRowsLine
    from graph_loader.stores.neo4j_import import DatabaseNotEmpty, ImportInputError, import_csv
    from graph_loader.stores.neo4j_server import LauncherError, state_dir

    ws = workspace(args)
    local_uri = (state_dir(ws) / "uri").read_text().strip() if (state_dir(ws) / "uri").exists() else None
    given = settings(args).uri
    if given and given != local_uri:
        print(f"error: `load --fresh` imports into the workspace's local server only, not {given}; "
              "run `safetykg load` (transactional) for another server", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    csv_dir = state_dir(ws) / "import-csv"
    shutil.rmtree(csv_dir, ignore_errors=True)
    try:
        print(export_workspace(ws, "csv", csv_dir), file=sys.stderr)
        result = import_csv(ws, csv_dir, overwrite=True)
    except BadRowsLine as e:
        print(f"error: bad rows line: {e}; rebuild the article (`safetykg build --fresh`)", file=sys.stderr)
        return 1
    except (ImportInputError, DatabaseNotEmpty) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except LauncherError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    finally:
        shutil.rmtree(csv_dir, ignore_errors=True)
    return _serve_imported(ws, result, t0, record_workspace=True)


def _serve_imported(ws: Path, result: ImportResult, t0: float, record_workspace: bool, what: str = "") -> int:
    """After an import: open the store (which makes the constraints and indexes), store the answers it
    precomputes, print the counts; with record_workspace, tell the build state the database holds the
    workspace's articles. Exit 0, or 3 when the server can't be reached."""
    from graph_loader.build import record_store_holds_workspace
    from graph_loader.stores import open_store
    from graph_loader.stores.errors import StoreUnavailable
    from queries.sectors import refresh_summaries

    try:
        store = open_store("neo4j", ws, result.settings)
    except StoreUnavailable as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    try:
        refresh_summaries(store)
        counts = {k: v for k, v in store.counts().items() if v}
        if record_workspace:
            what = f"{record_store_holds_workspace(ws, store)} articles"
    finally:
        store.close()
    print(f"imported {what} into {result.settings.uri} in {time.perf_counter() - t0:.1f} s "
          f"(import tool {result.seconds:.1f} s)")
    print(", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0


def neo4j_command(args: argparse.Namespace) -> int:
    """`safetykg neo4j start|stop|status [--workspace DIR]`: exit 3 when it cannot start or is not running.
    `safetykg neo4j import CSV_DIR [--overwrite]`: see import_command."""
    from graph_loader.stores.neo4j_server import LauncherError, start, state_dir, status, stop

    ws = workspace(args)
    if args.action == "import":
        return import_command(args)
    if args.csv_dir is not None or args.overwrite:
        print(f"error: CSV_DIR and --overwrite go with `neo4j import`, not `neo4j {args.action}`", file=sys.stderr)
        return 2
    if args.action == "start":
        try:
            started = start(ws)
        except LauncherError as e:
            print(f"error: {e}", file=sys.stderr)
            return 3
        print(started.uri)
        print(f"user neo4j, password in {state_dir(ws) / 'password'}", file=sys.stderr)
        return 0
    if args.action == "stop":
        print("stopped" if stop(ws) else "not running")
        return 0
    state = status(ws)
    if state.running:
        print(f"running {state.uri} (pid {state.pid})")
        return 0
    print("not running")
    return 3


def import_command(args: argparse.Namespace) -> int:
    """`safetykg neo4j import CSV_DIR [--overwrite] [--workspace DIR]`: stop the workspace's local server,
    import the CSV export into its database with neo4j-admin's import tool, start it, create the
    schema, store the precomputed answers and print the counts.

    Exit 0 imported; 1 bad or missing CSV (the database is left as it was), or the database holds
    nodes and --overwrite was not given; 2 no CSV_DIR; 3 Java/Maven missing or the server failed."""
    from graph_loader.stores.neo4j_import import DatabaseNotEmpty, ImportInputError, import_csv
    from graph_loader.stores.neo4j_server import LauncherError

    if not args.csv_dir:
        print("error: `neo4j import` needs CSV_DIR (written by `safetykg export --format csv`)", file=sys.stderr)
        return 2
    ws = workspace(args)
    t0 = time.perf_counter()
    try:
        result = import_csv(ws, args.csv_dir, overwrite=args.overwrite)
    except (ImportInputError, DatabaseNotEmpty) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except LauncherError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    return _serve_imported(ws, result, t0, record_workspace=False, what=str(args.csv_dir))
