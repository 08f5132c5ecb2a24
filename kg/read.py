"""Inputs to :class:`~kg.model.Document` records.

kg reads plain-text files, directories of them (recursively, ``*.txt`` and
``*.jsonl``), JSON Lines files (one object a line with ``id``, ``text`` and
optional ``date``, ``source``, ``url``, ``title``), any of these compressed
with gzip (``*.txt.gz``, ``*.jsonl.gz``; a bare ``*.gz`` is JSON Lines when it
starts with ``{``) and standard input (``-``). Documents are produced lazily, one
at a time: JSON Lines are read line by line (:mod:`kg.streams`), never whole, so a
JSON Lines file may be of any size.

A bad input never stops the run: it is turned into an :class:`InputError`
naming the file (and line) and handed to ``on_error``; the other inputs go on.
Good text is not thrown away (:mod:`kg.decode`): what had to be repaired to read
it (a legacy encoding, bad bytes, control characters, a field of the wrong type,
an id seen before) is an :class:`~kg.errors.InputRepaired` handed to
``on_repair``, and the document is kept.

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
import errno
import io
import logging
import os
import stat
import sys
from typing import BinaryIO, cast
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .decode import Cleaner, GunzipReader, clean_text, decode, repair_surrogates
from .errors import InputError, InputRepaired
from .jsonl import jsonl_documents, parse_date
from .model import Document
from .streams import is_gzip, looks_jsonl, open_input, text_lines, with_head

__all__ = ["clean_text", "count_documents", "iter_documents", "iter_located", "parse_date", "repair_surrogates"]

log = logging.getLogger(__name__)

#: Largest text kg reads as one document, in bytes (a text file compressed, and again once
#: decompressed; one JSON Lines line); larger ones are reported and skipped. A JSON Lines
#: file may be of any size.
MAX_FILE_BYTES = 200 * 1024 * 1024

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}

#: A document read, with where it came from and the repairs made to read it.
Located = tuple[Document, str, "int | None", list[str]]


def _kind(path: Path) -> str | None:
    """``"text"``, ``"jsonl"`` or ``None`` by a file's suffix, a ``.gz`` after it allowed."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return "text" if last in _TEXT_SUFFIXES else "jsonl" if last in _JSONL_SUFFIXES else None


def _jsonl(head: bytes, stream, source: str, on_error: Callable[[InputError], None],
           on_repair: Callable[[InputError], None], gz: GunzipReader | None = None) -> Iterator[Located]:
    """The documents of a JSON Lines stream whose first bytes are ``head``, read line by line;
    the repairs made to the stream as a whole (decoding, cleaning, a truncated gzip stream)
    are told once it has been read."""
    clean = Cleaner()
    notes: list[str] = []
    lines = text_lines(head, stream, source, on_error, clean=clean, limit=MAX_FILE_BYTES, notes=notes)
    yield from jsonl_documents(lines, source, on_error)
    for note in [*(gz.notes if gz is not None else []), *notes, *clean.notes]:
        on_repair(InputRepaired(source, note, file=source))


