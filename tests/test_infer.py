"""Inference for users: answers over the graph plus what the ontology entails."""

from __future__ import annotations

import pytest
from rdflib import Graph

import kg
from kg.cli import main
from kg.infer import entailments
from kg.vocab import KGO, KGR


@pytest.fixture(scope="module")
def graph():
    return kg.build([kg.Document("a", "Iran-backed militias attacked U.S. forces in Syria."),
                     kg.Document("b", "Hezbollah clashed with Israel. The Pentagon blamed Hamas for the attack.")])


def test_infer_sub_property_symmetry_and_inverse(graph):
    added = entailments(graph.to_rdf())
    militias, iran = KGR["iran-backed-militias"], KGR["iran"]
    assert (militias, KGO.alignedWith, iran) in added  # backedBy ⊑ alignedWith
    assert (iran, KGO.alignedWith, militias) in added  # alignedWith is symmetric
    assert (KGR["israel"], KGO.inConflictWith, KGR["hezbollah"]) in added
    assert (KGR["united-states"], KGO.hasMember, KGR["us-forces"]) in added  # inverse of partOf
    assert all(str(s).startswith(str(KGR)) for s, _, _ in added)


def test_infer_library_switch(graph):
    q = "SELECT ?x WHERE { ?x kgo:alignedWith ?state }"
    assert len(graph.query(q, state=graph.iri("iran"))) == 0
    rows = graph.query(q, infer=True, state=graph.iri("iran"))
    assert {str(r.x) for r in rows} == {str(KGR["iran-backed-militias"])}
    q = "SELECT ?who WHERE { ?who kgo:accused ?x }"
    assert len(graph.query(q, infer=True, x=graph.iri("hamas"))) == 1  # blamed ⊑ accused


def test_infer_cli_flag(graph, tmp_path, capsys):
    path = tmp_path / "g.ttl"
    graph.serialize(path)
    q = "SELECT ?x WHERE { kgr:iran kgo:alignedWith ?x }"
    assert main(["query", str(path), q]) == 0
    assert "iran-backed-militias" not in capsys.readouterr().out
    assert main(["query", str(path), q, "--infer"]) == 0
    assert "kgr:iran-backed-militias" in capsys.readouterr().out
    assert len(Graph().parse(path)) > 0
