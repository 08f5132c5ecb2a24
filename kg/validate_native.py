"""The shape kg evaluates itself instead of pySHACL: ``kgsh:ReifiedTripleShape`` (every
statement a document reports, neither negated nor alleged, has its triple in the graph).

pySHACL evaluates this SHACL-SPARQL constraint by parsing its query once per focus node;
:func:`unreified_statements` gives the same results directly, and :func:`add_to_text` and
:func:`add_to_graph` add them to pySHACL's text and graph reports as pySHACL would have.

Examples
--------
>>> import kg
>>> from kg.validate import shapes_graph
>>> rdf = kg.build(["Iran condemned Israel."]).to_rdf()
>>> list(unreified_statements(rdf, shapes_graph()))
[]
>>> _ = rdf.remove((kg.vocab.KGR.iran, kg.vocab.KGO.condemned, None))
>>> [v.component for v in unreified_statements(rdf, shapes_graph())]
['SPARQLConstraintComponent']
"""

from __future__ import annotations

from collections.abc import Iterator

import rdflib
from rdflib.namespace import PROV, RDF, SH, Namespace
from rdflib.term import BNode, Literal

from .validate_results import Violation, message, short
from .vocab import KGO

__all__ = ["NATIVE_SHAPES", "add_to_graph", "add_to_text", "unreified_statements"]

TRUE = Literal(True)
_KGSH = Namespace("https://w3id.org/newskg/shapes#")
#: The shapes kg evaluates itself (pySHACL is told to skip them).
NATIVE_SHAPES = frozenset({_KGSH.ReifiedTripleShape})


def unreified_statements(graph: rdflib.Graph, shapes: rdflib.Graph) -> Iterator[Violation]:
    """Evaluate ``kgsh:ReifiedTripleShape`` natively.

    For every ``kgo:Document`` D and statement S (neither negated nor alleged) with
    ``S prov:wasDerivedFrom D`` whose ``rdf:subject``/``rdf:predicate``/``rdf:object`` triple is not in the
    graph, yield a result with focus node D and value S, as the SPARQL query
    in ``shapes.ttl`` would.
    """
    shape = _KGSH.ReifiedTripleShape
    constraint = shapes.value(shape, SH.sparql)
    text = message(shapes, constraint, SH.message)
    documents = set(graph.subjects(RDF.type, KGO.Document))
    for statement, document in graph.subject_objects(PROV.wasDerivedFrom):
        if document not in documents or (statement, KGO.negated, TRUE) in graph \
                or (statement, KGO.alleged, TRUE) in graph:
            continue
        for s in graph.objects(statement, RDF.subject):
            for p in graph.objects(statement, RDF.predicate):
                for o in graph.objects(statement, RDF.object):
                    if (s, p, o) not in graph:
                        yield Violation(
                            focus_node=document,
                            path=None,
                            message=text,
                            severity="Violation",
                            value=statement,
                            component="SPARQLConstraintComponent",
                        )


def add_to_text(text: str, native: list[Violation], total: int) -> str:
    """Add native results to pySHACL's text report, in its format."""
    lines = text.rstrip("\n").split("\n")[2:]  # drop "Validation Report", "Conforms: ..."
    if lines and lines[0].startswith("Results ("):
        lines = lines[1:]
    head = ["Validation Report", "Conforms: False", f"Results ({total}):"]
    for v in native:
        lines += [
            "Constraint Violation in SPARQLConstraintComponent "
            "(http://www.w3.org/ns/shacl#SPARQLConstraintComponent):",
            "\tSeverity: sh:Violation",
            "\tSource Shape: kgsh:ReifiedTripleShape",
            f"\tFocus Node: {short(v.focus_node)}",
            f"\tValue Node: {short(v.value)}",
            f"\tMessage: {v.message}",
        ]
    return "\n".join(head + lines) + "\n"


def add_to_graph(results: rdflib.Graph, native: list[Violation]) -> None:
    """Add the natively computed results to pySHACL's report graph, as it would have."""
    report = results.value(predicate=RDF.type, object=SH.ValidationReport)
    if report is None:
        report = BNode()
        results.add((report, RDF.type, SH.ValidationReport))
    results.set((report, SH.conforms, Literal(False)))
    for v in native:
        node = BNode()
        results.add((report, SH.result, node))
        results.add((node, RDF.type, SH.ValidationResult))
        results.add((node, SH.focusNode, v.focus_node))
        if v.value is not None:
            results.add((node, SH.value, v.value))
        results.add((node, SH.resultMessage, Literal(v.message)))
        results.add((node, SH.resultSeverity, SH.Violation))
        results.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        results.add((node, SH.sourceShape, _KGSH.ReifiedTripleShape))
