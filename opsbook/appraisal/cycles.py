"""A cycle as it is compared: one spelling for each quarter, half-year, month and year.

People write one cycle many ways, and one workbook's History often holds several of them:
``2026Q3``, ``2026-Q3``, ``Q3 2026``, ``2026年第三季度``; ``2026-03``, ``2026/3``,
``2026年3月``. Compared as typed, ``2026年第3季度`` sorts after ``2026Q4`` and ``2026-9``
after ``2026-12``, so an earlier failed cycle was silently not counted as earlier.
"""

from __future__ import annotations

import re

from opsbook.core.parse import folded

_NUMERALS = str.maketrans("一二三四", "1234")
#: A year: four digits, or two before 年 (26年 is 2026).
_YEAR = r"(?P<year>\d{4}|\d{2}(?=年))(?:年度?)?"
_SEP = r"[-–—/_.]?"
_QUARTER = (re.compile(_YEAR + _SEP + r"(?:第?(?P<n>[1-4])季度?|q(?P<q>[1-4]))"),
            re.compile(r"q(?P<q>[1-4])" + _SEP + r"(?P<year>\d{4})"))
_HALF = re.compile(_YEAR + _SEP + r"(?:h(?P<h>[12])|(?P<word>[上下])半年度?)")
_MONTH = (re.compile(r"(?P<year>\d{4}|\d{2}(?=年))(?:年|[-–—/_])(?P<m>\d{1,2})(?:月份?)?"),
          re.compile(r"(?P<year>\d{4})\.?(?P<m>\d{2})(?:月份?)?"))
_WHOLE_YEAR = re.compile(r"(?:fy)?(?P<year>\d{4})(?:年度?)?")


def cycle_spelling(text: str) -> str | None:
    """The cycle ``text`` names in one spelling: a quarter ``2026Q3``, a half-year
    ``2026H1``, a month ``2026-03`` or a year ``2026``; any other cycle as typed, with
    full-width characters made plain, spaces dropped and letters upper-cased. None for a
    blank."""
    typed = folded(text)
    if not typed:
        return None
    plain = typed.translate(_NUMERALS)
    for pattern in _QUARTER:
        match = pattern.fullmatch(plain)
        if match:
            return f"{_year(match)}Q{match['q'] or match['n']}"
    match = _HALF.fullmatch(plain)
    if match:
        half = match["h"] or ("1" if match["word"] == "上" else "2")
        return f"{_year(match)}H{half}"
    for pattern in _MONTH:
        match = pattern.fullmatch(plain)
        if match and 1 <= int(match["m"]) <= 12:
            return f"{_year(match)}-{int(match['m']):02d}"
    match = _WHOLE_YEAR.fullmatch(plain)
    if match:
        return match["year"]
    return typed.upper()


def _year(match: re.Match[str]) -> str:
    year = match["year"]
    return f"20{year}" if len(year) == 2 else year
