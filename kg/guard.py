"""Checks on a SPARQL query made before any parser reads it.

Both SPARQL parsers kg runs recurse: a query nested deeply enough overflows
their stack and ends the process (pyoxigraph) or raises ``RecursionError``
(rdflib). Both engines also fetch other addresses when asked to: ``SERVICE``
makes a request to any URL, and rdflib's engine fetches the graphs a
``FROM`` or ``FROM NAMED`` clause names. :func:`check_query` reads the query
once, in linear time and without recursion, and refuses

- a query longer than :data:`MAX_LENGTH` characters, or whose brackets
  (``(``, ``[``, ``{``, ``<<``) nest deeper than :data:`MAX_DEPTH`
  (:class:`~kg.errors.QueryLimitError`);
- a ``SERVICE`` clause, and with rdflib's engine a ``FROM`` clause, unless
  network access is allowed (:class:`~kg.errors.QueryRefusedError`).

The decision is made on SPARQL's tokens, read by the rules pyoxigraph's
parser reads them with (comments end at a line feed *or* a carriage return;
a keyword needs no space before it, as in ``0.9SERVICE``; a prefixed name
whose prefix is undeclared is read again as a keyword, as in
``service:x``), and for rdflib's engine also as rdflib reads them (``\\u``
escapes expanded first, comments ending at a line feed only). Where the two
readings of ``<`` (an IRI or "less than") could differ, both are accounted
for: every bracket either reading opens counts, and a closing bracket counts
only where both readings agree it is code. A query whose tokens are
ambiguous or malformed (an unterminated string, ``'`` inside ``<...>``) is
refused as a syntax error. rdflib's own parser is no substitute: it ends
comments at line feeds only (so ``#<CR>SERVICE`` hides a clause from it
that pyoxigraph runs), rejects ``0.9SERVICE``, takes 20-120 ms on kg's
shipped queries and fails at about 30 nested parentheses.

Examples
--------
>>> check_query("SELECT ?service WHERE { ?service rdfs:label 'SERVICE' } # SERVICE")
>>> check_query("SELECT * WHERE { #\\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryRefusedError: SERVICE (a federated query) is refused: it would make kg fetch other addresses
>>> check_query("SELECT * WHERE { FILTER(" + "(" * 100 + "1" + ")" * 100 + ") }")
Traceback (most recent call last):
...
kg.errors.QueryLimitError: the query nests brackets 102 deep; at most 64 are allowed
"""

from __future__ import annotations

import functools
import os
import queue
import re
import threading
from collections.abc import Callable
from typing import Any

from .errors import QueryLimitError, QueryMemoryError, QueryRefusedError
from .errors import QuerySyntaxError

__all__ = ["MAX_DEPTH", "MAX_LENGTH", "check_query"]

#: Characters a query may have (64 KiB of text; kg's shipped queries have under 2,000).
MAX_LENGTH = 65_536
#: Brackets a query may nest; kg's shipped queries nest 4 deep.
MAX_DEPTH = 64
#: The stack of the thread a query runs in. With it, pyoxigraph's parser survives any
#: query of MAX_LENGTH characters, even one the depth check cannot see, such as a flat
#: chain ``1+1+...`` (no bracket, yet it recurses). Measured: an 8 MiB stack overflows at
#: 2,200 nested braces or 6,800 chained ``+``, 256 MiB at 68,000 and 287,000; 448 MiB
#: takes 65,536 braces. Only the pages a query touches are used. (Exactly 512 MiB makes
#: starting a thread 25x slower, 3.5 ms instead of 0.14 ms, on Linux/glibc.)
QUERY_STACK = 448 << 20

_ESC = r"""\\(?:[tbnrf"'\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"""
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKENS = r"""
 (?P<ws>[ \t\r\n]+)
|(?P<comment>\#[^{eol}]*)
|(?P<string>'''(?:(?:''|')?(?:[^'\\]|{esc}))*'''|\"\"\"(?:(?:""|")?(?:[^"\\]|{esc}))*\"\"\"
           |'(?:[^'\\\r\n]|{esc})*'|"(?:[^"\\\r\n]|{esc})*")
|(?P<iri><(?:[^\x00-\x20<>"{{}}|^`\\]|{uchar})*>)
|(?P<var>[?$][0-9A-Za-z_\u00b7-\U0010ffff]*)
|(?P<name>(?:[0-9A-Za-z_.:%\-\u0080-\U0010ffff]|\\.)+)
|(?P<open>[(\[{{])
|(?P<close>[)\]}}])
|(?P<quote>['"])
|(?P<other>.)
"""


