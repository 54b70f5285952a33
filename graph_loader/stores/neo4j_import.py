"""An empty local Neo4j filled by the real `neo4j-admin database import full` from a CSV export.

`safetykg export --format csv` writes the import tool's layout (graph/export.py): nodes_<Label>.csv,
rels_<TYPE>.csv and support.csv (the store's per-article support records). The import tool
writes store files directly, with no transactions, so it is much faster than the transactional
loader for a whole corpus, but it can only create a database, never add to one: incremental
builds and reloads stay transactional (Neo4jStore.upsert), and they work on an imported database
because the support records are imported with it.

The launcher (dev/neo4j, `Launcher import HOME ...`) runs the tool's own command in its JVM, into
a staging home next to the server's; only a complete import replaces the database directories of
the workspace's server (`<workspace>/neo4j/home/data/{databases,transactions}/neo4j`), so a bad
CSV leaves the previous database as it was. The server must be stopped meanwhile (`import_csv`
stops it and starts it again). The schema (constraints, indexes) is not in the CSV: the store
creates it when it opens the imported database (Neo4jStore.ensure_schema).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph_loader.config import Neo4jSettings
from graph_loader.graph.export import CHUNKS_FILE, SUPPORT_FILE
from graph_loader.stores import neo4j_server as server

DATABASE = "neo4j"  # the default (and in Community the only) user database
ARRAY_DELIMITER = "U+001F"  # graph/export.py ARRAY_DELIMITER, in the tool's notation
IMPORT_TIMEOUT_S = 6 * 3600.0


class ImportInputError(ValueError):
    """The CSV directory cannot be imported (missing files, or the tool rejected them): bad input."""


class DatabaseNotEmpty(RuntimeError):
    """The workspace's database holds nodes and no overwrite was asked for."""


@dataclass
class ImportFiles:
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)


@dataclass
class ImportResult:
    settings: Neo4jSettings
    seconds: float  # the import tool's run (JVM start included)
    log: Path


def import_files(csv_dir: Path) -> ImportFiles:
    """The export's files, checked for the header each kind needs (ImportInputError otherwise)."""
    csv_dir = Path(csv_dir)
    if not csv_dir.is_dir():
        raise ImportInputError(f"{csv_dir}: no such directory (write one with `safetykg export --format csv`)")
    files = ImportFiles(nodes=sorted(csv_dir.glob("nodes_*.csv")),
                        relationships=sorted(csv_dir.glob("rels_*.csv")))
    files.nodes += [csv_dir / name for name in (SUPPORT_FILE, CHUNKS_FILE) if (csv_dir / name).exists()]
    if not files.nodes:
        raise ImportInputError(f"{csv_dir}: no nodes_*.csv files (write them with `safetykg export --format csv`)")
    for path in files.nodes + files.relationships:
        need = ":LABEL" if path in files.nodes else ":TYPE"
        header = _header(path)
        if need not in header:
            raise ImportInputError(f"{path}: header {','.join(header)[:200]!r} has no {need} column")
    return files


def _header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ImportInputError(f"{path}: unreadable ({type(e).__name__}: {e})") from None


def database_dirs(home: Path) -> tuple[Path, Path]:
    """The store and transaction-log directories of the user database under a Neo4j home."""
    return home / "data" / "databases" / DATABASE, home / "data" / "transactions" / DATABASE


def node_count(settings: Neo4jSettings) -> int:
    from neo4j import GraphDatabase

    auth = (settings.user, settings.password) if settings.password is not None else None
    with GraphDatabase.driver(settings.uri, auth=auth) as driver:
        records = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=DATABASE).records
    return int(records[0]["n"])


