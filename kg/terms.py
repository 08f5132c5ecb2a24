"""RDF terms between rdflib and pyoxigraph: rdflib is the API users see, Oxigraph the engine.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> to_ox(URIRef("http://example.org/a"))
<NamedNode value=http://example.org/a>
>>> to_rdflib(to_ox(Literal("x")))
rdflib.term.Literal('x')
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .errors import QueryError

__all__ = ["to_ox", "to_rdflib"]

_XSD_STRING = str(XSD.string)


def to_ox(term):
    """A pyoxigraph term for an rdflib one (a plain literal becomes an ``xsd:string``)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise QueryError(f"cannot bind {term!r}: not an RDF term")


def to_rdflib(term):
    """An rdflib term for a pyoxigraph one (rdflib terms and None pass through)."""
    if term is None or isinstance(term, (URIRef, BNode, Literal)):
        return term
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    return Literal(str(term))  # an RDF-star triple term
