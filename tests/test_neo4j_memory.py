"""The Neo4j writer holds within the server's transaction memory limit whatever the corpus: a batch
whose hub rows carry long lists passes a small `dbms.memory.transaction.total.max` when written as
today's writer packed it (rows only), and the writer (weight-bounded transactions, a transaction
past the limit split in halves at once) loads it into the same graph as the embedded store, also
when an article is reloaded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_loader.config import Neo4jSettings
from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence
from graph_loader.stores.embedded import EmbeddedStore
from graph_loader.stores.neo4j_store import MEMORY_ERROR, Neo4jStore
from queries.registry import run_query

pytestmark = pytest.mark.neo4j

TX_MAX = "64m"  # dbms.memory.transaction.total.max of this module's server
FACTS = 100  # hubs: meetings every article of the batch reports
DOCS = [f"m{n:04d}" for n in range(300)]
TEXT = "全省安全生产工作会议要求各地各部门压紧压实安全生产责任，深入开展重大事故隐患排查整治行动" * 2


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jSettings]:
    from graph_loader.stores import neo4j_server as server
    from tests.neo4j_fixture import _unavailable

    ws: Path = tmp_path_factory.mktemp("neo4j-small")
    if server.missing_tools():
        _unavailable(f"needs {', '.join(server.missing_tools())} on PATH")
    before = os.environ.get("SAFETYKG_NEO4J_TX_MAX")
    os.environ["SAFETYKG_NEO4J_TX_MAX"] = TX_MAX
    try:
        settings = server.start(ws, quiet=True)
    except server.LauncherError as e:
        _unavailable(str(e).splitlines()[0])
    finally:
        if before is None:
            os.environ.pop("SAFETYKG_NEO4J_TX_MAX", None)
        else:
            os.environ["SAFETYKG_NEO4J_TX_MAX"] = before
    try:
        yield settings
    finally:
        server.stop(ws)


def _store(settings: Neo4jSettings, **kwargs) -> Neo4jStore:
    store = Neo4jStore(settings, retry_s=0.5, **kwargs)
    with store._session() as session:  # a little at a time: one transaction could pass the limit
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50 ROWS").consume()
    return store


def _rows(docs: list[str], variant: str = "") -> GraphRows:
    """Each article reports the same FACTS meetings held in one region, two long sentences each."""
    region = NodeRow(id="region:x", label="Region", props={"name": "某省", "path": "某省", "level": "province"},
                     articles=list(docs), evidence=[encode_evidence(d, 0, 2, 0, 2, "region", "某省") for d in docs])
    nodes, rels = [region], []
    for f in range(FACTS):
        mid = f"meeting:{f}"
        evidence = [encode_evidence(d, i, i + 5, i, i + 5, "meeting", f"{TEXT}{f}{variant if d == docs[0] else ''}")
                    for d in docs for i in (0, 200)]
        nodes.append(NodeRow(id=mid, label="Meeting", props={"name": f"会议{f}", "level": "province",
                                                              "date": "2025-03-01", "region": "某省"},
                             articles=list(docs), evidence=evidence))
        rels.append(RelRow(id=f"held:{f}", type="HELD_IN", src=mid, dst="region:x", articles=list(docs),
                           evidence=[encode_evidence(d, 0, 5, 0, 5, "meeting.region", f"{TEXT}召开{f}")
                                     for d in docs]))
    return GraphRows(nodes=nodes, rels=rels, doc_ids=list(docs))


def _state(store) -> dict[str, tuple[list[str], list[str]]]:
    """Every meeting and its HELD_IN relationship: (articles, evidence sample), through the protocol."""
    out = {}
    for mid in sorted(store.ids_by_label("Meeting")):
        node = store.node(mid)
        out[mid] = sorted(node["articles"]), sorted(node["evidence"])
        for _, rel in store.out_rels(mid, "HELD_IN"):
            out[rel["id"]] = sorted(rel["articles"]), sorted(rel["evidence"])
    return out


def _load(store, reload: str | None = None) -> None:
    store.upsert(_rows(DOCS[:150]))
    store.upsert(_rows(DOCS[150:]))
    if reload:
        store.upsert(_rows([reload], variant="又"))


def test_todays_writer_passes_the_limit(small_server, monkeypatch) -> None:
    """Rows only per transaction and no split (the writer before the fix): the memory error."""
    from neo4j.exceptions import TransientError

    store = _store(small_server, batch_weight=10**9)
    monkeypatch.setattr(Neo4jStore, "_write_split",
                        lambda self, pending: self._write_many([(q, p) for q, p, _ in pending]))
    try:
        with pytest.raises(TransientError) as caught:
            _load(store)
        assert caught.value.code == MEMORY_ERROR
    finally:
        store.close()


@pytest.mark.parametrize("weight", [None, 10**9], ids=["weighted", "split-only"])
def test_the_writer_holds_and_writes_the_embedded_graph(small_server, weight) -> None:
    embedded = EmbeddedStore()
    _load(embedded, reload=DOCS[7])
    store = _store(small_server, **({"batch_weight": weight} if weight else {}))
    try:
        _load(store, reload=DOCS[7])
        if weight:  # rows only: the transactions that pass the limit are split
            assert store.splits > 0
        assert store.counts() == embedded.counts()
        assert _state(store) == _state(embedded)
        for name, params in (("meetings", {}), ("meeting", {"id": "meeting:3"}), ("evidence", {"id": "meeting:3"})):
            assert run_query(store, name, params) == run_query(embedded, name, params)
    finally:
        store.close()
