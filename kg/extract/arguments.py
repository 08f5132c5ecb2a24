"""Where a trigger's other party sits: argument patterns shared by every trigger.

A lexicon row says which relation a verb states; these patterns say where the
other party of that relation may be written, whatever the verb. Each pattern is
a small generator over the dependency tree that yields candidate tokens; it
asks the lexicon (``ontology/lexicon/arguments.tsv``) which prepositions can
introduce the other party of a relation, and never names a content word.

=========================  =====================================================
``after_verb``             a preposition on the verb: "retaliated against X"
``in_object_phrase``       inside the object noun phrase: "demanded the
                           withdrawal of X", "accepted an offer from X",
                           "renewed talks with X", "welcomed talks between X and Y"
``in_prepositional_object`` inside the noun a preposition on the verb governs:
                           "agreed to a truce with X", "took part in talks with X"
``in_complement``          inside an infinitive or clausal complement:
                           "agreed to reopen its border to X", "vowed to
                           retaliate against X"
=========================  =====================================================

:func:`parties` runs them in that order and returns the first that finds an
actor, so a nearer slot outranks a farther one.

Examples
--------
>>> from kg import parse
>>> rd = parse("Egypt renewed its offer of talks with Hamas.")
>>> verb = rd.doc[1]
>>> [k for k, _, _ in parties(rd, verb, ("with",))]
['hamas']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from ..resolve import ResolvedDoc
from .actors import actors
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["PATTERNS", "after_verb", "in_complement", "in_object_phrase", "in_prepositional_object", "parties"]

#: Dependencies of a clause that completes a verb ("agreed to reopen", "said it would").
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
#: How deep into nouns of nouns an object phrase is searched ("an offer of talks with X").
_NOUN_DEPTH = 2

Party = tuple[str, Token, float]
Pattern = Callable[[ResolvedDoc, Token, "tuple[str, ...] | frozenset[str]"], Iterator[Token]]


def after_verb(rd: ResolvedDoc, verb: Token, preps) -> Iterator[Token]:
    """Objects of the relation's prepositions on the verb itself ("retaliated against X").

    >>> from kg import parse
    >>> rd = parse("Syria retaliated against Turkey.")
    >>> [t.text for t in after_verb(rd, rd.doc[1], ("against",))]
    ['Turkey']
    """
    yield from prep_objects(verb, preps)


def _nouns_down(noun: Token, depth: int) -> Iterator[Token]:
    """A noun and the nouns its "of" phrases name, ``depth`` levels down."""
    yield noun
    if depth > 0:
        for pobj in prep_objects(noun, ("of",)):
            yield from _nouns_down(pobj, depth - 1)


def in_object_phrase(rd: ResolvedDoc, verb: Token, preps) -> Iterator[Token]:
    """Objects of the relation's prepositions inside the verb's object phrase, when the
    object itself names no actor: "demanded the release of X" (of), "accepted an offer
    from X" (from), "resumed negotiations with X" (with).

    >>> from kg import parse
    >>> rd = parse("Qatar accepted an offer from Iran.")
    >>> [t.text for t in in_object_phrase(rd, rd.doc[1], ("from",))]
    ['Iran']
    """
    for obj in verb.children:
        if obj.dep_ not in OBJECT_DEPS or rd.actor_at(obj):
            continue
        for noun in _nouns_down(obj, _NOUN_DEPTH):
            yield from prep_objects(noun, preps)


def in_prepositional_object(rd: ResolvedDoc, verb: Token, preps) -> Iterator[Token]:
    """Objects of the relation's prepositions inside a noun that a preposition on the verb
    governs, when that noun names no actor: "agreed to a truce with X", "took part in talks
    with X" (the verb has no direct object: "agreed on a plan with X" has none either).

    >>> from kg import parse
    >>> rd = parse("Israel agreed to a truce with Hamas.")
    >>> [t.text for t in in_prepositional_object(rd, rd.doc[1], ("with",))]
    ['Hamas']
    """
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return
    yield from _in_prepositions(rd, verb, preps)


def _in_prepositions(rd: ResolvedDoc, verb: Token, preps) -> Iterator[Token]:
    """Objects of the relation's prepositions inside the nouns other prepositions on the verb
    govern ("to a truce with X", "under a deal with X")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ in preps:
            continue  # the relation's own prepositions are after_verb's
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and not rd.actor_at(pobj):
                for noun in _nouns_down(pobj, _NOUN_DEPTH):
                    yield from prep_objects(noun, preps)


def in_complement(rd: ResolvedDoc, verb: Token, preps) -> Iterator[Token]:
    """The other party inside an infinitive or clausal complement that states what the
    subject does: its object, or the relation's prepositions on it or its object
    ("agreed to open its border to X", "vowed to retaliate against X"), or inside a noun
    its prepositions govern ("agreed to free prisoners under a deal with X"), before its
    object. A complement with a subject of its own ("demanded that X leave") is someone
    else's act: not searched.

    >>> from kg import parse
    >>> rd = parse("Ethiopia agreed to open its border to Kenya.")
    >>> [t.text for t in in_complement(rd, rd.doc[1], ("to",))]
    ['Kenya']
    """
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return  # "ordered the army to fire on X": the army acts, not the subject
    for clause in verb.children:
        if clause.dep_ not in _COMPLEMENT_DEPS or clause.i < verb.i:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            continue
        near = [*prep_objects(clause, preps), *in_object_phrase(rd, clause, preps),
                *_in_prepositions(rd, clause, preps)]
        if any(rd.actor_at(t) for t in near):
            yield from near  # "agreed to free prisoners under a deal with X": X, not the prisoners
            continue
        for obj in clause.children:
            if obj.dep_ in OBJECT_DEPS and rd.actor_at(obj):
                yield obj


#: The argument patterns, nearest slot first.
PATTERNS: tuple[Pattern, ...] = (after_verb, in_object_phrase, in_prepositional_object, in_complement)


def parties(rd: ResolvedDoc, verb: Token, preps, complement_preps=(), *,
            patterns: tuple[Pattern, ...] = PATTERNS) -> list[Party]:
    """The actors the first matching pattern finds for a trigger whose other party may
    follow one of ``preps`` (in a complement clause: ``complement_preps``); ``[]`` when
    none does."""
    for pattern in patterns:
        found: list[Party] = []
        seen: set[str] = set()
        wanted = complement_preps if pattern is in_complement else preps
        if not wanted:
            continue
        for tok in pattern(rd, verb, wanted):
            for key, at, factor in actors(rd, tok) or actors(rd, tok, via_modifiers=True):
                if key not in seen:
                    seen.add(key)
                    found.append((key, at, factor))
        if found:
            return found
    return []
