"""Neo4jStore against a real local Neo4j 5.26: idempotent loads, replacement, interruption, errors, reads."""

from __future__ import annotations

import hashlib
import json

import pytest

from graph_loader.cli import main as cli_main
from graph_loader.config import Neo4jSettings
from graph_loader.graph.rows_io import grouped_batches, iter_workspace_batches, write_rows
from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence
from graph_loader.stores.neo4j_store import (
    Neo4jStore,
    ReadOnlyViolation,
    StoreUnavailable,
    write_keyword,
)

pytestmark = pytest.mark.neo4j

DOC_A, DOC_B = "art_a", "art_b"


def fid(*key: str) -> str:
    return hashlib.sha1("|".join(key).encode()).hexdigest()[:16]


def node(doc: str, label: str, key: str, **props) -> NodeRow:
    return NodeRow(id=fid(label, key), label=label, props=props, articles=[doc],
                   evidence=[encode_evidence(doc, 0, len(key), 0, len(key), f"{label.lower()}.t", key)])


def rel(doc: str, rtype: str, src: NodeRow, dst: NodeRow, **props) -> RelRow:
    return RelRow(id=fid(rtype, src.id, dst.id), type=rtype, src=src.id, dst=dst.id, props=props,
                  articles=[doc], evidence=[encode_evidence(doc, 1, 2, 1, 2, f"{rtype.lower()}.t", "x|y")])


def article_rows(doc: str, variant: int = 0) -> GraphRows:
    """One invented article: a county meeting chaired by a person, relaying a directive.

    Both articles share the province region and the directive; variant 1 of article B drops its
    inspection and adds a sector instead.
    """
    art = node(doc, "Article", doc, doc_id=doc, title=f"标题{doc}", published="2024-03-01")
    prov = node(doc, "Region", "甲乙省", name="甲乙省", path="甲乙省", level="province")
    county = node(doc, "Region", f"丙丁县{doc}", name=f"丙丁县{doc}", level="county")
    person = node(doc, "Person", f"王某某{doc}", name=f"王某某{doc}", region=county.props["name"])
    meeting = node(doc, "Meeting", f"会议{doc}", name=f"{doc}安全生产工作会议", kind="work", date="2024-03-01")
    directive = node(doc, "Directive", "措施", title="关于加强安全生产的若干措施", kind="opinion")
    nodes = [art, prov, county, person, meeting, directive]
    rels = [rel(doc, "PART_OF", county, prov), rel(doc, "PARTICIPATED", person, meeting, role="chair"),
            rel(doc, "HELD_IN", meeting, county), rel(doc, "RELAYS", meeting, directive, inferred=False),
            rel(doc, "REPORTS", art, meeting), rel(doc, "MENTIONS", art, directive)]
    if doc == DOC_B and variant == 0:
        insp = node(doc, "Inspection", "督查组", team="省安委会第一督查组", level="province")
        nodes.append(insp)
        rels += [rel(doc, "TARGETS", insp, county), rel(doc, "REPORTS", art, insp)]
    if doc == DOC_B and variant == 1:
        sector = node(doc, "Sector", "危险化学品", name="危险化学品")
        nodes.append(sector)
        rels.append(rel(doc, "ADDRESSES", meeting, sector))
    return GraphRows(nodes=nodes, rels=rels, doc_ids=[doc])


def dump(store: Neo4jStore) -> dict[str, dict]:
    """Every fact by id with its properties; lists as sets, since union order may differ."""
    out = {}
    for r in store.query("MATCH (n) WHERE NOT n:_Support RETURN n"):
        out[r["n"]["id"]] = {k: sorted(v) if isinstance(v, list) else v for k, v in r["n"].items()}
    for r in store.query("MATCH (a)-[r]->(b) RETURN r, type(r) AS t, a.id AS a, b.id AS b"):
        props = {k: sorted(v) if isinstance(v, list) else v for k, v in r["r"].items()}
        out[r["r"]["id"]] = {**props, "_t": r["t"], "_a": r["a"], "_b": r["b"]}
    return out


