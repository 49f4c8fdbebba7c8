"""Reading the cells of attendance exports: punch times, dates and employee ids as the
machines and apps write them.

A punch cell may hold a time (``08:58``, ``8:58:30``, ``上午 8:58``, ``下午 6:03``,
``6:03 下午``, ``6:03 PM``, ``6:03 p.m.``), a next-day time (``次日 01:30``,
``01:30(次日)``, ``25:30``), a date and time (``2026-11-02 08:58:00``, ``2026/11/2 8:58``,
an Excel date-time, a serial number) or several of these separated by spaces, commas or
line breaks (``08:58 12:01 18:03``, ``2026-11-03 08:58, 18:03``). Each distinct cell value
is parsed once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.dates import DASHES, colon_hours
from opsbook.core.dates import parse_date as typed_date
from opsbook.core.parse import clean_text

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# year first; the day is whole (not the first digits of 11/02/2026, which puts the year last
# and is no date here, as in a typed column: its day and month may be either way round)
_DATE = r"(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*[日号]?"
#: The words for the next day, as the Clock sheet reads them (core.dates): before the time
#: (``次日 01:30``, ``(次日)01:30``, ``+1 01:30``) or after it (``01:30(次日)``,
#: ``01:30 +1``) — after it only when no time follows, so that ``18:03 次日 01:30`` and
#: ``18:03 (次日) 01:30`` are 18:03 and the next day's 01:30.
_NEXT = r"次日|隔日|翌日|next\s*day|\+\s*1(?![\d:：])"
_HALF = r"上午|早上|下午|中午|凌晨|晚上"
#: 上午/下午 … may follow the time too (``6:03 下午``, as an Excel format "h:mm 上午/下午" shows
#: it), when no time follows it (``上午 8:58 下午 6:03`` is two punches).
_PUNCH = re.compile(
    rf"(?:{_DATE}\s*(?:T|\s)?)?\s*(?:\(?\s*({_NEXT})\s*\)?)?\s*({_HALF})?\s*"
    r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)?"
    rf"(?:\s*({_HALF})(?!\s*\d))?"
    rf"(?:\s*\(?\s*({_NEXT})\s*\)?(?!\s*\)?\s*(?:{_HALF})?\s*\d))?", re.I)
_DATE_ONLY = re.compile(rf"\s*{_DATE}")
#: An Excel date-time serial written out as text (a date-time cell pasted as a value into a
#: text column: 46328.3736 is 2026-11-02 08:58): five digits, 1927 to 2173, and a fraction.
_SERIAL = re.compile(r"\d{5}(\.\d+)?")


def _clean(value: str) -> str:
    return clean_text(value)


def employee_key(value: Any) -> str | None:
    """An id cell as text: ``1001.0`` and ``"1001"`` give ``"1001"``; blank gives None."""
    if value is None or value == "" or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = _clean(str(value))
    return text or None


def parse_date(value: Any) -> pd.Timestamp | None:
    """A date cell: a date or date-time, a serial number, ``2026-11-02``, ``2026/11/2``,
    ``2026年11月2日``, ``26-11-02 星期一`` (two-digit years are 20xx), and any text a date
    column reads (``20261102``, ``2-Nov-2026``, ``Nov 2, 2026``: see
    :func:`opsbook.core.dates.parse_date`)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return pd.Timestamp(value).normalize()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 59 < value < 2958466:
        return pd.Timestamp(EXCEL_EPOCH + dt.timedelta(days=float(value))).normalize()
    if isinstance(value, str):
        match = _DATE_ONLY.match(_clean(value).translate(DASHES))  # 2026–11–03 too
        if match:
            year = int(match[1]) + (2000 if len(match[1]) == 2 else 0)
            try:
                return pd.Timestamp(year, int(match[2]), int(match[3]))
            except ValueError:
                return None
        typed = typed_date(value)
        return None if typed is None else pd.Timestamp(typed).normalize()
    return None


#: A date without a year, month first as Chinese apps write it (``11-02 星期一``, ``11月2日``,
#: ``11/02``); never the first part of a date with its year last (``11/02/2026``).
_NO_YEAR = re.compile(r"\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*[日号]?(?!\s*[-/.]\s*\d)")


def no_year(value: Any) -> tuple[int, int] | None:
    """(month, day) of a date cell written without a year, else None."""
    if not isinstance(value, str):
        return None
    text = _clean(value).translate(DASHES)
    match = None if _DATE_ONLY.match(text) else _NO_YEAR.match(text)
    return (int(match[1]), int(match[2])) if match else None


def year_anchor(title_rows: list[list[Any]], month: str | None) -> pd.Timestamp | None:
    """The day a date without a year is told nearest to: the middle of the dates of an
    export's title rows (``统计日期：2026-12-28 至 2027-01-03``), else the middle of
    ``month`` (YYYY-MM); None when there is neither."""
    found = [parse_date(m[0]) for row in title_rows for v in row if isinstance(v, str)
             for m in re.finditer(_DATE, _clean(v).translate(DASHES))]
    found = [d for d in found if d is not None]
    if found:
        return min(found) + (max(found) - min(found)) / 2
    if isinstance(month, str) and re.fullmatch(r"\d{4}-\d{2}", month):
        return pd.Timestamp(f"{month}-15")
    return None


def dated_near(value: Any, near: pd.Timestamp | None) -> pd.Timestamp | None:
    """A date cell (:func:`parse_date`); one without a year (``11-02 星期一``) in the year that
    puts it nearest to ``near`` (``12-31`` near January 2027 is 31 December 2026)."""
    day = parse_date(value)
    month_day = None if day is not None or near is None else no_year(value)
    if month_day is None:
        return day
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(pd.Timestamp(year, *month_day))
        except ValueError:  # 02-29 of a year that has none
            continue
    return min(options, key=lambda d: abs(d - near), default=None)


