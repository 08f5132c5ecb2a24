"""``kg stats``: the measures of :mod:`kg.analytics` as tables, CSV or JSON.

Four tables: ``central`` (actors by PageRank, with degree and betweenness), ``targets``
(who targets whom most often), ``blocs`` (alignment blocs) and ``hostility`` (hostile
relations between blocs). ``table`` prints them all; ``csv`` prints one (``--table``);
``json`` gives all as one object. The same tables for two time windows side by side, with
the change, come from :func:`kg.changes.compare` (``kg stats --compare A B``), printed here too.

Examples
--------
>>> import kg, datetime as dt
>>> g = kg.build([kg.Document("a", "Hamas fired rockets at Israel. Iran supported Hamas.",
...                           dt.date(2024, 1, 2))]).to_networkx()
>>> print(format_stats(compute(g), "table", tables=("central", "blocs")))
Most central actors (PageRank over who acted on whom)
actor   label   degree  in  out  pagerank  betweenness
------  ------  ------  --  ---  --------  -----------
hamas   Hamas   2       1   2    0.3936    1.0
iran    Iran    1       1   1    0.3032    0.0
israel  Israel  1       1   0    0.3032    0.0
<BLANKLINE>
Alignment blocs (communities over aligned, backed, supported, aided, cooperated edges)
bloc  size  members
----  ----  -----------
1     2     hamas; iran
"""

from __future__ import annotations

import csv
import io
import json

from typing import Any

import networkx as nx

from .analytics import Day, bloc_hostility, blocs, centrality, targeting

__all__ = ["TABLES", "compute", "format_stats"]

#: The tables, in print order, with their titles.
TABLES = {
    "central": "Most central actors (PageRank over who acted on whom)",
    "targets": "Who targets whom (targeted relations and attacks, by documents)",
    "blocs": "Alignment blocs (communities over aligned, backed, supported, aided, cooperated edges)",
    "hostility": "Hostility between blocs (hostile relations from one bloc's members to another's)",
}


def compute(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None,
            top: int | None = 10) -> dict[str, list[dict]]:
    """Every table of :data:`TABLES` as a list of rows (plain dicts)."""
    groups = blocs(g, since=since, until=until)
    return {
        "central": centrality(g, since=since, until=until, top=top),
        "targets": targeting(g, since=since, until=until, top=top),
        "blocs": [{"bloc": i, "size": len(m), "members": m} for i, m in enumerate(groups, start=1)],
        "hostility": bloc_hostility(g, since=since, until=until, groups=groups)[:top],
    }


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def _table(rows: list[dict]) -> str:
    if not rows:
        return "(none)"
    names = list(rows[0])
    cells = [[_cell(r[n]) for n in names] for r in rows]
    widths = [max([len(n)] + [len(c[i]) for c in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def format_stats(data: dict[str, list[dict]], fmt: str = "table", *, tables: tuple[str, ...] = tuple(TABLES),
                 windows: dict[str, str] | None = None) -> str:
    """The tables as aligned text, one table as CSV, or all as JSON.

    ``windows`` names the windows of a comparison (:func:`kg.changes.compare`: ``{"a":
    "2024-01-01..2024-03-31", "b": ...}``): a line above the text tables, a ``windows``
    member of the JSON object.
    """
    if fmt == "json":
        out: dict = {"windows": windows} if windows else {}
        return json.dumps(out | {t: data[t] for t in tables}, ensure_ascii=False, indent=1)
    if fmt == "csv":
        if len(tables) != 1:
            raise ValueError("CSV holds one table: choose one with --table " + "|".join(TABLES))
        rows = data[tables[0]]
        buf = io.StringIO()
        if rows:
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(list(rows[0]))
            writer.writerows([_cell(r[n]) for n in rows[0]] for r in rows)
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (table, csv, json)")
    head = [f"Change from window a ({windows['a']}) to window b ({windows['b']})"] if windows else []
    return "\n\n".join(head + [f"{TABLES[t]}\n{_table(data[t])}" for t in tables])
