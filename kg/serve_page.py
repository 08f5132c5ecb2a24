"""The page ``kg serve`` shows at ``/``: a form to type a query, and its answer as a table.

The page loads nothing (``Content-Security-Policy: default-src 'none'``),
cannot be framed, posts its form only to itself, and escapes every value.
"""

from __future__ import annotations

import html
import urllib.parse

from .query import shipped_queries
from .results import _cell
from .store import QueryResult

__all__ = ["PAGE_HEADERS", "html_result", "page", "shipped_query_text"]

#: Headers sent with the page.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "X-Frame-Options": "DENY",
}


def shipped_query_text(name: str) -> str:
    """The text of the shipped query ``name``, or ``""``.

    >>> shipped_query_text("aligned-with").startswith("#")
    True
    """
    query = shipped_queries().get(name)
    return query.text if query else ""


def page(*, triples: int, sparql: str, answer: str, max_rows: int, timeout: float) -> str:
    """The page, with ``sparql`` in the form and ``answer`` (HTML, already escaped) below it."""
    links = " ".join(
        f'<a href="/?name={urllib.parse.quote(n)}" title="{html.escape(q.description)}">{html.escape(n)}</a>'
        for n, q in shipped_queries().items()
    )
    return _PAGE.format(triples=triples, links=links, query=html.escape(sparql or _DEFAULT_QUERY),
                        answer=answer, max_rows=max_rows, timeout=f"{timeout:g}")


def html_result(result: QueryResult) -> str:
    """An answer as HTML, every value escaped: a table, ``true``/``false``, or Turtle.

    >>> import pyoxigraph as ox
    >>> html_result(QueryResult("SELECT", ("x",), ((ox.Literal("<b>"),),)))
    '<p>1 row(s)</p><table><thead><tr><th>x</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    if result.type == "ASK":
        return f"<p>{'true' if result.boolean else 'false'}</p>"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return f"<pre>{html.escape(result.serialize('turtle'))}</pre>"
    head = "".join(f"<th>{html.escape(v)}</th>" for v in result.vars)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(t))}</td>" for t in row) + "</tr>" for row in result.rows
    )
    note = f"<p>{len(result.rows)} row(s)" + (" — truncated at the row cap" if result.truncated else "") + "</p>"
    return f"{note}<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


_DEFAULT_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5em; }}
textarea {{ width: 100%; height: 16em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
th, td {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }} .error {{ color: #a00; white-space: pre-wrap; }}
nav a {{ margin-right: .6em; }}
</style></head>
<body>
<h1>kg SPARQL</h1>
<p>{triples} triples. kg's prefixes (kgo:, kgr:, rdfs:, skos:, prov:, dcterms:…) need no declaration.
Read-only; answers are capped at {max_rows} rows and {timeout} s. Endpoint for programs: <code>/sparql</code>.</p>
<nav>Shipped queries: {links}</nav>
<form method="get" action="/">
<p><textarea name="query" spellcheck="false">{query}</textarea></p>
<p><button type="submit">Run</button></p>
</form>
{answer}
</body></html>
"""
