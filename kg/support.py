"""Edge support: what every document that states a direct triple adds to it.

A direct triple (``kgr:S kgo:P kgr:O``, a relation some document reports as having
happened) is stated by one or more sentences of one or more documents. Its support is
summarised over all of them: how many evidence sentences (distinct document and
sentence pairs), which documents, which outlets (their sources), the first and last
date, and the highest confidence. :mod:`kg.rdf` writes each summary as a ``kgo:Edge``
(``kgo:evidenceCount``, ``kgo:documentCount``, ``prov:wasDerivedFrom``,
``dcterms:source``, ``kgo:firstDate``, ``kgo:lastDate``), so a graph can be cut by
time or by support with one triple pattern; :mod:`kg.merge` recomputes the summaries
an on-disk store's merge or removal touches from the same :class:`Support` rows.

Negated statements (denials) and allegations are not support: they make no direct
triple.

Nodes are *resource keys*: the part of an IRI after ``kgr:`` (an entity's key, or
``event/<key>`` for the event an actor claims).

Examples
--------
>>> import datetime
>>> rows = [Support("iran", "condemned", "israel", "d1", "Iran condemned Israel.", 0.9,
...                 datetime.date(2023, 10, 19), "VOA"),
...         Support("iran", "condemned", "israel", "d2", "Iran again condemned Israel.", 0.7,
...                 datetime.date(2023, 10, 21), "AP")]
>>> [edge] = summarize(rows)
>>> edge.evidence_count, edge.documents, edge.sources, str(edge.first_date), str(edge.last_date)
(2, ('d1', 'd2'), ('AP', 'VOA'), '2023-10-19', '2023-10-21')
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass

__all__ = ["EdgeSupport", "Support", "summarize", "supports_of"]


@dataclass(frozen=True, slots=True)
class Support:
    """One sentence of one document that states a direct triple.

    ``subject`` and ``object`` are resource keys, ``predicate`` a ``kgo:`` local name;
    ``confidence`` is rounded to three decimals as RDF writes it; ``date`` and
    ``source`` are the document's.
    """

    subject: str
    predicate: str
    object: str
    document: str
    sentence: str
    confidence: float
    date: _dt.date | None = None
    source: str | None = None

    @property
    def triple(self) -> tuple[str, str, str]:
        """The ``(subject, predicate, object)`` it supports."""
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True, slots=True)
class EdgeSupport:
    """A direct triple's support summed over every document that states it.

    ``evidence_count`` counts distinct (document, sentence) pairs; ``documents`` and
    ``sources`` are sorted and distinct; the dates are the earliest and latest of the
    supporting documents (None when none is dated).
    """

    subject: str
    predicate: str
    object: str
    evidence_count: int
    documents: tuple[str, ...]
    sources: tuple[str, ...]
    first_date: _dt.date | None
    last_date: _dt.date | None
    confidence: float

    @property
    def triple(self) -> tuple[str, str, str]:
        """The ``(subject, predicate, object)`` it summarises."""
        return (self.subject, self.predicate, self.object)


def supports_of(relations: Iterable, event_keys: Set[str] = frozenset()) -> Iterator[Support]:
    """The support rows of relation records: one per relation that is neither negated nor
    alleged; an object that is an event key becomes ``event/<key>``.

    >>> from kg.model import Evidence, Relation
    >>> ev = Evidence("d", "Hamas claimed the attack.", 0, 25)
    >>> [s.object for s in supports_of([Relation("hamas", "claimedResponsibilityFor", "d-attack-1", 0.8, ev, "r")],
    ...                                 {"d-attack-1"})]
    ['event/d-attack-1']
    """
    for rel in relations:
        if rel.negated or rel.alleged:
            continue
        obj = f"event/{rel.object}" if rel.object in event_keys else rel.object
        ev = rel.evidence
        yield Support(rel.subject, rel.predicate, obj, ev.document, ev.sentence,
                      round(float(rel.confidence), 3), ev.date, ev.source)


def summarize(rows: Iterable[Support]) -> list[EdgeSupport]:
    """One :class:`EdgeSupport` per triple of the rows, in triple order."""
    by_triple: dict[tuple[str, str, str], list[Support]] = defaultdict(list)
    for row in rows:
        by_triple[row.triple].append(row)
    return [_summary(triple, by_triple[triple]) for triple in sorted(by_triple)]


def _summary(triple: tuple[str, str, str], rows: list[Support]) -> EdgeSupport:
    dates = sorted({r.date for r in rows if r.date is not None})
    return EdgeSupport(
        *triple,
        evidence_count=len({(r.document, r.sentence) for r in rows}),
        documents=tuple(sorted({r.document for r in rows})),
        sources=tuple(sorted({r.source for r in rows if r.source})),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        confidence=max(r.confidence for r in rows),
    )
