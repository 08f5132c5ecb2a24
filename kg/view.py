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

import difflib

import functools
import hashlib
import html
import json
import logging
import math
import os
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from .files import atomic_write

__all__ = ["display", "render_html", "select_subgraph"]

_log = logging.getLogger(__name__)

_TEMPLATES = Path(__file__).with_name("templates")
_VIS_VERSION = "vis-9.1.2"

#: Node style by ontology class local name: (colour, vis shape).
_CLASS_STYLES: dict[str, tuple[str, str]] = {
    "State": ("#4e79a7", "dot"),
    "ArmedGroup": ("#e15759", "triangle"),
    "MilitaryForce": ("#9d2c2e", "triangleDown"),
    "Organization": ("#59a14f", "square"),
    "InternationalOrganization": ("#2f8f8a", "hexagon"),
    "PoliticalParty": ("#d4a716", "diamond"),
    "GovernmentBody": ("#f28e2b", "square"),
    "Person": ("#b07aa1", "dot"),
    "Collective": ("#e377c2", "hexagon"),
    "Place": ("#9c755f", "diamond"),
    "Facility": ("#8c8c5a", "triangleDown"),
    "Vehicle": ("#6b8c8c", "triangleDown"),
    "Actor": ("#8a8a8a", "dot"),
    "Attack": ("#d62728", "star"),
    "Clash": ("#a50f15", "star"),
    "Protest": ("#ff7f0e", "star"),
    "Arrest": ("#8c564b", "star"),
    "Sanction": ("#6a3d9a", "star"),
    "Meeting": ("#17becf", "star"),
    "Agreement": ("#2ca02c", "star"),
    "Seizure": ("#7f4f24", "star"),
    "Event": ("#555555", "star"),
}

#: Edge colour by relation (property local name).
_RELATION_COLORS: dict[str, str] = {
    "alignedWith": "#2ca02c",
    "backedBy": "#1b7837",
    "partOf": "#7f7f7f",
    "leaderOf": "#8c564b",
    "locatedIn": "#a6a31c",
    "stationedIn": "#9467bd",
    "controls": "#5e3c99",
    "accused": "#ff7f0e",
    "blamed": "#e6550d",
    "criticized": "#f0a04b",
    "condemned": "#d94801",
    "threatened": "#c51b8a",
    "targeted": "#d62728",
    "inConflictWith": "#a50f15",
    "coerced": "#7b3294",
    "sanctioned": "#6a51a3",
    "mobilizedAgainst": "#e7298a",
    "protestedAgainst": "#f768a1",
    "rejected": "#969696",
    "denied": "#636363",
    "demanded": "#bf812d",
    "investigated": "#3182bd",
    "conceded": "#74c476",
    "aided": "#31a354",
    "cooperatedWith": "#1f77b4",
    "supported": "#41ab5d",
    "agreedWith": "#006d2c",
    "consulted": "#4292c6",
    "visited": "#6baed6",
    "claimedResponsibilityFor": "#4d004b",
    "agent": "#525252",
    "target": "#cb181d",
    "location": "#8c6d31",
    "instrument": "#737373",
    "outcome": "#969696",
}

#: Colours for relations or classes the tables above do not name.
_FALLBACK_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip

#: Relations drawn without arrows (their direction carries no meaning).
_SYMMETRIC = frozenset({"alignedWith", "inConflictWith"})
#: vis dash pattern (dash, gap in px) of an edge that is only alleged.
_ALLEGED_DASHES = (6, 5)

#: Above this many nodes ``physics="auto"`` draws precomputed positions only.
_PHYSICS_MAX_NODES = 200
#: Above this many nodes the page is in "large" mode: edges hidden while
#: dragging or zooming, arrowheads only when zoomed in.
_LARGE_GRAPH_NODES = 2000
#: Above this many edges, edge labels are drawn only for the selection (or
#: for every shown edge once filters leave at most this many).
_EDGE_LABEL_LIMIT = 3000
#: Browser-side stabilisation bound when physics is on.
_STABILIZATION_ITERATIONS = 150
#: Mean edge length (px) the precomputed layout is scaled to.
_EDGE_LENGTH = 140.0
_LAYOUT_SEED = 7
#: Side (px) of the square each node gets, on average, in a dense layout.
_NODE_SPACING = 70.0
#: Edge width by number of supporting documents (0, 1, 2, ...), capped.
_WIDTHS = tuple(round(1.0 + 1.5 * math.log2(max(n, 1)), 2) for n in range(65))


