"""KnowledgeGraph -> RDF: the triples of each entity, document, statement and event
(the contract is in :mod:`kg.rdf`), as one rdflib graph, a dataset of one named graph a
document, or text in any syntax rdflib writes.

Examples
--------
>>> import kg
>>> graph = kg.build(["Iran condemned Israel."])
>>> (entity_iri("iran"), KGO.condemned, entity_iri("israel")) in to_graph(graph)
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, SKOS

from ..files import atomic_write
from ..formats import RDF_SYNTAXES, RdfSyntax, rdf_syntax
from ..model import Document, Entity, Event, Relation
from ..support import EdgeSupport, summarize, supports_of
from ..vocab import KGO, KGR
from .edges import edge_triples
from .iris import NIF, WD, entity_iri, event_iri, is_safe_iri, mint_iri

__all__ = ["SUFFIX_FORMATS", "document_triples", "edge_supports", "entity_triples", "serialize", "to_dataset",
           "to_graph"]

#: Format name -> file suffix, for every name and alias of :data:`kg.formats.RDF_SYNTAXES`.
SUFFIX_FORMATS = {name: syn.suffix for syn in RDF_SYNTAXES for name in (syn.name, *syn.aliases)}
#: The prefixes kg binds (:func:`_bind`), written where the syntax has prefixes.
_PREFIXES = frozenset({"kgo", "kgr", "skos", "prov", "dcterms", "owl", "geo", "nif", "wd", "rdf", "rdfs", "xsd"})


def _bind(g: Graph) -> None:
    for prefix, ns in (("kgo", KGO._NS), ("kgr", KGR), ("skos", SKOS), ("prov", PROV),
                       ("dcterms", DCTERMS), ("owl", OWL), ("geo", GEO), ("nif", NIF), ("wd", WD)):
        g.bind(prefix, ns, override=True)


def entity_triples(ent: Entity) -> Iterator[tuple]:
    """The triples describing one entity (type, label, aliases, Wikidata, geometry)."""
    s = entity_iri(ent.key)
    yield s, RDF.type, KGO[ent.type]
    yield s, RDFS.label, Literal(ent.label)
    for alias in ent.aliases:
        if alias != ent.label:
            yield s, SKOS.altLabel, Literal(alias)
    if ent.wikidata:
        yield s, OWL.sameAs, WD[ent.wikidata]
    if ent.coordinates:
        lat, lon = ent.coordinates
        geom = URIRef(f"{s}/geometry")
        yield s, GEO.hasGeometry, geom
        yield geom, RDF.type, GEO.Geometry
        yield geom, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral)


def _document_triples(doc: Document, entity_keys=()) -> Iterator[tuple]:
    d = mint_iri("document", doc.id)
    yield d, RDF.type, KGO.Document
    yield d, DCTERMS.identifier, Literal(doc.id)
    if doc.content_hash:  # a graph read back from RDF written without one has none
        yield d, KGO.contentHash, Literal(doc.content_hash)
    for key in entity_keys:
        yield d, KGO.mentions, entity_iri(key)
    if doc.date:
        yield d, DCTERMS.date, Literal(doc.date.isoformat(), datatype=XSD.date)
    if doc.source:
        yield d, DCTERMS.source, Literal(doc.source)
    if doc.url:
        yield d, PROV.hadPrimarySource, URIRef(doc.url) if is_safe_iri(doc.url) else Literal(doc.url)
    if doc.title:
        yield d, DCTERMS.title, Literal(doc.title)


def _span(doc_id: str, span: tuple[int, int] | None, prop: URIRef, stmt: URIRef) -> Iterator[tuple]:
    if span is None:
        return
    iri = mint_iri("span", doc_id, str(span[0]), str(span[1]))
    yield stmt, prop, iri
    yield iri, RDF.type, NIF.String
    yield iri, NIF.beginIndex, Literal(span[0], datatype=XSD.nonNegativeInteger)
    yield iri, NIF.endIndex, Literal(span[1], datatype=XSD.nonNegativeInteger)
    yield iri, NIF.referenceContext, mint_iri("document", doc_id)


def _decimal(x: float) -> Literal:
    return Literal(Decimal(str(round(x, 3))), datatype=XSD.decimal)


def _object_iri(key: str, event_keys: set[str]) -> URIRef:
    return event_iri(key) if key in event_keys else entity_iri(key)


def _statement_triples(rels: list[Relation], doc_id: str, event_keys: set[str]) -> Iterator[tuple]:
    """One reified statement for the relations of one triple and one polarity in one document,
    reported or alleged (then one per accuser); the direct triple only for a reported fact."""
    first = rels[0]
    s, p, o = entity_iri(first.subject), KGO[first.predicate], _object_iri(first.object, event_keys)
    marks = ("negated",) * first.negated + (("alleged", first.asserted_by or "") if first.alleged else ())
    stmt = mint_iri("statement", first.subject, first.predicate, first.object, doc_id, *marks)
    if first.negated:
        yield stmt, KGO.negated, Literal(True)
    if first.alleged:
        yield stmt, KGO.alleged, Literal(True)
    if not marks:
        yield s, p, o
    yield stmt, RDF.type, RDF.Statement
    yield stmt, RDF.subject, s
    yield stmt, RDF.predicate, p
    yield stmt, RDF.object, o
    yield stmt, KGO.confidence, _decimal(max(r.confidence for r in rels))
    for plover in sorted({r.plover for r in rels if r.plover}):
        yield stmt, KGO.ploverClass, Literal(plover)
    yield stmt, PROV.wasDerivedFrom, mint_iri("document", doc_id)
    for r in rels:
        yield stmt, KGO.evidence, Literal(r.evidence.sentence)
        yield stmt, KGO.extractedBy, Literal(r.rule)
        if r.asserted_by:
            yield stmt, KGO.assertedBy, entity_iri(r.asserted_by)
        ev = r.evidence
        yield from _span(doc_id, (ev.start, ev.end), KGO.evidenceSpan, stmt)
        yield from _span(doc_id, ev.subject_span, KGO.subjectSpan, stmt)
        yield from _span(doc_id, ev.trigger_span, KGO.triggerSpan, stmt)
        yield from _span(doc_id, ev.object_span, KGO.objectSpan, stmt)


def _event_triples(ev: Event) -> Iterator[tuple]:
    e = event_iri(ev.key)
    yield e, RDF.type, KGO[ev.type]
    yield e, RDFS.label, Literal(ev.label)
    for a in ev.agents:
        yield e, KGO.agent, entity_iri(a)
    for t in ev.targets:
        yield e, KGO.target, entity_iri(t)
    if ev.location:
        yield e, KGO.location, entity_iri(ev.location)
    if ev.instrument:
        yield e, KGO.instrument, Literal(ev.instrument)
    if ev.outcome:
        yield e, KGO.outcome, Literal(ev.outcome)
    if ev.date:
        yield e, KGO.date, Literal(ev.date.isoformat(), datatype=XSD.date)
    for prop, count in ((KGO.killed, ev.killed), (KGO.wounded, ev.wounded)):
        if count is not None:
            yield e, prop, Literal(count, datatype=XSD.nonNegativeInteger)
    if ev.unclaimed:
        yield e, KGO.unclaimed, Literal(True)
    yield e, KGO.evidence, Literal(ev.evidence.sentence)
    yield e, KGO.extractedBy, Literal(ev.rule)
    yield e, KGO.confidence, _decimal(ev.confidence)
    yield e, PROV.wasDerivedFrom, mint_iri("document", ev.evidence.document)


def document_triples(kg) -> Iterator[tuple[Document, list[tuple]]]:
    """Each document with the triples of its named graph: its description, statements and events."""
    event_keys = {e.key for e in kg.events}
    claims = defaultdict(list)
    for c in kg.claims():
        claims[c.evidence.document].append(c)
    for res in kg.results:
        triples = list(_document_triples(res.document, sorted({e.key for e in res.entities})))
        grouped: dict[tuple, list[Relation]] = defaultdict(list)
        for rel in [*res.relations, *claims.get(res.document.id, [])]:
            # what each accuser alleges is a statement of its own: its evidence is that accuser's
            grouped[(*rel.triple, rel.negated, rel.alleged, (rel.asserted_by or "") if rel.alleged else "")].append(rel)
        for key in sorted(grouped):
            triples.extend(_statement_triples(grouped[key], res.document.id, event_keys))
        for ev in res.events:
            triples.extend(_event_triples(ev))
        yield res.document, triples


def edge_supports(kg) -> list[EdgeSupport]:
    """The support of every direct triple of the graph, summed over its documents (:mod:`kg.support`)."""
    event_keys = {e.key for e in kg.events}
    return summarize(supports_of([*kg.relations, *kg.claims()], event_keys))


def _used(kg) -> list[Entity]:
    """Every entity, those no relation or event uses included, so :func:`kg.load` gives them back."""
    return list(kg.entities.values())


def _quads(kg) -> Iterator[tuple]:
    """Every statement of the graph as ``(s, p, o, graph)``: entities and edges in the default
    graph (``None``), each document's triples in its named graph (duplicates possible)."""
    for ent in _used(kg):
        for s, p, o in entity_triples(ent):
            yield s, p, o, None
    for edge in edge_supports(kg):
        for s, p, o in edge_triples(edge):
            yield s, p, o, None
    for doc, triples in document_triples(kg):
        graph = mint_iri("graph", doc.id)
        for s, p, o in triples:
            yield s, p, o, graph


