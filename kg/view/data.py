"""The page's data: pyvis's node and edge lists, with kg's details, and vis options."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from .layout import _EDGE_LENGTH, _LAYOUT_SEED, _layout
from .select import _document_count
from .style import _ALLEGED_DASHES, _SYMMETRIC, _WIDTHS, _class_style, _relation_color

#: Above this many nodes the page is in "large" mode: edges hidden while
#: dragging or zooming, arrowheads only when zoomed in.
_LARGE_GRAPH_NODES = 2000
#: Above this many edges, edge labels are drawn only for the selection (or
#: for every shown edge once filters leave at most this many).
_EDGE_LABEL_LIMIT = 3000
#: Browser-side stabilisation bound when physics is on.
_STABILIZATION_ITERATIONS = 150


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
    nodes = _node_items(graph, node_ids, positions)
    edges = _edge_items(edge_list)
    net.nodes = nodes
    net.edges = edges
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.options = _options(len(nodes), physics=physics)
    return net


def _node_items(
    graph: nx.MultiDiGraph, node_ids: list[Any], positions: list[list[int]]
) -> list[dict[str, Any]]:
    """pyvis node dicts: style by class, size by mentions (or degree), kg's details."""
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
    return nodes


def _edge_items(edge_list: list[tuple[Any, Any, Any, dict]]) -> list[dict[str, Any]]:
    """pyvis edge dicts: colour by relation, width by documents, evidence for the panel."""
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
    return edges


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
        a, b = sorted((str(u), str(v)))
        groups[a, b].append(i)
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
