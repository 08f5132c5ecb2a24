"""kg's exceptions: one base class, a small tree.

::

    KGError
    ├── InputError          an input could not be read as text (missing, empty,
    │                       binary, not UTF-8, malformed JSONL line)
    ├── ExtractionError     analysing one document failed (it is skipped)
    ├── ModelError          the spaCy pipeline named could not be loaded
    ├── GraphFileError      an RDF file could not be parsed or written
    └── QueryError          a SPARQL query failed
        ├── QuerySyntaxError    it does not parse (line and column given)
        ├── QueryRefusedError   it would fetch other addresses (SERVICE; FROM with
        │                       rdflib's engine) and that was not allowed
        └── QueryLimitError     it is too long or nested too deep for kg to parse
            ├── QueryTimeoutError   it ran past its time limit
            └── QueryMemoryError    it needed more memory than it was allowed

Examples
--------
>>> issubclass(InputError, KGError)
True
"""

from __future__ import annotations

__all__ = [
    "ExtractionError", "GraphFileError", "InputError", "KGError", "ModelError", "QueryError",
    "QueryLimitError", "QueryMemoryError", "QueryRefusedError",
]  # fmt: skip


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An input could not be read as a text document.

    ``source`` names the file (and line, for JSONL) so the message can be
    shown on one line and the run can go on with the other inputs.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(InputError):
    """Analysing one document failed; it is reported and skipped."""


class ModelError(KGError):
    """The spaCy pipeline could not be loaded."""


class GraphFileError(KGError):
    """An RDF graph file could not be read or written."""


class QueryError(KGError):
    """A SPARQL query could not be parsed or evaluated."""


class QueryRefusedError(QueryError):
    """The query would make kg fetch other addresses (``SERVICE``, or ``FROM``
    with rdflib's engine), and network access was not allowed."""


class QueryLimitError(QueryError):
    """The query goes past a limit kg sets on queries: length, bracket
    nesting (:mod:`kg.guard`), time or memory (:mod:`kg.pool`)."""


class QueryMemoryError(QueryLimitError):
    """The query needed more memory than its worker process was allowed."""
