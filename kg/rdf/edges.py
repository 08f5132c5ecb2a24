"""A direct triple's support across documents as RDF: one ``kgo:Edge`` node a triple.

::

    kgr:edge/<hash> a kgo:Edge ;
        kgo:edgeSubject kgr:iran ; kgo:edgePredicate kgo:condemned ; kgo:edgeObject kgr:israel ;
        kgo:evidenceCount 3 ; kgo:documentCount 2 ;
        prov:wasDerivedFrom kgr:doc/a-..., kgr:doc/b-... ;
        dcterms:source "AP", "VOA" ;
        kgo:firstDate "2023-10-19"^^xsd:date ; kgo:lastDate "2023-10-21"^^xsd:date ;
        kgo:confidence 0.9 .

The edge node sits in a dataset's default graph (it spans documents; each document's
statements sit in its own named graph).

Examples
--------
>>> import datetime
>>> from kg.support import Support, summarize
>>> [edge] = summarize([Support("iran", "condemned", "israel", "d1", "Iran condemned Israel.", 0.9,
...                             datetime.date(2023, 10, 19), "VOA")])
>>> sorted(str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for _, p, _ in edge_triples(edge))
... # doctest: +NORMALIZE_WHITESPACE
['confidence', 'documentCount', 'edgeObject', 'edgePredicate', 'edgeSubject', 'evidenceCount',
 'firstDate', 'lastDate', 'source', 'type', 'wasDerivedFrom']
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import RDF, XSD, Literal
from rdflib.namespace import DCTERMS, PROV

from ..support import EdgeSupport
from ..vocab import KGO, KGR
from .iris import mint_iri

__all__ = ["edge_iri", "edge_triples"]


def edge_iri(edge: EdgeSupport):
    """The IRI of the ``kgo:Edge`` of a triple (minted from its subject, predicate and object)."""
    return mint_iri("edge", *edge.triple)


def edge_triples(edge: EdgeSupport) -> Iterator[tuple]:
    """The triples of one edge's support (subject and object are resource keys)."""
    e = edge_iri(edge)
    yield e, RDF.type, KGO.Edge
    yield e, KGO.edgeSubject, KGR[edge.subject]
    yield e, KGO.edgePredicate, KGO[edge.predicate]
    yield e, KGO.edgeObject, KGR[edge.object]
    yield e, KGO.evidenceCount, Literal(edge.evidence_count, datatype=XSD.nonNegativeInteger)
    yield e, KGO.documentCount, Literal(len(edge.documents), datatype=XSD.nonNegativeInteger)
    for doc in edge.documents:
        yield e, PROV.wasDerivedFrom, mint_iri("document", doc)
    for source in edge.sources:
        yield e, DCTERMS.source, Literal(source)
    if edge.first_date is not None:
        yield e, KGO.firstDate, Literal(edge.first_date.isoformat(), datatype=XSD.date)
        last = edge.last_date or edge.first_date
        yield e, KGO.lastDate, Literal(last.isoformat(), datatype=XSD.date)
    yield e, KGO.confidence, Literal(Decimal(str(round(edge.confidence, 3))), datatype=XSD.decimal)