def _hour(hour: int, half: str | None, suffix: str | None) -> int:
    if suffix:  # am, pm, a.m., p.m.
        return hour % 12 + (12 if suffix[0].lower() == "p" else 0)
    if half in ("下午", "晚上") and hour < 12:
        return hour + 12
    if half == "中午" and hour < 11:
        return hour + 12
    if half in ("上午", "凌晨") and hour == 12:
        return 0
    return hour


def parse_punches(value: Any, near: pd.Timestamp | None = None
                  ) -> list[tuple[pd.Timestamp | None, float]]:
    """Every punch in a cell as (date or None, seconds since midnight of that date, past
    86,400 for a next-day time); an empty list when the cell holds none. An Excel serial
    date-time is read as a number or as the text of one (46328.3736). A time without a
    date that follows a dated punch in the same cell (``2026-11-03 08:58 12:01 18:03``) is
    of that date. One punch whose date has no year (``11-03 00:30``) is dated nearest to
    ``near`` (see :func:`dated_near`); without ``near`` it has no date."""
    if value is None or value == "":
        return []
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
        return [(stamp.normalize(), float((stamp - stamp.normalize()).total_seconds()))]
    if isinstance(value, dt.time):
        return [(None, float(value.hour * 3600 + value.minute * 60 + value.second))]
    if isinstance(value, dt.timedelta):
        return [(None, value.total_seconds())]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if np.isnan(value) or value < 0:
            return []
        whole = int(value)
        seconds = round((value - whole) * 86400)
        day = pd.Timestamp(EXCEL_EPOCH + dt.timedelta(days=whole)) if whole > 59 else None
        return [(day, float(seconds + (86400 * whole if day is None else 0)))]
    text = colon_hours(_clean(str(value)).translate(DASHES))  # 2026–11–03 08:58 too
    if _SERIAL.fullmatch(text):
        return parse_punches(float(text))
    out = _punches(text)
    if len(out) == 1 and out[0][0] is None:  # 2-Nov-2026 08:58, Nov 2, 2026 8:58 AM
        # the day as a date column reads it (or, without a year, nearest to near)
        typed = typed_date(text) or dated_near(text, near)
        if typed is not None:
            return [(pd.Timestamp(typed).normalize(), out[0][1])]
    return out


def _punches(text: str) -> list[tuple[pd.Timestamp | None, float]]:
    """The punches :func:`parse_punches` finds in a text cell, cleaned."""
    out: list[tuple[pd.Timestamp | None, float]] = []
    for m in _PUNCH.finditer(text):
        day = out[-1][0] if out else None  # times after a date in one cell are of that day
        if m[1]:
            year = int(m[1]) + (2000 if len(m[1]) == 2 else 0)
            try:
                day = pd.Timestamp(year, int(m[2]), int(m[3]))
            except ValueError:
                continue
        hour, minute, second = int(m[6]), int(m[7]), int(m[8] or 0)
        half = m[5] or m[10]
        # past 24 (25:30) is the next morning, as on the Clock sheet; not with 上午/PM
        if minute > 59 or second > 59 or hour > (23 if half or m[9] else 47):
            continue
        seconds = _hour(hour, half, m[9]) * 3600 + minute * 60 + second
        later = m[4] or m[11]
        out.append((day, float(seconds + (86400 if later and hour < 24 else 0))))
    return out


#: Why a punch has no date (English, Chinese), for ``punch-without-date``.
NO_DATE = {
    "none": ("has no date (none in the cell, and the row's date is blank or unreadable)",
             "没有日期（单元格中没有，所在行的日期为空或无法识别）"),
    "year-last": ("has its date written with the year last (02/11/2026 may be 2 November or "
                  "11 February)",
                  "的日期年份在后（02/11/2026 可能是 11 月 2 日，也可能是 2 月 11 日）"),
    "no-year": ("is on a row whose date has no year, and no year is given (the export's title, "
                "--month or the month setting)",
                "所在行的日期没有年份，且无从得知年份（导出文件的标题、--month 或 month 设置）"),
    "no-year-own": ("is on a row whose date has no year (write it: 2026-11-02)",
                    "所在行的日期没有年份（请写上年份，如 2026-11-02）"),
    "row-year-last": ("is on a row whose date is written with the year last (02/11/2026 may "
                      "be 2 November or 11 February)",
                      "所在行的日期年份在后（02/11/2026 可能是 11 月 2 日，也可能是 2 月 11 日）"),
}
_YEAR_LAST = re.compile(r"^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?!\d)")


def _year_last(value: Any) -> bool:
    """Whether a cell is text beginning with a date whose year is written last."""
    return isinstance(value, str) and bool(_YEAR_LAST.match(value))


def why_no_date(value: Any, day_cell: Any, own: bool = False) -> tuple[str, str]:
    """Why a punch cell ``value`` on a row whose date cell is ``day_cell`` has no date
    (English, Chinese): an entry of ``NO_DATE`` (``own`` for the workbook's own Punches
    sheet, whose dates are typed with their year, as in any date column)."""
    return NO_DATE["year-last" if _year_last(value) else
                   "row-year-last" if _year_last(day_cell) else
                   ("no-year-own" if own else "no-year") if no_year(day_cell) else "none"]


def per_unique(values: np.ndarray, function) -> np.ndarray:
    """``function`` applied once per distinct value; an object array of the results."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    results[:-1] = [function(v) for v in uniques]
    results[-1] = function(None)
    return results[codes]
