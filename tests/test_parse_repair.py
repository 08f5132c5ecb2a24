"""kg/parse_repair.py: a sentence the parser read as a noun phrase gets its verb back."""

from __future__ import annotations

import pytest

import kg
from kg.nlp import load_pipeline


def _arcs(text):
    return {(t.text, t.dep_, t.head.text) for t in load_pipeline()(text)}


@pytest.mark.parametrize("text,verb,obj", [
    ("Trump visited troops in Iraq.", "visited", "troops"),   # the verb read as an adjective of its object
    ("Trump hosted Abe at his resort.", "hosted", "Abe"),     # ... with the object as the root
    ("Trump called Erdogan on Sunday.", "called", "Erdogan"),  # the verb read as a participle of the name
    ("Earlier this month, Trump hosted Abe at his resort.", "hosted", "Abe"),  # after a fronted adverbial
    ("On Monday, Trump visited troops in Iraq.", "visited", "troops"),
])
def test_repair_makes_the_verb_the_root(text, verb, obj):
    arcs = _arcs(text)
    assert (verb, "ROOT", verb) in arcs
    assert ("Trump", "nsubj", verb) in arcs and (obj, "dobj", verb) in arcs


def test_repair_moves_a_fronted_adverbial_to_the_verb():
    arcs = _arcs("Earlier this month, Trump hosted Abe at his resort.")
    assert ("month", "npadvmod", "hosted") in arcs and (",", "punct", "hosted") in arcs


@pytest.mark.parametrize("text", [
    "Obama visited troops in Iraq.",                               # parsed right: nothing to do
    "Trump, called the Donald by his fans, spoke in Ohio.",        # an aside, and a verbal root
    "The Islamic State fighters killed in the raid were buried.",  # a participle, and a verbal root
])
def test_repair_leaves_a_sentence_with_a_verbal_root_alone(text):
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["kg_parse_repair"]):
        bare = [(t.dep_, t.head.i, t.tag_) for t in nlp(text)]
    assert [(t.dep_, t.head.i, t.tag_) for t in nlp(text)] == bare


def test_repair_keeps_sentences_and_is_in_the_pipeline():
    nlp = load_pipeline()
    assert nlp.pipe_names[-1] == "kg_parse_repair"
    doc = nlp("Trump visited troops in Iraq. Obama stayed home.")
    assert [s.text for s in doc.sents] == ["Trump visited troops in Iraq.", "Obama stayed home."]


def test_repair_gives_the_relation_end_to_end():
    graph = kg.build(["Trump phoned Macron after the attack."])
    assert ("donald-trump", "consulted", "emmanuel-macron") in {r.triple for r in graph.relations}


def test_repair_reads_a_plural_taken_for_the_root_verb_as_the_subject():
    doc = load_pipeline()("US airstrikes against al-Shabaab killed 20 militants.")
    arcs = {(t.text, t.dep_, t.head.text) for t in doc}
    assert ("killed", "ROOT", "killed") in arcs and ("airstrikes", "nsubj", "killed") in arcs
    assert next(t for t in doc if t.text == "airstrikes").lemma_ == "airstrike"


@pytest.mark.parametrize("text", [
    "Russia attacks Ukraine.",                 # a verb indeed
    "Israel strikes Gaza, killing 20.",        # a participle clause after a comma
    "The US strikes back, said the official.",
])
def test_repair_leaves_a_present_tense_root_alone(text):
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["kg_parse_repair"]):
        bare = [(t.dep_, t.head.i, t.tag_) for t in nlp(text)]
    assert [(t.dep_, t.head.i, t.tag_) for t in nlp(text)] == bare


def test_repair_gives_the_strikes_their_target_end_to_end():
    triples = {r.triple for r in kg.build(["US airstrikes against al-Shabaab killed 20 militants."]).relations}
    assert ("united-states", "targeted", "al-shabaab") in triples


@pytest.mark.parametrize("text,subj,verb", [
    ("The rebels negotiated with the government over the release of prisoners.", "rebels", "negotiated"),
    ("The envoy negotiated with the Taliban for months.", "envoy", "negotiated"),
])
def test_repair_an_article_and_a_noun_read_as_the_whole_sentence(text, subj, verb):
    arcs = _arcs(text)
    assert (verb, "ROOT", verb) in arcs and (subj, "nsubj", verb) in arcs


@pytest.mark.parametrize("text", [
    "Three soldiers killed in attack",                            # a headline: no article, no stop
    "The soldiers killed in the attack were buried on Monday.",   # a verbal root already
])
def test_repair_leaves_a_headline_and_a_reduced_relative_alone(text):
    assert ("killed", "ROOT", "killed") not in _arcs(text)
