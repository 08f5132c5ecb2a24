"""Claims of responsibility that refer back: "Al-Shabab claimed responsibility for the attack."

An attack is often reported in one sentence and claimed in a later one: "Gunmen
stormed a hotel in Beledweyne. Al-Shabab claimed responsibility for the attack."
The claim names no target, so the noun patterns (:mod:`kg.extract.nominal`) that
read "claimed responsibility for the attack on X" find nothing to tie it to. This
pass, run on a document's events once every family has run, links such a claim to
the last event of the claimed kind reported before it in the document: the
claimant is added to the event's ``claimed_by``, and a ``targeted`` statement
from the claimant to each of its targets is made, asserted by the claimant (it is
the claimant's word).

A claim no one makes ("No group claimed responsibility", "no one has claimed the
bombing", "the group did not claim responsibility") marks the event ``unclaimed``.

The claim phrases are data (``lexicon/claims.tsv``: claim + responsibility, take +
credit...), the claimed act a noun trigger with an event class (``nouns.tsv``).

Examples
--------
>>> from kg import parse
>>> from kg.extract import extract
>>> rels, events = extract(parse(
...     "Gunmen stormed a hotel in Beledweyne. Al-Shabab claimed responsibility for the attack."))
>>> [(e.type, e.claimed_by) for e in events]
[('Attack', ('al-shabaab',))]
>>> _, events = extract(parse("A bomb exploded in a market in Kabul. No group claimed responsibility."))
>>> [(e.type, e.agents, e.unclaimed) for e in events]
[('Attack', (), True)]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .clauses import subject_of
from .modality import is_negated
from .records import relation
from .syntax import OBJECT_DEPS

__all__ = ["claimants_of", "claims_back"]

#: Words that make a claim's subject no one ("no group", "nobody").
_NO_ONE = frozenset({"nobody", "none", "no"})


@dataclass(frozen=True, slots=True)
class _Claim:
    sentence: Span
    verb: Token
    event_type: str
    claimants: tuple[str, ...]
    #: whether the sentence says no one claims it
    nobody: bool


def _claimed_noun(verb: Token, lex: Lexicon) -> tuple[Token | None, bool]:
    """The noun of the act a claim verb claims ("responsibility for the attack" -> attack,
    "claimed the bombing" -> bombing), and whether the verb states a claim at all."""
    for obj in verb.children:
        if obj.dep_ not in OBJECT_DEPS:
            continue
        if (verb.lemma_.lower(), obj.lemma_.lower()) in lex.claims:
            acts = [p for head in (obj, verb) for prep in head.children  # "took credit for attacking X"
                    if prep.dep_ == "prep" and prep.lower_ == "for" for p in prep.children]
            if not acts:
                return None, True  # "No group claimed responsibility."
            return acts[0], _refers_back(acts[0])
        trig = lex.nouns.get(obj.lemma_.lower())
        if verb.lemma_.lower() in {v for v, _ in lex.claims} and trig is not None and trig.event:
            return obj, _refers_back(obj)
    return None, False


def _refers_back(noun: Token) -> bool:
    """Whether a claimed act's noun refers to one reported before: a definite noun ("the
    attack", "Tuesday's bombing", "the hotel attack") with no object of its own ("the attack
    on X" is read where it stands; "for attacking a convoy", "several attacks" are not)."""
    if noun.dep_ not in {"pobj", "dobj", "obj"} or noun.tag_ != "NN":
        return False
    definite = any((c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss"
                   for c in noun.children)
    return definite and not any(c.dep_ == "prep" for c in noun.children)


def _nobody(subject: Token | None, verb: Token) -> bool:
    if subject is None:
        return is_negated(verb)
    words = {subject.lower_, *(c.lower_ for c in subject.children if c.dep_ == "det")}
    return bool(words & _NO_ONE) or is_negated(verb)


def _claims(rd: ResolvedDoc, lex: Lexicon) -> list[_Claim]:
    out = []
    for sent in rd.doc.sents:
        for verb in sent:
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            noun, claims = _claimed_noun(verb, lex)
            if not claims:
                continue  # no claim, or a claim of an act the sentence itself names
            trig = lex.nouns.get(noun.lemma_.lower()) if noun is not None else None
            if noun is not None and (trig is None or not trig.event):
                continue
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            nobody = _nobody(subject, verb)
            named = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
            heads = named or ([subject, *subject.conjuncts] if subject is not None else [])
            keys = () if nobody else tuple(dict.fromkeys(  # "the militant group al-Shabab claimed"
                k for t in heads if (k := rd.token_actor.get(t.i)) is not None))
            out.append(_Claim(sent, verb, trig.event if trig else "Attack", keys, nobody))
    return out


def _earlier(rd: ResolvedDoc, events: list[Event], claim: _Claim, lex: Lexicon) -> Event | None:
    """The last event of the claimed kind reported before the claim's sentence; an attack
    told as such ("gunmen stormed a hotel") before its toll told after it ("five people were
    killed")."""
    start = rd.offset + claim.sentence.start_char
    before = [e for e in events if e.type == claim.event_type and e.evidence.start < start]
    return max(before, key=lambda e: (e.rule.split(":")[1] not in lex.casualties, e.evidence.start), default=None)


def claims_back(rd: ResolvedDoc, events: list[Event], lex: Lexicon) -> tuple[list[Event], list[Relation]]:
    """The document's events with the claims that refer back to them, and the claimants'
    ``targeted`` statements (see the module docstring)."""
    by_key = {e.key: e for e in events}
    made: list[Relation] = []
    for claim in _claims(rd, lex):
        start, end = rd.offset + claim.sentence.start_char, rd.offset + claim.sentence.end_char
        if any(start <= e.evidence.start < end and e.claimed_by for e in by_key.values()):
            continue  # "claimed the attack on X": the noun patterns tied it
        event = _earlier(rd, list(by_key.values()), claim, lex)
        if event is None or (not claim.claimants and not claim.nobody):
            continue
        if claim.nobody:
            by_key[event.key] = replace(event, unclaimed=not event.claimed_by)
            continue
        by_key[event.key] = replace(event, claimed_by=tuple(sorted({*event.claimed_by, *claim.claimants})),
                                    unclaimed=False)
        if event.type != "Attack":
            continue
        for who in claim.claimants:
            for target in event.targets:
                rel = relation(rd, claim.sentence, (who, None, 1.0), "targeted", (target, None, 1.0), 0.7,
                               "claim:responsibility:earlier", trigger=claim.verb, asserted_by=who)
                if rel is not None:
                    made.append(rel)
    return sorted(by_key.values(), key=lambda e: e.key), made


def claimants_of(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> list[Actor]:
    """Who claims responsibility for the act a noun names.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    noun : Token
        The noun trigger, the object of "for".
    lex : Lexicon
        The lexicon (its claim phrases: verb and object).

    Returns
    -------
    list of (str, Token, float)
        The subject's actors ("X claimed responsibility for the attack" -> X); none
        for a negated or passive claim.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> rd = parse("Hamas claimed responsibility for the attack.")
    >>> [k for k, _, _ in claimants_of(rd, rd.doc[5], load_lexicon())]
    ['hamas']
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    obj = prep.head
    verb = obj.head if obj.dep_ in OBJECT_DEPS else None
    if verb is None or (verb.lemma_.lower(), obj.lemma_.lower()) not in lex.claims:
        return []
    if is_negated(verb):
        return []
    subj, passive = subject_of(verb)
    return [] if passive else actors(rd, subj)
