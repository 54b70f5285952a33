"""Shared test setup: the real-Neo4j fixture lives in tests/neo4j_fixture.py."""

from pathlib import Path

pytest_plugins = ["tests.neo4j_fixture"] if (Path(__file__).parent / "neo4j_fixture.py").exists() else []
