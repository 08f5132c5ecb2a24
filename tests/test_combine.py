"""Merging knowledge graphs (kg.combine, KnowledgeGraph.merge)."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

import kg

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

A = [kg.Document("a1", "Iran supported Hezbollah. Hezbollah fired rockets at Israel.", dt.date(2024, 1, 5)),
     kg.Document("a2", "Israel struck Hezbollah in Lebanon.", dt.date(2024, 1, 9))]
B = [kg.Document("b1", "Hezbollah fired rockets at Israel. Israel condemned Iran.", dt.date(2024, 2, 1))]


@pytest.fixture(scope="module")
def graphs():
    return kg.build(A), kg.build(B), kg.build(A + B)


def _edges(g: nx.MultiDiGraph) -> dict:
    return {(u, v, k): (d["documents"], d["confidence"], len(d["evidence"]))
            for u, v, k, d in g.edges(keys=True, data=True)}


def test_combine_merge_equals_building_all_documents_together(graphs):
    a, b, together = graphs
    merged = a.merge(b)
    assert [d.id for d in merged.documents] == ["a1", "a2", "b1"]
    assert merged.entities == together.entities
    assert _edges(merged.to_networkx()) == _edges(together.to_networkx())
    assert merged.to_rdf().isomorphic(together.to_rdf())
    # evidence from both sides on one edge
    assert merged.to_networkx().edges["hezbollah", "israel", "targeted"]["documents"] == ["a1", "b1"]


def test_combine_merge_leaves_both_inputs_unchanged(graphs):
    a, b, _ = graphs
    before = ([d.id for d in a.documents], [d.id for d in b.documents], len(a.relations), len(b.relations))
    a.merge(b)
    assert before == ([d.id for d in a.documents], [d.id for d in b.documents], len(a.relations), len(b.relations))


def test_combine_merge_of_loaded_exports_round_trips(graphs, tmp_path):
    a, b, together = graphs
    a.serialize(tmp_path / "a.trig", format="trig")
    b.serialize(tmp_path / "b.trig", format="trig")
    merged = kg.load(tmp_path / "a.trig").merge(kg.load(tmp_path / "b.trig"))
    assert sorted({r.triple for r in merged.facts()}) == sorted({r.triple for r in together.facts()})


def test_combine_merge_same_document_twice_is_taken_once(graphs):
    a, _, _ = graphs
    assert a.merge(a).to_rdf().isomorphic(a.to_rdf())


def test_combine_merge_conflicting_ids_raise_unless_told(graphs):
    left = kg.build([kg.Document("x", "Iran condemned Israel.")])
    right = kg.build([kg.Document("x", "Hamas fired rockets at Israel.")])
    with pytest.raises(ValueError, match="'x'"):
        left.merge(right)
    assert {r.triple for r in left.merge(right, on_conflict="left").facts()} == {("iran", "condemned", "israel")}
    assert {r.triple for r in left.merge(right, on_conflict="right").facts()} == {("hamas", "targeted", "israel")}
    with pytest.raises(ValueError, match="on_conflict"):
        left.merge(right, on_conflict="both")
