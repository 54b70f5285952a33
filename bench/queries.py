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
    """k parameter sets per query, drawn from the embedded store so that most have answers:
    half from the busiest nodes (most relationships), half at random."""
    rng = random.Random(seed)

    def degree(nid: str, rel: str, incoming: bool = False) -> int:
        return sum(1 for _ in (store.in_rels(nid, rel) if incoming else store.out_rels(nid, rel)))

    def pick(ids: list[str], weight) -> list[str]:
        ids = sorted(ids)
        busy = sorted(ids, key=lambda n: (-weight(n), n))[: (k + 1) // 2]
        rest = [n for n in ids if n not in busy]
        return busy + rng.sample(rest, min(k - len(busy), len(rest)))

    def prop(nid: str, key: str) -> str | None:
        return (store.node(nid) or {}).get(key)

    persons = pick(list(store.ids_by_label("Person")), lambda n: degree(n, "PARTICIPATED"))
    person_names = [prop(n, "name") for n in persons if prop(n, "name")]
    directives = pick(list(store.ids_by_label("Directive")), lambda n: degree(n, "RELAYS", incoming=True))
    meetings = pick(list(store.ids_by_label("Meeting")), lambda n: degree(n, "PARTICIPATED", incoming=True))
    meetings_all = store.ids_by_label("Meeting")  # pages deep into the list, where the undated ones are
    regions = [n for n in store.ids_by_label("Region") if prop(n, "level") in ("county", "prefecture")]
    busy_regions = pick(regions, lambda n: degree(n, "HELD_IN", incoming=True))
    region_paths = [prop(n, "path") for n in busy_regions if prop(n, "path")]
    targets = sorted({t for i in store.ids_by_label("Inspection") for t, _ in store.out_rels(i, "TARGETS")
                      if store.label(t) == "Region"})
    target_paths = [prop(t, "path") for t in rng.sample(targets, min(k, len(targets)))]
    pairs = []  # a person and a directive their meeting relayed: paths that exist
    for m in meetings:
        people = [p for p, _ in store.in_rels(m, "PARTICIPATED")]
        relayed = [d for d, _ in store.out_rels(m, "RELAYS")]
        if people and relayed:
            pairs.append({"a": prop(people[0], "name") or people[0], "b": relayed[0]})
    bodies = pick(list(store.ids_by_label("Body")), lambda n: degree(n, "POST_IN", incoming=True))
    return families(persons, person_names, [prop(d, "title") or d for d in directives], meetings,
                    [prop(m, "date") for m in meetings], len(meetings_all), busy_regions, region_paths,
                    target_paths, pairs, bodies)


def families(persons: list[str], person_names: list[str], directives: list[str], meetings: list[str],
             meeting_dates: list[str | None], n_meetings: int, busy_regions: list[str], region_paths: list[str],
             target_paths: list[str], pairs: list[dict], bodies: list[str]) -> dict[str, list[dict]]:
    """The parameter sets per query from what was sampled (the same families on either store)."""
    if len(person_names) > 1:
        pairs = pairs + [{"a": person_names[0], "b": person_names[-1]}]
    dates = sorted(d for d in meeting_dates if d and d[:1].isdigit())
    return {
        "propagation": [{"target": d} for d in directives],
        "attendance": [{"person": p} for p in person_names] + [{"region": r} for r in region_paths[:2]]
        + [{"body": b} for b in bodies[:2]] + [{"meetings": meetings}],  # a page's meetings, as the app asks
        "meeting": [{"id": m} for m in meetings],
        "person": [{"id": p} for p in person_names],
        "responsibility_chain": [{"region": r} for r in region_paths],
        "inspections": [{"region": r} for r in target_paths] + [{"team": "巡查组"}, {"team": "巡查组", "offset": 500}],
        "sectors": [{"region": r} for r in region_paths] + [{"level": "province"}],
        "search": [{"text": p[:2]} for p in person_names],
        "path": pairs,
        "timeline": [{"region": r} for r in region_paths],
        "overview": [{}],
        "regions": [{}],
        "relay_lags": [{}],
        "meetings": [{}, {"level": "county"}, {"offset": n_meetings // 2}, {"offset": max(0, n_meetings - 50)}]
        + [{"region": r} for r in region_paths[:2]]
        + [{"date_from": d[:7], "date_to": d[:7]} for d in dates[:1]],
        "neighbours": [{"id": n} for n in (meetings[:2] + persons[:1] + busy_regions[:2])],
        # hubs among them: a page beyond the sample reads rows files on the embedded store
        "evidence": [{"id": n} for n in (meetings[:2] + busy_regions[:1] + bodies[:1])]
        + [{"id": n, "offset": 100} for n in (busy_regions[:1] + bodies[:1])],
    }


def sample_params_neo4j(store: Any, k: int = 5, seed: int = 0) -> dict[str, list[dict]]:
    """The same families as sample_params, drawn with Cypher: a workspace built straight into Neo4j
    (the 100k build) has no embedded graph to sample from."""
    rng = random.Random(seed)

    def pick(label: str, pattern: str, where: str = "") -> list[dict]:
        rows = store.query(f"MATCH (n:{label}) {where} RETURN n.id AS id, n {{.name, .title, .path, .date}} AS p, "
                           f"COUNT {{ {pattern} }} AS d ORDER BY d DESC, n.id")
        busy, rest = rows[: (k + 1) // 2], rows[(k + 1) // 2:]
        return busy + rng.sample(rest, min(k - len(busy), len(rest)))

    persons = pick("Person", "(n)-[:PARTICIPATED]->()")
    directives = pick("Directive", "(n)<-[:RELAYS]-()")
    meetings = pick("Meeting", "(n)<-[:PARTICIPATED]-()")
    regions = pick("Region", "(n)<-[:HELD_IN]-()", "WHERE n.level IN ['county', 'prefecture']")
    bodies = pick("Body", "(n)<-[:POST_IN]-()")
    targets = [r["path"] for r in store.query(
        "MATCH (:Inspection)-[:TARGETS]->(t:Region) RETURN DISTINCT t.path AS path ORDER BY path")]
    pairs = store.query("UNWIND $ids AS id MATCH (p:Person)-[:PARTICIPATED]->(m:Meeting {id: id})-[:RELAYS]->(d) "
                        "WITH m, head(collect(DISTINCT coalesce(p.name, p.id))) AS a, min(d.id) AS b "
                        "RETURN a, b ORDER BY m.id", {"ids": [m["id"] for m in meetings]})
    n_meetings = store.query("MATCH (m:Meeting) RETURN count(m) AS n")[0]["n"]
    return families([p["id"] for p in persons], [p["p"]["name"] for p in persons if p["p"]["name"]],
                    [d["p"]["title"] or d["id"] for d in directives], [m["id"] for m in meetings],
                    [m["p"]["date"] for m in meetings], n_meetings, [r["id"] for r in regions],
                    [r["p"]["path"] for r in regions if r["p"]["path"]],
                    rng.sample(targets, min(k, len(targets))), pairs, [b["id"] for b in bodies])


def time_queries(store: Any, params: dict[str, list[dict]], repeat: int = 5) -> dict[str, dict]:
    """Per query: p50 and p95 milliseconds over all parameter sets x repeats, and errors if any."""
    from queries.registry import REGISTRY, run_query

    out = {}
    for name in REGISTRY:  # warm up: the embedded store loads lazily, Neo4j compiles each plan once
        for p in params.get(name, []):
            try:
                run_query(store, name, p)
            except Exception:  # noqa: BLE001 - counted below
                pass
    for name in REGISTRY:
        times, errors, empty = [], 0, 0
        for p in params.get(name, []):
            for _ in range(repeat):
                t0 = time.perf_counter()
                try:
                    result = run_query(store, name, p)
                except Exception:  # noqa: BLE001 - a bench records failures, it does not stop
                    errors += 1
                    continue
                times.append((time.perf_counter() - t0) * 1000)
                empty += not any(isinstance(v, list) and v for v in result.model_dump().values())
        if times:
            out[name] = {"n": len(times), "p50_ms": round(_pct(times, 0.5), 2), "p95_ms": round(_pct(times, 0.95), 2),
                         "mean_ms": round(statistics.fmean(times), 2), "errors": errors,
                         "empty_results": empty}
        else:
            out[name] = {"n": 0, "errors": errors, "note": "no parameters sampled or all failed"}
    return out


def bench_queries(workspace: Path, neo4j: bool = False, repeat: int = 5, k: int = 5) -> dict:
    """Embedded always; Neo4j too when asked and reachable (same parameters)."""
    from graph_loader.stores import open_store

    if not (workspace / "graph.pickle").exists():
        if not neo4j:
            return {"embedded": {"error": f"no built graph in {workspace} (the build step failed or was skipped)"}}
        neo = open_store("neo4j", workspace)  # built straight into Neo4j: sample there, time there only
        try:
            return {"embedded": {"note": "no embedded graph in this workspace"},
                    "neo4j": time_queries(neo, sample_params_neo4j(neo, k=k), repeat)}
        finally:
            neo.close()
    emb = open_store("embedded", workspace)
    params = sample_params(emb, k=k)
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


def markdown(result: dict) -> str:
    """One table: per query, p50/p95 on each store measured."""
    stores = [s for s in ("embedded", "neo4j") if isinstance(result.get(s), dict)
              and not {"error", "note"} & set(result[s])]  # a Neo4j-only workspace has no embedded column
    head = "| query | " + " | ".join(f"{s} p50 | {s} p95" for s in stores) + " | n | empty answers |"
    lines = [head, "|" + " --- |" * (2 * len(stores) + 3)]
    for name in result[stores[0]] if stores else []:
        cells = []
        for s in stores:
            r = result[s].get(name, {})
            cells += [f"{r['p50_ms']} ms" if "p50_ms" in r else "-", f"{r['p95_ms']} ms" if "p95_ms" in r else "-"]
        e = result[stores[0]][name]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {e.get('n', 0)} | {e.get('empty_results', '-')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    import argparse
    import json

    ap = argparse.ArgumentParser(description="p50/p95 of every catalogue query on a built workspace")
    ap.add_argument("--workspace", type=Path, required=True)
    ap.add_argument("--neo4j", action="store_true", help="also on the workspace's Neo4j (safetykg neo4j start/load)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("-k", type=int, default=5, help="parameter sets per query")
    ap.add_argument("--out", type=Path, help="write the JSON here")
    args = ap.parse_args(argv)
    result = bench_queries(args.workspace, neo4j=args.neo4j, repeat=args.repeat, k=args.k)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(markdown(result))
    for store, per in result.items():
        if isinstance(per, dict) and "error" in per:
            print(f"{store}: {per['error']}")


if __name__ == "__main__":
    main()
