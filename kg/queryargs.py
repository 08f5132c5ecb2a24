"""What a query is given before it runs: its text (a shipped query's name, a ``.rq`` file or
SPARQL), and the values bound to its variables. Used alike by ``kg query`` and
:meth:`kg.KnowledgeGraph.query`, so a shipped query works by name in both.

Checks made here, before any engine sees the query:

- a name that is no shipped query and no file is an error that suggests the closest name
  (``"no shipped query named 'atacks-on'; did you mean 'attacks-on'?"``);
- an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``...) is refused: kg's queries are read-only;
- a binding for a variable the query does not use is an error (it would bind nothing and
  return every row);
- a plain string bound to a variable, when it is the key of an entity in the graph
  (``harir-air-base``, as the HTML view shows keys), is taken as that entity's ``kgr:`` IRI,
  unless the query's ``# Parameters`` line documents the variable as a string or a number.

Examples
--------
>>> sparql, values = prepare("attacks-on", {"target": "harir-air-base"},
...                          is_entity={"harir-air-base"}.__contains__)
>>> values
{'target': rdflib.term.URIRef('https://w3id.org/newskg/id/harir-air-base')}
>>> prepare("atacks-on", {})
Traceback (most recent call last):
...
kg.errors.QueryError: no shipped query named 'atacks-on'; did you mean 'attacks-on'? (kg query --list shows them)
>>> prepare("INSERT DATA { <http://a> <http://b> <http://c> }", {})
Traceback (most recent call last):
...
kg.errors.QueryRefusedError: kg's queries are read-only: INSERT is an update (use SELECT, ASK, CONSTRUCT or DESCRIBE)
>>> prepare("SELECT ?target WHERE { ?a ?b ?target }", {"tgt": "x"})
Traceback (most recent call last):
...
kg.errors.QueryError: the query has no variable ?tgt to bind (its variables: ?a, ?b, ?target)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import QueryError, QueryRefusedError
from .query import read_query, shipped_queries

__all__ = ["prepare", "query_variables", "resolve_named_query", "string_parameters"]

_NAME = re.compile(r"[A-Za-z][\w.-]*")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
#: Comments, strings and IRIs: removed before looking for keywords and variables.
_NOISE = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>')
_KEY = re.compile(r"[a-z0-9][a-z0-9./-]*")


def resolve_named_query(name_or_text: str) -> str:
    """The text of a shipped query (its name in any case), a ``.rq`` file, or inline SPARQL.

    A single word that names neither a shipped query nor a file is an error with the
    closest shipped names.

    >>> resolve_named_query("Find-Actor").startswith("# Find an actor")
    True
    >>> resolve_named_query("whoaccused")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: no shipped query named 'whoaccused'; did you mean 'who-accused-whom'? (kg query --list shows them)
    """
    shipped = shipped_queries()
    text = name_or_text.strip()
    if _NAME.fullmatch(text) and not _is_file(text):
        by_lower = {n.lower(): q for n, q in shipped.items()}
        if text.lower() in by_lower:
            return by_lower[text.lower()].text
        close = difflib.get_close_matches(text.lower(), list(shipped), n=2, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise QueryError(f"no shipped query named {text!r}{hint} (kg query --list shows them)")
    return read_query(name_or_text)


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except OSError:
        return False


def _code(sparql: str) -> str:
    """The query without comments, strings and IRIs."""
    return _NOISE.sub(" ", sparql)


def _refuse_update(sparql: str) -> None:
    code = _code(sparql)
    prologue = re.compile(r"\s*(?:BASE\s*|PREFIX\s+[\w.-]*:\s*)", re.I)
    pos = 0
    while m := prologue.match(code, pos):
        if m.end() == pos:
            break
        pos = m.end()
    word = re.match(r"\s*([A-Za-z]+)", code[pos:])
    if word and word.group(1).upper() in _UPDATES:
        raise QueryRefusedError(f"kg's queries are read-only: {word.group(1).upper()} is an update "
                                "(use SELECT, ASK, CONSTRUCT or DESCRIBE)")


def query_variables(sparql: str) -> set[str]:
    """The names of the variables a query mentions (``?x`` or ``$x``), comments and strings aside.

    >>> sorted(query_variables('SELECT ?a WHERE { ?a <http://x?y=1> "?no" } # ?nor'))
    ['a']
    """
    return set(re.findall(r"[?$]([A-Za-z_0-9]\w*)", _code(sparql)))


def string_parameters(sparql: str) -> set[str]:
    """The variables a query's ``# Parameters`` comment documents as strings or numbers: a
    bare key bound to one stays a literal.

    >>> sorted(string_parameters(resolve_named_query("find-actor")))
    ['name']
    >>> sorted(string_parameters(resolve_named_query("attacks-on")))
    []
    """
    found = set()
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        if line.lstrip("# ").lower().startswith("parameters"):
            for var, note in re.findall(r"\?(\w+)\s*\(([^)]*)\)", line):
                if re.search(r"\b(a string|an integer|a number|a date)\b", note):
                    found.add(var)
    return found


def prepare(name_or_text: str, bindings: Mapping[str, Any], *,
            is_entity: Callable[[str], bool] | None = None) -> tuple[str, dict[str, Any]]:
    """The query's text and its checked bindings, ready for :meth:`kg.store.Store.query`.

    Parameters
    ----------
    name_or_text : str
        A shipped query's name, a ``.rq`` file or SPARQL.
    bindings : mapping
        Variable name (``?`` or ``$`` optional) to value.
    is_entity : callable, optional
        Whether a key names an entity of the graph; a plain string (or plain literal) that
        does is bound as its ``kgr:`` IRI.

    Raises
    ------
    QueryError
        An unknown query name, or a binding for a variable the query does not use.
    QueryRefusedError
        An update.
    """
    sparql = resolve_named_query(name_or_text)
    _refuse_update(sparql)
    names = {k.lstrip("?$"): v for k, v in bindings.items()}
    variables = query_variables(sparql)
    unknown = sorted(set(names) - variables)
    if unknown:
        listed = ", ".join(f"?{v}" for v in sorted(variables)) or "none"
        raise QueryError(f"the query has no variable {', '.join('?' + u for u in unknown)} to bind "
                         f"(its variables: {listed})")
    literal_only = string_parameters(sparql)
    out = {}
    for name, value in names.items():
        text = _plain_text(value)
        if (is_entity is not None and name not in literal_only and text is not None
                and _KEY.fullmatch(text) and is_entity(text)):
            from .vocab import KGR  # rdflib: only for a value bound as an entity's IRI

            value = KGR[text]
        out[name] = value
    return sparql, out


def _plain_text(value) -> str | None:
    """The text of a plain string value (a ``str`` or a literal without datatype or language)."""
    from rdflib import Literal, URIRef  # values are bound: rdflib's terms are in use

    if isinstance(value, Literal):
        return str(value) if value.datatype is None and not value.language else None
    if isinstance(value, str) and not isinstance(value, URIRef):
        return value
    return None
