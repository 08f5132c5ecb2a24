"""The graph as plain rows: one dict per node and one per edge, the common ground of the
CSV, Neo4j, GraphML and GEXF exports (:mod:`kg.exports`) and of the pandas tables
(:mod:`kg.frames`).

An edge row is one (source, relation, target) of :meth:`kg.KnowledgeGraph.to_networkx`
summarised over its evidence, plus one row for each relation only denied
(``negated`` true; no edge of the networkx graph):

=============  =============================================================
``source``     the subject's key (an entity, or an event for a role edge)
``target``     the object's key
``relation``   kg's predicate (``targeted``, ``accused``...) or an event role
               (``agent``, ``target``, ``location``)
``confidence`` the highest of its sentences
``evidence``   how many evidence records (sentence and document) support it
``documents``  the documents, sorted
``sources``    the documents' sources (outlets), sorted
``first_date`` the earliest evidence date (ISO), or None
``last_date``  the latest evidence date (ISO), or None
``asserted_by`` the keys of who said so (reported speech, accusers), sorted
``negated``    true for a relation the documents only deny
``alleged``    true when every sentence only alleges it
=============  =============================================================

Examples
--------
>>> import kg
>>> graph = kg.build([kg.Document("d1", "Israel accused Hezbollah of attacking Israeli troops.", None)])
>>> row = next(r for r in edge_rows(graph) if r["relation"] == "targeted")
>>> row["source"], row["target"], row["evidence"], row["asserted_by"], row["alleged"]
('hezbollah', 'israeli-forces', 1, ['israel'], True)
>>> sorted(r["id"] for r in node_rows(graph))
['hezbollah', 'israel', 'israeli-forces']
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "edge_rows", "node_rows"]

#: The columns of :func:`node_rows`, in order.
NODE_COLUMNS = ("id", "kind", "label", "type", "aliases", "wikidata", "iri", "documents", "mentions",
                "date", "killed", "wounded", "unclaimed", "latitude", "longitude")
#: The columns of :func:`edge_rows`, in order.
EDGE_COLUMNS = ("source", "target", "relation", "confidence", "evidence", "documents", "sources",
                "first_date", "last_date", "asserted_by", "negated", "alleged")


def node_rows(graph: KnowledgeGraph, nxg: nx.MultiDiGraph | None = None) -> list[dict]:
    """One dict per node (:data:`NODE_COLUMNS`): every entity, those without relations
    included, and every event; sorted by kind then id. Missing values are None."""
    nxg = graph.to_networkx(all_entities=True) if nxg is None else nxg
    rows = []
    for node, data in nxg.nodes(data=True):
        ent = graph.entities.get(node) if data.get("kind") == "entity" else None
        coords = ent.coordinates if ent is not None and ent.coordinates else (None, None)
        row = {c: data.get(c) for c in NODE_COLUMNS}
        row.update(id=node, aliases=list(data.get("aliases") or []), documents=list(data.get("documents") or []),
                   latitude=coords[0], longitude=coords[1])
        rows.append(row)
    return sorted(rows, key=lambda r: (r["kind"], r["id"]))


def edge_rows(graph: KnowledgeGraph, nxg: nx.MultiDiGraph | None = None) -> list[dict]:
    """One dict per edge (:data:`EDGE_COLUMNS`), sorted by source, relation, target, negated."""
    nxg = graph.to_networkx(all_entities=True) if nxg is None else nxg
    rows = [_summary(u, v, key, data["evidence"], data["confidence"], negated=False,
                     alleged=bool(data.get("alleged")))
            for u, v, key, data in nxg.edges(keys=True, data=True)]
    denied: dict[tuple, list] = defaultdict(list)
    for rel in graph.relations:
        if rel.negated and rel.subject in nxg and rel.object in nxg:
            denied[rel.triple].append(rel)
    for (s, p, o), rels in denied.items():
        if nxg.has_edge(s, o, p):
            continue  # reported elsewhere as done: the edge stands, its denials are in the RDF
        records = [{"document": r.evidence.document, "sentence": r.evidence.sentence,
                    "date": r.evidence.date.isoformat() if r.evidence.date else None,
                    "source": r.evidence.source, "asserted_by": r.asserted_by} for r in rels]
        rows.append(_summary(s, o, p, records, max(r.confidence for r in rels), negated=True,
                             alleged=all(r.alleged for r in rels)))
    return sorted(rows, key=lambda r: (r["source"], r["relation"], r["target"], r["negated"]))


def _summary(u: str, v: str, relation: str, evidence: list[dict], confidence: float, *,
             negated: bool, alleged: bool) -> dict:
    dates = sorted(d for d in (e.get("date") for e in evidence) if d)
    return {
        "source": u, "target": v, "relation": relation, "confidence": round(float(confidence), 3),
        "evidence": len(evidence),
        "documents": sorted({e["document"] for e in evidence}),
        "sources": sorted({e["source"] for e in evidence if e.get("source")}),
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "asserted_by": sorted({e["asserted_by"] for e in evidence if e.get("asserted_by")}),
        "negated": negated, "alleged": alleged,
    }

