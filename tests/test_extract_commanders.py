"""Forces named for their commander (resolve: the ``commander`` qualifier; kg/extract/commanders.py)."""

from __future__ import annotations

import kg
from kg import parse
from kg.extract.commanders import commanded_forces


def test_commanders_the_resolver_records_whose_forces_they_are():
    rd = parse("Haftar's fighters shelled the airport.")
    assert [(q.kind, q.other) for q in rd.qualifiers if q.kind == "commander"] == [
        ("commander", "khalifa-haftar")]


def test_commanders_forces_are_part_of_what_the_commander_leads(edges_of):
    text = "Hemedti leads the Rapid Support Forces. Hemedti's fighters shelled El Fasher."
    assert ("hemedtis-fighters", "partOf", "rapid-support-forces") in edges_of(text)


def test_commanders_no_guess_when_the_text_says_nothing_of_what_he_leads():
    graph = kg.build(["Hemedti's fighters shelled El Fasher."])
    assert not [r for r in graph.relations if r.predicate == "partOf" and r.subject == "hemedtis-fighters"]



def test_commanders_a_commander_who_leads_nothing_named_adds_nothing():
    # a commander qualifier with no leaderOf in the document (this once raised TypeError)
    rd = parse("Haftar's fighters shelled the airport.")
    assert [q.kind for q in rd.qualifiers] == ["commander"]
    assert commanded_forces(rd, []) == []
