"""SPARQL: the Store engines, the shipped queries on the example graph, result formats, kg query."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import kg
from kg.cli import main
from kg.errors import GraphFileError, QueryError
from kg.query import (
    QuerySyntaxError,
    QueryTimeoutError,
    format_result,
    format_table,
    parse_binding,
    resolve_query,
    run_query,
    shipped_queries,
)
from kg.read import iter_documents
from kg.store import QueryResult, Store
from kg.vocab import KGO, KGR

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "iraq-drone-attacks.txt"
DATE = dt.date(2023, 10, 19)
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def graph():
    return kg.build(iter_documents([str(EXAMPLE)], date=DATE))


@pytest.fixture(scope="module")
def files(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("graph")
    graph.serialize(out / "graph.ttl", format="turtle")
    graph.serialize(out / "graph.trig", format="trig")
    return out


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def store(request, graph):
    return Store(engine=request.param).add_rdf(graph.to_dataset())


@pytest.fixture(scope="module")
def ox_store(graph):
    return Store().add_rdf(graph.to_dataset())


@pytest.fixture(scope="module")
def two_documents():
    """The example plus a later article repeating one accusation."""
    later = kg.Document("later.txt", "Kataib Hezbollah accused the United States of supporting Israel.",
                        dt.date(2023, 11, 2))
    graph = kg.build([*iter_documents([str(EXAMPLE)], date=DATE), later])
    return Store().add_rdf(graph.to_dataset())


def rows(store, query_name, **bindings):
    """A shipped query's rows as dicts of variable -> compact text (kgr:x, kgo:p, literal)."""
    from kg.query import _cell

    result = store.query(resolve_query(query_name), bindings)
    return [dict(zip(result.vars, (_cell(t) for t in row))) for row in result]


def triples(rows_, *names):
    return {tuple(r[n] for n in names) for r in rows_}


# -- shipped queries ---------------------------------------------------------------------
def test_query_shipped_queries_are_described_and_mirrored_in_examples():
    shipped = shipped_queries()
    examples = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "examples" / "queries").glob("*.rq")}
    assert set(examples) == set(shipped) and len(shipped) >= 8
    for name, q in shipped.items():
        assert examples[name] == q.text, f"examples/queries/{name}.rq differs from ontology/queries"
        assert q.description and q.description.endswith("."), name


def test_query_who_accused_whom(store):
    found = rows(store, "who-accused-whom")
    edges = triples(found, "accuser", "relation", "accused")
    assert ("kgr:kataib-hezbollah", "kgo:accused", "kgr:united-states") in edges
    assert ("kgr:us-government", "kgo:accused", "kgr:kataib-hezbollah") in edges
    assert ("kgr:hadi-al-amiri", "kgo:blamed", "kgr:israel") in edges  # a sub-property of accused
    kh = next(r for r in found if r["accuser"] == "kgr:kataib-hezbollah" and r["accused"] == "kgr:united-states")
    assert kh["accuserLabel"] == "Kataib Hezbollah" and kh["documents"] == "1"
    assert "accused the United States" in kh["evidence"]
    only = rows(store, "who-accused-whom", accuser=KGR["kataib-hezbollah"])
    assert only and {r["accuser"] for r in only} == {"kgr:kataib-hezbollah"}


def test_query_aligned_with_a_state(store):
    found = rows(store, "aligned-with", state=KGR["iran"])
    pairs = triples(found, "actor", "relation")
    assert ("kgr:iran-backed-militias", "kgo:backedBy") in pairs
    assert ("kgr:kataib-hezbollah", "kgo:alignedWith") in pairs
    assert {r["state"] for r in found} == {"kgr:iran"}
    assert {r["stateLabel"] for r in found} == {"Iran"}
    assert rows(store, "aligned-with", state=KGR["united-states"]) == []


def test_query_attacks_on_an_actor_with_place_date_and_claimant(store):
    found = rows(store, "attacks-on", target=KGR["harir-air-base"])
    assert found
    claimed = [r for r in found if r["claimant"] == "kgr:tashkil-al-waritheen"]
    assert claimed, found
    assert claimed[0]["claimantLabel"] == "Tashkil al-Waritheen"
    assert claimed[0]["place"] == "kgr:erbil" and claimed[0]["date"] == "2023-10-19"
    targets = {r["target"] for r in rows(store, "attacks-on")}
    assert {"kgr:harir-air-base", "kgr:us-forces"} <= targets


