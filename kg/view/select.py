"""What the view shows: a part of the graph chosen by evidence, focus and degree."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

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
