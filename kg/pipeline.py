"""The flow from documents to per-document results: parse, resolve, extract.

Texts are parsed lazily with ``nlp.pipe``; a long text is parsed in
segments cut at paragraph breaks, so no input is too big to read.

Examples
--------
>>> from kg.model import Document
>>> [r.document.id for r in process([Document("a", "Iran condemned Israel.")])]
['a']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from .errors import ExtractionError
from .extract import extract
from .gazetteer import load_gazetteer
from .model import Document, DocumentResult, Entity, Event, Mention, Relation
from .decode import writable
from .nlp import load_pipeline
from .resolve import ResolvedDoc, is_participant, resolve
from .resolve.state import entity_of

__all__ = ["DocumentResult", "parse", "process"]

log = logging.getLogger(__name__)

#: Longest text handed to spaCy at once, in characters.
SEGMENT_CHARS = 100_000




def _encodable(doc: Document) -> Document:
    """The document with every character no RDF syntax can carry as it is (a lone surrogate
    from a truncated emoji, a NUL, a carriage return, U+FFFF) replaced in every field, offsets
    unchanged (:func:`kg.decode.writable`): spaCy cannot encode a surrogate, RDF/XML cannot
    hold a NUL. Text read by :mod:`kg.read` has none left; this is for documents given to
    :func:`kg.build` directly.

    >>> _encodable(Document("d\\ud800", "a \\udc00 b\\x00")).text == "a \\ufffd b "
    True
    """
    fields = ("id", "text", "source", "url", "title")
    values = {f: getattr(doc, f) for f in fields}
    fixed = {f: writable(v) for f, v in values.items() if isinstance(v, str)}
    if all(fixed[f] == values[f] for f in fixed):
        return doc
    log.warning("%s: characters no RDF syntax can carry replaced", fixed["id"])
    return replace(doc, **fixed)  # type: ignore[arg-type]  # every field fixed is a str field


def _segments(doc: Document) -> Iterator[tuple[str, tuple[Document, int]]]:
    text = doc.text
    start = 0
    while start < len(text):
        end = min(len(text), start + SEGMENT_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + SEGMENT_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + SEGMENT_CHARS // 2, end)
                cut = cut + 1 if cut != -1 else -1
            end = cut + 1 if cut != -1 else end
        yield text[start:end], (doc, start)
        start = end


def _settled(doc_id: str, entities: dict[str, Entity], mentions: list[Mention], relations: list[Relation],
             events: list[Event]) -> tuple[dict[str, Entity], list[Mention]]:
    """A document's entities once its relations are known: an unnamed participant that takes
    part in no relation or event is dropped ("protesters gathered" adds no lone node), and an
    actor a relation names that the text does not (the state of a dated role) is added from
    the gazetteer."""
    involved = {k for r in relations for k in (r.subject, r.object)}
    involved |= {k for e in events for k in (*e.agents, *e.targets, *e.claimed_by)}
    idle = {k for k, e in entities.items() if k not in involved and is_participant(e, doc_id)}
    kept = {k: e for k, e in entities.items() if k not in idle}
    for key in sorted(involved - kept.keys()):
        known = _gazetteer_entity(key)
        if known is not None:
            kept[key] = known
    return kept, [m for m in mentions if m.entity not in idle]


def _gazetteer_entity(key: str) -> Entity | None:
    """The entity of a gazetteer key, for an actor a relation names that the text does not."""
    entry = load_gazetteer().get(key)
    return None if entry is None else entity_of(entry)


def parse(text: str, *, model: str | None = None, document: Document | None = None) -> ResolvedDoc:
    """Parse and resolve one short text (a convenience for exploring and tests).

    >>> rd = parse("Iraqi officials met Iranian diplomats.")
    >>> sorted(rd.entities)
    ['iran', 'iranian-government', 'iraq', 'iraqi-government']
    """
    nlp = load_pipeline(model)
    document = document or Document("text", text)
    return resolve(nlp(text), document)


class _Partial:
    """One document's results so far: each parsed segment is resolved and extracted as it
    comes, then only its records are kept, never its spaCy ``Doc`` (memory stays bounded
    however long the document)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.relations: list[Relation] = []
        self.events: list[Event] = []
        self.error: str | None = None

    def add(self, spacy_doc, offset: int) -> None:
        """Resolve and extract one parsed segment, keeping only its records."""
        if self.error is not None:
            return
        try:
            rd = resolve(spacy_doc, self.document, offset=offset)
        except Exception as exc:
            self.error = f"resolution failed ({type(exc).__name__}: {exc})"
            return
        try:
            for key, ent in rd.entities.items():
                self.entities[key] = self.entities[key].merged(ent) if key in self.entities else ent
            self.mentions.extend(rd.mentions)
            rels, evs = extract(rd)
        except Exception as exc:  # one bad document never costs the others
            self.error = f"extraction failed ({type(exc).__name__}: {exc})"
            return
        self.relations.extend(rels)
        self.events.extend(evs)

    def result(self) -> DocumentResult:
        """The document's result; raises :class:`ExtractionError` when a segment failed."""
        doc_id = self.document.id
        if self.error is None:
            try:
                entities, mentions = _settled(doc_id, self.entities, self.mentions, self.relations, self.events)
            except Exception as exc:
                self.error = f"extraction failed ({type(exc).__name__}: {exc})"
        if self.error is not None:
            raise ExtractionError(doc_id, self.error)
        return DocumentResult(self.document, tuple(entities[k] for k in sorted(entities)), tuple(mentions),
                              tuple(self.relations), tuple(self.events))


#: Most characters parsed in one batch: a long document's segments go through spaCy a few at a
#: time, not ``batch_size`` at once (16 segments of a 2 MB article held 1.6 MB of text in flight).
BATCH_CHARS = 100_000


def _batches(stream: Iterable[tuple[str, tuple[Document, int]]], batch_size: int,
             max_chars: int) -> Iterator[list[tuple[str, tuple[Document, int]]]]:
    """Consecutive segments in batches of at most ``batch_size`` items and, unless one segment
    alone is longer, ``max_chars`` characters."""
    batch: list[tuple[str, tuple[Document, int]]] = []
    chars = 0
    for item in stream:
        if batch and (len(batch) == batch_size or chars + len(item[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def process(documents: Iterable[Document], *, model: str | None = None, batch_size: int = 16,
            on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[DocumentResult]:
    """Parse, resolve and extract every document, lazily, in input order.

    A long document is parsed in segments; each segment is resolved and extracted as soon as
    it is parsed and only its records are kept. A document whose analysis fails is reported
    to ``on_error`` (by default logged) and skipped; the others go on.
    """
    nlp = load_pipeline(model)
    report = on_error or (lambda exc: log.error("%s", exc))
    pending: _Partial | None = None

    def finish(partial: _Partial) -> Iterator[DocumentResult]:
        try:
            yield partial.result()
        except ExtractionError as exc:
            report(exc)

    stream = (seg for doc in documents for seg in _segments(_encodable(doc)))
    for batch in _batches(stream, batch_size, BATCH_CHARS):
        for spacy_doc, (doc, offset) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if pending is not None and doc is not pending.document:
                yield from finish(pending)
            if pending is None or doc is not pending.document:
                pending = _Partial(doc)
            pending.add(spacy_doc, offset)
            del spacy_doc
    if pending is not None:
        yield from finish(pending)
