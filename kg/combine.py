"""Combining knowledge graphs: :func:`merge` makes one graph of the documents of two.

A graph is a set of document results (:class:`~kg.model.DocumentResult`), each kept apart,
so merging two graphs is taking the documents of both: entities are merged by key and
evidence is kept per document, as if every document had been added to one graph. A
document id found in both graphs with the same content is taken once; with different
content it is a conflict, settled by ``on_conflict``.

Examples
--------
>>> import kg
>>> a = kg.build([kg.Document("a", "Iran condemned Israel.")])
>>> b = kg.build([kg.Document("b", "Hamas fired rockets at Israel.")])
>>> both = merge(a, b)
>>> [d.id for d in both.documents], sorted(r.triple for r in both.facts())
(['a', 'b'], [('hamas', 'targeted', 'israel'), ('iran', 'condemned', 'israel')])
>>> merge(a, a).documents == a.documents
True
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

__all__ = ["merge"]

log = logging.getLogger(__name__)

#: What :func:`merge` does with a document id both graphs hold with different content.
OnConflict = Literal["error", "left", "right"]


def merge(left: KnowledgeGraph, right: KnowledgeGraph, *,
          on_conflict: OnConflict = "error") -> KnowledgeGraph:
    """A new graph holding the documents of ``left`` and of ``right``; neither is changed.

    Parameters
    ----------
    left, right : KnowledgeGraph
    on_conflict : {"error", "left", "right"}
        A document id in both graphs whose results differ (two corpora that both number
        their texts ``text-1``, ``text-2``..., or two versions of one article): ``"error"``
        raises :class:`ValueError` naming the ids; ``"left"`` keeps ``left``'s version,
        ``"right"`` takes ``right``'s (what :meth:`~kg.KnowledgeGraph.add` does with an id
        seen before).

    Examples
    --------
    >>> import kg
    >>> a, b = kg.build(["Iran condemned Israel."]), kg.build(["Hamas fired rockets at Israel."])
    >>> merge(a, b)
    Traceback (most recent call last):
    ...
    ValueError: both graphs hold different documents with the id 'text-1'; rename them, or pass on_conflict='left' or 'right'
    >>> sorted(r.triple for r in merge(a, b, on_conflict="right").facts())
    [('hamas', 'targeted', 'israel')]
    """
    if on_conflict not in ("error", "left", "right"):
        raise ValueError(f"on_conflict must be 'error', 'left' or 'right', not {on_conflict!r}")
    from .graph import KnowledgeGraph

    theirs = {r.document.id: r for r in right.results}
    clashes = [r.document.id for r in left.results if r.document.id in theirs and theirs[r.document.id] != r]
    if clashes and on_conflict == "error":
        shown = ", ".join(repr(c) for c in clashes[:5]) + (f" and {len(clashes) - 5} more" if len(clashes) > 5 else "")
        raise ValueError(f"both graphs hold different documents with the id {shown}; rename them, "
                         "or pass on_conflict='left' or 'right'")
    out = KnowledgeGraph(model=left.model or right.model)
    first, second = (right, left) if on_conflict == "left" else (left, right)
    for graph in (first, second):
        for result in graph.results:
            out.add_result(result)
    if clashes:
        log.info("merge: %d document(s) in both graphs; %s's kept", len(clashes), on_conflict)
    return out
