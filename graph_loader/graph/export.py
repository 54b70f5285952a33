"""The built graph in open formats (`safetykg export`), read from the workspace's batch files.

The build writes `<workspace>/rdf/*.nt` (rdf.write_batch_rdf; one file per article, or per batch)
and `<workspace>/rows/*.jsonl` (rows_io.write_rows; one file per batch or per article). Turtle and
JSON-LD are written file by file (a subject split over blocks is still one node to any RDF reader),
with the ontology (labels, SKOS schemes) first. A triple that several files hold (a region's name
in every article that names it, a sector's label in the ontology and in its articles) is written
once, and the count printed is of the triples written, the graph's size: memory is one file plus
a digest of each triple several files can share (not those of evidence spans and articles, most
of the graph: 300 generated articles, 139k triples, take 66 MB where writing repeats took 62 MB).
GraphML and CSV come from the rows merged by id (one row per node and relationship of the whole
graph): GraphML in memory, CSV a bucket of ids at a time (`export_csv`: memory bounded by a bucket,
not by the corpus).
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
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph

from graph_loader.graph.ids import ID, PREFIXES, SKG
from graph_loader.graph.rdf import write_batch_rdf  # noqa: F401  (re-exported: the build's writer)
from graph_loader.graph.rows_io import batch_files, iter_workspace_rows, merge_rows, rows_files
from graph_loader.graph.schema import (
    ARTICLE_CHUNK,
    ARTICLES_LABEL,
    EVIDENCE_ARTICLES,
    SUPPORT_LABEL,
    GraphRows,
    NodeRow,
    RelRow,
    evidence_doc,
    evidence_sample,
    in_sample,
)
from graph_loader.graph.vocab import ONTOLOGY_PATH

FORMATS = ("ttl", "jsonld", "graphml", "csv")
LIST_JOIN = "\n"
ARRAY_DELIMITER = "\x1f"  # CSV arrays (neo4j-admin --array-delimiter=U+001F)
_JSON = json.JSONEncoder(ensure_ascii=False)


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
    return _csv_kinds_type({type(v) for v in values if v is not None})


def _csv_kinds_type(kinds: set[type]) -> str:
    """The CSV column type of values of these Python types (none: string)."""
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


# A CSV export streams: the rows are spread over bucket files by fact id (pass 1), each bucket's facts
# merged and written (pass 2; an id's rows all fall in one bucket, in file order, so it merges as
# merge_rows would over the whole), then each article's support record from buckets by doc id (pass 3).
# Memory is one bucket's rows, not the graph's: at 10k articles the in-memory export peaked at 1.5 GiB
# (the rows of every article with all their evidence), ≈ 15 GiB at 100k.
BUCKET_BYTES = 48 * 2**20  # rows JSON per bucket, about (a bucket's merged rows take ~4x in memory)


def _bucket(key: str, n: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % n


class _Columns:
    """A label's (or type's) property columns, from every row's properties: the keys any row gives and
    the kinds of its non-null values (`_csv_type`; rows of one label give the same keys and kinds, so
    this is the merged rows' header)."""

    __slots__ = ("kinds",)

    def __init__(self) -> None:
        self.kinds: dict[str, set[type]] = {}

    def add(self, props: dict) -> None:
        for k, v in props.items():
            got = self.kinds.get(k)
            if got is None:
                got = self.kinds[k] = set()
            if v is not None:
                got.add(type(v))

    def types(self) -> dict[str, str]:
        return {k: _csv_kinds_type(self.kinds[k]) for k in sorted(self.kinds)}


def _row_line(row: NodeRow | RelRow) -> str:
    if isinstance(row, NodeRow):
        obj = {"kind": "node", "id": row.id, "label": row.label, "props": row.props, "articles": row.articles,
               "evidence": row.evidence}
    else:
        obj = {"kind": "rel", "id": row.id, "type": row.type, "src": row.src, "dst": row.dst, "props": row.props,
               "articles": row.articles, "evidence": row.evidence}
    return _JSON.encode(obj) + "\n"


def _read_bucket(path: Path) -> GraphRows:
    rows = GraphRows()
    with path.open(encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if obj["kind"] == "node":
                rows.nodes.append(NodeRow(obj["id"], obj["label"], obj["props"], obj["articles"], obj["evidence"]))
            else:
                rows.rels.append(RelRow(obj["id"], obj["type"], obj["src"], obj["dst"], obj["props"],
                                        obj["articles"], obj["evidence"]))
    return rows


_SCRATCH = ".csv-export-"  # + the exporting process's id + a random part: the buckets of one export


def _sweep_scratch(parent: Path) -> None:
    """Remove the bucket folders that exports killed before their cleanup left in `parent` (a
    `kill -9` runs no `finally`): those whose process is gone. An export still running keeps its own."""
    for d in parent.glob(_SCRATCH + "*"):
        pid = d.name[len(_SCRATCH):].split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(d, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def export_csv(rows: GraphRows | Iterable[GraphRows], out: Path, size_hint: int | None = None,
               bucket_bytes: int = BUCKET_BYTES) -> tuple[int, int]:
    """neo4j-admin import files in directory out (one file per label and per type, `support.csv`,
    `article_chunks.csv`, `neo4j-admin-import.sh`) from rows (one GraphRows, or batches of them in
    order, e.g. a workspace's rows files read one at a time), merged by id as `merge_rows` merges
    them. `size_hint`: about how many bytes of rows JSON come (the rows files' size): one bucket per
    `bucket_bytes` of it (none given: one bucket, all rows merged at once). Returns (nodes,
    relationships) written. Raises what reading the batches raises (a bad rows line: BadRowsLine)
    before anything is written to `out`."""
    batches = [rows] if isinstance(rows, GraphRows) else rows
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _sweep_scratch(out.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH}{os.getpid()}-", dir=out.parent))
    try:
        return _export_csv(batches, out, tmp, size_hint, bucket_bytes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _export_csv(batches: Iterable[GraphRows], out: Path, tmp: Path, size_hint: int | None,
                bucket_bytes: int) -> tuple[int, int]:
    # pass 1: rows to fact buckets by id, as many buckets as the rows' size asks
    n_buckets = max(1, -(-(size_hint or 0) // max(1, bucket_bytes)))
    bucket_paths = [tmp / f"facts-{i:04d}.jsonl" for i in range(n_buckets)]
    node_cols: dict[str, _Columns] = {}
    rel_cols: dict[str, _Columns] = {}
    handles = [p.open("w", encoding="utf-8") for p in bucket_paths]
    try:
        for batch in batches:
            for n in batch.nodes:
                node_cols.setdefault(n.label, _Columns()).add(n.props)
                handles[_bucket(n.id, n_buckets)].write(_row_line(n))
            for r in batch.rels:
                rel_cols.setdefault(r.type, _Columns()).add(r.props)
                handles[_bucket(r.id, n_buckets)].write(_row_line(r))
    finally:
        for h in handles:
            h.close()

    # pass 2: each bucket's facts merged and written; what the support records need to their buckets
    out.mkdir(parents=True, exist_ok=True)
    node_types = {label: c.types() for label, c in node_cols.items()}
    rel_types = {t: c.types() for t, c in rel_cols.items()}
    files: list[tuple[str, str]] = []
    writers: dict[str, Any] = {}
    opened = []

    def writer(name: str, header: list[str]) -> Any:
        w = writers.get(name)
        if w is None:
            f = (out / name).open("w", encoding="utf-8", newline="")
            opened.append(f)
            w = writers[name] = csv.writer(f)
            w.writerow(header)
        return w

    for label, types in sorted(node_types.items()):  # files in the order (and with the headers) as before
        files.append(("nodes", f"nodes_{label}.csv"))
        writer(f"nodes_{label}.csv", ["id:ID", *[f"{k}:{t}" for k, t in types.items()], "articles:string[]",
                                      "evidence:string[]", ":LABEL"])
    files += [("nodes", SUPPORT_FILE), ("nodes", CHUNKS_FILE)]
    chunks = writer(CHUNKS_FILE, ["fact:string", "articles:string[]", ":LABEL"])
    for rtype, types in sorted(rel_types.items()):
        files.append(("relationships", f"rels_{rtype}.csv"))
        writer(f"rels_{rtype}.csv", [":START_ID", ":END_ID", ":TYPE", "id:string", *[f"{k}:{t}" for k, t in types.items()],
                                     "articles:string[]", "evidence:string[]"])
    support_paths = [tmp / f"support-{i:04d}.jsonl" for i in range(n_buckets)]
    support = [p.open("w", encoding="utf-8") for p in support_paths]
    n_nodes = n_rels = 0
    try:
        for path in bucket_paths:
            merged = merge_rows([_read_bucket(path)])
            path.unlink()
            for n in merged.nodes:
                types = node_types[n.label]
                writer(f"nodes_{n.label}.csv", []).writerow(
                    [n.id, *[_csv_value(n.props.get(k), t) for k, t in types.items()],
                     _csv_value(n.articles[:ARTICLE_CHUNK], "string[]"),
                     _csv_value(evidence_sample(n.evidence), "string[]"), n.label])
                _support_and_chunks(f"{n.label}|{n.id}", n, support, chunks)
            for r in merged.rels:
                types = rel_types[r.type]
                writer(f"rels_{r.type}.csv", []).writerow(
                    [r.src, r.dst, r.type, r.id, *[_csv_value(r.props.get(k), t) for k, t in types.items()],
                     _csv_value(r.articles[:ARTICLE_CHUNK], "string[]"),
                     _csv_value(evidence_sample(r.evidence), "string[]")])
                _support_and_chunks(f"{r.type}|{r.id}", r, support, chunks)
            n_nodes += len(merged.nodes)
            n_rels += len(merged.rels)
            del merged
    finally:
        for h in support:
            h.close()

    # pass 3: each article's support record (schema.support_evidence), a bucket of articles at a time
    try:
        w = writer(SUPPORT_FILE, ["doc_id:string", "facts:string", "ev_facts:string[]", "evidence:string[]", ":LABEL"])
        for path in support_paths:
            facts: dict[str, set[str]] = {}
            pairs: dict[str, set[tuple[str, str]]] = {}
            with path.open(encoding="utf-8") as f:
                for line in f:
                    item = json.loads(line)
                    if len(item) == 2:
                        facts.setdefault(item[0], set()).add(item[1])
                    else:
                        pairs.setdefault(item[0], set()).add((item[1], item[2]))
            path.unlink()
            for doc, keys in sorted(facts.items()):  # an article supporting no fact has no record
                ordered = sorted(pairs.get(doc, ()))
                w.writerow([doc, "\n".join(sorted(keys)), _csv_value([k for k, _ in ordered], "string[]"),
                            _csv_value([e for _, e in ordered], "string[]"), SUPPORT_LABEL])
    finally:
        for f in opened:
            f.close()
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
    return n_nodes, n_rels


def _support_and_chunks(key: str, row: NodeRow | RelRow, support: list, chunks: Any) -> None:
    """A merged fact's share of the support records (its articles, and its evidence its sample leaves
    out, to the bucket of each string's article) and its `_Articles` chunks beyond ARTICLE_CHUNK."""
    n = len(support)
    for doc in row.articles:
        support[_bucket(doc, n)].write(_JSON.encode([doc, key]) + "\n")
    strings = set(row.evidence)
    if len(strings) > EVIDENCE_ARTICLES:  # fewer strings than the sample's articles: all in it
        for e in strings.difference(in_sample(strings)):
            doc = evidence_doc(e)
            support[_bucket(doc, n)].write(_JSON.encode([doc, key, e]) + "\n")
    for i in range(ARTICLE_CHUNK, len(row.articles), ARTICLE_CHUNK):
        chunks.writerow([key, _csv_value(row.articles[i:i + ARTICLE_CHUNK], "string[]"), ARTICLES_LABEL])


SUPPORT_FILE = "support.csv"  # not nodes_*.csv: no graph node, no id:ID column
CHUNKS_FILE = "article_chunks.csv"  # the `_Articles` chunks of facts with more than ARTICLE_CHUNK articles


def export(workspace: Path, fmt: str, out: Path) -> str:
    """Write the export; return a one-line summary."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt in ("ttl", "jsonld"):
        out.parent.mkdir(parents=True, exist_ok=True)
        n = (export_turtle if fmt == "ttl" else export_jsonld)(workspace, out)
        return f"{fmt}: {n} triples -> {out}"
    if fmt == "graphml":
        out.parent.mkdir(parents=True, exist_ok=True)
        nn, nr = export_graphml(workspace_rows(workspace), out)
    else:  # streamed: the rows files read one at a time
        files = rows_files(workspace)
        nn, nr = export_csv(iter_workspace_rows(workspace), out, size_hint=sum(p.stat().st_size for p in files))
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
