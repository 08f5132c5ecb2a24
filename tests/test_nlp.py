"""The spaCy pipeline's own components (kg/nlp.py): sentence starts at line breaks and crossheads."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,sentences", [
    # a sub-heading that lost its line break is its own segment
    ("Rebels shelled the town. Talks stall Since Monday, the army has held the road.",
     ["Rebels shelled the town.", "Talks stall", "Since Monday, the army has held the road."]),
    ("The ministry confirmed the deaths. Border clashes The army said it repelled the attack.",
     ["The ministry confirmed the deaths.", "Border clashes", "The army said it repelled the attack."]),
    # a capitalised opener inside a sentence, far from its start, is no crosshead
    ("Judges of the International Court of Justice sat in The Hague on Monday.",
     ["Judges of the International Court of Justice sat in The Hague on Monday."]),
    # a line break always starts a sentence
    ("Army retakes town\nThe army recaptured the town on Monday.",
     ["Army retakes town", "The army recaptured the town on Monday."]),
])
def test_nlp_sentence_starts(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents if s.text.strip()] == sentences


def test_an_abbreviation_hyphened_to_a_name_is_split():
    from kg.nlp import load_pipeline
    words = [t.text for t in load_pipeline()("The U.S.-Taliban deal was signed in Doha.")]
    assert words[1:4] == ["U.S.", "-", "Taliban"]


@pytest.mark.parametrize("text,word,lemma", [
    ("Iraqi forces retook the city from the militants.", "retook", "retake"),  # the lemmatizer keeps "retook"
    ("Iraqi forces re-took Ramadi.", "re-took", "retake"),
    ("Ethiopia agreed to re-open its borders.", "re-open", "reopen"),
    ("The talks resumed on Monday.", "resumed", "resume"),                  # a regular verb is left alone
])
def test_a_re_verb_is_lemmatized_as_re_and_its_verb(nlp, text, word, lemma):
    assert next(t.lemma_ for t in nlp(text) if t.text == word) == lemma
