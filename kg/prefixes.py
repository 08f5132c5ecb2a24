"""kg's SPARQL prefixes as plain strings, for code that must not import rdflib.

``kg query`` answers from pyoxigraph and prints the answer without ever loading rdflib
(a fifth of a second of start-up): the prefixes it declares for a query and shortens IRIs
with come from here. :data:`kg.vocab.PREFIXES` holds the same namespaces as rdflib
terms, in the same order (``tests/test_vocab.py`` checks that they agree).

Examples
--------
>>> PREFIX_IRIS["kgr"]
'https://w3id.org/newskg/id/'
"""

from __future__ import annotations

__all__ = ["PREFIX_IRIS", "XSD_IRI"]

#: Prefix -> namespace IRI, in the order of :data:`kg.vocab.PREFIXES`.
PREFIX_IRIS: dict[str, str] = {
    "kgo": "https://w3id.org/newskg/ontology#",
    "kgr": "https://w3id.org/newskg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": "http://www.opengis.net/ont/geosparql#",
}

#: The XML Schema namespace (``xsd:``), for datatype IRIs.
XSD_IRI = PREFIX_IRIS["xsd"]
