"""Extraction quality on a generated corpus: `safetykg extract DIR/texts --out OUT`, scored by gold/score.py."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

# the shared scorer next to the repository (../shared), unless SAFETYKG_SCORE_PY names another
SCORE_PY = Path(os.environ.get("SAFETYKG_SCORE_PY")
                or Path(__file__).resolve().parents[2] / "shared" / "gold" / "score.py")


def _scorer():
    if SCORE_PY.exists():
        spec = importlib.util.spec_from_file_location("gold_score", SCORE_PY)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return lambda gold, pred: mod.score(gold, pred)[0]
    from graph_loader.extract import scoring  # the project's copy of the same rules

    return lambda gold, pred: _project_score(scoring, gold, pred)


def _project_score(scoring, gold: Path, pred: Path) -> dict:
    import json

    preds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in pred.glob("*.json")}
    return scoring.score(scoring.read_gold(gold), preds)[0]


def quality(corpus: Path, out: Path, workers: int = 1) -> dict:
    """Per-dimension P/R/F1 and macro F1; the command that made the predictions is in `command`."""
    cmd = [sys.executable, "-m", "graph_loader.cli", "extract", str(corpus / "texts"), "--out", str(out),
           "--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        return {"error": proc.stderr[-2000:], "command": " ".join(cmd)}
    result = _scorer()(corpus / "gold", out)
    f1s = [m["f1"] for m in result.values()]
    return {"dims": result, "macro_f1": round(sum(f1s) / len(f1s), 4), "extract_wall_s": round(wall, 1),
            "command": "safetykg " + " ".join(cmd[3:])}
