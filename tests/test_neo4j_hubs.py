"""Bounded hubs in Neo4j: a fact most articles name keeps a bounded evidence sample and its first
ARTICLE_CHUNK articles, the rest in chunk nodes appended per batch; answers stay those of the
embedded store, and removing or reloading an article changes exactly its share."""

from __future__ import annotations

import pytest

from graph_loader.graph.schema import (
    ARTICLE_CHUNK,
    ARTICLES_LABEL,
    EVIDENCE_ARTICLES,
    GraphRows,
    NodeRow,
    RelRow,
    encode_evidence,
    evidence_doc,
    evidence_sample,
)
from graph_loader.stores.embedded import EmbeddedStore
from queries.registry import run_query

pytestmark = pytest.mark.neo4j

HUB, PLACE, SEEN = "meeting:hub", "region:hub", "rel:hub"
N = ARTICLE_CHUNK + 150  # more articles than the fact holds itself


def _doc(n: int) -> str:
    return f"h{n:04d}"


def _rows(docs: list[str], variant: str = "") -> GraphRows:
    """Each made-up article reports one national meeting held in one region, with two sentences."""
    nodes: list[NodeRow] = [NodeRow(id=PLACE, label="Region", props={"name": "某省", "path": "某省", "level": "province"},
                                    articles=list(docs),
                                    evidence=[encode_evidence(d, 0, 2, 0, 2, "region", "某省") for d in docs])]
    rels: list[RelRow] = []
    for d in docs:
        nodes.append(NodeRow(id=HUB, label="Meeting", props={"name": "全省安全生产电视电话会议", "level": "province",
                                                              "date": "2025-03-01", "region": "某省"},
                             articles=[d], evidence=[encode_evidence(d, 0, 5, 0, 5, "meeting", f"会议{variant}"),
                                                     encode_evidence(d, 9, 12, 9, 12, "meeting", "第二句")]))
        rels.append(RelRow(id=SEEN, type="HELD_IN", src=HUB, dst=PLACE, articles=[d],
                           evidence=[encode_evidence(d, 0, 5, 0, 5, "meeting.region", "召开")]))
    return GraphRows(nodes=nodes, rels=rels, doc_ids=list(docs))


def _everything(docs: list[str], fact: str = HUB) -> list[str]:
    rows = _rows(docs)
    return sorted({e for r in (*rows.nodes, *rows.rels) if r.id == fact for e in r.evidence})


def _load(store, docs: list[str], per_batch: int = 400) -> None:
    for i in range(0, len(docs), per_batch):
        store.upsert(_rows(docs[i:i + per_batch]))


def _state(store, fact: str = HUB) -> tuple[list[str], list[str]]:
    """(articles sorted, evidence sorted) of a node or of the hub relationship, through the protocol."""
    if fact == SEEN:
        attrs = next(r for _, r in store.out_rels(HUB, "HELD_IN"))
    else:
        attrs = store.node(fact)
    return sorted(attrs["articles"]), sorted(attrs["evidence"])


def test_a_hub_holds_a_chunk_of_articles_and_a_sample_and_answers_as_the_embedded_store(neo4j_store) -> None:
    docs = [_doc(n) for n in range(N)]
    _load(neo4j_store, docs)
    own = neo4j_store.query("MATCH (m:Meeting {id: $id}) RETURN size(m.articles) AS n, size(m.evidence) AS e",
                            {"id": HUB})[0]
    assert own == {"n": ARTICLE_CHUNK, "e": 2 * EVIDENCE_ARTICLES}
    chunks = neo4j_store.query(f"MATCH (c:{ARTICLES_LABEL}) RETURN c.fact AS fact, size(c.articles) AS n")
    assert {c["fact"] for c in chunks} == {f"Meeting|{HUB}", f"Region|{PLACE}", f"HELD_IN|{SEEN}"}
    assert sum(c["n"] for c in chunks if c["fact"] == f"Meeting|{HUB}") == N - ARTICLE_CHUNK
    embedded = EmbeddedStore()
    _load(embedded, docs)
    for fact in (HUB, PLACE, SEEN):
        assert _state(neo4j_store, fact) == _state(embedded, fact)
    assert _state(neo4j_store) == (docs, evidence_sample(_everything(docs)))
    for name, params in (("meetings", {}), ("meeting", {"id": HUB}), ("evidence", {"id": HUB})):
        assert run_query(neo4j_store, name, params) == run_query(embedded, name, params)
    listed = run_query(neo4j_store, "meetings", {}).model_dump()["meetings"]
    assert [len(m["articles"]) for m in listed] == [N]
    # a page past the sample comes from the articles' support records
    page = run_query(neo4j_store, "evidence", {"id": HUB, "offset": 700, "limit": 3}).model_dump()
    assert page["total"] == N and page["articles"] == docs[700:703]
    assert [e["doc_id"] for e in page["evidence"]] == [d for d in docs[700:703] for _ in range(2)]


