"""Check RDF against kg's contract: the SHACL shapes and the ontology shipped in ``ontology/``.

:func:`validate` runs pySHACL with ``ontology/shapes.ttl`` and mixes the
ontology ``ontology/kg.ttl`` into (a copy of) the data graph, so class
targets and ``sh:class`` checks see the class hierarchy (a ``kgo:State`` is a
``kgo:Place``). It returns a :class:`ValidationReport` of plain Python values.
Shapes of severity ``sh:Warning`` are reported but do not make a graph
non-conforming.

One shape, ``kgsh:ReifiedTripleShape`` (every reified statement's triple is
also in the graph), is a SHACL-SPARQL constraint that pySHACL evaluates by
parsing its query once per focus node; :func:`validate` evaluates it natively
instead, on the same (inferred) graph and with the same results, so a graph
of thousands of statements validates in seconds.

Examples
--------
>>> from rdflib import Graph, Literal, RDF, RDFS
>>> from kg.vocab import KGO, KGR
>>> g = Graph()
>>> _ = g.add((KGR.iran, RDF.type, KGO.State)).add((KGR.iran, RDFS.label, Literal("Iran")))
>>> validate(g).conforms
True
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal as _Lit

import pyshacl
import rdflib
from rdflib.namespace import OWL, RDF, SH
from rdflib.term import URIRef

from .errors import GraphFileError
from .formats import rdf_syntax, syntax_of_path
from .validate_native import NATIVE_SHAPES, add_to_graph, add_to_text, unreified_statements
from .validate_results import Violation, severity_rank, short, sort_key, violations_of
from .vocab import KGR, ontology_file, ontology_graph

__all__ = [
    "Inference",
    "ValidationReport",
    "Violation",
    "shapes_graph",
    "validate",
    "validate_file",
]

#: Inference pySHACL may run on the data graph before validating.
Inference = _Lit["none", "rdfs", "owlrl", "both"]

_INFERENCE = frozenset({"none", "rdfs", "owlrl", "both"})


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph against kg's shapes.

    Attributes
    ----------
    conforms : bool
        True when no result has severity ``Violation``.
    violations : tuple of Violation
        Every result, warnings included, sorted by severity, message and node.
    text : str
        pySHACL's own text report.
    graph : rdflib.Graph or None
        The report as RDF (``sh:ValidationReport``, one ``sh:result`` per result, the
        results kg computes natively included); see :mod:`kg.validate_report`.
    """

    conforms: bool
    violations: tuple[Violation, ...]
    text: str
    graph: rdflib.Graph | None = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        return self.conforms

    def summary(self) -> str:
        """Return a short report a person can read: one line per result, grouped by message.

        Returns
        -------
        str
            A first line with the verdict and counts, then for each distinct
            message a header line and one indented line per result
            (``focus node  path  value``). Nodes are shortened with the
            ``kgr:``, ``kgo:`` and other usual prefixes.

        Examples
        --------
        >>> from rdflib import Graph, Literal, RDF, RDFS
        >>> from kg.vocab import KGO, KGR
        >>> g = Graph()
        >>> _ = g.add((KGR.iran, RDF.type, KGO.State))
        >>> print(validate(g).summary())
        Does not conform: 1 violation.
        Violation: An entity must have exactly one rdfs:label, its canonical name. (1)
          kgr:iran  rdfs:label
        """
        counts: dict[str, int] = defaultdict(int)
        groups: dict[tuple[str, str], list[Violation]] = defaultdict(list)
        for v in self.violations:
            counts[v.severity] += 1
            groups[(v.severity, v.message)].append(v)
        tally = ", ".join(
            f"{counts[s]} {s.lower()}{'' if counts[s] == 1 else 's'}"
            for s in sorted(counts, key=severity_rank)
        )
        verdict = "Conforms" if self.conforms else "Does not conform"
        lines = [f"{verdict}: {tally or 'no violations'}."]
        for (severity, message), items in groups.items():
            lines.append(f"{severity}: {message} ({len(items)})")
            for v in items:
                parts = [short(v.focus_node)]
                if v.path:
                    parts.append(v.path)
                if v.value is not None and v.value != v.focus_node:
                    parts.append(f"= {short(v.value)}")
                lines.append("  " + "  ".join(parts))
        return "\n".join(lines)


