"""The read-only Cypher console (queries.console.run_console → Neo4jStore.run_read): writes and admin
procedures are refused in every spelling, long queries are stopped, results are capped."""

from __future__ import annotations

from typing import Any

import pytest

from graph_loader.stores.neo4j_store import ReadOnlyViolation, write_keyword
from queries.console import ConsoleNeedsNeo4j, run_console

REFUSED = [
    "CREATE (n:Evil) RETURN n",
    "create (n:Evil)",
    "CrEaTe (n:Evil)",
    "MERGE (n:Evil {id: 1})",
    "MATCH (n) SET n.pwned = true",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) REMOVE n.name",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = x)",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load\n  csv from 'http://example.org/x.csv' as l return l",
    "LOAD/* hidden */CSV FROM 'file:///x' AS l RETURN l",
    "CALL dbms.security.createUser('eve', 'pw', false)",
    "call dbms.killQueries(['query-1'])",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'off')",
    "CALL db.createLabel('Evil')",
    "CALL db.index.fulltext.drop('names')",
    "CALL db.clearQueryCaches()",
    "CALL apoc.create.node(['Evil'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {batchSize: 100})",
    "CALL apoc.cypher.runWrite('CREATE (n)', {})",
    "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "MATCH (n) CALL { WITH n RETURN n.id AS x } IN TRANSACTIONS RETURN x",
    "// a comment\nCREATE (n)",
    "MATCH (n) RETURN n // harmless\n; CREATE (m)",
    "RETURN 1 /* */ UNION CALL { CREATE (x) RETURN 1 AS y } RETURN y",
    "DROP INDEX names",
    "DROP CONSTRAINT person_id",
    "CREATE INDEX evil FOR (n:Person) ON (n.evil)",
    "ALTER USER neo4j SET PASSWORD 'x'",
    "GRANT ROLE admin TO eve",
    "STOP DATABASE neo4j",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "MATCH (n) WITH n RENAME ROLE a TO b",
]

ALLOWED = [
    "RETURN 'CREATE (n)' AS text",
    "RETURN \"DETACH DELETE\" AS text",
    "MATCH (n:Person) WHERE n.name CONTAINS 'SET' RETURN count(n) AS c",
    "RETURN 1 AS one // CREATE (n) in a comment",
    "RETURN 1 AS `DELETE`",
]


@pytest.mark.parametrize("cypher", REFUSED)
def test_the_keyword_guard_finds_the_write(cypher: str) -> None:
    assert write_keyword(cypher), cypher


@pytest.mark.parametrize("cypher", ALLOWED)
def test_the_guard_ignores_words_in_strings_comments_and_names(cypher: str) -> None:
    assert write_keyword(cypher) is None


def test_the_console_needs_neo4j() -> None:
    from graph_loader.stores.embedded import EmbeddedStore

    with pytest.raises(ConsoleNeedsNeo4j):
        run_console(EmbeddedStore(), "RETURN 1")


@pytest.fixture
def loaded(neo4j_store: Any) -> Any:
    from tests.graph_fixtures import build_fixture

    for rows in build_fixture():
        neo4j_store.upsert(rows)
    return neo4j_store


def _total(store: Any) -> tuple[int, int, int]:
    rows = store.query("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r, "
                       "sum(CASE WHEN n:Evil OR n.pwned IS NOT NULL THEN 1 ELSE 0 END) AS evil")
    return rows[0]["n"], rows[0]["r"], rows[0]["evil"]


@pytest.mark.neo4j
def test_every_refused_query_leaves_the_graph_alone(loaded: Any) -> None:
    before = _total(loaded)
    assert before[0] > 0
    for cypher in REFUSED:
        with pytest.raises(ReadOnlyViolation):
            run_console(loaded, cypher)
    assert _total(loaded) == before
    assert loaded.query("SHOW USERS YIELD user RETURN collect(user) AS u")[0]["u"] == ["neo4j"]


@pytest.mark.neo4j
def test_a_write_past_the_keyword_scan_is_stopped_by_the_read_transaction(loaded: Any,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import graph_loader.stores.neo4j_store as module

    monkeypatch.setattr(module, "write_keyword", lambda cypher: None)  # pretend the scan missed it
    before = _total(loaded)
    for cypher in ("CREATE (n:Evil) RETURN n", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.pwned = 1 RETURN n"):
        with pytest.raises(ReadOnlyViolation):
            run_console(loaded, cypher)
    assert _total(loaded) == before


@pytest.mark.neo4j
def test_allowed_reads_run(loaded: Any) -> None:
    for cypher in ALLOWED:
        run_console(loaded, cypher)


@pytest.mark.neo4j
def test_a_long_query_is_stopped_at_the_timeout(loaded: Any) -> None:
    with pytest.raises(TimeoutError):
        run_console(loaded, "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS c",
                    timeout_s=1.0)
    assert run_console(loaded, "RETURN 1 AS one").rows == [{"one": 1}]  # the server is still fine


@pytest.mark.neo4j
def test_results_are_capped(loaded: Any) -> None:
    res = run_console(loaded, "UNWIND range(1, 50000) AS x RETURN x", limit=1000)
    assert res.truncated and len(res.rows) == 1000 and res.columns == ["x"]
    res = run_console(loaded, "UNWIND range(1, 10) AS x RETURN x", limit=1000)
    assert not res.truncated and len(res.rows) == 10
