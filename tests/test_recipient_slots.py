"""kg/extract/recipient_slots.py: the other party who receives or is addressed, slot by slot."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract.recipient_slots import addressee_slot, dative_slot, indirect_object, only_object_slot
from kg.lexicon import load_lexicon


def _row(lemma, spec):
    return next(t for t in load_lexicon().verbs[lemma] if t.object == spec)


def _keys(found):
    return [k for k, _, _ in found]


def test_indirect_object_is_the_party_concerned():
    rd = parse("The EU fined Google $5 billion.")
    assert _keys(indirect_object(rd, rd.doc[2])) == ["google"]


def test_dative_slot_reads_to_as_well():
    rd = parse("Russia sold weapons to India.")
    assert _keys(dative_slot(rd, rd.doc[1], _row("give", "dative"), False, load_lexicon())) == ["india"]


@pytest.mark.parametrize("text,expected", [
    ("Macron called Putin on Friday.", ["vladimir-putin"]),
    ("Clinton called Trump a liar.", []),
    ("Obama called Merkel to apologize.", []),
])
def test_only_object_slot(text, expected):
    rd = parse(text)
    verb = next(t for t in rd.doc if t.lemma_ == "call")
    assert _keys(only_object_slot(rd, verb, _row("call", "only-object"), False, load_lexicon())) == expected


@pytest.mark.parametrize("text,expected", [
    ("Biden spoke to Zelensky about the war.", ["volodymyr-zelensky"]),
    ("Erdogan spoke to the BBC on Sunday.", []),
])
def test_addressee_slot_is_a_person_or_a_state(text, expected):
    rd = parse(text)
    assert _keys(addressee_slot(rd, rd.doc[1], _row("speak", "addressee:to"), False, load_lexicon())) == expected
