"""``partOf`` records: the actors that may be members and groups, and one record for each pair.

Shared by the membership phrasings (:mod:`kg.extract.membership`), the military units
(:mod:`kg.extract.forces`) and titles (:mod:`kg.extract.titles`).

Examples
--------
>>> from kg import parse
>>> rd = parse("Turkey and Istanbul joined NATO.")
>>> [k for k, _, _ in member_actors(rd, [rd.doc[0]])], [k for k, _, _ in group_actors(rd, [rd.doc[4]])]
(['turkey'], ['nato'])
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actor_type, actors
from .clauses import clause_truth
from .records import relation

__all__ = ["GROUPS", "NOT_MEMBERS", "emit_members", "emit_pairs", "group_actors", "member_actors"]

#: What a group one is a member of may be: never a place, a state or a crowd.
GROUPS = frozenset({"Organization", "InternationalOrganization", "PoliticalParty", "GovernmentBody",
                    "MilitaryForce", "ArmedGroup"})


#: What cannot be a member: places, facilities and crowds.
NOT_MEMBERS = frozenset({"Place", "Facility", "Collective"})


def member_actors(rd: ResolvedDoc, toks: list[Token | None], *, persons_only: bool = False,
                  exclude: frozenset[str] = NOT_MEMBERS) -> list[Actor]:
    """The actors that may be members among the ones some tokens denote (each once).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    toks : list of Token or None
        The tokens.
    persons_only : bool
        Keep persons only.
    exclude : frozenset of str
        The kinds that cannot be members.

    Returns
    -------
    list of (str, Token, float)
        The actors, in order, each once.
    """
    out, seen = [], set()
    for t in toks:
        for a in actors(rd, t) if t is not None else ():
            etype = actor_type(rd, a[0])
            if a[0] not in seen and etype not in exclude and (not persons_only or etype == "Person"):
                seen.add(a[0])
                out.append(a)
    return out


def group_actors(rd: ResolvedDoc, toks: list[Token | None], types: frozenset[str] = GROUPS) -> list[Actor]:
    """The actors that may have members among the ones some tokens denote (each once).

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    toks : list of Token or None
        The tokens.
    types : frozenset of str
        The kinds a group may be.

    Returns
    -------
    list of (str, Token, float)
        The actors, in order, each once.
    """
    out, seen = [], set()
    for t in toks:
        for a in actors(rd, t) if t is not None else ():
            if a[0] not in seen and actor_type(rd, a[0]) in types:
                seen.add(a[0])
                out.append(a)
    return out


def emit_members(rd: ResolvedDoc, sent: Span, member_toks: list[Token | None], group_toks: list[Token | None],
                 clause: Token | None, how: str, trigger: Token, lex: Lexicon, *, persons_only: bool = False,
                 group_types: frozenset[str] = GROUPS) -> Iterator[Relation]:
    """partOf from every member to every group some tokens denote, as true as the clause says.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    member_toks, group_toks : list of Token or None
        The tokens naming the members and the groups.
    clause : Token or None
        The verb of the clause that states it (see :func:`~kg.extract.clauses.clause_truth`).
    how : str
        The phrasing, for the rule (``role:member:<how>``).
    trigger : Token
        The word that states it.
    lex : Lexicon
        The lexicon.
    persons_only : bool
        Only persons may be members (a noun of a group's people: "fighter").
    group_types : frozenset of str
        The kinds the group may be.

    Yields
    ------
    Relation
        ``partOf`` (negated when the clause is), nothing for a clause that states no fact.
    """
    members = member_actors(rd, member_toks, persons_only=persons_only)
    groups = group_actors(rd, group_toks, group_types)
    if not members or not groups:
        return
    # "X will fly missions as part of Y": the act is to come, the membership holds now
    truth = clause_truth(clause, lex, future_act=how == "as-part")
    if truth is None:
        return
    yield from emit_pairs(rd, sent, members, groups, how, trigger, 0.85, negated=truth)


def emit_pairs(rd: ResolvedDoc, sent: Span, members: list[Actor], groups: list[Actor], how: str, trigger: Token,
               confidence: float, *, negated: bool = False) -> Iterator[Relation]:
    """One partOf record for each member and group.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    members, groups : list of (str, Token, float)
        The actors.
    how : str
        The phrasing, for the rule (``role:member:<how>``).
    trigger : Token
        The word that states it.
    confidence : float
        The phrasing's confidence.
    negated : bool
        Whether it is stated as not so.

    Yields
    ------
    Relation
        ``partOf`` from each member to each group (:func:`~kg.extract.records.relation`
        drops the impossible ones).
    """
    for member in members:
        for group in groups:
            rule = f"role:member:{how}" + (":negated" if negated else "")
            rel = relation(rd, sent, member, "partOf", group, confidence, rule, trigger=trigger, negated=negated)
            if rel is not None:
                yield rel
