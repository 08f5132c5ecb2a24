"""kg/extract/decisions.py: an actor's own decisions and their makers, alone."""

from __future__ import annotations

import pytest

from kg import parse
from kg.extract.decisions import decision_maker, own_decision
from kg.lexicon import load_lexicon


@pytest.mark.parametrize("text,noun,expected", [
    ("Washington's decision to arm the Kurds angered Turkey.", "decision", True),
    ("The move by Russia to annex Crimea drew sanctions.", "move", True),
    ("Russia's invitation to Trump to visit Moscow was declined.", "invitation", False),  # a message to another
    ("Iraq's efforts to destroy the group continue.", "efforts", False),                  # a campaign under way
])
def test_own_decision(text, noun, expected):
    doc = parse(text).doc
    assert own_decision(next(t for t in doc if t.text == noun), load_lexicon()) is expected


@pytest.mark.parametrize("text,noun,maker", [
    ("Washington's decision to arm the Kurds angered Turkey.", "decision", "Washington"),
    ("The move by Russia to annex Crimea drew sanctions.", "move", "Russia"),
    ("The decision to arm the Kurds angered Turkey.", "decision", None),
])
def test_decision_maker(text, noun, maker):
    doc = parse(text).doc
    found = decision_maker(next(t for t in doc if t.text == noun))
    assert (found.text if found is not None else None) == maker
