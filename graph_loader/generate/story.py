"""One generated article: its simplified text and its gold record, written together.

Every fact is put into the text by a method of `ArticleBuilder` that records the
gold at the same moment (a person with the titles written, a meeting with the
role its verb gives, a region with its full path), so the gold is right by
construction. Story functions (`story_*`) choose what happens; templates in
data/templates.yaml choose how it is said. Surface noise (traditional script,
pinyin glosses, page furniture) comes later, in surface.py, and never touches
the gold. Garbled spans are written here because the gold must not see them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from graph_loader.lang.levels import ROLE_RANK, higher_role

from .gazetteer import Gazetteer, Region
from .lexicon import DirectiveEntry, Lexicon
from .names import NameMaker

MOJIBAKE = ["?;?", "?;贰", "?;?;", "??"]
CN_NUM = "一二三四五六七八九十"


@dataclass
class Person:
    name: str
    titles: list[str]
    text: str  # the titled form as first written ("市委副书记、市长王某")


@dataclass
class Campaign:
    """A directive issued at the centre and relayed down one province over days and weeks."""

    directive: DirectiveEntry
    issued: date
    province: Region


@dataclass
class _Meeting:
    when: tuple[date, str] | None  # (date, how it was written: md | ymd | rel) or None
    region: Region | None
    level: str | None
    participants: dict[str, str] = field(default_factory=dict)
    relays: list[dict] = field(default_factory=list)


@dataclass
class _Inspection:
    team: str
    target: str
    start: tuple[date, str] | None
    end: tuple[date, str] | None


def _iso(d: date) -> str:
    return d.isoformat()


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


class ArticleBuilder:
    def __init__(self, rng: random.Random, lex: Lexicon, gaz: Gazetteer, names: NameMaker,
                 doc_id: str, dateline: bool):
        self.rng, self.lex, self.gaz, self.names = rng, lex, gaz, names
        self.doc_id = doc_id
        self.dateline = dateline
        self.published: date | None = None
        self.year = 2024
        self.explicit_year = False
        self.persons: dict[str, list[str]] = {}
        self._person_keys: dict[str, str] = {}
        self._person_cache: dict[str, Person] = {}
        self.regions: dict[str, None] = {}
        self.meetings: list[_Meeting] = []
        self.inspections: list[_Inspection] = []
        self.directives: dict[str, str | None] = {}
        self.incidents: dict[str, None] = {}
        self.reporters: list[str] = []
        self.editors: list[str] = []
        self._deck: list[str] = []

    # --- templates ------------------------------------------------------------
    def t(self, key: str, **slots: object) -> str:
        """A random template of `key`, filled; callable slots run only if the template uses them
        (so a place is recorded only when it is really written)."""
        return self.fill(self.rng.choice(self.lex.templates[key]), **slots)

    @staticmethod
    def fill(tpl: str, **slots: object) -> str:
        return tpl.format(**{k: (v() if callable(v) else v) for k, v in slots.items() if "{" + k + "}" in tpl})

    def filler(self, k: int) -> str:
        """k sentences of policy prose, none repeated within the article while the deck lasts."""
        if len(self._deck) < k:
            self._deck = self.rng.sample(self.lex.filler, len(self.lex.filler))
        out, self._deck = self._deck[:k], self._deck[k:]
        return "".join(out)

    # --- places ---------------------------------------------------------------
    def say(self, region: Region, alias: bool = False) -> str:
        """Name a region in the text and record its full path."""
        self.regions[region.path] = None
        return region.alias if alias else region.name

    def say_pair(self, region: Region) -> str:
        """`江苏南通`: two divisions named in one mention, recorded at the more specific."""
        self.regions[region.path] = None
        return region.parent.alias + region.alias if region.parent else region.name

    # --- dates ----------------------------------------------------------------
    def timeline(self, last: date) -> None:
        """Fix the article's year and, if it has a date line, its date (0-2 days after `last`).

        Stories call this before writing any date, since `昨天` and the gold year depend on it.
        """
        self.year = last.year
        if self.dateline:
            self.published = last + timedelta(days=self.rng.choice([0, 1, 1, 1, 2]))
            if self.published.year != last.year:
                self.published = last

    def when(self, d: date, *, vague: bool = True, relative: bool = True, ampm: bool = True
             ) -> tuple[str, tuple[date, str] | None]:
        """A date phrase for `d` and what it lets a reader know (resolved to gold at the end)."""
        r = self.rng.random()
        if vague and r < 0.07:
            return self.rng.choice(["近日", "日前"]), None
        if relative and self.published is not None and 0 <= (self.published - d).days <= 1 and r < 0.35:
            word = "今天" if self.published == d else self.rng.choice(["昨天", "昨日"])
            return word + self.rng.choice(["上午", "下午", ""]), (d, "rel")
        part = self.rng.choice(["上午", "下午"]) if ampm and self.rng.random() < 0.3 else ""
        if self.published is None and r > 0.8:
            self.explicit_year = True
            return f"{d.year}年{_md(d)}{part}", (d, "ymd")
        return _md(d) + part, (d, "md")

    def _gold_date(self, w: tuple[date, str] | None) -> str | None:
        if w is None:
            return None
        d, how = w
        if how in ("ymd", "rel") or self.published is not None or self.explicit_year:
            return _iso(d)
        return f"--{d.month:02d}-{d.day:02d}"

    # --- people ---------------------------------------------------------------
    def _claim(self, name: str, key: str) -> bool:
        owner = self._person_keys.setdefault(name, key)
        return owner == key

    def person(self, key: str, titles: list[str], prefix: str = "") -> Person:
        """A named person with the titles the text gives (`prefix`: a place written before them)."""
        hit = self._person_cache.get(key)
        if hit is not None:
            return hit
        name = self.names.name(key)
        n = 0
        while not self._claim(name, key):
            n += 1
            name = self.names.name(key, n)
        got = self.persons.setdefault(name, [])
        got.extend(t for t in titles if t not in got)
        p = Person(name, titles, prefix + "、".join(titles) + name)
        self._person_cache[key] = p
        return p

    def official(self, region: Region, post: str, *, place: bool | None = None) -> Person:
        """The holder of `post` in `region`, titled as that level writes it."""
        key = f"off|{region.code}|{post}"
        if key in self._person_cache:
            return self._person_cache[key]
        dept = "厅" if region.level == "province" else "局"
        chain = self.rng.choice(self.lex.posts[post])
        titles = [t.format(U=region.unit, D=dept) for t in chain]
        if place is None:
            place = self.rng.random() < 0.2
        prefix = ""
        if place:  # 海宁市委书记 / 浙江省委书记 / 湘西州委书记 / 海宁市副市长
            self.say(region)
            if not titles[0].startswith(region.unit):
                prefix = region.name
            elif region.name.endswith(region.unit) and "自治" not in region.name:
                prefix = region.name[:-1]
            else:
                prefix = region.alias
        return self.person(key, titles, prefix)

    def plain(self, region: Region, slot: str) -> Person:
        """A leader named without a post (`市领导王某`): no titles in the gold."""
        return self.person(f"off|{region.code}|member{slot}", [])

    def cite_leader(self) -> str:
        """A sentence citing the centre; the cited leaders become persons of the gold."""
        if self.rng.random() < 0.3:
            premier = next((ld for ld in self.lex.leaders
                            if ld.title == "总理" and ld.first <= self.year <= ld.last), None)
            if premier is not None:
                self._leader(premier.name, premier.title)
                self._leader("习近平", "总书记")
                return self.t("premier_cite", premier=premier.name)
        self._leader("习近平", "总书记")
        return self.t("leader_cite")

    def _leader(self, name: str, title: str) -> None:
        got = self.persons.setdefault(name, [])
        if title not in got:
            got.append(title)

    # --- meetings and missions -------------------------------------------------
    def meeting(self, when: tuple[date, str] | None, region: Region | None, level: str | None = None) -> int:
        self.meetings.append(_Meeting(when, region, level or (region.level if region else None)))
        return len(self.meetings) - 1

    def role(self, mi: int, p: Person, role: str) -> None:
        """Give `p` a role at meeting `mi`; the strongest role a person gets is kept."""
        parts = self.meetings[mi].participants
        cur = parts.get(p.name)
        if cur is None or higher_role(role, cur):
            parts[p.name] = role

    def relay_directive(self, mi: int, d: DirectiveEntry, named_issuer: bool) -> None:
        self.directive(d, named_issuer)
        if {"directive": d.title} not in self.meetings[mi].relays:
            self.meetings[mi].relays.append({"directive": d.title})

    def relay_meeting(self, mi: int, earlier: int) -> None:
        self.meetings[mi].relays.append({"meeting": earlier})

    def directive(self, d: DirectiveEntry, named_issuer: bool) -> None:
        issuer = d.issuer if named_issuer else None
        if self.directives.get(d.title) is None:
            self.directives[d.title] = issuer
        if "习近平总书记" in d.title:
            self._leader("习近平", "总书记")

    def relay_text(self, mi: int, ds: list[DirectiveEntry]) -> str:
        """How the relayed directives are written (《title》 with or without the issuer)."""
        parts = []
        for d in ds:
            if d.kind == "measure_package":
                self.relay_directive(mi, d, False)
                parts.append(d.title + "精神")
                continue
            tpl = self.rng.choice(self.lex.templates["relay_object"])
            named = d.issuer is not None and "{issuer}" in tpl
            if d.issuer is None:
                tpl = "《{title}》" + ("精神" if self.rng.random() < 0.5 else "")
            self.relay_directive(mi, d, named)
            parts.append(tpl.format(issuer=d.issuer or "", title=d.title))
        return self.rng.choice(["、", "和"]).join(parts) if len(parts) == 2 else "、".join(parts)

    def inspection(self, team: str, target: str, start, end) -> None:
        self.inspections.append(_Inspection(team, target, start, end))

    def incident(self) -> str:
        inc = self.rng.choice(self.lex.incidents)
        self.incidents[inc.title] = None
        self.regions[inc.region] = None
        return inc.written

    # --- sectors --------------------------------------------------------------
    def sector_sentence(self) -> str:
        """A list of sector words; one may be garbled (and then names nothing)."""
        forms = list(self.lex.sector_forms)
        if self.rng.random() < 0.25:
            one = self.rng.choice(forms + list(self.lex.sector_synonyms))
            return self.t("sector_one", sector=one)
        k = self.rng.randint(2, 6)
        picked = self.rng.sample(forms, k)
        if self.rng.random() < 0.15:
            picked[self.rng.randrange(k)] = self.rng.choice(list(self.lex.sector_synonyms))
        if self.rng.random() < 0.12:
            picked[self.rng.randrange(k)] = self.rng.choice(MOJIBAKE)
        sep = "、"
        return self.t("sector_list", sectors=sep.join(picked))

    def speech(self, p: Person, opener: str = "speech_open", k: tuple[int, int] = (2, 5),
               sectors: bool = False, cite: bool = False, incident: bool = False,
               titled: bool = False) -> str:
        """A paragraph of what `p` said; its opening verb makes `p` a speaker."""
        prose = self.filler(self.rng.randint(*k))
        if self.rng.random() < 0.1:  # a garbled run inside prose
            i = self.rng.randrange(max(1, len(prose) - 4))
            prose = prose[:i] + self.rng.choice(MOJIBAKE) + prose[i + 3:]
        bits = [prose]
        if sectors:
            bits.insert(self.rng.randint(0, 1), self.sector_sentence())
        if cite:
            bits.insert(0, self.cite_leader() + ",")
        if incident:
            bits.append(self.t("incident_cite", incident=self.incident))
        return self.t(opener, n=p.text if titled else p.name) + "".join(bits)

    # --- gold -----------------------------------------------------------------
    def gold(self, body_text: str) -> dict:
        """The gold record (GUIDELINES.md field order); sectors are read from the final text."""
        meetings = []
        for m in self.meetings:
            parts = sorted(m.participants.items(), key=lambda kv: ROLE_RANK[kv[1]])
            meetings.append({
                "date": self._gold_date(m.when),
                "region": m.region.path if m.region else None,
                "level": m.level,
                "participants": [{"name": n, "role": r} for n, r in parts],
                "relays": m.relays,
            })
        return {
            "doc_id": self.doc_id,
            "published": _iso(self.published) if self.published else None,
            "reporters": self.reporters,
            "ignore_names": self.editors,
            "persons": [{"name": n, "titles": t} for n, t in self.persons.items()],
            "meetings": meetings,
            "inspections": [{"team": i.team, "target": i.target, "start": self._gold_date(i.start),
                             "end": self._gold_date(i.end)} for i in self.inspections],
            "directives": [{"title": t, "issuer": i} for t, i in self.directives.items()],
            "incidents": list(self.incidents),
            "regions": list(self.regions),
            "sectors": sorted(self.lex.sectors_in(body_text)),
        }


@dataclass
class Draft:
    """What a story wrote: headline and paragraphs (simplified), plus the subject region."""

    headline: str | None
    paragraphs: list[str]
    region: Region | None


def _all(region: Region) -> str:
    return "全" + region.unit


def _shuffled(rng: random.Random, items: list[str]) -> list[str]:
    items = list(items)
    rng.shuffle(items)
    return items


def _attendees(b: ArticleBuilder, mi: int, region: Region, posts: list[str], n_plain: int) -> str:
    """One attendee sentence: titled officials, or bare names under `市领导`."""
    rng = b.rng
    if posts and rng.random() < 0.5:
        people = [b.official(region, p) for p in posts]
        for p in people:
            b.role(mi, p, "attendee")
        return b.t("attend_titled", tnames=",".join(p.text for p in people))
    people = [b.plain(region, str(i)) for i in range(max(1, n_plain))]
    for p in people:
        b.role(mi, p, "attendee")
    return b.t("attend", group=f"{region.unit}领导", names="、".join(p.name for p in people))


def story_meeting(b: ArticleBuilder, region: Region, d: date, kind: str,
                  campaign: Campaign | None) -> Draft:
    """A study session, a safety-committee plenary or a deployment meeting of one region."""
    rng = b.rng
    U = region.unit
    def body() -> str:
        return b.say(region) + rng.choice(["委", "政府", f"委、{U}政府"])

    if kind == "study":
        meeting_name = b.t("meeting_study", U=U)
        chair = b.official(region, rng.choice(["secretary", "head"]))
    elif kind == "plenary":
        meeting_name = b.t("meeting_plenary", U=U, n=rng.choice(CN_NUM[:4]))
        chair = b.official(region, "head")
    else:
        meeting_name = b.t("meeting_deploy", U=U)
        chair = b.official(region, rng.choice(["secretary", "head"]))
    b.timeline(d)
    when_text, when = b.when(d)
    mi = b.meeting(when, region)
    b.role(mi, chair, "chair")

    relays: list[DirectiveEntry] = []
    if campaign and rng.random() < {"study": 0.95, "plenary": 0.6, "deploy": 0.5}[kind]:
        relays.append(campaign.directive)
    if kind == "study" and rng.random() < 0.35:
        extra = rng.choice([x for x in b.lex.directives if x.kind != "measure_package"
                            and (x.year is None or (b.published and b.year >= x.year))])
        if extra not in relays:
            relays.append(extra)
    relay_in_purpose = bool(relays) and rng.random() < 0.6
    purpose = b.t("purpose_plain", all=_all(region))
    relay_t = ""
    if relays:
        relay_t = b.relay_text(mi, relays)
        if relay_in_purpose:
            purpose = b.t("purpose_relay", relay=relay_t)
    intro = b.t("chair_intro", date=when_text, chair=chair.text, meeting=meeting_name,
                purpose=purpose, body=body)

    lead: list[str] = []
    posts = rng.sample(["exec_deputy", "deputy", "emergency", "secgen", "standing", "housing"],
                       rng.randint(0, 3))
    speakers = [b.official(region, p) for p in posts]
    for sp in speakers:
        key = "speaker_study" if kind == "study" and rng.random() < 0.6 else "speaker_short"
        lead.append(b.t(key, sp=sp.text, all=_all(region), relay_t=relay_t or "有关文件"))
        b.role(mi, sp, "speaker")
    att_posts = [p for p in ["npc", "cppcc", "vice_secretary", "deputy2"] if p not in posts]
    lead.append(_attendees(b, mi, region, rng.sample(att_posts, rng.randint(0, 3)), rng.randint(1, 5)))
    if relays and not relay_in_purpose:
        lead.append(b.t("relay_sentence", relay=relay_t))
    paragraphs = [intro + "".join(_shuffled(rng, lead))]

    if kind == "study" and rng.random() < 0.15:
        inc = rng.choice(b.lex.incidents)
        report = DirectiveEntry(inc.title + "调查报告", None, "report")
        b.directive(report, False)
        b.incidents[inc.title] = None
        b.regions[inc.region] = None
        paragraphs.append(b.t("incident_report", U=U, D="厅" if region.level == "province" else "局",
                              report=inc.written + "调查报告"))
    for i in range(rng.randint(1, 3)):
        paragraphs.append(b.speech(chair, "speech_open" if i == 0 else "speech_more",
                                   sectors=(i == 0), cite=(i == 0 and rng.random() < 0.7),
                                   incident=rng.random() < 0.15))
    for sp in speakers:
        if rng.random() < 0.4:
            paragraphs.append(b.speech(sp, k=(1, 3)))
    if rng.random() < 0.5:
        paragraphs.append(b.t("attend_anonymous", all=_all(region), U=U))
    headline = None
    if rng.random() < 0.6 or (region.path not in b.regions and rng.random() < 0.8):
        named = [h for h in b.lex.templates["headline"] if "{region}" in h]
        pool = named if region.path not in b.regions else b.lex.templates["headline"]
        headline = b.fill(rng.choice(pool), region=lambda: b.say(region), chair_n=chair.name,
                          all=_all(region), meeting_short=meeting_name)
    if region.path not in b.regions:  # never named: the reader cannot tell which region held it,
        b.meetings[mi].region = None  # but 县委/区委/州委/省委 still tell the level (市 does not:
        b.meetings[mi].level = region.level if region.unit != "市" else None  # county-level cities)
    return Draft(headline, paragraphs, region)


KINDS = ["巡查", "督导", "督查"]


def _team(b: ArticleBuilder, target: Region) -> tuple[str, str, str, Region | None]:
    """(text name, gold name, kind, team's region) of a mission one level above `target`."""
    rng = b.rng
    kind = rng.choice(KINDS)
    n = CN_NUM[rng.randrange(10)]
    if target.level == "province":
        gold = f"国务院安委会安全生产第{n}{kind}组"
        return gold, gold, kind, None
    up = target.parent if target.level == "county" and rng.random() < 0.4 else target.province
    assert up is not None
    gold = f"{up.name}安全生产第{n}{kind}组"
    text = (b.say(up) if rng.random() < 0.3 else up.unit) + f"安全生产第{n}{kind}组"
    return text, gold, kind, up


def story_feedback(b: ArticleBuilder, target: Region, start: date) -> Draft:
    """An inspection mission and the feedback meeting that closes it (the seed-000 shape)."""
    rng = b.rng
    team_text, team_gold, kind, up = _team(b, target)
    end = start + timedelta(days=rng.randint(14, 40))
    fb = end + timedelta(days=rng.randint(2, 45))
    b.timeline(fb)
    leader = b.person(f"team|{team_gold}|leader", [f"{kind}组组长"])
    deputy = b.person(f"team|{team_gold}|deputy", [f"{kind}组副组长"])
    U = target.unit
    target_ref = f"我{U}" if target.level == "province" and rng.random() < 0.5 else target.name
    fb_text, fb_when = b.when(fb)
    mi = b.meeting(fb_when, target)
    intro = b.t("feedback_intro", date=fb_text, team=team_text, kind=kind, target=b.say(target),
                target_ref=target_ref)
    secretary = b.official(target, "secretary")
    head = b.official(target, "head")
    lead = [b.t("feedback_leader", lead=leader.text, kind=kind),
            b.t("feedback_deputy", dl=deputy.text, dn=deputy.name, kind=kind),
            b.t("feedback_pledge", sec=secretary.text, target_ref=target_ref),
            b.t("feedback_chair", head=head.text)]
    b.role(mi, leader, "speaker")
    b.role(mi, deputy, "attendee")
    b.role(mi, secretary, "speaker")
    b.role(mi, head, "chair")
    if rng.random() < 0.6:
        lead.append(_attendees(b, mi, target, rng.sample(["npc", "cppcc", "vice_secretary"],
                                                         rng.randint(1, 3)), rng.randint(1, 4)))
    paragraphs = [intro + "".join(_shuffled(rng, lead))]

    s_text, s_when = b.when(start, vague=False, relative=False, ampm=False)
    e_when = (end, "md")
    higher = "国务院安委会" if up is None else f"{up.unit}委、{up.unit}政府"
    dur = rng.choice(["一个月", "近一个月", "20多天", "一个多月"])
    paragraphs.append(b.t("inspect_period", team=team_text, start=s_text, end=_md(end), target=target.name,
                          dur=dur, kind=kind, higher=higher))
    b.inspection(team_gold, target.path, s_when, e_when)
    paragraphs.append(b.speech(leader, sectors=True, cite=rng.random() < 0.6, incident=rng.random() < 0.1))
    paragraphs.append(f"{secretary.name}表示," + b.filler(rng.randint(2, 4)))
    if rng.random() < 0.6:
        paragraphs.append(b.t("attend_anonymous", all=_all(target), U=U))
    headline = None
    if rng.random() < 0.5:
        headline = b.t("headline_inspect", team_short=team_text, kind=kind, target_short=target.name)
    return Draft(headline, paragraphs, target)


DEPARTMENTS = ["应急管理厅", "住房和城乡建设厅", "市场监督管理局", "工业和信息化厅", "自然资源厅"]


def story_entry(b: ArticleBuilder, target: Region, start: date) -> Draft:
    """A mission moving in and its same-day report meeting (the seed-004 shape)."""
    rng = b.rng
    dept = None
    if rng.random() < 0.3:  # a province mission to one of the province's own departments
        dept = rng.choice(DEPARTMENTS)
        target = target.province
        kind = rng.choice(KINDS)
        team_gold = f"{target.name}安全生产第{CN_NUM[rng.randrange(10)]}{kind}组"
        named_team = rng.random() < 0.5  # the province is named by the team or by the department
        team_text = (b.say(target) if named_team else "省") + team_gold[len(target.name):]
        up: Region | None = target
    else:
        team_text, team_gold, kind, up = _team(b, target)
    b.timeline(start)
    hu = up.unit if up is not None else "省"
    hd = "厅" if hu == "省" else "局"
    leader = b.person(f"team|{team_gold}|leader",
                      [f"{kind}组组长", f"{hu}政府副秘书长"] if rng.random() < 0.5 else [f"{kind}组组长"])
    deputy = b.person(f"team|{team_gold}|deputy",
                      [f"{kind}组副组长", f"{hu}住建{hd}副{hd}长"] if rng.random() < 0.5 else [f"{kind}组副组长"])
    if dept is not None:
        tgt_text = ("省" if named_team else b.say(target)) + dept
        tgt_gold = target.name + dept
        tgt_lead = b.person(f"dept|{target.code}|{dept}", [f"省{dept}{dept[-1]}长"])
    else:
        tgt_text = b.say(target)
        tgt_gold = target.path
        tgt_lead = b.official(target, "head")
    s_text, s_when = b.when(start, vague=False, relative=False, ampm=False)
    mi = b.meeting(s_when, target)
    higher = f"{hu}委、{hu}政府" if up is not None else "国务院安委会"
    intro = b.t("inspect_entry", start=s_text, team=team_text, target=tgt_text, kind=kind,
                ampm=rng.choice(["上午", "下午"]), higher=higher)
    b.inspection(team_gold, tgt_gold, s_when, None)
    lead_text = leader.text
    if len(leader.titles) > 1 and rng.random() < 0.5:  # 省安全生产第十督导组组长、省政府副秘书长X
        lead_text = team_text + "组长、" + "、".join(leader.titles[1:]) + leader.name
    lead = [f"{lead_text}出席会议并讲话。",
            b.t("entry_report", tgt_lead=tgt_lead.text, tgt_short=tgt_text),
            f"{deputy.text}主持会议。"]
    b.role(mi, leader, "speaker")
    b.role(mi, tgt_lead, "speaker")
    b.role(mi, deputy, "chair")
    paragraphs = [intro + "".join(_shuffled(rng, lead))]
    paragraphs.append(b.speech(leader, sectors=True, cite=rng.random() < 0.6, incident=rng.random() < 0.2))
    paragraphs.append(f"{tgt_lead.name}表示," + b.filler(rng.randint(2, 4)))
    headline = None
    if rng.random() < 0.4:
        headline = b.t("headline_inspect", team_short=team_text, kind=kind, target_short=tgt_text)
    return Draft(headline, paragraphs, target)


def story_chain(b: ArticleBuilder, county: Region, d0: date, campaign: Campaign) -> Draft:
    """A teleconference relayed down: (nation →) province → prefecture (→ county) (the seed-001 shape)."""
    rng = b.rng
    pref = county.parent if county.level == "county" else county
    assert pref is not None
    prov = pref.province
    paragraphs: list[str] = []
    d1 = d0 + timedelta(days=rng.choice([0, 0, 1, 2, 3]))
    d2 = d1 + timedelta(days=rng.choice([0, 1, 2, 5]))
    b.timeline(d2 if county.level == "county" else d1)
    d_text, d_when = b.when(d0)
    relay_first = rng.random() < 0.8
    if rng.random() < 0.25:  # the national meeting opens the chain
        nm = b.meeting(d_when, None, "national")
        purpose = b.t("purpose_relay", relay=b.relay_text(nm, [campaign.directive])) if relay_first else ""
        pm = b.meeting(None, prov)
        b.relay_meeting(pm, nm)
        paragraphs.append(b.t("tele_national", date=d_text, purpose=purpose)
                          + b.t("tele_province_after_national", prov=lambda: b.say(prov) + "政府"))
    else:
        pm = b.meeting(d_when, prov)
        purpose = b.t("purpose_relay", relay=b.relay_text(pm, [campaign.directive])) if relay_first else ""
        paragraphs.append(b.t("tele_province", date=d_text, prov=lambda: b.say(prov) + "政府", purpose=purpose))
    if rng.random() < 0.6:
        gov = b.official(prov, "head")
        chair = b.official(prov, rng.choice(["exec_deputy", "deputy"]))
        b.role(pm, gov, "speaker")
        b.role(pm, chair, "chair")
        paragraphs[-1] += f"{gov.text}出席会议并讲话。{chair.text}主持会议。"
    if county.level == "county" and rng.random() < 0.5:
        place = b.say(county, alias=rng.random() < 0.5)
        if rng.random() < 0.5:  # a branch venue with someone named at it: the county's own meeting,
            who = b.official(county, "head")  # the same day, relaying the province's (issue 3)
            bm = b.meeting(b.meetings[pm].when, county)
            b.relay_meeting(bm, pm)
            b.role(bm, who, "attendee")
            paragraphs.append(b.t("tele_branch", who=who.text, place=place))
        else:
            paragraphs.append(b.t("tele_branch_anon", place=place, U=county.unit))

    # the prefecture relays the province meeting
    tpl = rng.choice(b.lex.templates["tele_down"])
    d1_text, d1_when = "", None
    if "{date}" in tpl:
        d1_text, d1_when = b.when(d1, vague=False)
    qm = b.meeting(d1_when, pref)
    b.relay_meeting(qm, pm)
    paragraphs.append(b.fill(tpl, date=d1_text, body=lambda: b.say(pref) + rng.choice(["政府", "委", ""]),
                             U=pref.unit, up_ref="省政府"))
    boss = b.official(pref, rng.choice(["head", "exec_deputy", "secretary"]))
    if rng.random() < 0.5:
        b.role(qm, boss, "chair")
        paragraphs[-1] += f"{boss.text}主持会议。"
        paragraphs.append(b.speech(boss, sectors=True, cite=rng.random() < 0.5))
    else:
        b.role(qm, boss, "speaker")
        paragraphs.append(b.speech(boss, sectors=True, cite=rng.random() < 0.5, titled=True))

    if county.level == "county":  # and the county relays the prefecture's
        tpl = rng.choice(b.lex.templates["tele_down"])
        d2_text, d2_when = "", None
        if "{date}" in tpl:
            d2_text, d2_when = b.when(d2, vague=False)
        cm = b.meeting(d2_when, county)
        b.relay_meeting(cm, qm)
        paragraphs.append(b.fill(tpl, date=d2_text, body=lambda: b.say(county), U=county.unit,
                                 up_ref=lambda: b.say(pref) + rng.choice(["", "委", "政府"])))
        who = b.official(county, rng.choice(["deputy", "head", "exec_deputy"]))
        b.role(cm, who, "speaker")
        paragraphs.append(b.speech(who, "speech_more", k=(1, 3), titled=True))
        if rng.random() < 0.5:
            paragraphs.append(b.t("attend_anonymous", all=_all(county), U=county.unit))
    headline = None
    if rng.random() < 0.3:
        named = [h for h in b.lex.templates["headline"] if "{chair_n}" not in h]
        headline = b.fill(rng.choice(named), region=lambda: b.say(county), all=_all(county))
    return Draft(headline, paragraphs, county)
