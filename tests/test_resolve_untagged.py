"""Names the tagger missed (kg/resolve/untagged.py): the pass alone, then end to end."""

from __future__ import annotations

import pytest

import kg
from kg import parse


@pytest.mark.parametrize("text,key", [
    ("Police arrested Yusuf Abdi in Kismayo.", "yusuf-abdi"),
    ("Protesters attacked Evenor in the street.", "evenor"),               # no tag at all
    ("The shooting of Yusuf Abdi by soldiers angered the town.", "yusuf-abdi"),  # tagged a product
])
def test_untagged_name_that_takes_part_is_a_person(text, key):
    rd = parse(text)
    assert rd.entities[key].type == "Person"


@pytest.mark.parametrize("text,word", [
    ("The Resolution urged both sides to respect the truce.", "resolution"),     # an article: a thing
    ("The Commission on the Limits met in New York.", "commission"),        # "on": a body's name
    ("Members urged calm.", "members"),                                     # one word opening the sentence
    ("The court ruled under the Joint Plan of Action.", "action"),          # the end of a longer name
])
def test_untagged_names_leave_things_and_bodies_alone(text, word):
    assert not [k for k in parse(text).entities if word in k]


def test_untagged_name_end_to_end():
    rels = kg.build(["The shooting of Yusuf Abdi by soldiers angered the town."]).relations
    assert any(r.object == "yusuf-abdi" and r.predicate == "targeted" for r in rels)


@pytest.mark.parametrize("text,key", [
    ("Okafor charged the mayor with bribery.", "okafor"),
    ("Mbeki urged Harare to hold free elections.", "mbeki"),
])
def test_a_surname_opening_the_sentence_as_subject_is_a_person(text, key):
    assert parse(text).entities[key].type == "Person"


@pytest.mark.parametrize("text,word", [
    ("Witnesses said the convoy was attacked.", "witnesses"),   # a plural common noun
    ("Attack helicopters struck the town.", "attack"),          # a word of kg's lexicons
])
def test_a_common_word_opening_the_sentence_is_no_surname(text, word):
    # (a noun of people may still be an unnamed participant: kg.resolve.participants)
    assert not [k for k, e in parse(text).entities.items() if k.startswith(word) and e.type == "Person"]


def test_a_name_hyphened_after_a_persons_before_a_noun_is_a_person():
    rd = parse("The Trump-Kim summit in Singapore ended without a deal.")
    kim = next(t for t in rd.doc if t.text == "Kim")
    assert rd.entities[rd.token_actor[kim.i]].type == "Person"


def test_a_capitalised_word_the_agents_dictionary_lists_before_its_noun_is_no_name():
    import kg
    rd = kg.parse("Riot police used tear gas against the demonstrators.")
    assert "riot" not in rd.entities
    assert any(r.subject.startswith("riot-police") and r.predicate == "coerced"
               for r in kg.build(["Riot police used tear gas against the demonstrators."]).relations)
