"""Extraction and `jieba.lcut` as instruction counts, which a shared machine's load does not move.

Run under callgrind, N passes over the texts of a folder (`extract`, or `jieba` for the yardstick):

    env PYTHONHASHSEED=0 PYTHONPATH=. valgrind --tool=callgrind --callgrind-out-file=OUT \\
        python -m bench.extraction_instructions TEXTS N extract|jieba

One pass = (the `summary:` line of OUT at N=3 − at N=1) / 2: ingest, the warm-up (patterns compiled, the jieba
dictionary loaded) and the interpreter's start fall out of the difference.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.extraction import _sides, ingest_all


def main(argv: list[str]) -> None:
    texts, passes, side = Path(argv[0]), int(argv[1]), argv[2]
    docs, _ = ingest_all(texts)
    run_jieba, run_extract = _sides(docs)  # both warmed up, as bench.extraction times them
    run = run_extract if side == "extract" else run_jieba
    for _ in range(passes):
        run()


if __name__ == "__main__":
    main(sys.argv[1:])
