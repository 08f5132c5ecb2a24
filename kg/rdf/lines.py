"""N-Triples and N-Quads lines straight from kg's records: no rdflib or pyoxigraph term is made.

:func:`graph_lines` writes the statements of :mod:`kg.rdf.export` (the same triples, in the
same named graphs) as text: an IRI is formatted once per entity, document or event and
kept, a literal is quoted by hand (pyoxigraph's escaping, which it falls back on for the
rare text that needs it) and a confidence's decimal is written once per value. The lines
are those pyoxigraph's term syntax gives for the rdflib statements of
:func:`kg.rdf.export.to_dataset`, byte for byte (``tests/test_rdf_lines.py``), made about
eight times faster: no rdflib term is made for each of millions of triples.

Examples
--------
>>> import kg
>>> lines = graph_lines(kg.build(["Iran condemned Israel."]), dataset=False)
>>> [line for line in lines if line.startswith("<https://w3id.org/newskg/id/iran> <https://w3id.org/newskg/ontology#")]
['<https://w3id.org/newskg/id/iran> <https://w3id.org/newskg/ontology#condemned> <https://w3id.org/newskg/id/israel> .\\n']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from itertools import compress, islice
from operator import ne

from rdflib import RDF, RDFS, XSD
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, SKOS

from ..model import DocumentResult, Entity, Event, Relation
from ..support import EdgeSupport
from ..vocab import KGO
from .iris import NIF, WD, iri_text, is_safe_iri

__all__ = ["graph_lines"]


def _t(iri: str) -> str:
    return f"<{iri}>"


TYPE, LABEL, ALT, SAME, STATEMENT = _t(RDF.type), _t(RDFS.label), _t(SKOS.altLabel), _t(OWL.sameAs), _t(RDF.Statement)
SUBJ, PRED, OBJ, DERIVED = _t(RDF.subject), _t(RDF.predicate), _t(RDF.object), _t(PROV.wasDerivedFrom)
HAS_GEOM, GEOMETRY, AS_WKT = _t(GEO.hasGeometry), _t(GEO.Geometry), _t(GEO.asWKT)
IDENT, DATE, SOURCE, TITLE, PRIMARY = (_t(DCTERMS.identifier), _t(DCTERMS.date), _t(DCTERMS.source),
                                       _t(DCTERMS.title), _t(PROV.hadPrimarySource))
NIF_STRING, BEGIN, END, CONTEXT = _t(NIF.String), _t(NIF.beginIndex), _t(NIF.endIndex), _t(NIF.referenceContext)
SPAN_PROPS = (_t(KGO.evidenceSpan), _t(KGO.subjectSpan), _t(KGO.triggerSpan), _t(KGO.objectSpan))
_XSD_DATE, _XSD_COUNT, _WKT = f"^^{_t(XSD.date)}", f"^^{_t(XSD.nonNegativeInteger)}", f"^^{_t(GEO.wktLiteral)}"
TRUE = f'"true"^^{_t(XSD.boolean)}'

#: Characters pyoxigraph escapes in a literal (checked over every code point in the tests).
_ESCAPED = re.compile('[\x00-\x1f"\\\\\x7f\ufffe\uffff]')


def string(text: str) -> str:
    """A plain (``xsd:string``) literal in N-Triples, as pyoxigraph writes it.

    >>> string('He said "no"'), string("plain")
    ('"He said \\\\"no\\\\""', '"plain"')
    """
    if _ESCAPED.search(text) is None:
        return f'"{text}"'
    import pyoxigraph as ox

    return str(ox.Literal(text))


def _date(value) -> str:
    return f'"{value.isoformat()}"{_XSD_DATE}'


class _Terms:
    """The IRIs and literals of one writing, each made once: IRIs of entities and events
    (checked as IRIs once, as pyoxigraph does), ``kgo:`` names (checked against the
    ontology by :data:`kg.vocab.KGO`), confidences."""

    def __init__(self, event_keys: set[str]) -> None:
        self.event_keys = event_keys
        self._iris: dict[str, str] = {}
        self._kgo: dict[str, str] = {}
        self._docs: dict[str, str] = {}
        self._decimals: dict[float, str] = {}

    def named(self, iri: str) -> str:
        """``<iri>``, checked once by pyoxigraph (an invalid IRI is an error, not a bad file)."""
        found = self._iris.get(iri)
        if found is None:
            import pyoxigraph as ox

            found = self._iris[iri] = str(ox.NamedNode(iri))
        return found

    def entity(self, key: str) -> str:
        return self.named(iri_text("entity", key))

    def document(self, doc_id: str) -> str:
        """A document's IRI (its slug and digest made once)."""
        found = self._docs.get(doc_id)
        if found is None:
            found = self._docs[doc_id] = _t(iri_text("document", doc_id))
        return found

    def node(self, key: str) -> str:
        """An object: the event of that key if there is one, else the entity."""
        return self.named(iri_text("event" if key in self.event_keys else "entity", key))

    def kgo(self, name: str) -> str:
        found = self._kgo.get(name)
        if found is None:
            found = self._kgo[name] = _t(KGO[name])
        return found

    def decimal(self, x: float) -> str:
        """A confidence as rdflib writes its ``xsd:decimal`` (three decimals)."""
        found = self._decimals.get(x)
        if found is None:
            from decimal import Decimal

            from rdflib import Literal

            lex = str(Literal(Decimal(str(round(x, 3))), datatype=XSD.decimal))
            found = self._decimals[x] = f'"{lex}"^^{_t(XSD.decimal)}'
        return found


