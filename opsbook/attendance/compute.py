"""Attendance for a month (or several): daily status, monthly and department summaries and
the violations, from the frames of one or more attendance workbooks. Pure pandas and numpy;
no file is touched.

Every input frame is as the reader gives it (index: spreadsheet row) and may carry a
``source`` column saying which input it came from (0 when absent), so that findings point
at their file. Frames of several workbooks are put together with :func:`stack`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from opsbook.attendance.calendar import calendar as make_calendar
from opsbook.attendance.clock import clock_days, standard
from opsbook.attendance.daily import daily as make_daily
from opsbook.attendance.findings import FINDING_COLUMNS, empty
from opsbook.attendance.leave import leave_days
from opsbook.attendance.policy import Policy
from opsbook.attendance.settings import AttendanceSettings
from opsbook.attendance.summary import departments, monthly
from opsbook.attendance.violations import violations as make_violations
from opsbook.core.issues import Issue
from opsbook.core.spelling import one_spelling

EMPLOYEE_COLUMNS = ["employee_id", "name", "department"]
#: Optional Employees columns: the first and last day employed (blank: the whole month).
EMPLOYMENT_COLUMNS = ["joined_on", "left_on"]


@dataclass
class AttendanceResult:
    """What one summary produces. ``daily``: one row per employee per calendar day (columns
    of ``daily.DAILY_COLUMNS`` and ``daily.SOURCE_COLUMNS``); ``monthly``: per employee and
    month; ``departments``: per department and month; ``violations``: one row per finding
    (``findings.FINDING_COLUMNS``); ``calendar``: the days and their type; ``issues``: notes
    and problems of the run itself (rows outside the month, no clock data)."""

    months: list[str]
    calendar: pd.DataFrame
    daily: pd.DataFrame
    monthly: pd.DataFrame
    departments: pd.DataFrame
    violations: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    policy: Policy = field(default_factory=Policy)


def stack(frames: Iterable[pd.DataFrame | None]) -> pd.DataFrame | None:
    """Frames of several inputs as one, each row's input number in ``source``; the index
    (spreadsheet row) is kept."""
    parts = [f.assign(source=n) for n, f in enumerate(frames) if f is not None]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts) if parts else None


def months_of(clock: pd.DataFrame, month: str | list[str] | None,
              settings: AttendanceSettings) -> list[str]:
    """The months to summarise: ``month`` if given, else the month setting, else every month
    the clock rows fall in."""
    if month:
        return [month] if isinstance(month, str) else sorted(set(month))
    if settings.month:
        return [settings.month]
    dates = pd.to_datetime(clock["date"]).dropna().to_numpy().astype("datetime64[M]")
    return [str(m) for m in np.unique(dates)]


def named(months: list[str]) -> dict[str, str]:
    """The months as a message names them: ``months`` (2026-10, 2026-11) and ``months_zh``
    (2026-10、2026-11, with the Chinese enumeration comma)."""
    return {"months": ", ".join(months), "months_zh": "、".join(months)}


def outside_issues(outside: pd.DataFrame, months: list[str]) -> list[Issue]:
    """One ``clock-outside-month`` warning per input and sheet of ``outside`` (see
    :func:`opsbook.attendance.clock.left_out`)."""
    return [Issue("clock-outside-month", "warning", sheet=item.sheet, field="date",
                  row=int(item.row), value=int(item.rows),
                  params={"first": item.first.date().isoformat(),
                          "last": item.last.date().isoformat(), **named(months),
                          "source": int(item.source)})
            for item in outside.itertuples()]


def strangers(found: pd.DataFrame, months: list[str]) -> list[Issue]:
    """``unknown-clock-ids``: when no one listed has clock data, the clock rows there are
    (``unknown_employee`` findings) are all of IDs no Employees sheet has — said at the first
    of them, with a few of the IDs, so that "no clock data" is not all the user learns."""
    unknown = found[found["flag"] == "unknown_employee"]
    if unknown.empty:
        return []
    first = unknown.sort_values(["source", "sheet", "row"], kind="mergesort").iloc[0]
    ids = pd.unique(unknown["employee_id"].astype(str))
    more = len(ids) > 3
    return [Issue("unknown-clock-ids", "warning", sheet=str(first["sheet"]),
                  field="employee_id", row=int(first["row"]), value=len(unknown),
                  params={"expected": ", ".join(ids[:3]) + (" …" if more else ""),
                          "expected_zh": "、".join(ids[:3]) + ("等" if more else ""),
                          **named(months), "source": int(first["source"])})]


def in_months(found: pd.DataFrame, months: list[str]) -> pd.DataFrame:
    """The findings dated within ``months`` (or not dated): a request that reaches into the
    month from before it is told in the summary of the month it begins in, so that a
    month's Violations rows are the ones its Monthly row counts."""
    month = pd.to_datetime(found["date"]).to_numpy().astype("datetime64[M]").astype(str)
    keep = pd.isna(found["date"]).to_numpy() | np.isin(month, months)
    return found[keep].reset_index(drop=True)


