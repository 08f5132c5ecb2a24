"""The knowledge graph: entities, relations and events merged across documents.

A :class:`KnowledgeGraph` grows one document at a time (:meth:`~KnowledgeGraph.add`);
each document's contribution is kept apart, so a corrected or retracted
article can be replaced (:meth:`~KnowledgeGraph.remove`) without touching
what the other documents support. Views are computed from it: networkx
(a ``MultiDiGraph`` keyed by relation, so parallel edges survive), RDF,
SPARQL answers and the HTML page.

Examples
--------
>>> import kg
>>> graph = kg.build(["Iran-backed militias attacked U.S. troops stationed in Syria."])
>>> g = graph.to_networkx()
>>> sorted(e for e in g.edges(keys=True) if g.nodes[e[0]]["kind"] == "entity")  # doctest: +NORMALIZE_WHITESPACE
[('iran-backed-militias', 'iran', 'backedBy'),
 ('iran-backed-militias', 'us-forces', 'targeted'),
 ('us-forces', 'syria', 'stationedIn'),
 ('us-forces', 'united-states', 'partOf')]
>>> [g.nodes[n]["label"] for n in g if g.nodes[n]["kind"] == "event"]
['Attack on US forces']
>>> g.edges["iran-backed-militias", "us-forces", "targeted"]["evidence"][0]["sentence"]
'Iran-backed militias attacked U.S. troops stationed in Syria.'
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .model import Document, DocumentResult, Entity, Event, Relation

if TYPE_CHECKING:
    import networkx

__all__ = ["KnowledgeGraph", "build"]

log = logging.getLogger(__name__)


class KnowledgeGraph:
    """Entities, relations and events from any number of documents.

    Build one with :func:`kg.build`, grow it with :meth:`add`, read one back
    with :func:`kg.load`.
    """

    def __init__(self, *, model: str | None = None) -> None:
        self.model = model
        self._results: dict[str, DocumentResult] = {}
        self._entities: dict[str, Entity] | None = None
        self._stores: dict[bool, object] = {}  # query()'s Oxigraph stores, by infer; emptied on change

    # -- growing -----------------------------------------------------------------
    def add(self, item: Document | DocumentResult | str) -> DocumentResult:
        """Add one document (parsing it) or an already processed result.

        A document whose id is already in the graph replaces the earlier one.
        """
        if isinstance(item, str):
            item = Document(f"text-{len(self._results) + 1}", item)
        if isinstance(item, Document):
            errors: list = []
            from .pipeline import process  # parsing loads spaCy: only when a text is added

            results = list(process([item], model=self.model, on_error=errors.append))
            if not results:
                raise errors[0]
            item = results[0]
        self.add_result(item)
        return item

    def add_result(self, result: DocumentResult) -> None:
        """Merge a processed document's entities, relations and events.

        The graph keeps the document's metadata and content hash, not its text
        (:meth:`kg.model.Document.without_text`; every evidence sentence is kept), so its
        memory follows the graph, not the corpus.
        """
        if result.document.id in self._results:
            log.info("document %r replaced", result.document.id)
        if result.document.text:
            result = dataclasses.replace(result, document=result.document.without_text())
        self._results[result.document.id] = result
        self._entities = None
        self._stores.clear()

    def update(self, items: Iterable[Document | str], *, on_error=None, jobs: int = 1) -> KnowledgeGraph:
        """Add many documents, parsed lazily in batches; returns ``self``.

        A document that cannot be analysed is passed to ``on_error`` (an
        :class:`~kg.errors.ExtractionError`; logged by default) and skipped.
        With ``jobs`` > 1 the documents are parsed in that many worker processes
        (:func:`kg.parallel.process_jobs`); the graph is the same.
        """
        docs = (
            Document(f"text-{n}", d) if isinstance(d, str) else d
            for n, d in enumerate(items, start=len(self._results) + 1)
        )
        from .parallel import process_jobs

        for result in process_jobs(docs, jobs=jobs, model=self.model, on_error=on_error):
            self.add_result(result)
        return self

    def remove(self, document_id: str) -> None:
        """Forget everything one document contributed."""
        del self._results[document_id]
        self._entities = None
        self._stores.clear()

    # -- reading -----------------------------------------------------------------
    @property
    def documents(self) -> list[Document]:
        """The documents, in id order."""
        return [self._results[k].document for k in sorted(self._results)]

    @property
    def results(self) -> list[DocumentResult]:
        """Each document's contribution, in id order."""
        return [self._results[k] for k in sorted(self._results)]

    @property
    def entities(self) -> dict[str, Entity]:
        """Every entity, merged across documents, by key (sorted)."""
        if self._entities is None:
            merged: dict[str, Entity] = {}
            for res in self.results:
                for ent in res.entities:
                    merged[ent.key] = merged[ent.key].merged(ent) if ent.key in merged else ent
            self._entities = {k: merged[k] for k in sorted(merged)}
        return self._entities

    @property
    def relations(self) -> list[Relation]:
        """Every relation record with its evidence (one per sentence), negated and alleged ones included."""
        return [r for res in self.results for r in res.relations]

    def facts(self) -> Iterator[Relation]:
        """The relations the documents report as having happened: neither negated (denied,
        stated as not so) nor alleged (what someone is accused of).

        >>> import kg
        >>> g = kg.build(["Israel accused Hezbollah of attacking Israeli troops."])
        >>> sorted(r.triple for r in g.facts())
        [('israel', 'accused', 'hezbollah'), ('israeli-forces', 'partOf', 'israel')]
        """
        return (r for r in self.relations if not (r.negated or r.alleged))

    @property
    def events(self) -> list[Event]:
        """Every event, in key order."""
        return sorted((e for res in self.results for e in res.events), key=lambda e: e.key)

    def claims(self) -> Iterator[Relation]:
        """``claimedResponsibilityFor`` records: an actor to the event it claimed."""
        for event in self.events:
            for actor in event.claimed_by:
                yield Relation(actor, "claimedResponsibilityFor", event.key, event.confidence,
                               event.evidence, event.rule, asserted_by=actor)

    def __len__(self) -> int:
        return len(self._results)

    def __repr__(self) -> str:
        return (f"<KnowledgeGraph documents={len(self)} entities={len(self.entities)} "
                f"relations={len({r.triple for r in self.facts()})} "
                f"events={len(self.events)}>")

    def summary(self) -> dict[str, Counter]:
        """Counts of entities by type, distinct relations by predicate, and events by type.

        ``relations`` counts what the documents report as having happened (:meth:`facts`);
        ``allegations`` what someone is accused of and no document reports as done.

        >>> import kg
        >>> kg.build(["Iran condemned Israel."]).summary()["relations"]
        Counter({'condemned': 1})
        >>> kg.build(["Israel accused Hezbollah of attacking Israeli troops."]).summary()["allegations"]
        Counter({'targeted': 1})
        """
        used = self._used_entities()
        facts = {r.triple for r in self.facts()}
        alleged = {r.triple for r in self.relations if r.alleged and not r.negated} - facts
        return {
            "documents": Counter({"documents": len(self)}),
            "entities": Counter(self.entities[k].type for k in used),
            "relations": Counter(p for _, p, _ in facts),
            "allegations": Counter(p for _, p, _ in alleged),
            "events": Counter(e.type for e in self.events),
        }

    def _used_entities(self, *, negated: bool = True) -> list[str]:
        used = {k for r in self.relations if negated or not r.negated for k in (r.subject, r.object)}
        for e in self.events:
            used |= {*e.agents, *e.targets, *e.claimed_by}
            if e.location:
                used.add(e.location)
        return sorted(used & set(self.entities))

    # -- views ---------------------------------------------------------------------
    def to_networkx(self, *, all_entities: bool = False) -> networkx.MultiDiGraph:
        """A ``MultiDiGraph``: entities and events as nodes, relations as edges keyed by predicate.

        Entities no relation or event touches are left out unless
        ``all_entities`` is true. Edge attributes: ``predicate``,
        ``confidence`` (highest), ``documents``, ``alleged`` (true when every
        sentence only alleges it: no document reports it as done) and
        ``evidence`` (a list of dicts with ``document``, ``sentence``, ``date``,
        ``source``, ``rule``, ``asserted_by`` and its ``asserted_by_label``,
        ``alleged``, ``confidence``). A negated relation makes no edge.

        >>> import kg
        >>> g = kg.build(["Israel accused Hezbollah of attacking Israeli troops."]).to_networkx()
        >>> edge = g.edges["hezbollah", "israeli-forces", "targeted"]
        >>> edge["alleged"], edge["evidence"][0]["asserted_by_label"]
        (True, 'Israel')
        >>> g.edges["israel", "hezbollah", "accused"]["alleged"]
        False
        """
        from .networkx_view import networkx_graph

        keys = list(self.entities) if all_entities else self._used_entities(negated=False)
        return networkx_graph(self, keys)

    def to_rdf(self):
        """The graph as an :class:`rdflib.Graph` (the union of all documents)."""
        from .rdf import to_graph

        return to_graph(self)

    def to_dataset(self):
        """The graph as an :class:`rdflib.Dataset`: one named graph per document."""
        from .rdf import to_dataset

        return to_dataset(self)

    def serialize(self, destination: str | os.PathLike[str] | None = None, *,
                  format: str = "turtle") -> str | None:
        """Write the graph in an RDF syntax rdflib knows (``turtle``, ``nt``,
        ``json-ld``, ``trig``, ``nquads``, ``xml``...). Without a destination
        the text is returned. Files are written atomically."""
        from .rdf import serialize

        return serialize(self, destination, format=format)

    def to_dataframes(self):
        """``(nodes, edges)`` pandas DataFrames (needs ``kg[analysis]``); see :mod:`kg.frames`.

        >>> import kg
        >>> nodes, edges = kg.build(["Iran condemned Israel."]).to_dataframes()
        >>> list(nodes["id"]), list(edges["relation"])
        (['iran', 'israel'], ['condemned'])
        """
        from .frames import to_dataframes

        return to_dataframes(self)

    def query_df(self, sparql: str, *, infer: bool = False, **bindings):
        """:meth:`query`'s answer as a pandas DataFrame with typed columns (see :mod:`kg.frames`).

        >>> import kg
        >>> kg.build(["Iran condemned Israel."]).query_df("find-actor", name="isr")["actor"].tolist()
        ['kgr:israel']
        """
        from .frames import result_dataframe

        return result_dataframe(self.query(sparql, infer=infer, **bindings))

    def subgraph(self, *, relations=None, types=None, min_confidence: float = 0.0,
                 since=None, until=None) -> KnowledgeGraph:
        """A new graph of the relations and events that pass the filters (:func:`kg.subgraphs.subgraph`)."""
        from .subgraphs import subgraph

        return subgraph(self, relations=relations, types=types, min_confidence=min_confidence,
                        since=since, until=until)

    def ego(self, actor: str, hops: int = 1) -> KnowledgeGraph:
        """The actors within ``hops`` steps of ``actor`` and what links them (:func:`kg.subgraphs.ego`)."""
        from .subgraphs import ego

        return ego(self, actor, hops=hops)

    def merge(self, other: KnowledgeGraph, *, on_conflict: str = "error") -> KnowledgeGraph:
        """A new graph of this graph's documents and ``other``'s (:func:`kg.combine.merge`);
        a document id both hold with different content raises unless ``on_conflict`` is
        ``"left"`` (keep this graph's) or ``"right"`` (take ``other``'s).

        >>> import kg
        >>> a = kg.build([kg.Document("a", "Iran condemned Israel.")])
        >>> a.merge(kg.build([kg.Document("b", "Hamas fired rockets at Israel.")]))
        <KnowledgeGraph documents=2 entities=3 relations=2 events=1>
        """
        from .combine import merge

        return merge(self, other, on_conflict=on_conflict)  # type: ignore[arg-type]

    def export(self, path: str | os.PathLike[str], format: str | None = None) -> list:
        """Write GraphML, GEXF, GML, CSV node and edge lists, Neo4j import CSV or JSON-LD
        (the format from the file name when not given); see :mod:`kg.exports`.

        >>> import kg, networkx as nx, pathlib, tempfile
        >>> g = kg.build(["Iran condemned Israel."])
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
        >>> _ = g.export(path)
        >>> list(nx.read_gexf(path).edges(data="predicate"))
        [('iran', 'israel', 'condemned')]
        """
        from .exports import export

        return export(self, path, format)

    def query(self, sparql: str, *, infer: bool = False, **bindings):
        """Run SPARQL (or a shipped query by name) over the graph; keyword arguments are bound as values.

        A string value that is an entity's key is bound as its IRI (see :mod:`kg.queryargs`);
        a keyword for a variable the query does not use is a :class:`~kg.errors.QueryError`.
        With ``infer`` the graph's entailments under the ontology are added first
        (:func:`kg.infer.entailments`): ``backedBy`` answers for ``alignedWith``, both ways.
        The query runs on an in-memory Oxigraph store (:class:`kg.store.Store`) made on the
        first query and kept until the graph changes (:meth:`add_result`, :meth:`remove`);
        the answer is an :class:`rdflib.query.Result`.

        >>> import kg
        >>> g = kg.build(["Iran condemned Israel.", "Iran-backed militias attacked Syria."])
        >>> q = "SELECT ?o WHERE { ?s kgo:condemned ?o }"
        >>> [str(row.o).rsplit("/", 1)[1] for row in g.query(q, s=g.iri("iran"))]
        ['israel']
        >>> q = "SELECT ?x WHERE { ?s kgo:alignedWith ?x }"
        >>> len(g.query(q, s=g.iri("iran"))), len(g.query(q, infer=True, s=g.iri("iran")))
        (0, 1)
        >>> [str(row.label) for row in g.query("find-actor", name="IRAN")]
        ['Iran', 'Iran-backed militias']
        """
        from .query import run_query
        from .queryargs import prepare

        sparql, bindings = prepare(sparql, bindings, is_entity=self.entities.__contains__)
        store = self._stores.get(infer)
        if store is None:
            from .store import Store

            rdf = self.to_rdf()
            if infer:
                from .infer import with_entailments

                rdf = with_entailments(rdf)
            store = self._stores[infer] = Store().add_rdf(rdf)
        return run_query(store, sparql, **bindings)

    def iri(self, key: str):
        """The IRI of an entity key."""
        from .rdf import entity_iri

        return entity_iri(key)

    def to_html(self, path: str | os.PathLike[str] | None = None, **options) -> str:
        """Write the interactive HTML view (see :func:`kg.view.render_html`)."""
        from .view import render_html

        return render_html(self.to_networkx(), path, **options)

    def _repr_html_(self) -> str:
        """The HTML view in an iframe, for a notebook cell whose value is the graph
        (:func:`kg.view.frame_html`; ``kg.display(graph, top=50)`` chooses what is shown)."""
        from .view import frame_html

        return frame_html(self.to_networkx(), height=600)


def build(items: Iterable[Document | str], *, model: str | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from texts or :class:`~kg.model.Document` records.

    >>> import kg
    >>> kg.build(["Hamas fired rockets at Israel."])
    <KnowledgeGraph documents=1 entities=2 relations=1 events=1>
    """
    return KnowledgeGraph(model=model).update(items)
