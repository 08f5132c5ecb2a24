"""The SPARQL queries kg ships (``ontology/queries/*.rq``), read without importing rdflib, so
``kg query --list`` starts at once. :mod:`kg.query` re-exports them and runs them by name.

Examples
--------
>>> "who-accused-whom" in shipped_queries()
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .datafiles import ontology_file

__all__ = ["ShippedQuery", "shipped_queries"]


@dataclass(frozen=True, slots=True)
class ShippedQuery:
    """A query kg ships in ``kg.ontology/queries`` (mirrored in ``examples/queries``).

    Attributes
    ----------
    name : str
        The file name without ``.rq``, e.g. ``"who-accused-whom"``.
    description : str
        The first ``#`` comment line.
    notes : str
        The other leading comment lines (parameters to bind, caveats).
    text : str
        The whole query.
    """

    name: str
    description: str
    notes: str
    text: str

    @property
    def parameters(self) -> tuple[str, ...]:
        """The variables the notes say may be bound, e.g. ``("accuser", "accused")``."""
        line = next((ln for ln in self.notes.splitlines() if ln.lower().startswith("parameters")), "")
        return tuple(dict.fromkeys(re.findall(r"\?(\w+)", line)))


@functools.cache
def shipped_queries() -> dict[str, ShippedQuery]:
    """The queries kg ships, by name.

    Examples
    --------
    >>> q = shipped_queries()["aligned-with"]
    >>> q.parameters
    ('state',)
    >>> q.description.startswith("Actors aligned with")
    True
    """
    root = ontology_file("queries")
    found = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        comments = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("#").strip())
        name = entry.name[: -len(".rq")]
        found[name] = ShippedQuery(name, comments[0] if comments else "", "\n".join(comments[1:]), text)
    return found
