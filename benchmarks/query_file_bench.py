"""``kg query FILE`` and ``kg query --store DIR`` as whole processes against a plain rdflib process.

Run from the repository root::

    .venv/bin/python benchmarks/query_file_bench.py ../shared/corpus/voa-middle-east.jsonl [--triples 300000] [--repeats 3]
        [--bytecode cached|source]

Issue 18: "``kg query FILE`` as a whole process on a 300,000-triple N-Triples file against
rdflib parsing and querying it: >= 10x; ``kg query --store DIR`` against the same rdflib
run: >= 50x".

The graph is made from real text: ``INPUT`` (the 89 VOA stories) is parsed once by kg and
its document results are copied under new ids until the graph passes ``--triples`` triples
(see ``replicate.py``), then written as N-Triples by kg (``graph.nt``) and loaded into an
on-disk store with the store API (``kg.store.Store(DIR).load("graph.nt")``, what
``kg query --store DIR graph.nt`` does; timed apart, once). Then, for each of two shipped
queries (``most-targeted``, ``who-accused-whom``), three processes, each started afresh
and timed from start to exit (wall clock), taking turns, best of ``--repeats``:

``rdflib``
    ``python -c``: import rdflib, parse ``graph.nt`` into an ``rdflib.Graph``, run the query
    text (the shipped ``.rq`` file, its prefixes included), print the rows as TSV;
``kg file``
    ``python -m kg query graph.nt NAME --format tsv``;
``kg store``
    ``python -m kg query --store DIR NAME --format tsv``.

It prints seconds and the ratios rdflib / kg, and whether the three gave the same number of rows.

``--bytecode cached`` (the default) runs the processes as an installed package runs: Python
reads every module's compiled bytecode from a cache (``PYTHONPYCACHEPREFIX``, a temporary
directory; each command is run once untimed first to fill it). ``--bytecode source`` runs them
as the environment says: with ``PYTHONDONTWRITEBYTECODE`` set (as on the shared machine), kg's
modules, which have no ``__pycache__`` in a checkout, are compiled from source at every start,
while rdflib's come compiled from its installation: some 30-90 ms more for kg only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from replicate import corpus_results, graph_of_size  # noqa: E402

QUERIES = ["most-targeted", "who-accused-whom"]

RDFLIB = """\
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="nt")
with open(sys.argv[2], encoding="utf-8") as f:
    result = g.query(f.read())
out = ["\\t".join(str(v) for v in result.vars)]
out += ["\\t".join("" if v is None else str(v) for v in row) for row in result]
sys.stdout.write("\\n".join(out) + "\\n")
"""


def _run(cmd: list[str], env: dict) -> tuple[float, int]:
    """Seconds from start to exit, and the number of rows printed (TSV lines after the header)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return seconds, len(done.stdout.splitlines()) - 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    ap.add_argument("--triples", type=int, default=300_000, help="at least this many triples (default 300,000)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--bytecode", choices=["cached", "source"], default="cached",
                    help="cached: modules' bytecode read from a cache, as installed (default); "
                         "source: as the environment says (PYTHONDONTWRITEBYTECODE compiles kg at every start)")
    args = ap.parse_args()

    from kg.store import Store
    from kg.shipped import shipped_queries

    graph, count, triples = graph_of_size(corpus_results(args.inputs), args.triples)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        if args.bytecode == "cached":
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        print(f"bytecode: {args.bytecode}; PYTHONDONTWRITEBYTECODE={env.get('PYTHONDONTWRITEBYTECODE', '')!r}")
        nt, store = Path(tmp) / "graph.nt", Path(tmp) / "store"
        graph.serialize(nt, format="nt")
        start = time.perf_counter()
        with Store(store) as s:
            s.load(nt)
            quads = len(s)
        loaded = time.perf_counter() - start
        print(f"{count} copies of the corpus: {graph!r}; graph.nt: {triples:,} triples, {nt.stat().st_size:,} bytes; "
              f"store: {quads:,} quads, loaded in {loaded:.1f} s")
        print(f"{'query':<18} {'rows':>5} {'rdflib s':>9} {'kg file s':>10} {'kg store s':>11} "
              f"{'file ratio':>11} {'store ratio':>12}  same rows  load")
        for name in QUERIES:
            rq = Path(tmp) / f"{name}.rq"
            rq.write_text(shipped_queries()[name].text, encoding="utf-8")
            cmds = {"rdflib": [py, "-c", RDFLIB, str(nt), str(rq)],
                    "file": [py, "-m", "kg", "query", str(nt), name, "--format", "tsv"],
                    "store": [py, "-m", "kg", "query", "--store", str(store), name, "--format", "tsv"]}
            best = dict.fromkeys(cmds, float("inf"))
            rows: dict[str, set] = {k: set() for k in cmds}
            if args.bytecode == "cached":
                for cmd in cmds.values():  # untimed: fills the bytecode cache
                    _run(cmd, env)
            load = os.getloadavg()[0]
            for _ in range(args.repeats):
                for key, cmd in cmds.items():
                    seconds, n = _run(cmd, env)
                    best[key] = min(best[key], seconds)
                    rows[key].add(n)
            same = len(set.union(*rows.values())) == 1
            print(f"{name:<18} {min(rows['file']):>5} {best['rdflib']:>9.2f} {best['file']:>10.2f} {best['store']:>11.2f} "
                  f"{best['rdflib'] / best['file']:>10.1f}x {best['rdflib'] / best['store']:>11.1f}x  "
                  f"{'yes' if same else rows}  {load:.2f}")
    print("goals: file ratio >= 10x, store ratio >= 50x")


if __name__ == "__main__":
    main()
