"""kg serve's opt-ins: CORS for chosen origins, listening beyond loopback, and the SPARQL
service description at /sparql without a query; each over real HTTP."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib

from kg.errors import KGError
from kg.serve import make_server
from kg.serve_access import Access, normalise_origin
from kg.serve_description import SD
from kg.store import Store

DATA = '<https://w3id.org/newskg/id/iran> <http://www.w3.org/2000/01/rdf-schema#label> "Iran" .'
QUERY = "SELECT ?l WHERE { ?s rdfs:label ?l }"


def _store():
    return Store().load_data(DATA, format="nt")


@pytest.fixture(scope="module")
def served():
    """A server letting in https://tool.example (CORS), on 127.0.0.1."""
    server = make_server(_store(), port=0, cors=["https://tool.example"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def fetch(url, headers=None, method=None, data=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def _query_url(base):
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": QUERY})


def test_serve_access_cors_origin_reads_answers(served):
    status, headers, body = fetch(_query_url(served), {"Origin": "https://tool.example",
                                                       "Sec-Fetch-Site": "cross-site"})
    assert status == 200 and '"Iran"' in body
    assert headers["Access-Control-Allow-Origin"] == "https://tool.example"
    assert "Origin" in headers["Vary"]


def test_serve_access_cors_preflight(served):
    status, headers, _ = fetch(f"{served}/sparql", {"Origin": "https://tool.example",
                                                    "Access-Control-Request-Method": "POST",
                                                    "Access-Control-Request-Headers": "content-type"},
                               method="OPTIONS")
    assert status == 204
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]
    status, headers, _ = fetch(f"{served}/sparql", {"Origin": "https://other.example"}, method="OPTIONS")
    assert status == 403 and "Access-Control-Allow-Origin" not in headers


def test_serve_access_other_origins_still_refused(served):
    status, headers, _ = fetch(_query_url(served), {"Origin": "https://other.example"})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    status, _, _ = fetch(_query_url(served), {"Host": "attacker.example"})
    assert status == 403  # the Host check stays on loopback


def test_serve_access_service_description(served):
    status, headers, body = fetch(f"{served}/sparql", {"Accept": "text/turtle"})
    assert status == 200 and headers.get_content_type() == "text/turtle"
    g = rdflib.Graph().parse(data=body, format="turtle")
    service = next(g.subjects(rdflib.RDF.type, SD.Service))
    assert str(g.value(service, SD.endpoint)) == f"{served}/sparql"
    assert g.value(service, SD.supportedLanguage) == SD.SPARQL11Query
    triples = g.value(g.value(g.value(service, SD.defaultDataset), SD.defaultGraph), rdflib.namespace.VOID.triples)
    assert int(triples) == 1
    status, headers, body = fetch(f"{served}/sparql", {"Accept": "application/n-triples"})
    assert status == 200 and headers.get_content_type() == "application/n-triples"
    assert len(rdflib.Graph().parse(data=body, format="nt")) == len(g)
    assert fetch(f"{served}/sparql?query=", {})[0] == 400  # an empty query is still an error


def test_serve_access_remote_needs_opt_in():
    with pytest.raises(KGError, match="loopback"):
        make_server(_store(), host="0.0.0.0", port=0)
    server = make_server(_store(), host="0.0.0.0", port=0, allow_remote=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        status, _, body = fetch(_query_url(base), {"Host": "kg.lan.example"})
        assert status == 200 and '"Iran"' in body  # clients name the machine as they know it
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_serve_access_command_warns_beyond_loopback(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text(DATA + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph), "--host", "0.0.0.0", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "serving 1 triples at http://0.0.0.0:" in line
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "warning: listening on 0.0.0.0" in err and "anyone who can reach" in err


def test_serve_access_command_rejects_bad_cors_origin(capsys):
    from kg.cli import main

    assert main(["serve", "--store", "nowhere", "--cors", "https://x.example/path"]) == 2
    assert "not an origin" in capsys.readouterr().err


def test_serve_access_policy_units():
    assert normalise_origin("https://x.example:443") == "https://x.example"
    with pytest.raises(ValueError):
        normalise_origin("ftp://x.example")
    anyone = Access(cors=frozenset({"*"}))
    assert anyone.cors_headers("https://a.example")["Access-Control-Allow-Origin"] == "*"
    assert Access().cors_headers("https://a.example") == {}
    assert Access(remote=True).host_ok("anything.example")
