"""Relation and event extraction: one module per family of patterns.

=================  ===========================================================
``verbs``          "X accused Y", passives, coordination, reported speech
``nominal``        "the attack on X", "X's condemnation of Y", events, claims
``modifiers``      "Iran-backed", "aligned with", "with close ties to", "pro-"
``roles``          partOf, leaderOf by title, locatedIn, stationedIn
``control``        controls: "X-held Y", "X captured Y", "Y fell to X", "under X control"
``dated_roles``    a person's state role on the document's date (Phoenix actor dictionary)
``explosions``     "a car bomb exploded in a market": an attack with only a place
=================  ===========================================================

Every family is a generator over a :class:`~kg.resolve.ResolvedDoc` that
yields typed records and never changes the ``Doc``. Each family reads its
words in a short sequence of named steps and leaves the patterns (small named
generators that ask the lexicon for a word's role) to modules named for what
they do:

===================  =========================================================
``verbs``            ``verb_clause`` (the rows that fit, the mode, the doers),
                     ``verb_slots`` (a row's object slot), ``verb_extras``
                     (threats on a condition, suffering, hostilities ended,
                     "must", denials), ``verb_together`` (joint acts, each
                     other, reciprocal verbs)
``nominal``          ``noun_agents``, ``noun_objects``, ``noun_pairs``
``roles``            ``titles``, ``membership``, ``part_of``, ``forces``
                     (military units, warships), ``places`` (locatedIn,
                     stationedIn)
``control``          ``control_phrases``
shared               ``syntax`` (dependency labels, prepositions),
                     ``actors`` (who a token denotes), ``clauses`` (subject,
                     agent, speaker, accuser), ``modality`` (how a trigger is
                     stated), ``sides`` (partners, the one supported, foes),
                     ``records`` (relation and evidence records),
                     ``arguments``, ``events``, ``sites`` (what an unnamed
                     site may take part in), ``casualties``
after the families   ``claims`` (a later "X claimed responsibility for the
                     attack"), ``sites``, ``commanders`` ("Hemedti's fighters"
                     partOf what Hemedti leads)
===================  =========================================================

Examples
--------
>>> from kg import parse
>>> rels, events = extract(parse("Kataib Hezbollah, a militia aligned with Iran, attacked U.S. forces."))
>>> sorted((r.subject, r.predicate, r.object) for r in rels)  # doctest: +NORMALIZE_WHITESPACE
[('kataib-hezbollah', 'alignedWith', 'iran'), ('kataib-hezbollah', 'targeted', 'us-forces'),
 ('us-forces', 'partOf', 'united-states')]
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import Lexicon, load_lexicon
from ..model import Event, Relation
from ..resolve import ResolvedDoc
from .claims import claims_back
from .commanders import commanded_forces
from .control import control_relations
from .dated_roles import dated_role_relations
from .explosions import explosion_events
from .modifiers import modifier_relations
from .nominal import nominal_relations
from .roles import role_relations
from .sites import site_relations
from .verbs import verb_relations

__all__ = ["FAMILIES", "extract"]

#: The extraction families, in the order they run.
FAMILIES = (verb_relations, nominal_relations, modifier_relations, role_relations, control_relations,
            dated_role_relations, explosion_events)


def extract(rd: ResolvedDoc, *, lexicon: Lexicon | None = None) -> tuple[list[Relation], list[Event]]:
    """Run every family over one resolved document.

    Parameters
    ----------
    rd : ResolvedDoc
        The resolved document.
    lexicon : Lexicon, optional
        The lexicon (kg's own by default).

    Returns
    -------
    tuple of (list of Relation, list of Event)
        The relations (one per subject, predicate, object and sentence, the most
        confident kept, the first found on a tie) and the events (merged by key:
        two mentions of the attack on the same target in one document are one
        event).
    """
    lex = lexicon or load_lexicon()
    relations: dict[tuple, Relation] = {}
    events: dict[str, Event] = {}
    for family in FAMILIES:
        for record in family(rd, lexicon=lex):
            if isinstance(record, Event):
                old = events.get(record.key)
                events[record.key] = record if old is None else _merge_events(old, record)
                continue
            key = (*record.triple, record.negated, record.evidence.start)
            old = relations.get(key)
            if old is None or record.confidence > old.confidence:
                relations[key] = record
    found, claimed = claims_back(rd, sorted(events.values(), key=lambda e: e.key), lex)
    rels = site_relations(rd, [*relations.values(), *claimed])
    rels += commanded_forces(rd, rels)
    return sorted(rels, key=lambda r: (r.evidence.start, r.triple, r.rule)), found


def _merge_events(a: Event, b: Event) -> Event:
    return replace(
        a,
        agents=tuple(sorted(set(a.agents) | set(b.agents))),
        targets=tuple(sorted(set(a.targets) | set(b.targets))),
        location=a.location or b.location,
        instrument=a.instrument or b.instrument,
        outcome=a.outcome or b.outcome,
        date=a.date or b.date,
        claimed_by=tuple(sorted(set(a.claimed_by) | set(b.claimed_by))),
        confidence=max(a.confidence, b.confidence),
        killed=a.killed if a.killed is not None else b.killed,
        wounded=a.wounded if a.wounded is not None else b.wounded,
        unclaimed=(a.unclaimed or b.unclaimed) and not (a.claimed_by or b.claimed_by),
    )
