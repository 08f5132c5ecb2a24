"""kg/extract/verb_together.py: acts of two or more doers together, with the real model."""

from __future__ import annotations

import pytest

import kg


def _triples(text):
    return {(r.subject, r.predicate, r.object) for r in kg.build([text]).relations}


@pytest.mark.parametrize("text,pred,pair", [
    ("Iran and Iraq fought a long war in the 1980s.", "inConflictWith", {"iran", "iraq"}),
    ("The army and the rebels battled for control of the town.", "inConflictWith", None),
    ("Britain and France teamed up to fight piracy.", "cooperatedWith", {"united-kingdom", "france"}),
    ("Kenya and Ethiopia partnered on border security.", "cooperatedWith", {"kenya", "ethiopia"}),
    ("Russia and China collaborated at the United Nations.", "cooperatedWith", {"russia", "china"}),
])
def test_reciprocal_verbs_between_their_doers(text, pred, pair):
    triples = _triples(text)
    assert any(p == pred and (pair is None or {s, o} == pair) for s, p, o in triples), triples


@pytest.mark.parametrize("text", [
    "Britain and France teamed up to fight piracy.",         # what they fight together is no one
    "Germany and Poland battled the floods along the Oder.",
    "The United States and Britain fought terrorism together.",
])
def test_a_shared_patient_is_no_fight_between_the_doers(text):
    assert not any(p == "inConflictWith" for _, p, _ in _triples(text)), _triples(text)


def test_speaking_up_or_out_together_is_no_talk_with_each_other():
    assert not any(p == "consulted" for _, p, _ in _triples("Russia and China spoke up at the meeting."))
    assert not any(p == "consulted" for _, p, _ in _triples("Russia and China spoke out against the sanctions."))


@pytest.mark.parametrize("text,subj,obj", [
    ("Turkey joined forces with Qatar to mediate.", "turkey", "qatar"),
    ("The Kurdish fighters joined hands with the Iraqi army.", "kurdish-fighters", "iraqi-army"),
])
def test_joining_forces_is_cooperation(text, subj, obj):
    triples = _triples(text)
    assert (subj, "cooperatedWith", obj) in triples, triples
    assert not any(p == "partOf" for _, p, _ in triples)


def test_what_a_war_is_fought_over_is_no_third_party():
    triples = _triples("Armenia and Azerbaijan fought a war over Nagorno-Karabakh in 2020.")
    assert any(p == "inConflictWith" and {s, o} == {"armenia", "azerbaijan"} for s, p, o in triples), triples
    assert not any(p == "cooperatedWith" for _, p, _ in triples)
    # a third party fought against still makes partners
    assert any(p == "cooperatedWith" for _, p, _ in _triples("Russia and Iran fought a war against the Islamic State."))
