"""regions: every region with the region it is PART_OF — the province → prefecture → county tree
the app's pickers and the overview draw."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from graph_loader.stores.summary import region_rows
from queries.shapes import query_rows
from queries.spec import QuerySpec
from queries.stored import stored_answer

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class RegionsParams(BaseModel):
    pass


class RegionRow(BaseModel):
    id: str
    name: str | None
    path: str | None
    level: str | None
    parent: str | None  # the region it is PART_OF (the smallest id when several)


class RegionsResult(BaseModel):
    regions: list[RegionRow]


def assemble(rows: list[dict[str, Any]]) -> RegionsResult:
    out = [RegionRow(**r) for r in rows]
    out.sort(key=lambda r: (r.path or r.name or "", r.id))
    return RegionsResult(regions=out)


COLUMNS = ("id", "name", "path", "level", "parent")
CYPHER = """
MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
WITH r, min(p.id) AS parent
RETURN r.id AS id, r.name AS name, r.path AS path, r.level AS level, parent
"""


def run_embedded(store: EmbeddedStore, params: RegionsParams) -> RegionsResult:
    return assemble(region_rows(store))


SUMMARY_KEY = "regions"  # the answer, stored after each load (queries/stored.py)


def run_live_neo4j(store: Neo4jStore, params: RegionsParams) -> RegionsResult:
    return assemble(query_rows(store, CYPHER, {}, COLUMNS))


def run_neo4j(store: Neo4jStore, params: RegionsParams) -> RegionsResult:
    return stored_answer(store, SUMMARY_KEY, RegionsResult) or run_live_neo4j(store, params)


SPEC = QuerySpec(name="regions", description="every region with its parent region",
                 params=RegionsParams, result=RegionsResult, embedded=run_embedded, neo4j=run_neo4j)
