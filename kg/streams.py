"""Input bytes as streams: plain or gzip-compressed files and standard input, read line by
line or up to a limit, never whole. :mod:`kg.read` turns them into documents.

Gzip data is decompressed as it is read by :class:`kg.decode.GunzipReader`: a stream
that ends early (a download cut short) gives every byte before the cut, and the cut is
noted as a repair; data that is no gzip stream at all is an :class:`~kg.errors.InputError`.

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

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .decode import _BOMS as BOMS
from .decode import _UTF8_SEQUENCE as UTF8_SEQUENCE
from .decode import GunzipReader, _binary
from .errors import InputError

__all__ = [
    "BOMS", "UTF8_SEQUENCE", "LineDecoder", "inner_suffix", "is_binary", "is_gzip", "looks_jsonl",
    "open_input", "read_lines", "text_lines", "with_head",
]  # fmt: skip

#: Bytes read ahead to tell the encoding and kind of an input (BOM, binary data, JSON Lines).
HEAD_BYTES = 8192
_CHUNK = 1 << 20


def is_binary(data: bytes) -> bool:
    """Whether data is binary rather than text with a stray control byte: by the share of
    control bytes in its first 8 KiB, not by one NUL.

    >>> is_binary(b"Iran\\x00 condemned Israel."), is_binary(bytes(range(32)))
    (False, True)
    """
    return _binary(data)


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
    if is_gzip(path):
        return io.BufferedReader(GunzipReader(open(path, "rb"), str(path)), buffer_size=_CHUNK)  # noqa: SIM115
    return open(path, "rb")  # noqa: SIM115


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
        more = _read_some(stream, size - len(head))
        if not more:
            break
        head += more
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=_CHUNK)


def read_lines(stream: BinaryIO, source: str, *, limit: int,
               on_error: Callable[[InputError], None]) -> Iterator[bytes]:
    """The lines of a stream, each with its ``\\n``; a line longer than ``limit`` bytes is
    reported to ``on_error`` and an empty line given in its place (so line numbers hold).

    >>> errors = []
    >>> list(read_lines(io.BytesIO(b"ab\\n" + b"x" * 20 + b"\\ncd"), "f", limit=8, on_error=errors.append))
    [b'ab\\n', b'\\n', b'cd']
    >>> errors[0].source, errors[0].reason
    ('f:2', 'a line longer than 8 bytes; skipped')
    >>> errors[0].file, errors[0].line
    ('f', 2)
    """
    count = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        count += 1
        if len(line) > limit and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):
                rest = stream.readline(_CHUNK)
            on_error(InputError(f"{source}:{count}", f"a line longer than {limit} bytes; skipped", file=source,
                                line=count))
            line = b"\n"
        yield line


def text_lines(head: bytes, stream: BinaryIO, source: str, on_error: Callable[[InputError], None], *,
               clean: Callable[[str], str], limit: int, notes: list[str] | None = None) -> Iterator[str]:
    """The decoded lines of a stream whose first bytes are ``head``, one at a time, each passed
    through ``clean`` (which makes every line break a ``\\n``) and split at its line breaks;
    what decoding had to repair (a legacy encoding, bytes not UTF-8) is appended to ``notes``
    once the stream is read.

    >>> list(text_lines(b"a\\r\\nb", io.BytesIO(b"a\\r\\nb"), "x", print, clean=str, limit=9))
    ['a\\r\\n', 'b']
    """
    encoding = _bom_encoding(head)
    if encoding in {"utf-16", "utf-32"}:  # no byte-wise line split: let the codec find lines
        for line in io.TextIOWrapper(stream, encoding=encoding, errors="replace"):
            yield from clean(line).splitlines(keepends=True)
        return
    if is_binary(head):
        raise InputError(source, "binary data, not text", file=source)
    decode = LineDecoder(source, head, notes)
    for lineno, raw in enumerate(read_lines(stream, source, limit=limit, on_error=on_error), start=1):
        yield from clean(decode(raw, lineno)).splitlines(keepends=True)
    decode.close()


class LineDecoder:
    """Decode a stream's lines as :mod:`kg.read` decodes a whole text: UTF-8 with a few bad
    bytes replaced (when the line and the file's first bytes hold as many well-formed UTF-8
    sequences as bad bytes), or else the legacy encoding detected at the first line that is
    not UTF-8 (with the file's first bytes for context); what was done is appended to
    ``notes``, one note a file for each kind of repair.

    >>> d = LineDecoder("x", "Caf\\u00e9\\n".encode("utf-8"))
    >>> d("Caf\\u00e9".encode("utf-8"), 1), d(b"ok \\xff", 2)
    ('Café', 'ok \\ufffd')
    """

    def __init__(self, source: str, head: bytes, notes: list[str] | None = None) -> None:
        self.source, self.head = source, head
        self.notes: list[str] = notes if notes is not None else []
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
            self.notes.append(f"not UTF-8 ({where}); read as {self.legacy}")
        return raw.decode(self.legacy, errors="replace")

    def close(self) -> None:
        """Note how many bytes were replaced, if any."""
        if self.replaced:
            self.notes.append(f"{self.replaced} byte(s) not UTF-8 (first: {self.first}) replaced")