def _people(employees: pd.DataFrame | None) -> pd.DataFrame:
    if employees is None or employees.empty:
        frame = pd.DataFrame(columns=[*EMPLOYEE_COLUMNS, *EMPLOYMENT_COLUMNS, "source"])
        frame.index.name = "row"
        return frame
    frame = employees.assign(source=employees.get("source", 0))
    for column in EMPLOYMENT_COLUMNS:  # optional: blank is employed all month
        frame[column] = pd.to_datetime(frame.get(column, pd.NaT), errors="coerce")
    frame = frame[frame["employee_id"].notna()]
    frame = frame.assign(department=one_spelling(frame["department"]))
    return frame.drop_duplicates("employee_id", keep="first")[
        [*EMPLOYEE_COLUMNS, *EMPLOYMENT_COLUMNS, "source"]]


def summarize(employees: pd.DataFrame | None, clock: pd.DataFrame | None,
              holidays: pd.DataFrame | None = None, leave: pd.DataFrame | None = None,
              overtime: pd.DataFrame | None = None,
              settings: AttendanceSettings | None = None, *,
              month: str | list[str] | None = None) -> AttendanceResult:
    """Summarise attendance by the rules of the standard workbook (WORKBOOKS.md).

    ``clock`` holds check-in/check-out rows (the Clock sheet, or punches reduced with
    ``punches.reduce_punches``); ``holidays``, ``leave`` and ``overtime`` may be None.
    Employees are keyed by ``employee_id`` (the first row of an id wins). Issues:
    ``no-month`` and ``no-clock-data`` (errors, with empty frames), and one
    ``clock-outside-month`` warning per input whose rows fall outside the months.
    """
    settings = settings or AttendanceSettings()
    policy = Policy.of(settings)
    people = _people(employees)
    rows = standard(clock if clock is not None else pd.DataFrame(
        columns=["employee_id", "date", "check_in", "check_out"]))
    months = months_of(rows, month, settings)
    issues: list[Issue] = []
    if not months:
        issues.append(Issue("no-month", sheet="Settings", field="month"))
    cal = make_calendar(months, holidays, policy)
    days = clock_days(rows, months, pd.Index(people["employee_id"]), policy.midday)
    issues.extend(outside_issues(days.outside, months))
    if months and days.days.empty:
        issues.append(Issue("no-clock-data", sheet="Clock", field="date",
                            params=named(months)))
        issues.extend(strangers(days.findings, months))
    if leave is None:
        leave = pd.DataFrame(columns=["request_id", "employee_id", "leave_type", "start", "end",
                                      "approved_on", "status"])
    spread = leave_days(leave, cal, policy)
    frame = make_daily(people, cal, days.days, spread, overtime, policy)
    found = make_violations(frame, [days.findings, spread.findings])
    found = in_months(found[FINDING_COLUMNS], months) if len(found) else empty()
    per_month = monthly(frame, found, policy)
    return AttendanceResult(months, cal, frame, per_month, departments(per_month), found,
                            issues, policy)
