"""Queries in worker processes that end at their deadline, within a memory cap.

A thread cannot be stopped: a query still sorting or counting when its time is
up runs on, holding memory and a slot. :class:`QueryPool` runs each query in a
worker process instead, and

- kills the worker (``SIGKILL``) when the deadline passes, so the memory and
  the slot come back at once (each worker also arms a timer that ends it
  should the pool fail to);
- caps each worker's address space (``RLIMIT_AS``): a query that needs more
  memory than ``memory_mb`` ends its worker, not the program;
- loses a worker, not the program, when a query crashes the engine.

Workers are forked from a *zygote*: a process forked once, when the pool
starts, that holds the store and does nothing else. Forking it is fast (the
store's memory is shared, copy on write, never copied) and safe (the zygote
has a single thread, whatever the program that made the pool runs). An
on-disk store is opened again, read-only, by each worker. Workers are reused
from one query to the next and replaced when killed. POSIX only (``fork``);
make the pool before starting threads.

Examples
--------
>>> from kg.store import Store
>>> store = Store().load_data("".join(f"<http://e/{i}> <http://e/p> {i} ." for i in range(100)))
>>> pool = QueryPool(store, size=1)
>>> pool.query("SELECT ?o WHERE { <http://e/7> ?p ?o }").rows[0][0].value
'7'
>>> pool.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
...            timeout=0.2)
Traceback (most recent call last):
...
kg.errors.QueryTimeoutError: query timed out after 0.2 s
>>> pool.query("ASK { ?s ?p 7 }").boolean  # the killed worker was replaced
True
>>> pool.close()
"""

from __future__ import annotations

import gc
import logging
import os
import resource
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from .errors import KGError, QueryError, QueryMemoryError
from .guard import _run_deep
from .query import QueryTimeoutError
from .store import QueryResult, Store

__all__ = ["QueryPool"]

log = logging.getLogger("kg.pool")

#: Seconds a worker's own timer gives the pool to kill it first.
_GRACE = 2.0
#: Address space a worker may take besides its data and the memory cap: the interpreter's
#: and allocator's own reservations (a thread's malloc arena is 64 MiB).
_SLACK = 128 << 20


def _as_is(result: QueryResult, _wanted: Any) -> QueryResult:
    return result


@dataclass(frozen=True, slots=True)
class _Worker:
    pid: int
    conn: Connection


