"""Where the build's main process grows: build_paths(CORPUS, WS, workers=2, SHACL on) with tracemalloc in
the build's process; at MARKS articles (after a batch, via the progress callback) a snapshot, VmRSS, and
the deep size of what build_paths holds (store, resolver, state.done, state.stores, report.files, pinned),
walked with one shared `seen` set in that order (later ones count only what earlier ones do not share).
    PYTHONPATH=TREE python bench/build_holders.py CORPUS WS OUT.json [--no-tm] [marks...]
(run as a file, so it measures the `graph_loader` of PYTHONPATH: main or a `git archive` copy of another commit)
"""
import gc
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

import graph_loader.build as B
from graph_loader.build import build_paths
from graph_loader.extract.pipeline import warm_up

args = [a for a in sys.argv[1:] if not a.startswith("--")]
corpus, ws, out = args[0], Path(args[1]), Path(args[2])
marks = [int(m) for m in args[3:]] or [2000, 6000]
tm = "--no-tm" not in sys.argv

warm_up()  # lexicons loaded before tracing (constant; the workers fork with them)
_w, _s = B._gc_for_workers, B._shacl_worker_init
def _w2(*a):
    tracemalloc.stop()  # forked workers inherit the hooks: trace the build's process only
    _w(*a)
def _s2(*a):
    tracemalloc.stop()
    _s(*a)
B._gc_for_workers, B._shacl_worker_init = _w2, _s2
if tm:
    tracemalloc.start(8)

def status():
    d = {}
    for ln in open("/proc/self/status"):
        if ln.startswith(("VmRSS", "VmHWM")):
            d[ln.split(":")[0]] = int(ln.split()[1]) // 1024
    return d

def deep(obj, seen):
    n, stack = 0, [obj]
    while stack:
        o = stack.pop()
        i = id(o)
        if i in seen or isinstance(o, type) or type(o).__name__ in ("module", "function", "builtin_function_or_method"):
            continue
        seen.add(i)
        n += sys.getsizeof(o)
        stack.extend(gc.get_referents(o))
    return n

def find_futures(gen, depth=0):
    """pool.map's list of futures, down the generators' frames (_process_all -> chain -> result_iterator)."""
    if gen is None or depth > 6:
        return None
    fr = getattr(gen, "gi_frame", None)
    if fr is None:
        return None
    for k, v in fr.f_locals.items():
        if k in ("fs", "pending") and isinstance(v, (list, __import__("collections").deque)):
            return list(v)
    for v in fr.f_locals.values():
        if hasattr(v, "gi_frame"):
            r = find_futures(v, depth + 1)
            if r is not None:
                return r
    return None

res = {"marks": []}
snaps = {}
pending = list(marks)
t0 = time.perf_counter()

def progress(done, total, msg):
    if not pending or done < pending[0]:
        return
    mark = pending.pop(0)
    f = sys._getframe(2).f_locals  # build_paths' frame (progress <- checkpoint_now_and_then <- build_paths)
    rec = {"mark": mark, "done": done, "t_s": round(time.perf_counter() - t0, 1), **status()}
    seen = set()
    sizes = {}
    for name, get in (("store", lambda: f["store"]), ("resolver", lambda: f["resolver"]),
                      ("state.done", lambda: f["state"].done), ("state.stores", lambda: f["state"].stores),
                      ("report.files", lambda: f["report"].files), ("pinned", lambda: f["pinned"])):
        sizes[name] = round(deep(get(), seen) / 2**20, 1)
    rec["deep_mib"] = sizes
    rec["counts"] = {"files": len(f["report"].files), "done": len(f["state"].done),
                     "rows_files": len(os.listdir(ws / "rows"))}
    # results the workers finished that the build's process has not taken yet (pool.map's futures)
    fs = find_futures(f.get("results"))
    if fs is not None:
        ready = [x for x in fs if x.done() and not x.cancelled()]
        rec["backlog"] = {"futures_done": len(ready), "futures_pending": len(fs) - len(ready),
                          "articles_done": sum(len(x.result()) for x in ready),
                          "mib": round(deep([x.result() for x in ready], seen) / 2**20, 1)}
    if tm:
        s = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        snaps[mark] = s
        rec["traced_mib"] = round(sum(st.size for st in s.statistics("filename")) / 2**20, 1)
    rec["walk_s"] = round(time.perf_counter() - t0 - rec["t_s"], 1)
    res["marks"].append(rec)
    print(json.dumps(rec), flush=True)

rep = build_paths([corpus], ws, workers=2, fresh=True, progress=progress)
res["end"] = {"t_s": round(time.perf_counter() - t0, 1), **status(), "files": len(rep.files)}
if tm and len(snaps) >= 2:
    a, b = snaps[marks[0]], snaps[marks[-1]]
    res["top_lineno"] = [(str(st.traceback[0]), round(st.size_diff / 2**20, 2), st.count_diff)
                         for st in b.compare_to(a, "lineno")[:40]]
    # by the innermost frame in the project's code (who asked for the memory)
    def own(tb):
        for fr in reversed(list(tb)):  # innermost first
            if "/graph_loader/" in fr.filename or "/queries/" in fr.filename:
                return f"{fr.filename}:{fr.lineno}"
        return str(tb[0])
    agg = {}
    for snap, sign in ((b, 1), (a, -1)):
        for t in snap.traces:
            k = own(t.traceback)
            agg[k] = agg.get(k, 0) + sign * t.size
    res["top_own"] = sorted(((k, round(v / 2**20, 2)) for k, v in agg.items()), key=lambda x: -x[1])[:40]
out.write_text(json.dumps(res, indent=1, ensure_ascii=False))
print(json.dumps(res["end"]))
