"""kg build --jobs N: worker processes, the same graph bytes whatever N is."""

from __future__ import annotations

import json

import pytest

import kg.parallel
from kg.cli import main
from kg.model import Document
from kg.parallel import process_jobs

STORIES = [
    "Iran condemned Israel on Monday. Hezbollah fired rockets at Israeli troops near the border.",
    "Kataib Hezbollah accused the United States of aiding Israel. U.S. forces struck a depot in Syria.",
    "Turkey criticized Greece over the islands. Greek officials met Turkish diplomats in Athens.",
    "Hamas fired rockets at Israel. Israeli aircraft struck targets in Gaza, killing 12 people.",
    "The Houthis attacked a ship in the Red Sea. The United States condemned the attack.",
    "Russia and Ukraine exchanged prisoners. Ukrainian drones hit an oil depot in Belgorod.",
    "Iraqi officials met Iranian diplomats in Baghdad. Iran-backed militias attacked a base in Syria.",
    "Protesters gathered in Tehran. Police arrested dozens of students, the group said.",
    "Egypt and Qatar mediated talks between Israel and Hamas. Israel denied attacking the hospital.",
    "Pakistan accused India of shelling villages in Kashmir. India rejected the claim.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": f"story-{i:02d}", "text": text, "date": f"2024-03-{i + 1:02d}"})
             for i, text in enumerate(STORIES)]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "note.txt").write_text("Saudi Arabia condemned the strike on Yemen.", encoding="utf-8")
    return root


def test_parallel_jobs_1_and_2_write_the_same_bytes(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.parallel, "CHUNK_CHARS", 150)  # many chunks: both workers take some
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        assert main(["build", str(corpus), "-o", str(out), "--date", "2024-03-01", "--jobs", str(jobs),
                     "--format", "nt", "trig", "json-ld", "nquads"]) == 0
        outputs[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert sorted(outputs[1]) == ["errors.jsonl", "graph.html", "graph.json", "graph.jsonld", "graph.nq", "graph.nt",
                                  "graph.trig", "graph.ttl", "kg-manifest.json"]
    assert outputs[1] == outputs[2]
    assert outputs[1]["graph.nt"].count(b"/doc/story-") > 10  # every story is in it
    assert b"condemned" in outputs[1]["graph.ttl"]


def test_parallel_results_come_in_input_order_across_chunks():
    docs = [Document(f"d{i}", STORIES[i % len(STORIES)]) for i in range(14)]
    got = [r.document.id for r in process_jobs(docs, jobs=2, chunk_chars=120)]
    assert got == [f"d{i}" for i in range(14)]
    single = list(process_jobs(docs, jobs=1))
    assert [r for r in process_jobs(docs, jobs=2, chunk_chars=300)] == single  # equal records


def test_parallel_a_model_that_cannot_load_is_an_error_not_a_hang(corpus, tmp_path, capsys):
    status = main(["build", str(corpus / "note.txt"), "-o", str(tmp_path / "o"), "--jobs", "2",
                   "--model", "no_such_spacy_model"])
    assert status == 2
    assert "no_such_spacy_model" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_parallel_jobs_must_be_positive(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["build", "x.txt", "-o", str(tmp_path), "--jobs", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_parallel_a_worker_that_dies_is_an_error_not_a_hang():
    from kg.errors import KGError
    from kg.parallel import _run, _start, _stop

    procs = [_start(None), _start(None)]
    try:
        procs[1].kill()  # as the kernel's out-of-memory killer would
        chunks = iter([[Document(f"d{i}", "Iran condemned Israel.")] for i in range(6)])
        with pytest.raises(KGError, match="ended unexpectedly"):
            list(_run(procs, chunks, lambda exc: None))
    finally:
        _stop(procs)
