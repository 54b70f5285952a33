"""National bodies: which body names belong to the centre (lang/data/national_bodies.tsv).

Extraction and resolution read the same list: a body whose name starts with one of its prefixes
(`国务院安委会`, `国家矿山安全监察局`) is national, has no region, and is one body across articles.
"""

from __future__ import annotations

from functools import cache

from graph_loader.lang.lexicon import CORE, longest_first


@cache
def national_prefixes() -> tuple[str, ...]:
    """The name prefixes of national bodies, longest first."""
    return longest_first(r["prefix"] for r in CORE.table("national_bodies.tsv"))


def is_national_body(name: str) -> bool:
    """A body named without a region that is a national one (国务院安委会) resolves by name."""
    return name.startswith(national_prefixes())
