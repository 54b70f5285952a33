"""The built graph in open formats (`safetykg export`), read from the workspace's batch files.

The build writes `<workspace>/rdf/*.nt` (rdf.write_batch_rdf; one file per article, or per batch)
and `<workspace>/rows/*.jsonl` (rows_io.write_rows; one file per batch or per article). Turtle and
JSON-LD are written file by file (a subject split over blocks is still one node to any RDF reader),
with the ontology (labels, SKOS schemes) first. A triple that several files hold (a region's name
in every article that names it, a sector's label in the ontology and in its articles) is written
once, and the count printed is of the triples written, the graph's size: memory is one file plus
a digest of each triple several files can share (not those of evidence spans and articles, most
of the graph: 300 generated articles, 139k triples, take 66 MB where writing repeats took 62 MB).
GraphML and CSV come from the rows, merged by id in memory (one row per node and relationship of
the whole graph).
- GraphML: scalar properties typed; lists joined with "\\n" (GraphML has no list type); a
  relationship's id is its XML `id` and also a `<data>` key `id` (readers such as igraph drop
  the XML id of an edge).
- CSV: the layout `neo4j-admin database import full` reads: nodes_<Label>.csv with
  `id:ID,...,:LABEL`, rels_<TYPE>.csv with `:START_ID,:END_ID,:TYPE,...`. Arrays are split on
  U+001F (the unit separator; neo4j-admin has no escape inside an array, and evidence quotes hold
  ";"), which the script passes as `--array-delimiter`; a U+001F inside an element becomes a space.
  An empty array is an empty field, which neo4j-admin leaves out (the property is absent, as the
  stores' queries already allow: `coalesce(n.evidence, [])`). `neo4j-admin-import.sh` runs the
  import (the database name comes before the file options, which take several values each).
  `support.csv` holds what the Neo4j store keeps per article besides the graph: one
  `_Support {doc_id, facts, ev_facts, evidence}` node listing the facts ("Label|id" / "TYPE|id", one
  a line) the article supports and its evidence that the facts' samples leave out
  (`schema.support_evidence`), while the facts'
  `evidence` is their sample (`schema.evidence_sample`), as the store keeps them. An imported database is then one the store can update article by article
  (a reload replaces exactly that article's share); the node has no schema label, so no
  catalogue query or count sees it. `safetykg neo4j import DIR` runs the import itself.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph

from graph_loader.graph.ids import ID, PREFIXES, SKG
from graph_loader.graph.rdf import write_batch_rdf  # noqa: F401  (re-exported: the build's writer)
from graph_loader.graph.rows_io import batch_files, iter_workspace_rows, merge_rows, rows_files
from graph_loader.graph.schema import (
    ARTICLE_CHUNK,
    ARTICLES_LABEL,
    SUPPORT_LABEL,
    GraphRows,
    evidence_sample,
    support_evidence,
)
from graph_loader.graph.vocab import ONTOLOGY_PATH

FORMATS = ("ttl", "jsonld", "graphml", "csv")
LIST_JOIN = "\n"
ARRAY_DELIMITER = "\x1f"  # CSV arrays (neo4j-admin --array-delimiter=U+001F)


def read_batch_rdf(path: str | Path) -> Graph:
    g = Graph()
    g.parse(path, format="nt")
    return g


def load_workspace_graph(workspace: str | Path, with_ontology: bool = False) -> Graph:
    """The whole RDF graph of a workspace in memory (tests, small corpora)."""
    g = _bound(Graph())
    if with_ontology:
        g.parse(ONTOLOGY_PATH, format="turtle")
    for p in batch_files(workspace, "rdf", ".nt"):
        g.parse(p, format="nt")
    return g


def _bound(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


# -- Turtle / JSON-LD, streamed -------------------------------------------------------------
# Subjects whose triples only one article's file holds: an evidence span's key and an article's
# hold its doc id. Their triples, and the links to a span (skg:evidence), need no memory of what
# was written; every other triple may stand in many files.
_ONE_ARTICLE = (str(ID) + "evidence/", str(ID) + "article/")


def _key(t) -> bytes:
    """A triple's 128-bit digest: what is remembered of a written triple (~80 bytes, where the
    triple's own terms would hold ~500)."""
    return hashlib.blake2b(" ".join(x.n3() for x in t).encode(), digest_size=16).digest()


def _graphs(workspace: Path) -> Iterator[Graph]:
    """The ontology, then each rdf file's triples that no block before it held."""
    onto = Graph()
    onto.parse(ONTOLOGY_PATH, format="turtle")
    written = {_key(t) for t in onto}
    yield onto
    for p in batch_files(workspace, "rdf", ".nt"):
        block = Graph()
        for t in read_batch_rdf(p):
            if t[1] == SKG.evidence or str(t[0]).startswith(_ONE_ARTICLE):
                block.add(t)
            elif (k := _key(t)) not in written:
                written.add(k)
                block.add(t)
        if len(block):
            yield block


