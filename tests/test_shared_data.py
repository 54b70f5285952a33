"""The shared material is found relative to the repository (`../shared`), and under CI a missing
piece fails the tests that need it instead of skipping them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.shared_data import ROOT, SHARED

# an absolute path into the machine's folders (/work/..., /home/..., /tmp/...) as a string literal
ABSOLUTE = re.compile(r"""["'](/(?:work|home|root|tmp|mnt)/[^"']*)["']""")


def test_shared_is_the_folder_next_to_the_repository() -> None:
    assert SHARED == ROOT.parent / "shared"


def test_no_test_or_benchmark_reads_an_absolute_path() -> None:
    found = [f"{p.relative_to(ROOT)}: {m.group(1)}" for folder in ("tests", "bench")
             for p in (ROOT / folder).glob("*.py") for m in ABSOLUTE.finditer(p.read_text(encoding="utf-8"))]
    assert not found, found


def _run_seed_tests(repo: Path, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_extract_lex_seeds.py", "-k", "regions"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_without_shared_the_seed_tests_skip_and_under_ci_fail(tmp_path: Path) -> None:
    repo = tmp_path / "checkout"  # a checkout with no ../shared beside it
    shutil.copytree(ROOT / "tests", repo / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data" / "corpus", repo / "data" / "corpus")
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    assert not (tmp_path / "shared").exists()

    here = _run_seed_tests(repo, ci=False)
    assert here.returncode == 0 and "skipped" in here.stdout and "failed" not in here.stdout, here.stdout[-2000:]

    ci = _run_seed_tests(repo, ci=True)
    tail = ci.stdout.strip().splitlines()[-1]
    assert ci.returncode == 1 and re.search(r"\d+ (failed|errors?)", tail) and "skipped" not in tail, ci.stdout[-2000:]
    assert "CI=true requires it" in ci.stdout
