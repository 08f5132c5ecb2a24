"""Benchmark kg.view: build time, page size and time to a settled view in Chromium.

Run from the repository root::

    .venv/bin/python benchmarks/view_bench.py [--sizes 500 5000 20000] [--browser /usr/bin/chromium]

For each size it generates a graph shaped like ``KnowledgeGraph.to_networkx()``'s
(n nodes, 2n edges, heavy-tailed degrees, about 10% events, up to two
evidence sentences per edge), renders it with :func:`kg.view.render_html` and opens the
file in headless Chromium, timing until the page reports it is ready
(``window.kgReady``: vis stabilised and physics off, or physics off from the
start, labels placed) and two frames have been drawn; then it times one full
redraw (what every pan or zoom costs) and reads the tab's JavaScript heap and
the renderer's memory (Chrome DevTools Protocol ``Performance.getMetrics``:
``JSHeapUsedSize``; ``performance.measureUserAgentSpecificMemory`` is not
available to a file page).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.view import render_html  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ENTITY_TYPES = [
    "State", "ArmedGroup", "Organization", "InternationalOrganization", "PoliticalParty",
    "GovernmentBody", "MilitaryForce", "Person", "Collective", "Place", "Facility", "Actor",
]  # fmt: skip
EVENT_TYPES = ["Attack", "Protest", "Arrest", "Clash", "Sanction", "Meeting", "Agreement"]
RELATIONS = [
    "alignedWith", "backedBy", "partOf", "accused", "condemned", "targeted",
    "inConflictWith", "sanctioned", "supported", "consulted", "threatened", "denied",
]  # fmt: skip


def make_graph(n: int, m: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A synthetic graph of ``n`` nodes and ``m`` edges following the view's input contract."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(name=f"synthetic-{n}")
    n_events = n // 10
    entities = [f"entity-{i}" for i in range(n - n_events)]
    events = [f"event-{i}" for i in range(n_events)]
    for i, key in enumerate(entities):
        g.add_node(
            key,
            kind="entity",
            label=f"Entity {i}",
            type=rng.choice(ENTITY_TYPES),
            aliases=[f"E{i}", f"Alias {i}"],
            wikidata=f"Q{1000 + i}",
            iri=f"https://w3id.org/newskg/id/{key}",
            documents=[f"doc-{rng.randrange(500)}"],
            mentions=rng.randint(1, 50),
        )
    for i, key in enumerate(events):
        g.add_node(
            key,
            kind="event",
            type=rng.choice(EVENT_TYPES),
            label=f"Event {i}",
            iri=f"https://w3id.org/newskg/id/{key}",
            date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            documents=[f"doc-{rng.randrange(500)}"],
        )
    weights = [1.0 / (i + 1) ** 0.9 for i in range(len(entities))]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    n_role_edges = min(2 * n_events, m // 5)
    added = 0
    while added < m:
        if added < n_role_edges:
            u = events[added % n_events]
            role = "agent" if added < n_events else "target"
            v = rng.choices(entities, cum_weights=cum)[0]
            predicate = role
        else:
            u = entities[(added * 7919) % len(entities)] if added % 2 else rng.choice(entities)
            v = rng.choices(entities, cum_weights=cum)[0]
            if u == v:
                continue
            predicate = rng.choice(RELATIONS)
        if g.has_edge(u, v, key=predicate):
            continue
        docs = sorted({f"doc-{rng.randrange(500)}" for _ in range(rng.randint(1, 3))})
        evidence = [
            {
                "document": doc,
                "sentence": f"{u} {predicate} {v}, officials said on the record.",
                "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "source": "Wire",
                "rule": f"{predicate}.verb",
                "asserted_by": None,
                "confidence": 0.8,
            }
            for doc in docs[:2]
        ]
        g.add_edge(
            u,
            v,
            key=predicate,
            predicate=predicate,
            confidence=round(rng.uniform(0.3, 1.0), 2),
            documents=docs,
            evidence=evidence,
        )
        added += 1
    return g


def settle_time(page_path: Path, browser: object) -> tuple[float, float, float]:
    """Seconds to a settled, drawn view; milliseconds per full redraw; MB of JS heap used."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    try:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        start = time.perf_counter()
        page.goto(page_path.as_uri(), wait_until="load", timeout=600_000)
        page.wait_for_function("window.kgReady === true", timeout=600_000, polling=50)
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        settled = time.perf_counter() - start
        frame = page.evaluate(
            "() => { const t = performance.now(); network.redraw();"
            " network.renderer._redraw(); return performance.now() - t; }"
        )
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return settled, frame, metrics.get("JSHeapUsedSize", 0.0) / 1e6
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    parser.add_argument("--browser", default="/usr/bin/chromium")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.browser, args=CHROMIUM_ARGS)
        try:
            for n in args.sizes:
                g = make_graph(n, 2 * n)
                path = Path(tmp) / f"view-{n}.html"
                start, cpu = time.perf_counter(), time.process_time()
                render_html(g, path, title=f"{n} nodes")
                build = time.perf_counter() - start
                build_cpu = time.process_time() - cpu
                size = path.stat().st_size
                settle, frame, heap = settle_time(path, browser)
                rows.append((n, g.number_of_edges(), build, build_cpu, size, settle, frame, heap))
        finally:
            browser.close()

    header = (
        f"{'nodes':>7} {'edges':>7} {'build (s)':>10} {'build CPU (s)':>14}"
        f" {'file (MB)':>10} {'settled (s)':>12} {'redraw (ms)':>12} {'JS heap (MB)':>13}"
    )
    print(header)
    print("-" * len(header))
    for n, m, build, build_cpu, size, settle, frame, heap in rows:
        print(
            f"{n:>7} {m:>7} {build:>10.2f} {build_cpu:>14.2f}"
            f" {size / 1e6:>10.2f} {settle:>12.2f} {frame:>12.0f} {heap:>13.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
