"""The app under load, measured in the server: N concurrent sessions (default 20) each open the
propagation page (a relayed province meeting) and the meetings page, R rounds; the time is the
script run's own (Streamlit's AppTest runs app.py in this process's threads with the shared store
cache, as the server does for its sessions): no browser, network or rendering in it.

    python -m bench.app_load --workspace WS [--sessions 20] [--rounds 2] [--out JSON]

Target: p95 <= 2 s per page run with 20 concurrent sessions on the 10k corpus. A first run per page
(loading the store into the process cache, importing the pages) is made before the clock starts and
reported apart: that is app start (bench/app_start.py), not load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = ("propagation", "meetings")
TARGET_P95_S = 2.0
RUN_TIMEOUT_S = 600


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def relayed_meetings(workspace: Path, k: int) -> list[str]:
    """Up to k province (else any) meetings whose relay tree has more than the meeting itself."""
    from graph_loader.stores.embedded import EmbeddedStore
    from queries.registry import run_query

    store = EmbeddedStore.open(workspace)
    found: list[str] = []
    for level in ("province", None):
        params = {"limit": 200} | ({"level": level} if level else {})
        for m in run_query(store, "meetings", params).meetings:
            if m.meeting.id not in found and len(run_query(store, "propagation", {"target": m.meeting.id}).nodes) > 1:
                found.append(m.meeting.id)
            if len(found) >= k:
                return found
    return found


def page_run(page: str, target: str | None) -> dict[str, Any]:
    """One fresh session opening `page` (as a link does): the script run's seconds and its errors."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.query_params["page"] = page
    if page == "propagation" and target:
        at.query_params["target"] = target
    at.session_state["store_kind"] = "embedded"
    t0 = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - t0
    return {"page": page, "seconds": round(seconds, 4), "exceptions": [str(e.value)[:200] for e in at.exception],
            "errors": [str(e.value)[:200] for e in at.error]}


def run(workspace: Path, sessions: int = 20, rounds: int = 2) -> dict[str, Any]:
    os.environ["SAFETYKG_WORKSPACE"] = str(workspace)
    os.environ.pop("NEO4J_URI", None)
    targets = relayed_meetings(workspace, sessions) or [None]
    t0 = time.perf_counter()
    warm = [page_run(page, targets[0]) for page in PAGES]
    warm_s = time.perf_counter() - t0
    barrier = threading.Barrier(sessions)

    def session(n: int) -> list[dict[str, Any]]:
        barrier.wait()  # all sessions start together
        out = []
        for r in range(rounds):
            for page in PAGES:
                out.append({"session": n, "round": r, **page_run(page, targets[(n + r) % len(targets)])})
        return out

    t1 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        rows = [row for rows in pool.map(session, range(sessions)) for row in rows]
    wall = time.perf_counter() - t1
    times = [r["seconds"] for r in rows]
    per_page = {page: [r["seconds"] for r in rows if r["page"] == page] for page in PAGES}
    return {
        "workspace": str(workspace), "sessions": sessions, "rounds": rounds, "page_runs": len(rows),
        "targets": len(targets), "warm_up_seconds": round(warm_s, 2),
        "warm_up": [{k: w[k] for k in ("page", "seconds")} for w in warm],
        "wall_seconds": round(wall, 2), "runs_per_second": round(len(rows) / wall, 2),
        "p50_seconds": round(statistics.median(times), 3), "p95_seconds": round(_pct(times, 0.95), 3),
        "max_seconds": round(max(times), 3),
        "per_page": {p: {"p50": round(statistics.median(xs), 3), "p95": round(_pct(xs, 0.95), 3),
                         "max": round(max(xs), 3)} for p, xs in per_page.items()},
        "target_p95_seconds": TARGET_P95_S, "met": _pct(times, 0.95) <= TARGET_P95_S,
        "failed_runs": [r for r in rows if r["exceptions"] or r["errors"]],
        "load_average": os.getloadavg(), "cpus": os.cpu_count(),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="server-side time per page run, N concurrent app sessions")
    ap.add_argument("--workspace", type=Path, required=True, help="a built workspace (embedded store)")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, help="write the JSON here")
    args = ap.parse_args(argv)
    report = run(args.workspace.resolve(), args.sessions, args.rounds)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "rows"}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