def test_load_counts_and_known_facts(neo4j_store):
    summary = neo4j_store.upsert(article_rows(DOC_A))
    neo4j_store.upsert(article_rows(DOC_B))
    assert summary["nodes_created"] == 6 and summary["rels_created"] == 6
    counts = neo4j_store.counts()
    assert counts["Article"] == 2 and counts["Region"] == 3 and counts["Directive"] == 1
    assert counts["Inspection"] == 1 and counts["RELAYS"] == 2 and counts["TARGETS"] == 1
    rows = neo4j_store.query(
        "MATCH (p:Person)-[r:PARTICIPATED]->(m:Meeting)-[:RELAYS]->(d:Directive) "
        "WHERE m.name STARTS WITH $doc RETURN p.name AS person, r.role AS role, d AS directive", {"doc": DOC_A})
    assert rows == [{"person": f"王某某{DOC_A}", "role": "chair",
                     "directive": rows[0]["directive"]}]
    assert rows[0]["directive"]["title"] == "关于加强安全生产的若干措施"
    shared = neo4j_store.query("MATCH (d:Directive) RETURN d.articles AS a, d.evidence AS e")[0]
    assert sorted(shared["a"]) == [DOC_A, DOC_B] and len(shared["e"]) == 2
    hits = neo4j_store.query("CALL db.index.fulltext.queryNodes('names', $q) YIELD node RETURN node.name AS n",
                             {"q": "王某某"})
    assert {h["n"] for h in hits} >= {f"王某某{DOC_A}", f"王某某{DOC_B}"}


def test_load_twice_is_identical(neo4j_store):
    for doc in (DOC_A, DOC_B):
        neo4j_store.upsert(article_rows(doc))
    first, counts = dump(neo4j_store), neo4j_store.counts()
    again = [neo4j_store.upsert(article_rows(doc)) for doc in (DOC_A, DOC_B)]
    assert dump(neo4j_store) == first and neo4j_store.counts() == counts
    assert all(s["nodes_created"] == 0 and s["nodes_removed"] == 0 and s["rels_removed"] == 0 for s in again)


def test_changed_article_replaces_exactly_its_facts(neo4j_store):
    neo4j_store.upsert(article_rows(DOC_A))
    only_a = dump(neo4j_store)
    neo4j_store.upsert(article_rows(DOC_B))
    summary = neo4j_store.upsert(article_rows(DOC_B, variant=1))
    assert summary["nodes_removed"] == 1 and summary["nodes_created"] == 1
    after = dump(neo4j_store)
    assert neo4j_store.counts()["Inspection"] == 0 and neo4j_store.counts()["Sector"] == 1
    # A's facts are untouched except for the support lists they share with B
    for key, props in only_a.items():
        assert {k: v for k, v in after[key].items() if k not in ("articles", "evidence")} == \
               {k: v for k, v in props.items() if k not in ("articles", "evidence")}
        assert set(props["articles"]) <= set(after[key]["articles"])
    # and equal to loading the changed article from scratch
    neo4j_store._write("MATCH (n) DETACH DELETE n")
    neo4j_store.upsert(article_rows(DOC_A))
    neo4j_store.upsert(article_rows(DOC_B, variant=1))
    assert dump(neo4j_store) == after


def test_remove_articles_keeps_shared_facts(neo4j_store):
    neo4j_store.upsert(article_rows(DOC_A))
    neo4j_store.upsert(article_rows(DOC_B))
    neo4j_store.remove_articles([DOC_B])
    directive = neo4j_store.query("MATCH (d:Directive) RETURN d.articles AS a, d.evidence AS e")
    assert directive == [{"a": [DOC_A], "e": [e for e in directive[0]["e"] if e.startswith(DOC_A + "|")]}]
    assert len(directive[0]["e"]) == 1
    assert neo4j_store.counts()["Article"] == 1 and neo4j_store.counts()["Inspection"] == 0
    assert neo4j_store.query("MATCH (s:_Support) RETURN s.doc_id AS d") == [{"d": DOC_A}]


