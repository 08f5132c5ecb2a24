"""The one table of RDF syntaxes and result formats (kg.formats): every entry is read and
written by the libraries it names, and the modules that used to keep their own tables agree."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import SUFFIX_FORMAT_MAP

from kg.formats import (
    RDF_SYNTAXES, RESULT_FORMATS, graph_answer_syntax, rdf_syntax, result_format, syntax_of_path,
)  # fmt: skip
from kg.store import QueryResult, Store

E = "http://example.org/"
TRIPLES = [
    (URIRef(E + "iran"), URIRef(E + "condemned"), URIRef(E + "israel")),
    (URIRef(E + "iran"), URIRef(E + "label"), Literal('Iran "the Islamic Republic"\nإيران', lang="en")),
    (URIRef(E + "iran"), URIRef(E + "killed"), Literal("3", datatype=XSD.integer)),
    (URIRef(E + "iran"), URIRef(E + "date"), Literal("2023-10-19", datatype=XSD.date)),
    (URIRef(E + "iran"), URIRef(E + "note"), Literal("a\\b\tc")),
]
NAMED = URIRef(E + "graph/doc-1")


def _dataset(named: bool) -> Dataset:
    ds = Dataset()
    for t in TRIPLES[:2]:
        ds.add(t)
    target = ds.graph(NAMED) if named else ds
    for t in TRIPLES[2:]:
        target.add(t)
    return ds


def _plain(term):
    """RDF 1.1: a literal typed xsd:string is the simple literal (rdflib's HexTuples parser types it)."""
    return Literal(str(term)) if isinstance(term, Literal) and term.datatype == XSD.string else term


def _rdflib_quads(ds: Dataset) -> set[tuple[str, ...]]:
    default = {None, rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
    return {(s.n3(), p.n3(), _plain(o).n3(), "" if g in default else g.n3()) for s, p, o, g in ds.quads()}


def _ox_quads(quads) -> set[tuple[str, ...]]:
    def n3(term) -> str:
        if isinstance(term, ox.DefaultGraph):
            return ""
        return rdflib.util.from_n3(str(term)).n3()  # pyoxigraph prints N-Triples terms
    return {(n3(q.subject), n3(q.predicate), n3(q.object), n3(q.graph_name)) for q in quads}


@pytest.mark.parametrize("syntax", RDF_SYNTAXES, ids=lambda s: s.name)
def test_formats_every_rdf_syntax_round_trips_through_rdflib_and_pyoxigraph(syntax):
    expected = _rdflib_quads(_dataset(syntax.dataset))
    assert len(expected) == len(TRIPLES)
    source = _dataset(syntax.dataset) if syntax.dataset else _dataset(False).default_graph
    data = source.serialize(format=syntax.rdflib, encoding="utf-8")
    back = Dataset()
    back.parse(data=data, format=syntax.rdflib)
    assert _rdflib_quads(back) == expected  # rdflib -> rdflib
    if syntax.ox is None:
        return
    assert _ox_quads(ox.parse(data, format=syntax.ox)) == expected  # rdflib -> pyoxigraph
    quads = list(ox.parse(data, format=syntax.ox))
    written = ox.serialize(quads if syntax.dataset else [q.triple for q in quads], format=syntax.ox)
    again = Dataset()
    again.parse(data=written, format=syntax.rdflib)
    assert _rdflib_quads(again) == expected  # pyoxigraph -> rdflib


@pytest.mark.parametrize("syntax", [s for s in RDF_SYNTAXES if s.ox is not None], ids=lambda s: s.name)
def test_formats_table_agrees_with_pyoxigraph(syntax):
    assert syntax.ox.media_type == syntax.media_type
    assert syntax.ox.file_extension == syntax.suffix
    assert ox.RdfFormat.from_extension(syntax.suffix) == syntax.ox
    if syntax.written:  # what kg writes from a dataset can hold one
        assert not syntax.dataset or syntax.ox.supports_datasets


def test_formats_suffixes_agree_with_rdflib_guess():
    known = {suffix: fmt for suffix, fmt in SUFFIX_FORMAT_MAP.items() if fmt != "rdfa"}
    for suffix, fmt in known.items():
        assert syntax_of_path(f"g.{suffix}").rdflib == fmt, suffix
    assert syntax_of_path("g.hext").name == "hext"  # rdflib does not guess HexTuples
    assert syntax_of_path("G.TTL").name == "turtle"
    assert syntax_of_path("README") is None and syntax_of_path("page.html") is None


def test_formats_names_and_aliases_are_unique():
    names = [n for s in RDF_SYNTAXES for n in (s.name, *s.aliases)]
    assert len(names) == len(set(names))
    suffixes = [x for s in RDF_SYNTAXES for x in s.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert rdf_syntax("NQ").name == "nquads" and rdf_syntax("sparql") is None


@pytest.mark.parametrize("fmt", RESULT_FORMATS, ids=lambda f: f.name)
def test_formats_every_result_format_round_trips_through_rdflib_and_pyoxigraph(fmt):
    store = Store().load_data('''
        <http://e/a> <http://e/p> "tab\\there, \\"quoted\\""@en, 3, <http://e/c> .
    ''', format="turtle")
    result = store.query("SELECT ?s ?o ?none WHERE { ?s ?p ?o } ORDER BY ?o")
    text = result.serialize(fmt.name)
    assert fmt.ox.media_type.split(";")[0] == fmt.media_type
    assert fmt.ox.file_extension == fmt.suffix
    expected = sorted([None if t is None else t.value for t in row] for row in result.rows)
    back = rdflib.query.Result.parse(io.StringIO(text), format=fmt.rdflib)
    assert [str(v) for v in back.vars] == ["s", "o", "none"]
    got = sorted([None if t is None else str(t) for t in row] for row in back)
    if fmt.name == "csv":  # lossy: rdflib reads every value as a literal, pyoxigraph refuses it
        assert [[v for v in row[:2]] for row in got] == [row[:2] for row in expected]
        return
    assert got == expected
    parsed = ox.parse_query_results(text.encode("utf-8"), fmt.ox)
    assert [v.value for v in parsed.variables] == ["s", "o", "none"]
    assert sorted([None if t is None else t.value for t in row] for row in parsed) == expected


def test_formats_graph_answers_and_unknown_names():
    assert graph_answer_syntax("json").name == "json-ld"
    assert graph_answer_syntax("table").name == "turtle"
    assert graph_answer_syntax("xml").name == "xml"
    assert graph_answer_syntax("tsv") is None and result_format("turtle") is None
    construct = QueryResult("CONSTRUCT", rows=((ox.NamedNode(E + "a"), ox.NamedNode(E + "b"),
                                                ox.Literal("c")),))
    assert "<http://example.org/a>" in construct.serialize("nt")
    assert construct.serialize("ntriples") == construct.serialize("nt")  # an alias, same writer