def to_graph(kg) -> Graph:
    """The whole knowledge graph as one rdflib :class:`~rdflib.Graph`."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in _quads(kg):
        g.add((s, p, o))
    return g


def to_dataset(kg) -> Dataset:
    """The knowledge graph as an rdflib :class:`~rdflib.Dataset`.

    Entities and the edges' support across documents (``kgo:Edge``) sit in the default
    graph; each document's statements, events and description in a named graph of its
    own (``kgr:graph/<doc>``), so one document can be replaced without touching the others.
    """
    ds = Dataset()
    _bind(ds)
    for s, p, o, graph in _quads(kg):
        (ds if graph is None else ds.graph(graph)).add((s, p, o))
    return ds


def serialize(kg, destination=None, *, format: str = "turtle") -> str | None:
    """Serialise in the syntax of that name (rdflib's names); write atomically to a path.

    Every syntax gives the same bytes for the same graph, whatever Python's hash seed:
    N-Triples and N-Quads lines are formatted straight from the records, with no rdflib or
    pyoxigraph term (:mod:`kg.rdf.lines`), and sorted; Turtle, TriG, JSON-LD and RDF/XML are
    written by pyoxigraph from those lines (rdflib's TriG, JSON-LD and RDF/XML writers follow
    the store's hash order, and its Turtle writer takes time that grows faster than the
    graph: 2.7 s against 0.6 s for the 19,600 triples of the 89 VOA stories). No rdflib graph
    is made for them. Other syntaxes (N3, TriX, HexTuples) are rdflib's writers, as they are.
    """
    from .lines import graph_lines

    syntax = rdf_syntax(format)
    if syntax is None or syntax.writer == "rdflib":  # rdflib's own writer, as it is
        rdf = to_dataset(kg) if syntax is not None and syntax.dataset else to_graph(kg)
        text = rdf.serialize(format=format if syntax is None else syntax.rdflib)
    elif syntax.writer == "oxigraph":
        text = _oxigraph_text(graph_lines(kg, dataset=syntax.dataset), syntax)
    else:  # "lines": sorted N-Triples or N-Quads
        text = "".join(graph_lines(kg, dataset=syntax.dataset))
    if destination is None:
        return text
    atomic_write(destination, text)
    return None


def _oxigraph_text(lines: list[str], syntax: RdfSyntax) -> str:
    """The graph (or dataset) in a syntax pyoxigraph writes, from its sorted N-Triples
    (N-Quads) lines, with kg's prefixes."""
    import pyoxigraph as ox

    dataset = syntax.dataset
    quads = ox.parse("".join(lines).encode("utf-8"),
                     format=ox.RdfFormat.N_QUADS if dataset else ox.RdfFormat.N_TRIPLES)
    parsed = quads if dataset else (q.triple for q in quads)
    text = ox.serialize(parsed, format=syntax.ox, prefixes=_prefix_map())
    assert text is not None  # no output file given: the bytes are returned
    return text.decode("utf-8")


def _prefix_map() -> dict[str, str]:
    """kg's prefixes (:data:`_PREFIXES`) and their namespaces, sorted by prefix."""
    g = Graph()
    _bind(g)
    return dict(sorted((p, str(ns)) for p, ns in g.namespaces() if p in _PREFIXES))
