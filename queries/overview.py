"""overview: what the app's first page shows — counts per label and type, the region tree,
meetings per region and the latest meetings.

On the embedded store it comes from the summary cached next to the pickle
(graph_loader/stores/summary.py), so the first page does not wait for the graph to load; on Neo4j from the
answer stored after each load (queries/stored.py: the meetings per region and the region tree are whole-graph
scans, ~0.5 s at 100k), worked out live when none is current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from graph_loader.stores.neo4j_store import cypher_articles
from graph_loader.stores.summary import LATEST, MEETING_PROPS, latest_meetings
from queries import meetings, regions
from queries.meetings import MeetingRow, row
from queries.regions import RegionRow
from queries.shapes import query_rows
from queries.spec import QuerySpec
from queries.stored import stored_answer

if TYPE_CHECKING:
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class OverviewParams(BaseModel):
    latest: int = Field(15, ge=1, le=LATEST, description="how many of the latest meetings")


class OverviewResult(BaseModel):
    counts: dict[str, int]  # nodes per label, relationships per type
    regions: list[RegionRow]
    meetings_per_region: dict[str, int]  # region path -> meetings held there
    meetings_total: int
    latest: list[MeetingRow]


def assemble(summary: dict[str, Any], latest: int) -> OverviewResult:
    return OverviewResult(counts=dict(summary["counts"]), regions=regions.assemble(summary["regions"]).regions,
                          meetings_per_region=dict(sorted(summary["meetings_per_region"].items())),
                          meetings_total=summary["meetings_total"],
                          latest=[row(m) for m in latest_meetings(summary["latest"], latest)])


def run_embedded(store: EmbeddedStore, params: OverviewParams) -> OverviewResult:
    return assemble(store.summary(), params.latest)


# the per-region counts, then the latest meetings as the meetings listing finds its first page
_ARTICLES = cypher_articles("m", "Meeting")
_PROPS = ", ".join(f"articles: {_ARTICLES}" if p == "articles" else f".{p}" for p in MEETING_PROPS)
PER_REGION = """
CALL () {
  MATCH (m:Meeting) WHERE m.region IS NOT NULL AND m.region <> ''
  WITH m.region AS region, count(*) AS n
  RETURN collect([region, n]) AS per_region
}
"""


SUMMARY_KEY = "overview"  # the answer with the LATEST latest meetings, stored after each load (queries/stored.py)


def run_neo4j(store: Neo4jStore, params: OverviewParams) -> OverviewResult:
    stored = stored_answer(store, SUMMARY_KEY, OverviewResult)
    if stored is None:
        return run_live_neo4j(store, params)
    return stored.model_copy(update={"latest": stored.latest[:params.latest]})  # the latest come first


def run_live_neo4j(store: Neo4jStore, params: OverviewParams) -> OverviewResult:
    rows = meetings.fetch(store, {"offset": 0, "limit": LATEST}, projection=f"m {{{_PROPS}}}", before=PER_REGION,
                          also="per_region, ")
    summary = {"counts": store.counts(), "regions": query_rows(store, regions.CYPHER, {}, regions.COLUMNS),
               "meetings_per_region": dict(rows["per_region"]), "meetings_total": rows["total"],
               "latest": meetings.page(rows, LATEST)}
    return assemble(summary, params.latest)


SPEC = QuerySpec(name="overview", description="counts, the region tree, meetings per region, the latest meetings",
                 params=OverviewParams, result=OverviewResult, embedded=run_embedded, neo4j=run_neo4j)
