"""Bytes to clean text: decoding with a clear fallback, and cleaning what no text should carry.

Good text is not thrown away: a byte-order mark, a legacy encoding (Latin-1, Windows-1252),
a stray NUL or a few bad bytes are read, and what was done is returned as a note (a
*repair*, listed in ``OUTDIR/errors.jsonl``); only data that is mostly control bytes is
refused as binary.

Examples
--------
>>> decode("Le président a condamné Moscou.".encode("cp1252"), "a.txt")[1]
['not UTF-8 (byte 0xe9 at offset 5); read as cp1250']
>>> cleaned("Hamas\\x07 said \\ud800")
('Hamas  said \\ufffd', ['1 control character(s) replaced by spaces', '1 lone surrogate(s) replaced by U+FFFD'])
"""

from __future__ import annotations

import codecs
import io
import re
import zlib

from .errors import InputError

__all__ = ["Cleaner", "GunzipReader", "clean_text", "cleaned", "decode", "gunzip", "repair_surrogates", "writable"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")
#: Invisible characters inside words, deleted so they do not split a name ("Hez\u200bbollah",
#: "Syr\u00ada"): zero-width space, non-joiner, joiner, soft hyphen, word joiner, BOM, and the
#: noncharacters U+FFFE/U+FFFF, which no RDF syntax may carry.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ufffe\uffff]")
#: A lone UTF-16 surrogate (a truncated emoji in scraped JSON): no text encoding can carry it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(text: str) -> tuple[str, int, int]:
    """:func:`clean_text`, and how many control characters and lone surrogates it replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, controls = _CONTROL.subn(" ", text)
    text = _INVISIBLE.sub("", text)
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    return text, controls, surrogates


def cleaned(text: str) -> tuple[str, list[str]]:
    """:func:`clean_text` and the repairs it made worth telling: control characters and lone
    surrogates replaced (line ends normalised and invisible characters deleted are not told)."""
    text, controls, surrogates = _clean(text)
    return text, _notes(controls, surrogates)


class Cleaner:
    """:func:`clean_text` for text read a piece at a time (the lines of a stream), its repairs
    told once for the whole: ``notes`` as :func:`cleaned` gives them.

    >>> c = Cleaner()
    >>> c("a\\x07b\\n") + c("\\ud800\\x00\\n"), c.notes
    ('a b\\n\\ufffd \\n', ['2 control character(s) replaced by spaces', '1 lone surrogate(s) replaced by U+FFFD'])
    """

    def __init__(self) -> None:
        self.controls = self.surrogates = 0

    def __call__(self, text: str) -> str:
        text, controls, surrogates = _clean(text)
        self.controls += controls
        self.surrogates += surrogates
        return text

    @property
    def notes(self) -> list[str]:
        return _notes(self.controls, self.surrogates)


def _notes(controls: int, surrogates: int) -> list[str]:
    notes = []
    if controls:
        notes.append(f"{controls} control character(s) replaced by spaces")
    if surrogates:
        notes.append(f"{surrogates} lone surrogate(s) replaced by U+FFFD")
    return notes


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
    return cleaned(text)[0]


def repair_surrogates(text: str) -> str:
    """Lone surrogates replaced by U+FFFD, nothing else changed (the same length, so offsets
    into the text still hold).

    >>> repair_surrogates("a \\ud800 b") == "a \\ufffd b"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


#: Characters no RDF syntax can carry as they are: lone surrogates and the noncharacters
#: U+FFFE/U+FFFF (not in XML 1.0).
_UNWRITABLE = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


def writable(text: str) -> str:
    """Text every RDF syntax carries as it is, of the same length (offsets into it still hold):
    control characters become spaces, a carriage return a line feed (XML readers turn one
    into the other), lone surrogates and U+FFFE/U+FFFF become U+FFFD. For text that did not
    come through :func:`decode` (documents given to :func:`kg.build`).

    >>> writable("a\\x00b\\r\\nc\\rd\\ud800\\uffff") == "a b \\nc\\nd\\ufffd\\ufffd"
    True
    """
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    return _UNWRITABLE.sub("\ufffd", _CONTROL.sub(" ", text))


#: Byte-order marks and the encodings they announce (the longest first: UTF-32 LE starts
#: with the UTF-16 LE mark).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: A well-formed multi-byte UTF-8 sequence (text written in UTF-8 has them; Latin-1 rarely).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: Share of control bytes (NUL and the like, not tabs or line breaks) that makes data binary.
_BINARY_SHARE = 0.05


def _binary(data: bytes) -> bool:
    """Whether data is binary rather than text with a stray control byte: by the share of
    control bytes in its first 8 KiB, not by one NUL."""
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > _BINARY_SHARE


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Clean text from bytes, and the repairs made: the encoding a byte-order mark announces,
    else UTF-8, else the legacy encoding charset-normalizer detects (Latin-1,
    Windows-1252...), with isolated bad bytes replaced. Only what is really binary is refused
    (:class:`~kg.errors.InputError`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return cleaned(data.decode(encoding))
            except UnicodeDecodeError:
                break
    if _binary(data):
        raise InputError(source, "binary data, not text", file=source)
    try:
        return cleaned(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    if len(_UTF8_SEQUENCE.findall(data)) >= bad:  # UTF-8 text with a few bad bytes: replace them
        note = f"{bad} byte(s) not UTF-8 (first: {first}) replaced"
        text = replaced
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        encoding = best.encoding if best is not None else "utf_8"
        note = f"not UTF-8 ({first}); read as {encoding}"
        text = data.decode(encoding, errors="replace")
    text, notes = cleaned(text)
    return text, [note, *notes]


def gunzip(data: bytes, limit: int, source: str) -> tuple[bytes, list[str]]:
    """The content of gzip data (every member), at most ``limit`` bytes of it, and the repairs
    made: a stream cut short (a truncated download) is read up to where it ends, and noted.
    Data that is no gzip stream at all is an :class:`~kg.errors.InputError`.

    >>> import gzip
    >>> gunzip(gzip.compress(b"Iran condemned Israel.\\n" * 50)[:-8], 5000, "a.gz")[1]
    ['truncated gzip data: read the 1150 byte(s) before the cut']
    """
    reader = GunzipReader(io.BytesIO(data), source)
    out: list[bytes] = []
    size = 0
    while size < limit and (chunk := reader.read(limit - size)):
        out.append(chunk)
        size += len(chunk)
    return b"".join(out), reader.notes


class GunzipReader(io.RawIOBase):
    """The content of a gzip stream (every member), decompressed as it is read, never whole.
    A stream cut short (a truncated download) ends where the data ends, and ``notes`` says
    so (a repair); bytes after the last member are ignored, as gzip does; data that is no
    gzip stream at all is an :class:`~kg.errors.InputError` at the first read.

    >>> import gzip
    >>> r = GunzipReader(io.BytesIO(gzip.compress(b"Iran condemned Israel.\\n" * 50)[:-8]), "a.gz")
    >>> len(r.read()), r.notes
    (1150, ['truncated gzip data: read the 1150 byte(s) before the cut'])
    """

    _CHUNK = 1 << 16

    def __init__(self, raw, source: str) -> None:
        self._raw, self.source = raw, source
        self.notes: list[str] = []
        self._inflater = zlib.decompressobj(wbits=31)
        self._input, self._fed, self._members, self._size, self._done = b"", False, 0, 0, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._more(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _more(self, size: int) -> bytes:
        while not self._done and size:
            if self._inflater.eof:  # a member ended: another may follow
                self._members += 1
                self._input = self._inflater.unused_data or self._raw.read(self._CHUNK)
                self._inflater, self._fed = zlib.decompressobj(wbits=31), False
            if not self._input:
                self._input = self._raw.read(self._CHUNK)
                if not self._input:
                    self._done = True
                    if self._fed:
                        self.notes.append(f"truncated gzip data: read the {self._size} byte(s) before the cut")
                    break
            self._fed = True
            try:
                out = self._inflater.decompress(self._input, size)
            except zlib.error as exc:
                self._done = True
                if self._members:  # bytes after the last member: gzip itself ignores trailing garbage
                    break
                raise InputError(self.source, f"not gzip data ({exc})", file=self.source) from None
            self._input = self._inflater.unconsumed_tail
            if out:
                self._size += len(out)
                return out
        return b""

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()
