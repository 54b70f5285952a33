"""The server's own time per script run, for load measurements.

With `SAFETYKG_RUN_LOG=FILE` set for `streamlit run`, every run of app.py appends one JSON line:
`{"page", "session", "seconds", "ended"}` — seconds from the start of the script to its end, in the
server (no browser, network or rendering in it); `ended` is "done", or the exception that ended the
run (a rerun, a stop). Without the variable nothing is written.
"""

from __future__ import annotations

import json
import os
import threading
import time

ENV = "SAFETYKG_RUN_LOG"
_LOCK = threading.Lock()


def start() -> float:
    return time.perf_counter()


def record(page: str, t0: float, ended: str = "done") -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    line = json.dumps({"page": page, "session": getattr(ctx, "session_id", None),
                       "seconds": round(time.perf_counter() - t0, 4), "ended": ended, "at": time.time()})
    with _LOCK, open(path, "a", encoding="utf-8") as f:  # one short line per write: whole lines only
        f.write(line + "\n")
