"""One extraction record (+ its Document) -> RDF triples following ontology.ttl.

Every entity is named by its resolved id (resolve.Resolver), so a fact found in two articles
lands on one IRI. Every fact node (entity, Participation, Relay) gets `skg:evidence` links to
Evidence nodes carrying the article, clean and original offsets, quote and rule; a fact the
record gives without a span (gold files) gets one Evidence with just its article and the rule
`record.unlocated`. Entities a fact implies (the region of a meeting, the parents of a region,
the body of a post) carry the evidence of the fact that implied them, so every node is
supported by the articles that led to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph_loader.extract.dates import written_years
from graph_loader.extract.record import Evidence, ExtractionRecord
from graph_loader.graph import gazetteer
from graph_loader.graph.ids import (
    BODY_KIND_CLASS,
    DIRECTIVE_KIND_CLASS,
    MEETING_KIND_CLASS,
    NATIONAL_REGION,
    ORG,
    SCHEMA,
    SKG,
    entity_id,
    iri,
    level_iri,
    role_iri,
    row_id,
)
from graph_loader.graph.resolve import (
    MeetingMention,
    Resolver,
    ResumedResolver,
    instruction_signal,
    issued_title,
    leader_era,
    named_apart,
    resolution_region,
    stated_aliases,
)
from graph_loader.graph.triples import Triples
from graph_loader.graph.vocab import sectors
from graph_loader.ingest.document import Document
from graph_loader.lang.levels import LEVELS
from graph_loader.lang.titles import name_key, title_key

UNLOCATED = "record.unlocated"

_LITERALS: dict[tuple, Literal] = {}
_MAX_LITERALS = 100_000
_NO_EVIDENCE = 1 << 62  # a participant read from no span (a record without evidence) sorts after every one read


def _lit(value, datatype=None, lang: str | None = None) -> Literal:
    """`Literal(value, ...)`, memoized: an article repeats its offsets, rules, quotes and names many
    times, and rdflib spends ~10 us building each Literal. Bounded (cleared when full)."""
    key = (type(value), value, datatype, lang)
    lit = _LITERALS.get(key)
    if lit is None:
        if len(_LITERALS) >= _MAX_LITERALS:
            _LITERALS.clear()
        lit = _LITERALS[key] = Literal(value, datatype=datatype, lang=lang)
    return lit


def date_literal(value: str | None) -> Literal | None:
    """YYYY-MM-DD -> xsd:date, --MM-DD -> xsd:gMonthDay, anything else a plain string."""
    if not value:
        return None
    if len(value) == 10 and value[4] == "-" and value[:4].isdigit():
        return _lit(value, datatype=XSD.date)
    if len(value) == 7 and value.startswith("--"):
        return _lit(value, datatype=XSD.gMonthDay)
    return _lit(value)


def article_iri(doc_id: str) -> URIRef:
    return iri(entity_id("article", doc_id))


class _ArticleGraph:
    """Builds the graph of one article; holds only per-article memos."""

    def __init__(self, rec: ExtractionRecord, doc: Document | None, resolver: Resolver | ResumedResolver) -> None:
        self.rec, self.doc, self.res = rec, doc, resolver
        self.doc_id = rec.doc_id
        self.g = Triples()
        self.art = article_iri(self.doc_id)
        self._regions: dict[str, URIRef] = {}
        self._bodies_by_name = {name_key(b.name): b for b in rec.bodies}
        self._body_nodes: dict[tuple, URIRef] = {}
        self._persons: dict[str, URIRef] = {}
        self._directives: dict[str, URIRef] = {}
        self._mention_levels = {m.path: m.level for m in rec.region_mentions if m.level}
        self._year = (rec.published or "")[:4] if (rec.published or "")[:4].isdigit() else None
        self._evidence_seen: dict[str, URIRef] = {}  # an evidence's key -> its node, written once
        self._sector_spans: dict[str, list[Evidence]] = {}  # sector -> the spans that name it
        for sm in rec.sector_mentions:
            self._sector_spans.setdefault(sm.sector, []).extend(sm.evidence)
        resolver.forget_article(self.doc_id)  # graphed again: its inferred joins are decided anew

    # -- evidence --------------------------------------------------------------------
    def evidence_nodes(self, evs: list[Evidence], rule: str) -> list[URIRef]:
        """Evidence nodes for evs, or one unlocated evidence (article + rule) when there is none."""
        g = self.g
        if not evs:
            e = iri(entity_id("evidence", f"{self.doc_id}|{UNLOCATED}|{rule}"))
            if (e, RDF.type, SKG.Evidence) not in g:
                g.add((e, RDF.type, SKG.Evidence))
                g.add((e, SKG.inArticle, self.art))
                g.add((e, SKG.rule, _lit(f"{UNLOCATED}:{rule}")))
            return [e]
        out = []
        seen = self._evidence_seen
        for ev in evs:
            key = f"{self.doc_id}|{ev.start}|{ev.end}|{ev.orig_start}|{ev.orig_end}|{ev.rule}"
            e = seen.get(key)
            if e is None:
                e = seen[key] = iri(entity_id("evidence", key))
                g.add((e, RDF.type, SKG.Evidence))
                g.add((e, SKG.inArticle, self.art))
                g.add((e, SKG.cleanStart, _lit(ev.start)))
                g.add((e, SKG.cleanEnd, _lit(ev.end)))
                g.add((e, SKG.origStart, _lit(ev.orig_start)))
                g.add((e, SKG.origEnd, _lit(ev.orig_end)))
                g.add((e, SKG.rule, _lit(ev.rule)))
                g.add((e, SKG.quote, _lit(ev.text)))
            out.append(e)
        return out

    def support(self, node: URIRef, evs: list[Evidence], rule: str) -> list[URIRef]:
        """Link node to the evidence nodes of evs; return them."""
        out = self.evidence_nodes(evs, rule)
        self._link(node, out)
        return out

    def _link(self, node: URIRef, evnodes: list[URIRef]) -> None:
        for e in evnodes:
            self.g.add((node, SKG.evidence, e))

    # -- entities --------------------------------------------------------------------
    def article(self) -> None:
        g, rec, doc, a = self.g, self.rec, self.doc, self.art
        g.add((a, RDF.type, SKG.Article))
        g.add((a, SKG.docId, _lit(self.doc_id)))
        title = rec.title or (doc.metadata.title if doc else None)
        published = rec.published or (doc.metadata.published if doc else None)
        source = rec.source or (doc.metadata.source if doc else None)
        if title:
            g.add((a, SCHEMA.headline, _lit(title)))
        if published and (lit := date_literal(published)) is not None:
            g.add((a, SCHEMA.datePublished, lit))
        if source:
            g.add((a, SKG.source, _lit(source)))
        if doc is not None:
            g.add((a, SKG.filePath, _lit(doc.path)))
            g.add((a, SKG.sha256, _lit(doc.sha256)))
        for r in rec.reporters or (doc.metadata.reporters if doc else []):
            g.add((a, SKG.reporter, _lit(r)))

    def region(self, path: str, evnodes: list[URIRef]) -> URIRef:
        """The region and its containing regions, each supported by evnodes."""
        first = None
        child = None
        for info in gazetteer.chain(path):
            node = self._regions.get(info.path)
            if node is None:
                node = iri(self.res.region(info.path, self.doc_id))
                self._regions[info.path] = node
                g = self.g
                g.add((node, RDF.type, SKG.Region))
                g.add((node, SCHEMA.name, _lit(info.name)))
                g.add((node, SKG.path, _lit(info.path)))
                level = info.level or self._mention_levels.get(info.path)
                if level in LEVELS:
                    g.add((node, SKG.level, level_iri(level)))
                if info.code:
                    g.add((node, SKG.gazetteerCode, _lit(info.code)))
            self._link(node, evnodes)
            if child is not None:
                self.g.add((child, SKG.partOf, node))
            first = first or node
            child = node
        return first

    def body(self, name: str, kind: str | None, region: str | None, level: str | None,
             evnodes: list[URIRef], year: str | None = None) -> URIRef:
        known = self._bodies_by_name.get(name_key(name))
        if known is not None:
            kind = kind or known.kind
            region = region or known.region
            level = level or known.level
        kind = kind or "other"
        if region is None:
            region = gazetteer.region_prefix(name)
        memo = (name_key(name), kind, region, year)
        node = self._body_nodes.get(memo)
        if node is None:
            node = iri(self.res.body(name, kind, region, self.doc_id, year=year, level=level))
            self._body_nodes[memo] = node
            g = self.g
            g.add((node, RDF.type, SKG.Body))
            if kind in BODY_KIND_CLASS:
                g.add((node, RDF.type, BODY_KIND_CLASS[kind]))
            g.add((node, SCHEMA.name, _lit(name)))
            if region:
                g.add((node, SKG.inRegion, self.region(region, evnodes)))
                level = level or gazetteer.region_info(region).level
            if level in LEVELS:
                g.add((node, SKG.level, level_iri(level)))
        self._link(node, evnodes)
        return node

    def person(self, name: str, region: str | None, national: bool, evs: list[Evidence],
               rule: str) -> URIRef:
        key = name_key(name)
        node = self._persons.get(key)
        if node is None:
            node = iri(self.res.person(name, None if national else region, national, self.doc_id))
            self._persons[key] = node
            g = self.g
            g.add((node, RDF.type, SKG.Person))
            g.add((node, SCHEMA.name, _lit(key)))
            g.add((node, SKG.nationalLeader, _lit(bool(national))))
            evnodes = self.support(node, evs, rule)
            if region and not national:
                g.add((node, SKG.contextRegion, self.region(region, evnodes)))
            g.add((self.art, SKG.mentions, node))
        elif evs:
            self.support(node, evs, rule)
        return node

    def directive(self, title: str, evs: list[Evidence], kind: str | None = None,
                  issuer: str | None = None) -> URIRef:
        rid, canonical, alias = self.res.directive(issued_title(title, issuer), self.doc_id, issuer)
        node = iri(rid)
        g = self.g
        if (node, RDF.type, SKG.Directive) not in g:
            g.add((node, RDF.type, SKG.Directive))
            g.add((node, SCHEMA.name, _lit(canonical)))
            g.add((self.art, SKG.mentions, node))
        if kind in DIRECTIVE_KIND_CLASS:
            g.add((node, RDF.type, DIRECTIVE_KIND_CLASS[kind]))
        for known in self.res.aliases_of(rid) if alias else ():  # the union over articles (Resolver.aliases_of)
            g.add((node, SKG.alias, _lit(known)))
        evnodes = self.support(node, evs, "directive")
        if issuer:
            g.add((node, SKG.issuerText, _lit(issuer)))
            g.add((node, SKG.issuedBy, self.body(issuer, None, None, None, evnodes)))
        self._directives[title_key(title)] = node
        self._directives[title_key(canonical)] = node
        return node

    # -- the record --------------------------------------------------------------------
    def build(self) -> Triples:
        rec, g = self.rec, self.g
        self.article()

        for m in rec.region_mentions:
            self.g.add((self.art, SKG.mentions, self.region(m.path, self.evidence_nodes(m.evidence, "region"))))
        mentioned = {m.path for m in rec.region_mentions}
        for path in rec.regions:
            if path not in mentioned:
                self.g.add((self.art, SKG.mentions, self.region(path, self.evidence_nodes([], "region"))))

        for b in rec.bodies:
            node = self.body(b.name, b.kind, b.region, b.level, self.evidence_nodes(b.evidence, "body"))
            g.add((self.art, SKG.mentions, node))

        # a person's region context: their post's region, else the meeting the text first names them taking part
        # in (a county leader attends the county's meeting before watching the city's at a branch venue; the
        # record lists the relayed meeting first, so its order does not say), else the article's
        meeting_region: dict[str, str] = {}
        taking_part = sorted(((min((e.start for e in p.evidence), default=_NO_EVIDENCE), i, p.name, m.region)
                              for i, m in enumerate(rec.meetings) if m.region for p in m.participants))
        for _, _, name, region in taking_part:
            meeting_region.setdefault(name_key(name), region)
        for p in rec.persons:
            n = name_key(p.name)
            region = next((post.region for post in p.posts if post.region), None) \
                or meeting_region.get(n) or rec.context_region
            pnode = self.person(p.name, region, p.national_leader, p.evidence, "person")
            evnodes = list(g.objects(pnode, SKG.evidence))
            self._posts(p, pnode, region, evnodes)

        # an alias the text states (《…若干措施》(以下简称“十五条措施”)) holds before any title is resolved;
        # read from the directives' own sentences, which every path has (a build hands over its documents
        # without their text), so a first build and a later regraph learn the same aliases
        texts = dict.fromkeys(e.text for d in rec.directives for e in d.evidence)
        for text in texts:
            for alias, title in stated_aliases(text):
                self.res.learn_alias(alias, title, self.doc_id)
        for d in rec.directives:
            self.directive(d.title, d.evidence, d.kind, d.issuer)

        for inc in rec.incidents:
            node = iri(self.res.incident(inc.title, self.doc_id))
            g.add((node, RDF.type, SKG.Incident))
            g.add((node, SCHEMA.name, _lit(inc.title)))
            evnodes = self.support(node, inc.evidence, "incident")
            if inc.region:
                g.add((node, SKG.occurredIn, self.region(inc.region, evnodes)))
            g.add((self.art, SKG.concerns, node))

        inspections = [self._inspection(i) for i in rec.inspections]
        self._meetings(inspections)

        for name, evs in self._sector_names():
            g.add((self.art, SKG.addresses, self.sector(name, evs)))
        return g

    def _posts(self, p, pnode: URIRef, region: str | None, evnodes: list[URIRef]) -> None:
        seen = set()
        for post in p.posts:
            body_node = None
            if post.body:
                body_node = self.body(post.body, post.body_kind, post.region, None, evnodes)
            node = iri(self.res.post(post.title, _rid(body_node), post.region or region,
                                     str(pnode), self.doc_id))
            self._post_node(node, post.title, post.full, body_node, pnode, evnodes)
            seen.add(post.title)
        for title in p.titles:
            if title in seen:
                continue
            node = iri(self.res.post(title, None, None if p.national_leader else region,
                                     str(pnode), self.doc_id))
            self._post_node(node, title, title, None, pnode, evnodes)

    def _post_node(self, node, title, full, body_node, pnode, evnodes) -> None:
        g = self.g
        g.add((node, RDF.type, SKG.Post))
        g.add((node, SKG.title, _lit(title)))
        g.add((node, SKG.fullTitle, _lit(full)))
        if body_node is not None:
            g.add((node, ORG.postIn, body_node))
        g.add((pnode, ORG.holds, node))
        self._link(node, evnodes)

    def _inspection(self, ins) -> URIRef:
        g = self.g
        evnodes = self.evidence_nodes(ins.evidence, "inspection")
        year = ins.start[:4] if ins.start and ins.start[:4].isdigit() else self._year
        team_region = gazetteer.region_prefix(ins.team)
        team = self.body(ins.team, "inspection_team", team_region, ins.level, evnodes, year=year)
        target_node = None
        if ins.target:
            if ins.target in self.rec.regions or gazetteer.is_region(ins.target) \
                    or any(m.path == ins.target for m in self.rec.region_mentions):
                target_node = self.region(ins.target, evnodes)
            else:
                target_node = self.body(ins.target, None, None, None, evnodes)
        node = iri(self.res.inspection(_rid(team), _rid(target_node) if target_node else ins.target,
                                       ins.start, self.doc_id))
        g.add((node, RDF.type, SKG.Inspection))
        g.add((node, SKG.conductedBy, team))
        if ins.target:
            g.add((node, SKG.targetText, _lit(ins.target)))
        if target_node is not None:
            g.add((node, SKG.targets, target_node))
        for p, v in ((SKG.startDate, ins.start), (SKG.endDate, ins.end)):
            if (lit := date_literal(v)) is not None:
                g.add((node, p, lit))
        level = ins.level or (gazetteer.region_info(team_region).level if team_region else None)
        if level in LEVELS:
            g.add((node, SKG.level, level_iri(level)))
        self._link(node, evnodes)
        if ins.leader:
            self.person(ins.leader, team_region, False, ins.evidence, "inspection.leader")
        g.add((self.art, SKG.reports, node))
        return node

    def _day_years(self, places: list, apart: list, signals: list[str], years: tuple[int, ...],
                   era: tuple[str, str] | None = None) -> dict[int, str]:
        """Per year-less meeting of the article, the year its other meetings of that day are of, when they give
        one year only: written in a full date, or the year of the one dated meeting a year-less one joins. A
        report's meetings of one day are of one year (`全国、全省、全市…会议相继召开`): a year-less meeting of
        several candidates takes the one of that year (Resolver.meeting_year). A meeting's own join gives it no
        year (it would keep a join a later candidate makes ambiguous)."""
        seen: list[tuple[int, str, str | None]] = []  # (index, -MM-DD, year known for it)
        for idx, (m, (level, region), named) in enumerate(zip(self.rec.meetings, places, apart, strict=True)):
            d = m.date
            if d and len(d) == 10 and d[:4].isdigit():
                seen.append((idx, d[4:], d[:4]))
            elif d and d.startswith("--"):
                mention = MeetingMention(date=d, region=region,
                                         level=level or (gazetteer.region_info(region).level if region else None),
                                         kind=m.kind, name=m.name, signals=signals, apart=named, years=years,
                                         era=era)
                seen.append((idx, d[1:], self.res.meeting_year(mention, self.doc_id)))
        out: dict[int, str] = {}
        for idx, md, _ in seen:
            if (m_date := self.rec.meetings[idx].date) and m_date.startswith("--"):
                others = {y for j, md2, y in seen if j != idx and md2 == md and y}
                if len(others) == 1:
                    out[idx] = next(iter(others))
        return out

    def _meetings(self, inspections: list[URIRef]) -> None:
        rec, g = self.rec, self.g
        nodes: dict[int, URIRef] = {}
        dates: dict[int, str | None] = {}
        signals = sorted({s for d in rec.instructions if (s := instruction_signal(d.title))})
        relayers: dict[int, list[int]] = {}  # meeting -> the meetings of this article relaying it
        for i, m in enumerate(rec.meetings):
            for r in m.relays:
                if r.meeting is not None and 0 <= r.meeting < len(rec.meetings) and r.meeting != i:
                    relayers.setdefault(r.meeting, []).append(i)
        places = [resolution_region(m.level, m.region, m.name) for m in rec.meetings]
        apart = named_apart([MeetingMention(date=m.date, region=region, level=level, kind=m.kind, name=m.name)
                             for m, (level, region) in zip(rec.meetings, places, strict=True)])
        # a meeting is resolved after the meetings it relays: a year-less meeting held the same day as
        # the meeting it relays takes that meeting's year once it is known
        years = written_years(self.doc.clean) if self.doc is not None else ()
        era = leader_era((p.name, p.titles) for p in rec.persons)
        day_years = self._day_years(places, apart, signals, years, era)
        for idx in _relayed_first(rec.meetings):
            m = rec.meetings[idx]
            people = []
            for p in m.participants:
                known = next((x for x in rec.persons if name_key(x.name) == name_key(p.name)), None)
                national = bool(known and known.national_leader)
                people.append(self.person(p.name, m.region or rec.context_region, national, p.evidence,
                                          f"meeting.participant.{p.role}"))
            level, region = resolution_region(m.level, m.region, m.name)
            date, year_note = m.date, None
            if date and date.startswith("--"):
                for r in m.relays:
                    up = dates.get(r.meeting) if r.meeting is not None else None
                    if up and len(up) == 10 and up[4:] == date[1:]:
                        date = up
                        year_note = f"held the same day as the meeting it relays ({up})"
                        break
            on = sorted(d for j in relayers.get(idx, []) if (d := rec.meetings[j].date) and len(d) == 10
                        and d[:4].isdigit())
            mention = MeetingMention(date=date, region=region,
                                     level=level or (gazetteer.region_info(region).level if region else None),
                                     kind=m.kind, name=m.name, participants=sorted({_rid(x) for x in people}),
                                     signals=signals, relayed_on=on[0] if on and not date else None,
                                     year_note=year_note, apart=apart[idx], years=years,
                                     day_year=day_years.get(idx) if date and date.startswith("--") else None,
                                     era=era)
            resolved = self.res.meeting(mention, self.doc_id, idx)
            node = iri(resolved.id)
            nodes[idx], dates[idx] = node, resolved.date
            g.add((node, RDF.type, SKG.Meeting))
            for alias in resolved.aliases:
                g.add((node, SKG.alias, _lit(alias)))
            if (kind := resolved.kind or m.kind) in MEETING_KIND_CLASS:
                g.add((node, RDF.type, MEETING_KIND_CLASS[kind]))
            if resolved.name:
                g.add((node, SCHEMA.name, _lit(resolved.name)))
            if (lit := date_literal(resolved.date)) is not None:
                g.add((node, SKG.date, lit))
            evnodes = self.support(node, m.evidence, "meeting")
            if mention.level in LEVELS:
                g.add((node, SKG.level, level_iri(mention.level)))
            if region and region != NATIONAL_REGION:
                g.add((node, SKG.heldIn, self.region(region, evnodes)))
            if m.convener:
                g.add((node, SKG.convenedBy, self.body(m.convener, None, region if region != NATIONAL_REGION
                                                       else None, mention.level, evnodes)))
            if m.inspection is not None and 0 <= m.inspection < len(inspections):
                g.add((node, SKG.feedbackOf, inspections[m.inspection]))
            for p, pnode in zip(m.participants, people, strict=True):
                part = iri(entity_id("participation", f"{node}|{pnode}|{p.role}"))
                g.add((part, RDF.type, SKG.Participation))
                g.add((part, SKG.participant, pnode))
                g.add((part, SKG.inMeeting, node))
                g.add((part, SKG.role, role_iri(p.role)))
                self.support(part, p.evidence or m.evidence, f"meeting.participant.{p.role}")
            for s in m.sectors:
                # the meeting's sector is one the article names: its spans locate it (a record
                # that lists the sector without naming it in the text leaves it unlocated)
                g.add((node, SKG.addresses, self.sector(s, self._sector_spans.get(s, []))))
            g.add((self.art, SKG.reports, node))
        for idx, m in enumerate(rec.meetings):
            node = nodes[idx]
            for r in m.relays:
                target = None
                if r.directive:
                    target = self._directives.get(title_key(r.directive)) \
                        or self.directive(r.directive, r.evidence)
                elif r.meeting is not None and r.meeting in nodes and nodes[r.meeting] != node:
                    target = nodes[r.meeting]
                if target is None:
                    continue
                # a stated and an inferred relay between the same meetings are two facts (two articles
                # may say it differently); the stated one wins where a reader must pick
                relay = iri(entity_id("relay", f"{node}|{target}" + ("|inferred" if r.inferred else "")))
                g.add((relay, RDF.type, SKG.Relay))
                g.add((relay, SKG.relayingMeeting, node))
                g.add((relay, SKG.relayed, target))
                g.add((relay, SKG.inferred, _lit(bool(r.inferred))))
                if r.inferred and r.basis:
                    g.add((relay, SKG.relayBasis, _lit(r.basis)))
                g.add((node, SKG.relays, target))
                self.support(relay, r.evidence or m.evidence,
                             f"meeting.relay.{r.basis or 'inferred'}" if r.inferred else "meeting.relay")

    def _sector_names(self) -> list[tuple[str, list[Evidence]]]:
        out = {name: list(evs) for name, evs in self._sector_spans.items()}
        for s in self.rec.sectors:
            out.setdefault(s, [])
        return list(out.items())

    def sector(self, name: str, evs: list[Evidence]) -> URIRef:
        g = self.g
        node = iri(self.res.sector(name, self.doc_id))
        if (node, RDF.type, SKG.Sector) not in g:
            g.add((node, RDF.type, SKG.Sector))
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, SKOS.prefLabel, _lit(name, lang="zh")))
            g.add((node, SKOS.inScheme, SKG.SectorScheme))
            concept = sectors().get(name)
            if concept and concept.parent:
                g.add((node, SKOS.broader, iri(entity_id("sector", concept.parent))))
        self.support(node, evs, "sector")
        return node


def _relayed_first(meetings: list) -> list[int]:
    """Meeting indexes, each after the meetings of the record it relays (record order otherwise;
    a cycle is broken where it closes)."""
    out: list[int] = []
    state: dict[int, int] = {}  # 1 visiting, 2 done

    def visit(i: int) -> None:
        if state.get(i):
            return
        state[i] = 1
        for r in meetings[i].relays:
            if r.meeting is not None and 0 <= r.meeting < len(meetings) and r.meeting != i:
                visit(r.meeting)
        state[i] = 2
        out.append(i)

    for i in range(len(meetings)):
        visit(i)
    return out


def _rid(node: URIRef | None) -> str | None:
    return row_id(node) if node is not None else None


def record_to_triples(rec: ExtractionRecord, doc: Document | None, resolver: Resolver | ResumedResolver) -> Triples:
    """The RDF triples of one article (its facts, their evidence, the entities they imply)."""
    return _ArticleGraph(rec, doc, resolver).build()


def record_to_graph(rec: ExtractionRecord, doc: Document | None, resolver: Resolver) -> Graph:
    """The same as an rdflib Graph."""
    return record_to_triples(rec, doc, resolver).to_graph()


def _nt_term(t) -> str:
    if isinstance(t, Literal):
        lex = (str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
        if t.language:
            return f'"{lex}"@{t.language}'
        if t.datatype:
            return f'"{lex}"^^<{t.datatype}>'
        return f'"{lex}"'
    if isinstance(t, BNode):
        return f"_:{t}"
    return f"<{t}>"


def write_batch_rdf(graph: Graph | Triples | Iterable, path: str | Path) -> None:
    """Write a batch's triples as N-Triples (UTF-8), atomically."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    terms: dict = {}  # subjects and predicates repeat on most lines: each term is written out once

    def term(t) -> str:
        s = terms.get(t)
        if s is None:
            s = terms[t] = _nt_term(t)
        return s

    tmp.write_text("".join(f"{term(s)} {term(pr)} {term(o)} .\n" for s, pr, o in graph), encoding="utf-8")
    tmp.replace(p)


