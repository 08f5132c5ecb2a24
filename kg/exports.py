"""Hand-off to the tools researchers use: GraphML and GEXF (Gephi, Cytoscape, igraph, R),
CSV node and edge lists (pandas, R, spreadsheets), Neo4j's ``neo4j-admin import`` CSV, and
JSON-LD with a compact context.

:func:`export` writes one of them, choosing the format from the file name when none is given:

==============  ===========================  ===============================================
format          OUT                          what is written
==============  ===========================  ===============================================
``graphml``     ``g.graphml``                one file
``gexf``        ``g.gexf``                   one file
``gml``         ``g.gml``                    one file
``csv``         a directory                  ``nodes.csv`` and ``edges.csv``
``neo4j``       a directory                  ``nodes.csv``, ``relationships.csv``, ``import.sh``
``json-ld``     ``g.jsonld``                 one file
==============  ===========================  ===============================================

GraphML, GEXF and GML take numbers, strings and booleans only, so node and edge attributes
are flattened (:func:`flatten_graph`): a list of plain values is joined with ``"; "``, a dict
or a list holding dicts (an edge's ``evidence``) becomes a JSON string, and ``None`` is
dropped. Edges also get the summary columns of :mod:`kg.tables` (``evidence`` is the count,
``evidence_json`` the records). ``nx.write_graphml(graph.to_networkx())`` fails on kg's list
attributes: write ``flatten_graph(graph.to_networkx())`` instead, or call :func:`export`.

The CSV node and edge lists have the columns of :mod:`kg.tables`. A list cell (``aliases``,
``documents``, ``sources``, ``asserted_by``) is a JSON array, ``["wire;1", "wire;2"]``, so a
``;``, a comma or a quote inside a value is never mistaken for a separator; an empty list is
``[]`` and a missing value an empty cell. Read them back with ``json.loads``, in pandas
``pd.read_csv("edges.csv", converters={"documents": json.loads})``
(:data:`CSV_LIST_COLUMNS` names the list columns).
Neo4j's files carry typed headers (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
``:TYPE``, ``confidence:float``, ``documents:string[]``...) and load with ``sh import.sh``,
which runs::

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --array-delimiter=';' neo4j

``neo4j-admin`` cannot escape its array delimiter inside a value, so the export chooses one no
value holds: ``;``, else ``|``, ``¦`` or ``¬`` (an alias or a document id with a ``;`` in it),
and ``import.sh`` names it.

Examples
--------
>>> import kg, networkx as nx, pathlib, tempfile
>>> graph = kg.build([kg.Document("d1", "Hamas fired rockets at Israel.", None)])
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in export(graph, out / "g.graphml")]
['g.graphml']
>>> back = nx.read_graphml(out / "g.graphml", force_multigraph=True)
>>> sorted((u, v, d["predicate"]) for u, v, d in back.edges(data=True) if u == "hamas")
[('hamas', 'israel', 'targeted')]
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import KGError
from .files import atomic_write
from .tables import EDGE_COLUMNS, NODE_COLUMNS, edge_rows, node_rows

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["CSV_LIST_COLUMNS", "FORMATS", "export", "flatten_graph", "flatten_value"]

#: Export formats and the file suffixes that select them.
FORMATS = {"graphml": (".graphml",), "gexf": (".gexf",), "gml": (".gml",), "csv": (), "neo4j": (),
           "json-ld": (".jsonld", ".json-ld")}
#: The columns of the plain CSV export whose cells are JSON arrays.
CSV_LIST_COLUMNS = ("aliases", "documents", "sources", "asserted_by")


def flatten_value(value: Any) -> str | int | float | bool | None:
    """A value GraphML, GEXF and GML can hold, or None to drop it.

    >>> flatten_value(["Hamas", "Harakat al-Muqawama"])
    'Hamas; Harakat al-Muqawama'
    >>> flatten_value({"document": "d1"})
    '{"document": "d1"}'
    >>> flatten_value(None) is None, flatten_value(0.9), flatten_value(True)
    (True, 0.9, True)
    """
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        if all(isinstance(i, (str, int, float, bool)) for i in items):
            return "; ".join(str(i) for i in items)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def flatten_graph(nxg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of kg's networkx graph with every attribute flattened (:func:`flatten_value`),
    ready for ``nx.write_graphml``, ``nx.write_gexf`` and ``nx.write_gml``.

    >>> import kg, io
    >>> g = kg.build([kg.Document("d1", "Iran condemned Israel.", None)]).to_networkx()
    >>> buf = io.BytesIO(); nx.write_graphml(flatten_graph(g), buf)
    >>> b"condemned" in buf.getvalue()
    True
    """
    flat = nx.MultiDiGraph(name=nxg.graph.get("name", "kg"))
    for node, data in nxg.nodes(data=True):
        flat.add_node(node, **_flat(data))
    for u, v, key, data in nxg.edges(keys=True, data=True):
        attrs = dict(data)
        evidence = attrs.pop("evidence", None)
        if evidence is not None:
            attrs["evidence_json"] = evidence
            attrs["evidence"] = len(evidence)
        flat.add_edge(u, v, key=key, **_flat(attrs))
    return flat


