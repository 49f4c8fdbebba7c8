"""Date, time and serial-number cells, read with the workbook's own date system.

A serial number is a count of days from the workbook's epoch (1899-12-30, or 1904-01-01 in
Excel for Mac's 1904 date system); a cell formatted as a date shows its number as a date.
Coercions that lose part of a value (a date-time in a date field) are warned with what was
kept (``value-truncated``).
"""

from __future__ import annotations

import datetime as dt
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
from opsbook.core.parse import parse_date, parse_time
from opsbook.core.spec import Field


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


def _serial_dates(col: Column, raw: pd.Series, blank: np.ndarray,
                  epoch: dt.datetime = EXCEL_EPOCH) -> None:
    """Serial numbers in a date column: read as dates counted from the workbook's own
    ``epoch`` (1899-12-30, or 1904-01-01 for Excel for Mac), with a warning."""
    errors = [p for p in col.problems if p.code == "type-error"]
    if not errors:
        return
    values = raw.to_numpy(dtype=object)
    keep, serial, results = [], [], []
    for pos in errors[0].positions:
        value = values[pos]
        if type(value) in (float, int) and 1 <= value < 2958466:
            day = epoch + dt.timedelta(days=float(value))
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


def read_time(raw: pd.Series, f: Field, blank: np.ndarray,
              epoch: dt.datetime = EXCEL_EPOCH) -> Column:
    """Times of day; a full date-time keeps its time only, with a ``value-truncated`` warning
    showing the time kept (a time cell's own zero date, 1899-12-30/31 or 1904-01-01, is not
    a date and is dropped without a word)."""
    col = read_cells(raw, f, blank, _times, parse_time, np.nan, dtype="float64",
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
