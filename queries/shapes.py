"""Result pieces every query shares (references, evidence, levels, date ranges).

Both stores' raw rows go through the same constructors here, so a query returns
the same value on either store as long as the raw rows agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, field_validator

from graph_loader.graph.schema import NAME_PROPS, NODE_LABELS, decode_evidence, evidence_sample
from graph_loader.lang.levels import LEVEL_RANK, LEVELS

if TYPE_CHECKING:
    from graph_loader.stores.neo4j_store import Neo4jStore

LABEL_RANK: dict[str, int] = {name: i for i, name in enumerate(NODE_LABELS)}

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RANGE_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryParamError(ValueError):
    """A parameter the user gave cannot be used (exit status 2 on the command line)."""


class Ref(BaseModel):
    """A node as results show it: id, label and the name a reader recognises."""

    id: str
    label: str
    name: str | None = None


class EvidenceItem(BaseModel):
    doc_id: str
    start: int
    end: int
    orig_start: int
    orig_end: int
    rule: str
    text: str


def level_rank(level: str | None) -> int:
    """Sort key putting national first and unknown levels last."""
    return LEVEL_RANK.get(level or "", len(LEVELS))


def display_name(label: str, props: dict[str, Any]) -> str | None:
    for prop in NAME_PROPS.get(label, ()):
        value = props.get(prop)
        if value:
            return str(value)
    return None


def ref(node: dict[str, Any], label: str | None = None) -> Ref:
    lab = label or node.get("label") or ""
    return Ref(id=node["id"], label=lab, name=display_name(lab, node))


def evidence_items(strings: list[str] | None) -> list[EvidenceItem]:
    """Decoded evidence in a defined order (the stores keep the strings as a set), that of a hub's first
    articles only (`schema.evidence_sample`: the embedded store holds no more, Neo4j's answer is cut
    alike); the `evidence` query pages through the whole."""
    return [EvidenceItem(**decode_evidence(s)) for s in evidence_sample(strings)]


def first_evidence(strings: Sequence[str] | None) -> EvidenceItem | None:
    """evidence_items(strings)[0], decoding only that one (a propagation tree holds thousands); the
    embedded store's lazy evidence (`stores.embedded.Evidence`) knows its first string unread."""
    if not strings:
        return None
    first = getattr(strings, "first", None)
    if first is None:
        items = list(strings)
        if not items:
            return None
        first = min(items)
    return EvidenceItem(**decode_evidence(first))


@lru_cache(maxsize=65536)
def full_date(value: str | None) -> date | None:
    """A `YYYY-MM-DD` date, else None (`--MM-DD` and missing dates have no place on a time line).
    Cached: a corpus has a few thousand distinct dates and whole-corpus answers ask them per edge."""
    if not value or not _FULL_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def lag_days(later: str | None, earlier: str | None) -> int | None:
    a, b = full_date(later), full_date(earlier)
    return (a - b).days if a and b else None


def month_of(value: str | None) -> str | None:
    return value[:7] if value and re.match(r"^\d{4}-\d{2}", value) else None


class DateRangeParams(BaseModel):
    """An inclusive range of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` bounds.

    Compared as strings on both stores: `date >= from` and `date <= to + "~"`
    ('~' sorts after every digit and '-'), so `to=2024-03` includes 2024-03-31.
    When a range is given, facts without a dated year (`--MM-DD`, null) drop out.
    """

    date_from: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    date_to: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")

    @field_validator("date_from", "date_to")
    @classmethod
    def _bound(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not _RANGE_BOUND.match(v):
            raise ValueError(f"not a date bound: {v!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        return v

    def range_params(self) -> dict[str, Any]:
        """The Cypher parameters of the range: $ranged, $from, $to."""
        return {"ranged": bool(self.date_from or self.date_to), "from": self.date_from or "0",
                "to": (self.date_to or "9999") + "~"}

    def in_range(self, value: str | None) -> bool:
        p = self.range_params()
        if not p["ranged"]:
            return True
        return value is not None and p["from"] <= value <= p["to"] and value >= "0"

    def overlaps(self, start: str | None, end: str | None) -> bool:
        """An interval [start, end] (either may be missing) meets the range."""
        p = self.range_params()
        if not p["ranged"]:
            return True
        lo, hi = start or end, end or start
        if lo is None or hi is None or lo < "0" or hi < "0":
            return False
        return hi >= p["from"] and lo <= p["to"]


# Cypher fragments with the same meaning as DateRangeParams.in_range / overlaps
CYPHER_IN_RANGE = "(NOT $ranged OR ({v} IS NOT NULL AND {v} >= $from AND {v} <= $to AND {v} >= '0'))"
CYPHER_OVERLAPS = ("(NOT $ranged OR (coalesce({s}, {e}) >= '0' AND coalesce({e}, {s}) >= '0' "
                   "AND coalesce({e}, {s}) >= $from AND coalesce({s}, {e}) <= $to))")


REF_PROPS: tuple[str, ...] = ("id", *sorted({p for props in NAME_PROPS.values() for p in props}))


def cypher_props(var: str, *extra: str, label: str | None = None) -> str:
    """A map projection of what a Ref needs (id and naming properties) plus `extra` properties.

    Queries project this rather than `var {.*}`: a region, body or sector named by thousands
    of articles carries thousands of evidence strings, which `.*` would send for every row.
    `label` is a fixed label, else the node's schema label is computed.
    """
    props = ", ".join(f".{p}" for p in dict.fromkeys((*REF_PROPS, *extra)))
    lab = f"'{label}'" if label else cypher_label(var)
    return f"{var} {{{props}, label: {lab}}}"


def query_rows(store: Neo4jStore, cypher: str, params: dict[str, Any], columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Run a read whose answer has many rows as one record holding a list of maps.

    The driver's cost per record dominates answers of thousands of rows (half the time for
    1,900 regions); the rows are the same as `store.query(cypher)`'s, in the same order.
    """
    fields = ", ".join(f"{c}: {c}" for c in columns)
    rows = store.query(f"CALL () {{ {cypher} }} RETURN collect({{{fields}}}) AS rows", params)
    return rows[0]["rows"] if rows else []


def cypher_label(var: str) -> str:
    """The schema label of a node in Cypher (stores may add technical labels of their own)."""
    labels = ", ".join(f"'{lab}'" for lab in NODE_LABELS)
    return f"head([l IN labels({var}) WHERE l IN [{labels}]])"
