"""Neo4jStore.upsert alone as the corpus grows: a built workspace's rows loaded into an empty local
Neo4j (the project's default memory: heap 1g, page cache 256m, unless SAFETYKG_NEO4J_HEAP /
SAFETYKG_NEO4J_PAGECACHE say otherwise) in upserts of a fixed number of articles, as `safetykg load`
and a build write them; seconds per upsert at each corpus position, Neo4j's peak RSS, store size.
The rows are the same for any source tree, so two trees compare on the store alone:

    PYTHONPATH=TREE:DIR python bench/neo4j_store_scale.py WS --scratch DIR --out JSON [--per-upsert 500]
        [--rounds K]

`--rounds K` loads the workspace K times, round k > 0 renamed as `bench/store_scale.py` does (each
article and the facts it alone supports renamed, the shared facts kept: the hubs' support grows
K-fold), a corpus K times larger without building it. Run as a file; DIR holds this `bench/` (an
older TREE may lack it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from graph_loader.graph.schema import GraphRows


def _rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _rounds(workspace: Path, rounds: int) -> Iterator[GraphRows]:
    from collections import Counter

    from bench.store_scale import _renamed
    from graph_loader.graph.rows_io import iter_workspace_batches

    support: Counter[str] = Counter()
    for rows in iter_workspace_batches(workspace):
        for row in (*rows.nodes, *rows.rels):
            support[row.id] += 1
    shared = {f for f, n in support.items() if n > 1}
    for k in range(rounds):
        for rows in iter_workspace_batches(workspace):
            yield rows if k == 0 else _renamed(rows, k, shared)


def run(workspace: Path, scratch: Path, per_upsert: int, limit: int | None, rounds: int = 1) -> dict:
    from graph_loader.graph.rows_io import grouped_batches
    from graph_loader.stores import neo4j_server
    from graph_loader.stores.neo4j_store import Neo4jStore

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    settings = neo4j_server.start(scratch, quiet=True)
    pid = int((scratch / "neo4j" / "pid").read_text())
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss_mib(pid))
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()
    upserts: list[dict] = []
    try:
        store = Neo4jStore(settings)
        articles = 0
        t0 = time.perf_counter()
        for batch in grouped_batches(_rounds(workspace, rounds), per_upsert):
            if limit is not None and articles >= limit:
                break
            t = time.perf_counter()
            store.upsert(batch)
            articles += len(batch.doc_ids)
            upserts.append({"articles": articles, "s": round(time.perf_counter() - t, 3),
                            "neo4j_rss_mib": round(_rss_mib(pid))})
            print(json.dumps(upserts[-1]), flush=True)
        wall = time.perf_counter() - t0
        counts = store.counts()
        store.close()
    finally:
        done.set()
        neo4j_server.stop(scratch)
    du = subprocess.run(["du", "-sm", str(scratch / "neo4j")], capture_output=True, text=True).stdout.split()
    n = len(upserts)
    tenth = max(1, n // 10)
    first, last = upserts[:tenth], upserts[-tenth:]

    def rate(xs: list[dict]) -> float:
        docs = xs[-1]["articles"] - (upserts[upserts.index(xs[0]) - 1]["articles"] if upserts.index(xs[0]) else 0)
        return round(docs / sum(x["s"] for x in xs), 1)

    return {"workspace": str(workspace), "per_upsert": per_upsert, "rounds": rounds, "articles": articles, "wall_s": round(wall, 1),
            "first_tenth_articles_per_s": rate(first), "last_tenth_articles_per_s": rate(last),
            "last_over_first": round(rate(last) / rate(first), 2),
            "peak_neo4j_rss_mib": round(peak[0]), "neo4j_dir_mib": int(du[0]) if du else None,
            "counts": counts, "upserts": upserts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--scratch", type=Path, required=True, help="a workspace of its own for the server")
    ap.add_argument("--per-upsert", type=int, default=500)
    ap.add_argument("--limit", type=int, help="stop after this many articles")
    ap.add_argument("--rounds", type=int, default=1, help="the workspace this many times, renamed")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    result = run(a.workspace, a.scratch, a.per_upsert, a.limit, a.rounds)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k not in ("upserts", "counts")}, indent=1))


if __name__ == "__main__":
    main()
