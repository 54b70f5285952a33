"""Every table the app shows goes through `show_table`, which adds its CSV download."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import streamlit as st

from app_pages.i18n import t


def _cell(v: Any) -> Any:
    """Lists and dicts become readable text so tables and CSV stay flat; a missing value (an undated
    meeting) is an empty cell, not the word None."""
    if v is None:
        return ""
    if isinstance(v, list):
        return "、".join(str(_cell(x)) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def flatten(rows: list[dict[str, Any]], columns: list[str] | None = None) -> list[dict[str, Any]]:
    cols = columns or list(dict.fromkeys(k for r in rows for k in r))
    return [{c: _cell(r.get(c)) for c in cols} for r in rows]


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with BOM so Excel opens Chinese text correctly."""
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def show_table(rows: list[dict[str, Any]], key: str, columns: list[str] | None = None,
               selectable: bool = False, height: int | None = None) -> int | None:
    """Show rows with a CSV download; with `selectable`, return the index of the clicked row."""
    if not rows:
        st.info(t("no_results"))
        return None
    flat = flatten(rows, columns)
    kwargs: dict[str, Any] = {"hide_index": True, "width": "stretch", "key": f"tbl_{key}"}
    if height and len(flat) > 15:  # a fixed height only when the table would be long
        kwargs["height"] = height
    picked = None
    if selectable:
        event = st.dataframe(flat, on_select="rerun", selection_mode="single-row", **kwargs)
        sel = getattr(getattr(event, "selection", None), "rows", None) or []
        picked = sel[0] if sel else None
    else:
        st.dataframe(flat, **kwargs)
    st.download_button(t("download_csv"), to_csv(flat), file_name=f"{key}.csv", mime="text/csv",
                       key=f"csv_{key}")
    return picked
