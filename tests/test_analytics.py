"""Analytics over the networkx graph (kg.analytics) and kg stats."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

import kg
from kg.analytics import bloc_hostility, blocs, centrality, interactions, pagerank, targeting
from kg.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

DOCS = [
    kg.Document("d1", "Iran supported Hezbollah. Russia cooperated with Syria. Hezbollah fired rockets at Israel.",
                dt.date(2024, 1, 5)),
    kg.Document("d2", "The United States supported Israel. Israel struck Hezbollah. Hezbollah fired rockets at Israel.",
                dt.date(2024, 2, 5)),
    kg.Document("d3", "Israel condemned Iran. Hezbollah attacked Israel. Russia supported Iran.", dt.date(2024, 3, 5)),
]


@pytest.fixture(scope="module")
def graph():
    return kg.build(DOCS)


@pytest.fixture(scope="module")
def g(graph):
    return graph.to_networkx()


def test_pagerank_is_the_fixed_point_networkx_computes():
    d = nx.gnp_random_graph(40, 0.1, seed=7, directed=True)
    for u, v in d.edges:
        d.edges[u, v]["weight"] = (u * v) % 4 + 1
    d.add_node(99)  # dangling
    ours = pagerank(d)
    reference = _pagerank_python(d, weight="weight", tol=1e-13, max_iter=1000)  # networkx without scipy
    assert max(abs(ours[n] - reference[n]) for n in d) < 1e-8
    assert abs(sum(ours.values()) - 1) < 1e-9


def test_centrality_ranks_the_hub_first_and_is_deterministic(graph, g):
    rows = centrality(g)
    assert rows[0]["actor"] == "hezbollah" and rows[0]["out"] == 4
    assert {r["actor"] for r in rows} == {"hezbollah", "israel", "iran", "syria", "russia", "united-states"}
    assert max(rows, key=lambda r: r["betweenness"])["actor"] == "iran"
    assert centrality(kg.build(list(reversed(DOCS))).to_networkx()) == rows


def test_time_window_counts_only_dated_evidence_inside(g):
    early = interactions(g, until="2024-01-31")
    assert set(early.edges) == {("iran", "hezbollah"), ("hezbollah", "iran"), ("russia", "syria"),
                                ("hezbollah", "israel")}
    late = centrality(g, since=dt.date(2024, 3, 1))
    assert {r["actor"] for r in late} == {"israel", "iran", "hezbollah", "russia"}


def test_who_targets_whom_by_documents(g):
    rows = targeting(g)
    assert [(r["source"], r["target"], r["documents"]) for r in rows] == [
        ("hezbollah", "israel", 3), ("israel", "hezbollah", 1)]
    assert targeting(g, since="2024-02-01", top=1)[0]["documents"] == 2


def test_blocs_and_hostility_between_them(g):
    groups = blocs(g)
    assert ["hezbollah", "iran"] in groups and ["israel", "united-states"] in groups
    rows = bloc_hostility(g, groups=groups)
    a, b = groups.index(["hezbollah", "iran"]) + 1, groups.index(["israel", "united-states"]) + 1
    pair = {(r["from"], r["to"]): r for r in rows}
    assert pair[a, b]["relations"] == {"targeted": 3}
    assert pair[b, a]["relations"] == {"condemned": 1, "targeted": 1}


def test_cli_stats_formats(graph, tmp_path, capsys):
    ttl = tmp_path / "g.ttl"
    graph.serialize(ttl)
    assert main(["stats", str(ttl)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Most central actors") and "Alignment blocs" in text and "hezbollah" in text
    assert main(["stats", str(ttl), "--format", "json", "--since", "2024-03-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"central", "targets", "blocs", "hostility"}
    assert {r["actor"] for r in data["central"]} == {"israel", "iran", "hezbollah", "russia"}
    assert main(["stats", str(ttl), "--format", "csv", "--table", "targets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "source,source_label,target,target_label,documents,reports"
    assert lines[1].startswith("hezbollah,Hezbollah,israel,Israel,3,")
    assert main(["stats", str(ttl), "--format", "csv"]) == 2
    assert "--table" in capsys.readouterr().err
