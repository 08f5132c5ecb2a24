"""kg build's progress bar (only on a terminal), --quiet and --summary-json."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
STORIES = ["Iran condemned Israel. Hezbollah fired rockets at Israeli troops.",
           "Turkey criticized Greece. Greek officials met Turkish diplomats in Athens."]


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(STORIES))
                    + "{not json\n", encoding="utf-8")
    return path


def test_progress_summary_json_file_and_no_bar_off_a_terminal(feed, tmp_path, capsys):
    report = tmp_path / "run.json"
    assert main(["build", str(feed), "-o", str(tmp_path / "o"), "--summary-json", str(report)]) == 0
    out, err = capsys.readouterr()
    assert "2 document(s) read, 1 skipped" in out  # the text summary still goes to stdout
    assert "docs/s" not in err and "\r" not in err  # stderr is no terminal: no bar
    record = json.loads(report.read_text(encoding="utf-8"))
    assert record["documents"] == 2 and record["skipped"] == 1 and record["jobs"] == 1
    assert record["errors"] == [{"source": f"{feed}:3", "reason": record["errors"][0]["reason"]}]
    assert record["relations"]["condemned"] == 1 and record["words"] == sum(len(t.split()) for t in STORIES)
    assert record["words_per_second"] > 0 and str(tmp_path / "o" / "graph.ttl") in record["written"]


def test_progress_summary_json_on_stdout_is_all_stdout_holds(feed, tmp_path, capsys):
    assert main(["build", str(feed), "-o", str(tmp_path / "o"), "--summary-json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["documents"] == 2


def test_progress_quiet_prints_no_summary_but_reports_errors(feed, tmp_path, capsys):
    assert main(["build", str(feed), "-o", str(tmp_path / "o"), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and f"{feed}:3" in err


def test_progress_summary_json_when_nothing_could_be_read(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    report = tmp_path / "run.json"
    assert main(["build", str(empty), "-o", str(tmp_path / "o"), "--summary-json", str(report)]) == 1
    record = json.loads(report.read_text(encoding="utf-8"))
    assert record["documents"] == 0 and record["skipped"] == 1 and record["written"] == []


def _run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run ``kg`` with its standard error on a pseudo-terminal; what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 40 rows, 120 columns
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=follower, env=env)
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed: kg has ended
            break
        if not data:
            break
        shown += data
    os.close(leader)
    return proc.wait(), shown.decode("utf-8", "replace")


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_with_rates_and_time_left(feed, tmp_path, quiet):
    status, shown = _run_on_a_terminal(["build", str(feed), "-o", str(tmp_path / "o")] + ["--quiet"] * quiet)
    assert status == 0
    assert f"{feed}:3" in shown  # the skipped line is shown either way
    if quiet:
        assert "docs/s" not in shown
        return
    last = shown.replace("\n", "\r").rstrip("\r").rsplit("\r", 1)[-1]
    assert "3/3" in last and "100%" in last  # two documents and a skipped line, of a known total
    # rates and time left; tqdm writes a rate under one a second as seconds a document ("2.81s/ docs"),
    # which a loaded machine gives
    assert re.search(r"docs/s|s/ ?docs", last) and "words/s" in last and "<00:00" in last
