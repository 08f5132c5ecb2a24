"""Membership (``partOf``) stated by nouns and verbs of membership.

- "Turkey is a member of NATO", "Kataib Hezbollah, a faction of the PMF", "X, as part of Y",
  "NATO member Turkey", "EU member states France and Germany", "Hamas's armed wing, the
  Qassam Brigades", "Yahya Sinwar, a member of Hamas" (:func:`part_noun_relations`)
- "Finland joined NATO" (:func:`joined`)
- "Y, made up of A and B", "A and B make up Y", "NATO includes A and B", "the coalition,
  which includes A", "Coalition nations include A", "the coalition, including A", "Y
  comprises A" (:func:`made_of`)
- "our Coalition partners, especially the Turks" (:func:`singled_out`)

The words are data (``ontology/lexicon/membership.tsv``). The patterns of a word of
membership take ``(rd, sent, tok, kind, lex)``, ``kind`` being the word's kind (see
:data:`kg.extract.roles.MEMBERSHIP_PATTERNS`); the records are built by :mod:`kg.extract.part_of`.

Examples
--------
>>> from kg import parse
>>> from kg.lexicon import load_lexicon
>>> rd = parse("Turkey is a member of NATO.")
>>> [r.triple for r in part_noun_relations(rd, next(rd.doc.sents), rd.doc[3], "part", load_lexicon())]
[('turkey', 'partOf', 'nato')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import actor_type
from .clauses import ongoing, subject_of
from .places import CONTAINER_TYPES
from .part_of import GROUPS, emit_members, emit_pairs, group_actors, member_actors
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["LIST_DEPS", "joined", "made_of", "part_noun_relations", "singled_out"]

_PART_PREPS = frozenset({"of", "in", "within"})


_PERSON_PREPS = frozenset({"of", "in", "with", "for"})


#: Prepositions listing members after a group noun: "member states such as A", "including A".
_LISTING = frozenset({"as", "including", "like"})


#: Kinds of membership noun that, plural, stand for their group: "Coalition nations include A".
_ROSTER_KINDS = frozenset({"part", "roster", "person", "partner"})


#: What the group of "partners" may be: "coalition partners" are members, "Iran's partners" allies.
_ALLIANCES = frozenset({"InternationalOrganization"})


#: Dependencies that carry a list of members on from its first item: conjuncts and the items of a
#: list the parser took for an apposition ("A, the B and C militias").
LIST_DEPS = frozenset({"conj", "appos"})


#: Where members are "included": "Jordan is included in the coalition".
_INCLUDED_PREPS = frozenset({"in", "among"})


def part_noun_relations(rd: ResolvedDoc, sent: Span, tok: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """``partOf`` stated by a noun of membership ("member", "part", "faction", "fighter").

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    tok : Token
        The noun.
    kind : str
        Its kind: ``"part"`` (of a group) or ``"person"`` (one of its people).
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``partOf`` from each member to each group the phrase names, as true as its
        clause says.
    """
    for member_toks, group_toks, clause, how in _part_noun(rd, tok, kind, lex):
        yield from emit_members(rd, sent, member_toks, group_toks, clause, how, tok, lex,
                                persons_only=kind == "person")


def joined(rd: ResolvedDoc, sent: Span, tok: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """"Finland joined NATO": the subject is a member of the object.

    A force joining a force meets it ("the frigate joined U.S. ships"), it is no member;
    joining a unit makes it one ("the frigate joined Task Force 50").

    Parameters
    ----------
    rd, sent, tok, kind, lex
        As for :func:`part_noun_relations` (``tok`` a verb of joining).

    Yields
    ------
    Relation
        ``partOf`` from the subject to each group joined.
    """
    if not _joins(rd, tok, lex):
        return
    subj, passive = subject_of(tok)
    if subj is not None and not passive:
        group_toks = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
        yield from (r for r in emit_members(rd, sent, [subj], group_toks, tok, "join", tok, lex)
                    if not actor_type(rd, r.subject) == actor_type(rd, r.object) == "MilitaryForce"
                    or _named_unit(rd, r.object, lex))


def made_of(rd: ResolvedDoc, sent: Span, tok: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """``partOf`` stated by a verb of composition or inclusion: "Y, made up of A and B", "Y
    includes A", and the preposition "including" ("the coalition, including A and B").

    Parameters
    ----------
    rd, sent, tok, kind, lex
        As for :func:`part_noun_relations` (``tok`` a verb of kind ``"makeup"`` or
        ``"include"``).

    Yields
    ------
    Relation
        ``partOf`` from each part to the whole.
    """
    if tok.dep_ == "prep":  # "the coalition, including A and B"
        yield from _including(rd, sent, tok, lex)
    else:
        yield from _made_up(rd, sent, tok, lex)


def _named_unit(rd: ResolvedDoc, key: str, lex: Lexicon) -> bool:
    """Whether an actor is a unit by its name ("Task Force 50", "the 82nd Airborne Division")."""
    words = rd.entities[key].label.lower().split()
    return any((w in lex.units and w not in lex.word_set("generic_unit")) or f"{a} {w}" in lex.units
               for a, w in zip(["", *words], words))


def _part_noun(rd: ResolvedDoc, tok: Token, kind: str, lex: Lexicon):
    """The members and groups a noun of membership joins: (members, groups, clause, rule)."""
    doc = tok.doc
    noun = tok
    member = tok.lower_ in lex.word_set("member")
    if member and tok.dep_ == "compound" and lex.membership.get(tok.head.lemma_.lower()) == "roster":
        noun = tok.head  # "member states of the AU such as Kenya"
    if noun.pos_ != "NOUN":
        return  # "3rd Battalion", "the Middle East Branch": a word of a name, not a membership
    preps = _PART_PREPS if kind == "part" else _PERSON_PREPS
    # "a member of the Houthi politburo", "of Hamas's political bureau": a body of the group
    groups = [g for o in prep_objects(noun, preps) for g in _organ_owners(rd, o, lex)]
    groups += [c for c in noun.children if c.dep_ == "poss"]
    groups += [c for t in {tok, noun} for c in t.children
               if c.dep_ in {"compound", "nmod"} and c.i < t.i and rd.actor_at(c)]
    if not groups and tok.i > 0 and member and rd.actor_at(doc[tok.i - 1]):
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
    if member:  # "NATO member Turkey", "EU member states France and Germany"
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and lex.membership.get(after.lemma_.lower()) == "roster":
            after = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if after is not None and rd.actor_at(after) and rd.actor_at(after) not in {rd.actor_at(g) for g in groups}:
            yield [after], groups, None, "prenominal"


def _organ_owners(rd: ResolvedDoc, tok: Token, lex: Lexicon) -> list[Token]:
    """The token itself, or for a noun naming a body of a group that is no actor itself ("the
    Houthi politburo", "Hamas's political bureau") the modifiers naming the group."""
    if rd.actor_at(tok) or lex.membership.get(tok.lemma_.lower()) != "organ":
        return [tok]
    return [c for c in tok.children if c.dep_ in {"compound", "nmod", "poss", "amod"} and c.i < tok.i
            and rd.actor_at(c) and actor_type(rd, rd.actor_at(c)) in GROUPS]


def _joins(rd: ResolvedDoc, verb: Token, lex: Lexicon) -> bool:
    """Whether "join" is joining a group: not "to join" (an aim), not "joined X in
    condemning Y" (acting together), not "joined forces with"."""
    aim = verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if aim and not ongoing(verb, lex):
        return False  # "is joining NATO" (not yet), "applied to join NATO" (an aim); but
        # "fighters continue to join the SDF" are joining it
    if any(c.dep_ == "dobj" and c.lower_ in lex.word_set("joined_as_one")
           and not any(m.dep_ in {"det", "poss", "amod", "compound", "nummod"} for m in c.children)
           for c in verb.children):
        return False  # "joined forces with X", "joined hands with X": acting together
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                # "joined X in condemning Y", "in the fight"; not "in 2023", "in the Gulf"
                where = rd.actor_at(obj) and actor_type(rd, rd.actor_at(obj)) in CONTAINER_TYPES
                if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.ent_type_ not in {"DATE", "GPE", "LOC", "FAC"}
                                           and obj.pos_ != "NUM" and not where):
                    return False
        if prep.dep_ == "prep" and prep.lower_ == "for" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in lex.word_set("meeting") for o in prep.children):
            return False  # "joined Chinese officials for talks": a meeting, not a membership
    return True


