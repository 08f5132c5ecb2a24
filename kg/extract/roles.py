"""Structural relations: membership, leadership by title, location and stationing.

- "U.S. forces" -> US forces ``partOf`` United States, "the U.S. Embassy in Baghdad" ->
  ``locatedIn`` Baghdad, "the Iraqi prime minister" -> ``leaderOf`` Iraq, "its Iranian
  backers" -> ``backedBy`` Iran (the resolver's qualifiers, :mod:`kg.extract.qualified`)
- "U.S. President Joe Biden", "Hezbollah leader Hassan Nasrallah",
  "Nasrallah, the leader of Hezbollah", "Jordan's King Abdullah" -> ``leaderOf``; one of several,
  a deputy or the head of a part -> ``partOf``: "X, a senior Hamas commander", "X, an ISIL gang
  leader in Raqqa", "Hezbollah deputy leader X", "X, a member of the Houthi politburo"
- "Iraq, represented by Prime Minister X" -> ``leaderOf`` (the title heads it); "Hamas was
  represented by X", "represented by Foreign Minister X" -> ``partOf``
- "Turkey is a member of NATO", "Kataib Hezbollah, a faction of the PMF", "Finland joined NATO",
  "X, as part of Y", "NATO member Turkey", "EU member states France and Germany",
  "Y, made up of A and B", "A and B make up Y", "Hamas's armed wing, the Qassam Brigades",
  "Yahya Sinwar, a member of Hamas", "Hezbollah fighter Ali Hassan" -> ``partOf``
- "NATO includes A and B", "the coalition, which includes A", "Coalition nations include A",
  "the coalition, including A", "Y comprises A" -> each of A, B ``partOf`` the group
- "2nd Battalion, 5th Special Forces Group" (a chain of unit names, smaller first), "jets from
  the 48th Fighter Wing", "X was assigned to the 1st Brigade", "X served with the 101st
  Airborne Division" -> ``partOf`` (unit head words and ranks: ``ontology/lexicon/units.tsv``)
- "the al-Asad air base in Iraq", "Erbil, northern Iraq" -> ``locatedIn``
- "U.S. troops in Iraq", "the base where U.S. forces are stationed",
  "a base that is home to American troops" -> ``stationedIn``

The family reads the resolver's qualifiers, then each sentence's words of membership
(:data:`MEMBERSHIP_PATTERNS`) and military units, then each actor mention once
(:data:`MENTION_PATTERNS`). The patterns live in :mod:`kg.extract.titles`,
:mod:`kg.extract.membership`, :mod:`kg.extract.forces` and :mod:`kg.extract.places`.

Examples
--------
>>> from kg import parse
>>> rd = parse("U.S. President Joe Biden visited Baghdad.")
>>> sorted((r.subject, r.predicate, r.object) for r in role_relations(rd))
[('joe-biden', 'leaderOf', 'united-states')]
>>> rd = parse("Fuad Shukr, a senior Hezbollah commander, was killed in Beirut.")
>>> sorted((r.subject, r.predicate, r.object) for r in role_relations(rd))
[('fuad-shukr', 'partOf', 'hezbollah')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, load_lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actor_type, actors, mention_head
from .employment import employed
from .forces import assigned, unit_relations, vessel
from .membership import joined, made_of, part_noun_relations, singled_out
from .places import PLACE_TYPES, facility_on_verb, located_in, place_appos, place_of, stationed
from .qualified import stated
from .records import evidence, relation
from .titles import represented, titles

__all__ = ["MEMBERSHIP_PATTERNS", "MENTION_PATTERNS", "role_relations"]

#: A pattern of an actor mention: ``(rd, sent, head, me, lex)`` -> relations, ``head`` being
#: the mention's head token and ``me`` the actor it denotes.
MentionPattern = Callable[[ResolvedDoc, Span, Token, Actor, Lexicon], Iterator[Relation]]
#: A pattern of a word of membership: ``(rd, sent, tok, kind, lex)`` -> relations.
MembershipPattern = Callable[[ResolvedDoc, Span, Token, str, Lexicon], Iterator[Relation]]


def role_relations(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> Iterator[Relation]:
    """Yield partOf, leaderOf, locatedIn and stationedIn relations.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default).

    Yields
    ------
    Relation
        The relations the resolver's qualifiers state ("U.S. forces" -> US forces ``partOf``
        United States); then
        per sentence the relations of its words of membership and military units, and
        those of each actor mention's head (once per head).
    """
    lex = lexicon or load_lexicon()
    yield from _qualifier_relations(rd, lex)
    seen_heads: set[int] = set()
    for sent in rd.doc.sents:
        yield from _membership_relations(rd, sent, lex)
        for tok in sent:
            key = rd.actor_at(tok)
            if key is None or tok.i in rd.coreferent:
                continue
            head = mention_head(rd, tok, key)
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            etype = actor_type(rd, key)
            for kinds, pattern in MENTION_PATTERNS:
                if etype in kinds:
                    yield from pattern(rd, sent, head, (key, head, 1.0), lex)


def _qualifier_relations(rd: ResolvedDoc, lex: Lexicon) -> Iterator[Relation]:
    """The relations the wording of mentions states, from the resolver's qualifiers ("U.S.
    forces": the United States is their state -> partOf), under the qualifier's rule."""
    doc = rd.doc
    for q in rd.qualifiers:
        predicate = stated(q, lex)
        if predicate is None:
            continue  # "the Lebanese politician": an office with no relation of its own
        span = doc[q.start : q.end]
        yield Relation(q.entity, predicate, q.other, 0.9,
                       evidence(rd, span.sent, subject=span.root, obj=span[0]), q.rule)


