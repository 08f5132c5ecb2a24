"""kg's exceptions: one base class, a small tree.

::

    KGError
    ├── InputError          an input could not be read as text (missing, empty,
    │   │                   binary, malformed JSONL line): it is skipped
    │   ├── InputRepaired   an input was read, but only after a repair (a legacy
    │   │                   encoding, bad bytes, control characters, a renamed id)
    │   └── ExtractionError analysing one document failed (it is skipped)
    ├── ModelError          the spaCy pipeline named could not be loaded
    ├── OutputError         the output directory cannot be written (it is a file,
    │   │                   permission denied, the disk is full)
    │   └── OutputBusyError another kg build is writing to it
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
    "ExtractionError", "GraphFileError", "InputError", "InputRepaired", "KGError", "ModelError",
    "OutputBusyError", "OutputError", "QueryError", "QueryLimitError", "QueryMemoryError",
    "QueryRefusedError", "QuerySyntaxError", "QueryTimeoutError",
]  # fmt: skip


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An input could not be read as a text document; it is skipped.

    ``source`` names the file (and line, for JSONL) so the message can be
    shown on one line and the run can go on with the other inputs. ``file``,
    ``line`` and ``doc_id`` say the same apart, where they are known (for
    ``OUTDIR/errors.jsonl``); ``action`` is what kg did with the input.

    >>> e = InputError("in.jsonl:3", "not valid JSON", file="in.jsonl", line=3)
    >>> str(e), e.file, e.line, e.action
    ('in.jsonl:3: not valid JSON', 'in.jsonl', 3, 'skipped')
    """

    action = "skipped"

    def __init__(self, source: str, reason: str, *, file: str | None = None, line: int | None = None,
                 doc_id: str | None = None) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.file = file
        self.line = line
        self.doc_id = doc_id

    def record(self) -> dict:
        """The error as one line of ``errors.jsonl``: id, file, line, reason, action."""
        return {"id": self.doc_id, "file": self.file, "line": self.line, "reason": self.reason,
                "action": self.action}


class InputRepaired(InputError):
    """An input was read, but only after a repair; the document is kept."""

    action = "repaired"


class ExtractionError(InputError):
    """Analysing one document failed; it is reported and skipped.

    ``source`` is the document's id."""

    def __init__(self, source: str, reason: str, **where) -> None:
        where.setdefault("doc_id", source)
        super().__init__(source, reason, **where)


class ModelError(KGError):
    """The spaCy pipeline could not be loaded."""


class OutputError(KGError):
    """The output directory cannot be written: it names a file, permission is denied, the
    disk is full. The previous output set, if any, is left as it was."""


class OutputBusyError(OutputError):
    """Another kg build holds the output directory's lock."""


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


class QuerySyntaxError(QueryError):
    """A SPARQL query does not parse; ``line`` and ``column`` (1-based) say where.

    The message shows at most 80 characters of the line, around the column,
    so a long query is never echoed whole.

    Examples
    --------
    >>> err = QuerySyntaxError("expected '}'", 2, 4, "SELECT ?x WHERE {\\n ?x")
    >>> print(err)
    malformed SPARQL query at line 2, column 4: expected '}'
       ?x
         ^
    >>> print(QuerySyntaxError("expected ')'", 1, 202, "x" * 200 + " ( y" + "z" * 500))
    malformed SPARQL query at line 1, column 202: expected ')'
      ...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ( yzzzzzzzzzzzzzzzzz...
                                                                     ^
    """

    def __init__(self, reason: str, line: int | None, column: int | None, sparql: str = "") -> None:
        reason = " ".join(str(reason).split())
        if len(reason) > 160:
            reason = reason[:157] + "..."
        where = f" at line {line}, column {column}" if line is not None and column is not None else ""
        message = f"malformed SPARQL query{where}: {reason}"
        lines = sparql.splitlines()
        if line is not None and column is not None and 0 < line <= len(lines):
            text, caret = lines[line - 1], max(column, 1) - 1
            start = max(0, min(caret - 60, len(text) - 80))
            shown = text[start : start + 80]
            shown = ("..." if start else "") + shown + ("..." if start + 80 < len(text) else "")
            message += f"\n  {shown}\n  {' ' * (caret - start + (3 if start else 0))}^"
        super().__init__(message)
        self.reason, self.line, self.column = reason, line, column

    def __reduce__(self):  # picklable, to cross from a worker process (kg.pool)
        return _restore_error, (type(self), str(self), {"reason": self.reason, "line": self.line,
                                                        "column": self.column})


def _restore_error(cls, message, attributes):
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)
    exc.__dict__.update(attributes)
    return exc


class QueryTimeoutError(QueryLimitError):
    """A query did not answer within its time limit."""
