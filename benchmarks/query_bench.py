"""Benchmark kg's SPARQL engine against rdflib's in-memory store, side by side.

Run from the repository root::

    .venv/bin/python benchmarks/query_bench.py [--triples 1000000] [--rdflib-cap 45]

It writes a synthetic graph shaped like kg's output (entities with labels and
aliases, direct triples plus reified ``rdf:Statement`` s with confidence,
evidence, spans and ``prov:wasDerivedFrom`` documents, events with roles and
claims; heavy-tailed actor degrees; documents over two years) as N-Triples,
then for each engine measures the load time and the latency of every shipped
query (:func:`kg.query.shipped_queries`), with the bindings a researcher would
use (an actor, a state, an edge, a threshold). The results of both engines are
checked to have the same number of rows.

rdflib runs each query in a forked child process and is stopped after
``--rdflib-cap`` seconds (printed as ``>Ns``), so the whole run stays within
about a quarter of an hour.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KGO = "https://w3id.org/newskg/ontology#"
KGR = "https://w3id.org/newskg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

ENTITY_TYPES = [  # (type, weight)
    ("State", 3), ("ArmedGroup", 20), ("Organization", 10), ("GovernmentBody", 8),
    ("MilitaryForce", 6), ("Person", 35), ("Place", 12), ("Facility", 6),
]  # fmt: skip
PREDICATES = [  # (predicate, weight)
    ("accused", 8), ("blamed", 6), ("targeted", 10), ("alignedWith", 6), ("backedBy", 5),
    ("condemned", 7), ("criticized", 5), ("partOf", 6), ("locatedIn", 4), ("threatened", 5),
    ("supported", 5), ("consulted", 5), ("inConflictWith", 4), ("demanded", 4),
    ("denied", 3), ("sanctioned", 2), ("leaderOf", 3), ("stationedIn", 2),
]  # fmt: skip
EVENT_TYPES = [("Attack", 6), ("Clash", 2), ("Protest", 1), ("Arrest", 1)]
WORDS = ("officials said forces group attack militia government statement strike drone rocket "
         "base border ceasefire talks sanctions protest region security minister spokesman "
         "claimed responsibility accused condemned warned killed wounded").split()  # fmt: skip
SOURCES = ["Reuters", "AP", "AFP", "VOA", "Al Jazeera", "BBC", "Xinhua", "Anadolu"]

#: The actor the point lookups are about: the busiest state of the graph.
HUB = KGR + "actor-0"


def _pick(rng: random.Random, weighted):
    names = [n for n, _ in weighted]
    return rng.choices(names, weights=[w for _, w in weighted])[0]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(path: Path, triples: int = 1_000_000, *, seed: int = 7) -> dict:
    """Write about ``triples`` triples shaped like kg's output to ``path`` (N-Triples).

    Returns the IRIs the point lookups bind (a hub state, an edge of it, a name).
    """
    rng = random.Random(seed)
    n_docs = max(10, triples // 110)
    n_entities = max(20, n_docs)
    lines: list[str] = []
    out = path.open("w", encoding="utf-8")
    count = 0

    def emit(s: str, p: str, o: str) -> None:
        nonlocal count
        lines.append(f"{s} {p} {o} .\n")
        count += 1
        if len(lines) >= 50_000:
            out.writelines(lines)
            lines.clear()

    def iri(x: str) -> str:
        return f"<{x}>"

    types = {}
    for i in range(n_entities):
        e = iri(f"{KGR}actor-{i}")
        etype = "State" if i < max(3, n_entities // 60) else _pick(rng, ENTITY_TYPES)
        types[i] = etype
        emit(e, iri(RDF + "type"), iri(KGO + etype))
        emit(e, iri(RDFS + "label"), _lit(f"Actor {i}"))
        for k in range(rng.choice((0, 1, 1, 2, 3))):
            emit(e, iri(SKOS + "altLabel"), _lit(f"Actor {i} alias {k}"))
        if rng.random() < 0.5:
            emit(e, iri(OWL + "sameAs"), iri(f"http://www.wikidata.org/entity/Q{1000 + i}"))
    states = [i for i, t in types.items() if t == "State"]
    # Heavy-tailed degrees: a few actors are in most of the news.
    weights = [1.0 / (i + 1) ** 0.85 for i in range(n_entities)]
    actors = list(range(n_entities))
    edges: list[tuple[int, str, int]] = []
    hub_edge = None
    for d in range(n_docs):
        doc_id = f"doc-{d:06d}.txt"
        doc = iri(f"{KGR}doc/{doc_id.replace('.', '')}-{hashlib.sha1(doc_id.encode()).hexdigest()[:8]}")
        day = 1 + (d * 730) // n_docs
        date = time.strftime("%Y-%m-%d", time.gmtime(1672531200 + day * 86400))
        emit(doc, iri(RDF + "type"), iri(KGO + "Document"))
        emit(doc, iri(DCT + "identifier"), _lit(doc_id))
        emit(doc, iri(DCT + "date"), f'"{date}"^^<{XSD}date>')
        emit(doc, iri(DCT + "source"), _lit(rng.choice(SOURCES)))
        emit(doc, iri(DCT + "title"), _lit(" ".join(rng.choices(WORDS, k=6)).capitalize()))
        seen = set()
        for _ in range(rng.choice((4, 5, 6, 7, 8))):
            if edges and rng.random() < 0.35:
                s, p, o = rng.choice(edges)  # an edge reported again: proportional to its support
            else:
                s, o = rng.choices(actors, weights=weights, k=2)
                if s == o:
                    continue
                p = _pick(rng, PREDICATES)
                if p in ("alignedWith", "backedBy") and rng.random() < 0.6:
                    o = rng.choice(states)  # alignments are mostly with states
            if (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            edges.append((s, p, o))
            if hub_edge is None and s != 0 and o == 0:
                hub_edge = (s, p, o)
            _statement(emit, iri, rng, doc, doc_id, f"{KGR}actor-{s}", KGO + p, f"{KGR}actor-{o}")
        for k in range(rng.choice((0, 1, 1, 2, 2, 3))):
            ev = iri(f"{KGR}event/{doc_id.replace('.', '')}-{k}")
            etype = _pick(rng, EVENT_TYPES)
            target = rng.choices(actors, weights=weights)[0]
            emit(ev, iri(RDF + "type"), iri(KGO + etype))
            emit(ev, iri(RDFS + "label"), _lit(f"{etype} on Actor {target}"))
            emit(ev, iri(KGO + "target"), iri(f"{KGR}actor-{target}"))
            if rng.random() < 0.6:
                emit(ev, iri(KGO + "agent"), iri(f"{KGR}actor-{rng.choices(actors, weights=weights)[0]}"))
            if rng.random() < 0.6:
                emit(ev, iri(KGO + "location"), iri(f"{KGR}actor-{rng.randrange(n_entities)}"))
            if rng.random() < 0.4:
                emit(ev, iri(KGO + "date"), f'"{date}"^^<{XSD}date>')
            if rng.random() < 0.3:
                emit(ev, iri(KGO + "instrument"), _lit(rng.choice(("drone", "rocket", "car bomb"))))
            emit(ev, iri(KGO + "evidence"), _lit(" ".join(rng.choices(WORDS, k=18)) + "."))
            emit(ev, iri(KGO + "extractedBy"), _lit("noun:attack:event"))
            emit(ev, iri(KGO + "confidence"), f'"0.8"^^<{XSD}decimal>')
            emit(ev, iri(PROV + "wasDerivedFrom"), doc)
            if etype == "Attack" and rng.random() < 0.2:
                claimant = f"{KGR}actor-{rng.choices(actors, weights=weights)[0]}"
                _statement(emit, iri, rng, doc, doc_id, claimant, KGO + "claimedResponsibilityFor", ev[1:-1])
    out.writelines(lines)
    out.close()
    s, p, o = hub_edge or edges[0]
    return {
        "triples": count,
        "documents": n_docs,
        "entities": n_entities,
        "hub": HUB,
        "edge": (f"{KGR}actor-{s}", KGO + p, f"{KGR}actor-{o}"),
        "name": f"Actor {n_entities // 2}",
    }


def _statement(emit, iri, rng, doc, doc_id, s, p, o) -> None:
    stmt = iri(KGR + "statement/" + hashlib.sha1(f"{s} {p} {o} {doc_id}".encode()).hexdigest()[:16])
    emit(iri(s), iri(p), iri(o))
    emit(stmt, iri(RDF + "type"), iri(RDF + "Statement"))
    emit(stmt, iri(RDF + "subject"), iri(s))
    emit(stmt, iri(RDF + "predicate"), iri(p))
    emit(stmt, iri(RDF + "object"), iri(o))
    emit(stmt, iri(KGO + "confidence"), f'"{rng.randint(50, 99) / 100}"^^<{XSD}decimal>')
    emit(stmt, iri(PROV + "wasDerivedFrom"), doc)
    emit(stmt, iri(KGO + "evidence"), _lit(" ".join(rng.choices(WORDS, k=20)) + "."))
    emit(stmt, iri(KGO + "extractedBy"), _lit("verb:" + p.rsplit("#", 1)[-1]))
    if rng.random() < 0.2:
        emit(stmt, iri(KGO + "assertedBy"), iri(s))
    start = rng.randrange(5000)
    span = iri(f"{doc[1:-1]}#char={start},{start + 120}")
    emit(stmt, iri(KGO + "evidenceSpan"), span)
    emit(span, iri(RDF + "type"), iri(NIF + "String"))
    emit(span, iri(NIF + "beginIndex"), f'"{start}"^^<{XSD}nonNegativeInteger>')
    emit(span, iri(NIF + "endIndex"), f'"{start + 120}"^^<{XSD}nonNegativeInteger>')
    emit(span, iri(NIF + "referenceContext"), doc)


# -- the run ---------------------------------------------------------------------------
def cases(info: dict) -> list[tuple[str, str, dict, str]]:
    """(label, shipped query name, bindings, kind) for each measured query."""
    from rdflib import Literal, URIRef

    hub = URIRef(info["hub"])
    s, p, o = (URIRef(x) for x in info["edge"])
    return [
        ("who-accused-whom", "who-accused-whom", {}, "join+aggregate"),
        ("who-accused-whom ?accuser", "who-accused-whom", {"accuser": hub}, "lookup"),
        ("aligned-with", "aligned-with", {}, "join+aggregate"),
        ("aligned-with ?state", "aligned-with", {"state": hub}, "lookup"),
        ("attacks-on ?target", "attacks-on", {"target": hub}, "lookup"),
        ("evidence ?s ?p ?o", "evidence", {"subject": s, "predicate": p, "object": o}, "lookup"),
        ("find-actor ?name", "find-actor", {"name": Literal(info["name"])}, "lookup"),
        ("actor-relations ?actor", "actor-relations", {"actor": hub}, "join+aggregate"),
        ("most-targeted", "most-targeted", {}, "join+aggregate"),
        ("edges-by-support", "edges-by-support", {}, "join+aggregate"),
        ("relations-over-time ?subject", "relations-over-time", {"subject": hub}, "join+aggregate"),
        ("relation-counts-by-month", "relation-counts-by-month", {}, "join+aggregate"),
    ]


def _in_child(fn, cap: float):
    """Run ``fn()`` in a forked process; its result, or None after ``cap`` seconds."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target():
        try:
            child.send(fn())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            child.send(exc)
        finally:
            os._exit(0)

    proc = ctx.Process(target=target)
    proc.start()
    ready = parent.poll(cap)
    value = parent.recv() if ready else None
    if not ready:
        proc.kill()
    proc.join()
    if isinstance(value, BaseException):
        raise value
    return value


