"""Designations as terrorist groups are sanctions; doers acting each on their own are no partners."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,edge", [
    ("Turkey has designated the YPG as terrorists.", ("turkey", "sanctioned", "peoples-protection-units")),
    ("Britain designated Hamas a terrorist organisation in 2021.", ("united-kingdom", "sanctioned", "hamas")),
    ("Hamas was designated a terrorist group by Britain.", ("united-kingdom", "sanctioned", "hamas")),
    ("Al-Shabab, a U.S.-designated terrorist group, attacked a hotel.", ("united-states", "sanctioned", "al-shabaab")),
])
def test_sanctions_a_terrorist_designation(edges_of, text, edge):
    assert edge in edges_of(text)


def test_sanctions_designating_a_place_is_none(edges_of):
    assert edges_of("Egypt designated Cairo as the venue for the talks.") == set()


def test_sanctions_both_did_it_each_on_their_own(edges_of):
    edges = edges_of("The United States and Pakistan have both designated the BLA as a terrorist group.")
    assert not {e for e in edges if e[1] == "cooperatedWith"}
    assert ("pakistan", "sanctioned", "balochistan-liberation-army") in edges
