"""Small property-graph fixtures (two articles) that follow graph_loader/graph/schema.py exactly.

Article A: a province meeting relays a State Council directive, a prefecture meeting
relays it, a county meeting relays that, a township meeting relays the county's.
Article B: a county study session of another county relays the directive directly
(so it hangs under the province meeting, inferred); a province inspection team
inspects the first county and a feedback meeting closes it. Persons hold posts; one
person appears in both articles. The places and names are invented.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph_loader.graph.schema import GraphRows, NodeRow, RelRow, encode_evidence

DOC_A = "docA_0001"
DOC_B = "docB_0002"

PROV = "东海省"
PREF = "东海省青州市"
CNTY = "东海省青州市白水县"
CNTY2 = "东海省青州市红山区"
TOWN = "东海省青州市白水县城关镇"

DIRECTIVE_TITLE = "关于进一步加强安全生产工作的若干措施"


class RowsBuilder:
    """Collects rows per article; a fact added for two articles lands in both batches."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, NodeRow]] = defaultdict(dict)
        self.rels: dict[str, dict[str, RelRow]] = defaultdict(dict)
        self._pos: dict[str, int] = defaultdict(int)

    def _evidence(self, doc: str, rule: str, text: str) -> str:
        start = self._pos[doc]
        self._pos[doc] += len(text) + 1
        return encode_evidence(doc, start, start + len(text), start + 3, start + 3 + len(text), rule, text)

    def node(self, doc: str, nid: str, label: str, text: str | None = None, **props: Any) -> str:
        row = self.nodes[doc].get(nid) or NodeRow(id=nid, label=label, props=dict(props), articles=[doc])
        row.props.update(props)
        if text:
            row.evidence.append(self._evidence(doc, f"{label.lower()}.fixture", text))
        self.nodes[doc][nid] = row
        return nid

    def rel(self, doc: str, rtype: str, src: str, dst: str, text: str | None = None, **props: Any) -> str:
        rid = f"{rtype}:{src}->{dst}"
        row = self.rels[doc].get(rid) or RelRow(id=rid, type=rtype, src=src, dst=dst, props=dict(props),
                                                 articles=[doc])
        if text:
            row.evidence.append(self._evidence(doc, f"{rtype.lower()}.fixture", text))
        self.rels[doc][rid] = row
        return rid

    def batches(self) -> list[GraphRows]:
        docs = sorted(set(self.nodes) | set(self.rels))
        return [GraphRows(nodes=list(self.nodes[d].values()), rels=list(self.rels[d].values()), doc_ids=[d])
                for d in docs]


def _regions(b: RowsBuilder, doc: str, paths: list[str]) -> None:
    levels = {PROV: ("东海省", "province", "990000"), PREF: ("青州市", "prefecture", "990100"),
              CNTY: ("白水县", "county", "990101"), CNTY2: ("红山区", "county", "990102"),
              TOWN: ("城关镇", "township", "990101001")}
    parent = {PREF: PROV, CNTY: PREF, CNTY2: PREF, TOWN: CNTY}
    for path in paths:
        p = path
        while p:
            name, level, code = levels[p]
            b.node(doc, f"region:{p}", "Region", name=name, path=p, level=level, code=code)
            if p in parent:
                b.rel(doc, "PART_OF", f"region:{p}", f"region:{parent[p]}")
            b.rel(doc, "MENTIONS", f"article:{doc}", f"region:{p}")
            p = parent.get(p, "")


def _body(b: RowsBuilder, doc: str, name: str, kind: str, region: str | None, level: str) -> str:
    bid = b.node(doc, f"body:{name}", "Body", f"{name}会议", name=name, kind=kind, region=region, level=level)
    if region:
        b.rel(doc, "BODY_IN", bid, f"region:{region}")
    b.rel(doc, "MENTIONS", f"article:{doc}", bid)
    return bid


def _person(b: RowsBuilder, doc: str, name: str, title: str, full: str, body: str, region: str) -> str:
    pid = b.node(doc, f"person:{name}", "Person", f"{full}{name}", name=name, region=region, national_leader=False)
    post = b.node(doc, f"post:{body}:{title}", "Post", title=title, body=body)
    b.rel(doc, "HOLDS", pid, post, f"{full}{name}出席", title=title, full=full)
    b.rel(doc, "POST_IN", post, f"body:{body}")
    b.rel(doc, "MENTIONS", f"article:{doc}", pid)
    return pid


