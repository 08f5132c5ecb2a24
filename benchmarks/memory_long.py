"""Peak memory of kg for one long article (issue 17, item 8).

Run from the repository root::

    .venv/bin/python benchmarks/memory_long.py [--sizes 2 20] [--repo PATH] [--max-minutes 15]

Each size (in MB of UTF-8 text) is one generated article: news sentences written for this
script, varied by actor, place, day and number so no two paragraphs are the same, cut into
paragraphs of four sentences. Every size is measured in a fresh subprocess, so one size's
memory never counts for another: the child loads kg's spaCy pipeline, notes its peak resident
set size (``ru_maxrss``), builds a :class:`kg.KnowledgeGraph` from the one document, and
reports its peak resident set size again, the time taken and what the graph holds.

``--repo PATH`` imports kg from another checkout (to measure before and after a change).
A size whose child runs past ``--max-minutes`` is killed and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ACTORS = ["Iran", "Israel", "Hezbollah", "Hamas", "Turkey", "Egypt", "Syria", "Iraq", "Saudi Arabia",
          "Jordan", "the United States", "Russia", "Qatar", "Lebanon", "the Houthis", "Kataib Hezbollah"]
PLACES = ["Baghdad", "Damascus", "Beirut", "Gaza", "Aleppo", "Mosul", "Sanaa", "Erbil", "Amman", "Cairo",
          "Tikrit", "Idlib", "Rafah", "Basra", "Homs", "Tyre"]
TEMPLATES = [
    "{a} condemned {b} on day {n} of the talks in {p}.",
    "Officials in {p} said {a} had accused {b} of violating the ceasefire for the {n}th time.",
    "{a} fired {n} rockets at {b} late on Tuesday, the army in {p} said.",
    "Diplomats from {a} met their counterparts from {b} in {p} on Monday.",
    "{a} urged {b} to release {n} prisoners held near {p}.",
    "A drone attack on a base near {p} wounded {n} soldiers, and {a} blamed {b}.",
    "{a} and {b} signed an agreement in {p} to reopen {n} border crossings.",
    "Protesters gathered outside the embassy of {b} in {p}, and {a} called for calm.",
    "{a} imposed sanctions on {n} companies it said were helping {b}.",
    "The foreign minister of {a} visited {p} and praised {b} for its restraint.",
    "{a} denied that its forces had attacked {b} near {p}.",
    "Reports from {p} said {n} people were killed when {a} shelled positions held by {b}.",
]


def article(megabytes: float) -> str:
    """A generated article of about ``megabytes`` MB: paragraphs of four varied sentences."""
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = n = 0
    while size < target:
        sentences = []
        for k in range(4):
            i = n * 4 + k
            a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 7 + 3) % len(ACTORS)]
            if a == b:
                b = ACTORS[(i + 1) % len(ACTORS)]
            t = TEMPLATES[(i * 5 + n) % len(TEMPLATES)]
            s = t.format(a=a, b=b, p=PLACES[(i * 3 + n) % len(PLACES)], n=2 + i % 97)
            sentences.append(s[0].upper() + s[1:])
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child(megabytes: float) -> None:
    """Measure one size in this process; print one JSON line."""
    import kg
    from kg.nlp import load_pipeline

    text = article(megabytes)
    load_pipeline()
    loaded = _peak_mb()
    start = time.perf_counter()
    graph = kg.KnowledgeGraph().update([kg.Document("long", text)])
    seconds = time.perf_counter() - start
    print(json.dumps({
        "mb": round(len(text.encode("utf-8")) / 1e6, 2), "chars": len(text), "loaded_mb": round(loaded),
        "peak_mb": round(_peak_mb()), "seconds": round(seconds, 1), "relations": len(graph.relations),
        "kg": kg.__file__,
    }))


def measure(megabytes: float, repo: Path, max_minutes: float) -> dict:
    """Run :func:`child` in a fresh interpreter importing kg from ``repo``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")])}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(megabytes)]
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=max_minutes * 60)
    except subprocess.TimeoutExpired:
        return {"mb": megabytes, "error": f"killed after {max_minutes} minutes"}
    if proc.returncode != 0:
        return {"mb": megabytes, "error": f"exit {proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Measure each size and print a table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", nargs="+", type=float, default=[2.0], metavar="MB",
                   help="article sizes in MB (default 2; add 20 for the long run, about 10 minutes)")
    p.add_argument("--repo", type=Path, default=REPO, help="the kg checkout to import (default this one)")
    p.add_argument("--max-minutes", type=float, default=15.0, help="kill a size's run after this long")
    p.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child is not None:
        child(args.child)
        return 0
    print(f"kg from {args.repo}")
    print(f"{'MB':>6} {'chars':>11} {'pipeline MB':>12} {'peak MB':>8} {'seconds':>8} {'relations':>10}")
    for size in args.sizes:
        r = measure(size, args.repo, args.max_minutes)
        if "error" in r:
            print(f"{r['mb']:>6} {r['error']}")
            continue
        print(f"{r['mb']:>6} {r['chars']:>11,} {r['loaded_mb']:>12} {r['peak_mb']:>8} {r['seconds']:>8} "
              f"{r['relations']:>10,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