_NT_LITERAL = re.compile(r'^"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.S)
_NT_UNESCAPE = re.compile(r"\\(.)")
_NT_ESCAPES = {"n": "\n", "r": "\r", '"': '"', "\\": "\\"}


def read_nt(path: str | Path, predicates: frozenset | set | None = None) -> Triples:
    """The triples of an N-Triples file written by `write_batch_rdf` (only `predicates`, if given)."""
    return Triples(iter_nt(path, predicates))


def iter_nt(path: str | Path, predicates: frozenset | set | None = None,
            terms: dict | None = None) -> Iterator[tuple]:
    """The triples of an N-Triples file written by `write_batch_rdf` (only `predicates`, if given).

    The inverse of `write_batch_rdf` for its own output (not a general N-Triples parser): the
    build's SHACL worker reads each batch back from the files the build has just written, which
    costs the build nothing, instead of receiving the triples pickled. `terms` memoizes terms
    across the files of a batch (classes, predicates, regions repeat)."""
    terms = {} if terms is None else terms

    def term(t: str):
        node = terms.get(t)
        if node is None:
            if t.startswith("<"):
                node = URIRef(t[1:-1])
            elif t.startswith("_:"):
                node = BNode(t[2:])
            else:
                m = _NT_LITERAL.match(t)
                if m is None:
                    raise ValueError(f"{path}: not a term: {t[:80]}")
                lex = m.group(1)
                if "\\" in lex:
                    lex = _NT_UNESCAPE.sub(lambda e: _NT_ESCAPES.get(e.group(1), e.group(0)), lex)
                node = Literal(lex, lang=m.group(2), datatype=URIRef(m.group(3)) if m.group(3) else None)
            terms[t] = node
        return node

    keep = {f"<{p}>" for p in predicates} if predicates is not None else None
    with open(path, encoding="utf-8") as f:
        for line in f:
            # subject and predicate hold no space (IRIs, blank nodes): split, filter, then parse
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) != 3 or not parts[2].endswith(" ."):
                continue
            s, p, o = parts
            if keep is not None and p not in keep:
                continue
            yield term(s), term(p), term(o[:-2])
