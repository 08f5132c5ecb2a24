"""Noun triggers (kg/extract/nominal.py, noun_agents.py, noun_objects.py): who an attack harmed."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,edge", [
    ("Three Hezbollah fighters died in an Israeli strike.", ("israel", "targeted", "hezbollah")),
    ("Two soldiers died in the attack by the PKK.", ("kurdistan-workers-party", "targeted", "soldiers")),
])
def test_nominal_who_died_in_an_attack_was_its_target(edges_of, text, edge):
    assert edge in edges_of(text)


def test_nominal_who_died_in_an_attack_did_not_make_it(edges_of):
    # the ones who died are harmed, not agents of each other's attack
    assert edges_of("Twenty passengers and four soldiers died in the attack.") == set()


def test_a_compound_noun_row_outranks_its_head():
    import kg
    triples = {(r.subject, r.predicate, r.object) for r in kg.build(["Ruto held a phone call with Museveni."]).relations}
    assert any(p == "consulted" and o == "yoweri-museveni" for _, p, o in triples)
    assert not any(p == "demanded" for _, p, _ in triples)  # "a call on X" is a demand; a phone call is not


def test_under_investigation_by_someone():
    import kg
    triples = {(r.subject, r.predicate, r.object) for r in kg.build(
        ["Safaricom is under investigation by the European Commission."]).relations}
    assert ("european-commission", "investigated", "safaricom") in triples
