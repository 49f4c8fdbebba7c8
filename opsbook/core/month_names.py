"""Dates and months with the month in letters (``3-Nov-26``, ``Nov 3, 2026``, ``Nov 2026``)."""

from __future__ import annotations

import re

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")

#: A date with its month in letters: ``3-Nov-26``, ``3 November 2026``, ``03-NOV-2026``
#: (day first, ``3rd November 2026`` too) or ``Nov 3, 2026``, ``November 3rd 2026``
#: (month first, a four-digit year).
_DAY_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]{3,9})\.?[\s./,-]*"
                       r"(\d{4}|\d{2})(?!\d)", re.I)
_NAME_DAY = re.compile(r"([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{4})(?!\d)",
                       re.I)


def month_number(name: str) -> int | None:
    """1–12 for a month's name or its abbreviation (``Nov``, ``sept``, ``NOVEMBER``), else
    None."""
    name = name.lower()
    if name == "sept":
        return 9
    return next((n for n, full in enumerate(MONTH_NAMES, 1)
                 if len(name) >= 3 and full.startswith(name)), None)


def named_date(text: str) -> tuple[int, int, int, int] | None:
    """(year, month, day, where the date ends in ``text``) of a date at the start of
    ``text`` with its month in letters, whichever of day or month comes first (the letters
    tell them apart), else None. A two-digit year is read as Excel reads it: 00–29 this
    century, 30–99 the last (``3-Nov-85`` is 1985)."""
    match = _DAY_NAME.match(text)
    if match:
        day, name, year = match.groups()
    else:
        match = _NAME_DAY.match(text)
        if not match:
            return None
        name, day, year = match.groups()
    month = month_number(name)
    if month is None:
        return None
    return full_year(year), month, int(day), match.end()


def full_year(year: str) -> int:
    """A year as written, in full: two digits are read as Excel reads them, 00–29 this
    century and 30–99 the last (``26`` is 2026, ``99`` is 1999); more digits as they are."""
    number = int(year)
    return number + (2000 if number < 30 else 1900) if len(year) == 2 else number
