"""An actor's relations over time: evidence records by period, relation and direction.

The counts behind ``kg stats --plot`` (:mod:`kg.plot`), as plain records so they can be
tabled or plotted with any tool. They are read like :mod:`kg.analytics` reads the graph:
actor-to-actor edges of :meth:`kg.KnowledgeGraph.to_networkx`, structural relations
(``partOf``, ``locatedIn``...) and allegations left out, one count per evidence record
(a sentence of a document). A record without a date has no period and is counted apart.

Examples
--------
>>> import kg, datetime as dt
>>> graph = kg.build([
...     kg.Document("1", "Hamas fired rockets at Israel. Iran supported Hamas.", dt.date(2024, 1, 2)),
...     kg.Document("2", "Israel struck Hamas.", dt.date(2024, 3, 9)),
... ])
>>> line = timeline(graph.to_networkx(), "hamas")
>>> line.period, line.periods
('month', ['2024-01', '2024-02', '2024-03'])
>>> [(c.period, c.relation, c.direction, c.records) for c in line.counts]  # doctest: +NORMALIZE_WHITESPACE
[('2024-01', 'backedBy', 'by', 1), ('2024-01', 'supported', 'on', 1), ('2024-01', 'targeted', 'by', 1),
 ('2024-03', 'targeted', 'on', 1)]
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from .analytics import STRUCTURAL, Day, _records

__all__ = ["Count", "Timeline", "timeline"]

Period = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Count:
    """Evidence records of one relation in one period: made ``by`` the actor or ``on`` it."""

    period: str
    relation: str
    direction: Literal["by", "on"]
    records: int


@dataclass(frozen=True, slots=True)
class Timeline:
    """An actor's counts: ``periods`` lists every period from the first to the last (gaps
    included), ``counts`` the non-zero ones in (period, relation, direction) order,
    ``undated`` the records without a date."""

    actor: str
    label: str
    period: Period
    periods: list[str]
    counts: list[Count]
    undated: int


def _bucket(day: _dt.date, period: Period) -> str:
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[period]


def _periods(first: _dt.date, last: _dt.date, period: Period) -> list[str]:
    """Every period from ``first``'s to ``last``'s."""
    out: list[str] = []
    day = first
    while day <= last:
        name = _bucket(day, period)
        if not out or out[-1] != name:
            out.append(name)
        if period == "day":
            day += _dt.timedelta(days=1)
        elif period == "month":
            day = (day.replace(day=1) + _dt.timedelta(days=32)).replace(day=1)
        else:
            day = day.replace(year=day.year + 1, month=1, day=1)
    return out


def _auto(first: _dt.date, last: _dt.date) -> Period:
    span = (last - first).days
    return "day" if span <= 31 else "month" if span <= 3 * 366 else "year"


def timeline(g: nx.MultiDiGraph, actor: str, *, since: Day = None, until: Day = None,
             period: Period | Literal["auto"] = "auto") -> Timeline:
    """Count ``actor``'s relations (a node key of ``g``) by period within ``[since, until]``.

    ``period`` is ``"day"``, ``"month"``, ``"year"`` or ``"auto"``: days for a span of a
    month at most, months up to three years, years beyond. Raises :class:`KeyError` when
    ``actor`` is not an entity of ``g``.
    """
    if g.nodes.get(actor, {}).get("kind") != "entity":
        raise KeyError(f"no actor {actor!r} in the graph")
    dated: Counter[tuple[_dt.date, str, str]] = Counter()
    undated = 0
    for u, v, key, data in g.edges(keys=True, data=True):
        if actor not in (u, v) or u == v or key in STRUCTURAL or data.get("alleged"):
            continue
        if g.nodes[u].get("kind") != "entity" or g.nodes[v].get("kind") != "entity":
            continue
        for rec in _records(data, since, until):
            if rec.get("alleged"):
                continue
            if rec.get("date"):
                dated[_dt.date.fromisoformat(rec["date"]), key, "by" if u == actor else "on"] += 1
            else:
                undated += 1
    days = sorted({d for d, _, _ in dated})
    chosen: Period = (_auto(days[0], days[-1]) if days else "month") if period == "auto" else period
    counts: Counter[tuple[str, str, str]] = Counter()
    for (day, rel, way), n in dated.items():
        counts[_bucket(day, chosen), rel, way] += n
    return Timeline(
        actor=actor, label=str(g.nodes[actor].get("label", actor)), period=chosen,
        periods=_periods(days[0], days[-1], chosen) if days else [],
        counts=[Count(p, r, w, n) for (p, r, w), n in sorted(counts.items())],  # type: ignore[arg-type]
        undated=undated,
    )
