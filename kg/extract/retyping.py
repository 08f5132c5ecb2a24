"""Cases that retype what a verb row states, by what the clause holds: "police used tear gas
against protesters" is force short of an attack, "attacked Comey on Twitter" an attack in words,
"the IAEA sent inspectors to Iran" an inspection, "to give all Iraqis new hope" no aid.

:data:`RETYPED` lists them; :func:`kg.extract.verbs` applies them in order to a row's predicate.

Examples
--------
>>> import kg
>>> sorted((r.subject, r.predicate, r.object) for r in kg.build(["Trump attacked Comey on Twitter."]).relations)
[('donald-trump', 'criticized', 'comey')]
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import Lexicon, VerbTrigger
from .syntax import OBJECT_DEPS

__all__ = ["RETYPED"]


def _crowd_control(verb: Token, trig: VerbTrigger, lex: Lexicon) -> bool:
    """"police used tear gas against protesters": force short of an attack."""
    return trig.lemma in lex.word_set("using") and any(
        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("crowd_control") for c in verb.children)


def _attacked_in_words(verb: Token, trig: VerbTrigger, lex: Lexicon) -> bool:
    """"Trump attacked the newspaper for refusing ...", "attacked Comey on Twitter", "in a
    speech" (words/medium.txt): an attack in words."""
    if trig.lemma not in lex.word_set("attack_in_words"):
        return False
    return any((c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" for g in c.children))
               or (c.dep_ == "prep" and c.lower_ in {"on", "in"}  # "attacked Comey on Twitter"
                   and any(g.lemma_.lower() in lex.word_set("medium") for g in c.children))
               for c in verb.children)


def _sent_inspectors(verb: Token, trig: VerbTrigger, lex: Lexicon) -> bool:
    """"the IAEA sent inspectors to Iran": an inspection, not aid."""
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("inspector") for c in verb.children)


def _gave_intangible(verb: Token, trig: VerbTrigger, lex: Lexicon) -> bool:
    """"to give all Iraqis new hope": no aid."""
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.word_set("intangible") for c in verb.children)


#: Cases that retype what a row states, tried in order on the predicate so far:
#: (predicate, test of ``(verb, row, lex)``, the predicate it becomes, ``None`` for none).
RETYPED: tuple[tuple[str, Callable[[Token, VerbTrigger, Lexicon], bool], str | None], ...] = (
    ("targeted", _crowd_control, "coerced"),
    ("targeted", _attacked_in_words, "criticized"),
    ("aided", _sent_inspectors, "investigated"),
    ("aided", _gave_intangible, None),
)
