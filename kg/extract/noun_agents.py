"""Who does the act a noun names: its agents, whether they act together, who claims it.

A noun trigger's agent is its possessor ("Iran's condemnation"), an actor modifier
("Israeli strikes"), a ``from`` or ``by`` phrase, or the subject of the verb that
governs it ("launched an attack on", "was involved in the clashes", "was behind the
attack"): the cases of
:data:`_CLAUSE_AGENT_CASES`. :func:`vetted_agents` drops an agent the sentence calls
unconfirmed, and a place (:func:`kg.extract.claims.claimants_of` finds who claims responsibility).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("Hamas launched an attack on Israel.")
>>> agents, light = noun_agents(rd, rd.doc[3], load_lexicon())
>>> [k for k, _, _ in agents], light.text
(['hamas'], 'launched')
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..resolve import ResolvedDoc
from .actors import Actor, actors, modifier_actors, unconfirmed
from .clauses import accused_of, subject_of
from .modality import is_negated
from .noun_objects import counted_by, received, relative_light
from .passive_agents import agent_of
from .sides import partners_of, supported_party
from .syntax import MODIFIER_DEPS, OBJECT_DEPS, prep_objects, verb_lemma

__all__ = ["is_attack_noun", "noun_agents", "owned", "together", "vetted_agents"]

_NOT_AGENTS = frozenset({"Place", "Facility"})
#: Agents and the clause word they were found through: a light verb ("launched"), or none.
Agents = tuple[list[Actor], "Token | None"]


def noun_agents(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents:
    """The agents of a noun trigger, and the verb of the clause they were found through.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    noun : Token
        The noun trigger.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    tuple of (list of (str, Token, float), Token or None)
        The agents the noun phrase names itself (its modifiers, a ``from`` of a request
        or support, a ``by`` phrase), else those of the first case of
        :data:`_CLAUSE_AGENT_CASES` that answers; and the governing verb ("launched"
        in "launched an attack"), ``None`` when the phrase named them.
    """
    found = _own_agents(rd, noun, lex)
    if found:
        return found, None
    for case in _CLAUSE_AGENT_CASES:
        answer = case(rd, noun, lex)
        if answer is not None:
            return answer
    return [], None


def _own_agents(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> list[Actor]:
    """The agents a noun phrase names: "Iran's condemnation", "Israeli strikes", "an appeal
    from the Security Council", "the Turkish drone strike", "a demonstration by Hamas supporters"."""
    found = []
    # "Dodik's arrest": Dodik is arrested; but "Russia's arrest of Navalny": Russia arrests
    patient = noun.lemma_.lower() in lex.word_set("patient_possessor") and not any(prep_objects(noun, ("of",)))
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and not (patient and child.dep_ == "poss"):
            found += actors(rd, child)
    row = lex.nouns.get(noun.lemma_.lower())
    given = row is not None and row.predicate in {"aided", "supported"}  # "a bailout from the EU"
    if given or noun.lemma_.lower() in lex.word_set("request") | lex.word_set("support"):  # "an appeal from the Security Council"
        got = received(noun, lex)  # "received aid from X", "received $5 billion in aid from X"
        heads = [noun] + (list(dict.fromkeys(got)) if got else [])
        for pobj in (p for h in heads for p in prep_objects(h, frozenset({"from"}))):
            found += actors(rd, pobj) or actors(rd, pobj, via_modifiers=True)
    for mod, factor in modifier_actors(rd, noun):
        if factor < 1.0:  # one compound down: "the Turkish drone strike"
            found += [(k, t, f * factor) for k, t, f in actors(rd, mod)]
    # "a demonstration by Hamas supporters", "the attack by X"; "the arrest of X by Y", where
    # the parser hangs "by Y" on X
    count = counted_by(noun, lex)  # "a wave of kidnappings of children by criminal gangs"
    for holder in (noun, *prep_objects(noun, frozenset({"of"})), *((count,) if count is not noun else ())):
        for child in holder.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
                found += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors(rd, pobj)]
    return found


