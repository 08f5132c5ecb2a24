"""What kg writes conforms to its own SHACL shapes (ontology/shapes.ttl)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import kg
from kg.validate import validate, validate_file

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))

NEWS = [
    "Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant on Tuesday.",
    "Hamas fighters attacked Israeli troops near Rafah, and Israel vowed to strike back.",
    "The European Union imposed sanctions on Iran over drone sales to Russia.",
    "Sudan's army and the Rapid Support Forces clashed in Khartoum; the United Nations condemned the violence.",
    "Protesters rallied against the government in Baghdad, and police arrested dozens of them.",
    "A little-known group called the Martyrs Brigade claimed responsibility for the bombing of the embassy.",
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi.",
]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_output_of_every_example_validates(path, tmp_path):
    graph = kg.build([kg.Document(path.name, path.read_text(encoding="utf-8"), date=dt.date(2023, 10, 19))])
    for fmt, name in (("turtle", "g.ttl"), ("trig", "g.trig")):
        graph.serialize(tmp_path / name, format=fmt)
        report = validate_file(tmp_path / name)
        assert report.conforms, report.summary()


def test_output_of_many_documents_validates():
    docs = [kg.Document(f"n{i}", text, date=dt.date(2024, 3, i + 1), source="test") for i, text in enumerate(NEWS)]
    graph = kg.build(docs)
    assert len(graph.relations) >= 8
    report = validate(graph.to_rdf())
    assert report.conforms, report.summary()
