"""inspections: inspection missions of a region (targets within it) or by a team, with their
feedback meetings and who answered there (the feedback meeting's speakers).

Ordered by start date then id, a page at a time: `total` counts every match, `inspections` holds
`limit` of them from `offset`. Details (teams, targets, feedback meetings) are gathered for the
page only — a team name such as 巡查组 matches a thousand inspections in a 10k corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, model_validator

from queries.lookup import find_nodes, region_subtree, simplified
from queries.shapes import (
    CYPHER_OVERLAPS,
    DateRangeParams,
    EvidenceItem,
    QueryParamError,
    Ref,
    cypher_props,
    evidence_items,
    ref,
)
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore

PAGE = 100  # each carries its teams, targets and feedback meetings


class InspectionsParams(DateRangeParams):
    region: str | None = Field(None, description="target region id, path or name (with sub-regions)")
    team: str | None = Field(None, description="team (body) id, or part of the team's name")
    limit: int = Field(PAGE, ge=1, le=20000, description="inspections in this page")
    offset: int = Field(0, ge=0, le=10_000_000, description="inspections skipped (earlier pages)")

    @model_validator(mode="after")
    def _one_subject(self) -> InspectionsParams:
        if (self.region is None) == (self.team is None):
            raise ValueError("give exactly one of region, team")
        return self


class FeedbackMeeting(BaseModel):
    meeting: Ref
    date: str | None
    chairs: list[str]
    speakers: list[str]  # who answered (表态发言) and who reported (通报)


class InspectionOut(BaseModel):
    inspection: Ref
    team: str | None
    target: str | None
    start: str | None
    end: str | None
    level: str | None
    conducted_by: list[Ref]
    targets: list[Ref]
    feedback: list[FeedbackMeeting]
    evidence: list[EvidenceItem]


class InspectionsResult(BaseModel):
    inspections: list[InspectionOut]
    total: int = 0
    offset: int = 0


_DETAILS = """
WITH DISTINCT i
WHERE {overlaps}
WITH i ORDER BY coalesce(i.start, '~'), i.id
WITH collect(i) AS found
CALL (found) {{
UNWIND found[$offset..$end] AS i
CALL (i) {{
  OPTIONAL MATCH (i)-[:CONDUCTED_BY]->(b:Body)
  RETURN collect({b_ref}) AS conducted_by
}}
CALL (i) {{
  OPTIONAL MATCH (i)-[:TARGETS]->(t)
  RETURN collect({t_ref}) AS targets
}}
CALL (i) {{
  MATCH (m:Meeting)-[:FEEDBACK_OF]->(i)
  OPTIONAL MATCH (m)<-[r:PARTICIPATED]-(p:Person)
  WITH m, collect(CASE WHEN r.role = 'chair' THEN p.name END) AS chairs,
       collect(CASE WHEN r.role = 'speaker' THEN p.name END) AS speakers
  RETURN collect({{meeting: {m_ref}, chairs: chairs, speakers: speakers}}) AS feedback
}}
RETURN collect({{i: {i_ref}, conducted_by: conducted_by, targets: targets, feedback: feedback}}) AS page
}}
RETURN size(found) AS total, page
""".format(overlaps=CYPHER_OVERLAPS.format(s="i.start", e="i.end"), b_ref=cypher_props("b", label="Body"),
           t_ref=cypher_props("t"), m_ref=cypher_props("m", "date", label="Meeting"),
           i_ref=cypher_props("i", "target", "start", "end", "level", "evidence", label="Inspection"))

CYPHER_REGION = """
MATCH (g:Region)<-[:PART_OF*0..]-(s:Region)<-[:BODY_IN*0..1]-(t)<-[:TARGETS]-(i:Inspection)
WHERE g.id IN $ids
""" + _DETAILS

# a team's name through its TEXT index, a team's id through the body's: two seeks (an OR of the two scanned
# every inspection and expanded each one's teams)
CYPHER_TEAM = """
CALL () {
  MATCH (i:Inspection) WHERE i.team CONTAINS $team RETURN i
  UNION
  MATCH (:Body {id: $team_raw})<-[:CONDUCTED_BY]-(i:Inspection) RETURN i
}
""" + _DETAILS


def _raw_one(store: GraphStore, iid: str) -> dict[str, Any]:
    i = store.node(iid)
    conducted = [store.node(b) for b, _ in store.out_rels(iid, "CONDUCTED_BY") if store.label(b) == "Body"]
    targets = [store.node(t) for t, _ in store.out_rels(iid, "TARGETS")]
    feedback = []
    for mid, _ in store.in_rels(iid, "FEEDBACK_OF"):
        if store.label(mid) != "Meeting":
            continue
        parts = [(r.get("role"), store.node(p).get("name")) for p, r in store.in_rels(mid, "PARTICIPATED")
                 if store.label(p) == "Person"]
        feedback.append({"meeting": store.node(mid), "chairs": [n for role, n in parts if role == "chair"],
                         "speakers": [n for role, n in parts if role == "speaker"]})
    return {"i": i, "conducted_by": conducted, "targets": targets, "feedback": feedback}


def _raw_embedded(store: EmbeddedStore, params: InspectionsParams, region_ids: list[str]) -> tuple[int, list[dict]]:
    ids: set[str] = set()
    if params.team is not None:
        team = simplified(params.team)
        for iid in store.ids_by_label("Inspection"):
            i = store.node(iid)
            if team in (i.get("team") or "") or any(b == params.team.strip()
                                                    for b, _ in store.out_rels(iid, "CONDUCTED_BY")):
                ids.add(iid)
    else:
        for rid in region_subtree(store, region_ids):
            for t in [rid] + [b for b, _ in store.in_rels(rid, "BODY_IN") if store.label(b) == "Body"]:
                ids |= {i for i, _ in store.in_rels(t, "TARGETS") if store.label(i) == "Inspection"}
    found = sorted((i.get("start") or "~", iid) for iid in ids
                   if params.overlaps((i := store.node(iid)).get("start"), i.get("end")))
    return len(found), [_raw_one(store, iid) for _, iid in found[params.offset:params.offset + params.limit]]


def _assemble(total: int, rows: list[dict], offset: int) -> InspectionsResult:
    out = []
    for x in rows:
        i = x["i"]
        out.append(InspectionOut(
            inspection=ref(i, "Inspection"), team=i.get("team"), target=i.get("target"), start=i.get("start"),
            end=i.get("end"), level=i.get("level"),
            conducted_by=sorted((ref(b, "Body") for b in x["conducted_by"]), key=lambda r: r.id),
            targets=sorted((ref(t) for t in x["targets"]), key=lambda r: (r.label, r.id)),
            feedback=sorted((FeedbackMeeting(meeting=ref(f["meeting"], "Meeting"), date=f["meeting"].get("date"),
                                             chairs=sorted(n for n in f["chairs"] if n),
                                             speakers=sorted(n for n in f["speakers"] if n))
                             for f in x["feedback"]), key=lambda f: (f.date or "~", f.meeting.id)),
            evidence=evidence_items(i.get("evidence"))))
    out.sort(key=lambda x: (x.start or "~", x.inspection.id))
    return InspectionsResult(inspections=out, total=total, offset=offset)


def _regions(store: GraphStore, params: InspectionsParams) -> list[str]:
    if params.region is None:
        return []
    found = find_nodes(store, params.region, ("Region",))
    if not found:
        raise QueryParamError(f"no region with id, path or name {params.region!r}")
    return [r["id"] for r in found]


def run_embedded(store: EmbeddedStore, params: InspectionsParams) -> InspectionsResult:
    total, rows = _raw_embedded(store, params, _regions(store, params))
    return _assemble(total, rows, params.offset)


def run_neo4j(store: Neo4jStore, params: InspectionsParams) -> InspectionsResult:
    region_ids = _regions(store, params)
    page = {"offset": params.offset, "end": params.offset + params.limit, **params.range_params()}
    if params.team is not None:
        rows = store.query(CYPHER_TEAM, {"team": simplified(params.team), "team_raw": params.team.strip(), **page})
    else:
        rows = store.query(CYPHER_REGION, {"ids": region_ids, **page})
    got = rows[0] if rows else {"total": 0, "page": []}
    return _assemble(got["total"], got["page"], params.offset)


SPEC = QuerySpec(name="inspections", description="inspections of a region or by a team, with feedback meetings",
                 params=InspectionsParams, result=InspectionsResult, embedded=run_embedded, neo4j=run_neo4j)
