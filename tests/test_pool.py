"""kg.pool: queries in worker processes, killed at their deadline, capped in memory."""

from __future__ import annotations

import ctypes
import time

import pytest

from kg.errors import KGError, QueryMemoryError, QueryRefusedError
from kg.pool import QueryPool
from kg.query import QuerySyntaxError, QueryTimeoutError
from kg.store import Store

#: The issue's runaway query: a sorted cartesian product (about 1 GB a second on 200,000 triples).
SORTED_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
COUNT_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


def triples(n: int) -> str:
    return "".join(f'<http://e/s{i % 5000}> <http://e/p{i % 7}> "v{i}" .\n' for i in range(n))


@pytest.fixture(scope="module")
def big_store():
    return Store().load_data(triples(200_000), format="nt")


@pytest.fixture(scope="module")
def small_store():
    return Store().load_data(triples(50), format="nt")


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not reaped, counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_pool_answers_and_reuses_its_workers(small_store):
    with QueryPool(small_store, size=2) as pool:
        workers = {w.pid for w in pool._idle}
        assert len(workers) == 2 and all(alive(pid) for pid in workers)
        for _ in range(5):
            result = pool.query('ASK { ?s ?p "v7" }')
            assert result.boolean is True
        assert {w.pid for w in pool._idle} == workers  # no worker was replaced
        assert len(pool.query("SELECT * WHERE { ?s ?p ?o }", max_rows=10)) == 10


def test_pool_errors_cross_the_process_boundary(small_store):
    with QueryPool(small_store, size=1) as pool:
        with pytest.raises(QuerySyntaxError) as info:
            pool.query("SELECT ?x\nWHERE { ?x ?y }")
        assert info.value.line == 2 and "line 2, column" in str(info.value)
        with pytest.raises(QueryRefusedError, match="SERVICE"):
            pool.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        assert pool.query("ASK {}").boolean is True


def test_pool_kills_a_query_at_its_deadline_and_the_slot_comes_back(big_store):
    with QueryPool(big_store, size=1) as pool:
        (worker,) = pool._idle
        start = time.monotonic()
        with pytest.raises(QueryTimeoutError, match="after 1 s"):
            pool.query(SORTED_PRODUCT, timeout=1)
        assert time.monotonic() - start < 3  # killed at the deadline, not when the sort ends
        assert not alive(worker.pid)
        start = time.monotonic()
        assert pool.query("ASK { ?s ?p ?o }", timeout=5).boolean is True  # a fresh worker
        assert time.monotonic() - start < 2


def test_pool_caps_the_memory_of_a_query(big_store):
    with QueryPool(big_store, size=1, memory_mb=128) as pool:
        start = time.monotonic()
        with pytest.raises(QueryMemoryError, match="more than 128 MiB"):
            pool.query(SORTED_PRODUCT, timeout=60)
        assert time.monotonic() - start < 30
        assert pool.query("ASK { ?s ?p ?o }").boolean is True


def _crash(result, wanted):
    if wanted == "crash":
        ctypes.string_at(0)  # a real segmentation fault, as a stack overflow in the engine makes
    return result.type


def test_pool_loses_a_worker_not_the_program_when_a_query_crashes(small_store):
    with QueryPool(small_store, size=1, render=_crash) as pool:
        with pytest.raises(KGError, match="crashed its worker \\(signal SIGSEGV\\)"):
            pool.query("ASK {}", wanted="crash")
        assert pool.query("ASK {}") == "ASK"


def test_pool_on_disk_store_is_reopened_by_each_worker(tmp_path):
    with Store(tmp_path / "db") as store:
        store.load_data(triples(100), format="nt")
        with QueryPool(store, size=2) as pool:
            assert len(pool.query("SELECT * WHERE { ?s ?p ?o }")) == 100


def test_pool_close_ends_every_process(small_store):
    pool = QueryPool(small_store, size=3)
    pids = [pool._zygote_pid, *(w.pid for w in pool._idle)]
    assert all(alive(pid) for pid in pids)
    pool.close()
    assert not any(alive(pid) for pid in pids)
    with pytest.raises(KGError, match="closed"):
        pool.query("ASK {}")


def test_pool_public_names():
    import kg.pool

    assert kg.pool.__all__ == ["QueryPool"]
