"""THE mapping from the RDF graph to property-graph rows (schema.py) that every store and export uses.

Nodes are the RDF entities (label from their class); relationships are the object properties
between them, plus the reified Participation (PARTICIPATED, with its role) and Relay (RELAYS).
A row's `articles` are the articles of its evidence and its `evidence` the located spans as
schema.encode_evidence strings. A relationship takes the evidence of the fact it came from:
its own node for PARTICIPATED/RELAYS, else its source node (its target when the source is
the Article: MENTIONS, REPORTS, ADDRESSES, CONCERNS).
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph_loader.graph.evidence import encode_evidence_node, evidence_doc_id
from graph_loader.graph.ids import (
    BODY_KIND_CLASS,
    DIRECTIVE_KIND_CLASS,
    MEETING_KIND_CLASS,
    NATIONAL_REGION,
    ORG,
    SCHEMA,
    SKG,
    entity_id,
    row_id,
)
from graph_loader.graph.schema import NAME_PROPS, SEARCH_KEYED, GraphRows, NodeRow, RelRow, search_keys
from graph_loader.graph.triples import Triples
from graph_loader.graph.vocab import level_of_iri, sectors

LABEL_OF_CLASS = {
    SKG.Article: "Article", SKG.Person: "Person", SKG.Body: "Body", SKG.Post: "Post",
    SKG.Region: "Region", SKG.Meeting: "Meeting", SKG.Inspection: "Inspection",
    SKG.Directive: "Directive", SKG.Incident: "Incident", SKG.Sector: "Sector",
}
KIND_OF_CLASS = {c: k for table in (BODY_KIND_CLASS, MEETING_KIND_CLASS, DIRECTIVE_KIND_CLASS)
                 for k, c in table.items()}

# predicate -> relationship type (source and target must both be labelled nodes)
REL_OF_PREDICATE = {
    ORG.holds: "HOLDS", ORG.postIn: "POST_IN", SKG.inRegion: "BODY_IN", SKG.partOf: "PART_OF",
    SKG.heldIn: "HELD_IN", SKG.convenedBy: "CONVENED_BY", SKG.addresses: "ADDRESSES",
    SKG.conductedBy: "CONDUCTED_BY", SKG.targets: "TARGETS", SKG.feedbackOf: "FEEDBACK_OF",
    SKG.issuedBy: "ISSUED_BY", SKG.concerns: "CONCERNS", SKG.occurredIn: "OCCURRED_IN",
    SKG.mentions: "MENTIONS", SKG.reports: "REPORTS",
}


def _s(v) -> str | None:
    return None if v is None else str(v)


class _Mapper:
    def __init__(self, g: Triples) -> None:
        self.g = g
        self.labels: dict[URIRef, str] = {}
        for cls, label in LABEL_OF_CLASS.items():
            for s in g.subjects(RDF.type, cls):
                self.labels[s] = label
        self._support: dict[URIRef, tuple[list[str], list[str]]] = {}
        self._evidence: dict[URIRef, tuple[str | None, str | None]] = {}

    def _ev(self, e: URIRef) -> tuple[str | None, str | None]:
        """(doc_id, encoded string or None) of an evidence node, computed once."""
        out = self._evidence.get(e)
        if out is None:
            out = self._evidence[e] = (evidence_doc_id(self.g, e), encode_evidence_node(self.g, e))
        return out

    def support(self, node: URIRef) -> tuple[list[str], list[str]]:
        """(articles, encoded located evidence) of a node, sorted."""
        if node in self._support:
            return self._support[node]
        g = self.g
        docs: set[str] = set()
        evs: set[str] = set()
        if self.labels.get(node) == "Article":
            d = g.value(node, SKG.docId)
            docs.add(str(d))
        for e in g.objects(node, SKG.evidence):
            d, s = self._ev(e)
            if d:
                docs.add(d)
            if s:
                evs.add(s)
        out = (sorted(docs), sorted(evs))
        self._support[node] = out
        return out

    def _one(self, node, pred) -> str | None:
        vals = sorted(str(v) for v in self.g.objects(node, pred))
        return vals[0] if vals else None

    def _kind(self, node, default: str | None) -> str | None:
        kinds = sorted(KIND_OF_CLASS[c] for c in self.g.objects(node, RDF.type) if c in KIND_OF_CLASS)
        return kinds[0] if kinds else default

    def _level(self, node) -> str | None:
        return next((level_of_iri(o) for o in self.g.objects(node, SKG.level)), None)

    def _path_of(self, node, pred) -> str | None:
        o = self.g.value(node, pred)
        return _s(self.g.value(o, SKG.path)) if o is not None else None

    def _name_of(self, node, pred) -> str | None:
        o = self.g.value(node, pred)
        return self._one(o, SCHEMA.name) if o is not None else None

    def props(self, node: URIRef, label: str) -> dict:
        g, one = self.g, self._one
        if label == "Article":
            p = {"doc_id": one(node, SKG.docId), "title": one(node, SCHEMA.headline),
                 "published": one(node, SCHEMA.datePublished), "source": one(node, SKG.source),
                 "path": one(node, SKG.filePath), "sha256": one(node, SKG.sha256),
                 "reporters": sorted(str(r) for r in g.objects(node, SKG.reporter))}
        elif label == "Person":
            nl = g.value(node, SKG.nationalLeader)
            p = {"name": one(node, SCHEMA.name), "region": self._path_of(node, SKG.contextRegion),
                 "national_leader": bool(nl.toPython()) if isinstance(nl, Literal) else False}
        elif label == "Body":
            p = {"name": one(node, SCHEMA.name), "kind": self._kind(node, "other"),
                 "region": self._path_of(node, SKG.inRegion), "level": self._level(node)}
        elif label == "Post":
            p = {"title": one(node, SKG.title), "full": one(node, SKG.fullTitle),
                 "body": self._name_of(node, ORG.postIn)}
        elif label == "Region":
            p = {"name": one(node, SCHEMA.name), "path": one(node, SKG.path), "level": self._level(node),
                 "code": one(node, SKG.gazetteerCode)}
        elif label == "Meeting":
            level = self._level(node)
            p = {"name": one(node, SCHEMA.name), "kind": self._kind(node, "other"), "date": one(node, SKG.date),
                 "level": level, "region": self._path_of(node, SKG.heldIn)
                 or (NATIONAL_REGION if level == "national" else None),
                 "aliases": sorted(str(a) for a in g.objects(node, SKG.alias))}
        elif label == "Inspection":
            p = {"team": self._name_of(node, SKG.conductedBy), "target": one(node, SKG.targetText),
                 "start": one(node, SKG.startDate), "end": one(node, SKG.endDate), "level": self._level(node)}
        elif label == "Directive":
            p = {"title": one(node, SCHEMA.name), "kind": self._kind(node, "document"),
                 "issuer": one(node, SKG.issuerText),
                 "aliases": sorted(str(a) for a in g.objects(node, SKG.alias))}
        elif label == "Incident":
            p = {"title": one(node, SCHEMA.name)}
        elif label == "Sector":
            name = one(node, SKOS.prefLabel)
            concept = sectors().get(name or "")
            p = {"name": name, "parent": concept.parent if concept else None}
        else:
            p = {}
        if label in SEARCH_KEYED:
            p["search_key"] = search_keys(p.get(NAME_PROPS[label][0]), p.get("aliases") or ())
        return {k: v for k, v in p.items() if v is not None and v != []}

    def nodes(self) -> list[NodeRow]:
        out = []
        for node, label in self.labels.items():
            docs, evs = self.support(node)
            out.append(NodeRow(id=row_id(node), label=label, props=self.props(node, label),
                               articles=docs, evidence=evs))
        return out

    def rels(self) -> list[RelRow]:
        g, labels = self.g, self.labels
        out: list[RelRow] = []
        for pred, rtype in REL_OF_PREDICATE.items():
            for s, o in g.subject_objects(pred):
                if s not in labels or o not in labels:
                    continue
                carrier = o if labels[s] == "Article" else s
                props = {}
                if rtype == "HOLDS":
                    props = {k: v for k, v in (("title", self._one(o, SKG.title)),
                                               ("full", self._one(o, SKG.fullTitle))) if v is not None}
                out.append(self._rel(rtype, s, o, carrier, props))
        for part in g.subjects(RDF.type, SKG.Participation):
            person, meeting = g.value(part, SKG.participant), g.value(part, SKG.inMeeting)
            role = g.value(part, SKG.role)
            if person in labels and meeting in labels and role is not None:
                out.append(self._rel("PARTICIPATED", person, meeting, part,
                                     {"role": str(role).rsplit("/", 1)[-1]}, extra=str(role)))
        for relay in g.subjects(RDF.type, SKG.Relay):
            m, target = g.value(relay, SKG.relayingMeeting), g.value(relay, SKG.relayed)
            if m in labels and target in labels:
                inferred = g.value(relay, SKG.inferred)
                inferred = bool(inferred.toPython()) if isinstance(inferred, Literal) else False
                rules = sorted(str(g.value(e, SKG.rule)) for e in g.objects(relay, SKG.evidence))
                props = {"inferred": inferred, "reason": rules[0] if rules else "stated"}
                if (basis := self._one(relay, SKG.relayBasis)) is not None:
                    props["basis"] = basis
                # a stated and an inferred relay of the same pair are two relationships
                out.append(self._rel("RELAYS", m, target, relay, props, extra="inferred" if inferred else ""))
        return out

    def _rel(self, rtype, s, o, carrier, props, extra: str = "") -> RelRow:
        src, dst = row_id(s), row_id(o)
        docs, evs = self.support(carrier)
        return RelRow(id=rel_id(rtype, src, dst, extra), type=rtype, src=src, dst=dst, props=props,
                      articles=docs, evidence=evs)


def rel_id(rtype: str, src: str, dst: str, extra: str = "") -> str:
    return entity_id("rel", f"{rtype}|{src}|{dst}|{extra}")


def rows_from_rdf(graph: Graph | Triples, doc_ids: list[str] | None = None) -> GraphRows:
    """The property-graph rows of an RDF graph (one article's or a batch's)."""
    if not isinstance(graph, Triples):
        graph = Triples(graph)
    m = _Mapper(graph)
    if doc_ids is None:
        doc_ids = sorted(str(d) for d in graph.objects(None, SKG.docId))
    return GraphRows(nodes=m.nodes(), rels=m.rels(), doc_ids=list(doc_ids))
