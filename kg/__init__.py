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
from .model import Document, Entity, Event, Evidence, Mention, Relation

#: Public names imported on first use, by module: ``import kg`` stays light (no networkx,
#: rdflib or spaCy), so ``kg --version`` and ``kg query --list`` start at once.
_LAZY = {"KnowledgeGraph": "graph", "build": "graph", "load": "rdf", "iter_documents": "read",
         "parse": "pipeline"}


def __getattr__(name: str):
    """Import a public name's module on first use (``kg.parse`` loads spaCy only then); a
    submodule (``kg.rdf``, ``kg.names``...) is imported when first named, as if imported."""
    import importlib
    import importlib.util

    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
    "iter_documents",
    "load",
    "parse",
]
