"""Load throughput of Neo4jStore.upsert against raw `UNWIND ... CREATE` and one transaction per fact.

Same server, same run, same synthetic rows (invented articles sharing regions, bodies and
directives, as real ones do). Targets: idempotent loader >= 0.5 x raw CREATE, >= 50 x per-fact.

    .venv/bin/python -m bench.bench_neo4j_load [--articles 2000] [--workspace bench/out/neo4j]
                                               [--neo4j-uri URI --neo4j-password PW]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from pathlib import Path

from graph_loader.config import neo4j_settings
from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence
from graph_loader.stores import neo4j_server
from graph_loader.stores.base import LoadSummary
from graph_loader.stores.neo4j_store import Neo4jStore, _props


def _id(*key: object) -> str:
    return hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:20]


class _ArticleRows:
    """Collects one invented article's rows."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.nodes: dict[str, NodeRow] = {}
        self.rels: list[RelRow] = []

    def node(self, label: str, key: object, **props) -> NodeRow:
        nid = _id(label, key)
        ev = encode_evidence(self.doc, 10, 20, 10, 20, f"{label.lower()}.bench", f"证据{key}")
        self.nodes[nid] = NodeRow(id=nid, label=label, props=props, articles=[self.doc], evidence=[ev])
        return self.nodes[nid]

    def rel(self, rtype: str, a: NodeRow, b: NodeRow, **props) -> None:
        ev = encode_evidence(self.doc, 30, 40, 30, 40, f"{rtype.lower()}.bench", "关系")
        self.rels.append(RelRow(id=_id(rtype, a.id, b.id), type=rtype, src=a.id, dst=b.id, props=props,
                                articles=[self.doc], evidence=[ev]))

    def rows(self) -> GraphRows:
        return GraphRows(nodes=list(self.nodes.values()), rels=self.rels, doc_ids=[self.doc])


def synthetic_articles(count: int, seed: int = 7) -> list[GraphRows]:
    """One GraphRows per invented article: 13 nodes and 16 relationships, some shared across articles."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        doc = f"bench{i:06d}"
        a = _ArticleRows(doc)
        art = a.node("Article", doc, doc_id=doc, title=f"标题{i}", published="2024-01-01")
        prov = a.node("Region", f"p{i % 5}", name=f"省{i % 5}", level="province")
        county = a.node("Region", f"c{i % 200}", name=f"县{i % 200}", level="county")
        body = a.node("Body", f"b{i % 300}", name=f"安委会{i % 300}", kind="committee")
        meeting = a.node("Meeting", doc, name=f"会议{i}", kind="work", date="2024-01-01")
        d = rng.randrange(50)
        directive = a.node("Directive", f"d{d}", title=f"文件{d}")
        k = rng.randrange(12)
        sector = a.node("Sector", f"s{k}", name=f"行业{k}")
        a.rel("PART_OF", county, prov)
        a.rel("BODY_IN", body, county)
        a.rel("HELD_IN", meeting, county)
        a.rel("CONVENED_BY", meeting, body)
        a.rel("RELAYS", meeting, directive, inferred=False)
        a.rel("ADDRESSES", meeting, sector)
        a.rel("REPORTS", art, meeting)
        for k in range(3):
            person = a.node("Person", f"{i}-{k}", name=f"人{i}-{k}")
            post = a.node("Post", f"{i}-{k}", title="副县长", body=body.props["name"])
            a.rel("HOLDS", person, post, title="副县长")
            a.rel("POST_IN", post, body)
            a.rel("PARTICIPATED", person, meeting, role="chair" if k == 0 else "attendee")
        out.append(a.rows())
    return out


def merged(batches: list[GraphRows]) -> tuple[list[NodeRow], list[RelRow]]:
    """The distinct facts all batches make, support lists unioned: what the graph ends up holding."""
    nodes: dict[str, NodeRow] = {}
    rels: dict[str, RelRow] = {}
    for b in batches:
        for n in b.nodes:
            if n.id in nodes:
                nodes[n.id].articles += n.articles
                nodes[n.id].evidence += n.evidence
            else:
                nodes[n.id] = NodeRow(n.id, n.label, dict(n.props), list(n.articles), list(n.evidence))
        for r in b.rels:
            if r.id in rels:
                rels[r.id].articles += r.articles
                rels[r.id].evidence += r.evidence
            else:
                rels[r.id] = RelRow(r.id, r.type, r.src, r.dst, dict(r.props), list(r.articles), list(r.evidence))
    return list(nodes.values()), list(rels.values())


def clear(store: Neo4jStore) -> None:
    with store._session() as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def raw_create(store: Neo4jStore, nodes: list[NodeRow], rels: list[RelRow], batch: int) -> None:
    """The baseline: plain CREATE of the final distinct rows, grouped by label/type, same batch size."""
    labels = {n.id: n.label for n in nodes}
    by_label: dict[str, list[dict]] = {}
    for n in nodes:
        by_label.setdefault(n.label, []).append({"id": n.id, "props": _props(n.props),
                                                 "articles": n.articles, "evidence": n.evidence})
    for label, items in by_label.items():
        for i in range(0, len(items), batch):
            store._write(f"UNWIND $rows AS row CREATE (n:{label}) SET n += row.props, n.id = row.id, "
                         "n.articles = row.articles, n.evidence = row.evidence", rows=items[i:i + batch])
    by_type: dict[tuple[str, str, str], list[dict]] = {}
    for r in rels:
        by_type.setdefault((r.type, labels[r.src], labels[r.dst]), []).append(
            {"id": r.id, "src": r.src, "dst": r.dst, "props": _props(r.props),
             "articles": r.articles, "evidence": r.evidence})
    for (rtype, a, b), items in by_type.items():
        for i in range(0, len(items), batch):
            store._write(f"UNWIND $rows AS row MATCH (a:{a} {{id: row.src}}) MATCH (b:{b} {{id: row.dst}}) "
                         f"CREATE (a)-[r:{rtype}]->(b) SET r += row.props, r.id = row.id, "
                         "r.articles = row.articles, r.evidence = row.evidence", rows=items[i:i + batch])


def per_fact(store: Neo4jStore, nodes: list[NodeRow]) -> None:
    """The naive way: the loader's own MERGE, but one transaction and one round trip per fact."""
    summary = LoadSummary(nodes_created=0, nodes_updated=0)
    for n in nodes:
        store._merge_nodes([n], summary, n.articles)


