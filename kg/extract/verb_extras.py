"""Patterns a verb states besides its lexicon rows' objects: a threat aimed at whoever its
condition names, hostilities ended, suffering at someone's hands, a demand reported with
"must", and denials of an accusation.

Every pattern is a small generator of :class:`~kg.model.Relation` records. The ones of
:data:`VERB_PATTERNS` take ``(rd, sent, verb, lex)`` and run on any verb that fits
them; :func:`must` is a pattern of a clause with doers (see
:data:`kg.extract.verbs.CLAUSE_PATTERNS`); :func:`denials` runs once the sentence is read.

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("The Rohingya suffered at the hands of the Myanmar military.")
>>> [r.triple for r in suffered(rd, next(rd.doc.sents), rd.doc[2], load_lexicon())]
[('myanmar-armed-forces', 'targeted', 'rohingya')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, VerbTrigger
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .clauses import at_the_hands_of, speaker_of, subject_of
from .modality import intent_predicate, is_negated, modality
from .records import body_of_water, relation
from .syntax import OBJECT_DEPS, prep_objects, verb_lemma
from .verb_clause import VerbClause
from .verb_slots import TARGET_PREPS, hostile_act

__all__ = ["ACCUSING", "DENYING_PRONOUNS", "VERB_PATTERNS", "denials", "hostility_ended", "must", "suffered",
           "threat_on_condition", "weapon_aimed"]

#: Relations that accuse someone, which a denial may answer.
ACCUSING = frozenset({"accused", "blamed"})
#: Pronouns a denial's subject may be, standing for the one last accused.
DENYING_PRONOUNS = frozenset({"they", "it", "he", "she"})


def threat_on_condition(rd: ResolvedDoc, sent: Span, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """A threat is aimed at whoever its condition or its goal names: "threatened to use nuclear
    weapons if South Korea attacked", "vowed to continue the offensive until Hamas is destroyed".

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``threatened`` from each threatener to each actor the condition or goal names.
    """
    if is_negated(verb) or modality(verb, lex) not in {"asserted", "threat"}:
        return
    subj, passive = subject_of(verb)
    threateners = [] if passive else actors(rd, subj)
    if not threateners:
        return
    targets = []
    for clause in verb.subtree:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        cond_subj, cond_passive = subject_of(clause)
        if marks & {"if", "unless"} and not cond_passive:
            targets += actors(rd, cond_subj)  # the one whose act would set the threat off
        elif "until" in marks and cond_passive and clause.lemma_.lower() in lex.word_set("defeat"):
            targets += actors(rd, cond_subj)  # "until Hamas is destroyed"
    for target in targets:
        for who in threateners:
            rel = relation(rd, sent, who, lex.reading("condition"), target, 0.7, f"verb:{verb.lemma_.lower()}:condition",
                           trigger=verb)
            if rel is not None:
                yield rel


def hostility_ended(rd: ResolvedDoc, sent: Span, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Kataib Hezbollah suspended attacks on U.S. forces", "Israel halted its offensive
    against Hamas": a concession to the target (PLOVER CONCEDE, de-escalation).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``conceded`` (or the intent it states) from the subject to the target of the
        hostile act ended.
    """
    mode = modality(verb, lex)
    if mode in {"denied", "alleged"} or is_negated(verb):
        return
    pred = intent_predicate("conceded", mode)
    subj, passive = subject_of(verb)
    subjects = [] if passive else actors(rd, subj)
    if pred is None or not subjects:
        return
    speaker = speaker_of(rd, verb, lex)
    rule = f"verb:{verb.lemma_.lower()}:ended" + ("" if mode == "asserted" else f":{mode}")
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        if not hostile_act(obj, lex):
            continue
        trig = lex.nouns.get(obj.lemma_.lower())
        preps = frozenset(trig.preps) if trig is not None else TARGET_PREPS
        for pobj in [*prep_objects(obj, preps), *prep_objects(verb, preps)]:
            for target in actors(rd, pobj) or actors(rd, pobj, via_modifiers=True):
                for subj in subjects:
                    rel = relation(rd, sent, subj, pred, target, 0.7, rule, trigger=verb, asserted_by=speaker)
                    if rel is not None:
                        yield rel


