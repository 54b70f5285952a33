"""responsibility_chain: from a county (or any region) up to the province and the centre — the bodies
of each level with their post-holders, and the meetings and inspections linking each level to the
one above (a meeting here relaying a meeting of the level above; an inspection of here by a body
of any level above, since province teams inspect counties directly).

The centre is every body of level `national`; a province links to it through meetings
relaying a national meeting or a directive issued by a national body, and through
inspections by national bodies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from queries.lookup import find_one
from queries.shapes import EvidenceItem, Ref, cypher_props, first_evidence, query_rows, ref
from queries.spec import QuerySpec

if TYPE_CHECKING:
    from graph_loader.stores.base import GraphStore
    from graph_loader.stores.embedded import EmbeddedStore
    from graph_loader.stores.neo4j_store import Neo4jStore


class ChainParams(BaseModel):
    region: str = Field(description="region id, path or name (a county or prefecture)")


class Holder(BaseModel):
    person: Ref
    title: str | None


class ChainBody(BaseModel):
    body: Ref
    kind: str | None
    holders: list[Holder]


class ChainLink(BaseModel):
    kind: Literal["meeting", "inspection"]
    node: Ref  # the meeting of this level, or the inspection of it
    date: str | None
    via: Ref  # the relayed meeting/directive above, or the inspecting body
    evidence: EvidenceItem | None


class ChainLevel(BaseModel):
    level: str | None  # "national" for the centre
    region: Ref | None  # None for the centre
    bodies: list[ChainBody]
    links_up: list[ChainLink]  # what ties this level to the one above


class ChainResult(BaseModel):
    levels: list[ChainLevel]  # from the centre down to the region asked for


CYPHER_CHAIN = """
MATCH p = (r:Region {id: $id})-[:PART_OF*0..]->(a:Region)
RETURN REGION AS region, length(p) AS d
""".replace("REGION", cypher_props("a", "level", label="Region"))

_HOLDERS = """
OPTIONAL MATCH (b)<-[:POST_IN]-(post:Post)<-[h:HOLDS]-(p:Person)
RETURN rid AS region, BODY AS body,
       collect(CASE WHEN p IS NULL THEN null ELSE {person: p {.id, .name, label: 'Person'},
               title: coalesce(h.title, post.title)} END) AS holders
""".replace("BODY", cypher_props("b", "kind", label="Body"))
CYPHER_BODIES = ("UNWIND $ids AS rid MATCH (:Region {id: rid})<-[:BODY_IN]-(b:Body)" + _HOLDERS
                 + " UNION ALL MATCH (b:Body {level: 'national'}) WITH null AS rid, b" + _HOLDERS)

# the directives a national body issued, read once (few), not checked again on every relay of them
CYPHER_NATIONAL = ("MATCH (d:Directive) WHERE EXISTS { (d)-[:ISSUED_BY]->(:Body {level: 'national'}) } "
                   "RETURN collect(d.id) AS ids")
CYPHER_LINKS = f"""
UNWIND $pairs AS pair
MATCH (:Region {{id: pair.child}})<-[:HELD_IN]-(m:Meeting)-[r:RELAYS]->(t)
WHERE (pair.parent IS NOT NULL AND t:Meeting AND EXISTS {{ (t)-[:HELD_IN]->(:Region {{id: pair.parent}}) }})
   OR (pair.parent IS NULL AND ((t:Meeting AND t.level = 'national') OR (t:Directive AND t.id IN $national)))
RETURN pair.child AS child, 'meeting' AS kind, {cypher_props("m", "date", label="Meeting")} AS node,
       {cypher_props("t")} AS via, r.evidence AS evidence
UNION ALL
UNWIND $pairs AS pair
MATCH (:Region {{id: pair.child}})<-[:BODY_IN*0..1]-(:Region|Body)<-[:TARGETS]-(i:Inspection)-[:CONDUCTED_BY]->(b:Body)
WHERE b.level = 'national' OR EXISTS {{ (b)-[:BODY_IN]->(x:Region) WHERE x.id IN pair.above }}
RETURN pair.child AS child, 'inspection' AS kind, {cypher_props("i", "start", label="Inspection")} AS node,
       {cypher_props("b", label="Body")} AS via, i.evidence AS evidence