class QueryPool:
    """Worker processes that answer queries on ``store``.

    Parameters
    ----------
    store : kg.store.Store
        The data. The pool forks when it starts: the store is shared, never
        copied; an on-disk one is flushed, then reopened read-only by each
        worker.
    size : int
        Workers kept ready (more are made when more queries run at once).
    memory_mb : int or None
        Memory a query may use, in MiB, beyond the data (and 128 MiB the
        interpreter and allocator may reserve); ``None`` for no cap. The
        cap is on address space (``RLIMIT_AS``, Linux only), from what the
        worker maps when it starts; a worker left holding more than half of
        it after a query (freed, but kept by the allocator) is replaced.
    render : callable, optional
        ``render(result, wanted)`` runs in the worker, on the
        :class:`~kg.store.QueryResult`, with the ``wanted`` given to
        :meth:`query`; what it returns is handed back (it must pickle). By
        default the result itself.
    """

    def __init__(self, store: Store, *, size: int = 4, memory_mb: int | None = 1024,
                 render: Callable[[QueryResult, Any], Any] = _as_is) -> None:
        self.size, self.memory_mb = size, memory_mb
        self._idle: list[_Worker] = []
        self._idle_lock = threading.Lock()
        self._zygote_lock = threading.Lock()  # one conversation with the zygote at a time
        self._closed = False
        self._live: set[int] = set()  # workers not yet ended
        store.flush()
        ours, theirs = Pipe()
        limit = None if memory_mb is None else (memory_mb << 20) + _SLACK
        pid = os.fork()
        if pid == 0:  # the zygote
            code = 1
            try:
                ours.close()
                _zygote(theirs, store, limit, render)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self._zygote_pid, self._ctrl = pid, ours
        for _ in range(size):
            self._idle.append(self._spawn())

    def query(self, sparql: str, *, max_rows: int | None = None, timeout: float | None = None,
              wanted: Any = None) -> Any:
        """Answer ``sparql`` in a worker; kill the worker if ``timeout`` passes first.

        Raises
        ------
        QueryTimeoutError
            The deadline passed; the worker was killed.
        QueryMemoryError
            The query needed more than ``memory_mb``; its worker ended.
        QueryError
            Any error of :meth:`kg.store.Store.query` (syntax, refusal, limit).
        KGError
            The worker crashed, or the pool is closed.
        """
        worker = self._checkout()
        try:
            worker.conn.send((sparql, max_rows, timeout, wanted))
            if not worker.conn.poll(timeout):
                status = self._end(worker, kill=True)
                log.info("query killed at its deadline (%g s): %s", timeout, _describe(status))
                raise QueryTimeoutError(f"query timed out after {timeout:g} s")
            try:
                outcome, value, retiring = worker.conn.recv()
            except (EOFError, OSError):
                raise self._death(self._end(worker, kill=False), timeout) from None
        except (OSError, EOFError):  # the worker was gone before the query reached it
            self._end(worker, kill=True)
            raise KGError("a query worker ended unexpectedly; the query was not answered") from None
        except BaseException:
            if worker.pid in self._live:  # not ended above: its state is unknown
                self._end(worker, kill=True)
            raise
        if retiring:  # it keeps memory a query freed: let it go
            self._end(worker, kill=False)
        else:
            self._checkin(worker)
        if outcome == "error":
            raise value
        return value

    # -- workers -------------------------------------------------------------------------
    def _checkout(self) -> _Worker:
        while True:
            with self._idle_lock:
                if self._closed:
                    raise KGError("the query pool is closed")
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._spawn()
            if not worker.conn.poll(0):
                return worker
            self._end(worker, kill=True)  # an idle worker that has something to say has died

    def _checkin(self, worker: _Worker) -> None:
        with self._idle_lock:
            if not self._closed and len(self._idle) < self.size:
                self._idle.append(worker)
                return
        self._end(worker, kill=True)

    def _spawn(self) -> _Worker:
        with self._zygote_lock:
            try:
                self._ctrl.send(("spawn", 0))
                fd = recv_handle(self._ctrl)
                pid = self._ctrl.recv()
            except (EOFError, OSError):
                raise KGError("the query workers' parent process is gone; restart kg serve") from None
        self._live.add(pid)
        return _Worker(pid, Connection(fd))

    def _end(self, worker: _Worker, *, kill: bool) -> int | None:
        """Close a worker, kill it if asked, and have the zygote reap it; its wait status."""
        worker.conn.close()
        self._live.discard(worker.pid)
        with self._zygote_lock:
            try:
                self._ctrl.send(("kill" if kill else "reap", worker.pid))
                return self._ctrl.recv()
            except (EOFError, OSError):
                return None

    def _death(self, status: int | None, timeout: float | None) -> Exception:
        """The error for a worker that ended while answering."""
        if status is not None and os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGALRM:
                return QueryTimeoutError(f"query timed out after {timeout:g} s")
            if sig == signal.SIGABRT and self.memory_mb is not None:
                return QueryMemoryError(f"query stopped: it needed more than {self.memory_mb} MiB of memory")
            if sig == signal.SIGKILL:  # not ours: the system's out-of-memory killer
                return QueryMemoryError("query stopped: the system ran out of memory")
        return KGError(f"the query crashed its worker ({_describe(status)}); it was not answered")

    def close(self) -> None:
        """End every worker and the zygote."""
        if self._closed:
            return
        self._closed = True
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.conn.close()
        self._ctrl.close()  # the zygote kills its workers and leaves when it reads the end
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if os.waitpid(self._zygote_pid, os.WNOHANG)[0]:
                return
            time.sleep(0.01)
        os.kill(self._zygote_pid, signal.SIGKILL)
        os.waitpid(self._zygote_pid, 0)

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _describe(status: int | None) -> str:
    if status is None:
        return "status unknown"
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


