"""kg.cluster and kg build --dask: documents parsed on a real Dask LocalCluster (2 workers) give
the same results, in the same order, and the same output bytes as one process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.cluster import process_dask
from kg.model import Document
from kg.pipeline import process

distributed = pytest.importorskip("distributed")

TEXTS = [
    "Iran condemned Israel after the strike.",
    "Hezbollah fired rockets at Israel on Tuesday.",
    "Iran-backed militias attacked U.S. troops stationed in Syria.",
    "Turkey accused the PKK of attacking a police station.",
    "The United Nations urged both sides to agree to a ceasefire.",
]
DOCS = [Document(f"doc-{i}", text) for i, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def test_cluster_results_equal_one_process_in_input_order(cluster, nlp):
    alone = list(process(DOCS))
    spread = list(process_dask(DOCS, address=cluster.scheduler_address, chunk_chars=40))
    assert [r.document.id for r in spread] == [d.id for d in DOCS]
    assert spread == alone


def test_cluster_each_worker_loads_the_model_once(cluster, nlp):
    list(process_dask(DOCS * 4, address=cluster.scheduler_address, chunk_chars=40))

    def loads() -> tuple[int, int]:
        from kg.nlp import load_pipeline

        info = load_pipeline.cache_info()
        return info.misses, info.hits

    with distributed.Client(cluster.scheduler_address) as client:
        counts = client.run(loads)
    assert len(counts) == 2
    assert all(misses == 1 for misses, _ in counts.values())  # loaded once, in each worker
    assert sum(hits for _, hits in counts.values()) > 0  # and used again for later chunks


def test_cluster_build_writes_the_same_bytes(cluster, tmp_path, nlp):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": d.id, "text": d.text, "date": "2024-03-01"}) + "\n" for d in DOCS))
    one, many = tmp_path / "one", tmp_path / "many"
    assert main(["build", str(inputs), "-o", str(one), "--format", "nt", "trig", "-q"]) == 0
    assert main(["build", str(inputs), "-o", str(many), "--format", "nt", "trig", "-q",
                 "--dask", cluster.scheduler_address]) == 0
    for name in ("graph.ttl", "graph.nt", "graph.trig", "graph.json", "graph.html", "errors.jsonl"):
        assert (one / name).read_bytes() == (many / name).read_bytes(), name


def test_cluster_local_starts_and_stops_its_own_cluster(nlp):
    results = list(process_dask(DOCS[:2], address="local", workers=2))
    assert [r.document.id for r in results] == ["doc-0", "doc-1"]


def test_cluster_unreachable_scheduler_is_a_clear_error():
    from kg.errors import KGError

    with pytest.raises(KGError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(process_dask(DOCS, address="tcp://127.0.0.1:9", connect_timeout=1))


def test_cluster_without_dask_says_how_to_install_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXTS[0])
    code = ("import sys; sys.modules['distributed'] = None\n"  # what an interpreter without Dask sees
            "from kg.cli import main\n"
            f"sys.exit(main(['build', {str(article)!r}, '-o', {str(tmp_path / 'out')!r}, '--dask', 'local', '-q']))")
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert "pip install 'kg[dask]'" in done.stderr and "Traceback" not in done.stderr
