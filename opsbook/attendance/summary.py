"""Monthly totals per employee (sums of the Daily frame) and per department (sums of the
Monthly frame), with the late-arrival penalty and the department rates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from opsbook.attendance.policy import Policy
from opsbook.attendance.schema import LEAVE_TYPES

#: Monthly column → the Daily column it sums.
SUMS = {
    "work_days": "work_day", "days_present": "attended", "days_on_time": "on_time",
    "late_count": "late", "late_minutes": "late_minutes", "early_count": "early",
    "early_minutes": "early_minutes", "absent_days": "absent_days", "half_days": "half_day",
    "leave_days": "leave_days", "overtime_approved_hours": "overtime_approved",
    "overtime_unapproved_hours": "overtime_unapproved",
}
LEAVE_COLUMNS = [f"leave_{c.value}" for c in LEAVE_TYPES]
MONTHLY_COLUMNS = ["month", "employee_id", "name", "department", *SUMS, *LEAVE_COLUMNS,
                   "penalty_days", "violations"]
DEPARTMENT_COLUMNS = ["month", "department", "headcount", *SUMS, *LEAVE_COLUMNS,
                      "penalty_days", "violations", "punctuality", "absence_rate",
                      "overtime_per_head"]


def penalty(late_count: np.ndarray, policy: Policy) -> np.ndarray:
    """Leave days deducted: ``late_penalty_days`` for every ``late_penalty_every`` late
    arrivals in the month (3 late → 0.5 day, 5 late → 0.5, 6 late → 1); 0 turns it off."""
    if policy.penalty_every <= 0:
        return np.zeros(len(late_count))
    return (np.asarray(late_count) // policy.penalty_every) * policy.penalty_days


def monthly(daily: pd.DataFrame, violations: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    """One row per employee and month, in the order of the Daily frame."""
    keys = ["month", "employee_id"]
    by = daily.groupby(keys, sort=False)
    frame = by[list(SUMS.values())].sum()
    frame.columns = list(SUMS)
    frame[["name", "department"]] = by[["name", "department"]].first()
    typed = daily[daily["leave_days"] > 0]
    leave = typed.pivot_table(index=keys, columns="leave_type", values="leave_days",
                              aggfunc="sum")
    leave = leave.reindex(columns=[c.value for c in LEAVE_TYPES])
    leave.columns = LEAVE_COLUMNS
    frame = frame.join(leave).fillna({c: 0.0 for c in LEAVE_COLUMNS})
    frame["penalty_days"] = penalty(frame["late_count"].to_numpy(), policy)
    counted = violations[violations["flag"] != "unknown_employee"]
    month = np.datetime_as_string(counted["date"].to_numpy().astype("datetime64[M]"))
    count = counted.groupby([pd.Series(month, index=counted.index, name="month"),
                             counted["employee_id"]]).size()
    frame["violations"] = count.reindex(frame.index, fill_value=0).to_numpy(np.int64)
    return frame.reset_index()[MONTHLY_COLUMNS]


def departments(monthly_frame: pd.DataFrame) -> pd.DataFrame:
    """Per month and department: headcount and the Monthly totals, with punctuality (days on
    time ÷ days present), absence rate (absent days ÷ work days) and approved overtime hours
    per head; a rate with nothing to divide by is blank."""
    keys = ["month", "department"]
    numbers = [*SUMS, *LEAVE_COLUMNS, "penalty_days", "violations"]
    by = monthly_frame.groupby(keys, sort=True, dropna=False)
    frame = by[numbers].sum()
    frame.insert(0, "headcount", by.size())
    present = frame["days_present"].to_numpy(float)
    work = frame["work_days"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["punctuality"] = np.where(present > 0, frame["days_on_time"] / present, np.nan)
        frame["absence_rate"] = np.where(work > 0, frame["absent_days"] / work, np.nan)
        frame["overtime_per_head"] = frame["overtime_approved_hours"] / frame["headcount"]
    return frame.reset_index()[DEPARTMENT_COLUMNS]
