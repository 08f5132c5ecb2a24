"""kg.rdf.lines: N-Triples and N-Quads made straight from the records, byte for byte the
lines pyoxigraph's term syntax gives for the rdflib statements of kg.rdf.export."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyoxigraph as ox
import pytest

import kg
from kg.model import DocumentResult, Entity, Event, Evidence, Relation
from kg.rdf.export import _quads
from kg.rdf.lines import graph_lines, string
from kg.terms import to_ox

TEXTS = [
    kg.Document("d1", "Iran-backed militias attacked U.S. troops stationed in Syria. The PMF denied the report.",
                dt.date(2024, 1, 5), source="VOA", url="https://example.org/a?x=1", title='A "quoted" title'),
    kg.Document("d2", "Israel accused Hezbollah of attacking Israeli troops. Hamas fired rockets at Israel. "
                "Hamas claimed responsibility for the attack.", dt.date(2024, 2, 1), source="AP",
                url="http://[::1/not an iri"),
]

ODD = 'tab\there, "quotes", back\\slash, line\nbreak, \r, \x7f, \x01, \ufffe, café, 東京, 🙂'


def _odd_result() -> DocumentResult:
    """A hand-made result with every kind of record and text that needs escaping."""
    ev = Evidence("odd~1", ODD, 0, 5, dt.date(2024, 3, 1), "X", subject_span=(0, 2), trigger_span=(3, 4),
                  object_span=None)
    ents = (Entity("odd-a", ODD, "ArmedGroup", aliases=("A\\b", ODD, "plain", "del\x7f", "nc\uffff")),
            Entity("odd-b", "B", "Place", wikidata="Q42", coordinates=(33.5, -44.25)))
    rels = (Relation("odd-a", "targeted", "odd-b", 0.8765, ev, "rule \"x\""),
            Relation("odd-a", "targeted", "odd-b", 0.5, dataclasses.replace(ev, sentence="second"), "r2",
                     plover="ASSAULT"),
            Relation("odd-a", "targeted", "odd-b", 0.5, ev, "r3", negated=True),
            Relation("odd-b", "accused", "odd-a", 0.7, ev, "r4", asserted_by="odd-a", alleged=True),
            Relation("odd-a", "claimedResponsibilityFor", "odd~1-attack-1", 0.9, ev, "r5", asserted_by="odd-a"))
    events = (Event("odd~1-attack-1", "Attack", ODD, ev, "e1", 0.666, agents=("odd-a",), targets=("odd-b",),
                    location="odd-b", instrument="drone\n", outcome='"killed"', date=dt.date(2024, 3, 1),
                    claimed_by=("odd-a",), killed=3, wounded=0, unclaimed=True),)
    doc = kg.Document("odd~1", "", dt.date(2024, 3, 1), 'Src "1"', None, ODD, sha256="ab" * 32)
    return DocumentResult(doc, ents, (), rels, events)


@pytest.fixture(scope="module")
def graph():
    g = kg.build(TEXTS)
    g.add_result(_odd_result())
    return g


def _reference(graph, dataset: bool) -> list[str]:
    """What the writer wrote before: pyoxigraph's syntax of each rdflib term, distinct, sorted."""
    lines = set()
    for s, p, o, g in _quads(graph):
        where = f" {to_ox(g)}" if dataset and g is not None else ""
        lines.add(f"{to_ox(s)} {to_ox(p)} {to_ox(o)}{where} .\n")
    return sorted(lines)


@pytest.mark.parametrize("dataset", [False, True])
def test_rdf_lines_are_the_lines_of_the_rdflib_statements(graph, dataset):
    lines = graph_lines(graph, dataset=dataset)
    assert lines == _reference(graph, dataset)
    assert len(lines) > 150
    assert any(r"\"quotes\"" in line for line in lines)


def test_rdf_lines_serialize_writes_them_and_they_parse(graph, tmp_path):
    for fmt, name, dataset in (("nt", "g.nt", False), ("nquads", "g.nq", True)):
        graph.serialize(tmp_path / name, format=fmt)
        data = (tmp_path / name).read_bytes()
        assert data == "".join(_reference(graph, dataset)).encode("utf-8")
        parsed = list(ox.parse(data, format=ox.RdfFormat.N_QUADS if dataset else ox.RdfFormat.N_TRIPLES))
        assert len(parsed) == data.count(b"\n")


def test_rdf_lines_string_escapes_as_pyoxigraph_does_every_code_point():
    wrong = [hex(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
             and string(f"a{chr(c)}b") != str(ox.Literal(f"a{chr(c)}b"))]
    assert wrong == []


def test_rdf_lines_an_invalid_entity_key_is_an_error_not_a_bad_file():
    g = kg.KnowledgeGraph()
    res = _odd_result()
    g.add_result(dataclasses.replace(res, entities=(Entity("bad key", "Bad", "Person"),)))
    with pytest.raises(ValueError):
        graph_lines(g, dataset=False)
