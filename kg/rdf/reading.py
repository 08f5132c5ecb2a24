"""RDF -> KnowledgeGraph: read files kg wrote (any syntax rdflib reads) or an rdflib
graph or dataset back into a :class:`~kg.graph.KnowledgeGraph`."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, GEO, OWL, PROV, SKOS

from ..errors import GraphFileError
from ..formats import syntax_of_path
from ..model import Document, DocumentResult, Entity, Event, Evidence, Relation
from ..vocab import KGO, KGR
from .iris import WD

__all__ = ["from_rdf", "load"]


def _key(iri) -> str:
    s = str(iri)
    base = str(KGR)
    return s[len(base):] if s.startswith(base) else s


def _parse(paths) -> Dataset:
    """Every file into one dataset: named graphs kept, triples of a graph syntax in the default
    graph; the syntax is read from the suffix (Turtle when it says none)."""
    ds = Dataset()
    for path in paths:
        path = Path(path)
        syntax = syntax_of_path(path)
        fmt = syntax.rdflib if syntax is not None else "turtle"
        try:
            ds.parse(path, format=fmt)
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
    >>> from kg.rdf import to_graph
    >>> graph = kg.build(["Israel accused Hezbollah of attacking Israeli troops."])
    >>> [r.triple for r in from_rdf(to_graph(graph)).relations if r.alleged]
    [('hezbollah', 'targeted', 'israeli-forces')]
    """
    from ..graph import KnowledgeGraph

    g = _union(rdf)
    entities = _read_entities(g)
    docs: dict[URIRef, Document] = {}
    for d in g.subjects(RDF.type, KGO.Document):
        date = g.value(d, DCTERMS.date)
        docs[d] = Document(str(g.value(d, DCTERMS.identifier)), "",
                           date.toPython() if date is not None and isinstance(date.toPython(), _dt.date) else None,
                           _opt(g.value(d, DCTERMS.source)), None, _opt(g.value(d, DCTERMS.title)),
                           _opt(g.value(d, KGO.contentHash)))
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
                                   tuple(sorted(str(a) for a in g.objects(s, SKOS.altLabel))), wd,
                                   _point(g, s))
    return entities


def _point(g: Graph, s) -> tuple[float, float] | None:
    """(latitude, longitude) from an entity's ``geo:hasGeometry``/``geo:asWKT`` ``POINT(lon lat)``."""
    geom = g.value(s, GEO.hasGeometry)
    wkt = g.value(geom, GEO.asWKT) if geom is not None else None
    m = re.fullmatch(r"\s*POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*", str(wkt)) if wkt is not None else None
    if not m:
        return None
    try:
        return float(m.group(2)), float(m.group(1))
    except ValueError:
        return None


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


