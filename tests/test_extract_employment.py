"""Employment as membership (kg/extract/employment.py): who is hired, recruited, appointed or
elected into a body is part of it; the one who appoints is not the body."""

from __future__ import annotations

import pytest

import kg
from kg.extract.employment import employed
from kg.lexicon import load_lexicon


def _part_of(text):
    return {(r.subject, r.object) for r in kg.build([text]).relations if r.predicate == "partOf"}


@pytest.mark.parametrize("text,pair", [
    ("Google hired David Jones as its chief economist.", ("david-jones", "google")),
    ("David Jones was hired by Google last year.", ("david-jones", "google")),
    ("Edward Snowden, who worked for the CIA, leaked the documents.", ("edward-snowden", "central-intelligence-agency")),
    ("Lisa Brown was appointed to the Federal Reserve board.", ("lisa-brown", "federal-reserve")),
    ("Elizabeth Warren was elected to the Senate in 2012.", ("elizabeth-warren", None)),
])
def test_employment_makes_a_member(text, pair):
    person, body = pair
    assert any(s == person and (body is None or o == body) for s, o in _part_of(text)), _part_of(text)


@pytest.mark.parametrize("text", [
    "Parliament elected Joseph Haddad as president.",   # the electors take no one in
    "Donald Trump appointed Christopher Wray.",         # a person is no body
    "Google will hire David Jones next year.",          # not a fact yet
    "Google did not hire David Jones.",                 # negated: no plain membership
])
def test_employment_without_a_member(text):
    rels = [r for r in kg.build([text]).relations if r.predicate == "partOf" and r.rule.startswith("role:member:employ")
            and not r.negated]
    assert rels == []


def test_employment_pattern_alone_on_a_parsed_sentence():
    rd = kg.parse("David Jones was recruited by the FBI in 2010.")
    verb = next(t for t in rd.doc if t.lemma_ == "recruit")
    sent = next(iter(rd.doc.sents))
    rels = list(employed(rd, sent, verb, "employ", load_lexicon()))
    assert [(r.subject, r.predicate, r.object) for r in rels] == [("david-jones", "partOf", "federal-bureau-of-investigation")]
