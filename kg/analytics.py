"""Network measures conflict researchers use, over kg's networkx graph
(:meth:`kg.KnowledgeGraph.to_networkx`): the most central actors, who targets whom, alignment
blocs and the hostility between them, within a time window if given.

Every function reads the actor-to-actor edges only (events and their roles aside), counts
*evidence records* (one per sentence and document) dated within ``[since, until]`` (an
undated record counts only when no bound is given), and leaves out edges that are only
alleged. Structural relations (``partOf``, ``locatedIn``, ``leaderOf``...) are no
interaction and are left out too. Results are lists of plain dicts, sorted so that the same
graph always gives the same output. PageRank is computed here by power iteration (networkx's
``pagerank`` needs scipy, which kg does not depend on).

Examples
--------
>>> import kg, datetime as dt
>>> graph = kg.build([kg.Document("a", "Hamas fired rockets at Israel. Iran supported Hamas. "
...                               "Israel struck Hamas.", dt.date(2024, 1, 2))])
>>> g = graph.to_networkx()
>>> [(r["actor"], r["degree"]) for r in centrality(g)]
[('hamas', 2), ('iran', 1), ('israel', 1)]
>>> [(r["source"], r["target"], r["documents"]) for r in targeting(g)]
[('hamas', 'israel', 1), ('israel', 'hamas', 1)]
>>> blocs(g)
[['hamas', 'iran']]
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Union

import networkx as nx

__all__ = ["COOPERATIVE", "HOSTILE", "STRUCTURAL", "bloc_hostility", "blocs", "centrality",
           "interactions", "pagerank", "targeting"]

#: A bound of a time window: a date, an ISO date, or ``None`` (open).
Day = Union[_dt.date, str, None]

#: Relations that place actors in one camp: communities over these are alignment blocs.
COOPERATIVE = frozenset({"alignedWith", "backedBy", "cooperatedWith", "supported", "aided"})
#: Relations of one actor acting against another.
HOSTILE = frozenset({"targeted", "inConflictWith", "threatened", "coerced", "sanctioned", "accused", "blamed",
                     "condemned", "criticized", "mobilizedAgainst", "protestedAgainst"})
#: Relations of structure, not interaction: left out of every measure.
STRUCTURAL = frozenset({"partOf", "hasMember", "leaderOf", "ledBy", "locatedIn", "stationedIn", "controls"})


def _bound(value: Day) -> str | None:
    return value.isoformat() if isinstance(value, _dt.date) else (str(value) if value is not None else None)


def _records(data: dict, since: Day, until: Day) -> list[dict]:
    """An edge's evidence records within the window."""
    lo, hi = _bound(since), _bound(until)
    if lo is None and hi is None:
        return list(data.get("evidence", ()))
    return [r for r in data.get("evidence", ()) if r.get("date") and (lo is None or r["date"] >= lo)
            and (hi is None or r["date"] <= hi)]


def interactions(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None,
                 relations: Collection[str] | None = None) -> nx.DiGraph:
    """Actors and who acted on whom: a ``DiGraph`` whose edge ``weight`` counts evidence
    records in the window, ``documents`` the documents, ``relations`` a Counter by predicate.

    ``relations`` limits the predicates; by default every non-structural one.
    """
    out = nx.DiGraph()
    for u, v, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        if g.nodes[u].get("kind") != "entity" or g.nodes[v].get("kind") != "entity" or u == v:
            continue
        if key in STRUCTURAL or (relations is not None and key not in relations) or data.get("alleged"):
            continue
        records = [r for r in _records(data, since, until) if not r.get("alleged")]
        if not records:
            continue
        if not out.has_edge(u, v):
            out.add_edge(u, v, weight=0, documents=set(), relations=Counter())
        edge = out.edges[u, v]
        edge["weight"] += len(records)
        edge["documents"] |= {r["document"] for r in records}
        edge["relations"][key] += len(records)
    for n in out:
        out.nodes[n]["label"] = g.nodes[n].get("label", n)
    return out


