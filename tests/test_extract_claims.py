"""Claims of responsibility that refer back (kg/extract/claims.py)."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract import extract


def _events(text: str):
    return extract(parse(text))


def test_claims_a_later_claim_ties_the_claimant_to_the_attack():
    rels, events = _events("Gunmen stormed a hotel in the capital. Al-Shabab claimed responsibility for the attack.")
    (event,) = events
    assert event.claimed_by == ("al-shabaab",) and not event.unclaimed
    claimed = [r for r in rels if r.rule == "claim:responsibility:earlier"]
    assert [(r.subject, r.predicate, r.asserted_by) for r in claimed] == [("al-shabaab", "targeted", None)]
    assert claimed[0].object == event.targets[0]


def test_claims_the_attack_told_before_its_toll():
    text = ("Militants attacked a convoy near the border. Seven soldiers were killed. "
            "The Pakistani Taliban claimed the attack.")
    _, events = _events(text)
    claimed = [e for e in events if e.claimed_by]
    assert len(claimed) == 1 and claimed[0].targets[0].startswith("convoy-")


@pytest.mark.parametrize("claim", [
    "No group claimed responsibility.",
    "No one has claimed responsibility for the bombing.",
    "Neither the Taliban nor the Islamic State group claimed the attack.",
])
def test_claims_no_one_claims_it(claim):
    _, events = _events(f"A bomb exploded at a market in the city. {claim}")
    assert [(e.agents, e.claimed_by, e.unclaimed) for e in events] == [((), (), True)]


@pytest.mark.parametrize("text", [
    # the claim names its own act: not the earlier attack
    "Gunmen attacked a bus in the north. The group took credit for attacking a military convoy.",
    # an indefinite or plural act is no reference back
    "Gunmen attacked a bus in the north. The group has claimed responsibility for several attacks.",
    # no earlier attack
    "Al-Shabab claimed responsibility for the attack.",
])
def test_claims_that_refer_to_nothing_earlier(text):
    rels, events = _events(text)
    assert not any(r.rule == "claim:responsibility:earlier" for r in rels)
    assert not any(e.claimed_by and e.evidence.start == 0 for e in events)
