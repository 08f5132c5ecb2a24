"""KnowledgeGraph <-> RDF, following the contract of DESIGN.md.

- Every entity: ``kgr:<key>``, an ``rdf:type`` from the ontology, one
  ``rdfs:label`` and a ``skos:altLabel`` per other surface form;
  ``owl:sameAs`` its Wikidata entity; ``geo:hasGeometry``/``geo:asWKT``
  where coordinates are known.
- Every relation: the direct triple ``kgr:S kgo:P kgr:O`` and a reified
  ``rdf:Statement`` (one per subject, predicate, object and document) with
  ``kgo:confidence``, ``kgo:evidence``, ``kgo:extractedBy``,
  ``prov:wasDerivedFrom`` the ``kgo:Document``, ``kgo:assertedBy`` when
  reported, and NIF character spans (``kgo:evidenceSpan``...). The direct
  triple states only what the document reports as having happened, reported
  speech included ("the Pentagon said militias attacked the base": a direct
  triple, ``kgo:assertedBy`` the Pentagon). A relation the source denies
  ("X denied attacking Y") is a statement with ``kgo:negated true`` and no
  direct triple; what someone is accused of or blamed for ("Israel accused
  Hezbollah of attacking its troops") is a statement with ``kgo:alleged true``
  and ``kgo:assertedBy`` the accuser, and no direct triple either. Alleged,
  denied and reported statements of one triple in one document are separate
  statements (and so are the allegations of two accusers), so a plain triple
  pattern never returns an allegation as a fact.
- Every event: ``kgr:event/<key>`` of a subclass of ``kgo:Event`` with its roles.
- Every document: ``kgr:doc/<slug>`` with ``dcterms:identifier``, date, source.

Every IRI is minted by :func:`mint_iri` alone.

Examples
--------
>>> mint_iri("entity", "kataib-hezbollah")
rdflib.term.URIRef('https://w3id.org/newskg/id/kataib-hezbollah')
>>> str(mint_iri("document", "voa 12.txt"))
'https://w3id.org/newskg/id/doc/voa-12txt-776be74e'
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, SKOS, Namespace
from rdflib.util import guess_format

from .errors import GraphFileError
from .files import atomic_write
from .model import Document, Entity, Evidence, Event, Relation
from .names import slugify
from .vocab import KGO, KGR

__all__ = [
    "NIF",
    "WD",
    "entity_iri",
    "event_iri",
    "from_rdf",
    "load",
    "mint_iri",
    "serialize",
    "to_dataset",
    "to_graph",
]

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

#: File suffix -> rdflib format, for the syntaxes kg writes.
SUFFIX_FORMATS = {
    "turtle": "ttl", "ttl": "ttl", "nt": "nt", "ntriples": "nt", "json-ld": "jsonld",
    "trig": "trig", "nquads": "nq", "xml": "rdf", "pretty-xml": "rdf", "n3": "n3",
}
_DATASET_FORMATS = frozenset({"trig", "nquads", "trix"})


def _digest(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def mint_iri(kind: str, *parts: str) -> URIRef:
    """Mint the IRI of a resource; the only place kg makes IRIs.

    Parameters
    ----------
    kind : {"entity", "event", "document", "statement", "graph", "span"}
    parts : str
        ``entity``/``event``: the key (already a slug); ``document``/``graph``:
        the document id; ``statement``: subject, predicate, object keys and
        document id, then ``"negated"`` for a denial and ``"alleged"`` and the
        accuser's key for an allegation; ``span``: document id, start, end.
    """
    if kind == "entity":
        return KGR[parts[0]]
    if kind == "event":
        return KGR[f"event/{parts[0]}"]
    if kind in {"document", "graph"}:
        doc_id = parts[0]
        prefix = "doc" if kind == "document" else "graph"
        return KGR[f"{prefix}/{slugify(doc_id)}-{_digest(doc_id)}"]
    if kind == "statement":
        return KGR[f"statement/{_digest(*parts, n=16)}"]
    if kind == "span":
        doc_id, start, end = parts
        return URIRef(f"{mint_iri('document', doc_id)}#char={start},{end}")
    raise ValueError(f"unknown kind of IRI: {kind!r}")


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key."""
    return mint_iri("entity", key)


