"""The extraction record: the JSON contract of ../shared/gold/GUIDELINES.md plus evidence.

Scored fields keep the names and meaning of the guidelines; everything else
(evidence, rules, kinds, bodies) is extra and ignored by the scorer. `regions`,
`sectors` stay lists of strings because the scorer hashes them; their evidence
lives in `region_mentions` / `sector_mentions`. `incidents` and `directives` are
objects with a `title`, which the scorer also accepts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graph_loader.lang.levels import Level, Role


class Evidence(BaseModel):
    """Where a fact was read: clean-text span, original-text span, and the rule that fired."""

    start: int
    end: int
    orig_start: int
    orig_end: int
    text: str  # the sentence (or clause) of clean text that carries the fact
    rule: str  # e.g. "person.title_chain", "meeting.chair.主持"


class Post(BaseModel):
    title: str  # as scored: leading place removed ("市委书记")
    full: str  # as written ("海宁市委书记")
    body: str | None = None  # resolved body name ("海宁市委") where the text says
    body_kind: str | None = None
    region: str | None = None  # full region path of that body


class Person(BaseModel):
    name: str
    titles: list[str] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    national_leader: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class Body(BaseModel):
    name: str  # resolved full name ("海宁市委", "浙江省安全生产第二巡查组")
    kind: str  # party_committee | government | congress | cppcc | safety_committee | department | inspection_team | other
    region: str | None = None
    level: Level | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Participant(BaseModel):
    name: str
    role: Role
    evidence: list[Evidence] = Field(default_factory=list)


class Relay(BaseModel):
    directive: str | None = None  # a directive title
    meeting: int | None = None  # index of an earlier meeting of the same record
    # False: the text says the meeting relays it (传达, 贯彻落实…精神). True: the relay is read from
    # the setting, not a verb: a branch venue of the higher meeting (在分会场收听收看) or a meeting
    # held right after it (会后立即召开…); `basis` names which ("branch_venue", "follow_up").
    inferred: bool = False
    basis: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Meeting(BaseModel):
    date: str | None = None  # YYYY-MM-DD or --MM-DD
    region: str | None = None
    level: Level | None = None
    kind: str | None = None  # a kind of lang/data/meeting_kinds.tsv
    name: str | None = None
    convener: str | None = None  # body name
    participants: list[Participant] = Field(default_factory=list)
    relays: list[Relay] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    inspection: int | None = None  # index of the inspection this meeting closes or reports to
    evidence: list[Evidence] = Field(default_factory=list)


class Inspection(BaseModel):
    team: str
    target: str | None = None
    start: str | None = None
    end: str | None = None
    level: Level | None = None
    leader: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Directive(BaseModel):
    title: str
    issuer: str | None = None
    kind: Literal["document", "measure_package", "instruction", "report", "compilation"] = "document"
    evidence: list[Evidence] = Field(default_factory=list)


class Incident(BaseModel):
    title: str
    region: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class RegionMention(BaseModel):
    path: str
    level: Level | None = None
    code: str | None = None  # gazetteer code where known
    evidence: list[Evidence] = Field(default_factory=list)


class SectorMention(BaseModel):
    sector: str
    surface: str
    evidence: list[Evidence] = Field(default_factory=list)


class ExtractionRecord(BaseModel):
    doc_id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    reporters: list[str] = Field(default_factory=list)
    ignore_names: list[str] = Field(default_factory=list)  # editors (责编)
    context_region: str | None = None  # the region the article is about (resolves 市委, 我省)
    persons: list[Person] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    inspections: list[Inspection] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    # leaders' instructions cited for study (kind "instruction"); apart because the gold lists documents only
    instructions: list[Directive] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    region_mentions: list[RegionMention] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    sector_mentions: list[SectorMention] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")
