"""Relations and events stated by nouns: "the attack on X", "X's condemnation of Y",
"Iran imposed sanctions on X", "talks with X", and claims of responsibility.

A noun trigger's agent is its possessor ("Iran's condemnation"), an actor
modifier ("Israeli strikes"), a ``by`` phrase, or the subject of the verb
that governs it ("launched an attack on"): :mod:`kg.extract.noun_agents`. Its
object comes from the prepositions the lexicon lists, or from a participle ("an
attack targeting X"): :mod:`kg.extract.noun_objects`. Pairs it names ("the
Israel-Hamas war") and agents acting together: :mod:`kg.extract.noun_pairs`.
Triggers with an event class also become :class:`~kg.model.Event` records,
one per document and target, with location, instrument, outcome, date and
claimants. An agent the sentence calls unconfirmed is dropped. What one is
accused of ("accused X of attacks on Y") is alleged (:attr:`~kg.model.Relation.alleged`),
asserted by the accuser, and makes no event.

Each noun is read in named steps (:func:`_read_noun`): the trigger, whether it
states an act at all (:data:`_NO_ACT`), its mode and predicate, pairs, agents,
objects, agents acting together, then the relations of agents, of claimants, and
the event.

Examples
--------
>>> from kg import parse
>>> rd = parse("Hamas launched an attack on Israel.")
>>> [(r.subject, r.predicate, r.object) for r in nominal_relations(rd) if hasattr(r, "predicate")]
[('hamas', 'targeted', 'israel')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, NounTrigger, load_lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .claims import claimants_of
from .clauses import accuser, speaker_of
from .events import make_event
from .modality import intent_predicate, is_negated, modality, scare_quoted
from .noun_agents import noun_agents, owned, vetted_agents
from .noun_objects import military, noun_objects, relative_light, strike_targets, under_fire
from .noun_pairs import PAIR_PREDICATES, mutual_relations, pair_relations
from .records import backing, relation
from .sides import acting_as_part_of, fight_in, removal_demanded
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["nominal_relations"]

#: Dependencies only a noun phrase takes.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})
#: Events that need no target: a protest or a meeting is whoever holds it.
_AGENT_EVENTS = frozenset({"Protest", "Meeting", "Agreement", "Arrest"})
#: How much an allegation lowers a trigger's confidence: it is only the accuser's word.
_ALLEGED = 0.6


@dataclass(frozen=True)
class _Act:
    """A noun trigger as its sentence states it."""

    noun: Token
    trig: NounTrigger
    #: How it is stated (:func:`~kg.extract.modality.modality`).
    mode: str
    #: The relation it states.
    predicate: str
    #: The light verb its agents were found through ("launched" an attack), if any.
    light: Token | None


def nominal_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation | Event]:
    """Yield relations and events stated by noun triggers.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Relation or Event
        For each noun trigger in turn, its relations, then its event.
    """
    lex = lexicon or load_lexicon()
    for sent in rd.doc.sents:
        for noun in sent:
            yield from _read_noun(rd, sent, noun, lex)


def _read_noun(rd: ResolvedDoc, sent: Span, noun: Token, lex: Lexicon) -> Iterator[Relation | Event]:
    """Everything one noun states: its trigger, whether it states an act, its mode and
    predicate, the pairs it names, its agents and objects, agents acting together; then the
    relations of its agents and claimants, and its event."""
    trig = _trigger(noun, lex)
    if trig is None or any(case(rd, noun, trig, lex) for case in _NO_ACT):
        return
    mode = modality(noun, lex)
    if mode != "asserted" and (owned(rd, noun) or _done_in_clause(noun, lex)):
        # "eager to join the Peshmerga's fight against ISIS", "called for lifting the sanctions
        # imposed by the West on Russia": the fight, the sanctions are real
        mode = "asserted"
    pred = intent_predicate(trig.predicate, mode)
    if pred is None:
        return
    if pred in PAIR_PREDICATES and mode == "asserted":
        yield from pair_relations(rd, sent, noun, trig, pred, lex=lex)
    agents, light = noun_agents(rd, noun, lex)
    agents = vetted_agents(rd, sent, noun, mode, agents, lex)
    mode, pred = _assignment(rd, noun, trig, mode, pred, agents, lex)
    objects, agents, pred = _objects(rd, noun, trig, light, agents, pred, lex)
    speaker = accuser(rd, noun) if mode == "alleged" else speaker_of(rd, light or noun, lex)
    mutual = mutual_relations(rd, sent, noun, trig, pred, light, agents, objects, lex)
    yield from (_alleged(r, speaker) for r in mutual) if mode == "alleged" else mutual
    if light is not None and agents:  # "France, as part of the EU, imposed sanctions": the EU's too
        known = {a[0] for a in agents}
        agents = agents + [p for p in acting_as_part_of(rd, light) if p[0] not in known]
    claimants = claimants_of(rd, noun, lex)
    act = _Act(noun, trig, mode, pred, light)
    yield from _agent_relations(rd, sent, act, agents, objects, speaker, lex)
    if mode == "asserted":
        yield from _harmed_in_clash(rd, sent, noun, trig, lex)
    yield from _claimed(rd, sent, act, claimants, objects)
    yield from _event(rd, sent, act, agents, objects, claimants)


def _harmed_in_clash(rd: ResolvedDoc, sent: Span, noun: Token, trig: NounTrigger, lex: Lexicon) -> Iterator[Relation]:
    """"X was killed in a gun battle with police", "two soldiers died in clashes with the
    rebels": the other side of the fight harmed them."""
    verb = noun.head.head
    if not (trig.event == "Clash" and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during"}
            and (verb.lemma_.lower() in lex.casualties or verb.lemma_.lower() in lex.word_set("suffering"))):
        return
    harmed = [a for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"} for a in actors(rd, c)]
    for foe in (a for p in prep_objects(noun, frozenset({"with"})) for a in actors(rd, p)):
        for victim in harmed:
            rel = relation(rd, sent, foe, "targeted", victim, 0.6, f"noun:{trig.lemma}:harmed", trigger=noun)
            if rel:
                yield rel


def _done_in_clause(noun: Token, lex: Lexicon) -> bool:
    """Whether a clause on the noun says in the past that its act was done: "the sanctions imposed
    by the West", "the sanctions Washington has imposed" (not "the sanctions it may impose")."""
    return any(relative_light(c, lex) and c.tag_ in {"VBD", "VBN"} and not is_negated(c)
               and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in noun.children)


def _trigger(noun: Token, lex: Lexicon) -> NounTrigger | None:
    """The lexicon row of a noun with a relation, also of a hyphenated noun the tokenizer
    split ("sit-in", "walk-out"); "U.S. airstrikes" is sometimes tagged a verb, but as an
    object it is a noun."""
    if noun.pos_ not in {"NOUN", "PROPN"} and noun.dep_ not in _NOMINAL_DEPS:
        return None
    # "the shooting of X", "kidnappings of X": a gerund only when tagged a noun
    trig = lex.act_noun(noun.lemma_.lower(), noun.lower_, gerund=noun.tag_ in {"NN", "NNS"})
    if noun.i >= 2 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].head.i == noun.i:
        trig = lex.nouns.get(f"{noun.doc[noun.i - 2].lower_}-{noun.lower_}") or trig
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is not None and before.dep_ == "compound" and before.head.i == noun.i:
        trig = lex.nouns.get(f"{before.lower_}-{noun.lemma_.lower()}") or trig  # "a phone call with X"
        if trig is None and noun.lemma_.lower() in lex.word_set("series"):
            trig = lex.act_noun(before.lemma_.lower(), before.lower_, gerund=False)  # "an aid package for X"
    if trig is None or trig.predicate is None:
        return None
    return trig


