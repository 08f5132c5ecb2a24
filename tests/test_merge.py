"""kg.merge and kg.storedocs: merging documents into a real on-disk Oxigraph store and retracting them.

The reference every time is a store built from the documents it should hold, all at once:
an incremental merge or a removal must leave exactly its quads.
"""

from __future__ import annotations

import datetime as dt
import json

import pyoxigraph as ox
from rdflib import URIRef
import pytest

import kg
from kg.cli import main
from kg.merge import MergeReport, merge_graph, remove_documents
from kg.model import Document
from kg.store import Store

D1 = Document("d1", "The U.S. condemned Iran. Iran-backed militias attacked U.S. troops stationed in Syria.",
              dt.date(2024, 1, 3), "Wire A")
D2 = Document("d2", "Washington accused Tehran of arming the Houthis. The Houthis fired missiles at Israel.",
              dt.date(2024, 1, 9), "Wire B")
D3 = Document("d3", "The United States condemned Iran. Israel struck Hezbollah positions in Lebanon.",
              dt.date(2024, 2, 1), "Wire A")
D4 = Document("d4", "Hezbollah fired rockets at Israel. The United States condemned Iran again.",
              dt.date(2024, 2, 7), "Wire C")
D2_CORRECTED = Document("d2", "Washington accused Tehran of arming Hamas.", dt.date(2024, 1, 10), "Wire B")

KGO = "https://w3id.org/newskg/ontology#"


@pytest.fixture(scope="module")
def results(nlp):
    """Each document's result, parsed once."""
    out = {r.document.id: r for r in kg.build([D1, D2, D3, D4]).results}
    out["d2-corrected"] = kg.build([D2_CORRECTED]).results[0]
    return out


def _graph(results, *ids):
    graph = kg.KnowledgeGraph()
    for i in ids:
        graph.add_result(results[i])
    return graph


def _quads(store: Store) -> list[str]:
    return sorted(str(q) for q in store.oxigraph)


def _store(tmp_path, name, results, *ids) -> Store:
    store = Store(tmp_path / name)
    merge_graph(store, _graph(results, *ids))
    return store


def _edge(store: Store, s: str, p: str, o: str) -> dict | None:
    rows = store.query(f"""PREFIX kgo: <{KGO}>
        SELECT ?s ?p ?o ?n ?docs ?first ?last WHERE {{ ?e kgo:edgeSubject ?s ; kgo:edgePredicate ?p ; kgo:edgeObject ?o ;
            kgo:evidenceCount ?n ; kgo:documentCount ?docs . OPTIONAL {{ ?e kgo:firstDate ?first ; kgo:lastDate ?last }} }}""",
                       {"s": kg.vocab.KGR[s], "p": URIRef(KGO + p), "o": kg.vocab.KGR[o]}).rows
    if not rows:
        return None
    [(_, _, _, n, docs, first, last)] = rows
    return {"evidence": int(n.value), "documents": int(docs.value), "first": first and first.value,
            "last": last and last.value}


def _aliases(store: Store, key: str) -> set[str]:
    rows = store.query("SELECT ?a WHERE { ?e skos:altLabel ?a }", {"e": kg.vocab.KGR[key]}).rows
    return {r[0].value for r in rows}


def test_merge_in_batches_equals_a_build_of_all(tmp_path, results):
    whole = _store(tmp_path, "whole", results, "d1", "d2", "d3", "d4")
    parts = Store(tmp_path / "parts")
    # out of id order, so the merged descriptions cannot come from the order of arrival
    assert merge_graph(parts, _graph(results, "d4", "d2")).added == ("d2", "d4")
    assert merge_graph(parts, _graph(results, "d3", "d1")).added == ("d1", "d3")
    assert _quads(parts) == _quads(whole)
    assert _aliases(parts, "united-states") >= {"U.S.", "Washington"}


def test_merge_one_document_per_transaction_equals_one_batch(tmp_path, results):
    whole = _store(tmp_path, "whole", results, "d1", "d2", "d3")
    single = Store(tmp_path / "single")
    merge_graph(single, _graph(results, "d1", "d2", "d3"), batch=1)
    assert _quads(single) == _quads(whole)