def export_turtle(workspace: Path, out: Path) -> int:
    """Write the graph as Turtle; return the number of triples written (no triple twice)."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for g in _graphs(workspace):
            text = _bound(g).serialize(format="turtle")
            f.write(text if n == 0 else "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")))
            f.write("\n")
            n += len(g)
    return n


def export_jsonld(workspace: Path, out: Path) -> int:
    """Write the graph as JSON-LD; return the number of triples written (no triple twice)."""
    ctx = {k: str(v) for k, v in PREFIXES.items()}
    ctx.update({"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
                "owl": "http://www.w3.org/2002/07/owl#", "xsd": "http://www.w3.org/2001/XMLSchema#"})
    n = 0
    first = True
    with out.open("w", encoding="utf-8") as f:
        f.write('{"@context": ' + json.dumps(ctx, ensure_ascii=False) + ', "@graph": [\n')
        for g in _graphs(workspace):
            doc = json.loads(g.serialize(format="json-ld", context=ctx))
            if isinstance(doc, list):
                items = doc
            else:
                items = doc.get("@graph", [doc])
            for item in items:
                if isinstance(item, dict):
                    item.pop("@context", None)
                f.write(("" if first else ",\n") + json.dumps(item, ensure_ascii=False))
                first = False
            n += len(g)
        f.write("\n]}\n")
    return n


# -- GraphML / CSV from rows --------------------------------------------------------------------
def workspace_rows(workspace: Path) -> GraphRows:
    return merge_rows(iter_workspace_rows(workspace))


def _graphml_type(values: list) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    return "string"


def _scalar(v):
    if isinstance(v, list | tuple):
        return LIST_JOIN.join(str(x) for x in v)
    return v


def _graphml_value(v, typ: str) -> str:
    if typ == "boolean":
        return "true" if v else "false"
    return escape(str(v))


def export_graphml(rows: GraphRows, out: Path) -> tuple[int, int]:
    def collect(items, extra) -> dict[str, str]:
        values: dict[str, list] = {}
        for it in items:
            for k, v in {**it.props, **extra(it)}.items():
                values.setdefault(k, []).append(_scalar(v))
        return {k: _graphml_type(vs) for k, vs in values.items()}

    node_keys = collect(rows.nodes, lambda n: {"label": n.label, "articles": n.articles, "evidence": n.evidence})
    edge_keys = collect(rows.rels, lambda r: {"id": r.id, "type": r.type, "articles": r.articles,
                                              "evidence": r.evidence})
    with out.open("w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for prefix, scope, keys in (("n", "node", node_keys), ("e", "edge", edge_keys)):
            for k, typ in sorted(keys.items()):
                f.write(f'  <key id="{prefix}_{escape(k)}" for="{scope}" attr.name={quoteattr(k)} attr.type="{typ}"/>\n')
        f.write('  <graph id="safetykg" edgedefault="directed">\n')
        for n in rows.nodes:
            f.write(f"    <node id={quoteattr(n.id)}>")
            f.write(_graphml_data("n", {**n.props, "label": n.label, "articles": n.articles,
                                        "evidence": n.evidence}, node_keys))
            f.write("</node>\n")
        for r in rows.rels:
            f.write(f"    <edge id={quoteattr(r.id)} source={quoteattr(r.src)} target={quoteattr(r.dst)}>")
            f.write(_graphml_data("e", {**r.props, "id": r.id, "type": r.type, "articles": r.articles,
                                        "evidence": r.evidence}, edge_keys))
            f.write("</edge>\n")
        f.write("  </graph>\n</graphml>\n")
    return len(rows.nodes), len(rows.rels)


def _graphml_data(prefix: str, data: dict, keys: dict[str, str]) -> str:
    """The <data> elements of one node ("n") or edge ("e"); None values are left out."""
    return "".join(f'<data key="{prefix}_{escape(k)}">{_graphml_value(_scalar(v), keys[k])}</data>'
                   for k, v in data.items() if v is not None)


def _csv_type(values: list) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {list, tuple}:
        return "string[]"
    if kinds and kinds <= {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _csv_value(v, typ: str) -> str:
    if v is None:
        return ""
    if typ == "string[]":
        return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, " ") for x in v)
    if typ == "boolean":
        return "true" if v else "false"
    return str(v)


def export_csv(rows: GraphRows, out: Path) -> tuple[int, int]:
    """neo4j-admin import files in directory out (one file per label and per type)."""
    out.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list] = {}
    for n in rows.nodes:
        by_label.setdefault(n.label, []).append(n)
    by_type: dict[str, list] = {}
    for r in rows.rels:
        by_type.setdefault(r.type, []).append(r)
    files = []
    for label, nodes in sorted(by_label.items()):
        keys = sorted({k for n in nodes for k in n.props})
        types = {k: _csv_type([n.props.get(k) for n in nodes]) for k in keys}
        name = f"nodes_{label}.csv"
        files.append(("nodes", name))
        with (out / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id:ID", *[f"{k}:{types[k]}" for k in keys], "articles:string[]", "evidence:string[]", ":LABEL"])
            for n in nodes:
                w.writerow([n.id, *[_csv_value(n.props.get(k), types[k]) for k in keys],
                            _csv_value(n.articles[:ARTICLE_CHUNK], "string[]"), _csv_value(evidence_sample(n.evidence), "string[]"),
                            n.label])
    files.append(("nodes", _write_support_csv(rows, out)))
    files.append(("nodes", _write_chunks_csv(rows, out)))
    for rtype, rels in sorted(by_type.items()):
        keys = sorted({k for r in rels for k in r.props})
        types = {k: _csv_type([r.props.get(k) for r in rels]) for k in keys}
        name = f"rels_{rtype}.csv"
        files.append(("relationships", name))
        with (out / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow([":START_ID", ":END_ID", ":TYPE", "id:string", *[f"{k}:{types[k]}" for k in keys],
                        "articles:string[]", "evidence:string[]"])
            for r in rels:
                w.writerow([r.src, r.dst, r.type, r.id, *[_csv_value(r.props.get(k), types[k]) for k in keys],
                            _csv_value(r.articles[:ARTICLE_CHUNK], "string[]"),
                            _csv_value(evidence_sample(r.evidence), "string[]")])
    args = " ".join(f"--{kind}={name}" for kind, name in files)
    # the database name goes first: --nodes/--relationships take several files each, so a name
    # after them would be read as one more file
    (out / "neo4j-admin-import.sh").write_text(
        "#!/bin/sh\n# sh neo4j-admin-import.sh [DATABASE [OPTION...]]: DATABASE defaults to neo4j; options go\n"
        "# to neo4j-admin (--overwrite-destination replaces a stopped database). Runs in this directory.\n"
        'cd "$(dirname "$0")" || exit 1\ndb="${1:-neo4j}"\n[ $# -gt 0 ] && shift\n'
        f'neo4j-admin database import full "$db" --multiline-fields=true '
        f'--array-delimiter=U+{ord(ARRAY_DELIMITER):04X} "$@" {args}\n',
        encoding="utf-8")
    return len(rows.nodes), len(rows.rels)


SUPPORT_FILE = "support.csv"  # not nodes_*.csv: no graph node, no id:ID column


def _write_support_csv(rows: GraphRows, out: Path) -> str:
    """Each article's support record (see the module docstring); returns the file name."""
    facts: dict[str, set[str]] = {}
    for name, items in (("label", rows.nodes), ("type", rows.rels)):
        for it in items:
            key = f"{it.label if name == 'label' else it.type}|{it.id}"
            for doc in it.articles:
                facts.setdefault(doc, set()).add(key)
    evidence = support_evidence(rows, sorted(facts))
    with (out / SUPPORT_FILE).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["doc_id:string", "facts:string", "ev_facts:string[]", "evidence:string[]", ":LABEL"])
        for doc, keys in sorted(facts.items()):
            ev_facts, strings = evidence[doc]
            w.writerow([doc, "\n".join(sorted(keys)), _csv_value(ev_facts, "string[]"),
                        _csv_value(strings, "string[]"), SUPPORT_LABEL])
    return SUPPORT_FILE


