"""KnowledgeGraph <-> RDF, following the contract of DESIGN.md.

- Every entity: ``kgr:<key>``, an ``rdf:type`` from the ontology, one
  ``rdfs:label`` and a ``skos:altLabel`` per other surface form;
  ``owl:sameAs`` its Wikidata entity; ``geo:hasGeometry``/``geo:asWKT``
  where coordinates are known.
- Every relation: the direct triple ``kgr:S kgo:P kgr:O`` and a reified
  ``rdf:Statement`` (one per subject, predicate, object and document) with
  ``kgo:confidence``, ``kgo:evidence``, ``kgo:extractedBy``,
  ``prov:wasDerivedFrom`` the ``kgo:Document``, ``kgo:assertedBy`` when
  reported, and NIF character spans (``kgo:evidenceSpan``...). The direct
  triple states only what the document reports as having happened, reported
  speech included ("the Pentagon said militias attacked the base": a direct
  triple, ``kgo:assertedBy`` the Pentagon). A relation the source denies
  ("X denied attacking Y") is a statement with ``kgo:negated true`` and no
  direct triple; what someone is accused of or blamed for ("Israel accused
  Hezbollah of attacking its troops") is a statement with ``kgo:alleged true``
  and ``kgo:assertedBy`` the accuser, and no direct triple either. Alleged,
  denied and reported statements of one triple in one document are separate
  statements (and so are the allegations of two accusers), so a plain triple
  pattern never returns an allegation as a fact.
- Every event: ``kgr:event/<key>`` of a subclass of ``kgo:Event`` with its roles.
- Every document: ``kgr:doc/<slug>`` with ``dcterms:identifier``, date, source, its
  ``kgo:contentHash`` and the entities it names (``kgo:mentions``).
- Every direct triple: one ``kgr:edge/<hash>`` (``kgo:Edge``, :mod:`kg.rdf.edges`) with its
  support summed over the documents that state it: ``kgo:evidenceCount``,
  ``kgo:documentCount``, ``prov:wasDerivedFrom`` each document, ``dcterms:source`` each
  outlet, ``kgo:firstDate``, ``kgo:lastDate``, ``kgo:confidence``.

Every IRI is minted by :func:`mint_iri` alone.

The package has one module a step: :mod:`kg.rdf.iris` mints IRIs, :mod:`kg.rdf.edges`
writes an edge's support, :mod:`kg.rdf.export` turns a KnowledgeGraph into triples, an rdflib graph or
dataset and text, :mod:`kg.rdf.lines` formats the same triples as N-Triples or N-Quads lines
straight from the records (no rdflib term a triple), and :mod:`kg.rdf.reading` reads RDF back into a
KnowledgeGraph, from files parsed by pyoxigraph into plain values
(:mod:`kg.rdf.triples`). Every public name is importable from ``kg.rdf``.

Examples
--------
>>> mint_iri("entity", "kataib-hezbollah")
rdflib.term.URIRef('https://w3id.org/newskg/id/kataib-hezbollah')
>>> str(mint_iri("document", "voa 12.txt"))
'https://w3id.org/newskg/id/doc/voa-12txt-776be74e'
"""

from __future__ import annotations

from . import export as _export
from .export import serialize, to_dataset, to_graph
from .iris import NIF, WD, entity_iri, event_iri, mint_iri
from .reading import from_rdf, load

__all__ = [
    "NIF",
    "WD",
    "entity_iri",
    "event_iri",
    "from_rdf",
    "load",
    "mint_iri",
    "serialize",
    "to_dataset",
    "to_graph",
]

#: File suffix -> rdflib format (kept importable from ``kg.rdf``; not in ``__all__``).
SUFFIX_FORMATS = _export.SUFFIX_FORMATS
