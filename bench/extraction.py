"""Extraction throughput: against `jieba.lcut` on the same texts in the same run, and 2 workers vs 1.

`jieba.lcut` is the yardstick because it is the cheapest thing anyone would run
over every article; the target is an extractor at least as fast (ratio >= 1.0),
and >= 1.7x from a second worker.
"""

from __future__ import annotations

import time
from pathlib import Path

from graph_loader.ingest import Document, ingest_file


def ingest_all(texts: Path) -> tuple[list[Document], float]:
    t0 = time.perf_counter()
    docs = [d for d in (ingest_file(p) for p in sorted(texts.glob("*.txt"))) if isinstance(d, Document)]
    return docs, time.perf_counter() - t0


def throughput(docs: list[Document], workers: tuple[int, ...] = (1, 2)) -> dict:
    import jieba

    from graph_loader.extract.pipeline import extract, extract_many, warm_up

    chars = sum(len(d.clean) for d in docs)
    jieba.lcut("预热词典")  # loads the dictionary outside the timing
    warm_up()
    extract(docs[0])

    t0 = time.perf_counter()
    for d in docs:
        jieba.lcut(d.clean)
    t_jieba = time.perf_counter() - t0

    t0 = time.perf_counter()
    for d in docs:
        extract(d)
    t_extract = time.perf_counter() - t0

    out = {
        "docs": len(docs),
        "chars": chars,
        "jieba_s": round(t_jieba, 2),
        "extract_s": round(t_extract, 2),
        "extract_docs_per_s": round(len(docs) / t_extract, 1),
        "extract_chars_per_s": round(chars / t_extract),
        "jieba_chars_per_s": round(chars / t_jieba),
        "ratio_vs_jieba": round(t_jieba / t_extract, 2),
    }
    walls = {}
    for w in workers:
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_many(docs, workers=w))
        walls[w] = time.perf_counter() - t0
        assert n == len(docs)
        out[f"extract_many_w{w}_s"] = round(walls[w], 2)
    if 1 in walls and 2 in walls:
        out["speedup_w2"] = round(walls[1] / walls[2], 2)
    return out
