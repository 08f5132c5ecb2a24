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
