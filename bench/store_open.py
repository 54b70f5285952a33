"""Open an embedded store and report the time and memory it takes: `python bench/store_open.py WS`.

One JSON line: seconds to unpickle and index, RSS before and after, peak RSS. Run as a file (not
`-m`), so it measures the `graph_loader` of PYTHONPATH, whichever tree that is.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from graph_loader.stores.embedded import EmbeddedStore


def rss_mib() -> int:
    with open("/proc/self/status") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    before = rss_mib()
    t0 = time.perf_counter()
    store = EmbeddedStore.open(Path(sys.argv[1]))
    counts = store.counts()
    print(json.dumps({"open_s": round(time.perf_counter() - t0, 1), "rss_before_mib": before,
                      "rss_after_mib": rss_mib(), "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                      "facts": sum(counts.values())}))


if __name__ == "__main__":
    main()