def _made_up(rd: ResolvedDoc, sent, verb: Token, lex: Lexicon) -> Iterator[Relation]:
    """"Y, made up of A and B", "Y consists of A", "A and B make up Y", "Y includes A",
    "Y, which includes A", "Coalition nations include A", "A is included in Y"."""
    up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if verb.lemma_.lower() in lex.word_set("make_up") and not up:
        return
    include = lex.membership.get(verb.lemma_.lower()) == "include"
    parts = list(prep_objects(verb, {"of"}))  # "consists of A", "is comprised of A"
    if up and not parts and verb.dep_ == "acl":  # "the alliance, made up in part by Yazidi units and the SAC"
        parts = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    subj, passive = subject_of(verb)
    if include and not parts:
        if passive:  # "Jordan is included in the coalition"
            yield from emit_members(rd, sent, [subj], list(prep_objects(verb, _INCLUDED_PREPS)), verb,
                                     "included", verb, lex)
            return
        parts = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if parts:
        whole = verb.head if verb.dep_ == "acl" else subj
        groups, kind = _wholes(rd, whole, lex)
        groups = groups or [whole]  # "the PMF, an umbrella group made up of A": the PMF
        members = [t for p in parts for t in _list_items(p)]
        # "comprise dozens of armed groups, including A, B and C": the named examples
        members += [t for p in parts for prep in p.subtree if prep.dep_ == "prep" and prep.lower_ in _LISTING
                    for o in prep.children if o.dep_ == "pobj" for t in _list_items(o)]
        yield from emit_members(rd, sent, members, groups, verb,
                                 "includes" if include else "made-of", verb, lex,
                                 persons_only=kind == "person",
                                 group_types=_ALLIANCES if kind == "partner" else GROUPS)
    elif up and not passive:  # "A, B and C make up Y"
        wholes = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        yield from emit_members(rd, sent, [subj], wholes, verb, "make-up", verb, lex)


