"""docker-compose.yml, .env.example and the Dockerfile wire Neo4j and the app together correctly."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_image_and_ports():
    spec = compose()
    assert set(spec["services"]) == {"neo4j", "app"}
    neo4j, app = spec["services"]["neo4j"], spec["services"]["app"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert any(p.endswith("7687:7687") for p in neo4j["ports"])
    assert any(p.endswith("7474:7474") for p in neo4j["ports"])
    assert any(p.endswith("8501:8501") for p in app["ports"])


def test_named_volume_and_healthcheck():
    spec = compose()
    neo4j = spec["services"]["neo4j"]
    data_volume = next(v.split(":")[0] for v in neo4j["volumes"] if v.endswith(":/data"))
    assert data_volume in spec["volumes"]
    test = " ".join(neo4j["healthcheck"]["test"])
    assert "cypher-shell" in test and "RETURN 1" in test
    assert spec["services"]["app"]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_auth_and_env_wiring_come_from_env_file():
    spec = compose()
    neo4j_env = spec["services"]["neo4j"]["environment"]
    app_env = spec["services"]["app"]["environment"]
    assert neo4j_env["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD")
    assert app_env["NEO4J_PASSWORD"].startswith("${NEO4J_PASSWORD")
    assert app_env["NEO4J_URI"] == "bolt://neo4j:7687" and app_env["NEO4J_USER"] == "neo4j"
    assert spec["services"]["app"]["build"] == "."
    # the committed example holds a placeholder only, and the real .env is ignored by git
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
                   if line and not line.startswith("#"))
    assert example["NEO4J_PASSWORD"] == "change-me-please"
    assert re.search(r"^\.env$", (ROOT / ".gitignore").read_text(), re.M)


def test_dockerfile_installs_and_runs_the_app():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "pip install ." in text
    cmd = next(line for line in text.splitlines() if line.startswith("CMD"))
    assert '"streamlit", "run", "app.py"' in cmd
    for path in re.findall(r"^COPY (.+) \S+$", text, re.M):  # everything it copies exists
        for part in path.split():
            assert (ROOT / part).exists(), part
