"""Meetings & attendance: filters, the meetings table, a person × meeting matrix of roles, and one
meeting's page (participants by role, relays, sectors, inspection, evidence)."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from app_pages.display import date_text, md, meeting_caption, picker, ref_name
from app_pages.i18n import level_label, role_label, t
from app_pages.navigation import go, new_pick, param
from app_pages.shared_answers import shared_query
from app_pages.store_access import query
from app_pages.tables import show_table
from graph_loader.graph.schema import EVIDENCE_ARTICLES
from graph_loader.lang.levels import LEVELS

MATRIX_MAX_MEETINGS = 40
PAGE = 100  # meetings per page of the table


def _iso(d: date | None) -> str | None:
    return d.isoformat() if isinstance(d, date) else None


def _filters() -> dict[str, Any]:
    regions = (shared_query("regions") or {"regions": []})["regions"]
    with st.expander(t("meetings_filters"), expanded=True):
        c1, c2, c3 = st.columns(3)
        paths = [""] + sorted({r["path"] for r in regions if r.get("path")})
        region = c1.selectbox(t("region"), paths, format_func=lambda p: p or t("all"), key="mt_region")
        levels = [""] + list(LEVELS)
        level = c2.selectbox(t("level"), levels, format_func=lambda lv: level_label(lv) if lv else t("all"),
                             key="mt_level")
        kind = c3.text_input(t("kind"), key="mt_kind").strip()
        c4, c5, c6 = st.columns(3)
        d_from = c4.date_input(t("date_from"), value=None, min_value=date(1990, 1, 1), key="mt_from")
        d_to = c5.date_input(t("date_to"), value=None, min_value=date(1990, 1, 1), key="mt_to")
        person = c6.text_input(t("person_filter"), key="mt_person").strip()
    return {"region": region or None, "level": level or None, "kind": kind or None, "date_from": _iso(d_from),
            "date_to": _iso(d_to), "person": person or None}


def _attendance(f: dict[str, Any], meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """(meeting, person, role) rows: with a person filter, that person's (they narrow the table);
    else those of the meetings the matrix shows only (a page's first MATRIX_MAX_MEETINGS), never of
    every meeting the filters match (a province at 10k articles holds thousands)."""
    if f["person"]:
        res = query("attendance", person=f["person"], date_from=f["date_from"], date_to=f["date_to"])
        return res["rows"] if res else []
    shown = [m["meeting"]["id"] for m in meetings[:MATRIX_MAX_MEETINGS]]
    if not shown:
        return []
    return (query("attendance", meetings=shown) or {"rows": []})["rows"]


def _matrix(meetings: list[dict[str, Any]], attendance: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cols = {m["meeting"]["id"]: f"{date_text(m.get('date'))} · {m.get('region') or ref_name(m['meeting'])}"
            for m in meetings[:MATRIX_MAX_MEETINGS]}
    people: dict[str, dict[str, Any]] = {}
    for a in attendance:
        mid = a["meeting"]["id"]
        if mid not in cols:
            continue
        row = people.setdefault(a["person"]["id"], {t("person"): ref_name(a["person"])})
        row[cols[mid]] = role_label(a["role"])
    header = [t("person"), *dict.fromkeys(cols.values())]
    return [{h: r.get(h, "") for h in header} for r in sorted(people.values(), key=lambda r: r[t("person")])]


def _listing(f: dict[str, Any]) -> dict[str, Any]:
    """One page of the filtered meetings (PAGE rows: a 10k corpus has 14k meetings), with the page
    picker under the filters; a page beyond the last (after narrowing the filters) shows the last."""
    def page(no: int) -> dict[str, Any]:
        return shared_query("meetings", level=f["level"], kind=f["kind"], region=f["region"],
                            date_from=f["date_from"], date_to=f["date_to"], limit=PAGE,
                            offset=(no - 1) * PAGE) or {"meetings": [], "total": 0}

    no = int(st.session_state.get("mt_page") or 1)
    listing = page(no)
    pages = max(1, -(-listing["total"] // PAGE))
    if no > pages:
        no = st.session_state["mt_page"] = pages
        listing = page(no)
    if pages > 1:
        c1, c2 = st.columns([1, 3])
        c1.number_input(t("page"), min_value=1, max_value=pages, step=1, key="mt_page")
        first = (no - 1) * PAGE
        c2.caption(t("page_range", first=first + 1, last=first + len(listing["meetings"]), total=listing["total"]))
    return listing


def render() -> None:
    f = _filters()
    listing = _listing(f)
    meetings = listing["meetings"]
    attendance = _attendance(f, meetings)
    if f["person"]:
        mine = {a["meeting"]["id"] for a in attendance}
        meetings = [m for m in meetings if m["meeting"]["id"] in mine]
    st.subheader(t("meetings_table"))
    rows = [{t("date"): date_text(m.get("date")), t("level"): level_label(m.get("level")), t("kind"): m.get("kind"),
             t("region"): m.get("region"), t("meeting"): ref_name(m["meeting"]), t("articles"): m.get("articles"),
             "id": m["meeting"]["id"]} for m in meetings]
    picked = show_table(rows, key="meetings", selectable=True)
    if picked is not None and new_pick("meetings", rows[picked]["id"]):
        st.session_state["mt_meeting"] = rows[picked]["id"]  # the picker below is not drawn yet
    st.subheader(t("role_matrix"))
    st.caption(t("matrix_hint"))
    show_table(_matrix(meetings, attendance), key="role_matrix")

    st.subheader(t("meeting_detail"))
    ids = [m["meeting"]["id"] for m in meetings]
    captions = {m["meeting"]["id"]: meeting_caption(m) for m in meetings}
    wanted = param("meeting")
    chosen = st.session_state.get("mt_meeting")
    for extra in (wanted, chosen):
        if extra and extra not in ids:
            ids.insert(0, extra)
    if not ids:
        return
    mid = picker(t("pick_meeting"), ids, "mt_meeting", wanted, lambda i: captions.get(i, i))
    show_meeting(mid)


def show_meeting(mid: str) -> None:
    m = query("meeting", id=mid)
    if m is None:
        return
    st.markdown(f"### {md(ref_name(m['meeting']))}")
    st.markdown(" · ".join(md(x) for x in (m.get("date"), level_label(m.get("level")), m.get("region"),
                                           m.get("kind")) if x))
    if m["conveners"]:
        st.markdown(f"**{t('conveners')}**: " + "、".join(md(ref_name(c)) for c in m["conveners"]))
    st.markdown(f"**{t('participants_by_role')}**")
    cols = st.columns(3)
    for col, key, role in zip(cols, ("chairs", "speakers", "attendees"), ("chair", "speaker", "attendee"),
                              strict=True):
        col.markdown(f"*{role_label(role)}*")
        for p in m[key]:
            if col.button(ref_name(p["person"]), key=f"mp_{mid}_{role}_{p['person']['id']}"):
                go("people", person=p["person"]["id"])
    relays = [{t("directive"): ref_name(r["target"]), "label": r["target"]["label"],
               t("inferred"): "✓" if r["inferred"] else "", t("relay_reason"): r.get("reason"),
               t("evidence"): [e["text"] for e in r["evidence"]]} for r in m["relays"]]
    st.markdown(f"**{t('relayed_directives')}**")
    show_table(relays, key=f"relays_{mid}")
    if m["relayed_by"]:
        st.markdown(f"**{t('relayed_by')}**")
        show_table([{t("meeting"): ref_name(r["target"]), "id": r["target"]["id"],
                     t("inferred"): "✓" if r["inferred"] else ""} for r in m["relayed_by"]], key=f"relayedby_{mid}")
    c1, c2 = st.columns(2)
    c1.markdown(f"**{t('sectors')}**: " + ("、".join(md(s) for s in m["sectors"]) or "—"))
    c2.markdown(f"**{t('closes_inspection')}**: " + ("、".join(md(ref_name(i)) for i in m["inspections"]) or "—"))
    st.markdown(f"**{t('evidence')}**")
    evidence, articles = m["evidence"], m["articles"]
    if len(articles) > EVIDENCE_ARTICLES:  # a meeting most articles report: its articles a page at a time
        pages = -(-len(articles) // EVIDENCE_ARTICLES)
        c1, c2 = st.columns([1, 3])
        no = int(c1.number_input(t("page"), min_value=1, max_value=pages, step=1, key=f"ev_page_{mid}"))
        page = query("evidence", id=mid, limit=EVIDENCE_ARTICLES, offset=(no - 1) * EVIDENCE_ARTICLES) or {}
        evidence, articles = page.get("evidence", []), page.get("articles", [])
        first = (no - 1) * EVIDENCE_ARTICLES
        c2.caption(t("page_range", first=first + 1, last=first + len(articles), total=len(m["articles"])))
    ev = [{t("evidence"): e["text"], t("rule"): e["rule"], "doc_id": e["doc_id"],
           "orig": f"{e['orig_start']}–{e['orig_end']}"} for e in evidence]
    show_table(ev, key=f"evidence_{mid}")
    for doc in articles:
        if st.button(f"{t('open_article')}: {doc}", key=f"open_{mid}_{doc}"):
            go("sources", doc=doc)
