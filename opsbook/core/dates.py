"""Date, time and serial-number cells, read with the workbook's own date system.

A serial number is a count of days from the workbook's epoch (1899-12-30, or 1904-01-01 in
Excel for Mac's 1904 date system); a cell formatted as a date shows its number as a date.
Coercions that lose part of a value (a date-time in a date field) are warned with what was
kept (``value-truncated``).

Text typed into a date, date-time, time or month cell, and a setting of those types, is read
by the parsers here (:func:`parse_date`, :func:`parse_time`, :func:`parse_month`), the forms
attendance exports write included: ``26-11-05 星期四``, ``上午 8:59``, ``下午 6:03``,
``次日 01:30`` (the next day: 25:30).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from opsbook.core.cellvalues import (
    DATE,
    DATETIME,
    EXCEL_EPOCH,
    EXCEL_EPOCH_1904,
    FLOAT,
    INT,
    TIME,
    TIMEDELTA,
    Column,
    Problem,
    per_unique,
    read_cells,
    type_codes,
)
from opsbook.core.clock import colon_hours, parse_time  # noqa: F401 - parse_time re-exported
from opsbook.core.month_names import full_year, month_number, named_date
from opsbook.core.parse import clean_text
from opsbook.core.spec import Field
from opsbook.core.zones import zoned_apart

_YMD = re.compile(r"(\d{4}|\d{2})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
                  r"|(\d{4})(\d{2})(\d{2})")
_WEEKDAY = re.compile(r"\(?\s*(?:(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])"
                      r"|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*\)?"
                      r"|\(\s*([一二三四五六日天])\s*\)", re.I)
#: An English weekday before the date, as Excel's long date and e-mail headers write it:
#: ``Tuesday, November 3, 2026``, ``Tue, 3 Nov 2026``, ``Tue Nov 3 2026``.
_LEADING_WEEKDAY = re.compile(r"(?:(mon|fri|sun)(?:day)?|(tue)(?:s|sday)?|(wed)(?:nesday)?"
                              r"|(thu)(?:rs?|rsday)?|(sat)(?:urday)?)\b\.?\s*,?\s*", re.I)
#: Dashes a word processor or web page writes for a hyphen (‐ ‑ ‒ – — ― −): hyphens in a date.
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_WEEKDAYS = {**{c: n for n, c in enumerate("一二三四五六日")}, "天": 6,
             **{w: n for n, w in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}}
#: The first year a date cell can hold (Excel's 1900 date system starts on 1900-01-01).
FIRST_YEAR = 1900
def parse_date(text: str) -> dt.datetime | None:
    """A date, or a date and time, typed as text; None when it is not one.

    The date is year first: ``2026-11-05``, ``2026/11/5``, ``2026.11.5``, ``2026年11月5日``,
    ``20261105`` or, as attendance exports write it, a two-digit year (as Excel: ``26-11-05``
    is 2026, ``99-…`` 1999; with ``-`` or ``年`` only: ``05/11/26`` may put the day first); or with
    the month in letters, either way round: ``5-Nov-26``, ``5 November 2026``,
    ``Nov 5, 2026`` (see :func:`~opsbook.core.month_names.named_date`).
    A year before 1900 is no date (no date cell holds one: ``0206-11-03`` is a slip, never
    kept to become a Gantt of eighteen centuries). A weekday may follow (``星期四``, ``週四``,
    ``(四)``, ``(Thu)``) or, in English, come first (``Thursday, November 5, 2026``) and must
    be the date's own, else the text is no date (a misread order would show there). Dashes
    (– — − ‐) are hyphens. A time may follow, in any form :func:`parse_time` reads
    (``2026-11-05 下午 2:00``, ``2026-11-05T14:00``).
    """
    text = clean_text(text).translate(DASHES)
    lead = _LEADING_WEEKDAY.match(text)
    if lead:
        text = text[lead.end():]
    match = _YMD.match(text)
    if match:
        year, month, day = (match[1], match[3], match[4]) if match[1] else match.group(5, 6, 7)
        if len(year) == 2 and match[2] not in ("-", "年"):  # 05/11/26, 10.5.3: day first?
            return None
        found: tuple[int, int, int, int] | None = (
            full_year(year), int(month), int(day), match.end())
    else:
        found = named_date(text)
    if found is None or not FIRST_YEAR <= found[0] <= 9999:
        return None
    try:
        moment = dt.datetime(*found[:3])
    except ValueError:
        return None
    if lead and _WEEKDAYS[next(filter(None, lead.groups())).lower()] != moment.weekday():
        return None
    rest = text[found[3]:].strip()
    weekday = _WEEKDAY.match(rest)
    if weekday:
        if _WEEKDAYS[(weekday[1] or weekday[2] or weekday[3]).lower()] != moment.weekday():
            return None
        rest = rest[weekday.end():].strip()
    if rest[:1] in ("T", "t"):
        rest = rest[1:].strip()
    if not rest:
        return moment
    clock = parse_time(rest)
    return None if clock is None else moment + clock


def parse_month(value: Any) -> str | None:
    """A month as ``YYYY-MM``, from what a person types or Excel makes of it; None else.

    A date or date-time (Excel turns ``2026-11`` typed into a cell into 2026-11-01), the
    number ``202611`` (or ``2026.11``; not ``2026.1``, which may have been 2026.10), the text
    ``2026-11``, ``2026/11``, ``2026.11``, ``2026年11月(份)``, ``26年11月``, ``11/2026``,
    ``Nov 2026``, ``November 2026``, ``2026 Nov`` or a whole date (``2026-11-05``). Months
    outside 1–12 and years outside 1900–2999 are none.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return _month(value.year, value.month)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if not isinstance(value, str):
        text = f"{value:.15g}"
        match = re.fullmatch(r"(\d{4})(\d{2})|(\d{4})\.(\d{2})", text)
        return None if match is None else _month(*map(int, filter(None, match.groups())))
    text = clean_text(value).lower().translate(DASHES)
    for pattern in (r"(\d{4}|\d{2}(?=年))\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?", r"(\d{4})(\d{2})"):
        match = re.fullmatch(pattern, text)
        if match:  # 27年4月 is 2027-04, 99年4月 1999-04 (as Excel reads them)
            return _month(full_year(match[1]), int(match[2]))
    match = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{4})", text)
    if match:
        return _month(int(match[2]), int(match[1]))
    match = (re.fullmatch(r"(?P<name>[a-z]{3,9})\.?[\s,-]*(?P<year>\d{4})", text)
             or re.fullmatch(r"(?P<year>\d{4})[\s,-]*(?P<name>[a-z]{3,9})\.?", text))
    if match:
        number = month_number(match["name"])
        return None if number is None else _month(int(match["year"]), number)
    day = parse_date(value)
    return None if day is None else _month(day.year, day.month)