CHUNKS_FILE = "article_chunks.csv"  # the `_Articles` chunks of facts with more than ARTICLE_CHUNK articles


def _write_chunks_csv(rows: GraphRows, out: Path) -> str:
    """The articles of each fact beyond the first ARTICLE_CHUNK (which the fact holds), ARTICLE_CHUNK
    a chunk node, as the Neo4j store keeps them (`schema.ARTICLES_LABEL`); returns the file name."""
    with (out / CHUNKS_FILE).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["fact:string", "articles:string[]", ":LABEL"])
        facts = [(f"{n.label}|{n.id}", n.articles) for n in rows.nodes]
        facts += [(f"{r.type}|{r.id}", r.articles) for r in rows.rels]
        for key, articles in facts:
            for i in range(ARTICLE_CHUNK, len(articles), ARTICLE_CHUNK):
                w.writerow([key, _csv_value(articles[i:i + ARTICLE_CHUNK], "string[]"), ARTICLES_LABEL])
    return CHUNKS_FILE


def export(workspace: Path, fmt: str, out: Path) -> str:
    """Write the export; return a one-line summary."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt in ("ttl", "jsonld"):
        out.parent.mkdir(parents=True, exist_ok=True)
        n = (export_turtle if fmt == "ttl" else export_jsonld)(workspace, out)
        return f"{fmt}: {n} triples -> {out}"
    rows = workspace_rows(workspace)
    if fmt == "graphml":
        out.parent.mkdir(parents=True, exist_ok=True)
        nn, nr = export_graphml(rows, out)
    else:
        nn, nr = export_csv(rows, out)
    return f"{fmt}: {nn} nodes, {nr} relationships -> {out}"


class NothingToExport(ValueError):
    """The workspace has no batch files of the kind the format is made from (nothing was built)."""


def export_workspace(workspace: Path, fmt: str, out: Path) -> str:
    """`export`, after checking that the workspace holds what the format is made from (NothingToExport)."""
    sub = "rdf" if fmt in ("ttl", "jsonld") else "rows"
    found = batch_files(workspace, "rdf", ".nt") if sub == "rdf" else rows_files(workspace)
    if not found:
        raise NothingToExport(f"nothing to export: no {sub} files in {workspace} (run `safetykg build` first)")
    return export(workspace, fmt, out)
