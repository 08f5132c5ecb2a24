"""The flow from documents to results: segments, order, and one bad document skipped."""

from __future__ import annotations

import kg
import kg.pipeline as pipeline
from kg.errors import ExtractionError
from kg.model import Document


def test_pipeline_long_text_is_parsed_in_segments(monkeypatch):
    monkeypatch.setattr(pipeline, "SEGMENT_CHARS", 200)
    text = "\n".join(f"Iran condemned Israel on day {i}." for i in range(40))
    [result] = list(pipeline.process([Document("long", text)]))
    rels = [r for r in result.relations if r.triple == ("iran", "condemned", "israel")]
    assert len(rels) == 40
    for r in rels:  # offsets are into the whole text, not the segment
        assert text[r.evidence.start:r.evidence.end] == r.evidence.sentence


def test_pipeline_keeps_input_order():
    docs = [Document(f"d{i}", f"Turkey criticized Greece {i} times.") for i in range(5)]
    assert [r.document.id for r in pipeline.process(docs, batch_size=2)] == [d.id for d in docs]


def test_pipeline_one_failing_document_is_reported_and_skipped(monkeypatch):
    real = pipeline.extract

    def fragile(rd, **kw):
        if "BOOM" in rd.document.text:
            raise RuntimeError("cannot analyse")
        return real(rd, **kw)

    monkeypatch.setattr(pipeline, "extract", fragile)
    errors: list[ExtractionError] = []
    docs = [Document("a", "Iran condemned Israel."), Document("b", "BOOM Hamas attacked Israel."),
            Document("c", "Egypt urged Hamas to stop.")]
    graph = kg.KnowledgeGraph().update(docs, on_error=errors.append)
    assert [d.id for d in graph.documents] == ["a", "c"]
    assert [e.source for e in errors] == ["b"] and "cannot analyse" in str(errors[0])


def test_pipeline_a_long_document_keeps_no_parsed_segment(monkeypatch):
    """Issue 17, item 8: each segment is resolved and extracted as it is parsed and its spaCy
    Doc let go, so memory for one document does not grow with its length."""
    import gc
    import weakref

    monkeypatch.setattr(pipeline, "SEGMENT_CHARS", 200)
    monkeypatch.setattr(pipeline, "BATCH_CHARS", 400)
    real = pipeline.resolve
    parsed: list = []
    alive: list[int] = []

    def watched(spacy_doc, document, **kw):
        gc.collect()
        alive.append(sum(ref() is not None for ref in parsed))  # earlier segments still held
        parsed.append(weakref.ref(spacy_doc))
        return real(spacy_doc, document, **kw)

    monkeypatch.setattr(pipeline, "resolve", watched)
    text = "\n".join(f"Iran condemned Israel on day {i}." for i in range(120))
    [result] = list(pipeline.process([Document("long", text)]))
    assert len(parsed) > 10 and max(alive) <= 2  # the batch in flight, never the whole document
    assert len([r for r in result.relations if r.triple == ("iran", "condemned", "israel")]) == 120
