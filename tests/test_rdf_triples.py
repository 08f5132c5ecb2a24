"""Reading graphs back through kg.rdf.triples (pyoxigraph parsing into plain values)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import rdflib

import kg
from kg.errors import GraphFileError
from kg.rdf import from_rdf
from kg.rdf.triples import IRI, Blank, from_rdflib, parse_files

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DOCS = [kg.Document("d1", "Iran-backed militias attacked U.S. troops stationed in Syria.", dt.date(2024, 1, 5)),
        kg.Document("d2", "Israel accused Hezbollah of attacking Israeli troops. Hamas fired rockets at Israel.",
                    dt.date(2024, 2, 1), source="VOA")]


@pytest.fixture(scope="module")
def graph():
    return kg.build(DOCS)


@pytest.fixture(scope="module")
def reference(graph):
    """The graph read back from its own rdflib dataset."""
    return from_rdf(graph.to_dataset())


def _shape(g):
    return (g.entities, sorted((r.triple, r.negated, r.alleged, r.asserted_by, r.evidence.sentence, r.rule)
                               for r in g.relations), g.events, g.documents)


@pytest.mark.parametrize("name, fmt", [("g.ttl", "turtle"), ("g.nt", "nt"), ("g.nq", "nquads"),
                                       ("g.trig", "trig"), ("g.rdf", "xml"), ("g.jsonld", "json-ld"),
                                       ("g.trix", "trix")])
def test_rdf_triples_every_syntax_reads_back_the_same_graph(graph, reference, tmp_path, name, fmt):
    path = tmp_path / name
    graph.serialize(path, format=fmt)
    back = kg.load(path)
    assert _shape(back) == _shape(reference)
    assert {r.triple for r in back.facts()} == {r.triple for r in graph.facts()}
    assert set(back.entities) == set(graph.entities)  # entities no relation uses too


def test_rdf_triples_missing_and_malformed_files(tmp_path):
    with pytest.raises(GraphFileError, match="no such file"):
        kg.load(tmp_path / "absent.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://w3id.org/newskg/id/x> <https://w3id.org/newskg/ontology#p> .\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match="bad.ttl: not a readable turtle RDF file"):
        kg.load(bad)


def test_rdf_triples_values_are_python_values(tmp_path):
    path = tmp_path / "v.ttl"
    path.write_text("""@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:s> <urn:d> "2024-01-05"^^xsd:date ; <urn:n> 7 ; <urn:c> 0.85 ; <urn:b> true ;
        <urn:x> "x"@en ; <urn:o> <urn:o1>, <urn:o0> ; <urn:k> [ <urn:p> "q" ] ;
        <urn:bad> "not a date"^^xsd:date .
""", encoding="utf-8")
    t = parse_files([path])
    assert t.value("urn:s", "urn:d") == dt.date(2024, 1, 5)
    assert (t.value("urn:s", "urn:n"), t.value("urn:s", "urn:c"), t.value("urn:s", "urn:b")) == (7, Decimal("0.85"), True)
    assert t.value("urn:s", "urn:x") == "x" and not isinstance(t.value("urn:s", "urn:x"), IRI)
    assert t.value("urn:s", "urn:o") == IRI("urn:o0")  # of several, the least, whatever the order read
    assert isinstance(t.value("urn:s", "urn:k"), Blank)
    assert t.value("urn:s", "urn:bad") == "not a date"  # ill-typed: its text, as rdflib reads it
    assert t.subjects("urn:o", IRI("urn:o1")) == [IRI("urn:s")]
    assert t.subjects("urn:o", "urn:o1") == []  # a string literal is not the IRI
    assert len(t) == 10
    same = from_rdflib(rdflib.Graph().parse(path))
    assert len(same) == len(t) and same.value("urn:s", "urn:d") == dt.date(2024, 1, 5)