# --------------------------------------------------------------------------- selection


def select_subgraph(
    graph: nx.MultiDiGraph,
    *,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
    min_evidence: int = 1,
) -> nx.MultiDiGraph:
    """Return the part of ``graph`` the view should show (a new graph).

    The steps apply in order: edges supported by fewer than ``min_evidence``
    documents are dropped; with ``focus``, only nodes within ``hops`` edges
    (either direction) of the focused node are kept; with ``top``, only the
    ``top`` entities of highest degree are kept (ties broken by key), with
    the events that link at least two of them. ``graph`` is not modified;
    node, edge and graph attributes are copied.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A graph shaped like ``KnowledgeGraph.to_networkx()``'s.
    top : int or None
        Keep this many entities, those of highest degree.
    focus : str or None
        A node key, or any label or alias (case-insensitive); every node it
        names is a centre.
    hops : int
        Radius around ``focus``.
    min_evidence : int
        Minimum number of supporting documents for an edge to be kept.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    ValueError
        If ``focus`` names no node, or an argument is out of range.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for key, label in [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta")]:
    ...     g.add_node(key, kind="entity", label=label, type="State", aliases=[])
    >>> _ = g.add_edge("a", "b", key="accused", predicate="accused", documents=["d1", "d2"])
    >>> _ = g.add_edge("b", "c", key="targeted", predicate="targeted", documents=["d1"])
    >>> _ = g.add_edge("c", "d", key="partOf", predicate="partOf", documents=["d3"])
    >>> sorted(select_subgraph(g, focus="beta").nodes)
    ['a', 'b', 'c']
    >>> sorted(select_subgraph(g, min_evidence=2).edges(keys=True))
    [('a', 'b', 'accused')]
    >>> sorted(select_subgraph(g, top=2).nodes)
    ['b', 'c']
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be >= 0, not {top}")
    if hops < 0:
        raise ValueError(f"hops must be >= 0, not {hops}")
    edges = [
        (u, v, k, d)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if _document_count(d) >= min_evidence
    ]
    keep: set[Any] = set(graph.nodes)
    if focus is not None:
        centres = _resolve(graph, focus)
        if not centres:
            close = closest_names(graph, focus)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise ValueError(f"focus {focus!r} names no node (key, label or alias){hint}")
        neighbours: dict[Any, set[Any]] = defaultdict(set)
        for u, v, _k, _d in edges:
            neighbours[u].add(v)
            neighbours[v].add(u)
        keep = set(centres)
        frontier = set(centres)
        for _ in range(hops):
            frontier = {w for n in frontier for w in neighbours[n]} - keep
            keep |= frontier
        edges = [e for e in edges if e[0] in keep and e[1] in keep]
    if top is not None:
        degree: dict[Any, int] = dict.fromkeys(keep, 0)
        for u, v, _k, _d in edges:
            degree[u] += 1
            degree[v] += 1
        entities = [n for n in keep if graph.nodes[n].get("kind", "entity") != "event"]
        entities.sort(key=lambda n: (-degree[n], str(n)))
        kept = set(entities[:top])
        linked: dict[Any, set[Any]] = defaultdict(set)
        for u, v, _k, _d in edges:
            if u in kept:
                linked[v].add(u)
            if v in kept:
                linked[u].add(v)
        events = {
            n
            for n in keep
            if graph.nodes[n].get("kind") == "event" and len(linked[n] - {n}) >= 2
        }
        keep = kept | events
        edges = [e for e in edges if e[0] in keep and e[1] in keep]
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, k, dict(d)) for u, v, k, d in edges)
    return sub


def _document_count(data: Mapping[str, Any]) -> int:
    """Number of documents supporting an edge (``documents``, else its evidence's)."""
    documents = data.get("documents")
    if documents is not None:
        return len(set(documents))
    return len({e.get("document") for e in data.get("evidence") or () if e.get("document")})


def _names(data: Mapping[str, Any]) -> list[str]:
    """Every name of a node: its label and aliases."""
    names = [data.get("label") or ""]
    names.extend(data.get("aliases") or ())
    return [str(n) for n in names if n]


def closest_names(graph: nx.MultiDiGraph, name: str, n: int = 3) -> list[str]:
    """The names of nodes closest to a name that matches none (difflib's ratio, case folded).

    >>> g = nx.MultiDiGraph(); g.add_node("hamas", label="Hamas", aliases=["Harakat al-Muqawama"])
    >>> closest_names(g, "Hammas")
    ['Hamas']
    """
    names = sorted({n for _, d in graph.nodes(data=True) for n in _names(d)})
    folded = {nm.casefold(): nm for nm in names}
    return [folded[m] for m in difflib.get_close_matches(name.casefold().strip(), list(folded), n=n, cutoff=0.6)]


def _resolve(graph: nx.MultiDiGraph, name: str) -> list[Any]:
    """Nodes named by ``name``: the node with that key, else every label/alias match."""
    if name in graph:
        return [name]
    folded = name.casefold().strip()
    return [
        n
        for n, d in graph.nodes(data=True)
        if any(a.casefold().strip() == folded for a in _names(d))
    ]


# --------------------------------------------------------------------------- rendering


def render_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str = "kg",
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
    title : str
        The page's title and heading.
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


def display(graph: nx.MultiDiGraph, *, height: int = 720, **kwargs: Any) -> Any:
    """Return the view of ``graph`` for Jupyter: the page in an iframe ``srcdoc``.

    ``kwargs`` are passed to :func:`render_html` (``title``, ``top``,
    ``focus``, ...). IPython is imported only here; the object returned is
    an ``IPython.display.HTML`` that a notebook shows when it is a cell's
    value.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    height : int
        The iframe's height in pixels.

    Returns
    -------
    IPython.display.HTML
    """
    from IPython.display import HTML  # lazily: IPython is not a dependency

    kwargs.setdefault("notebook", True)
    page = render_html(graph, None, **kwargs)
    frame = (
        f'<div class="kg-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>'
    )
    return HTML(frame)


# --------------------------------------------------------------------------- building


def _build_network(graph: nx.MultiDiGraph, *, physics: bool) -> Any:
    """Fill a pyvis ``Network``'s node and edge lists directly (no ``add_node``)."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    node_ids = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(node_ids)}
    edge_list = sorted(
        graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))
    )
    positions = _layout(
        len(node_ids),
        [index[u] for u, _v, _k, _d in edge_list],
        [index[v] for _u, v, _k, _d in edge_list],
    )
    degree = dict(graph.degree())
    by_mentions = _has_mentions(graph)
    weight = {
        n: float(d.get("mentions") or 0) if by_mentions else float(degree[n])
        for n, d in graph.nodes(data=True)
    }
    top_weight = max(
        (w for n, w in weight.items() if graph.nodes[n].get("kind") != "event"), default=1.0
    )
    top_weight = top_weight or 1.0

    nodes = []
    for i, n in enumerate(node_ids):
        d = graph.nodes[n]
        kind = "event" if d.get("kind") == "event" else "entity"
        ntype = str(d.get("type") or ("Event" if kind == "event" else "Actor"))
        color, shape = _class_style(ntype, kind)
        if kind == "event":
            size = 9.0 + 4.0 * math.sqrt(min(degree[n], 16) / 16)
        else:
            size = 10.0 + 26.0 * math.sqrt(max(weight[n], 0.0) / top_weight)
        x, y = positions[i]
        nodes.append(
            {
                "id": str(n),
                "label": _text(d.get("label")) or str(n),
                "shape": shape,
                "color": color,
                "size": round(size, 1),
                "x": x,
                "y": y,
                "kind": kind,
                "type": ntype,
                "aliases": [_text(a) for a in d.get("aliases") or ()],
                "wikidata": _text(d.get("wikidata")) or None,
                "iri": _text(d.get("iri")) or None,
                "documents": [_text(doc) for doc in d.get("documents") or ()],
                "mentions": int(d.get("mentions") or 0),
                "date": _text(d.get("date")) or None,
                "degree": degree[n],
            }
        )

    smooth = _parallel_smooth(edge_list)
    edges = []
    for i, (u, v, k, d) in enumerate(edge_list):
        predicate = str(d.get("predicate") or k)
        n_docs = _document_count(d)
        evidence = [_evidence(e) for e in d.get("evidence") or ()]
        edge = {
            "id": f"e{i}",
            "from": str(u),
            "to": str(v),
            "color": _relation_color(predicate),
            "width": _WIDTHS[n_docs] if n_docs < len(_WIDTHS) else _WIDTHS[-1],
            "predicate": predicate,
            "confidence": _number(d.get("confidence")),
            "documents": [_text(doc) for doc in d.get("documents") or ()],
            "dates": sorted({e["date"] for e in evidence if e["date"]}),
            "evidence": evidence,
            "alleged": bool(d.get("alleged")),
        }
        if edge["alleged"]:
            edge["dashes"] = list(_ALLEGED_DASHES)
        if len(edge_list) <= _EDGE_LABEL_LIMIT:
            edge["label"] = predicate
        if predicate in _SYMMETRIC:
            edge["arrows"] = {"to": {"enabled": False}}
        if smooth[i] is not None:
            edge["smooth"] = smooth[i]
        edges.append(edge)

    net.nodes = nodes
    net.edges = edges
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.options = _options(len(nodes), physics=physics)
    return net


def _has_mentions(graph: nx.MultiDiGraph) -> bool:
    return any(
        (d.get("mentions") or 0) > 0
        for _n, d in graph.nodes(data=True)
        if d.get("kind") != "event"
    )


def _parallel_smooth(edge_list: list[tuple[Any, Any, Any, dict]]) -> list[dict | None]:
    """vis ``smooth`` per edge: parallel edges (either direction) fan out as curves.

    Edges between the same two nodes are ordered; with an odd count the first
    is straight, the others alternate sides with growing roundness. The side
    is chosen for the pair's canonical direction and flipped for edges that
    run the other way, so opposite edges do not overlap.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (u, v, _k, _d) in enumerate(edge_list):
        groups[tuple(sorted((str(u), str(v))))].append(i)  # type: ignore[arg-type]
    out: list[dict | None] = [None] * len(edge_list)
    for (a, b), members in groups.items():
        if len(members) < 2 or a == b:
            continue
        offset = len(members) % 2
        for rank, i in enumerate(members):
            if rank < offset:
                continue
            slot = rank - offset
            side = 1 if slot % 2 == 0 else -1
            if str(edge_list[i][0]) != a:
                side = -side
            out[i] = {
                "enabled": True,
                "type": "curvedCW" if side > 0 else "curvedCCW",
                "roundness": round(0.18 * (slot // 2 + 1), 2),
            }
    return out


def _options(n_nodes: int, *, physics: bool) -> dict[str, Any]:
    large = n_nodes > _LARGE_GRAPH_NODES
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}},
            "smooth": {"enabled": False},
            "font": {
                "size": 10,
                "face": "sans-serif",
                "align": "middle",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "layout": {"randomSeed": _LAYOUT_SEED, "improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.2,
                "springLength": _EDGE_LENGTH,
                "springConstant": 0.03,
                "damping": 0.3,
                "avoidOverlap": 0.2,
            },
            "stabilization": {
                "enabled": physics,
                "iterations": _STABILIZATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _class_style(ntype: str, kind: str) -> tuple[str, str]:
    if ntype in _CLASS_STYLES:
        return _CLASS_STYLES[ntype]
    return (_hash_color(ntype), "star" if kind == "event" else "dot")


def _relation_color(predicate: str) -> str:
    return _RELATION_COLORS.get(predicate) or _hash_color(predicate)


def _hash_color(name: str) -> str:
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).digest()
    return _FALLBACK_COLORS[digest[0] % len(_FALLBACK_COLORS)]


def _text(value: Any) -> str:
    """A value as text for the page ('' for None); dates become ISO strings."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


_EVIDENCE_TEXT = (
    "document", "sentence", "date", "source", "rule", "asserted_by", "asserted_by_label",
)  # fmt: skip


def _evidence(e: Any) -> dict[str, Any]:
    """One evidence record (a dict, or an object with those attributes) for the page."""
    get = e.get if type(e) is dict or isinstance(e, Mapping) else functools.partial(getattr, e)
    out: dict[str, Any] = {}
    for name in _EVIDENCE_TEXT:
        value = get(name, None)
        out[name] = value if value is None or type(value) is str else (_text(value) or None)
    out["document"] = out["document"] or ""
    out["sentence"] = out["sentence"] or ""
    out["confidence"] = _number(get("confidence", None))
    out["alleged"] = bool(get("alleged", False))
    return out


def _number(value: Any) -> float | None:
    """A confidence for JSON: a finite float or None."""
    if value is None:
        return None
    number = value if type(value) is float else float(value)
    return number if math.isfinite(number) else None


# --------------------------------------------------------------------------- layout


def _layout(n: int, src: list[int], dst: list[int]) -> list[list[int]]:
    """Deterministic positions, in pixels, for ``n`` nodes joined by ``src[i] -> dst[i]``.

    Nodes with edges are placed by :func:`_force_layout` and scaled so that
    the median edge is ``_EDGE_LENGTH`` long and, in dense graphs, each node
    has about ``_NODE_SPACING`` pixels to itself. The largest connected
    component stays where it is; the other components (keeping their shape)
    and the nodes without edges are packed in rows below it, largest first,
    instead of drifting to a far ring around it.
    """
    import numpy as np

    if n == 0:
        return []
    s = np.asarray(src, dtype=np.int64)
    t = np.asarray(dst, dtype=np.int64)
    proper = s != t
    s, t = s[proper], t[proper]
    linked = np.zeros(n, dtype=bool)
    linked[s] = True
    linked[t] = True
    pos = np.zeros((n, 2))
    members = np.nonzero(linked)[0]
    if len(members):
        local = np.full(n, -1, dtype=np.int64)
        local[members] = np.arange(len(members))
        sub = _force_layout(len(members), local[s], local[t])
        lengths = np.sqrt(((sub[local[s]] - sub[local[t]]) ** 2).sum(1))
        radius = np.sqrt(((sub - np.median(sub, axis=0)) ** 2).sum(1))
        spread = float(np.percentile(radius, 80)) * math.sqrt(math.pi / (0.8 * len(members)))
        pos[members] = sub * max(
            _EDGE_LENGTH / (float(np.median(lengths)) or 1.0),
            _NODE_SPACING / (spread or 1.0),
        )
    skeleton = nx.Graph()
    skeleton.add_nodes_from(range(n))
    skeleton.add_edges_from(zip(s.tolist(), t.tolist()))
    components = sorted(
        (sorted(c) for c in nx.connected_components(skeleton)), key=lambda c: (-len(c), c[0])
    )
    spacing = 0.6 * _EDGE_LENGTH
    boxes = []
    for c in components:
        p = pos[c]
        lo, hi = p.min(0), p.max(0)
        boxes.append((c, lo, hi - lo))
    main, rest = (boxes[0], boxes[1:]) if len(boxes[0][0]) > 1 else (None, boxes)
    area = sum((w + spacing) * (h + spacing) for _c, _lo, (w, h) in rest)
    width = max(math.sqrt(area), main[2][0] if main else 0.0, spacing)
    x0 = main[1][0] if main else 0.0
    x, y = x0, (main[1][1] + main[2][1] + 2 * spacing) if main else 0.0
    row = 0.0
    for c, lo, (w, h) in rest:
        if x > x0 and x + w > x0 + width:
            x, y, row = x0, y + row + spacing, 0.0
        pos[c] += np.array([x, y]) - lo
        x += w + spacing
        row = max(row, h)
    pos -= (pos.min(0) + pos.max(0)) / 2
    return np.rint(pos).astype(np.int64).tolist()


def _force_layout(n: int, s: Any, t: Any) -> Any:
    """Fruchterman-Reingold in the unit square with a constant pull to the centre.

    Up to 1,200 nodes the repulsion is exact; above, it is approximated on a
    grid: every node is repelled by the centroids of the other cells and by
    its own cell's centroid, and the grid is shifted at random (seeded) at
    each step so that no cell boundaries show. That is O(n + cells^2) per
    step, about a second for 20,000 nodes. Returns an ``(n, 2)`` array.
    """
    import numpy as np

    rng = np.random.default_rng(_LAYOUT_SEED)
    pos = rng.random((n, 2))
    if n < 2:
        return pos
    iterations = 80
    k = 1.0 / math.sqrt(n)
    k2 = k * k
    step = 0.1
    cooling = step / (iterations + 1)
    grid = int(min(36, max(8, math.sqrt(n) / 3)))
    cells = grid * grid
    for _ in range(iterations):
        x = pos[:, 0]
        y = pos[:, 1]
        if n <= 1200:
            dx = x[:, None] - x[None, :]
            dy = y[:, None] - y[None, :]
            w = 1.0 / (dx * dx + dy * dy + 1e-9)
            fx = (dx * w).sum(1) * k2
            fy = (dy * w).sum(1) * k2
        else:
            lo = pos.min(0)
            span = (float((pos.max(0) - lo).max()) + 1e-9) * (grid + 1) / grid
            lo = lo - rng.random(2) * span / (grid + 1)
            cell = np.minimum(((pos - lo) / span * grid).astype(np.int64), grid - 1)
            cid = cell[:, 0] * grid + cell[:, 1]
            mass = np.bincount(cid, minlength=cells).astype(float)
            nz = np.nonzero(mass)[0]
            m = mass[nz]
            ccx = np.zeros(cells)
            ccy = np.zeros(cells)
            ccx[nz] = np.bincount(cid, weights=x, minlength=cells)[nz] / m
            ccy[nz] = np.bincount(cid, weights=y, minlength=cells)[nz] / m
            ddx = ccx[nz][:, None] - ccx[nz][None, :]
            ddy = ccy[nz][:, None] - ccy[nz][None, :]
            soft = (span / grid) ** 2
            w = m[None, :] / (ddx * ddx + ddy * ddy + 0.5 * soft)
            np.fill_diagonal(w, 0.0)
            gx = np.zeros(cells)
            gy = np.zeros(cells)
            gx[nz] = (ddx * w).sum(1)
            gy[nz] = (ddy * w).sum(1)
            ox = x - ccx[cid]
            oy = y - ccy[cid]
            ow = (mass[cid] - 1.0) / (ox * ox + oy * oy + 0.01 * soft)
            fx = (gx[cid] + ox * ow) * k2
            fy = (gy[cid] + oy * ow) * k2
        if len(s):
            ex = x[s] - x[t]
            ey = y[s] - y[t]
            dist = np.sqrt(ex * ex + ey * ey) / k
            fx -= np.bincount(s, weights=ex * dist, minlength=n)
            fx += np.bincount(t, weights=ex * dist, minlength=n)
            fy -= np.bincount(s, weights=ey * dist, minlength=n)
            fy += np.bincount(t, weights=ey * dist, minlength=n)
        rx = x - x.mean()
        ry = y - y.mean()
        rl = np.sqrt(rx * rx + ry * ry) + 1e-9
        fx -= rx / rl
        fy -= ry / rl
        length = np.sqrt(fx * fx + fy * fy) + 1e-12
        scale = np.minimum(length, step) / length
        pos[:, 0] += fx * scale
        pos[:, 1] += fy * scale
        step -= cooling
    return pos


# --------------------------------------------------------------------------- page


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (HTML-special chars escaped).

    >>> _json_for_script({"s": "</script><!-- & \\u2028"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u0026 \\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    # Lone surrogates cannot be written as UTF-8: keep them as JSON escapes.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _plain(text: str) -> str:
    """Text for HTML markup: escaped, lone surrogates replaced."""
    return html.escape(text.encode("utf-8", "replace").decode("utf-8"), quote=True)


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The inline assets: vis-network from pyvis, this module's CSS and JS, the template."""
    import pyvis

    lib = Path(pyvis.__file__).with_name("templates") / "lib" / _VIS_VERSION
    assets = {
        "vis_js": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (lib / "vis-network.css").read_text(encoding="utf-8"),
        "view_js": (_TEMPLATES / "view.js").read_text(encoding="utf-8"),
        "view_css": (_TEMPLATES / "view.css").read_text(encoding="utf-8"),
        "template": (_TEMPLATES / "view.html").read_text(encoding="utf-8"),
    }
    for name in ("vis_js", "view_js"):
        assets[name] = _inline_script(assets[name])
    for name in ("vis_css", "view_css"):
        assets[name] = assets[name].replace("</", "<\\/")
    return assets


def _inline_script(js: str) -> str:
    """Make script text safe to inline: nothing in it may close or comment the element."""
    lowered = js.lower()
    if "</script" in lowered or "<!--" in lowered:
        js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
        js = js.replace("<!--", "<\\!--")
    return js


def _legend(graph: nx.MultiDiGraph) -> dict[str, Any]:
    classes: dict[tuple[str, str], int] = defaultdict(int)
    for _n, d in graph.nodes(data=True):
        kind = "event" if d.get("kind") == "event" else "entity"
        classes[(kind, str(d.get("type") or ("Event" if kind == "event" else "Actor")))] += 1
    relations: dict[str, int] = defaultdict(int)
    alleged = 0
    for _u, _v, k, d in graph.edges(keys=True, data=True):
        relations[str(d.get("predicate") or k)] += 1
        alleged += bool(d.get("alleged"))
    return {
        "alleged": {"count": alleged, "dashes": list(_ALLEGED_DASHES)},
        "classes": [
            {
                "name": name,
                "kind": kind,
                "color": _class_style(name, kind)[0],
                "shape": _class_style(name, kind)[1],
                "count": count,
            }
            for (kind, name), count in sorted(classes.items())
        ],
        "relations": [
            {
                "name": name,
                "color": _relation_color(name),
                "symmetric": name in _SYMMETRIC,
                "count": count,
            }
            for name, count in sorted(relations.items())
        ],
    }


def _render_page(net: Any, graph: nx.MultiDiGraph, *, title: str, notebook: bool) -> str:
    nodes, edges, _heading, _height, _width, _options_json = net.get_network_data()
    dates = sorted(
        {date for e in edges for date in e["dates"]}
        | {n["date"] for n in nodes if n["date"]}
    )
    payload = {
        "title": title,
        "name": _text(graph.graph.get("name")) or None,
        "nodes": nodes,
        "edges": edges,
        "options": net.options,
        "large": len(nodes) > _LARGE_GRAPH_NODES,
        "edgeLabelLimit": _EDGE_LABEL_LIMIT,
        "legend": _legend(graph),
        "dates": {"min": dates[0] if dates else None, "max": dates[-1] if dates else None},
    }
    assets = _assets()
    replacements = {
        "{{TITLE}}": _plain(title),
        "{{BODY_CLASS}}": "kg-notebook" if notebook else "kg-page",
        "{{VIS_CSS}}": assets["vis_css"],
        "{{VIEW_CSS}}": assets["view_css"],
        "{{VIS_JS}}": assets["vis_js"],
        "{{VIEW_JS}}": assets["view_js"],
        "{{DATA}}": _json_for_script(payload),
    }
    return _fill(assets["template"], replacements)


def _fill(template: str, replacements: Mapping[str, str]) -> str:
    """Replace each placeholder once, in one pass (no replacement is scanned again)."""
    out: list[str] = []
    rest = template
    while True:
        hits = [(rest.find(p), p) for p in replacements if rest.find(p) >= 0]
        if not hits:
            out.append(rest)
            return "".join(out)
        at, placeholder = min(hits)
        out.append(rest[:at])
        out.append(replacements[placeholder])
        rest = rest[at + len(placeholder) :]



