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
from Python and tested without a subprocess. The arguments are parsed by :mod:`kg.cli_parser`;
the commands run in :mod:`kg.building` (``build``), :mod:`kg.merge` (``remove``),
:mod:`kg.cli_sparql` (``query``, ``serve``) and :mod:`kg.cli_reports` (``view``, ``export``,
``stats``, ``validate``, ``eval``); :func:`main` turns their errors into exit statuses.

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

import logging
import os
import sys
from collections.abc import Sequence

from .cli_parser import parser
from .cli_reports import eval_command, export_command, stats_command, validate_command, view_command
from .cli_sparql import query_command, serve_command
from .errors import KGError, OutputBusyError, OutputError

__all__ = ["main"]

log = logging.getLogger("kg")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kg`` command; returns the exit status."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="kg: %(levelname)s %(message)s")
    try:
        if args.command == "build":
            from .building import build_command

            return build_command(args)
        if args.command == "query":
            return query_command(args)
        if args.command == "serve":
            return serve_command(args)
        if args.command == "view":
            return view_command(args)
        if args.command == "export":
            return export_command(args)
        if args.command == "stats":
            return stats_command(args)
        if args.command == "validate":
            return validate_command(args.graphs, args.format)
        if args.command == "remove":
            from .merge import remove_command

            return remove_command(args)
        if args.command == "eval":
            return eval_command(args)
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
