"""The daily status of every employee on every day of the months, in one vectorised pass
(the days before an employee's Joined On and after their Left On left out, unless they have
clock data).

A holiday or rest day is ``holiday`` or ``rest``. On a work day: approved leave for the whole
day is ``leave``; no punch at all, or fewer hours than ``absent_hours``, is ``absent``; fewer
than ``half_day_hours`` is ``half_day``; otherwise ``late`` (check-in later than the shift
start + ``late_grace_minutes``), ``early`` (check-out earlier than the shift end −
``early_grace_minutes``), ``late_early`` (both) or ``present``. On a day with half a day of
approved leave the shift is the part not on leave and both hour thresholds are halved (time
at work while on leave does not count towards them). Hours
worked are check-out − check-in (no break is taken off); a day with a single punch has no
hours and is judged by the punch it has — a punch whose side was told by its time (a punch
log's, or a Clock row's two equal times) is a check-in before the middle of the part of the
shift to be worked, else a check-out, so that on a half day of leave it is told against the
half worked, not the whole shift. Late and early minutes count from the shift's start
or end (not from the end of the grace), rounded up to whole minutes, on late and early days.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.clock import DAY_COLUMNS
from opsbook.attendance.leave import LeaveDays
from opsbook.attendance.overtime import approved_seconds, worked_overtime
from opsbook.attendance.policy import Policy

ATTENDED = ("present", "late", "early", "late_early", "half_day")
DAILY_COLUMNS = [
    "employee_id", "name", "department", "date", "month", "day_type", "day_name", "status",
    "check_in", "check_out", "late_minutes", "early_minutes", "hours_worked",
    "overtime_hours", "overtime_approved", "overtime_unapproved", "leave_days", "leave_type",
    "leave_request", "leave_type_other", "leave_request_other", "absent_days", "work_day",
    "attended", "on_time", "late", "early", "half_day", "flag_absent", "flag_leave_unapproved",
    "flag_leave_approved_late", "flag_leave_short_notice", "flag_overtime_unapproved",
    "flag_overnight", "flag_duplicate_clock", "flag_single_punch", "flag_leave_overlap",
]
#: Where each day's facts come from, for locating findings: kept beside the Daily frame.
SOURCE_COLUMNS = ["clock_source", "clock_sheet", "clock_row", "clock_out_row",
                  "clock_out_source", "clock_out_sheet", "emp_source",
                  "emp_row", "unapproved_request", "unapproved_source", "unapproved_row",
                  "overtime_request"]


def grid(employees: pd.DataFrame, calendar: pd.DataFrame) -> pd.DataFrame:
    """Every employee × every day: employees in their order, days in date order."""
    n, d = len(employees), len(calendar)
    at = np.repeat(np.arange(n), d)
    frame = pd.DataFrame({
        "employee_id": employees["employee_id"].to_numpy(dtype=object)[at],
        "name": employees["name"].to_numpy(dtype=object)[at],
        "department": employees["department"].to_numpy(dtype=object)[at],
        "emp_source": employees["source"].to_numpy()[at],
        "emp_row": employees.index.to_numpy()[at],
    })
    for column in calendar.columns:
        frame[column] = np.tile(calendar[column].to_numpy(), n)
    for column in ("joined_on", "left_on"):
        if column in employees:
            frame[column] = pd.to_datetime(employees[column], errors="coerce").to_numpy()[at]
    return frame


def employed(frame: pd.DataFrame) -> np.ndarray:
    """Per row of a grid, whether the day is within the employee's Joined On and Left On
    (a blank one does not bound it), or has clock data all the same (its day is counted,
    and ``validate`` warns of the clock row)."""
    days = frame["date"].to_numpy()
    inside = np.ones(len(frame), dtype=bool)
    if "joined_on" in frame:
        joined = frame["joined_on"].to_numpy()
        inside &= np.isnat(joined) | (days >= joined)
    if "left_on" in frame:
        left = frame["left_on"].to_numpy()
        inside &= np.isnat(left) | (days <= left)
    clocked = frame["check_in"].notna().to_numpy() | frame["check_out"].notna().to_numpy()
    return inside | clocked


def _join(frame: pd.DataFrame, other: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Left join of ``other`` on employee and date, renaming its columns."""
    part = other[["employee_id", "date", *columns]].rename(columns=columns)
    return frame.merge(part, on=["employee_id", "date"], how="left", sort=False)


