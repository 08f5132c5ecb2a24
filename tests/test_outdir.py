"""The output set of kg build (issue 17, item 10): whole or not at all, one build at a time,
and what killed builds leave cleaned up. Kills are real: SIGKILL of a real build process."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import kg.building
from kg.cli import main
from kg.outdir import MANIFEST, OutputSet, verify

FIRST = "Iran condemned Israel. Hamas fired rockets at Israel."
SECOND = "Turkey criticized Greece. Egypt hosted talks with Hamas in Cairo."


def _set(out: Path) -> dict[str, bytes]:
    """Every visible file of an output directory, by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _hidden(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


@pytest.fixture
def inputs(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def test_outdir_build_writes_a_set_with_its_manifest(inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(inputs[0]), "-o", str(out), "--format", "nt"]) == 0
    files = _set(out)
    assert sorted(files) == ["errors.jsonl", "graph.html", "graph.json", "graph.nt", "graph.ttl", MANIFEST]
    manifest = json.loads(files[MANIFEST])
    assert sorted(manifest["files"]) == sorted(set(files) - {MANIFEST})
    assert verify(out) == [] and _hidden(out) == []
    (out / "graph.nt").write_text("changed")
    assert verify(out) == ["graph.nt: not the file the manifest lists"]


def test_outdir_a_file_the_new_set_lacks_is_removed(inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(inputs[0]), "-o", str(out), "--format", "nt", "trig"]) == 0
    (out / "notes.txt").write_text("mine")  # not kg's: kept
    assert main(["build", str(inputs[1]), "-o", str(out)]) == 0
    assert not (out / "graph.nt").exists() and not (out / "graph.trig").exists()
    assert (out / "notes.txt").read_text() == "mine" and verify(out) == []


def test_outdir_an_exception_between_two_files_leaves_the_previous_set(inputs, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["build", str(inputs[0]), "-o", str(out), "--format", "nt", "trig"]) == 0
    before = _set(out)

    def broken(path, nxg):  # graph.ttl, graph.nt and graph.trig are written by now
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(kg.building, "_write_json", broken)
    assert main(["build", str(inputs[1]), "-o", str(out), "--format", "nt", "trig"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("kg: error: cannot write") and "graph.json" in err and err.count("\n") == 1
    assert _set(out) == before and _hidden(out) == [] and verify(out) == []


def test_outdir_what_killed_builds_left_is_cleaned(inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(inputs[0]), "-o", str(out)]) == 0
    half = out / ".kg-staging-99999-abc"  # a build killed while writing: no manifest
    half.mkdir()
    (half / "graph.ttl").write_text("half")
    (out / ".graph.ttl.k3j2.tmp").write_text("half")  # an older kg's interrupted write
    assert main(["build", str(inputs[1]), "-o", str(out)]) == 0
    assert _hidden(out) == [] and verify(out) == []


def test_outdir_a_swap_cut_short_is_finished_by_the_next_build(inputs, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    assert main(["build", str(inputs[0]), "-o", str(old)]) == 0
    assert main(["build", str(inputs[1]), "-o", str(new)]) == 0
    staged = old / ".kg-staging-99999-xyz"  # a build killed after renaming graph.html in
    staged.mkdir()
    for name, data in _set(new).items():
        (old / name if name == "graph.html" else staged / name).write_bytes(data)
    assert verify(old) == ["graph.html: not the file the manifest lists"]
    with OutputSet(old):  # what any next build does first
        pass
    assert _set(old) == _set(new) and _hidden(old) == [] and verify(old) == []


def test_outdir_a_second_build_is_refused_naming_the_first(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom kg.outdir import OutputSet\n"
         "OutputSet(sys.argv[1]).__enter__()\nprint('locked', flush=True)\ntime.sleep(120)", str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["build", str(inputs[0]), "-o", str(out)]) == 4
        err = capsys.readouterr().err
        assert f"(pid {holder.pid})" in err and err.startswith("kg: error:") and err.count("\n") == 1
        assert not (out / "graph.ttl").exists()
    finally:
        holder.kill()  # SIGKILL: the kernel releases its lock; its staging directory stays
        holder.wait()
    assert main(["build", str(inputs[0]), "-o", str(out)]) == 0
    assert _hidden(out) == [] and verify(out) == []


_KILLER = """
import os, signal, sys
target = int(sys.argv[1])
seen = 0
def dying(fn):
    def call(*args, **kwargs):
        global seen
        seen += 1
        if seen == target:
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return call
os.fsync, os.replace = dying(os.fsync), dying(os.replace)
from kg.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _events(monkeypatch, argv) -> tuple[int, int]:
    """Run a build in this process counting its fsync and rename calls: (calls while writing
    the staged set, calls in all)."""
    calls: list[str] = []
    for name in ("fsync", "replace"):
        real = getattr(os, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls.append(_name if _name == "fsync" else "swap" if ".kg-staging-" not in str(args[1]) else _name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, counted)
    assert main(argv) == 0
    monkeypatch.undo()
    return calls.index("swap"), len(calls)


def test_outdir_builds_killed_at_random_points_leave_a_whole_set(inputs, tmp_path, monkeypatch):
    """SIGKILL at random fsync or rename calls of a real build, some while the staged files
    are written, some while they are swapped in: OUTDIR always holds the old set or the new one
    whole, or (killed mid-swap) is made whole by the next build."""
    reference = tmp_path / "reference"
    argv = ["build", str(inputs[1]), "--format", "nt", "trig"]
    writing, total = _events(monkeypatch, [*argv, "-o", str(reference)])
    new = _set(reference)
    rng = random.Random(17)
    points = rng.sample(range(1, writing + 1), 2) + rng.sample(range(writing + 1, total + 1), 2)
    for point in points:
        out = tmp_path / f"out-{point}"
        assert main(["build", str(inputs[0]), "-o", str(out), "--format", "nt", "trig"]) == 0
        old = _set(out)
        proc = subprocess.run([sys.executable, "-c", _KILLER, str(point), *argv, "-o", str(out)],
                              capture_output=True, timeout=300)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        if verify(out):  # killed between two renames: the next build finishes the swap
            assert point > writing and [p.name for p in out.glob(".kg-staging-*/" + MANIFEST)]
            with OutputSet(out):
                pass
        assert verify(out) == [] and _set(out) in (old, new), point
        with OutputSet(out):
            pass
        assert _hidden(out) == []


def test_outdir_a_rename_failing_mid_swap_is_finished_by_the_next_build(inputs, tmp_path, monkeypatch, capsys):
    out, reference = tmp_path / "out", tmp_path / "reference"
    assert main(["build", str(inputs[1]), "-o", str(reference)]) == 0
    assert main(["build", str(inputs[0]), "-o", str(out)]) == 0
    real, swapped = os.replace, []

    def failing(src, dst):  # fault injection: the third rename into OUTDIR fails
        if ".kg-staging-" not in str(dst):
            swapped.append(dst)
            if len(swapped) == 3:
                raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    assert main(["build", str(inputs[1]), "-o", str(out)]) == 3
    monkeypatch.undo()
    assert "the next build into it will finish replacing the set" in capsys.readouterr().err
    assert verify(out)  # two new files beside the old ones: the manifest tells
    with OutputSet(out):
        pass
    assert _set(out) == _set(reference) and verify(out) == [] and _hidden(out) == []
