"""A plot of an actor's relations over time (``kg stats --plot``), with matplotlib.

Stacked bars by period (:mod:`kg.timeline`): above the axis what the actor did to others,
below it what others did to the actor, one colour a relation. matplotlib is an optional
extra (``pip install 'kg[plot]'``), imported only when a plot is drawn; without it
:func:`plot_actor` raises :class:`~kg.errors.KGError` saying what to install. The figure
is written as PNG, SVG or PDF (from the file name), with the same bytes for the same graph
and matplotlib: no date in the metadata, SVG ids from a fixed salt.

Examples
--------
>>> import kg, datetime as dt, pathlib, tempfile
>>> graph = kg.build([kg.Document("1", "Hamas fired rockets at Israel. Iran supported Hamas.",
...                               dt.date(2024, 1, 2))])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "hamas.svg"
>>> fig = plot_actor(graph, "Hamas", out)
>>> out.read_bytes() == (plot_actor(graph, "hamas", out) and out.read_bytes())
True
>>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
['backedBy', 'supported', 'targeted']
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .analytics import Day
from .errors import KGError
from .files import atomic_write
from .timeline import Timeline, timeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .graph import KnowledgeGraph

__all__ = ["FORMATS", "find_node", "plot_actor", "plot_timeline"]

#: The file suffixes :func:`plot_actor` writes.
FORMATS = (".png", ".svg", ".pdf")

_NO_DATE: dict[str, dict[str, Any]] = {
    ".png": {"Software": None}, ".svg": {"Date": None}, ".pdf": {"CreationDate": None, "ModDate": None},
}


def _matplotlib() -> tuple[Any, type[Figure]]:
    try:
        import matplotlib
        import matplotlib.ticker
        from matplotlib.figure import Figure
    except ImportError:
        raise KGError("plotting needs matplotlib: pip install 'kg[plot]'") from None
    return matplotlib, Figure


def find_node(g: nx.MultiDiGraph, actor: str) -> str:
    """The entity node of ``g`` whose key, label or alias is ``actor`` (any case).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("iran", kind="entity", label="Iran", aliases=["Tehran"])
    >>> find_node(g, "TEHRAN")
    'iran'
    """
    if g.nodes.get(actor, {}).get("kind") == "entity":
        return actor
    wanted = actor.strip().lower()
    for key, data in sorted(g.nodes(data=True)):
        names = [key, data.get("label") or "", *(data.get("aliases") or ())]
        if data.get("kind") == "entity" and wanted in (n.lower() for n in names):
            return key
    raise KeyError(f"no actor named {actor!r} in the graph")


def plot_timeline(line: Timeline) -> Figure:
    """Draw a :class:`~kg.timeline.Timeline` as stacked bars: a new matplotlib ``Figure``."""
    matplotlib, Figure = _matplotlib()
    totals: dict[str, int] = {}
    for c in line.counts:
        totals[c.relation] = totals.get(c.relation, 0) + c.records
    relations = sorted(totals)
    colours = matplotlib.colormaps["tab20"].colors
    fig = Figure(figsize=(max(6.0, 0.5 * len(line.periods) + 3), 4.2), layout="constrained")
    ax = fig.add_subplot()
    xs = range(len(line.periods))
    for way, sign in (("by", 1), ("on", -1)):
        base = [0] * len(line.periods)
        for i, rel in enumerate(relations):
            heights = [0] * len(line.periods)
            for c in line.counts:
                if c.relation == rel and c.direction == way:
                    heights[line.periods.index(c.period)] += sign * c.records
            if any(heights):
                ax.bar(xs, heights, bottom=base, color=colours[i % len(colours)], width=0.8,
                       label=rel if way == "by" or not any(c.relation == rel and c.direction == "by"
                                                           for c in line.counts) else None)
                base = [b + h for b, h in zip(base, heights)]
    ax.axhline(0, color="black", linewidth=0.8)
    pad = max(0.0, (4 - len(line.periods)) / 2)  # few periods: bars of a usual width, centred
    ax.set_xlim(-0.5 - pad, len(line.periods) - 0.5 + pad)
    ax.set_xticks(list(xs), line.periods, rotation=45 if len(line.periods) > 6 else 0, ha="right"
                  if len(line.periods) > 6 else "center")
    ax.set_ylabel(f"evidence records\n(on {line.label} ↓   by {line.label} ↑)")
    undated = f"; {line.undated} undated left out" if line.undated else ""
    ax.set_title(f"{line.label}: relations by {line.period}{undated}")
    if relations:
        handles, labels = ax.get_legend_handles_labels()
        order = sorted(range(len(labels)), key=labels.__getitem__)
        ax.legend([handles[i] for i in order], [labels[i] for i in order], fontsize="small",
                  loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    else:
        ax.text(0.5, 0.5, "no dated relations", transform=ax.transAxes, ha="center", va="center")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
    return fig


def plot_actor(graph: KnowledgeGraph | nx.MultiDiGraph, actor: str, path: str | os.PathLike[str] | None = None,
               *, since: Day = None, until: Day = None, period: str = "auto") -> Figure:
    """Plot ``actor``'s relations over time; write the figure to ``path`` (.png, .svg, .pdf)
    when given; return the matplotlib ``Figure``.

    Parameters
    ----------
    graph : KnowledgeGraph or networkx.MultiDiGraph
        A graph, or its :meth:`~kg.KnowledgeGraph.to_networkx` view.
    actor : str
        A key, label or alias (any case); :class:`KeyError` when none matches.
    since, until : datetime.date or ISO str, optional
        Count only evidence dated within the range.
    period : {"auto", "day", "month", "year"}
        The width of a bar (:func:`kg.timeline.timeline`).
    """
    g = graph if isinstance(graph, nx.MultiDiGraph) else graph.to_networkx()
    suffix = Path(path).suffix.lower() if path is not None else ""
    if path is not None and suffix not in FORMATS:
        raise KGError(f"a plot is written as {', '.join(FORMATS)}, not {Path(path).name!r}")
    fig = plot_timeline(timeline(g, find_node(g, actor), since=since, until=until, period=period))  # type: ignore[arg-type]
    if path is not None:
        matplotlib, _ = _matplotlib()
        buf = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "kg", "svg.fonttype": "path"}):
            fig.savefig(buf, format=suffix[1:], metadata=_NO_DATE[suffix], dpi=120)
        atomic_write(path, buf.getvalue())
    return fig
