"""People & bodies: profile pages — posts with their sources, meetings by role, directives relayed,
and the co-participants as a small network."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.display import md, picker, ref_name
from app_pages.i18n import level_label, role_label, t
from app_pages.navigation import go, new_pick, param
from app_pages.shared_answers import shared_query
from app_pages.store_access import query
from app_pages.tables import show_table

LATEST_MEETINGS = 200  # whose participants the picker offers before a search


def _choices() -> dict[str, str]:
    """id -> caption: search hits (persons, bodies), else the participants of the latest meetings
    (at 10k articles 'everyone who attended a meeting' is 20k people: a search finds the others)."""
    text = st.text_input(t("search"), placeholder=t("search_hint"), key="pp_search").strip()
    out: dict[str, str] = {}
    if text:
        for h in (query("search", text=text, limit=100) or {"hits": []})["hits"]:
            if h["node"]["label"] in ("Person", "Body"):
                kind = t("person") if h["node"]["label"] == "Person" else t("body")
                out[h["node"]["id"]] = f"{kind} · {ref_name(h['node'])}"
        return out
    latest = (shared_query("meetings", limit=LATEST_MEETINGS) or {"meetings": []})["meetings"]
    shown = [m["meeting"]["id"] for m in latest]
    rows = (query("attendance", meetings=shown) or {"rows": []})["rows"] if shown else []
    for row in rows:
        out[row["person"]["id"]] = f"{t('person')} · {ref_name(row['person'])}"
    return dict(sorted(out.items(), key=lambda kv: (kv[1], kv[0])))


def render() -> None:
    choices = _choices()
    wanted = param("person")
    if wanted and wanted not in choices:
        choices = {wanted: wanted, **choices}
    if not choices:
        st.info(t("no_results"))
        return
    nid = picker(t("pick_person"), list(choices), "pp_person", wanted, lambda i: choices.get(i, i))
    if choices[nid].startswith(t("body")):
        _body(nid)
    else:
        _person(nid)


def _person(pid: str) -> None:
    p = query("person", id=pid)
    if p is None:
        return
    st.markdown(f"### {md(ref_name(p['person']))}")
    facts = [p.get("region"), t("national_leader") if p.get("national_leader") else None]
    st.caption(" · ".join(str(f) for f in facts if f))
    if p.get("candidates"):
        st.caption(f"{t('homonyms')}: " + "、".join(p["candidates"]))
    st.markdown(f"**{t('posts_with_sources')}**")
    show_table([{t("title"): x.get("title"), t("full_title"): x.get("full"), t("body"): ref_name(x.get("body")),
                 t("sources_col"): x.get("articles"), t("evidence"): [e["text"] for e in x.get("evidence", [])]}
                for x in p["posts"]], key=f"posts_{pid}")
    st.markdown(f"**{t('meetings_by_role')}**")
    rows = [{t("role"): role_label(m["role"]), t("date"): m.get("date"), t("level"): level_label(m.get("level")),
             t("region"): m.get("region"), t("meeting"): ref_name(m["meeting"]), "id": m["meeting"]["id"]}
            for m in p["meetings"]]
    picked = show_table(rows, key=f"pmeetings_{pid}", selectable=True)
    if picked is not None and new_pick(f"pm_{pid}", rows[picked]["id"]):
        go("meetings", meeting=rows[picked]["id"])
    if p["directives"]:
        st.markdown(f"**{t('directives_relayed')}**")
        show_table([{t("directive"): ref_name(d["directive"]), t("via_meetings"): d["via_meetings"]}
                    for d in p["directives"]], key=f"pdirectives_{pid}")
    st.markdown(f"**{t('co_participants')}**")
    left, right = st.columns([1, 1])
    with left:
        co = [{t("person"): ref_name(c["person"]), t("shared_meetings"): c["meetings"], "id": c["person"]["id"]}
              for c in p["co_participants"]]
        picked = show_table(co, key=f"pco_{pid}", selectable=True)
        if picked is not None and new_pick(f"pc_{pid}", co[picked]["id"]):
            go("people", person=co[picked]["id"])
    with right:
        if p["co_participants"]:
            # every name in the SVG is escaped by co_network_svg
            st.markdown(co_network_svg(ref_name(p["person"]), [(ref_name(c["person"]), c["meetings"])
                                                               for c in p["co_participants"][:24]]),
                        unsafe_allow_html=True)


def co_network_svg(centre: str, others: list[tuple[str, int]]) -> str:
    """A small star: the person in the middle, co-participants around, edge width = shared meetings."""
    import html
    import math

    size, r = 380, 140
    cx = cy = size / 2
    e = html.escape
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'font-family="Noto Sans CJK SC, sans-serif">']
    for i, (name, n) in enumerate(others):
        a = 2 * math.pi * i / max(1, len(others))
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        parts.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" stroke="#95a5a6" '
                     f'stroke-width="{min(6, 1 + n)}"/>')
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="16" fill="#d6eaf8" stroke="#2e86c1"/>'
                     f'<text x="{x:.0f}" y="{y + 30:.0f}" font-size="12" text-anchor="middle">{e(name)}</text>')
    parts.append(f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="22" fill="#fadbd8" stroke="#c0392b" stroke-width="2"/>'
                 f'<text x="{cx:.0f}" y="{cy + 40:.0f}" font-size="14" font-weight="bold" '
                 f'text-anchor="middle">{e(centre)}</text></svg>')
    return "".join(parts)


def _body(bid: str) -> None:
    st.markdown(f"**{t('body_meetings')}**")
    res = query("attendance", body=bid)
    if res is None:
        return
    rows: list[dict[str, Any]] = [
        {t("person"): ref_name(r["person"]), t("role"): role_label(r["role"]), t("date"): r.get("date"),
         t("level"): level_label(r.get("level")), t("region"): r.get("region"), t("meeting"): ref_name(r["meeting"])}
        for r in res["rows"]]
    show_table(rows, key=f"body_{bid}")
