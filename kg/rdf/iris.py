"""The IRIs of kg's resources, and the namespaces of NIF and Wikidata.

Every IRI of a kg resource is minted here, by :func:`mint_iri` (an entity's
geometry takes its entity's IRI plus ``/geometry``, in :mod:`kg.rdf.export`).

Examples
--------
>>> mint_iri("event", "doc-attack-1")
rdflib.term.URIRef('https://w3id.org/newskg/id/event/doc-attack-1')
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef
from rdflib.namespace import Namespace

from ..names import slugify
from ..vocab import KGR

__all__ = ["NIF", "WD", "entity_iri", "event_iri", "iri_text", "is_safe_iri", "mint_iri"]

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
_KGR = str(KGR)


def _digest(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def mint_iri(kind: str, *parts: str) -> URIRef:
    """Mint the IRI of a resource; the only place kg makes IRIs.

    Parameters
    ----------
    kind : {"entity", "event", "document", "statement", "graph", "span", "edge"}
    parts : str
        ``entity``/``event``: the key (already a slug); ``document``/``graph``:
        the document id; ``statement``: subject, predicate, object keys and
        document id, then ``"negated"`` for a denial and ``"alleged"`` and the
        accuser's key for an allegation; ``span``: document id, start, end;
        ``edge``: the subject, predicate and object of a direct triple (resource keys
        and a ``kgo:`` local name, see :mod:`kg.support`).
    """
    return URIRef(iri_text(kind, *parts))


def iri_text(kind: str, *parts: str) -> str:
    """The IRI :func:`mint_iri` mints, as a plain string (no rdflib term is made: the
    N-Triples writer, :mod:`kg.rdf.lines`, formats millions of them).

    >>> parts = ("iran", "condemned", "israel", "d1")
    >>> iri_text("statement", *parts) == str(mint_iri("statement", *parts))
    True
    """
    if kind == "entity":
        return _KGR + parts[0]
    if kind == "event":
        return f"{_KGR}event/{parts[0]}"
    if kind in {"document", "graph"}:
        doc_id = parts[0]
        prefix = "doc" if kind == "document" else "graph"
        return f"{_KGR}{prefix}/{slugify(doc_id)}-{_digest(doc_id)}"
    if kind == "statement":
        return f"{_KGR}statement/{_digest(*parts, n=16)}"
    if kind == "edge":
        return f"{_KGR}edge/{_digest(*parts, n=16)}"
    if kind == "span":
        doc_id, start, end = parts
        return f"{iri_text('document', doc_id)}#char={start},{end}"
    raise ValueError(f"unknown kind of IRI: {kind!r}")


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key."""
    return mint_iri("entity", key)


def event_iri(key: str) -> URIRef:
    """The IRI of an event key."""
    return mint_iri("event", key)


def is_safe_iri(url: str) -> bool:
    """Whether a document's URL is an IRI every RDF parser takes (checked with pyoxigraph's IRI
    parser: "http://[::1/x", "%ZZ", spaces and line breaks are not); otherwise it is written
    as a literal.

    >>> is_safe_iri("https://example.org/a"), is_safe_iri("http://[::1/x"), is_safe_iri("javascript:x")
    (True, False, False)
    """
    import pyoxigraph as ox

    if not url.startswith(("http://", "https://")):
        return False
    try:
        ox.NamedNode(url)
    except ValueError:
        return False
    return not any(c in url for c in ' <>"{}|\\^`\n\t')
