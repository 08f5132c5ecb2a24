"""Exports (kg.exports, KnowledgeGraph.export, kg export), each read back by a real reader."""

from __future__ import annotations

import csv
import datetime as dt
import json

import networkx as nx
import pytest
import rdflib

import kg
from kg.cli import main
from kg.errors import KGError
from kg.exports import CSV_LIST_COLUMNS, flatten_graph
from kg.tables import edge_rows, node_rows

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

DOCS = [
    kg.Document("one", "Iran condemned Israel. Iran threatened Israel. The Kurds were not mentioned again.",
                dt.date(2024, 1, 10), source="Desk A"),
    kg.Document("two", "Hezbollah denied attacking Israel. Israel accused Hezbollah of attacking Israeli troops.",
                dt.date(2024, 2, 20), source="Desk B"),
    kg.Document("three", "Iran condemned Israel again.", dt.date(2024, 3, 5), source="Desk A"),
]


@pytest.fixture(scope="module")
def graph():
    return kg.build(DOCS)


@pytest.fixture(scope="module")
def full(graph):
    return graph.to_networkx(all_entities=True)


def test_export_graph_has_parallel_edges_isolated_entity_denial_and_allegation(graph, full):
    """The fixture covers what the exports must carry (or the other tests prove little)."""
    assert full.has_edge("iran", "israel", "condemned") and full.has_edge("iran", "israel", "threatened")
    assert any(full.degree(n) == 0 for n in full)
    rows = edge_rows(graph)
    assert any(r["negated"] for r in rows) and any(r["alleged"] for r in rows)
    condemned = next(r for r in rows if r["relation"] == "condemned")
    assert (condemned["evidence"], condemned["documents"], condemned["sources"]) == (2, ["one", "three"], ["Desk A"])
    assert (condemned["first_date"], condemned["last_date"]) == ("2024-01-10", "2024-03-05")


def test_export_graphml_reads_back_with_networkx(graph, full, tmp_path):
    assert graph.export(tmp_path / "g.graphml") == [tmp_path / "g.graphml"]
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert set(back.nodes) == set(full.nodes)
    assert set(back.edges(keys=True)) == set(full.edges(keys=True))
    edge = back.edges["iran", "israel", "condemned"]
    assert edge["evidence"] == 2 and isinstance(edge["confidence"], float)
    assert json.loads(edge["evidence_json"]) == full.edges["iran", "israel", "condemned"]["evidence"]
    assert edge["documents"] == "one; three" and edge["first_date"] == "2024-01-10"
    assert back.nodes["iran"]["label"] == "Iran" and back.nodes["iran"]["kind"] == "entity"


