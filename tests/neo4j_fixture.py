"""Pytest plugin: one real local Neo4j per test session, started by the same launcher as `safetykg neo4j start`.

Without Java/Maven (or if the server will not start) the Neo4j tests are skipped with the reason;
with SAFETYKG_REQUIRE_NEO4J=1 (CI) that is a failure instead. SAFETYKG_TEST_NEO4J_WORKSPACE reuses a
server that is already running (e.g. `make neo4j`) and leaves it running; the tests empty its database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_loader.config import Neo4jSettings


def _unavailable(reason: str) -> None:
    if os.environ.get("SAFETYKG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"Neo4j required (SAFETYKG_REQUIRE_NEO4J=1) but unavailable: {reason}", pytrace=False)
    pytest.skip(f"no local Neo4j: {reason}")


@pytest.fixture(scope="session")
def neo4j_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("SAFETYKG_TEST_NEO4J_WORKSPACE")
    return Path(given).resolve() if given else tmp_path_factory.mktemp("neo4j-ws")


@pytest.fixture(scope="session")
def neo4j_server(neo4j_workspace: Path) -> Iterator[Neo4jSettings]:
    """Settings (URI, user, password) of a running local Neo4j 5.26."""
    from graph_loader.stores import neo4j_server as server

    missing = server.missing_tools()
    reused = server.status(neo4j_workspace).running
    if missing and not reused:
        _unavailable(f"needs {', '.join(missing)} on PATH")
    try:
        settings = server.start(neo4j_workspace, quiet=True)
    except server.LauncherError as e:
        _unavailable(str(e).splitlines()[0])
    try:
        yield settings
    finally:
        if not reused and not os.environ.get("SAFETYKG_TEST_NEO4J_WORKSPACE"):
            server.stop(neo4j_workspace)


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jSettings):
    """A Neo4jStore on an emptied database (the schema is kept)."""
    from graph_loader.stores.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_server, batch_size=50)
    store._write("MATCH (n) DETACH DELETE n")  # test graphs are small
    try:
        yield store
    finally:
        store.close()
