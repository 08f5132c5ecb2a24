"""How the measures of :mod:`kg.analytics` changed between two time windows.

A window is a pair ``(since, until)`` of dates (either may be ``None``: open); window ``a``
is usually the earlier, ``b`` the later, but any two may be compared, overlapping or not.
:func:`compare` gives the tables of :mod:`kg.stats` with a column per window and the change
from ``a`` to ``b``:

- ``central``: each actor's PageRank rank and score and its degree in each window, the
  actors whose score moved most first;
- ``targets``: who targeted whom, documents in each window, the biggest changes first;
- ``blocs``: the alignment blocs of ``a``, of ``b`` and of both windows together (``a+b``);
- ``hostility``: hostile records between the blocs of ``a+b`` (one numbering, so the two
  windows can be compared), in each window.

Examples
--------
>>> import kg, datetime as dt
>>> graph = kg.build([
...     kg.Document("1", "Hamas fired rockets at Israel. Iran supported Hamas.", dt.date(2024, 1, 2)),
...     kg.Document("2", "Israel struck Hamas. Israel struck Hezbollah.", dt.date(2024, 3, 2)),
... ])
>>> data = compare(graph.to_networkx(), (None, "2024-01-31"), ("2024-02-01", None))
>>> [(r["source"], r["target"], r["documents_a"], r["documents_b"]) for r in data["targets"]]
[('hamas', 'israel', 1, 0), ('israel', 'hamas', 0, 1), ('israel', 'hezbollah', 0, 1)]
>>> [(r["actor"], r["rank_a"], r["rank_b"]) for r in data["central"]][:2]
[('hezbollah', None, 2), ('iran', 2, None)]
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Union

import networkx as nx

from .analytics import bloc_hostility, blocs, centrality, targeting

__all__ = ["Window", "compare", "parse_window", "window_label"]

_Day = Union[_dt.date, str, None]
#: A time window: ``(since, until)``, inclusive, each a date, an ISO date or ``None`` (open).
Window = tuple[_Day, _Day]


def parse_window(text: str) -> tuple[_dt.date | None, _dt.date | None]:
    """A window written ``SINCE..UNTIL`` (ISO dates; either may be left out).

    >>> parse_window("2023-10-01..2023-12-31")
    (datetime.date(2023, 10, 1), datetime.date(2023, 12, 31))
    >>> parse_window("..2023-12-31")
    (None, datetime.date(2023, 12, 31))
    >>> parse_window("2023-12-31")
    Traceback (most recent call last):
    ...
    ValueError: a window is SINCE..UNTIL (YYYY-MM-DD, either may be left out), not '2023-12-31'
    """
    since, sep, until = text.partition("..")
    if not sep:
        raise ValueError(f"a window is SINCE..UNTIL (YYYY-MM-DD, either may be left out), not {text!r}")
    try:
        lo = _dt.date.fromisoformat(since) if since else None
        hi = _dt.date.fromisoformat(until) if until else None
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD in the window {text!r}") from None
    if lo and hi and lo > hi:
        raise ValueError(f"the window {text!r} ends before it starts")
    return lo, hi


def window_label(window: Window) -> str:
    """A window as ``SINCE..UNTIL`` (an open end left empty).

    >>> window_label((None, "2024-01-31"))
    '..2024-01-31'
    """
    return "..".join("" if d is None else (d.isoformat() if isinstance(d, _dt.date) else str(d))
                     for d in window)


def _span(a: Window, b: Window) -> Window:
    """The smallest window holding both (open where either is)."""
    los = [_dt.date.fromisoformat(str(d)) if d is not None else None for d in (a[0], b[0])]
    his = [_dt.date.fromisoformat(str(d)) if d is not None else None for d in (a[1], b[1])]
    return (None if None in los else min(los),  # type: ignore[type-var]
            None if None in his else max(his))  # type: ignore[type-var]


def _central(g: nx.MultiDiGraph, a: Window, b: Window) -> list[dict[str, Any]]:
    rows = [centrality(g, since=w[0], until=w[1]) for w in (a, b)]
    ranked = [{r["actor"]: (i, r) for i, r in enumerate(found, start=1)} for found in rows]
    out = []
    for actor in sorted(set(ranked[0]) | set(ranked[1])):
        (ra, ca), (rb, cb) = (ranked[0].get(actor, (None, None)), ranked[1].get(actor, (None, None)))
        pa, pb = (ca["pagerank"] if ca else 0.0), (cb["pagerank"] if cb else 0.0)
        either = ca or cb
        assert either is not None  # the actor is ranked in one window at least
        out.append({"actor": actor, "label": either["label"], "rank_a": ra, "rank_b": rb,
                    "pagerank_a": pa, "pagerank_b": pb, "change": round(pb - pa, 4),
                    "degree_a": ca["degree"] if ca else 0, "degree_b": cb["degree"] if cb else 0})
    out.sort(key=lambda r: (-abs(r["change"]), -max(r["pagerank_a"], r["pagerank_b"]), r["actor"]))
    return out


def _targets(g: nx.MultiDiGraph, a: Window, b: Window) -> list[dict[str, Any]]:
    found = [{(r["source"], r["target"]): r for r in targeting(g, since=w[0], until=w[1])} for w in (a, b)]
    out = []
    for pair in sorted(set(found[0]) | set(found[1])):
        ra, rb = found[0].get(pair), found[1].get(pair)
        da, db = (ra["documents"] if ra else 0), (rb["documents"] if rb else 0)
        either = ra or rb
        assert either is not None
        out.append({"source": pair[0], "source_label": either["source_label"], "target": pair[1],
                    "target_label": either["target_label"], "documents_a": da, "documents_b": db,
                    "change": db - da})
    out.sort(key=lambda r: (-abs(r["change"]), -max(r["documents_a"], r["documents_b"]), r["source"], r["target"]))
    return out


def _hostility(g: nx.MultiDiGraph, a: Window, b: Window, groups: list[list[str]]) -> list[dict[str, Any]]:
    found = [{(r["from"], r["to"]): r for r in bloc_hostility(g, since=w[0], until=w[1], groups=groups)}
             for w in (a, b)]
    out = []
    for pair in sorted(set(found[0]) | set(found[1])):
        ra, rb = (found[0].get(pair) or {}).get("records", 0), (found[1].get(pair) or {}).get("records", 0)
        out.append({"from": pair[0], "to": pair[1], "records_a": ra, "records_b": rb, "change": rb - ra})
    out.sort(key=lambda r: (-abs(r["change"]), r["from"], r["to"]))
    return out


def compare(g: nx.MultiDiGraph, a: Window, b: Window, *, top: int | None = 10) -> dict[str, list[dict[str, Any]]]:
    """The tables of :func:`kg.stats.compute` for windows ``a`` and ``b`` side by side, with
    the change from ``a`` to ``b`` (see the module's description); ranked tables are cut to
    ``top`` rows, the biggest changes first."""
    both = _span(a, b)
    groups = blocs(g, since=both[0], until=both[1])
    bloc_rows = [{"window": name, "bloc": i, "size": len(m), "members": m}
                 for name, w in (("a", a), ("b", b)) for i, m in enumerate(blocs(g, since=w[0], until=w[1]), start=1)]
    bloc_rows += [{"window": "a+b", "bloc": i, "size": len(m), "members": m} for i, m in enumerate(groups, start=1)]
    return {
        "central": _central(g, a, b)[:top],
        "targets": _targets(g, a, b)[:top],
        "blocs": bloc_rows,
        "hostility": _hostility(g, a, b, groups)[:top],
    }
