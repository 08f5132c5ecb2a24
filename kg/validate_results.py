"""pySHACL's results in plain values: each ``sh:ValidationResult`` of a report graph as a
:class:`Violation` (focus node, path in SPARQL syntax, message, severity), and the nodes
shortened with kg's prefixes, for :mod:`kg.validate`.

Examples
--------
>>> from rdflib import Graph
>>> from kg.vocab import KGO, KGR
>>> short(KGR.iran), short(KGO.targeted)
('kgr:iran', 'kgo:targeted')
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import rdflib
from rdflib import namespace as _rdfns
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, Namespace, NamespaceManager
from rdflib.term import BNode, Literal, Node, URIRef

from .vocab import KGO, KGR, PLOVER

__all__ = ["Violation", "message", "namespaces", "severity_rank", "short", "sort_key", "violations_of"]

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
_GEO = Namespace("http://www.opengis.net/ont/geosparql#")


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL validation result, in plain values.

    Attributes
    ----------
    focus_node : rdflib.term.Node
        The resource that failed a shape (an entity, statement, event, document).
    path : str or None
        The property path that was checked, in SPARQL syntax with prefixes
        (``"kgo:evidence"``, ``"^kgo:claimedResponsibilityFor"``), or ``None``
        for a constraint on the node itself.
    message : str
        What is wrong, for a person.
    severity : str
        ``"Violation"``, ``"Warning"`` or ``"Info"``.
    value : rdflib.term.Node or None
        The offending value, when the constraint names one.
    component : str
        The SHACL constraint component, e.g. ``"MinCountConstraintComponent"``.
    """

    focus_node: Node
    path: str | None
    message: str
    severity: str
    value: Node | None = None
    component: str = ""



def violations_of(results: rdflib.Graph) -> Iterator[Violation]:
    """Every ``sh:ValidationResult`` of pySHACL's report graph, as a :class:`Violation`."""
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        focus = results.value(result, SH.focusNode)
        assert focus is not None  # SHACL: every validation result has a focus node
        yield Violation(
            focus_node=focus,
            path=None if path is None else path_text(results, path),
            message=message(results, result),
            severity=_local(severity) if severity is not None else "Violation",
            value=results.value(result, SH.value),
            component=_local(component) if component is not None else "",
        )


def message(graph: rdflib.Graph, node: Node | None, prop: URIRef = SH.resultMessage) -> str:
    """The English (or untagged) message of a result or shape."""
    if node is None:
        return "Constraint not satisfied."
    messages = sorted(graph.objects(node, prop), key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    return str(messages[0]) if messages else "Constraint not satisfied."


def path_text(g: rdflib.Graph, path: Node) -> str:
    """Render a SHACL property path in SPARQL property-path syntax."""
    if isinstance(path, URIRef):
        return short(path)
    if (inverse := g.value(path, SH.inversePath)) is not None:
        return "^" + path_text(g, inverse)
    for prop, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        if (inner := g.value(path, prop)) is not None:
            return f"({path_text(g, inner)}){mark}"
    if (alternatives := g.value(path, SH.alternativePath)) is not None:
        return "(" + "|".join(path_text(g, p) for p in Collection(g, alternatives)) + ")"
    if isinstance(path, BNode) and g.value(path, RDF.first) is not None:
        return "/".join(path_text(g, p) for p in Collection(g, path))
    return str(path)


def _local(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@functools.cache
def namespaces() -> NamespaceManager:
    """kg's prefixes, for writing nodes short."""
    nm = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
    for prefix, ns in (
        ("kgo", KGO._NS),
        ("kgr", KGR),
        ("plover", PLOVER._NS),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("owl", OWL),
        ("xsd", _rdfns.XSD),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("geo", _GEO),
        ("nif", _NIF),
    ):
        nm.bind(prefix, ns)
    return nm


def short(node: Node | None) -> str:
    """A node as written with kg's prefixes (``kgr:iran``); a literal in Turtle."""
    if isinstance(node, URIRef):
        try:
            return node.n3(namespaces())
        except Exception:  # an IRI that cannot be written as a prefixed name
            return node.n3()
    if isinstance(node, Literal):
        return node.n3(namespaces())
    return str(node) if node is not None else ""


def severity_rank(severity: str) -> int:
    """Violations first, then warnings, then information."""
    return _SEVERITY_ORDER.get(severity, 3)


def sort_key(v: Violation) -> tuple:
    """The order results are listed in: severity, message, node, path, value."""
    return (
        severity_rank(v.severity),
        v.message,
        str(v.focus_node),
        v.path or "",
        "" if v.value is None else str(v.value),
        v.component,
    )
