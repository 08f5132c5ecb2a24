"""The page itself: inline assets, escaped JSON data and the filled template."""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from . import overview
from .data import _EDGE_LABEL_LIMIT, _LARGE_GRAPH_NODES, _legend, _text

#: Above this many nodes the page opens on the overview: edges aggregated per
#: actor pair and family, events folded, the top actors only.
_OVERVIEW_NODES = 150
#: How many actors (by rank) the overview shows before "show all".
_OVERVIEW_ACTORS = 150
#: The page's scripts, in order (each adds to ``window.kgView``).
_SCRIPTS = ("core", "layout", "labels", "filters", "legend", "time", "panel", "main")

_TEMPLATES = Path(__file__).parent.parent / "templates"
_VIS_VERSION = "vis-9.1.2"


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
        "view_js": "\n".join(
            (_TEMPLATES / f"view-{name}.js").read_text(encoding="utf-8") for name in _SCRIPTS
        ),
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



def _render_page(
    net: Any, graph: nx.MultiDiGraph, *, title: str | None, notebook: bool
) -> str:
    nodes, edges, _heading, _height, _width, _options_json = net.get_network_data()
    payload = _payload(nodes, edges, graph, title=title, options=net.options)
    assets = _assets()
    replacements = {
        "{{TITLE}}": _plain(payload["title"]),
        "{{BODY_CLASS}}": "kg-notebook" if notebook else "kg-page",
        "{{VIS_CSS}}": assets["vis_css"],
        "{{VIEW_CSS}}": assets["view_css"],
        "{{VIS_JS}}": assets["vis_js"],
        "{{VIEW_JS}}": assets["view_js"],
        "{{DATA}}": _json_for_script(payload),
    }
    return _fill(assets["template"], replacements)


def _payload(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    graph: nx.MultiDiGraph,
    *,
    title: str | None,
    options: dict[str, Any],
) -> dict[str, Any]:
    """The page's data: nodes and edges with ranks, families and blocs, and the overview's parts."""
    dates = sorted(
        {date for e in edges for date in e["dates"]}
        | {n["date"] for n in nodes if n["date"]}
    )
    overview.rank_nodes(nodes, edges)
    aggregates = overview.aggregate_edges(nodes, edges)
    blocs = overview.find_blocs(nodes, edges)
    info = overview.corpus(nodes, edges)
    return {
        "title": title if title is not None else overview.default_title(info),
        "name": _text(graph.graph.get("name")) or None,
        "corpus": info,
        "nodes": nodes,
        "edges": edges,
        "aggregates": aggregates,
        "families": [
            {"name": name, "color": color} for name, (color, _p) in overview.FAMILIES.items()
        ],
        "blocs": blocs,
        "histogram": overview.histogram(edges),
        "overview": len(nodes) > _OVERVIEW_NODES,
        "overviewActors": _OVERVIEW_ACTORS,
        "options": options,
        "large": len(nodes) > _LARGE_GRAPH_NODES,
        "edgeLabelLimit": _EDGE_LABEL_LIMIT,
        "legend": _legend(graph),
        "dates": {"min": dates[0] if dates else None, "max": dates[-1] if dates else None},
    }


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
