"""Shared fixtures: the real spaCy pipeline, loaded once per session."""

from __future__ import annotations

import pytest

import kg
from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(autouse=True)
def _no_silent_extraction_failure(caplog):
    """A document that kg skips because its extraction raised is logged by kg.pipeline; a test
    whose text hits such a bug would otherwise pass on an empty graph. Tests that give kg
    bad input on purpose pass ``on_error`` and so log nothing here."""
    yield
    failed = [r.getMessage() for r in (*caplog.get_records("setup"), *caplog.get_records("call"))
              if r.name == "kg.pipeline" and "extraction failed" in r.getMessage()]
    assert not failed, f"kg skipped a document whose extraction raised: {failed}"


def _unscoped(key: str, label: str) -> str:
    """An unnamed participant's key without its document and sentence scope
    ("protesters-1fafc2-0" -> "protesters"), so tests name it as a reader would."""
    slug = kg.names.slugify(label)
    return slug if key != slug and key.startswith(slug + "-") else key


@pytest.fixture(scope="session")
def edges_of(nlp):
    """Build a graph from one text and return its (subject, predicate, object) set."""

    def run(text: str, **kwargs) -> set[tuple[str, str, str]]:
        graph = kg.build([text], **kwargs)
        name = {k: _unscoped(k, e.label) for k, e in graph.entities.items()}
        return ({(name.get(s, s), p, name.get(o, o)) for s, p, o in (r.triple for r in graph.relations if not r.negated)}
                | {(name.get(c.triple[0], c.triple[0]), c.triple[1], "<event>") for c in graph.claims()})

    return run


class _Listener:
    """A real HTTP server on loopback that records every request made to it and
    answers like a SPARQL endpoint with one secret row: the target of a SERVICE
    (or rdflib FROM) a query should never reach."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.requests: list[str] = []
        body = (b'{"head":{"vars":["x"]},"results":{"bindings":'
                b'[{"x":{"type":"literal","value":"SECRET"}}]}}')
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    """A loopback HTTP listener; ``listener.requests`` lists the paths it was asked for."""
    server = _Listener()
    yield server
    server.close()
