"""Meeting kinds (lang/data/meeting_kinds.tsv): one row gives a kind, its ontology class and its nouns."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from graph_loader.lang.lexicon import CORE


@dataclass(frozen=True)
class MeetingKind:
    kind: str  # the record's `Meeting.kind`
    ontology_class: str | None  # the skg: subclass of skg:Meeting, None for the base class only
    nouns: tuple[str, ...]  # the nouns that name a meeting of this kind, as the file lists them


@cache
def meeting_kinds() -> tuple[MeetingKind, ...]:
    return tuple(MeetingKind(r["kind"], None if r["class"] in ("", "-") else r["class"], tuple(r["nouns"].split()))
                 for r in CORE.table("meeting_kinds.tsv"))


@cache
def kind_of_noun() -> dict[str, str]:
    """Meeting nouns and their kinds (`电视电话会议` → teleconference); a noun written with full-width
    brackets (`全体（扩大）会议`) names the same kind in the half-width form clean text may carry."""
    out = {noun: k.kind for k in meeting_kinds() for noun in k.nouns}
    return {**{unicodedata.normalize("NFKC", noun): kind for noun, kind in out.items()}, **out}


@cache
def clipped_nouns() -> tuple[str, ...]:
    """The nouns written clipped, without the 议 of a noun of the lexicon (`电视电话会` for `电视电话会议`), longest
    first: a name ending in one is the short spelling of the same name."""
    nouns = kind_of_noun()
    return tuple(sorted((n for n in nouns if n.endswith("会") and n + "议" in nouns), key=len, reverse=True))
