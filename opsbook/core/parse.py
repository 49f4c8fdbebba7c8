"""Parsers for one text value typed into a cell: numbers as people type them ("1,200 元",
"85%") and any cell as text; dates, times and months are read by :mod:`opsbook.core.dates`.
Each returns the value or None."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any


def clean_text(value: Any) -> str:
    return unicodedata.normalize("NFKC", value).strip()


#: Chinese units of count a number may end in: 万 (ten thousand) and 亿 (a hundred million).
UNITS = {"万": 4, "亿": 8}


def parse_number(text: str) -> float | None:
    """A number as people type it: thousands separators, a currency sign or 元, a trailing
    % (85% → 0.85) or a Chinese unit of count (1.2万 → 12000, 3亿 → 300000000); None when
    the text is not a number."""
    cleaned = clean_text(text).replace(",", "").replace(" ", "").replace("¥", "").replace("$", "")
    cleaned = cleaned.replace("元", "").replace("￥", "")
    places = UNITS.get(cleaned[-1:], 0)
    if places:  # scaled in decimal, so that 1.1万 is 11000, not 11000.000000000002
        cleaned = cleaned[:-1]
        try:
            return float(Decimal(cleaned).scaleb(places)) if cleaned[-1:].isdigit() else None
        except (InvalidOperation, ValueError):
            return None
    try:
        return float(cleaned.rstrip("%")) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError:
        return None


def number_as_shown(text: str) -> float | None:
    """:func:`parse_number`, but a trailing % keeps the figure shown ("85%" → 85, not 0.85):
    a number field (a score, a KPI's target, a weight) reads a value as it is shown, as it
    reads a cell formatted as a percentage. None when the text is not a number."""
    stripped = clean_text(text).strip()
    if stripped.endswith(("%", "％")):
        figure = stripped[:-1].strip()
        return parse_number(figure) if figure and figure[-1:] not in UNITS else None
    return parse_number(text)


def as_text(value: Any) -> str:
    """A cell as text: 12345.0 → "12345", dates in ISO form."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(str(value))


def percent_points(value: float) -> float:
    """The number a cell shown as a percentage shows: 0.925 → 92.5 (rounded to 12 decimals,
    so that 0.07 is 7, not 7.000000000000001)."""
    return round(value * 100, 12)


def percent_text(value: float) -> str:
    """A number as a cell formatted as a percentage shows it: 1.5 → "150%"."""
    return f"{value * 100:.15g}%"
