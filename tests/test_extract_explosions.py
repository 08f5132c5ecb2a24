"""Bombs that go off (kg/extract/explosions.py): the family alone, then in extract."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract import extract
from kg.extract.explosions import explosion_events


@pytest.mark.parametrize("text,agents,instrument,killed", [
    ("A car bomb exploded in Kabul on Monday, killing 12 people.", 0, "bomb", 12),
    ("A suicide bomber blew himself up at a checkpoint, killing three soldiers.", 1, None, 3),
    ("A roadside bomb went off near a convoy.", 0, "bomb", None),
])
def test_explosions_are_attacks(text, agents, instrument, killed):
    (event,) = explosion_events(parse(text))
    assert (event.type, len(event.agents), event.instrument, event.killed) == ("Attack", agents, instrument, killed)


@pytest.mark.parametrize("text", [
    "Tensions exploded after the vote.",           # no bomb
    "The bomb did not explode.",                   # negated
    "Experts warned the device could explode.",    # unreal
    "The group threatened to blow up the bridge.",  # a threat, not a blast
])
def test_explosions_that_are_none(text):
    assert list(explosion_events(parse(text))) == []


def test_explosions_the_killing_is_the_blast_toll_not_a_second_attack():
    _, events = extract(parse("A car bomb exploded outside a bank in the capital, killing seven people."))
    assert [(e.type, e.killed, e.targets[0].split("-")[0]) for e in events] == [("Attack", 7, "bank")]
