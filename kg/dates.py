"""Day-level dates in news text, resolved against the document's date.

Only expressions that name a single day are resolved ("on Wednesday",
"yesterday", "Oct. 18", "18 October 2023"); vaguer ones ("last week",
"in previous years") give ``None`` rather than a made-up day.

Examples
--------
>>> import datetime as dt
>>> resolve_date("early on Wednesday", dt.date(2023, 10, 19))
datetime.date(2023, 10, 18)
>>> resolve_date("October 17, 2023", None)
datetime.date(2023, 10, 17)
>>> resolve_date("last week", dt.date(2023, 10, 19)) is None
True
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["resolve_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _safe(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def resolve_date(text: str, anchor: _dt.date | None) -> _dt.date | None:
    """The calendar day a date expression names, or ``None``.

    Parameters
    ----------
    text : str
        The expression as written.
    anchor : datetime.date or None
        The document's publication date; relative expressions need it.
        Weekdays resolve to the latest such day on or before the anchor.
    """
    low = text.lower()
    m = _ISO.search(low)
    if m:
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    for rx, month_group, day_group in ((_MDY, 1, 2), (_DMY, 2, 1)):
        m = rx.search(low)
        if m:
            year = int(m[3]) if m[3] else (anchor.year if anchor else None)
            if year is None:
                return None
            found = _safe(year, _MONTHS[m[month_group]], int(m[day_group]))
            if found and anchor and not m[3] and found > anchor:
                found = _safe(year - 1, found.month, found.day)
            return found
    if anchor is None:
        return None
    words = set(re.findall(r"[a-z]+", low))
    if words & {"week", "month", "year", "years", "weeks", "months", "ago", "recent"}:
        return None
    if "today" in words or "tonight" in words:
        return anchor
    if "yesterday" in words:
        return anchor - _dt.timedelta(days=1)
    for i, day in enumerate(_WEEKDAYS):
        if day in words:
            back = (anchor.weekday() - i) % 7
            return anchor - _dt.timedelta(days=back)
    return None
