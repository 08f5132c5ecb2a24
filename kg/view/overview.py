"""The overview of a large graph: actor ranks, relation families, aggregated edges, blocs, time.

Everything here is computed from the page's node and edge lists (the dicts
:mod:`.data` makes), so the page can recompute what it shows after any filter:

* every node gets a ``rank`` (0 is the most important actor): actors by the
  documents supporting their edges plus their degree, events after them;
* every edge gets a relation ``family`` (cooperation, verbal conflict,
  material conflict, structure, event role);
* ``aggregates`` join the statements between two actors of one family into
  one edge, and fold each event into edges from its agents (or claimants) to
  its targets, so that events need not be drawn as nodes;
* ``blocs`` are the communities (networkx's Louvain, seeded) of the graph of
  cooperative relations between actors;
* ``histogram`` counts dated statements per week or month;
* ``corpus`` gives the number of documents, their date span and sources.

>>> nodes = [{"id": "a", "kind": "entity", "label": "A", "type": "State", "date": None},
...          {"id": "b", "kind": "entity", "label": "B", "type": "State", "date": None},
...          {"id": "x", "kind": "event", "label": "X", "type": "Attack", "date": "2024-01-02"}]
>>> edges = [{"id": "e0", "from": "a", "to": "b", "predicate": "alignedWith",
...           "documents": ["d1", "d2"], "evidence": [], "dates": []},
...          {"id": "e1", "from": "x", "to": "a", "predicate": "agent",
...           "documents": ["d1"], "evidence": [], "dates": ["2024-01-02"]},
...          {"id": "e2", "from": "x", "to": "b", "predicate": "target",
...           "documents": ["d1"], "evidence": [], "dates": ["2024-01-02"]}]
>>> [n["rank"] for n in rank_nodes(nodes, edges)]
[0, 1, 2]
>>> [(a["from"], a["to"], a["family"], a["members"]) for a in aggregate_edges(nodes, edges)]
[('a', 'b', 'cooperation', [['e0', 1]]), ('a', 'b', 'force', [['x', 1, 'e1', 'e2']])]
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

#: Relation families: the aggregated edges' kinds, with their colours.
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cooperation": ("#2ca02c", (
        "alignedWith", "backedBy", "supported", "aided", "cooperatedWith", "agreedWith",
        "consulted", "visited", "conceded",
    )),
    "verbal conflict": ("#ff7f0e", (
        "accused", "blamed", "criticized", "condemned", "threatened", "rejected", "denied",
        "demanded", "protestedAgainst", "investigated", "mobilizedAgainst",
    )),
    "material conflict": ("#d62728", (
        "targeted", "inConflictWith", "coerced", "sanctioned", "claimedResponsibilityFor",
    )),
    "force": ("#8b0000", ()),
    "structure": ("#7f7f7f", ("partOf", "leaderOf", "locatedIn", "stationedIn", "controls")),
    "event role": ("#525252", ("agent", "target", "location", "instrument", "outcome")),
    "other": ("#9467bd", ()),
}  # fmt: skip
_FAMILY_OF = {p: name for name, (_c, preds) in FAMILIES.items() for p in preds}
#: The family of an event folded into actor-to-actor edges, by event class.
_EVENT_FAMILY = {"Meeting": "cooperation", "Agreement": "cooperation", "Protest": "verbal conflict"}
#: Relations whose graph gives the blocs.
COOPERATIVE = frozenset(FAMILIES["cooperation"][1])
#: Colours of blocs, largest first (after these, blocs share a neutral colour).
BLOC_COLORS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#393b79",
)  # fmt: skip
NO_BLOC_COLOR = "#a0a0a0"
_SEED = 7


def family(predicate: str) -> str:
    """The family of a relation.

    >>> family("accused"), family("backedBy"), family("madeUp")
    ('verbal conflict', 'cooperation', 'other')
    """
    return _FAMILY_OF.get(predicate, "other")


def rank_nodes(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set each node's ``score`` and ``rank`` (in place) and return the nodes.

    An actor's score is the number of documents supporting its edges plus its
    degree; actors rank by score (ties by label, then key), events after them.
    """
    score: Counter[str] = Counter()
    for e in edges:
        weight = len(set(e["documents"])) + 1
        score[e["from"]] += weight
        score[e["to"]] += weight
    order = sorted(
        nodes,
        key=lambda n: (n["kind"] == "event", -score[n["id"]], n["label"].casefold(), n["id"]),
    )
    for rank, n in enumerate(order):
        n["rank"] = rank
        n["score"] = score[n["id"]]
    return nodes