def _on_leave(ci: np.ndarray, co: np.ndarray, start: np.ndarray, end: np.ndarray,
              S: int, E: int) -> np.ndarray:
    """Seconds of each day's check-in to check-out spent in its half day of leave (the
    morning before ``start``, or the afternoon after ``end``, of a shift ``S``–``E``): time
    at work while on leave does not count towards the half to be worked."""
    lo = np.where(start > S, S, np.where(end < E, end, 0.0))
    hi = np.where(start > S, start, np.where(end < E, E, 0.0))
    return np.clip(np.minimum(co, hi) - np.maximum(ci, lo), 0.0, None)


def _place_single(frame: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> None:
    """Tell again, in ``frame``, the side of each single punch whose side was told by its
    time (``placed``) against the middle of the day's part of the shift to be worked
    (``start``–``end``, seconds): a check-in before it, else a check-out; the punch's row,
    sheet and input go with it."""
    ci, co = frame["check_in"].to_numpy(float), frame["check_out"].to_numpy(float)
    placed = frame["placed"].eq(True).to_numpy()
    if not placed.any():
        return
    punch = np.where(np.isnan(ci), co, ci)
    morning = punch < np.floor((start + end) / 2)
    moved = placed & (morning == np.isnan(ci))
    frame["check_in"] = np.where(placed, np.where(morning, punch, np.nan), ci)
    frame["check_out"] = np.where(placed, np.where(morning, np.nan, punch), co)
    for one, other in (("clock_source", "clock_out_source"), ("clock_sheet", "clock_out_sheet"),
                       ("clock_row", "clock_out_row")):
        kept = frame[one].copy()
        frame[one] = frame[one].where(~moved, frame[other])
        frame[other] = frame[other].where(~moved, kept)


def daily(employees: pd.DataFrame, calendar: pd.DataFrame, clock_days: pd.DataFrame,
          leave: LeaveDays, overtime: pd.DataFrame | None, policy: Policy) -> pd.DataFrame:
    """The Daily frame (``DAILY_COLUMNS`` then ``SOURCE_COLUMNS``): times in seconds since
    midnight of the day (a check-out after midnight is above 86,400), hours and minutes as
    floats, flags as booleans."""
    frame = grid(employees, calendar)
    clock_names = {c: c for c in DAY_COLUMNS[2:]} | {
        "source": "clock_source", "sheet": "clock_sheet", "row": "clock_row",
        "out_row": "clock_out_row", "out_source": "clock_out_source",
        "out_sheet": "clock_out_sheet"}
    frame = _join(frame, clock_days, clock_names)
    frame = frame[employed(frame)].reset_index(drop=True)  # not before joining, after leaving
    frame = _join(frame, leave.approved, {c: c for c in leave.approved.columns[2:]})
    frame = _join(frame, leave.unapproved, {"unapproved_request": "unapproved_request",
                                            "source": "unapproved_source",
                                            "row": "unapproved_row"})
    S, E = policy.shift_start, policy.shift_end
    work = (frame["day_type"] == "work").to_numpy()
    ci, co = frame["check_in"].to_numpy(float), frame["check_out"].to_numpy(float)
    share = np.where(work, frame["leave_share"].fillna(0).to_numpy(float), 0.0)
    due = 1.0 - share
    start = frame["window_start"].fillna(S).to_numpy(float)
    end = frame["window_end"].fillna(E).to_numpy(float)
    _place_single(frame, start, end)
    ci, co = frame["check_in"].to_numpy(float), frame["check_out"].to_numpy(float)
    has_in, has_out = ~np.isnan(ci), ~np.isnan(co)
    hours = (co - ci) / 3600.0
    both = has_in & has_out
    counted = hours - _on_leave(ci, co, start, end, S, E) / 3600.0
    absent_short = both & (policy.absent_hours > 0) & (counted < policy.absent_hours * due)
    half_short = both & (policy.half_day_hours > 0) & (counted < policy.half_day_hours * due)
    late = has_in & (ci > start + policy.late_grace)
    early = has_out & (co < end - policy.early_grace)
    day_type = frame["day_type"].to_numpy(dtype=object)
    status = np.select(
        [day_type == "holiday", day_type == "rest", share >= 1, ~has_in & ~has_out,
         absent_short, half_short, late & early, late, early],
        ["holiday", "rest", "leave", "absent", "absent", "half_day", "late_early", "late",
         "early"], "present").astype(object)
    is_late = np.isin(status, ("late", "late_early"))
    is_early = np.isin(status, ("early", "late_early"))
    absent = status == "absent"
    frame["status"] = status
    frame["late_minutes"] = np.where(is_late, np.ceil((ci - start) / 60 - 1e-9), 0.0)
    frame["early_minutes"] = np.where(is_early, np.ceil((end - co) / 60 - 1e-9), 0.0)
    frame["hours_worked"] = hours
    ot_start, ot_end = worked_overtime(day_type, ci, co, policy)
    approved, refused = approved_seconds(frame, ot_start, ot_end, overtime)
    total = (ot_end - ot_start)
    total = np.where(np.isnan(total), 0.0, total)
    frame["overtime_hours"] = total / 3600.0
    approved = np.nan_to_num(approved)
    frame["overtime_approved"] = approved / 3600.0
    frame["overtime_unapproved"] = (total - approved) / 3600.0
    frame["overtime_request"] = refused
    frame["leave_days"] = share
    frame["absent_days"] = np.where(absent, due, 0.0)
    frame["work_day"] = work.astype(np.int64)
    frame["attended"] = np.isin(status, ATTENDED).astype(np.int64)
    frame["on_time"] = (status == "present").astype(np.int64)
    frame["late"] = is_late.astype(np.int64)
    frame["early"] = is_early.astype(np.int64)
    frame["half_day"] = (status == "half_day").astype(np.int64)
    unapproved = frame["unapproved_request"].notna().to_numpy()
    frame["flag_absent"] = absent & ~unapproved
    frame["flag_leave_unapproved"] = absent & unapproved
    on_leave = share > 0
    frame["flag_leave_approved_late"] = on_leave & frame["approved_late"].eq(True).to_numpy()
    frame["flag_leave_short_notice"] = on_leave & frame["short_notice"].eq(True).to_numpy()
    frame["flag_overtime_unapproved"] = frame["overtime_unapproved"].to_numpy() > 1e-9
    for flag in ("overnight", "duplicate_clock", "single_punch"):
        source = "duplicate" if flag == "duplicate_clock" else flag
        frame[f"flag_{flag}"] = frame[source].eq(True).to_numpy()
    frame["flag_leave_overlap"] = _found_on(frame, leave.findings, "leave_overlap")
    return frame[DAILY_COLUMNS + SOURCE_COLUMNS]


def _found_on(frame: pd.DataFrame, found: pd.DataFrame, flag: str) -> np.ndarray:
    """Per Daily row, whether a finding ``flag`` of a request is dated on its employee and
    day (an overlap is in the Flags of the day the later request is listed on)."""
    hit = found[(found["flag"] == flag).to_numpy()]
    keys = pd.MultiIndex.from_arrays([hit["employee_id"].to_numpy(dtype=object),
                                      pd.to_datetime(hit["date"]).to_numpy()])
    return pd.MultiIndex.from_arrays([frame["employee_id"].to_numpy(dtype=object),
                                      pd.to_datetime(frame["date"]).to_numpy()]).isin(keys)
