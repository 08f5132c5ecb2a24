"""The one table of the RDF syntaxes and SPARQL result formats kg reads and writes.

Every module that names a syntax, guesses one from a file name, negotiates a
media type or hands a syntax to pyoxigraph or rdflib looks it up here:
:func:`rdf_syntax` by name (or alias), :func:`syntax_of_path` by file suffix,
:func:`result_format` for SELECT/ASK answers. pyoxigraph is imported only when
an ``ox`` attribute is read, so the table costs nothing to import.

============ ======== ============================== ======= ========== =========
name         suffix   media type                     dataset oxigraph   writer
============ ======== ============================== ======= ========== =========
turtle       .ttl     text/turtle                    no      TURTLE     oxigraph
nt           .nt      application/n-triples          no      N_TRIPLES  lines
nquads       .nq      application/n-quads            yes     N_QUADS    lines
trig         .trig    application/trig               yes     TRIG       oxigraph
xml          .rdf     application/rdf+xml            no      RDF_XML    oxigraph
json-ld      .jsonld  application/ld+json            no      JSON_LD    oxigraph
n3           .n3      text/n3                        no      N3         rdflib
trix         .trix    application/trix               yes     --         rdflib
hext         .hext    application/hex+x-ndjson       yes     --         rdflib
============ ======== ============================== ======= ========== =========

``dataset``: kg writes the syntax from a dataset of one named graph a document
(entities in the default graph); every reader keeps the named graphs a file has.
``writer``: ``oxigraph`` writes from the sorted statements, ``lines`` writes the sorted
lines formatted straight from the records (:mod:`kg.rdf.lines`), ``rdflib`` is rdflib's own
writer (see :func:`kg.rdf.serialize`).

Examples
--------
>>> rdf_syntax("ttl").name, rdf_syntax("ttl").suffix, rdf_syntax("nq").dataset
('turtle', 'ttl', True)
>>> syntax_of_path("out/graph.trig").media_type
'application/trig'
>>> syntax_of_path("notes.txt") is None
True
>>> result_format("json").media_type
'application/sparql-results+json'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

__all__ = [
    "RDF_SYNTAXES", "RESULT_FORMATS", "RdfSyntax", "ResultFormat", "graph_answer_syntax",
    "rdf_syntax", "result_format", "syntax_of_path",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class RdfSyntax:
    """One RDF syntax.

    Attributes
    ----------
    name : str
        kg's name for it (``kg build --format``, ``KnowledgeGraph.serialize``).
    label : str
        Its usual written name ("N-Triples").
    suffix : str
        The file suffix kg writes, without the dot.
    media_type : str
        Its IANA media type (HTTP content negotiation).
    dataset : bool
        Whether kg writes it from a dataset (named graphs); false: one graph.
    oxigraph : str or None
        The :class:`pyoxigraph.RdfFormat` member that reads it; ``None`` when only rdflib does.
    rdflib : str
        rdflib's parser and serializer name.
    writer : {"oxigraph", "lines", "rdflib"}
        How :func:`kg.rdf.serialize` writes it.
    written : bool
        Offered by ``kg build --format`` (``turtle`` is always written).
    aliases : tuple of str
        Other names accepted for it.
    suffixes : tuple of str
        Every suffix read as this syntax (``suffix`` first).
    """

    name: str
    label: str
    suffix: str
    media_type: str
    dataset: bool
    oxigraph: str | None
    rdflib: str
    writer: str
    written: bool = True
    aliases: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()

    @property
    def ox(self) -> Any:
        """The :class:`pyoxigraph.RdfFormat`, or ``None``.

        >>> rdf_syntax("turtle").ox.media_type
        'text/turtle'
        """
        if self.oxigraph is None:
            return None
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


@dataclass(frozen=True, slots=True)
class ResultFormat:
    """One W3C SPARQL 1.1 result format (for SELECT and ASK answers).

    ``media_types`` are every media type it answers to in content negotiation, the
    standard one first; ``oxigraph`` names the :class:`pyoxigraph.QueryResultsFormat`
    member; ``rdflib`` rdflib's result parser name.
    """

    name: str
    suffix: str
    media_types: tuple[str, ...]
    oxigraph: str
    rdflib: str

    @property
    def media_type(self) -> str:
        """The standard media type."""
        return self.media_types[0]

    @property
    def ox(self) -> Any:
        """The :class:`pyoxigraph.QueryResultsFormat`.

        >>> result_format("tsv").ox.file_extension
        'tsv'
        """
        import pyoxigraph

        return getattr(pyoxigraph.QueryResultsFormat, self.oxigraph)


def _syntax(name, label, suffix, media, dataset, ox, writer, *, written=True, aliases=(), suffixes=()):
    return RdfSyntax(name, label, suffix, media, dataset, ox, name, writer, written, aliases,
                     (suffix, *suffixes))


#: Every RDF syntax, in order of preference (content negotiation for ``*/*`` takes the first).
RDF_SYNTAXES: tuple[RdfSyntax, ...] = (
    _syntax("turtle", "Turtle", "ttl", "text/turtle", False, "TURTLE", "oxigraph", aliases=("ttl",)),
    _syntax("nt", "N-Triples", "nt", "application/n-triples", False, "N_TRIPLES", "lines",
            aliases=("ntriples", "nt11", "n-triples")),
    _syntax("nquads", "N-Quads", "nq", "application/n-quads", True, "N_QUADS", "lines",
            aliases=("nq", "n-quads"), suffixes=("nquads",)),
    _syntax("trig", "TriG", "trig", "application/trig", True, "TRIG", "oxigraph"),
    _syntax("xml", "RDF/XML", "rdf", "application/rdf+xml", False, "RDF_XML", "oxigraph",
            aliases=("pretty-xml", "rdf/xml"), suffixes=("owl", "xml")),
    _syntax("json-ld", "JSON-LD", "jsonld", "application/ld+json", False, "JSON_LD", "oxigraph",
            aliases=("jsonld",), suffixes=("json-ld", "json")),
    _syntax("n3", "N3", "n3", "text/n3", False, "N3", "rdflib", written=False),
    _syntax("trix", "TriX", "trix", "application/trix", True, None, "rdflib", written=False),
    _syntax("hext", "HexTuples", "hext", "application/hex+x-ndjson", True, None, "rdflib", written=False),
)  # fmt: skip

#: The SPARQL result formats, in order of preference (content negotiation for ``*/*``).
RESULT_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", "srj", ("application/sparql-results+json", "application/json"), "JSON", "json"),
    ResultFormat("xml", "srx", ("application/sparql-results+xml", "application/xml", "text/xml"), "XML", "xml"),
    ResultFormat("csv", "csv", ("text/csv",), "CSV", "csv"),
    ResultFormat("tsv", "tsv", ("text/tab-separated-values",), "TSV", "tsv"),
)  # fmt: skip

_BY_NAME = {n: s for s in RDF_SYNTAXES for n in (s.name, *s.aliases)}
_BY_SUFFIX = {suffix: s for s in RDF_SYNTAXES for suffix in s.suffixes}
_RESULTS = {f.name: f for f in RESULT_FORMATS}
#: A graph answer (CONSTRUCT, DESCRIBE) asked for in a result format's name: the RDF syntax given.
_GRAPH_ANSWER = {"json": "json-ld", "table": "turtle"}


def rdf_syntax(name: str) -> RdfSyntax | None:
    """The RDF syntax of a name or alias (``"ttl"``, ``"ntriples"``, ``"nq"``), or ``None``.

    >>> rdf_syntax("ntriples").name, rdf_syntax("sparql") is None
    ('nt', True)
    """
    return _BY_NAME.get(name.lower())


def syntax_of_path(path: str | os.PathLike[str]) -> RdfSyntax | None:
    """The RDF syntax a file's suffix announces (case-insensitive), or ``None``.

    >>> syntax_of_path("a/b.NQ").name, syntax_of_path("x.owl").name
    ('nquads', 'xml')
    """
    _, dot, suffix = os.fspath(path).rpartition(".")
    return _BY_SUFFIX.get(suffix.lower()) if dot else None


def result_format(name: str) -> ResultFormat | None:
    """The SPARQL result format of that name (``json``, ``xml``, ``csv``, ``tsv``), or ``None``.

    >>> [f.name for f in RESULT_FORMATS] == ["json", "xml", "csv", "tsv"]
    True
    """
    return _RESULTS.get(name.lower())


def graph_answer_syntax(name: str) -> RdfSyntax | None:
    """The RDF syntax a CONSTRUCT or DESCRIBE answer is written in when asked for ``name``:
    an RDF syntax's name, or a result format's (``json`` gives JSON-LD, ``table`` Turtle).
    CSV and TSV have no graph form (``None``).

    >>> graph_answer_syntax("json").name, graph_answer_syntax("ttl").name, graph_answer_syntax("csv")
    ('json-ld', 'turtle', None)
    """
    return rdf_syntax(_GRAPH_ANSWER.get(name.lower(), name))
