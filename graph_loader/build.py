"""The streaming pipeline: files → Document → ExtractionRecord → RDF + rows → store.

Articles go through in batches so memory stays bounded by the batch and the
resolution indexes, not by the corpus. The workspace keeps, per article, its
Document, its record and its property-graph rows, plus a resume state; a build
that is interrupted and started again skips what is done (same sha256) and ends
in the same graph as an uninterrupted one.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph_loader.config import Neo4jSettings
from graph_loader.ingest.document import Document, IngestWarning, Metadata, Rejection
from graph_loader.stores import open_store
from graph_loader.stores.base import GraphStore
from graph_loader.stores.embedded import EmbeddedStore
from graph_loader.stores.neo4j_store import Neo4jStore

if TYPE_CHECKING:  # the graph stage is imported where it is used, as in the rest of this module
    from graph_loader.graph.resolve import Call
    from graph_loader.graph.schema import GraphRows

STATE_FILE = "build_state.json"
# A build saves the resolver and the resume state every CHECKPOINT_EVERY seconds. The embedded
# store's pickle (the whole graph: seconds at 10k articles, a minute at 100k) is written far less
# often during a build: the resume state records which articles the last pickle holds, and a
# killed build loads the articles built since from their rows files (as for any store that lacks
# articles the workspace has), which costs a fraction of building them again.
CHECKPOINT_EVERY = 60.0
STORE_SAVE_EVERY = 600.0  # seconds between pickles of the embedded store during a build, at least
STORE_SAVE_SHARE = 19  # ... and at least this many times the last pickle's duration (≤ 5% of the time)
EMBEDDED_BATCH = 200
# A Neo4j upsert rewrites the `articles`/`evidence` lists of every node its batch names, and the
# nodes most articles name (a sector, a national body) hold tens of thousands of entries: the cost
# per batch grows with the corpus, so Neo4j builds take ten times fewer, larger batches.
NEO4J_BATCH = 2000


@dataclass(slots=True)  # one per file the build read: no __dict__ each
class FileReport:
    path: str
    doc_id: str | None
    status: str  # "ingested" | "loaded" (built before, loaded from the workspace) | "unchanged" | "rejected"
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class BuildReport:
    files: list[FileReport] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    collisions: list[tuple[str, str]] = field(default_factory=list)  # (path, why its doc id is not its stem)
    store_counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the user should know about the store
    bad_rows: list[str] = field(default_factory=list)  # "path:line: reason" of rows lines left out on a reload
    # Neo4j: write transactions that passed the server's transaction memory limit and were run again in
    # parts (`Neo4jStore.splits`; each split counted once); None for the embedded store
    transactions_split: int | None = None
    seconds: float = 0.0

    @property
    def rejected(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "rejected"]

    def summary(self) -> str:
        done = sum(f.status == "ingested" for f in self.files)
        same = sum(f.status == "unchanged" for f in self.files)
        loaded = sum(f.status == "loaded" for f in self.files)
        return (f"{done} articles built, " + (f"{loaded} loaded from the workspace, " if loaded else "")
                + f"{same} unchanged, {len(self.rejected)} rejected, "
                f"{len(self.violations)} SHACL violations, "
                + (f"{self.transactions_split} Neo4j transactions split, " if self.transactions_split is not None
                   else "")
                + f"{self.seconds:.1f} s")


# ---------------------------------------------------------------- workspace layout

def docs_dir(ws: Path) -> Path:
    return ws / "docs"


def records_dir(ws: Path) -> Path:
    return ws / "records"


def rows_dir(ws: Path) -> Path:
    return ws / "rows"


def rdf_dir(ws: Path) -> Path:
    return ws / "rdf"


def _atomic_write(path: Path, text: str) -> None:
    """Temp file + rename, so a killed build never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def document_to_json(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "path": doc.path, "sha256": doc.sha256, "encoding": doc.encoding,
        "original": doc.original, "clean": doc.clean,
        "starts": list(doc.starts), "ends": list(doc.ends),
        "metadata": doc.metadata.__dict__,
        "warnings": [w.__dict__ for w in doc.warnings],
    }