def test_merge_accumulates_edge_support_across_batches(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1")
    assert _edge(store, "united-states", "condemned", "iran") == {
        "evidence": 1, "documents": 1, "first": "2024-01-03", "last": "2024-01-03"}
    merge_graph(store, _graph(results, "d3", "d4"))
    assert _edge(store, "united-states", "condemned", "iran") == {
        "evidence": 3, "documents": 3, "first": "2024-01-03", "last": "2024-02-07"}


def test_merge_a_document_added_twice_is_not_duplicated(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d3")
    before = _quads(store)
    report = merge_graph(store, _graph(results, "d1", "d3"))
    assert report == MergeReport(unchanged=("d1", "d3"))
    assert _quads(store) == before
    assert _edge(store, "united-states", "condemned", "iran")["evidence"] == 2


def test_merge_same_id_new_content_replaces_the_old_document(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d2")
    assert _edge(store, "houthis", "targeted", "israel") is not None
    report = merge_graph(store, _graph(results, "d2-corrected"))
    assert report.replaced == ("d2",)
    assert _edge(store, "houthis", "targeted", "israel") is None  # only the old version said so
    reference = Store(tmp_path / "ref")
    merge_graph(reference, _graph(results, "d1", "d2-corrected"))
    assert _quads(store) == _quads(reference)


def test_remove_equals_a_build_without_the_document(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d2", "d3", "d4")
    assert "Washington" in _aliases(store, "united-states")
    assert remove_documents(store, ["d2"]) == MergeReport(removed=("d2",))
    reference = _store(tmp_path, "ref", results, "d1", "d3", "d4")
    assert _quads(store) == _quads(reference)
    assert "Washington" not in _aliases(store, "united-states")  # only d2 called it so
    assert "Tehran" not in _aliases(store, "iran")


def test_remove_drops_edges_only_it_supported_and_decrements_the_others(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d3", "d4")
    assert _edge(store, "hezbollah", "targeted", "israel")["documents"] == 1
    remove_documents(store, ["d4"])
    assert _edge(store, "hezbollah", "targeted", "israel") is None
    assert _edge(store, "united-states", "condemned", "iran") == {
        "evidence": 2, "documents": 2, "first": "2024-01-03", "last": "2024-02-01"}
    graph_iri = kg.rdf.mint_iri("graph", "d4")
    assert not list(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_iri))))


def test_remove_an_entity_no_document_names_any_more(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d2")
    assert store.query("ASK { ?h rdfs:label 'Houthis' }").boolean
    remove_documents(store, ["d2"])
    assert not store.query("ASK { ?h rdfs:label 'Houthis' }").boolean


def test_remove_every_document_empties_the_store(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1", "d2")
    remove_documents(store, ["d1", "d2"])
    assert len(store) == 0


def test_remove_reports_ids_not_in_the_store(tmp_path, results):
    store = _store(tmp_path, "s", results, "d1")
    assert remove_documents(store, ["nope", "d1"]) == MergeReport(removed=("d1",), missing=("nope",))


def test_merge_store_reopens_from_disk(tmp_path, results):
    with Store(tmp_path / "s") as store:
        merge_graph(store, _graph(results, "d1"))
    with Store(tmp_path / "s") as store:
        assert merge_graph(store, _graph(results, "d1", "d3")) == MergeReport(added=("d3",), unchanged=("d1",))


def test_merge_cli_build_twice_then_remove(tmp_path, capsys, nlp):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat()}) + "\n"
                              for d in (D1, D3)))
    store = tmp_path / "store"
    assert main(["build", str(inputs), "-o", str(tmp_path / "out"), "--store", str(store)]) == 0
    assert "2 added, 0 replaced, 0 unchanged" in capsys.readouterr().out
    assert main(["build", str(inputs), "-o", str(tmp_path / "out"), "--store", str(store),
                 "--summary-json", str(tmp_path / "run.json")]) == 0
    assert "0 added, 0 replaced, 2 unchanged" in capsys.readouterr().out
    assert json.loads((tmp_path / "run.json").read_text())["store"] == {
        "path": str(store), "added": [], "replaced": [], "unchanged": ["d1", "d3"]}
    assert main(["remove", "d3", "gone", "--store", str(store)]) == 1
    captured = capsys.readouterr()
    assert "1 removed, 1 not in the store" in captured.out and "'gone' is not in the store" in captured.err
    with Store(store, read_only=True) as s:
        assert _edge(s, "united-states", "condemned", "iran")["documents"] == 1


def test_remove_cli_without_a_store_is_a_usage_error(tmp_path, capsys):
    assert main(["remove", "d1", "--store", str(tmp_path / "none")]) == 2
    assert "no such store directory" in capsys.readouterr().err


def _result(doc_id: str, label: str, etype: str) -> kg.model.DocumentResult:
    """A document naming one group as ``label`` of type ``etype``, and what it condemned."""
    from kg.model import DocumentResult, Entity, Evidence, Relation

    text = f"{label} condemned Iran."
    doc = Document(doc_id, text, dt.date(2024, 5, int(doc_id[-1])))
    ev = Evidence(doc_id, text, 0, len(text), doc.date)
    group, iran = Entity("the-group", label, etype), Entity("iran", "Iran", "State")
    return DocumentResult(doc, (iran, group), (), (Relation("the-group", "condemned", "iran", 0.7, ev, "hand"),), ())


def test_merge_descriptions_that_disagree_merge_in_document_order(tmp_path):
    """Two documents describe one entity differently: label and type come from the first by
    id, whatever order they reach the store in, as in a build of both."""
    first, second = _result("doc-1", "The Group", "Organization"), _result("doc-2", "The group", "ArmedGroup")
    both = kg.KnowledgeGraph()
    both.add_result(first)
    both.add_result(second)
    assert both.entities["the-group"].type == "Organization"
    whole = Store(tmp_path / "whole")
    merge_graph(whole, both)
    late = Store(tmp_path / "late")
    for result in (second, first):
        one = kg.KnowledgeGraph()
        one.add_result(result)
        merge_graph(late, one)
    assert _quads(late) == _quads(whole)
    [(_, kind, label)] = late.query("SELECT ?g ?t ?l WHERE { ?g a ?t ; rdfs:label ?l }",
                                    {"g": kg.vocab.KGR["the-group"]}).rows
    assert (kind.value.rsplit("#", 1)[1], label.value) == ("Organization", "The Group")  # as the graph merges it
    remove_documents(late, ["doc-1"])
    [(_, kind)] = late.query("SELECT ?g ?t WHERE { ?g a ?t }", {"g": kg.vocab.KGR["the-group"]}).rows
    assert kind.value.endswith("#ArmedGroup")  # now only the second document describes it


def test_merge_store_holds_what_the_dataset_export_writes(tmp_path, results):
    """Apart from the entity records it keeps for later merges, a store holds the quads of
    the build's N-Quads export."""
    graph = _graph(results, "d1", "d2", "d3")
    store = _store(tmp_path, "s", results, "d1", "d2", "d3")
    exported = ox.Store()
    exported.load(graph.serialize(format="nquads").encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    record = ox.NamedNode(KGO + "entityRecord")
    assert sorted(str(q) for q in store.oxigraph if q.predicate != record) == sorted(str(q) for q in exported)
