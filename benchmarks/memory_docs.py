"""Peak memory of building a graph from 1,000 and 10,000 documents: it follows the graph, not the text.

Run from the repository root::

    .venv/bin/python benchmarks/memory_docs.py [--docs 1000 10000] [--jobs 2] [--filler 150]

Each document is generated (no file, read lazily: never a list of texts): two sentences
of relations between actors drawn from a fixed list (so the graph grows with the documents,
as a feed's does) and ``--filler`` words of sentences that name no actor (so the corpus
holds much more text than the graph). Each size runs in a fresh process: the documents are
parsed in ``--jobs`` worker processes (:mod:`kg.parallel`), so the measured process holds
what ``kg build`` holds: the graph. It prints, per size: the text read (MB), the graph's
relations and RDF triples, the peak resident memory of the process after building and after
writing N-Triples and Turtle (as ``kg build`` does), and the memory per 1,000 triples and per
MB of text. Growth follows the graph when the peak grows like the triples, not like the text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ACTORS = ["Iran", "Israel", "Hezbollah", "Hamas", "Turkey", "Russia", "Ukraine", "Syria", "Iraq", "Egypt",
          "Jordan", "Saudi Arabia", "Qatar", "the United States", "France", "Germany", "China", "the Houthis",
          "the United Nations", "NATO", "the European Union", "Lebanon", "Yemen", "Pakistan", "India"]
VERBS = ["condemned", "criticized", "praised", "threatened", "accused", "met with", "supported", "attacked"]
FILLER = ("The weather in the region was mild for the season. Markets opened later than usual and "
          "traffic was light in the morning. Many shops stayed closed for the holiday. ")


def documents(count: int, filler_words: int) -> Iterator:
    """``count`` generated documents, made one at a time."""
    from kg.model import Document

    rng = random.Random(18)
    per = len(FILLER.split())
    filler = FILLER * max(1, filler_words // per)
    start = dt.date(2023, 1, 1)
    for i in range(count):
        a, b, c, d = rng.sample(ACTORS, 4)
        text = (f"{a[0].upper()}{a[1:]} {rng.choice(VERBS)} {b} on Monday. "
                f"{c[0].upper()}{c[1:]} {rng.choice(VERBS)} {d} after the talks. {filler}")
        yield Document(f"gen-{i:06d}", text, start + dt.timedelta(days=i % 365), f"Outlet {i % 7}")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(count: int, jobs: int, filler: int) -> None:
    """One size, in this fresh process: prints a JSON line."""
    from kg.graph import KnowledgeGraph
    from kg.parallel import process_jobs

    text_bytes = 0

    def counted():
        nonlocal text_bytes
        for doc in documents(count, filler):
            text_bytes += len(doc.text.encode("utf-8"))
            yield doc

    base = _peak_mb()
    start = time.perf_counter()
    graph = KnowledgeGraph()
    for result in process_jobs(counted(), jobs=jobs):
        graph.add_result(result)
    built, seconds = _peak_mb(), time.perf_counter() - start
    held = sum(len(d.text) for d in graph.documents)
    nt = graph.serialize(format="nt")
    triples = nt.count("\n")
    del nt
    graph.serialize(format="turtle")
    written = _peak_mb()
    print(json.dumps({"docs": count, "text_mb": text_bytes / 2**20, "held_text": held,
                      "relations": len(graph.relations), "triples": triples, "base_mb": base,
                      "built_mb": built, "written_mb": written, "seconds": seconds}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--filler", type=int, default=150, help="words of actor-free text a document (default 150)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.jobs, args.filler)
        return 0
    rows = []
    for count in args.docs:
        proc = subprocess.run([sys.executable, __file__, "--child", str(count), "--jobs", str(args.jobs),
                               "--filler", str(args.filler)], capture_output=True, text=True, check=True)
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"{'docs':>6}  {'text MB':>7}  {'held':>4}  {'relations':>9}  {'triples':>8}  {'start MB':>8}  "
          f"{'built MB':>8}  {'written MB':>10}  {'MB/1k triples':>13}  {'seconds':>7}")
    for r in rows:
        grown = r["written_mb"] - r["base_mb"]
        print(f"{r['docs']:>6}  {r['text_mb']:>7.1f}  {r['held_text']:>4}  {r['relations']:>9}  {r['triples']:>8}  "
              f"{r['base_mb']:>8.0f}  {r['built_mb']:>8.0f}  {r['written_mb']:>10.0f}  "
              f"{1000 * grown / r['triples']:>13.2f}  {r['seconds']:>7.0f}")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"from {a['docs']} to {b['docs']} documents: text x{b['text_mb'] / a['text_mb']:.1f}, "
              f"triples x{b['triples'] / a['triples']:.1f}, memory above start-up x"
              f"{(b['written_mb'] - b['base_mb']) / (a['written_mb'] - a['base_mb']):.1f} (after writing), x"
              f"{(b['built_mb'] - b['base_mb']) / max(1.0, a['built_mb'] - a['base_mb']):.1f} (after building); "
              f"text held by the graph: {b['held_text']} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
