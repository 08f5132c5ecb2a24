"""The ``kg`` commands that read graph files and write what people read: ``kg view`` (the
HTML page), ``kg export`` (other tools' formats), ``kg stats`` (analysis tables and plots),
``kg validate`` (SHACL verdicts) and ``kg eval`` (scores against gold sentences). :mod:`kg.cli`
calls them with the parsed arguments (:mod:`kg.cli_parser`); an error is raised as a
:class:`~kg.errors.KGError`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import KGError

__all__ = ["eval_command", "export_command", "stats_command", "validate_command", "view_command"]


def view_command(args) -> int:
    """``kg view``: the HTML page of graph files."""
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


def export_command(args) -> int:
    """``kg export``: graph files as GraphML, GEXF, GML, CSV, Neo4j CSV or JSON-LD."""
    from .rdf import load

    written = load(*args.graphs).export(args.output, args.format)
    print("kg: wrote " + ", ".join(str(p) for p in written))
    return 0


def stats_command(args) -> int:
    """``kg stats``: the analysis tables, their change between two windows, or an actor's plot."""
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


def eval_command(args) -> int:
    """``kg eval``: extraction scored against gold sentences."""
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


def validate_command(paths, fmt: str = "text") -> int:
    """``kg validate`` (and ``kg build --validate``): each file's SHACL verdict; 1 when one has violations."""
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
