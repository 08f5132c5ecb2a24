"""A read-only SPARQL 1.1 Protocol endpoint over a :class:`kg.store.Store`.

``/sparql`` answers ``GET ?query=``, ``POST`` form-encoded (``query=``) and
``POST`` ``application/sparql-query``, with content negotiation (``Accept``,
or ``format=json|xml|csv|tsv``) for the W3C result formats and RDF syntaxes
for CONSTRUCT/DESCRIBE; ``GET /sparql`` without a query answers the SPARQL
service description (:mod:`kg.serve_description`). ``/`` is a small page to
type a query and read the answer as a table. The endpoint

- listens on loopback addresses only (unless ``allow_remote``), answers only
  requests addressed to a loopback host name (a guard against DNS rebinding)
  and refuses requests a page on another site makes the browser send
  (``Origin``, ``Sec-Fetch-Site``) unless ``cors`` lets its origin in
  (:mod:`kg.serve_access`);
- is read-only: SPARQL Update is refused with ``403 Forbidden``, and so is
  ``SERVICE`` (it would let a query make the endpoint fetch other
  addresses), decided on the query's tokens by :func:`kg.guard.check_query`,
  which also refuses queries too long or nested too deep to parse safely
  (``413``);
- answers each query in a worker process (:class:`kg.pool.QueryPool`) that is
  killed at ``timeout`` seconds (``503``) and capped at ``memory_mb`` MiB
  (``503``); at most ``max_concurrent`` queries run at once (``503`` when
  busy) and a killed query's slot comes back at once; answers are capped at
  ``max_rows`` rows (the header ``X-KG-Truncated: true`` says so);
- reads a request body only when its ``Content-Length`` is one decimal number
  of at most 1 MiB (``400``, ``411``, ``413`` otherwise, without reading it),
  and never echoes a body back or writes one to the log;
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
>>> server.shutdown(); server.server_close()  # also ends the query workers
"""

from __future__ import annotations

import html
import logging
import re
import socket
import threading
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import KGError, QueryError, QueryLimitError, QueryMemoryError, QueryRefusedError
from .formats import graph_answer_syntax, rdf_syntax, result_format
from .guard import check_query
from .pool import QueryPool
from .query import QuerySyntaxError, QueryTimeoutError
from .serve_access import Access, is_loopback, normalise_origin
from .serve_description import endpoint_url, service_description
from .serve_negotiate import GRAPH_SYNTAXES, GRAPH_TYPES, RESULT_TYPES, negotiate
from .serve_page import PAGE_HEADERS, html_result, page, shipped_query_text
from .store import QueryResult, Store

__all__ = ["make_server"]

log = logging.getLogger("kg.serve")

_MAX_BODY = 1 << 20
_GRAPH_RESULTS = {"CONSTRUCT", "DESCRIBE"}
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(32), 127)}
#: The status of each error a query may end with, most specific first.
_STATUS = (
    (QuerySyntaxError, HTTPStatus.BAD_REQUEST), (QueryRefusedError, HTTPStatus.FORBIDDEN),
    (QueryTimeoutError, HTTPStatus.SERVICE_UNAVAILABLE), (QueryMemoryError, HTTPStatus.SERVICE_UNAVAILABLE),
    (QueryLimitError, HTTPStatus.REQUEST_ENTITY_TOO_LARGE), (QueryError, HTTPStatus.BAD_REQUEST),
)  # fmt: skip


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, handler, *, store: Store, timeout: float, max_rows: int,
                 max_concurrent: int, memory_mb: int | None, access: Access) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, handler)
        self.triples = len(store)
        self.access = access
        self.query_timeout = timeout
        self.max_rows = max_rows
        self.slots = threading.BoundedSemaphore(max_concurrent)
        try:
            self.pool = QueryPool(store, size=max_concurrent, memory_mb=memory_mb, render=_render)
        except BaseException:
            self.socket.close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(store: Store, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                max_rows: int = 10_000, max_concurrent: int = 4, memory_mb: int | None = 1024,
                allow_remote: bool = False, cors: Sequence[str] = ()) -> ThreadingHTTPServer:
    """A SPARQL endpoint for ``store``, bound and ready for ``serve_forever()``.

    It forks its query workers (:class:`kg.pool.QueryPool`) at once: make it
    before starting threads, and end it with ``server_close()``.

    Parameters
    ----------
    store : kg.store.Store
        The data; it is only read.
    host : str
        A loopback address (``127.0.0.1``, ``::1`` or ``localhost``); any other address
        only with ``allow_remote``.
    port : int
        TCP port; 0 picks a free one (read it from ``server.server_address``).
    timeout : float
        Seconds a query may run; it is then killed.
    max_rows : int
        Rows returned at most per answer.
    max_concurrent : int
        Queries running at once (one worker process each).
    memory_mb : int or None
        Memory a query may use, in MiB, besides the data; ``None``: no cap.
    allow_remote : bool
        Listen on ``host`` even if it is not a loopback address (``0.0.0.0``: every
        interface). Whoever reaches the port can then read the store, and the ``Host``
        check against DNS rebinding is off (:mod:`kg.serve_access`).
    cors : sequence of str
        Origins (``https://tool.example``; ``*`` for any) whose web pages may query the
        endpoint and read its answers (CORS); pages of other sites stay refused.

    Raises
    ------
    KGError
        When ``host`` is not a loopback address and ``allow_remote`` is false, or an
        origin of ``cors`` is no origin.
    """
    remote = not is_loopback(host)
    if remote and not allow_remote:
        raise KGError(f"kg serve listens on loopback addresses only, not {host!r} "
                      "(allow_remote=True, or --host, to listen beyond this machine)")
    try:
        access = Access(remote=remote, cors=frozenset(normalise_origin(o) for o in cors))
    except ValueError as exc:
        raise KGError(str(exc)) from None
    if host == "localhost":
        host = "127.0.0.1"
    return _Server((host, port), _Handler, store=store, timeout=timeout, max_rows=max_rows,
                   max_concurrent=max_concurrent, memory_mb=memory_mb, access=access)


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str, *, close: bool = False) -> None:
        super().__init__(message)
        self.status, self.close = status, close


