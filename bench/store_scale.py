"""The embedded store at a multiple of a built workspace: its memory, pickle and open time at 100k
articles without building 100k articles.

`python bench/store_scale.py WS OUT --rounds 10` upserts every rows file of WS `rounds` times into a
new embedded store at OUT (`--write-rows`: the rows files written there too, as a build writes them): round k > 0
renames each article (`doc~k`) and each fact one article supports (the meetings, people, posts of
that article), and keeps the ids of facts several articles share, whose support so grows k-fold (a
region, a sector, a national body, a national teleconference: the hubs). Prints one JSON line: upsert
and save seconds, peak RSS of this process (the store alone: no extraction, resolver or SHACL), pickle
size. Open the result with `bench/store_open.py OUT`. Run as a file (not `-m`), so it measures the
`graph_loader` of PYTHONPATH, whichever tree that is.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import Counter
from pathlib import Path

from graph_loader.graph.rows_io import read_rows, rows_files, write_rows
from graph_loader.graph.schema import GraphRows, NodeRow, RelRow
from graph_loader.stores.embedded import EmbeddedStore


def _renamed(rows: GraphRows, k: int, shared: set[str]) -> GraphRows:
    def fid(x: str) -> str:
        return x if x in shared else f"{x}~{k}"

    def docs(xs: list[str]) -> list[str]:
        return [f"{d}~{k}" for d in xs]

    def ev(xs: list[str]) -> list[str]:
        return [f"{d}~{k}|{rest}" for d, _, rest in (e.partition("|") for e in xs)]

    return GraphRows(nodes=[NodeRow(fid(n.id), n.label, n.props, docs(n.articles), ev(n.evidence)) for n in rows.nodes],
                     rels=[RelRow(fid(r.id), r.type, fid(r.src), fid(r.dst), r.props, docs(r.articles), ev(r.evidence))
                           for r in rows.rels],
                     doc_ids=docs(rows.doc_ids))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--write-rows", action="store_true",
                    help="write each article's rows file to OUT/rows (what evidence beyond a hub's sample is read from)")
    args = ap.parse_args(argv)
    files = rows_files(args.workspace)
    support: Counter[str] = Counter()
    for p in files:
        rows = read_rows(p)
        for row in (*rows.nodes, *rows.rels):
            support[row.id] += 1
    shared = {f for f, n in support.items() if n > 1}
    store = EmbeddedStore.open(args.out)
    t0 = time.perf_counter()
    articles = 0
    for p in files:  # each file read once, upserted once per round (the hubs gain articles in another order)
        first = read_rows(p)
        for k in range(args.rounds):
            rows = _renamed(first, k, shared) if k else first
            if args.write_rows:
                write_rows(rows, args.out / "rows" / f"{rows.doc_ids[0]}.jsonl")
            store.upsert(rows)
            articles += len(rows.doc_ids)
    upsert_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.save()
    print(json.dumps({"articles": articles, "facts": sum(store.counts().values()), "upsert_s": round(upsert_s, 1),
                      "save_s": round(time.perf_counter() - t0, 1),
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                      "pickle_mib": round((args.out / "graph.pickle").stat().st_size / 2**20, 1)}))


if __name__ == "__main__":
    main()
