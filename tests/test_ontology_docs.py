"""The generated ontology documentation (docs/ontology.md)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import RDFS

import kg.ontology_docs
from kg.ontology_docs import render_markdown
from kg.vocab import KGO, PLOVER, RELATION_PROPERTIES, ontology_graph

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "ontology.md"


def test_ontology_docs_committed_page_is_up_to_date():
    assert COMMITTED.read_text(encoding="utf-8") == render_markdown(), (
        "docs/ontology.md is stale: run `python -m kg.ontology_docs > docs/ontology.md`"
    )


def test_ontology_docs_module_main_writes_the_page():
    out = subprocess.run(
        [sys.executable, "-m", "kg.ontology_docs"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out == render_markdown()


def test_ontology_docs_is_deterministic():
    g = ontology_graph()
    triples = list(g)
    random.Random(7).shuffle(triples)
    shuffled = rdflib.Graph()
    for t in triples:
        shuffled.add(t)
    assert render_markdown(shuffled) == render_markdown(g) == render_markdown()


def test_ontology_docs_mentions_every_term():
    page = render_markdown()
    for term in dir(KGO):
        assert f"`kgo:{str(term).removeprefix(str(KGO._NS))}`" in page, term
    for concept in dir(PLOVER):
        assert f"`plover:{str(concept).removeprefix(str(PLOVER._NS))}`" in page, concept


def test_ontology_docs_relation_table_has_one_row_per_relation():
    lines = render_markdown().splitlines()
    start = lines.index("## Relation properties")
    rows = [line for line in lines[start:] if line.startswith("| `kgo:")]
    rows = rows[: len(RELATION_PROPERTIES)]
    assert {r.split("`")[1].removeprefix("kgo:") for r in rows} == RELATION_PROPERTIES
    header = next(line for line in lines[start:] if line.startswith("| property"))
    for column in ("domain", "range", "super-property", "symmetric", "inverse", "PLOVER", "CAMEO"):
        assert f"| {column} " in header
    aligned = next(r for r in rows if r.startswith("| `kgo:alignedWith`"))
    assert "| yes |" in aligned
    part_of = next(r for r in rows if r.startswith("| `kgo:partOf`"))
    assert "`kgo:hasMember`" in part_of


def test_ontology_docs_class_tree_nests_subclasses():
    page = render_markdown()
    assert "\n- **`kgo:NamedEntity`**" in page
    assert "\n  - **`kgo:Actor`**" in page
    assert "\n    - **`kgo:Organization`**" in page
    assert "\n      - **`kgo:ArmedGroup`**" in page
    assert "`kgo:State` (described under `kgo:Actor`)" in page


def test_ontology_docs_uses_a_given_graph():
    g = rdflib.Graph()
    g += ontology_graph()
    g.set((KGO.accused, RDFS.label, rdflib.Literal("charged", lang="en")))
    assert "| `kgo:accused` | charged |" in render_markdown(g)


def test_ontology_docs_public_names():
    assert sorted(kg.ontology_docs.__all__) == ["main", "render_markdown"]