def load(store: Neo4jStore, articles: list[GraphRows], per_upsert: int) -> None:
    """Upsert the articles in batches as the build does (`per_upsert` articles a batch)."""
    for i in range(0, len(articles), per_upsert):
        chunk = articles[i:i + per_upsert]
        store.upsert(GraphRows(nodes=[n for a in chunk for n in a.nodes], rels=[r for a in chunk for r in a.rels],
                               doc_ids=[d for a in chunk for d in a.doc_ids]))


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--articles-per-upsert", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--per-fact-sample", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workspace", default="bench/out/neo4j")
    ap.add_argument("--neo4j-uri")
    ap.add_argument("--neo4j-password")
    args = ap.parse_args(argv)

    started_here = False
    if args.neo4j_uri:
        settings = neo4j_settings(uri=args.neo4j_uri, password=args.neo4j_password)
    else:
        workspace = Path(args.workspace).resolve()
        started_here = not neo4j_server.status(workspace).running
        t0 = time.perf_counter()
        settings = neo4j_server.start(workspace, quiet=True)
        print(f"server: {settings.uri} ({'started' if started_here else 'running'}, "
              f"{time.perf_counter() - t0:.1f} s)")
    store = Neo4jStore(settings, batch_size=args.batch_size)
    try:
        articles = synthetic_articles(args.articles)
        nodes, rels = merged(articles)
        facts = len(nodes) + len(rels)
        print(f"{args.articles} articles -> {len(nodes)} nodes + {len(rels)} relationships = {facts} facts")

        # warm-up (query plans, JIT) on a small slice, untimed
        warm = articles[:100]
        clear(store)
        raw_create(store, *merged(warm), args.batch_size)
        clear(store)
        load(store, warm, args.articles_per_upsert)
        clear(store)
        per_fact(store, nodes[:50])

        # interleaved rounds; the best round of each counts (the machine is shared, noise only slows)
        times: dict[str, list[float]] = {"create": [], "upsert": [], "reload": [], "fact": []}
        sample = nodes[:args.per_fact_sample]
        for _ in range(args.rounds):
            clear(store)
            times["create"].append(timed(lambda: raw_create(store, nodes, rels, args.batch_size)))
            counts_create = store.counts()
            clear(store)
            times["upsert"].append(timed(lambda: load(store, articles, args.articles_per_upsert)))
            assert store.counts() == counts_create, "the loader and raw CREATE disagree on the counts"
            times["reload"].append(timed(lambda: load(store, articles, args.articles_per_upsert)))
            assert store.counts() == counts_create, "reloading changed the counts"
            clear(store)
            times["fact"].append(timed(lambda: per_fact(store, sample)))
        clear(store)
    finally:
        store.close()
        if started_here:
            neo4j_server.stop(Path(args.workspace).resolve())

    t_create, t_upsert, t_reload, t_fact = (min(times[k]) for k in ("create", "upsert", "reload", "fact"))
    print(f"best of {args.rounds} rounds; all rounds (s): "
          + ", ".join(f"{k} {'/'.join(f'{t:.1f}' for t in v)}" for k, v in times.items()))
    rate = {"raw UNWIND CREATE": facts / t_create, "upsert (empty graph)": facts / t_upsert,
            "upsert (same rows again)": facts / t_reload, "one transaction per fact": len(sample) / t_fact}
    print(f"\n{'method':<28}{'facts/s':>10}{'vs raw CREATE':>15}")
    for name, r in rate.items():
        print(f"{name:<28}{r:>10.0f}{r / rate['raw UNWIND CREATE']:>15.2f}")
    ratio = rate["upsert (empty graph)"] / rate["raw UNWIND CREATE"]
    speedup = rate["upsert (empty graph)"] / rate["one transaction per fact"]
    print(f"\nupsert / raw CREATE = {ratio:.2f} (target >= 0.5): {'ok' if ratio >= 0.5 else 'MISSED'}")
    print(f"upsert / per fact   = {speedup:.0f}x (target >= 50x): {'ok' if speedup >= 50 else 'MISSED'}")


if __name__ == "__main__":
    main()
