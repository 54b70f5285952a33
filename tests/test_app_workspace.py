"""The sample-corpus workspace the app tests run on (built once per session), plus an article
with markup in it, so the Sources page can be checked for escaping."""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
HOSTILE_NAME = "hostile_markup.txt"
# a province meeting relayed by a prefecture and a county, none of them dated
UNDATED = Path(__file__).resolve().parent / "data" / "undated_relays.txt"
# An ordinary-looking report whose text carries markup that must never run in the page.
HOSTILE_TEXT = (
    "6月3日，某县召开安全生产工作会议。<script>window.__skg_xss = 1;</script>"
    "县长主持会议并讲话。<img src=x onerror=\"window.__skg_xss = 2\">会议要求压实安全生产责任。\n"
)


def _missing_pipeline() -> str | None:
    for mod in ("graph_loader.build", "graph_loader.stores.embedded", "queries.registry",
                "graph_loader.graph.batch", "graph_loader.extract.pipeline"):
        try:
            __import__(mod)
        except ImportError as e:
            return f"pipeline not complete yet: {mod} ({e})"
    return None


@functools.cache
def app_workspace() -> Path:
    """Build data/corpus + the hostile article + a made-up chain of undated relays into a fresh workspace
    (once per test session)."""
    from graph_loader.build import build_paths

    ws = Path(tempfile.mkdtemp(prefix="skg-app-ws-"))
    extra = ws.parent / f"{ws.name}-input"
    extra.mkdir()
    (extra / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    report = build_paths([*sorted(CORPUS.glob("*")), extra / HOSTILE_NAME, UNDATED], ws, "embedded", shacl=False)
    assert not report.rejected, [f.reason for f in report.rejected]
    return ws


def hostile_doc_id(ws: Path) -> str:
    for p in sorted((ws / "docs").glob("*.json")):
        if "<script>" in json.loads(p.read_text(encoding="utf-8"))["original"]:
            return p.stem
    raise AssertionError("the hostile article was not built")


@pytest.fixture(scope="session")
def built_workspace() -> Path:
    reason = _missing_pipeline()
    if reason:
        pytest.skip(reason)
    ws = app_workspace()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SAFETYKG_WORKSPACE", str(ws))
        yield ws


def test_workspace_holds_the_corpus_and_the_hostile_article(built_workspace: Path) -> None:
    docs = sorted(p.stem for p in (built_workspace / "docs").glob("*.json"))
    assert len(docs) == len(list(CORPUS.glob("*"))) + 2
    assert hostile_doc_id(built_workspace) in docs
