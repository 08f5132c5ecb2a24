"""One change to a store's documents, computed from the store's own records and applied
as one SPARQL Update (a single transaction); :mod:`kg.merge` makes the changes.

A change drops some documents' named graphs and adds others. What the dropped and the
added documents touch is recomputed over the documents the store will hold afterwards:

- each entity they mention: its default-graph description (label, type, aliases,
  Wikidata, geometry), merged from every remaining document's ``kgo:entityRecord`` in
  document id order, as :attr:`kg.graph.KnowledgeGraph.entities` merges them;
- each direct triple they state: its ``kgo:Edge`` (:mod:`kg.support`), summed over the
  remaining statements, or gone when none is left.

Examples
--------
>>> record = entity_record(Entity("iran", "Iran", "State", ("Tehran",)))
>>> record
'{"aliases": ["Tehran"], "coordinates": null, "key": "iran", "label": "Iran", "type": "State", "wikidata": null}'
>>> entity_from_record(record) == Entity("iran", "Iran", "State", ("Tehran",))
True
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib import RDF
from rdflib.namespace import DCTERMS, PROV

from .model import DocumentResult, Entity
from .support import Support, summarize, supports_of
from .vocab import KGO, KGR

__all__ = ["StoreChange", "entity_from_record", "entity_record", "stored_documents"]

_KGR, _KGO = str(KGR), str(KGO._NS)
_RDF_JSON = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")
_DEFAULT = ox.DefaultGraph()
_FALSE = ox.Literal("false")


def _node(uri) -> ox.NamedNode:
    return ox.NamedNode(str(uri))


_TYPE, _DOCUMENT, _STATEMENT = _node(RDF.type), _node(KGO.Document), _node(RDF.Statement)
_IDENTIFIER, _DATE, _SOURCE = _node(DCTERMS.identifier), _node(DCTERMS.date), _node(DCTERMS.source)
_HASH, _MENTIONS, _RECORD = _node(KGO.contentHash), _node(KGO.mentions), _node(KGO.entityRecord)
_SUBJECT, _PREDICATE, _OBJECT = _node(RDF.subject), _node(RDF.predicate), _node(RDF.object)
_NEGATED, _ALLEGED, _EVIDENCE = _node(KGO.negated), _node(KGO.alleged), _node(KGO.evidence)
_CONFIDENCE, _DERIVED = _node(KGO.confidence), _node(PROV.wasDerivedFrom)


def entity_record(ent: Entity) -> str:
    """One entity as a document described it, as JSON (keys sorted)."""
    return json.dumps({"key": ent.key, "label": ent.label, "type": ent.type, "aliases": list(ent.aliases),
                       "wikidata": ent.wikidata,
                       "coordinates": list(ent.coordinates) if ent.coordinates else None},
                      ensure_ascii=False, sort_keys=True)


def entity_from_record(text: str) -> Entity:
    """The :class:`~kg.model.Entity` of a :func:`entity_record`."""
    d = json.loads(text)
    coords = tuple(d["coordinates"]) if d.get("coordinates") else None
    return Entity(d["key"], d["label"], d["type"], tuple(d["aliases"]), d.get("wikidata"), coords)


def stored_documents(db: ox.Store) -> dict[str, str | None]:
    """The id of every document in a named graph of the store, with its content hash (None if unknown)."""
    held: dict[str, str | None] = {}
    for q in db.quads_for_pattern(None, _TYPE, _DOCUMENT, None):
        if q.graph_name == _DEFAULT:
            continue
        ident = _value(db, q.subject, _IDENTIFIER, q.graph_name)
        if ident is not None:
            digest = _value(db, q.subject, _HASH, q.graph_name)
            held[ident.value] = digest.value if digest is not None else None
    return held


def _value(db: ox.Store, s, p, g):
    return next((q.object for q in db.quads_for_pattern(s, p, None, g)), None)


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The value of a literal or node a store holds as an object (never a quoted triple here)."""
    if isinstance(term, ox.Triple):
        raise TypeError("a quoted triple where a value was expected")
    return term.value


