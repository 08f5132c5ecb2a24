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
>>> from kg.vocab import KGR
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

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import QueryError, QueryLimitError, QuerySyntaxError, QueryTimeoutError
from .results import _WRITERS, _cell, _parts, format_result, format_table
from .shipped import ShippedQuery, shipped_queries

if TYPE_CHECKING:
    from rdflib.query import Result

# Kept importable from here: the errors (now in kg.errors), the result formatting (now in
# kg.results) and the shipped queries (now in kg.shipped), by the names callers used.
_REEXPORTED = (QueryTimeoutError, _WRITERS, _cell, _parts, format_result, format_table)


def __getattr__(name: str) -> Any:
    """``PREFIXES`` and ``KGR`` (rdflib namespaces, from :mod:`kg.vocab`), loaded on first use:
    ``kg query`` answers from pyoxigraph without importing rdflib."""
    if name in {"PREFIXES", "KGR"}:
        from . import vocab

        return getattr(vocab, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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
    from rdflib import BNode, Literal, URIRef

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
    >>> from rdflib.namespace import XSD
    >>> parse_binding("2").datatype == XSD.integer
    True
    >>> parse_binding('"2"')
    rdflib.term.Literal('2')
    >>> parse_binding("2023-10-19").datatype == XSD.date
    True
    >>> parse_binding("} DELETE WHERE { ?a ?b ?c")
    rdflib.term.Literal('} DELETE WHERE { ?a ?b ?c')
    """
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from .vocab import PREFIXES

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
    from .vocab import PREFIXES

    if isinstance(graph, Store):
        return graph.query(sparql, bindings, allow_service=allow_service).to_rdflib()
    if type(getattr(graph, "store", None)).__name__ == "OxigraphStore":
        store = Store.__new__(Store)
        store.path, store.engine, store.read_only = None, "oxigraph", True
        store._ox, store._ds = graph.store._inner, None
        return store.query(sparql, bindings, allow_service=allow_service).to_rdflib()
    check_query(sparql, allow_service=allow_service, engine="rdflib")
    from rdflib.plugins.sparql import prepareQuery  # pyparsing: loaded only for rdflib's engine

    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise QuerySyntaxError(getattr(exc, "msg", None) or str(exc), getattr(exc, "lineno", None),
                               getattr(exc, "col", None), sparql) from None
    try:
        return graph.query(prepared, initBindings={k: _term(v) for k, v in bindings.items()})
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None
