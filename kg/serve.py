"""A read-only SPARQL 1.1 Protocol endpoint over a :class:`kg.store.Store`.

``/sparql`` answers ``GET ?query=``, ``POST`` form-encoded (``query=``) and
``POST`` ``application/sparql-query``, with content negotiation (``Accept``,
or ``format=json|xml|csv|tsv``) for the W3C result formats and RDF syntaxes
for CONSTRUCT/DESCRIBE. ``/`` is a small page to type a query and read the
answer as a table. The endpoint

- listens on loopback addresses only and answers only requests addressed to
  a loopback host name (a guard against DNS rebinding);
- is read-only: SPARQL Update is refused with ``403 Forbidden``, and so is
  ``SERVICE`` (federated queries would let a web page make the endpoint
  fetch other addresses);
- stops waiting for a query after ``timeout`` seconds (``503``), caps answers
  at ``max_rows`` rows (the header ``X-KG-Truncated: true`` says so) and runs
  at most ``max_concurrent`` queries at once (``503`` when busy; a query past
  its time keeps its slot until it really ends);
- uses only the standard library's :mod:`http.server`.

Examples
--------
>>> import threading, urllib.request, urllib.parse, json
>>> from kg.store import Store
>>> store = Store().load_data('<http://a> <http://b> "c" .', format="nt")
>>> server = make_server(store, port=0)
>>> thread = threading.Thread(target=server.serve_forever, daemon=True)
>>> thread.start()
>>> url = f"http://127.0.0.1:{server.server_address[1]}/sparql?" + urllib.parse.urlencode(
...     {"query": "SELECT ?o WHERE { ?s ?p ?o }"})
>>> with urllib.request.urlopen(url) as response:
...     json.load(response)["results"]["bindings"]
[{'o': {'type': 'literal', 'value': 'c'}}]
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import html
import ipaddress
import logging
import re
import socket
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import KGError, QueryError
from .query import QuerySyntaxError, QueryTimeoutError, _cell, shipped_queries
from .store import QueryResult, Store

__all__ = ["make_server"]

log = logging.getLogger("kg.serve")

#: Media type -> result format, in order of preference for ``*/*``.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: Media type -> rdflib RDF syntax, for CONSTRUCT and DESCRIBE.
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
_FORMAT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
}  # fmt: skip
_GRAPH_FORMAT_TYPES = {v: k for k, v in GRAPH_TYPES.items()}
_MAX_BODY = 1 << 20


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _accepted(header: str | None) -> list[str]:
    """Media types of an ``Accept`` header, best first."""
    ranked = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(ranked)]


def _negotiate(accept: str | None, kinds: dict[str, str]) -> tuple[str, str] | None:
    for media in _accepted(accept):
        if media in kinds:
            return media, kinds[media]
        if media in {"*/*", "application/*", "text/*"}:
            for known, fmt in kinds.items():
                if media == "*/*" or known.startswith(media[:-1]):
                    return known, fmt
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, handler, *, store: Store, timeout: float, max_rows: int,
                 max_concurrent: int) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, handler)
        self.store = store
        self.query_timeout = timeout
        self.max_rows = max_rows
        self.slots = threading.BoundedSemaphore(max_concurrent)


def make_server(store: Store, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                max_rows: int = 10_000, max_concurrent: int = 4) -> ThreadingHTTPServer:
    """A SPARQL endpoint for ``store``, bound and ready for ``serve_forever()``.

    Parameters
    ----------
    store : kg.store.Store
        The data; it is only read.
    host : str
        A loopback address (``127.0.0.1``, ``::1`` or ``localhost``).
    port : int
        TCP port; 0 picks a free one (read it from ``server.server_address``).
    timeout : float
        Seconds to wait for a query's answer.
    max_rows : int
        Rows returned at most per answer.
    max_concurrent : int
        Queries running at once.

    Raises
    ------
    KGError
        When ``host`` is not a loopback address.
    """
    if not _is_loopback(host):
        raise KGError(f"kg serve listens on loopback addresses only, not {host!r}")
    if host == "localhost":
        host = "127.0.0.1"
    return _Server((host, port), _Handler, store=store, timeout=timeout, max_rows=max_rows,
                   max_concurrent=max_concurrent)


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        log.info("%s %s", self.address_string(), format % args)

    # -- plumbing -----------------------------------------------------------------------
    def _send(self, status: HTTPStatus, body: str, content_type: str, extra: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, message.rstrip("\n") + "\n", "text/plain")

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip()
        if host.startswith("["):
            name = host[1 : host.find("]")] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return _is_loopback(name)

    def _params(self) -> dict[str, list[str]]:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            if length > _MAX_BODY:
                raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
            if ctype == "application/sparql-query":
                params.setdefault("query", []).append(body)
            elif ctype == "application/x-www-form-urlencoded":
                for key, values in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            else:
                raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "POST application/sparql-query or application/x-www-form-urlencoded")
        if "update" in params:
            raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        return params

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def _dispatch(self) -> None:
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "requests must be addressed to a loopback host name")
            return
        route = urllib.parse.urlsplit(self.path).path
        try:
            if route == "/sparql":
                self._sparql(self._params())
            elif route in {"/", "/index.html"}:
                self._page(self._params())
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the page is /")
        except _Refused as exc:
            self._error(exc.status, str(exc))

    # -- queries ------------------------------------------------------------------------
    def _answer(self, sparql: str) -> QueryResult:
        """Run one query within the server's limits."""
        if _uses_service(sparql):
            raise _Refused(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is disabled on this endpoint")
        if not self.server.slots.acquire(timeout=1.0):
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, "busy: too many queries running; retry later")
        box: dict = {}
        cancel = threading.Event()

        def work() -> None:
            try:
                box["result"] = self.server.store.query(sparql, max_rows=self.server.max_rows, cancel=cancel)
            except BaseException as exc:  # handed to the request thread
                box["error"] = exc.with_traceback(None)
            finally:
                self.server.slots.release()  # only when the query has really ended

        worker = threading.Thread(target=work, name="kg-serve-query", daemon=True)
        worker.start()
        worker.join(self.server.query_timeout)
        if worker.is_alive():
            cancel.set()
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE,
                           f"query timed out after {self.server.query_timeout:g} s")
        if "error" in box:
            exc = box["error"]
            if isinstance(exc, QueryTimeoutError):
                raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            if isinstance(exc, QuerySyntaxError):
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc))
            if isinstance(exc, QueryError):
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc))
            raise _Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
        return box["result"]

    def _sparql(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise _Refused(HTTPStatus.BAD_REQUEST, "give exactly one query (query=...)")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise _Refused(HTTPStatus.BAD_REQUEST,
                           "default-graph-uri and named-graph-uri are not supported: "
                           "the default graph is the union of all graphs")
        result = self._answer(queries[0])
        wanted = (params.get("format") or [""])[0].lower()
        extra = {"X-KG-Truncated": "true"} if result.truncated else {}
        extra["Vary"] = "Accept"
        if result.type in {"CONSTRUCT", "DESCRIBE"}:
            fmt = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "xml": "xml",
                   "json": "json-ld", "json-ld": "json-ld"}.get(wanted)
            chosen = (_GRAPH_FORMAT_TYPES[fmt], fmt) if fmt else _negotiate(self.headers.get("Accept"), GRAPH_TYPES)
        else:
            chosen = (_FORMAT_TYPES[wanted], wanted) if wanted in _FORMAT_TYPES else \
                _negotiate(self.headers.get("Accept"), RESULT_TYPES)
        if chosen is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE,
                           "acceptable types: " + ", ".join(GRAPH_TYPES if result.type in {"CONSTRUCT", "DESCRIBE"}
                                                            else RESULT_TYPES))
        media, fmt = chosen
        self._send(HTTPStatus.OK, result.serialize(fmt), media, extra)

    # -- the page -----------------------------------------------------------------------
    def _page(self, params: dict[str, list[str]]) -> None:
        shipped = shipped_queries()
        name = (params.get("name") or [""])[0]
        sparql = (params.get("query") or [""])[0]
        if not sparql and name in shipped:
            sparql = shipped[name].text
        answer, status = "", HTTPStatus.OK
        if sparql.strip() and "query" in params:
            try:
                answer = _html_result(self._answer(sparql))
            except _Refused as exc:
                status = exc.status
                answer = f'<pre class="error">{html.escape(str(exc))}</pre>'
        links = " ".join(
            f'<a href="/?name={urllib.parse.quote(n)}" title="{html.escape(q.description)}">{html.escape(n)}</a>'
            for n, q in shipped.items()
        )
        body = _PAGE.format(
            triples=len(self.server.store), links=links, query=html.escape(sparql or _DEFAULT_QUERY),
            answer=answer, max_rows=self.server.max_rows, timeout=f"{self.server.query_timeout:g}",
        )
        self._send(status, body, "text/html", {
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
            "X-Frame-Options": "DENY",
        })


_NOT_CODE = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*'''
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)


def _uses_service(sparql: str) -> bool:
    """True if the query has a SERVICE clause (outside strings, IRIs and comments).

    >>> _uses_service('SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }')
    True
    >>> _uses_service('SELECT ?service WHERE { ?service rdfs:label "SERVICE" } # service')
    False
    """
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", sparql)))


def _html_result(result: QueryResult) -> str:
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
