"""Events as nodes: an attack, a protest, an arrest, with their roles.

Both noun triggers ("the attack on the base") and verb triggers ("militias
attacked the base") make :class:`~kg.model.Event` records through
:func:`make_event`; two records of one document with the same class and
targets share a key, so ``extract`` merges them into one event.

Roles: agents and targets (entity keys), location (a place named with
"in", "at" or "near", or where the target is located), instrument ("drone
attack", "attacked ... with rockets", "a car bomb exploded, killing"),
outcome ("was thwarted", "intercepted"), casualties as numbers ("killing five
people": :mod:`~kg.extract.casualties`), and a date resolved against the
document's date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..dates import resolve_date
from ..lexicon import Lexicon, load_lexicon
from ..model import Event
from ..names import slugify
from ..resolve import ResolvedDoc
from .actors import actors
from .casualties import casualties
from .records import evidence
from .syntax import prep_objects

__all__ = ["EVENT_OF_PREDICATE", "make_event"]

#: The event class a verb's relation makes: "X attacked Y" is an Attack.
EVENT_OF_PREDICATE = {"targeted": "Attack", "coerced": "Arrest", "protestedAgainst": "Protest",
                      "inConflictWith": "Clash", "sanctioned": "Sanction"}

#: How an event's label names its target: "Attack on X", "Clash with X".
_EVENT_PREPOSITION = {"Attack": "on", "Clash": "with", "Protest": "against", "Sanction": "on",
                      "Meeting": "with", "Agreement": "with", "Arrest": "of", "Seizure": "of"}
_PLACES = frozenset({"Place", "State", "Facility"})
#: Kinds of target whose coercion is a seizure, not an arrest.
_PROPERTY = frozenset({"Place", "Facility", "Vehicle"})
#: Prepositions that say where an event or its target is.
_WHERE = frozenset({"in", "at", "near", "outside"})


def event_key(rd: ResolvedDoc, etype: str, targets: list, sent: Span) -> str:
    """One event per document, class and set of targets (else per sentence)."""
    doc_slug = slugify(rd.document.id)
    basis = "|".join(sorted(t[0] for t in targets)) if targets else f"s{rd.offset + sent.start_char}"
    digest = hashlib.sha1(f"{rd.document.id}|{etype}|{basis}".encode()).hexdigest()[:8]
    return f"{doc_slug}-{etype.lower()}-{digest}"


def _located(rd: ResolvedDoc, tok: Token) -> Iterator[str]:
    for pobj in prep_objects(tok, _WHERE):
        for key, _, _ in actors(rd, pobj):
            if rd.entities[key].type in {"Place", "State"}:
                yield key


def _instrument(anchor: Token, lex: Lexicon) -> str | None:
    instruments = lex.word_set("instrument")
    for child in anchor.lefts:  # "a drone attack"
        if child.dep_ in {"compound", "amod"} and child.lemma_.lower() in instruments:
            return child.lemma_.lower()
    for pobj in prep_objects(anchor, frozenset({"with"})):  # "attacked the base with rockets"
        for t in (pobj, *pobj.lefts):
            if t.lemma_.lower() in instruments:
                return t.lemma_.lower()
    doers = (anchor, anchor.head) if anchor.dep_ in {"advcl", "conj"} else (anchor,)
    for verb in doers:  # "a drone struck the camp", "a car bomb exploded, killing five"
        for subj in verb.children:
            if subj.dep_ == "nsubj" and subj.lemma_.lower() in instruments:
                return subj.lemma_.lower()
    for child in anchor.children:  # "using missiles and drones"
        if child.dep_ in {"advcl", "xcomp", "acl"} and child.lemma_.lower() in lex.word_set("using"):
            for obj in child.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in instruments:
                    return obj.lemma_.lower()
    return None


def _outcome(anchor: Token, lex: Lexicon) -> str | None:
    outcomes = lex.word_set("outcome")
    head = anchor.head
    if anchor.dep_ in {"nsubjpass", "nsubj"} and head.lemma_.lower() in outcomes:
        return head.lemma_.lower()
    for child in anchor.children:
        if child.dep_ in {"relcl", "acl", "advcl", "conj"} and child.lemma_.lower() in outcomes:
            return child.lemma_.lower()
    return None


def make_event(rd: ResolvedDoc, sent: Span, anchor: Token, etype: str, agents: list, targets: list,
               claimants: list = (), *, rule: str, confidence: float, lex: Lexicon | None = None) -> Event:
    """Build the event a trigger word (noun or verb) states, with every role the sentence gives."""
    lex = lex or load_lexicon()
    location = None
    heads = (anchor, anchor.head) if anchor.dep_ in {"advcl", "conj"} else (anchor,)
    for pobj in (p for h in heads for p in prep_objects(h, _WHERE)):  # "exploded in Kabul, killing"
        found = [a for a in actors(rd, pobj) if a[0] not in {t[0] for t in targets}]
        if found and rd.entities[found[0][0]].type in _PLACES:
            location = found[0][0]
            break
    if location is None:
        for obj in targets:
            if rd.entities[obj[0]].type in {"Place", "Facility"}:
                location = next(_located(rd, obj[1]), None)
                if location:
                    break
    date = None
    for ent in sent.ents:
        if ent.label_ == "DATE":
            date = resolve_date(ent.text, rd.document.date)
            if date:
                break
    instrument = _instrument(anchor, lex)
    killed, wounded = casualties(anchor, lex)
    if etype == "Arrest" and targets and all(rd.entities[o[0]].type in _PROPERTY for o in targets):
        etype = "Seizure"  # "raided a hospital", "hijacked a ship": property, not people
    target_labels = ", ".join(rd.entities[o[0]].label for o in targets)
    label = f"{etype} {_EVENT_PREPOSITION.get(etype, 'on')} {target_labels}" if target_labels else etype
    if not target_labels and location:
        label = f"{etype} in {rd.entities[location].label}"  # "Attack in Kabul"
    if instrument:
        label = f"{instrument} {label[0].lower()}{label[1:]}"  # "Drone attack on X"
    return Event(
        key=event_key(rd, etype, targets, sent),
        type=etype,
        label=label[0].upper() + label[1:],
        evidence=evidence(rd, sent, trigger=anchor),
        rule=rule,
        confidence=confidence,
        agents=tuple(sorted({a[0] for a in agents})),
        targets=tuple(sorted({o[0] for o in targets})),
        location=location,
        instrument=instrument,
        outcome=_outcome(anchor, lex),
        date=date,
        claimed_by=tuple(sorted({c[0] for c in claimants})),
        killed=killed,
        wounded=wounded,
    )
