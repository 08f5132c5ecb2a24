"""Structural relations: membership, leadership by title, location and stationing.

- "U.S. forces" -> US forces ``partOf`` United States (from the resolver's links)
- "U.S. President Joe Biden", "Hezbollah leader Hassan Nasrallah",
  "Nasrallah, the leader of Hezbollah" -> ``leaderOf``
- "Turkey is a member of NATO", "Kataib Hezbollah, a faction of the PMF", "Finland joined NATO",
  "X, as part of Y", "NATO member Turkey", "EU member states France and Germany",
  "Y, made up of A and B", "A and B make up Y", "Hamas's armed wing, the Qassam Brigades",
  "Yahya Sinwar, a member of Hamas", "Hezbollah fighter Ali Hassan" -> ``partOf``
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
from ._common import (
    OBJECT_DEPS,
    actors,
    evidence,
    is_negated,
    modality,
    prep_objects,
    relation,
    subject_of,
)

__all__ = ["role_relations"]

_PLACE_TYPES = frozenset({"Place", "Facility"})
_CONTAINER_TYPES = frozenset({"Place", "State", "Facility"})
_IN_PREPS = frozenset({"in", "inside", "within"})
#: What a group one is a member of may be: never a place, a state or a crowd.
_GROUPS = frozenset({"Organization", "InternationalOrganization", "PoliticalParty", "GovernmentBody",
                     "MilitaryForce", "ArmedGroup"})
#: What cannot be a member: places, facilities and crowds.
_NOT_MEMBERS = frozenset({"Place", "Facility", "Collective"})
_PART_PREPS = frozenset({"of", "in", "within"})
_PERSON_PREPS = frozenset({"of", "in", "with", "for"})
#: Prepositions listing members after a group noun: "member states such as A", "including A".
_LISTING = frozenset({"as", "including", "like"})


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
        yield from _membership(rd, sent, lex)
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
            targets = [a for p in app.children if p.dep_ == "prep" and p.lower_ in {"of", "for"}
                       for o in p.children for a in actors(rd, o)]
            targets += [a for c in app.children if c.dep_ == "poss" for a in actors(rd, c)]
            for org in targets:
                rel = relation(rd, sent, me, pred, org, 0.85, f"role:title-appos:{pred}", trigger=app)
                if rel:
                    yield rel
    pred = _title(" ".join(words), lex)
    member = pred is None and bool(words) and lex.membership.get(words[-1]) in {"part", "person"}
    if member:  # "Hezbollah fighter Ali Hassan", "Hamas member Yahya Sinwar"
        pred = "partOf"
    if pred is None:
        return
    for org in orgs:
        if _type(rd, org[0]) in {"Person", "Place", "Facility"}:
            continue
        if member and _type(rd, org[0]) not in _GROUPS:
            continue  # "Iraqi fighter X": a nationality, not a membership
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


def _membership(rd: ResolvedDoc, sent, lex: Lexicon) -> Iterator[Relation]:
    """partOf stated by a noun of membership, "joined" or "made up of"."""
    kinds = lex.membership
    for tok in sent:
        kind = kinds.get(tok.lemma_.lower())
        if kind is None:
            continue
        if kind in {"part", "person"} and tok.pos_ in {"NOUN", "PROPN"}:
            for members, groups, clause, how in _part_noun(rd, tok, kind, lex):
                yield from _emit_members(rd, sent, members, groups, clause, how, tok, lex,
                                         persons_only=kind == "person")
        elif kind == "join" and tok.pos_ == "VERB" and _joins(tok):
            subj, passive = subject_of(tok)
            if subj is not None and not passive:
                groups = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
                yield from (r for r in _emit_members(rd, sent, [subj], groups, tok, "join", tok, lex)
                            if not _type(rd, r.subject) == _type(rd, r.object) == "MilitaryForce")
                # a force joining a force meets it ("the frigate joined U.S. ships"), it is no member
        elif kind == "makeup" and tok.pos_ == "VERB":
            yield from _made_up(rd, sent, tok, lex)


def _part_noun(rd: ResolvedDoc, tok: Token, kind: str, lex: Lexicon):
    """The members and groups a noun of membership joins: (members, groups, clause, rule)."""
    doc = tok.doc
    noun = tok
    if tok.lower_ == "member" and tok.dep_ == "compound" and lex.membership.get(tok.head.lemma_.lower()) == "roster":
        noun = tok.head  # "member states of the AU such as Kenya"
    if noun.pos_ != "NOUN":
        return  # "3rd Battalion", "the Middle East Branch": a word of a name, not a membership
    preps = _PART_PREPS if kind == "part" else _PERSON_PREPS
    groups = list(prep_objects(noun, preps))
    groups += [c for c in noun.children if c.dep_ == "poss"]
    groups += [c for t in {tok, noun} for c in t.children
               if c.dep_ in {"compound", "nmod"} and c.i < t.i and rd.actor_at(c)]
    if not groups and tok.i > 0 and tok.lower_ == "member" and rd.actor_at(doc[tok.i - 1]):
        groups = [doc[tok.i - 1]]  # "EU member states France and Germany" (however it is parsed)
    if not groups:
        return
    if noun.dep_ == "appos":  # "X, a member of Y", "Iraqi forces, part of the coalition"
        yield [noun.head], groups, None, "appos"
    listed = [c for c in noun.children if c.dep_ == "appos" and rd.actor_at(c)]
    listed += [o for o in prep_objects(noun, _LISTING)]
    if listed:  # "Hamas's armed wing, the Qassam Brigades", "members such as Turkey"
        yield listed, groups, None, "listed"
    if noun.dep_ == "attr":  # "X is a member of Y", "X became part of Y"
        subj, _ = subject_of(noun.head)
        yield [subj], groups, noun.head, "attr"
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "X, as part of Y, ..."
        head = noun.head.head
        if head.pos_ in {"VERB", "AUX"}:
            subj, passive = subject_of(head)
            if not passive:
                yield [subj], groups, head, "as-part"
        else:
            yield [head], groups, None, "as-part"
    if tok.lower_ == "member":  # "NATO member Turkey", "EU member states France and Germany"
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and lex.membership.get(after.lemma_.lower()) == "roster":
            after = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if after is not None and rd.actor_at(after) and rd.actor_at(after) not in {rd.actor_at(g) for g in groups}:
            yield [after], groups, None, "prenominal"


def _joins(verb: Token) -> bool:
    """Whether "join" is joining a group: not "to join" (an aim), not "joined X in
    condemning Y" (acting together), not "joined forces with"."""
    if verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # "is joining NATO" (not yet), "applied to join NATO" (an aim)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.ent_type_ not in {"DATE"} and obj.pos_ != "NUM"):
                    return False
    return True


