"""Months of a plan's Actuals sheet typed without their year: "4月", "四月", "Apr", 4.

A plan is for one year (its ``year`` setting), so a month on its Actuals sheet typed without
a year — as Chinese tracking sheets list them, 1月 … 12月 — is that month of the plan year;
so is one typed with 份 ("2027年4月份", "4月份") or a two-digit year ("27年4月"). Each is
read with a ``coerced-value`` warning giving the month, so the cell can be checked; without
a year setting, or for any other text, the reader's ``type-error`` stays.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from opsbook.core.book import Book
from opsbook.core.dates import parse_month
from opsbook.core.month_names import month_number
from opsbook.core.parse import visible

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12, "正": 1, "腊": 12}
#: A month with its year in two digits, as Chinese sheets abbreviate it: 27年4月(份).
_SHORT_YEAR = re.compile(r"(\d{2})\s*年\s*(\d{1,2})\s*月份?")
#: A month said alone: 4, 04, 4月, 4月份, 四月, 十二月份, M4.
_ALONE = re.compile(r"m?(\d{1,2}|[一二三四五六七八九十正腊]{1,2})\s*(月份?)?", re.IGNORECASE)


def month_of_year(value: Any, year: int | None) -> str | None:
    """``YYYY-MM`` for a month typed without its year, in ``year`` (4, "4月", "04月份",
    "四月", "Apr", "April", "M4"), or with 份 after 月 ("2027年4月份": its own year), or
    with its year in two digits ("27年4月": 2027); None for anything else, or a month
    without a year when ``year`` is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = int(value) if float(value).is_integer() else 0
        return f"{year:04d}-{number:02d}" if year and 1 <= number <= 12 else None
    if not isinstance(value, str):
        return None
    text = visible(unicodedata.normalize("NFKC", value)).strip().lower().rstrip(".")
    if text.endswith("月份"):
        with_year = parse_month(text[:-1])  # "2027年4月份"
        if with_year is not None:
            return with_year
    short = _SHORT_YEAR.fullmatch(text)  # "27年4月": this century's
    if short:
        number = int(short[2])
        return f"20{short[1]}-{number:02d}" if 1 <= number <= 12 else None
    if not year:
        return None
    match = _ALONE.fullmatch(text)
    if match and (match[2] or text[:1] == "m" or match[1].isdigit()):
        said = match[1]
        number = int(said) if said.isdigit() else _NUMERALS.get(said, 0)
    else:
        number = month_number(text) or 0 if text.isalpha() and text.isascii() else 0
    return f"{year:04d}-{number:02d}" if 1 <= number <= 12 else None


def months_in_plan_year(book: Book, year: int | None = None) -> None:
    """Read again each month of the Actuals sheet the reader could not read that
    :func:`month_of_year` reads in the plan's ``year`` setting (else in ``year``: a
    workbook of actuals alone, given to ``plan track``, in the year of the plan tracked);
    its ``type-error`` becomes a ``coerced-value`` warning naming the month. A kind
    ``prepare`` step: the book and its issues (the objects a report holds) are changed in
    place, before validation."""
    actuals = book.tables.get("Actuals")
    if actuals is None or "month" not in actuals.frame or actuals.frame.empty:
        return
    frame, year = actuals.frame, book.settings.year or year
    for issue in book.issues:
        if (issue.sheet != actuals.name or issue.field != "month" or issue.code != "type-error"
                or issue.row not in frame.index):
            continue
        month = month_of_year(issue.value, year)
        if month is None:
            continue
        frame.loc[issue.row, "month"] = month
        issue.code, issue.severity = "coerced-value", "warning"
        issue.params = {**issue.params, "result": month, "result_zh": month}
