"""Neo4j going away: mid-load (the loader says so, exits 3, and a second run completes to the same
graph as an uninterrupted load) and while the app is open (a message, then it works again when the
server is back, without restarting the app).

These tests start a Neo4j of their OWN (graph_loader.stores.neo4j_server on a private workspace),
never the shared session server, since they stop it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph_loader.config import neo4j_settings

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 150


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run([sys.executable, "-m", "graph_loader.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def fault_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A workspace built (embedded) from generated articles, with its own running Neo4j."""
    from graph_loader.stores import neo4j_server as server

    if server.missing_tools():
        reason = f"needs {', '.join(server.missing_tools())}"
        if os.environ.get("SAFETYKG_REQUIRE_NEO4J") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("faults-neo4j")
    ws = root / "ws"
    assert _cli("generate", "--count", str(ARTICLES), "--seed", "11", "--out", str(root / "gen")).returncode == 0
    done = _cli("build", str(root / "gen" / "texts"), "--workspace", str(ws), "--no-shacl", "--quiet")
    assert done.returncode == 0, done.stderr[-2000:]
    try:
        server.start(ws, quiet=True)
    except server.LauncherError as e:
        if os.environ.get("SAFETYKG_REQUIRE_NEO4J") == "1":
            pytest.fail(str(e))
        pytest.skip(str(e).splitlines()[0])
    try:
        yield ws
    finally:
        server.stop(ws)


def _store(ws: Path) -> Any:
    from graph_loader.stores.neo4j_store import Neo4jStore

    return Neo4jStore(neo4j_settings(workspace=ws), ensure_schema=False)


def snapshot(ws: Path) -> tuple[list[str], list[str]]:
    """Every node (labels, properties) and relationship (type, ends, properties), canonical JSON, sorted."""
    with _store(ws) as store:
        nodes = store.query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
        rels = store.query("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p")
    dump = lambda rows: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in rows)  # noqa: E731
    return dump(nodes), dump(rels)


def _supports(ws: Path) -> int:
    try:
        with _store(ws) as store:
            return store.query("MATCH (s:_Support) RETURN count(s) AS c")[0]["c"]
    except Exception:  # noqa: BLE001 - not up yet
        return 0


def test_neo4j_stopped_mid_load_exits_3_and_a_rerun_matches_an_uninterrupted_load(fault_ws: Path) -> None:
    from graph_loader.stores import neo4j_server as server

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    # small batches: many transactions, so the stop lands mid-load even on a fast or idle machine
    proc = subprocess.Popen([sys.executable, "-m", "graph_loader.cli", "load", "--workspace", str(fault_ws),
                             "--batch-size", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _supports(fault_ws) < 3:
        time.sleep(0.05)
    assert proc.poll() is None, "the load finished before Neo4j could be stopped; make it longer"
    loaded_before_stop = _supports(fault_ws)
    server.stop(fault_ws)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, (proc.returncode, out, err[-2000:])
    assert "error:" in err and "Traceback" not in err, err[-2000:]
    assert 0 < loaded_before_stop < ARTICLES

    server.start(fault_ws, quiet=True)
    assert _supports(fault_ws) < ARTICLES  # the graph really is incomplete
    done = _cli("load", "--workspace", str(fault_ws), "--batch-size", "20")
    assert done.returncode == 0, done.stderr[-2000:]
    resumed = snapshot(fault_ws)

    with _store(fault_ws) as store:
        store._write("MATCH (n) DETACH DELETE n")
    done = _cli("load", "--workspace", str(fault_ws))
    assert done.returncode == 0, done.stderr[-2000:]
    uninterrupted = snapshot(fault_ws)
    assert len(resumed[0]) > ARTICLES and resumed[1]
    assert resumed == uninterrupted

    from graph_loader.stores.embedded import EmbeddedStore

    with _store(fault_ws) as store:
        assert dict(store.counts()) == dict(EmbeddedStore.open(fault_ws).counts())


def test_the_app_shows_a_message_while_neo4j_is_down_and_recovers(fault_ws: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from graph_loader.stores import neo4j_server as server

    if not server.status(fault_ws).running:
        server.start(fault_ws, quiet=True)
    if _supports(fault_ws) < ARTICLES:
        assert _cli("load", "--workspace", str(fault_ws)).returncode == 0
    for key in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SAFETYKG_WORKSPACE", str(fault_ws))
    password = (fault_ws / "neo4j" / "password").read_text().strip()

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["page"] = "overview"
    at.session_state["store_kind"] = "neo4j"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric and any(m.value not in ("0", "") for m in at.metric)

    server.stop(fault_ws)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error, "no message while Neo4j is down"
    shown = " ".join(str(e.value) for e in at.error)
    assert "Traceback" not in shown and password not in shown

    server.start(fault_ws, quiet=True)  # on a new port: the app finds it through the workspace
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric and any(m.value not in ("0", "") for m in at.metric)
