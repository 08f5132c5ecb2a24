"""Where kg's shipped data (``ontology/``: the ontology, shapes, lexicons, queries) is, found
without importing rdflib, so the commands that only list or read files start at once.
:mod:`kg.vocab` re-exports both functions.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

__all__ = ["ontology_file", "ontology_root"]


def ontology_root() -> Traversable:
    """Return the folder of kg's shipped data (``ontology/``) that goes with the code running.

    Installed, it is the ``kg/ontology`` package folder; in a source checkout, the
    ``ontology/`` folder beside ``kg/``, even when another checkout is installed in
    editable mode (whose data would not match this code); otherwise the ``kg.ontology``
    package, wherever it is.

    >>> (ontology_root() / "kg.ttl").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    beside = here.parent / "ontology"
    for root in (beside, here / "ontology"):  # a source checkout (or a git worktree of one); installed
        if (root / "kg.ttl").is_file():
            return root
    try:
        return resources.files("kg.ontology")
    except ModuleNotFoundError:  # pragma: no cover
        return beside


def ontology_file(name: str) -> Traversable:
    """Return a data file shipped in the ``kg.ontology`` package (:func:`ontology_root`).

    Parameters
    ----------
    name : str
        File name inside ``ontology/``, e.g. ``"kg.ttl"`` or ``"shapes.ttl"``.

    Returns
    -------
    importlib.abc.Traversable
        The file, readable with ``read_text()``/``open()`` whether kg runs
        from an installed package or from a source checkout.

    Examples
    --------
    >>> ontology_file("kg.ttl").name
    'kg.ttl'
    """
    return ontology_root().joinpath(name)
