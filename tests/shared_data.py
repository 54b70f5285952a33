"""The shared material next to the repository (`../shared`: the seed gold, the scorer, the real corpus).

Found relative to the repository root, never at an absolute path. A test that needs a piece of it
that is missing skips with the reason on a developer's machine; under CI (`CI=true`) that is a
failure, so a CI run never passes by skipping the gold comparisons.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def shared_path(*parts: str) -> Path:
    """`../shared/<parts>`; skips the calling test when absent (fails it under CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"shared material missing: {path} (expected next to the repository as ../shared)"
        if in_ci():
            pytest.fail(f"{reason}; CI=true requires it", pytrace=False)
        pytest.skip(reason)
    return path
