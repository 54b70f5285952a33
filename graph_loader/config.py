"""Settings in one place: flags first, then environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def workspace_dir(flag: str | None = None) -> Path:
    """The workspace: --workspace, else $SAFETYKG_WORKSPACE, else ./.safetykg."""
    return Path(flag or os.environ.get("SAFETYKG_WORKSPACE") or ".safetykg").resolve()


@dataclass
class Neo4jSettings:
    uri: str | None
    user: str
    password: str | None
    database: str | None

    def __repr__(self) -> str:  # never show the password
        return f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, password=***, database={self.database!r})"

    __str__ = __repr__


def neo4j_settings(uri: str | None = None, user: str | None = None, password: str | None = None,
                   database: str | None = None, workspace: Path | None = None) -> Neo4jSettings:
    """Flags, then NEO4J_* variables, then a local server started by `safetykg neo4j start`."""
    uri = uri or os.environ.get("NEO4J_URI")
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    if workspace is not None:
        state = workspace / "neo4j" / "uri"
        local_uri = state.read_text().strip() if state.exists() else None
        uri = uri or local_uri or None
        # the local server's generated password, only for that server
        secret = workspace / "neo4j" / "password"
        if password is None and uri and uri == local_uri and secret.exists():
            password = secret.read_text().strip()
    return Neo4jSettings(
        uri=uri,
        user=user or os.environ.get("NEO4J_USER") or "neo4j",
        password=password,
        database=database or os.environ.get("NEO4J_DATABASE") or None,
    )