def entity_lines(terms: _Terms, ent: Entity, end: str, out: list[str]) -> None:
    """An entity's lines (:func:`kg.rdf.export.entity_triples`); ``end`` closes each line."""
    s = terms.entity(ent.key)
    out.append(f"{s} {TYPE} {terms.kgo(ent.type)}{end}")
    out.append(f"{s} {LABEL} {string(ent.label)}{end}")
    for alias in ent.aliases:
        if alias != ent.label:
            out.append(f"{s} {ALT} {string(alias)}{end}")
    if ent.wikidata:
        out.append(f"{s} {SAME} {terms.named(WD + ent.wikidata)}{end}")
    if ent.coordinates:
        lat, lon = ent.coordinates
        geom = f"{s[:-1]}/geometry>"
        out.append(f"{s} {HAS_GEOM} {geom}{end}")
        out.append(f"{geom} {TYPE} {GEOMETRY}{end}")
        out.append(f'{geom} {AS_WKT} "POINT({lon} {lat})"{_WKT}{end}')


def edge_lines(terms: _Terms, edge: EdgeSupport, end: str, out: list[str]) -> None:
    """An edge's support (:func:`kg.rdf.edges.edge_triples`)."""
    e = terms.named(iri_text("edge", *edge.triple))
    kgo = terms.kgo
    out.append(f"{e} {TYPE} {kgo('Edge')}{end}")
    out.append(f"{e} {kgo('edgeSubject')} {terms.entity(edge.subject)}{end}")
    out.append(f"{e} {kgo('edgePredicate')} {kgo(edge.predicate)}{end}")
    out.append(f"{e} {kgo('edgeObject')} {terms.entity(edge.object)}{end}")
    out.append(f'{e} {kgo("evidenceCount")} "{edge.evidence_count}"{_XSD_COUNT}{end}')
    out.append(f'{e} {kgo("documentCount")} "{len(edge.documents)}"{_XSD_COUNT}{end}')
    for doc in edge.documents:
        out.append(f"{e} {DERIVED} {terms.document(doc)}{end}")
    for source in edge.sources:
        out.append(f"{e} {SOURCE} {string(source)}{end}")
    if edge.first_date is not None:
        out.append(f"{e} {kgo('firstDate')} {_date(edge.first_date)}{end}")
        out.append(f"{e} {kgo('lastDate')} {_date(edge.last_date or edge.first_date)}{end}")
    out.append(f"{e} {kgo('confidence')} {terms.decimal(edge.confidence)}{end}")