def _month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1900 <= year <= 2999 else None


def serial(value: Any, epoch: dt.datetime = EXCEL_EPOCH) -> float | None:
    """The number behind a cell the reader gave as a date, date-time, time or duration
    because of the cell's format (days since ``epoch``, the time as a day fraction).

    In the 1900 date system the reader counts the days before 1900-03-01 from 1899-12-31
    (Excel's phantom 1900-02-29 is serial 60): 1900-02-28 stands for both 59 and 60 and is
    read as 60.
    """
    kind = type(value)
    if kind is dt.date:
        value = dt.datetime(value.year, value.month, value.day)
        kind = dt.datetime
    if kind is dt.datetime:
        days = (value - epoch).total_seconds() / 86400
        if epoch == EXCEL_EPOCH and value < dt.datetime(1900, 2, 28):
            days -= 1
        return round(days, 9)
    if kind is dt.time:
        return round((value.hour * 3600 + value.minute * 60 + value.second
                      + value.microsecond / 1e6) / 86400, 9)
    if kind is dt.timedelta:
        return round(value.total_seconds() / 86400, 9)
    return None


def dated_numbers(col: Column, raw: pd.Series, epoch: dt.datetime) -> None:
    """Numbers in cells formatted as dates or times (60 shown as "29.2"): the number is taken,
    with a warning about the cell's format."""
    errors = [p for p in col.problems if p.code == "type-error"]
    if not errors:
        return
    values = raw.to_numpy(dtype=object)
    keep, taken, results = [], [], []
    for pos in errors[0].positions:
        number = serial(values[pos], epoch)
        if number is None:
            keep.append(pos)
        else:
            col.values.iat[pos] = number
            taken.append(pos)
            results.append(number)
    col.problems.remove(errors[0])
    if keep:
        col.problems.append(Problem("type-error", "error", np.array(keep)))
    if taken:
        col.problems.append(Problem("number-formatted-as-date", "warning", np.array(taken),
                                    results=results))