def _including(rd: ResolvedDoc, sent, prep: Token, lex: Lexicon) -> Iterator[Relation]:
    """"The Saudi-led coalition, including the UAE and Bahrain, ...", "NATO countries including
    Poland": the objects of "including" are members of the group it hangs on."""
    listed = _list_items(prep.head)
    last = max(listed, key=lambda t: t.i)
    if len(listed) > 1 and prep.i > last.i:
        # "such as al-Qaida, the TTP and Baloch terrorists, including the BLA": the parser hangs
        # "including" on the list's first item; it names members of the last one only
        key = rd.actor_at(last)
        wholes = [(key, last, 1.0)] if key and actor_type(rd, key) in GROUPS else []
        kind = None
    else:
        groups, kind = _wholes(rd, prep.head, lex)
        wholes = group_actors(rd, groups, _ALLIANCES if kind == "partner" else GROUPS)
    if not wholes:
        return
    members = [t for c in prep.children if c.dep_ == "pobj" for t in _list_items(c)]
    negated = any(c.dep_ == "neg" for c in prep.children)  # "not including Qatar"
    yield from emit_pairs(rd, sent, member_actors(rd, members, persons_only=kind == "person"), wholes,
                          "including", prep, 0.8, negated=negated)


def singled_out(rd: ResolvedDoc, sent: Span, appos: Token, lex: Lexicon) -> Iterator[Relation]:
    """"our Coalition partners, especially the Turks", "NATO allies, notably Poland": the one
    singled out is a member of the group its head stands for.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    appos : Token
        Any token; only an apposition with a word of singling out ("especially",
        "notably") states anything.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``partOf`` from each one singled out to the group.
    """
    if appos.dep_ != "appos" or not any(c.dep_ == "advmod" and c.lower_ in lex.word_set("singling_out")
                                        for c in appos.children):
        return
    groups, kind = _wholes(rd, appos.head, lex)
    if not groups or kind is None:
        return  # "the SDF, primarily Arab fighters": what the SDF is, said elsewhere
    yield from emit_pairs(rd, sent, member_actors(rd, _list_items(appos), persons_only=kind == "person"),
                          group_actors(rd, groups, _ALLIANCES if kind == "partner" else GROUPS),
                          "singled-out", appos, 0.75)


def _wholes(rd: ResolvedDoc, tok: Token | None, lex: Lexicon) -> tuple[list[Token], str | None]:
    """The tokens naming the group a phrase stands for, and the membership kind of the noun that
    stood for it (``None`` when the phrase names the group itself).

    "NATO" is NATO; "Coalition nations", "EU member states", "members of the Quartet", "the
    alliance's members" stand for their group; any other noun for none.
    """
    if tok is None:
        return [], None
    key = rd.actor_at(tok)
    if key and actor_type(rd, key) in GROUPS:
        return [tok], None
    kind = lex.membership.get(tok.lemma_.lower())  # or "EU member states" resolved to a crowd
    if kind not in _ROSTER_KINDS or tok.pos_ != "NOUN" or tok.tag_ not in {"NNS", "NNPS"}:
        return [], None
    heads = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.lower_ in lex.word_set("member"))]
    groups = [c for h in heads for c in h.children
              if c.dep_ in {"compound", "nmod", "poss"} and c.i < h.i and rd.actor_at(c)]
    groups += prep_objects(tok, _PART_PREPS)
    doc = tok.doc
    if not groups and len(heads) > 1 and heads[1].i > 0 and rd.actor_at(doc[heads[1].i - 1]):
        groups = [doc[heads[1].i - 1]]  # "ECOWAS member states", however it is parsed
    return groups, kind


def _list_items(tok: Token) -> list[Token]:
    """A list of members from its first item: "A, B and C", and "Hezbollah, the Houthis and
    Iraqi militias" however the parser hangs it (an apposition holding a modifier)."""
    items = [tok]
    stack = [tok]
    while stack and len(items) < 40:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in LIST_DEPS or (c.dep_ == "nmod" and t.dep_ == "appos"):
                items.append(c)
                stack.append(c)
    return items
