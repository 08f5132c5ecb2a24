"""The ontology (ontology/kg.ttl) and its closed namespace in code (kg/vocab.py)."""

from __future__ import annotations

import re

import owlrl
import pyoxigraph
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

import kg.vocab
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.vocab import (
    EVENT_ROLE_PROPERTIES,
    KGO,
    KGR,
    ONTOLOGY_IRI,
    PLOVER,
    RELATION_PROPERTIES,
    SYMMETRIC_PROPERTIES,
    ontology_file,
    ontology_graph,
)

KGO_NS = str(KGO._NS)
#: Every term of the closed namespaces, walked from the classes (not a hand list).
KGO_TERMS = frozenset(URIRef(t) for t in dir(KGO))
PLOVER_TERMS = frozenset(URIRef(t) for t in dir(PLOVER))
ERR = rdflib.Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)

# The relation table of DESIGN.md: the contract, so written out by hand.
# name -> (super-property or None, symmetric)
DESIGN_RELATIONS = {
    "alignedWith": (None, True),
    "backedBy": ("alignedWith", False),
    "partOf": (None, False),
    "leaderOf": (None, False),
    "locatedIn": (None, False),
    "stationedIn": (None, False),
    "accused": (None, False),
    "blamed": ("accused", False),
    "criticized": (None, False),
    "condemned": ("criticized", False),
    "threatened": (None, False),
    "targeted": (None, False),
    "inConflictWith": (None, True),
    "coerced": (None, False),
    "sanctioned": (None, False),
    "mobilizedAgainst": (None, False),
    "protestedAgainst": (None, False),
    "rejected": (None, False),
    "denied": ("rejected", False),
    "demanded": (None, False),
    "investigated": (None, False),
    "conceded": (None, False),
    "aided": ("supported", False),
    "cooperatedWith": (None, False),
    "supported": (None, False),
    "agreedWith": (None, False),
    "consulted": (None, False),
    "visited": ("consulted", False),
    "claimedResponsibilityFor": (None, False),
}
DESIGN_EVENT_ROLES = {"agent", "target", "location", "instrument", "outcome", "date"}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def closure() -> rdflib.Graph:
    """The OWL RL closure of the ontology and SAMPLE."""
    return _closure(SAMPLE)


def _kgo_terms_in(graph: rdflib.Graph) -> set[URIRef]:
    return {n for t in graph for n in t if isinstance(n, URIRef) and str(n).startswith(KGO_NS)}