def _read_file(path: Path, date: _dt.date | None, on_error: Callable[[InputError], None],
               on_repair: Callable[[InputError], None]) -> Iterator[Located]:
    """The documents of one file: one for a text file, one a line for JSONL (read line by
    line). A ``.gz`` file is decompressed as it is read; one whose name does not say what it
    holds is JSON Lines when it starts with ``{``."""
    source = str(path)
    kind = _kind(path)
    gz = is_gzip(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO blocks for ever, /dev/zero never ends
            raise InputError(source, "not a regular file (a FIFO, device or socket)", file=source)
        if kind != "jsonl" and info.st_size > MAX_FILE_BYTES:
            raise InputError(source, f"too large ({info.st_size} bytes; the limit is {MAX_FILE_BYTES})", file=source)
        fh = path.open("rb")
    except InputError as exc:
        on_error(exc)
        return
    except OSError as exc:
        on_error(InputError(source, exc.strerror or str(exc), file=source))
        return
    reader = GunzipReader(fh, source) if gz else None
    with reader or fh:
        try:
            head, stream = with_head(cast(BinaryIO, reader or fh), source)
            if kind == "jsonl" or (kind is None and gz and looks_jsonl(head)):
                yield from _jsonl(head, stream, source, on_error, on_repair, reader)
                return
            data = stream.read(MAX_FILE_BYTES + 1)  # never more than the limit, whatever stat said
            if len(data) > MAX_FILE_BYTES:
                raise InputError(source, f"too large (over {MAX_FILE_BYTES} bytes)", file=source)
            text, notes = decode(data, source)
            notes = [*(reader.notes if reader is not None else []), *notes]
        except InputError as exc:
            on_error(exc)
            return
        except OSError as exc:
            on_error(InputError(source, exc.strerror or str(exc), file=source))
            return
    doc_id = path.name[: -len(".gz")] if gz else path.name
    if not text.strip():
        on_error(InputError(source, "empty: no text to read", file=source, doc_id=doc_id))
    else:
        yield Document(id=doc_id, text=text, date=date), source, None, notes


def _dangling(path: Path) -> str:
    """Why a symbolic link leads nowhere: to nothing, or round in a loop."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links"
    return "a symbolic link to nothing"


def _expand(inputs: Iterable[str | os.PathLike[str]], on_error) -> Iterator[Path | str]:
    """Every file the inputs name (directories walked), or ``"-"``; what is none reported."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(_walk(path, on_error))
            if not files:
                on_error(InputError(str(path), "directory holds no .txt or .jsonl file", file=str(path)))
            yield from files
        elif path.exists():
            yield path
        elif path.is_symlink():
            on_error(InputError(str(path), _dangling(path), file=str(path)))
        else:
            on_error(InputError(str(path), "no such file or directory", file=str(path)))


def _walk(root: Path, on_error) -> Iterator[Path]:
    """The text and JSONL files under a directory, in a stable order, without following links
    to directories (no loop); an unreadable sub-directory, a dangling link or a FIFO with a
    text suffix is reported, never skipped in silence."""
    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or root)
        on_error(InputError(where, f"unreadable directory ({exc.strerror or exc})", file=where))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if _kind(path) is None:
                continue
            if path.is_symlink() and not path.exists():
                on_error(InputError(str(path), _dangling(path), file=str(path)))
            elif path.is_file():
                yield path
            else:
                on_error(InputError(str(path), "not a regular file (a FIFO, device or socket)", file=str(path)))


def _read_stdin(stream, date: _dt.date | None, on_error: Callable[[InputError], None],
                on_repair: Callable[[InputError], None]) -> Iterator[Located]:
    """The documents of standard input: JSONL when it starts with ``{`` (read line by line,
    each document given as its line arrives), else one text."""
    raw = stream.buffer if hasattr(stream, "buffer") else io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))
    try:
        head, data = with_head(raw, "<stdin>")
        if looks_jsonl(head):
            yield from _jsonl(head, data, "<stdin>", on_error, on_repair)
            return
        text, notes = decode(data.read(), "<stdin>")
    except InputError as exc:
        on_error(exc)
        return
    if not text.strip():
        on_error(InputError("<stdin>", "empty: no text to read", file="<stdin>", doc_id="stdin"))
    else:
        yield Document(id="stdin", text=text, date=date), "<stdin>", None, notes


def _raise(exc: InputError) -> None:
    """The default ``on_error``: an input that cannot be read is an error."""
    raise exc


def _warn(exc: InputError) -> None:
    """The default ``on_repair``: a repair is logged as a warning."""
    log.warning("%s", exc)


def iter_located(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: _dt.date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_repair: Callable[[InputError], None] | None = None,
    stdin=None,
) -> Iterator[tuple[Document, str, int | None]]:
    """Like :func:`iter_documents`, with where each document came from: ``(document, file,
    line)``, ``line`` the JSONL line number or ``None`` for a whole file."""
    report = on_error or _raise
    repaired = on_repair or _warn
    seen: dict[str, int] = {}
    for item in _expand(inputs, report):
        if item == "-":
            docs = _read_stdin(stdin or sys.stdin, date, report, repaired)
        else:
            docs = _read_file(Path(item), date, report, repaired)
        for doc, file, line, notes in docs:
            n = seen.get(doc.id, 0) + 1
            seen[doc.id] = n
            if n > 1:
                renamed = f"{doc.id}#{n}"
                notes = [*notes, f"document id {doc.id!r} seen before; renamed {renamed!r}"]
                doc = Document(renamed, doc.text, doc.date, doc.source, doc.url, doc.title)
            where = file if line is None else f"{file}:{line}"
            for note in notes:
                repaired(InputRepaired(where, note, file=file, line=line, doc_id=doc.id))
            yield doc, file, line


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: _dt.date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_repair: Callable[[InputError], None] | None = None,
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
        cannot be read (it is skipped); by default the error is raised.
    on_repair : callable, optional
        Called with an :class:`~kg.errors.InputRepaired` for each input read
        only after a repair (it is kept); by default logged as a warning.
    stdin : file object, optional
        What ``-`` reads (``sys.stdin`` by default).

    Document ids are unique within one call: a second file of the same name
    gets ``#2`` appended.
    """
    for doc, _, _ in iter_located(inputs, date=date, on_error=on_error, on_repair=on_repair, stdin=stdin):
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
        kind = _kind(Path(item))
        if kind != "jsonl" and not (kind is None and is_gzip(item)):
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
