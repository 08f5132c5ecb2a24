"""Who works for whom: a person hired, recruited, appointed or elected to a body is part of it.

A verb of employment (``membership.tsv``, kind ``employ``: hire, recruit, employ, work) makes
its person ``partOf`` the body that takes them on: the subject of an active verb ("Google
hired Jones"), the ``by`` agent of a passive one ("Jones was hired by the FBI"), or the object
of ``for`` / ``to`` ("worked for the CIA"). A verb of appointment (kind ``appoint``: appoint,
elect, nominate) makes them part of the body of its ``to`` only ("was appointed to the Federal
Reserve board", "was elected to the Senate"): "parliament elected X as president" makes X no
member of parliament. The body must be one: a person who hires someone takes no one in.

Examples
--------
>>> import kg
>>> [(r.subject, r.object) for r in kg.build(["Google hired David Jones as its chief economist."]).relations]
[('david-jones', 'google')]
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Relation
from ..resolve import ResolvedDoc
from .actors import Actor, actor_type, actors
from .clauses import clause_truth, subject_of
from .part_of import emit_pairs
from .syntax import OBJECT_DEPS, prep_objects

__all__ = ["employed"]

#: Kinds of actor that take people on.
_BODIES = frozenset({"Organization", "GovernmentBody", "MilitaryForce", "ArmedGroup", "PoliticalParty",
                     "InternationalOrganization"})
#: Prepositions that name the body one is taken on by or works for.
_BODY_PREPS = frozenset({"to", "for", "by"})


def employed(rd: ResolvedDoc, sent: Span, verb: Token, kind: str, lex: Lexicon) -> Iterator[Relation]:
    """``partOf`` from a person a verb of employment takes on to the body that does.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    sent : Span
        The sentence.
    verb : Token
        The verb (``membership.tsv`` kind ``employ`` or ``appoint``).
    kind : str
        Its kind.
    lex : Lexicon
        The lexicon.

    Yields
    ------
    Relation
        ``partOf`` from each person taken on to each body (none when the clause states no
        fact: "will hire", "plans to recruit").
    """
    truth = clause_truth(verb, lex)
    if truth is None:
        return
    subj, passive = subject_of(verb)
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
        subj, passive = verb.head, True  # "a lawyer hired by the firm"
    if subj is not None and subj.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        subj = verb.head  # "Snowden, who worked for the CIA"
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    people = [subj] if passive or not objects else objects
    people = [t for t in people if t is not None]
    if kind == "appoint":  # "was elected to the Senate"; "parliament elected X as president" is no member
        bodies = list(prep_objects(verb, frozenset({"to"})))
    elif passive or not objects:  # "was hired by X", "worked for X"
        bodies = list(prep_objects(verb, _BODY_PREPS))
    else:  # "Google hired Jones"
        bodies = [subj] if subj is not None else []
    members = [a for t in people for a in actors(rd, t) if actor_type(rd, a[0]) == "Person"]
    groups = [a for t in bodies for a in actors(rd, t) or actors(rd, t, via_modifiers=True)  # "the Fed's board"
              if actor_type(rd, a[0]) in _BODIES]
    yield from emit_pairs(rd, sent, members, groups, "employ", verb, 0.75, negated=truth)
