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
        po = self._spo.get(s)
        if po is None:
            po = self._spo[s] = {}
        objs = po.get(p)
        if objs is None:
            objs = po[p] = {}
        elif o in objs:
            return
        objs[o] = None
        os_ = self._pos.get(p)
        if os_ is None:
            os_ = self._pos[p] = {}
        subs = os_.get(o)
        if subs is None:
            subs = os_[o] = {}
        subs[s] = None
        self._n += 1

    def update(self, other: Triples) -> None:
        """Add every triple of `other` (a batch's union of its articles)."""
        for t in other:
            self.add(t)

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


class TriplesUnion:
    """A read-only view of several Triples as one (the articles of a batch), for the few lookups
    SHACL reporting makes; building the batch's union would add every triple a second time."""

    def __init__(self, parts: list[Triples]) -> None:
        self.parts = parts

    def __contains__(self, t: Triple) -> bool:
        return any(t in part for part in self.parts)

    def __iter__(self) -> Iterator[Triple]:
        seen = Triples()
        for part in self.parts:
            for t in part:
                if t not in seen:
                    seen.add(t)
                    yield t

    def value(self, s: Node | None, p: Node) -> Node | None:
        for part in self.parts:
            v = part.value(s, p)
            if v is not None:
                return v
        return None

    def objects(self, s: Node | None, p: Node) -> list[Node]:
        out: dict[Node, None] = {}
        for part in self.parts:
            out.update(dict.fromkeys(part.objects(s, p)))
        return list(out)
