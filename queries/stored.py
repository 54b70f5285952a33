"""Stored answers: whole-corpus forms of a query computed once after a load, read while current.

Some answers aggregate the whole graph (sectors over every meeting, relay lags over every relay), which
no index makes cheap on Neo4j. `queries.sectors.refresh_summaries` computes them after each load or
build and the store keeps them stamped with the graph version (stores/neo4j_store.py); a query asks
`stored_answer` first and computes live when it gets None (a store that keeps none, an answer made
stale by a write, or one stored by an older shape of the result).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building tens of thousands of acyclic rows sets off cyclic-GC passes over the whole heap that
    find nothing (half the time of a 26k-row result): pause the collector meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def stored_answer(store: Any, key: str | None, model: type[M]) -> M | None:
    """The answer stored under `key` if it is current and still parses as `model`, else None."""
    read = getattr(store, "read_summary", None)  # stores that keep no summaries are asked live
    if key is None or read is None:
        return None
    stored = read(key)
    if stored is None:
        return None
    try:
        with gc_paused():
            return model.model_validate_json(stored)
    except ValueError:  # stored by an older shape of the result: the live answer is right
        return None
