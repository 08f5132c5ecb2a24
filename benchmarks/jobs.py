"""Words per second of kg's parsing with ``--jobs 1`` and ``--jobs 2``, side by side.

Run from the repository root::

    .venv/bin/python benchmarks/jobs.py INPUT... [--docs 240] [--jobs 1 2] [--repeats 2] [--bare]

``INPUT`` is what ``kg build`` reads (text files, JSON Lines, directories, ``.gz``), e.g.
``../shared/corpus/voa-middle-east.jsonl``; its documents are repeated, each copy with an id
of its own (``id~2``...), until there are ``--docs`` of them.

Each configuration runs in a fresh Python process (this script again, with ``--child``), so
every one pays the same start-up: loading spaCy and the model in-process for ``--jobs 1``;
starting the workers, each loading the model, for ``--jobs 2``. The time is from the first
document handed to :func:`kg.parallel.process_jobs` to the last result received, everything
included. Configurations alternate, ``--repeats`` times each; the best run of each is kept.
The script prints documents, words, seconds and words per second of each, the ratio of each
to ``--jobs 1`` (the goal for 2 on a 2-core machine: at least 1.7), the CPU seconds spent
(this process and its workers) with words per CPU second, and the 1-minute load average
when the run began (other programs on the machine take cores from the workers), and whether every
configuration gave the same graph (N-Triples bytes; they must), and the parent's own work on
the results: unpickling them all (timed apart, on their pickle) and merging them into a graph.

``--bare`` also measures what the machine gives spaCy alone, the ceiling of any ``--jobs 2``:
bare ``nlp.pipe`` of kg's model (batch 16, every ``Doc`` consumed, nothing extracted) over the
same texts in one fresh process, and in two fresh processes started together, each on half of
the texts (alternating, from the start of the processes to the end of the last, start-up
included, best of ``--repeats``); it prints their words per second and ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.model import Document  # noqa: E402
from kg.parallel import THREAD_VARIABLES  # noqa: E402
from kg.read import iter_documents  # noqa: E402


def corpus(inputs: list[str], count: int) -> list[Document]:
    """The documents of the inputs, repeated with distinct ids until there are ``count``."""
    base = list(iter_documents(inputs, on_error=lambda exc: print(f"skipped {exc}", file=sys.stderr)))
    if not base:
        raise SystemExit("no document could be read")
    docs = []
    while len(docs) < count:
        copy = len(docs) // len(base) + 1
        for doc in base[: count - len(docs)]:
            docs.append(doc if copy == 1 else Document(f"{doc.id}~{copy}", doc.text, doc.date, doc.source,
                                                     doc.url, doc.title))
    return docs


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(inputs: list[str], count: int, jobs: int) -> None:
    """One measured run, in this fresh process: prints a JSON line."""
    from kg.graph import KnowledgeGraph
    from kg.parallel import process_jobs

    docs = corpus(inputs, count)
    cpu0, load0 = _cpu(), os.getloadavg()[0]
    start = time.perf_counter()
    results = list(process_jobs(iter(docs), jobs=jobs))
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu0
    blob = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    start = time.perf_counter()
    pickle.loads(blob)  # what the parent of --jobs N does to every result it receives
    unpickle = time.perf_counter() - start
    start = time.perf_counter()
    graph = KnowledgeGraph()
    for result in results:
        graph.add_result(result)
    merge = time.perf_counter() - start
    digest = hashlib.sha256(graph.serialize(format="nt").encode("utf-8")).hexdigest()
    print(json.dumps({"jobs": jobs, "docs": len(results), "seconds": seconds, "cpu": cpu, "load": load0,
                      "words": sum(len(d.text.split()) for d in docs), "digest": digest,
                      "unpickle": unpickle, "merge": merge, "bytes": len(blob)}))


def bare(inputs: list[str], count: int, part: int, parts: int) -> None:
    """Bare spaCy in this fresh process on one part of the texts: the model loaded, every text
    piped (``part`` of ``parts`` consecutive slices)."""
    import spacy

    from kg.nlp import DEFAULT_MODEL

    texts = [d.text for d in corpus(inputs, count)]
    size = -(-len(texts) // parts)
    nlp = spacy.load(DEFAULT_MODEL)
    for _ in nlp.pipe(texts[part * size:(part + 1) * size], batch_size=16):
        pass


def run_bare(inputs: list[str], count: int, parts: int) -> float:
    """Seconds from starting ``parts`` bare-spaCy processes at once to the end of the last."""
    env = dict(os.environ, PYTHONPATH=str(REPO), **{name: "1" for name in THREAD_VARIABLES})
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, *inputs, "--docs", str(count), "--bare-part",
                               f"{part}/{parts}"], env=env) for part in range(parts)]
    if any(proc.wait() for proc in procs):
        raise SystemExit("a bare spaCy process failed")
    return time.perf_counter() - start


def bare_ceiling(inputs: list[str], count: int, repeats: int) -> None:
    """Print bare spaCy's words per second in one process and in two, and their ratio."""
    words = sum(len(d.text.split()) for d in corpus(inputs, count))
    load = os.getloadavg()[0]
    best = {1: float("inf"), 2: float("inf")}
    for _ in range(repeats):
        for parts in best:
            best[parts] = min(best[parts], run_bare(inputs, count, parts))
    print(f"bare spaCy nlp.pipe, {words} words: 1 process {words / best[1]:.0f} words/s ({best[1]:.1f} s), "
          f"2 processes {words / best[2]:.0f} words/s ({best[2]:.1f} s): ratio {best[1] / best[2]:.2f} "
          f"(load {load:.2f} at the start)")


