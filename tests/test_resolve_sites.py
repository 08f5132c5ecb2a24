"""Unnamed sites (kg/resolve/sites.py): the resolution pass alone."""

from __future__ import annotations

import pytest

from kg import parse
from kg.resolve import is_participant


def _sites(text: str) -> dict[str, str]:
    """label -> class of the unnamed sites of a resolved text."""
    rd = parse(text)
    return {e.label: e.type for e in rd.entities.values()
            if e.type in {"Facility", "Place", "Vehicle"} and is_participant(e, rd.document.id)}


@pytest.mark.parametrize("text,expected", [
    ("Gunmen stormed a hotel near the port.", {"hotel": "Facility"}),
    ("The militia shelled the main hospital in Wad Madani.", {"main hospital": "Facility"}),
    ("Pirates attacked a cargo ship off the coast.", {"cargo ship": "Vehicle"}),
    ("Soldiers burned a village in the north.", {"village": "Place"}),
    ("Rockets slammed into a school on Tuesday.", {"school": "Facility"}),
    ("Rebels fired on a checkpoint and a convoy.", {"checkpoint": "Facility", "convoy": "Vehicle"}),
    ("A car bomb exploded outside a bank in the capital.", {"bank": "Facility"}),
])
def test_sites_a_noun_an_act_hits_becomes_a_site(text, expected):
    assert _sites(text) == expected


@pytest.mark.parametrize("text", [
    "Protesters marched past the U.S. embassy.",       # the state's embassy: the state's
    "Militants attacked the Israeli embassy.",
    "The army shelled ISIL-held buildings.",            # owned by the named group; plural
    "Israeli forces raided the Jenin refugee camp.",    # a name before it: the name's
    "Pirates seized the tanker Sea Lion in the gulf.",  # named right after it
    "Officials met in a hotel in Geneva.",              # where they met, not what was hit
    "The hospital was busy.",                           # no act on it
    "Rebels burned villages in the north.",             # plural: routine, not one target
])
def test_sites_what_is_no_unnamed_target(text):
    assert _sites(text) == {}


def test_sites_a_definite_mention_refers_back():
    rd = parse("Gunmen stormed a hotel in the capital. Police surrounded the hotel.")
    hotels = [rd.token_actor.get(t.i) for t in rd.doc if t.lower_ == "hotel"]
    assert len(hotels) == 2 and hotels[0] is not None and hotels[0] == hotels[1]


def test_sites_are_scoped_to_their_document():
    a = parse("Gunmen stormed a hotel.", document=None)
    from kg import Document
    b = parse("Gunmen stormed a hotel.", document=Document("other", "Gunmen stormed a hotel."))
    assert {k for k, e in a.entities.items() if e.type == "Facility"} != \
        {k for k, e in b.entities.items() if e.type == "Facility"}
