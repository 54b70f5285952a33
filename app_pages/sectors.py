"""Sectors: how often each sector is named, as a region × sector heatmap and a monthly timeline
(Altair/Vega-Lite, bundled with Streamlit)."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from app_pages.i18n import level_label, t
from app_pages.shared_answers import shared_query
from app_pages.store_access import query
from app_pages.tables import show_table
from graph_loader.lang.levels import LEVELS


def heatmap_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """(region, sector) -> meetings, summed over months."""
    acc: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r.get("region") or "—", r["sector"])
        acc[key] = acc.get(key, 0) + r["meetings"]
    return [{"region": k[0], "sector": k[1], "meetings": v} for k, v in sorted(acc.items())]


def timeline_rows(rows: list[dict[str, Any]], undated: str) -> list[dict[str, Any]]:
    acc: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r.get("month") or undated, r["sector"])
        acc[key] = acc.get(key, 0) + r["meetings"]
    return [{"month": k[0], "sector": k[1], "meetings": v} for k, v in sorted(acc.items())]


def render() -> None:
    import altair as alt

    regions = (shared_query("regions") or {"regions": []})["regions"]
    c1, c2, c3, c4 = st.columns(4)
    paths = [""] + sorted({r["path"] for r in regions if r.get("path")})
    region = c1.selectbox(t("region"), paths, format_func=lambda p: p or t("all"), key="sc_region")
    levels = [""] + list(LEVELS)
    # rolled up to provinces by default: one row per county and month is thousands of cells on a large graph
    level = c2.selectbox(t("roll_up"), levels, index=levels.index("province"),
                         format_func=lambda lv: level_label(lv) if lv else "—", key="sc_level")
    d_from = c3.date_input(t("date_from"), value=None, min_value=date(1990, 1, 1), key="sc_from")
    d_to = c4.date_input(t("date_to"), value=None, min_value=date(1990, 1, 1), key="sc_to")
    res = query("sectors", region=region or None, level=level or None,
                date_from=d_from.isoformat() if d_from else None, date_to=d_to.isoformat() if d_to else None)
    if res is None:
        return
    if not res["rows"]:
        st.info(t("no_results"))
        return
    st.subheader(t("heatmap"))
    heat = heatmap_rows(res["rows"])
    chart = alt.Chart(alt.Data(values=heat)).mark_rect().encode(
        x=alt.X("sector:N", title=t("sectors")), y=alt.Y("region:N", title=t("region")),
        color=alt.Color("meetings:Q", title=t("meetings_count"), scale=alt.Scale(scheme="orangered")),
        tooltip=["region:N", "sector:N", "meetings:Q"])
    text = alt.Chart(alt.Data(values=heat)).mark_text(baseline="middle").encode(
        x="sector:N", y="region:N", text="meetings:Q")
    st.altair_chart(chart + text, width="stretch")
    st.subheader(t("timeline"))
    line = timeline_rows(res["rows"], t("undated"))
    st.altair_chart(alt.Chart(alt.Data(values=line)).mark_bar().encode(
        x=alt.X("month:O", title=t("month")), y=alt.Y("meetings:Q", title=t("meetings_count")),
        color=alt.Color("sector:N", title=t("sectors")), tooltip=["month:O", "sector:N", "meetings:Q"]),
        width="stretch")
    st.subheader(t("sector_totals"))
    show_table([{t("sectors"): x["sector"], t("meetings_count"): x["meetings"], t("articles_count"): x["articles"]}
                for x in res["totals"]], key="sector_totals")
    with st.expander(t("raw_result")):
        show_table(res["rows"], key="sector_rows")
