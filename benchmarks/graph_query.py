"""``KnowledgeGraph.query`` with its cached Oxigraph store against the way it ran before.

Run from the repository root::

    .venv/bin/python benchmarks/graph_query.py [INPUT...] [--copies 4] [--repeats 20]

It builds a graph from ``INPUT`` (what ``kg build`` reads; by default the example article
``examples/iraq-drone-attacks.txt``), the documents repeated ``--copies`` times with ids of
their own, then times, side by side, the same queries asked ``--repeats`` times each:

``before``
    what ``KnowledgeGraph.query`` did until issue 18: make the rdflib graph of the whole
    knowledge graph (``to_rdf``) and run rdflib's SPARQL engine over it, on every call;
``after``
    ``KnowledgeGraph.query`` now: an Oxigraph store made on the first call and kept until
    the graph changes (the first call, which makes the store, is timed apart).

Queries: the shipped ``who-accused-whom`` and ``most-targeted``, a look-up of one actor's
relations with the actor bound, and a count. It prints milliseconds a call of each, the
ratio before / after, and checks both give the same rows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg import KnowledgeGraph  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.query import resolve_query, run_query  # noqa: E402
from kg.read import iter_documents  # noqa: E402

LOOKUP = "SELECT ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o)) } ORDER BY ?p ?o"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def build(inputs: list[str], copies: int) -> KnowledgeGraph:
    base = list(iter_documents(inputs))
    docs = [d if k == 0 else Document(f"{d.id}~{k + 1}", d.text, d.date, d.source, d.url, d.title)
            for k in range(copies) for d in base]
    return KnowledgeGraph().update(docs)


def before(graph: KnowledgeGraph, sparql: str, **bindings):
    """``KnowledgeGraph.query`` as it was: the rdflib graph made again, rdflib's engine."""
    return run_query(graph.to_rdf(), sparql, **bindings)


def timed(call, repeats: int) -> tuple[float, list]:
    times, rows = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        rows = sorted(tuple(map(str, r)) for r in call())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", default=[str(REPO / "examples" / "iraq-drone-attacks.txt")])
    ap.add_argument("--copies", type=int, default=4, help="times the documents are repeated (default 4)")
    ap.add_argument("--repeats", type=int, default=20, help="calls of each query (default 20)")
    args = ap.parse_args(argv)
    graph = build(args.inputs, args.copies)
    actor = max(graph.entities, key=lambda k: sum(k in (r.subject, r.object) for r in graph.relations))
    queries = {
        "who-accused-whom": (resolve_query("who-accused-whom"), {}),
        "most-targeted": (resolve_query("most-targeted"), {}),
        f"look-up ({actor})": (LOOKUP, {"s": graph.iri(actor)}),
        "count": (COUNT, {}),
    }
    print(f"graph: {len(graph)} documents, {len(graph.to_rdf())} triples")
    start = time.perf_counter()
    graph.query(COUNT)
    print(f"first call (makes the Oxigraph store): {(time.perf_counter() - start) * 1000:.1f} ms")
    print(f"{'query':<32} {'before ms':>10} {'after ms':>10} {'ratio':>7}  same rows")
    same = True
    for name, (sparql, bindings) in queries.items():
        old_ms, old_rows = timed(lambda: before(graph, sparql, **bindings), args.repeats)
        new_ms, new_rows = timed(lambda: graph.query(sparql, **bindings), args.repeats)
        same &= old_rows == new_rows
        print(f"{name:<32} {old_ms:>10.1f} {new_ms:>10.2f} {old_ms / new_ms:>7.0f}  "
              f"{'yes' if old_rows == new_rows else 'NO'} ({len(new_rows)})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