def document_from_json(d: dict[str, Any]) -> Document:
    return Document(
        doc_id=d["doc_id"], path=d["path"], sha256=d["sha256"], encoding=d["encoding"],
        original=d["original"], clean=d["clean"],
        starts=array("l", d["starts"]), ends=array("l", d["ends"]),
        metadata=Metadata(**d["metadata"]),
        warnings=[IngestWarning(code=w["code"], message=w["message"],
                                span=tuple(w["span"]) if w.get("span") else None) for w in d["warnings"]],
    )


def load_document(ws: Path, doc_id: str) -> Document | None:
    p = docs_dir(ws) / f"{doc_id}.json"
    return document_from_json(json.loads(p.read_text(encoding="utf-8"))) if p.exists() else None


# ---------------------------------------------------------------- per-file work (runs in workers)

def process_file(path: str, doc_id: str | None = None, clash: IngestWarning | None = None) -> tuple[Any, Any]:
    """Ingest and extract one file; never raises (a failure becomes a Rejection)."""
    from graph_loader.extract.pipeline import extract
    from graph_loader.ingest import ingest_file

    try:
        doc = ingest_file(Path(path), doc_id, [clash] if clash else ())
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the run
        return Rejection(path=path, reason=f"ingest failed: {type(e).__name__}: {e}"), None
    if isinstance(doc, Rejection):
        return doc, None
    try:
        record = extract(doc)
    except Exception as e:  # noqa: BLE001
        return Rejection(path=path, reason=f"extraction failed: {type(e).__name__}: {e}"), None
    return doc, record


@dataclass
class Graphed:
    """An article graphed where it was extracted, against a resolver that knows it alone
    (resolve.RecordingResolver): its rows (its rows and N-Triples files are written), the resolver
    calls for the build's resolver to replay, and what the build's report needs of its record."""

    doc_id: str
    rows: GraphRows
    calls: list[Call]
    warnings: list[str]
    counts: dict[str, int]


def build_file(path: str, workspace: str, doc_id: str | None = None, clash: IngestWarning | None = None,
               graph: bool = False) -> tuple[Any, Any]:
    """A build's per-file work, done where the file is read (a worker when there are several):
    ingest, extract, and write the article's Document and record files. Returns the Document
    without its texts and offset maps (the graph needs its metadata only) and, with `graph`, the
    article graphed (`Graphed`), else the record as plain data: both cross the process boundary
    for a fraction of what the full objects cost."""
    doc, record = process_file(path, doc_id, clash)
    if isinstance(doc, Rejection):
        return doc, None
    ws = Path(workspace)
    _atomic_write(docs_dir(ws) / f"{doc.doc_id}.json", json.dumps(document_to_json(doc), ensure_ascii=False))
    data = record.to_json_dict()
    _atomic_write(records_dir(ws) / f"{doc.doc_id}.json", json.dumps(data, ensure_ascii=False, indent=1))
    light = replace(doc, original="", clean="", starts=array("l"), ends=array("l"))
    if not graph:
        return light, record.model_dump()
    from graph_loader.graph.batch import graph_apart

    triples, rows, calls = graph_apart(record, light)
    _write_article_graph(ws, record.doc_id, triples, rows)
    return light, Graphed(record.doc_id, rows, calls, list(record.warnings), _counts(record))


def _counts(record: Any) -> dict[str, int]:
    return {"persons": len(record.persons), "meetings": len(record.meetings)}


