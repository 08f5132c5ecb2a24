"""Inputs to :class:`~kg.model.Document` records.

kg reads plain-text files, directories of them (recursively, ``*.txt`` and
``*.jsonl``), JSON Lines files (one object a line with ``id``, ``text`` and
optional ``date``, ``source``, ``url``, ``title``) and standard input (``-``),
each also gzip-compressed (``*.txt.gz``, ``*.jsonl.gz``; a bare ``*.gz`` is JSON
Lines when it starts with ``{``). Documents are produced lazily, one at a time:
JSON Lines are read line by line (:mod:`kg.streams`), never whole.

A bad input never stops the run: it is turned into an :class:`InputError`
naming the file (and line) and handed to ``on_error``; the other inputs go on.
Good text is not thrown away: a byte-order mark, a legacy encoding (Latin-1,
Windows-1252), a stray NUL or a few bad bytes are read with a warning; only data
that is mostly control bytes is refused as binary.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Iran condemned the strike.", encoding="utf-8")
>>> _ = (d / "b.txt").write_bytes(bytes(range(32)) * 4)
>>> errors = []
>>> [doc.id for doc in iter_documents([d], on_error=errors.append)]
['a.txt']
>>> print(errors[0].reason)
binary data, not text
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document
from .streams import BOMS as _BOMS
from .streams import UTF8_SEQUENCE as _UTF8_SEQUENCE
from .streams import inner_suffix, is_gzip, looks_jsonl, open_input, read_limited, text_lines, with_head
from .streams import is_binary as _binary

__all__ = ["clean_text", "count_documents", "iter_documents", "parse_date", "repair_surrogates"]

log = logging.getLogger(__name__)

#: Largest text kg reads as one document, in bytes (a text file, or one JSON Lines line);
#: larger ones are reported and skipped. A JSON Lines file may be of any size.
MAX_FILE_BYTES = 200 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")
#: Invisible characters inside words, deleted so they do not split a name ("Hez\u200bbollah",
#: "Syr\u00ada"): zero-width space, non-joiner, joiner, soft hyphen, word joiner, BOM, and the
#: noncharacters U+FFFE/U+FFFF, which no RDF syntax may carry.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ufffe\uffff]")
#: A lone UTF-16 surrogate (a truncated emoji in scraped JSON): no text encoding can carry it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def clean_text(text: str) -> str:
    """Normalise line ends, replace control characters with spaces, delete invisible
    characters inside words and replace lone surrogates with U+FFFD.

    >>> clean_text("Hamas\\x07 said\\r\\nno.")
    'Hamas  said\\nno.'
    >>> clean_text("Hez\\u200bbollah and Syr\\u00adia")
    'Hezbollah and Syria'
    >>> clean_text("emoji \\ud83d cut") == "emoji \\ufffd cut"
    True
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _INVISIBLE.sub("", _CONTROL.sub(" ", text)))


def repair_surrogates(text: str) -> str:
    """Lone surrogates replaced by U+FFFD, nothing else changed (the same length, so offsets
    into the text still hold).

    >>> repair_surrogates("a \\ud800 b") == "a \\ufffd b"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


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


def _decode(data: bytes, source: str) -> str:
    """Text from bytes: the encoding a byte-order mark announces, else UTF-8, else the legacy
    encoding charset-normalizer detects (Latin-1, Windows-1252...), with isolated bad bytes
    replaced; a fallback is logged as a warning. Only what is really binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(encoding))
            except UnicodeDecodeError:
                break
    if _binary(data):
        raise InputError(source, "binary data, not text")
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if len(_UTF8_SEQUENCE.findall(data)) >= bad:  # UTF-8 text with a few bad bytes: replace them
        log.warning("%s: %d byte(s) not UTF-8 (first: %s) replaced", source, bad, first)
        return clean_text(replaced)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "utf_8"
    log.warning("%s: not UTF-8 (%s); read as %s", source, first, encoding)
    return clean_text(data.decode(encoding, errors="replace"))


def _text_document(text: str, source: str, doc_id: str, date: _dt.date | None) -> Document:
    if not text.strip():
        raise InputError(source, "empty: no text to read")
    return Document(id=doc_id, text=text, date=date)


def _jsonl_documents(
    lines: Iterable[str], source: str, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    count = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputError(where, "a JSONL line must be a JSON object")
            text = obj.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError(where, "no 'text' string in this line")
            doc_id = obj.get("id")
            doc_id = str(doc_id) if doc_id not in (None, "") else f"{Path(source).name}:{lineno}"
            yield Document(
                id=clean_text(doc_id).strip(),
                text=clean_text(text),
                date=parse_date(obj.get("date")),
                source=_opt_str(obj.get("source")),
                url=_opt_str(obj.get("url")),
                title=_opt_str(obj.get("title")),
            )
            count += 1
        except json.JSONDecodeError as exc:
            on_error(InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})"))
        except RecursionError:
            on_error(InputError(where, "a JSON value nested too deeply"))
        except InputError as exc:
            on_error(exc)
    if count == 0:
        on_error(InputError(source, "empty: no JSONL document in it"))


def _opt_str(value: object) -> str | None:
    return clean_text(str(value)).strip() or None if value not in (None, "") else None


def _kind(path: Path) -> str | None:
    """``"jsonl"`` or ``"text"`` as the file name says; ``None`` for a ``.gz`` that does not say."""
    suffix = inner_suffix(path)
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    return None if is_gzip(path) and suffix not in _TEXT_SUFFIXES else "text"


