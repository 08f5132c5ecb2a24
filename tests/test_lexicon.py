"""The trigger lexicons: well-formed data, and only ontology terms."""

from __future__ import annotations

from kg.lexicon import load_lexicon
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.vocab import KGO, RELATION_PROPERTIES

#: Predicates emitted by code paths that do not come from a lexicon row.
STRUCTURAL = {"partOf", "locatedIn", "stationedIn", "leaderOf", "claimedResponsibilityFor",
              "agreedWith", "threatened", "demanded", "inConflictWith", "consulted", "cooperatedWith"}


def test_lexicon_every_predicate_is_an_ontology_property():
    lex = load_lexicon()
    emitted = set(lex.predicates) | set(lex.reciprocal.values()) | STRUCTURAL
    assert emitted <= RELATION_PROPERTIES, emitted - RELATION_PROPERTIES
    for pred in emitted:
        assert KGO[pred]  # the closed namespace raises on an undeclared term


def test_lexicon_every_class_is_an_ontology_class():
    lex = load_lexicon()
    classes = {n.cls for n in lex.actor_nouns.values()} | {c for n in lex.actor_nouns.values() for c in n.refers_to}
    classes |= {t.event for t in lex.nouns.values() if t.event}
    assert classes <= ACTOR_TYPES | EVENT_TYPES
    for cls in ACTOR_TYPES | EVENT_TYPES:
        assert KGO[cls]


def test_lexicon_rows_are_well_formed():
    lex = load_lexicon()
    for lemma, triggers in lex.verbs.items():
        assert lemma == lemma.lower() and " " not in lemma
        for t in triggers:
            assert 0 < t.confidence <= 1
            assert t.object in {"dobj", "dative", "ccomp", "for-clause", "special:deny"} or t.object.startswith(("prep:", "dobj+"))
    for noun in lex.nouns.values():
        assert 0 <= noun.confidence <= 1
    assert set(lex.intent.values()) <= {"cooperate", "threaten", "deny", "pursue", "continue"}
    assert all(p is None or p in RELATION_PROPERTIES for p in lex.titles.values())
