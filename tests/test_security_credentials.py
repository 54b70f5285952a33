"""Credentials never show: not in reprs, not in the message of a refused login (library or CLI),
not in the output of a build against Neo4j, not in any file of that workspace or its exports."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph_loader.config import Neo4jSettings, neo4j_settings

ROOT = Path(__file__).resolve().parent.parent
WRONG = "wrong-Secret-7f3a9c"


def test_settings_repr_and_str_hide_the_password() -> None:
    s = Neo4jSettings(uri="bolt://127.0.0.1:7687", user="neo4j", password=WRONG, database=None)
    assert WRONG not in repr(s) and WRONG not in str(s) and WRONG not in f"{s}" and WRONG not in repr([s])


def test_settings_from_environment_hide_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", WRONG)
    assert WRONG not in repr(neo4j_settings(uri="bolt://x:1"))


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph_loader.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.mark.neo4j
def test_a_wrong_password_is_refused_without_showing_it(neo4j_server: Neo4jSettings, tmp_path: Path) -> None:
    from graph_loader.stores.neo4j_store import Neo4jStore, StoreUnavailable

    bad = Neo4jSettings(uri=neo4j_server.uri, user="neo4j", password=WRONG, database=None)
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore(bad)
    assert WRONG not in str(info.value) and "credentials" in str(info.value)
    assert WRONG not in repr(info.value) and info.value.__cause__ is None and info.value.__suppress_context__
    done = _cli("query", "search", "--param", "text=安全", "--store", "neo4j", "--workspace", str(tmp_path),
                "--neo4j-uri", neo4j_server.uri, env={"NEO4J_PASSWORD": WRONG})
    assert done.returncode == 3, done.stderr
    assert WRONG not in done.stdout + done.stderr and "Traceback" not in done.stderr
    time.sleep(6)  # Neo4j locks the user for 5 s after repeated failures; let the other tests log in


@pytest.mark.neo4j
def test_a_workspace_built_against_neo4j_keeps_no_secret(neo4j_server: Neo4jSettings, tmp_path: Path) -> None:
    secret = neo4j_server.password
    assert secret and len(secret) >= 8
    ws = tmp_path / "ws"
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_PASSWORD": secret, "NEO4J_USER": neo4j_server.user}
    seed = str(ROOT / "data" / "corpus" / "001_9cb08e20f04e73bb.txt")
    done = _cli("build", seed, "--store", "neo4j", "--workspace", str(ws), "--no-shacl", env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    outputs = [done.stdout, done.stderr]
    for fmt in ("ttl", "jsonld", "graphml", "csv"):
        out = tmp_path / f"export.{fmt}"
        res = _cli("export", "--workspace", str(ws), "--format", fmt, "--out", str(out), env=env)
        assert res.returncode == 0, res.stderr[-2000:]
        outputs += [res.stdout, res.stderr]
    res = _cli("query", "search", "--param", "text=湖北", "--store", "neo4j", "--json", "--workspace", str(ws), env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    outputs += [res.stdout, res.stderr]
    assert not any(secret in o for o in outputs)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 5
    for p in files:
        assert secret.encode() not in p.read_bytes(), p
