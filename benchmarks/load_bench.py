"""``kg.load`` (pyoxigraph parsing into plain values) against reading through rdflib, as it ran before.

Run from the repository root::

    .venv/bin/python benchmarks/load_bench.py ../shared/corpus/voa-middle-east.jsonl [--repeats 3]

It builds the graph of ``INPUT`` (what ``kg build`` reads) once, writes it as Turtle, TriG,
N-Triples and JSON-LD into a temporary directory, then times, best of ``--repeats``, for each:

``rdflib``
    what ``kg.load`` did until issue 20: parse into an rdflib ``Dataset`` and read the
    knowledge graph from it (:func:`kg.rdf.from_rdf` on the dataset);
``load``
    ``kg.load`` now: pyoxigraph parses, :mod:`kg.rdf.triples` indexes plain values.

It prints seconds for each and the ratio, and checks both read back the same graph (the
same entities, relations and events) and the same facts as the graph that wrote them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import rdflib  # noqa: E402

import kg  # noqa: E402
from kg.formats import syntax_of_path  # noqa: E402
from kg.rdf import from_rdf  # noqa: E402

SYNTAXES = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.nt": "nt", "graph.jsonld": "json-ld"}


def _best(repeats: int, run) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        value = run()
        best = min(best, time.perf_counter() - start)
    return best, value


def _rdflib_load(path: Path):
    ds = rdflib.Dataset()
    syntax = syntax_of_path(path)
    ds.parse(path, format=syntax.rdflib if syntax else "turtle")
    return from_rdf(ds)


def _shape(graph) -> tuple:
    return (graph.entities, sorted({r.triple for r in graph.facts()}), graph.events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    import warnings

    warnings.simplefilter("ignore")  # rdflib's deprecation warnings on TriG
    graph = kg.build(kg.iter_documents(args.inputs))
    print(f"graph: {graph!r}, {len(graph.to_rdf())} triples")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'file':<14} {'bytes':>10} {'rdflib s':>9} {'load s':>8} {'ratio':>6}  same")
        for name, fmt in SYNTAXES.items():
            path = Path(tmp) / name
            graph.serialize(path, format=fmt)
            before, old = _best(args.repeats, lambda: _rdflib_load(path))
            after, new = _best(args.repeats, lambda: kg.load(path))
            same = _shape(old) == _shape(new) and sorted({r.triple for r in new.facts()}) == _shape(graph)[1]
            print(f"{name:<14} {path.stat().st_size:>10,} {before:>9.3f} {after:>8.3f} {before / after:>5.1f}x  {same}")


if __name__ == "__main__":
    main()
