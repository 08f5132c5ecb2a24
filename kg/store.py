"""kg's SPARQL engine: an Oxigraph store, in memory or on disk, behind rdflib's API.

A :class:`Store` holds RDF loaded from any syntax (``.ttl``, ``.nt``,
``.jsonld``, ``.rdf``; ``.trig`` and ``.nq`` as datasets whose named graphs
are queried as one union default graph) and answers SPARQL 1.1 queries with
values bound, never pasted into the query text. Two engines:

``oxigraph`` (the default)
    pyoxigraph's store: in memory (loads fast, answers fast) or, given a
    directory, on disk (RocksDB), loaded once and queried many times.
``rdflib``
    rdflib's in-memory graph and SPARQL engine: slower, kept as a fallback.

Measured on a 1-million-triple graph shaped like kg's output
(``benchmarks/query_bench.py``, one run on a shared 2-CPU machine): the
in-memory Oxigraph store loads in 5 s (rdflib 76 s) and answers the shipped
join-and-aggregate queries 45× to 87× faster than rdflib, point look-ups in
0.3-34 ms; the on-disk store loads in 14 s and answers 3-9× more slowly than
the in-memory one
(every term it reads is a RocksDB look-up) but is loaded once for many runs.
Query shape matters more than store choice:

- a ``UNION`` joined with patterns outside it is evaluated again for every
  outside row (137 s on disk, 12 s in memory, against 0.5 s with the joins
  inside the branches), so the shipped queries keep each join inside its
  branch, and group before they fetch labels;
- pyoxigraph plans a query before it substitutes bound values, so a bound
  variable only speeds a query up when its pattern is evaluated first: a
  look-up whose other patterns are ``OPTIONAL`` takes 0.3 ms, the same
  look-up joined with a large pattern ~80 ms.

:attr:`Store.graph` is the same data as an :class:`rdflib.Dataset` (through
the ``oxrdflib`` store plugin for the oxigraph engine), so code written
against rdflib keeps working. rdflib is imported only where it is used (its engine, its
graph, syntaxes only it reads, its terms as bound values): ``kg query`` answers from
pyoxigraph without it.

Examples
--------
>>> store = Store().load_data('''
... @prefix kgo: <https://w3id.org/newskg/ontology#> .
... @prefix kgr: <https://w3id.org/newskg/id/> .
... kgr:kataib-hezbollah kgo:accused kgr:united-states .
... ''', format="turtle")
>>> len(store)
1
>>> from kg.vocab import KGR
>>> result = store.query("SELECT ?o WHERE { ?s kgo:accused ?o }",
...                      {"s": KGR["kataib-hezbollah"]})
>>> [str(row[0]) for row in result.to_rdflib()]
['https://w3id.org/newskg/id/united-states']
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import GraphFileError, QueryError
from .formats import rdf_syntax, syntax_of_path
from .guard import _run_deep, check_query
from .query import QueryTimeoutError, _term
from .query_result import QueryResult
from .storequery import rdflib_query, run_oxigraph

if TYPE_CHECKING:
    import rdflib

__all__ = ["ENGINES", "QueryResult", "Store"]

#: The query engines a :class:`Store` can run on, the default first.
ENGINES = ("oxigraph", "rdflib")


# -- the store -------------------------------------------------------------------------
@dataclass(eq=False)
class Store:
    """RDF loaded once, queried many times with SPARQL 1.1.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A directory for an on-disk Oxigraph store (created if missing, opened
        if it exists). Without it the store lives in memory.
    engine : {"oxigraph", "rdflib"}
        The query engine; an on-disk store needs ``oxigraph``.
    read_only : bool
        Open an existing on-disk store for reading only (several processes
        may then read it at once).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with Store(Path(tmp) / "db") as store:
    ...         _ = store.load_data('<http://a> <http://b> "c" .', format="nt")
    ...         print(len(store), store.on_disk)
    1 True
    """

    path: str | os.PathLike[str] | None = None
    engine: str = "oxigraph"
    read_only: bool = False
    _ox: Any = field(default=None, init=False, repr=False)
    _ds: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise QueryError(f"unknown engine {self.engine!r} ({', '.join(ENGINES)})")
        if self.engine == "rdflib":
            if self.path is not None:
                raise QueryError("an on-disk store needs the oxigraph engine")
            import rdflib

            self._ds = rdflib.Dataset(default_union=True)
            return
        if self.path is None:
            self._ox = ox.Store()
            return
        path = Path(self.path)
        if self.read_only and not path.is_dir():
            raise GraphFileError(f"{path}: no such store directory")
        try:
            self._ox = ox.Store.read_only(str(path)) if self.read_only else ox.Store(str(path))
        except OSError as exc:
            raise GraphFileError(f"{path}: cannot open the store ({exc})") from None

    @property
    def oxigraph(self):
        """The :class:`pyoxigraph.Store` underneath (None with the rdflib engine)."""
        return self._ox

    @property
    def on_disk(self) -> bool:
        """True for an on-disk (RocksDB) store."""
        return self.path is not None

    # -- loading ------------------------------------------------------------------------
    def load(self, *paths: str | os.PathLike[str]) -> Store:
        """Load RDF files of any syntax; returns the store.

        Triple syntaxes go to the default graph; ``.trig``/``.nq`` keep their
        named graphs. Queries see the union of all graphs.

        Raises
        ------
        GraphFileError
            When a file is missing or does not parse.
        """
        for path in paths:
            path = Path(path)
            if not path.is_file():
                raise GraphFileError(f"{path}: no such file")
            syntax = syntax_of_path(path) or rdf_syntax("turtle")
            fmt = syntax.rdflib
            if self._ox is None:
                self._load_rdflib(path, fmt)
                continue
            ox_format = syntax.ox
            if ox_format is None:  # a syntax only rdflib reads (TriX, HexTuples...)
                import rdflib

                ds = rdflib.Dataset()
                self._load_rdflib(path, fmt, into=ds)
                self.add_rdf(ds)
                continue
            try:
                if self.on_disk:
                    self._ox.bulk_load(path=str(path), format=ox_format)
                else:
                    self._ox.load(path=str(path), format=ox_format)
            except SyntaxError as exc:
                raise GraphFileError(f"{path}: not a readable {fmt} RDF file ({exc})") from None
            except (OSError, ValueError) as exc:
                raise GraphFileError(f"{path}: cannot load ({exc})") from None
        return self

    def _load_rdflib(self, path: Path, fmt: str, into=None) -> None:
        ds = self._ds if into is None else into
        try:
            ds.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many kinds of parse errors
            raise GraphFileError(f"{path}: not a readable {fmt} RDF file ({exc})") from None

    def load_data(self, data: str | bytes, *, format: str = "turtle") -> Store:
        """Load RDF given as text in an rdflib format name (``turtle``, ``nt``, ``trig``...)."""
        if self._ox is None:
            self._ds.parse(data=data, format=format)
            return self
        syntax = rdf_syntax(format)
        if syntax is None or syntax.ox is None:
            raise GraphFileError(f"unknown RDF format {format!r}")
        try:
            self._ox.load(data, format=syntax.ox)
        except SyntaxError as exc:
            raise GraphFileError(f"not readable {format} RDF ({exc})") from None
        return self

    def add_rdf(self, rdf) -> Store:
        """Add an rdflib :class:`~rdflib.Graph` or :class:`~rdflib.Dataset` (named graphs kept)."""
        import rdflib

        from .terms import to_ox as _to_ox

        if self._ox is None:
            if isinstance(rdf, rdflib.Dataset):
                for s, p, o, g in rdf.quads((None, None, None, None)):
                    self._ds.graph(g).add((s, p, o)) if g is not None else self._ds.add((s, p, o))
            else:
                for t in rdf:
                    self._ds.add(t)
            return self
        if isinstance(rdf, rdflib.Dataset):
            quads = (
                ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o),
                        ox.DefaultGraph() if g is None or g == rdflib.graph.DATASET_DEFAULT_GRAPH_ID
                        else _to_ox(g))
                for s, p, o, g in rdf.quads((None, None, None, None))
            )
        else:
            quads = (ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in rdf)
        if self.on_disk:
            self._ox.bulk_extend(quads)
        else:
            self._ox.extend(quads)
        return self

    def __len__(self) -> int:
        if self._ox is None:
            return len(self._ds)
        return len(self._ox)

    def flush(self) -> None:
        """Write an on-disk store's pending data to disk."""
        if self._ox is not None and self.on_disk and not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        """Flush and release the store."""
        self.flush()
        self._ox = self._ds = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def graph(self) -> rdflib.Dataset:
        """The data as an :class:`rdflib.Dataset` whose default graph is the union.

        With the oxigraph engine this is the ``oxrdflib`` store plugin over
        the same Oxigraph store: ``graph.query(text)`` runs on Oxigraph.
        """
        if self._ox is None:
            return self._ds
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self._ox), default_union=True)

    # -- querying -----------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *,
              timeout: float | None = None, max_rows: int | None = None,
              cancel: threading.Event | None = None, allow_service: bool = False) -> QueryResult:
        """Run a SPARQL 1.1 query with variables bound to values.

        Parameters
        ----------
        sparql : str
            The query; kg's prefixes (:data:`kg.query.PREFIXES`) need no
            declaration.
        bindings : mapping of str to value, optional
            Variable name (without ``?``) to an rdflib term, an ``http(s)``
            IRI string or a Python value (made a literal). Values are bound
            by the engine (pyoxigraph ``substitutions``, rdflib
            ``initBindings``), never written into the query text.
        timeout : float, optional
            Seconds to wait for the answer before :class:`QueryTimeoutError`.
            A query that streams its rows stops at the next row; one that
            must finish a sort or aggregate first runs on in the background
            until it does, then stops (:class:`kg.pool.QueryPool` kills it
            instead, at its deadline).
        max_rows : int, optional
            Keep at most this many rows (``truncated`` tells if more existed).
        cancel : threading.Event, optional
            Set it from another thread to stop the query at its next row.
        allow_service : bool
            Let the query fetch other addresses: ``SERVICE``, and ``FROM``
            with the rdflib engine (:func:`kg.guard.check_query`).

        Checked by :func:`kg.guard.check_query` first; run in a thread whose stack takes any query it lets through.

        Raises
        ------
        QuerySyntaxError
            With the line and column where the query stops parsing.
        QueryRefusedError
            ``SERVICE`` (or ``FROM`` with rdflib) without ``allow_service``.
        QueryLimitError
            A query too long or nested too deep; :class:`QueryTimeoutError`
            when ``timeout`` passed first.

        Examples
        --------
        >>> store = Store().load_data("<http://a> <http://b> 3 .", format="turtle")
        >>> store.query("SELECT ?s ?n WHERE { ?s ?p ?n }", {"n": 3}).rows[0][0].value
        'http://a'
        >>> store.query("ASK { ?s ?p 4 }").boolean
        False
        """
        terms = _checked_terms(bindings, timeout)
        check_query(sparql, allow_service=allow_service, engine=self.engine)
        cancel = cancel or threading.Event()
        box = _run_deep(lambda: self._run(sparql, terms, max_rows, cancel, allow_service), timeout)
        if not box:
            cancel.set()
            raise QueryTimeoutError(f"query timed out after {timeout:g} s")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _run(self, sparql, terms, max_rows, cancel, allow_service) -> QueryResult:
        if self._ox is None:
            return rdflib_query(self._ds, sparql, terms, max_rows, cancel, "rdflib")
        return run_oxigraph(self._ox, lambda: self.graph, sparql, terms, max_rows, cancel, allow_service)


def _checked_terms(bindings: Mapping[str, Any] | None, timeout: float | None) -> dict:
    """The bindings as terms by variable name (``?`` or ``$`` dropped), names and timeout checked."""
    terms = {name.lstrip("?$"): _term(value) for name, value in (bindings or {}).items()}
    for name in terms:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    if timeout is not None and timeout <= 0:
        raise QueryError("the timeout must be a positive number of seconds")
    return terms
