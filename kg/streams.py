"""Input bytes as streams: plain or gzip-compressed files and standard input, read line by
line or up to a limit, never whole. :mod:`kg.read` turns them into documents.

A gzip file that ends early (a download cut short) or holds corrupt data is an
:class:`~kg.errors.InputError` raised where the damage is met, after every line
before it was handed out: the reader keeps those lines.

Examples
--------
>>> import gzip, io, tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl.gz"
>>> _ = p.write_bytes(gzip.compress(b'{"text": "a"}\\n{"text": "b"}\\n'))
>>> inner_suffix(p)
'.jsonl'
>>> with open_input(p) as fh:
...     head, stream = with_head(fh)
...     [line for line in read_lines(stream, str(p), limit=100, on_error=print)]
[b'{"text": "a"}\\n', b'{"text": "b"}\\n']
"""

from __future__ import annotations

import codecs
import gzip
import io
import logging
import os
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

__all__ = [
    "BOMS", "UTF8_SEQUENCE", "LineDecoder", "inner_suffix", "is_binary", "is_gzip", "looks_jsonl",
    "open_input", "read_limited", "read_lines", "text_lines", "with_head",
]  # fmt: skip

log = logging.getLogger("kg.read")

#: Bytes read ahead to tell the encoding and kind of an input (BOM, binary data, JSON Lines).
HEAD_BYTES = 8192
_CHUNK = 1 << 20
#: Byte-order marks and the encodings they announce (the longest first: UTF-32 LE starts
#: with the UTF-16 LE mark).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: A well-formed multi-byte UTF-8 sequence (text written in UTF-8 has them; Latin-1 rarely).
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: Share of control bytes (NUL and the like, not tabs or line breaks) that makes data binary.
_BINARY_SHARE = 0.05


def is_binary(data: bytes) -> bool:
    """Whether data is binary rather than text with a stray control byte: by the share of
    control bytes in its first 8 KiB, not by one NUL.

    >>> is_binary(b"Iran\\x00 condemned Israel."), is_binary(bytes(range(32)))
    (False, True)
    """
    head = data[:HEAD_BYTES]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > _BINARY_SHARE


def _bom_encoding(head: bytes) -> str | None:
    return next((enc for bom, enc in BOMS if head.startswith(bom)), None)


def looks_jsonl(head: bytes) -> bool:
    """Whether data starts (after a byte-order mark and blanks) with ``{``.

    >>> looks_jsonl(b'\\xef\\xbb\\xbf  {"text": "a"}'), looks_jsonl(b"Iran {condemned}")
    (True, False)
    """
    text = head.decode(_bom_encoding(head) or "utf-8", errors="ignore")
    return text.lstrip(" \t\r\n\ufeff\u200b")[:1] == "{"


def is_gzip(path: str | os.PathLike[str]) -> bool:
    """Whether a file name says gzip (``.gz``, any case).

    >>> is_gzip("a.JSONL.GZ"), is_gzip("a.txt")
    (True, False)
    """
    return Path(path).suffix.lower() == ".gz"


def inner_suffix(path: str | os.PathLike[str]) -> str:
    """The suffix of what a file holds, lower-cased: ``.jsonl`` for ``news.jsonl.gz``.

    >>> inner_suffix("a/B.TXT"), inner_suffix("news.jsonl.gz"), inner_suffix("dump.gz")
    ('.txt', '.jsonl', '')
    """
    path = Path(path)
    if is_gzip(path):
        path = path.with_suffix("")
    return path.suffix.lower()


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading bytes, decompressing a ``.gz`` file as it is read.

    >>> import gzip, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt.gz"
    >>> _ = p.write_bytes(gzip.compress(b"Iran condemned Israel."))
    >>> with open_input(p) as fh:
    ...     fh.read()
    b'Iran condemned Israel.'
    """
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")  # noqa: SIM115


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = _read_some(self._rest, len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_some(stream: BinaryIO, size: int) -> bytes:
    """What the stream has ready, up to ``size`` bytes, waiting only when it has nothing (a
    pipe hands over each line as it comes)."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


def with_head(stream: BinaryIO, source: str = "<stream>", size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """The first bytes of a stream (up to ``size``; on a pipe, at least a first line with
    something besides blanks in it, or 64 bytes), and a buffered stream that still starts
    with them.

    >>> head, stream = with_head(io.BytesIO(b"abcdef"), size=2)
    >>> head, stream.read()
    (b'ab', b'abcdef')
    """
    head = b""
    while (len(head) < min(size, 64) and b"\n" not in head) or not head.strip():
        more = _guarded(lambda: _read_some(stream, size - len(head)), source, "before its first line")
        if not more:
            break
        head += more
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=_CHUNK)


_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def _gzip_error(exc: Exception, source: str, where: str) -> InputError:
    if isinstance(exc, EOFError):
        return InputError(source, f"truncated gzip data: it ends {where}")
    return InputError(source, f"not readable gzip data ({exc})")


def _guarded(read: Callable[[], bytes], source: str, where: str) -> bytes:
    """One read, with gzip's failures made an :class:`InputError` saying ``where`` it stopped."""
    try:
        return read()
    except _GZIP_ERRORS as exc:
        raise _gzip_error(exc, source, where) from None


