"""SPARQL results as text: an aligned table for people, and the W3C SPARQL 1.1 result formats
(CSV, TSV, JSON, XML) for tools, from an rdflib :class:`~rdflib.query.Result` or a
:class:`kg.store.QueryResult`. IRIs in a table are shortened with kg's prefixes
(:data:`kg.vocab.PREFIXES`). Neither rdflib nor pyoxigraph is imported: an rdflib term or
result can only be given once rdflib is loaded, so rdflib's classes are looked for among
the loaded modules (``kg query`` then never loads rdflib).

Examples
--------
>>> from kg.store import Store
>>> store = Store().load_data('<https://w3id.org/newskg/id/iran> <http://www.w3.org/2000/01/rdf-schema#label> "Iran" .')
>>> result = store.query("SELECT ?s ?label WHERE { ?s rdfs:label ?label }")
>>> print(format_table(result))
s         label
--------  -----
kgr:iran  Iran
>>> format_result(result, "csv").splitlines()  # CRLF line ends, as the W3C format says
['s,label', 'https://w3id.org/newskg/id/iran,Iran']
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import TYPE_CHECKING, Any, Union

from .errors import QueryError
from .formats import result_format
from .prefixes import PREFIX_IRIS, XSD_IRI

if TYPE_CHECKING:
    from rdflib.query import Result

    from .store import QueryResult

#: A SPARQL answer: rdflib's, or kg's Oxigraph store's.
Answer = Union["Result", "QueryResult"]

__all__ = ["format_result", "format_table"]


# -- formatting --------------------------------------------------------------------------
_XSD_STRING = XSD_IRI + "string"


def _parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """(kind, value, datatype, language) of an rdflib or pyoxigraph term."""
    rdflib = sys.modules.get("rdflib")  # an rdflib term exists only once rdflib is loaded
    if rdflib is not None:
        if isinstance(term, rdflib.URIRef):
            return "uri", str(term), None, None
        if isinstance(term, rdflib.BNode):
            return "bnode", str(term), None, None
        if isinstance(term, rdflib.Literal):
            dt = None if term.language else (str(term.datatype) if term.datatype else None)
            return "literal", str(term), None if dt == _XSD_STRING else dt, term.language
    kind = type(term).__name__
    if kind == "NamedNode":
        return "uri", term.value, None, None
    if kind == "BlankNode":
        return "bnode", term.value, None, None
    if kind == "Literal":
        dt = None if term.language else term.datatype.value
        return "literal", term.value, None if dt == _XSD_STRING else dt, term.language
    return "literal", str(term), None, None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    kind, text, _, _ = _parts(value)
    if kind == "uri":
        for prefix, ns in PREFIX_IRIS.items():
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
        return text
    if kind == "bnode":
        return f"_:{text}"
    return " ".join(text.split())


def _is_native(result: Answer) -> bool:
    """Whether ``result`` is kg's :class:`~kg.query_result.QueryResult`, not rdflib's Result."""
    query = sys.modules.get("rdflib.query")  # rdflib's Result exists only once it is loaded
    return query is None or not isinstance(result, query.Result)


def format_table(result: Answer) -> str:
    """An aligned plain-text table of a SELECT (or ASK) result.

    ``result`` is an rdflib :class:`~rdflib.query.Result` or a
    :class:`kg.store.QueryResult`; a graph result prints as Turtle.
    """
    res: Any = result  # rdflib's Result or a QueryResult: told apart by _is_native
    if res.type == "ASK":
        answer = res.boolean if _is_native(res) else res.askAnswer
        return "true" if answer else "false"
    if res.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = res.to_rdflib().graph if _is_native(res) else res.graph
        return graph.serialize(format="turtle")
    names = [str(v) for v in res.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in res]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    if _is_native(res) and res.truncated:
        lines.append(f"(first {len(rows)} rows shown)")
    return "\n".join(lines)


def format_result(result: Answer, fmt: str = "table") -> str:
    """A result as ``table``, or the W3C SPARQL 1.1 formats ``csv``, ``tsv``, ``json``, ``xml``.

    ``result`` is an rdflib :class:`~rdflib.query.Result` or a :class:`kg.store.QueryResult`.
    """
    res: Any = result  # rdflib's Result or a QueryResult: told apart by _is_native
    if fmt == "table":
        return format_table(res)
    if _is_native(res):
        return res.serialize(fmt)
    if fmt == "tsv":
        if res.type != "SELECT":
            raise QueryError("TSV results are for SELECT queries")
        lines = ["\t".join(f"?{v}" for v in res.vars)]
        lines += ["\t".join("" if row[i] is None else row[i].n3() for i in range(len(res.vars))) for row in res]
        return "\n".join(lines) + "\n"
    known = result_format(fmt)
    if known is not None:
        data = res.serialize(format=known.rdflib)
        return data.decode("utf-8") if isinstance(data, bytes) else data
    raise QueryError(f"unknown result format {fmt!r} (table, csv, tsv, json, xml)")


# W3C SPARQL 1.1 result formats for kg.store.QueryResult (SELECT and ASK).
def _json(result: QueryResult) -> str:
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


def _xml(result: QueryResult) -> str:
    from xml.sax.saxutils import escape, quoteattr  # imports urllib and email: 40 ms at start-up

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


def _csv(result: QueryResult) -> str:
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
_TSV_BARE = {XSD_IRI + name for name in ("integer", "decimal", "double", "boolean")}


def _tsv_term(term: Any) -> str:
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


def _tsv(result: QueryResult) -> str:
    if result.type == "ASK":
        return ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