@functools.cache
def shapes_graph() -> rdflib.Graph:
    """Return kg's SHACL shapes (``ontology/shapes.ttl``), parsed once and cached.

    Returns
    -------
    rdflib.Graph
        The shapes; treat as read-only.

    Examples
    --------
    >>> from rdflib.namespace import SH
    >>> (None, SH.targetClass, RDF.Statement) in shapes_graph()
    True
    """
    graph = rdflib.Graph()
    with ontology_file("shapes.ttl").open("rb") as handle:
        graph.parse(handle, format="turtle")
    return graph


def validate(data: rdflib.Graph, *, inference: Inference = "none") -> ValidationReport:
    """Validate an RDF graph against kg's SHACL shapes and ontology.

    Parameters
    ----------
    data : rdflib.Graph
        The graph to check; it is not modified. A :class:`rdflib.Dataset`
        is validated as the union of its graphs.
    inference : {"none", "rdfs", "owlrl", "both"}
        Inference pySHACL runs on a copy of the data (mixed with the
        ontology) before validating. ``"none"`` checks exactly what kg
        wrote; the ontology's class hierarchy is used either way. With
        ``"owlrl"`` or ``"both"``, ``owl:sameAs`` links to IRIs outside
        ``kgr:`` (Wikidata) are left out of the copy, since OWL RL would
        copy every statement about an entity onto its Wikidata IRI.

    Returns
    -------
    ValidationReport
        ``conforms`` and every result (violations and warnings).

    Raises
    ------
    ValueError
        If ``inference`` is not one of the four names.

    See Also
    --------
    validate_file : parse a file of any RDF syntax and validate it.

    Examples
    --------
    >>> from rdflib import Graph, Literal, RDF, RDFS
    >>> from kg.vocab import KGO, KGR
    >>> g = Graph()
    >>> _ = g.add((KGR.hamas, RDF.type, KGO.ArmedGroup))
    >>> _ = g.add((KGR.hamas, RDFS.label, Literal("Hamas")))
    >>> _ = g.add((KGR.hamas, RDFS.label, Literal("Harakat al-Muqawama")))
    >>> report = validate(g)
    >>> report.conforms
    False
    >>> [(v.path, v.component) for v in report.violations]
    [('rdfs:label', 'MaxCountConstraintComponent')]
    """
    if inference not in _INFERENCE:
        raise ValueError(f"inference must be one of {sorted(_INFERENCE)}, not {inference!r}")
    work = _union(data)  # a private copy: pySHACL mixes the ontology and inferences into it
    if inference in ("owlrl", "both"):
        _drop_external_identity_links(work)
    shapes = shapes_graph()
    conforms, results, text = pyshacl.validate(
        work,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference=inference,
        allow_warnings=True,
        abort_on_first=False,
        advanced=False,
        inplace=True,
        use_shapes=list(_pyshacl_shapes()),
    )
    native = list(unreified_statements(work, shapes))
    violations = tuple(sorted([*violations_of(results), *native], key=sort_key))
    if native:
        conforms = False
        text = add_to_text(str(text), native, len(violations))
        add_to_graph(results, native)
    return ValidationReport(conforms=bool(conforms), violations=violations, text=str(text), graph=results)