def _read_file(
    path: Path, date: _dt.date | None, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    source = str(path)
    kind = _kind(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO blocks for ever, /dev/zero never ends
            raise InputError(source, "not a regular file (a FIFO, device or socket)")
        if kind == "text" and not is_gzip(path) and info.st_size > MAX_FILE_BYTES:
            raise InputError(source, f"too large ({info.st_size} bytes; the limit is {MAX_FILE_BYTES})")
        fh = open_input(path)
    except InputError as exc:
        on_error(exc)
        return
    except OSError as exc:
        on_error(InputError(source, exc.strerror or str(exc)))
        return
    with fh:
        try:
            head, stream = with_head(fh, source)
            if kind == "jsonl" or (kind is None and looks_jsonl(head)):
                lines = text_lines(head, stream, source, on_error, clean=clean_text, limit=MAX_FILE_BYTES)
                yield from _jsonl_documents(lines, source, on_error)
            else:
                doc_id = path.name[: -len(".gz")] if is_gzip(path) else path.name
                yield from _text_stream(stream, source, doc_id, date, on_error)
        except InputError as exc:
            on_error(exc)
        except OSError as exc:
            on_error(InputError(source, exc.strerror or str(exc)))


def _text_stream(stream, source: str, doc_id: str, date: _dt.date | None,
                 on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """One text document from a stream (never more than the limit read); a gzip stream cut
    short keeps its whole lines, and the damage is reported."""
    data, damage = read_limited(stream, source, limit=MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, f"too large (over {MAX_FILE_BYTES} bytes)")
    if damage is not None:
        on_error(damage)
        if not data.strip():
            return
    yield _text_document(_decode(data, source), source, doc_id, date)


def _expand(inputs: Iterable[str | os.PathLike[str]], on_error) -> Iterator[Path | str]:
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(_walk(path, on_error))
            if not files:
                on_error(InputError(str(path), "directory holds no .txt or .jsonl file"))
            yield from files
        elif path.exists():
            yield path
        elif path.is_symlink():
            on_error(InputError(str(path), "a symbolic link to nothing"))
        else:
            on_error(InputError(str(path), "no such file or directory"))


def _walk(root: Path, on_error) -> Iterator[Path]:
    """The text and JSONL files under a directory, in a stable order, without following links
    to directories (no loop); an unreadable sub-directory, a dangling link or a FIFO with a
    text suffix is reported, never skipped in silence."""
    def unreadable(exc: OSError) -> None:
        on_error(InputError(str(exc.filename or root), f"unreadable directory ({exc.strerror or exc})"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if inner_suffix(path) not in _TEXT_SUFFIXES | _JSONL_SUFFIXES:
                continue  # a.txt, a.jsonl, a.txt.gz, a.jsonl.gz are read
            if path.is_symlink() and not path.exists():
                on_error(InputError(str(path), "a symbolic link to nothing"))
            elif path.is_file():
                yield path
            else:
                on_error(InputError(str(path), "not a regular file (a FIFO, device or socket)"))


def _read_stdin(
    stream, date: _dt.date | None, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    raw = stream.buffer if hasattr(stream, "buffer") else io.BytesIO(stream.read().encode("utf-8"))
    try:
        head, data = with_head(raw, "<stdin>")
        if looks_jsonl(head):  # JSON Lines, read line by line
            lines = text_lines(head, data, "<stdin>", on_error, clean=clean_text, limit=MAX_FILE_BYTES)
            yield from _jsonl_documents(lines, "<stdin>", on_error)
            return
        yield _text_document(_decode(data.read(), "<stdin>"), "<stdin>", "stdin", date)
    except InputError as exc:
        on_error(exc)


def _raise(exc: InputError) -> None:
    raise exc


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: _dt.date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    stdin=None,
) -> Iterator[Document]:
    """Yield the documents of every input, lazily, in a stable order.

    Parameters
    ----------
    inputs : iterable of path-like or ``"-"``
        Files, directories or ``-`` for standard input.
    date : datetime.date, optional
        Publication date given to plain-text inputs (JSONL lines carry their own).
    on_error : callable, optional
        Called with an :class:`~kg.errors.InputError` for each input that
        cannot be read; by default the error is raised.
    stdin : file object, optional
        What ``-`` reads (``sys.stdin`` by default).

    Document ids are unique within one call: a second file of the same name
    gets ``#2`` appended.
    """
    report = on_error or _raise
    seen: dict[str, int] = {}
    for item in _expand(inputs, report):
        if item == "-":
            docs = _read_stdin(stdin or sys.stdin, date, report)
        else:
            docs = _read_file(item, date, report)
        for doc in docs:
            n = seen.get(doc.id, 0) + 1
            seen[doc.id] = n
            if n > 1:
                log.warning("document id %r seen again; renamed %r", doc.id, f"{doc.id}#{n}")
                doc = Document(f"{doc.id}#{n}", doc.text, doc.date, doc.source, doc.url, doc.title)
            yield doc


def count_documents(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """About how many documents :func:`iter_documents` gives, fast: a text file is one,
    a JSON Lines file one a line (blank or bad lines included); ``None`` when an input is
    standard input. Inputs that cannot be read count for nothing (they are reported when read).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Iran condemned Israel.")
    >>> _ = (d / "b.jsonl").write_text('{"text": "a"}\\n{"text": "b"}\\n')
    >>> count_documents([d]), count_documents([d, "-"])
    (3, None)
    """
    total = 0
    for item in _expand(inputs, lambda exc: None):
        if item == "-":
            return None
        kind = _kind(item)
        if kind == "text":
            total += 1
            continue
        try:
            with open_input(item) as fh:
                head, stream = with_head(fh, str(item))
                if kind is None and not looks_jsonl(head):
                    total += 1
                    continue
                last = b"\n"
                while chunk := stream.read(1 << 20):
                    total, last = total + chunk.count(b"\n"), chunk
                total += not last.endswith(b"\n")
        except Exception:  # a count is a nicety: reading the input reports what is wrong
            continue
    return total
