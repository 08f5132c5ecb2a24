"""Smaller knowledge graphs cut from a bigger one: by relation, entity type, confidence and
date (:func:`subgraph`), or around one actor (:func:`ego`). Each is a new
:class:`~kg.graph.KnowledgeGraph`, so everything a graph does (queries, exports, tables,
the HTML view) works on the cut too.

Examples
--------
>>> import kg, datetime as dt
>>> graph = kg.build([
...     kg.Document("a", "Iran condemned Israel.", dt.date(2024, 1, 5)),
...     kg.Document("b", "Hamas fired rockets at Israel.", dt.date(2024, 3, 1)),
... ])
>>> sorted(r.triple for r in subgraph(graph, since="2024-02-01").facts())
[('hamas', 'targeted', 'israel')]
>>> sorted(r.triple for r in subgraph(graph, relations=["condemned"]).facts())
[('iran', 'condemned', 'israel')]
>>> sorted(ego(graph, "hamas", hops=1).entities)
['hamas', 'israel']
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import networkx as nx

from .model import Entity, Event, Relation

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["ego", "find_entity", "subgraph"]


def _date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def _rebuild(graph: KnowledgeGraph, keep_relation: Callable[[Relation], bool],
             keep_event: Callable[[Event], bool], keep_entity: Callable[[Entity], bool]) -> KnowledgeGraph:
    """A new graph of each document's kept relations, events and entities."""
    from .graph import KnowledgeGraph

    out = KnowledgeGraph(model=graph.model)
    for res in graph.results:
        entities = tuple(e for e in res.entities if keep_entity(e))
        keys = {e.key for e in entities}
        out.add_result(dataclasses.replace(
            res, entities=entities,
            mentions=tuple(m for m in res.mentions if m.entity in keys),
            relations=tuple(r for r in res.relations if keep_relation(r)),
            events=tuple(e for e in res.events if keep_event(e)),
        ))
    return out


def subgraph(graph: KnowledgeGraph, *, relations: Iterable[str] | None = None, types: Iterable[str] | None = None,
             min_confidence: float = 0.0, since: _dt.date | str | None = None,
             until: _dt.date | str | None = None) -> KnowledgeGraph:
    """The part of ``graph`` that passes every filter given.

    Parameters
    ----------
    relations : iterable of str, optional
        Predicates to keep (``"targeted"``, ``"accused"``...). Events are kept only when
        this is not given (an event is no relation).
    types : iterable of str, optional
        Entity types to keep (``"State"``, ``"ArmedGroup"``...); a relation is kept when both
        its ends are, an event when all its participants are.
    min_confidence : float
        Relations and events of at least this confidence.
    since, until : datetime.date or ISO str, optional
        Relations and events whose sentence is dated within the range (inclusive); the
        date is the event's own, else its document's. Undated ones go when a bound is given.

    The entities kept are those the kept relations and events name.
    """
    lo, hi = _date(since), _date(until)
    wanted = set(relations) if relations is not None else None
    kinds = set(types) if types is not None else None
    entities = graph.entities

    def typed(key: str | None) -> bool:
        return kinds is None or key is None or (key in entities and entities[key].type in kinds)

    def dated(day: _dt.date | None) -> bool:
        if lo is None and hi is None:
            return True
        return day is not None and (lo is None or day >= lo) and (hi is None or day <= hi)

    def keep_relation(r: Relation) -> bool:
        return ((wanted is None or r.predicate in wanted) and r.confidence >= min_confidence
                and typed(r.subject) and typed(r.object) and dated(r.evidence.date))

    def keep_event(e: Event) -> bool:
        people = [*e.agents, *e.targets, *e.claimed_by, e.location]
        return (wanted is None and e.confidence >= min_confidence and all(typed(k) for k in people)
                and dated(e.date or e.evidence.date))

    used = {k for r in graph.relations if keep_relation(r) for k in (r.subject, r.object, r.asserted_by)}
    for e in graph.events:
        if keep_event(e):
            used |= {*e.agents, *e.targets, *e.claimed_by, e.location}
    return _rebuild(graph, keep_relation, keep_event, lambda e: e.key in used)


def find_entity(graph: KnowledgeGraph, actor: str) -> str:
    """The key of an actor given by key, label or alias (any case).

    >>> import kg
    >>> find_entity(kg.build(["Iran condemned Israel."]), "ISRAEL")
    'israel'
    """
    if actor in graph.entities:
        return actor
    wanted = actor.strip().lower()
    for key, ent in graph.entities.items():
        if wanted == key or wanted in (n.lower() for n in (ent.label, *ent.aliases)):
            return key
    raise KeyError(f"no actor named {actor!r} in the graph")


def _neighbours(graph: KnowledgeGraph) -> nx.Graph:
    """Entities linked by a reported relation or by taking part in one event."""
    links = nx.Graph()
    links.add_nodes_from(graph.entities)
    for r in graph.facts():
        if r.subject in graph.entities and r.object in graph.entities:
            links.add_edge(r.subject, r.object)
    for e in graph.events:
        people = sorted({*e.agents, *e.targets, *e.claimed_by, *([e.location] if e.location else [])}
                        & set(graph.entities))
        links.add_edges_from((a, b) for i, a in enumerate(people) for b in people[i + 1:])
    return links


def ego(graph: KnowledgeGraph, actor: str, *, hops: int = 1) -> KnowledgeGraph:
    """The actors within ``hops`` steps of ``actor`` (a key or any of its names), with the
    relations and events among them. Raises :class:`KeyError` for an unknown actor."""
    if hops < 0:
        raise ValueError("hops must be 0 or more")
    centre = find_entity(graph, actor)
    near = set(nx.single_source_shortest_path_length(_neighbours(graph), centre, cutoff=hops))

    def keep_event(e: Event) -> bool:
        return all(k in near for k in (*e.agents, *e.targets, *e.claimed_by, e.location) if k is not None)

    return _rebuild(graph, lambda r: r.subject in near and r.object in near, keep_event,
                    lambda e: e.key in near)
