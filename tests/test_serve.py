"""kg serve: the SPARQL 1.1 Protocol endpoint, queried with plain HTTP (urllib) on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kg
from kg.errors import KGError
from kg.query import resolve_query
from kg.read import iter_documents
from kg.serve import make_server
from kg.store import Store

EXAMPLE = Path(__file__).parent.parent / "examples" / "iraq-drone-attacks.txt"
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g owl:sameAs ?i }"


@pytest.fixture(scope="module")
def graph():
    import datetime as dt

    return kg.build(iter_documents([str(EXAMPLE)], date=dt.date(2023, 10, 19)))


def _start(store, **options):
    server = make_server(store, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def endpoint(graph):
    server, thread, url = _start(Store().add_rdf(graph.to_dataset()), timeout=0.5, max_rows=5)
    yield url
    server.shutdown()
    server.server_close()
    thread.join(5)


def fetch(url, data=None, headers=None, method=None):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def get(endpoint, query, accept="application/sparql-results+json", **params):
    url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": query, **params})
    return fetch(url, headers={"Accept": accept})


ACCUSED = "SELECT ?o WHERE { kgr:kataib-hezbollah kgo:accused ?o }"


def test_serve_get_json(endpoint):
    status, headers, body = get(endpoint, ACCUSED)
    assert status == 200 and headers.get_content_type() == "application/sparql-results+json"
    bindings = json.loads(body)["results"]["bindings"]
    assert bindings == [{"o": {"type": "uri", "value": "https://w3id.org/newskg/id/united-states"}}]


def test_serve_post_form_and_sparql_query(endpoint):
    form = urllib.parse.urlencode({"query": resolve_query("who-accused-whom")}).encode()
    status, _, body = fetch(f"{endpoint}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded",
                                                         "Accept": "application/sparql-results+json"})
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert len(rows) == 5  # the row cap of this endpoint
    form = urllib.parse.urlencode({"query": resolve_query("who-accused-whom").replace(
        "ORDER BY", "# ORDER BY")}).encode()  # unsorted: the cap keeps any five
    status, _, body = fetch(f"{endpoint}/sparql?format=json", form,
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    status, _, body = fetch(f"{endpoint}/sparql", urllib.parse.urlencode(
        {"query": "SELECT ?o WHERE { kgr:us-government kgo:accused ?o }"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "kataib-hezbollah" in body
    status, _, body = fetch(f"{endpoint}/sparql", ACCUSED.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and "united-states" in body


@pytest.mark.parametrize(("accept", "ctype"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ("*/*", "application/sparql-results+json"),
])
def test_serve_content_negotiation(endpoint, accept, ctype):
    status, headers, body = get(endpoint, ACCUSED, accept)
    assert status == 200 and headers.get_content_type() == ctype
    if ctype.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        assert ET.fromstring(body).find(".//r:uri", ns).text.endswith("/united-states")
    elif ctype == "text/csv":
        assert list(csv.reader(io.StringIO(body))) == [["o"], ["https://w3id.org/newskg/id/united-states"]]
    elif ctype.endswith("values"):
        assert body.splitlines() == ["?o", "<https://w3id.org/newskg/id/united-states>"]


def test_serve_format_parameter_and_construct(endpoint):
    status, headers, _ = get(endpoint, ACCUSED, "*/*", format="tsv")
    assert status == 200 and headers.get_content_type() == "text/tab-separated-values"
    status, headers, body = get(endpoint, "CONSTRUCT WHERE { kgr:kataib-hezbollah kgo:accused ?o }", "text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle" and "united-states" in body
    status, _, body = get(endpoint, "ASK { kgr:kataib-hezbollah kgo:accused kgr:united-states }")
    assert json.loads(body) == {"head": {}, "boolean": True}
    assert get(endpoint, ACCUSED, "image/png")[0] == 406


def test_serve_is_read_only(endpoint):
    update = "DELETE WHERE { ?s ?p ?o }"
    assert fetch(f"{endpoint}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    form = urllib.parse.urlencode({"update": update}).encode()
    assert fetch(f"{endpoint}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    status, _, body = get(endpoint, update)  # an update sent as a query does not parse as one
    assert status == 400 and "malformed SPARQL" in body
    assert get(endpoint, "ASK { ?s ?p ?o }")[2].count("true") == 1  # nothing was deleted
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body


def test_serve_errors(endpoint):
    status, _, body = get(endpoint, "SELECT ?x WHERE {\n ?x")
    assert status == 400 and "line 2, column" in body
    assert fetch(f"{endpoint}/sparql?query=")[0] == 400  # (no query at all: the service description)
    assert fetch(f"{endpoint}/sparql", b"", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    assert fetch(f"{endpoint}/nothing")[0] == 404
    assert fetch(f"{endpoint}/sparql", b"x", {"Content-Type": "text/plain"})[0] == 415
    assert fetch(f"{endpoint}/sparql", headers={"Host": "attacker.example"})[0] == 403  # DNS rebinding


def test_serve_timeout_and_row_cap(endpoint):
    status, _, body = get(endpoint, SLOW)
    assert status == 503 and "timed out" in body
    status, headers, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_serve_page_escapes_everything(endpoint):
    status, headers, body = fetch(f"{endpoint}/")
    assert status == 200 and headers.get_content_type() == "text/html"
    assert "<textarea" in body and "who-accused-whom" in body
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    hostile = 'SELECT ?x WHERE { BIND ("<script>alert(1)</script>" AS ?x) }'
    status, _, body = fetch(f"{endpoint}/?" + urllib.parse.urlencode({"query": hostile}))
    assert status == 200 and "<script>" not in body and "&lt;script&gt;" in body
    assert "<table>" in body
    status, _, body = fetch(f"{endpoint}/?name=aligned-with")
    assert "kgo:alignedWith" in body


def test_serve_loopback_only():
    with pytest.raises(KGError, match="loopback"):
        make_server(Store(), host="0.0.0.0", port=0)


def test_serve_cli_subprocess(graph, tmp_path):
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl, format="turtle")
    kg_cmd = shutil.which("kg", path=str(Path(sys.executable).parent))
    proc = subprocess.Popen([kg_cmd, "serve", str(ttl), "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "/sparql" in line, proc.stderr.read() if proc.poll() is not None else line
        url = line.split("at ", 1)[1].split()[0]
        status, _, body = fetch(url + "?" + urllib.parse.urlencode({"query": ACCUSED}),
                                headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and "united-states" in body
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_public_names():
    import kg.serve
    import kg.serve_page

    assert kg.serve.__all__ == ["make_server"]
    assert kg.serve_page.__all__ == ["PAGE_HEADERS", "html_result", "page", "shipped_query_text"]


def test_serve_bounded_load_500_requests_from_20_threads(graph):
    """A bounded load test: 500 queries from 20 threads all answered correctly, none lost,
    and the server still answers afterwards (its own thread pool and query slots intact)."""
    from concurrent.futures import ThreadPoolExecutor

    server, thread, url = _start(Store().add_rdf(graph.to_dataset()), timeout=10)
    try:
        def one(i: int) -> tuple[int, list]:
            query = ACCUSED if i % 2 else "SELECT (COUNT(*) AS ?n) WHERE { ?s kgo:accused ?o }"
            status, _, body = get(url, query)
            return status, json.loads(body)["results"]["bindings"] if status == 200 else []

        with ThreadPoolExecutor(max_workers=20) as pool:
            answers = list(pool.map(one, range(500)))
        assert [s for s, _ in answers] == [200] * 500
        assert len({json.dumps(b, sort_keys=True) for s, b in answers[1::2]}) == 1  # the same rows every time
        assert get(url, ACCUSED)[0] == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
