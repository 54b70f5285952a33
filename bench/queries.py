"""p50/p95 of every catalogue query (queries/registry.py) on a built workspace, per store.

Parameters are sampled from the graph itself (a person who chaired, a relayed
directive, a county with meetings), so the numbers mean the same on any corpus.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from typing import Any


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def sample_params(store: Any, k: int = 5, seed: int = 0) -> dict[str, list[dict]]:
    """k parameter sets per query, drawn from the embedded store's nodes."""
    rng = random.Random(seed)

    def names(label: str, prop: str) -> list[str]:
        got = [store.node(n).get(prop) for n in store.ids_by_label(label)]
        got = sorted(x for x in got if x)
        return rng.sample(got, min(k, len(got))) if got else []

    persons = names("Person", "name")
    directives = names("Directive", "title")
    meetings = sorted(store.ids_by_label("Meeting"))
    meetings = rng.sample(meetings, min(k, len(meetings)))
    regions = [store.node(n) for n in store.ids_by_label("Region")]
    counties = sorted(r["path"] for r in regions if r.get("level") in ("county", "prefecture") and r.get("path"))
    counties = rng.sample(counties, min(k, len(counties)))
    pairs = list(zip(persons, reversed(persons), strict=False))
    return {
        "propagation": [{"target": d} for d in directives],
        "attendance": [{"person": p} for p in persons] + [{"region": r} for r in counties[:2]],
        "meeting": [{"id": m} for m in meetings],
        "person": [{"id": p} for p in persons],
        "responsibility_chain": [{"region": r} for r in counties],
        "inspections": [{"region": r} for r in counties] + [{}],
        "sectors": [{"region": r} for r in counties] + [{"level": "province"}],
        "search": [{"text": p[:2]} for p in persons],
        "path": [{"a": a, "b": b} for a, b in pairs if a != b],
        "timeline": [{"region": r} for r in counties],
    }


def time_queries(store: Any, params: dict[str, list[dict]], repeat: int = 5) -> dict[str, dict]:
    """Per query: p50 and p95 milliseconds over all parameter sets x repeats, and errors if any."""
    from queries.registry import REGISTRY, run_query

    out = {}
    for name in REGISTRY:
        times, errors = [], 0
        for p in params.get(name, []):
            for _ in range(repeat):
                t0 = time.perf_counter()
                try:
                    run_query(store, name, p)
                except Exception:  # noqa: BLE001 - a bench records failures, it does not stop
                    errors += 1
                    continue
                times.append((time.perf_counter() - t0) * 1000)
        if times:
            out[name] = {"n": len(times), "p50_ms": round(_pct(times, 0.5), 2), "p95_ms": round(_pct(times, 0.95), 2),
                         "mean_ms": round(statistics.fmean(times), 2), "errors": errors}
        else:
            out[name] = {"n": 0, "errors": errors, "note": "no parameters sampled or all failed"}
    return out


def bench_queries(workspace: Path, neo4j: bool = False, repeat: int = 5) -> dict:
    """Embedded always; Neo4j too when asked and reachable (same parameters)."""
    from queries.registry import open_store

    if not (workspace / "graph.pickle").exists():
        return {"embedded": {"error": f"no built graph in {workspace} (the build step failed or was skipped)"}}
    emb = open_store("embedded", workspace)
    params = sample_params(emb)
    result = {"embedded": time_queries(emb, params, repeat)}
    emb.close()
    if neo4j:
        try:
            neo = open_store("neo4j", workspace)
        except Exception as e:  # noqa: BLE001
            result["neo4j"] = {"error": f"{type(e).__name__}: {e}"}
        else:
            result["neo4j"] = time_queries(neo, params, repeat)
            neo.close()
    return result
