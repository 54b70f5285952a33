"""`Document` → `ExtractionRecord`: every extractor run once over the clean text, facts joined with evidence.

Order matters only where one fact needs another: regions first (the home region
resolves `市委`, `我省`), dates next (meetings and inspections take theirs), then
persons (their posts place the meetings they chair), meetings, inspections.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from graph_loader.extract.bodies import BodyRef, body_of_title, convening_body
from graph_loader.extract.dates import SAME_DAY, DateHit, find_dates
from graph_loader.extract.directives import DirectiveHit, find_directives, find_instructions
from graph_loader.extract.evidence import EvidenceMaker
from graph_loader.extract.higher import (
    attach_higher,
    in_record_order,
    listed_on,
    named_twice,
    venue_only_watched,
)
from graph_loader.extract.incidents import find_incidents
from graph_loader.extract.inspections import InspectionDraft, find_inspections
from graph_loader.extract.lexicon_files import alternation, rows
from graph_loader.extract.meetings import (
    MeetingDraft,
    fold_participants,
    follow_up_told_twice,
    level_of_chars,
    meeting_drafts,
    meeting_verbs,
    visit_re,
)
from graph_loader.extract.persons import (
    LONG_NAME,
    READ_AS_NAMES,
    NameMention,
    find_persons,
    post_level,
    strip_place,
)
from graph_loader.extract.record import (
    Body,
    Directive,
    ExtractionRecord,
    Incident,
    Inspection,
    Meeting,
    Participant,
    Person,
    Post,
    RegionMention,
    Relay,
    SectorMention,
)
from graph_loader.extract.regions import (
    RegionHit,
    context_region,
    division_path,
    find_regions,
    gazetteer,
    level_of,
    level_word_at,
    parent_path,
    part_of_a_word,
    place_of,
    relative_words_re,
    title_home,
    town_after,
    township_names,
)
from graph_loader.extract.sectors import find_sectors
from graph_loader.extract.sentences import SentenceIndex
from graph_loader.ingest.document import Document, IngestWarning, Rejection
from graph_loader.lang.bodies import is_national_body
from graph_loader.lang.chars import HAN_RE, IN_CLAUSE, clause_start
from graph_loader.lang.levels import LEVEL_CHARS, LEVEL_RANK
from graph_loader.lang.numerals import NUMERAL
from graph_loader.lang.titles import same_post

# the records an article makes by the hundred, validated as `Model(**fields)` validates them, without the keyword
# call and `BaseModel.__init__`'s checks (as evidence.py builds `Evidence`): the same validation, the same model
_new_post = Post.__pydantic_validator__.validate_python
_new_person = Person.__pydantic_validator__.validate_python
_new_body = Body.__pydantic_validator__.validate_python
_new_participant = Participant.__pydantic_validator__.validate_python
_new_meeting = Meeting.__pydantic_validator__.validate_python
_new_relay = Relay.__pydantic_validator__.validate_python
_new_region_mention = RegionMention.__pydantic_validator__.validate_python
_new_sector_mention = SectorMention.__pydantic_validator__.validate_python

log = logging.getLogger(__name__)



def extract(doc: Document) -> ExtractionRecord:
    """One record per article; never raises (a failure is a warning on an otherwise empty record)."""
    meta = doc.metadata
    record = ExtractionRecord(doc_id=doc.doc_id, title=meta.title, source=meta.source,
                              published=meta.published, reporters=list(meta.reporters),
                              ignore_names=list(meta.editors))
    if not HAN_RE.search(doc.clean or ""):
        record.warnings.append("no_chinese: nothing to extract")
        return record
    try:
        _fill(doc, record)
    except Exception as e:  # noqa: BLE001 - one bad article must not stop a corpus
        log.exception("extraction failed for %s", doc.doc_id)
        record.warnings.append(f"extraction_failed: {type(e).__name__}: {e}")
    if not record.persons and not record.meetings:
        record.warnings.append("no_officials_or_meetings")
    return record


def warm_up() -> None:
    """Load the gazetteer and lexicons now, with its library's import banner sent to stderr (stdout
    may carry JSON), then freeze them out of the garbage collector's sight: they live as long as the
    process, and every collection would otherwise walk their ~10^5 objects again (it made unpickling
    a worker's records cost as much as extracting them)."""
    with contextlib.redirect_stdout(sys.stderr):
        gazetteer()
        township_names()
        extract(Document(doc_id="warm-up", path="", sha256="", encoding="utf-8", original=_WARM_UP,
                         clean=_WARM_UP, starts=array("l", range(len(_WARM_UP))),
                         ends=array("l", range(1, len(_WARM_UP) + 1))))
    gc.freeze()


# one sentence that takes every extractor through its lexicons (persons, meetings, dates, directives)
_WARM_UP = "1月2日，县长甲乙主持召开县安委会全体会议，传达学习《安全生产法》。"
CHUNKSIZE = 32  # articles per task sent to a worker: fewer, larger messages


def extract_many(docs: Iterable[Document], workers: int = 1) -> Iterator[ExtractionRecord]:
    """Records in input order; a process pool when workers > 1 (forked after warm_up, so the
    workers start with the lexicons loaded)."""
    warm_up()
    if workers <= 1:
        for doc in docs:
            yield extract(doc)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        for fields in pool.map(_extract_fields, docs, chunksize=CHUNKSIZE):
            yield ExtractionRecord.model_validate(fields)


@dataclass
class FileResult:
    """One input file through ingest and extraction, as the CLI needs it: plain data only."""

    path: str
    rejection: Rejection | None = None
    doc_id: str | None = None
    record: dict | None = None  # ExtractionRecord.to_json_dict()
    text: str | None = None  # `record` as JSON text, when asked for (see extract_files)
    clean: str | None = None  # the clean text (the evaluation shows evidence from it)
    collision: str | None = None  # why doc_id is not the file stem (another file has it)
    failed: str | None = None  # the record's `extraction_failed` warning: kept, but never silently


def extract_files(paths: Iterable[str], workers: int = 1, json_indent: int | None | bool = False
                  ) -> Iterator[FileResult]:
    """Ingest and extract article files (and folders of them), in input order.

    With workers > 1 the workers read the files themselves and send back plain data (`record`
    as a dict, or as JSON text with `json_indent` — None for one line, an int for indented —
    when the caller only writes it out): the parent only hands out paths and writes results,
    so a second worker is not held back by pickling Documents and records. Doc ids are given
    here, in input order, so two files with one stem stay two articles whatever the workers."""
    from graph_loader.ingest import assign_doc_id, iter_input_files

    items = list(iter_input_files(list(paths)))
    taken: dict[str, str] = {}
    ids = [None if isinstance(i, Rejection) else assign_doc_id(i, taken) for i in items]
    warm_up()
    work = partial(_extract_file, json_indent=json_indent)
    if workers <= 1 or len(items) < 2 * CHUNKSIZE:
        for item, given in zip(items, ids, strict=True):
            yield FileResult(item.path, rejection=item) if isinstance(item, Rejection) else work(str(item), *given)
        return
    todo = [(str(i), *given) for i, given in zip(items, ids, strict=True) if given is not None]
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        results = pool.map(work, *zip(*todo, strict=True), chunksize=CHUNKSIZE)
        for item in items:
            yield FileResult(item.path, rejection=item) if isinstance(item, Rejection) else next(results)


def _extract_file(path: str, doc_id: str | None = None, clash: IngestWarning | None = None,
                  json_indent: int | None | bool = False) -> FileResult:
    from graph_loader.ingest import ingest_file

    try:
        doc = ingest_file(Path(path), doc_id, [clash] if clash else ())
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a corpus
        return FileResult(path, rejection=Rejection(path=path, reason=f"ingest failed: {type(e).__name__}: {e}"))
    if isinstance(doc, Rejection):
        return FileResult(path, rejection=doc)
    data = extract(doc).to_json_dict()
    notes = {"collision": clash.message if clash else None,
             "failed": next((w for w in data.get("warnings", []) if w.startswith("extraction_failed")), None)}
    if json_indent is False:
        return FileResult(path, doc_id=doc.doc_id, record=data, clean=doc.clean, **notes)
    return FileResult(path, doc_id=doc.doc_id, text=json.dumps(data, ensure_ascii=False, indent=json_indent),
                      **notes)


def _extract_fields(doc: Document) -> dict:
    """A worker's record as plain data: dumping and validating it again costs both processes about
    half of what pickling the models does (the parent was the bottleneck of two workers)."""
    return extract(doc).model_dump()


def _resolve_same_day(dates: list[DateHit]) -> list[DateHit]:
    """`当日`/`当天`/`同日` (date_words.tsv `same_day`) take the value of the date before them."""
    prev: str | None = None
    for d in dates:
        if d.value is None and d.surface.startswith(SAME_DAY) and prev:
            d.value = prev
        if d.value:
            prev = d.value
    return dates


def _fill(doc: Document, record: ExtractionRecord) -> None:
    text = doc.clean
    index = SentenceIndex(text)
    ev = EvidenceMaker(doc, index)
    # the page's source line (`来源:某省日报`), the body that runs the site (`主办单位:某县人民政府办公室`) and the
    # site's menu (`首页 走进某县 新闻中心`; a portal's menu of a dozen cities names none)
    meta = doc.metadata
    menu_home = _source_region(meta.menu)
    # the page's copyright holder (`版权所有:某市人民政府办公室`) names a home too, after the others: a county's site run
    # under its city's copyright names both
    homes = tuple(dict.fromkeys(r for r in (_source_region(meta.source), _source_region(meta.host), menu_home,
                                            _source_region(meta.owner)) if r))
    source_region = homes[0] if homes else None
    regions = find_regions(text, homes)
    dates = _resolve_same_day(find_dates(text, record.published, doc.metadata.dateline))
    ignore = frozenset(n.replace(" ", "") for n in record.reporters + record.ignore_names)
    mentions = find_persons(text, ignore, frozenset(h.start for h in regions))
    # a place inside a personal name (`张建华`: 建华区, a reporter's `(记者 李某阳)`) is no mention of a place
    credited = [(i, i + len(n)) for n in ignore if len(n) > 2 for i in _occurrences(text, n)]
    # so is a place inside a name the text gave a post once (`副市长安某华出席…`, later `安某华强调`: no 安某市)
    posted = {m.name for m in mentions if m.rule == "person.post" and len(m.name) > 2}
    credited += [(i, i + len(n)) for n in posted for i in _occurrences(text, n)]
    regions = [h for h in regions if not any(a < h.end and h.start < b for a, b in credited)]
    regions = [h for h in regions if not any(m.start < h.end and h.start < m.end
                                             and (m.start != h.start or m.end - m.start >= LONG_NAME
                                                  or m.rule in ("person.post", "person.surname_address")
                                                  or m.rule in READ_AS_NAMES and len(m.name) > 2)
                                             for m in mentions) and not part_of_a_word(text, h)]
    # a place inside an incident's name (`对某省某矿坍塌事故的重要指示`) is where it happened, not the report's home
    # nor where a meeting of the report was held
    incident_hits = find_incidents(text)
    # so is a place inside a cited instruction (`对某市某县山体滑坡作出的重要指示`): where it happened
    instruction_hits = find_instructions(text)
    placed = [h for h in regions if not any(i.start <= h.start < i.end for i in [*incident_hits, *instruction_hits])]
    ctx = context_region(text, placed) or source_region or title_home(text, placed)
    if source_region and ctx and source_region != ctx and source_region.startswith(ctx):
        # a site's banner or menu naming a place inside the one the story points to (`某县欢迎您!` over a story
        # naming only its province, `全省上下要…`) names the report's home more closely: the county
        ctx = source_region
    record.context_region = ctx
    region_at = {h.start: h for h in regions}
    bodies: dict[str, Body] = {}
    person_regions, person_levels = _persons(record, mentions, region_at, ctx, ev, bodies)

    drafts, roles = meeting_drafts(text, index, mentions, dates, placed, person_regions, ctx, person_levels)
    drafts = _keep_meetings(drafts, text, index)  # step 6
    base = list(drafts)
    drafts = attach_higher(text, index, drafts, roles, dates, placed, ctx,  # step 7
                           partial(_person_level, person_regions, person_levels, ctx))
    _relays_by_identity(base, drafts)
    named_twice(drafts)
    follow_up_told_twice(drafts)
    venue_only_watched(drafts)
    for d in drafts:
        if d.level == "township" and d.region is None and ctx:
            d.region = _home_township(text, ctx)
        elif d.level == "county" and d.region is None and ctx:
            d.region = _home_county(ctx, placed)
    drafts = in_record_order(drafts)

    directive_hits = find_directives(text)
    inspections = find_inspections(text, index, regions, dates, ctx)
    position = {id(d): i for i, d in enumerate(drafts)}
    said = _said_of_higher(text, index, drafts)
    named = _said_by_name(text, index, drafts)
    for key, spans in named.items():
        said.setdefault(key, []).extend(spans)
    others = [span for spans in named.values() for span in spans]
    record.meetings = [_meeting(text, d, position, directive_hits, inspections, ev, said.get(id(d), []),
                                () if d.higher else others) for d in drafts]
    for d, m in zip(drafts, record.meetings, strict=True):
        _set_convener(text, d, m, regions, ctx, ev, bodies)
    record.inspections = [_inspection(i, mentions, ev, bodies) for i in inspections]
    record.directives = [_directive(h, ev) for h in directive_hits]
    record.instructions = [_directive(h, ev) for h in instruction_hits]
    record.incidents = [Incident(title=h.title, region=h.region,
                                 evidence=[ev(h.start, h.end, "incident.named")]) for h in incident_hits]
    # a banner naming the site (`欢迎进入某市某某网!`, read as the host) names its place like the site's name, even
    # above a story that names a place inside it
    banner = meta.host is not None and meta.host in (meta.menu or "")
    _regions(record, regions, ev, homes, None if banner and menu_home == _source_region(meta.host) else menu_home)
    # a sector word inside a named incident, a 《》 title or the event an instruction was given on
    # (`对某地某矿火灾作出的重要指示`) names that, not a sector
    _sectors(record, text, ev, [(h.start, h.end) for h in incident_hits]
             + [(h.start, h.end) for h in directive_hits if h.kind != "measure_package"]
             + [(h.start, h.end) for h in instruction_hits if h.on_event])
    record.bodies = list(bodies.values())


def _occurrences(text: str, word: str) -> list[int]:
    """Where `word` stands in `text`."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _source_region(source: str | None) -> str | None:
    """The home region a source, a site's host or its menu names (`四川日报`, `某县人民政府办公室`, `某市日报 | 某市晚报`):
    one place (named once or more), or the one that holds all the others (a banner `某县欢迎您!` above a menu
    `首页 > 某某镇`: the county), else None."""
    if not source:
        return None
    # a place that runs on into a township's short name (`浙江瓜沥`) is only a prefix of it: the township is named
    paths = {town_after(source, h) or h.path for h in find_regions(source) if not part_of_a_word(source, h)}
    top = min(paths, key=len) if paths else None
    return top if top is not None and all(p.startswith(top) for p in paths) else None


def _add_body(bodies: dict[str, Body], ref: BodyRef | None, evidence) -> None:
    if ref is None:
        return
    body = bodies.get(ref.name)
    if body is None:
        body = bodies[ref.name] = _new_body({"name": ref.name, "kind": ref.kind, "region": ref.region, "level": ref.level})
    body.evidence.append(evidence)


def _persons(record: ExtractionRecord, mentions: list[NameMention], region_at: dict[int, RegionHit],
             ctx: str | None, ev: EvidenceMaker, bodies: dict[str, Body]
             ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Fill record.persons; return each person's post regions and level characters (to place the
    meetings they chair)."""
    people: dict[str, Person] = {}
    regions_of: dict[str, list[str]] = {}
    levels_of: dict[str, list[str]] = {}
    addressed: dict[str, set[str]] = {}  # the posts a person is addressed by (`张三书记认为`)
    for m in mentions:
        person = people.get(m.name)
        if person is None:
            person = people[m.name] = _new_person({"name": m.name, "national_leader": m.national})
            regions_of[m.name] = []
            levels_of[m.name] = []
        person.evidence.append(ev(m.start, m.end, m.rule))
        prev_ref: BodyRef | None = None
        for t in m.titles:
            place = region_at.get(t.start)
            title = strip_place(t.full, len(place.surface) if place else 0)
            if m.rule == "person.before_honorific":
                addressed.setdefault(m.name, set()).add(title)
            if title in person.titles:
                continue
            person.titles.append(title)
            ref = body_of_title(t.full, t.post, place, ctx, post_level(t.post)) or _host_body(prev_ref)
            prev_ref = ref  # `党委书记、局长`: the bare post belongs to the body named before it
            person.posts.append(_new_post({"title": title, "full": t.full, "body": ref.name if ref else None,
                                       "body_kind": ref.kind if ref else None, "region": ref.region if ref else None}))
            if ref is not None and ref.region:
                regions_of[m.name].append(ref.region)
            lead = t.full[len(place.surface) - 1] if place else (level_word_at(t.full) or t.full[0])
            levels_of[m.name].append(lead if lead in LEVEL_CHARS or len(lead) > 1 else (
                post_level(t.post) or (_NATIONAL_CHAR if is_national_body(t.full) else "")))
            _add_body(bodies, ref, ev(t.start, t.end, "body.of_title"))
    for person in people.values():
        # `市政府副市长某某…副市长某某`: one post written in full and short is one title, the full one
        short = {t for t in person.titles if any(len(o) > len(t) and same_post(o, t) for o in person.titles)}
        # a deputy is addressed by the post without 副 (`镇党委副书记某某…某某书记认为`): the address is that post
        short |= {t for t in addressed.get(person.name, ()) if any(o != t and o.endswith("副" + t) for o in person.titles)}
        if short:
            person.titles = [t for t in person.titles if t not in short]
            person.posts = [p for p in person.posts if p.title not in short]
    record.persons = list(people.values())
    return regions_of, levels_of


_PARTY_CELLS = ("党委", "党组", "党工委")


def _host_body(ref: BodyRef | None) -> BodyRef | None:
    """The body a bare post later in a chain belongs to: `市应急管理局党委书记、局长` → the 局长 heads
    市应急管理局, not its party committee."""
    if ref is None or ref.kind != "party_committee":
        return ref
    for cell in _PARTY_CELLS:
        if ref.name.endswith(cell) and len(ref.name) > len(cell):
            host = ref.name[: -len(cell)]
            if host.endswith(("局", "厅", "委员会", "办公室", "中心", "部")):
                return BodyRef(name=host, kind="department", region=ref.region, level=ref.level,
                               surface=ref.surface[: -len(cell)] if ref.surface.endswith(cell) else ref.surface)
    return ref


@cache
def _leader_speaks_re() -> re.Pattern[str]:
    """A leader speaking in a clause: `县政府领导强调`, `县长某某就相关工作进行部署`."""
    leaders = [r[0] for r in rows("meeting_cues.tsv") if len(r) > 1 and r[1] == "leader"]
    cues = [r[0] for r in rows("roles.tsv") if len(r) > 1 and r[1] == "speaker"]
    home = relative_words_re("我本").pattern  # `随后，我县…要求`: the home body itself
    return re.compile("(?:" + alternation(leaders) + "|" + home + r")" + IN_CLAUSE + r"{0,20}?(?:"
                      + alternation(cues) + ")")


def _leader_speaks(text: str, index: SentenceIndex, d: MeetingDraft) -> bool:
    """Someone in charge speaks in the first sentence of an `…结束后` scope: the follow-up meeting is held,
    even when nobody is named (`会后，县政府领导强调…`)."""
    at = d.after_at if d.after_at is not None else d.start
    sent = index.at(at)
    return bool(_leader_speaks_re().search(text, at, sent.end + 1))


def _home_township(text: str, ctx: str) -> str | None:
    """The township a township meeting with no place of its own is held in: the one township of the home
    county (or of a prefecture without counties) the report names, in full or without its suffix
    (`某某镇` written `某某`, as a report of the town calls itself); None when it names none or several."""
    if level_of(ctx) == "township":
        return ctx
    towns = township_names()
    found = {ctx + name for name in towns.get(ctx, ())
             if len(bare := name.removesuffix(name[-2:] if name.endswith("街道") else name[-1])) >= 2 and bare in text}
    return found.pop() if len(found) == 1 else None


def _home_county(ctx: str, placed: list[RegionHit]) -> str | None:
    """The county a county meeting with no place of its own is held in, in a report whose home is only its
    prefecture: the one county all the report's townships and streets lie in. A county-level city's own site
    writes `全市` and names its streets (`某某街道`, `某某镇`) but not itself, and names its prefecture as the
    level above (`全国、全省、某州会议后，全市召开…`); None when the towns lie in no county or in several."""
    if level_of(ctx) != "prefecture":
        return None
    counties = {parent_path(h.path) for h in placed if h.level == "township" and h.path.startswith(ctx)}
    return counties.pop() if len(counties) == 1 and level_of(next(iter(counties)) or "") == "county" else None


def _goes_out(text: str, index: SentenceIndex, d: MeetingDraft) -> bool:
    at = d.after_at if d.after_at is not None else d.start
    return bool(visit_re().search(text, at, index.at(at).end + 1))


def _keep_meetings(drafts: list[MeetingDraft], text: str = "", index: SentenceIndex | None = None
                   ) -> list[MeetingDraft]:
    """Drop scopes that turned out not to be meetings (an `…结束后` with nobody acting), reindex relays."""
    visit = []
    for d in drafts:
        if d.after_prev and not d.venue and index is not None and d.held is None and not d.branch:
            d.spoken = _leader_speaks(text, index, d)
            if not d.spoken and _goes_out(text, index, d):
                visit.append(d)  # `会后，甲、乙分别带队现场调研`: a visit after the meeting, no meeting
    for d in visit:  # the scope goes back to the meeting before it, with the people named there
        i = drafts.index(d)
        if i > 0 and drafts[i - 1] not in visit:
            prev = drafts[i - 1]
            prev.end = d.end
            for name, p in d.participants.items():
                prev.participants.setdefault(name, p)
    keep: list[MeetingDraft] = []
    for d in drafts:
        if d in visit:
            continue
        # a `会后` scope where nobody chairs or speaks (`会后，A参会并陪同调研`) is the meeting before it:
        # its attendees join that one
        if d.held is None and not d.branch and not d.spoken and keep and d.participants \
                and all(p.role == "attendee" for p in d.participants.values()):
            fold_participants(keep[-1], d)
            continue
        if d.held is not None or d.participants or d.branch or d.spoken:
            keep.append(d)
    old = {i: d for i, d in enumerate(drafts)}
    keep = _venue_into_follow_up(keep, drafts)
    new_index = {id(d): i for i, d in enumerate(keep)}
    for d in keep:
        if d.relays_meeting is not None:
            target = old.get(d.relays_meeting)
            d.relays_meeting = new_index.get(id(target)) if target is not None else None
    return keep


def _watched_only(d: MeetingDraft) -> bool:
    """A branch venue where the people named only watch (`县长甲、副县长乙在县分会场收听收看`)."""
    return d.held is None and d.branch and all(p.role == "attendee" for p in d.participants.values())


def _venue_into_follow_up(keep: list[MeetingDraft], drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """`…视频会议召开。县长甲、副县长乙在县分会场收听收看。…会议结束后，甲安排部署…`: a venue where the people named
    only watch and the follow-up where a leader speaks are one local meeting, the follow-up (its date, place
    and level the venue's); the venue's watchers attend the meeting watched."""
    out: list[MeetingDraft] = []
    for d in keep:
        b = out[-1] if out else None
        if (b is None or not _watched_only(b) or not d.after_prev or d.held is not None or d.branch or d.venue
                or not (d.spoken or any(p.role in ("chair", "speaker") for p in d.participants.values()))
                or (d.level is not None and b.level is not None and d.level != b.level)):
            out.append(d)
            continue
        watched = drafts[b.relays_meeting] if b.relays_meeting is not None else None
        if watched is not None and watched in out:
            fold_participants(watched, b)
        else:
            fold_participants(d, b)
        if d.date is None:
            d.date, d.date_span = b.date, b.date_span
        if d.level is None or d.region is None:
            d.region, d.level, d.level_rule = b.region, b.level, b.level_rule
        if d.relays_meeting is None or drafts[d.relays_meeting] is b:
            d.relays_meeting, d.relay_rule = b.relays_meeting, "meeting.relay.after_or_branch"
        out[-1] = d
    return out


@cache
def _relay_verb_re() -> re.Pattern[str]:
    return re.compile(alternation(meeting_verbs("relay")))


_TITLED = re.compile(r"《[^《》]*》")


def _clause_start_over_titles(text: str, pos: int) -> int:
    """The clause start before `pos`, read past clause marks that stand inside a 《》 title."""
    cs = clause_start(text, pos)
    while cs > 0 and (op := text.rfind("《", 0, cs)) > text.rfind("》", 0, cs):
        cs = clause_start(text, op)
    return cs


def _relay_verb_before(text: str, start: int) -> bool:
    """A relay verb in the clause before `start`, not inside a title listed there (`研究了《贯彻…意见》《某计划》`:
    the 贯彻 is the first title's word, not the meeting's). A clause mark inside a title listed before ends no clause
    (`学习了《甲》、《关于乙，丙的通知》、《丁》`)."""
    cs = _clause_start_over_titles(text, start)
    clause = _TITLED.sub(lambda m: "《" + "　" * (len(m.group()) - 2) + "》", text[cs:start])
    topic = meeting_verbs("topic")
    # `围绕贯彻落实《某意见》等问题座谈`: the document is a topic discussed, not relayed
    return any(not clause[:v.start()].endswith(topic) for v in _relay_verb_re().finditer(clause)) or (
        cs == start and listed_on(text, cs))


@cache
def _relay_after_re() -> re.Pattern[str]:
    return re.compile(r"[”\"」》]?\s*(?:" + alternation(meeting_verbs("relay_after")) + ")")


@cache
def _relay_frame_re() -> re.Pattern[str]:
    """After a title named with 对: its short name in brackets, a light verb, a few words, a relay verb."""
    return re.compile(r"[”\"」》]?\s*(?:[（(][^（）()]{0,40}[）)])?\s*(?:" + alternation(meeting_verbs("light"))
                      + r")了?[^，。；,;！？!?]{0,6}?(?:" + alternation(meeting_verbs("relay")) + ")")


def _relay_verb_after(text: str, end: int, start: int | None = None) -> bool:
    """`推动“十五条硬措施”落地落实`: the relay verb may follow what it relays; so may a light verb's relay verb
    when the title is the object of 对 (`对《某某规定》（以下简称《规定》）进行了深入解读`), or the relay verb itself
    after 的 when a run of titles is the object of 对 or 就 (`就《甲》《乙》的贯彻落实提出要求`)."""
    if _relay_after_re().match(text, end):
        return True
    if start is None:
        return False
    first = start
    while text.endswith(_TITLE_JOINS, 0, first) and (op := text.rfind("《", 0, first)) >= 0:
        first = op  # back over the titles listed before this one
    lead = text[:first].rstrip("《“\" ")
    if lead.endswith("对") and bool(_relay_frame_re().match(text, end)):
        return True
    run_end = _TITLE_RUN.match(text, end).end()
    return lead.endswith(("对", "就")) and bool(_relay_of_re().match(text, run_end))


_TITLE_JOINS = ("》", "》、", "》和", "》及", "》与", "》,", "》，")
_TITLE_RUN = re.compile(r"(?:[、，,和及与]?《[^《》\n]{1,80}》)*")


@cache
def _relay_of_re() -> re.Pattern[str]:
    """`…》的贯彻落实`: a relay verb as the noun of the titles before it."""
    return re.compile(r"[”\"」]?\s*的\s*(?:" + alternation(meeting_verbs("relay")) + ")")


@cache
def _said_of_re() -> re.Pattern[str]:
    """A sentence reporting what `the meeting` said: `会议强调`, `会议要求` (the speaker cues of roles.tsv)."""
    cues = [r[0] for r in rows("roles.tsv") if len(r) > 1 and r[1] == "speaker"]
    return re.compile(r"\s*(?:会议|会上)[，,]?\s*(?:还|并|同时)?(?:" + alternation(cues) + ")")


def _said_of_higher(text: str, index: SentenceIndex, drafts: list[MeetingDraft]) -> dict[int, list[tuple[int, int]]]:
    """A watched higher meeting has no scope of its own in the report; the sentences after it that open
    with `会议强调…` / `会议要求…`, before the report's next meeting of its own, say what it said
    (`…电视电话会议召开。会议强调，要落实“十五条硬措施”` relays the package). Only when one meeting was
    named there: after a list (`全国、全省…会议`) the sentence speaks of them all, no one of them."""
    out: dict[int, list[tuple[int, int]]] = {}
    for d in drafts:
        together = [o for o in drafts if o is not d and o.higher and o.start == d.start]
        if not d.higher or together:
            continue
        stop = min((p for o in drafts if o is not d and (p := o.held if o.held is not None else o.start) > d.end),
                   default=len(text))
        pos = index.at(d.end).end + 1 if d.end < len(text) else len(text)
        while pos < stop:
            sent = index.at(pos)
            if _said_of_re().match(text, sent.start):
                out.setdefault(id(d), []).append((sent.start, min(sent.end + 1, stop)))
            if sent.end + 1 <= pos:
                break
            pos = sent.end + 1
    return out


@cache
def _speaker_cue_re() -> re.Pattern[str]:
    cues = [r[0] for r in rows("roles.tsv") if len(r) > 1 and r[1] == "speaker"]
    return re.compile(r"[，,]?\s*(?:还|并|同时)?(?:" + alternation(cues) + ")")


def _said_by_name(text: str, index: SentenceIndex, drafts: list[MeetingDraft]) -> dict[int, list[tuple[int, int]]]:
    """A sentence opening with a higher meeting's own name, or its whole level word and `会议`, and a speaker's
    cue says what that meeting said, after a list too (`全国、全省某某电视电话会议召开。全国会议强调，要落实
    “某某十条措施”` relays the package from the national meeting), and so do the sentences after it in its
    paragraph: they are no sentences of the report's own."""
    out: dict[int, list[tuple[int, int]]] = {}
    for d in drafts:
        if not d.higher or not d.name:
            continue
        names = {d.name, d.name[:2] + "会议"} if d.name.startswith("全") else {d.name}
        for name in names:
            pos = text.find(name, d.start)
            while pos >= 0:
                sent = index.at(pos)
                if not text[sent.start:pos].strip() and _speaker_cue_re().match(text, pos + len(name)):
                    # the sentences after it in its paragraph go on saying it
                    k = index.index_at(pos)
                    while k + 1 < len(index.sentences) and index.sentences[k + 1].paragraph == sent.paragraph:
                        k += 1
                    out.setdefault(id(d), []).append((sent.start, index.sentences[k].end + 1))
                pos = text.find(name, pos + len(name))
    return out


# a meeting named for a mission (`X市巡查Y县安全生产工作动员会议`), or for the team's meeting with the place on
# arrival (`进驻某市，并召开见面交流会`, `对接会`), is held where the team works
_MISSION_WORDS = re.compile(r"巡查|督导|督查|检查|考核|巡视|见面|对接")
_INFERRED_RULES = {"meeting.relay.branch_venue": "branch_venue", "meeting.relay.after_or_branch": "follow_up"}


def _relays_by_identity(base: list[MeetingDraft], drafts: list[MeetingDraft]) -> None:
    """Turn the index a draft relays (into `base`, the list it was set on) into a (target, inferred,
    basis) entry of `relay_to`, so that relays survive meetings added or removed since."""
    kept = {id(d) for d in drafts}
    for d in drafts:
        if d.relays_meeting is None:
            continue
        target = base[d.relays_meeting] if 0 <= d.relays_meeting < len(base) else None
        if target is not None and id(target) in kept and target is not d \
                and all(t is not target for t, _, _ in d.relay_to):
            basis = _INFERRED_RULES.get(d.relay_rule or "")
            d.relay_to.insert(0, (target, basis is not None, basis))
        d.relays_meeting = None


def _person_level(person_regions: dict[str, list[str]], person_levels: dict[str, list[str]], ctx: str | None,
                  name: str) -> str | None:
    """The level a person's posts are at (the most local one), from their bodies' regions, else from the
    level characters of their titles (`副市长`: the 市 of the article's home)."""
    levels = [level_of(p) for p in person_regions.get(name, []) if p]
    levels = [lv for lv in levels if lv]
    if not levels:
        levels = [lv for lv in (level_of_chars(c, ctx) for c in person_levels.get(name, [])) if lv]
    if not levels and _NATIONAL_CHAR in person_levels.get(name, []):
        levels = ["national"]  # `国务院副总理`: a post of the centre
    return max(levels, key=lambda lv: LEVEL_RANK.get(lv, 0)) if levels else None


_NATIONAL_CHAR = "国"  # the level character posts.tsv gives the posts of the centre (总理, 国务委员)


def _meeting(text: str, d: MeetingDraft, position: dict[int, int], directive_hits: list[DirectiveHit],
             inspections: list[InspectionDraft], ev: EvidenceMaker,
             said_of: list[tuple[int, int]] = (),  # type: ignore[assignment]
             others: list[tuple[int, int]] = ()) -> Meeting:  # type: ignore[assignment]
    """`said_of`: spans outside the draft's own scope that speak of it (`会议强调…` after a watched meeting);
    `others`: spans inside it that speak of another meeting (`全国会议强调…`)."""
    anchor = d.held if d.held is not None else (d.branch_pos if d.branch_pos is not None else d.start)
    anchor_end = d.held_end if d.held_end is not None else anchor + 1
    rule = d.rule or ("meeting.held" if d.held is not None else ("meeting.branch" if d.branch else "meeting.after"))
    m = _new_meeting({"date": d.date, "region": d.region, "level": d.level, "kind": d.kind if d.held is not None else
                  ("teleconference" if d.branch else None), "name": d.name,
                  "evidence": [ev(anchor, anchor_end, rule)]})
    if d.date_span:
        m.evidence.append(ev(d.date_span[0], d.date_span[1], "meeting.date"))
    if d.level_rule and d.region:
        m.evidence.append(ev(anchor, anchor_end, d.level_rule))
    for p in sorted(d.participants.values(), key=lambda p: p.start):
        m.participants.append(_new_participant({"name": p.name, "role": p.role,
                                            "evidence": [ev(p.start, p.end, f"meeting.{p.role}.{p.cue}")]}))
    for target, inferred, basis in d.relay_to:
        rule = f"meeting.relay.{basis}" if inferred else (d.relay_rule or "meeting.relay.spirit")
        m.relays.append(_new_relay({"meeting": position[id(target)], "inferred": inferred, "basis": basis,
                                "evidence": [ev(d.start, d.start + 1, rule)]}))
    seen = set()
    spans = [(d.start, d.end), *said_of]
    for h in directive_hits:
        if any(a <= h.start < b for a, b in spans) and not any(a <= h.start < b for a, b in others) and h.kind in ("document", "measure_package", "compilation") \
                and h.title not in seen and (_relay_verb_before(text, h.start) or _relay_verb_after(text, h.end, h.start)):
            seen.add(h.title)
            m.relays.append(Relay(directive=h.title, evidence=[ev(h.start, h.end, "meeting.relay.directive")]))
    for i, insp in enumerate(inspections):
        about = m.kind in ("feedback", "report") or (m.name is not None and _MISSION_WORDS.search(m.name))
        if any(d.start <= s < d.end for s, _, _ in insp.spans) and about:
            m.inspection = i
            # the meeting is held where the team inspects (海宁市, 省市场监管局), unless the text holds it in
            # another place of that level (`第四组在某市召开反馈会` in a report of several teams' visits)
            # nor where the place that reports to the team is named inside the target (`督查组在某市听取了某市政府
            # 的汇报` on a visit to the province) or, at a report meeting, above it (`检查组听取了某市政府汇报后指出`
            # where the team is also seen at a county of that city's): the place named reporting holds it; a
            # meeting named by the team's own place (`某市巡查某县…动员会`) is still held at the target
            inside = (d.region is not None and d.level_rule == "meeting.level.convener_place"
                      and d.region != insp.target_region and insp.target_region is not None
                      and (d.region.startswith(insp.target_region)
                           or (m.kind == "report" and insp.target_region.startswith(d.region))))
            if insp.target_region and not inside and not (
                    d.venue_region and d.venue_region != insp.target_region
                    and level_of(d.venue_region) == level_of(insp.target_region)):
                m.region, m.level = insp.target_region, level_of(insp.target_region)
                m.evidence.append(ev(insp.spans[0][0], insp.spans[0][1], "meeting.level.inspection_target"))
            break
    return m


def _set_convener(text: str, d: MeetingDraft, m: Meeting, regions: list[RegionHit], ctx: str | None,
              ev: EvidenceMaker, bodies: dict[str, Body]) -> None:
    """The body that convened the meeting: written before the held verb in its clause (`州政府立即召开`),
    else named in the meeting's own name (`市政府常务会议`); None when the text says neither."""
    if d.held is None:
        return
    cs = clause_start(text, d.held)
    ref, span = None, (cs, d.held)
    if d.held_end is not None:  # the meeting's own name says it first: `市政府常务会议`
        ref, span = convening_body(text, d.held, d.held_end, regions, ctx), (d.held, d.held_end)
    if ref is None:
        ref, span = convening_body(text, cs, d.held, regions, ctx), (cs, d.held)
    if ref is None:
        return
    m.convener = ref.name
    e = ev(span[0], span[1], "meeting.convener")
    m.evidence.append(e)
    _add_body(bodies, ref, e)


def _inspection(i: InspectionDraft, mentions: list[NameMention], ev: EvidenceMaker,
                bodies: dict[str, Body]) -> Inspection:
    leader = None
    kind = re.sub("^.*第" + NUMERAL + "+", "", i.team_surface)
    for m in mentions:
        if any(t.full.endswith(kind + "组长") and not t.full.endswith("副组长") and
               (t.full.startswith(i.team_surface) or t.full == kind + "组长") for t in m.titles):
            leader = m.name
            break
    spans = i.spans or [(0, 0, "inspection")]
    if i.team not in bodies:
        bodies[i.team] = Body(name=i.team, kind="inspection_team", region=i.region, level=i.level)
    bodies[i.team].evidence.append(ev(spans[0][0], spans[0][1], "body.inspection_team"))
    return Inspection(team=i.team, target=i.target, start=i.start, end=i.end, level=i.level, leader=leader,
                      evidence=[ev(s, e, r) for s, e, r in spans])


def _directive(h: DirectiveHit, ev: EvidenceMaker) -> Directive:
    kind = h.kind if h.kind in ("document", "measure_package", "instruction", "report", "compilation") \
        else "document"
    return Directive(title=h.title, issuer=h.issuer, kind=kind, evidence=[ev(h.start, h.end, f"directive.{kind}")])


def _regions(record: ExtractionRecord, regions: list[RegionHit], ev: EvidenceMaker,
             homes: tuple[str, ...] = (), menu_home: str | None = None) -> None:
    """The places the text names; the page's source line (`来源:某省日报`) and the body that runs the site
    (`主办单位:某县人民政府办公室`), read into the metadata, are part of the text and name their places too."""
    by_path: dict[str, RegionMention] = {}
    for h in regions:
        if (path := division_path(h)) is None:
            continue  # a zone that names no city (`某某风景名胜区`)
        if path != h.path:  # a zone (`某某新区`) names its city
            parent = place_of(path)
            h = RegionHit(h.start, h.end, h.surface, path, parent.level if parent else h.level,
                          parent.code if parent else None)
        rm = by_path.get(h.path)
        if rm is None:
            level = h.level if h.level in ("province", "prefecture", "county", "township") else None
            rm = by_path[h.path] = _new_region_mention({"path": h.path, "level": level, "code": h.code})
        rm.evidence.append(ev(h.start, h.end, "region.gazetteer"))
    record.region_mentions = list(by_path.values())
    record.regions = list(by_path)
    # a menu's home (`首页 > 某市新闻`) above a story that names a place inside it adds nothing
    record.regions += [h for h in homes if h not in by_path
                       and not (h == menu_home and any(p.startswith(h) for p in by_path))]


def _sectors(record: ExtractionRecord, text: str, ev: EvidenceMaker, names: list[tuple[int, int]]) -> None:
    """Sectors named in the text, but for those inside `names` (spans of incident names and 《》 titles:
    `“4·10”某某煤矿透水事故`, `《某省消防工作考核办法》` name no sector)."""
    seen: dict[str, SectorMention] = {}
    for h in find_sectors(text):
        if any(a <= h.start and h.end <= b for a, b in names):
            continue
        sm = seen.get(h.sector)
        if sm is None:
            sm = seen[h.sector] = _new_sector_mention({"sector": h.sector, "surface": h.surface})
        sm.evidence.append(ev(h.start, h.end, "sector.lexicon"))
    record.sector_mentions = list(seen.values())
    record.sectors = list(seen)
    _meeting_sectors(record)


def _meeting_sectors(record: ExtractionRecord) -> None:
    """A sector named in a meeting's passage is a sector that meeting addresses.

    The passage of a meeting runs from its first evidence to the first evidence of the
    next meeting; a sector named before every meeting goes to the first one. This is
    what lets the graph say which meetings (at which level, when) took up a sector.
    Meetings whose passages open on one span (`5月3日，某市收看全省…电视电话会议后，召开会议…`: the
    date of both) are told apart by where each is named: a sector named between the two names is the
    first's. Text positions only: the record's own order (relayed meetings first) says nothing here.
    """
    starts = sorted((first := min((e.start for e in m.evidence), default=0),
                     min((e.start for e in m.evidence if e.rule != "meeting.date"), default=first), i)
                    for i, m in enumerate(record.meetings))
    if not starts:
        return
    for sm in record.sector_mentions:
        for e in sm.evidence:
            owner, opened = starts[0][2], None
            for start, named, i in starts:
                if start <= e.start and (start != opened or named <= e.start):
                    owner, opened = i, start
            if sm.sector not in record.meetings[owner].sectors:
                record.meetings[owner].sectors.append(sm.sector)