def _dates(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = (kinds == DATE) | (kinds == DATETIME)
    return ok, values


def _to_datetime64(col: Column, raw: pd.Series) -> Column:
    # one resolution whatever the cells hold (date cells alone would give seconds)
    col.values = pd.Series(pd.to_datetime(col.values, errors="coerce"), index=raw.index
                           ).astype("datetime64[us]")
    return col


def number_date(value: Any, epoch: dt.datetime = EXCEL_EPOCH) -> dt.datetime | None:
    """The date a number typed where a date goes stands for: a serial (1 to 2958465) counted
    from the workbook's ``epoch`` (1899-12-30, or 1904-01-01 for Excel for Mac), or eight
    digits, which no serial reaches, as the date they write (20261103: 2026-11-03); else None."""
    if type(value) not in (float, int):
        return None
    if 1 <= value < 2958466:
        return epoch + dt.timedelta(days=float(value))
    if value == int(value) and 10**7 <= value < 10**8:
        return parse_date(str(int(value)))
    return None


def _serial_dates(col: Column, raw: pd.Series, blank: np.ndarray,
                  epoch: dt.datetime = EXCEL_EPOCH) -> None:
    """Numbers in a date column (:func:`number_date`): read as the dates they stand for,
    with a warning."""
    errors = [p for p in col.problems if p.code == "type-error"]
    if not errors:
        return
    values = raw.to_numpy(dtype=object)
    keep, serial, results = [], [], []
    for pos in errors[0].positions:
        day = number_date(values[pos], epoch)
        if day is not None:
            col.values.iat[pos] = day
            serial.append(pos)
            results.append(day)
        else:
            keep.append(pos)
    col.problems.remove(errors[0])
    if keep:
        col.problems.append(Problem("type-error", "error", np.array(keep)))
    if serial:
        col.problems.append(Problem("coerced-value", "warning", np.array(serial),
                                    results=results))


def read_date(raw: pd.Series, f: Field, blank: np.ndarray,
              epoch: dt.datetime = EXCEL_EPOCH) -> Column:
    """Dates (or date-times): date cells, text, serial numbers counted from ``epoch``. In a
    date field a value with a time of day keeps its date only, with a ``value-truncated``
    warning showing the date kept."""
    col = read_cells(raw, f, blank, _dates, parse_date, None)
    _serial_dates(col, raw, blank, epoch)
    zoned_apart(col, raw)  # 2026-11-03T09:00:00Z: said to have a time zone
    col = _to_datetime64(col, raw)
    if f.type == "date":
        days = col.values.dt.normalize()
        timed = np.flatnonzero((col.values != days).to_numpy() & days.notna().to_numpy())
        if len(timed):
            _move_to(col, timed, Problem("value-truncated", "warning", timed,
                                         results=[_day(v) for v in days.iloc[timed]]))
        col.values = days
    return col


def _day(value: Any) -> dt.date:
    return value.date() if hasattr(value, "date") else value


def _move_to(col: Column, positions: np.ndarray, problem: Problem) -> None:
    """Take ``positions`` out of the column's other warnings and report them as ``problem``."""
    moved = set(positions.tolist())
    for other in list(col.problems):
        if other.severity != "warning":
            continue
        keep = [n for n, pos in enumerate(other.positions) if pos not in moved]
        if len(keep) == len(other.positions):
            continue
        col.problems.remove(other)
        if keep:
            col.problems.append(Problem(other.code, other.severity, other.positions[keep],
                                        other.params, None if other.results is None
                                        else [other.results[n] for n in keep]))
    col.problems.append(problem)


def _times(values: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Seconds since midnight, in bulk: no timedelta object per cell."""
    seconds = np.full(len(values), np.nan)
    clock = np.flatnonzero((kinds == TIME) | (kinds == DATETIME))  # a date-time: its time
    if len(clock):  # times repeat (a day has 1,440 minutes): convert each distinct one once
        seconds[clock] = per_unique(values[clock], _seconds, float)
    spans = np.flatnonzero(kinds == TIMEDELTA)
    if len(spans):
        seconds[spans] = np.fromiter((d.total_seconds() for d in values[spans]), float,
                                     len(spans))
    numeric = np.flatnonzero((kinds == FLOAT) | (kinds == INT))
    if len(numeric):
        fractions = values[numeric].astype(float)
        day = (fractions >= 0) & (fractions < 2)  # a day fraction
        seconds[numeric[day]] = np.round(fractions[day] * 86400)
    return ~np.isnan(seconds), seconds


def _seconds(t: dt.time | dt.datetime) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def time_of_text(text: str) -> dt.timedelta | None:
    """A time of day typed as text (:func:`parse_time`), or the time of a date-time typed as
    text (``2026-11-03 09:10``: 09:10, as a date-time cell's time is kept); None else."""
    since = parse_time(text)
    if since is not None or ":" not in colon_hours(text) and "：" not in text:
        return since
    moment = parse_date(text)
    if moment is None:
        return None
    return dt.timedelta(hours=moment.hour, minutes=moment.minute, seconds=moment.second)


def read_time(raw: pd.Series, f: Field, blank: np.ndarray,
              epoch: dt.datetime = EXCEL_EPOCH) -> Column:
    """Times of day; a full date-time keeps its time only, with a ``value-truncated`` warning
    showing the time kept (a time cell's own zero date, 1899-12-30/31 or 1904-01-01, is not
    a date and is dropped without a word); a date-time typed as text the same, with the
    warning of a value typed as text."""
    col = read_cells(raw, f, blank, _times, time_of_text, np.nan, dtype="float64",
                     store=dt.timedelta.total_seconds)
    values = raw.to_numpy(dtype=object)
    dated = np.flatnonzero(type_codes(values) == DATETIME)
    if len(dated):  # a time cell's own zero day is no date: only real dates are dropped
        real = per_unique(values[dated], lambda v: v.date() not in _ZERO_DAYS, bool)
        dated = dated[real]
    col.values = pd.Series(pd.to_timedelta(col.values.to_numpy(), unit="s"), index=raw.index)
    if len(dated):
        _move_to(col, dated, Problem("value-truncated", "warning", dated,
                                     results=list(col.values.iloc[dated])))
    return col


_ZERO_DAYS = frozenset({EXCEL_EPOCH.date(), (EXCEL_EPOCH + dt.timedelta(days=1)).date(),
                        EXCEL_EPOCH_1904.date()})
