"""The RDF contract of DESIGN.md, checked on a graph built from real text."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV, SKOS

import kg
from kg.rdf import mint_iri
from kg.vocab import KGO, KGR

TEXT = (
    "The Popular Mobilisation Forces (PMF) accused Israel of attacking Iraq. "
    "Iran-backed militias attacked U.S. forces in Syria on Monday. "
    "The PMF denied the report."
)


@pytest.fixture(scope="module")
def graph():
    return kg.build([kg.Document("doc-1", TEXT, source="test")])


def test_rdf_entities_have_type_one_label_and_alt_labels(graph):
    g = graph.to_rdf()
    pmf = KGR["popular-mobilization-forces"]
    assert len(list(g.objects(pmf, RDFS.label))) == 1
    assert "PMF" in {str(a) for a in g.objects(pmf, SKOS.altLabel)}
    for s in set(g.subjects(RDFS.label)):
        types = list(g.objects(s, RDF.type))
        assert types and all(str(t).startswith(str(KGO._NS)) for t in types)


def test_rdf_relation_is_direct_triple_and_reified_statement(graph):
    g = graph.to_rdf()
    s, o = KGR["popular-mobilization-forces"], KGR["israel"]
    assert (s, KGO.accused, o) in g
    stmts = list(g.subjects(RDF.subject, s))
    stmt = next(x for x in stmts if g.value(x, RDF.predicate) == KGO.accused)
    assert g.value(stmt, RDF.object) == o
    assert 0 < float(g.value(stmt, KGO.confidence)) <= 1
    assert "accused Israel" in str(g.value(stmt, KGO.evidence))
    doc = g.value(stmt, PROV.wasDerivedFrom)
    assert (doc, RDF.type, KGO.Document) in g
    assert str(g.value(doc, DCTERMS.identifier)) == "doc-1"
    assert g.value(stmt, KGO.extractedBy) is not None


def test_rdf_iris_are_minted_stably():
    assert mint_iri("entity", "iran") == KGR["iran"]
    a = mint_iri("statement", "a", "accused", "b", "doc")
    assert a == mint_iri("statement", "a", "accused", "b", "doc")
    assert a != mint_iri("statement", "a", "accused", "b", "doc2")
    assert mint_iri("document", "a b") != mint_iri("document", "a-b")
    with pytest.raises(ValueError):
        mint_iri("nonsense", "x")


@pytest.mark.parametrize("fmt,oxi", [("turtle", "text/turtle"), ("nt", "application/n-triples"),
                                     ("json-ld", None), ("trig", "application/trig"),
                                     ("xml", "application/rdf+xml"), ("nquads", "application/n-quads")])
def test_rdf_every_syntax_reparses_with_rdflib_and_pyoxigraph(graph, fmt, oxi, tmp_path):
    path = tmp_path / f"g.{fmt}"
    graph.serialize(path, format=fmt)
    data = path.read_bytes()
    if fmt in {"trig", "nquads"}:
        ds = Dataset()
        ds.parse(data=data, format=fmt)
        n = sum(1 for _ in ds.quads((None, None, None, None)))
        assert len({str(c.identifier) for c in ds.graphs()}) >= 2  # default + one per document
    else:
        n = len(Graph().parse(data=data, format=fmt))
    assert n > 20
    if oxi:
        quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.from_media_type(oxi)))
        assert len(quads) == n
    else:  # JSON-LD: pyoxigraph reads it too
        quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.JSON_LD))
        assert len(quads) == n


def test_rdf_same_input_same_bytes():
    a = kg.build([kg.Document("d", TEXT)]).serialize(format="turtle")
    b = kg.build([kg.Document("d", TEXT)]).serialize(format="turtle")
    assert a == b


def test_rdf_round_trip_through_load(graph, tmp_path):
    path = tmp_path / "g.ttl"
    graph.serialize(path)
    back = kg.load(path)
    assert {r.triple for r in back.relations} == {r.triple for r in graph.relations}
    assert back.entities["popular-mobilization-forces"].label == graph.entities["popular-mobilization-forces"].label
    assert [d.id for d in back.documents] == ["doc-1"]


def test_rdf_hostile_text_is_escaped(tmp_path):
    text = 'Iran condemned Israel "<script>alert(1)</script>" \\ said.'
    graph = kg.build([kg.Document('x"y<z>', text)])
    for fmt in ("turtle", "nt", "xml", "json-ld", "trig"):
        path = tmp_path / f"h.{fmt}"
        graph.serialize(path, format=fmt)
        assert len(Dataset().parse(path, format=fmt)) >= 0


# -- allegations --------------------------------------------------------------------------
ALLEGATION = "Israeli officials accused Hezbollah of attacking Israel."
REPORTED = "The Pentagon said Iran-backed militias attacked U.S. forces."
UNNAMED_ACCUSER = "Hezbollah has been accused of firing rockets at Israeli towns."


@pytest.fixture(scope="module")
def alleged_turtle():
    graph = kg.build([kg.Document("alleged", ALLEGATION), kg.Document("reported", REPORTED),
                      kg.Document("unnamed", UNNAMED_ACCUSER)])
    return Graph().parse(data=graph.serialize(format="turtle"), format="turtle")


def _ask(g: Graph, query: str) -> bool:
    return g.query("PREFIX kgo: <https://w3id.org/newskg/ontology#> PREFIX kgr: <https://w3id.org/newskg/id/> "
                   "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> " + query).askAnswer


def test_rdf_allegation_is_a_statement_and_no_direct_triple(alleged_turtle):
    g = alleged_turtle
    assert not _ask(g, "ASK { kgr:hezbollah kgo:targeted kgr:israel }")
    assert not _ask(g, "ASK { kgr:hezbollah kgo:targeted ?anyone }")
    assert _ask(g, """ASK { ?st rdf:subject kgr:hezbollah ; rdf:predicate kgo:targeted ; rdf:object kgr:israel ;
                            kgo:alleged true ; kgo:assertedBy kgr:israeli-government }""")
    assert _ask(g, "ASK { kgr:israeli-government kgo:accused kgr:hezbollah }")  # the accusation is a fact


def test_rdf_allegation_with_an_unnamed_accuser_has_no_asserter(alleged_turtle):
    g = alleged_turtle  # "has been accused of firing rockets at Israeli towns": by no one named
    assert _ask(g, """ASK { ?st rdf:subject kgr:hezbollah ; rdf:predicate kgo:targeted ; kgo:alleged true ;
                            <http://www.w3.org/ns/prov#wasDerivedFrom> ?d FILTER NOT EXISTS { ?st kgo:assertedBy ?who }
                            FILTER(CONTAINS(STR(?d), "unnamed")) }""")
    assert not _ask(g, "ASK { kgr:hezbollah kgo:targeted ?anyone }")


def test_rdf_reported_speech_keeps_its_direct_triple(alleged_turtle):
    g = alleged_turtle
    assert _ask(g, "ASK { kgr:iran-backed-militias kgo:targeted kgr:us-forces }")
    assert _ask(g, """ASK { ?st rdf:subject kgr:iran-backed-militias ; rdf:predicate kgo:targeted ;
                            kgo:assertedBy kgr:united-states-department-of-defense
                            FILTER NOT EXISTS { ?st kgo:alleged true } }""")


def test_rdf_alleged_and_reported_statements_of_one_triple_are_apart():
    text = ("Hamas attacked Israeli troops. "
            "Israeli officials accused Hamas of attacking Israeli troops.")
    graph = kg.build([kg.Document("both", text)])
    g = graph.to_rdf()
    stmts = set(g.subjects(RDF.subject, KGR["hamas"])) & set(g.subjects(RDF.predicate, KGO.targeted))
    assert len(stmts) == 2
    alleged = {s for s in stmts if g.value(s, KGO.alleged) is not None}
    assert len(alleged) == 1
    (reported,) = stmts - alleged
    assert str(g.value(reported, KGO.evidence)) == "Hamas attacked Israeli troops."
    assert (KGR["hamas"], KGO.targeted, KGR["israeli-forces"]) in g  # the article reports it too
    assert mint_iri("statement", "hamas", "targeted", "israeli-forces", "both", "alleged", "israeli-government") \
        in alleged


def test_rdf_round_trip_keeps_allegations(tmp_path):
    graph = kg.build([kg.Document("alleged", ALLEGATION), kg.Document("reported", REPORTED),
                      kg.Document("unnamed", UNNAMED_ACCUSER)])
    path = tmp_path / "a.ttl"
    graph.serialize(path)
    back = kg.load(path)
    flags: dict = {}
    for r in back.relations:
        flags.setdefault(r.triple, set()).add((r.alleged, r.asserted_by))
    # alleged twice: by Israeli officials, and by no one named
    assert flags[("hezbollah", "targeted", "israel")] == {(True, "israeli-government"), (True, None)}
    assert flags[("iran-backed-militias", "targeted", "us-forces")] == {(False, "united-states-department-of-defense")}
    edge = back.to_networkx().edges["hezbollah", "israel", "targeted"]
    assert edge["alleged"] and edge["evidence"][0]["alleged"]
    again = back.to_rdf()  # written out again: still no direct triple
    assert (KGR["hezbollah"], KGO.targeted, KGR["israel"]) not in again
    assert (KGR["iran-backed-militias"], KGO.targeted, KGR["us-forces"]) in again


def test_rdf_event_toll_and_unclaimed_round_trip(tmp_path):
    text = ("A car bomb exploded outside a bank in the capital, killing seven people and wounding 20. "
            "No group claimed responsibility.")
    graph = kg.build([kg.Document("blast", text)])
    (event,) = graph.events
    g = graph.to_rdf()
    node = mint_iri("event", event.key)
    assert int(g.value(node, KGO.killed)) == 7 and int(g.value(node, KGO.wounded)) == 20
    assert g.value(node, KGO.unclaimed).toPython() is True
    assert g.value(node, RDF.type) == KGO.Attack
    path = tmp_path / "blast.ttl"
    graph.serialize(path)
    (back,) = kg.load(path).events
    assert (back.killed, back.wounded, back.unclaimed) == (7, 20, True)


def test_rdf_public_names():
    import kg.rdf

    assert sorted(kg.rdf.__all__) == ["NIF", "WD", "entity_iri", "event_iri", "from_rdf", "load",
                                      "mint_iri", "serialize", "to_dataset", "to_graph"]
    assert all(callable(getattr(kg.rdf, name)) or name in {"NIF", "WD"} for name in kg.rdf.__all__)


_SEEDED = """
import hashlib, kg
g = kg.build([kg.Document("a", "Iran condemned Israel. Hamas attacked a checkpoint near Gaza."),
              kg.Document("b", "Turkey and Qatar backed the talks. Egypt hosted Hamas leaders.")])
print(" ".join(hashlib.sha1(g.serialize(format=f).encode()).hexdigest()
               for f in ("turtle", "nt", "json-ld", "trig", "nquads", "xml")))
"""


def test_rdf_every_syntax_gives_the_same_bytes_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _SEEDED], env=env, capture_output=True, text=True, check=True)
        outputs.add(run.stdout.strip().splitlines()[-1])
    assert len(outputs) == 1
