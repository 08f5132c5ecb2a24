"""``kg build``: read the inputs, build the graph, write the output set, report every problem.

The output set (``graph.ttl``, the extra syntaxes, ``graph.json``, ``graph.html``,
``errors.jsonl`` and ``kg-manifest.json``) is written whole or not at all
(:mod:`kg.outdir`). ``errors.jsonl`` lists every input that was skipped or repaired, one
JSON object a line with ``id``, ``file``, ``line``, ``reason`` and ``action``
(``"skipped"`` or ``"repaired"``), sorted, so the same inputs give the same bytes.

Exit status: 0 when at least one document was processed and the set written; 1 when
nothing could be read, or with ``--strict`` when any input was skipped (nothing is
written then). Environment errors are raised as :class:`~kg.errors.OutputError`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .decode import repair_surrogates
from .errors import InputError, OutputError

__all__ = ["build_command", "errors_jsonl"]

ERRORS = "errors.jsonl"


def _sort_key(record: dict) -> tuple:
    """Records in file, line, id, action and reason order (a whole file before its lines)."""
    return (record["file"] or "", -1 if record["line"] is None else record["line"], record["id"] or "",
            record["action"], record["reason"])


def errors_jsonl(problems: list[InputError], origins: dict[str, tuple[str, int | None]]) -> str:
    """The text of ``errors.jsonl``: one record a problem, where a document's file and line
    are filled in from ``origins`` (document id to file and line) when the problem lacks
    them, sorted by file, line, id, action and reason.

    >>> from kg.errors import ExtractionError
    >>> print(errors_jsonl([ExtractionError("a", "extraction failed")], {"a": ("in.jsonl", 2)}), end="")
    {"id": "a", "file": "in.jsonl", "line": 2, "reason": "extraction failed", "action": "skipped"}
    """
    records = []
    for problem in problems:
        record = problem.record()
        if record["file"] is None and record["id"] in origins:
            record["file"], record["line"] = origins[record["id"]]
        records.append({k: repair_surrogates(v) if isinstance(v, str) else v for k, v in record.items()})
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(records, key=_sort_key))


def _read(args, problems: list[InputError], origins: dict, progress):
    """The graph of every input, parsed in ``args.jobs`` processes (:mod:`kg.parallel`) or on
    the Dask cluster of ``args.dask`` (:mod:`kg.cluster`);
    skips and repairs appended to ``problems`` (and told on stderr, above the progress bar),
    each document's file and line put in ``origins``."""
    from .graph import KnowledgeGraph
    from .parallel import process_jobs
    from .read import iter_located

    def report(exc: InputError) -> None:
        problems.append(exc)
        progress.write(f"kg: {exc.action} {exc}")
        if exc.action == "skipped":
            progress.advance(None)

    def documents():
        for doc, file, line in iter_located(args.inputs, date=args.date, on_error=report, on_repair=report):
            origins[doc.id] = (file, line)
            yield doc

    graph = KnowledgeGraph(model=args.model)
    jobs, dask = getattr(args, "jobs", 1), getattr(args, "dask", None)
    if dask:
        from .cluster import process_dask

        results = process_dask(documents(), address=dask, model=args.model, on_error=report,
                               workers=jobs if jobs > 1 else None)
    else:
        results = process_jobs(documents(), jobs=jobs, model=args.model, on_error=report)
    for result in results:
        graph.add_result(result)
        progress.advance(result.document)
    return graph


def _write(graph, files, formats: list[str], report: str, title: str | None = None,
           shard_size: int | None = None) -> list[Path]:
    """Write the set's files into the staging directory; the final paths, in order. ``title``
    names the HTML view (default: its documents and date span); ``shard_size`` adds sharded
    N-Quads (:mod:`kg.shards`)."""
    from .files import atomic_write
    from .formats import rdf_syntax
    from .view import render_html

    steps = []
    for fmt in ["turtle", *formats]:
        steps.append((f"graph.{rdf_syntax(fmt).suffix}", lambda p, f=fmt: graph.serialize(p, format=f)))
    if shard_size:
        from .shards import shards

        for name, text in shards(graph.serialize(format="nquads"), shard_size):
            steps.append((name, lambda p, t=text: atomic_write(p, t)))
    nxg = graph.to_networkx()
    steps += [("graph.json", lambda p: _write_json(p, nxg)),
              ("graph.html", lambda p: render_html(nxg, p, title=title)),
              (ERRORS, lambda p: atomic_write(p, report))]
    for name, write in steps:
        try:
            write(files.path(name))
        except OSError as exc:
            raise OutputError(f"cannot write {files.final(name)} ({exc.strerror or exc}); "
                              f"the output in {files.outdir} is unchanged") from None
    return [files.final(name) for name, _ in steps]


