"""The argument patterns shared by every verb trigger (kg/extract/arguments.py)."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract.arguments import after_verb, in_complement, in_object_phrase, in_prepositional_object, parties


def _verb(rd, lemma):
    return next(t for t in rd.doc if t.lemma_ == lemma)


@pytest.mark.parametrize("text,lemma,preps,expected", [
    ("Syria retaliated against Turkey.", "retaliate", ("against",), ["Turkey"]),
    ("Syria retaliated against Turkey.", "retaliate", ("with",), []),
])
def test_arguments_after_verb(text, lemma, preps, expected):
    rd = parse(text)
    assert [t.text for t in after_verb(rd, _verb(rd, lemma), preps)] == expected


@pytest.mark.parametrize("text,lemma,preps,expected", [
    ("Qatar accepted an offer from Iran.", "accept", ("from",), ["Iran"]),
    ("Serbia rejected a proposal from Albania.", "reject", ("from",), ["Albania"]),
    # an object that is an actor itself is no phrase to search
    ("Qatar accepted Iran from the start.", "accept", ("from",), []),
])
def test_arguments_in_object_phrase(text, lemma, preps, expected):
    rd = parse(text)
    assert [t.text for t in in_object_phrase(rd, _verb(rd, lemma), preps)] == expected


@pytest.mark.parametrize("text,lemma,expected", [
    ("Ethiopia agreed to open its border to Kenya.", "agree", ["Kenya"]),
    # a complement with its own subject is someone else's act
    ("Ethiopia agreed that Sudan would open its border to Kenya.", "agree", []),
    # the object of the verb does what the complement says: "the army" acts, not Turkey
    ("Turkey ordered the army to open the border to Syria.", "order", []),
])
def test_arguments_in_complement(text, lemma, expected):
    rd = parse(text)
    assert [t.text for t in in_complement(rd, _verb(rd, lemma), ("to",))] == expected


@pytest.mark.parametrize("text,lemma,expected", [
    ("Israel agreed to a truce with Hamas.", "agree", ["Hamas"]),
    ("Britain engaged in negotiations with Iran.", "engage", ["Iran"]),
    ("Israel agreed to the plan.", "agree", []),
    ("Iran sent envoys to talks with Oman.", "send", []),  # a direct object: its own slot
])
def test_arguments_in_prepositional_object(text, lemma, expected):
    rd = parse(text)
    assert [t.text for t in in_prepositional_object(rd, _verb(rd, lemma), ("with",))] == expected


def test_arguments_parties_nearest_slot_first():
    rd = parse("Egypt renewed its offer of talks with Hamas.")
    assert [k for k, _, _ in parties(rd, _verb(rd, "renew"), ("with",))] == ["hamas"]
    assert parties(rd, _verb(rd, "renew"), ()) == []


@pytest.mark.parametrize("text,edge", [
    ("Ethiopia agreed to open its border to Kenya.", ("ethiopia", "agreedWith", "kenya")),
    ("Hezbollah vowed to retaliate against Israel.", ("hezbollah", "threatened", "israel")),
    ("Egypt accepted an invitation from Qatar.", ("egypt", "agreedWith", "qatar")),
    ("Sudan demanded an apology from Chad.", ("sudan", "demanded", "chad")),
    ("Israel agreed to a truce with Hamas.", ("israel", "agreedWith", "hamas")),
    ("Blinken discussed the war with Lavrov.", ("antony-blinken", "consulted", "sergei-lavrov")),
])
def test_arguments_give_edges_for_any_trigger(edges_of, text, edge):
    assert edge in edges_of(text)


@pytest.mark.parametrize("text", [
    "Houthi rebels attacked a ship. How well the people accepted them mattered.",  # accepting people
    "The government placed blame on the leaders of Puntland.",  # an imported prep row, a noun object
])
def test_arguments_no_party_where_the_object_is_the_act(edges_of, text):
    assert not {e for e in edges_of(text) if e[1] in {"agreedWith", "coerced"}}
