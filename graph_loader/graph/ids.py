"""Namespaces, stable ids and IRIs: one id per resolved key, the same on every run and in every store.

A row id is `<kind>-<16 hex of sha1(kind|key)>`; its IRI is `ID/<kind>/<hex>`. Both are pure
functions of the resolved key, so the RDF, the rows and every store agree without a lookup.
"""

from __future__ import annotations

import hashlib

from rdflib import Namespace, URIRef


class CachedNamespace(Namespace):
    """An rdflib Namespace whose attribute terms are built once (rdflib rebuilds the URIRef on
    every `SKG.evidence`, which was a tenth of the build time)."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.term(name)
        self.__dict__[name] = term
        return term


BASE = "https://safetykg.example.org/"
SKG = CachedNamespace(BASE + "ontology#")
ID = CachedNamespace(BASE + "id/")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
PROV = CachedNamespace("http://www.w3.org/ns/prov#")
SCHEMA = CachedNamespace("https://schema.org/")
FOAF = CachedNamespace("http://xmlns.com/foaf/0.1/")

PREFIXES = {"skg": SKG, "skgid": ID, "org": ORG, "prov": PROV, "schema": SCHEMA, "foaf": FOAF}

# the region a national meeting is held in (its region in the graph and in resolution keys; a
# national meeting is never placed in the region of the article that reports it)
NATIONAL_REGION = "全国"

# Extractor kind strings -> ontology subclasses (the base class is always asserted too).
BODY_KIND_CLASS = {
    "party_committee": SKG.PartyCommittee,
    "government": SKG.Government,
    "congress": SKG.Congress,
    "cppcc": SKG.CPPCC,
    "safety_committee": SKG.SafetyCommittee,
    "department": SKG.Department,
    "inspection_team": SKG.InspectionTeam,
}
MEETING_KIND_CLASS = {
    "feedback": SKG.FeedbackMeeting,
    "teleconference": SKG.Teleconference,
    "study": SKG.StudySession,
    "safety_committee_plenary": SKG.SafetyCommitteePlenary,
    "deployment": SKG.DeploymentMeeting,
    "report": SKG.ReportMeeting,
}
DIRECTIVE_KIND_CLASS = {
    "document": SKG.PolicyDocument,
    "measure_package": SKG.MeasurePackage,
    "instruction": SKG.LeaderInstruction,
    "report": SKG.Report,
    "compilation": SKG.Compilation,
}


def digest(kind: str, key: str) -> str:
    return hashlib.sha1(f"{kind}|{key}".encode()).hexdigest()[:16]


def entity_id(kind: str, key: str) -> str:
    """The row id of the entity of this kind with this resolved key."""
    return f"{kind}-{digest(kind, key)}"


def iri(row_id: str) -> URIRef:
    kind, _, h = row_id.partition("-")
    return ID[f"{kind}/{h}"]


def row_id(node: URIRef | str) -> str:
    """Inverse of iri(): the row id of an entity IRI."""
    s = str(node)
    if not s.startswith(str(ID)):
        raise ValueError(f"not an entity IRI: {s}")
    kind, _, h = s[len(str(ID)):].partition("/")
    return f"{kind}-{h}"


def level_iri(level: str) -> URIRef:
    return ID[f"level/{level}"]


def role_iri(role: str) -> URIRef:
    return ID[f"role/{role}"]


def sector_id(name: str) -> str:
    return entity_id("sector", name)


