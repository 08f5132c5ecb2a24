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


@pytest.mark.parametrize("text,edge", [
    ("Ghana banned imports of Nigerian rice.", ("ghana", "sanctioned", "nigeria")),
    ("Kenya halted imports from Uganda.", ("kenya", "sanctioned", "uganda")),
    ("Congress blocked arms sales to Qatar.", ("united-states-congress", "sanctioned", "qatar")),
    ("Algeria suspended gas deliveries to Spain.", ("algeria", "sanctioned", "spain")),
    ("Peru banned Chilean exports.", ("peru", "sanctioned", "chile")),
])
def test_sanctions_an_embargo_on_goods_or_dealings_hits_their_source_or_destination(edges_of, text, edge):
    assert edge in edges_of(text)


@pytest.mark.parametrize("text", [
    "Ghana banned the opposition party.",          # the verb alone: no embargo
    "The court blocked the transfer of the prisoner.",
])
def test_sanctions_a_ban_on_something_else_is_no_embargo(edges_of, text):
    assert not {e for e in edges_of(text) if e[1] == "sanctioned"}


def test_lexicon_pattern_noun_may_be_a_word_list():
    from kg.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.names_noun("@trade", "export") and not lex.names_noun("@trade", "sanction")
    assert any(t.noun == "@trade" for t in lex.verbs["halt"])


@pytest.mark.parametrize("text,edge", [
    ("Eritrea, which is under American sanctions, expelled the envoy.", ("united-states", "sanctioned", "eritrea")),
    ("Belarus faces new sanctions from the European Union.", ("european-union", "sanctioned", "belarus")),
    ("Cuba remains under American sanctions.", ("united-states", "sanctioned", "cuba")),
])
def test_sanctions_one_is_under_or_faces(edges_of, text, edge):
    assert edge in edges_of(text)


def test_sanctions_a_mission_received_is_no_attack(edges_of):
    assert not {e for e in edges_of("Kenya's president received a mission of observers from the African Union.")
                if e[1] == "targeted"}
