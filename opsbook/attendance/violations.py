"""The Violations list: the day-by-day findings of the Daily frame and the findings of clock
rows and leave requests, one row per finding, each pointing at the cell it comes from."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance import findings as F

#: Daily flag → (value column, field of the clock cell it points at).
_DAY_FLAGS = {
    "late": ("late_minutes", "check_in"),
    "early": ("early_minutes", "check_out"),
    "overtime_unapproved": ("overtime_unapproved", "check_out"),
    "single_punch": (None, None),
}


def day_findings(daily: pd.DataFrame) -> list[pd.DataFrame]:
    """late, early, absent, leave_unapproved, overtime_unapproved and single_punch findings,
    one per employee-day, located at the day's clock row (or the employee's row, or the
    request's row, where the day has no clock row)."""
    out = []
    has_row = daily["clock_row"].notna().to_numpy()
    clock_row = daily["clock_row"].fillna(-1).to_numpy(np.int64)
    out_row = daily["clock_out_row"].fillna(-1).to_numpy(np.int64)
    clock_source = daily["clock_source"].fillna(0).to_numpy(np.int64)
    sheet = daily["clock_sheet"].fillna("Clock").to_numpy(dtype=object)
    # the check-out may come from another row, sheet or input than the check-in
    out_source = daily["clock_out_source"].fillna(daily["clock_source"]).fillna(0).to_numpy(
        np.int64)
    out_sheet = daily["clock_out_sheet"].fillna(daily["clock_sheet"]).fillna("Clock").to_numpy(
        dtype=object)
    for flag, (value, field) in _DAY_FLAGS.items():
        hit = (daily["late"].to_numpy() > 0 if flag == "late" else
               daily["early"].to_numpy() > 0 if flag == "early" else
               daily[f"flag_{flag}"].to_numpy(bool))
        if flag == "single_punch":
            field_of = np.where(daily["check_in"].isna().to_numpy(), "check_in", "check_out")
        else:
            field_of = np.full(len(daily), field, dtype=object)
        at_out = field_of == "check_out"
        rows = np.where(at_out, out_row, clock_row)
        days = daily[hit]
        out.append(F.findings(days["employee_id"], days["date"], flag,
                              value=days[value] if value else np.nan,
                              request_id=(days["overtime_request"]
                                          if flag == "overtime_unapproved" else None),
                              source=np.where(at_out, out_source, clock_source)[hit],
                              sheet=np.where(at_out, out_sheet, sheet)[hit],
                              field=field_of[hit], row=rows[hit]))
    absent = daily["flag_absent"].to_numpy(bool)
    days = daily[absent]
    located = has_row[absent]
    out.append(F.findings(
        days["employee_id"], days["date"], "absent", value=days["absent_days"],
        source=np.where(located, clock_source[absent], days["emp_source"].to_numpy()),
        sheet=np.where(located, sheet[absent], "Employees"),
        field=np.where(located, "date", "employee_id"),
        row=np.where(located, clock_row[absent], days["emp_row"].to_numpy())))
    unapproved = daily["flag_leave_unapproved"].to_numpy(bool)
    days = daily[unapproved]
    out.append(F.findings(days["employee_id"], days["date"], "leave_unapproved",
                          value=days["absent_days"], request_id=days["unapproved_request"],
                          source=days["unapproved_source"].fillna(0).to_numpy(np.int64),
                          sheet="Leave", field="status",
                          row=days["unapproved_row"].fillna(-1).to_numpy(np.int64)))
    return out


def violations(daily: pd.DataFrame, other: list[pd.DataFrame]) -> pd.DataFrame:
    """Every finding in a fixed order (employee, date, flag, source, row)."""
    return F.combine([*day_findings(daily), *other])
