"""Article metadata from its own header and footer lines: title, date, source, bylines, editors.

Only the lines around the story (header, footer, the byline at the start of the
first paragraph, a parenthesis closing the last) are read, so a date or a name
inside the story is never taken for the article's own.
"""

from __future__ import annotations

import re

from graph_loader.ingest.document import Metadata
from graph_loader.ingest.rules import byline_words, metadata_rules, org_suffixes

_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
_SPLIT = re.compile(r"[\s、，,；;/／]+")


def _rules(kind: str) -> list[re.Pattern[str]]:
    return [r.pattern for r in metadata_rules() if r.kind == kind]


def normalise_date(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def names_in(fragment: str) -> list[str]:
    """Person names in a byline fragment (`记者 张三 通讯员 李四` → 张三, 李四)."""
    words = byline_words()
    out: list[str] = []
    for token in _SPLIT.split(fragment.strip()):
        for w in sorted(words, key=len, reverse=True):  # `记者张三` written without a space
            if token.startswith(w) and len(token) > len(w) + 1:
                token = token[len(w):]
                break
        if token.endswith("摄") and len(token) > 3:
            token = token[:-1]
        if token in words or not _NAME.fullmatch(token) or token[-1] in org_suffixes():
            continue
        if token not in out:
            out.append(token)
    return out


def published_date(header: list[str], footer: list[str]) -> str | None:
    labelled, leading = _rules("published")[0], _rules("published")[1:]
    for line in header + footer:
        m = labelled.search(line)
        if m and (d := normalise_date(m)):
            return d
    for line in header + footer:
        if len(line) <= 50:
            for p in leading:
                m = p.search(line)
                if m and (d := normalise_date(m)):
                    return d
    return None


def read_metadata(header: list[str], first_body: str | None, last_body: str | None,
                  footer: list[str], title: str | None) -> Metadata:
    """Metadata from the lines around the story (all in simplified characters)."""
    meta = Metadata(title=title)
    meta.published = published_date(header, footer)
    for line in header + footer:
        for p in _rules("source"):
            if (m := p.search(line)) and meta.source is None:
                v = m.group("v")
                if not any(v.startswith(k) for k in ("作者", "日期", "时间", "编辑", "发布")):
                    meta.source = v
    reporters: list[str] = []
    editors: list[str] = []
    for line in header + footer:
        for p in _rules("reporter"):
            if m := p.search(line):
                reporters += names_in(m.group("v"))
        for p in _rules("editor"):
            for m in p.finditer(line):
                editors += names_in(m.group("v"))
    opening = [line[:120] for line in header + ([first_body] if first_body else [])]
    for line in opening:
        for p in _rules("byline"):
            for m in p.finditer(line):
                reporters += names_in(m.group("v"))
    closing = [last_body] if last_body else []
    closing += [line for line in footer if line.startswith(("(", "（"))]
    for line in closing:
        for p in _rules("editor"):
            tail = line[-40:]
            if "(" in tail or "（" in tail:
                for m in p.finditer(tail[max(tail.rfind("("), tail.rfind("（")):]):
                    editors += names_in(m.group("v"))
        for p in _rules("closing"):
            if m := p.search(line):
                v = m.group("v")
                if not any(e in v for e in ("编辑", "责编", "审核", "校对")):
                    reporters += names_in(v)
    meta.reporters = list(dict.fromkeys(reporters))
    meta.editors = [e for e in dict.fromkeys(editors) if e not in meta.reporters]
    return meta