class _Dropped(Exception):
    pass


def test_interrupted_load_then_reload_is_consistent(neo4j_server, neo4j_store):
    neo4j_store.upsert(article_rows(DOC_A))
    neo4j_store.upsert(article_rows(DOC_B))
    expected = dump(neo4j_store)
    # count the write transactions of the reload, so the cuts cover every phase
    counter = Neo4jStore(neo4j_server, batch_size=2, ensure_schema=False)
    real_many, seen = counter._write_many, []
    counter._write_many = lambda st, **kw: seen.append(1) or real_many(st, **kw)  # type: ignore[method-assign]
    counter.upsert(article_rows(DOC_B, variant=1))
    counter.close()
    expected_changed = dump(neo4j_store)
    neo4j_store.upsert(article_rows(DOC_B))
    assert len(seen) >= 8
    for cut in range(len(seen)):  # the connection drops after `cut` write transactions of the reload
        store = Neo4jStore(neo4j_server, batch_size=2, ensure_schema=False)
        calls = {"n": 0}
        real_write = store._write_many

        def flaky(statements, splittable=False, _store=store, _calls=calls, _real=real_write, _cut=cut):
            if _calls["n"] == _cut:  # mid-transaction: one statement ran, then the driver is gone
                session = _store._driver.session(database=_store.database)
                tx = session.begin_transaction()
                tx.run(statements[0][0], **statements[0][1]).consume()
                _store._driver.close()
                raise _Dropped()
            _calls["n"] += 1
            return _real(statements, splittable=splittable)

        store._write_many = flaky  # type: ignore[method-assign]
        with pytest.raises(_Dropped):
            store.upsert(article_rows(DOC_B, variant=1))
        with Neo4jStore(neo4j_server, ensure_schema=False) as fresh:
            fresh.upsert(article_rows(DOC_B, variant=1))
            assert dump(fresh) == expected_changed, f"cut after {cut} transactions"
            fresh.upsert(article_rows(DOC_B))
            assert dump(fresh) == expected


def test_wrong_password_exits_3_without_leaking(neo4j_server, tmp_path, capsys):
    rows_dir = tmp_path / "rows"
    rows_dir.mkdir()
    write_rows(article_rows(DOC_A), rows_dir / "0001.jsonl")
    secret = "-not-the-password-7f3a"  # a leading "-" must still read as the value
    code = cli_main(["load", "--workspace", str(tmp_path), "--neo4j-uri", neo4j_server.uri,
                     "--neo4j-password", secret])
    out = capsys.readouterr()
    assert code == 3
    assert "credentials" in out.err and secret not in out.err + out.out
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore(Neo4jSettings(neo4j_server.uri, "neo4j", secret, None))
    assert secret not in str(info.value) and secret not in repr(info.value)


def test_unreachable_exits_3(tmp_path, capsys):
    (tmp_path / "rows").mkdir()
    write_rows(article_rows(DOC_A), tmp_path / "rows" / "0001.jsonl")
    code = cli_main(["load", "--workspace", str(tmp_path), "--neo4j-uri", "bolt://127.0.0.1:9",
                     "--neo4j-password", "pw-secret-1"])
    err = capsys.readouterr().err
    assert code == 3 and "unreachable" in err and "pw-secret-1" not in err


