"""Where a place, facility or force is: ``locatedIn`` and ``stationedIn``.

- "the al-Asad air base in Iraq", "Erbil, northern Iraq", "Afghanistan's Paktika province",
  "the Ukrainian city of Kharkiv" -> ``locatedIn``
- "U.S. troops in Iraq", "the base where U.S. forces are stationed", "a base that is home to
  American troops" -> ``stationedIn``

Every pattern takes ``(rd, sent, head, me, lex)``: the head token of a mention and the
actor it denotes (see :data:`kg.extract.roles.MENTION_PATTERNS`).

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("U.S. troops in Iraq were attacked.")
>>> head = rd.doc[1]
>>> [r.triple for r in located_in(rd, next(rd.doc.sents), head, (rd.actor_at(head), head, 1.0), load_lexicon())]
[('us-forces', 'stationedIn', 'iraq')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actor_type, actors
from .clauses import clause_truth
from .qualified import parents
from .records import body_of_water, relation
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["CONTAINER_TYPES", "IN_PREPS", "PLACE_TYPES", "facility_on_verb", "located_in", "place_appos",
           "place_of", "stationed"]

PLACE_TYPES = frozenset({"Place", "Facility"})
#: What may contain a place, facility or force.
CONTAINER_TYPES = frozenset({"Place", "State", "Facility"})
IN_PREPS = frozenset({"in", "inside", "within"})


def located_in(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"the al-Asad air base in Iraq" -> ``locatedIn``; "U.S. troops in Iraq" -> ``stationedIn``
    ("security forces in Ethiopia" are Ethiopia's own, not stationed there).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    head : Token
        The head of a mention of a place, facility or military force.
    me : (str, Token, float)
        The actor it denotes.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        From the actor to each place or state an "in" phrase on it names.
    """
    pred = "stationedIn" if actor_type(rd, me[0]) == "MilitaryForce" else "locatedIn"
    if pred == "stationedIn" and head.dep_ in OBJECT_DEPS and head.head.lemma_.lower() in lex.deploying \
            and clause_truth(head.head, lex) is not False:
        return  # "will not deploy troops in Iraq", "refused to deploy peacekeepers in Iraq": no one is there
    own = parents(rd, me[0], lex)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in IN_PREPS:
            for pobj in prep.children:
                for other in actors(rd, pobj):
                    if actor_type(rd, other[0]) in CONTAINER_TYPES and other[0] not in own:
                        rel = relation(rd, sent, me, pred, other, 0.85, f"role:{pred}:in", trigger=prep)
                        if rel:
                            yield rel


