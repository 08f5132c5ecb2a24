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

from typing import TYPE_CHECKING, Any

from .errors import (
    ExtractionError,
    GraphFileError,
    InputError,
    InputRepaired,
    KGError,
    ModelError,
    OutputBusyError,
    OutputError,
    QueryError,
    QueryLimitError,
    QueryMemoryError,
    QueryRefusedError,
    QuerySyntaxError,
    QueryTimeoutError,
)
from .model import Document, Entity, Event, Evidence, Mention, Relation

#: Public names imported on first use, by module: ``import kg`` stays light (no networkx,
#: rdflib or spaCy), so ``kg --version`` and ``kg query --list`` start at once.
_LAZY = {"KnowledgeGraph": "graph", "build": "graph", "load": "rdf", "iter_documents": "read"}

if TYPE_CHECKING:
    from .graph import KnowledgeGraph, build
    from .rdf import load
    from .read import iter_documents
    from .resolve import ResolvedDoc


def parse(text: str, *, model: str | None = None, document: Document | None = None) -> ResolvedDoc:
    """Parse and resolve one short text: its spaCy ``Doc``, mentions and entities
    (:func:`kg.pipeline.parse`). The parsing pipeline (spaCy) is loaded on first use only, so
    ``import kg`` and the commands that only read graphs stay light.

    >>> sorted(parse("Iraqi officials met Iranian diplomats.").entities)
    ['iran', 'iranian-government', 'iraq', 'iraqi-government']
    """
    from .pipeline import parse as _parse

    return _parse(text, model=model, document=document)


def display(graph: Any, *, height: int = 720, **options: Any) -> Any:
    """The interactive view of a :class:`KnowledgeGraph` (or its networkx graph) for Jupyter:
    an ``IPython.display.HTML`` of the page in a sandboxed iframe (:func:`kg.view.display`;
    ``options`` such as ``top``, ``focus``, ``title`` choose what is shown). A graph that is
    a cell's value shows itself the same way.
    """
    from .view import display as _display

    return _display(graph, height=height, **options)


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
    "ExtractionError",
    "GraphFileError",
    "InputError",
    "InputRepaired",
    "KGError",
    "KnowledgeGraph",
    "Mention",
    "ModelError",
    "OutputBusyError",
    "OutputError",
    "QueryError",
    "QueryLimitError",
    "QueryMemoryError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "QueryTimeoutError",
    "Relation",
    "__version__",
    "build",
    "display",
    "iter_documents",
    "load",
    "parse",
]
