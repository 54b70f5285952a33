"""Flags several commands share, and the settings they give."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph_loader.config import Neo4jSettings, neo4j_settings, workspace_dir

# Flags whose value is free text a user does not choose the shape of (a generated password may
# begin with "-"); argparse would read such a value as another flag, so `--flag VALUE` is joined
# into `--flag=VALUE` before parsing.
VERBATIM_VALUE_FLAGS = ("--neo4j-password",)


def join_verbatim_values(argv: list[str]) -> list[str]:
    """`--neo4j-password -x9` -> `--neo4j-password=-x9`; everything else unchanged."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] in VERBATIM_VALUE_FLAGS and i + 1 < len(argv):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def neo4j_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--neo4j-uri", help="Bolt URI (else $NEO4J_URI, else the local server of the workspace)")
    p.add_argument("--neo4j-user", help="else $NEO4J_USER, else neo4j")
    p.add_argument("--neo4j-password", help="else $NEO4J_PASSWORD")
    p.add_argument("--neo4j-database", help="else $NEO4J_DATABASE, else the server default")


def workspace_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", help="else $SAFETYKG_WORKSPACE, else ./.safetykg")


def workspace(args: argparse.Namespace) -> Path:
    """The workspace the flags name (else $SAFETYKG_WORKSPACE, else ./.safetykg)."""
    return workspace_dir(getattr(args, "workspace", None))


def settings(args: argparse.Namespace) -> Neo4jSettings:
    """Neo4j settings from the --neo4j-* flags, else NEO4J_* variables, else the workspace's local server."""
    return neo4j_settings(uri=getattr(args, "neo4j_uri", None), user=getattr(args, "neo4j_user", None),
                          password=getattr(args, "neo4j_password", None),
                          database=getattr(args, "neo4j_database", None), workspace=workspace(args))
