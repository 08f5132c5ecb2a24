"""Retyping a verb row's predicate by what its clause holds (kg/extract/retyping.py): each case
alone on a parsed sentence, then end to end."""

from __future__ import annotations

import pytest

import kg
from kg.extract.retyping import RETYPED
from kg.lexicon import load_lexicon


def _case(name):
    return next(case for _, case, _ in RETYPED if case.__name__ == name)


def _verb_row(text, lemma):
    lex = load_lexicon()
    doc = kg.parse(text).doc
    verb = next(t for t in doc if t.lemma_ == lemma)
    return verb, lex.verbs[lemma][0], lex


@pytest.mark.parametrize("name,text,lemma,expected", [
    ("_attacked_in_words", "Trump attacked Comey on Twitter.", "attack", True),
    ("_attacked_in_words", "Trump attacked the newspaper for refusing to apologise.", "attack", True),
    ("_attacked_in_words", "Militants attacked the base in a dawn raid.", "attack", False),
    ("_crowd_control", "Police used tear gas against protesters.", "use", True),
    ("_crowd_control", "Police fired rubber bullets at the protesters.", "fire", True),   # any verb
    ("_crowd_control", "The regime fired poison gas at civilians.", "fire", False),      # no tear gas
    ("_crowd_control", "Coast guard ships fired water cannon at a supply boat.", "fire", False),  # a vessel
    ("_sent_inspectors", "The IAEA sent inspectors to Iran.", "send", True),
])
def test_retyping_case_alone(name, text, lemma, expected):
    verb, row, lex = _verb_row(text, lemma)
    assert _case(name)(verb, row, lex) is expected


def test_retyping_end_to_end():
    rels = {(r.subject, r.predicate, r.object) for r in kg.build(["Police used tear gas against protesters."]).relations}
    assert any(p == "coerced" and o.startswith("protesters") for _, p, o in rels), rels


def test_one_named_person_attacking_another_does_it_in_words():
    rels = {(r.subject, r.predicate, r.object) for r in kg.build(["Clinton attacked Trump over his tax returns."]).relations}
    assert ("clinton", "criticized", "donald-trump") in rels, rels
    # an unnamed attacker still attacks
    rels = {(r.predicate, r.object) for r in kg.build(["A gunman attacked Salman Rushdie on stage."]).relations}
    assert ("targeted", "salman-rushdie") in rels, rels
