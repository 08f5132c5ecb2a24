"""kg serve before and after issue 17: latency of a simple query, and what a runaway query costs.

Run from the repository root (Linux: memory is read from /proc)::

    .venv/bin/python benchmarks/serve_bench.py [--triples 200000] [--requests 300] [--before DIR]

``--before DIR`` is another checkout of kg (for instance ``git archive e93e053 | tar -x -C DIR``):
both are started as ``kg serve`` on the same synthetic N-Triples file and measured the same way,
and printed side by side with the ratio after/before. Without it only this checkout is
measured. For each server:

- startup: seconds until it prints its address;
- latency: median and 90th percentile of a point look-up and of a small join, sequentially
  (``--requests`` each, after 25 to warm up; the servers take turns every 25 requests), each
  request on a new connection, then all on one keep-alive connection;
- a runaway query (the issue's ``ORDER BY`` over a cartesian product, ``--timeout`` seconds):
  its answer, when it came, the server's memory (PSS of the process and its children) at its
  peak and 3 s after the answer, above what it was before; a server that passes
  ``--memory-stop`` MiB above it is killed and reported as such;
- four cartesian ``COUNT(*)`` at once, then a point look-up: can the server still answer?
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOOKUP = "SELECT ?p ?o WHERE { <http://e/s42> ?p ?o } LIMIT 10"
JOIN = 'SELECT ?s ?o WHERE { ?s <http://e/p3> "v1003" . ?s <http://e/p1> ?o } LIMIT 50'
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


def write_data(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(f'<http://e/s{i % 5000}> <http://e/p{i % 7}> "v{i}" .\n')


def tree_pss(pid: int) -> int:
    """MiB of proportional memory of ``pid`` and every process below it."""
    parents = {}
    for entry in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
    tree, frontier = {pid}, {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    total = 0
    for p in tree:
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as smaps:
                total += next(int(line.split()[1]) for line in smaps if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total >> 10


class Server:
    def __init__(self, tree: Path, data: Path, timeout: float) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(tree), *filter(None, [env.get("PYTHONPATH")])])
        start = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", str(data), "--port", "0", "--timeout", f"{timeout:g}"],
            cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        self.startup = time.monotonic() - start
        url = urllib.parse.urlsplit(line.split("at ", 1)[1].split()[0])
        self.host, self.port = url.hostname, url.port

    def get(self, query: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, str]:
        own = conn is None
        conn = conn or http.client.HTTPConnection(self.host, self.port, timeout=600)
        try:
            conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                         headers={"Accept": "application/sparql-results+json"})
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        except OSError as exc:
            return 0, f"no answer ({exc.__class__.__name__})"
        finally:
            if own:
                conn.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)


def latencies(servers: dict[str, Server], query: str, n: int, *, keep_alive: bool) -> dict[str, tuple]:
    """Median and 90th percentile in ms per server, over one connection each or a new
    connection per request; the servers take turns, 25 requests at a time, so that a
    change in the machine's load falls on both alike."""
    conns = {name: http.client.HTTPConnection(s.host, s.port, timeout=60) if keep_alive else None
             for name, s in servers.items()}
    times: dict[str, list[float]] = {name: [] for name in servers}
    for block in range(-1, n // 25):  # block -1 warms up
        for name, server in servers.items():
            for _ in range(25):
                start = time.perf_counter()
                status, _ = server.get(query, conns[name])
                if status != 200:
                    raise SystemExit(f"{name}: {query!r} answered {status}")
                if block >= 0:
                    times[name].append((time.perf_counter() - start) * 1000)
    for conn in conns.values():
        if conn is not None:
            conn.close()
    return {name: (statistics.median(t), statistics.quantiles(t, n=10)[-1]) for name, t in times.items()}


def runaway(server: Server, stop_mib: int) -> dict:
    base = tree_pss(server.proc.pid)
    peak, answer, killed = base, {}, False

    def ask() -> None:
        start = time.monotonic()
        answer["status"], answer["body"] = server.get(RUNAWAY)
        answer["seconds"] = time.monotonic() - start

    asker = threading.Thread(target=ask, daemon=True)
    started = time.monotonic()
    asker.start()
    after_answer = None
    while True:
        now = tree_pss(server.proc.pid)
        peak = max(peak, now)
        if now - base > stop_mib:
            killed = time.monotonic() - started
            break
        if "status" in answer:
            after_answer = after_answer or time.monotonic()
            if time.monotonic() - after_answer >= 3:
                break
        time.sleep(0.1)
    body = answer.get("body", "")
    why = "timeout" if "timed out" in body else "memory" if "memory" in body else "other"
    return {"status": answer.get("status", "-"), "why": why, "seconds": answer.get("seconds"), "peak": peak - base,
            "after": None if killed else tree_pss(server.proc.pid) - base, "killed": killed}


def attacks(tree: Path, data: Path, args) -> dict:
    """The runaway query, then (on a fresh server: the runaway may have been killed) four
    cartesian COUNT(*) at once and a look-up after them."""
    out = {}
    server = Server(tree, data, args.timeout)
    try:
        r = runaway(server, args.memory_stop)
    finally:
        server.stop()
    out["runaway: answer"] = f"{r['status']} {r['why']} {r['seconds']:.1f} s" if r["seconds"] else "none"
    peak = f">{r['peak']} at {r['killed']:.0f} s, killed" if r["killed"] else r["peak"]
    out["runaway: peak memory (MiB)"] = peak
    out["runaway: memory 3 s after (MiB)"] = "-" if r["after"] is None else r["after"]
    server = Server(tree, data, args.timeout)
    try:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda _: server.get(COUNT)[0], range(4)))
        out["4 x COUNT(*): answers"] = " ".join(map(str, statuses))
        start = time.monotonic()
        status, _ = server.get(LOOKUP)
        out["look-up after them"] = f"{status} in {time.monotonic() - start:.2f} s"
    finally:
        server.stop()
    return out


