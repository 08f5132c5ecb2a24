"""Generate the human documentation of the kg ontology from ``ontology/kg.ttl``.

``docs/ontology.md`` is this module's output, committed so it can be read on
a forge; a test checks it is up to date. Regenerate it with::

    python -m kg.ontology_docs > docs/ontology.md

Examples
--------
>>> page = render_markdown()
>>> page.splitlines()[0]
'# kg news ontology'
>>> "| `kgo:accused` |" in page
True
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, Namespace, NamespaceManager
from rdflib.term import BNode, Node, URIRef

from .vocab import EVENT_FACT_PROPERTIES, EVENT_ROLE_PROPERTIES, KGO, ONTOLOGY_IRI, PLOVER, RELATION_PROPERTIES, ontology_graph

__all__ = ["main", "render_markdown"]

_PREFIXES = (
    ("kgo", str(KGO._NS)),
    ("plover", str(PLOVER._NS)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("owl", str(OWL)),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", str(SKOS)),
    ("prov", str(PROV)),
    ("dcterms", str(DCTERMS)),
    ("schema", "https://schema.org/"),
    ("geo", "http://www.opengis.net/ont/geosparql#"),
    ("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"),
)
_SCHEME = URIRef("https://w3id.org/newskg/plover")
_VANN = Namespace("http://purl.org/vocab/vann/")


def render_markdown(graph: rdflib.Graph | None = None) -> str:
    """Render the ontology as a Markdown page.

    Parameters
    ----------
    graph : rdflib.Graph, optional
        The ontology; by default kg's own (:func:`kg.vocab.ontology_graph`).

    Returns
    -------
    str
        The page: title and metadata, the class tree with definitions and
        alignments, a table of relation properties (label, definition,
        domain, range, super-property, symmetry, inverse, PLOVER class, CAMEO
        code), tables of event-role, provenance and annotation properties,
        disjointness axioms and the PLOVER concepts. The same ontology
        always gives the same bytes.

    Examples
    --------
    >>> page = render_markdown()
    >>> row = next(line for line in page.splitlines() if line.startswith("| `kgo:blamed`"))
    >>> "`kgo:accused`" in row and "ACCUSE" in row and "112" in row
    True
    """
    g = graph if graph is not None else ontology_graph()
    doc = _Doc(g)
    return "\n".join(doc.lines()) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the Markdown page to standard output (``python -m kg.ontology_docs``)."""
    sys.stdout.write(render_markdown())
    return 0