def aggregate_edges(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Edges joined per actor pair and family, events folded in; each edge gets its ``family``.

    A member is ``[edge id, forward]`` for a statement, or ``[event id,
    forward, agent edge id, target edge id]`` for an event folded into an
    edge from its agent (or claimant) to its target; ``forward`` is 1 when
    it runs from the aggregate's ``from`` to its ``to``.
    """
    kind = {n["id"]: n["kind"] for n in nodes}
    etype = {n["id"]: n["type"] for n in nodes}
    groups: dict[tuple[str, str, str], list[list[Any]]] = defaultdict(list)
    agents: dict[str, list[tuple[str, str]]] = defaultdict(list)
    targets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in edges:
        e["family"] = family(e["predicate"])
        u, v, p = e["from"], e["to"], e["predicate"]
        if kind.get(u) == "event" and p == "agent":
            agents[u].append((v, e["id"]))
        elif kind.get(v) == "event" and p == "claimedResponsibilityFor":
            agents[v].append((u, e["id"]))
        elif kind.get(u) == "event" and p == "target":
            targets[u].append((v, e["id"]))
        if kind.get(u) == "event" or kind.get(v) == "event" or u == v:
            continue
        a, b = min(u, v), max(u, v)
        groups[(a, b, e["family"])].append([e["id"], int(u == a)])
    for event in sorted(agents):
        fam = _EVENT_FAMILY.get(etype[event], "force")
        by_agent: dict[str, str] = {}
        for agent, agent_edge in sorted(agents[event]):  # an agent that also claims it: once
            by_agent.setdefault(agent, agent_edge)
        for agent, agent_edge in sorted(by_agent.items()):
            for target, target_edge in sorted(set(targets[event])):
                if agent != target:
                    a, b = min(agent, target), max(agent, target)
                    groups[(a, b, fam)].append([event, int(agent == a), agent_edge, target_edge])
    order = list(FAMILIES)
    keys = sorted(groups, key=lambda k: (k[0], k[1], order.index(k[2])))
    return [
        {"id": f"a{i}", "from": a, "to": b, "family": fam, "members": groups[(a, b, fam)]}
        for i, (a, b, fam) in enumerate(keys)
    ]


def find_blocs(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Communities of actors over cooperative relations; sets each node's ``bloc`` (in place).

    Blocs of at least three actors are kept, largest first, each named after
    its highest-ranked member; other nodes get ``bloc`` None.
    """
    coop = nx.Graph()
    for e in sorted(edges, key=lambda e: e["id"]):
        if e["predicate"] in COOPERATIVE and e["from"] != e["to"]:
            u, v = sorted((e["from"], e["to"]))
            weight = coop.get_edge_data(u, v, {"weight": 0})["weight"]
            coop.add_edge(u, v, weight=weight + len(set(e["documents"])))
    by_id = {n["id"]: n for n in nodes}
    for n in nodes:
        n["bloc"] = None
    if coop.number_of_edges() == 0:
        return []
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(coop.nodes))
    ordered.add_edges_from(sorted(coop.edges(data=True)))
    found = nx.community.louvain_communities(ordered, weight="weight", seed=_SEED)
    kept = [sorted(c, key=lambda m: by_id[m]["rank"]) for c in found if len(c) >= 3]
    kept.sort(key=lambda c: (-len(c), by_id[c[0]]["rank"]))
    blocs = []
    for i, members in enumerate(kept):
        for m in members:
            by_id[m]["bloc"] = i
        color = BLOC_COLORS[i] if i < len(BLOC_COLORS) else NO_BLOC_COLOR
        blocs.append({"id": i, "name": by_id[members[0]]["label"], "size": len(members),
                      "color": color})  # fmt: skip
    return blocs


