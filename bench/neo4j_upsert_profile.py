"""Where a Neo4jStore upsert spends its time as the corpus grows: `neo4j_store_scale.py`'s load (a built
workspace's rows R times, renamed), with each upsert's time split by step (the store's methods) and,
for the upserts named by `--profile`, every write statement run under `PROFILE`: db hits per statement
group (the query's shape: label or type and the clause that matches it) and its costliest operators
(this community server reports no page-cache counts in a profile). Per upsert, from /proc/PID/io of
the Neo4j process: bytes read and written through system calls (`rchar`/`wchar`: page-cache faults and
flushes, transaction log) and at the disk (`read_bytes`/`write_bytes`), and the JVM's collection time:

    PYTHONPATH=TREE python DIR/bench/neo4j_upsert_profile.py WS --scratch S --rounds 3 --per-upsert 2000
        --profile 2,3,-2,-1 --out JSON

DIR holds this `bench/` (an older TREE may lack it; TREE's modules come first). Memory:
SAFETYKG_NEO4J_HEAP / SAFETYKG_NEO4J_PAGECACHE (the project's default 1g / 256m).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after PYTHONPATH: the tree measured

STEPS = ("_support", "_bump_version", "_set_support", "_add_support", "_hub_samples", "_strip",
         "_settle_hubs", "_merge_nodes", "_endpoint_labels", "_merge_rels", "_delete_unsupported")


def _io(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/io").read_text().splitlines():
            k, _, v = line.partition(":")
            out[k] = int(v)
    except OSError:
        pass
    return out


def _gc_ms(store: Any) -> int:
    """The JVM's collection time so far (all collectors), from its JMX beans."""
    rows = store.query("CALL dbms.queryJmx('java.lang:type=GarbageCollector,*') YIELD attributes "
                       "RETURN sum(attributes.CollectionTime.value) AS ms")
    return int(rows[0]["ms"] or 0)


def _group(query: str) -> str:
    """A statement's shape: what it merges or matches, without the row values."""
    q = query.removeprefix("PROFILE ")
    m = re.search(r"MERGE \((?:a)\)-\[r:(\w+)", q)
    if m:
        src = re.search(r"MATCH \(a:(\w+)", q)
        dst = re.search(r"MATCH \(b:(\w+)", q)
        return f"merge rel {m.group(1)} ({src.group(1) if src else '?'}->{dst.group(1) if dst else '?'})"
    m = re.search(r"MERGE \(n:(\w+)", q)
    if m:
        return f"merge node {m.group(1)}"
    m = re.search(r"MERGE \(s:(\w+)", q)
    if m:
        return f"support {m.group(1)}" + (" add" if "had" in q else "")
    return " ".join(q.split())[:60]


def _walk(plan: Any, ops: dict[str, list[int]]) -> tuple[int, int, int]:
    hits, ph, pm = plan.get("dbHits", 0), plan.get("pageCacheHits", 0), plan.get("pageCacheMisses", 0)
    op = ops.setdefault(plan.get("operatorType", "?").split("@")[0], [0, 0, 0])
    op[0] += hits
    op[1] += ph
    op[2] += pm
    for child in plan.get("children", []):
        h, a, b = _walk(child, ops)
        hits, ph, pm = hits + h, ph + a, pm + b
    return hits, ph, pm