@functools.cache
def _tokens(eol: str) -> re.Pattern[str]:
    """The tokens as pyoxigraph reads them (``eol`` CR LF), or as rdflib does (comments end at
    LF only); compiled on first use (about 15 ms each: ``kg query`` pays only pyoxigraph's)."""
    return re.compile(_TOKENS.format(eol=eol, esc=_ESC, uchar=_UCHAR), re.VERBOSE | re.DOTALL)


_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_WATCHED = ("SERVICE", "FROM")


def check_query(sparql: str, *, allow_service: bool = False, engine: str = "oxigraph") -> None:
    """Refuse a query that is too long, nested too deep, or would fetch other addresses.

    Parameters
    ----------
    sparql : str
        The query text.
    allow_service : bool
        Let ``SERVICE`` (and, with rdflib's engine, ``FROM``) through.
    engine : {"oxigraph", "rdflib"}
        The engine that will read the query; rdflib's reads it differently
        and fetches ``FROM`` graphs.

    Raises
    ------
    QueryLimitError
        Longer than :data:`MAX_LENGTH` or nested deeper than :data:`MAX_DEPTH`.
    QueryRefusedError
        ``SERVICE``, or ``FROM`` with rdflib's engine, without ``allow_service``.
    QuerySyntaxError
        Tokens that are malformed or could be read two ways.

    Examples
    --------
    >>> check_query("PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { service:x { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRefusedError: SERVICE (a federated query) is refused: it would make kg fetch other addresses
    >>> check_query("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }")
    >>> check_query("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", engine="rdflib")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRefusedError: FROM is refused with the rdflib engine: rdflib would fetch the graphs it names
    """
    if len(sparql) > MAX_LENGTH:
        raise QueryLimitError(f"the query has {len(sparql):,} characters; at most {MAX_LENGTH:,} are allowed")
    if engine == "rdflib":
        try:
            text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
        except (ValueError, OverflowError):
            raise QuerySyntaxError("a \\U escape names no Unicode character", None, None) from None
        depth, found = _scan(text, _tokens(r"\n"), "\n")
    else:
        depth, found = _scan(sparql, _tokens(r"\r\n"), "\r\n")
    if depth > MAX_DEPTH:
        raise QueryLimitError(f"the query nests brackets {depth} deep; at most {MAX_DEPTH} are allowed")
    if allow_service:
        return
    if "SERVICE" in found:
        raise QueryRefusedError("SERVICE (a federated query) is refused: it would make kg fetch other addresses")
    if "FROM" in found and engine == "rdflib":
        raise QueryRefusedError("FROM is refused with the rdflib engine: rdflib would fetch the graphs it names")


def _scan(text: str, tokens: re.Pattern, eol: str) -> tuple[int, set[str]]:
    """The deepest bracket nesting of ``text`` and the watched keywords it has.

    Over-counts rather than under-counts: where ``<...>`` may be an IRI or
    code, its brackets open but never close, and after one holding ``#``
    (code would read a comment from there) closing brackets do not count up
    to the end of the line.
    """
    depth = deepest = 0
    found: set[str] = set()
    shadow = -1  # closing brackets before this offset do not count
    pos, end = 0, len(text)
    while pos < end:
        m = tokens.match(text, pos)
        assert m is not None  # the last alternative, "other", takes any character
        kind, token, pos = m.lastgroup, m.group(), m.end()
        if kind == "open" or (kind == "other" and token == "<" and text.startswith("<", pos)):
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close" or (kind == "other" and token == ">" and text.startswith(">", pos)):
            if kind == "other":
                pos += 1
            if m.start() >= shadow:
                depth = max(depth - 1, 0)
        elif kind == "name":
            found |= _keywords(token)
        elif kind == "iri":
            depth, shadow = _iri(text, m, depth, shadow, found, eol)
            deepest = max(deepest, depth)
        elif kind == "string" and m.start() < shadow < pos:
            raise _syntax(text, m.start(), "a string that starts after '<...#' and runs past the line "
                                           "is ambiguous: end the line after '>'")
        elif kind == "quote":
            raise _syntax(text, m.start(), "a string is not closed on its line, or holds a bad escape")
    return deepest, found


