"""Answers every session asks alike, computed once per embedded graph.

Some pages open with a query that takes no user input: the corpus-wide relay lags, the region
list, the first page of meetings. On the embedded store all sessions share one graph and one
Streamlit process, so twenty sessions opening the propagation page at once would compute the
same relay lags twenty times, one after the other under the GIL. `shared_query` keeps such an
answer with the store object it came from: a rebuilt pickle opens a new store object
(store_access keys the store by the pickle's size and mtime), whose answers start empty, and a
store with unsaved writes is never served from the cache. Neo4j is asked every time (another
process may write to it; its whole-corpus answers are stored after each load instead).

Only queries named in SHARED go through the cache, at most MAX_ANSWERS answers per graph (the
oldest leave first: a listing's pages and filters are keys too); callers get a copy they may change.
"""

from __future__ import annotations

import copy
import json
import threading
import weakref
from typing import Any

from app_pages.store_access import get_store, query
from graph_loader.stores.embedded import EmbeddedStore

# the queries whose parameter-free (or fixed-parameter) forms pages ask on every run
SHARED = frozenset({"relay_lags", "regions", "meetings", "overview"})
MAX_ANSWERS = 256

_answers: weakref.WeakKeyDictionary[Any, dict[str, dict[str, Any]]] = weakref.WeakKeyDictionary()
_locks: weakref.WeakKeyDictionary[Any, dict[str, threading.Lock]] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _key(name: str, params: dict[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "", [])}
    return json.dumps([name, clean], sort_keys=True, ensure_ascii=False)


def shared_query(name: str, **params: Any) -> dict[str, Any] | None:
    """`query(name, **params)`, answered once per embedded graph for the queries in SHARED."""
    store = get_store()
    if name not in SHARED or not isinstance(store, EmbeddedStore) or store.dirty:
        return query(name, **params)
    key = _key(name, params)
    with _guard:
        answers = _answers.setdefault(store, {})
        lock = _locks.setdefault(store, {}).setdefault(key, threading.Lock())
    with lock:  # sessions arriving together wait for the first one's answer instead of recomputing it
        result = answers.get(key)
        if result is None:
            result = query(name, **params)
            if result is None:  # an error was shown; the next run tries again
                return None
            with _guard:
                answers[key] = result
                while len(answers) > MAX_ANSWERS:
                    oldest = next(iter(answers))
                    answers.pop(oldest)
                    _locks[store].pop(oldest, None)
    return copy.deepcopy(result)