def histogram(edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Dated statements per week (spans up to 26 weeks) or month, every bin from first to last.

    >>> h = histogram([{"evidence": [{"date": "2024-01-03"}, {"date": "2024-03-30"}]}])
    >>> h["unit"], h["bins"][0], len(h["bins"])
    ('week', ['2024-01-01', '2024-01-07', 1], 13)
    """
    days = []
    for e in edges:
        for ev in e["evidence"]:
            if ev.get("date"):
                try:
                    days.append(dt.date.fromisoformat(ev["date"][:10]))
                except ValueError:
                    continue
    if not days:
        return {"unit": None, "bins": []}
    first, last = min(days), max(days)
    weekly = (last - first).days <= 26 * 7
    start = _bin_start(first, weekly)
    bins: list[list[Any]] = []
    index: dict[dt.date, int] = {}
    while start <= last:
        end = _next_bin(start, weekly) - dt.timedelta(days=1)
        index[start] = len(bins)
        bins.append([start.isoformat(), end.isoformat(), 0])
        start = end + dt.timedelta(days=1)
    for day in days:
        bins[index[_bin_start(day, weekly)]][2] += 1
    return {"unit": "week" if weekly else "month", "bins": bins}


def _bin_start(day: dt.date, weekly: bool) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if weekly else day.replace(day=1)


def _next_bin(start: dt.date, weekly: bool) -> dt.date:
    if weekly:
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def corpus(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The documents behind the page: their number, date span and sources (most used first).

    >>> corpus([], [{"documents": ["d1"], "evidence": [{"document": "d1", "date": "2024-01-02",
    ...                                                 "source": "VOA"}]}])
    {'documents': 1, 'from': '2024-01-02', 'to': '2024-01-02', 'sources': [['VOA', 1]]}
    """
    documents: set[str] = set()
    sources: dict[str, set[str]] = defaultdict(set)
    dates = []
    for n in nodes:
        documents.update(n.get("documents") or ())
    for e in edges:
        documents.update(e["documents"])
        for ev in e["evidence"]:
            documents.add(ev["document"])
            if ev.get("source"):
                sources[ev["source"]].add(ev["document"])
            if ev.get("date"):
                dates.append(ev["date"])
    documents.discard("")
    top = sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return {
        "documents": len(documents),
        "from": min(dates) if dates else None,
        "to": max(dates) if dates else None,
        "sources": [[name, len(docs)] for name, docs in top[:8]],
    }


def default_title(info: dict[str, Any]) -> str:
    """A title for a page given none: its documents and their date span.

    >>> default_title({"documents": 89, "from": "2023-10-07", "to": "2024-03-01", "sources": []})
    'kg: 89 documents, 2023-10-07 – 2024-03-01'
    >>> default_title({"documents": 0, "from": None, "to": None, "sources": []})
    'kg'
    """
    if not info["documents"]:
        return "kg"
    title = f"kg: {info['documents']} document" + ("s" if info["documents"] != 1 else "")
    if info["from"]:
        title += f", {info['from']}" + (f" – {info['to']}" if info["to"] != info["from"] else "")
    return title


def edge_width(count: int) -> float:
    """The width of an aggregated edge of ``count`` statements.

    >>> edge_width(1), edge_width(8)
    (1.5, 6.0)
    """
    return round(1.5 + 1.5 * math.log2(max(count, 1)), 2)
