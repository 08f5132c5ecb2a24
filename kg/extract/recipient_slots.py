"""Slots whose other party receives or is addressed: the indirect object ("gave Ukraine
weapons", "sold weapons to India"), the one called ("Macron called Putin on Friday") and the
one spoken to ("Biden spoke to Zelensky"), for the rows of ``ontology/lexicon/verbs.tsv``
(``dative``, ``only-object``, ``addressee:P``). Each takes ``(rd, verb, trigger, passive,
lex)`` like every slot of :mod:`kg.extract.verb_slots`.

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> rd = parse("Biden spoke to Zelensky about the war.")
>>> trig = next(t for t in lex.verbs["speak"] if t.object == "addressee:to")
>>> [k for k, _, _ in addressee_slot(rd, rd.doc[1], trig, False, lex)]
['volodymyr-zelensky']
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon, VerbTrigger
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["addressee_slot", "dative_slot", "indirect_object", "only_object_slot"]


def indirect_object(rd: ResolvedDoc, verb: Token) -> list[Actor]:
    """The actors of a verb's indirect object: in "fined Google $5 billion", "promised Kyiv
    more air defences", "owed Iran $6 billion" it is the party the act concerns and the direct
    object the thing (which the parser may hang on it)."""
    return [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in actors(rd, c)]


def dative_slot(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The indirect object: "gave Ukraine weapons", "sent weapons to Ukraine"."""
    out = []
    for child in verb.children:
        if child.dep_ == "dative":
            target = child
            if child.lower_ in {"to", "for"}:
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            out.extend(actors(rd, target))
    return out


def only_object_slot(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """A verb's one nominal complement, which the parser may call a direct object or a
    predicate complement, and nothing said of it: "Macron called Putin on Friday" (a call),
    not "called Trump a liar", "called Merkel to apologize"."""
    nominal = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "oprd"]
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
        return []  # "an airfield, also called Q-West": a name given
    if passive or len(nominal) != 1 or any(c.dep_ in {"xcomp", "ccomp", "dative"} for c in verb.children):
        return []
    edge = nominal[0].left_edge
    if edge.is_quote or (edge.i > 0 and edge.doc[edge.i - 1].is_quote):
        return []  # 'also called "Q-West"': a name in quotes
    return actors(rd, nominal[0])


#: Kinds of actor one speaks with, not an audience ("spoke to Zelensky", not "spoke to reporters",
#: "talked to the BBC" or "speaking to British lawmakers").
_INTERLOCUTORS = frozenset({"Person", "State"})


def addressee_slot(rd: ResolvedDoc, verb: Token, trig: VerbTrigger, passive: bool, lex: Lexicon) -> list[Actor]:
    """The object of the row's preposition when it is someone one talks with: "Biden spoke to
    Zelensky", "Merkel talked to Putin"; not an audience ("spoke to reporters", "talked to
    the BBC") and not on "speaking to" a crowd."""
    preps = frozenset(trig.object.split(":", 1)[1].split(","))
    return [a for p in prep_objects(verb, preps) for a in actors(rd, p)
            if rd.entities[a[0]].type in _INTERLOCUTORS]
