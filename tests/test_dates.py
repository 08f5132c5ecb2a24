from __future__ import annotations

import datetime as dt

import pytest

from kg.dates import resolve_date

THU = dt.date(2023, 10, 19)


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        ("early on Wednesday", THU, dt.date(2023, 10, 18)),
        ("on Thursday", THU, THU),
        ("Friday", THU, dt.date(2023, 10, 13)),
        ("yesterday", THU, dt.date(2023, 10, 18)),
        ("today", THU, THU),
        ("Oct. 7", THU, dt.date(2023, 10, 7)),
        ("December 25", THU, dt.date(2022, 12, 25)),
        ("7 October 2023", None, dt.date(2023, 10, 7)),
        ("2024-01-28", None, dt.date(2024, 1, 28)),
        ("last week", THU, None),
        ("in previous years", THU, None),
        ("Wednesday", None, None),
        ("February 30, 2023", None, None),
    ],
)
def test_dates_resolve(text, anchor, expected):
    assert resolve_date(text, anchor) == expected
