"""Merging documents into an on-disk store, and retracting them: ``kg build --store`` and ``kg remove``.

A store holds what :func:`kg.rdf.to_dataset` writes for every document it was given: one
named graph a document (its description, statements and events, plus, as bookkeeping, a
``kgo:entityRecord`` for each entity as that document described it), and in the default
graph each entity's merged description and each direct triple's ``kgo:Edge`` (its
support across documents, :mod:`kg.support`).

:func:`merge_graph` adds a graph's documents without rebuilding anything else: a
document whose id and :attr:`~kg.model.Document.content_hash` the store already holds is
left as it is; one with the same id and another hash replaces the stored one.
:func:`remove_documents` retracts documents by id. Either way only what the changed
documents touch is recomputed, from the store's own records: the descriptions of the
entities they mention and the ``kgo:Edge`` of the triples they state (an edge no
remaining document supports disappears; the others keep their recounted support). The
result is the store a build from all its documents at once makes, quad for quad.

Each batch of documents (:data:`BATCH` at most) is one SPARQL Update, a single
transaction: a merge stopped part-way leaves a consistent store holding the batches
before it, and running it again adds the rest.

Examples
--------
>>> import kg, tempfile
>>> from kg.store import Store
>>> with tempfile.TemporaryDirectory() as tmp, Store(tmp + "/db") as store:
...     first = merge_graph(store, kg.build([kg.Document("a", "Iran condemned Israel.")]))
...     again = merge_graph(store, kg.build([kg.Document("a", "Iran condemned Israel.")]))
...     gone = remove_documents(store, ["a", "b"])
...     print(first.added, again.unchanged, gone.removed, gone.missing, len(store))
('a',) ('a',) ('a',) ('b',) 0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .storedocs import StoreChange, stored_documents

__all__ = ["BATCH", "MergeReport", "merge_graph", "remove_command", "remove_documents"]

#: The most documents merged in one transaction.
BATCH = 500


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge or a removal did, by document id (each sorted)."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def line(self) -> str:
        """A one-line account for the command's summary.

        >>> MergeReport(added=("a", "b"), unchanged=("c",)).line()
        '2 added, 0 replaced, 1 unchanged'
        """
        if self.removed or self.missing:
            return f"{len(self.removed)} removed" + (f", {len(self.missing)} not in the store" if self.missing else "")
        return f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged"


def _oxigraph(store) -> ox.Store:
    if store.oxigraph is None:
        raise ValueError("merging needs a store on the oxigraph engine")
    return store.oxigraph


def merge_graph(store, graph, *, batch: int = BATCH) -> MergeReport:
    """Merge a :class:`~kg.graph.KnowledgeGraph`'s documents into a store (see the module).

    Parameters
    ----------
    store : kg.store.Store
        An Oxigraph store (on disk or in memory).
    graph : kg.graph.KnowledgeGraph
        The documents to add; those the store holds with the same content are skipped.
    batch : int
        Documents per transaction.
    """
    db = _oxigraph(store)
    held = stored_documents(db)
    added: list[str] = []
    replaced: list[str] = []
    unchanged: list[str] = []
    pending: list = []
    for result in graph.results:
        doc = result.document
        if doc.id in held and held[doc.id] == doc.content_hash:
            unchanged.append(doc.id)
            continue
        (replaced if doc.id in held else added).append(doc.id)
        pending.append(result)
    for start in range(0, len(pending), batch):
        chunk = pending[start:start + batch]
        change = StoreChange(db, drop=[r.document.id for r in chunk if r.document.id in held], add=chunk)
        change.apply()
    store.flush()
    return MergeReport(added=tuple(sorted(added)), replaced=tuple(sorted(replaced)),
                       unchanged=tuple(sorted(unchanged)))


def remove_documents(store, ids: Iterable[str], *, batch: int = BATCH) -> MergeReport:
    """Retract documents by id: their named graphs go, and the entities and edges they
    touched are recomputed from the documents that remain. Ids the store does not hold
    are reported as ``missing``."""
    db = _oxigraph(store)
    held = stored_documents(db)
    wanted = sorted(set(ids))
    present = [i for i in wanted if i in held]
    for start in range(0, len(present), batch):
        StoreChange(db, drop=present[start:start + batch], add=[]).apply()
    store.flush()
    return MergeReport(removed=tuple(present), missing=tuple(i for i in wanted if i not in held))


def remove_command(args) -> int:
    """Run ``kg remove DOC_ID... --store DIR``: 0 when every id was removed, 1 when some
    were not in the store (the others are removed)."""
    import sys
    from pathlib import Path

    from .errors import GraphFileError
    from .store import Store

    if not Path(args.store).is_dir():
        raise GraphFileError(f"{args.store}: no such store directory")
    with Store(args.store) as store:
        report = remove_documents(store, args.ids)
    for doc_id in report.missing:
        print(f"kg: {doc_id!r} is not in the store {args.store}", file=sys.stderr)
    print(f"kg: {args.store}: {report.line()}")
    return 1 if report.missing else 0