def tool_args(files: ImportFiles, report: Path) -> list[str]:
    """The import command's arguments: the export's CSV dialect, no bad entry tolerated (a graph
    with facts silently left out is worse than a clear failure), memory and threads bounded."""
    memory = os.environ.get("SAFETYKG_NEO4J_IMPORT_MEMORY", "512m")
    threads = max(1, min(os.cpu_count() or 1, 4))
    return [DATABASE, "--verbose", "--overwrite-destination", "--multiline-fields=true",
            f"--array-delimiter={ARRAY_DELIMITER}", "--bad-tolerance=0", f"--report-file={report}",
            f"--max-off-heap-memory={memory}", f"--threads={threads}",
            *[f"--nodes={p}" for p in files.nodes], *[f"--relationships={p}" for p in files.relationships]]


def import_csv(workspace: Path | str, csv_dir: Path | str, overwrite: bool = False,
               quiet: bool = False) -> ImportResult:
    """Replace the workspace's (empty, or with `overwrite` any) database by the CSV export's graph
    and start the server on it. Raises ImportInputError (bad CSV: the database is left as it was),
    DatabaseNotEmpty, server.LauncherError (Java/Maven missing, the server would not start)."""
    workspace = Path(workspace).resolve()
    files = import_files(Path(csv_dir).resolve())
    classpath = server.ensure_built(quiet=quiet)
    sdir = server.state_dir(workspace)
    home = sdir / "home"
    store_dir, tx_dir = database_dirs(home)
    was_running = server.status(workspace).running
    if store_dir.exists() and not overwrite:
        settings = server.start(workspace, quiet=quiet)  # count what it holds (a fresh one holds nothing)
        n = node_count(settings)
        if n:
            if not was_running:
                server.stop(workspace)
            raise DatabaseNotEmpty(f"the database of {workspace} holds {n} nodes; pass --overwrite to replace it")
    server.stop(workspace)

    sdir.mkdir(parents=True, exist_ok=True)
    staging = sdir / "import-home"
    shutil.rmtree(staging, ignore_errors=True)
    log = sdir / "import.log"
    report = sdir / "import.report"
    heap = os.environ.get("SAFETYKG_NEO4J_HEAP", "1g")
    java = shutil.which("java") or "java"
    t0 = time.perf_counter()
    with log.open("w") as out:
        done = subprocess.run([java, f"-Xmx{heap}", "-XX:+UseSerialGC", "-cp", classpath,
                               "safetykg.neo4j.Launcher", "import", str(staging), *tool_args(files, report)],
                              stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              timeout=IMPORT_TIMEOUT_S)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        if was_running:  # the database is as it was: so is its server
            server.start(workspace, quiet=quiet)
        raise ImportInputError(f"the import tool refused {csv_dir} (status {done.returncode}): "
                               f"{failure_reason(log)} (full output: {log})")
    new_store, new_tx = database_dirs(staging)
    for old, new in ((store_dir, new_store), (tx_dir, new_tx)):
        shutil.rmtree(old, ignore_errors=True)
        old.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, old)
    shutil.rmtree(staging, ignore_errors=True)
    return ImportResult(settings=server.start(workspace, quiet=quiet), seconds=seconds, log=log)


def failure_reason(log: Path, limit: int = 1500) -> str:
    """The import tool's own explanation from its (verbose) output: the message of the innermost
    exception, whose indented lines name the file, line, field and what was wrong with a bad entry;
    else the lines after "IMPORT FAILED"."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = [i for i, ln in enumerate(lines) if ln.startswith("Caused by: ")]
    # an input error's block ("ERROR in input", then data source, field, header, original error)
    located = [i for i in starts if i + 1 < len(lines) and "data source:" in lines[i + 1]]
    if starts:
        at = (located or starts)[-1]
        first = lines[at].split("Exception: ")[-1].strip()
        detail = []
        for ln in lines[at + 1:]:
            if not ln.startswith("  ") or ln.lstrip().startswith(("at ", "... ")):
                break
            detail.append(ln.strip())
        text = "; ".join([first, *detail])
    else:
        tail = [ln.strip() for ln in lines[next((i for i, ln in enumerate(lines) if "IMPORT FAILED" in ln), 0):]]
        text = "; ".join(ln for ln in tail if ln and not ln.startswith("at "))[:limit] or "no output"
    return text[:limit]
