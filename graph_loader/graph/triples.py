"""A small indexed set of RDF triples for building one article's graph and mapping it to rows.

rdflib's Memory store costs ~20 us per add (context bookkeeping); the per-article builder and
the row mapping only need add / contains / objects / subjects, which plain dicts do ~10x
cheaper. A batch's triples go into one rdflib Graph once, for SHACL and the N-Triples file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class Triples:
    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._spo: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._pos: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._n = 0
        for t in triples:
            self.add(t)

    def add(self, t: Triple) -> None:
        s, p, o = t
        objs = self._spo.setdefault(s, {}).setdefault(p, {})
        if o in objs:
            return
        objs[o] = None
        self._pos.setdefault(p, {}).setdefault(o, {})[s] = None
        self._n += 1

    def __contains__(self, t: Triple) -> bool:
        s, p, o = t
        return o in self._spo.get(s, {}).get(p, {})

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Triple]:
        for s, po in self._spo.items():
            for p, objs in po.items():
                for o in objs:
                    yield s, p, o

    def objects(self, s: Node | None, p: Node) -> list[Node]:
        if s is None:
            return list(self._pos.get(p, {}))
        return list(self._spo.get(s, {}).get(p, {}))

    def value(self, s: Node | None, p: Node) -> Node | None:
        if s is None:
            return None
        return next(iter(self._spo.get(s, {}).get(p, {})), None)

    def subjects(self, p: Node, o: Node) -> list[Node]:
        return list(self._pos.get(p, {}).get(o, {}))

    def subject_objects(self, p: Node) -> Iterator[tuple[Node, Node]]:
        for o, subs in self._pos.get(p, {}).items():
            for s in subs:
                yield s, o

    def to_graph(self, graph: Graph | None = None) -> Graph:
        g = graph if graph is not None else Graph()
        g.addN((s, p, o, g) for s, p, o in self)
        return g
