"""Start-up of the commands that must be instant: ``kg --version`` and ``kg query --list``.

Run from the repository root::

    .venv/bin/python benchmarks/startup.py [--runs 10]

Each command runs ``--runs`` times as a whole process (``python -m kg ...``, this checkout
first on the path), alternating with a bare ``python -c pass``; the script prints the
best and median wall-clock seconds of each, and the goal (at most 0.3 s). It then lists the
slowest imports of ``kg query --list`` (``python -X importtime``): ``import kg`` must not
pull in networkx, rdflib or spaCy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "kg --version": ["-m", "kg", "--version"],
    "kg query --list": ["-m", "kg", "query", "--list"],
}


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))


def _time(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=_env())
    return time.perf_counter() - start


def _slowest_imports(args: list[str], top: int) -> list[tuple[int, str]]:
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                          env=_env(), check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--top", type=int, default=8, help="slowest imports to list")
    args = ap.parse_args(argv)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            times[name].append(_time(cmd))
    print(f"{'command':<18}  {'best s':>6}  {'median s':>8}  goal")
    for name, values in times.items():
        goal = "" if name.startswith("python") else ("<= 0.3 s: met" if min(values) <= 0.3 else "<= 0.3 s: NOT met")
        print(f"{name:<18}  {min(values):>6.3f}  {statistics.median(values):>8.3f}  {goal}")
    print(f"\nslowest imports of kg query --list (cumulative microseconds, load average {os.getloadavg()[0]:.2f}):")
    for micros, module in _slowest_imports(COMMANDS["kg query --list"], args.top):
        print(f"{micros:>9}  {module}")
    heavy = [m.strip() for _, m in _slowest_imports(COMMANDS["kg query --list"], 10_000)
             if m.strip().split(".")[0] in {"networkx", "rdflib", "spacy", "pyoxigraph"}]
    print("heavy libraries imported: " + (", ".join(sorted(set(heavy))) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
