"""The app under load, measured in the server: N concurrent sessions (default 20) each open the
propagation page (a relayed meeting, a different one per session where the corpus has them) and the
meetings page, R rounds, against a real `streamlit run app.py`. The sessions are headless websocket
clients speaking Streamlit's own protocol (a `rerun_script` message, then the page's messages until
`script_finished`): no browser renders anything on the cores the server needs. The figure is the
server's own time per script run, which app.py logs with SAFETYKG_RUN_LOG (app_pages/run_log.py);
the client's round trip is reported next to it.

    python -m bench.app_load --workspace WS [--sessions 20] [--rounds 2] [--pages propagation,meetings,people]
        [--out JSON]

Target: p95 <= 2 s per page run with 20 concurrent sessions on the 10k corpus. One run per page
(loading the store into the server's cache, importing the pages) is made before the clock starts
and reported apart: that is app start (bench/app_start.py), not load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.app_start import _free_port, _streamlit

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("propagation", "meetings")  # the default; any page of app.py can be asked with --pages
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


async def page_run(url: str, page: str, target: str | None) -> dict[str, Any]:
    """One fresh session opening `page` (as a link does), until the server says the run finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    params = {"page": page} | ({"target": target} if page == "propagation" and target else {})
    msg = BackMsg()
    msg.rerun_script.query_string = urlencode(params)
    msg.rerun_script.page_script_hash = ""
    t0 = time.perf_counter()
    status = None
    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=RUN_TIMEOUT_S) as ws:
        await ws.send(msg.SerializeToString())
        while status is None:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
            if fwd.WhichOneof("type") == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
    return {"page": page, "client_seconds": round(time.perf_counter() - t0, 4), "status": status}


def _server(workspace: Path, run_log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "SAFETYKG_WORKSPACE": str(workspace), "SAFETYKG_RUN_LOG": str(run_log)}
    env.pop("NEO4J_URI", None)
    proc = subprocess.Popen([_streamlit(), "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not answer within 120 s")


def _runs(run_log: Path) -> list[dict[str, Any]]:
    if not run_log.exists():
        return []
    return [json.loads(line) for line in run_log.read_text(encoding="utf-8").splitlines() if line.strip()]


def _stats(xs: list[float]) -> dict[str, float]:
    return {"n": len(xs), "p50": round(statistics.median(xs), 3), "p95": round(_pct(xs, 0.95), 3),
            "max": round(max(xs), 3)} if xs else {"n": 0}


def run(workspace: Path, sessions: int = 20, rounds: int = 2, pages: tuple[str, ...] = PAGES) -> dict[str, Any]:
    targets = relayed_meetings(workspace, sessions) or [None]
    with tempfile.TemporaryDirectory() as tmp:
        run_log = Path(tmp) / "runs.jsonl"
        proc, url = _server(workspace, run_log)
        try:
            t0 = time.perf_counter()
            warm = [asyncio.run(page_run(url, page, targets[0])) for page in pages]
            warm_s = time.perf_counter() - t0
            warm_runs = len(_runs(run_log))

            async def session(n: int) -> list[dict[str, Any]]:
                out = []
                for r in range(rounds):
                    for page in pages:
                        out.append({"session": n, "round": r,
                                    **await page_run(url, page, targets[(n + r) % len(targets)])})
                return out

            async def all_sessions() -> list[dict[str, Any]]:
                return [row for rows in await asyncio.gather(*(session(n) for n in range(sessions))) for row in rows]

            t1 = time.perf_counter()
            rows = asyncio.run(all_sessions())
            wall = time.perf_counter() - t1
            server_runs = _runs(run_log)[warm_runs:]
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    done = [r for r in server_runs if r["ended"] == "done"]
    server = {p: [r["seconds"] for r in done if r["page"] == p] for p in pages}
    all_server = [x for xs in server.values() for x in xs]
    return {
        "workspace": str(workspace), "sessions": sessions, "rounds": rounds, "page_runs": len(rows),
        "targets": len(targets), "warm_up_seconds": round(warm_s, 2),
        "warm_up": [{k: w[k] for k in ("page", "client_seconds")} for w in warm],
        "wall_seconds": round(wall, 2), "runs_per_second": round(len(rows) / wall, 2),
        "server": _stats(all_server), "server_per_page": {p: _stats(xs) for p, xs in server.items()},
        "client": _stats([r["client_seconds"] for r in rows]),
        "target_p95_seconds": TARGET_P95_S, "met": bool(all_server) and _pct(all_server, 0.95) <= TARGET_P95_S,
        "failed_runs": [r for r in rows if r["status"] != "FINISHED_SUCCESSFULLY"]
        + [r for r in server_runs if r["ended"] != "done"],
        "load_average": os.getloadavg(), "cpus": os.cpu_count(),
        "rows": rows, "server_runs": server_runs,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="server-side time per page run, N concurrent app sessions")
    ap.add_argument("--workspace", type=Path, required=True, help="a built workspace (embedded store)")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated pages each session opens in turn")
    ap.add_argument("--out", type=Path, help="write the JSON here")
    args = ap.parse_args(argv)
    pages = tuple(p.strip() for p in args.pages.split(",") if p.strip())
    report = run(args.workspace.resolve(), args.sessions, args.rounds, pages)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k not in ("rows", "server_runs")}, indent=1,
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
