"""Turning what a user typed (an id, or a name in either script) into nodes, on both stores.

An id wins; else the exact name (after OpenCC t2s, since the graph is simplified);
ties are broken by id so both stores pick the same node.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from graph_loader.graph.resolve import directive_aliases, directive_key
from graph_loader.graph.schema import NAME_PROPS
from graph_loader.lang.levels import LEVEL_CHARS
from graph_loader.lang.numerals import spellings
from graph_loader.lang.titles import display_title
from graph_loader.stores.embedded import EmbeddedStore
from graph_loader.stores.neo4j_store import Neo4jStore, cypher_articles
from queries.shapes import QueryParamError, cypher_props

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore


@lru_cache(maxsize=1)
def _t2s():  # OpenCC loads its dictionaries once
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The input in simplified script, stripped (the graph holds simplified names)."""
    return _t2s().convert(text.strip())


def name_forms(text: str) -> list[str]:
    """The forms a name may be stored in: as typed, its numbers in both spellings
    (graph_loader/lang/numerals.py: `15条硬措施`, `十五条硬措施`), the full title the curated alias
    table (graph_loader/graph/directive_aliases.tsv) gives a package name, each as a directive's title
    is shown (`display_title`: a title typed with its issuers spaced, `《甲办公厅 乙办公厅关于某某的意见》`,
    is stored `甲办公厅乙办公厅关于某某的意见`), and a level's meeting named with `全` also without it and the other way round:
    a report relaying a province's meeting writes `全省某某会议` or `省某某会议` alike (`传达省、市某某会议精神`)."""
    canonical = directive_aliases().get(directive_key(text))
    forms = spellings(text) + ([canonical] if canonical else [])
    forms += [display_title(f) for f in forms]
    forms += [_other_level_form(f) for f in forms if len(f) > 3 and (f[0] in LEVEL_CHARS or _whole_level(f))]
    return list(dict.fromkeys(forms))


def _whole_level(name: str) -> bool:
    """`全省…`, `全市…`: a name opening with `全` and a level character (not `全国`, the centre's own)."""
    return name[0] == "全" and name[1] in LEVEL_CHARS


def _other_level_form(name: str) -> str:
    """`全省某某会议` ↔ `省某某会议`."""
    return name[1:] if _whole_level(name) else "全" + name


def find_nodes(store: GraphStore, text: str, labels: tuple[str, ...]) -> list[dict[str, Any]]:
    """Nodes of these labels with id == text, else with a name == text; sorted by id."""
    text = text.strip()
    if not text:
        return []
    names = sorted({form for name in (text, simplified(text)) for form in name_forms(name)})
    if isinstance(store, EmbeddedStore):
        return _find_embedded(store, text, names, labels)
    if isinstance(store, Neo4jStore):
        return _find_neo4j(store, text, names, labels)
    raise TypeError(f"no lookup for a {type(store).__name__}")


def _find_embedded(store: EmbeddedStore, text: str, names: list[str], labels: tuple[str, ...]) -> list[dict]:
    node = store.node(text)
    if node is not None and node["label"] in labels:
        return [node]
    ids: set[str] = set()
    for name in names:
        ids |= {i for i in store.ids_by_name(name) if store.label(i) in labels}
    return [store.node(i) for i in sorted(ids)]


# Callers read every property of a found meeting or person (evidence, articles); of the other labels,
# which can be hubs with thousands of evidence strings, only what a Ref shows.
_WHOLE = ("Meeting", "Person")


def _projection(label: str) -> str:
    if label in _WHOLE:
        return f"n {{.*, articles: {cypher_articles('n', label)}, label: '{label}'}}"
    return cypher_props("n", label=label)


def _find_neo4j(store: Neo4jStore, text: str, names: list[str], labels: tuple[str, ...]) -> list[dict]:
    by_id = " UNION ALL ".join(f"MATCH (n:{lab} {{id: $q}}) RETURN {_projection(lab)} AS n" for lab in labels)
    rows = store.query(by_id, {"q": text})
    if not rows:
        by_name = " UNION ALL ".join(
            f"MATCH (n:{lab}) WHERE n.{prop} IN $names RETURN {_projection(lab)} AS n"
            for lab in labels for prop in NAME_PROPS.get(lab, ()))
        rows = store.query(by_name, {"names": names})
    unique = {r["n"]["id"]: r["n"] for r in rows}
    return [unique[i] for i in sorted(unique)]


def find_one(store: GraphStore, text: str, labels: tuple[str, ...], what: str) -> dict[str, Any]:
    """The node the user means; a clear error when nothing matches."""
    found = find_nodes(store, text, labels)
    if not found:
        raise QueryParamError(f"no {what} with id or name {text!r}")
    return found[0]


def region_subtree(store: GraphStore, region_ids: list[str]) -> list[str]:
    """The regions and everything PART_OF them (the embedded forms; Cypher does this with PART_OF*0..)."""
    seen = set(region_ids)
    frontier = list(region_ids)
    while frontier:
        nxt = []
        for rid in frontier:
            for src, _ in store.in_rels(rid, "PART_OF"):
                if src not in seen and store.label(src) == "Region":
                    seen.add(src)
                    nxt.append(src)
        frontier = nxt
    return sorted(seen)