def measure(trees: dict[str, Path], data: Path, args) -> dict[str, dict]:
    servers = {name: Server(tree, data, args.timeout) for name, tree in trees.items()}
    try:
        results = {name: {"startup (s)": s.startup} for name, s in servers.items()}
        for label, query in (("look-up", LOOKUP), ("join", JOIN)):
            for how, keep in (("new connection", False), ("keep-alive", True)):
                for name, (median, p90) in latencies(servers, query, args.requests, keep_alive=keep).items():
                    results[name][f"{label}, {how}: median (ms)"] = median
                    results[name][f"{label}, {how}: p90 (ms)"] = p90
        for server in servers.values():
            server.stop()
        for name, tree in trees.items():  # one at a time: a runaway takes the machine
            results[name].update(attacks(tree, data, args))
        return results
    finally:
        for server in servers.values():
            server.stop()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--triples", type=int, default=200_000)
    p.add_argument("--requests", type=int, default=300)
    p.add_argument("--timeout", type=float, default=5.0)
    p.add_argument("--memory-stop", type=int, default=3000, metavar="MIB",
                   help="kill a server whose memory grows by this much (default 3000)")
    p.add_argument("--before", type=Path, help="another kg checkout to compare with")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.nt"
        write_data(data, args.triples)
        trees = {"before": args.before.resolve()} if args.before else {}
        results = measure({**trees, "after": ROOT}, data, args)
    print(f"kg serve on {args.triples:,} triples, --timeout {args.timeout:g}, {args.requests} requests each")
    names = list(results)
    width = max(len(k) for r in results.values() for k in r)
    print(f"{'':<{width}}  " + "  ".join(f"{n:>18}" for n in names) + ("  after/before" if args.before else ""))
    for key in results["after"]:
        cells = [results[n].get(key, "-") for n in names]
        text = [f"{c:.2f}" if isinstance(c, float) else str(c) for c in cells]
        ratio = ""
        if args.before and all(isinstance(c, float) for c in cells) and cells[0]:
            ratio = f"{cells[1] / cells[0]:.2f}"
        print(f"{key:<{width}}  " + "  ".join(f"{t:>18}" for t in text) + f"  {ratio:>12}")


if __name__ == "__main__":
    main()
