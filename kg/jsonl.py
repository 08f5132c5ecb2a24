"""JSON Lines input: one document a line, every line and every field checked on its own.

A line that cannot be a document (not JSON, not an object, no ``text`` string, nested too
deeply) is an :class:`~kg.errors.InputError` and skipped; the others go on. A field that
can be read after a repair is repaired and the repair noted with the document: an ``id``,
``title``, ``source`` or ``url`` that is not a string is read as text, control characters
and lone surrogates are replaced, a ``date`` kg does not understand is dropped, a ``url``
that is no IRI is kept as text (an RDF literal, not a link).

Examples
--------
>>> lines = ['{"id": 7, "text": "Iran condemned Israel.", "date": "soon"}', '{"id": "b"}']
>>> errors = []
>>> [(d.id, line, notes) for d, _, line, notes in jsonl_documents(lines, "in.jsonl", errors.append)]
[('7', 1, ['id 7 is not a string; read as text', "date 'soon' not understood; ignored"])]
>>> errors[0].line, errors[0].doc_id, errors[0].reason
(2, 'b', "no 'text' string in this line")
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .decode import cleaned
from .errors import InputError
from .model import Document

__all__ = ["jsonl_documents", "parse_date"]

_OPTIONAL = ("source", "url", "title")


def _shown(value: object) -> str:
    """A JSON value, short, for a message."""
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _field(name: str, value: object, notes: list[str]) -> str | None:
    """An optional text field: ``None`` when absent or empty, else cleaned text, with a note
    for each repair."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        notes.append(f"{name} {_shown(value)} is not a string; read as text")
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    text, repairs = cleaned(value)
    notes.extend(f"{name}: {r}" for r in repairs)
    return text.strip() or None


def _document_id(obj: dict, fallback: str, notes: list[str]) -> str:
    """The line's id: its ``id`` as text, or ``fallback`` (file name and line) when it has
    none or only blanks."""
    raw = obj.get("id")
    doc_id = _field("id", raw, notes)
    if doc_id is not None and doc_id != " ".join(doc_id.split()):
        notes.append("id: line breaks, tabs and runs of spaces made one space")
        doc_id = " ".join(doc_id.split())
    if doc_id is None:
        if raw not in (None, ""):
            notes.append(f"id {_shown(raw)} is blank once cleaned; named {fallback!r}")
        return fallback
    return doc_id


def _document(obj: object, source: str, lineno: int) -> tuple[Document, list[str]]:
    """One line's document and the repairs made; :class:`InputError` when it has no text."""
    where = f"{source}:{lineno}"
    if not isinstance(obj, dict):
        raise InputError(where, "a JSONL line must be a JSON object", file=source, line=lineno)
    notes: list[str] = []
    doc_id = _document_id(obj, f"{Path(source).name}:{lineno}", notes)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no 'text' string in this line", file=source, line=lineno, doc_id=doc_id)
    text, repairs = cleaned(text)
    if not text.strip():
        raise InputError(where, "no text once control characters are removed", file=source, line=lineno,
                         doc_id=doc_id)
    notes.extend(f"text: {r}" for r in repairs)
    fields = {name: _field(name, obj.get(name), notes) for name in _OPTIONAL}
    if fields["url"] is not None and not _is_iri(fields["url"]):
        notes.append("url is not an IRI; kept as text, not a link")
    raw_date = obj.get("date")
    date = parse_date(raw_date)
    if date is None and raw_date not in (None, ""):
        notes.append(f"date {_shown(raw_date) if not isinstance(raw_date, str) else repr(raw_date[:40])} "
                     "not understood; ignored")
    return Document(id=doc_id, text=text, date=date, **fields), notes


def _is_iri(url: str) -> bool:
    """Whether kg writes this url as a link (an IRI every RDF parser takes)."""
    from .rdf.iris import is_safe_iri

    return is_safe_iri(url)


def parse_date(value: object) -> _dt.date | None:
    """Read a publication date from ``YYYY-MM-DD`` or an ISO timestamp.

    >>> parse_date("2023-10-18T09:30:00Z")
    datetime.date(2023, 10, 18)
    >>> parse_date("yesterday") is None
    True
    """
    if isinstance(value, _dt.date):
        return value if not isinstance(value, _dt.datetime) else value.date()
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def jsonl_documents(lines: Iterable[str], source: str,
                    on_error: Callable[[InputError], None]) -> Iterator[tuple[Document, str, int, list[str]]]:
    """The documents of JSON Lines, each with ``source``, its line number and its repairs;
    a line that is no document goes to ``on_error``, and so does a file with none."""
    count = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            doc, notes = _document(json.loads(line), source, lineno)
        except json.JSONDecodeError as exc:
            on_error(InputError(where, f"not valid JSON ({exc.msg.rstrip(':')}: character {exc.pos + 1})", file=source, line=lineno))
            continue
        except RecursionError:
            on_error(InputError(where, "a JSON value nested too deeply", file=source, line=lineno))
            continue
        except InputError as exc:
            on_error(exc)
            continue
        count += 1
        yield doc, source, lineno, notes
    if count == 0:
        on_error(InputError(source, "empty: no JSONL document in it", file=source))
