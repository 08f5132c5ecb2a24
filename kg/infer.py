"""What kg's ontology entails about a graph: OWL RL over the relations.

"Who is aligned with Iran" should also find the groups the text calls
"Iran-backed": ``backedBy`` is a sub-property of ``alignedWith``, which is
symmetric. :func:`entailments` runs the OWL 2 RL rules (the ``owlrl``
library) over the graph's typed entities and direct relation triples
together with ``ontology/kg.ttl`` and returns the triples they add about
the graph's resources: super-properties, symmetric and inverse edges,
``locatedIn`` chains and super-classes. Statements, evidence and spans are
left out of the reasoning (nothing in the ontology concludes from them),
which keeps it fast on a corpus-sized graph.

Examples
--------
>>> from rdflib import Graph
>>> from kg.vocab import KGO, KGR
>>> g = Graph()
>>> _ = g.add((KGR["hezbollah"], KGO.backedBy, KGR["iran"]))
>>> (KGR["iran"], KGO.alignedWith, KGR["hezbollah"]) in entailments(g)
True
"""

from __future__ import annotations

import owlrl
from rdflib import RDF, Graph
from rdflib.namespace import OWL

from .vocab import KGO, KGR, ontology_graph

__all__ = ["entailments", "with_entailments"]


def _relevant(data: Graph) -> Graph:
    """Entity types and direct kgo relation triples (the reasoning input)."""
    ns, res = str(KGO._NS), str(KGR)
    out = Graph()
    for s, p, o in data.triples((None, None, None)):
        if not str(s).startswith(res):
            continue
        if (p == RDF.type and str(o).startswith(ns)) or (str(p).startswith(ns) and str(o).startswith(res)):
            out.add((s, p, o))
    return out


def entailments(data: Graph) -> Graph:
    """The triples about ``data``'s resources that the ontology entails and ``data`` lacks."""
    base = _relevant(data)
    work = Graph()
    for t in ontology_graph():
        work.add(t)
    for t in base:
        work.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(work)
    res = str(KGR)
    added = Graph()
    for s, p, o in work:
        if not str(s).startswith(res) or (s, p, o) in base or p == OWL.sameAs:
            continue
        if p == RDF.type and not str(o).startswith(str(KGO._NS)):
            continue  # keep to the ontology's own classes (no owl:Thing, prov:Agent...)
        if p in (OWL.differentFrom,) or (s, p, o) in data:
            continue
        added.add((s, p, o))
    return added


def with_entailments(data: Graph) -> Graph:
    """A copy of ``data`` with its entailments added."""
    out = Graph()
    for prefix, ns in data.namespaces():
        out.bind(prefix, ns)
    for t in data:
        out.add(t)
    for t in entailments(data):
        out.add(t)
    return out
