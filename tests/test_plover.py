"""A statement's PLOVER class (kg/plover.py), from the trigger's CAMEO code and its ends' kinds."""

from __future__ import annotations

import pytest
import rdflib

import kg
from kg.evaluate import GoldPair, GoldSentence, Prediction, score
from kg.plover import statement_class
from kg.vocab import KGO


@pytest.mark.parametrize("predicate,code,stype,otype,expected", [
    ("targeted", "1822", "MilitaryForce", "Collective", "ASSAULT"),  # torture: unconventional
    ("targeted", "186", "State", "Person", "ASSAULT"),               # assassination
    ("targeted", "190", "MilitaryForce", "Place", "FIGHT"),           # shelling a town
    ("targeted", None, "State", "Person", "ASSAULT"),                 # a state kills a person
    ("targeted", "190", "ArmedGroup", "MilitaryForce", "FIGHT"),      # conventional force between armed sides
    ("targeted", None, "ArmedGroup", "Facility", "ASSAULT"),
    ("inConflictWith", None, "ArmedGroup", "ArmedGroup", "FIGHT"),
    ("accused", "112", "State", "State", None),                       # the property decides
])
def test_plover_statement_class(predicate, code, stype, otype, expected):
    assert statement_class(predicate, code=code, subject_type=stype, object_type=otype) == expected


@pytest.mark.parametrize("text,triple,cls", [
    ("Russian forces tortured Ukrainian prisoners.", ("russian-forces", "targeted", "ukrainian-prisoners"), "ASSAULT"),
    ("Russian forces shelled Kharkiv.", ("russian-forces", "targeted", "kharkiv"), "FIGHT"),
])
def test_plover_class_on_extracted_statements(text, triple, cls):
    rels = {r.triple: r for r in kg.build([text]).relations}
    assert rels[triple].plover == cls


def test_plover_class_is_exported_and_read_back(tmp_path):
    graph = kg.build(["Russian forces shelled Kharkiv."])
    rdf = graph.to_rdf()
    assert (None, KGO.ploverClass, rdflib.Literal("FIGHT")) in rdf
    path = tmp_path / "g.ttl"
    graph.serialize(str(path))
    back = {r.triple: r.plover for r in kg.load(str(path)).relations}
    assert back[("russian-forces", "targeted", "kharkiv")] == "FIGHT"


def test_plover_scoring_uses_the_statement_class():
    gold = [GoldSentence("s", "Russian forces shelled Kharkiv.", (GoldPair("Russian forces", "Kharkiv", "FIGHT"),))]
    pred = Prediction("russian-forces", "targeted", "kharkiv", ("Russian forces",), ("Kharkiv",), plover="FIGHT")
    assert score(gold, {"s": [pred]}, scheme="plover").levels["class"].recall == 1.0
    assault = Prediction("russian-forces", "targeted", "kharkiv", ("Russian forces",), ("Kharkiv",), plover="ASSAULT")
    assert score(gold, {"s": [assault]}, scheme="plover").levels["class"].recall == 0.0
