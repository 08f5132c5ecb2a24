"""Property-based tests (Hypothesis): whatever characters arrive in whatever field — lone
surrogates, control characters, noncharacters, bidirectional overrides, markup, quotes and
backslashes — ``kg.build`` does not crash, every document is either in the graph or reported,
every syntax kg writes parses in pyoxigraph and in rdflib, and what is written reads back
as the same graph (every label and title round-trips)."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import kg
from kg.read import iter_documents

#: Characters and pieces of markup that broke, or could break, a reader or a writer.
HOSTILE = ["\ud800", "\udfff", "\ud83d", "\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\u2028",
           "\u202e", "\u2066", "\ufeff", "\ufffe", "\uffff", "\u200b", "\u00ad", "\U0001f600", '"', "'",
           "\\", "<", ">", "&", "#", "%", "%ZZ", "\n", "\r", "\t", " ", "{", "}", "`", "]]>", "-->", "<script>",
           "@prefix", "_:b0", "^^", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644"]
WORDS = ["Iran", "Israel", "Hamas", "Hezbollah", "the United States", "Turkey", " condemned ", " attacked ",
         " accused ", " met ", " of ", ".", ". ", "\n"]
fragment = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(st.characters(), max_size=6))
field = st.lists(fragment, max_size=8).map("".join)
optional = st.one_of(st.none(), field)
url = st.one_of(st.none(), field, st.builds(lambda s: "http://example.org/" + s, field),
                st.sampled_from(["http://[::1/x", "https://example.org/a b", "javascript:alert(1)"]))
document = st.builds(kg.Document, id=field, text=st.lists(fragment, min_size=1, max_size=30).map("".join),
                     date=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
                     source=optional, url=url, title=optional)

SYNTAXES = [("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES), ("trig", ox.RdfFormat.TRIG),
            ("nquads", ox.RdfFormat.N_QUADS), ("xml", ox.RdfFormat.RDF_XML), ("json-ld", ox.RdfFormat.JSON_LD)]
FEW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _check_outputs(graph: kg.KnowledgeGraph) -> None:
    """Every syntax parses in both parsers; the triples read back are the graph's."""
    expected = graph.to_rdf()
    for name, fmt in SYNTAXES:
        text = graph.serialize(format=name)
        quads = list(ox.parse(text.encode("utf-8"), format=fmt))
        parsed = Dataset()
        parsed.parse(data=text, format=name)
        assert len(quads) == len(parsed), name
        union = Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            union.add((s, p, o))
        assert isomorphic(union, expected), name


@FEW
@given(st.lists(document, min_size=1, max_size=3))
def test_properties_build_never_crashes_and_every_output_reads_back(docs):
    errors: list = []
    graph = kg.KnowledgeGraph().update(docs, on_error=errors.append)
    assert errors == []
    ids = {d.id for d in graph.documents}
    assert len(ids) == len(graph) and len(graph) <= len(docs)
    _check_outputs(graph)


@FEW
@given(st.lists(st.fixed_dictionaries({"id": field, "text": field}, optional={
    "title": field, "url": url, "source": field, "date": field}), min_size=1, max_size=3))
def test_properties_jsonl_lines_are_read_or_reported_never_fatal(tmp_path_factory, lines):
    import json

    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    path.write_text("\n".join(json.dumps(obj) for obj in lines), encoding="utf-8")
    errors: list = []
    repaired: list = []
    docs = list(iter_documents([path], on_error=errors.append, on_repair=repaired.append))
    assert len(docs) + sum(e.line is not None for e in errors) == len(lines)
    for doc in docs:
        for value in (doc.id, doc.text, doc.title or "", doc.source or "", doc.url or ""):
            value.encode("utf-8")  # no lone surrogate is left in any field
    graph = kg.KnowledgeGraph().update(docs, on_error=errors.append)
    assert not [e for e in errors if e.line is None and "empty" not in e.reason]
    _check_outputs(graph)
