"""The local Neo4j launcher: state files, status, the CLI, and settings found through the workspace."""

from __future__ import annotations

import stat

import pytest

from graph_loader.cli import main as cli_main
from graph_loader.config import neo4j_settings
from graph_loader.stores import neo4j_server as server


def test_status_of_an_empty_workspace(tmp_path, capsys):
    state = server.status(tmp_path)
    assert not state.running and state.uri is None
    assert cli_main(["neo4j", "status", "--workspace", str(tmp_path)]) == 3
    assert "not running" in capsys.readouterr().out
    assert cli_main(["neo4j", "stop", "--workspace", str(tmp_path)]) == 0


def test_stale_pid_is_not_running(tmp_path):
    sdir = tmp_path / "neo4j"
    sdir.mkdir()
    (sdir / "pid").write_text("999999999\n")
    (sdir / "uri").write_text("bolt://127.0.0.1:9\n")
    assert not server.status(tmp_path).running
    assert server.stop(tmp_path) is False and not (sdir / "pid").exists()


def test_settings_use_the_local_password_only_for_the_local_server(tmp_path, monkeypatch):
    for var in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    sdir = tmp_path / "neo4j"
    sdir.mkdir()
    (sdir / "uri").write_text("bolt://127.0.0.1:7777\n")
    (sdir / "password").write_text("local-pw\n")
    local = neo4j_settings(workspace=tmp_path)
    assert (local.uri, local.password) == ("bolt://127.0.0.1:7777", "local-pw")
    assert neo4j_settings(uri="neo4j+s://remote:7687", workspace=tmp_path).password is None
    assert neo4j_settings(password="given", workspace=tmp_path).password == "given"


def test_missing_neo4j_skips_or_fails_in_ci(monkeypatch):
    from tests.neo4j_fixture import _unavailable

    monkeypatch.delenv("SAFETYKG_REQUIRE_NEO4J", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs java"):
        _unavailable("needs java")
    monkeypatch.setenv("SAFETYKG_REQUIRE_NEO4J", "1")
    with pytest.raises(pytest.fail.Exception, match="SAFETYKG_REQUIRE_NEO4J=1"):
        _unavailable("needs java")


def test_missing_tools_are_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert server.missing_tools() == ["java", "javac", "jar", "mvn"]


@pytest.mark.neo4j
def test_running_server_state(neo4j_server, neo4j_workspace, capsys):
    state = server.status(neo4j_workspace)
    assert state.running and state.uri == neo4j_server.uri and state.uri.startswith("bolt://127.0.0.1:")
    password = neo4j_workspace / "neo4j" / "password"
    assert stat.S_IMODE(password.stat().st_mode) == 0o600
    assert neo4j_server.password == password.read_text().strip()
    # a second start finds the running server at once
    assert server.start(neo4j_workspace).uri == neo4j_server.uri
    assert cli_main(["neo4j", "status", "--workspace", str(neo4j_workspace)]) == 0
    assert neo4j_server.uri in capsys.readouterr().out
    assert neo4j_settings(workspace=neo4j_workspace).password == neo4j_server.password
