"""kg.graph: facts and allegations in the summary, the networkx view and the count."""

from __future__ import annotations

import pytest

import kg

ALLEGED = "Israeli officials accused Hezbollah of attacking Israeli troops."
REPORTED = "Hezbollah attacked Israeli troops."
DENIED = "Hezbollah denied attacking Israeli troops."


@pytest.fixture(scope="module")
def alleged():
    return kg.build([kg.Document("a", ALLEGED)])


def test_graph_summary_counts_allegations_apart_from_facts(alleged):
    summary = alleged.summary()
    assert "targeted" not in summary["relations"]
    assert summary["allegations"] == {"targeted": 1}
    assert summary["relations"]["accused"] == 1  # the accusation itself is reported
    assert ("hezbollah", "targeted", "israeli-forces") not in {r.triple for r in alleged.facts()}
    facts = {r.triple for r in alleged.facts()}
    assert f"relations={len(facts)} " in repr(alleged) and len(facts) == len(alleged.relations) - 1


def test_graph_alleged_edge_is_kept_and_flagged(alleged):
    g = alleged.to_networkx()
    edge = g.edges["hezbollah", "israeli-forces", "targeted"]
    assert edge["alleged"] is True
    (record,) = edge["evidence"]
    assert record["alleged"] and record["asserted_by"] == "israeli-government"
    assert record["asserted_by_label"] == "Israeli government"
    assert g.edges["israeli-government", "hezbollah", "accused"]["alleged"] is False
    assert all("alleged" in d for *_, d in g.edges(keys=True, data=True))


def test_graph_edge_reported_anywhere_is_not_alleged():
    graph = kg.build([kg.Document("a", ALLEGED), kg.Document("b", REPORTED)])
    edge = graph.to_networkx().edges["hezbollah", "israeli-forces", "targeted"]
    assert edge["alleged"] is False and edge["documents"] == ["a", "b"]
    assert sorted(r["alleged"] for r in edge["evidence"]) == [False, True]
    summary = graph.summary()
    assert summary["relations"]["targeted"] == 1 and "targeted" not in summary["allegations"]


def test_graph_denial_is_neither_fact_nor_edge():
    graph = kg.build([kg.Document("c", DENIED)])
    denied = ("hezbollah", "targeted", "israeli-forces")
    assert any(r.negated and r.triple == denied for r in graph.relations)
    assert denied not in {r.triple for r in graph.facts()}
    assert "targeted" not in graph.summary()["relations"] and not graph.summary()["allegations"]
    assert not graph.to_networkx().has_edge("hezbollah", "israeli-forces")


_LIGHT = """
import sys
import kg
from kg.cli import main
before = "spacy" in sys.modules
try:
    main(["--version"])
except SystemExit:
    pass
graph = kg.load(sys.argv[1])
print(before, "spacy" in sys.modules, len(graph.relations) > 0)
"""


def test_graph_import_kg_and_reading_a_graph_never_load_spacy(tmp_path):
    # the graph is a container: reading and querying a graph file must not pay for the parser
    import subprocess
    import sys

    path = tmp_path / "g.ttl"
    kg.build(["Iran condemned Israel."]).serialize(path)
    run = subprocess.run([sys.executable, "-c", _LIGHT, str(path)], capture_output=True, text=True, check=True)
    assert run.stdout.split()[-3:] == ["False", "False", "True"]


def test_graph_query_store_follows_changes_and_answers_as_rdflib():
    from kg.query import resolve_query, run_query

    graph = kg.build([kg.Document("a", "Iran condemned Israel.")])
    q = "SELECT ?s ?o WHERE { ?s kgo:condemned ?o } ORDER BY ?s ?o"
    assert [str(r.o).rsplit("/", 1)[1] for r in graph.query(q)] == ["israel"]
    graph.add(kg.Document("b", "Turkey condemned Greece."))  # the cached store is dropped
    assert [str(r.o).rsplit("/", 1)[1] for r in graph.query(q)] == ["israel", "greece"]
    graph.remove("a")
    assert [str(r.o).rsplit("/", 1)[1] for r in graph.query(q)] == ["greece"]
    graph.add(kg.Document("c", "Kataib Hezbollah accused the United States of aiding Israel."))
    rdf = graph.to_rdf()  # the same answers as rdflib's engine over the same RDF
    for name in ("who-accused-whom", "edges-by-support", "most-targeted"):
        text = resolve_query(name)
        mine = sorted(tuple(map(str, row)) for row in graph.query(text))
        theirs = sorted(tuple(map(str, row)) for row in run_query(rdf, text))
        assert mine == theirs, name
        assert mine or name != "who-accused-whom", name


def test_graph_keeps_no_text_only_its_hash_and_evidence(nlp):
    doc = kg.Document("d1", "Iran condemned Israel. " + "The talks went on for hours. " * 50)
    graph = kg.build([doc])
    [kept] = graph.documents
    assert kept.text == "" and kept.content_hash == doc.content_hash and kept.id == "d1"
    assert [r.evidence.sentence for r in graph.relations] == ["Iran condemned Israel."]
    back = kg.rdf.from_rdf(graph.to_rdf())
    assert back.documents[0].content_hash == doc.content_hash  # kgo:contentHash read back
