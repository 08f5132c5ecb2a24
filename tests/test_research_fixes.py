"""Issue 20's quick fixes: python -m kg, declared networkx range, shipped queries that travel,
shipped queries by name from the library, --bind checks, kg validate's warnings, round trips."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal

import kg
from kg.cli import main
from kg.errors import QueryError, QueryRefusedError
from kg.query import shipped_queries
from kg.store import Store
from kg.vocab import KGR

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")

TEXTS = [
    kg.Document("a.txt", "Iran-backed militias attacked U.S. troops at Harir Air Base in Iraq. "
                "Kataib Hezbollah claimed responsibility for the attack.", dt.date(2024, 1, 28)),
    kg.Document("b.txt", "Kataib Hezbollah accused the United States of aiding Israel. "
                "The Palestinians were not mentioned again.", dt.date(2024, 2, 3)),
]


@pytest.fixture(scope="module")
def graph():
    return kg.build(TEXTS)


@pytest.fixture(scope="module")
def ttl(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "graph.ttl"
    graph.serialize(path)
    return path


def test_python_dash_m_kg_runs_the_command():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == f"kg {kg.__version__}"


def test_declared_networkx_range_covers_what_cli_uses():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    low = re.search(r'"networkx>=(\d+)\.(\d+)', text)
    assert low and (int(low.group(1)), int(low.group(2))) >= (3, 4)  # node_link_data(edges=) is 3.4
    installed = tuple(int(x) for x in version("networkx").split(".")[:2])
    assert installed >= (int(low.group(1)), int(low.group(2)))


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_shipped_query_runs_unchanged_without_predeclared_prefixes(name, graph):
    """Pasted into another SPARQL tool, each shipped query declares what it uses."""
    text = shipped_queries()[name].text
    nt = graph.serialize(format="nt")
    bare = ox.Store()
    bare.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    ox_rows = sorted(tuple(str(t) for t in row) for row in bare.query(text))  # no prefixes= given
    plain = rdflib.Graph(bind_namespaces="none")
    plain.parse(data=nt, format="nt")
    rdf_rows = plain.query(text)  # no initNs: the query alone
    assert len(ox_rows) == len(rdf_rows)
    kg_rows = Store().load_data(nt, format="nt").query(text).rows
    assert len(kg_rows) == len(ox_rows)


def test_shipped_query_by_name_from_the_library_ignores_case(graph):
    rows = graph.query("find-actor", name="kataib HEZBOLLAH")
    assert {str(r.actor) for r in rows} == {str(KGR["kataib-hezbollah"])}
    part = {str(r.label) for r in graph.query("find-actor", name="hezbollah")}
    assert part == {"Kataib Hezbollah"}
    assert len(graph.query("find-actor")) >= len(graph.entities) - 1  # unbound: every name
    assert graph.query("Find-Actor", name="nobody-of-that-name").bindings == []


def test_bare_key_binds_the_entity_and_strings_stay_strings(graph):
    by_key = graph.query("attacks-on", target="us-forces")
    by_iri = graph.query("attacks-on", target=KGR["us-forces"])
    assert len(by_key) == len(by_iri) > 0
    assert len(graph.query("attacks-on", target="not-an-entity")) == 0
    # ?name is documented as a string: an entity's key there is still text to search for
    assert {str(r.actor) for r in graph.query("find-actor", name="iran")} >= {str(KGR["iran"])}


def test_library_query_errors(graph):
    with pytest.raises(QueryError, match=r"no variable \?tgt"):
        graph.query("attacks-on", tgt="us-forces")
    with pytest.raises(QueryError, match="did you mean 'attacks-on'"):
        graph.query("atacks-on")
    with pytest.raises(QueryRefusedError, match="read-only"):
        graph.query("PREFIX kgo: <https://w3id.org/newskg/ontology#>\n"
                    "DELETE WHERE { ?s kgo:targeted ?o }")


def test_cli_bind_checks(ttl, capsys):
    assert main(["query", str(ttl), "attacks-on", "--bind", "tgt=us-forces"]) == 2
    assert "no variable ?tgt" in capsys.readouterr().err
    assert main(["query", str(ttl), "atacks-on"]) == 2
    assert "no shipped query named 'atacks-on'; did you mean 'attacks-on'" in capsys.readouterr().err
    assert main(["query", str(ttl), "INSERT DATA { <http://a> <http://b> <http://c> }"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["query", str(ttl), "attacks-on", "--bind", "target=us-forces", "--format", "csv"]) == 0
    bare = capsys.readouterr().out
    assert main(["query", str(ttl), "attacks-on", "--bind", "target=kgr:us-forces", "--format", "csv"]) == 0
    prefixed = capsys.readouterr().out
    assert bare == prefixed and len(bare.splitlines()) > 1


def test_cli_validate_prints_warnings_of_a_conforming_graph(tmp_path, capsys):
    path = tmp_path / "warn.ttl"
    path.write_text('@prefix kgo: <https://w3id.org/newskg/ontology#> .\n'
                    '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
                    '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                    '<https://w3id.org/newskg/id/iran> a kgo:State ; rdfs:label "Iran" ; skos:altLabel "Iran" .\n',
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: conforms" in out
    assert "1 warning" in out and "kgr:iran" in out


def test_load_keeps_entities_without_relations_and_their_coordinates(graph, ttl):
    back = kg.load(ttl)
    assert back.entities == graph.entities  # isolated ones and coordinates included
    lonely = set(graph.entities) - set(graph._used_entities())
    assert lonely, "the test texts should have an entity no relation uses"
    assert {r.triple for r in back.relations} == {r.triple for r in graph.relations}
    assert [e.key for e in back.events] == [e.key for e in graph.events]