def pagerank(g: nx.DiGraph, *, alpha: float = 0.85, weight: str = "weight", tol: float = 1.0e-10,
             max_iter: int = 500) -> dict[str, float]:
    """PageRank by power iteration, in pure Python (what ``nx.pagerank`` computes with scipy).

    A node without out-edges gives its rank to every node alike.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> {n: round(r, 4) for n, r in pagerank(g).items()}
    {'a': 0.3333, 'b': 0.3333, 'c': 0.3333}
    """
    nodes = sorted(g)
    if not nodes:
        return {}
    n = len(nodes)
    out_weight = {u: sum(d.get(weight, 1) for _, _, d in g.out_edges(u, data=True)) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_weight[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if out_weight[u]:
                share = alpha * rank[u] / out_weight[u]
                for _, v, d in g.out_edges(u, data=True):
                    new[v] += share * d.get(weight, 1)
        if sum(abs(new[u] - rank[u]) for u in nodes) < n * tol:
            return new
        rank = new
    return rank


def centrality(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None, top: int | None = None) -> list[dict]:
    """The actors ranked by PageRank over who acted on whom (then degree, then key).

    Each row: ``actor``, ``label``, ``degree`` (distinct counterparts), ``in``/``out``
    (evidence records received and made), ``pagerank`` and ``betweenness`` (rounded to 4 places).
    """
    acts = interactions(g, since=since, until=until)
    ranks = pagerank(acts)
    between = nx.betweenness_centrality(acts.to_undirected(as_view=True), normalized=True)
    undirected = acts.to_undirected(as_view=True)
    rows = [{"actor": n, "label": acts.nodes[n]["label"], "degree": undirected.degree(n),
             "in": int(acts.in_degree(n, weight="weight")), "out": int(acts.out_degree(n, weight="weight")),
             "pagerank": round(ranks[n], 4), "betweenness": round(between[n], 4)} for n in acts]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["actor"]))
    return rows[:top] if top is not None else rows


def targeting(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None, top: int | None = None) -> list[dict]:
    """Who targets whom most often: ``targeted`` edges and attacks (an event's agents on its
    targets), by the number of documents that report them, then evidence records."""
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    reports: Counter[tuple[str, str]] = Counter()
    for (u, v), data in interactions(g, since=since, until=until, relations={"targeted"}).edges.items():
        docs[u, v] |= data["documents"]
        reports[u, v] += data["weight"]
    for ev, data in g.nodes(data=True):
        if data.get("kind") != "event":
            continue
        agents = [v for _, v, k in g.out_edges(ev, keys=True) if k == "agent"]
        targets = [v for _, v, k in g.out_edges(ev, keys=True) if k == "target"]
        for a in agents:
            for t in targets:
                if a == t:
                    continue
                records = _records(g.edges[ev, t, "target"], since, until)
                if records and not docs[a, t] >= {r["document"] for r in records}:
                    docs[a, t] |= {r["document"] for r in records}
                    reports[a, t] += len(records)
    rows = [{"source": a, "source_label": g.nodes[a].get("label", a), "target": t,
             "target_label": g.nodes[t].get("label", t), "documents": len(d), "reports": reports[a, t]}
            for (a, t), d in docs.items() if d]
    rows.sort(key=lambda r: (-r["documents"], -r["reports"], r["source"], r["target"]))
    return rows[:top] if top is not None else rows


def blocs(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None) -> list[list[str]]:
    """Alignment blocs: communities (greedy modularity) of actors joined by cooperative
    relations (:data:`COOPERATIVE`); blocs of two or more, largest first, members sorted."""
    coop = interactions(g, since=since, until=until, relations=COOPERATIVE).to_undirected()
    found = nx.community.greedy_modularity_communities(coop, weight="weight") if coop.number_of_edges() else []
    groups = [sorted(c) for c in found if len(c) > 1]
    return sorted(groups, key=lambda c: (-len(c), c))


def bloc_hostility(g: nx.MultiDiGraph, *, since: Day = None, until: Day = None,
                   groups: list[list[str]] | None = None) -> list[dict]:
    """Hostile evidence records between blocs (:func:`blocs` unless ``groups`` is given),
    by ordered pair: ``from``/``to`` (bloc numbers from 1, as listed), ``records``,
    ``documents`` and the ``relations`` counted. Pairs without hostility are left out."""
    groups = blocs(g, since=since, until=until) if groups is None else groups
    member = {a: i + 1 for i, group in enumerate(groups) for a in group}
    hostile = interactions(g, since=since, until=until, relations=HOSTILE)
    pairs: dict[tuple[int, int], dict] = {}
    for (u, v), data in sorted(hostile.edges.items()):
        if u not in member or v not in member or member[u] == member[v]:
            continue
        row = pairs.setdefault((member[u], member[v]), {"records": 0, "documents": set(), "relations": Counter()})
        row["records"] += data["weight"]
        row["documents"] |= data["documents"]
        row["relations"] += data["relations"]
    rows = [{"from": a, "to": b, "records": p["records"], "documents": len(p["documents"]),
             "relations": dict(sorted(p["relations"].items()))} for (a, b), p in pairs.items()]
    return sorted(rows, key=lambda r: (-r["records"], r["from"], r["to"]))