"""


# ----- embedded ----------------------------------------------------------------------------
def _chain_embedded(store: EmbeddedStore, rid: str) -> list[dict]:
    rows, seen, frontier, d = [], {rid}, [rid], 0
    while frontier:
        rows += [{"region": store.node(x), "d": d} for x in frontier]
        nxt = []
        for x in frontier:
            for up, _ in store.out_rels(x, "PART_OF"):
                if up not in seen and store.label(up) == "Region":
                    seen.add(up)
                    nxt.append(up)
        frontier, d = nxt, d + 1
    return rows


def _holders(store: GraphStore, bid: str) -> list[dict]:
    out = []
    for post, _ in store.in_rels(bid, "POST_IN"):
        if store.label(post) != "Post":
            continue
        for pid, h in store.in_rels(post, "HOLDS"):
            if store.label(pid) == "Person":
                out.append({"person": store.node(pid), "title": h.get("title") or store.node(post).get("title")})
    return out


def _bodies_embedded(store: EmbeddedStore, ids: list[str]) -> list[dict]:
    rows = []
    for rid in ids:
        for bid, _ in store.in_rels(rid, "BODY_IN"):
            if store.label(bid) == "Body":
                rows.append({"region": rid, "body": store.node(bid), "holders": _holders(store, bid)})
    for bid in store.ids_by_label("Body"):
        body = store.node(bid)
        if body.get("level") == "national":
            rows.append({"region": None, "body": body, "holders": _holders(store, bid)})
    return rows


def _national_directive(store: GraphStore, did: str) -> bool:
    return any(store.node(b).get("level") == "national" for b, _ in store.out_rels(did, "ISSUED_BY")
               if store.label(b) == "Body")


def _links_embedded(store: EmbeddedStore, pairs: list[dict[str, Any]]) -> list[dict]:
    rows = []
    for pair in pairs:
        child, parent, above = pair["child"], pair["parent"], set(pair["above"])
        for mid, _ in store.in_rels(child, "HELD_IN"):
            if store.label(mid) != "Meeting":
                continue
            for tid, r in store.out_rels(mid, "RELAYS"):
                t = store.node(tid)
                if parent is not None:
                    ok = t["label"] == "Meeting" and any(x == parent for x, _ in store.out_rels(tid, "HELD_IN"))
                else:
                    ok = (t["label"] == "Meeting" and t.get("level") == "national") or (
                        t["label"] == "Directive" and _national_directive(store, tid))
                if ok:
                    rows.append({"child": child, "kind": "meeting", "node": store.node(mid), "via": t,
                                 "evidence": r.get("evidence")})
        targets = [child] + [b for b, _ in store.in_rels(child, "BODY_IN") if store.label(b) == "Body"]
        for tg in targets:
            for iid, _ in store.in_rels(tg, "TARGETS"):
                if store.label(iid) != "Inspection":
                    continue
                for bid, _ in store.out_rels(iid, "CONDUCTED_BY"):
                    body = store.node(bid)
                    if body["label"] != "Body":
                        continue
                    ok = body.get("level") == "national" or any(
                        x in above for x, _ in store.out_rels(bid, "BODY_IN"))
                    if ok:
                        i = store.node(iid)
                        rows.append({"child": child, "kind": "inspection", "node": i, "via": body,
                                     "evidence": i.get("evidence")})
    return rows


# ----- shared --------------------------------------------------------------------------------
def _pick_chain(rows: list[dict]) -> list[dict]:
    """One region per distance (smallest id on a tie), from the region asked for upward."""
    by_d: dict[int, dict] = {}
    for r in rows:
        if r["d"] not in by_d or r["region"]["id"] < by_d[r["d"]]["id"]:
            by_d[r["d"]] = r["region"]
    return [by_d[d] for d in sorted(by_d)]


def _pairs(chain: list[dict]) -> list[dict[str, Any]]:
    """Each level with the level above (None: the centre) and every region above it."""
    ids = [r["id"] for r in chain]
    return [{"child": c, "parent": ids[k + 1] if k + 1 < len(ids) else None, "above": ids[k + 1:]}
            for k, c in enumerate(ids)]


def _assemble(chain: list[dict], bodies: list[dict], links: list[dict]) -> ChainResult:
    levels = []
    for region in [None, *reversed(chain)]:
        rid = region["id"] if region else None
        bs: dict[str, ChainBody] = {}
        for row in bodies:
            if row["region"] != rid:
                continue
            holders = {(h["person"]["id"], h["title"]): Holder(person=ref(h["person"], "Person"), title=h["title"])
                       for h in row["holders"]}
            bs[row["body"]["id"]] = ChainBody(
                body=ref(row["body"], "Body"), kind=row["body"].get("kind"),
                holders=sorted(holders.values(), key=lambda h: (h.title or "", h.person.name or "", h.person.id)))
        lk: dict[tuple, ChainLink] = {}
        for row in links:
            if rid is not None and row["child"] == rid:
                key = (row["kind"], row["node"]["id"], row["via"]["id"])
                lk[key] = ChainLink(kind=row["kind"], node=ref(row["node"]),
                                    date=row["node"].get("date") or row["node"].get("start"),
                                    via=ref(row["via"]), evidence=first_evidence(row["evidence"]))
        levels.append(ChainLevel(
            level=region.get("level") if region else "national", region=ref(region, "Region") if region else None,
            bodies=sorted(bs.values(), key=lambda b: (b.kind or "", b.body.name or "", b.body.id)),
            links_up=[lk[k] for k in sorted(lk, key=lambda k: (lk[k].date or "~", k))]))
    return ChainResult(levels=levels)


def run_embedded(store: EmbeddedStore, params: ChainParams) -> ChainResult:
    region = find_one(store, params.region, ("Region",), "region")
    chain = _pick_chain(_chain_embedded(store, region["id"]))
    return _assemble(chain, _bodies_embedded(store, [r["id"] for r in chain]), _links_embedded(store, _pairs(chain)))


def run_neo4j(store: Neo4jStore, params: ChainParams) -> ChainResult:
    region = find_one(store, params.region, ("Region",), "region")
    chain = _pick_chain(store.query(CYPHER_CHAIN, {"id": region["id"]}))
    bodies = query_rows(store, CYPHER_BODIES, {"ids": [r["id"] for r in chain]}, ("region", "body", "holders"))
    national = store.query(CYPHER_NATIONAL)[0]["ids"]
    links = query_rows(store, CYPHER_LINKS, {"pairs": _pairs(chain), "national": national},
                       ("child", "kind", "node", "via", "evidence"))
    return _assemble(chain, bodies, links)


SPEC = QuerySpec(name="responsibility_chain",
                 description="bodies and post-holders from a region up to the centre, with the links between levels",
                 params=ChainParams, result=ChainResult, embedded=run_embedded, neo4j=run_neo4j)
