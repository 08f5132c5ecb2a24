"""Documents to results in worker processes on one machine (``kg build --jobs N``).

:func:`process_jobs` hands chunks of consecutive documents to ``jobs`` worker
processes and yields their :class:`~kg.model.DocumentResult` records in input
order, so the graph, and every file written from it, has the same bytes
whatever the number of workers.

Each worker is a fresh interpreter (``python -m kg.parallel``; run from a source
checkout, that checkout first on its path) started with the BLAS and OpenMP thread counts set to 1
in its environment, before anything is imported, so two workers on two cores
do not fight over them; it loads the spaCy model once, as it starts, then
answers chunks one at a time through its standard input and output (pickled
frames; anything else it prints goes to standard error). No worker re-runs the
calling script (as ``multiprocessing``'s ``spawn`` does) and none is forked
from a process that may hold threads. A worker gets its next chunk when it
returns one, and chunks are read only a few ahead of the results given out, so
the texts are never all held at once. A worker that dies (killed, out of
memory) ends the run with a :class:`~kg.errors.KGError`, never a hang.
POSIX only. With ``jobs=1`` it is :func:`kg.pipeline.process` in this process.

Examples
--------
>>> from kg.model import Document
>>> docs = [Document(f"d{i}", "Iran condemned Israel.") for i in range(3)]
>>> [r.document.id for r in process_jobs(docs, jobs=2, chunk_chars=30)]
['d0', 'd1', 'd2']
"""

from __future__ import annotations

import logging
import os
import pickle
import selectors
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import ExtractionError, KGError
from .model import Document, DocumentResult

__all__ = ["CHUNK_CHARS", "THREAD_VARIABLES", "chunks", "process_jobs"]

log = logging.getLogger(__name__)

#: Environment variables that set the threads of BLAS and OpenMP libraries; 1 in each worker.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
#: Characters of text a chunk holds, about one second of parsing: small enough to keep the
#: workers evenly busy, large enough that handing chunks over costs little.
CHUNK_CHARS = 20_000
#: Chunks read ahead of the results given out, per worker.
_AHEAD = 2


