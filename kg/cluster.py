"""Documents to results on a Dask distributed cluster (``kg build --dask SCHEDULER|local``).

:func:`process_dask` cuts the documents into chunks of consecutive documents (as
:mod:`kg.parallel` does), submits each chunk as a task, and yields the
:class:`~kg.model.DocumentResult` records in input order, so the graph, and every file
written from it, has the same bytes as a run in one process. A worker loads the spaCy
model once (:func:`kg.nlp.load_pipeline` is cached in the worker's process) and keeps it
for every chunk it is given. Only a few chunks per worker are in flight at once, so the
texts are never all held, here or on the cluster.

``address`` is a scheduler's address (``tcp://10.0.0.5:8786``) or ``"local"``: a
:class:`distributed.LocalCluster` of ``workers`` processes on this machine (one thread
each; Dask sets the BLAS and OpenMP threads of its worker processes to 1), started and
stopped with the run.

Needs the optional extra ``kg[dask]`` (``pip install 'kg[dask]'``); without it the
error says so. Workers of a real cluster need kg and its spaCy model installed.

Examples
--------
>>> from kg.model import Document
>>> docs = [Document(f"d{i}", "Iran condemned Israel.") for i in range(3)]
>>> [r.document.id for r in process_dask(docs, address="local", workers=1)]  # doctest: +SKIP
['d0', 'd1', 'd2']
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .errors import ExtractionError, KGError
from .model import Document, DocumentResult
from .parallel import CHUNK_CHARS, chunks

__all__ = ["analyse_chunk", "process_dask"]

log = logging.getLogger(__name__)

#: Chunks in flight per worker.
_AHEAD = 2


def analyse_chunk(chunk: list[Document], model: str | None) -> tuple[list[DocumentResult], list[tuple[str, str]]]:
    """A chunk's results and its failures as (document id, reason): the task a worker runs."""
    from .pipeline import process

    failures: list[ExtractionError] = []
    results = list(process(chunk, model=model, on_error=failures.append))
    return results, [(exc.source, exc.reason) for exc in failures]


def _client(address: str, workers: int | None, connect_timeout: float):
    """A connected :class:`distributed.Client` and the local cluster it owns (or None)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KGError("--dask needs Dask's distributed scheduler: pip install 'kg[dask]'") from None
    if address == "local":
        import os

        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=connect_timeout), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise KGError(f"cannot reach the Dask scheduler at {address} ({exc})") from None


def process_dask(documents: Iterable[Document], *, address: str, model: str | None = None,
                 workers: int | None = None, on_error: Callable[[ExtractionError], None] | None = None,
                 chunk_chars: int | None = None, connect_timeout: float = 30) -> Iterator[DocumentResult]:
    """Parse, resolve and extract every document on a Dask cluster; results in input order.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, a few chunks ahead of the results given out.
    address : str
        The scheduler's address, or ``"local"`` for a local cluster of ``workers`` processes.
    model : str, optional
        The spaCy pipeline each worker loads.
    workers : int, optional
        Worker processes of a local cluster (default: the machine's CPUs).
    on_error : callable, optional
        Called with the :class:`~kg.errors.ExtractionError` of each document that could
        not be analysed (it is skipped); logged by default.
    chunk_chars : int, optional
        Characters of text in one task (default :data:`kg.parallel.CHUNK_CHARS`).
    connect_timeout : float
        Seconds to keep trying to reach the scheduler.

    Raises
    ------
    KGError
        Without ``kg[dask]``, when the scheduler cannot be reached, or when a task's
        workers keep dying; :class:`~kg.errors.ModelError` when the model cannot be loaded.
    """
    report = on_error or (lambda exc: log.error("%s", exc))
    client, cluster = _client(address, workers, connect_timeout)
    try:
        yield from _run(client, chunks(documents, chunk_chars or CHUNK_CHARS), model, report)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(client, pieces: Iterator[list[Document]], model: str | None,
         report: Callable[[ExtractionError], None]) -> Iterator[DocumentResult]:
    """Keep a few tasks a worker in flight; give their results out in submission order."""
    from distributed import KilledWorker

    limit = _AHEAD * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    flight: deque = deque()
    for chunk in pieces:
        flight.append(client.submit(analyse_chunk, chunk, model, pure=False))
        while len(flight) >= limit:
            yield from _collect(flight.popleft(), report, KilledWorker)
    while flight:
        yield from _collect(flight.popleft(), report, KilledWorker)


def _collect(future, report, killed) -> Iterator[DocumentResult]:
    try:
        results, failures = future.result()
    except killed as exc:
        raise KGError(f"Dask workers kept dying on a chunk of documents (killed, or out of memory?): {exc}") from None
    for source, reason in failures:
        report(ExtractionError(source, reason))
    yield from results
