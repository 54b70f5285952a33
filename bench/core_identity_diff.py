"""Which record fields differ between two bench/core_identity.sh outputs.

    python bench/core_identity_diff.py BASE_OUT NEW_OUT

Prints each differing record field (list positions folded) with how often it differs, and any
differing file that is not a record, row or triple file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from typing import Any


def _walk(x: Any, y: Any, path: str, out: Counter[str]) -> None:
    if type(x) is not type(y):
        out[f"{path} {x!r:.40} -> {y!r:.40}"] += 1
    elif isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            _walk(x.get(k), y.get(k), f"{path}.{k}", out)
    elif isinstance(x, list):
        if len(x) != len(y):
            out[f"{path} length"] += 1
        for p, q in zip(x, y, strict=False):
            _walk(p, q, path + "[]", out)
    elif x != y:
        out[f"{path} {x!r:.40} -> {y!r:.40}"] += 1


def main(base: str, new: str) -> Counter[str]:
    listing = subprocess.run(["diff", "-rq", "-x", "*.log", base, new], capture_output=True, text=True).stdout
    out: Counter[str] = Counter()
    for line in listing.splitlines():
        if "/records/" in line and line.startswith("Files "):
            a = line.split()[1]
            with open(a, encoding="utf-8") as f, open(a.replace(base, new, 1), encoding="utf-8") as g:
                _walk(json.load(f), json.load(g), "", out)
        elif not any(d in line for d in ("/rows/", "/rdf/")):
            out["other: " + line] += 1
    return out


if __name__ == "__main__":
    for what, n in main(sys.argv[1], sys.argv[2]).most_common():
        print(n, what)