def test_query_evidence_behind_an_edge(store):
    found = rows(store, "evidence", subject=KGR["kataib-hezbollah"], predicate=KGO.accused,
                 object=KGR["united-states"])
    assert len(found) == 1
    (row,) = found
    assert "accused the United States" in row["evidence"]
    assert row["identifier"] == "iraq-drone-attacks.txt" and row["date"] == "2023-10-19"
    assert 0 < float(row["confidence"]) <= 1


def test_query_allegations_with_accuser_and_denial(store):
    found = rows(store, "allegations")
    alleged = triples(found, "subject", "predicate", "object", "accuser", "denied")
    # "U.S. officials have accused Kataib Hezbollah of previous attacks ..., although the group
    # has denied these allegations": the officials' word, denied
    assert ("kgr:kataib-hezbollah", "kgo:targeted", "kgr:united-states", "kgr:us-government", "true") in alleged
    assert ("kgr:united-states", "kgo:aided", "kgr:israel", "kgr:kataib-hezbollah", "false") in alleged
    kh = next(r for r in found if r["subject"] == "kgr:kataib-hezbollah")
    assert kh["accuserLabel"] == "US government" and "have accused Kataib Hezbollah" in kh["evidence"]
    assert kh["identifier"] == "iraq-drone-attacks.txt"
    # each accuser's allegation comes with that accuser's sentence, not the other's
    support = {(r["accuser"], r["evidence"].split()[0]) for r in found
               if (r["subject"], r["predicate"]) == ("kgr:united-states", "kgo:supported")}
    assert support == {("kgr:hadi-al-amiri", "Amiri"), ("kgr:iraqi-armed-groups", "Leaders")}
    only = rows(store, "allegations", accuser=KGR["kataib-hezbollah"])
    assert only and {r["accuser"] for r in only} == {"kgr:kataib-hezbollah"}
    assert {r["subject"] for r in rows(store, "allegations", subject=KGR["united-states"])} == {"kgr:united-states"}
    # allegations are no edges: no direct triple, not counted by the queries of edges
    assert rows(store, "most-targeted") and "kgr:united-states" not in {
        r["actor"] for r in rows(store, "most-targeted")}
    assert ("out", "kgo:targeted", "kgr:united-states") not in triples(
        rows(store, "actor-relations", actor=KGR["kataib-hezbollah"]), "direction", "predicate", "other")


def test_query_most_targeted(store):
    found = rows(store, "most-targeted")
    actors = [r["actor"] for r in found]
    assert {"kgr:harir-air-base", "kgr:us-forces"} <= set(actors)
    docs = [int(r["documents"]) for r in found]
    assert docs == sorted(docs, reverse=True)
    us = next(r for r in found if r["actor"] == "kgr:us-forces")
    assert us["actorLabel"] == "US forces" and int(us["attacks"]) >= 1


def test_query_edges_by_support_threshold(store, two_documents):
    assert rows(store, "edges-by-support") == []  # one document: nothing reaches the default of 2
    one = rows(store, "edges-by-support", minDocuments=1)
    assert ("kgr:kataib-hezbollah", "kgo:accused", "kgr:united-states") in triples(one, "subject", "predicate", "object")
    two = rows(two_documents, "edges-by-support")
    assert ("kgr:kataib-hezbollah", "kgo:accused", "kgr:united-states", "2") in triples(
        two, "subject", "predicate", "object", "documents")
    assert all(int(r["documents"]) >= 2 for r in two)


def test_query_relations_over_time(two_documents):
    found = rows(two_documents, "relations-over-time", subject=KGR["kataib-hezbollah"],
                 object=KGR["united-states"])
    assert ("2023-10", "kgo:accused") in triples(found, "month", "predicate")
    assert ("2023-11", "kgo:accused") in triples(found, "month", "predicate")
    months = [r["month"] for r in found]
    assert months == sorted(months)
    counts = rows(two_documents, "relation-counts-by-month")
    assert {"2023-10", "2023-11"} <= {r["month"] for r in counts}


