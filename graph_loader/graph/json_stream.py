"""JSON objects written to a file a few thousand entries at a time (the resolver's and the build state's
checkpoints).

`json.dumps` of a whole object holds the whole text (and `write_text` its UTF-8 bytes) next to the
object, and a checkpoint that first copied its object into plain lists held that too: at 10k articles
the build's resolver checkpoint (21 MB of JSON) raised the build's RSS by ~35 MiB for a moment, every
minute, and it grows with the corpus. Here an object is written as it is walked: the C encoder turns a
chunk of entries into text, the chunk goes to the file, the next one follows. The file reads back with
`json.load` as before.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

CHUNK = 2000  # entries of an object encoded at once


class Entries:
    """A JSON object given by its (key, value) pairs, walked as it is written (no copy of it is made)."""

    def __init__(self, pairs: Iterable[tuple[str, Any]]) -> None:
        self.pairs = pairs


def write(f: IO[str], value: Any) -> None:
    """`value` as JSON onto `f`: a dict or `Entries` a chunk of entries at a time (its values that are
    dicts or `Entries` themselves written so too), anything else by `json.dumps`."""
    if isinstance(value, Entries | dict):
        pairs: Iterator[tuple[str, Any]] = iter(value.pairs if isinstance(value, Entries) else value.items())
        f.write("{")
        first = True
        while chunk := list(islice(pairs, CHUNK)):
            plain: dict[str, Any] = {}
            for key, v in chunk:
                if isinstance(v, Entries | dict) and not _small(v):
                    if plain:
                        first = _flush(f, plain, first)
                        plain = {}
                    f.write(("" if first else ",") + json.dumps(key, ensure_ascii=False) + ":")
                    write(f, v)
                    first = False
                else:
                    plain[key] = v
            if plain:
                first = _flush(f, plain, first)
        f.write("}")
    else:
        f.write(json.dumps(value, ensure_ascii=False))


def _small(v: Any) -> bool:
    """A dict encoded in one piece: a few entries, none of them to be walked."""
    return isinstance(v, dict) and len(v) <= CHUNK // 10 and not any(isinstance(x, Entries) for x in v.values())


def _flush(f: IO[str], plain: dict[str, Any], first: bool) -> bool:
    f.write(("" if first else ",") + json.dumps(plain, ensure_ascii=False)[1:-1])
    return False


def write_atomic(path: Path, value: Any) -> None:
    """`value` (see `write`) as the JSON file `path`, through a temp file and a rename."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        write(f, value)
    os.replace(tmp, path)
