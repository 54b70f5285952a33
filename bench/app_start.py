"""App start, measured through a real browser: `streamlit run app.py` on a workspace, headless
Debian Chromium (Playwright), time from starting streamlit until the overview's counts are
visible, and until the first script run has finished (the page is interactive).

    python -m bench.app_start [--workspace WS]... [--runs 3] [--out JSON]

Without --workspace it builds the sample corpus (data/corpus) into test-artifacts/bench/app-sample.
Chromium is started before the clock starts (a browser is already open when a user runs the app);
each run starts a fresh streamlit process, so nothing is cached between runs but the OS file cache.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_S = 120.0
# the overview's metrics: visible once the counts query answered
COUNTS_VISIBLE = "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].some(e => e.innerText.trim())"
RUN_FINISHED = ("() => !!document.querySelector('[data-testid=\"stMetricValue\"]') && "
                "(!document.querySelector('[data-testid=\"stStatusWidget\"]') || "
                "!document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.match(/Running|Stop/))")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _streamlit() -> str:
    exe = Path(sys.executable).parent / "streamlit"
    return str(exe) if exe.exists() else "streamlit"


def one_start(browser: Any, workspace: Path) -> dict[str, float]:
    """Seconds from `streamlit run` to: health endpoint up, counts visible, first run finished."""
    port = _free_port()
    env = {**os.environ, "SAFETYKG_WORKSPACE": str(workspace), "PYTHONUNBUFFERED": "1"}
    env.pop("NEO4J_URI", None)
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen([_streamlit(), "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        while True:
            if time.perf_counter() - t0 > TIMEOUT_S:
                raise TimeoutError("streamlit did not answer")
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        t_health = time.perf_counter() - t0
        page.goto(f"{url}/?page=overview", wait_until="commit")
        page.wait_for_function(COUNTS_VISIBLE, timeout=TIMEOUT_S * 1000, polling=50)
        t_counts = time.perf_counter() - t0
        page.wait_for_function(RUN_FINISHED, timeout=TIMEOUT_S * 1000, polling=50)
        t_done = time.perf_counter() - t0
        assert page.locator('[data-testid="stException"]').count() == 0, "the overview raised"
        return {"health_s": round(t_health, 2), "counts_visible_s": round(t_counts, 2), "run_finished_s": round(t_done, 2)}
    finally:
        page.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def bench_app_start(workspaces: list[Path], runs: int = 3) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for ws in workspaces:
                samples = [one_start(browser, ws) for _ in range(runs)]
                out[str(ws)] = {"runs": samples, **{f"median_{k}": statistics.median(s[k] for s in samples)
                                                    for k in samples[0]}}
        finally:
            browser.close()
    return out


def sample_workspace() -> Path:
    ws = ROOT / "test-artifacts" / "bench" / "app-sample"
    if not (ws / "graph.pickle").exists():
        from graph_loader.build import build_paths

        build_paths([ROOT / "data" / "corpus"], ws)
    return ws


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workspace", type=Path, action="append", help="a built workspace (repeatable)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    result = bench_app_start(args.workspace or [sample_workspace()], args.runs)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print("| workspace | counts visible (median) | first run finished (median) | health | runs |")
    print("| --- | --- | --- | --- | --- |")
    for ws, r in result.items():
        print(f"| {ws} | {r['median_counts_visible_s']} s | {r['median_run_finished_s']} s | {r['median_health_s']} s "
              f"| {', '.join(str(s['counts_visible_s']) for s in r['runs'])} |")


if __name__ == "__main__":
    main()
