"""kg: a knowledge-graph builder for news about conflict and politics.

kg reads articles, finds the actors in them and what they did to each
other, and turns that into one graph you can query with SPARQL, look at in
an interactive HTML page and use from Python.

Examples
--------
>>> import kg
>>> graph = kg.build(["Kataib Hezbollah accused the United States of aiding Israel."])
>>> sorted(graph.to_networkx().edges(keys=True))
[('kataib-hezbollah', 'united-states', 'accused'), ('united-states', 'israel', 'aided')]
>>> [(r.predicate, r.asserted_by) for r in graph.relations if r.predicate == "aided"]
[('aided', 'kataib-hezbollah')]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import GraphFileError, InputError, InputRepaired, KGError, ModelError, OutputError, QueryError
from .graph import KnowledgeGraph, build
from .model import Document, Entity, Event, Evidence, Mention, Relation
from .rdf import load
from .read import iter_documents


def __getattr__(name: str):
    """``kg.parse`` loads the parsing pipeline (spaCy) on first use only, so ``import kg``
    and the commands that only read graphs stay light; ``kg.display`` (the HTML view for
    Jupyter) loads the view only when asked for."""
    if name == "parse":
        from .pipeline import parse

        return parse
    if name == "display":
        from .view import display

        return display
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

__all__ = [
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "GraphFileError",
    "InputError",
    "InputRepaired",
    "KGError",
    "KnowledgeGraph",
    "Mention",
    "ModelError",
    "OutputError",
    "QueryError",
    "Relation",
    "__version__",
    "build",
    "display",
    "iter_documents",
    "load",
    "parse",
]
