"""The hostile corpus (``tests/hostile/``, written for these tests, plus a symbolic-link loop
made at test time) built with ``kg build``: what kg does with each case.

=========================  =============================================================
file                       what kg does
=========================  =============================================================
empty.txt, whitespace.txt  skipped: empty
binary.txt                 skipped: binary data (a PNG header and control bytes)
html.txt                   read; its tags are text, no script of it runs in graph.html
rtl.txt                    read (Arabic, Hebrew); bidirectional overrides replaced: repaired
cp1252.txt                 read in the legacy encoding detected: repaired
utf16.txt                  read by its byte-order mark
nul.txt, badbyte.txt       read, the NUL and the invalid byte replaced: repaired
names.jsonl                read: quotes, backslashes, line breaks, ``#``, ``%``, ``<>`` in
                           ids, titles, sources and urls; an id's line break: repaired
lines.jsonl                one line at a time: a malformed line, a line with no text, a text
                           that is a number, a JSON array, a value nested 5,000 deep:
                           skipped; an id that is a number, a duplicate id (renamed
                           ``dup#2``), lone surrogates, a url that is no IRI, a date not
                           understood: repaired; ``../../etc/passwd`` is only an id
truncated.jsonl.gz         the lines before the cut read; the cut line skipped: repaired
loop-a.txt, loop-b.txt     skipped: a loop of symbolic links
=========================  =============================================================
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.cli import main
from kg.outdir import verify
from kg.validate import validate_file

HOSTILE = Path(__file__).parent / "hostile"

#: (file, line) -> [(action, the start of the reason)], for every record errors.jsonl must hold.
EXPECTED = {
    ("badbyte.txt", None): [("repaired", "1 byte(s) not UTF-8 (first: byte 0xff at offset 31)")],
    ("binary.txt", None): [("skipped", "binary data, not text")],
    ("cp1252.txt", None): [("repaired", "not UTF-8 (byte 0xe9 at offset 5); read as cp125")],
    ("empty.txt", None): [("skipped", "empty: no text to read")],
    ("lines.jsonl", 2): [("skipped", "not valid JSON (Expecting ',' delimiter")],
    ("lines.jsonl", 3): [("skipped", "no 'text' string in this line")],
    ("lines.jsonl", 4): [("repaired", "id 42 is not a string; read as text")],
    ("lines.jsonl", 6): [("repaired", "document id 'dup' seen before; renamed 'dup#2'")],
    ("lines.jsonl", 8): [("repaired", "id: 1 lone surrogate(s) replaced by U+FFFD"),
                         ("repaired", "text: 1 lone surrogate(s) replaced by U+FFFD")],
    ("lines.jsonl", 9): [("repaired", "date 'last week' not understood; ignored"),
                         ("repaired", "url is not an IRI; kept as text, not a link")],
    ("lines.jsonl", 10): [("skipped", "a JSON value nested too deeply")],
    ("lines.jsonl", 11): [("skipped", "a JSONL line must be a JSON object")],
    ("lines.jsonl", 12): [("skipped", "no 'text' string in this line")],
    ("loop-a.txt", None): [("skipped", "a loop of symbolic links")],
    ("loop-b.txt", None): [("skipped", "a loop of symbolic links")],
    ("names.jsonl", 3): [("repaired", "id: line breaks, tabs and runs of spaces made one space")],
    ("nul.txt", None): [("repaired", "1 control character(s) replaced by spaces")],
    ("rtl.txt", None): [("repaired", "2 control character(s) replaced by spaces")],
    ("truncated.jsonl.gz", None): [("repaired", "truncated gzip data: read the 131 byte(s) before the cut")],
    ("truncated.jsonl.gz", 3): [("skipped", "not valid JSON (Unterminated string")],
    ("whitespace.txt", None): [("skipped", "empty: no text to read")],
}
DOCUMENTS = ["#hash%25<angle>", "../../etc/passwd", "42", "back\\slash", "bad-url", "badbyte.txt", "cp1252.txt",
             "dup", "dup#2", "gz0", "gz1", "html.txt", "new line", "nul.txt", "ok", 'quote"d', "rtl.txt",
             "surrogate\ufffd", "utf16.txt"]
SYNTAXES = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES, "graph.trig": ox.RdfFormat.TRIG,
            "graph.nq": ox.RdfFormat.N_QUADS, "graph.rdf": ox.RdfFormat.RDF_XML, "graph.jsonld": ox.RdfFormat.JSON_LD}
RDFLIB = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".rdf": "xml", ".jsonld": "json-ld"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE, root / "in")
    os.symlink("loop-b.txt", root / "in" / "loop-a.txt")
    os.symlink("loop-a.txt", root / "in" / "loop-b.txt")
    return root


@pytest.fixture(scope="module")
def built(corpus):
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    out = corpus / "out"
    status = main(["build", str(corpus / "in"), "-o", str(out), "--format", "nt", "json-ld", "trig", "xml", "nquads"])
    return status, out, before


def test_hostile_build_succeeds_and_writes_nothing_outside_outdir(built, corpus):
    status, out, before = built
    assert status == 0 and verify(out) == []
    after = sorted(p.relative_to(corpus) for p in corpus.rglob("*") if not p.is_relative_to(out))
    assert after == before
    assert not list(out.glob(".*"))


def test_hostile_every_case_is_listed_as_expected(built):
    _, out, _ = built
    records = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    got: dict = {}
    for r in records:
        got.setdefault((Path(r["file"]).name, r["line"]), []).append((r["action"], r["reason"]))
    assert set(got) == set(EXPECTED)
    for where, expected in EXPECTED.items():
        assert len(got[where]) == len(expected), where
        for (action, reason), (want_action, start) in zip(got[where], expected):
            assert action == want_action and reason.startswith(start), (where, reason)


def test_hostile_the_documents_read(built):
    _, out, _ = built
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ids = {d for node in data["nodes"] for d in node.get("documents", [])}
    assert ids <= set(DOCUMENTS)
    dataset = Dataset().parse(out / "graph.trig", format="trig")
    identifiers = {str(o) for _, p, o, _ in dataset.quads((None, None, None, None))
                   if str(p) == "http://purl.org/dc/terms/identifier"}
    assert sorted(identifiers) == sorted(DOCUMENTS)


def test_hostile_every_output_parses_and_validates(built):
    _, out, _ = built
    for name, fmt in SYNTAXES.items():
        data = (out / name).read_bytes()
        assert list(ox.parse(data, format=fmt)), name
        assert len(Dataset().parse(data=data.decode("utf-8"), format=RDFLIB[Path(name).suffix])), name
    assert validate_file(out / "graph.ttl").conforms


def test_hostile_no_markup_from_the_articles_in_the_page(built):
    _, out, _ = built
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ('<script>document.title="pwned"', "<img src=x onerror", 'onclick="alert(2)"', "<angle>"):
        assert raw not in page


def test_hostile_strict_fails_and_keeps_the_set(built, corpus, capsys):
    _, out, _ = built
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["build", str(corpus / "in"), "-o", str(out), "--strict"]) == 1
    assert "--strict: 11 input(s) skipped; nothing written" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
