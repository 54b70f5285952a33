"""The house is layered: no module imports a layer above its own (function-level imports included).

ingest < extract < graph < stores < build < queries < cli | app: a stage may import those below it.
Named exceptions are the calls a writer makes into the catalogue (`build` refreshes Neo4j's stored
`sectors` answers after writing; the `load` command does the same from the CLI layer).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package (path prefix, as a module name) -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "graph_loader.ingest": ("graph_loader.extract", "graph_loader.graph", "graph_loader.stores",
                            "graph_loader.build", "queries", "graph_loader.cli", "app_pages", "app"),
    "graph_loader.extract": ("graph_loader.graph", "graph_loader.stores", "graph_loader.build", "queries",
                             "graph_loader.cli", "app_pages", "app"),
    "graph_loader.graph": ("graph_loader.stores", "graph_loader.build", "queries", "graph_loader.cli",
                           "app_pages", "app"),
    "graph_loader.stores": ("graph_loader.extract", "graph_loader.build", "queries", "graph_loader.cli",
                            "app_pages", "app"),
    "graph_loader.build": ("graph_loader.cli", "app_pages", "app"),
    "queries": ("graph_loader.extract", "graph_loader.ingest", "graph_loader.build", "graph_loader.cli",
                "app_pages", "app"),
    "graph_loader.cli": ("app_pages", "app"),
    "app_pages": ("graph_loader.cli",),
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[:len(package) - node.level + 1], *([base] if base else [])])
            found += [(node.lineno, base)] + [(node.lineno, f"{base}.{a.name}") for a in node.names]
    return found


def _owner(module: str) -> str | None:
    matches = [p for p in FORBIDDEN if module == p or module.startswith(p + ".")]
    return max(matches, key=len) if matches else None


def _violations(files: list[Path]) -> list[str]:
    out = []
    for path in files:
        owner = _owner(_module(path))
        if owner is None:
            continue
        for line, imported in _imports(path):
            for banned in FORBIDDEN[owner]:
                if imported == banned or imported.startswith(banned + "."):
                    out.append(f"{path.relative_to(ROOT)}:{line}: {owner} imports {imported}")
    return sorted(set(out))


SOURCES = sorted([*(ROOT / "graph_loader").rglob("*.py"), *(ROOT / "queries").rglob("*.py"),
                  *(ROOT / "app_pages").rglob("*.py")])


def test_no_upward_imports() -> None:
    assert SOURCES and _violations(SOURCES) == []


def test_the_check_sees_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_root = tmp_path
    bad = fake_root / "graph_loader" / "stores" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("def f():\n    from queries.sectors import refresh_summaries\n    from ..cli import main\n")
    ok = fake_root / "graph_loader" / "stores" / "ok.py"
    ok.write_text("from graph_loader.graph.schema import GraphRows\nfrom . import base\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", fake_root)
    assert _violations([bad, ok]) == [
        "graph_loader/stores/bad.py:2: graph_loader.stores imports queries.sectors",
        "graph_loader/stores/bad.py:2: graph_loader.stores imports queries.sectors.refresh_summaries",
        "graph_loader/stores/bad.py:3: graph_loader.stores imports graph_loader.cli",
        "graph_loader/stores/bad.py:3: graph_loader.stores imports graph_loader.cli.main",
    ]
