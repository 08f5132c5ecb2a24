"""The interactive HTML view of a knowledge graph (pyvis / vis-network).

The view reads the ``networkx.MultiDiGraph`` that ``KnowledgeGraph.to_networkx()``
returns (entity and event nodes, edges keyed by relation, evidence on every
edge) and writes one self-contained HTML page: vis-network and its CSS are
inlined from the pyvis package, the data is JSON inside a
``<script type="application/json">`` parsed with ``JSON.parse``, and opening
the page makes no network request.

The page offers: nodes coloured and shaped by class and sized by mentions
(or degree); edges coloured, labelled and arrowed by relation, as wide as
their number of supporting documents, parallel relations drawn as separate
curves, dashed when only alleged (what someone is accused of, which no
document reports as done); a legend whose entries are filters (relation
types, alleged edges, node classes), a minimum-confidence slider, a date
range over the evidence dates, a search box over labels and aliases, and a
panel that shows a clicked node (type, aliases, Wikidata link, its edges) or
edge (confidence, evidence sentences with document and date, and who reports
or alleges each, by label). pyvis's JavaScript global ``network`` (the
``vis.Network``) is reachable as ``window.network``; ``window.kgView`` holds
the page's helpers (``focusNode``, ``applyFilters``, ``state``, ``find``) and
``window.kgReady`` becomes true once the view has settled.

The package's modules: :mod:`.select` chooses what is shown, :mod:`.layout`
places it, :mod:`.style` colours it, :mod:`.data` makes the page's data and
:mod:`.page` writes the page.

Positions are computed ahead in Python by a fast deterministic
force-directed layout; small graphs are then relaxed by vis physics for a
bounded number of iterations, after which physics is switched off. Large
graphs are drawn with physics off from the start. The same graph always
gives the same bytes.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(name="demo")
>>> g.add_node("iran", kind="entity", label="Iran", type="State", aliases=["Tehran"],
...            wikidata="Q794", iri="https://w3id.org/newskg/id/iran",
...            documents=["d1"], mentions=3)
>>> g.add_node("hezbollah", kind="entity", label="Hezbollah", type="ArmedGroup",
...            aliases=[], wikidata=None, iri="https://w3id.org/newskg/id/hezbollah",
...            documents=["d1"], mentions=2)
>>> _ = g.add_edge("hezbollah", "iran", key="backedBy", predicate="backedBy",
...                confidence=0.9, documents=["d1"], evidence=[])
>>> page = render_html(g, title="Demo")
>>> page.startswith("<!DOCTYPE html>") and 'id="kg-data"' in page
True
>>> render_html(g, title="Demo") == page
True
>>> sorted(select_subgraph(g, focus="Tehran", hops=0).nodes)
['iran']
"""

from __future__ import annotations

import html
import logging
import os
from typing import Any, Literal

import networkx as nx

from ..files import atomic_write
from .data import _build_network
from .page import _render_page
from .select import _document_count, select_subgraph

__all__ = ["display", "frame_html", "render_html", "select_subgraph"]

_log = logging.getLogger(__name__)

#: Above this many nodes ``physics="auto"`` draws precomputed positions only.
_PHYSICS_MAX_NODES = 200


def render_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str | None = None,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    min_evidence: int = 1,
    physics: bool | Literal["auto"] = "auto",
    notebook: bool = False,
) -> str:
    """Render ``graph`` as one self-contained interactive HTML page.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A graph shaped like ``KnowledgeGraph.to_networkx()``'s.
    path : str or os.PathLike or None
        Where to write the page (atomically: a temporary file in the same
        directory, then ``os.replace``). ``None`` writes nothing.
    title : str or None
        The page's title and heading; by default the number of documents
        and their date span ("kg: 89 documents, 2023-10-07 – 2024-03-01").
    top, focus, hops, min_evidence
        Passed to :func:`select_subgraph` to choose what is shown.
    physics : bool or "auto"
        ``True``: relax the precomputed layout with vis physics in the
        browser (bounded, then off); ``False``: precomputed positions only;
        ``"auto"``: physics for graphs of at most 200 nodes.
    notebook : bool
        Size the page for an iframe in a notebook (fixed height) instead of
        the whole window.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", kind="entity", label="<X & Y>", type="Person", aliases=[])
    >>> page = render_html(g, title="a <b>")
    >>> "<X & Y>" in page, "\\\\u003cX \\\\u0026 Y\\\\u003e" in page, "<title>a &lt;b&gt;</title>" in page
    (False, True, True)
    """
    if top is None and focus is None and all(
        _document_count(d) >= min_evidence for _u, _v, d in graph.edges(data=True)
    ):
        shown = graph  # nothing to leave out: spare the copy
    else:
        shown = select_subgraph(
            graph, top=top, focus=focus, hops=hops, min_evidence=min_evidence
        )
    use_physics = (
        shown.number_of_nodes() <= _PHYSICS_MAX_NODES if physics == "auto" else bool(physics)
    )
    if shown.number_of_nodes() == 0:
        use_physics = False
    net = _build_network(shown, physics=use_physics)
    page = _render_page(net, shown, title=title, notebook=notebook)
    _log.info(
        "view: %d nodes, %d edges, %d bytes, physics %s",
        len(net.nodes),
        len(net.edges),
        len(page),
        "on" if use_physics else "off",
    )
    if path is not None:
        atomic_write(path, page)
    return page


def frame_html(graph: nx.MultiDiGraph, *, height: int = 720, **kwargs: Any) -> str:
    """The view of ``graph`` as HTML for a notebook cell: the page in an ``<iframe srcdoc>``
    (sandboxed: scripts run, the page cannot reach the notebook). ``kwargs`` are passed to
    :func:`render_html`.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", kind="entity", label="X", type="Person", aliases=[])
    >>> frame_html(g, height=300).startswith('<div class="kg-view"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    kwargs.setdefault("notebook", True)
    page = render_html(graph, None, **kwargs)
    return (
        f'<div class="kg-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>'
    )


def display(graph: Any, *, height: int = 720, **kwargs: Any) -> Any:
    """Return the view of ``graph`` for Jupyter: the page in an iframe ``srcdoc``.

    ``kwargs`` are passed to :func:`render_html` (``title``, ``top``,
    ``focus``, ...). IPython is imported only here; the object returned is
    an ``IPython.display.HTML`` that a notebook shows when it is a cell's
    value. A :class:`~kg.KnowledgeGraph` shows itself too, as a cell's
    value (its ``_repr_html_``).

    Parameters
    ----------
    graph : KnowledgeGraph or networkx.MultiDiGraph
        A graph, or one shaped like ``KnowledgeGraph.to_networkx()``'s.
    height : int
        The iframe's height in pixels.

    Returns
    -------
    IPython.display.HTML
    """
    try:
        from IPython.display import HTML  # lazily: IPython is not a dependency
    except ImportError:
        raise ImportError("kg.display needs IPython (Jupyter): pip install 'kg[notebook]'; "
                          "a KnowledgeGraph that is a notebook cell's value shows itself without it") from None

    if not isinstance(graph, nx.MultiDiGraph):
        graph = graph.to_networkx()
    return HTML(frame_html(graph, height=height, **kwargs))
