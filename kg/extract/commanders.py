"""Forces named for their commander: "Hemedti's fighters" are part of what Hemedti leads.

The resolver records a group named with a person's possessive as that person's
(a ``commander`` qualifier: "Hemedti's fighters", "Haftar's forces"). When the
document says what the person leads ("Hemedti leads the Rapid Support Forces",
"RSF commander Hemedti"), the group is ``partOf`` it; when it does not, the group
stays on its own: kg does not guess a commander's organisation.

Examples
--------
>>> from kg import parse
>>> from kg.extract import extract
>>> rels, _ = extract(parse("Hemedti leads the Rapid Support Forces. Hemedti's fighters shelled El Fasher."))
>>> [(r.subject, r.predicate, r.object) for r in rels if r.rule == "qualifier:commander:leads"]
[('hemedtis-fighters', 'partOf', 'rapid-support-forces')]
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Relation
from ..resolve import ResolvedDoc
from .records import evidence

__all__ = ["commanded_forces"]


def commanded_forces(rd: ResolvedDoc, relations: list[Relation]) -> list[Relation]:
    """``partOf`` for each group named for a person, to each group the document says the
    person leads (see the module docstring)."""
    leads: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.predicate == "leaderOf" and not r.negated and not getattr(r, "alleged", False):
            leads[r.subject].add(r.object)
    out = []
    for q in rd.qualifiers:
        if q.kind != "commander":
            continue
        span = rd.doc[q.start : q.end]
        for group in sorted(leads.get(q.other, set()) - {q.entity}):
            out.append(Relation(q.entity, "partOf", group, 0.8,
                                evidence(rd, span.sent, subject=span.root, obj=span[0]), "qualifier:commander:leads"))
    return out