def test_export_gexf_reads_back_with_networkx(graph, full, tmp_path):
    graph.export(tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert set(back.nodes) == set(full.nodes)
    assert sorted((u, v, d["predicate"]) for u, v, d in back.edges(data=True)) == sorted(full.edges(keys=True))
    assert back.nodes["israel"]["label"] == "Israel"


def test_flattened_graph_writes_with_networkx_directly(full, tmp_path):
    with pytest.raises(nx.NetworkXError):
        nx.write_graphml(full, tmp_path / "raw.graphml")  # kg's list and dict attributes
    flat = flatten_graph(full)
    nx.write_graphml(flat, tmp_path / "flat.graphml")
    nx.write_gexf(flat, tmp_path / "flat.gexf")
    nx.write_gml(flat, tmp_path / "flat.gml")
    assert nx.read_gml(tmp_path / "flat.gml", label="id").number_of_edges() == full.number_of_edges()


def test_export_csv_reads_back_with_pandas(graph, tmp_path):
    import pandas as pd
    written = graph.export(tmp_path / "tables", format="csv")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    nodes = pd.read_csv(tmp_path / "tables" / "nodes.csv")
    edges = pd.read_csv(tmp_path / "tables" / "edges.csv")
    assert sorted(nodes["id"]) == sorted(r["id"] for r in node_rows(graph))
    assert len(edges) == len(edge_rows(graph))
    assert edges["negated"].dtype == bool and edges["negated"].any()
    row = edges[(edges["source"] == "iran") & (edges["relation"] == "condemned")].iloc[0]
    assert json.loads(row["documents"]) == ["one", "three"] and row["evidence"] == 2


def test_export_csv_list_cells_are_json_arrays_pandas_reads_back(tmp_path):
    import pandas as pd
    ids = ["wire;1", 'wire,"2"', "wire 3"]
    g = kg.build([kg.Document(i, "Iran condemned Israel.", dt.date(2024, 1, n + 5), source=f"Desk;{n}")
                  for n, i in enumerate(ids)])
    g.export(tmp_path / "t", format="csv")
    lists = {c: json.loads for c in CSV_LIST_COLUMNS}
    edges = pd.read_csv(tmp_path / "t" / "edges.csv", converters=lists)
    nodes = pd.read_csv(tmp_path / "t" / "nodes.csv", converters=lists)
    row = edges[edges["relation"] == "condemned"].iloc[0]
    assert row["documents"] == sorted(ids) and row["sources"] == ["Desk;0", "Desk;1", "Desk;2"]
    assert row["asserted_by"] == [] and row["evidence"] == 3
    iran = nodes[nodes["id"] == "iran"].iloc[0]
    assert iran["documents"] == sorted(ids) and isinstance(iran["aliases"], list)
    assert {c for r in [*node_rows(g), *edge_rows(g)] for c, v in r.items() if isinstance(v, list)} \
        <= set(CSV_LIST_COLUMNS)


def test_export_neo4j_headers_and_references(graph, tmp_path):
    graph.export(tmp_path / "neo", format="neo4j")
    with open(tmp_path / "neo" / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "neo" / "relationships.csv", newline="", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    assert list(nodes[0])[0] == "id:ID" and list(nodes[0])[-1] == ":LABEL"
    assert list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"confidence:float", "evidence:int", "documents:string[]", "negated:boolean",
            "first_date:date"} <= set(rels[0])
    ids = {n["id:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    iran = next(n for n in nodes if n["id:ID"] == "iran")
    assert iran[":LABEL"] == "Entity;State"
    for r in rels:  # every typed value parses as its type says
        float(r["confidence:float"]), int(r["evidence:int"])
        assert r["negated:boolean"] in {"true", "false"}
        if r["first_date:date"]:
            dt.date.fromisoformat(r["first_date:date"])
    condemned = next(r for r in rels if r[":TYPE"] == "condemned")
    assert condemned["documents:string[]"].split(";") == ["one", "three"]


def test_export_neo4j_array_delimiter_never_inside_a_value(tmp_path):
    import subprocess

    g = kg.build([kg.Document("wire;1", "Iran condemned Israel.", dt.date(2024, 1, 5)),
                  kg.Document("wire;2", "Iran condemned Israel.", dt.date(2024, 1, 6))])
    written = g.export(tmp_path / "neo", format="neo4j")
    assert [p.name for p in written] == ["nodes.csv", "relationships.csv", "import.sh"]
    script = (tmp_path / "neo" / "import.sh").read_text(encoding="utf-8")
    assert "--array-delimiter='|'" in script  # ";" is inside a document id
    subprocess.run(["sh", "-n", str(tmp_path / "neo" / "import.sh")], check=True)  # it parses
    with open(tmp_path / "neo" / "relationships.csv", newline="", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    condemned = next(r for r in rels if r[":TYPE"] == "condemned")
    assert condemned["documents:string[]"].split("|") == ["wire;1", "wire;2"]
    with open(tmp_path / "neo" / "nodes.csv", newline="", encoding="utf-8") as f:
        iran = next(n for n in csv.DictReader(f) if n["id:ID"] == "iran")
    assert iran[":LABEL"] == "Entity|State"
    plain = kg.build([kg.Document("one", "Iran condemned Israel.")])
    plain.export(tmp_path / "plain", format="neo4j")
    assert "--array-delimiter=';'" in (tmp_path / "plain" / "import.sh").read_text(encoding="utf-8")


def test_export_jsonld_reads_back_with_rdflib(graph, tmp_path):
    graph.export(tmp_path / "g.jsonld")
    text = (tmp_path / "g.jsonld").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["@context"]["kgr"] == "https://w3id.org/newskg/id/"
    assert any(node["@id"] == "kgr:iran" for node in data["@graph"])  # compact IRIs
    back = rdflib.Graph().parse(data=text, format="json-ld")
    assert back.isomorphic(graph.to_rdf())


def test_export_is_deterministic(graph, tmp_path):
    for name in ("a", "b"):
        for suffix in ("graphml", "gexf", "gml", "jsonld"):
            graph.export(tmp_path / name / f"g.{suffix}")
        graph.export(tmp_path / name / "csv", format="csv")
        graph.export(tmp_path / name / "neo4j", format="neo4j")
    for path in sorted((tmp_path / "a").rglob("*.*")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes(), path


def test_export_format_errors(graph, tmp_path):
    with pytest.raises(KGError, match="two files"):
        graph.export(tmp_path / "g.csv")
    with pytest.raises(KGError, match="cannot tell the export format"):
        graph.export(tmp_path / "g.xyz")


def test_cli_export_from_a_graph_file(graph, tmp_path, capsys):
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl)
    assert main(["export", str(ttl), str(tmp_path / "out.graphml")]) == 0
    assert "wrote" in capsys.readouterr().out
    back = nx.read_graphml(tmp_path / "out.graphml", force_multigraph=True)
    assert set(back.nodes) == set(graph.to_networkx(all_entities=True).nodes)
    assert main(["export", str(ttl), str(tmp_path / "csv"), "--format", "csv"]) == 0
    assert (tmp_path / "csv" / "edges.csv").is_file()
    assert main(["export", str(ttl), str(tmp_path / "g.csv")]) == 2
