"""Parsers for one text value typed into a cell: numbers as people type them ("1,200 元",
"85%") and any cell as text; dates, times and months are read by :mod:`opsbook.core.dates`.
Each returns the value or None."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any


def clean_text(value: Any) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def parse_number(text: str) -> float | None:
    cleaned = clean_text(text).replace(",", "").replace(" ", "").replace("¥", "").replace("$", "")
    cleaned = cleaned.replace("元", "").replace("￥", "")
    try:
        return float(cleaned.rstrip("%")) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError:
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