def _meeting(b: RowsBuilder, doc: str, mid: str, name: str, kind: str, date: str | None, level: str,
             region: str, convener: str | None, text: str) -> str:
    b.node(doc, mid, "Meeting", text, name=name, kind=kind, date=date, level=level, region=region)
    b.rel(doc, "HELD_IN", mid, f"region:{region}")
    if convener:
        b.rel(doc, "CONVENED_BY", mid, f"body:{convener}")
    b.rel(doc, "REPORTS", f"article:{doc}", mid)
    return mid


def build_fixture() -> list[GraphRows]:
    """The two articles' rows, one GraphRows per article (sorted by doc id)."""
    b = RowsBuilder()
    # ---- article A: the relay chain ----
    a = DOC_A
    b.node(a, f"article:{a}", "Article", doc_id=a, title="全省安全生产工作会议精神层层传达",
           published="2024-03-15", source="东海日报", path="a.txt", sha256="0" * 64, reporters=["李记"])
    _regions(b, a, [TOWN])
    nat = _body(b, a, "国务院安委会", "safety_committee", None, "national")
    _body(b, a, "东海省政府", "government", PROV, "province")
    _body(b, a, "青州市政府", "government", PREF, "prefecture")
    _body(b, a, "白水县委", "party_committee", CNTY, "county")
    _body(b, a, "白水县政府", "government", CNTY, "county")
    d1 = b.node(a, "directive:d1", "Directive", f"《{DIRECTIVE_TITLE}》", title=DIRECTIVE_TITLE,
                kind="document", issuer="国务院安委会")
    b.rel(a, "ISSUED_BY", d1, nat)
    b.rel(a, "MENTIONS", f"article:{a}", d1)
    gov = _person(b, a, "王一", "省长", "省长", "东海省政府", PROV)
    mayor = _person(b, a, "周二", "市长", "青州市市长", "青州市政府", PREF)
    sec = _person(b, a, "赵三", "县委书记", "白水县委书记", "白水县委", CNTY)
    head = _person(b, a, "钱四", "县长", "白水县县长", "白水县政府", CNTY)
    dep = _person(b, a, "孙五", "副县长", "白水县副县长", "白水县政府", CNTY)
    m_prov = _meeting(b, a, "meeting:prov", "全省安全生产工作会议", "deployment", "2024-03-01", "province",
                      PROV, "东海省政府", "3月1日,全省安全生产工作会议召开。")
    m_pref = _meeting(b, a, "meeting:pref", "青州市安全生产工作会议", "deployment", "2024-03-05", "prefecture",
                      PREF, "青州市政府", "3月5日,青州市召开安全生产工作会议。")
    # another report named the provincial meeting otherwise: found by that name too
    b.node(a, m_prov, "Meeting", aliases=["全省安全生产暨防汛工作视频会议"])
    m_cnty = _meeting(b, a, "meeting:cnty", "白水县安全生产工作会议", "deployment", "2024-03-08", "county",
                      CNTY, "白水县政府", "3月8日,白水县召开安全生产工作会议。")
    m_town = _meeting(b, a, "meeting:town", "城关镇安全生产会议", "deployment", "2024-03-12", "township",
                      TOWN, None, "3月12日,城关镇召开安全生产会议。")
    b.rel(a, "RELAYS", m_prov, d1, f"会议传达学习了《{DIRECTIVE_TITLE}》。", inferred=False)
    b.rel(a, "RELAYS", m_pref, m_prov, "会议传达了全省安全生产工作会议精神。", inferred=False)
    b.rel(a, "RELAYS", m_cnty, m_pref, "会议传达了青州市安全生产工作会议精神。", inferred=False)
    b.rel(a, "RELAYS", m_town, m_cnty, "会议传达了县安全生产工作会议精神。", inferred=False)
    b.rel(a, "PARTICIPATED", gov, m_prov, "省长王一主持会议。", role="chair")
    b.rel(a, "PARTICIPATED", mayor, m_prov, "周二参加会议。", role="attendee")
    b.rel(a, "PARTICIPATED", mayor, m_pref, "市长周二主持会议并讲话。", role="chair")
    b.rel(a, "PARTICIPATED", sec, m_cnty, "县委书记赵三讲话。", role="speaker")
    b.rel(a, "PARTICIPATED", head, m_cnty, "县长钱四主持会议。", role="chair")
    b.rel(a, "PARTICIPATED", dep, m_cnty, "副县长孙五出席。", role="attendee")
    for sector, targets in (("危险化学品", [m_prov, m_cnty]), ("工贸", [m_cnty])):
        sid = b.node(a, f"sector:{sector}", "Sector", name=sector, parent=None)
        for t in targets:
            b.rel(a, "ADDRESSES", t, sid, f"强化{sector}安全。")
        b.rel(a, "ADDRESSES", f"article:{a}", sid)

    # ---- article B: a study session, an inspection and its feedback meeting ----
    d = DOC_B
    b.node(d, f"article:{d}", "Article", doc_id=d, title="白水县召开巡查情况反馈会",
           published="2024-04-20", source="青州新闻网", path="b.txt", sha256="1" * 64, reporters=[])
    _regions(b, d, [CNTY, CNTY2])
    _body(b, d, "国务院安委会", "safety_committee", None, "national")
    _body(b, d, "白水县委", "party_committee", CNTY, "county")
    _body(b, d, "白水县政府", "government", CNTY, "county")
    _body(b, d, "红山区委", "party_committee", CNTY2, "county")
    team = _body(b, d, "东海省安全生产第二巡查组", "inspection_team", PROV, "province")
    d1b = b.node(d, "directive:d1", "Directive", f"《{DIRECTIVE_TITLE}》", title=DIRECTIVE_TITLE,
                 kind="document", issuer="国务院安委会")
    b.rel(d, "ISSUED_BY", d1b, "body:国务院安委会")
    b.rel(d, "MENTIONS", f"article:{d}", d1b)
    sec = _person(b, d, "赵三", "县委书记", "白水县委书记", "白水县委", CNTY)
    head = _person(b, d, "钱四", "县长", "白水县县长", "白水县政府", CNTY)
    leader = _person(b, d, "吴六", "巡查组组长", "省安全生产第二巡查组组长", "东海省安全生产第二巡查组", PROV)
    red = _person(b, d, "郑七", "区委书记", "红山区委书记", "红山区委", CNTY2)
    insp = b.node(d, "inspection:i1", "Inspection", "省安全生产第二巡查组对白水县开展巡查。",
                  team="东海省安全生产第二巡查组", target=CNTY, start="2024-03-20", end="2024-04-15",
                  level="province")
    b.rel(d, "CONDUCTED_BY", insp, team)
    b.rel(d, "TARGETS", insp, f"region:{CNTY}")
    b.rel(d, "REPORTS", f"article:{d}", insp)
    m_fb = _meeting(b, d, "meeting:feedback", "省安全生产第二巡查组巡查白水县情况反馈会", "feedback",
                    "2024-04-19", "county", CNTY, "白水县委", "4月19日,巡查情况反馈会召开。")
    b.rel(d, "FEEDBACK_OF", m_fb, insp, "巡查情况反馈会召开。")
    b.rel(d, "PARTICIPATED", head, m_fb, "县长钱四主持会议。", role="chair")
    b.rel(d, "PARTICIPATED", leader, m_fb, "组长吴六通报巡查情况。", role="speaker")
    b.rel(d, "PARTICIPATED", sec, m_fb, "县委书记赵三作表态发言。", role="speaker")
    m_study = _meeting(b, d, "meeting:study", "红山区委理论学习中心组学习会", "study", "2024-04-18", "county",
                       CNTY2, "红山区委", "4月18日,红山区委理论学习中心组召开学习会。")
    b.rel(d, "RELAYS", m_study, d1b, f"会议学习了《{DIRECTIVE_TITLE}》。", inferred=False)
    b.rel(d, "PARTICIPATED", red, m_study, "区委书记郑七主持会议。", role="chair")
    sid = b.node(d, "sector:消防", "Sector", name="消防", parent=None)
    b.rel(d, "ADDRESSES", m_study, sid, "抓好消防安全。")
    b.rel(d, "ADDRESSES", f"article:{d}", sid)
    return b.batches()