def _write_article_graph(ws: Path, doc_id: str, triples: Any, rows: GraphRows) -> None:
    """An article's rows and N-Triples files (the N-Triples file is what SHACL validates)."""
    from graph_loader.graph.rdf import write_batch_rdf
    from graph_loader.graph.rows_io import write_rows

    write_rows(rows, rows_dir(ws) / f"{doc_id}.jsonl")
    write_batch_rdf(triples, rdf_dir(ws) / f"{doc_id}.nt")


def _process_all(paths: list[str], workers: int, ws: Path,
                 ids: list[tuple[str, IngestWarning | None]] | None = None,
                 ahead: int = 2 * EMBEDDED_BATCH) -> Iterator[tuple[Any, Any]]:
    """(Document or Rejection, ExtractionRecord or Graphed or None) per path, in order; `ids` are the
    paths' doc ids and collision warnings (stems when not given). With several workers each article
    is graphed in its worker (`Graphed`): the build's process then replays its resolver calls; the
    workers run at most about `ahead` articles ahead of what the build's process has taken."""
    from graph_loader.extract.pipeline import warm_up
    from graph_loader.extract.record import ExtractionRecord

    warm_up()  # before the pool forks: its workers start with the lexicons loaded
    given = ids if ids is not None else [(None, None)] * len(paths)
    args = (paths, repeat(str(ws)), [d for d, _ in given], [c for _, c in given])
    if workers <= 1 or len(paths) < 4:
        results: Iterable[tuple[Any, Any]] = map(build_file, *args)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_gc_for_workers)
        results = _map_ahead(pool, build_file, list(zip(*args, repeat(True))),
                             chunksize=max(1, min(32, len(paths) // (workers * 4))), ahead=ahead)
    try:
        for doc, data in results:
            if isinstance(data, dict):
                data = ExtractionRecord.model_validate(data)
            yield doc, data
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(fn: Callable[..., Any], chunk: list[tuple]) -> list[Any]:
    return [fn(*a) for a in chunk]


def _map_ahead(pool: ProcessPoolExecutor, fn: Callable[..., Any], args: list[tuple], chunksize: int,
               ahead: int) -> Iterator[Any]:
    """`fn(*a)` for each of `args` in order, run by `pool` a chunk at a time, with at most about `ahead`
    articles (and at least two chunks) submitted and not yet taken. `pool.map` submits every chunk at
    once: where the workers outrun the build's process (its store saves and checkpoints, a loaded
    machine), each result they finish (an article's rows and resolver calls, ~80 KB) waits in this
    process's memory until the build takes it, so the build's memory grew with the workers' lead, without
    bound. The workers keep a window of work queued, so they wait only when this process is the slower
    one, as with `pool.map`."""
    window = max(2, -(-ahead // chunksize))
    pending: deque[Future] = deque()
    try:
        for i in range(0, len(args), chunksize):
            pending.append(pool.submit(_run_chunk, fn, args[i:i + chunksize]))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()


# While a build runs, the youngest generation is collected every 50,000 allocations instead of 700:
# a batch allocates millions of short-lived objects (triples, rows, JSON) that reference counting
# frees, and each batch ends with a collection of its own (_retire_batch). A third less CPU in the
# collector at 1.5k articles; restored when the build ends. Where the articles are graphed in workers
# (which keep these thresholds: _gc_for_workers), the build's process makes next to no cyclic garbage
# (a few objects an article, from articles graphed again), so there the collector runs only at the end
# of each batch: its collections during a batch walked the batch's rows again and again (a tenth of
# that process's CPU at 10k) to find nothing.
BUILD_GC_THRESHOLD = (50_000, 20, 10)


def _gc_for_workers(threshold: tuple[int, ...] = BUILD_GC_THRESHOLD) -> None:
    """A forked process's collector as a build's worker runs it (on, with `threshold`), whatever the
    build's process had set when it forked."""
    gc.set_threshold(*threshold)
    gc.enable()


def _retire_batch() -> None:
    """Collect what a batch left behind, then freeze the survivors (the store's new nodes, the
    resolver's new keys) out of the cyclic garbage collector's sight. Without it each full
    collection walks the whole growing store and resolver again — a third of a 3k build's CPU,
    and the share grows with the corpus. The collection here only walks what the last batch
    allocated (frozen objects are not scanned), so it costs the same at 100 articles as at 100k;
    refcounting still frees frozen objects that are dropped (a reloaded article's old facts)."""
    gc.collect()
    gc.freeze()


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# ---------------------------------------------------------------- the build

class _State:
    """Which files are done (by sha256) in the workspace, and which of their articles each store
    holds; saved atomically with the store.

    A workspace can feed several stores (the embedded one, any Neo4j database): a file whose
    workspace files are current but which a store does not hold yet is loaded into that store from
    its rows file, not skipped. `stores` maps a store's key (`GraphStore.identity`) to
    `{"where": ..., "articles": {doc_id: sha256}}`. A state file written before stores were told
    apart (`{"done": ...}` alone) is the embedded store's when the workspace has one."""

    def __init__(self, ws: Path, fresh: bool):
        self.path = ws / STATE_FILE
        self.done: dict[str, dict[str, str]] = {}
        self.stores: dict[str, dict[str, Any]] = {}
        if not fresh and self.path.exists():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.done = data.get("done", {})
            if "stores" in data:
                self.stores = data["stores"]
            elif self.done and (ws / "graph.pickle").exists():  # written before stores were told apart
                self.stores = {"embedded": {"where": str(ws / "graph.pickle"),
                                            "articles": {e["doc_id"]: e["sha256"] for e in self.done.values()}}}

    def unchanged(self, path: str) -> bool:
        entry = self.done.get(path)
        if not entry:
            return False
        try:
            return entry["size_mtime"] == _size_mtime(path)
        except OSError:
            return False

    def held(self, key: str, where: str) -> dict[str, str]:
        """The articles (doc_id → sha256) the store `key` holds, to be updated in place."""
        entry = self.stores.setdefault(key, {"where": where, "articles": {}})
        entry["where"] = where
        return entry["articles"]

    def mark(self, path: str, doc: Document) -> None:
        # the doc id as the store and the resolver hold it (sys.intern), not the worker's copy
        self.done[path] = {"doc_id": sys.intern(doc.doc_id), "sha256": doc.sha256, "size_mtime": _size_mtime(path)}

    def save(self, pinned: dict[str, dict[str, str]] | None = None) -> None:
        """`pinned`: store key -> the articles to record for it instead of those it holds now (an
        embedded store not saved since: what its last pickle holds)."""
        from graph_loader.graph import json_stream

        stores = self.stores
        if pinned:
            stores = {k: ({**v, "articles": pinned[k]} if k in pinned else v) for k, v in stores.items()}
        # written as walked: the text of 10k articles' state is 3 MB, held twice (str and bytes) at once
        json_stream.write_atomic(self.path, {"done": self.done, "stores": stores})


def _size_mtime(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


def build_paths(paths: Iterable[str | Path], workspace: Path, store_kind: str = "embedded", *,
                workers: int = 1, batch_size: int = 200, fresh: bool = False, shacl: bool = True,
                progress: Callable[[int, int, str], None] | None = None, store: GraphStore | None = None,
                settings: Neo4jSettings | None = None) -> BuildReport:
    """Build (or extend) the graph of `workspace` from article files.

    `progress(done, total, message)` is called after each batch (the app and the
    CLI show it). Returns the per-file report; the caller decides the exit code.
    """
    from graph_loader.graph.batch import build_batch
    from graph_loader.graph.resolve import Resolver
    from graph_loader.graph.rows_io import BadLine, merge_rows, read_rows
    from graph_loader.ingest import assign_doc_id, iter_input_files

    t0 = time.perf_counter()
    ws = Path(workspace)
    for d in (docs_dir(ws), records_dir(ws), rows_dir(ws), rdf_dir(ws)):
        d.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    state = _State(ws, fresh)
    resolver_path = ws / "resolver.json"
    resolver = Resolver() if fresh or not resolver_path.exists() else Resolver.load(resolver_path)

    own_store = store is None
    store = store if store is not None else open_store(store_kind, ws, settings)
    try:
        who = store.identity()
        held = state.held(who.key, who.where)
        if held and who.empty:  # emptied or replaced since: what the state remembers is not there
            report.notes.append(f"the store ({who.where}) holds no article although {len(held)} were "
                                "loaded into it before; loading them again")
            held.clear()

        todo: list[str] = []
        ids: list[tuple[str, IngestWarning | None]] = []
        to_load: list[tuple[str, str]] = []  # (path, doc_id): current in the workspace, not in this store
        # ids already given (the resume state) stay with their paths; a new path never takes one
        taken = {e["doc_id"]: p for p, e in state.done.items()}
        for item in iter_input_files([str(p) for p in paths]):
            if isinstance(item, Rejection):
                report.files.append(FileReport(item.path, None, "rejected", item.reason))
                continue
            entry = state.done.get(str(item), {})
            if state.unchanged(str(item)):
                if held.get(entry["doc_id"]) == entry["sha256"]:
                    report.files.append(FileReport(str(item), entry["doc_id"], "unchanged"))
                    continue
                if (rows_dir(ws) / f"{entry['doc_id']}.jsonl").exists():
                    to_load.append((str(item), entry["doc_id"]))
                    continue
            todo.append(str(item))
            ids.append(assign_doc_id(item, taken, entry.get("doc_id")))
            if ids[-1][1] is not None:
                report.collisions.append((str(item), ids[-1][1].message))
    except BaseException:
        if own_store:
            store.close()
        raise

    total, done = len(todo) + len(to_load), 0
    next_checkpoint = time.perf_counter() + CHECKPOINT_EVERY
    next_store_save = time.perf_counter() + STORE_SAVE_EVERY
    # what the embedded store's pickle holds (None: as the store; Neo4j commits per batch)
    pinned: dict[str, dict[str, str]] | None = {who.key: dict(held)} if isinstance(store, EmbeddedStore) else None
    splits_before = store.splits if isinstance(store, Neo4jStore) else 0  # a store passed in may have split some

    def checkpoint_now_and_then() -> None:
        nonlocal next_checkpoint, next_store_save
        now = time.perf_counter()
        if now > next_checkpoint:
            if pinned is not None and now > next_store_save:
                _checkpoint(store, resolver, resolver_path, state)
                pinned[who.key] = dict(held)
                # the pickle grows with the graph: keep its share of the build's time small
                took = time.perf_counter() - now
                next_store_save = time.perf_counter() + max(STORE_SAVE_EVERY, STORE_SAVE_SHARE * took)
            else:
                _checkpoint(store, resolver, resolver_path, state, save_store=False, pinned=pinned)
            next_checkpoint = time.perf_counter() + CHECKPOINT_EVERY
        if progress:
            progress(done, total, f"{done}/{total} articles")

    checker = _ShaclChecker(report) if shacl and todo else None
    gc_threshold, gc_enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(*BUILD_GC_THRESHOLD)
    if workers > 1 and len(todo) >= 4:  # articles graphed in workers (_process_all): batches' ends only
        gc.disable()
    try:
        for chunk in _chunks(to_load, batch_size):  # built before, for another store: its rows as written
            # a bad line is left out with a warning; an unreadable file leaves its article unheld, so
            # the next build tries it again
            bad: list[BadLine] = []
            rows, read = [], []
            for path, doc_id in chunk:
                rows_path = rows_dir(ws) / f"{doc_id}.jsonl"
                try:
                    rows.append(read_rows(rows_path, bad))
                    read.append((path, doc_id))
                except OSError as e:
                    bad.append(BadLine(rows_path, 0, f"cannot read the file ({type(e).__name__})"))
            store.upsert(merge_rows(rows))
            report.bad_rows += [str(b) for b in bad]
            for path, doc_id in read:
                held[doc_id] = state.done[path]["sha256"]
                report.files.append(FileReport(path, doc_id, "loaded"))
            done += len(chunk)
            checkpoint_now_and_then()
            _retire_batch()
        results = _process_all(todo, workers, ws, ids, ahead=2 * batch_size)
        for chunk in _chunks(todo, batch_size):
            items = []
            for _ in chunk:
                doc, record = next(results)
                if isinstance(doc, Rejection):
                    report.files.append(FileReport(doc.path, None, "rejected", doc.reason))
                    continue
                items.append((record, doc))
            done += len(chunk)
            if items:
                nt_files = _write_batch(ws, items, build_batch, resolver, store, report)
                if checker is not None:
                    checker.submit(nt_files)
                for _, doc in items:
                    state.mark(doc.path, doc)
                    held[sys.intern(doc.doc_id)] = doc.sha256
            # the batch's rows and resolver calls go now, not walked and frozen by _retire_batch
            del items, record
            checkpoint_now_and_then()
            _retire_batch()
        if checker is not None:
            checker.finish()
        if todo:
            _settle(ws, resolver, store, build_batch)
        _checkpoint(store, resolver, resolver_path, state)
        report.store_counts = store.counts()
        if isinstance(store, Neo4jStore):  # answers too slow per request, for the graph just written
            report.transactions_split = store.splits - splits_before
            from queries.sectors import refresh_summaries

            refresh_summaries(store)
    finally:
        gc.set_threshold(*gc_threshold)
        if gc_enabled:
            gc.enable()
        if checker is not None:
            checker.close()
        if own_store:
            store.close()
    report.seconds = time.perf_counter() - t0
    return report


def _settle(ws: Path, resolver: Any, store: GraphStore, build_batch: Callable, rounds: int = 3) -> None:
    """Graph again the articles whose inferred meeting joins (a year-less meeting joining the one
    dated meeting that fits) come out differently now that later articles are in: the answer does
    not depend on the order the files came in. A few rounds at most (each settles what it touches)."""
    from graph_loader.graph.record_input import load_record

    for _ in range(rounds):
        again = [d for d in resolver.unsettled() if (records_dir(ws) / f"{d}.json").exists()]
        if not again:
            return
        # in batches, in the round's order: the articles are graphed one after the other against the
        # resolver either way, and upserts replace each article's facts, so the graph is the same; one
        # batch of every unsettled article held all their documents and rows at once (+90 MiB at 10k)
        for chunk in _chunks(again, EMBEDDED_BATCH):
            items = [(load_record(records_dir(ws) / f"{d}.json"), load_document(ws, d)) for d in chunk]
            result = build_batch(items, resolver, validate=False)
            for doc_id, triples in result.triples_by_doc.items():
                _write_article_graph(ws, doc_id, triples, result.rows_by_doc[doc_id])
            store.upsert(result.rows)
            del items, result


def _checkpoint(store: GraphStore, resolver: Any, resolver_path: Path, state: _State, *,
                save_store: bool = True, pinned: dict[str, dict[str, str]] | None = None) -> None:
    """Store first, then resolver and state: a crash in between only means redoing work (a Neo4j
    store has committed each upsert already). Without `save_store` the embedded store is not
    written and the state records for it what its last pickle holds (`pinned`): the articles
    built since are done in the workspace (their rows files are written before any checkpoint)
    and a resumed build loads them from there."""
    if isinstance(store, EmbeddedStore) and save_store:
        store.save()
    resolver.save(resolver_path)
    state.save(None if save_store else pinned)


class _ShaclChecker:
    """SHACL on a process of its own, one batch behind the build: it reads each batch back from the
    N-Triples files just written, so validation (a third of the build's time when it ran in line)
    leaves the main process free. At most two batches wait, so memory stays bounded."""

    MAX_PENDING = 2

    def __init__(self, report: BuildReport) -> None:
        from graph_loader.graph.shacl import warm_up

        self.report = report
        # its process keeps the collector's usual thresholds (the build's are set after this): pyshacl
        # leaves cyclic garbage that a rare young collection would let pile up
        self.pool = ProcessPoolExecutor(max_workers=1, initializer=_shacl_worker_init,
                                        initargs=(gc.get_threshold(), warm_up))
        self.pending: deque[Future] = deque()

    def submit(self, nt_files: list[str]) -> None:
        from graph_loader.graph.shacl import validate_files

        self.pending.append(self.pool.submit(validate_files, nt_files))
        while len(self.pending) > self.MAX_PENDING:
            self._collect(self.pending.popleft())

    def finish(self) -> None:
        while self.pending:
            self._collect(self.pending.popleft())

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self, future: Future) -> None:
        for v in future.result():  # warnings (e.g. a fact without offsets) are not violations
            if v.is_error:
                self.report.violations.append(v.__dict__)


def _shacl_worker_init(threshold: tuple[int, ...], warm_up: Callable[[], None]) -> None:
    _gc_for_workers(threshold)
    warm_up()


def _write_batch(ws: Path, items: list[tuple[Any, Document]], build_batch: Callable,
                 resolver: Any, store: GraphStore, report: BuildReport) -> list[str]:
    """Records (or articles graphed in workers: `Graphed`) → RDF and rows of one batch, its per-article
    files and the store; returns the batch's N-Triples files (what SHACL validates)."""
    from graph_loader.graph.rows_io import merge_rows

    for record, doc in items:  # (their Document and record files were written by build_file)
        report.files.append(FileReport(doc.path, doc.doc_id, "ingested",
                                       warnings=[w.code for w in doc.warnings] + list(record.warnings),
                                       counts=record.counts if isinstance(record, Graphed) else _counts(record)))
    if items and isinstance(items[0][0], Graphed):
        rows_by_doc = {g.doc_id: _replayed(ws, g, doc, resolver) for g, doc in items}
        rows = merge_rows(rows_by_doc.values())
        rows.doc_ids = list(rows_by_doc)
    else:
        result = build_batch(items, resolver, validate=False)
        rows_by_doc, rows = result.rows_by_doc, result.rows
        for doc_id, triples in result.triples_by_doc.items():
            _write_article_graph(ws, doc_id, triples, rows_by_doc[doc_id])
    store.upsert(rows)
    return [str(rdf_dir(ws) / f"{doc_id}.nt") for doc_id in rows_by_doc]


def _replayed(ws: Path, graphed: Graphed, doc: Document, resolver: Any) -> GraphRows:
    """The rows of an article graphed in a worker once its resolver calls are replayed here
    (batch.graph_replayed): the worker's, its files standing, or the article graphed again, its
    files rewritten."""
    from graph_loader.graph.batch import graph_replayed
    from graph_loader.graph.record_input import load_record

    triples, rows = graph_replayed(resolver, graphed.calls, graphed.rows,
                                   lambda: load_record(records_dir(ws) / f"{graphed.doc_id}.json"), doc)
    if triples is not None:
        _write_article_graph(ws, graphed.doc_id, triples, rows)
    return rows


def record_store_holds_workspace(ws: Path, store: GraphStore) -> int:
    """After a whole-workspace load that bypassed the build (a CSV import of every rows file): the
    store holds every article whose rows file the workspace has, so a later build is incremental.
    Returns how many articles were recorded."""
    state = _State(ws, fresh=False)
    who = store.identity()
    held = state.held(who.key, who.where)
    held.clear()
    held.update({e["doc_id"]: e["sha256"] for e in state.done.values()
                 if (rows_dir(ws) / f"{e['doc_id']}.jsonl").exists()})
    state.save()
    return len(held)
