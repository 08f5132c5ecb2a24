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
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["RETYPED"]


def _crowd_control(verb: Token, trig: VerbTrigger, lex: Lexicon) -> bool:
    """"police used tear gas against protesters", "fired rubber bullets at demonstrators": force
    short of an attack (words/crowd_control.txt, matched with the words before the noun)."""
    means = lex.word_set("crowd_control")
    if any(p.lemma_.lower() in lex.word_set("weapon") for p in prep_objects(verb, ("at", "on", "against"))):
        return False  # "fired water cannon at a Philippine supply boat": at a vessel or a machine, an attack
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        words = [*(m.lower_ for m in obj.lefts if m.dep_ in {"compound", "amod"}), obj.lemma_.lower()]
        if any(" ".join(words[i:]) in means for i in range(len(words))):
            return True
    return False


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