def _closure(data: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g += ontology_graph()
    g.parse(data=data, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


def _inconsistencies(g: rdflib.Graph) -> list[str]:
    errors = [str(m) for m in g.objects(None, ERR.error)]
    errors += [f"{s} is owl:Nothing" for s in g.subjects(RDF.type, OWL.Nothing)]
    return errors


PREFIXES = """
@prefix kgo: <https://w3id.org/newskg/ontology#> .
@prefix kgr: <https://w3id.org/newskg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

SAMPLE = PREFIXES + """
kgr:houthis a kgo:ArmedGroup ; rdfs:label "Houthis" ; kgo:backedBy kgr:iran .
kgr:iran a kgo:State ; rdfs:label "Iran" .
kgr:israel a kgo:State ; rdfs:label "Israel" ;
    kgo:inConflictWith kgr:hamas ; kgo:targeted kgr:shifa ; kgo:visited kgr:gaza .
kgr:hamas a kgo:ArmedGroup ; rdfs:label "Hamas" ; kgo:claimedResponsibilityFor kgr:event-1 .
kgr:sinwar a kgo:Person ; rdfs:label "Yahya Sinwar" ; kgo:leaderOf kgr:hamas ; kgo:partOf kgr:hamas .
kgr:gaza a kgo:Place ; rdfs:label "Gaza" ; kgo:locatedIn kgr:palestine .
kgr:palestine a kgo:State ; rdfs:label "Palestine" .
kgr:shifa a kgo:Facility ; rdfs:label "al-Shifa Hospital" ; kgo:locatedIn kgr:gaza .
kgr:us-forces a kgo:MilitaryForce ; rdfs:label "US forces" ; kgo:stationedIn kgr:iraq .
kgr:iraq a kgo:State ; rdfs:label "Iraq" .
kgr:event-1 a kgo:Attack ; rdfs:label "rocket attack" ; kgo:agent kgr:hamas ; kgo:target kgr:israel ;
    kgo:location kgr:gaza ; kgo:instrument "rockets" ; kgo:date "2023-10-07"^^xsd:date ;
    kgo:confidence 0.8 ; kgo:evidence "Hamas fired rockets." ; prov:wasDerivedFrom kgr:document-a1 .
kgr:statement-1 a rdf:Statement ; rdf:subject kgr:houthis ; rdf:predicate kgo:backedBy ;
    rdf:object kgr:iran ; kgo:confidence 0.9 ; kgo:evidence "The Iran-backed Houthis fired." ;
    kgo:extractedBy "compound-backed" ; kgo:assertedBy kgr:israel ;
    prov:wasDerivedFrom kgr:document-a1 .
kgr:document-a1 a kgo:Document ; dcterms:identifier "a1" ; dcterms:date "2024-01-02"^^xsd:date .
"""


def test_vocab_ttl_parses_with_rdflib_and_pyoxigraph():
    text = ontology_file("kg.ttl").read_bytes()
    g = rdflib.Graph().parse(data=text, format="turtle")
    quads = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(quads) > 500
    store = pyoxigraph.Store()
    store.load(text, format=pyoxigraph.RdfFormat.TURTLE)
    assert bool(
        store.query(
            "ASK { <https://w3id.org/newskg/ontology#backedBy> "
            "<http://www.w3.org/2000/01/rdf-schema#subPropertyOf> "
            "<https://w3id.org/newskg/ontology#alignedWith> }"
        )
    )


def test_vocab_ontology_metadata(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    for prop in (OWL.versionIRI, DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator):
        assert onto.value(ONTOLOGY_IRI, prop) is not None, prop
    assert str(onto.value(ONTOLOGY_IRI, OWL.versionIRI)).startswith(str(ONTOLOGY_IRI))


def test_vocab_namespace_equals_declared_terms(onto):
    in_code = KGO_TERMS
    declared = {t for kind in DECLARATIONS for t in onto.subjects(RDF.type, kind) if str(t).startswith(KGO_NS)}
    assert in_code == declared
    # and no kgo: IRI is used in the file without being declared
    assert _kgo_terms_in(onto) == declared


def test_vocab_namespace_annotations_are_the_terms():
    assert {KGO[name] for name in KGO.__annotations__} == KGO_TERMS
    assert all(KGO[str(t).removeprefix(KGO_NS)] == t for t in KGO_TERMS)


@pytest.mark.parametrize("term", sorted(KGO_TERMS), ids=lambda t: t.removeprefix(KGO_NS))
def test_vocab_term_has_english_label_and_definition(onto, term):
    labels = [lab for lab in onto.objects(term, RDFS.label) if lab.language == "en"]
    comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
    assert len(labels) == 1 and str(labels[0]).strip()
    assert len(comments) == 1 and len(str(comments[0])) > 20
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto


def test_vocab_undefined_term_raises():
    with pytest.raises(AttributeError):
        KGO.nonsense  # noqa: B018
    with pytest.raises(AttributeError):
        PLOVER.DISAPPROVE  # noqa: B018
    assert KGO.accused == URIRef(KGO_NS + "accused")
    assert KGR["iran"] == URIRef("https://w3id.org/newskg/id/iran")


@pytest.mark.parametrize("name", sorted(DESIGN_RELATIONS))
def test_vocab_design_relation_is_declared(onto, name):
    p = KGO[name]
    sup, symmetric = DESIGN_RELATIONS[name]
    assert (p, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(p, RDFS.domain) is not None and onto.value(p, RDFS.range) is not None
    supers = set(onto.objects(p, RDFS.subPropertyOf))
    assert supers == ({KGO[sup]} if sup else set())
    assert ((p, RDF.type, OWL.SymmetricProperty) in onto) is symmetric
    assert name in RELATION_PROPERTIES


def test_vocab_relation_constants_agree_with_ontology(onto):
    assert set(DESIGN_RELATIONS) <= RELATION_PROPERTIES
    for name in RELATION_PROPERTIES:
        assert (KGO[name], RDF.type, OWL.ObjectProperty) in onto
    symmetric = {str(p).removeprefix(KGO_NS) for p in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == SYMMETRIC_PROPERTIES
    assert EVENT_ROLE_PROPERTIES == DESIGN_EVENT_ROLES
    for name in EVENT_ROLE_PROPERTIES:
        assert onto.value(KGO[name], RDFS.domain) == KGO.Event
    assert onto.value(KGO.date, RDFS.range) == ns.XSD.date
    assert onto.value(KGO.confidence, RDFS.range) == ns.XSD.decimal
    assert (KGO.instrument, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(KGO.claimedResponsibilityFor, RDFS.range) == KGO.Event


def test_vocab_inverses(onto):
    assert (KGO.hasMember, OWL.inverseOf, KGO.partOf) in onto
    assert (KGO.ledBy, OWL.inverseOf, KGO.leaderOf) in onto


def _descendants(onto: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(onto.transitive_subjects(RDFS.subClassOf, cls))


def test_vocab_model_types_are_ontology_classes(onto):
    entities = _descendants(onto, KGO.NamedEntity)
    events = _descendants(onto, KGO.Event)
    assert {KGO[t] for t in ACTOR_TYPES} <= entities
    assert {KGO[t] for t in EVENT_TYPES} <= events
    assert not entities & events
    # states act and are territories; places do not act
    assert KGO.State in _descendants(onto, KGO.Actor) & _descendants(onto, KGO.Place)
    assert KGO.Place not in _descendants(onto, KGO.Actor)
    assert KGO.Facility in _descendants(onto, KGO.Place)


@pytest.mark.parametrize(
    ("cls", "external"),
    [
        (KGO.Person, URIRef("https://schema.org/Person")),
        (KGO.Place, URIRef("https://schema.org/Place")),
        (KGO.Place, URIRef("http://www.opengis.net/ont/geosparql#Feature")),
        (KGO.Organization, URIRef("https://schema.org/Organization")),
        (KGO.Event, URIRef("https://schema.org/Event")),
        (KGO.Document, PROV.Entity),
        (KGO.Actor, PROV.Agent),
    ],
)
def test_vocab_alignments(onto, cls, external):
    assert (cls, RDFS.subClassOf, external) in onto


def test_vocab_plover_concepts_match_namespace(onto):
    concepts = set(onto.subjects(RDF.type, SKOS.Concept))
    assert concepts == PLOVER_TERMS
    for c in concepts:
        assert onto.value(c, SKOS.prefLabel) is not None and onto.value(c, SKOS.definition) is not None


def test_vocab_plover_and_cameo_mappings_are_consistent(onto):
    mapped = set(onto.subjects(KGO.ploverClass, None)) | set(onto.subjects(KGO.cameoCode, None))
    assert {KGO.accused, KGO.targeted, KGO.Attack, KGO.Protest} <= mapped
    for term in mapped:
        names = {str(v) for v in onto.objects(term, KGO.ploverClass)}
        assert {PLOVER[n] for n in names} == set(onto.objects(term, SKOS.closeMatch))
        for code in onto.objects(term, KGO.cameoCode):
            assert isinstance(code, Literal) and re.fullmatch(r"\d{2,3}", str(code))
    # every PLOVER class has at least one relation property mapped to it
    for concept in PLOVER_TERMS:
        props = [t for t in onto.subjects(SKOS.closeMatch, concept) if str(t).removeprefix(KGO_NS) in RELATION_PROPERTIES]
        assert props, concept
    assert str(onto.value(KGO.blamed, KGO.cameoCode)) == "112"
    assert {str(c) for c in onto.objects(KGO.targeted, KGO.cameoCode)} == {"18", "20"}


def test_vocab_owlrl_closure_is_consistent_and_infers(closure):
    g = closure
    assert _inconsistencies(g) == []
    # backedBy ⊑ alignedWith, and alignedWith is symmetric
    assert (KGR.houthis, KGO.alignedWith, KGR.iran) in g
    assert (KGR.iran, KGO.alignedWith, KGR.houthis) in g
    assert (KGR.hamas, KGO.inConflictWith, KGR.israel) in g
    assert (KGR.israel, KGO.consulted, KGR.gaza) in g
    # inverses and transitivity
    assert (KGR.hamas, KGO.hasMember, KGR.sinwar) in g
    assert (KGR.hamas, KGO.ledBy, KGR.sinwar) in g
    assert (KGR.shifa, KGO.locatedIn, KGR.palestine) in g
    # types inferred from the class hierarchy
    assert (KGR.houthis, RDF.type, KGO.Organization) in g
    assert (KGR.iran, RDF.type, KGO.Place) in g
    assert (KGR["event-1"], RDF.type, KGO.Event) in g
    assert (KGR["statement-1"], RDF.type, RDF.Statement) in g


def test_vocab_owlrl_domains_and_ranges_do_not_mistype_places(closure):
    g = closure
    # a visited place and a targeted facility stay places: no Actor inferred
    for place in (KGR.gaza, KGR.shifa):
        assert (place, RDF.type, KGO.Actor) not in g
        assert (place, RDF.type, KGO.NamedEntity) in g
    # no kgo type on a statement, event or document other than its own kind
    kgo_types = {o for o in g.objects(KGR["document-a1"], RDF.type) if str(o).startswith(KGO_NS)}
    assert kgo_types == {KGO.Document}
    assert not any(isinstance(o, BNode) for o in g.objects(KGR.gaza, RDF.type))


def test_vocab_owlrl_reports_disjoint_types():
    bad = PREFIXES + """
    kgr:sinwar a kgo:Person ; rdfs:label "Yahya Sinwar" .
    kgr:event-2 a kgo:Attack ; kgo:location kgr:sinwar .
    """
    assert _inconsistencies(_closure(bad))


def test_vocab_ontology_graph_is_cached(onto):
    assert ontology_graph() is onto
    assert onto.namespace_manager.store.namespace("kgo") == URIRef(KGO_NS)


def test_vocab_public_names():
    assert sorted(kg.vocab.__all__) == [
        "EVENT_FACT_PROPERTIES",
        "EVENT_ROLE_PROPERTIES",
        "KGO",
        "KGR",
        "ONTOLOGY_IRI",
        "PLOVER",
        "PREFIXES",
        "RELATION_PROPERTIES",
        "SYMMETRIC_PROPERTIES",
        "ontology_file",
        "ontology_graph",
        "ontology_root",
    ]


def test_vocab_data_comes_from_the_checkout_the_code_runs_from():
    """Not from another copy of kg installed in editable mode: its data may not match."""
    from pathlib import Path

    root = Path(kg.vocab.__file__).resolve().parents[1]
    assert Path(str(kg.vocab.ontology_root())).resolve() in {root / "ontology", root / "kg" / "ontology"}
