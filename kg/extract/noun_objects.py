"""Whom the act a noun names is against: its objects.

A noun trigger's object comes from the prepositions its lexicon row lists, on the
noun or on the verb it is the object of ("imposed sanctions on X"), or from a
participle ("an attack targeting X"). When those name no one, the fallbacks of
:data:`_FALLBACKS` are tried in order ("conducted strikes using aircraft against
ISIL targets", "was killed in a drone strike", "the RSF rejected an appeal from
the Security Council", "received aid from the EU", ...).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> rd = parse("Hamas launched an attack on Israel.")
>>> [k for k, _, _ in noun_objects(rd, rd.doc[3], lex.nouns["attack"], lex)]
['israel']
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon import Lexicon, NounTrigger
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .clauses import subject_of
from .modality import COOPERATIVE
from .sides import singled_out_against
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["counted_by", "military", "noun_objects", "received", "relative_light", "strike_targets", "under_fire"]

#: The type of a fallback: ``(rd, noun, trigger, lex)`` -> the objects it finds.
Fallback = Callable[[ResolvedDoc, Token, NounTrigger, Lexicon], list[Actor]]


def noun_objects(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """The objects of a noun trigger.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    noun : Token
        The noun trigger.
    trig : NounTrigger
        Its lexicon row.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    list of (str, Token, float)
        The actors of the row's prepositions (and one singled out "against"), else
        those of the first fallback of :data:`_FALLBACKS` that finds any; then those
        of a participle of targeting ("an attack targeting X").
    """
    out = _prepositional(rd, noun, trig, lex)
    if not out and noun.lemma_.lower() in lex.word_set("patient_possessor"):
        out = [a for c in noun.children if c.dep_ == "poss" for a in actors(rd, c)]  # "Dodik's arrest"
    for fallback in _FALLBACKS:
        if out:
            break
        out = fallback(rd, noun, trig, lex)
    if out and all(rd.entities[a[0]].type in {"Place", "Facility"} for a in out):
        out += _harmed_in_attack(rd, noun, trig, lex)  # "three civilians died in a Russian airstrike on Kharkiv"
    for child in noun.children:  # "an attack targeting X", "the attack that killed 30 people"
        lemma = child.lemma_.lower()
        if child.dep_ in {"acl", "relcl"} and (lemma in lex.word_set("targeting") or (
                trig.event == "Attack" and lemma in lex.casualties)):
            for obj in child.children:
                if obj.dep_ in OBJECT_DEPS:
                    out += actors(rd, obj)
    head = noun.head  # "the attack, which was claimed by X, killed 40 people": the attack's subjects
    if not out and trig.event == "Attack" and noun.dep_ == "nsubj" and head.lemma_.lower() in lex.casualties:
        out = [a for obj in head.children if obj.dep_ in OBJECT_DEPS for a in actors(rd, obj)]
    return out


def counted_by(noun: Token, lex: Lexicon) -> Token:
    """The noun that counts an act, standing in its place ("carried out hundreds of strikes",
    "launched a wave of attacks", "a series of raids", "pledged $1 billion in aid"), or the act itself.

    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("Israel launched a wave of strikes on Hamas.").doc
    >>> counted_by(doc[5], load_lexicon()).text
    'wave'
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.i != head.i and (
            head.head.ent_type_ == "MONEY" or head.head.lemma_.lower() in lex.word_set("money")):
        return head.head  # "announced $800 million in military aid for X": the sum stands for the aid
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        count = head.head
        words = lex.word_set("quantifier") | lex.word_set("salvo") | lex.word_set("series")
        if count.pos_ == "NOUN" and count.lemma_.lower() in words | {w.rstrip("s") for w in words}:
            return count
    return noun


def _prepositional(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """The actors of the row's prepositions, wherever they hang."""
    out = []
    heads = [noun]
    count = counted_by(noun, lex)
    if count is not noun:  # "a wave of strikes on X": the preposition may hang on the count
        heads.append(count)
        noun = count
    if noun.dep_ in OBJECT_DEPS or (noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in lex.light_verbs):
        heads.append(noun.head)  # "imposed sanctions on X", "sanctions were imposed on X": on the verb
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":  # "is on alert for X"
        heads.append(noun.head.head)
    clauses = [c for c in noun.children if relative_light(c, lex)]  # "the sanctions X imposed on Y"
    # "strikes carried out by the coalition against X": the parser may hang the target on the agent
    heads += clauses + [p for c in clauses if c.dep_ == "acl" for b in c.children if b.dep_ == "agent"
                        for p in b.children if p.dep_ == "pobj"]
    if "with" in trig.preps:  # "a suspension of air links with Serbia": "with" hangs on the ties
        heads += [p for p in prep_objects(noun, frozenset({"of"})) if p.lemma_.lower() in lex.word_set("tie")]
    if "from" in trig.preps:  # "the recapture of Goma from M23": "from" hangs on the place
        heads += [p for p in prep_objects(noun, frozenset({"of"})) if p.ent_type_ in {"GPE", "LOC", "FAC"}
                  or rd.actor_at(p) is None or rd.entities[rd.actor_at(p)].type in {"Place", "Facility"}]
    for head in heads:
        for pobj in prep_objects(head, frozenset(trig.preps)):
            # "an investigation into an allegation by X" is not about X
            out += actors(rd, pobj) or ([] if pobj.lemma_.lower() in lex.word_set("saying")
                                        else actors(rd, pobj, via_modifiers=True))
    if "against" in trig.preps:  # "their struggle against extremism, in particular against Boko Haram"
        out += [a for p in singled_out_against(noun) for a in actors(rd, p)]
    return out


def relative_light(clause: Token, lex: Lexicon) -> bool:
    """Whether a relative clause on an act noun is a light verb whose object is the noun:
    "the sanctions Washington has imposed on Moscow", "the strikes that Israel launched on Gaza",
    or a past participle of one ("sanctions imposed by Washington on Moscow")."""
    return (clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.tag_ == "VBN")) \
        and clause.lemma_.lower() in lex.light_verbs \
        and not any(c.dep_ in OBJECT_DEPS and c.tag_ not in {"WDT", "WP"} for c in clause.children)