def test_load_command_loads_rows_files(neo4j_server, neo4j_store, tmp_path, capsys, monkeypatch):
    (tmp_path / "rows").mkdir()
    write_rows(article_rows(DOC_A), tmp_path / "rows" / "0001.jsonl")
    write_rows(article_rows(DOC_B), tmp_path / "rows" / "0002.jsonl")
    args = ["load", "--workspace", str(tmp_path), "--neo4j-uri", neo4j_server.uri,
            "--neo4j-password", neo4j_server.password]
    assert cli_main(args) == 0
    out = capsys.readouterr().out
    assert "nodes: 11 created, 0 updated" in out and "relationships: 14 created" in out
    assert cli_main(args) == 0
    assert "nodes: 0 created, 11 updated, 0 removed" in capsys.readouterr().out
    assert neo4j_store.counts()["Article"] == 2
    # no flags: the workspace's local server (its uri and password files) is found
    local = tmp_path / "neo4j"
    local.mkdir()
    (local / "uri").write_text(neo4j_server.uri + "\n")
    (local / "password").write_text(neo4j_server.password + "\n")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert cli_main(["load", "--workspace", str(tmp_path)]) == 0
    assert "nodes: 0 created" in capsys.readouterr().out


def test_load_reports_bad_lines_loads_the_rest_and_exits_1(neo4j_server, neo4j_store, tmp_path, capsys):
    write_rows(article_rows(DOC_A), tmp_path / "rows" / "0001.jsonl")
    bad = tmp_path / "rows" / "0002.jsonl"
    write_rows(article_rows(DOC_B), bad)
    lines = bad.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*lines[:3], "not json", *lines[3:]]) + "\n", encoding="utf-8")
    code = cli_main(["load", "--workspace", str(tmp_path), "--neo4j-uri", neo4j_server.uri,
                     "--neo4j-password", neo4j_server.password])
    err = capsys.readouterr().err
    assert code == 1 and f"bad rows line: {bad}:4: not JSON" in err and "1 line(s)" in err
    assert neo4j_store.counts()["Article"] == 2 and neo4j_store.counts()["Inspection"] == 1


def test_read_console_refuses_writes(neo4j_store, monkeypatch):
    neo4j_store.upsert(article_rows(DOC_A))
    for cypher in ["CREATE (n:Person {id: 'x'})", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1",
                   "LOAD CSV FROM 'file:///x' AS l RETURN l", "CALL dbms.security.createUser('u', 'p')",
                   "match (n) foreach (x in [1] | remove n.name)"]:
        with pytest.raises(ReadOnlyViolation, match="read-only"):
            neo4j_store.run_read(cypher)
    # past the keyword scan, the READ transaction still refuses
    monkeypatch.setattr("graph_loader.stores.neo4j_store.write_keyword", lambda _c: None)
    with pytest.raises(ReadOnlyViolation):
        neo4j_store.run_read("CREATE (n:Person {id: 'sneaky'})")
    assert neo4j_store.query("MATCH (n:Person {id: 'sneaky'}) RETURN n") == []


def test_read_console_reads_and_caps(neo4j_store):
    neo4j_store.upsert(article_rows(DOC_A))
    res = neo4j_store.run_read("MATCH (n) WHERE NOT n:_Support RETURN n.id AS id, 'CREATE' AS word", limit=3)
    assert res.columns == ["id", "word"] and len(res.rows) == 3 and res.truncated
    res = neo4j_store.run_read("MATCH (r:Region) RETURN r ORDER BY r.name", {})
    assert not res.truncated and {row["r"]["name"] for row in res.rows} == {"甲乙省", f"丙丁县{DOC_A}"}


def test_read_console_times_out(neo4j_store):
    with pytest.raises(TimeoutError, match="longer than 0.5 s"):
        neo4j_store.run_read("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)",
                             timeout_s=0.5)


def test_write_keyword_scan_ignores_strings_and_comments():
    assert write_keyword("MATCH (n) WHERE n.name = 'CREATE SET' RETURN n // DELETE") is None
    assert write_keyword("MATCH (n:Person) RETURN n.created_at, n.settings") is None
    assert write_keyword("match (n) detach delete n") == "DETACH"
    assert write_keyword("CALL apoc.create.node(['X'], {})") == "CALL APOC"
    assert write_keyword("UNWIND [1] AS x CALL { CREATE () } IN TRANSACTIONS") == "CREATE"