def run(workspace: Path, scratch: Path, per_upsert: int, rounds: int, profile: set[int]) -> dict:
    from bench.neo4j_store_scale import _rounds
    from graph_loader.graph.rows_io import grouped_batches
    from graph_loader.stores import neo4j_server
    from graph_loader.stores.neo4j_store import Neo4jStore

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    settings = neo4j_server.start(scratch, quiet=True)
    pid = int((scratch / "neo4j" / "pid").read_text())
    store = Neo4jStore(settings)
    step_s: dict[str, float] = defaultdict(float)
    state: dict[str, Any] = {"profile": False, "groups": {}}

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                step_s[name] += time.perf_counter() - t
        return wrapper

    for name in STEPS:
        if hasattr(store, name):
            setattr(store, name, timed(name, getattr(store, name)))

    def write_many(statements: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        def work(tx: Any) -> list[list[dict[str, Any]]]:
            out = []
            for query, params in statements:
                t = time.perf_counter()
                if state["profile"]:
                    result = tx.run("PROFILE " + query, **params)
                    data = [r.data() for r in result]
                    plan = result.consume().profile or {}
                    ops: dict[str, list[int]] = {}
                    hits, ph, pm = _walk(plan, ops)
                    g = state["groups"].setdefault(_group(query), {"n": 0, "rows": 0, "s": 0.0, "db_hits": 0,
                                                                  "pc_hits": 0, "pc_faults": 0, "ops": {}})
                    g["n"] += 1
                    g["rows"] += max((len(v) for v in params.values() if isinstance(v, list)), default=0)
                    g["s"] += time.perf_counter() - t
                    g["db_hits"] += hits
                    g["pc_hits"] += ph
                    g["pc_faults"] += pm
                    for k, v in ops.items():
                        acc = g["ops"].setdefault(k, [0, 0, 0])
                        for i in range(3):
                            acc[i] += v[i]
                else:
                    data = [r.data() for r in tx.run(query, **params)]
                out.append(data)
            return out

        with store._session() as session:
            return session.execute_write(work)

    store._write_many = write_many  # type: ignore[method-assign]
    upserts: list[dict] = []
    articles = 0
    n = -(-len(list((workspace / "rows").glob("*.jsonl"))) * rounds // per_upsert)
    wanted = {i if i > 0 else n + 1 + i for i in profile}
    try:
        for i, batch in enumerate(grouped_batches(_rounds(workspace, rounds), per_upsert), 1):
            step_s.clear()
            state["profile"] = i in wanted
            state["groups"] = {}
            io0, gc0 = _io(pid), _gc_ms(store)
            t = time.perf_counter()
            store.upsert(batch)
            articles += len(batch.doc_ids)
            io1, gc1 = _io(pid), _gc_ms(store)
            rec: dict[str, Any] = {
                "upsert": i, "articles": articles, "s": round(time.perf_counter() - t, 2), "profiled": state["profile"],
                "read_mib": round((io1.get("read_bytes", 0) - io0.get("read_bytes", 0)) / 2**20),
                "write_mib": round((io1.get("write_bytes", 0) - io0.get("write_bytes", 0)) / 2**20),
                # bytes read and written through system calls, served by the OS cache or not: the Neo4j
                # page cache's faults and flushes, the transaction log, Bolt
                "rchar_mib": round((io1.get("rchar", 0) - io0.get("rchar", 0)) / 2**20),
                "wchar_mib": round((io1.get("wchar", 0) - io0.get("wchar", 0)) / 2**20),
                "gc_s": round((gc1 - gc0) / 1000, 1), "load1": float(Path("/proc/loadavg").read_text().split()[0]),
                "steps": {k: round(v, 2) for k, v in step_s.items() if v >= 0.01}}
            if state["profile"]:
                rec["groups"] = {k: {**v, "s": round(v["s"], 2),
                                     "ops": dict(sorted(v["ops"].items(), key=lambda kv: -kv[1][0])[:4])}
                                 for k, v in sorted(state["groups"].items(), key=lambda kv: -kv[1]["s"])}
            upserts.append(rec)
            print(json.dumps({k: v for k, v in rec.items() if k != "groups"}), flush=True)
            if state["profile"]:
                for k, v in list(rec["groups"].items())[:12]:
                    print(f"   {v['s']:7.2f}s n={v['n']:3d} rows={v['rows']:6d} hits={v['db_hits']:10d} "
                          f"pc_hit={v['pc_hits']:9d} pc_fault={v['pc_faults']:7d}  {k}  {v['ops']}", flush=True)
        store.close()
    finally:
        neo4j_server.stop(scratch)
    du = subprocess.run(["du", "-sm", str(scratch / "neo4j")], capture_output=True, text=True).stdout.split()
    return {"workspace": str(workspace), "per_upsert": per_upsert, "rounds": rounds, "articles": articles,
            "neo4j_dir_mib": int(du[0]) if du else None, "upserts": upserts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--scratch", type=Path, required=True)
    ap.add_argument("--per-upsert", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", default="2,-1", help="upserts to PROFILE (1-based; negative from the end)")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    result = run(a.workspace, a.scratch, a.per_upsert, a.rounds, {int(x) for x in a.profile.split(",") if x})
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
