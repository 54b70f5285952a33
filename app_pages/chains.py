"""Responsibility chains: pick a county (or prefecture); the bodies and post-holders at each level up
to the centre, with the meetings and inspections that link each level to the one above."""

from __future__ import annotations

import streamlit as st

from app_pages.display import md, picker, ref_name
from app_pages.i18n import level_label, t
from app_pages.navigation import param
from app_pages.shared_answers import shared_query
from app_pages.store_access import query
from app_pages.tables import show_table


def render() -> None:
    regions = (shared_query("regions") or {"regions": []})["regions"]
    options = {r["id"]: f"{r.get('path') or r.get('name')} ({level_label(r.get('level'))})"
               for r in regions if r.get("level") in ("county", "prefecture", "township")}
    wanted = param("region")
    if wanted and wanted not in options:
        options = {wanted: wanted, **options}
    if not options:
        st.info(t("no_results"))
        return
    level_of = {r["id"]: r.get("level") for r in regions}
    ordered = sorted(options, key=lambda i: (level_of.get(i) != "county", options[i]))
    rid = picker(t("pick_county"), ordered, "ch_region", wanted, lambda i: options.get(i, i))
    res = query("responsibility_chain", region=rid)
    if res is None:
        return
    st.subheader(t("chain_to_centre"))
    table = []
    for i, lv in enumerate(res["levels"]):
        with st.container(border=True):
            where = ref_name(lv.get("region")) if lv.get("region") else ""
            st.markdown(f"#### {level_label(lv.get('level'))} {md(where)}")
            for b in lv["bodies"]:
                holders = "、".join(f"{md(h.get('title') or '')} {md(ref_name(h['person']))}".strip()
                                   for h in b["holders"])
                st.markdown(f"- **{md(ref_name(b['body']))}**" + (f": {holders}" if holders else ""))
                table.append({t("level"): level_label(lv.get("level")), t("region"): where,
                              t("body"): ref_name(b["body"]), t("holders"): holders})
            if lv["links_up"]:
                st.caption(t("links_up"))
                for link in lv["links_up"]:
                    ev = (link.get("evidence") or {}).get("text") or ""
                    st.markdown(f"↑ {md(link.get('date') or '')} {md(ref_name(link['node']))} "
                                f"— {t('via')} {md(ref_name(link.get('via')))}" + (f"  \n  > {md(ev)}" if ev else ""))
        if i < len(res["levels"]) - 1:
            st.markdown("<div style='text-align:center;font-size:20px'>↓</div>", unsafe_allow_html=True)
    with st.expander(t("chain_table")):
        show_table(table, key=f"chain_{rid}")
