"""A large graph from real text, cheaply: the documents of a corpus parsed once by kg, then
their results copied under new document ids until the graph's RDF passes a number of triples.

Used by ``write_bench.py`` and ``query_file_bench.py``. Parsing 2,000 stories would take
about ten minutes on the shared machine; a copy of a :class:`~kg.model.DocumentResult` is
what the same story under another id would give (the extraction does not depend on the
id), so the graph is the one ``kg build`` makes of the corpus repeated with distinct ids:
the entities and the edges between them are the corpus's (each edge's support counted once
a copy), and every copy adds its own named graph (description, statements, events).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator


def copy_result(res, n: int):
    """``res`` as the same story under the id ``<id>~<n>`` (``n`` = 0: ``res`` itself)."""
    if n == 0:
        return res
    old = res.document.id
    new = f"{old}~{n}"

    def key(k: str) -> str:  # an event's key starts with its document's id
        return new + k[len(old):] if k.startswith(old) else k

    def evidence(ev):
        return dataclasses.replace(ev, document=new)

    events = tuple(dataclasses.replace(e, key=key(e.key), evidence=evidence(e.evidence)) for e in res.events)
    relations = tuple(dataclasses.replace(r, subject=key(r.subject), object=key(r.object), evidence=evidence(r.evidence))
                      for r in res.relations)
    return dataclasses.replace(res, document=dataclasses.replace(res.document, id=new),
                               relations=relations, events=events)


def copies(results: list, count: int) -> Iterator:
    """``count`` copies of every result, copy by copy."""
    for n in range(count):
        for res in results:
            yield copy_result(res, n)


def corpus_results(inputs: list[str]) -> list:
    """The document results of ``inputs`` (what ``kg build`` reads), parsed once."""
    import kg

    return kg.build(kg.iter_documents(inputs)).results


def graph_of_size(results: list, triples: int):
    """The smallest number of copies of ``results`` whose graph has at least ``triples`` RDF
    triples (distinct N-Triples lines); returns ``(graph, copies, triples)``."""
    import kg
    from kg.rdf.lines import graph_lines

    def build(count: int):
        g = kg.KnowledgeGraph()
        for res in copies(results, count):
            g.add_result(res)
        return g, len(graph_lines(g, dataset=False))

    g, one = build(1)
    count = max(1, triples // one)  # the shared entities and edges make each copy a little smaller
    g, got = build(count)
    while got < triples:
        count += 1
        g, got = build(count)
    return g, count, got
