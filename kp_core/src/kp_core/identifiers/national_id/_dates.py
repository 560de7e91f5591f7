"""Calendar helpers shared by validators and generators (no per-call allocation)."""

from __future__ import annotations

import datetime

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def plausible(year: int, month: int, day: int) -> bool:
    """Month 1-12 and a day within that month's length, leap-year aware."""
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when it is not on the calendar (or outside ``datetime``'s range)."""
    if 1 <= year <= 9999 and plausible(year, month, day):
        return datetime.date(year, month, day)
    return None


def latest_past_year(yy: int, month: int, day: int, today: datetime.date | None = None) -> int | None:
    """The most recent year ending in ``yy`` whose (month, day) is not after ``today``.

    Used only where an ID carries no century (IT codice fiscale, FR NIR, 10-digit personnummer).
    Feb 29 picks the latest leap year ending in ``yy`` that is not in the future; None when no
    such year exists (Feb 29 with an ``yy`` that is never a leap year).
    """
    today = today or datetime.date.today()
    year = today.year - ((today.year - yy) % 100)
    while year > 0:
        if (month, day) <= (today.month, today.day) or year < today.year:
            if not (month == 2 and day == 29) or is_leap(year):
                return year
        year -= 100
    return None
