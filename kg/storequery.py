"""Running one SPARQL query on a store's engine (:meth:`kg.store.Store.query` checks it and
binds its values first): pyoxigraph, or rdflib's engine, into a :class:`~kg.query_result.QueryResult`,
syntax errors told with their line and column.
"""

from __future__ import annotations

import logging
import re

import pyoxigraph as ox

from .errors import QueryError, QuerySyntaxError, QueryTimeoutError
from .guard import check_query
from .prefixes import PREFIX_IRIS
from .query_result import QueryResult

__all__ = ["collect", "rdflib_query", "run_oxigraph"]

log = logging.getLogger("kg.store")

_OX_PREFIXES = dict(PREFIX_IRIS)


def run_oxigraph(db: ox.Store, rdflib_graph, sparql: str, terms: dict, max_rows, cancel,
                 allow_service: bool) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store, named graphs queried as one union default graph;
    ``rdflib_graph()`` gives the same data to rdflib's engine when pyoxigraph cannot bind a
    variable the query does not project."""
    union = next(iter(db.named_graphs()), None) is not None
    substitutions = None
    if terms:  # rdflib terms (kg.terms loads rdflib: only when there are values to bind)
        from .terms import to_ox

        substitutions = {ox.Variable(k): to_ox(v) for k, v in terms.items()}
    try:
        answer = db.query(sparql, prefixes=_OX_PREFIXES, use_default_graph_as_union=union,
                          substitutions=substitutions)
    except SyntaxError as exc:
        raise _ox_syntax_error(exc, sparql) from None
    except RuntimeError as exc:
        if terms and "projection" in str(exc):
            # pyoxigraph binds projected variables only: let rdflib's engine
            # evaluate over the same Oxigraph data, once rdflib's reading passes.
            check_query(sparql, allow_service=allow_service, engine="rdflib")
            log.info("a bound variable is not in the SELECT clause; evaluating with rdflib "
                     "(slower: add it to the SELECT clause for speed)")
            return rdflib_query(rdflib_graph(), sparql, terms, max_rows, cancel, "oxigraph+rdflib")
        raise QueryError(f"query failed: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            rows, truncated = collect((tuple(s) for s in answer), max_rows, cancel)
            return QueryResult("SELECT", names, rows, truncated=truncated)
        rows, truncated = collect(((t.subject, t.predicate, t.object) for t in answer), max_rows, cancel)
        return QueryResult("CONSTRUCT", rows=rows, truncated=truncated)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    finally:
        answer = None  # type: ignore[assignment]  # pyoxigraph results must be dropped by the thread that made them


def collect(rows, max_rows, cancel) -> tuple[tuple, bool]:
    out: list[tuple] = []
    for row in rows:
        if cancel is not None and cancel.is_set():
            raise QueryTimeoutError("query cancelled")
        if max_rows is not None and len(out) >= max_rows:
            return tuple(out), True
        out.append(row)
    return tuple(out), False


def rdflib_query(graph, sparql, terms, max_rows, cancel, engine) -> QueryResult:
    from rdflib.plugins.sparql import prepareQuery  # pyparsing: loaded only for rdflib's engine

    from .vocab import PREFIXES

    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise _rdflib_syntax_error(exc, sparql) from None
    try:
        answer = graph.query(prepared, initBindings=terms)
        if answer.type == "ASK":
            return QueryResult("ASK", boolean=bool(answer.askAnswer), engine=engine)
        if answer.type == "SELECT":
            names = tuple(str(v) for v in answer.vars)
            rows, truncated = collect((tuple(r) for r in answer), max_rows, cancel)
            return QueryResult("SELECT", names, rows, truncated=truncated, engine=engine)
        rows, truncated = collect(iter(answer.graph), max_rows, cancel)
        return QueryResult("CONSTRUCT", rows=rows, truncated=truncated, engine=engine)
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None


def _ox_syntax_error(exc: SyntaxError, sparql: str) -> QuerySyntaxError:
    message = str(exc)
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    if not m:
        return QuerySyntaxError(message, None, None, sparql)
    line, column, reason = int(m.group(1)), int(m.group(2)), m.group(3)
    return QuerySyntaxError(reason, line, column, sparql)


def _rdflib_syntax_error(exc: Exception, sparql: str) -> QuerySyntaxError:
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    reason = getattr(exc, "msg", None) or str(exc)
    return QuerySyntaxError(str(reason), line, column, sparql)
