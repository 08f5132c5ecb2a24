"""Structural relations: membership, leadership by title, location and stationing.

- "U.S. forces" -> US forces ``partOf`` United States (from the resolver's links)
- "U.S. President Joe Biden", "Hezbollah leader Hassan Nasrallah",
  "Nasrallah, the leader of Hezbollah" -> ``leaderOf``
- "the al-Asad air base in Iraq", "Erbil, northern Iraq" -> ``locatedIn``
- "U.S. troops in Iraq", "the base where U.S. forces are stationed",
  "a base that is home to American troops" -> ``stationedIn``

Examples
--------
>>> from kg import parse
>>> rd = parse("U.S. President Joe Biden visited Baghdad.")
>>> sorted((r.subject, r.predicate, r.object) for r in role_relations(rd))
[('joe-biden', 'leaderOf', 'united-states')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from ._common import actors, evidence, prep_objects, relation

__all__ = ["role_relations"]

_PLACE_TYPES = frozenset({"Place", "Facility"})
_CONTAINER_TYPES = frozenset({"Place", "State", "Facility"})
_IN_PREPS = frozenset({"in", "inside", "within"})


def _type(rd: ResolvedDoc, key: str) -> str:
    return rd.entities[key].type


def role_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield partOf, leaderOf, locatedIn and stationedIn relations."""
    lex = lexicon or load_lexicon()
    doc = rd.doc
    for link in rd.links:
        span = doc[link.start : link.end]
        sent = span.sent
        yield Relation(link.subject, link.predicate, link.object, 0.9,
                       evidence(rd, sent, subject=span.root, obj=span[0]), link.rule)
    seen_heads: set[int] = set()
    for sent in doc.sents:
        for tok in sent:
            key = rd.actor_at(tok)
            if key is None or tok.i in rd.coreferent:
                continue
            head = _mention_head(rd, tok, key)
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            etype = _type(rd, key)
            me = (key, head, 1.0)
            if etype == "Person":
                yield from _titles(rd, sent, head, me, lex)
            if etype in _PLACE_TYPES | {"MilitaryForce"}:
                pred = "stationedIn" if etype == "MilitaryForce" else "locatedIn"
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in _IN_PREPS:
                        for pobj in prep.children:
                            for other in actors(rd, pobj):
                                if _type(rd, other[0]) in _CONTAINER_TYPES:
                                    rel = relation(rd, sent, me, pred, other, 0.85,
                                                   f"role:{pred}:in", trigger=prep)
                                    if rel:
                                        yield rel
                if etype in _PLACE_TYPES:
                    for app in head.children:
                        if app.dep_ == "appos":
                            for other in actors(rd, app):
                                if _type(rd, other[0]) in {"Place", "State"} and other[0] != key:
                                    rel = relation(rd, sent, me, "locatedIn", other, 0.7,
                                                   "role:locatedIn:appos")
                                    if rel:
                                        yield rel
            if etype == "MilitaryForce":
                yield from _stationed(rd, sent, head, me, lex)


def _mention_head(rd: ResolvedDoc, tok: Token, key: str) -> Token:
    t = tok
    while t.head.i != t.i and rd.actor_at(t.head) == key:
        t = t.head
    return t


def _titles(rd, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """'U.S. President Joe Biden', 'Nasrallah, the leader of Hezbollah'."""
    words = []
    orgs = []
    for child in head.lefts:
        if child.dep_ not in {"compound", "amod", "nmod", "poss"}:
            continue
        for t in child.subtree:
            k = rd.actor_at(t)
            if k == me[0]:
                continue
            if k:
                if (k, t) not in [(o[0], o[1]) for o in orgs]:
                    orgs.append((k, t, 1.0))
            elif t.is_alpha:
                words.append(t.lower_)
    # "the leader of Hezbollah" as an apposition
    for app in head.children:
        if app.dep_ != "appos":
            continue
        title_words = [t.lower_ for t in app.lefts if t.dep_ in {"compound", "amod"}] + [app.lower_]
        pred = _title(" ".join(title_words), lex) or _title(app.lower_, lex)
        if pred:
            targets = [a for p in app.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children for a in actors(rd, o)]
            targets += [a for c in app.children if c.dep_ == "poss" for a in actors(rd, c)]
            for org in targets:
                rel = relation(rd, sent, me, pred, org, 0.85, f"role:title-appos:{pred}", trigger=app)
                if rel:
                    yield rel
    pred = _title(" ".join(words), lex)
    if pred is None:
        return
    for org in orgs:
        if _type(rd, org[0]) in {"Person", "Place", "Facility"}:
            continue
        rel = relation(rd, sent, me, pred, org, 0.9, f"role:title:{pred}")
        if rel:
            yield rel


def _title(words: str, lex: Lexicon) -> str | None:
    """The relation of the longest title at the end of a run of words."""
    parts = words.split()
    for n in range(len(parts)):
        cand = " ".join(parts[n:])
        if cand in lex.titles:
            return lex.titles[cand]
    return None


def _stationed(rd, sent, head: Token, me, lex: Lexicon) -> Iterator[Relation]:
    """'the base where U.S. forces are stationed', 'a base home to U.S. troops'."""
    # (tokens naming the place, confidence, rule, trigger) for each way of saying it
    found: list[tuple[list[Token], float, str, Token]] = []
    for acl in head.children:  # "U.S. troops stationed in Syria"
        if acl.dep_ == "acl" and acl.lower_ in lex.stationing:
            found.append((list(prep_objects(acl, _IN_PREPS | {"at"})), 0.85, "acl", acl))
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in lex.deploying:  # "maintains troops in Iraq"
        found.append((list(prep_objects(verb, _IN_PREPS | {"to"})), 0.8, "deploy", verb))
    if head.dep_ in {"nsubjpass", "nsubj"} and verb.lower_ in lex.stationing:
        if verb.dep_ == "relcl":  # "the base where U.S. forces are stationed"
            found.append(([_facility_up(rd, verb.head)], 0.85, "relcl", verb))
        else:  # "Indian troops are stationed in Kashmir"
            found.append((list(prep_objects(verb, _IN_PREPS | {"at"})), 0.85, "verb", verb))
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lower_ in lex.stationing:
        home = verb.head  # "home to American troops"
        cop = home.head
        subj = cop.head if cop.dep_ == "relcl" else next((c for c in cop.children if c.dep_ == "nsubj"), None)
        found.append(([subj] if subj is not None else [], 0.8, "home", home))
    for tokens, confidence, how, trigger in found:
        for tok in tokens:
            for place in actors(rd, tok):
                if _type(rd, place[0]) in _CONTAINER_TYPES:
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
        if key and _type(rd, key) == "Facility":
            return t
        if t.dep_ not in {"appos", "pobj", "prep", "conj"} or t.head.i == t.i:
            break
        t = t.head
    return tok
