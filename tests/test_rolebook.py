"""Dated roles read from the Phoenix actor dictionaries (kg/rolebook.py)."""

from __future__ import annotations

import datetime

import pytest

from kg.names import normalize_name
from kg.rolebook import DatedRole, RoleBook, load_rolebook


def test_rolebook_role_held_between_its_dates():
    role = DatedRole("FRAGOV", "FRA", "GOV", datetime.date(1995, 5, 17), datetime.date(2007, 5, 16), "x:1")
    assert role.holds_on(datetime.date(1995, 5, 17)) and role.holds_on(datetime.date(2007, 5, 16))
    assert not role.holds_on(datetime.date(2007, 5, 17))


def test_rolebook_open_end_lasts_until_the_dictionary_was_compiled():
    role = DatedRole("DEUGOV", "DEU", "GOV", datetime.date(2005, 11, 22), None, "x:1")
    book = RoleBook({normalize_name("Angela Merkel"): (role,)}, {"DEU": "Germany"}, datetime.date(2015, 2, 17))
    assert book.roles_at(["Angela Merkel"], datetime.date(2014, 1, 1)) == [role]
    assert book.roles_at(["Angela Merkel"], datetime.date(2020, 1, 1)) == []


@pytest.mark.parametrize("day,held", [(datetime.date(2004, 3, 1), True), (datetime.date(2010, 3, 1), False),
                                      (datetime.date(1990, 1, 1), False)])
def test_rolebook_shipped_data_dates_a_role(day, held):
    roles = load_rolebook().roles_at(["Jacques Chirac"], day)
    assert bool(roles) is held
    assert all(r.country == "FRA" and r.origin.startswith("Phoenix.") for r in roles)


def test_rolebook_single_names_are_not_people():
    book = load_rolebook()
    assert all(len(name.split()) >= 2 for name in book.people)
