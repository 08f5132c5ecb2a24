"""Building the records the families yield: a relation with its evidence and PLOVER class.

:func:`relation` builds a :class:`~kg.model.Relation`, or nothing for a self-loop or
kinds that cannot hold it; :func:`evidence` records the sentence and the document
offsets of its parts; :func:`backing` derives the ``backedBy`` edge that support
for an armed actor implies.

Examples
--------
>>> from kg import parse
>>> rd = parse("Iran condemned Israel.")
>>> sent = next(rd.doc.sents)
>>> relation(rd, sent, ("iran", rd.doc[0], 1.0), "condemned", ("israel", rd.doc[2], 1.0), 0.9, "example").triple
('iran', 'condemned', 'israel')
>>> evidence(rd, sent, subject=rd.doc[0]).subject_span
(0, 4)
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, load_lexicon
from ..model import Evidence, Relation
from ..plover import statement_class
from ..resolve import ResolvedDoc
from .actors import INERT, Actor
from .qualified import parents

__all__ = ["backing", "body_of_water", "evidence", "relation"]

#: The relations a place may still be the subject of.
_PLACE_SUBJECTS = frozenset({"locatedIn", "partOf"})
#: Relations whose object is always an actor, never a place or facility.
_ACTOR_OBJECTS = frozenset({"accused", "blamed", "criticized", "condemned", "demanded", "rejected",
                            "denied", "consulted", "cooperatedWith", "alignedWith", "backedBy",
                            "supported", "investigated"})
#: Relations whose object may be a place that acts as a party ("Israel will evacuate the Gaza Strip"
#: agrees with it) but never a facility ("Ethiopia's decision to fill the dam").
_NO_FACILITY_OBJECTS = frozenset({"agreedWith"})


_NOT_LED = {"leaderOf": frozenset({"Person", "Place", "Facility", "Collective"}),
            "partOf": frozenset({"Person"})}


def evidence(rd: ResolvedDoc, sent: Span, *, subject: Token | None = None,
             trigger: Token | None = None, obj: Token | None = None) -> Evidence:
    """The evidence record of a sentence, with document offsets of its parts.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    subject, trigger, obj : Token, optional
        The parts whose character spans (a whole mention for an actor) are recorded.

    Returns
    -------
    Evidence
        The sentence text, its document offsets, the document's date and source,
        and the spans of the parts given.
    """
    off = rd.offset
    text = sent.text.strip()
    lead = len(sent.text) - len(sent.text.lstrip())

    def span(tok: Token | None) -> tuple[int, int] | None:
        if tok is None:
            return None
        key = rd.actor_at(tok)
        toks = [tok]
        if key:
            toks = [t for t in _mention_tokens(rd, tok, key)]
        return (off + toks[0].idx, off + toks[-1].idx + len(toks[-1].text))

    return Evidence(
        document=rd.document.id,
        sentence=text,
        start=off + sent.start_char + lead,
        end=off + sent.start_char + lead + len(text),
        date=rd.document.date,
        source=rd.document.source,
        subject_span=span(subject),
        trigger_span=span(trigger) if trigger is not None else None,
        object_span=span(obj),
    )


def _mention_tokens(rd: ResolvedDoc, tok: Token, key: str) -> list[Token]:
    """The tokens of the mention of ``key`` around ``tok`` (at most 12 on each side)."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and rd.token_actor.get(lo - 1) == key and tok.i - lo < 12:
        lo -= 1
    hi = tok.i
    while hi + 1 < len(doc) and rd.token_actor.get(hi + 1) == key and hi - tok.i < 12:
        hi += 1
    return [doc[i] for i in range(lo, hi + 1)]


def relation(rd: ResolvedDoc, sent: Span, subj: Actor, predicate: str, obj: Actor, confidence: float,
             rule: str, *, trigger: Token | None = None, asserted_by: str | None = None,
             negated: bool = False, code: str | None = None, alleged: bool = False) -> Relation | None:
    """Build a relation record, or ``None`` for a self-loop or kinds that cannot hold it.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence that states it.
    subj, obj : (str, Token, float)
        The two ends, as :func:`~kg.extract.actors.actors` gives them; their
        confidence factors multiply ``confidence``.
    predicate : str
        The relation.
    confidence : float
        The pattern's confidence.
    rule : str
        The name of the pattern (and its lexicon row).
    trigger : Token, optional
        The word that states it.
    asserted_by : str, optional
        Who the sentence says asserts it (dropped when it is the subject itself).
    negated : bool
        Whether it is stated as not so.
    code : str, optional
        The trigger's CAMEO code, which with the kinds of the two ends gives the
        statement's PLOVER class (:func:`kg.plover.statement_class`).
    alleged : bool
        Whether it is only what ``asserted_by`` accuses the subject of ("accused X of
        attacking Y"), not an act the sentence reports as done.

    Returns
    -------
    Relation or None
        The record; ``None`` where a case of :data:`_IMPOSSIBLE` holds or an act
        against a state is one against the subject's own (a place, not the state).
    """
    if subj[0] == obj[0]:
        return None
    stype, otype = rd.entities[subj[0]].type, rd.entities[obj[0]].type
    if any(case(stype, predicate, otype) for case in _IMPOSSIBLE):
        return None
    if otype == "State" and predicate in {"targeted", "coerced", "sanctioned"} and obj[0] in parents(rd, subj[0]):
        return None  # "Turkish authorities imposed a curfew in a town in Turkey": a place, not their own state
    if predicate not in _WHERE and any(body_of_water(rd, k, load_lexicon()) for k in (subj[0], obj[0])):
        return None  # "threatened to attack ships in the Gulf": a sea is no party
    conf = round(min(1.0, confidence * subj[2] * obj[2]), 3)
    return Relation(
        subject=subj[0],
        predicate=predicate,
        object=obj[0],
        confidence=conf,
        evidence=evidence(rd, sent, subject=subj[1], trigger=trigger, obj=obj[1]),
        rule=rule,
        asserted_by=asserted_by if asserted_by not in (subj[0],) else None,
        negated=negated,
        plover=statement_class(predicate, code=code, subject_type=stype, object_type=otype),
        alleged=alleged,
    )


