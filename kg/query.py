"""SPARQL over kg's RDF: values bound, never pasted into the query text.

Queries get kg's prefixes (``kgo:``, ``kgr:``, ``rdfs:``, ``skos:``, ``prov:``,
``dcterms:``...) without declaring them. :func:`run_query` returns rdflib
results; they print as an aligned table or serialise to the W3C formats
(CSV, TSV, JSON, XML). The fast engine is :class:`kg.store.Store` (Oxigraph);
:func:`run_query` uses it when given a store or an Oxigraph-backed rdflib graph.

kg ships the questions a conflict researcher asks as ``.rq`` files
(:func:`shipped_queries`): run one by name with :func:`resolve_query`.

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
>>> "who-accused-whom" in shipped_queries()
True
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from .errors import QueryError, QueryLimitError
from .formats import result_format
from .shipped import ShippedQuery, shipped_queries
from .vocab import KGO, KGR

__all__ = [
    "PREFIXES",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "ShippedQuery",
    "format_result",
    "format_table",
    "parse_binding",
    "read_query",
    "resolve_query",
    "run_query",
    "shipped_queries",
]

#: Prefixes every kg query may use without declaring them.
PREFIXES = {
    "kgo": KGO._NS, "kgr": KGR, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "prov": PROV,
    "dcterms": DCTERMS, "owl": OWL, "xsd": XSD, "geo": GEO,
}


class QuerySyntaxError(QueryError):
    """A SPARQL query does not parse; ``line`` and ``column`` (1-based) say where.

    The message shows at most 80 characters of the line, around the column,
    so a long query is never echoed whole.

    Examples
    --------
    >>> err = QuerySyntaxError("expected '}'", 2, 4, "SELECT ?x WHERE {\\n ?x")
    >>> print(err)
    malformed SPARQL query at line 2, column 4: expected '}'
       ?x
         ^
    >>> print(QuerySyntaxError("expected ')'", 1, 202, "x" * 200 + " ( y" + "z" * 500))
    malformed SPARQL query at line 1, column 202: expected ')'
      ...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ( yzzzzzzzzzzzzzzzzz...
                                                                     ^
    """

    def __init__(self, reason: str, line: int | None, column: int | None, sparql: str = "") -> None:
        reason = " ".join(str(reason).split())
        if len(reason) > 160:
            reason = reason[:157] + "..."
        where = f" at line {line}, column {column}" if line is not None and column is not None else ""
        message = f"malformed SPARQL query{where}: {reason}"
        lines = sparql.splitlines()
        if line is not None and column is not None and 0 < line <= len(lines):
            text, caret = lines[line - 1], max(column, 1) - 1
            start = max(0, min(caret - 60, len(text) - 80))
            shown = text[start : start + 80]
            shown = ("..." if start else "") + shown + ("..." if start + 80 < len(text) else "")
            message += f"\n  {shown}\n  {' ' * (caret - start + (3 if start else 0))}^"
        super().__init__(message)
        self.reason, self.line, self.column = reason, line, column

    def __reduce__(self):  # picklable, to cross from a worker process (kg.pool)
        return _restore_error, (type(self), str(self), {"reason": self.reason, "line": self.line,
                                                        "column": self.column})


def _restore_error(cls, message, attributes):
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)
    exc.__dict__.update(attributes)
    return exc


class QueryTimeoutError(QueryLimitError):
    """A query did not answer within its time limit."""


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a long one-line query is no file name ("File name too long")
        return False


def read_query(text_or_path: str) -> str:
    """The text of a query given inline or as a ``.rq`` file.

    >>> read_query("SELECT * WHERE { ?s ?p ?o }" + " " * 400)[:8]
    'SELECT *'
    """
    path = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")) or (
            len(text_or_path) < 4096 and "\n" not in text_or_path and _is_file(path)):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{text_or_path}: cannot read query file ({exc.strerror})") from None
    return text_or_path


# -- shipped queries ---------------------------------------------------------------------
def resolve_query(name_or_text: str) -> str:
    """The text of a shipped query by name, a ``.rq`` file, or inline SPARQL.

    Examples
    --------
    >>> resolve_query("who-accused-whom").startswith("# Who accused")
    True
    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    shipped = shipped_queries()
    if name_or_text in shipped and not Path(name_or_text).is_file():
        return shipped[name_or_text].text
    return read_query(name_or_text)


# -- binding values ----------------------------------------------------------------------
def _term(value):
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return URIRef(value)
    return Literal(value)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_binding(text: str):
    """A value given on the command line as an RDF term.

    ``<iri>``, ``http(s)://...`` and ``prefix:name`` (kg's prefixes) are IRIs;
    integers, decimals, ``YYYY-MM-DD`` dates and ``true``/``false`` are typed
    literals; ``"quoted"`` text is a string; anything else is a string.

    Examples
    --------
    >>> parse_binding("kgr:iran")
    rdflib.term.URIRef('https://w3id.org/newskg/id/iran')
    >>> parse_binding("2").datatype == XSD.integer
    True
    >>> parse_binding('"2"')
    rdflib.term.Literal('2')
    >>> parse_binding("2023-10-19").datatype == XSD.date
    True
    >>> parse_binding("} DELETE WHERE { ?a ?b ?c")
    rdflib.term.Literal('} DELETE WHERE { ?a ?b ?c')
    """
    if len(text) >= 2 and text[0] == "<" and text[-1] == ">":
        return URIRef(text[1:-1])
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return Literal(text[1:-1])
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and re.fullmatch(r"[\w.\-/]*", local):
        return URIRef(str(PREFIXES[prefix]) + local)
    if re.fullmatch(r"[+-]?\d+", text):
        return Literal(text, datatype=XSD.integer)
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        try:
            Decimal(text)
            return Literal(text, datatype=XSD.decimal)
        except InvalidOperation:  # pragma: no cover
            pass
    if _DATE.fullmatch(text):
        return Literal(text, datatype=XSD.date)
    if text in {"true", "false"}:
        return Literal(text, datatype=XSD.boolean)
    return Literal(text)


# -- running -----------------------------------------------------------------------------
def run_query(graph, sparql: str, *, allow_service: bool = False, **bindings) -> Result:
    """Run a SPARQL query with variables bound to values (IRIs or literals).

    Parameters
    ----------
    graph : rdflib.Graph or kg.store.Store
        An rdflib graph (rdflib's engine; Oxigraph's when the graph is backed
        by the ``oxrdflib`` store) or a :class:`kg.store.Store`.
    sparql : str
        The query, kg's prefixes predeclared.
    allow_service : bool
        Let the query fetch other addresses (``SERVICE``; ``FROM`` with
        rdflib's engine); see :func:`kg.guard.check_query`.
    **bindings
        Variable name to value: an rdflib term, an ``http(s)`` string (an
        IRI) or a Python value (a literal).

    Raises
    ------
    QueryError
        With the position of the error when the query does not parse;
        :class:`~kg.errors.QueryRefusedError` or
        :class:`~kg.errors.QueryLimitError` when :mod:`kg.guard` refuses it.
    """
    from .guard import check_query
    from .store import Store

    if isinstance(graph, Store):
        return graph.query(sparql, bindings, allow_service=allow_service).to_rdflib()
    if type(getattr(graph, "store", None)).__name__ == "OxigraphStore":
        store = Store.__new__(Store)
        store.path, store.engine, store.read_only = None, "oxigraph", True
        store._ox, store._ds = graph.store._inner, None
        return store.query(sparql, bindings, allow_service=allow_service).to_rdflib()
    check_query(sparql, allow_service=allow_service, engine="rdflib")
    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise QuerySyntaxError(getattr(exc, "msg", None) or str(exc), getattr(exc, "lineno", None),
                               getattr(exc, "col", None), sparql) from None
    try:
        return graph.query(prepared, initBindings={k: _term(v) for k, v in bindings.items()})
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None


# -- formatting --------------------------------------------------------------------------
def _parts(term) -> tuple[str, str, str | None, str | None]:
    """(kind, value, datatype, language) of an rdflib or pyoxigraph term."""
    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        dt = None if term.language else (str(term.datatype) if term.datatype else None)
        return "literal", str(term), None if dt == str(XSD.string) else dt, term.language
    kind = type(term).__name__
    if kind == "NamedNode":
        return "uri", term.value, None, None
    if kind == "BlankNode":
        return "bnode", term.value, None, None
    if kind == "Literal":
        dt = None if term.language else term.datatype.value
        return "literal", term.value, None if dt == str(XSD.string) else dt, term.language
    return "literal", str(term), None, None


def _cell(value) -> str:
    if value is None:
        return ""
    kind, text, _, _ = _parts(value)
    if kind == "uri":
        for prefix, ns in PREFIXES.items():
            if text.startswith(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
        return text
    if kind == "bnode":
        return f"_:{text}"
    return " ".join(text.split())


def _is_native(result) -> bool:
    return not isinstance(result, Result)


def format_table(result) -> str:
    """An aligned plain-text table of a SELECT (or ASK) result.

    ``result`` is an rdflib :class:`~rdflib.query.Result` or a
    :class:`kg.store.QueryResult`; a graph result prints as Turtle.
    """
    if result.type == "ASK":
        answer = result.boolean if _is_native(result) else result.askAnswer
        return "true" if answer else "false"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = result.to_rdflib().graph if _is_native(result) else result.graph
        return graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    if _is_native(result) and result.truncated:
        lines.append(f"(first {len(rows)} rows shown)")
    return "\n".join(lines)


def format_result(result, fmt: str = "table") -> str:
    """A result as ``table``, or the W3C SPARQL 1.1 formats ``csv``, ``tsv``, ``json``, ``xml``.

    ``result`` is an rdflib :class:`~rdflib.query.Result` or a :class:`kg.store.QueryResult`.
    """
    if fmt == "table":
        return format_table(result)
    if _is_native(result):
        return result.serialize(fmt)
    if fmt == "tsv":
        if result.type != "SELECT":
            raise QueryError("TSV results are for SELECT queries")
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join("" if row[i] is None else row[i].n3() for i in range(len(result.vars))) for row in result]
        return "\n".join(lines) + "\n"
    if result_format(fmt) is not None:
        data = result.serialize(format=result_format(fmt).rdflib)
        return data.decode("utf-8") if isinstance(data, bytes) else data
    raise QueryError(f"unknown result format {fmt!r} (table, csv, tsv, json, xml)")


# W3C SPARQL 1.1 result formats for kg.store.QueryResult (SELECT and ASK).
def _json(result) -> str:
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = []
    for row in result.rows:
        b = {}
        for name, term in zip(result.vars, row):
            if term is None:
                continue
            kind, value, dt, lang = _parts(term)
            cell = {"type": kind, "value": value}
            if lang:
                cell["xml:lang"] = lang
            elif dt:
                cell["datatype"] = dt
            b[name] = cell
        bindings.append(b)
    return json.dumps({"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def _xml(result) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n']
    if result.type == "ASK":
        out.append(f"<head/>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.vars) + "</head>\n<results>\n")
    for row in result.rows:
        out.append("<result>")
        for name, term in zip(result.vars, row):
            if term is None:
                continue
            kind, value, dt, lang = _parts(term)
            if kind == "literal":
                attr = f" xml:lang={quoteattr(lang)}" if lang else (f" datatype={quoteattr(dt)}" if dt else "")
                inner = f"<literal{attr}>{escape(value)}</literal>"
            else:
                inner = f"<{kind}>{escape(value)}</{kind}>"
            out.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def _csv(result) -> str:
    if result.type == "ASK":
        return ("true" if result.boolean else "false") + "\r\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        cells = []
        for term in row:
            if term is None:
                cells.append("")
                continue
            kind, value, _, _ = _parts(term)
            cells.append(f"_:{value}" if kind == "bnode" else value)
        writer.writerow(cells)
    return buf.getvalue()


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_TSV_BARE = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.boolean)}


def _tsv_term(term) -> str:
    kind, value, dt, lang = _parts(term)
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = '"' + value.translate(_TSV_ESCAPES) + '"'
    if lang:
        return f"{text}@{lang}"
    if dt in _TSV_BARE and re.fullmatch(r"[+-]?[0-9.eE+-]+|true|false", value):
        return value
    return f"{text}^^<{dt}>" if dt else text


def _tsv(result) -> str:
    if result.type == "ASK":
        return ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