def _refusal(exc: BaseException) -> _Refused:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return _Refused(status, str(exc))
    return _Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")


@dataclass(frozen=True, slots=True)
class _Answer:
    """An answer as a worker renders it: the server only sends ``text``."""

    type: str
    truncated: bool
    text: str | None  # None: no format the client accepts fits this type of answer


def _render(result: QueryResult, wanted: tuple[str | None, str | None] | str) -> _Answer:
    """Runs in a query worker: ``wanted`` is ``"html"`` or (result format, graph format)."""
    if wanted == "html":
        return _Answer(result.type, result.truncated, html_result(result))
    fmt = wanted[1] if result.type in _GRAPH_RESULTS else wanted[0]
    return _Answer(result.type, result.truncated, None if fmt is None else result.serialize(fmt))


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may stay silent mid-request
    disable_nagle_algorithm = True  # headers and body are two writes: do not hold the second 40 ms

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        text = format % args
        text = text if len(text) <= 300 else text[:300] + "..."  # a GET's query can be 64 KiB
        log.info("%s %s", self.address_string(), text.translate(_CONTROL))

    # -- plumbing -----------------------------------------------------------------------
    def _send(self, status: HTTPStatus, body: str, content_type: str, extra: dict | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        cors = self.server.access.cors_headers(self.headers.get("Origin"))
        if "Vary" in cors and extra and "Vary" in extra:
            cors["Vary"] = f"{extra['Vary']}, {cors['Vary']}"
        for key, value in ({**(extra or {}), **cors}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: HTTPStatus, message: str, *, close: bool = False) -> None:
        if close:  # a body left unread cannot be told from the next request
            self.close_connection = True
        self._send(status, message.rstrip("\n") + "\n", "text/plain", {"Connection": "close"} if close else None)

    def _host_ok(self) -> bool:
        return self.server.access.host_ok(self.headers.get("Host"))

    def _origin_ok(self) -> bool:
        """False for what a page on another site had the browser send (a form it posts),
        unless ``--cors`` let its origin in."""
        return self.server.access.origin_ok(self.headers.get("Origin"), self.headers.get("Sec-Fetch-Site"))

    def _body(self) -> bytes:
        """The request body, read only if its length is declared, well-formed and small."""
        if self.headers.get("Transfer-Encoding") is not None:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length", close=True)
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            return b""
        text = lengths[0].strip()
        if len(lengths) > 1 or not _DIGITS.fullmatch(text):
            raise _Refused(HTTPStatus.BAD_REQUEST, "Content-Length must be one non-negative whole number",
                           close=True)
        if len(text) > 18 or int(text) > _MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                           f"request body too large (at most {_MAX_BODY:,} bytes)", close=True)
        return self.rfile.read(int(text))

    def _params(self) -> dict[str, list[str]]:
        url = urllib.parse.urlsplit(self.path)
        params = _parse_qs(url.query)
        if self.command == "POST":
            body = self._body().decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
            if ctype == "application/sparql-query":
                params.setdefault("query", []).append(body)
            elif ctype == "application/x-www-form-urlencoded":
                for key, values in _parse_qs(body).items():
                    params.setdefault(key, []).extend(values)
            else:
                raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                               "POST application/sparql-query or application/x-www-form-urlencoded")
        if "update" in params:
            raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
        return params

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_OPTIONS(self) -> None:  # noqa: N802
        """A CORS preflight: answered for origins ``--cors`` let in, refused otherwise."""
        origin = self.headers.get("Origin")
        if not self._host_ok() or not self.server.access.allowed_origin(origin):
            self._error(HTTPStatus.FORBIDDEN, "no cross-origin requests from this origin")
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        for key, value in self.server.access.cors_headers(origin, preflight=True).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def _dispatch(self) -> None:
        unread = self.command == "POST"
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "requests must be addressed to a loopback host name", close=unread)
            return
        if not self._origin_ok():
            self._error(HTTPStatus.FORBIDDEN, "requests from pages on other sites are refused", close=unread)
            return
        route = urllib.parse.urlsplit(self.path).path
        try:
            if route == "/sparql":
                self._sparql(self._params())
            elif route in {"/", "/index.html"}:
                self._page(self._params())
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the page is /",
                            close=unread)
        except _Refused as exc:
            self._error(exc.status, str(exc), close=exc.close)

    # -- queries ------------------------------------------------------------------------
    def _answer(self, sparql: str, wanted) -> _Answer:
        """Run one query within the server's limits, in a worker process."""
        try:
            check_query(sparql)  # refused here, a query never reaches a worker
        except QueryError as exc:
            raise _refusal(exc) from None
        if not self.server.slots.acquire(timeout=1.0):
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, "busy: too many queries running; retry later")
        try:
            return self.server.pool.query(sparql, max_rows=self.server.max_rows,
                                          timeout=self.server.query_timeout, wanted=wanted)
        except Exception as exc:
            log.info("query refused or failed: %s", str(exc).splitlines()[0][:200])
            raise _refusal(exc) from None
        finally:
            self.server.slots.release()  # the worker has answered or been killed

    def _describe(self) -> None:
        """The SPARQL service description (:mod:`kg.serve_description`), in a graph syntax."""
        media, name = negotiate(self.headers.get("Accept"), GRAPH_TYPES) or ("text/turtle", "turtle")
        syntax = rdf_syntax(name)
        assert syntax is not None  # GRAPH_TYPES names kg's syntaxes
        host, port = str(self.server.server_address[0]), self.server.server_address[1]
        bracketed = f"[{host}]" if ":" in host else host
        endpoint = endpoint_url(self.headers.get("Host"), f"{bracketed}:{port}")
        text = service_description(endpoint, triples=self.server.triples, format=syntax.rdflib)
        self._send(HTTPStatus.OK, text, media, {"Vary": "Accept"})

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "query" not in params and self.command in ("GET", "HEAD"):
            self._describe()
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise _Refused(HTTPStatus.BAD_REQUEST, "give exactly one query (query=...)")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise _Refused(HTTPStatus.BAD_REQUEST,
                           "default-graph-uri and named-graph-uri are not supported: "
                           "the default graph is the union of all graphs")
        wanted = (params.get("format") or [""])[0].lower()
        accept = self.headers.get("Accept")
        asked, syntax = result_format(wanted), graph_answer_syntax(wanted)
        results = (asked.media_type, asked.name) if asked else negotiate(accept, RESULT_TYPES)
        graph = (syntax.media_type, syntax.name) if syntax in GRAPH_SYNTAXES else negotiate(accept, GRAPH_TYPES)
        answer = self._answer(queries[0], (results and results[1], graph and graph[1]))
        if answer.text is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, "acceptable types: " + ", ".join(
                GRAPH_TYPES if answer.type in _GRAPH_RESULTS else RESULT_TYPES))
        extra = {"X-KG-Truncated": "true"} if answer.truncated else {}
        extra["Vary"] = "Accept"
        chosen = graph if answer.type in _GRAPH_RESULTS else results
        assert chosen is not None  # no type acceptable: no text, refused above
        media = chosen[0]
        self._send(HTTPStatus.OK, answer.text, media, extra)

    # -- the page -----------------------------------------------------------------------
    def _page(self, params: dict[str, list[str]]) -> None:
        name = (params.get("name") or [""])[0]
        sparql = (params.get("query") or [""])[0] or shipped_query_text(name)
        answer, status = "", HTTPStatus.OK
        if sparql.strip() and "query" in params:
            try:
                answer = self._answer(sparql, "html").text or ""
            except _Refused as exc:
                status = exc.status
                answer = f'<pre class="error">{html.escape(str(exc))}</pre>'
        body = page(triples=self.server.triples, sparql=sparql, answer=answer, max_rows=self.server.max_rows,
                    timeout=self.server.query_timeout)
        self._send(status, body, "text/html", PAGE_HEADERS)


_DIGITS = re.compile(r"[0-9]+")


def _parse_qs(text: str) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, max_num_fields=100)
    except ValueError:
        raise _Refused(HTTPStatus.BAD_REQUEST, "too many parameters (at most 100)") from None
