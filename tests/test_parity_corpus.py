"""Every catalogue query gives the same result on both stores for real builds: the sample corpus
(data/corpus, every meeting, person, region and directive as parameters) and a generated corpus of
1,000 articles (about 100 parameter sets per query, drawn deterministically from the graph).

The workspace is built once per corpus and its rows files are loaded into the session's Neo4j as
`safetykg load` does; a difference is reported with the query, the parameters and both results.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_loader.lang.levels import LEVELS
from graph_loader.stores.embedded import EmbeddedStore
from graph_loader.stores.summary import is_dated
from queries.registry import REGISTRY, run_query

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[1]
GENERATED_COUNT = 1000
PER_QUERY = 100


# ----- parameters drawn from the graph --------------------------------------------------------
class Sampler:
    """Parameter sets per query from the embedded store; `k=None` takes every candidate."""

    def __init__(self, store: EmbeddedStore, k: int | None, seed: int = 7) -> None:
        self.store, self.k, self.rng = store, k, random.Random(seed)

    def ids(self, label: str) -> list[str]:
        return sorted(self.store.ids_by_label(label))

    def prop(self, nid: str, key: str) -> Any:
        return (self.store.node(nid) or {}).get(key)

    def take(self, items: list) -> list:
        if self.k is None or len(items) <= self.k:
            return list(items)
        return self.rng.sample(items, self.k)

    def dates(self) -> list[tuple[str | None, str | None]]:
        """Date ranges around the meetings' own dates (year, month and day bounds, open ends)."""
        days = sorted({d for m in self.ids("Meeting") if (d := self.prop(m, "date")) and d[:1].isdigit()})
        if not days:
            return [("2024", None)]
        out: list[tuple[str | None, str | None]] = []
        for _ in range(6):
            a, b = sorted(self.rng.sample(days, 2)) if len(days) > 1 else (days[0], days[0])
            out += [(a, b), (a[:7], b[:7]), (a[:4], None), (None, b)]
        return out

    def name_or_id(self, nid: str, key: str) -> str:
        value = self.prop(nid, key)
        return value if value and self.rng.random() < 0.5 else nid

    def cases(self) -> dict[str, list[dict[str, Any]]]:
        rng, take = self.rng, self.take
        meetings, persons, regions = self.ids("Meeting"), self.ids("Person"), self.ids("Region")
        directives, bodies, inspections = self.ids("Directive"), self.ids("Body"), self.ids("Inspection")
        everything = sorted(i for lab in ("Meeting", "Person", "Region", "Body", "Directive", "Inspection",
                                          "Sector", "Post", "Article") for i in self.ids(lab))
        ranges = self.dates()

        def ranged(p: dict[str, Any]) -> dict[str, Any]:
            if rng.random() < 0.3:
                lo, hi = rng.choice(ranges)
                p |= {k: v for k, v in (("date_from", lo), ("date_to", hi)) if v}
            return p

        relayed = [m for m in meetings if any(True for _ in self.store.in_rels(m, "RELAYS"))]
        names = [n for i in everything[:: max(1, len(everything) // 400)]
                 for n in [self.prop(i, "name") or self.prop(i, "title") or self.prop(i, "team")] if n]
        searches = sorted({n[s:s + w] for n in names for s, w in [(rng.randrange(max(1, len(n) - 1)),
                                                                      rng.choice((1, 2, 3, 4)))]} - {""})
        teams = sorted({t for i in inspections if (t := self.prop(i, "team"))})
        endpoints = persons + directives + meetings + regions + bodies
        pairs = []
        for m in take(meetings):
            people = sorted(p for p, _ in self.store.in_rels(m, "PARTICIPATED"))
            relays = sorted(d for d, _ in self.store.out_rels(m, "RELAYS"))
            if people and relays:
                pairs.append({"a": self.name_or_id(people[0], "name"), "b": relays[0]})
        pairs += [{"a": rng.choice(endpoints), "b": rng.choice(endpoints), "max_hops": rng.choice((2, 4, 6))}
                  for _ in range(len(pairs) or 10)]
        paths = sorted({p for r in regions if (p := self.prop(r, "path"))})
        kinds = sorted({k for m in meetings if (k := self.prop(m, "kind"))})
        dated = sum(is_dated(self.prop(m, "date")) for m in meetings)
        return {
            "propagation": take([{"target": self.name_or_id(d, "title")} for d in directives]
                                + [{"target": m, "max_depth": rng.choice((1, 2, 8))} for m in relayed]
                                # a meeting by name and date (candidates when a name recurs)
                                + [{"target": n, **({"date": d} if rng.random() < 0.7 else {})} for m in relayed
                                   if (n := self.prop(m, "name")) and (d := self.prop(m, "date"))]),
            "relay_lags": [{}, {"max_days": 0}, {"max_days": 30}],
            "attendance": take([ranged({"person": self.name_or_id(p, "name")}) for p in persons]
                               + [ranged({"body": self.name_or_id(b, "name")}) for b in bodies]
                               + [ranged({"region": self.name_or_id(r, "path")}) for r in regions])
                          # the meetings of a page (as the app asks), in a sampled order
                          + [ranged({"meetings": rng.sample(meetings, min(len(meetings), n))})
                             for n in (1, 5, 40) if meetings],
            "meeting": take([{"id": self.name_or_id(m, "name")} for m in meetings]),
            "person": take([{"id": self.name_or_id(p, "name")} for p in persons]),
            "responsibility_chain": take([{"region": self.name_or_id(r, "path")} for r in regions]),
            "inspections": take([ranged({"region": self.name_or_id(r, "path")}) for r in regions]
                                + [ranged({"team": t[: rng.choice((2, 4, len(t)))]}) for t in teams]
                                + [{"team": b} for b in bodies if self.prop(b, "kind") == "inspection_team"])
                           + [{"team": t[:2], "limit": rng.choice((1, 7, 50)), "offset": rng.randrange(60)}
                              for t in take(teams)[:10]],
            "sectors": [{}] + [{"level": lv} for lv in LEVELS]
                       + take([ranged({"region": self.name_or_id(r, "path"),
                                       **({"level": rng.choice(LEVELS)} if rng.random() < 0.5 else {})})
                               for r in regions]),
            "search": take([{"text": s, "limit": rng.choice((5, 20, 100))} for s in searches]),
            "path": take(pairs),
            "timeline": take([ranged({"region": self.name_or_id(r, "path")}) for r in regions]),
            "overview": [{}, {"latest": 1}, {"latest": 50}],
            "regions": [{}],
            "meetings": [{}, {"limit": 5}, {"offset": len(meetings)}]
                        # pages that straddle the last dated meeting and run into the undated ones
                        + [{"offset": max(0, dated - back), "limit": n} for back, n in ((3, 10), (0, 5), (-2, 3))]
                        + take(
                [ranged({"region": p[: rng.randrange(1, len(p) + 1)]}) for p in paths]
                + [ranged({"level": lv, "limit": rng.choice((3, 50, 2000))}) for lv in LEVELS]
                + [{"kind": k} for k in kinds]
                + [ranged({}) for _ in range(10)]),
            "neighbours": take([{"id": i, "limit": rng.choice((5, 60, 500))} for i in everything]),
            "evidence": take([{"id": i, "limit": rng.choice((1, 3, 100)), "offset": rng.choice((0, 0, 1, 2))}
                              for i in everything]),
        }


# ----- comparing ------------------------------------------------------------------------------
def outcome(store: Any, name: str, params: dict[str, Any]) -> Any:
    try:
        return run_query(store, name, params).model_dump(mode="json")
    except Exception as e:  # noqa: BLE001 - both stores must fail alike (same class, same message)
        return {"error": type(e).__name__, "message": str(e)}


def differences(embedded: Any, neo4j: Any, cases: dict[str, list[dict[str, Any]]]) -> list[tuple]:
    diffs = []
    for name, params_list in cases.items():
        for params in params_list:
            a, b = outcome(embedded, name, params), outcome(neo4j, name, params)
            if a != b:
                diffs.append((name, params, a, b))
    return diffs


def _describe(diffs: list[tuple]) -> str:
    name, params, a, b = diffs[0]
    per_query: dict[str, int] = {}
    for d in diffs:
        per_query[d[0]] = per_query.get(d[0], 0) + 1
    return f"{len(diffs)} differences {per_query}; first: {name} {params}\nembedded: {a}\nneo4j:    {b}"


# ----- the stores -------------------------------------------------------------------------------
def _wipe(store: Any) -> None:
    with store._session() as session:  # auto-commit: IN TRANSACTIONS needs it
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _load(settings: Any, ws: Path) -> Any:
    from graph_loader.graph.rows_io import grouped_batches, iter_workspace_batches
    from graph_loader.stores.neo4j_store import Neo4jStore
    from queries.sectors import refresh_summaries

    store = Neo4jStore(settings)
    _wipe(store)
    for batch in grouped_batches(iter_workspace_batches(ws)):
        store.upsert(batch)
    refresh_summaries(store)  # as `safetykg load`: whole-corpus sectors then answer from the stored summary
    return store


@pytest.fixture
def loaded(neo4j_server) -> Iterator[Any]:
    """Build a corpus (embedded), load its rows into Neo4j; yields (embedded, neo4j)."""
    opened: list[Any] = []

    def _open(ws: Path) -> tuple[EmbeddedStore, Any]:
        neo = _load(neo4j_server, ws)
        opened.append(neo)
        return EmbeddedStore.open(ws), neo

    yield _open
    for store in opened:
        _wipe(store)  # leave an empty database to the next tests
        store.close()


def test_sample_corpus_same_on_both_stores(loaded, tmp_path) -> None:
    from graph_loader.build import build_paths

    ws = tmp_path / "ws"
    report = build_paths([ROOT / "data" / "corpus"], ws)
    assert not report.rejected
    embedded, neo4j = loaded(ws)
    assert embedded.counts() == neo4j.counts()
    cases = Sampler(embedded, k=None).cases()
    assert set(cases) == set(REGISTRY) and all(cases.values())
    assert len(cases["meeting"]) == len(embedded.ids_by_label("Meeting")) >= 5
    diffs = differences(embedded, neo4j, cases)
    assert not diffs, _describe(diffs)


@pytest.mark.slow
def test_generated_corpus_same_on_both_stores(loaded, tmp_path) -> None:
    from graph_loader.build import build_paths
    from graph_loader.generate import generate

    generate(GENERATED_COUNT, 11, tmp_path / "gen")
    ws = tmp_path / "ws"
    report = build_paths([tmp_path / "gen" / "texts"], ws, shacl=False, workers=2)
    assert not report.rejected
    embedded, neo4j = loaded(ws)
    assert embedded.counts() == neo4j.counts()
    cases = Sampler(embedded, k=PER_QUERY).cases()
    assert sum(len(v) for v in cases.values()) > 800
    diffs = differences(embedded, neo4j, cases)
    assert not diffs, _describe(diffs)