def run(inputs: list[str], count: int, jobs: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, *inputs, "--docs", str(count), "--child", str(jobs)],
                          capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--docs", type=int, default=240, help="documents to parse (default 240)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="configurations (default 1 2)")
    ap.add_argument("--repeats", type=int, default=2, help="runs of each, alternating (best kept)")
    ap.add_argument("--bare", action="store_true", help="also measure bare spaCy in 1 and 2 processes")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--bare-part", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.inputs, args.docs, args.child)
        return 0
    if args.bare_part is not None:
        part, parts = map(int, args.bare_part.split("/"))
        bare(args.inputs, args.docs, part, parts)
        return 0
    best: dict[int, dict] = {}
    for _ in range(args.repeats):
        for jobs in args.jobs:
            got = run(args.inputs, args.docs, jobs)
            if jobs not in best or got["seconds"] < best[jobs]["seconds"]:
                best[jobs] = got
    base = best[args.jobs[0]]
    print(f"{'jobs':>4}  {'docs':>5}  {'words':>8}  {'seconds':>8}  {'words/s':>8}  {'ratio':>5}  "
          f"{'cpu s':>6}  {'words/cpu s':>11}  {'load':>5}")
    for jobs in args.jobs:
        r = best[jobs]
        rate = r["words"] / r["seconds"]
        print(f"{jobs:>4}  {r['docs']:>5}  {r['words']:>8}  {r['seconds']:>8.1f}  {rate:>8.0f}  "
              f"{base['seconds'] / r['seconds']:>5.2f}  {r['cpu']:>6.1f}  {r['words'] / r['cpu']:>11.0f}  "
              f"{r['load']:>5.2f}")
    same = len({r["digest"] for r in best.values()}) == 1
    print(f"same results for every --jobs: {'yes' if same else 'NO'}  (cores: {os.cpu_count()})")
    r = best[args.jobs[-1]]
    print(f"the parent's own work on the results: unpickling {r['bytes']:,} bytes {r['unpickle']:.2f} s, "
          f"merging them into the graph {r['merge']:.2f} s")
    if args.bare:
        bare_ceiling(args.inputs, args.docs, args.repeats)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
