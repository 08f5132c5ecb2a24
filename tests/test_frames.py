"""Plain objects for analysis: DataFrames of the graph and of query results, subgraph, ego."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd  # the test extra has pandas: kg[analysis] is tested
import pytest

import kg

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

DOCS = [
    kg.Document("one", "Iran condemned Israel. Hezbollah attacked Israeli troops in Lebanon. Syria praised Hezbollah.",
                dt.date(2024, 1, 10), source="Desk A"),
    kg.Document("two", "Israel struck Hezbollah. Iran accused Israel of killing civilians. "
                "Iran-backed militias attacked U.S. troops.", dt.date(2024, 3, 10), source="Desk B"),
    kg.Document("three", "Hezbollah denied attacking Syria.", dt.date(2024, 3, 12), source="Desk A"),
]


@pytest.fixture(scope="module")
def graph():
    return kg.build(DOCS)


def test_to_dataframes_types_and_contents(graph):
    nodes, edges = graph.to_dataframes()
    assert set(nodes["id"]) == set(graph.entities) | {e.key for e in graph.events}
    assert str(edges["confidence"].dtype) == "float64" and str(edges["evidence"].dtype) == "int64"
    assert str(edges["negated"].dtype) == "bool" and str(edges["first_date"].dtype).startswith("datetime64")
    facts = {r.triple for r in graph.facts()}
    shown = {(s, p, o) for s, p, o, n in zip(edges.source, edges.relation, edges.target, edges.negated) if not n}
    assert facts <= shown
    denied = edges[edges.negated]
    assert list(zip(denied.source, denied.relation, denied.target)) == [("hezbollah", "targeted", "syria")]
    alleged = edges[edges.alleged].iloc[0]
    assert alleged["asserted_by"] == ["iran"] and alleged["source"] == "israel"
    strike = edges[(edges.source == "israel") & (edges.relation == "targeted") & (edges.target == "hezbollah")].iloc[0]
    assert strike["first_date"] == pd.Timestamp("2024-03-10") and strike["sources"] == ["Desk B"]


def test_query_df_has_typed_columns(graph):
    counts = graph.query_df("relation-counts-by-month")
    assert str(counts["edges"].dtype) == "Int64" and counts["edges"].sum() >= len({r.triple for r in graph.facts()})
    evidence = graph.query_df("evidence", subject="iran")
    assert str(evidence["confidence"].dtype) == "float64"
    assert set(evidence["predicate"]) == {"kgo:condemned", "kgo:accused"}
    attacks = graph.query_df("attacks-on", target="us-forces")
    assert str(attacks["date"].dtype).startswith("datetime64") and len(attacks) == 1


def test_missing_pandas_says_how_to_install_it():
    code = ("import sys; sys.modules['pandas'] = None\n"  # pandas absent, as without the extra
            "import kg\n"
            "try:\n    kg.build(['Iran condemned Israel.']).to_dataframes()\n"
            "except ImportError as exc:\n    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "pip install 'kg[analysis]'" in done.stdout, done.stderr


def test_subgraph_filters(graph):
    cut = graph.subgraph(relations=["targeted"])
    assert {p for _, p, _ in (r.triple for r in cut.facts())} == {"targeted"} and not cut.events
    states = graph.subgraph(types=["State"])
    assert all(graph.entities[k].type == "State" for k in states.entities)
    assert ("iran", "condemned", "israel") in {r.triple for r in states.facts()}
    later = graph.subgraph(since=dt.date(2024, 2, 1))
    assert ("iran", "condemned", "israel") not in {r.triple for r in later.facts()}
    assert ("israel", "targeted", "hezbollah") in {r.triple for r in later.facts()}
    early = graph.subgraph(until="2024-01-31")
    assert {e.evidence.document for e in early.events} == {"one"}
    sure = graph.subgraph(min_confidence=0.9)
    assert all(r.confidence >= 0.9 for r in sure.relations) and len(sure.relations) < len(graph.relations)
    assert isinstance(cut, kg.KnowledgeGraph) and cut.to_dataframes()[1]["relation"].eq("targeted").all()
    assert set(graph.subgraph(relations=["condemned"]).entities) == {"iran", "israel"}  # only those named


def test_ego_reaches_k_hops_by_any_name(graph):
    one = graph.ego("SYRIA", hops=1)
    assert set(one._used_entities()) == {"syria", "hezbollah"}
    two = set(graph.ego("syria", hops=2)._used_entities())
    assert {"syria", "hezbollah", "israel", "israeli-forces", "lebanon"} <= two and "us-forces" not in two
    assert set(graph.ego("syria", hops=0).entities) == {"syria"}
    with pytest.raises(KeyError, match="no actor named"):
        graph.ego("Atlantis")
