"""Punches to clock rows, all punch logs together: the punches of a day are the punches of
every log that holds them — the workbook's Punches sheet, and every export and sheet given
(two time clocks at two doors, exports of overlapping periods) — so that the first of them
is the check-in and the last the check-out, a punch given twice is one, and a day whose
punches come from several logs is no repeated clock row.

Where the day comes from the punch itself (no 考勤日期 and no daily report), a punch earlier
than the ``shift_cutoff`` setting belongs to the day before. Pure code: no file is read here.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from opsbook.attendance.clock import REPEAT_SECONDS
from opsbook.attendance.policy import Policy
from opsbook.attendance.punches import PunchLog


def _dated(log: PunchLog, policy: Policy, source: int) -> pd.DataFrame:
    """One row per punch of ``log``: its employee, day (a punch before the day change closes
    the day before, unless the log gives the attendance day), seconds since midnight of that
    day, row and column, with the input it comes from and the log's default check-in and
    check-out columns (where its findings point)."""
    frame = log.frame
    day = pd.to_datetime(frame["date"]).dt.normalize()
    seconds = frame["seconds"].to_numpy(float)
    if not log.attendance_day:
        early = seconds < policy.day_change
        day = day - pd.to_timedelta(early.astype(np.int64), unit="D")
        seconds = np.where(early, seconds + 86400, seconds)
    defaults = log.cell_columns()
    return pd.DataFrame({"employee_id": frame["employee_id"].to_numpy(dtype=object),
                         "date": day.to_numpy(), "seconds": seconds, "source": source,
                         "row": frame["row"].to_numpy(np.int64),
                         "column": frame["column"].to_numpy(np.int64),
                         "in_default": defaults["check_in"],
                         "out_default": defaults["check_out"]})


def reduce_punches(logs: Sequence[tuple[int, PunchLog, Policy]]) -> pd.DataFrame:
    """Punches of the logs (each with the number of the input it comes from and the rules
    it is read under: its ``shift_cutoff``) to clock rows: per employee and day, over all
    the logs, the first punch is the check-in and the last the check-out; punches less than
    a minute apart are one (a repeated press, or the same record in two exports); a single
    punch is a check-in before the middle of the first log's shift and a check-out after it
    (the Daily frame tells it again by the employee's own shift, see
    :mod:`opsbook.attendance.daily`).

    Returns the clock rows of :func:`opsbook.attendance.clock.standard`: index the row of the
    first punch; ``source`` its input, ``out_row`` and ``out_source`` the row and input of
    the last; ``sheet``/``out_sheet`` the sheet id of each (``Punches`` or ``Punches@N``, see
    :func:`punch_sheet`); ``punches`` how many there were; times as timedelta since
    midnight of the day.
    """
    parts = [_dated(log, policy, source) for source, log, policy in logs if len(log.frame)]
    if not parts:
        return pd.DataFrame(columns=["employee_id", "date", "check_in", "check_out"])
    midday = logs[0][2].midday
    punches = pd.concat(parts, ignore_index=True).sort_values(
        ["employee_id", "date", "seconds", "source", "row"], kind="mergesort")
    key = ["employee_id", "date"]
    gap = punches["seconds"].to_numpy() - punches.groupby(key, sort=False)["seconds"].shift(
        ).to_numpy()
    punches = punches[~(gap < REPEAT_SECONDS)]
    days = punches.groupby(key, sort=False).agg(
        first=("seconds", "first"), last=("seconds", "last"), row=("row", "first"),
        out_row=("row", "last"), source=("source", "first"), out_source=("source", "last"),
        punches=("seconds", "size"), in_column=("column", "first"),
        out_column=("column", "last"), in_default=("in_default", "first"),
        in_other=("out_default", "first"), out_default=("out_default", "last"),
        out_other=("in_default", "last")).reset_index()
    single = days["punches"].to_numpy() == 1
    morning = days["first"].to_numpy() < midday
    alone_in = single & morning  # the one punch is the check-in: its check-out is missing
    out = pd.DataFrame({
        "employee_id": days["employee_id"], "date": days["date"],
        "check_in": pd.to_timedelta(np.where(single & ~morning, np.nan, days["first"]),
                                    unit="s"),
        "check_out": pd.to_timedelta(np.where(alone_in, np.nan, days["last"]), unit="s"),
        "out_row": np.where(alone_in, days["row"], days["out_row"]),
        "out_source": np.where(alone_in, days["source"], days["out_source"]),
        "punches": days["punches"], "source": days["source"], "placed": single,
        # each time at its own cell: a daily report's check-out may be 下班2's, not 下班1's
        "sheet": _sheet_ids(days["in_column"], days["in_default"], days["in_other"],
                            single & ~morning, single),
        "out_sheet": _sheet_ids(days["out_column"], days["out_default"], days["out_other"],
                                alone_in, single)})
    out.index = pd.Index(days["row"].to_numpy(np.int64), name="row")
    return out


def punch_sheet(column: int) -> str:
    """The sheet id of punches read from ``column`` (1-based) when it is not the column the
    log's findings point at by default (a daily report's 上班2, 下班2 …)."""
    return f"Punches@{column}"


def punch_columns(log: PunchLog) -> dict[str, dict[str, int]]:
    """Sheet id → field id → column of a log's findings: ``Punches`` for its default columns,
    and one ``Punches@N`` per other time column (see :func:`punch_sheet`)."""
    columns = log.cell_columns()
    out = {"Punches": columns}
    for column in pd.unique(log.frame["column"]) if len(log.frame) else []:
        out[punch_sheet(int(column))] = {**columns, "check_in": int(column),
                                         "check_out": int(column)}
    return out


def _sheet_ids(columns: pd.Series, default: pd.Series, other: pd.Series,
               missing: np.ndarray, single: np.ndarray) -> np.ndarray:
    """``Punches`` where a time is at its log's ``default`` column for its side (or missing:
    a finding then points at the cell it should be in), else the ``Punches@N`` of its
    column; a single punch is at its own column's unless that is the ``other`` side's
    default too, so that it keeps its cell when it is told to be the other side (see
    :mod:`opsbook.attendance.daily`)."""
    cols = columns.to_numpy(np.int64)
    named = np.array([punch_sheet(c) for c in range(int(cols.max(initial=0)) + 1)], dtype=object)
    plain = (cols == default.to_numpy(np.int64)) & ~(single & (cols != other.to_numpy(np.int64)))
    return np.where(missing | plain, "Punches", named[cols])