def _against_in_clause(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"conducted 15 strikes using fighter aircraft against ISIL targets": the target may hang
    anywhere in the clause of the light verb, but not in its subject."""
    out: list[Actor] = []
    if not ("against" in trig.preps and noun.dep_ in OBJECT_DEPS):
        return out
    verb = noun.head
    skip = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ == "against" and t.i > noun.i and t.i not in skip:
            for pobj in t.children:
                if pobj.dep_ == "pobj":
                    out += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
            if out:
                break
    return out


def _harmed_in_attack(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"A TTP commander was killed in a Pakistani drone strike", "21 passengers died in the
    initial attack by the BLA": who the strike harmed (the passive subject of a verb of harm,
    the subject of a verb of suffering: lexicon/words/suffering.txt)."""
    out: list[Actor] = []
    if not (noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "by"} and trig.event == "Attack"):
        return out
    verb = noun.head.head
    harms = any(t.predicate == "targeted" for t in lex.verbs.get(verb.lemma_.lower(), ()))
    suffers = verb.lemma_.lower() in lex.word_set("suffering")
    for subj in (c for c in verb.children if (harms and c.dep_ == "nsubjpass") or (suffers and c.dep_ == "nsubj")):
        out += actors(rd, subj)
    return out


def _appeal_answered(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"the RSF rejected an appeal from the Security Council": the appeal was made to the RSF."""
    if not (trig.predicate == "demanded" and noun.dep_ in OBJECT_DEPS
            and noun.head.lemma_.lower() in lex.word_set("answering")):
        return []
    subj, passive = subject_of(noun.head)
    return [] if passive else actors(rd, subj)


def received(noun: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The object a verb of receiving (words/receiving.txt) holds a noun of aid in, and the verb:
    "received aid from the EU" (the noun itself), "received $60 billion in aid from the United
    States" (the amount the aid is "in")."""
    holder = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.dep_ in OBJECT_DEPS:
        holder = noun.head.head
    if holder.dep_ in OBJECT_DEPS and holder.head.lemma_.lower() in lex.word_set("receiving"):
        return holder, holder.head
    return None


def _aid_received(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"Ukraine received aid from the EU", "received $60 billion in aid from X": the one who
    receives it is aided."""
    got = received(noun, lex) if trig.predicate in {"supported", "aided"} else None
    if got is None:
        return []
    holder, verb = got
    subj, passive = subject_of(verb)
    given = any(True for h in (noun, holder, verb) for _ in prep_objects(h, frozenset({"from"})))
    return actors(rd, subj) if given and not passive else []


def _helped_with(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"Somali forces, with support from Turkish drones, pushed ...": the subject is helped."""
    if not (trig.predicate in {"supported", "aided"} and noun.dep_ == "pobj" and noun.head.lower_ == "with"
            and any(True for _ in prep_objects(noun, frozenset({"from"})))):
        return []
    helped = noun.head.head
    if helped.pos_ in {"NOUN", "PROPN"}:
        return actors(rd, helped)
    subj, passive = subject_of(helped)
    return [] if passive else actors(rd, subj)


def _across_border(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"put its army on high alert along the border with Kosovo": whoever is across the border."""
    out: list[Actor] = []
    if trig.predicate != "mobilizedAgainst":
        return out
    for head in (noun, noun.head, noun.head.head):
        for place in prep_objects(head, frozenset({"along", "to", "near", "at", "on"})):
            if place.lemma_.lower() in lex.word_set("border"):
                out += [a for w in prep_objects(place, frozenset({"with"})) for a in actors(rd, w)]
    return out


def _that_clause(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> list[Actor]:
    """"its demand that Israel ease restrictions", "Trump's call for Iran to negotiate": Iran;
    "the Taliban's claim that Pakistani jets bombed a market": the jets."""
    out: list[Actor] = []
    if trig.predicate not in {"demanded", "accused"}:
        return out
    clauses = list(noun.children)
    if noun.dep_ in OBJECT_DEPS:  # "reiterated its demand today that Israel ease ...": hung on the verb
        clauses += [c for c in noun.head.children if c.i > noun.i]
    for clause in clauses:
        # "that" (the parser may call it an adverb), or "for" before an infinitive's subject
        that = any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"that", "for"} and c.i < clause.i for c in clause.children)
        if clause.dep_ in {"acl", "ccomp"} and that:
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            out += actors(rd, subj)
    return out


#: Where else a noun's object may be when its prepositions name no one, tried in order.
_FALLBACKS: tuple[Fallback, ...] = (
    _against_in_clause, _harmed_in_attack, _appeal_answered, _aid_received, _helped_with, _across_border,
    _that_clause,
)


def under_fire(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> tuple[Token | None, list[Actor]]:
    """The verb and the subject that "came under attack" or "received fire".

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    noun : Token
        An attack noun.
    lex : Lexicon
        The lexicon (its verbs of undergoing).

    Returns
    -------
    tuple of (Token or None, list of (str, Token, float))
        The verb ("came", "received"), ``None`` when there is none, and the actors
        of its (active) subject: the ones attacked (or the noun "under" hangs on and its
        actors: "Russia, already under Western sanctions"; or the passive subject of "hit by"
        or "hit with").

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> rd = parse("The convoy of the WFP came under attack from the RSF.")
    >>> verb, attacked = under_fire(rd, rd.doc[7], load_lexicon())
    >>> verb.text, [k for k, _, _ in attacked]
    ('came', ['world-food-programme'])
    """
    verb, by = None, False
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
        if verb.pos_ in {"PROPN", "NOUN"}:  # "Russia, already under Western sanctions, ..."
            return verb, actors(rd, verb)
    elif noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("undergoing"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "agent" and not any(
            t.predicate in COOPERATIVE and t.noun is None for t in lex.verbs.get(noun.head.head.lemma_.lower(), ())):
        verb, by = noun.head.head, True  # "Russia has been hit by Western sanctions"; not "backed by airstrikes"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() in lex.word_set("hit_with"):
        verb, by = noun.head.head, True  # "Iran was slapped with new US sanctions" (a passive only)
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None, []
    subj, passive = subject_of(verb)
    if passive != by or subj is None:
        return verb, []
    return verb, actors(rd, subj) or actors(rd, subj, via_modifiers=True)


def strike_targets(rd: ResolvedDoc, clause: Token, support: Token) -> list[Actor]:
    """The actors a military clause acts "against" or "on", outside the name of the one supported.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    clause : Token
        The verb of the military act ("conducted" strikes).
    support : Token
        The noun of support in it.

    Returns
    -------
    list of (str, Token, float)
        The targets ("in support of X against Y" is against Y).

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("The coalition conducted strikes in support of the government of Iraq against ISIL targets.")
    >>> [k for k, _, _ in strike_targets(rd, rd.doc[2], rd.doc[5])]
    ['islamic-state']
    """
    heads = {clause.i, support.i, *(c.i for c in clause.children if c.dep_ in OBJECT_DEPS)}
    skip = {t.i for p in support.children if p.dep_ == "prep" and p.lower_ in {"of", "for", "to"}
            for t in p.subtree}
    out = []
    for prep in clause.subtree:
        # "against" anywhere in the act ("... using aircraft against ISIL targets"); "on" only on
        # the act itself, not deeper ("a strike on fighters firing on Iraqi forces")
        if prep.dep_ != "prep" or prep.i in skip or not (
                prep.lower_ == "against" or (prep.lower_ == "on" and prep.head.i in heads)):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                out += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    return out


def military(clause: Token | None, lex: Lexicon) -> bool:
    """Whether a clause is a military act: "conducted strikes", "carried out raids",
    "deployed troops".

    Parameters
    ----------
    clause : Token or None
        The verb of the clause.
    lex : Lexicon
        The lexicon (its attack nouns, verbs of deploying and actor nouns).

    Returns
    -------
    bool
        ``True`` when its object is an attack, or a military force it deploys.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("The coalition conducted strikes.").doc
    >>> military(doc[2], load_lexicon()), military(None, load_lexicon())
    (True, False)
    """
    if clause is None:
        return False
    for obj in clause.children:
        if obj.dep_ not in OBJECT_DEPS:
            continue
        trig = lex.nouns.get(obj.lemma_.lower())
        if trig is not None and trig.event == "Attack":
            return True
        if clause.lemma_.lower() in lex.deploying:  # "deployed thousands of troops ... in support of X"
            for t in obj.subtree:
                noun = lex.actor_nouns.get(t.lower_) or lex.actor_nouns.get(t.lemma_.lower())
                if noun is not None and noun.cls == "MilitaryForce":
                    return True
    return False
