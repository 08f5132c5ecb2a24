"""Pairs of actors a noun relates to each other: "the Israel-Hamas war", "talks between X and
Y", "Iran and Saudi Arabia held talks", "joint exercises by Russia and Belarus".

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("The Israel-Hamas war goes on.")
>>> [r.triple for r in pair_relations(rd, next(rd.doc.sents), rd.doc[4], load_lexicon().nouns["war"], "inConflictWith")]
[('israel', 'inConflictWith', 'hamas')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, NounTrigger, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actors
from .clauses import speaker_of
from .records import relation
from .sides import JOINT_PREDICATES
from .syntax import MODIFIER_DEPS, prep_objects
from .noun_agents import together

__all__ = ["PAIR_PREDICATES", "mutual_relations", "pair_relations"]

#: Relations a compound "X-Y" noun states between X and Y.
PAIR_PREDICATES = frozenset({"inConflictWith", "consulted", "agreedWith", "cooperatedWith"})


def pair_relations(rd: ResolvedDoc, sent: Span, noun: Token, trig: NounTrigger, pred: str, *,
                   lex: Lexicon | None = None) -> Iterator[Relation]:
    """The relation a noun states between the actors it names as a pair.

    "the Israel-Hamas conflict", "talks between X and Y" (an agreement between them
    says they negotiated too). Only for an act stated as done (not "working to broker
    a truce between X and Y": an aim of a third party).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    noun : Token
        The noun trigger.
    trig : NounTrigger
        Its lexicon row.
    pred : str
        The relation it states (one of :data:`PAIR_PREDICATES`).

    Yields
    ------
    Relation
        ``pred`` between each pair, and ``consulted`` after an agreement.
    """
    lex = lex or load_lexicon()
    for a, b in [*_hyphen_pairs(rd, noun), *_between_pairs(rd, noun)]:
        rel = relation(rd, sent, a, pred, b, trig.confidence, f"noun:{trig.lemma}:pair", trigger=noun)
        if rel:
            yield rel
        if rel and pred == "agreedWith":
            talks = relation(rd, sent, a, lex.reading("negotiated"), b, trig.confidence * 0.8,
                             f"noun:{trig.lemma}:pair:negotiated", trigger=noun)
            if talks:
                yield talks


def mutual_relations(rd: ResolvedDoc, sent: Span, noun: Token, trig: NounTrigger, pred: str,
                     light: Token | None, agents: list[Actor], objects: list[Actor],
                     lex: Lexicon) -> Iterator[Relation]:
    """What a noun's agents did with each other.

    "Iran and Saudi Arabia held talks": with no object, the coordinated agents with
    each other; "Russia and Belarus began joint military exercises": they drilled
    together; "joint airstrikes by Mali and Burkina Faso", "X, together with Y,
    launched strikes", "Mali and Burkina Faso carried out strikes on X": they
    cooperated.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    noun : Token
        The noun trigger.
    trig : NounTrigger
        Its lexicon row.
    pred : str
        The relation it states.
    light : Token or None
        The light verb its agents were found through.
    agents, objects : list of (str, Token, float)
        Its agents and objects.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``pred`` (reciprocal) or ``cooperatedWith`` (joint) between each two agents.
    """
    joined = light is not None and light.lemma_.lower() in lex.word_set("joining")  # "a fight joined by X and Y"
    traded = light is not None and light.lemma_.lower() in lex.word_set("exchanging")
    if not objects and traded and pred not in PAIR_PREDICATES and len({a[0] for a in agents}) > 1:
        # "India and Pakistan exchanged accusations", "traded threats": each to the other
        for a in agents:
            for b in agents:
                rel = relation(rd, sent, a, pred, b, trig.confidence * 0.9, f"noun:{trig.lemma}:traded",
                               trigger=noun) if a[0] != b[0] else None
                if rel:
                    yield rel
    if not objects and pred in PAIR_PREDICATES and len(agents) > 1 and not joined:
        for i, a in enumerate(agents):
            for b in agents[i + 1:]:
                rel = relation(rd, sent, a, pred, b, trig.confidence * 0.9,
                               f"noun:{trig.lemma}:reciprocal", trigger=noun, asserted_by=speaker_of(rd, noun, lex))
                if rel:
                    yield rel
    if noun.lemma_.lower() in lex.word_set("exercise") and len({a[0] for a in agents}) > 1 and (
            together(noun, light, lex)
            or any(c.dep_ == "amod" and c.lower_ in lex.word_set("joint") for c in noun.children)
            or (light is not None and light.lemma_.lower() in lex.word_set("holding_exercise"))):
        yield from _joint(rd, sent, noun, trig, agents, lex, 0.75)
    jointly = together(noun, light, lex)
    if objects and len({a[0] for a in agents}) > 1 and (
            jointly or (light is not None and pred in JOINT_PREDICATES)):
        yield from _joint(rd, sent, noun, trig, agents, lex, 0.75 if jointly else 0.6)


def _joint(rd: ResolvedDoc, sent: Span, noun: Token, trig: NounTrigger, agents: list[Actor], lex: Lexicon,
           confidence: float) -> Iterator[Relation]:
    """``cooperatedWith`` between each two different agents."""
    for i, a in enumerate(agents):
        for b in agents[i + 1:]:
            if a[0] != b[0]:
                rel = relation(rd, sent, a, lex.reading("joint"), b, confidence, f"noun:{trig.lemma}:joint", trigger=noun)
                if rel:
                    yield rel


def _between_pairs(rd: ResolvedDoc, noun: Token) -> Iterator[tuple]:
    """ "the agreement between Iraq and the Kurdistan Regional Government" -> (Iraq, KRG); also
    "between" on the clause the noun is the subject of ("clashes erupted between X and Y")."""
    heads = [noun, *(c for c in noun.children if c.dep_ in {"acl", "relcl"})]  # "the deal reached between"
    if noun.dep_ in {"nsubj", "nsubjpass"} and not any(c.dep_ in {"dobj", "obj"} for c in noun.head.children):
        heads.append(noun.head)  # "fighting broke out between X and Y", "talks were held between X and Y"
    # "the agreement on 2 December between X and Y": "between" may hang on the date
    heads += [p for p in prep_objects(noun, frozenset({"on", "of"})) if p.ent_type_ == "DATE"]
    for pobj in (p for h in heads for p in prep_objects(h, frozenset({"between", "among"}))):
        found = actors(rd, pobj)
        if len(found) == 1:
            # "between the government, led by X, and the M23": the parser may hang the second
            # party anywhere once a participle describes the first
            found += [a for a in _after_aside(rd, pobj) if a[0] != found[0][0]]
        for i, a in enumerate(found):
            for b in found[i + 1:]:
                yield a, b


def _after_aside(rd: ResolvedDoc, pobj: Token) -> list:
    """The actor after ", and" that closes an aside on the first party of "between":
    "between the Transitional Government of Sudan, headed by Prime Minister X, and the SPLM-N" -> the SPLM-N."""
    doc = pobj.doc
    i = pobj.right_edge.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    close = next((t.i for t in doc[i + 1 : min(len(doc), i + 15)] if t.text == "," or t.is_sent_end), None)
    if close is None or doc[close].text != "," or close + 1 >= len(doc) or doc[close + 1].lower_ != "and":
        return []
    if any(t.pos_ == "VERB" and t.tag_ != "VBN" for t in doc[i + 1 : close]):
        return []  # an aside is a participle phrase ("led by X"), not a clause
    nxt = next((t for t in doc[close + 2 : close + 5] if t.dep_ != "det"), None)
    return [a for a in actors(rd, nxt) if a[1].i >= nxt.i] if nxt is not None and rd.actor_at(nxt) else []


def _hyphen_pairs(rd: ResolvedDoc, noun: Token) -> Iterator[tuple]:
    """Actor pairs written "X-Y" before a noun: ("Israel", "Hamas") in "the Israel-Hamas war"."""
    doc = noun.doc
    mods = [t for t in noun.lefts if t.dep_ in MODIFIER_DEPS]
    for mod in mods:
        for t in mod.subtree:
            if t.i + 2 < len(doc) and doc[t.i + 1].text in {"-", "–"} and doc[t.i + 2].i < noun.i:
                a, b = rd.actor_at(t), rd.actor_at(doc[t.i + 2])
                if a and b and a != b:
                    yield (a, t, 1.0), (b, doc[t.i + 2], 1.0)