def event_iri(key: str) -> URIRef:
    """The IRI of an event key."""
    return mint_iri("event", key)


def _bind(g: Graph) -> None:
    for prefix, ns in (("kgo", KGO._NS), ("kgr", KGR), ("skos", SKOS), ("prov", PROV),
                       ("dcterms", DCTERMS), ("owl", OWL), ("geo", GEO), ("nif", NIF), ("wd", WD)):
        g.bind(prefix, ns, override=True)


def _entity_triples(ent: Entity) -> Iterator[tuple]:
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


def _document_triples(doc: Document) -> Iterator[tuple]:
    d = mint_iri("document", doc.id)
    yield d, RDF.type, KGO.Document
    yield d, DCTERMS.identifier, Literal(doc.id)
    if doc.date:
        yield d, DCTERMS.date, Literal(doc.date.isoformat(), datatype=XSD.date)
    if doc.source:
        yield d, DCTERMS.source, Literal(doc.source)
    if doc.url:
        yield d, PROV.hadPrimarySource, URIRef(doc.url) if _safe_iri(doc.url) else Literal(doc.url)
    if doc.title:
        yield d, DCTERMS.title, Literal(doc.title)


def _safe_iri(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


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


def _per_document(kg) -> Iterator[tuple[Document, list[tuple]]]:
    event_keys = {e.key for e in kg.events}
    claims = defaultdict(list)
    for c in kg.claims():
        claims[c.evidence.document].append(c)
    for res in kg.results:
        triples = list(_document_triples(res.document))
        grouped: dict[tuple, list[Relation]] = defaultdict(list)
        for rel in [*res.relations, *claims.get(res.document.id, [])]:
            # what each accuser alleges is a statement of its own: its evidence is that accuser's
            grouped[(*rel.triple, rel.negated, rel.alleged, (rel.asserted_by or "") if rel.alleged else "")].append(rel)
        for key in sorted(grouped):
            triples.extend(_statement_triples(grouped[key], res.document.id, event_keys))
        for ev in res.events:
            triples.extend(_event_triples(ev))
        yield res.document, triples


def _used(kg) -> list[Entity]:
    return [kg.entities[k] for k in kg._used_entities()]


def to_graph(kg) -> Graph:
    """The whole knowledge graph as one rdflib :class:`~rdflib.Graph`."""
    g = Graph()
    _bind(g)
    for ent in _used(kg):
        for t in _entity_triples(ent):
            g.add(t)
    for _, triples in _per_document(kg):
        for t in triples:
            g.add(t)
    return g


def to_dataset(kg) -> Dataset:
    """The knowledge graph as an rdflib :class:`~rdflib.Dataset`.

    Entities sit in the default graph; each document's statements, events
    and description in a named graph of its own (``kgr:graph/<doc>``), so one
    document can be replaced without touching the others.
    """
    ds = Dataset()
    _bind(ds)
    for ent in _used(kg):
        for t in _entity_triples(ent):
            ds.add(t)
    for doc, triples in _per_document(kg):
        named = ds.graph(mint_iri("graph", doc.id))
        for t in triples:
            named.add(t)
    return ds


def serialize(kg, destination=None, *, format: str = "turtle") -> str | None:
    """Serialise with rdflib's plugin of that name; write atomically to a path."""
    rdf = to_dataset(kg) if format in _DATASET_FORMATS else to_graph(kg)
    text = rdf.serialize(format=format)
    if format in {"nt", "ntriples", "nquads", "nt11"}:
        text = "".join(sorted(text.splitlines(keepends=True)))  # line order is free: make it stable
    if destination is None:
        return text
    atomic_write(destination, text)
    return None


# -- reading back ---------------------------------------------------------------------
def _key(iri) -> str:
    s = str(iri)
    base = str(KGR)
    return s[len(base):] if s.startswith(base) else s


def _parse(paths) -> Dataset:
    ds = Dataset()
    for path in paths:
        path = Path(path)
        fmt = guess_format(str(path)) or "turtle"
        try:
            if fmt in {"trig", "nquads", "trix"}:
                ds.parse(path, format=fmt)
            else:
                ds.default_graph.parse(path, format=fmt) if hasattr(ds, "default_graph") else ds.parse(path, format=fmt)
        except FileNotFoundError:
            raise GraphFileError(f"{path}: no such file") from None
        except Exception as exc:  # rdflib raises many kinds of parse errors
            raise GraphFileError(f"{path}: not a readable {fmt} RDF file ({exc})") from None
    return ds


def load(*paths: str | os.PathLike[str]):
    """Read exported RDF files (any syntax rdflib reads) back into a KnowledgeGraph."""
    return from_rdf(_parse(paths))


def _union(rdf) -> Graph:
    g = Graph()
    for t in (rdf.triples((None, None, None)) if not isinstance(rdf, Dataset)
              else (q[:3] for q in rdf.quads((None, None, None, None)))):
        g.add(t)
    return g


def from_rdf(rdf):
    """Rebuild a KnowledgeGraph from RDF written by kg (document texts are not in it).

    Statements come back as relations with their negation, allegation, asserter and
    PLOVER class; events with their roles and claimants.

    Examples
    --------
    >>> import kg
    >>> graph = kg.build(["Israel accused Hezbollah of attacking Israeli troops."])
    >>> [r.triple for r in from_rdf(to_graph(graph)).relations if r.alleged]
    [('hezbollah', 'targeted', 'israeli-forces')]
    """
    from .graph import KnowledgeGraph
    from .pipeline import DocumentResult

    g = _union(rdf)
    entities = _read_entities(g)
    docs: dict[URIRef, Document] = {}
    for d in g.subjects(RDF.type, KGO.Document):
        date = g.value(d, DCTERMS.date)
        docs[d] = Document(str(g.value(d, DCTERMS.identifier)), "",
                           date.toPython() if date is not None and isinstance(date.toPython(), _dt.date) else None,
                           _opt(g.value(d, DCTERMS.source)), None, _opt(g.value(d, DCTERMS.title)))
    rels, events = _read_relations(g, docs), _read_events(g, docs)
    kg = KnowledgeGraph()
    for d, doc in sorted(docs.items(), key=lambda kv: kv[1].id):
        used = {k for r in rels[d] for k in (r.subject, r.object)}
        for e in events[d]:
            used |= {*e.agents, *e.targets, *e.claimed_by, *([e.location] if e.location else [])}
        kg.add_result(DocumentResult(
            doc, tuple(entities[k] for k in sorted(used) if k in entities), (),
            tuple(rels[d]), tuple(events[d]),
        ))
    return kg


def _read_entities(g: Graph) -> dict[str, Entity]:
    """The entities of a kg graph: labelled resources of a kgo class (no document, no event)."""
    entities: dict[str, Entity] = {}
    for s in sorted(set(g.subjects(RDFS.label))):
        types = [t for t in g.objects(s, RDF.type) if str(t).startswith(str(KGO._NS))]
        if not types or (s, RDF.type, KGO.Document) in g:
            continue
        local = str(types[0])[len(str(KGO._NS)):]
        if str(s).startswith(str(KGR["event/"])):
            continue
        wd = next((str(o)[len(str(WD)):] for o in g.objects(s, OWL.sameAs) if str(o).startswith(str(WD))), None)
        entities[_key(s)] = Entity(_key(s), str(g.value(s, RDFS.label)), local,
                                   tuple(sorted(str(a) for a in g.objects(s, SKOS.altLabel))), wd)
    return entities


def _read_relations(g: Graph, docs: dict[URIRef, Document]) -> dict[URIRef, list[Relation]]:
    """The relations of each document's statements, one per evidence sentence."""
    rels: dict[URIRef, list[Relation]] = defaultdict(list)
    for stmt in sorted(g.subjects(RDF.type, RDF.Statement)):
        s, p, o = g.value(stmt, RDF.subject), g.value(stmt, RDF.predicate), g.value(stmt, RDF.object)
        d = g.value(stmt, PROV.wasDerivedFrom)
        if None in (s, p, o, d) or d not in docs:
            continue
        if not str(p).startswith(str(KGO._NS)) or str(o).startswith(str(KGR["event/"])):
            continue
        conf = float(g.value(stmt, KGO.confidence) or 0.5)
        rule = str(g.value(stmt, KGO.extractedBy) or "rdf")
        asserted = g.value(stmt, KGO.assertedBy)
        plover = g.value(stmt, KGO.ploverClass)
        doc = docs[d]
        for sentence in sorted(str(e) for e in g.objects(stmt, KGO.evidence)):
            ev = Evidence(doc.id, sentence, 0, len(sentence), doc.date, doc.source)
            rels[d].append(Relation(_key(s), str(p)[len(str(KGO._NS)):], _key(o), conf, ev, rule,
                                    _key(asserted) if asserted is not None else None,
                                    bool(g.value(stmt, KGO.negated)),
                                    str(plover) if plover is not None else None,
                                    alleged=bool(g.value(stmt, KGO.alleged))))
    return rels


def _read_events(g: Graph, docs: dict[URIRef, Document]) -> dict[URIRef, list[Event]]:
    """The events of each document, with their roles and claimants."""
    events: dict[URIRef, list[Event]] = defaultdict(list)
    for ev_iri in sorted(set(g.subjects(PROV.wasDerivedFrom))):
        if not str(ev_iri).startswith(str(KGR["event/"])):
            continue
        d = g.value(ev_iri, PROV.wasDerivedFrom)
        if d not in docs:
            continue
        etype = next((str(t)[len(str(KGO._NS)):] for t in g.objects(ev_iri, RDF.type)), "Event")
        sentence = str(g.value(ev_iri, KGO.evidence) or "")
        date = g.value(ev_iri, KGO.date)
        claimed = tuple(sorted(_key(c) for c in g.subjects(KGO.claimedResponsibilityFor, ev_iri)))
        events[d].append(Event(
            key=_key(ev_iri)[len("event/"):], type=etype, label=str(g.value(ev_iri, RDFS.label) or etype),
            evidence=Evidence(docs[d].id, sentence, 0, len(sentence), docs[d].date, docs[d].source),
            rule=str(g.value(ev_iri, KGO.extractedBy) or "rdf"),
            confidence=float(g.value(ev_iri, KGO.confidence) or 0.5),
            agents=tuple(sorted(_key(a) for a in g.objects(ev_iri, KGO.agent))),
            targets=tuple(sorted(_key(a) for a in g.objects(ev_iri, KGO.target))),
            location=_opt_key(g.value(ev_iri, KGO.location)),
            instrument=_opt(g.value(ev_iri, KGO.instrument)),
            outcome=_opt(g.value(ev_iri, KGO.outcome)),
            date=date.toPython() if date is not None and isinstance(date.toPython(), _dt.date) else None,
            claimed_by=claimed,
            killed=_opt_int(g.value(ev_iri, KGO.killed)),
            wounded=_opt_int(g.value(ev_iri, KGO.wounded)),
            unclaimed=bool(g.value(ev_iri, KGO.unclaimed)),
        ))
    return events


def _opt(value) -> str | None:
    return None if value is None else str(value)


def _opt_int(value) -> int | None:
    return None if value is None else int(value)


def _opt_key(value) -> str | None:
    return None if value is None else _key(value)


