"""The actor gazetteer: well-known states, places, facilities, groups and people.

The data lives in ``ontology/gazetteer.jsonl`` (installed as the package
``kg.ontology``), one JSON object a line::

    {"key": "iran", "label": "Iran", "type": "State", "aliases": [...],
     "demonyms": ["Iranian", "Iranians"], "modifier": "Iranian",
     "metonyms": ["Tehran"], "wikidata": "Q794", "coords": null,
     "located_in": null, "part_of": null}

``key`` is the slug of ``label``; ``located_in`` and ``part_of`` name other
keys. Names are compared by :func:`kg.names.normalize_name`, so "the U.S.",
"US" and "U.S." all find ``united-states``. A surface form that two entries
share is ambiguous: it resolves to neither (the shipped file has none; a test
keeps it so).

Nothing is read at import time; :func:`load_gazetteer` reads a file once and
caches it.

Examples
--------
>>> gaz = load_gazetteer()
>>> gaz.lookup("the U.S.").key
'united-states'
>>> gaz.demonym("Iraqis").key, gaz.metonym("Tehran").key
('iraq', 'iran')
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import ACTOR_TYPES
from .names import normalize_name
from .vocab import ontology_root

__all__ = ["ENTRY_TYPES", "Gazetteer", "GazetteerEntry", "load_gazetteer"]

log = logging.getLogger(__name__)

#: The ontology classes a gazetteer entry may have: every actor class but the
#: untyped ``Actor``. A ``Collective`` entry is a named people without a state of
#: its own ("Yazidis", "Rohingya"); a people named by a state's demonym
#: ("Palestinians") is found through that state instead.
ENTRY_TYPES: frozenset[str] = ACTOR_TYPES - {"Actor"}

_FILE_NAME = "gazetteer.jsonl"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known actor, place or facility.

    Parameters
    ----------
    key : str
        Stable identifier, the slug of ``label``.
    label : str
        Canonical English name.
    type : str
        One of :data:`ENTRY_TYPES`.
    aliases : tuple of str
        Other names, spellings, transliterations and acronyms.
    demonyms : tuple of str
        Adjective and people forms ("Iranian", "Iranians"); states and places.
    modifier : str or None
        The form used before a noun to name derived actors ("US" in "US
        forces"); states only.
    metonyms : tuple of str
        Seats of government used to mean the government ("Washington").
    wikidata : str or None
        Wikidata QID.
    coords : tuple of float or None
        ``(latitude, longitude)``.
    located_in, part_of : str or None
        Keys of the containing place, or of the body this one belongs to.
    """

    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    modifier: str | None = None
    metonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    coords: tuple[float, float] | None = None
    located_in: str | None = None
    part_of: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The label followed by every alias.

        >>> GazetteerEntry("iraq", "Iraq", "State", ("Republic of Iraq",)).names
        ('Iraq', 'Republic of Iraq')
        """
        return (self.label, *self.aliases)


class Gazetteer:
    """Known entries, indexed by key and by normalized surface form.

    Parameters
    ----------
    entries : iterable of GazetteerEntry
        The entries; keys must be unique.

    Raises
    ------
    ValueError
        If two entries have the same key.

    Examples
    --------
    >>> gaz = Gazetteer([GazetteerEntry("iran", "Iran", "State", ("Islamic Republic of Iran",),
    ...                                 demonyms=("Iranian",), metonyms=("Tehran",))])
    >>> gaz.lookup("the Islamic Republic of Iran").key
    'iran'
    >>> gaz.demonym("iranian").label, gaz.metonym("Tehran").label
    ('Iran', 'Iran')
    >>> gaz.lookup("Iraq") is None, len(gaz)
    (True, 1)
    """

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        by_key: dict[str, GazetteerEntry] = {}
        for entry in entries:
            if entry.key in by_key:
                raise ValueError(f"duplicate gazetteer key {entry.key!r}")
            by_key[entry.key] = entry
        self.entries: dict[str, GazetteerEntry] = dict(sorted(by_key.items()))
        self._names, ambiguous_names = self._index(lambda e: e.names)
        self._demonyms, ambiguous_demonyms = self._index(
            lambda e: (*e.demonyms, e.modifier) if e.modifier else e.demonyms
        )
        self._metonyms, ambiguous_metonyms = self._index(lambda e: e.metonyms)
        #: Normalized surface forms that more than one entry claims (they resolve to none).
        self.ambiguous: frozenset[str] = frozenset(ambiguous_names)
        self.ambiguous_demonyms: frozenset[str] = frozenset(ambiguous_demonyms)
        self.ambiguous_metonyms: frozenset[str] = frozenset(ambiguous_metonyms)

    def _index(self, forms_of) -> tuple[dict[str, GazetteerEntry], set[str]]:
        index: dict[str, GazetteerEntry] = {}
        ambiguous: set[str] = set()
        for entry in self.entries.values():
            for form in forms_of(entry):
                norm = normalize_name(form)
                if not norm:
                    continue
                other = index.setdefault(norm, entry)
                if other.key != entry.key:
                    ambiguous.add(norm)
        for norm in ambiguous:
            log.warning("gazetteer form %r is claimed by more than one entry; ignored", norm)
            del index[norm]
        return index, ambiguous

    def get(self, key: str) -> GazetteerEntry | None:
        """Return the entry with this key, or None."""
        return self.entries.get(key)

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """Return the entry whose label or alias matches ``surface``, or None.

        Matching is by :func:`kg.names.normalize_name`, so case, dots, dashes,
        a leading "the" and the forms of the Arabic article do not matter.
        """
        return self._names.get(normalize_name(surface))

    def demonym(self, surface: str) -> GazetteerEntry | None:
        """Return the state or place a demonym or modifier names, or None.

        "Iranian", "Iraqis", "American", "Palestinians" and the modifier "US"
        all resolve to their state.
        """
        return self._demonyms.get(normalize_name(surface))

    def metonym(self, surface: str) -> GazetteerEntry | None:
        """Return the state whose seat of government ``surface`` names, or None.

        "Washington" gives ``united-states``, "Tehran" ``iran``.
        """
        return self._metonyms.get(normalize_name(surface))

    def surface_forms(self) -> Iterator[tuple[str, GazetteerEntry]]:
        """Yield ``(form, entry)`` for every label and alias, in key order.

        Each distinct string is yielded once per entry; ambiguous forms are
        left out. Meant for building a phrase matcher or entity ruler.
        """
        for entry in self.entries.values():
            seen: set[str] = set()
            for form in entry.names:
                if form in seen or normalize_name(form) in self.ambiguous:
                    continue
                seen.add(form)
                yield form, entry

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __repr__(self) -> str:
        return f"<Gazetteer of {len(self)} entries>"


def _entry(obj: dict, source: str) -> GazetteerEntry:
    try:
        key, label, etype = obj["key"], obj["label"], obj["type"]
    except (KeyError, TypeError) as exc:
        raise InputError(source, f"gazetteer entry lacks {exc}") from None
    if etype not in ENTRY_TYPES:
        raise InputError(source, f"unknown gazetteer type {etype!r}")
    coords = obj.get("coords")
    return GazetteerEntry(
        key=str(key),
        label=str(label),
        type=etype,
        aliases=tuple(obj.get("aliases") or ()),
        demonyms=tuple(obj.get("demonyms") or ()),
        modifier=obj.get("modifier") or None,
        metonyms=tuple(obj.get("metonyms") or ()),
        wikidata=obj.get("wikidata") or None,
        coords=(float(coords[0]), float(coords[1])) if coords else None,
        located_in=obj.get("located_in") or None,
        part_of=obj.get("part_of") or None,
    )


def _read(text: str, name: str) -> Gazetteer:
    entries = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"not a JSON object ({exc.msg})") from None
        entries.append(_entry(obj, source))
    try:
        return Gazetteer(entries)
    except ValueError as exc:
        raise InputError(name, str(exc)) from None


def _shipped_text() -> str:
    try:
        return ontology_root().joinpath(_FILE_NAME).read_text(encoding="utf-8")
    except ModuleNotFoundError:
        # A source checkout used without installing: ontology/ sits beside kg/.
        path = Path(__file__).resolve().parent.parent / "ontology" / _FILE_NAME
        return path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def _load(path: str | None) -> Gazetteer:
    if path is None:
        gaz = _read(_shipped_text(), _FILE_NAME)
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read gazetteer ({exc})") from None
        gaz = _read(text, path)
    log.debug("loaded gazetteer %s: %d entries", path or _FILE_NAME, len(gaz))
    return gaz


def load_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Load a gazetteer, once per path.

    Parameters
    ----------
    path : str or path-like, optional
        A JSONL file in the shipped format; by default the gazetteer shipped
        with kg (``ontology/gazetteer.jsonl``).

    Returns
    -------
    Gazetteer
        The same object for the same path on later calls.

    Raises
    ------
    kg.errors.InputError
        If the file cannot be read or a line is not a valid entry.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> gaz is load_gazetteer()
    True
    >>> gaz.get("kataib-hezbollah").type
    'ArmedGroup'
    """
    return _load(None if path is None else os.fspath(path))