def test_query_find_actor_and_its_relations(store):
    assert triples(rows(store, "find-actor", name=Literal("Inheritor")), "actor", "label") == {
        ("kgr:tashkil-al-waritheen", "Tashkil al-Waritheen")}
    found = rows(store, "actor-relations", actor=KGR["kataib-hezbollah"])
    edges = triples(found, "direction", "predicate", "other")
    assert ("out", "kgo:accused", "kgr:united-states") in edges
    assert ("in", "kgo:accused", "kgr:us-government") in edges


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_query_engines_agree_on_shipped_queries(name, graph, two_documents):
    data = graph.to_dataset()
    answers = []
    for engine in ("oxigraph", "rdflib"):
        result = Store(engine=engine).add_rdf(data).query(resolve_query(name))
        answers.append(sorted(tuple(t.n3() if t is not None else "" for t in row) for row in result.to_rdflib()))
    assert answers[0] == answers[1]


# -- the engine --------------------------------------------------------------------------
def test_query_bindings_are_values_not_text(store):
    hostile = Literal("} UNION { ?accuser ?relation ?accused }")
    assert rows(store, "who-accused-whom", accuser=hostile) == []
    result = store.query("SELECT ?o WHERE { ?s kgo:accused ?o }", {"s": KGR["kataib-hezbollah"]})
    assert [row[0] for row in result.to_rdflib()] == [KGR["united-states"]]  # ?s not projected: still bound


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_syntax_error_has_line_and_column(engine):
    with pytest.raises(QuerySyntaxError) as info:
        Store(engine=engine).query("SELECT ?x\nWHERE { ?x ?y }")
    assert info.value.line == 2 and info.value.column is not None
    assert "malformed SPARQL query at line 2, column" in str(info.value)


def test_query_timeout_and_row_cap(ox_store):
    start = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="timed out after 0.3 s"):
        ox_store.query(SLOW + " LIMIT 1", timeout=0.3)  # noqa: ISC003
    assert time.monotonic() - start < 5
    capped = ox_store.query("SELECT * WHERE { ?s ?p ?o }", max_rows=3)
    assert len(capped) == 3 and capped.truncated
    assert not ox_store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 2", max_rows=3).truncated


def test_query_result_formats_match_pyoxigraph(ox_store):
    data = Store().load_data('''
        <http://e/a> <http://e/p> "tab\\there, \\"quoted\\""@en, 3, 2.5, "2023-10-19"^^<http://www.w3.org/2001/XMLSchema#date>, _:b, <http://e/c> .
    ''', format="turtle")
    q = "SELECT ?s ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?o"
    native = data._ox.query(q)
    mine = data.query(q)
    expected = [[t for t in row] for row in native]
    formats = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    assert mine.serialize("csv") == data._ox.query(q).serialize(format=formats["csv"]).decode()
    for name, fmt in formats.items():
        if name == "csv":  # lossy: pyoxigraph does not parse it back
            continue
        parsed = ox.parse_query_results(mine.serialize(name), fmt)
        assert [v.value for v in parsed.variables] == ["s", "o", "missing"]
        got = [list(row) for row in parsed]
        assert [[str(t) for t in r] for r in got] == [[str(t) for t in r] for r in expected], name
    ask = data.query("ASK { ?s ?p 3 }")
    assert json.loads(ask.serialize("json")) == {"head": {}, "boolean": True}
    assert bool(ox.parse_query_results(ask.serialize("xml"), ox.QueryResultsFormat.XML))


def test_query_run_query_accepts_stores_and_oxigraph_graphs(ox_store):
    q = "SELECT ?o WHERE { ?s kgo:accused ?o } ORDER BY ?o"
    a = run_query(ox_store, q, s=KGR["kataib-hezbollah"])
    b = run_query(ox_store.graph, q, s=KGR["kataib-hezbollah"])
    assert [r.o for r in a] == [r.o for r in b] == [KGR["united-states"]]
    assert "kgr:united-states" in format_table(a)
    assert json.loads(format_result(b, "json"))["results"]["bindings"]


def test_query_graph_view_is_rdflib(ox_store):
    g = ox_store.graph
    assert (KGR["kataib-hezbollah"], KGO.accused, KGR["united-states"]) in g
    assert isinstance(g.value(KGR["iran"], URIRef("http://www.w3.org/2000/01/rdf-schema#label")), Literal)


def test_query_on_disk_store_loads_once(graph, tmp_path):
    path = tmp_path / "db"
    with Store(path) as disk:
        disk.add_rdf(graph.to_dataset())
    with Store(path, read_only=True) as again:
        on_disk = rows(again, "who-accused-whom")
    assert on_disk == rows(Store().add_rdf(graph.to_dataset()), "who-accused-whom")
    with pytest.raises(GraphFileError):
        Store(tmp_path / "missing", read_only=True)
    with pytest.raises(QueryError, match="oxigraph"):
        Store(path, engine="rdflib")