def suffered(rd: ResolvedDoc, sent: Span, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"The Rohingya suffered at the hands of the military": the military targeted them.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``targeted`` from each doer to each one who suffered.
    """
    agent = at_the_hands_of(verb)
    if agent is None or modality(verb, lex) != "asserted" or is_negated(verb):
        return
    subj, passive = subject_of(verb)
    for victim in [] if passive else actors(rd, subj):
        for doer in actors(rd, agent):
            rel = relation(rd, sent, doer, "targeted", victim, 0.7, "verb:suffer:hands", trigger=verb)
            if rel is not None:
                yield rel


def denials(rd: ResolvedDoc, sent: Span, verb: Token, trig: VerbTrigger, emitted: list[Relation],
            recent: list[Relation], lex: Lexicon) -> Iterator[Relation]:
    """"X denied the allegations" -> X denied whoever made them, in this sentence or the
    one before. "They denied responsibility" after "Israel blamed PIJ": the accused
    denied the accuser.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb of denial.
    trig : VerbTrigger
        Its ``special:deny`` row.
    emitted : list of Relation
        The sentence's relations (its accusations).
    recent : list of Relation
        The previous sentence's accusations.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        The row's relation from the denier to each accuser (or to the one the
        allegation names).
    """
    subj_tok, passive = subject_of(verb)
    if passive or subj_tok is None:
        return
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    accusations = [r for r in (*recent, *emitted) if r.predicate in ACCUSING and not r.negated]
    subjects = actors(rd, subj_tok)
    if not subjects and subj_tok.lower_ in DENYING_PRONOUNS and accusations \
            and any(o.lemma_.lower() in lex.word_set("allegation") for o in objs):
        last = accusations[-1]  # the one last accused, if the pronoun fits them
        person = rd.entities[last.object].type == "Person"
        if person == (subj_tok.lower_ in {"he", "she"}):
            subjects = [(last.object, subj_tok, 0.8)]
    if not subjects:
        return
    for obj in objs:
        for target in _denied(rd, verb, obj, subjects, accusations, lex):
            for subj in subjects:
                rel = relation(rd, sent, subj, trig.predicate, target, trig.confidence,
                               f"verb:{trig.lemma}:allegation", trigger=verb)
                if rel is not None:
                    yield rel


def _denied(rd: ResolvedDoc, verb: Token, obj: Token, subjects: list[Actor], accusations: list[Relation],
            lex: Lexicon) -> list[Actor]:
    """Whom a denial answers: the one an allegation names ("denied Israel's allegations"),
    else whoever accused the deniers; no one for a denial of anything but an allegation."""
    if obj.lemma_.lower() not in lex.word_set("allegation"):
        return []
    direct = actors(rd, obj, via_modifiers=True)
    if direct:
        return direct
    accusers = {}
    deniers = {s[0] for s in subjects}
    for r in accusations:  # accused, or a state's own body accused ("blamed it on Israeli agents")
        if r.object in deniers or any(q.kind == "state" and q.other in deniers for q in rd.qualifiers_of(r.object)):
            accusers[r.subject] = r
    return [(k, verb, 0.9) for k in accusers]


def must(rd: ResolvedDoc, sent: Span, clause: VerbClause, emitted: list[Relation],
         lex: Lexicon) -> Iterator[Relation]:
    """"Russia said Sudan must return the helicopter" -> Russia demanded of Sudan.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    clause : VerbClause
        The verb read with its doers (``clause.own``: who act together).
    emitted : list of Relation
        The sentence's relations so far.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``demanded`` from each speaker to the subject of each "must" or "should" clause.
    """
    verb, subjects = clause.verb, clause.own
    if verb.lemma_.lower() not in lex.speech:
        return
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children):
            continue
        subj, passive = subject_of(clause)
        for obj in ([] if passive else actors(rd, subj)):
            for s in subjects:
                rel = relation(rd, sent, s, lex.reading("must"), obj, 0.7, "verb:say:must", trigger=clause)
                if rel is not None:
                    yield rel


#: Prepositions that send a weapon at someone ("fired missiles toward Japan").
_AIMED_AT = ("at", "on", "upon", "toward", "towards", "into", "against")


def weapon_aimed(rd: ResolvedDoc, sent: Span, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """A weapon sent at someone, whatever the verb: "dropped barrel bombs on Aleppo", "launched
    a missile at Riyadh", "lobbed grenades at police". A lexicon row of the verb with that noun
    or preposition speaks instead; a deployment ("deployed missiles on the border") is none.

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> rd = parse("Houthi rebels launched a missile at Riyadh.")
    >>> [r.triple for r in weapon_aimed(rd, next(rd.doc.sents), rd.doc[2], load_lexicon())]
    [('houthis', 'targeted', 'riyadh')]
    """
    lemma = verb.lemma_.lower()
    weapons = [c for c in verb.children if c.dep_ in OBJECT_DEPS and (
        c.lemma_.lower() in lex.word_set("weapon") or c.lemma_.lower() in lex.word_set("instrument"))]
    if not weapons or lemma in lex.deploying or modality(verb, lex) != "asserted":
        return
    subj, passive = subject_of(verb)
    if passive:
        return
    rows = {t.object for t in lex.verbs.get(lemma, ())}
    for weapon in weapons:
        for prep in (c for c in (*verb.children, *weapon.children) if c.dep_ == "prep" and c.lower_ in _AIMED_AT):
            if f"prep:{prep.lower_}" in rows or f"noun:{weapon.lemma_.lower()}:{prep.lower_}" in rows:
                continue
            for target in (t for p in prep.children if p.dep_ == "pobj" for t in actors(rd, p)
                           if not body_of_water(rd, t[0], lex)):
                for doer in actors(rd, subj):
                    rel = relation(rd, sent, doer, "targeted", target, 0.7, f"verb:{lemma}:weapon:{prep.lower_}",
                                   trigger=verb, negated=is_negated(verb), asserted_by=speaker_of(rd, verb, lex))
                    if rel is not None:
                        yield rel


#: Patterns any verb may state, with the test of the verb they run on: suffering "at the
#: hands of" someone, hostilities ended, a threat on a condition.
VERB_PATTERNS: tuple[tuple[Callable[[Token, Lexicon], bool],
                           Callable[[ResolvedDoc, Span, Token, Lexicon], Iterator[Relation]]], ...] = (
    (lambda verb, lex: verb.lemma_.lower() in lex.word_set("suffering"), suffered),
    (lambda verb, lex: verb.lemma_.lower() in lex.word_set("ending"), hostility_ended),
    (lambda verb, lex: lex.intent.get(verb_lemma(verb, lex.intent)) == "threaten", threat_on_condition),
    (lambda verb, lex: verb.pos_ == "VERB", weapon_aimed),
)