def _light_verb_subject(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents | None:
    """"X launched strikes", and who did it with them: "X, together with Y, launched strikes";
    in the passive, the ``by`` agent: "sanctions were imposed on Moscow by the EU"."""
    slot = counted_by(noun, lex)
    head = slot.head
    if verb_lemma(head, lex.light_verbs) not in lex.light_verbs:
        return None
    if slot.dep_ == "nsubjpass":
        agent = agent_of(head, lex)
        return (actors(rd, agent), head) if agent is not None else None
    if slot.dep_ not in OBJECT_DEPS:
        return None
    subj, passive = subject_of(head)
    if passive:
        return None
    found = actors(rd, subj)
    keys = {k for k, _, _ in found}
    return found + [p for p in partners_of(rd, head, subj) if p[0] not in keys], head


def _on_alert(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents | None:
    """"put Washington on alert for ...", "Iran is on high alert against ...": the one on
    alert ("put its army on high alert": the army's owner)."""
    head = noun.head
    if not (noun.dep_ == "pobj" and head.lower_ == "on"):
        return None
    verb = head.head
    held = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if held:
        return actors(rd, held[0]) or actors(rd, held[0], via_modifiers=True), verb
    if verb.lemma_.lower() == "be":
        subj, passive = subject_of(verb)
        return ([] if passive else actors(rd, subj)), verb
    return None


def _in_the_act(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents | None:
    """"killed four people in an attack on X", "staged a strike in protest against X"; talks
    one goes to or comes from: "returned to Geneva for talks", "called off the strike after
    deliberations with X"; a war one is at ("has been at war with X"): the subject of the
    clause the act is in."""
    head = noun.head
    meeting = lex.nouns.get(noun.lemma_.lower())
    around = {"for", "after", "following"} if meeting is not None and meeting.predicate == "consulted" else set()
    if meeting is not None and meeting.event == "Clash":
        around = {"at", "after", "following"}  # "has been at war with X", "took the town after clashes with X"
    if not (noun.dep_ == "pobj" and head.lower_ in {"in", "during", "with"} | around):
        return None
    while head.dep_ == "conj" and head.head.i != head.i and head.head.dep_ == "prep":
        head = head.head  # "coordinated with and in support of X"
    verb = head.head
    if (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in OBJECT_DEPS
            and is_attack_noun(verb.head, lex)):
        verb = verb.head.head  # "conducted strikes coordinated with and in support of X"
    elif verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBG"}:
        # "officials involved in negotiations with X": the officials, not the clause's subject
        return [(k, t, f * 0.85) for k, t, f in actors(rd, verb.head)], verb
    if any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in noun.children):
        return [], verb  # "during a visit by Starmer to the White House, Trump said": not Trump's visit
    if meeting is not None and meeting.predicate in {"targeted", "protestedAgainst"} and any(
            t.predicate == "coerced" and t.noun is None for t in lex.verbs.get(verb.lemma_.lower(), ())):
        # "police arrested three men in the bombing of X": the police bombed nothing; "detained
        # protesters during a rally against X": the detained rallied
        held = [c for c in verb.children if c.dep_ in OBJECT_DEPS] if meeting.predicate == "protestedAgainst" else []
        return [a for c in held for a in actors(rd, c)], verb
    if verb.lemma_.lower() in lex.word_set("facing") | lex.word_set("suffering"):
        return [], verb  # "facing challenges, with threats", "21 passengers died in the attack": harmed
    if meeting is not None and meeting.predicate == "consulted" and head.lower_ in {"in", "during"} \
            and verb.dep_ in OBJECT_DEPS and verb.pos_ == "NOUN":
        verb = verb.head  # "urged restraint in talks with X": the parser hangs the talks on the object
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subj, passive = subject_of(verb)
    taking_part = verb.lemma_.lower() in lex.word_set("taking_part") and head.lower_ == "in"
    if passive and taking_part and is_negated(verb):
        return [], verb  # "Lebanon's army was not involved in the clashes"
    fought = passive and meeting is not None and meeting.event == "Clash" and head.lower_ == "in"
    if not passive or taking_part or fought:
        # "X was involved in the use of drones against Y": X did it; "X was killed in a gun
        # battle with police": X fought the police
        return [(k, t, f * 0.85) for k, t, f in actors(rd, subj)], verb
    return None


def _relative_subject(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents | None:
    """"the sanctions Washington has imposed on Moscow", "the strikes that Israel launched": the
    subject of a relative clause of a light verb whose object the noun is; "sanctions imposed by
    Washington": the agent of its participle."""
    for clause in noun.children:
        if relative_light(clause, lex):
            if clause.dep_ == "acl":  # "sanctions imposed by Washington": its by-agent
                by = agent_of(clause, lex)
                return (actors(rd, by), clause) if by is not None else None
            subj, passive = subject_of(clause)
            if subj is not None and not passive and subj.tag_ not in {"WDT", "WP"}:
                return actors(rd, subj), clause
            by = agent_of(clause, lex) if passive else None  # "the attack, which was claimed by X"
            if by is not None:
                return actors(rd, by), clause
    return None


def _answerable(rd: ResolvedDoc, noun: Token, lex: Lexicon) -> Agents | None:
    """"X was responsible for the murder of Y" (words/responsible.txt), "X was behind the
    attack on the hotel": the subject of the copula did the act ("X was not behind it": no one)."""
    head = noun.head
    if noun.dep_ != "pobj":
        return None
    if head.lower_ == "for" and head.head.lemma_.lower() in lex.word_set("responsible") and head.head.dep_ == "acomp":
        verb = head.head.head
    elif head.lower_ == "behind" and head.dep_ == "prep":
        verb = head.head
    else:
        return None
    if verb.lemma_.lower() != "be" or is_negated(verb):
        return None
    subj, passive = subject_of(verb)
    return ([] if passive else actors(rd, subj)), verb


#: The clauses whose subject does the act a noun names, tried in order when the noun phrase
#: names no agent: the first that answers decides.
_CLAUSE_AGENT_CASES: tuple[Callable[[ResolvedDoc, Token, Lexicon], "Agents | None"], ...] = (
    _light_verb_subject, _on_alert, _in_the_act, _relative_subject, _answerable,
)


def vetted_agents(rd: ResolvedDoc, sent: Span, noun: Token, mode: str, agents: list[Actor],
                  lex: Lexicon) -> list[Actor]:
    """The agents a sentence holds to: the accused of an allegation, the one supported in a
    fight, none when the sentence calls them unconfirmed, never a place.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    noun : Token
        The noun trigger.
    mode : str
        How it is stated (:func:`~kg.extract.modality.modality`).
    agents : list of (str, Token, float)
        Its agents (:func:`noun_agents`).
    lex : Lexicon
        The lexicon.

    Returns
    -------
    list of (str, Token, float)
        "accused Kataib Hezbollah of attacks on U.S. interests": Kataib Hezbollah;
        "support for the Government of Somalia in the war against al-Shabaab": the
        supported fight (the government), not the fight of whoever gives the support;
        "its alleged support for X", "a suspected Israeli strike": no one; a place
        names where, not who ("the Gaza conflict", "the Baghdad attack").
    """
    if mode == "alleged":  # "police arrested three men in the bombing": the men, not the police
        accused = actors(rd, accused_of(noun))
        subj, passive = subject_of(noun.head.head)
        accusers = set() if passive else {k for k, _, _ in actors(rd, subj)}
        agents = accused if accused and (not agents or {k for k, _, _ in agents} <= accusers) else agents
    if noun.lemma_.lower() in lex.word_set("campaign") and not any(
            c.dep_ in MODIFIER_DEPS and rd.actor_at(c) for c in noun.children):
        supported = actors(rd, supported_party(noun))
        if supported:
            agents = [(k, t, f * 0.85) for k, t, f in supported]
    alleged = any(c.dep_ == "amod" and c.lower_ in lex.hedges for c in noun.children)
    return [] if alleged or _hedged(rd, sent, noun, agents, lex) else [
        a for a in agents if rd.entities[a[0]].type not in _NOT_AGENTS]


def _hedged(rd: ResolvedDoc, sent: Span, noun: Token, agents: list, lex: Lexicon) -> bool:
    """Whether the sentence calls the perpetrator of this act unconfirmed:
    "the group responsible for the attack remains unconfirmed", "the attack
    by unidentified gunmen"."""
    for t in sent:
        if t.lower_ not in lex.hedges:
            continue
        if t.dep_ in {"acomp", "attr", "oprd"}:
            # "the group responsible for the attack remains unconfirmed": the act is in the subject
            subjects = [c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(noun.i in {x.i for x in subj.subtree} for subj in subjects):
                return True
        if t.dep_ == "amod" and any(t.head.i == a[1].i and unconfirmed(rd, a[0], a[1], lex) for a in agents):
            return True  # "suspected militants", "unidentified Hamas gunmen"
    return False


def together(noun: Token, light: Token | None, lex: Lexicon) -> bool:
    """Whether the act's agents did it together.

    Parameters
    ----------
    noun : Token
        The noun trigger.
    light : Token or None
        The light verb its agents were found through.
    lex : Lexicon
        The lexicon.

    Returns
    -------
    bool
        ``True`` for "joint strikes", or partners named on the light verb or its
        subject ("together with", "in coordination with", "alongside").

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("Mali and Niger carried out joint strikes.").doc
    >>> together(doc[6], doc[3], load_lexicon())
    True
    """
    if any(c.dep_ == "amod" and c.lower_ in lex.word_set("joint") for c in noun.children):
        return True
    if light is None:
        return False
    subj = next((c for c in light.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    words = lex.word_set("together") | lex.word_set("coordination")  # "together with", "in coordination with"
    return any(t.lower_ in words or t.lower_ == "alongside"
               for h in (light, subj) if h is not None for t in h.subtree
               if t.i not in {x.i for x in noun.subtree})


def is_attack_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is a trigger of an attack event ("strike", "raid").

    Parameters
    ----------
    tok : Token
        The noun.
    lex : Lexicon
        The lexicon (its noun triggers).

    Returns
    -------
    bool
        ``True`` when its trigger's event is an attack.

    Examples
    --------
    >>> from kg import parse
    >>> from kg.lexicon import load_lexicon
    >>> doc = parse("The strike hit the talks.").doc
    >>> is_attack_noun(doc[1], load_lexicon()), is_attack_noun(doc[4], load_lexicon())
    (True, False)
    """
    trig = lex.nouns.get(tok.lemma_.lower())
    return trig is not None and trig.event == "Attack"


def owned(rd: ResolvedDoc, noun: Token) -> bool:
    """Whether a noun trigger has its own actor ("Iran's condemnation", "Israeli strikes", "the
    sanctions Washington has imposed").

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    noun : Token
        The noun trigger.

    Returns
    -------
    bool
        ``True`` when a modifier of it, or the subject of a relative clause on it, is a
        resolved actor.

    Examples
    --------
    >>> from kg import parse
    >>> rd = parse("Iran's condemnation came late.")
    >>> owned(rd, rd.doc[2])
    True
    """
    return any((c.dep_ in MODIFIER_DEPS and rd.actor_at(c))
               or (c.dep_ == "relcl" and any(s.dep_ == "nsubj" and rd.actor_at(s) for s in c.children))
               for c in noun.children)  # "lifting the sanctions Washington has imposed": they exist
