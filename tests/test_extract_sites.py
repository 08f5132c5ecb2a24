"""Attacks on unnamed sites end to end: what a site may take part in (kg/extract/sites.py)."""

from __future__ import annotations

import pytest

import kg
from kg import parse
from kg.extract import extract


@pytest.mark.parametrize("text,edge,event", [
    ("The RSF shelled the main hospital in Wad Madani.", ("rapid-support-forces", "targeted", "main-hospital"),
     "Attack"),
    ("The main hospital in Wad Madani was shelled by the RSF.",
     ("rapid-support-forces", "targeted", "main-hospital"), "Attack"),
    ("Houthi rebels attacked a ship.", ("houthis", "targeted", "ship"), "Attack"),
    ("Pirates hijacked a fishing trawler off Somalia.", ("pirates", "coerced", "fishing-trawler"), "Seizure"),
    ("Soldiers raided a hospital in the city.", ("soldiers", "coerced", "hospital"), "Seizure"),
])
def test_sites_an_attack_on_a_site_is_an_edge_and_an_event(edges_of, text, edge, event):
    assert edge in edges_of(text)
    graph = kg.build([text])
    assert [(e.type, graph.entities[e.targets[0]].label.replace(" ", "-")) for e in graph.events] == [(event, edge[2])]


@pytest.mark.parametrize("text", [
    "The minister visited a hospital in Kabul.",   # no attack: no site, no locatedIn
    "Aid trucks reached a camp near the border.",
    "The president took office in January.",       # an imported CAMEO row is no seizure of a site
])
def test_sites_take_part_only_in_attacks_raids_and_seizures(text):
    rd = parse(text)
    rels, events = extract(rd)
    sites = {k for k, e in rd.entities.items() if e.type in {"Facility", "Place", "Vehicle"} and k[-1].isdigit()}
    assert not any({r.subject, r.object} & sites for r in rels)


def test_sites_keep_the_foe_named_beside_them():
    # "seize the hospital from X": the site does not take the place of the foe
    rels, _ = extract(parse("Government forces tried to seize the hospital from the rebels of the FLN."))
    assert not any(r.predicate == "targeted" and r.object.startswith("hospital") for r in rels if r.rule.endswith("@"))


def test_sites_event_location_is_where_the_site_lies():
    _, events = extract(parse("A drone struck a displacement camp near El Fasher."))
    (event,) = events
    assert event.type == "Attack" and event.agents == () and event.instrument == "drone"
    assert event.location == "el-fasher" and event.targets[0].startswith("displacement-camp-")
    assert event.label == "Drone attack on displacement camp"