def facility_on_verb(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"approach the U.S. embassy in the Green Zone" with "in" hung on the verb.

    Parameters
    ----------
    rd, sent, head, me, lex
        As for :func:`located_in` (``head`` of a facility).

    Yields
    ------
    Relation
        ``locatedIn`` from a facility that is a verb's object to each place or state an
        "in" phrase after it on the verb names.
    """
    if head.dep_ not in {"dobj", "obj"}:
        return
    for prep in head.head.children:
        if prep.dep_ == "prep" and prep.lower_ in IN_PREPS and prep.i > head.i:
            for pobj in prep.children:
                for other in actors(rd, pobj):
                    if actor_type(rd, other[0]) in {"Place", "State"} and other[0] != me[0]:
                        rel = relation(rd, sent, me, "locatedIn", other, 0.7,
                                       "role:locatedIn:verb-in", trigger=prep)
                        if rel:
                            yield rel


def place_appos(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"Erbil, northern Iraq": a place with the place or state it is in as an apposition.

    Parameters
    ----------
    rd, sent, head, me, lex
        As for :func:`located_in` (``head`` of a place or facility).

    Yields
    ------
    Relation
        ``locatedIn`` from the place to each place or state its appositions name.
    """
    for app in head.children:
        if app.dep_ == "appos":
            for other in actors(rd, app):
                if actor_type(rd, other[0]) in {"Place", "State"} and other[0] != me[0]:
                    rel = relation(rd, sent, me, "locatedIn", other, 0.7, "role:locatedIn:appos")
                    if rel:
                        yield rel


def place_of(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """Where a place is, from how it is named: "Afghanistan's Paktika province", "the Ukrainian
    city of Kharkiv", "the Lebanese capital, Beirut", "the Qandil mountains of northern Iraq".

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    head : Token
        The head of an actor mention.
    me : (str, Token, float)
        The actor it denotes.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``locatedIn`` from the place to each state (or, for a possessive, place) its
        name places it in; none for an embassy abroad.
    """
    if any(w in rd.entities[me[0]].label.lower() for w in lex.word_set("facility_abroad")):
        return  # "Guatemala's Washington embassy" is Guatemala's, not in Guatemala
    if body_of_water(rd, me[0], lex):
        return  # "the Mediterranean island of Cyprus": the sea is not in the island
    # (token, whether a place may contain it: a possessive may be a region, a modifier only a state)
    wholes = [(c, True) for c in head.children if c.dep_ == "poss"]  # "Russia's Belgorod region"
    kinds = lex.word_set("place_kind")
    kind = None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in kinds:
        kind = head.head.head  # "the Ukrainian city of Kharkiv"
    elif head.dep_ == "appos" and head.head.lemma_.lower() in kinds:
        kind = head.head  # "the Lebanese capital, Beirut"
    elif head.dep_ == "compound" and head.head.lemma_.lower() in kinds:
        kind = head.head  # "Russia's Belgorod region", "the Qandil mountains of northern Iraq"
        wholes += [(p, False) for p in prep_objects(kind, {"of"})]
    if kind is not None:
        wholes += [(c, c.dep_ == "poss") for c in kind.children
                   if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < kind.i]
    if head.lemma_.lower() in kinds:  # "the Qandil mountains of northern Iraq"
        wholes += [(p, False) for p in prep_objects(head, {"of"})]
    seen = set()
    for tok, regions in wholes:
        for other in actors(rd, tok):
            kinds = {"State", "Place"} if regions else {"State"}  # "the Red Sea port city of Jeddah": no
            if other[0] in seen or other[0] == me[0] or actor_type(rd, other[0]) not in kinds:
                continue
            seen.add(other[0])
            rel = relation(rd, sent, me, "locatedIn", other, 0.8, "role:locatedIn:named", trigger=tok)
            if rel:
                yield rel


def stationed(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """'the base where U.S. forces are stationed', 'a base home to U.S. troops'.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    head : Token
        The head of an actor mention.
    me : (str, Token, float)
        The actor it denotes.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``stationedIn`` from the force to each place, state or facility; none for a
        deployment to come or denied ("will deploy troops to Latvia").
    """
    # (tokens naming the place, confidence, rule, trigger) for each way of saying it
    found: list[tuple[list[Token], float, str, Token]] = []
    for acl in head.children:  # "U.S. troops stationed in Syria"
        if acl.dep_ == "acl" and acl.lower_ in lex.stationing:
            found.append((list(prep_objects(acl, IN_PREPS | {"at"})), 0.85, "acl", acl))
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in lex.deploying:  # "maintains troops in Iraq"
        found.append((list(prep_objects(verb, IN_PREPS | {"to"})), 0.8, "deploy", verb))
        # "2,500 troops in Iraq, with an additional 900 in Syria" / "and 900 in Syria": a
        # number standing for more of the same troops
        counts = [c for c in head.conjuncts if c.like_num]
        counts += [p for w in verb.children if w.dep_ == "prep" and w.lower_ == "with"
                   for p in w.children if p.dep_ == "pobj" and p.like_num]
        for count in counts:
            found.append((list(prep_objects(count, IN_PREPS)), 0.75, "deploy", verb))
    if head.dep_ in {"nsubjpass", "nsubj"} and verb.lower_ in lex.stationing:
        if verb.dep_ == "relcl":  # "the base where U.S. forces are stationed"
            found.append(([_facility_up(rd, verb.head)], 0.85, "relcl", verb))
        else:  # "Indian troops are stationed in Kashmir"
            found.append((list(prep_objects(verb, IN_PREPS | {"at"})), 0.85, "verb", verb))
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lower_ in lex.stationing:
        home = verb.head  # "home to American troops"
        cop = home.head
        subj = cop.head if cop.dep_ == "relcl" else next((c for c in cop.children if c.dep_ == "nsubj"), None)
        found.append(([subj] if subj is not None else [], 0.8, "home", home))
    for tokens, confidence, how, trigger in found:
        if how in {"deploy", "verb"} and clause_truth(trigger, lex) is not False:
            continue  # "will deploy troops to Latvia", "did not deploy troops": no one is there
        for tok in tokens:
            for place in actors(rd, tok):
                if actor_type(rd, place[0]) in CONTAINER_TYPES:
                    rel = relation(rd, sent, me, "stationedIn", place, confidence,
                                   f"role:stationedIn:{how}", trigger=trigger)
                    if rel:
                        yield rel


def _facility_up(rd: ResolvedDoc, tok: Token) -> Token:
    """"the base in Erbil, northern Iraq, where forces are stationed": the clause may hang
    on the last place of the phrase; the facility it describes is further up."""
    t = tok
    for _ in range(6):
        key = rd.actor_at(t)
        if key and actor_type(rd, key) == "Facility":
            return t
        if t.dep_ not in {"appos", "pobj", "prep", "conj"} or t.head.i == t.i:
            break
        t = t.head
    return tok