def _timed(fn):
    start = time.perf_counter()
    n = fn()
    return time.perf_counter() - start, n


def _fmt(seconds) -> str:
    if seconds is None:
        return "-"
    if isinstance(seconds, str):
        return seconds
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--rdflib-cap", type=float, default=45.0, help="seconds per rdflib query")
    ap.add_argument("--disk-cap", type=float, default=60.0, help="seconds per on-disk query")
    ap.add_argument("--repeat", type=int, default=3, help="kg runs per query (best kept)")
    ap.add_argument("--workdir", help="keep the generated files here")
    args = ap.parse_args(argv)

    import rdflib

    from kg.query import PREFIXES, resolve_query
    from kg.store import Store

    work = Path(args.workdir or tempfile.mkdtemp(prefix="kg-query-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "graph.nt"
    t0 = time.perf_counter()
    info = generate(data, args.triples)
    print(f"generated {info['triples']:,} triple lines ({info['documents']:,} documents, "
          f"{info['entities']:,} actors) in {time.perf_counter() - t0:.1f} s -> {data}", flush=True)
    todo = cases(info)
    table: dict[str, dict] = {label: {"kind": kind} for label, _, _, kind in todo}

    # kg's engine: the in-memory Oxigraph store.
    load_kg, store = _timed(lambda: Store().load(data))
    print(f"kg (oxigraph, memory): {len(store):,} triples loaded in {load_kg:.2f} s", flush=True)
    for label, name, bindings, _ in todo:
        best = None
        for _ in range(args.repeat):
            seconds, n = _timed(lambda: len(store.query(resolve_query(name), bindings)))
            best = seconds if best is None else min(best, seconds)
        table[label].update(kg=best, rows=n)
        print(f"  {label:<30} {_fmt(best):>10}  {n} rows", flush=True)
    store.close()
    del store
    gc.collect()

    # kg's engine on disk (RocksDB): loaded once, opened read-only per query.
    db = work / "store"
    if db.exists():
        import shutil

        shutil.rmtree(db)

    def disk_load():
        with Store(db) as disk:
            disk.load(data)
            return len(disk)

    load_disk, _ = _timed(lambda: _in_child(disk_load, 1800))
    print(f"kg (oxigraph, disk): loaded in {load_disk:.2f} s", flush=True)
    for label, name, bindings, _ in todo:
        def run(name=name, bindings=bindings):
            with Store(db, read_only=True) as disk:
                return _timed(lambda: len(disk.query(resolve_query(name), bindings)))

        got = _in_child(run, args.disk_cap)
        table[label]["disk"] = got[0] if got else f">{args.disk_cap:g} s"
        print(f"  {label:<30} {_fmt(table[label]['disk']):>10}", flush=True)

    # rdflib's default in-memory store and SPARQL engine.
    graph = rdflib.Graph()
    load_rdflib, _ = _timed(lambda: graph.parse(data, format="nt"))
    print(f"rdflib (memory): {len(graph):,} triples loaded in {load_rdflib:.2f} s", flush=True)
    for label, name, bindings, _ in todo:
        def run(name=name, bindings=bindings):
            return _timed(lambda: len(list(graph.query(resolve_query(name), initNs=PREFIXES,
                                                       initBindings=bindings))))

        got = _in_child(run, args.rdflib_cap)
        if got is None:
            table[label]["rdflib"] = f">{args.rdflib_cap:g} s"
        else:
            table[label]["rdflib"] = got[0]
            if got[1] != table[label]["rows"]:
                table[label]["mismatch"] = got[1]
        print(f"  {label:<30} {_fmt(table[label]['rdflib']):>10}", flush=True)

    print()
    print(f"{'query':<30} {'kind':<15} {'rows':>6} {'kg memory':>11} {'kg disk':>11} {'rdflib':>11} {'rdflib/kg':>10}")
    print(f"{'load':<30} {'':<15} {'':>6} {_fmt(load_kg):>11} {_fmt(load_disk):>11} {_fmt(load_rdflib):>11} "
          f"{load_rdflib / load_kg:>9.0f}×")
    for label, row in table.items():
        rd = row["rdflib"]
        ratio = f"{rd / row['kg']:>9.0f}×" if isinstance(rd, float) else f">{args.rdflib_cap / row['kg']:>8.0f}×"
        note = f"  (rdflib: {row['mismatch']} rows)" if "mismatch" in row else ""
        print(f"{label:<30} {row['kind']:<15} {row['rows']:>6} {_fmt(row['kg']):>11} {_fmt(row['disk']):>11} "
              f"{_fmt(rd):>11} {ratio:>10}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
