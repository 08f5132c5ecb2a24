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
from .read import repair_surrogates
from .nlp import load_pipeline
from .resolve import ResolvedDoc, is_participant, resolve
from .resolve.state import entity_of

__all__ = ["DocumentResult", "parse", "process"]

log = logging.getLogger(__name__)

#: Longest text handed to spaCy at once, in characters.
SEGMENT_CHARS = 100_000




def _encodable(doc: Document) -> Document:
    """The document with any lone surrogate (a truncated emoji in scraped JSON) replaced by
    U+FFFD in every field, offsets unchanged: spaCy, and every RDF syntax, cannot encode one.

    >>> _encodable(Document("d\\ud800", "a \\udc00 b")).text == "a \\ufffd b"
    True
    """
    fields = ("id", "text", "source", "url", "title")
    values = {f: getattr(doc, f) for f in fields}
    fixed = {f: repair_surrogates(v) for f, v in values.items() if isinstance(v, str)}
    if all(fixed[f] == values[f] for f in fixed):
        return doc
    log.warning("%s: lone surrogates replaced by U+FFFD", fixed["id"])
    return replace(doc, **fixed)


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


def process(documents: Iterable[Document], *, model: str | None = None, batch_size: int = 16,
            on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[DocumentResult]:
    """Parse, resolve and extract every document, lazily, in input order.

    A document whose analysis fails is reported to ``on_error`` (by default
    logged) and skipped; the others go on.
    """
    nlp = load_pipeline(model)
    report = on_error or (lambda exc: log.error("%s", exc))
    pending: Document | None = None
    parts: list[ResolvedDoc] = []
    failed = False

    def finish() -> DocumentResult | None:
        if failed:
            return None
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        relations: list[Relation] = []
        events: list[Event] = []
        try:
            for rd in parts:
                for key, ent in rd.entities.items():
                    entities[key] = entities[key].merged(ent) if key in entities else ent
                mentions.extend(rd.mentions)
                rels, evs = extract(rd)
                relations.extend(rels)
                events.extend(evs)
            entities, mentions = _settled(pending.id, entities, mentions, relations, events)
        except Exception as exc:  # one bad document never costs the others
            report(ExtractionError(pending.id, f"extraction failed ({type(exc).__name__}: {exc})"))
            return None
        return DocumentResult(
            pending, tuple(entities[k] for k in sorted(entities)), tuple(mentions),
            tuple(relations), tuple(events),
        )

    stream = (seg for doc in documents for seg in _segments(_encodable(doc)))
    for spacy_doc, (doc, offset) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        if pending is not None and doc is not pending:
            result = finish()
            if result is not None:
                yield result
            parts, failed = [], False
        pending = doc
        if failed:
            continue
        try:
            parts.append(resolve(spacy_doc, doc, offset=offset))
        except Exception as exc:
            report(ExtractionError(doc.id, f"resolution failed ({type(exc).__name__}: {exc})"))
            failed = True
    if pending is not None:
        result = finish()
        if result is not None:
            yield result