def _membership_relations(rd: ResolvedDoc, sent: Span, lex: Lexicon) -> Iterator[Relation]:
    """partOf stated by a noun of membership, "joined", "made up of", an assignment, a
    representative, one singled out of a group; then the military units of the sentence."""
    for tok in sent:
        yield from singled_out(rd, sent, tok, lex)
        kind = lex.membership.get(tok.lemma_.lower())
        for kinds, fits, pattern in MEMBERSHIP_PATTERNS:
            if kind in kinds and fits(tok):
                yield from pattern(rd, sent, tok, kind, lex)
    yield from unit_relations(rd, sent, lex)


def _possessing_state(rd: ResolvedDoc, sent: Span, head: Token, me: Actor, lex: Lexicon) -> Iterator[Relation]:
    """"China's Eastern Theater Command", "South Korea's spy agency": the state's own."""
    for poss in head.children:
        if poss.dep_ != "poss":
            continue
        for other in actors(rd, poss):
            if actor_type(rd, other[0]) == "State":
                rel = relation(rd, sent, me, "partOf", other, 0.85, "role:possessive", trigger=poss)
                if rel:
                    yield rel


#: The words of membership (``membership.tsv``) by kind, each with the test of the word
#: (its part of speech) and its pattern.
MEMBERSHIP_PATTERNS: tuple[tuple[frozenset[str], Callable[[Token], bool], MembershipPattern], ...] = (
    (frozenset({"part", "person"}), lambda tok: tok.pos_ in {"NOUN", "PROPN"}, part_noun_relations),
    (frozenset({"join"}), lambda tok: tok.pos_ == "VERB", joined),
    (frozenset({"makeup", "include"}), lambda tok: tok.pos_ == "VERB", made_of),
    (frozenset({"assign", "serve"}), lambda tok: tok.pos_ == "VERB", assigned),
    (frozenset({"represent"}), lambda tok: tok.tag_ == "VBN", represented),
    (frozenset({"employ", "appoint"}), lambda tok: tok.pos_ == "VERB", employed),
)

#: The patterns of an actor mention, in the order they run, each with the kinds of actor
#: it applies to.
MENTION_PATTERNS: tuple[tuple[frozenset[str], MentionPattern], ...] = (
    (frozenset({"Person"}), titles),
    (PLACE_TYPES | {"MilitaryForce"}, located_in),
    (frozenset({"Facility"}), facility_on_verb),
    (PLACE_TYPES, place_appos),
    (PLACE_TYPES, place_of),
    (frozenset({"MilitaryForce"}), stationed),
    (frozenset({"MilitaryForce"}), vessel),
    (frozenset({"MilitaryForce", "GovernmentBody"}), _possessing_state),
)