def _non_violent(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> bool:
    """"a hunger strike", "tariff-trade wars", "a legal battle" attack no one."""
    return trig.predicate in {"targeted", "inConflictWith"} and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in lex.word_set("no_violence")
        for t in (noun, *(c for c in noun.children if c.dep_ == "compound")) for c in t.children)


def _press_query(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> bool:
    """"did not respond to VOA's request for comment": a reporter's question, no demand
    (words/press_query.txt)."""
    return trig.predicate == "demanded" and any(
        p.lemma_.lower() in lex.word_set("press_query") for p in prep_objects(noun, frozenset({"for"})))


def _negated(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> bool:
    """"no attack on X", "did not launch strikes"."""
    return is_negated(noun) or is_negated(noun.head)


def _disputed(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> bool:
    """'Erdogan's "war" on the PKK is only a pretext' states no war."""
    return scare_quoted(noun) and speaker_of(rd, noun, lex) is None


def _ended(rd: ResolvedDoc, noun: Token, trig: NounTrigger, lex: Lexicon) -> bool:
    """"Chad ended its defence agreement with France", "Hungary blocked the sanctions package"
    (words/blocking.txt); but "lifting the sanctions Washington has
    imposed on Moscow" says in its own clause that they were imposed."""
    stated = any(relative_light(c, lex) for c in noun.children)
    ended = noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("ending") | lex.word_set("blocking")
    ended = ended or any(c.dep_ == "amod" and c.lemma_.lower() in lex.word_set("ending") for c in noun.children)
    return ended and not stated  # also "the suspended aid", "halted talks"


#: The cases in which a noun trigger states no act, tried in order.
_NO_ACT: tuple[Callable[[ResolvedDoc, Token, NounTrigger, Lexicon], bool], ...] = (
    _non_violent, _press_query, _negated, _disputed, _ended,
)


def _assignment(rd: ResolvedDoc, noun: Token, trig: NounTrigger, mode: str, pred: str, agents: list[Actor],
                lex: Lexicon) -> tuple[str, str]:
    """The mode and predicate of a mission: "the squadron will fly strike missions against
    ISIL" is a force's assignment in a war it is in, no threat it voices."""
    if mode == "future" and noun.lemma_.lower() in lex.word_set("mission") and agents and all(
            rd.entities[a[0]].type == "MilitaryForce" for a in agents):
        return "pursued", intent_predicate(trig.predicate, "pursued")
    return mode, pred


#: Besides attacks, the acts one may be "under" or "face" ("under U.S. sanctions", "faces protests",
#: "under investigation by the EU");
#: not a "mission" or "operation" one receives.
_UNDERGONE = frozenset({"sanctioned", "coerced", "threatened", "protestedAgainst", "investigated"})


def _objects(rd: ResolvedDoc, noun: Token, trig: NounTrigger, light: Token | None, agents: list[Actor],
             pred: str, lex: Lexicon) -> tuple[list[Actor], list[Actor], str]:
    """The objects of a noun trigger, with the agents and predicate they make: "exchanged fire
    with X" is a fight with the "with" side (or between the sides named together); "a protest
    calling for the ouster of X"; "came under attack from X", "received heavy fire from X": X
    attacked the subject."""
    objects = noun_objects(rd, noun, trig, lex)
    if trig.event == "Attack" and light is not None and light.lemma_.lower() in lex.word_set("exchanging"):
        objects = [a for h in (noun, light) for p in prep_objects(h, frozenset({"with"}))
                   for a in actors(rd, p)]
        pred = lex.reading("exchange-of-fire")
    if not objects and trig.predicate == "consulted" and light is not None and noun.head.lower_ in {"in", "during"} \
            and light.lemma_.lower() in lex.speech:
        # "told Trump in a phone call that ...": the one spoken to is the other party
        objects = [a for c in light.children if c.dep_ in {"dobj", "dative"} for a in actors(rd, c)]
    if not objects and trig.predicate == "protestedAgainst":
        objects = removal_demanded(rd, noun)
    if (trig.event == "Attack" or trig.predicate in _UNDERGONE) and not objects:
        verb, objects = under_fire(rd, noun, lex)  # also "under U.S. sanctions", "faces protests"
        if objects and not agents:
            agents = [a for h in (noun, verb) for p in prep_objects(h, frozenset({"from"}))
                      for a in actors(rd, p)]
    return objects, agents, pred


def _agent_relations(rd: ResolvedDoc, sent: Span, act: _Act, agents: list[Actor], objects: list[Actor],
                     speaker: str | None, lex: Lexicon) -> Iterator[Relation]:
    """The relation from each agent to each object, with the backing support implies and, for
    support given by a military act, the supported side's fight against the act's target."""
    noun, trig, mode = act.noun, act.trig, act.mode
    rule = f"noun:{trig.lemma}" + ("" if mode == "asserted" else f":{mode}")
    for subj in agents:
        for obj in objects:
            alleged = mode == "alleged"
            rel = relation(rd, sent, subj, act.predicate, obj, trig.confidence * (_ALLEGED if alleged else 1.0),
                           rule, trigger=noun, asserted_by=speaker, alleged=alleged)
            if rel:
                yield rel
                yield from _backing(rd, sent, act, rel, obj, lex)


def _alleged(rel: Relation, accuser_key: str | None) -> Relation:
    """What agents of an act one is accused of did with each other ("accused Russia and
    Ukraine of fighting"): the accuser's word (``None``: unnamed), not a reported act."""
    return replace(rel, alleged=True, confidence=round(rel.confidence * _ALLEGED, 3), rule=f"{rel.rule}:alleged",
                   asserted_by=accuser_key if accuser_key != rel.subject else None)


def _backing(rd: ResolvedDoc, sent: Span, act: _Act, rel: Relation, obj: Actor, lex: Lexicon) -> Iterator[Relation]:
    """The ``backedBy`` edge of support (not of support only voiced: "reaffirmed its support"),
    and for military support ("strikes in support of the government of Iraq against ISIL
    targets", "its support of the government of Iraq in their fight against ISIL") the one
    supported at war with the strikes' target."""
    noun, light = act.noun, act.light
    is_military = military(light, lex) or any(fight_in(noun))
    voiced = noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in lex.word_set("voicing_stance")
    backed = backing(rd, rel, act.trig.lemma, lex, military=is_military) \
        if act.mode == "asserted" and not voiced else None
    if backed is not None:
        yield backed
    if backed is not None and is_military and light is not None:
        for foe in strike_targets(rd, light, noun):
            ally = relation(rd, sent, obj, lex.reading("ally-fight"), foe, 0.6,
                            f"noun:{act.trig.lemma}:ally-fight", trigger=noun)
            if ally:
                yield ally


def _claimed(rd: ResolvedDoc, sent: Span, act: _Act, claimants: list[Actor],
             objects: list[Actor]) -> Iterator[Relation]:
    """"X claimed responsibility for the attack on Y": X, in its own words, did it to Y."""
    trig = act.trig
    for subj in claimants:
        for obj in objects:
            rel = relation(rd, sent, subj, trig.predicate, obj, trig.confidence * 0.85,
                           f"noun:{trig.lemma}:claimed", trigger=act.noun, asserted_by=subj[0])
            if rel:
                yield rel


def _event(rd: ResolvedDoc, sent: Span, act: _Act, agents: list[Actor], objects: list[Actor],
           claimants: list[Actor]) -> Iterator[Event]:
    """The event of an asserted act with an event class: one with a target or a place, or a
    protest, meeting, agreement or arrest with its agents."""
    trig = act.trig
    if trig.event and act.mode == "asserted" and (objects or agents or claimants):
        event = make_event(rd, sent, act.noun, trig.event, agents, objects, claimants,
                           rule=f"noun:{trig.lemma}:event", confidence=trig.confidence)
        if event.targets or event.location or (event.type in _AGENT_EVENTS and event.agents):
            yield event
