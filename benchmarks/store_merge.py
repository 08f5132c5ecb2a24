"""Merging into an on-disk store: adding and removing a few documents against building the store at once.

Run from the repository root::

    .venv/bin/python benchmarks/store_merge.py [--docs 300] [--batch 10] [--jobs 2]

Generates ``--docs`` documents (as ``benchmarks/memory_docs.py`` does, without filler),
parses them once, then times, on real on-disk Oxigraph stores: merging all of them into an
empty store; merging ``--batch`` new documents into a store that holds the others; merging
the same ``--batch`` again (nothing to do: same ids, same content); and removing them. It
prints the seconds of each, the ratio of a batch's merge to the whole build, and whether the
store after the incremental merge and after the removal holds exactly the quads of a store
built at once from the same documents (it must).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from memory_docs import documents  # noqa: E402


def _graph(results):
    from kg.graph import KnowledgeGraph

    graph = KnowledgeGraph()
    for result in results:
        graph.add_result(result)
    return graph


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    from kg.merge import merge_graph, remove_documents
    from kg.parallel import process_jobs
    from kg.store import Store

    results = list(process_jobs(documents(args.docs, 0), jobs=args.jobs))
    old, new = results[: -args.batch], results[-args.batch:]
    with tempfile.TemporaryDirectory() as tmp:
        whole, t_whole = _timed(lambda: _merged(Store(Path(tmp) / "whole"), results))
        before = Store(Path(tmp) / "before")
        merge_graph(before, _graph(old))
        base = sorted(str(q) for q in before.oxigraph)
        _, t_add = _timed(lambda: merge_graph(before, _graph(new)))
        same_add = sorted(str(q) for q in before.oxigraph) == sorted(str(q) for q in whole.oxigraph)
        _, t_again = _timed(lambda: merge_graph(before, _graph(new)))
        _, t_remove = _timed(lambda: remove_documents(before, [r.document.id for r in new]))
        same_remove = sorted(str(q) for q in before.oxigraph) == base
        quads = len(whole)
    print(f"store of {args.docs} documents, {quads} quads; a batch of {args.batch}")
    print(f"{'step':<44}  {'seconds':>7}")
    for step, seconds in ((f"build the store at once ({args.docs} documents)", t_whole),
                          (f"merge {args.batch} new documents into {args.docs - args.batch}", t_add),
                          (f"merge the same {args.batch} again (unchanged)", t_again),
                          (f"remove those {args.batch}", t_remove)):
        print(f"{step:<44}  {seconds:>7.2f}")
    print(f"a batch's merge / the whole build: {t_add / t_whole:.2f}; "
          f"merged store equals the one built at once: {'yes' if same_add else 'NO'}; "
          f"after removal equals the store before: {'yes' if same_remove else 'NO'}")
    return 0 if same_add and same_remove else 1


def _merged(store, results):
    from kg.merge import merge_graph

    merge_graph(store, _graph(results))
    return store


if __name__ == "__main__":
    sys.exit(main())