def test_rows_files_round_trip(tmp_path):
    (tmp_path / "rows").mkdir()
    a, b = article_rows(DOC_A), article_rows(DOC_B)
    write_rows(a, tmp_path / "rows" / "0001.jsonl")
    with open(tmp_path / "rows" / "0002.jsonl", "w", encoding="utf-8") as f:  # two batches in one file
        for rows in (b, GraphRows(doc_ids=["gone"])):
            f.write(json.dumps({"kind": "batch", "doc_ids": rows.doc_ids}) + "\n")
            for n in rows.nodes:
                f.write(json.dumps({"kind": "node", **n.__dict__}, ensure_ascii=False) + "\n")
    batches = list(iter_workspace_batches(tmp_path))
    assert [x.doc_ids for x in batches] == [[DOC_A], [DOC_B], ["gone"]]
    assert batches[0].nodes == a.nodes and batches[0].rels == a.rels
    assert batches[1].nodes == b.nodes and batches[1].rels == [] and batches[2].nodes == []


def test_grouped_batches_join_consecutive_articles():
    batches = [GraphRows(doc_ids=[f"d{i}"], nodes=[NodeRow(id=f"n{i}", label="Person")]) for i in range(5)]
    groups = list(grouped_batches(batches, max_docs=2))
    assert [g.doc_ids for g in groups] == [["d0", "d1"], ["d2", "d3"], ["d4"]]
    assert [n.id for n in groups[1].nodes] == ["n2", "n3"]


def test_settings_never_show_the_password():
    s = Neo4jSettings("bolt://h:7687", "neo4j", "s3cret-pw", None)
    assert "s3cret-pw" not in repr(s) and "s3cret-pw" not in str(s)
    with pytest.raises(StoreUnavailable, match="no Neo4j URI"):
        Neo4jStore(Neo4jSettings(None, "neo4j", "s3cret-pw", None))


def test_one_store_unavailable_class_and_server_loss_maps_to_it():
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from graph_loader.stores import errors

    assert StoreUnavailable is errors.StoreUnavailable  # re-exported, not a second class
    store = Neo4jStore.__new__(Neo4jStore)  # no server needed: only the error mapping
    store.settings = Neo4jSettings("bolt://127.0.0.1:9", "neo4j", "s3cret-pw", None)
    for exc in (ServiceUnavailable("gone"), SessionExpired("gone"), AuthError("no")):
        with pytest.raises(StoreUnavailable) as info, store._unavailable_as_error():
            raise exc
        assert "s3cret-pw" not in str(info.value)
    with pytest.raises(ValueError), store._unavailable_as_error():
        raise ValueError("a query error stays what it is")


def test_schema_has_text_and_range_indexes_for_the_catalogue(neo4j_store):
    from graph_loader.stores.neo4j_store import RANGE_INDEXED, TEXT_INDEXED

    rows = neo4j_store.query("SHOW INDEXES YIELD type, labelsOrTypes, properties, state "
                             "RETURN type, labelsOrTypes[0] AS label, properties[0] AS prop, state")
    have = {(r["type"], r["label"], r["prop"]) for r in rows}
    assert {("TEXT", lab, prop) for lab, prop in TEXT_INDEXED} <= have
    assert {("RANGE", lab, prop) for lab, prop in RANGE_INDEXED} <= have
    assert all(r["state"] == "ONLINE" for r in rows)
    with neo4j_store._session(read=True) as session:
        summary = session.run("EXPLAIN MATCH (n:Person) WHERE n.name CONTAINS $q RETURN n.id", q="x").consume()
    ops = str(summary.plan)
    assert "NodeIndexContainsScan" in ops, ops
