"""Bombs that go off: an attack with no target but the place it hits.

"A car bomb exploded in a crowded market in Kabul, killing 12 people", "a suicide
bomber blew himself up at a checkpoint", "an explosive device went off near a
convoy": the verb (``words/exploding.txt``) names no target, yet the sentence
reports an attack. Its subject is the instrument (a weapon of ``words/weapon.txt``
or ``words/instrument.txt``) or the bomber (an actor: the agent). What it hits is
the site where it went off (an unnamed site the resolver made of "a market", or a
named facility); the place is the event's location. The casualties, the instrument
and the date are read as for any attack (:func:`~kg.extract.events.make_event`).
A negated or unreal explosion ("the bomb did not explode", "could explode") is none.

Examples
--------
>>> from kg import parse
>>> [(e.type, e.instrument, e.location, e.killed) for e in explosion_events(parse(
...     "A car bomb exploded in Kabul on Monday, killing 12 people."))]
[('Attack', 'bomb', 'kabul', 12)]
>>> list(explosion_events(parse("Police said the device could explode.")))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..model import Event
from ..resolve import ResolvedDoc
from .actors import actors
from .events import make_event
from .modality import is_negated
from .syntax import prep_objects

__all__ = ["explodes", "explosion_events"]

#: Prepositions of the site a bomb went off at.
_AT = frozenset({"in", "at", "near", "outside", "inside"})
#: Kinds of a named actor that are a site, not an agent.
_SITES = frozenset({"Facility", "Vehicle"})


def explodes(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb says a bomb went off ("exploded", "blew up", "went off")."""
    words = lex.word_set("exploding")
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return (f"{lemma} {particle}" if particle else lemma) in words


def _unreal(verb: Token) -> bool:
    """"did not explode", "could explode", "threatened to blow up": no explosion reported."""
    return is_negated(verb) or verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def explosion_events(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Event]:
    """The attacks that bombs going off make (see the module docstring)."""
    lex = lexicon or load_lexicon()
    weapons = lex.word_set("weapon") | lex.word_set("instrument")
    for sent in rd.doc.sents:
        for verb in sent:
            if verb.pos_ != "VERB" or not explodes(verb, lex) or _unreal(verb):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            agents = actors(rd, subject)
            noun = lex.nouns.get(subject.lemma_.lower())
            if not agents and subject.lemma_.lower() not in weapons and not (noun and noun.event == "Attack"):
                continue  # "tensions exploded", "the market exploded in anger"
            hit = [a for p in prep_objects(verb, _AT) for a in actors(rd, p)
                   if rd.entities[a[0]].type in _SITES]
            agents = [a for a in agents if rd.entities[a[0]].type not in _SITES]
            yield make_event(rd, sent, verb, "Attack", agents, hit, rule=f"verb:{verb.lemma_.lower()}:explosion",
                             confidence=0.75, lex=lex)
