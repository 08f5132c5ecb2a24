"""The SHACL validation report as RDF, for ``kg validate --format turtle|json-ld``.

:func:`kg.validate.validate` keeps pySHACL's report graph (``sh:ValidationReport`` with an
``sh:result`` per result, plus the results kg computes natively) on the
:class:`~kg.validate.ValidationReport`. :func:`report_graph` gathers the reports of several
files into one graph, each report naming its file with ``dcterms:source``, and relabels the
blank nodes canonically, so the same graphs always give the same bytes.
:func:`format_reports` writes them as text (the summary a person reads), Turtle or JSON-LD.

Examples
--------
>>> from rdflib import Graph, RDF
>>> from kg.validate import validate
>>> from kg.vocab import KGO, KGR
>>> g = Graph()
>>> _ = g.add((KGR.iran, RDF.type, KGO.State))
>>> text = format_reports([("g.ttl", validate(g))], "turtle")
>>> report = Graph().parse(data=text, format="turtle")
>>> [str(c) for c in report.objects(None, SH.conforms)], len(list(report.subjects(RDF.type, SH.ValidationResult)))
(['false'], 1)
>>> text == format_reports([("g.ttl", validate(g))], "turtle")
True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, RDF, SH

if TYPE_CHECKING:
    from .validate import ValidationReport

__all__ = ["FORMATS", "format_reports", "report_graph"]

#: ``kg validate --format`` choices: ``text`` for people, the others the report graph.
FORMATS = ("text", "turtle", "json-ld")


def report_graph(reports: Sequence[tuple[str, ValidationReport]]) -> rdflib.Graph:
    """One graph of the reports of several files (``(name, report)`` pairs), each
    ``sh:ValidationReport`` with ``dcterms:source`` its file's name, blank nodes relabelled
    canonically."""
    out = rdflib.Graph()
    for name, report in reports:
        g = report.graph
        if g is None:
            continue
        for node in g.subjects(RDF.type, SH.ValidationReport):
            out.add((node, DCTERMS.source, rdflib.Literal(name)))
        for triple in g:
            out.add(triple)
    canonical = rdflib.Graph()
    for triple in to_canonical_graph(out):
        canonical.add(triple)
    canonical.bind("sh", SH)
    canonical.bind("dcterms", DCTERMS)
    from .validate_results import namespaces

    for prefix, ns in namespaces().namespaces():
        if prefix in ("kgo", "kgr", "rdfs", "skos", "prov", "owl", "xsd"):
            canonical.bind(prefix, ns)
    return canonical


def format_reports(reports: Sequence[tuple[str, ValidationReport]], fmt: str = "text") -> str:
    """The reports as text (verdict and summary per file), Turtle or JSON-LD."""
    if fmt == "text":
        lines = []
        for name, report in reports:
            lines.append(f"{name}: " + ("conforms" if report.conforms else "does not conform"))
            if report.violations:  # warnings too: a graph that conforms may still have some
                lines.append(report.summary())
        return "\n".join(lines) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} ({', '.join(FORMATS)})")
    graph = report_graph(reports)
    if fmt == "json-ld":
        context = {p: str(ns) for p, ns in graph.namespaces() if p in ("sh", "dcterms", "kgo", "kgr", "rdfs")}
        data = json.loads(graph.serialize(format="json-ld", context=context))
        return json.dumps(_sorted(data), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return graph.serialize(format="turtle")


def _sorted(value: Any) -> Any:
    """JSON-LD with every array in one order (rdflib writes nodes and values in set order),
    but an ``@list``, whose order is its meaning."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