def test_query_load_files_any_syntax(files):
    ttl = Store().load(files / "graph.ttl")
    trig = Store().load(files / "graph.trig")  # named graphs, queried as their union
    q = resolve_query("who-accused-whom")
    assert len(ttl.query(q)) == len(trig.query(q)) > 0
    with pytest.raises(GraphFileError, match="no such file"):
        Store().load(files / "nope.ttl")
    bad = files / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(GraphFileError, match="bad.ttl"):
        Store().load(bad)


def test_query_parse_binding():
    assert parse_binding("<http://e/x>") == URIRef("http://e/x")
    assert parse_binding("kgo:accused") == KGO.accused
    assert parse_binding("3.5") == Literal("3.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert parse_binding("true").toPython() is True
    assert parse_binding("Kataib Hezbollah") == Literal("Kataib Hezbollah")


def test_query_result_to_rdflib_plain_strings():
    r = QueryResult("SELECT", ("x",), ((ox.Literal("a"),),))
    assert [row.x for row in r.to_rdflib()] == [Literal("a")]


# -- kg query ----------------------------------------------------------------------------
def test_cli_query_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, q in shipped_queries().items():
        assert name in out and q.description in out
    assert "[bind ?state]" in out


def test_cli_query_shipped_by_name_with_bindings(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "aligned-with", "--bind", "state=kgr:iran"]) == 0
    out = capsys.readouterr().out
    assert "kgr:iran-backed-militias" in out and "kgo:backedBy" in out
    assert main(["query", str(files / "graph.trig"), "edges-by-support", "--bind", "minDocuments=1",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"][:3] == ["subject", "subjectLabel", "predicate"]
    assert len(data["results"]["bindings"]) > 10


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xml", "json"])
def test_cli_query_formats_same_on_both_engines(files, capsys, fmt):
    outs = []
    for engine in ("oxigraph", "rdflib"):
        assert main(["query", str(files / "graph.ttl"), "who-accused-whom", "--format", fmt,
                     "--engine", engine]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]


def test_cli_query_errors(files, capsys):
    assert main(["query", str(files / "graph.ttl"), "SELECT ?x WHERE {\n  ?x ?y }"]) == 2
    assert "malformed SPARQL query at line 2, column" in capsys.readouterr().err
    assert main(["query", str(files / "graph.ttl"), SLOW, "--timeout", "0.3"]) == 2
    assert "timed out" in capsys.readouterr().err
    assert main(["query", "who-accused-whom"]) == 2
    assert "graph files or --store" in capsys.readouterr().err


def test_cli_query_refuses_service_unless_allowed(files, capsys, listener):
    query = f"SELECT ?x WHERE {{ #\rSERVICE <{listener.url}/cli> {{ ?s ?p ?x }} }}"
    assert main(["query", str(files / "graph.ttl"), query]) == 2
    assert "SERVICE (a federated query) is refused" in capsys.readouterr().err
    assert listener.requests == []
    assert main(["query", str(files / "graph.ttl"), query, "--allow-service"]) == 0
    assert "SECRET" in capsys.readouterr().out and listener.requests == ["/cli"]


def test_cli_query_rdflib_engine_refuses_from(files, capsys, listener):
    query = f"SELECT * FROM <{listener.url}/graph> WHERE {{ ?s ?p ?o }}"
    assert main(["query", str(files / "graph.ttl"), query, "--engine", "rdflib"]) == 2
    assert "FROM is refused with the rdflib engine" in capsys.readouterr().err
    assert listener.requests == []
    assert main(["query", str(files / "graph.ttl"), query]) == 0  # oxigraph: FROM names a graph of the store


def test_cli_query_deep_nesting_is_an_error_not_a_crash(files):
    deep = "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"
    kg_cmd = shutil.which("kg", path=str(Path(sys.executable).parent))
    proc = subprocess.run([kg_cmd, "query", str(files / "graph.ttl"), deep], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "nests brackets 10002 deep" in proc.stderr
    chain = "SELECT * WHERE { FILTER(" + "!" * 20_000 + "true) }"  # no bracket, yet the parser recurses
    proc = subprocess.run([kg_cmd, "query", str(files / "graph.ttl"), chain, "--format", "csv"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_cli_build_and_query_store(tmp_path, capsys):
    db = tmp_path / "db"
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--date", "2023-10-19",
                 "--store", str(db)]) == 0
    capsys.readouterr()
    assert main(["query", "--store", str(db), "who-accused-whom", "--bind", "accused=kgr:united-states"]) == 0
    out = capsys.readouterr().out
    assert "kgr:kataib-hezbollah" in out and "kgr:us-government" not in out


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_no_match_gives_no_rows(engine, graph):
    store = Store(engine=engine).add_rdf(graph.to_dataset())
    nobody = KGR["nobody"]
    for name, q in shipped_queries().items():
        if q.parameters and not q.parameters[0].startswith("min"):
            value = Literal("nobody") if q.parameters[0] == "name" else nobody
            assert len(store.query(q.text, {q.parameters[0]: value})) == 0, name


#: Prefixes and one dated document, for the statements the tests below load.
_ONE_DOCUMENT = '''
    @prefix kgo: <https://w3id.org/newskg/ontology#> . @prefix kgr: <https://w3id.org/newskg/id/> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    <https://w3id.org/newskg/id/doc/a> a kgo:Document ; dcterms:date "2023-10-19"^^<http://www.w3.org/2001/XMLSchema#date> .
'''


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_negated_statements_are_not_relations(engine):
    store = Store(engine=engine).load_data(_ONE_DOCUMENT + '''
        kgr:statement1 a rdf:Statement ; rdf:subject kgr:kh ; rdf:predicate kgo:accused ; rdf:object kgr:us ;
            kgo:negated true ; kgo:evidence "KH denied accusing the US." ; prov:wasDerivedFrom <https://w3id.org/newskg/id/doc/a> .
    ''', format="turtle")
    for name in ("who-accused-whom", "edges-by-support", "relations-over-time", "relation-counts-by-month",
                 "actor-relations"):
        assert len(store.query(resolve_query(name), {"minDocuments": 1} if name == "edges-by-support" else {})) == 0
    (row,) = rows(store, "evidence", subject=KGR["kh"])
    assert row["negated"] == "true" and "denied" in row["evidence"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_alleged_statements_are_not_relations(engine):
    store = Store(engine=engine).load_data(_ONE_DOCUMENT + '''
        kgr:statement1 a rdf:Statement ; rdf:subject kgr:hamas ; rdf:predicate kgo:targeted ; rdf:object kgr:israel ;
            kgo:alleged true ; kgo:assertedBy kgr:idf ; kgo:evidence "The IDF accused Hamas of shelling Israel." ;
            prov:wasDerivedFrom <https://w3id.org/newskg/id/doc/a> .
    ''', format="turtle")
    for name in ("edges-by-support", "relations-over-time", "relation-counts-by-month", "actor-relations",
                 "most-targeted"):
        assert len(store.query(resolve_query(name), {"minDocuments": 1} if name == "edges-by-support" else {})) == 0
    (row,) = rows(store, "evidence", subject=KGR["hamas"])
    assert row["alleged"] == "true" and row["assertedBy"] == "kgr:idf"
    (row,) = rows(store, "allegations")
    assert (row["subject"], row["accuser"], row["denied"]) == ("kgr:hamas", "kgr:idf", "false")


def test_query_edges_in_period_cuts_the_graph_by_time(two_documents):
    everything = rows(two_documents, "edges-in-period")
    assert ("kgr:kataib-hezbollah", "kgo:accused", "kgr:united-states", "2", "2023-10-19", "2023-11-02") in triples(
        everything, "subject", "predicate", "object", "documents", "first", "last")
    later = rows(two_documents, "edges-in-period", since=dt.date(2023, 11, 1))
    assert {(r["subject"], r["predicate"], r["object"]) for r in later} == {
        ("kgr:kataib-hezbollah", "kgo:accused", "kgr:united-states")}  # only what the later article states
    earlier = rows(two_documents, "edges-in-period", until=dt.date(2023, 10, 31))
    assert len(earlier) == len(everything)  # every edge was first stated in October
    assert rows(two_documents, "edges-in-period", since=dt.date(2023, 11, 3)) == []
    assert len(rows(two_documents, "edges-in-period", minDocuments=2)) == 1


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_edges_in_period_on_both_engines(engine, graph):
    store = Store(engine=engine).add_rdf(graph.to_dataset())
    found = rows(store, "edges-in-period", since=dt.date(2023, 10, 19), until=dt.date(2023, 10, 19))
    assert found and all(r["first"] == r["last"] == "2023-10-19" for r in found)
