"""kg.support and kg.rdf.edges: a direct triple's support summed over every document that states it."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

import kg
from kg.model import Document
from kg.rdf import to_dataset, to_graph
from kg.rdf.edges import edge_iri
from kg.support import EdgeSupport, Support, summarize, supports_of
from kg.vocab import KGO, KGR

DOCS = [
    Document("wire-1", "Iran condemned Israel. Hezbollah fired rockets at Israel.", dt.date(2024, 2, 1), "Wire A"),
    Document("wire-2", "Iran condemned Israel on Monday.", dt.date(2024, 2, 5), "Wire B"),
    Document("wire-3", "Iran condemned Israel. Turkey condemned Israel too.", dt.date(2024, 1, 20), "Wire A"),
    Document("wire-4", "Iran denied that it condemned Israel.", dt.date(2024, 3, 1), "Wire C"),
]


@pytest.fixture(scope="module")
def graph(nlp):
    return kg.build(DOCS)


def _edge(graph, s, p, o) -> EdgeSupport:
    return next(e for e in kg.rdf.export.edge_supports(graph) if e.triple == (s, p, o))


def test_support_one_node_per_actor_across_documents(graph):
    g = graph.to_networkx()
    assert sum(1 for n in g if n == "iran") == 1
    assert g.nodes["iran"]["documents"] == ["wire-1", "wire-2", "wire-3", "wire-4"]
    assert len({str(s) for s in to_graph(graph).subjects(RDF.type, KGO.State) if str(s).endswith("/iran")}) == 1


def test_support_accumulates_evidence_from_every_document(graph):
    edge = _edge(graph, "iran", "condemned", "israel")
    assert edge.documents == ("wire-1", "wire-2", "wire-3")  # the denial is no support
    assert edge.evidence_count == 3
    assert edge.sources == ("Wire A", "Wire B")
    assert (edge.first_date, edge.last_date) == (dt.date(2024, 1, 20), dt.date(2024, 2, 5))


def test_support_edge_in_rdf_has_counts_sources_and_dates(graph):
    g = to_graph(graph)
    e = edge_iri(_edge(graph, "iran", "condemned", "israel"))
    assert (e, RDF.type, KGO.Edge) in g
    assert g.value(e, KGO.edgeSubject) == KGR["iran"] and g.value(e, KGO.edgeObject) == KGR["israel"]
    assert g.value(e, KGO.edgePredicate) == KGO.condemned
    assert g.value(e, KGO.evidenceCount) == Literal(3, datatype=XSD.nonNegativeInteger)
    assert g.value(e, KGO.documentCount) == Literal(3, datatype=XSD.nonNegativeInteger)
    assert len(set(g.objects(e, PROV.wasDerivedFrom))) == 3
    assert {str(s) for s in g.objects(e, URIRef("http://purl.org/dc/terms/source"))} == {"Wire A", "Wire B"}
    assert g.value(e, KGO.firstDate) == Literal("2024-01-20", datatype=XSD.date)
    assert g.value(e, KGO.lastDate) == Literal("2024-02-05", datatype=XSD.date)


def test_support_edges_sit_in_the_default_graph_of_a_dataset(graph):
    ds = to_dataset(graph)
    edges = {q[3] for q in ds.quads((None, RDF.type, KGO.Edge, None))}
    assert len(edges) == 1 and "graph/" not in str(next(iter(edges)))


def test_support_cuts_the_graph_by_time_with_sparql(graph, tmp_path):
    path = tmp_path / "g.nt"
    graph.serialize(path, format="nt")
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    rows = store.query("""PREFIX kgo: <https://w3id.org/newskg/ontology#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?s ?o WHERE { ?e kgo:edgeSubject ?s ; kgo:edgePredicate kgo:condemned ; kgo:edgeObject ?o ;
                                 kgo:firstDate ?d FILTER (?d < "2024-02-01"^^xsd:date) }""")
    # Iran's condemnation was first stated on 2024-01-20; Turkey's only then too
    assert sorted((r["s"].value.rsplit("/", 1)[1], r["o"].value.rsplit("/", 1)[1]) for r in rows) == [
        ("iran", "israel"), ("turkey", "israel")]


def test_support_counts_agree_with_the_edge_table(graph):
    from kg.tables import edge_rows

    table = {(r["source"], r["relation"], r["target"]): r for r in edge_rows(graph) if not r["negated"]}
    for edge in kg.rdf.export.edge_supports(graph):
        if edge.object.startswith("event/"):
            continue
        row = table[edge.triple]
        assert list(edge.documents) == row["documents"]
        assert (edge.first_date.isoformat(), edge.last_date.isoformat()) == (row["first_date"], row["last_date"])


def test_support_ignores_negated_and_alleged_relations(graph):
    negated = [r for r in graph.relations if r.negated]
    assert negated and not list(supports_of(negated))
    alleged = kg.build(["Israel accused Hezbollah of attacking Israeli troops."])
    assert {e.predicate for e in kg.rdf.export.edge_supports(alleged)} == {"accused", "partOf"}


def test_support_same_sentence_twice_counts_once():
    day = dt.date(2024, 1, 1)
    rows = [Support("a", "accused", "b", "d", "A accused B.", 0.5, day, None),
            Support("a", "accused", "b", "d", "A accused B.", 0.8, day, None)]
    [edge] = summarize(rows)
    assert (edge.evidence_count, edge.confidence, edge.sources) == (1, 0.8, ())


def test_support_undated_edge_has_no_dates():
    [edge] = summarize([Support("a", "accused", "b", "d", "A accused B.", 0.5)])
    assert edge.first_date is None and edge.last_date is None


def test_support_bytes_do_not_depend_on_document_order(nlp):
    forward = kg.build(DOCS).serialize(format="nquads")
    backward = kg.build(list(reversed(DOCS))).serialize(format="nquads")
    assert forward == backward