def _write_json(path: Path, nxg) -> None:
    """The networkx graph as node-link JSON, keys sorted."""
    import networkx as nx

    from .files import atomic_write

    data = nx.node_link_data(nxg, edges="links")
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def _summary(kg_graph, written: list[Path], problems: list[InputError], listed: Path) -> str:
    """What was read, found and written, for stdout."""
    s = kg_graph.summary()
    skipped = sum(p.action == "skipped" for p in problems)
    lines = [f"kg: {len(kg_graph)} document(s) read, {skipped} skipped, {len(problems) - skipped} repaired"
             + (f" (listed in {listed})" if problems else "")]
    for title, key in (("entities", "entities"), ("relations", "relations"), ("alleged", "allegations"),
                       ("events", "events")):
        counts = s[key]
        total = sum(counts.values())
        detail = ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"  {title:<10} {total:>4}" + (f"  ({detail})" if detail else ""))
    lines.append("  written:   " + ", ".join(str(p) for p in written))
    return "\n".join(lines)


def _write_summary_json(target: str, record: dict) -> None:
    """The run summary as JSON, to a file or (``-``) standard output."""
    from .files import atomic_write

    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    if target == "-":
        sys.stdout.write(text)
    else:
        atomic_write(target, text)


def _merge_store(path: str, graph):
    """Merge the graph's documents into the on-disk store at ``path`` (:mod:`kg.merge`)."""
    from .merge import merge_graph
    from .store import Store

    with Store(path) as store:
        return merge_graph(store, graph)


def build_command(args) -> int:
    """Run ``kg build`` with parsed arguments; returns the exit status."""
    from .outdir import OutputSet
    from .progress import Progress, summary_record
    from .read import count_documents

    problems: list[InputError] = []
    origins: dict[str, tuple[str, int | None]] = {}
    quiet, summary_json, jobs = getattr(args, "quiet", False), getattr(args, "summary_json", None), getattr(args, "jobs", 1)
    progress = Progress(enabled=not quiet, count=lambda: count_documents(args.inputs))

    def summary(graph, written: list, merged=None) -> None:
        if summary_json:
            record = summary_record(graph, progress=progress, errors=problems, written=written, jobs=jobs)
            if merged is not None:  # what the store did with each document
                record["store"] = {"path": str(args.store), "added": list(merged.added),
                                   "replaced": list(merged.replaced), "unchanged": list(merged.unchanged)}
            _write_summary_json(summary_json, record)

    with OutputSet(args.output) as files:  # -o a file, no permission, another build: fails here, at once
        with progress:
            graph = _read(args, problems, origins, progress)
        skipped = [p for p in problems if p.action == "skipped"]
        if len(graph) == 0:
            print("kg: nothing could be read; no graph written", file=sys.stderr)
            summary(graph, [])
            return 1
        if args.strict and skipped:
            print(f"kg: --strict: {len(skipped)} input(s) skipped; nothing written", file=sys.stderr)
            return 1
        written = _write(graph, files, args.format, errors_jsonl(problems, origins), getattr(args, "title", None),
                         getattr(args, "shard_size", None))
        files.commit()
    merged = _merge_store(args.store, graph) if args.store else None
    if merged is not None:
        written.append(Path(args.store))
    if not quiet and summary_json != "-":
        print(_summary(graph, written, problems, files.final(ERRORS)))
        if merged is not None:
            print(f"  store:     {args.store}: {merged.line()}")
    summary(graph, written, merged)
    if args.validate:
        from .cli_reports import validate_command

        return validate_command([files.final("graph.ttl")])
    return 0
