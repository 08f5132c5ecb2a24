"""Streaming input: gzip-compressed files, JSON Lines read line by line (never whole),
truncated gzip data read up to the cut and the cut told as a repair, data that is no gzip
reported."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
import time
import tracemalloc

import pytest

import kg.read
from kg.errors import InputError
from kg.read import iter_documents


def _collect(inputs, repairs=None, **kw):
    errors: list[InputError] = []
    docs = list(iter_documents(inputs, on_error=errors.append,
                               **({"on_repair": repairs.append} if repairs is not None else {}), **kw))
    return docs, errors


def _jsonl(n: int, words: int = 40) -> bytes:
    lines = []
    for i in range(n):
        text = " ".join(f"Militia{i}x{j} attacked base{j * i % 97}." for j in range(words))
        lines.append(json.dumps({"id": f"d{i}", "text": text, "date": "2024-01-02"}))
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_read_gzip_jsonl_text_and_bare_gz(tmp_path):
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(_jsonl(3)))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress("Iran condemned Israel.\n".encode("utf-8")))
    (tmp_path / "feed.gz").write_bytes(gzip.compress(b'{"id": "f1", "text": "Hamas fired rockets."}\n'))
    (tmp_path / "note.gz").write_bytes(gzip.compress(b"Turkey criticized Greece."))
    docs, errors = _collect([tmp_path / "news.jsonl.gz", tmp_path / "story.txt.gz", tmp_path / "feed.gz",
                             tmp_path / "note.gz"])
    assert errors == []
    assert [d.id for d in docs] == ["d0", "d1", "d2", "story.txt", "f1", "note"]
    assert docs[3].text == "Iran condemned Israel.\n" and docs[0].date.isoformat() == "2024-01-02"


def test_read_directory_takes_gzip_files_of_text_and_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Iran condemned Israel."))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(_jsonl(2)))
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(b"\x00" * 100))  # not a text or JSONL file
    docs, errors = _collect([tmp_path])
    assert [d.id for d in docs] == ["a.txt", "d0", "d1"] and errors == []


def test_read_truncated_gzip_keeps_the_lines_before_it(tmp_path):
    data = gzip.compress(_jsonl(400))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    good = tmp_path / "good.txt"
    good.write_text("Iran condemned Israel.", encoding="utf-8")
    repairs: list[InputError] = []
    docs, errors = _collect([cut, good], repairs)
    ids = [d.id for d in docs]
    assert ids[-1] == "good.txt"
    kept = ids[:-1]
    assert 0 < len(kept) < 400 and kept == [f"d{i}" for i in range(len(kept))]  # a prefix, in order
    # the line the cut runs through is skipped as bad JSON; the cut itself is a repair of the file
    assert [(e.file, e.line) for e in errors] in ([], [(str(cut), len(kept) + 1)])
    assert [(r.file, r.line) for r in repairs] == [(str(cut), None)]
    assert repairs[0].reason.startswith("truncated gzip data: read the ")


def test_read_truncated_gzip_text_keeps_its_whole_lines(tmp_path):
    lines = [f"Line {i}: militias attacked the base at {i}." for i in range(3000)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    repairs: list[InputError] = []
    docs, errors = _collect([path], repairs)
    assert len(docs) == 1 and errors == [] and len(repairs) == 1 and "truncated gzip data" in repairs[0].reason
    kept = docs[0].text.splitlines()[:-1]  # the last line may be cut short
    assert 0 < len(kept) < 3000 and kept == lines[: len(kept)]


def test_read_gzip_that_is_no_gzip_is_reported(tmp_path):
    fake = tmp_path / "fake.jsonl.gz"
    fake.write_bytes(b'{"id": "x", "text": "Not compressed."}\n')
    docs, errors = _collect([fake])
    assert docs == [] and "not gzip data" in errors[0].reason


def test_read_jsonl_is_not_read_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(_jsonl(6000, words=80))  # ~15 MB
    assert path.stat().st_size > 10_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    assert peak < 4_000_000  # a few lines and a buffer, not the file


def test_read_stdin_jsonl_yields_each_document_as_its_line_arrives():
    read_fd, write_fd = os.pipe()
    stdin = io.TextIOWrapper(open(read_fd, "rb"))
    writer = open(write_fd, "wb", buffering=0)
    writer.write(b'{"id": "first", "text": "Iran condemned Israel."}\n')
    docs = iter_documents(["-"], stdin=stdin)
    got: list = []
    reader = threading.Thread(target=lambda: got.append(next(docs)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    try:
        assert got and got[0].id == "first"  # the input has not ended: the writer is still open
    finally:
        writer.write(b'{"id": "second", "text": "Hamas fired rockets."}\n')
        writer.close()
    assert [d.id for d in docs] == ["second"]


def test_read_jsonl_line_too_long_is_skipped_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.read, "MAX_FILE_BYTES", 200)
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": "Iran condemned Israel."}),
             json.dumps({"id": "b", "text": "x " * 500}),
             json.dumps({"id": "c", "text": "Hamas fired rockets."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _collect([path])
    assert [d.id for d in docs] == ["a", "c"]
    assert [e.source for e in errors] == [f"{path}:2"] and "longer than 200 bytes" in errors[0].reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_read_jsonl_in_other_encodings_line_by_line(tmp_path, encoding):
    text = "Le pr\u00e9sident fran\u00e7ais a condamn\u00e9 Moscou."
    lines = [json.dumps({"id": f"e{i}", "text": text}, ensure_ascii=False) for i in range(3)]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    docs, errors = _collect([path])
    assert errors == [] and [d.text for d in docs] == [text] * 3


def test_read_jsonl_with_a_few_bad_bytes_keeps_its_lines(tmp_path, caplog):
    good = json.dumps({"id": "a", "text": "Caf\u00e9 owners protested."}, ensure_ascii=False).encode("utf-8")
    bad = b'{"id": "b", "text": "Iran \xff condemned Israel."}'
    path = tmp_path / "feed.jsonl"
    path.write_bytes(good + b"\n" + bad + b"\n")
    docs, errors = _collect([path])
    assert errors == [] and docs[1].text == "Iran \ufffd condemned Israel."
    assert "1 byte(s) not UTF-8 (first: byte 0xff on line 2) replaced" in caplog.text


def test_read_stdin_jsonl_after_blank_lines_from_a_pipe():
    read_fd, write_fd = os.pipe()

    def write() -> None:
        with open(write_fd, "wb", buffering=0) as writer:
            writer.write(b"\n")  # a first write of nothing but a line break, read on its own
            time.sleep(0.5)
            writer.write(b'\n{"id": "a", "text": "Iran condemned Israel."}\n')

    writer = threading.Thread(target=write)
    writer.start()
    docs, errors = _collect(["-"], stdin=io.TextIOWrapper(open(read_fd, "rb")))
    writer.join()
    assert [d.id for d in docs] == ["a"] and errors == []