class _Document:
    """The lines of one document's named graph (:func:`kg.rdf.export.document_triples`)."""

    def __init__(self, terms: _Terms, res: DocumentResult, end: str, out: list[str]) -> None:
        self.terms, self.doc_id, self.end, self.out = terms, res.document.id, end, out
        self.d = terms.document(self.doc_id)
        self.iri = self.d[1:-1]

    def description(self, res: DocumentResult) -> None:
        doc, d, end, add, kgo = res.document, self.d, self.end, self.out.append, self.terms.kgo
        add(f"{d} {TYPE} {kgo('Document')}{end}")
        add(f"{d} {IDENT} {string(doc.id)}{end}")
        if doc.content_hash:
            add(f"{d} {kgo('contentHash')} {string(doc.content_hash)}{end}")
        mentions = kgo("mentions")
        for key in sorted({e.key for e in res.entities}):
            add(f"{d} {mentions} {self.terms.entity(key)}{end}")
        if doc.date:
            add(f"{d} {DATE} {_date(doc.date)}{end}")
        if doc.source:
            add(f"{d} {SOURCE} {string(doc.source)}{end}")
        if doc.url:
            url = self.terms.named(doc.url) if is_safe_iri(doc.url) else string(doc.url)
            add(f"{d} {PRIMARY} {url}{end}")
        if doc.title:
            add(f"{d} {TITLE} {string(doc.title)}{end}")

    def span(self, stmt: str, prop: str, span: tuple[int, int] | None) -> None:
        if span is None:
            return
        end, add = self.end, self.out.append
        iri = f"<{self.iri}#char={span[0]},{span[1]}>"
        add(f"{stmt} {prop} {iri}{end}")
        add(f"{iri} {TYPE} {NIF_STRING}{end}")
        add(f'{iri} {BEGIN} "{span[0]}"{_XSD_COUNT}{end}')
        add(f'{iri} {END} "{span[1]}"{_XSD_COUNT}{end}')
        add(f"{iri} {CONTEXT} {self.d}{end}")

    def statement(self, rels: list[Relation]) -> None:
        """The reified statement of one triple and polarity (and accuser), and its direct triple."""
        terms, end, add, kgo = self.terms, self.end, self.out.append, self.terms.kgo
        first = rels[0]
        s, p, o = terms.entity(first.subject), kgo(first.predicate), terms.node(first.object)
        marks = ("negated",) * first.negated + (("alleged", first.asserted_by or "") if first.alleged else ())
        stmt = _t(iri_text("statement", first.subject, first.predicate, first.object, self.doc_id, *marks))
        if first.negated:
            add(f"{stmt} {kgo('negated')} {TRUE}{end}")
        if first.alleged:
            add(f"{stmt} {kgo('alleged')} {TRUE}{end}")
        if not marks:
            add(f"{s} {p} {o}{end}")
        add(f"{stmt} {TYPE} {STATEMENT}{end}")
        add(f"{stmt} {SUBJ} {s}{end}")
        add(f"{stmt} {PRED} {p}{end}")
        add(f"{stmt} {OBJ} {o}{end}")
        add(f"{stmt} {kgo('confidence')} {terms.decimal(max(r.confidence for r in rels))}{end}")
        for plover in sorted({r.plover for r in rels if r.plover}):
            add(f"{stmt} {kgo('ploverClass')} {string(plover)}{end}")
        add(f"{stmt} {DERIVED} {self.d}{end}")
        evidence, rule, by = kgo("evidence"), kgo("extractedBy"), kgo("assertedBy")
        for r in rels:
            ev = r.evidence
            add(f"{stmt} {evidence} {string(ev.sentence)}{end}")
            add(f"{stmt} {rule} {string(r.rule)}{end}")
            if r.asserted_by:
                add(f"{stmt} {by} {terms.entity(r.asserted_by)}{end}")
            for prop, span in zip(SPAN_PROPS, ((ev.start, ev.end), ev.subject_span, ev.trigger_span, ev.object_span)):
                self.span(stmt, prop, span)

    def event(self, ev: Event) -> None:
        terms, end, add, kgo = self.terms, self.end, self.out.append, self.terms.kgo
        e = terms.named(iri_text("event", ev.key))
        add(f"{e} {TYPE} {kgo(ev.type)}{end}")
        add(f"{e} {LABEL} {string(ev.label)}{end}")
        roles = (("agent", ev.agents), ("target", ev.targets), ("location", (ev.location,) if ev.location else ()))
        for prop, keys in roles:
            for key in keys:
                add(f"{e} {kgo(prop)} {terms.entity(key)}{end}")
        for prop, text in (("instrument", ev.instrument), ("outcome", ev.outcome)):
            if text:
                add(f"{e} {kgo(prop)} {string(text)}{end}")
        if ev.date:
            add(f"{e} {kgo('date')} {_date(ev.date)}{end}")
        for prop, count in (("killed", ev.killed), ("wounded", ev.wounded)):
            if count is not None:
                add(f'{e} {kgo(prop)} "{count}"{_XSD_COUNT}{end}')
        if ev.unclaimed:
            add(f"{e} {kgo('unclaimed')} {TRUE}{end}")
        add(f"{e} {kgo('evidence')} {string(ev.evidence.sentence)}{end}")
        add(f"{e} {kgo('extractedBy')} {string(ev.rule)}{end}")
        add(f"{e} {kgo('confidence')} {terms.decimal(ev.confidence)}{end}")
        add(f"{e} {DERIVED} {terms.document(ev.evidence.document)}{end}")


