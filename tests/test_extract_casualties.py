"""Casualties as numbers (kg/extract/casualties.py) and the attack they belong to."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract import extract
from kg.extract.casualties import casualties, number_of
from kg.lexicon import load_lexicon

LEX = load_lexicon()


@pytest.mark.parametrize("text,value", [
    ("12", 12), ("1,200", 1200), ("five", 5), ("twenty-five", 25), ("two dozen", 24),
    ("three hundred", 300), ("dozens", None), ("several", None),
])
def test_casualties_numbers_as_written(text, value):
    assert number_of(text, LEX) == value


@pytest.mark.parametrize("text,trigger,toll", [
    ("Militants stormed a police post, killing four officers and wounding six.", "stormed", (4, 6)),
    ("Rebels shelled the town, injuring at least 30 civilians.", "shelled", (None, 30)),
    ("Gunmen killed nine villagers in the attack.", "killed", (9, None)),
    ("Fourteen soldiers were killed in the ambush.", "ambush", (14, None)),
    ("Gunmen stormed a hotel, killing dozens of guests.", "stormed", (None, None)),
])
def test_casualties_toll_of_a_trigger(text, trigger, toll):
    doc = parse(text).doc
    anchor = next(t for t in doc if t.text == trigger)
    assert casualties(anchor, LEX) == toll


def test_casualties_the_killing_an_attack_results_in_is_no_event_of_its_own():
    rels, events = extract(parse("Gunmen stormed a hotel in the capital, killing five guests and wounding 12 others."))
    assert [(e.type, e.killed, e.wounded) for e in events] == [("Attack", 5, 12)]
    assert events[0].targets[0].startswith("hotel-")
    # the people killed are still its victims
    assert {r.predicate for r in rels if r.subject.startswith("gunmen-")} == {"targeted"}
