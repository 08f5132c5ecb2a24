"""RDF -> KnowledgeGraph: read files kg wrote (any RDF syntax) or an rdflib graph or dataset
back into a :class:`~kg.graph.KnowledgeGraph`.

Files are parsed by pyoxigraph into plain Python values (:mod:`kg.rdf.triples`), not into
an rdflib graph: reading the 89-story graph back takes a tenth of the time
(``benchmarks/load_bench.py``).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib.namespace import DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS

from ..model import Document, DocumentResult, Entity, Event, Evidence, Relation
from ..vocab import KGO, KGR
from .iris import WD
from .triples import IRI, Triples, Value, from_rdflib, parse_files

if TYPE_CHECKING:
    import rdflib

    from ..graph import KnowledgeGraph

__all__ = ["from_rdf", "load"]

_NS = str(KGO._NS)
_EVENT = str(KGR["event/"])
_TYPE, _LABEL, _DERIVED = str(RDF.type), str(RDFS.label), str(PROV.wasDerivedFrom)


def _key(iri: object) -> str:
    s = str(iri)
    base = str(KGR)
    return s[len(base):] if s.startswith(base) else s


def load(*paths: str | os.PathLike[str]) -> KnowledgeGraph:
    """Read exported RDF files (any syntax kg writes; rdflib's other syntaxes too) back into a
    KnowledgeGraph. A file that is missing or does not parse is a :class:`~kg.errors.GraphFileError`."""
    return _from_triples(parse_files(paths))


def from_rdf(rdf: rdflib.Graph | Triples) -> KnowledgeGraph:
    """Rebuild a KnowledgeGraph from RDF written by kg (document texts are not in it): an
    rdflib ``Graph`` or ``Dataset`` (the union of its graphs).

    Statements come back as relations with their negation, allegation, asserter and
    PLOVER class; events with their roles and claimants.

    Examples
    --------
    >>> import kg
    >>> from kg.rdf import to_graph
    >>> graph = kg.build(["Israel accused Hezbollah of attacking Israeli troops."])
    >>> [r.triple for r in from_rdf(to_graph(graph)).relations if r.alleged]
    [('hezbollah', 'targeted', 'israeli-forces')]
    """
    return _from_triples(rdf if isinstance(rdf, Triples) else from_rdflib(rdf))


def _documents(g: Triples) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for d in g.subjects(_TYPE, IRI(KGO.Document)):
        date = g.value(d, str(DCTERMS.date))
        docs[d] = Document(str(g.value(d, str(DCTERMS.identifier))), "",
                           date if isinstance(date, _dt.date) else None,
                           _opt(g.value(d, str(DCTERMS.source))), None, _opt(g.value(d, str(DCTERMS.title))),
                           _opt(g.value(d, str(KGO.contentHash))))
    return docs


def _from_triples(g: Triples) -> KnowledgeGraph:
    from ..graph import KnowledgeGraph

    entities = _read_entities(g)
    docs = _documents(g)
    rels, events = _read_relations(g, docs), _read_events(g, docs)
    kg = KnowledgeGraph()
    placed: set[str] = set()
    ordered = sorted(docs.items(), key=lambda kv: kv[1].id)
    for n, (d, doc) in enumerate(ordered):
        used = {k for r in rels[d] for k in (r.subject, r.object)}
        for e in events[d]:
            used |= {*e.agents, *e.targets, *e.claimed_by, *([e.location] if e.location else [])}
        if n == len(ordered) - 1:  # entities no relation or event uses: kept, with the last document
            used |= set(entities) - placed - used
        placed |= used
        kg.add_result(DocumentResult(
            doc, tuple(entities[k] for k in sorted(used) if k in entities), (),
            tuple(rels[d]), tuple(events[d]),
        ))
    return kg


def _read_entities(g: Triples) -> dict[str, Entity]:
    """The entities of a kg graph: labelled resources of a kgo class (no document, no event)."""
    entities: dict[str, Entity] = {}
    document = IRI(KGO.Document)
    for s in sorted(set(g.subjects(_LABEL))):
        types = [t for t in g.objects(s, _TYPE) if isinstance(t, IRI) and t.startswith(_NS)]
        if not types or document in types or s.startswith(_EVENT):
            continue
        wd = next((o[len(str(WD)):] for o in g.objects(s, str(OWL.sameAs))
                   if isinstance(o, IRI) and o.startswith(str(WD))), None)
        entities[_key(s)] = Entity(_key(s), str(g.value(s, _LABEL)), types[0][len(_NS):],
                                   tuple(sorted(str(a) for a in g.objects(s, str(SKOS.altLabel)))), wd,
                                   _point(g, s))
    return entities


def _point(g: Triples, s: str) -> tuple[float, float] | None:
    """(latitude, longitude) from an entity's ``geo:hasGeometry``/``geo:asWKT`` ``POINT(lon lat)``."""
    geom = g.value(s, str(GEO.hasGeometry))
    wkt = g.value(str(geom), str(GEO.asWKT)) if geom is not None else None
    m = re.fullmatch(r"\s*POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*", str(wkt)) if wkt is not None else None
    if not m:
        return None
    try:
        return float(m.group(2)), float(m.group(1))
    except ValueError:
        return None


def _float(value: Value | None, default: float) -> float:
    try:
        return float(value or default)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _read_relations(g: Triples, docs: dict[str, Document]) -> dict[str, list[Relation]]:
    """The relations of each document's statements, one per evidence sentence."""
    rels: dict[str, list[Relation]] = defaultdict(list)
    for stmt in sorted(g.subjects(_TYPE, IRI(RDF.Statement))):
        s, p, o = (g.value(stmt, str(x)) for x in (RDF.subject, RDF.predicate, RDF.object))
        d = g.value(stmt, _DERIVED)
        if s is None or p is None or o is None or not isinstance(d, str) or d not in docs:
            continue
        if not str(p).startswith(_NS) or str(o).startswith(_EVENT):
            continue
        conf = _float(g.value(stmt, str(KGO.confidence)), 0.5)
        rule = str(g.value(stmt, str(KGO.extractedBy)) or "rdf")
        asserted = g.value(stmt, str(KGO.assertedBy))
        plover = g.value(stmt, str(KGO.ploverClass))
        doc = docs[d]
        for sentence in sorted(str(e) for e in g.objects(stmt, str(KGO.evidence))):
            ev = Evidence(doc.id, sentence, 0, len(sentence), doc.date, doc.source)
            rels[d].append(Relation(_key(s), str(p)[len(_NS):], _key(o), conf, ev, rule,
                                    _key(asserted) if asserted is not None else None,
                                    bool(g.value(stmt, str(KGO.negated))),
                                    str(plover) if plover is not None else None,
                                    alleged=bool(g.value(stmt, str(KGO.alleged)))))
    return rels


def _read_events(g: Triples, docs: dict[str, Document]) -> dict[str, list[Event]]:
    """The events of each document, with their roles and claimants."""
    events: dict[str, list[Event]] = defaultdict(list)
    for ev_iri in sorted(set(g.subjects(_DERIVED))):
        d = g.value(ev_iri, _DERIVED)
        if not ev_iri.startswith(_EVENT) or not isinstance(d, str) or d not in docs:
            continue
        etype = next((str(t)[len(_NS):] for t in g.objects(ev_iri, _TYPE)), "Event")
        sentence = str(g.value(ev_iri, str(KGO.evidence)) or "")
        date = g.value(ev_iri, str(KGO.date))
        roles = {name: tuple(sorted(_key(a) for a in g.objects(ev_iri, str(KGO[name])))) for name in ("agent", "target")}
        events[d].append(Event(
            key=_key(ev_iri)[len("event/"):], type=etype, label=str(g.value(ev_iri, _LABEL) or etype),
            evidence=Evidence(docs[d].id, sentence, 0, len(sentence), docs[d].date, docs[d].source),
            rule=str(g.value(ev_iri, str(KGO.extractedBy)) or "rdf"),
            confidence=_float(g.value(ev_iri, str(KGO.confidence)), 0.5),
            agents=roles["agent"], targets=roles["target"],
            location=_opt_key(g.value(ev_iri, str(KGO.location))),
            instrument=_opt(g.value(ev_iri, str(KGO.instrument))),
            outcome=_opt(g.value(ev_iri, str(KGO.outcome))),
            date=date if isinstance(date, _dt.date) else None,
            claimed_by=tuple(sorted(_key(c) for c in g.subjects(str(KGO.claimedResponsibilityFor), IRI(ev_iri)))),
            killed=_opt_int(g.value(ev_iri, str(KGO.killed))),
            wounded=_opt_int(g.value(ev_iri, str(KGO.wounded))),
            unclaimed=bool(g.value(ev_iri, str(KGO.unclaimed))),
        ))
    return events


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: Value | None) -> int | None:
    return None if value is None else int(value)  # type: ignore[arg-type]  # a count: xsd:integer


def _opt_key(value: object) -> str | None:
    return None if value is None else _key(value)
