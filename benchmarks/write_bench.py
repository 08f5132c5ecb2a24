"""Writing a large merged graph: kg's writer against rdflib's serializer, Turtle, N-Triples, N-Quads.

Run from the repository root::

    .venv/bin/python benchmarks/write_bench.py ../shared/corpus/voa-middle-east.jsonl [--triples 500000]
        [--syntaxes turtle nt nquads]

Issue 18: "Writing the merged graph: triples per second in Turtle and N-Triples against
rdflib's serializer on the same graph, at >= 500,000 triples: >= 20x".

The graph is made from real text: ``INPUT`` (the 89 VOA stories) is parsed once by kg and
its document results are copied under new ids (``voa-6180015~1``, ...) until the graph
passes ``--triples`` RDF triples (see ``replicate.py``: the graph ``kg build`` makes of the
stories repeated with distinct ids, without parsing them again). Then, into a temporary
directory, for each syntax (Turtle, N-Triples and N-Quads, or those of ``--syntaxes``):

``kg``
    ``KnowledgeGraph.serialize(path, format=...)`` (:func:`kg.rdf.serialize`), what
    ``kg build`` calls for each graph file: from the graph to the file;
``rdflib``
    ``rdflib.Graph.serialize(path, format=...)`` on ``KnowledgeGraph.to_rdf()``, the rdflib
    graph of the same triples (for N-Quads ``KnowledgeGraph.to_dataset()``, the dataset of
    one named graph a document that kg writes), made once beforehand and not counted (its
    time is printed apart, and a second ratio counts it, as a program that has only the
    knowledge graph pays it).

rdflib's serializer runs in a forked child (the same graph, copy-on-write) stopped after
``--rdflib-timeout`` seconds: its Turtle writer takes time that grows faster than the graph,
so at this size it may not finish; then its seconds, triples per second and the ratios are
bounds (``>``, ``<``). It prints seconds, triples per second and the ratio rdflib / kg, and checks that the bytes
kg wrote parse back (pyoxigraph) to the same number of triples (quads) as the rdflib graph
(dataset) holds.
Single runs (a run takes minutes); the figures move with the shared machine's load, which is printed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from replicate import corpus_results, graph_of_size  # noqa: E402

#: kg's format name, file name, rdflib's format name, written from the dataset (named graphs)
SYNTAXES = [("turtle", "graph.ttl", "turtle", False), ("nt", "graph.nt", "nt", False),
            ("nquads", "graph.nq", "nquads", True)]


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _forked(run, timeout: float) -> float | None:
    """Seconds ``run()`` takes in a forked child (the same graph in memory, copy-on-write), or
    None when it has not finished after ``timeout`` seconds (the child is then killed)."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            run()
        finally:
            os._exit(0)
    while time.perf_counter() - start < timeout:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return time.perf_counter() - start
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def _parsed(path: Path, fmt: str) -> int:
    import pyoxigraph as ox

    format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    with open(path, "rb") as f:
        return sum(1 for _ in ox.parse(f, format=format))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--triples", type=int, default=500_000, help="at least this many triples (default 500,000)")
    ap.add_argument("--rdflib-timeout", type=float, default=420,
                    help="stop rdflib's serializer after this many seconds and report a lower bound (default 420)")
    ap.add_argument("--syntaxes", nargs="+", choices=[s[0] for s in SYNTAXES], default=[s[0] for s in SYNTAXES],
                    help="the syntaxes to write (default: all)")
    args = ap.parse_args()

    start = time.perf_counter()
    results = corpus_results(args.inputs)
    parsed = time.perf_counter() - start
    graph, count, triples = graph_of_size(results, args.triples)
    print(f"corpus: {len(results)} documents parsed in {parsed:.1f} s; {count} copies -> {graph!r}, "
          f"{triples:,} triples (made in {time.perf_counter() - start - parsed:.1f} s)")
    made: dict[bool, tuple] = {}
    for dataset in sorted({s[3] for s in SYNTAXES if s[0] in args.syntaxes}):
        start = time.perf_counter()
        rdf = graph.to_dataset() if dataset else graph.to_rdf()
        seconds = time.perf_counter() - start
        size = sum(1 for _ in rdf.quads()) if dataset else len(rdf)
        made[dataset] = (rdf, seconds, size)
        print(f"rdflib {'dataset (KnowledgeGraph.to_dataset)' if dataset else 'graph (KnowledgeGraph.to_rdf)'}: "
              f"{size:,} {'quads' if dataset else 'triples'} in {seconds:.1f} s; load average {os.getloadavg()[0]:.2f}")
    print(f"{'syntax':<8} {'bytes':>12} {'kg s':>7} {'kg triples/s':>13} {'rdflib s':>9} {'rdflib triples/s':>17} "
          f"{'ratio':>6} {'ratio incl. to_rdf':>19}  parses back")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, name, rdflib_fmt, dataset in SYNTAXES:
            if fmt not in args.syntaxes:
                continue
            rdf, seconds, size = made[dataset]
            ours, theirs = Path(tmp) / name, Path(tmp) / f"rdflib-{name}"
            kg_s = _timed(lambda: graph.serialize(ours, format=fmt))
            back = _parsed(ours, fmt)
            rdflib_s = _forked(lambda: rdf.serialize(theirs, format=rdflib_fmt, encoding="utf-8"), args.rdflib_timeout)
            if rdflib_s is None:  # a lower bound: rdflib took longer than this
                rdflib_s, more, less = args.rdflib_timeout, ">", "<"
            else:
                more = less = ""
            print(f"{fmt:<8} {ours.stat().st_size:>12,} {kg_s:>7.2f} {size / kg_s:>13,.0f} {more:>1}{rdflib_s:>8.2f} "
                  f"{less:>1}{size / rdflib_s:>16,.0f} {more:>1}{rdflib_s / kg_s:>4.1f}x "
                  f"{more:>1}{(rdflib_s + seconds) / kg_s:>17.1f}x  {back == size} ({back:,})", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}; goal: ratio >= 20x")


if __name__ == "__main__":
    main()
