"""Shared fixtures: the real spaCy pipeline, loaded once per session."""

from __future__ import annotations

import pytest

import kg
from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def edges_of(nlp):
    """Build a graph from one text and return its (subject, predicate, object) set."""

    def run(text: str, **kwargs) -> set[tuple[str, str, str]]:
        graph = kg.build([text], **kwargs)
        return {r.triple for r in graph.relations if not r.negated} | {c.triple[:2] + ("<event>",) for c in graph.claims()}

    return run