def test_removing_and_reloading_articles_of_a_hub_equals_loading_the_rest(neo4j_store) -> None:
    docs = [_doc(n) for n in range(N)]
    _load(neo4j_store, docs)
    gone = [docs[3], docs[50], docs[ARTICLE_CHUNK + 10]]  # two sampled articles and one in a chunk
    neo4j_store.remove_articles(gone)
    left = [d for d in docs if d not in gone]
    assert _state(neo4j_store) == (left, evidence_sample(_everything(left)))
    assert {evidence_doc(e) for e in _state(neo4j_store)[1]} == set(left[:EVIDENCE_ARTICLES])
    assert _state(neo4j_store, SEEN)[0] == left
    # an article reloaded with other evidence replaces exactly its own strings
    neo4j_store.upsert(_rows([docs[10]], variant="又"))
    got = _state(neo4j_store)[1]
    assert encode_evidence(docs[10], 0, 5, 0, 5, "meeting", "会议又") in got
    assert encode_evidence(docs[10], 0, 5, 0, 5, "meeting", "会议") not in got
    assert len(got) == 2 * EVIDENCE_ARTICLES and _state(neo4j_store)[0] == left
    neo4j_store.upsert(_rows(gone))  # back: the same graph as one load of every article
    after = _state(neo4j_store), _state(neo4j_store, SEEN), _state(neo4j_store, PLACE)
    neo4j_store._write("MATCH (n) DETACH DELETE n")
    _load(neo4j_store, [d for d in docs if d != docs[10]], per_batch=700)
    neo4j_store.upsert(_rows([docs[10]], variant="又"))
    assert (_state(neo4j_store), _state(neo4j_store, SEEN), _state(neo4j_store, PLACE)) == after


def _support_strings(store, fact: str) -> list[str]:
    """The strings of `fact` on the articles' `_Support` records, sorted (duplicates kept)."""
    rows = store.query("MATCH (s:_Support) UNWIND range(0, size(coalesce(s.ev_facts, [])) - 1) AS i "
                       "WITH s, i WHERE s.ev_facts[i] = $fact RETURN s.evidence[i] AS e", {"fact": fact})
    return sorted(r["e"] for r in rows)


def test_support_records_hold_what_the_samples_leave_out_when_later_articles_sort_first(neo4j_store) -> None:
    docs = [_doc(n) for n in range(3 * EVIDENCE_ARTICLES)]
    for i in range(len(docs), 0, -EVIDENCE_ARTICLES):  # each batch sorts before every article loaded
        neo4j_store.upsert(_rows(docs[i - EVIDENCE_ARTICLES:i]))
    everything = _everything(docs)
    sample = evidence_sample(everything)
    assert _state(neo4j_store) == (docs, sample)
    # each string is on the fact or on its article's record, once: the pushed-out ones moved there
    assert _support_strings(neo4j_store, f"Meeting|{HUB}") == sorted(set(everything) - set(sample))
    for offset in (0, EVIDENCE_ARTICLES, 2 * EVIDENCE_ARTICLES):  # the evidence query pages through all
        page = run_query(neo4j_store, "evidence", {"id": HUB, "offset": offset, "limit": EVIDENCE_ARTICLES})
        got = page.model_dump()
        assert got["articles"] == docs[offset:offset + EVIDENCE_ARTICLES]
        assert [(e["doc_id"], e["text"]) for e in got["evidence"]] == [
            (evidence_doc(e), e.rsplit("|", 1)[1]) for e in everything if evidence_doc(e) in set(got["articles"])]
    # removing sampled articles refills the sample from the records
    neo4j_store.remove_articles(docs[:5])
    assert _state(neo4j_store) == (docs[5:], evidence_sample(_everything(docs[5:])))


def test_a_load_killed_after_the_merge_keeps_every_pushed_out_string(neo4j_store, monkeypatch) -> None:
    late, early = [_doc(n) for n in range(EVIDENCE_ARTICLES, 2 * EVIDENCE_ARTICLES)], \
        [_doc(n) for n in range(EVIDENCE_ARTICLES)]
    neo4j_store.upsert(_rows(late))

    def killed(*_a, **_k):
        raise RuntimeError("killed")

    monkeypatch.setattr(neo4j_store, "_merge_rels", killed)  # dies after the nodes' merge committed
    with pytest.raises(RuntimeError):
        neo4j_store.upsert(_rows(early))
    # every string of the late articles is still somewhere: on the fact or on its article's record
    held = set(_state(neo4j_store)[1]) | set(_support_strings(neo4j_store, f"Meeting|{HUB}"))
    assert set(_everything(late)) <= held
    monkeypatch.undo()
    neo4j_store.upsert(_rows(early))  # the load run again: the uninterrupted graph
    docs = early + late
    assert _state(neo4j_store) == (docs, evidence_sample(_everything(docs)))
    assert _support_strings(neo4j_store, f"Meeting|{HUB}") == sorted(
        set(_everything(docs)) - set(evidence_sample(_everything(docs))))
