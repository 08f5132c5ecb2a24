"""What ``kg build`` shows while it runs, and the summary it leaves for scripts.

:class:`Progress` draws a progress bar on standard error when it is a terminal
(tqdm): documents done (of how many, once a background count of the inputs
knows), documents and words per second, and the time left. It draws nothing
otherwise, or when disabled (``--quiet``), and still counts documents and
words. Messages written through :meth:`Progress.write` appear above the bar.
:func:`summary_record` is the run summary as plain JSON values
(``--summary-json``).

Examples
--------
>>> import io
>>> from kg.model import Document
>>> stream = io.StringIO()
>>> with Progress(enabled=True, stream=stream, total=2) as progress:
...     progress.advance(Document("a", "Iran condemned Israel."))
...     progress.advance(Document("b", "Hamas fired rockets."))
>>> progress.documents, progress.words
(2, 6)
>>> last = stream.getvalue().rsplit("\\r", 1)[-1]
>>> "2/2" in last and "docs/s" in last and "words/s" in last
True
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

from .model import Document

__all__ = ["Progress", "summary_record"]


class Progress:
    """Counts documents and words as they are done, and shows it on a terminal.

    Parameters
    ----------
    enabled : bool
        Draw the bar (when ``stream`` is a terminal, or a stream given explicitly).
    stream : file object, optional
        Where the bar goes (standard error by default, drawn only if it is a terminal).
    total : int, optional
        Documents expected, when known at once.
    count : callable, optional
        Returns the documents expected (or ``None``); run in a background thread, so
        the bar starts at once and shows the time left when the count is in.
    """

    def __init__(self, *, enabled: bool = True, stream: TextIO | None = None, total: int | None = None,
                 count: Callable[[], int | None] | None = None) -> None:
        if stream is None:
            stream = sys.stderr
            enabled = enabled and stream.isatty()
        self.documents = self.words = 0
        self.started = time.perf_counter()
        self._total = total
        self._bar = None
        if enabled:
            from tqdm import tqdm

            # always documents per second, also below one a second (tqdm would turn it into s/doc)
            fmt = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]"
            self._bar = tqdm(total=total, file=stream, unit=" docs", mininterval=0.2, dynamic_ncols=True,
                             bar_format=fmt)
            if count is not None and total is None:
                threading.Thread(target=self._count, args=(count,), daemon=True, name="kg-count").start()

    def _count(self, count: Callable[[], int | None]) -> None:
        try:
            self._total = count()
        except Exception:  # a count is a nicety: the run goes on without a time left
            self._total = None

    def advance(self, document: Document | None = None) -> None:
        """One more document done (``None``: one skipped, which moves the bar but counts no words)."""
        if document is not None:
            self.documents += 1
            self.words += len(document.text.split())
        if self._bar is None:
            return
        if self._total is not None and self._bar.total != self._total:
            self._bar.total = max(self._total, self._bar.n + 1)
        self._bar.set_postfix_str(f"{self.words / max(self.elapsed, 1e-9):,.0f} words/s", refresh=False)
        self._bar.update(1)

    def write(self, line: str) -> None:
        """A message on standard error, above the bar when there is one."""
        if self._bar is None:
            print(line, file=sys.stderr)
        else:
            self._bar.write(line, file=sys.stderr)

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.perf_counter() - self.started

    def close(self) -> None:
        """Leave the bar as it ends: the whole count (the inputs' count was an estimate), the
        final rates."""
        if self._bar is not None:
            self._bar.total = self._bar.n
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def summary_record(graph, *, progress: Progress, errors: list, written: list, jobs: int) -> dict[str, Any]:
    """The run summary as JSON values: what was read, skipped, repaired and found, and the speed.
    ``errors`` holds every problem (:class:`~kg.errors.InputError`); those whose ``action``
    is ``"repaired"`` are listed under ``repairs``, the others under ``errors``.

    >>> import kg
    >>> g = kg.build(["Iran condemned Israel."])
    >>> p = Progress(enabled=False)
    >>> p.advance(g.documents[0])
    >>> r = summary_record(g, progress=p, errors=[], written=["out/graph.ttl"], jobs=1)
    >>> r["documents"], r["relations"], r["written"]
    (1, {'condemned': 1}, ['out/graph.ttl'])
    """
    from . import __version__

    counts = graph.summary()
    seconds = progress.elapsed
    skipped = [e for e in errors if getattr(e, "action", "skipped") == "skipped"]
    repaired = [e for e in errors if getattr(e, "action", "skipped") != "skipped"]
    return {
        "kg": __version__,
        "documents": len(graph),
        "skipped": len(skipped),
        "errors": [{"source": getattr(e, "source", ""), "reason": getattr(e, "reason", str(e))} for e in skipped],
        "repaired": len(repaired),
        "repairs": [{"source": getattr(e, "source", ""), "reason": getattr(e, "reason", str(e))} for e in repaired],
        **{key: dict(sorted(counts[key].items())) for key in ("entities", "relations", "allegations", "events")},
        "written": [str(p) for p in written],
        "words": progress.words,
        "seconds": round(seconds, 3),
        "documents_per_second": round(progress.documents / seconds, 3) if seconds else None,
        "words_per_second": round(progress.words / seconds, 1) if seconds else None,
        "jobs": jobs,
    }
