"""Reading inputs: files, directories, JSONL, stdin, and bad input reported, never fatal."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from kg.errors import InputError
from kg.read import clean_text, iter_documents, parse_date


def _collect(inputs, **kw):
    errors: list[InputError] = []
    docs = list(iter_documents(inputs, on_error=errors.append, **kw))
    return docs, errors


def test_read_text_file_and_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Iran condemned Israel.", encoding="utf-8")
    docs, errors = _collect([p], date=dt.date(2024, 1, 2))
    assert [(d.id, d.date) for d in docs] == [("a.txt", dt.date(2024, 1, 2))]
    assert errors == []


def test_read_directory_recursively_in_stable_order(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    docs, _ = _collect([tmp_path])
    assert [d.id for d in docs] == ["a.txt", "b.txt", "c.txt"]


def test_read_jsonl_fields_and_bad_lines(tmp_path):
    p = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Hamas fired rockets.", "date": "2023-10-07T08:00:00Z",
                    "source": "VOA", "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"id": "x2"}),
        json.dumps({"text": "No id here."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _collect([p])
    assert [d.id for d in docs] == ["x1", "news.jsonl:4"]
    assert docs[0].date == dt.date(2023, 10, 7) and docs[0].source == "VOA"
    assert [e.source for e in errors] == [f"{p}:2", f"{p}:3"]


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_read_bad_file_reported_others_kept(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Iran condemned Israel.", encoding="utf-8")
    docs, errors = _collect([bad, good, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["good.txt"]
    assert reason in str(errors[0]) and str(bad) in str(errors[0])
    assert "no such file" in str(errors[1])


def test_read_without_handler_raises(tmp_path):
    with pytest.raises(InputError):
        list(iter_documents([tmp_path / "nope.txt"]))


def test_read_stdin_text_and_jsonl():
    docs, _ = _collect(["-"], stdin=io.StringIO("Iran condemned Israel."))
    assert docs[0].id == "stdin"
    docs, _ = _collect(["-"], stdin=io.StringIO('{"id": "s1", "text": "Hi."}\n{"id": "s2", "text": "Yo."}\n'))
    assert [d.id for d in docs] == ["s1", "s2"]


def test_read_duplicate_names_get_distinct_ids(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text("Text.", encoding="utf-8")
    docs, _ = _collect([tmp_path])
    assert [d.id for d in docs] == ["same.txt", "same.txt#2"]


def test_read_clean_text_removes_control_characters():
    assert clean_text("a\x00b\x1bc\u2028d\r\ne") == "a b c d\ne"


@pytest.mark.parametrize("value,expected", [("2024-02-29", dt.date(2024, 2, 29)), ("2023-02-30", None),
                                            (None, None), (20240101, None)])
def test_read_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("content,expected", [
    ("Le pr\u00e9sident fran\u00e7ais a condamn\u00e9 Moscou.".encode("cp1252"), "Le président français a condamné Moscou."),
    ("Iran condemned Israel.".encode("utf-16"), "Iran condemned Israel."),            # a UTF-16 file with its BOM
    ("Iran condemned Israel.".encode("utf-8-sig"), "Iran condemned Israel."),
    (b"Iran condemned Israel.\x00 Hamas fired rockets.", "Iran condemned Israel.  Hamas fired rockets."),  # one stray NUL
])
def test_read_good_text_in_another_encoding_is_kept(tmp_path, content, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    docs, errors = _collect([path])
    assert errors == [] and docs[0].text == expected


def test_read_one_invalid_utf8_byte_keeps_the_file(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_bytes("Iran condemned Israel. Caf\u00e9.".encode("utf-8") + b" \xff Hamas fired rockets.")
    docs, errors = _collect([path])
    assert errors == [] and docs[0].text == "Iran condemned Israel. Caf\u00e9. \ufffd Hamas fired rockets."
    assert "not UTF-8" in caplog.text


def test_read_what_is_no_regular_file_is_reported_not_read(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("Iran condemned Israel.", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")                 # a FIFO would block for ever
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a link back up: no endless walk
    docs, errors = _collect([tmp_path, "/dev/zero"])  # /dev/zero would never end
    assert [d.id for d in docs] == ["a.txt"]
    reasons = sorted(str(e).split(": ", 1)[1] for e in errors)
    assert reasons == ["a symbolic link to nothing", "not a regular file (a FIFO, device or socket)",
                       "not a regular file (a FIFO, device or socket)"]