class _Doc:
    """Render one ontology graph; every list is sorted so output is deterministic."""

    def __init__(self, g: rdflib.Graph) -> None:
        self.g = g
        self.nm = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
        for prefix, ns in _PREFIXES:
            self.nm.bind(prefix, ns)
        self.ns = str(KGO._NS)
        self.ontology = next(iter(sorted(g.subjects(RDF.type, OWL.Ontology), key=str)), ONTOLOGY_IRI)

    # -- the page ---------------------------------------------------------------

    def lines(self) -> Iterator[str]:
        yield from self.header()
        yield from self.classes()
        yield from self.relations()
        yield from self.property_table(
            "Event roles",
            "Properties of a `kgo:Event` node. Roles with entity values point to `kgr:` entities; "
            "`kgo:instrument` and `kgo:outcome` hold the text's own words; `kgo:killed` and "
            "`kgo:wounded` its toll as numbers; `kgo:unclaimed` that no one claimed it.",
            [KGO[n] for n in sorted(EVENT_ROLE_PROPERTIES | EVENT_FACT_PROPERTIES)],
        )
        yield from self.property_table(
            "Provenance",
            "Properties of reified `rdf:Statement`s (and of events): how sure, from which sentence, "
            "by which rule, according to whom, and where in the text. Each statement also has "
            "`prov:wasDerivedFrom` its `kgo:Document`.",
            self.provenance_properties(),
        )
        yield from self.annotations()
        yield from self.disjointness()
        yield from self.plover()

    def header(self) -> Iterator[str]:
        g, o = self.g, self.ontology
        yield f"# {self.text(o, DCTERMS.title) or 'Ontology'}"
        yield ""
        yield "<!-- Generated from ontology/kg.ttl by `python -m kg.ontology_docs`; do not edit by hand. -->"
        yield ""
        if description := self.text(o, DCTERMS.description):
            yield description
            yield ""
        rows = [
            ("Ontology IRI", f"`{o}`"),
            ("Version IRI", self.join(f"`{v}`" for v in g.objects(o, OWL.versionIRI))),
            ("Version", self.text(o, OWL.versionInfo)),
            ("Namespace", f"`kgo:` = `{self.text(o, _VANN.preferredNamespaceUri) or self.ns}`"),
            ("Created", self.text(o, DCTERMS.created)),
            ("Creator", self.join(self.cell(c) for c in g.objects(o, DCTERMS.creator))),
            ("License", self.join(f"<{v}>" for v in g.objects(o, DCTERMS.license))),
            ("References", self.join(f"<{v}>" for v in g.objects(o, DCTERMS.references))),
        ]
        yield "| | |"
        yield "| --- | --- |"
        for key, value in rows:
            if value:
                yield f"| {key} | {value} |"
        yield ""

    def classes(self) -> Iterator[str]:
        classes = self.terms(OWL.Class)
        parents = {c: sorted((p for p in self.g.objects(c, RDFS.subClassOf) if self.is_kgo(p)), key=str)
                   for c in classes}
        children: dict[Node, list[Node]] = {c: [] for c in classes}
        for c, ps in parents.items():
            for p in ps:
                children.setdefault(p, []).append(c)
        yield "## Classes"
        yield ""
        yield (
            "Indented classes are subclasses (`rdfs:subClassOf`) of the class above them. "
            "A class with two parents is described under the first and referred to under the other. "
            "*Aligned with* lists the external classes each class is a subclass of."
        )
        yield ""
        roots = sorted((c for c in classes if not parents[c]), key=self.class_order)
        for root in roots:
            yield from self.class_tree(root, children, parents, 0)
        yield ""

    def class_tree(self, c: Node, children, parents, depth: int) -> Iterator[str]:
        pad = "  " * depth
        parts = [f"{pad}- **`{self.short(c)}`** ({self.text(c, RDFS.label)}): {self.definition(c)}"]
        aligned = sorted(self.short(p) for p in self.g.objects(c, RDFS.subClassOf) if not self.is_kgo(p))
        aligned += sorted(f"≡ {self.short(p)}" for p in self.g.objects(c, OWL.equivalentClass))
        if aligned:
            parts.append(f"*Aligned with* {', '.join(f'`{a}`' for a in aligned)}.")
        other = [p for p in parents[c] if p != parents[c][0]] if parents[c] else []
        if other:
            parts.append(f"*Also a subclass of* {', '.join(f'`{self.short(p)}`' for p in other)}.")
        if mapping := self.mapping(c):
            parts.append(mapping)
        yield " ".join(parts)
        for child in sorted(children.get(c, []), key=self.class_order):
            if parents[child][0] == c:
                yield from self.class_tree(child, children, parents, depth + 1)
            else:
                yield f"{pad}  - `{self.short(child)}` (described under `{self.short(parents[child][0])}`)"

    def relations(self) -> Iterator[str]:
        props = sorted((KGO[n] for n in RELATION_PROPERTIES), key=self.relation_order)
        yield "## Relation properties"
        yield ""
        yield (
            "Each relation is written as a direct triple `kgr:S kgo:P kgr:O` and as a reified "
            "`rdf:Statement` carrying its confidence, evidence and source document. Rows are in "
            "CAMEO order (structural relations first, then from cooperation to conflict). "
            "A sub-property implies its super-property; a symmetric property holds both ways."
        )
        yield ""
        yield (
            "| property | label | definition | domain | range | super-property | symmetric "
            "| inverse | PLOVER | CAMEO |"
        )
        yield "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        for p in props:
            cells = [
                f"`{self.short(p)}`",
                self.cell(self.text(p, RDFS.label)),
                self.cell(self.definition(p)),
                self.classes_cell(self.g.objects(p, RDFS.domain)),
                self.classes_cell(self.g.objects(p, RDFS.range)),
                self.join(f"`{self.short(s)}`" for s in self.g.objects(p, RDFS.subPropertyOf)),
                "yes" if (p, RDF.type, OWL.SymmetricProperty) in self.g else "",
                self.join(f"`{self.short(i)}`" for i in self.inverses(p)),
                self.join(str(v) for v in self.g.objects(p, KGO.ploverClass)),
                self.join(str(v) for v in self.g.objects(p, KGO.cameoCode)),
            ]
            yield "| " + " | ".join(cells) + " |"
        yield ""
        transitive = sorted(self.short(p) for p in props if (p, RDF.type, OWL.TransitiveProperty) in self.g)
        if transitive:
            yield f"Transitive: {', '.join(f'`{t}`' for t in transitive)}."
            yield ""

    def property_table(self, title: str, intro: str, props: Iterable[Node]) -> Iterator[str]:
        yield f"## {title}"
        yield ""
        yield intro
        yield ""
        yield "| property | kind | label | definition | domain | range |"
        yield "| --- | --- | --- | --- | --- | --- |"
        for p in props:
            kind = "datatype" if (p, RDF.type, OWL.DatatypeProperty) in self.g else "object"
            cells = [
                f"`{self.short(p)}`",
                kind,
                self.cell(self.text(p, RDFS.label)),
                self.cell(self.definition(p)),
                self.classes_cell(self.g.objects(p, RDFS.domain)) or "any",
                self.classes_cell(self.g.objects(p, RDFS.range)),
            ]
            yield "| " + " | ".join(cells) + " |"
        yield ""

    def provenance_properties(self) -> list[Node]:
        declared = set(self.terms(OWL.ObjectProperty)) | set(self.terms(OWL.DatatypeProperty))
        known = {KGO[n] for n in RELATION_PROPERTIES | EVENT_ROLE_PROPERTIES | EVENT_FACT_PROPERTIES}
        return sorted(declared - known, key=self.short)

    def annotations(self) -> Iterator[str]:
        yield "## Annotation properties"
        yield ""
        yield "| property | label | definition |"
        yield "| --- | --- | --- |"
        for p in self.terms(OWL.AnnotationProperty):
            yield f"| `{self.short(p)}` | {self.cell(self.text(p, RDFS.label))} | {self.cell(self.definition(p))} |"
        yield ""

    def disjointness(self) -> Iterator[str]:
        groups = []
        for axiom in self.g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = self.g.value(axiom, OWL.members)
            if members is not None:
                groups.append(sorted(self.short(m) for m in Collection(self.g, members)))
        for a, b in self.g.subject_objects(OWL.disjointWith):
            groups.append(sorted((self.short(a), self.short(b))))
        if not groups:
            return
        yield "## Disjoint classes"
        yield ""
        yield (
            "Nothing can be an instance of two classes in one group; an OWL reasoner reports such "
            "data as inconsistent. Places and actors are deliberately not disjoint: the news uses "
            "places for the authorities that act in them (\"Washington warned...\")."
        )
        yield ""
        for group in sorted(groups):
            yield "- " + ", ".join(f"`{m}`" for m in group)
        yield ""

    def plover(self) -> Iterator[str]:
        concepts = sorted(self.g.subjects(RDF.type, SKOS.Concept), key=self.short)
        if not concepts:
            return
        yield "## PLOVER event classes"
        yield ""
        if definition := self.text(_SCHEME, SKOS.definition):
            yield definition
            yield ""
        yield "| concept | also called | definition | kgo terms (`skos:closeMatch`) |"
        yield "| --- | --- | --- | --- |"
        for c in concepts:
            terms = sorted(self.short(t) for t in self.g.subjects(SKOS.closeMatch, c))
            also = sorted(str(a) for a in self.g.objects(c, SKOS.altLabel) if str(a) != str(a).lower())
            cells = [
                f"`{self.short(c)}`",
                self.join(also),
                self.cell(self.text(c, SKOS.definition)),
                self.join(f"`{t}`" for t in terms),
            ]
            yield "| " + " | ".join(cells) + " |"
        yield ""

    # -- helpers ----------------------------------------------------------------

    def terms(self, kind: URIRef) -> list[Node]:
        return sorted((t for t in self.g.subjects(RDF.type, kind) if self.is_kgo(t)), key=self.short)

    def is_kgo(self, node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(self.ns)

    def short(self, node: Node) -> str:
        if isinstance(node, URIRef):
            try:
                return node.n3(self.nm)
            except Exception:  # not expressible as a prefixed name
                return str(node)
        return str(node)

    def text(self, node: Node, prop: URIRef) -> str:
        values = sorted(self.g.objects(node, prop), key=lambda v: (getattr(v, "language", None) not in (None, "en"), str(v)))
        return str(values[0]) if values else ""

    def definition(self, node: Node) -> str:
        return self.text(node, RDFS.comment) or self.text(node, SKOS.definition)

    def mapping(self, node: Node) -> str:
        plover = sorted(str(v) for v in self.g.objects(node, KGO.ploverClass))
        cameo = sorted(str(v) for v in self.g.objects(node, KGO.cameoCode))
        parts = []
        if plover:
            parts.append(f"*PLOVER* {', '.join(plover)}")
        if cameo:
            parts.append(f"*CAMEO* {', '.join(cameo)}")
        return "; ".join(parts) + "." if parts else ""

    def inverses(self, p: Node) -> set[Node]:
        return set(self.g.objects(p, OWL.inverseOf)) | set(self.g.subjects(OWL.inverseOf, p))

    def classes_cell(self, nodes: Iterable[Node]) -> str:
        return self.join(self.class_expression(n) for n in nodes)

    def class_expression(self, node: Node) -> str:
        if isinstance(node, BNode):
            union = self.g.value(node, OWL.unionOf)
            if union is not None:
                return " ∪ ".join(sorted(self.class_expression(m) for m in Collection(self.g, union)))
            return "(anonymous class)"
        return f"`{self.short(node)}`"

    def class_order(self, c: Node) -> tuple:
        # Named entities before events before documents, then by name.
        top = {"NamedEntity": 0, "Event": 1, "Document": 2}
        return (top.get(self.short(c).removeprefix("kgo:"), 3), self.short(c))

    def relation_order(self, p: Node) -> tuple:
        codes = sorted(str(v) for v in self.g.objects(p, KGO.cameoCode))
        return (codes[0] if codes else "", self.short(p))

    @staticmethod
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    def join(self, values: Iterable[str]) -> str:
        return ", ".join(sorted(values))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
