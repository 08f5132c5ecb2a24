"""Dated roles of people, from the Phoenix actor dictionaries (``ontology/petrarch/``).

The event coders' actor dictionaries say who held a role for a country, and when:
``JACQUES_CHIRAC_ [FRAGOV 950517-070516]`` is in France's government from 17 May
1995 to 16 May 2007. kg reads them (converted by ``scripts/import_petrarch.py``,
MIT licence shipped beside them) so that a person named in a dated article is
tied to the state whose government, military or intelligence service they
served *on that date*: "President Jacques Chirac" leads France in a 2004 article
and does not in a 2010 one. An undated document gets no dated role. A role with no
end date was held when the dictionaries were last updated; kg does not assume it
lasted beyond that (the latest date the dictionaries give, early 2015): a
dictionary of 2015 says nothing of 2023.

This module reads data only; it knows no spaCy and no RDF.

Examples
--------
>>> import datetime
>>> book = load_rolebook()
>>> [r.country for r in book.roles_at(["Jacques Chirac"], datetime.date(2004, 3, 1))]
['FRA']
>>> book.roles_at(["Jacques Chirac"], datetime.date(2010, 3, 1))
[]
>>> book.country_label("FRA")
'France'

An open-ended role is known until the dictionaries' last update, not after:

>>> [r.country for r in book.roles_at(["Angela Merkel"], datetime.date(2012, 1, 1))]
['DEU']
>>> book.roles_at(["Angela Merkel"], datetime.date(2023, 1, 1))
[]
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import normalize_name
from .vocab import ontology_root

__all__ = ["STATE_ROLES", "DatedRole", "RoleBook", "load_rolebook"]

#: Role codes that make a person part of a state (government, legislature, judiciary,
#: military, police, intelligence): the sectors of PLOVER's actor codes that belong to it.
STATE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


@dataclass(frozen=True, slots=True)
class DatedRole:
    """One role a person held: ``role`` (a PLOVER sector code such as ``GOV``) for
    ``country`` (ISO 3166 alpha-3) between ``start`` and ``end`` (either open)."""

    code: str
    country: str
    role: str
    start: _dt.date | None
    end: _dt.date | None
    origin: str

    def holds_on(self, day: _dt.date, until: _dt.date | None = None) -> bool:
        """Whether the role is held on ``day`` (both limits included); an open end lasts
        ``until`` a given day, or for ever."""
        end = self.end or until
        return (self.start is None or self.start <= day) and (end is None or day <= end)


@dataclass(frozen=True, slots=True)
class RoleBook:
    """People's dated state roles by normalised name, and country labels by ISO code."""

    people: dict[str, tuple[DatedRole, ...]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    #: the latest date the dictionaries give: an open-ended role is known to last until then
    compiled: _dt.date | None = None

    def roles_at(self, names: Iterable[str], day: _dt.date) -> list[DatedRole]:
        """The state roles one person, known by any of ``names``, holds on ``day``; the
        first name found in the book decides (a person is one entry)."""
        for name in names:
            roles = self.people.get(normalize_name(name))
            if roles is not None:
                return [r for r in roles if r.holds_on(day, self.compiled)]
        return []

    def country_label(self, iso: str) -> str | None:
        """The English name of a country code ("FRA" -> "France")."""
        return self.countries.get(iso)


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _read(name: str) -> str:
    path = ontology_root().joinpath("petrarch").joinpath(name)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@functools.lru_cache(maxsize=1)
def load_rolebook() -> RoleBook:
    """Read the people with state roles and the country names, once."""
    people: dict[str, list[DatedRole]] = {}
    ambiguous: set[str] = set()
    latest: _dt.date | None = None
    for line in _read("actors.jsonl").splitlines():
        entry = json.loads(line)
        if entry["kind"] != "person":
            continue
        roles = tuple(DatedRole(r["code"], r["country"], r["role"], _date(r["start"]), _date(r["end"]),
                                entry["origin"])
                      for r in entry["roles"] if r["role"] in STATE_ROLES and r["country"])
        for r in roles:
            for d in (r.start, r.end):
                latest = d if d is not None and (latest is None or d > latest) else latest
        if not roles:
            continue
        for name in (entry["label"], *entry["aliases"]):
            norm = normalize_name(name)
            if len(norm.split()) < 2:
                continue  # a single name ("Hamad") is no one in particular
            if norm in people and people[norm] != list(roles):
                ambiguous.add(norm)  # two people of one name: neither
            people[norm] = list(roles)
    countries = {}
    for line in _read("countries.tsv").splitlines():
        if line and not line.startswith("#"):
            code, label, *_ = line.split("\t")
            countries[code] = label
    return RoleBook({k: tuple(v) for k, v in people.items() if k not in ambiguous}, countries, latest)
