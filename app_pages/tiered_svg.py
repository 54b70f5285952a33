"""The propagation picture: an inline SVG we draw ourselves (no JS, no CDN).

One row per administrative level, national at the top and county/township at
the bottom; nodes coloured by level; edges labelled with the lag in days;
inferred links dashed. Every text is escaped; each node links to its meeting page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlencode

from graph_loader.lang.levels import LEVELS

TIER_ROWS = ("root", *LEVELS, None)  # top to bottom; root: a directive, None: a meeting of unknown level
LEVEL_COLOURS = {"root": "#34495e", "national": "#c0392b", "province": "#d35400", "prefecture": "#2e86c1",
                 "county": "#27ae60", "township": "#8e44ad", None: "#7f8c8d"}
NODE_W, NODE_H, ROW_H, GAP, MARGIN = 170, 46, 110, 30, 20


@dataclass
class TierNode:
    id: str
    level: str | None
    title: str  # first line (region or name)
    subtitle: str = ""  # second line (date)
    link: bool = True  # a meeting (clickable) or the directive at the root


@dataclass
class TierEdge:
    src: str
    dst: str
    lag_days: int | None = None
    inferred: bool = False


def _short(s: str, n: int = 13) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def tiered_svg(nodes: list[TierNode], edges: list[TierEdge], level_names: dict[str | None, str]) -> str:
    """SVG markup; `level_names` gives each row's caption in the interface language."""
    rows = [lv for lv in TIER_ROWS if any(n.level == lv for n in nodes)]
    by_row = {lv: [n for n in nodes if n.level == lv] for lv in rows}
    width = max([len(v) for v in by_row.values()] + [1]) * (NODE_W + GAP) + 2 * MARGIN + 90
    height = len(rows) * ROW_H + 2 * MARGIN
    pos: dict[str, tuple[float, float]] = {}
    for r, lv in enumerate(rows):
        row = by_row[lv]
        span = len(row) * NODE_W + (len(row) - 1) * GAP
        x0 = 90 + MARGIN + (width - 90 - 2 * MARGIN - span) / 2
        for i, n in enumerate(row):
            pos[n.id] = (x0 + i * (NODE_W + GAP), MARGIN + r * ROW_H)
    e = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Noto Sans CJK SC, sans-serif" role="img">',
           '<defs><marker id="skg-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>']
    for r, lv in enumerate(rows):
        y = MARGIN + r * ROW_H + NODE_H / 2 + 5
        out.append(f'<text x="{MARGIN}" y="{y:.0f}" font-size="13" fill="{LEVEL_COLOURS[lv]}" '
                   f'font-weight="bold">{e(level_names.get(lv, str(lv)))}</text>')
    for ed in edges:
        if ed.src not in pos or ed.dst not in pos:
            continue
        (x1, y1), (x2, y2) = pos[ed.src], pos[ed.dst]
        ax, ay = x1 + NODE_W / 2, y1 + NODE_H
        bx, by = x2 + NODE_W / 2, y2
        if y2 <= y1:  # same row or upward: connect side to side
            ay, by = y1 + NODE_H / 2, y2 + NODE_H / 2
            ax, bx = (x1 + NODE_W, x2) if x2 > x1 else (x1, x2 + NODE_W)
        dash = ' stroke-dasharray="6 4"' if ed.inferred else ""
        out.append(f'<line x1="{ax:.0f}" y1="{ay:.0f}" x2="{bx:.0f}" y2="{by:.0f}" stroke="#555" '
                   f'stroke-width="1.5"{dash} marker-end="url(#skg-arrow)" '
                   f'class="{"skg-inferred" if ed.inferred else "skg-stated"}"/>')
        if ed.lag_days is not None:
            mx, my = (ax + bx) / 2, (ay + by) / 2
            out.append(f'<text x="{mx + 6:.0f}" y="{my:.0f}" font-size="12" fill="#333">{ed.lag_days}d</text>')
    for n in nodes:
        x, y = pos[n.id]
        colour = LEVEL_COLOURS.get(n.level, LEVEL_COLOURS[None])
        box = (f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="8" fill="{colour}" '
               f'fill-opacity="0.15" stroke="{colour}" stroke-width="2"/>'
               f'<text x="{x + NODE_W / 2:.0f}" y="{y + 19:.0f}" text-anchor="middle" font-size="13" '
               f'fill="#222">{e(_short(n.title))}</text>'
               f'<text x="{x + NODE_W / 2:.0f}" y="{y + 37:.0f}" text-anchor="middle" font-size="11" '
               f'fill="#555">{e(_short(n.subtitle, 22))}</text>'
               f'<title>{e(n.title)} {e(n.subtitle)}</title>')
        if n.link:
            href = e("?" + urlencode({"page": "meetings", "meeting": n.id}), quote=True)
            out.append(f'<a href="{href}" target="_self" style="text-decoration:none">{box}</a>')
        else:
            out.append(box)
    out.append("</svg>")
    return "".join(out)