def _made_up(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Y, made up of A and B", "Y consists of A", "A and B make up Y"."""
    up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if verb.lemma_.lower() == "make" and not up:
        return
    parts = list(prep_objects(verb, {"of"}))
    subj, passive = subject_of(verb)
    if parts:
        whole = verb.head if verb.dep_ == "acl" else subj
        yield from _emit_members(rd, sent, parts, [whole], verb, "made-of", verb, lex)
    elif up and not passive:  # "A, B and C make up Y"
        wholes = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        yield from _emit_members(rd, sent, [subj], wholes, verb, "make-up", verb, lex)


def _emit_members(rd: ResolvedDoc, sent, member_toks, group_toks, clause: Token | None, how: str,
                  trigger: Token, lex: Lexicon, *, persons_only: bool = False) -> Iterator[Relation]:
    members = [a for t in member_toks if t is not None for a in actors(rd, t)]
    groups = [a for t in group_toks if t is not None for a in actors(rd, t)]
    members = [m for m in members if _type(rd, m[0]) not in _NOT_MEMBERS
               and (not persons_only or _type(rd, m[0]) == "Person")]
    groups = [g for g in groups if _type(rd, g[0]) in _GROUPS]
    if not members or not groups:
        return
    negated = False
    if clause is not None:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return  # "applied to join NATO", "a bid to become a member": an aim
        mode = modality(clause, lex)
        if mode not in {"asserted", "denied"}:
            return  # "Ukraine will join NATO", "Sweden wants to be a member of NATO"
        negated = mode == "denied" or is_negated(clause)
    for member in members:
        for group in groups:
            rule = f"role:member:{how}" + (":negated" if negated else "")
            rel = relation(rd, sent, member, "partOf", group, 0.85, rule, trigger=trigger, negated=negated)
            if rel is not None:
                yield rel
