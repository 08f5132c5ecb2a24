"""SPARQL over kg's RDF: values bound, never pasted into the query text.

Queries get kg's prefixes (``kgo:``, ``kgr:``, ``rdfs:``, ``skos:``, ``prov:``,
``dcterms:``...) without declaring them. Results are rdflib results; they
print as an aligned table or serialise to the W3C formats (CSV, TSV, JSON, XML).

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> g.add((URIRef("https://w3id.org/newskg/id/iran"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Iran")))
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
>>> print(format_table(run_query(g, "SELECT ?label WHERE { ?s rdfs:label ?label }", s=KGR["iran"])))
label
-----
Iran
"""

from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, GEO
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from .errors import QueryError
from .vocab import KGO, KGR

__all__ = ["PREFIXES", "format_result", "format_table", "read_query", "run_query"]

#: Prefixes every kg query may use without declaring them.
PREFIXES = {
    "kgo": KGO._NS, "kgr": KGR, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "prov": PROV,
    "dcterms": DCTERMS, "owl": OWL, "xsd": XSD, "geo": GEO,
}


def read_query(text_or_path: str) -> str:
    """The text of a query given inline or as a ``.rq`` file."""
    path = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")) or (len(text_or_path) < 4096 and "\n" not in text_or_path and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{text_or_path}: cannot read query file ({exc.strerror})") from None
    return text_or_path


def _term(value):
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return URIRef(value)
    return Literal(value)


def run_query(graph: Graph, sparql: str, **bindings) -> Result:
    """Run a SPARQL query with variables bound to values (IRIs or literals).

    Raises
    ------
    QueryError
        With the position of the error when the query does not parse.
    """
    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise QueryError(f"malformed SPARQL query: {exc}") from None
    try:
        return graph.query(prepared, initBindings={k: _term(v) for k, v in bindings.items()})
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        s = str(value)
        for prefix, ns in PREFIXES.items():
            if s.startswith(str(ns)):
                return f"{prefix}:{s[len(str(ns)):]}"
        return s
    return " ".join(str(value).split())


def format_table(result: Result) -> str:
    """An aligned plain-text table of a SELECT (or ASK) result."""
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def format_result(result: Result, fmt: str = "table") -> str:
    """A result as ``table``, or the W3C SPARQL 1.1 formats ``csv``, ``tsv``, ``json``, ``xml``."""
    if fmt == "table":
        return format_table(result)
    if fmt == "tsv":
        if result.type != "SELECT":
            raise QueryError("TSV results are for SELECT queries")
        out = io.StringIO()
        out.write("\t".join(f"?{v}" for v in result.vars) + "\n")
        for row in result:
            out.write("\t".join("" if row[i] is None else row[i].n3() for i in range(len(result.vars))) + "\n")
        return out.getvalue()
    if fmt in {"csv", "json", "xml"}:
        data = result.serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else data
    raise QueryError(f"unknown result format {fmt!r} (table, csv, tsv, json, xml)")