# -- the zygote and its workers ----------------------------------------------------------
def _zygote(ctrl: Connection, store: Store, limit: int | None, render: Callable) -> None:
    """Fork workers, kill them and reap them when asked; leave when the pool does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the program; the pool ends us
    _close_fds(keep=ctrl.fileno())
    gc.freeze()  # what the store and interpreter hold now stays shared with the workers
    children: set[int] = set()
    while True:
        try:
            command, pid = ctrl.recv()
        except (EOFError, OSError):
            break
        if command == "spawn":
            ours, theirs = socket.socketpair()
            child = os.fork()
            if child == 0:
                code = 1
                try:
                    ctrl.close()
                    ours.close()
                    _work(Connection(theirs.detach()), store, limit, render)
                    code = 0
                finally:
                    os._exit(code)
            theirs.close()
            children.add(child)
            send_handle(ctrl, ours.fileno(), 0)
            ours.close()
            ctrl.send(child)
            continue
        if command == "kill" and pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        status = os.waitpid(pid, 0)[1] if pid in children else None
        children.discard(pid)
        ctrl.send(status)
    for pid in children:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _close_fds(keep: int) -> None:
    """Close every inherited descriptor but the standard ones and ``keep``
    (a listening socket or a client's connection must not outlive the server)."""
    top = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    top = 65536 if top == resource.RLIM_INFINITY or top > 65536 else top
    os.closerange(3, keep)
    os.closerange(keep + 1, top)


def _work(conn: Connection, store: Store, limit: int | None, render: Callable) -> None:
    """Answer queries from the pool, in one thread with a deep stack (made before the
    memory cap, which then bounds what queries allocate), until the pool hangs up or
    the memory queries left mapped (freed, but kept by the allocator) eats into the cap."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the timer below ends the process
    if store.on_disk:
        store = Store(store.path, read_only=True)  # a handle of our own, not the parent's
    box = _run_deep(lambda: _answer_all(conn, store, limit, render))
    if "error" in box:
        raise box["error"]


def _answer_all(conn: Connection, store: Store, limit: int | None, render: Callable) -> None:
    start = _mapped()
    if limit is not None:
        _cap_memory(limit)
    retire = False
    while not retire:
        try:
            sparql, max_rows, timeout, wanted = conn.recv()
        except (EOFError, OSError):
            return
        if timeout is not None:
            signal.setitimer(signal.ITIMER_REAL, timeout + _GRACE)
        try:
            reply = ("ok", render(store.query(sparql, max_rows=max_rows), wanted))
        except QueryError as exc:
            reply = ("error", exc)
        except MemoryError:
            reply = ("error", QueryMemoryError("query stopped: it needed more memory than allowed"))
        except Exception as exc:  # any other failure is the query's answer, not the worker's end
            reply = ("error", QueryError(f"query failed: {exc}"))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        now = _mapped()
        retire = limit is not None and start is not None and now is not None and now > start + limit // 2
        try:
            conn.send((*reply, retire))
        except Exception as exc:  # an answer that does not pickle (or fit): say so instead
            conn.send(("error", QueryError(f"query failed: its answer could not be sent ({exc})"), retire))


def _mapped() -> int | None:
    """Bytes of address space this process maps (Linux), or None."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) << 10 for line in status if line.startswith("VmSize:"))
    except (OSError, ValueError, StopIteration):
        return None


def _cap_memory(extra: int) -> None:
    """Cap this process's address space at what it maps now plus ``extra`` bytes."""
    mapped = _mapped()
    if mapped is None:  # no /proc (not Linux): no cap
        log.warning("cannot cap the memory of query workers on this system")
        return
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    cap = mapped + extra if hard == resource.RLIM_INFINITY else min(mapped + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