def _grouped(relations: Iterable[Relation]) -> dict[tuple, list[Relation]]:
    grouped: dict[tuple, list[Relation]] = defaultdict(list)
    for rel in relations:  # what each accuser alleges is a statement of its own
        grouped[(*rel.triple, rel.negated, rel.alleged, (rel.asserted_by or "") if rel.alleged else "")].append(rel)
    return grouped


def _made(kg, dataset: bool) -> list[str]:
    """Every statement's line in the order made (duplicates kept): entities (by key), edges (by
    triple), then document by document (by id), each document's description, statements (by
    triple) and events."""
    from .export import edge_supports

    terms = _Terms({e.key for e in kg.events})
    out: list[str] = []
    for ent in kg.entities.values():
        entity_lines(terms, ent, " .\n", out)
    for edge in edge_supports(kg):
        edge_lines(terms, edge, " .\n", out)
    claims = defaultdict(list)
    for c in kg.claims():
        claims[c.evidence.document].append(c)
    for res in kg.results:
        end = f" <{iri_text('graph', res.document.id)}> .\n" if dataset else " .\n"
        doc = _Document(terms, res, end, out)
        doc.description(res)
        grouped = _grouped([*res.relations, *claims.get(res.document.id, [])])
        for key in sorted(grouped):
            doc.statement(grouped[key])
        for ev in res.events:
            doc.event(ev)
    return out


def graph_lines(kg, *, dataset: bool) -> list[str]:
    """Every statement of the graph as N-Triples lines (N-Quads with ``dataset``: each
    document's statements in its named graph), distinct and sorted: the same graph gives
    the same lines whatever Python's hash seed.

    The lines are made in an order close to sorted (entities, edges, then documents by id),
    so sorting them is cheap (Timsort's runs); duplicates (a direct triple stated by many
    documents) are dropped after sorting, side by side.
    """
    lines = _made(kg, dataset)
    if not lines:
        return lines
    lines.sort()
    # each line unlike the next (then the last): compared in C, no Python loop a line
    distinct = list(compress(lines, map(ne, lines, islice(lines, 1, None))))
    distinct.append(lines[-1])
    return distinct
