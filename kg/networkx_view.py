"""The networkx view of a :class:`~kg.graph.KnowledgeGraph`: entities and events as nodes,
relations and event roles as edges of a ``MultiDiGraph`` keyed by predicate, so parallel edges
survive. Each edge keeps every evidence record (document, sentence, date, source, rule,
asserter), its highest confidence, its documents, and whether it is only alleged; a denied
relation makes no edge. :meth:`kg.KnowledgeGraph.to_networkx` is the public entry point.

Examples
--------
>>> import kg
>>> graph = kg.build(["Hamas fired rockets at Israel."])
>>> g = networkx_graph(graph, list(graph.entities))
>>> sorted((u, v, k) for u, v, k in g.edges(keys=True) if g.nodes[u]["kind"] == "entity")
[('hamas', 'israel', 'targeted')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import networkx as nx

from .rdf import entity_iri, event_iri

if TYPE_CHECKING:
    from .graph import KnowledgeGraph
    from .model import Evidence

__all__ = ["networkx_graph"]


def networkx_graph(graph: KnowledgeGraph, keys: Sequence[str]) -> nx.MultiDiGraph:
    """The ``MultiDiGraph`` of ``graph`` with the entities ``keys`` and every event
    (:meth:`kg.KnowledgeGraph.to_networkx` documents the attributes)."""
    g = nx.MultiDiGraph(name="kg")
    docs_of: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    for res in graph.results:
        for m in res.mentions:
            mentions[m.entity] += 1
            docs_of.setdefault(m.entity, set()).add(res.document.id)
    for key in keys:
        ent = graph.entities[key]
        g.add_node(key, kind="entity", label=ent.label, type=ent.type, aliases=list(ent.aliases),
                   wikidata=ent.wikidata, iri=str(entity_iri(key)),
                   documents=sorted(docs_of.get(key, ())), mentions=mentions[key])
    for ev in graph.events:
        g.add_node(ev.key, kind="event", label=ev.label, type=ev.type, iri=str(event_iri(ev.key)),
                   date=ev.date.isoformat() if ev.date else None,
                   killed=ev.killed, wounded=ev.wounded, unclaimed=ev.unclaimed,
                   documents=[ev.evidence.document])
        for role, keys_ in (("agent", ev.agents), ("target", ev.targets),
                            ("location", (ev.location,) if ev.location else ())):
            for k in keys_:
                if k in g:
                    _add_edge(g, ev.key, k, role, _record(graph, ev.evidence, ev.rule, ev.confidence))
    for rel in [*graph.relations, *graph.claims()]:
        if rel.negated:
            continue  # a denied relation is evidence against an edge, never an edge
        if rel.subject in g and rel.object in g:
            _add_edge(g, rel.subject, rel.object, rel.predicate,
                      _record(graph, rel.evidence, rel.rule, rel.confidence, rel.asserted_by, rel.alleged))
    return g


def _record(graph: KnowledgeGraph, ev: Evidence, rule: str, conf: float, asserted_by: str | None = None,
            alleged: bool = False) -> dict:
    """One evidence record of an edge, the asserter named by its label."""
    asserter = graph.entities.get(asserted_by) if asserted_by else None
    return {
        "document": ev.document, "sentence": ev.sentence,
        "date": ev.date.isoformat() if ev.date else None, "source": ev.source,
        "rule": rule, "asserted_by": asserted_by,
        "asserted_by_label": asserter.label if asserter else None,
        "alleged": alleged, "confidence": conf,
    }


def _add_edge(g: nx.MultiDiGraph, u: str, v: str, pred: str, record: dict) -> None:
    """Add ``record`` to the edge ``u -pred-> v``, making the edge when it is the first."""
    if g.has_edge(u, v, pred):
        data = g.edges[u, v, pred]
        if record not in data["evidence"]:
            data["evidence"].append(record)
        data["confidence"] = max(data["confidence"], record["confidence"])
        data["documents"] = sorted(set(data["documents"]) | {record["document"]})
        data["alleged"] = data["alleged"] and record["alleged"]
    else:
        g.add_edge(u, v, key=pred, predicate=pred, confidence=record["confidence"],
                   documents=[record["document"]], evidence=[record], alleged=record["alleged"])
