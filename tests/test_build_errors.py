"""kg build when the environment fails it (issue 17, item 12) and the report of what it
skipped or repaired (item 13). Conditions are real where they can be made without root (a
file as -o, a directory that cannot be written, a file-size limit); a full disk is injected
as the OSError the kernel gives (ENOSPC from fsync)."""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

import kg.building
import kg.pipeline
from kg.cli import main
from kg.outdir import verify

TEXT = "Iran condemned Israel. Hamas fired rockets at Israel."


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _one_error_line(err: str) -> str:
    assert err.startswith("kg: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


@contextmanager
def _unprivileged():
    """Run the block as user nobody when the tests run as root (root may write anywhere)."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_build_o_naming_a_file_is_one_line_and_exit_3(article, tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a directory")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "-o", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3
    assert "is a file, not a directory" in _one_error_line(proc.stderr)
    assert target.read_text() == "not a directory"


@pytest.fixture
def open_dir():
    """A directory anyone may enter (pytest's own are the owner's only), removed afterwards."""
    path = Path(tempfile.mkdtemp())
    os.chmod(path, 0o755)
    yield path
    for sub in (path, *path.rglob("*")):
        if sub.is_dir():
            os.chmod(sub, 0o755)
    shutil.rmtree(path)


def test_build_into_a_directory_that_cannot_be_written(article, open_dir, capsys):
    os.chmod(open_dir, 0o555)
    with _unprivileged():
        status = main(["build", str(article), "-o", str(open_dir / "out")])
    assert status == 3
    err = _one_error_line(capsys.readouterr().err)
    assert f"cannot write to {open_dir / 'out'} (Permission denied)" in err
    assert list(open_dir.iterdir()) == []


def test_build_a_read_only_outdir_keeps_its_set(article, open_dir, capsys):
    out = open_dir / "out"
    assert main(["build", str(article), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    os.chmod(out, 0o555)
    with _unprivileged():
        assert main(["build", str(article), "-o", str(out)]) == 3
    assert f"cannot write to {out} (Permission denied)" in _one_error_line(capsys.readouterr().err)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_build_disk_full_keeps_the_previous_set(article, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["build", str(article), "-o", str(out), "--format", "nt"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = []
    real = os.fsync

    def full(fd):  # the disk fills up after graph.ttl is written
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd)

    monkeypatch.setattr(os, "fsync", full)
    assert main(["build", str(article), "-o", str(out), "--format", "nt"]) == 3
    err = _one_error_line(capsys.readouterr().err)
    assert "No space left on device" in err and "graph.nt" in err and "unchanged" in err
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before and verify(out) == []


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG


def test_build_a_file_size_limit_is_one_line_and_exit_3(article, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size)
    assert proc.returncode == 3, proc.stderr
    assert "File too large" in _one_error_line(proc.stderr)
    assert not out.exists()  # made by this build, nothing committed: gone again


def test_build_interrupted_is_exit_130_and_leaves_nothing(article, tmp_path, monkeypatch, capsys):
    def interrupted(path, nxg):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.building, "_write_json", interrupted)
    assert main(["build", str(article), "-o", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err == "kg: interrupted\n"
    assert not (tmp_path / "out").exists()


CORPUS = "\n".join([
    '{"id": "a", "text": "Iran condemned Israel.", "date": "2024-01-02"}',
    '{"id": "b", "text": "Hamas fired rockets at Israel." ',
    '{"id": 7, "text": "Turkey criticized Greece.", "date": "last week"}',
    '{"id": "c"}',
    '{"id": "a", "text": "Egypt hosted Hamas.", "url": "http://[::1/x"}',
    '{"id": "d", "text": "Jordan \\u0000urged calm."}',
])


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def test_build_every_skip_and_repair_is_in_errors_jsonl(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(CORPUS, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out)]) == 0
    assert "4 document(s) read, 2 skipped, 5 repaired" in capsys.readouterr().out
    f = str(src)
    assert _records(out) == [
        {"id": None, "file": f, "line": 2, "reason": "not valid JSON (Expecting ',' delimiter: character 55)",
         "action": "skipped"},
        {"id": "7", "file": f, "line": 3, "reason": "date 'last week' not understood; ignored", "action": "repaired"},
        {"id": "7", "file": f, "line": 3, "reason": "id 7 is not a string; read as text", "action": "repaired"},
        {"id": "c", "file": f, "line": 4, "reason": "no 'text' string in this line", "action": "skipped"},
        {"id": "a#2", "file": f, "line": 5, "reason": "document id 'a' seen before; renamed 'a#2'",
         "action": "repaired"},
        {"id": "a#2", "file": f, "line": 5, "reason": "url is not an IRI; kept as text, not a link",
         "action": "repaired"},
        {"id": "d", "file": f, "line": 6, "reason": "text: 1 control character(s) replaced by spaces",
         "action": "repaired"},
    ]


def test_build_errors_jsonl_is_deterministic(tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.txt"
    one.write_text(CORPUS, encoding="utf-8")
    two.write_bytes("Le pr\u00e9sident a condamn\u00e9 Moscou. Iran condemned Israel.".encode("cp1252"))
    outs = [tmp_path / "o1", tmp_path / "o2"]
    assert main(["build", str(one), str(two), "-o", str(outs[0])]) == 0
    assert main(["build", str(two), str(one), "-o", str(outs[1])]) == 0
    for name in ("errors.jsonl", "graph.ttl", "graph.json", "kg-manifest.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert [r["file"] for r in _records(outs[0])][-1] == str(two)


def test_build_a_failed_extraction_is_listed_with_its_file_and_line(tmp_path, monkeypatch):
    real = kg.pipeline.extract

    def fragile(rd, **kw):  # fault injection: the extraction of one document raises
        if "BOOM" in rd.document.text:
            raise RuntimeError("cannot analyse")
        return real(rd, **kw)

    monkeypatch.setattr(kg.pipeline, "extract", fragile)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "text": "Iran condemned Israel."}\n{"id": "bad", "text": "BOOM Hamas."}\n')
    assert main(["build", str(src), "-o", str(tmp_path / "out")]) == 0
    [record] = _records(tmp_path / "out")
    assert record["id"] == "bad" and record["file"] == str(src) and record["line"] == 2
    assert record["action"] == "skipped" and "cannot analyse" in record["reason"]


def test_build_strict_makes_a_skip_fatal_and_writes_nothing(tmp_path, article, capsys):
    out = tmp_path / "out"
    assert main(["build", str(article), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "in.jsonl"
    bad.write_text(CORPUS, encoding="utf-8")
    assert main(["build", str(bad), "-o", str(out), "--strict"]) == 1
    assert "--strict: 2 input(s) skipped; nothing written" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    repaired = tmp_path / "repaired.jsonl"  # repairs only: allowed
    repaired.write_text('{"id": 7, "text": "Iran condemned Israel."}\n', encoding="utf-8")
    assert main(["build", str(repaired), "-o", str(out), "--strict"]) == 0
    assert [r["action"] for r in _records(out)] == ["repaired"]
