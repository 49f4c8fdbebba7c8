"""Parsers for one text value typed into a cell: dates, times, numbers and months as people
type them ("2026年11月2日", "8:59", "1,200 元", "2026-11"). Each returns the value or None."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any


def clean_text(value: Any) -> str:
    return unicodedata.normalize("NFKC", value).strip()


_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_TIME = re.compile(r"(\d{1,2})[::](\d{2})(?:[::](\d{2}))?\s*(am|pm)?", re.I)


def parse_date(text: str) -> dt.datetime | None:
    text = clean_text(text)
    rest = ""
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            rest = text[match.end():].strip().lstrip("T").strip()
            try:
                day = dt.datetime(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
            if not rest:
                return day
            clock = parse_time(rest)
            if clock is None:
                return None
            return day + clock
    return None


def parse_time(text: str) -> dt.timedelta | None:
    match = _TIME.fullmatch(clean_text(text))
    if not match:
        return None
    hours, minutes, seconds = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        hours = hours % 12 + (12 if match[4].lower() == "pm" else 0)
    if minutes > 59 or seconds > 59 or hours > 47:
        return None
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def parse_number(text: str) -> float | None:
    cleaned = clean_text(text).replace(",", "").replace(" ", "").replace("¥", "").replace("$", "")
    cleaned = cleaned.replace("元", "").replace("￥", "")
    try:
        return float(cleaned.rstrip("%")) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError:
        return None


def parse_month(value: Any) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = clean_text(str(value))
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", text)
    if match and 1 <= int(match[2]) <= 12:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    return None


def as_text(value: Any) -> str:
    """A cell as text: 12345.0 → "12345", dates in ISO form."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(str(value))
