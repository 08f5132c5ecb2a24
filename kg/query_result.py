"""The answer to a SPARQL query run by :class:`kg.store.Store`, read in full (or up to a row cap),
with its rdflib form and its W3C serialisations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox  # noqa: F401  (used by the doctests)

from .errors import QueryError
from .formats import graph_answer_syntax, result_format

if TYPE_CHECKING:
    import rdflib.query

__all__ = ["QueryResult"]


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to one query, read in full (or up to a row cap).

    Attributes
    ----------
    type : {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
    vars : tuple of str
        The projected variables of a SELECT, in order.
    rows : tuple of tuple
        One tuple of terms (``None`` where unbound) per solution; for
        CONSTRUCT/DESCRIBE one ``(s, p, o)`` per triple. Terms are pyoxigraph
        or rdflib terms, as the engine gives them: use :meth:`to_rdflib` for
        rdflib terms.
    boolean : bool or None
        The answer of an ASK.
    truncated : bool
        True when more rows existed than the cap let through.
    engine : str
        The engine that answered.
    """

    type: str
    vars: tuple[str, ...] = ()
    rows: tuple[tuple, ...] = ()
    boolean: bool | None = None
    truncated: bool = False
    engine: str = "oxigraph"

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def to_rdflib(self) -> rdflib.query.Result:
        """The same answer as an :class:`rdflib.query.Result` with rdflib terms.

        Examples
        --------
        >>> r = QueryResult("SELECT", ("x",), ((ox.NamedNode("http://example.org/a"),),))
        >>> [row.x for row in r.to_rdflib()]
        [rdflib.term.URIRef('http://example.org/a')]
        """
        import rdflib  # loaded only for an rdflib answer: kg query prints without it

        from .terms import to_rdflib as _to_rdflib
        from .vocab import PREFIXES

        out = rdflib.query.Result(self.type if self.type != "DESCRIBE" else "CONSTRUCT")
        if self.type == "ASK":
            out.askAnswer = bool(self.boolean)
        elif self.type == "SELECT":
            names = [rdflib.Variable(v) for v in self.vars]
            out.vars = names
            out.bindings = [
                {v: _to_rdflib(t) for v, t in zip(names, row) if t is not None} for row in self.rows
            ]
        else:
            g = rdflib.Graph()
            for prefix, ns in PREFIXES.items():
                g.bind(prefix, ns)
            for s, p, o in self.rows:
                g.add((_to_rdflib(s), _to_rdflib(p), _to_rdflib(o)))
            out.graph = g
        return out

    def serialize(self, format: str = "json") -> str:
        """The answer in a W3C SPARQL 1.1 results format, or RDF for a graph.

        Parameters
        ----------
        format : {"json", "xml", "csv", "tsv"} or an rdflib RDF format
            SELECT and ASK: the four W3C result formats. CONSTRUCT and
            DESCRIBE: an RDF syntax (``turtle``, ``nt``, ``xml``, ``json-ld``);
            ``json`` gives JSON-LD and ``csv``/``tsv`` are refused.

        Examples
        --------
        >>> r = QueryResult("SELECT", ("x",), ((ox.Literal("a,b"),),))
        >>> r.serialize("csv")
        'x\\r\\n"a,b"\\r\\n'
        """
        from . import query as _q

        if self.type in {"CONSTRUCT", "DESCRIBE"}:
            syntax = graph_answer_syntax(format)
            if syntax is None and result_format(format) is not None:
                raise QueryError(f"{format.upper()} results are for SELECT queries; a graph is RDF")
            graph = self.to_rdflib().graph
            assert graph is not None  # a CONSTRUCT or DESCRIBE answer is a graph
            return graph.serialize(format=syntax.rdflib if syntax else format)
        writer = _q._WRITERS.get(format)
        if writer is None:
            raise QueryError(f"unknown result format {format!r} (csv, tsv, json, xml)")
        return writer(self)