def _iri(text: str, m: re.Match, depth: int, shadow: int, found: set[str], eol: str) -> tuple[int, int]:
    """Account for ``<...>`` read as an IRI and as code ("less than", then code).

    Read as code, ``'`` would open a string and ``#`` a comment running past
    the ``>``. That reading matters only if it gets there: an expression
    cannot hold ``//``, so ``<http://...#x>`` is an IRI either way.
    """
    content = m.group()[1:-1]
    depth += sum(content.count(c) for c in "([{")
    stops = [i for i in (content.find("#"), content.find("'")) if i >= 0]
    if not stops or "//" in content[: min(stops)]:
        return depth, shadow
    code = content[: min(stops)]
    if content[len(code)] == "'":
        raise _syntax(text, m.start(), "a ' inside '<...>' is ambiguous: write it %27 in an IRI, "
                                       "or put a space after a '<' that compares")
    if ")" in code:  # code closed the expression '<' was in: keywords may follow
        found |= _keywords(code[code.index(")"):].replace(":", " "))
    line_end = min((i for i in (text.find(c, m.end()) for c in eol) if i >= 0), default=len(text))
    return depth, max(shadow, line_end)


def _keywords(name: str) -> set[str]:
    """The watched keywords a run of name characters may be read as.

    A keyword needs no space before it (``0.9SERVICE``, ``trueSERVICE``), and
    a prefixed name whose prefix is not declared is read again as whatever
    its prefix begins with (``service:x`` as ``SERVICE :x``), so the text
    before the first colon counts, in any case (``ſ`` upper-cases to ``S``).
    """
    head = name.split(":", 1)[0]
    folded = (head.upper(), head.casefold().upper())
    return {word for word in _WATCHED if any(word in f for f in folded)}


def _syntax(text: str, offset: int, reason: str) -> QuerySyntaxError:
    before = text[:offset].splitlines(keepends=True) or [""]
    if before[-1].splitlines() != [before[-1]]:  # the offset starts a line
        before.append("")
    return QuerySyntaxError(reason, len(before), len(before[-1]) + 1, text)


def _run_deep(work: Callable[[], Any], timeout: float | None = None) -> dict[str, Any]:
    """Run ``work`` on a thread with a :data:`QUERY_STACK` stack; wait up to ``timeout``.

    Returns ``{"result": ...}``, ``{"error": exception}``, or ``{}`` if
    ``work`` is still running when ``timeout`` passes. Such threads are kept
    for the next call (starting one costs 0.15 ms, handing it work 0.03 ms);
    called without a timeout from one of them, it runs ``work`` right there.

    >>> _run_deep(lambda: 6 * 7)
    {'result': 42}
    """
    box: dict[str, Any] = {}
    if timeout is None and getattr(_DEEP, "active", False):
        _job(work, box)
        return box
    with _IDLE_LOCK:
        jobs = _IDLE.pop() if _IDLE else None
    if jobs is None:
        jobs = _start_deep_thread()
    done = threading.Event()
    jobs.put((work, box, done))
    return box if done.wait(timeout) else {}


def _job(work: Callable[[], Any], box: dict[str, Any]) -> None:
    try:
        box["result"] = work()
    except BaseException as exc:  # handed to the caller's thread
        box["error"] = exc.with_traceback(None)


def _start_deep_thread() -> queue.SimpleQueue:
    jobs: queue.SimpleQueue = queue.SimpleQueue()

    def serve() -> None:
        _DEEP.active = True
        while True:
            work, box, done = jobs.get()
            _job(work, box)
            del work
            done.set()
            with _IDLE_LOCK:
                if len(_IDLE) >= _KEEP_IDLE:
                    return
                _IDLE.append(jobs)

    with _STACK_LOCK:
        try:
            old = threading.stack_size(QUERY_STACK)
        except (ValueError, RuntimeError):  # a platform that cannot size stacks
            old = None
        try:
            threading.Thread(target=serve, name="kg-query", daemon=True).start()
        except RuntimeError:  # "can't start new thread": no address space left for its stack
            raise QueryMemoryError("query stopped: no memory left to start it") from None
        finally:
            if old is not None:
                threading.stack_size(old)
    return jobs


def _forget_threads() -> None:  # a forked child has none of its parent's threads, or their locks
    global _IDLE_LOCK, _STACK_LOCK
    _IDLE_LOCK, _STACK_LOCK = threading.Lock(), threading.Lock()
    _IDLE.clear()


_KEEP_IDLE = 4
_IDLE: list[queue.SimpleQueue] = []  # the job queues of idle deep threads
_IDLE_LOCK = threading.Lock()
_STACK_LOCK = threading.Lock()
_DEEP = threading.local()  # .active: this thread has a QUERY_STACK stack
os.register_at_fork(after_in_child=_forget_threads)