def validate_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    inference: Inference = "none",
) -> ValidationReport:
    """Parse an RDF file of any syntax and validate it.

    Parameters
    ----------
    path : str or os.PathLike
        The file. Its syntax is guessed from the extension (``.ttl``,
        ``.nt``, ``.jsonld``, ``.trig``, ``.nq``...) unless ``format`` is given.
        Quad syntaxes (TriG, N-Quads, JSON-LD, TriX) are read as a dataset
        and validated as the union of their graphs.
    format : str, optional
        An rdflib parser name, overriding the guess.
    inference : {"none", "rdfs", "owlrl", "both"}
        As for :func:`validate`.

    Returns
    -------
    ValidationReport

    Raises
    ------
    kg.errors.GraphFileError
        If the file cannot be read or parsed, or its syntax cannot be guessed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = tmp.write_text('<https://w3id.org/newskg/id/x> a <https://w3id.org/newskg/ontology#Person> .')
    >>> print(validate_file(tmp).summary().splitlines()[0])
    Does not conform: 1 violation.
    """
    name = os.fspath(path)
    syntax = rdf_syntax(format) if format else syntax_of_path(name)
    fmt = syntax.rdflib if syntax is not None else format
    if fmt is None:
        raise GraphFileError(f"{name}: cannot tell the RDF syntax from the file name; give format=")
    if syntax is not None and syntax.ox is not None:
        _strict_parse(name, fmt, syntax.ox)
    try:
        dataset = rdflib.Dataset(default_union=True)  # named graphs kept, validated as their union
        dataset.parse(name, format=fmt)
        graph = _union(dataset)
    except Exception as exc:  # OSError, or whatever exception type the rdflib parser raises
        raise GraphFileError(f"{name}: cannot be parsed as {fmt}: {exc}") from exc
    return validate(graph, inference=inference)


# --- helpers -----------------------------------------------------------------

def _strict_parse(name: str, fmt: str, ox_format) -> None:
    """Refuse a file pyoxigraph cannot read (an IRI that is none, "http://[::1/x"), which
    rdflib accepts but ``kg query`` and ``kg serve`` could not load."""
    import pyoxigraph as ox

    try:
        with open(name, "rb") as fh:
            for _ in ox.parse(fh, format=ox_format):
                pass
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"{name}: not valid {fmt} for a strict RDF parser (pyoxigraph): {exc}") from exc
    except OSError as exc:
        raise GraphFileError(f"{name}: {exc.strerror or exc}") from exc


#: Shapes kg evaluates natively rather than through pySHACL.


def _union(data: rdflib.Graph) -> rdflib.Graph:
    """Copy a graph, or the union of a dataset's graphs, into a new plain graph."""
    graph = rdflib.Graph()
    for prefix, ns in data.namespaces():
        graph.bind(prefix, ns, override=False)
    if isinstance(data, rdflib.Dataset | rdflib.ConjunctiveGraph):
        triples = ((s, p, o, graph) for s, p, o, *_ in data.quads((None, None, None, None)))
    else:
        triples = ((s, p, o, graph) for s, p, o in data)
    graph.addN(triples)
    return graph


def _drop_external_identity_links(graph: rdflib.Graph) -> None:
    """Remove ``owl:sameAs`` links to IRIs outside ``kgr:`` before OWL RL inference.

    Under OWL RL, ``kgr:iran owl:sameAs wd:Q794`` copies every triple about
    Iran onto the Wikidata IRI, so the copy would fail the shapes (an entity
    outside ``kgr:``, a statement with two ``rdf:object``) although nothing
    kg wrote is wrong.
    """
    base = str(KGR)
    links = [
        (s, p, o)
        for s, p, o in graph.triples((None, OWL.sameAs, None))
        if isinstance(o, URIRef) and not str(o).startswith(base)
    ]
    for triple in links:
        graph.remove(triple)


@functools.cache
def _pyshacl_shapes() -> tuple[URIRef, ...]:
    """The named shapes pySHACL runs: all of them except the native ones."""
    shapes = shapes_graph()
    named = {
        s
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    return tuple(sorted(named - NATIVE_SHAPES))