#: Relations a body of water may be an end of: where someone is, and who holds it.
_WHERE = frozenset({"locatedIn", "stationedIn", "controls"})


def body_of_water(rd: ResolvedDoc, key: str, lex: Lexicon) -> bool:
    """Whether a place is a body of water ("the Sea of Japan", words/waters.txt): in no state,
    and no one is hit there or is a party with it."""
    ent = rd.entities[key]
    return ent.type == "Place" and bool(set(ent.label.lower().split()) & lex.word_set("waters"))


def _inert_acts(stype: str, predicate: str, otype: str) -> bool:
    """A place or facility does not accuse, lead or attack ("Washington-led" is resolved earlier)."""
    return stype in INERT and predicate not in _PLACE_SUBJECTS


def _led_non_group(stype: str, predicate: str, otype: str) -> bool:
    """One leads a state or a group, not a person or a place."""
    return otype in _NOT_LED.get(predicate, ())


def _place_as_party(stype: str, predicate: str, otype: str) -> bool:
    """One accuses, consults or backs an actor, not a place."""
    return (otype in INERT and predicate in _ACTOR_OBJECTS) or (otype == "Facility" and predicate in _NO_FACILITY_OBJECTS)


def _person_in_place(stype: str, predicate: str, otype: str) -> bool:
    """"Minister for the Middle East" is no member of a region."""
    return stype == "Person" and otype in INERT and predicate in {"partOf", "leaderOf"}


#: Kinds of subject and object a relation cannot join, each case a test on
#: ``(subject kind, predicate, object kind)``.
_IMPOSSIBLE = (_inert_acts, _led_non_group, _place_as_party, _person_in_place)


#: Who can back an armed actor, and who is backed when supported materially or militarily.
_BACKERS = frozenset({"State", "MilitaryForce", "ArmedGroup", "InternationalOrganization", "GovernmentBody"})
_ARMED = frozenset({"ArmedGroup", "MilitaryForce"})


def backing(rd: ResolvedDoc, rel: Relation, lemma: str, lex: Lexicon, *, military: bool = False) -> Relation | None:
    """The ``backedBy`` edge a support or aid relation implies.

    An armed actor supported by a state, force or group with a trigger of
    ``backing.txt`` is backed by it ("Iran supports Hezbollah" -> Hezbollah
    backedBy Iran). Support given by a military act backs a government too
    ("conducted strikes in support of the government of Iraq": ``military=True``).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    rel : Relation
        A ``supported`` or ``aided`` relation.
    lemma : str
        Its trigger's lemma.
    lex : Lexicon
        The lexicon (its backing triggers).
    military : bool
        Whether the support is given by a military act.

    Returns
    -------
    Relation or None
        The reversed ``backedBy`` record, or ``None``.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.verbs import verb_relations
    >>> rd = parse("Iran supports Hezbollah.")
    >>> rels = [r for r in verb_relations(rd) if r.predicate == "supported"]
    >>> [backing(rd, r, "support", load_lexicon()).triple for r in rels]
    [('hezbollah', 'backedBy', 'iran')]
    """
    if (rel.predicate not in {"supported", "aided"} or rel.negated or lemma not in lex.backing
            or rd.entities[rel.subject].type not in _BACKERS
            or rd.entities[rel.object].type not in (_BACKERS if military else _ARMED)):
        return None
    ev = rel.evidence
    return Relation(subject=rel.object, predicate="backedBy", object=rel.subject,
                    confidence=round(rel.confidence * 0.9, 3),
                    evidence=replace(ev, subject_span=ev.object_span, object_span=ev.subject_span),
                    rule=f"{rel.rule}:backing", asserted_by=rel.asserted_by)
