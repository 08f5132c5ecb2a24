"""kg.shards and kg build --shard-size: sorted N-Quads in files of at most N lines."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.outdir import verify
from kg.shards import shard_name, shards

TEXT = ("Iran condemned Israel. Hezbollah fired rockets at Israel. "
        "Iran-backed militias attacked U.S. troops stationed in Syria.")


def _nq(n: int) -> str:
    return "".join(f'<http://a> <http://p> "{i:03d}" <http://g> .\n' for i in range(n))


def test_shards_cut_sorted_lines_every_n():
    text = "".join(reversed(_nq(7).splitlines(keepends=True)))
    out = list(shards(text, 3))
    assert [name for name, _ in out] == [shard_name(1), shard_name(2), shard_name(3)]
    assert "".join(body for _, body in out) == _nq(7)  # sorted, nothing lost or repeated
    assert [len(body.splitlines()) for _, body in out] == [3, 3, 1]


def test_shards_of_nothing_is_no_shard():
    assert list(shards("", 10)) == []


def test_shards_refuse_a_size_below_one():
    with pytest.raises(ValueError):
        list(shards(_nq(2), 0))


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    return path


def _shard_files(out):
    return sorted(p for p in out.iterdir() if p.name.startswith("graph-"))


def test_shards_build_writes_the_quads_of_graph_nq(tmp_path, article, nlp):
    out = tmp_path / "out"
    assert main(["build", str(article), "-o", str(out), "--format", "nquads", "--shard-size", "40", "-q"]) == 0
    files = _shard_files(out)
    assert len(files) > 1 and all(len(f.read_text().splitlines()) <= 40 for f in files)
    whole = [line for line in (out / "graph.nq").read_text().splitlines() if line.strip()]
    assert "".join(f.read_text() for f in files).splitlines() == whole
    for f in files:  # each shard loads on its own
        ox.Store().load(path=str(f), format=ox.RdfFormat.N_QUADS)
    assert verify(out) == []


def test_shards_same_input_same_bytes_and_fewer_shards_replace_more(tmp_path, article, nlp):
    out, again = tmp_path / "out", tmp_path / "again"
    main(["build", str(article), "-o", str(out), "--shard-size", "25", "-q"])
    main(["build", str(article), "-o", str(again), "--shard-size", "25", "-q"])
    first = {f.name: f.read_bytes() for f in _shard_files(out)}
    assert first == {f.name: f.read_bytes() for f in _shard_files(again)}
    main(["build", str(article), "-o", str(out), "--shard-size", "100000", "-q"])
    assert [f.name for f in _shard_files(out)] == [shard_name(1)]
    assert verify(out) == []
    main(["build", str(article), "-o", str(out), "-q"])
    assert _shard_files(out) == []


def test_shards_size_must_be_positive(tmp_path, article, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(article), "-o", str(tmp_path / "out"), "--shard-size", "0"])
    assert exc.value.code == 2
