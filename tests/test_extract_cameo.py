"""Verb rows imported from the CAMEO verb dictionary, as extraction uses them."""

from __future__ import annotations

import pytest

import kg


def _relations(text):
    return [r for r in kg.build([text]).relations if not r.negated]


def test_cameo_verb_noun_pattern_gives_the_relation_and_its_origin():
    rels = [r for r in _relations("Bahrain ended its talks with Qatar.") if r.triple == ("bahrain", "sanctioned", "qatar")]
    assert rels, "ending talks with X reduces relations with X (CAMEO 16)"
    assert "@CAMEO.2.0.txt:" in rels[0].rule  # the dictionary line it came from


def test_cameo_pattern_needs_its_noun_as_object():
    # "end" alone states nothing; with an object that is no act noun of the pattern, no edge
    assert not any(r.triple[:2] == ("bahrain", "sanctioned") for r in _relations("Bahrain ended the season in Qatar."))


def test_cameo_own_rows_outrank_the_dictionary():
    # kg's row: firing at X targets X (the dictionary would make it a fight)
    assert ("hezbollah", "targeted", "israel") in {r.triple for r in _relations("Hezbollah fired rockets at Israel.")}
    # condemning an attack on X criticises the attacker, never X
    assert not any(r.object == "egypt" for r in _relations("Jordan condemned the attack on Egypt."))


@pytest.mark.parametrize("text,forbidden", [
    # an imported verb takes its direct object only: nothing through a modifier
    ("The ministers discussed UK-France co-operation on migration.", "france"),
    # a preposition the relation never takes is no slot ("died in Syria")
    ("Sergeant John Miller died in Syria.", "syria"),
])
def test_cameo_imported_rows_stay_in_their_slots(text, forbidden):
    assert not any(r.object == forbidden for r in _relations(text))


@pytest.mark.parametrize("text,forbidden", [
    # acting together on a third party is cooperation only for verbs kg knows itself
    ("Japan and China have been disputing the uninhabited islands for years.", ("japan", "cooperatedWith", "china")),
    # a particle the dictionary has no row for changes the verb: "rip off" is no attack
    ("Canada has been ripping off the United States for decades.", ("canada", "targeted", "united-states")),
])
def test_cameo_imported_rows_make_no_joint_act_or_phrasal_reading(text, forbidden):
    assert forbidden not in {r.triple for r in _relations(text)}


@pytest.mark.parametrize("text,edge", [
    # a sum written with a sign is money: CAMEO's "transfer * &CURRENCY" (aid, 071)
    ("Qatar transferred $15 million to Gaza.", ("qatar", "aided", "gaza-strip")),
    ("The EU allocated €300 million to Jordan.", ("european-union", "aided", "jordan")),
])
def test_cameo_sum_of_money_is_the_money_noun(text, edge):
    rels = [r for r in _relations(text) if r.triple == edge]
    assert rels and "@CAMEO.2.0.txt:" in rels[0].rule


def test_cameo_talk_pattern_relates_coordinated_doers():
    # "exchange * views" (CAMEO 046) with no other party: they talked with each other
    rels = _relations("Abe and Modi exchanged views on regional security.")
    assert any(r.predicate == "consulted" and {r.subject, r.object} >= {"narendra-modi"} and r.rule.endswith(":reciprocal")
               for r in rels)
    # a pattern with a party of its own ("took part in X") relates no doers to each other
    rels = _relations("The army and the air force took part in the operation.")
    assert not any(r.rule.endswith(":reciprocal") for r in rels)


def test_cameo_pattern_reads_the_recipient_of_a_dative():
    # "sell * weapon" (CAMEO 062) names the buyer in "to X", as an indirect object would
    assert ("russia", "cooperatedWith", "india") in {r.triple for r in _relations("Russia sold weapons to India.")}


@pytest.mark.parametrize("text,edge", [
    ("The senators sent a letter to Facebook.", ("senators", "consulted", "facebook")),
    ("Kim wrote a letter to Trump.", ("kim", "consulted", "donald-trump")),
    ("Iran delivered a message to the United States.", ("iran", "consulted", "united-states")),
    ("Putin sent condolences to Erdogan after the earthquake.", ("vladimir-putin", "consulted", "recep-tayyip-erdogan")),
    ("Modi sent greetings to Xi on his birthday.", ("narendra-modi", "consulted", "xi-jinping")),
])
def test_correspondence_sent_consults_its_addressee_and_is_no_aid(text, edge):
    rels = {(r.subject.split("-")[0] if r.subject.startswith("senators-") else r.subject, r.predicate, r.object)
            for r in _relations(text)}
    assert edge in rels
    assert not any(p == "aided" for _, p, _ in rels)


@pytest.mark.parametrize("text,edge", [
    ("Hezbollah receives weapons from Iran.", ("iran", "aided", "hezbollah")),
    ("The militia obtained arms from Iran.", ("iran", "aided", "militia")),
    ("Egypt got $12 billion from the IMF.", ("international-monetary-fund", "aided", "egypt")),
    # "sell * jet" (CAMEO 062) with the buyer after "to", hung on the verb as a preposition
    ("Russia sold fighter jets to India.", ("russia", "cooperatedWith", "india")),
    ("India bought fighter jets from France.", ("india", "cooperatedWith", "france")),  # the seller after "from"
])
def test_arms_and_money_received_or_sold(text, edge):
    rels = {(r.subject.split("-")[0] if r.subject.startswith("militia-") else r.subject, r.predicate,
             r.object.split("-")[0] if r.object.startswith("militia-") else r.object) for r in _relations(text)}
    assert edge in rels, rels


def test_a_message_received_is_no_aid():
    assert not any(r.predicate == "aided" for r in _relations("Iran received a message from Oman."))
