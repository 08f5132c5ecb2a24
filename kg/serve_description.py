"""The SPARQL 1.1 Service Description of ``kg serve``: what ``GET /sparql`` without a query
answers (W3C, *SPARQL 1.1 Service Description*, section 2).

It says where the endpoint is, that it takes SPARQL 1.1 queries (no update), which result
formats it writes, that its default graph is the union of the store's graphs, and how many
triples the store holds. The description is an RDF graph, written in any graph syntax of
:mod:`kg.formats` (Turtle unless asked otherwise), made with rdflib, so the endpoint's IRI is
never pasted into the text.

Examples
--------
>>> text = service_description("http://127.0.0.1:7878/sparql", triples=12)
>>> import rdflib
>>> g = rdflib.Graph().parse(data=text, format="turtle")
>>> str(next(g.objects(None, SD.endpoint)))
'http://127.0.0.1:7878/sparql'
>>> sorted(str(f).rsplit("/", 1)[1] for f in g.objects(None, SD.resultFormat))[:3]
['N-Triples', 'RDF_XML', 'SPARQL_Results_CSV']
"""

from __future__ import annotations

import re

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import VOID, XSD

__all__ = ["SD", "endpoint_url", "service_description"]

#: The Service Description vocabulary.
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
_FORMATS = Namespace("http://www.w3.org/ns/formats/")
#: The formats the endpoint writes, by their W3C format IRIs.
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML")
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


def endpoint_url(host_header: str | None, fallback: str) -> str:
    """The endpoint's URL as the client reached it (its ``Host`` header, when it is a well
    formed host and port), else ``fallback`` (``host:port`` of the socket).

    >>> endpoint_url("localhost:7878", "127.0.0.1:7878")
    'http://localhost:7878/sparql'
    >>> endpoint_url('evil"> <x', "127.0.0.1:7878")
    'http://127.0.0.1:7878/sparql'
    """
    host = (host_header or "").strip()
    return f"http://{host if _HOST.fullmatch(host) else fallback}/sparql"


def service_description(endpoint: str, *, triples: int, format: str = "turtle") -> str:
    """The description of the endpoint at ``endpoint`` over a store of ``triples`` triples,
    in the rdflib syntax ``format``."""
    g = Graph(bind_namespaces="core")
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.bind("formats", _FORMATS)
    service, dataset, default = BNode("service"), BNode("dataset"), BNode("default")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in _RESULT_FORMATS:
        g.add((service, SD.resultFormat, _FORMATS[name]))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(triples, datatype=XSD.integer)))
    return g.serialize(format=format)