def _flat(data: dict) -> dict:
    out = {}
    for name, value in data.items():
        flat = flatten_value(value)
        if flat is not None:
            out[name] = flat
    return out


def _summary_graph(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """Every entity and event, and every edge with its :mod:`kg.tables` summary columns."""
    nxg = graph.to_networkx(all_entities=True)
    summary = {(r["source"], r["target"], r["relation"]): r for r in edge_rows(graph, nxg) if not r["negated"]}
    for u, v, key, data in nxg.edges(keys=True, data=True):
        row = summary[(u, v, key)]
        for column in ("sources", "first_date", "last_date", "asserted_by"):
            data[column] = row[column]
    for node, data in nxg.nodes(data=True):
        ent = graph.entities.get(node)
        if ent is not None and ent.coordinates:
            data["latitude"], data["longitude"] = ent.coordinates
    return flatten_graph(nxg)


def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        if format not in FORMATS:
            raise KGError(f"unknown export format {format!r} ({', '.join(FORMATS)})")
        return format
    suffix = path.suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    if suffix == ".csv":
        raise KGError(f"{path}: CSV export writes two files (nodes.csv, edges.csv): give a directory "
                      "and format='csv' (kg export ... --format csv)")
    raise KGError(f"{path}: cannot tell the export format from the name; give one of {', '.join(FORMATS)}")


def export(graph: KnowledgeGraph, path: str | os.PathLike[str], format: str | None = None) -> list[Path]:
    """Write ``graph`` to ``path`` in ``format`` (from the suffix when None); returns the files written.

    ``csv`` and ``neo4j`` write into the directory ``path`` (created). Files are written
    atomically, and the same graph always gives the same bytes.
    """
    path = Path(path)
    fmt = _format_of(path, format)
    if fmt in {"csv", "neo4j"}:
        path.mkdir(parents=True, exist_ok=True)
        return _write_csv(graph, path) if fmt == "csv" else _write_neo4j(graph, path)
    if fmt == "json-ld":
        atomic_write(path, jsonld_text(graph))
        return [path]
    flat = _summary_graph(graph)
    lines = {"graphml": nx.generate_graphml, "gexf": nx.generate_gexf, "gml": nx.generate_gml}[fmt](flat)
    atomic_write(path, "\n".join(lines) + "\n")
    return [path]


def _cell(value: Any, separator: str | None) -> str:
    """A CSV cell: a list as a JSON array, or joined with ``separator`` (Neo4j's array delimiter)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if separator is None:
            return json.dumps([str(v) for v in value], ensure_ascii=False)
        return separator.join(str(v) for v in value)
    return str(value)


def _csv_text(header: list[str], rows: list[list], separator: str | None = None) -> str:
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v, separator) for v in row] for row in rows)
    return buf.getvalue()


def _write_csv(graph: KnowledgeGraph, out: Path) -> list[Path]:
    nxg = graph.to_networkx(all_entities=True)
    nodes, edges = node_rows(graph, nxg), edge_rows(graph, nxg)
    atomic_write(out / "nodes.csv", _csv_text(list(NODE_COLUMNS), [[r[c] for c in NODE_COLUMNS] for r in nodes]))
    atomic_write(out / "edges.csv", _csv_text(list(EDGE_COLUMNS), [[r[c] for c in EDGE_COLUMNS] for r in edges]))
    return [out / "nodes.csv", out / "edges.csv"]


#: Neo4j import types of the node and edge columns (``string`` when not listed).
_NEO4J_TYPES = {"aliases": "string[]", "documents": "string[]", "sources": "string[]", "asserted_by": "string[]",
                "mentions": "int", "killed": "int", "wounded": "int", "evidence": "int",
                "unclaimed": "boolean", "negated": "boolean", "alleged": "boolean",
                "latitude": "float", "longitude": "float", "confidence": "float",
                "date": "date", "first_date": "date", "last_date": "date"}


def _neo4j_header(columns: list[str]) -> list[str]:
    return [f"{c}:{_NEO4J_TYPES[c]}" if c in _NEO4J_TYPES else c for c in columns]


#: Array delimiters ``neo4j-admin import`` is told to use, the first that no value holds.
_NEO4J_DELIMITERS = (";", "|", "\u00a6", "\u00ac")

_IMPORT_SH = """#!/bin/sh
# Load these files into a new Neo4j database (default: neo4j). Written by kg export.
cd "$(dirname "$0")" || exit 1
exec neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
  --array-delimiter='{delimiter}' "${{1:-neo4j}}"
"""


def _array_delimiter(rows: list[list]) -> str:
    """The first of :data:`_NEO4J_DELIMITERS` inside no list element of ``rows``."""
    held = {str(item) for row in rows for cell in row if isinstance(cell, (list, tuple)) for item in cell}
    for delimiter in _NEO4J_DELIMITERS:
        if not any(delimiter in item for item in held):
            return delimiter
    raise KGError("every array delimiter neo4j-admin could use (" + " ".join(_NEO4J_DELIMITERS)
                  + ") occurs in a value; export csv instead")


def _write_neo4j(graph: KnowledgeGraph, out: Path) -> list[Path]:
    nxg = graph.to_networkx(all_entities=True)
    nodes, edges = node_rows(graph, nxg), edge_rows(graph, nxg)
    node_cols = [c for c in NODE_COLUMNS if c != "id"]
    edge_cols = [c for c in EDGE_COLUMNS if c not in {"source", "target", "relation"}]
    node_data = [[r["id"], *(r[c] for c in node_cols), [r["kind"].capitalize(), r["type"]]] for r in nodes]
    edge_data = [[r["source"], r["target"], r["relation"], *(r[c] for c in edge_cols)] for r in edges]
    delimiter = _array_delimiter(node_data + edge_data)
    header = ["id:ID", *_neo4j_header(node_cols), ":LABEL"]
    atomic_write(out / "nodes.csv", _csv_text(header, node_data, delimiter))
    header = [":START_ID", ":END_ID", ":TYPE", *_neo4j_header(edge_cols)]
    atomic_write(out / "relationships.csv", _csv_text(header, edge_data, delimiter))
    atomic_write(out / "import.sh", _IMPORT_SH.format(delimiter=delimiter))
    return [out / "nodes.csv", out / "relationships.csv", out / "import.sh"]


#: The compact JSON-LD context: kg's prefixes and short names for the common properties.
JSONLD_CONTEXT = {
    "kgo": "https://w3id.org/newskg/ontology#", "kgr": "https://w3id.org/newskg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/", "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "geo": "http://www.opengis.net/ont/geosparql#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "wd": "http://www.wikidata.org/entity/",
    "label": "rdfs:label", "altLabel": "skos:altLabel",
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "derivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
}


def jsonld_text(graph: KnowledgeGraph) -> str:
    """The graph's RDF as JSON-LD compacted with :data:`JSONLD_CONTEXT`; nodes sorted by ``@id``."""
    rdf = graph.to_rdf()
    data = json.loads(rdf.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    nodes = data.get("@graph", [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    data["@graph"] = _compact_ids(sorted(nodes, key=lambda n: n.get("@id", "")))
    data["@context"] = JSONLD_CONTEXT
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


_ID_PREFIXES = sorted(((k, v) for k, v in JSONLD_CONTEXT.items() if isinstance(v, str) and "://" in v),
                      key=lambda kv: -len(kv[1]))


_ID_TERMS = {"@id", *(k for k, v in JSONLD_CONTEXT.items() if isinstance(v, dict) and v.get("@type") == "@id")}


def _compact_ids(value: Any) -> Any:
    """``@id`` values written as compact IRIs (``kgr:iran``) where a context prefix fits."""
    if isinstance(value, list):
        return [_compact_ids(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key in _ID_TERMS and isinstance(item, str):
            prefix = next(((p, ns) for p, ns in _ID_PREFIXES if item.startswith(ns) and item != ns), None)
            out[key] = f"{prefix[0]}:{item[len(prefix[1]):]}" if prefix and not item[len(prefix[1]):].startswith("//") else item
        else:
            out[key] = _compact_ids(item)
    return out