def chunks(documents: Iterable[Document], chunk_chars: int) -> Iterator[list[Document]]:
    """Consecutive documents, grouped until a group holds ``chunk_chars`` characters.

    >>> [len(c) for c in chunks([Document(str(i), "x" * 10) for i in range(5)], 25)]
    [3, 2]
    """
    chunk: list[Document] = []
    size = 0
    for doc in documents:
        chunk.append(doc)
        size += len(doc.text)
        if size >= chunk_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _send(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def _receive(stream: BinaryIO) -> object | None:
    """One message, or ``None`` at the end of the stream (the other side is gone)."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    return pickle.loads(data) if len(data) == size else None


# -- the worker ---------------------------------------------------------------------------
def _analyse(chunk: list[Document], model: str | None) -> tuple[list[DocumentResult], list[tuple[str, str]]]:
    """A chunk's results, and its failures as (document id, reason)."""
    from .pipeline import process

    failures: list[ExtractionError] = []
    results = list(process(chunk, model=model, on_error=failures.append))
    return results, [(exc.source, exc.reason) for exc in failures]


def _worker(model: str | None, level: int) -> int:
    """A worker's life: load the model, then answer chunks until its input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what anything prints goes to standard error, not into the answers
    logging.basicConfig(level=level, format="kg: %(levelname)s %(message)s")
    source = sys.stdin.buffer
    try:
        from .nlp import load_pipeline

        load_pipeline(model)
        while (message := _receive(source)) is not None:
            index, chunk = message
            _send(out, ("ok", index, *_analyse(chunk, model)))
    except KGError as exc:
        _send(out, ("error", exc))
        return 1
    except Exception as exc:  # anything else still reaches the parent as an error, not a hang
        _send(out, ("error", KGError(f"a worker failed: {type(exc).__name__}: {exc}")))
        return 1
    out.close()
    os._exit(0)  # every answer is sent: skip tearing down spaCy's objects (a second or two)


# -- the parent ---------------------------------------------------------------------------
def _start(model: str | None) -> subprocess.Popen:
    env = dict(os.environ, **{name: "1" for name in THREAD_VARIABLES})
    root = Path(__file__).resolve().parents[1]
    if (root / "ontology" / "kg.ttl").is_file():  # a source checkout: the worker runs this same kg
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH")) if p)
    level = str(logging.getLogger("kg").getEffectiveLevel())
    return subprocess.Popen([sys.executable, "-m", "kg.parallel", model or "", level],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)


def _gone(proc: subprocess.Popen) -> KGError:
    code = proc.wait()
    how = f"signal {-code}" if code < 0 else f"exit status {code}"
    return KGError(f"a worker process ended unexpectedly ({how}: killed, or out of memory?)")


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        try:
            proc.stdin.close()
        except OSError:
            pass
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def process_jobs(documents: Iterable[Document], *, jobs: int = 1, model: str | None = None,
                 on_error: Callable[[ExtractionError], None] | None = None,
                 chunk_chars: int | None = None) -> Iterator[DocumentResult]:
    """Parse, resolve and extract every document in ``jobs`` worker processes; the results
    come in input order, as :func:`kg.pipeline.process` gives them.

    Parameters
    ----------
    documents : iterable of Document
        Read lazily, a few chunks ahead of the results given out.
    jobs : int
        Worker processes (1: this process, no workers).
    model : str, optional
        The spaCy pipeline each worker loads.
    on_error : callable, optional
        Called with the :class:`~kg.errors.ExtractionError` of each document that could
        not be analysed (it is skipped); logged by default.
    chunk_chars : int, optional
        Characters of text handed to a worker at once (default :data:`CHUNK_CHARS`).

    Raises
    ------
    KGError
        When a worker process ends unexpectedly; :class:`~kg.errors.ModelError` when the
        model cannot be loaded.

    >>> [r.document.id for r in process_jobs([Document("a", "Hamas fired rockets at Israel.")])]
    ['a']
    """
    if jobs < 1:
        raise KGError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        from .pipeline import process

        yield from process(documents, model=model, on_error=on_error)
        return
    report = on_error or (lambda exc: log.error("%s", exc))
    procs = [_start(model) for _ in range(jobs)]
    try:
        yield from _run(procs, chunks(documents, chunk_chars or CHUNK_CHARS), report)
    finally:
        _stop(procs)


def _run(procs: list[subprocess.Popen], chunks: Iterator[list[Document]],
         report: Callable[[ExtractionError], None]) -> Iterator[DocumentResult]:
    """Hand each idle worker the next chunk, collect answers, give results out in order."""
    selector = selectors.DefaultSelector()
    for proc in procs:
        selector.register(proc.stdout, selectors.EVENT_READ, proc)
    idle, done = list(procs), {}
    sent = given = 0
    exhausted = False
    while True:
        while given in done:
            results, failures = done.pop(given)
            given += 1
            for source, reason in failures:
                report(ExtractionError(source, reason))
            yield from results
        while idle and not exhausted and sent < given + _AHEAD * len(procs):
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            proc = idle.pop()
            try:
                _send(proc.stdin, (sent, chunk))
            except BrokenPipeError:
                raise _gone(proc) from None
            sent += 1
        if given == sent:  # nothing in flight: every chunk sent and given out
            return
        for key, _ in selector.select():
            proc = key.data
            message = _receive(proc.stdout)
            if message is None:
                raise _gone(proc)
            if message[0] == "error":
                raise message[1]
            _, index, results, failures = message
            done[index] = (results, failures)
            idle.append(proc)


if __name__ == "__main__":  # a worker: python -m kg.parallel MODEL LOGLEVEL
    sys.exit(_worker(sys.argv[1] or None, int(sys.argv[2])))
