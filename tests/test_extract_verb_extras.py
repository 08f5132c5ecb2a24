"""kg/extract/verb_extras.py: a weapon sent at someone, whatever the verb."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,edge", [
    ("Hezbollah dropped bombs on northern Israel.", ("hezbollah", "targeted", "israel")),
    ("The Houthis launched a drone at Eilat.", ("houthis", "targeted", "eilat")),
])
def test_a_weapon_fired_at_someone_targets_them(edges_of, text, edge):
    assert edge in edges_of(text)


@pytest.mark.parametrize("text", [
    "North Korea fired two ballistic missiles into the Sea of Japan.",
    "China launched a rocket into the East China Sea.",
])
def test_a_weapon_fired_into_the_sea_hits_no_one(edges_of, text):
    assert not any(p == "targeted" for _, p, _ in edges_of(text))


def test_a_sea_named_with_a_state_is_one_place():
    import kg
    keys = set(kg.build(["North Korea fired two ballistic missiles into the Sea of Japan."]).entities)
    assert "sea-of-japan" in keys and "sea" not in keys


def test_a_patrol_is_a_force(edges_of):
    edges = edges_of("Taliban fighters ambushed a U.S. patrol in Helmand.")
    assert ("taliban", "targeted", "us-forces") in edges


def test_what_two_sides_exchange_is_no_party(edges_of):
    edges = edges_of("Ukraine and Russia exchanged prisoners on Friday.")
    assert not any(o.startswith("prisoners") for _, _, o in edges)
    assert {("ukraine", "cooperatedWith", "russia"), ("russia", "cooperatedWith", "ukraine")} & edges


@pytest.mark.parametrize("text,edge", [
    # a verb of striking with "out" attacks with words; a capital it is aimed at stands for its state
    ("China hit out at Washington over its Taiwan policy.", ("china", "criticized", "united-states")),
    ("Erdogan lashed out at Moscow.", ("recep-tayyip-erdogan", "criticized", "russia")),
])
def test_hitting_out_at_someone_criticizes_them(edges_of, text, edge):
    edges = edges_of(text)
    assert edge in edges and not any(p == "targeted" for _, p, _ in edges)


@pytest.mark.parametrize("text,conceded", [
    ("India evacuated its citizens from Sudan.", False),  # a rescue, no retreat
    ("Britain evacuated its nationals from Lebanon.", False),
    ("Russia withdrew its troops from Kherson.", True),
])
def test_evacuating_civilians_is_no_retreat(edges_of, text, conceded):
    assert any(p == "conceded" for _, p, _ in edges_of(text)) is conceded


@pytest.mark.parametrize("text,edge", [
    # ties made or raised between coordinated doers: diplomatic cooperation (PLOVER SUPPORT)
    ("Israel and Morocco established diplomatic relations.", ("israel", "supported", "morocco")),
    ("India and Japan strengthened their defense ties.", ("india", "supported", "japan")),
])
def test_ties_forged_between_two_sides(edges_of, text, edge):
    assert edge in edges_of(text)


def test_establishing_something_else_is_no_tie(edges_of):
    assert edges_of("Hamas and Fatah established positions in the camp.") == set()