def _is_true(db: ox.Store, s, p, g) -> bool:
    value = _value(db, s, p, g)
    return value is not None and value.value == "true"


def _key(node) -> str:
    """A resource key (an IRI without ``kgr:``)."""
    return node.value[len(_KGR):] if node.value.startswith(_KGR) else node.value


def _quad(triple: tuple, graph) -> ox.Quad:
    from .terms import to_ox

    s, p, o = triple
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)


class StoreChange:
    """Drop the documents ``drop`` (ids) and add the results ``add``, in one transaction."""

    def __init__(self, db: ox.Store, *, drop: Iterable[str], add: Iterable[DocumentResult]) -> None:
        from .rdf import mint_iri

        self.db = db
        self.add = list(add)
        self.skip = {_node(mint_iri("graph", doc_id)) for doc_id in drop}
        self.deletions: set[ox.Quad] = set()
        self.insertions: set[ox.Quad] = set()
        self.keys: set[str] = set()
        self.triples: set[tuple[str, str, str]] = set()
        self._records: dict[tuple, dict[str, Entity]] = {}
        self._docs: dict[tuple, tuple[str, _dt.date | None, str | None]] = {}

    def apply(self) -> None:
        """Compute the change and run it as one SPARQL Update."""
        for graph in self.skip:
            self._drop(graph)
        records, supports = self._add()
        self._entities(records)
        self._edges(supports)
        deletions, insertions = self.deletions - self.insertions, self.insertions - self.deletions
        if deletions or insertions:
            self.db.update(update_text(deletions, insertions))

    # -- the documents -------------------------------------------------------------
    def _drop(self, graph: ox.NamedNode) -> None:
        quads = list(self.db.quads_for_pattern(None, None, None, graph))
        self.deletions.update(quads)
        self.keys |= {_key(q.object) for q in quads if q.predicate == _MENTIONS}
        props: dict = defaultdict(dict)
        for q in quads:
            if q.predicate in (_SUBJECT, _PREDICATE, _OBJECT, _NEGATED, _ALLEGED):
                props[q.subject][q.predicate] = q.object
        for p in props.values():
            if p.get(_NEGATED, _FALSE).value == "true" or p.get(_ALLEGED, _FALSE).value == "true" or len(p) < 3:
                continue
            self.triples.add((_key(p[_SUBJECT]), p[_PREDICATE].value[len(_KGO):], _key(p[_OBJECT])))

    def _add(self) -> tuple[dict[str, list[tuple[str, Entity]]], list[Support]]:
        from .graph import KnowledgeGraph
        from .rdf import mint_iri
        from .rdf.export import document_triples

        sub = KnowledgeGraph()
        for result in self.add:
            sub.add_result(result)
        records: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
        for result, (doc, triples) in zip(sub.results, document_triples(sub)):
            graph = _node(mint_iri("graph", doc.id))
            self.insertions.update(_quad(t, graph) for t in triples)
            for ent in result.entities:
                record = ox.Literal(entity_record(ent), datatype=_RDF_JSON)
                self.insertions.add(ox.Quad(_node(mint_iri("document", doc.id)), _RECORD, record, graph))
                records[ent.key].append((doc.id, ent))
        supports = list(supports_of([*sub.relations, *sub.claims()], {e.key for e in sub.events}))
        self.keys |= set(records)
        self.triples |= {s.triple for s in supports}
        return records, supports

    # -- the default graph ------------------------------------------------------------
    def _entities(self, added: dict[str, list[tuple[str, Entity]]]) -> None:
        from .rdf.export import entity_triples

        for key in sorted(self.keys):
            iri = _node(KGR[key])
            for subject in (iri, _node(f"{KGR[key]}/geometry")):
                self.deletions.update(self.db.quads_for_pattern(subject, None, None, _DEFAULT))
            found = sorted([*self._stored_records(key), *added.get(key, ())], key=lambda c: c[0])
            if not found:
                continue  # no remaining document names it
            merged = found[0][1]
            for _, ent in found[1:]:
                merged = merged.merged(ent)
            self.insertions.update(_quad(t, _DEFAULT) for t in entity_triples(merged))

    def _stored_records(self, key: str) -> Iterator[tuple[str, Entity]]:
        for q in self.db.quads_for_pattern(None, _MENTIONS, _node(KGR[key]), None):
            if q.graph_name in self.skip:
                continue
            cache_key = (q.subject, q.graph_name)
            if cache_key not in self._records:
                self._records[cache_key] = {
                    ent.key: ent for ent in (entity_from_record(_text(r.object))
                                             for r in self.db.quads_for_pattern(q.subject, _RECORD, None, q.graph_name))}
            ent = self._records[cache_key].get(key)
            if ent is not None:
                yield self._document(q.subject, q.graph_name)[0], ent

    def _edges(self, added: list[Support]) -> None:
        from .rdf import mint_iri
        from .rdf.edges import edge_triples

        for triple in self.triples:
            self.deletions.update(self.db.quads_for_pattern(_node(mint_iri("edge", *triple)), None, None, _DEFAULT))
        for edge in summarize([*self._stored_supports(), *added]):
            self.insertions.update(_quad(t, _DEFAULT) for t in edge_triples(edge))

    def _stored_supports(self) -> Iterator[Support]:
        by_subject: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for triple in self.triples:
            by_subject[triple[0]].add(triple)
        for subject, triples in sorted(by_subject.items()):
            for q in self.db.quads_for_pattern(None, _SUBJECT, _node(KGR[subject]), None):
                if q.graph_name in self.skip or q.graph_name == _DEFAULT:
                    continue
                yield from self._statement_supports(q.subject, q.graph_name, subject, triples)

    def _statement_supports(self, st, graph, subject: str, triples: set) -> Iterator[Support]:
        db = self.db
        pred, obj = _value(db, st, _PREDICATE, graph), _value(db, st, _OBJECT, graph)
        if pred is None or obj is None:
            return
        triple = (subject, pred.value[len(_KGO):], _key(obj))
        if triple not in triples or _is_true(db, st, _NEGATED, graph) or _is_true(db, st, _ALLEGED, graph):
            return
        doc = _value(db, st, _DERIVED, graph)
        confidence = _value(db, st, _CONFIDENCE, graph)
        doc_id, date, source = self._document(doc, graph)
        conf = float(Decimal(confidence.value)) if confidence is not None else 0.0
        for ev in db.quads_for_pattern(st, _EVIDENCE, None, graph):
            yield Support(*triple, doc_id, _text(ev.object), conf, date, source)

    def _document(self, doc, graph) -> tuple[str, _dt.date | None, str | None]:
        """A stored document's id, date and source."""
        if (doc, graph) not in self._docs:
            ident = _value(self.db, doc, _IDENTIFIER, graph)
            date = _value(self.db, doc, _DATE, graph)
            source = _value(self.db, doc, _SOURCE, graph)
            self._docs[(doc, graph)] = (ident.value if ident is not None else doc.value,
                                        _dt.date.fromisoformat(date.value) if date is not None else None,
                                        source.value if source is not None else None)
        return self._docs[(doc, graph)]


def update_text(deletions: Iterable[ox.Quad], insertions: Iterable[ox.Quad]) -> str:
    """A SPARQL Update that deletes, then inserts, the given quads (terms written by pyoxigraph).

    >>> q = ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c"), ox.NamedNode("http://g"))
    >>> print(update_text([], [q]))
    INSERT DATA {
    GRAPH <http://g> {
    <http://a> <http://b> "c" .
    }
    }
    """
    parts = []
    for verb, quads in (("DELETE", deletions), ("INSERT", insertions)):
        block = _data_block(quads)
        if block:
            parts.append(f"{verb} DATA {{\n{block}}}")
    return " ;\n".join(parts)


def _data_block(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict = defaultdict(list)
    for q in quads:
        by_graph[q.graph_name].append(f"{q.subject} {q.predicate} {q.object} .\n")
    out = []
    for graph, lines in by_graph.items():
        out.append("".join(lines) if graph == _DEFAULT else f"GRAPH {graph} {{\n{''.join(lines)}}}\n")
    return "".join(out)