def _after(lines: int) -> str:
    return f"after line {lines}; the lines before it were read" if lines else "before its first line"


def read_lines(stream: BinaryIO, source: str, *, limit: int,
               on_error: Callable[[InputError], None]) -> Iterator[bytes]:
    """The lines of a stream, each with its ``\\n``; a line longer than ``limit`` bytes is
    reported to ``on_error`` and an empty line given in its place (so line numbers hold).

    Raises
    ------
    InputError
        When gzip data ends early or is corrupt, after the lines before it.

    >>> errors = []
    >>> list(read_lines(io.BytesIO(b"ab\\n" + b"x" * 20 + b"\\ncd"), "f", limit=8, on_error=errors.append))
    [b'ab\\n', b'\\n', b'cd']
    >>> errors[0].source, errors[0].reason
    ('f:2', 'a line longer than 8 bytes; skipped')
    """
    count = 0
    while True:
        line = _guarded(lambda: stream.readline(limit + 1), source, _after(count))
        if not line:
            return
        count += 1
        if len(line) > limit and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):
                rest = _guarded(lambda: stream.readline(_CHUNK), source, _after(count - 1))
            on_error(InputError(f"{source}:{count}", f"a line longer than {limit} bytes; skipped"))
            line = b"\n"
        yield line


def read_limited(stream: BinaryIO, source: str, *, limit: int) -> tuple[bytes, InputError | None]:
    """At most ``limit`` + 1 bytes of a stream (more than ``limit``: too large), read in
    chunks. A gzip stream that ends early gives the whole lines read before the damage,
    and the error.

    >>> read_limited(io.BytesIO(b"abc"), "x", limit=10)
    (b'abc', None)
    """
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        try:
            chunk = _read_some(stream, min(_CHUNK, limit + 1 - size))
        except _GZIP_ERRORS as exc:
            data = b"".join(chunks)
            data = data[: data.rfind(b"\n") + 1]
            return data, _gzip_error(exc, source, _after(data.count(b"\n")))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), None


def text_lines(head: bytes, stream: BinaryIO, source: str, on_error: Callable[[InputError], None], *,
               clean: Callable[[str], str], limit: int) -> Iterator[str]:
    """The decoded lines of a stream whose first bytes are ``head``, one at a time, each passed
    through ``clean`` (which makes every line break a ``\\n``) and split at its line breaks.

    >>> list(text_lines(b"a\\r\\nb", io.BytesIO(b"a\\r\\nb"), "x", print, clean=str, limit=9))
    ['a\\r\\n', 'b']
    """
    encoding = _bom_encoding(head)
    if encoding in {"utf-16", "utf-32"}:  # no byte-wise line split: let the codec find lines
        try:
            for line in io.TextIOWrapper(stream, encoding=encoding, errors="replace"):
                yield from clean(line).splitlines(keepends=True)
        except _GZIP_ERRORS as exc:
            raise _gzip_error(exc, source, "mid-way") from None
        return
    if is_binary(head):
        raise InputError(source, "binary data, not text")
    decode = LineDecoder(source, head)
    for lineno, raw in enumerate(read_lines(stream, source, limit=limit, on_error=on_error), start=1):
        yield from clean(decode(raw, lineno)).splitlines(keepends=True)
    decode.close()


class LineDecoder:
    """Decode a stream's lines as :mod:`kg.read` decodes a whole text: UTF-8 with a few bad
    bytes replaced (when the line and the file's first bytes hold as many well-formed UTF-8
    sequences as bad bytes), or else the legacy encoding detected at the first line that is
    not UTF-8 (with the file's first bytes for context); one warning a file.

    >>> d = LineDecoder("x", "Caf\\u00e9\\n".encode("utf-8"))
    >>> d("Caf\\u00e9".encode("utf-8"), 1), d(b"ok \\xff", 2)
    ('Café', 'ok \\ufffd')
    """

    def __init__(self, source: str, head: bytes) -> None:
        self.source, self.head = source, head
        self.head_sequences = len(UTF8_SEQUENCE.findall(head))
        self.legacy: str | None = None
        self.replaced, self.first = 0, ""

    def __call__(self, raw: bytes, lineno: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = f"byte 0x{raw[exc.start]:02x} on line {lineno}"
        if self.legacy is None:
            replaced = raw.decode("utf-8", errors="replace")
            bad = replaced.count("\ufffd")
            if self.head_sequences + len(UTF8_SEQUENCE.findall(raw)) >= bad:
                self.replaced, self.first = self.replaced + bad, self.first or where
                return replaced
            from charset_normalizer import from_bytes

            best = from_bytes(self.head + raw).best()
            self.legacy = best.encoding if best is not None else "utf_8"
            log.warning("%s: not UTF-8 (%s); read as %s", self.source, where, self.legacy)
        return raw.decode(self.legacy, errors="replace")

    def close(self) -> None:
        """Log how many bytes were replaced, if any."""
        if self.replaced:
            log.warning("%s: %d byte(s) not UTF-8 (first: %s) replaced", self.source, self.replaced, self.first)
