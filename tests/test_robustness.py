"""Odd text never crashes a run or breaks an output: non-Latin scripts, emoji, punctuation
runs, broken introductions, very long tokens, random printable noise."""

from __future__ import annotations

import random
import string

import pytest
from rdflib import Dataset

import kg
from kg.validate import validate

ODD = [
    "حزب الله هاجم إسرائيل.",
    "!!!", "(((", '"""',
    "Iran " * 2000,
    "a" * 50_000,
    "The U.S. (PMF) (PMF) ( ) ) called",
    "al- al- al-",
    "Hezbollah, , , , attacked",
    "\U0001F600 Iran condemned \U0001F1EE\U0001F1F1 Israel.",
    "A group called , also known as , claimed responsibility for the attack on .",
    "He said it. They said he. She denied it.",
    "Israel-Hamas-Iran-US war.",
    "anti- pro- anti-pro-Iran militias",
]


@pytest.fixture(scope="module")
def graph():
    rng = random.Random(0)
    noise = ["".join(rng.choice(string.printable + "ﺍﺏ—–’“”") for _ in range(rng.randint(1, 300)))
             for _ in range(15)]
    errors: list = []
    docs = [kg.Document(f"t{i}", t) for i, t in enumerate(ODD + noise) if t.strip()]
    g = kg.KnowledgeGraph().update(docs, on_error=errors.append)
    assert errors == []
    assert len(g) == len(docs)
    return g


def test_robustness_outputs_parse_and_validate(graph, tmp_path):
    for fmt in ("turtle", "trig", "xml", "json-ld", "nt", "nquads"):
        path = tmp_path / f"g.{fmt}"
        graph.serialize(path, format=fmt)
        Dataset().parse(path, format=fmt)
    assert validate(graph.to_rdf()).conforms


def test_robustness_view_renders(graph, tmp_path):
    page = graph.to_html(tmp_path / "g.html")
    assert page.startswith("<!DOCTYPE html>") or "<html" in page[:500]
