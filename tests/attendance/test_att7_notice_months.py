"""A leave request approved late (or at short notice) that reaches into a later month: the
later month's Daily rows carry the flag, so its Violations sheet lists the request too (on
its first day of leave there) and its Monthly row counts it — a summary of that month alone
no longer shows the flag with no finding behind it."""

from __future__ import annotations

import pandas as pd
from quirkbooks import D, T, write

import opsbook


def book(tmp_path):
    sheets = {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "A", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E1", D(2026, 10, 5), T(9, 0), T(18, 0)],
                  ["E1", D(2026, 11, 5), T(9, 0), T(18, 0)]],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Approved By",
                   "Approved On", "Status"],
                  # Thu 29 Oct – Tue 3 Nov, approved the day after it started
                  ["L1", "E1", "annual", D(2026, 10, 29), D(2026, 11, 3), "M",
                   D(2026, 10, 30), "approved"],
                  # Mon 30 Nov – Wed 2 Dec, approved the same day (annual leave needs 1 day)
                  ["L2", "E1", "personal", D(2026, 11, 30), D(2026, 12, 2), "M",
                   D(2026, 11, 30), "approved"]],
        "Settings": [["Key", "Value"], ["month", ""]],
    }
    return write(tmp_path / "notice.xlsx", sheets)


def told(done):
    v = done.result.violations
    v = v[v["flag"].str.startswith("leave_")]
    return [(d.date().isoformat(), f, r, value) for d, f, r, value in
            zip(v["date"], v["flag"], v["request_id"], v["value"])]


def test_a_late_approval_is_told_in_each_month_the_leave_counts_in(tmp_path):
    path = book(tmp_path)
    november = opsbook.summarize_attendance([path], month="2026-11")
    # Nov 2 and 3 are L1's leave days in November (1 day after its start: still the value)
    assert told(november) == [("2026-11-02", "leave_approved_late", "L1", 1.0),
                              ("2026-11-30", "leave_short_notice", "L2", 0.0)]
    daily = november.result.daily.set_index("date")
    assert daily.loc["2026-11-02", "flag_leave_approved_late"]
    late = november.result.violations.query("flag == 'leave_approved_late'")
    assert (late["sheet"].tolist(), late["field"].tolist(), late["row"].tolist()) == (
        ["Leave"], ["approved_on"], [2])
    # November: 21 work days, 3 on leave (2, 3, 30), present on the 5th: 17 absences and
    # the two leave findings
    assert november.result.monthly[["leave_days", "absent_days", "violations"]].values.tolist(
        ) == [[3.0, 17.0, 19]]
    both = opsbook.summarize_attendance([path])
    assert told(both) == [("2026-10-29", "leave_approved_late", "L1", 1.0),
                          ("2026-11-02", "leave_approved_late", "L1", 1.0),
                          ("2026-11-30", "leave_short_notice", "L2", 0.0)]
    monthly = both.result.monthly.set_index("month")
    # October: 22 work days, 2 on leave (29, 30), present on the 5th: 19 absences + L1
    assert monthly.loc["2026-10", ["leave_days", "violations"]].tolist() == [2.0, 20]
    assert monthly.loc["2026-11", "violations"] == 19
    october = opsbook.summarize_attendance([path], month="2026-10")
    assert told(october) == [("2026-10-29", "leave_approved_late", "L1", 1.0)]


def test_the_rows_are_the_sum_of_the_flags_months(tmp_path):
    """Monthly violations = the employee's Violations rows of that month, month by month."""
    done = opsbook.summarize_attendance([book(tmp_path)])
    v = done.result.violations
    per_month = v.groupby(pd.to_datetime(v["date"]).dt.strftime("%Y-%m")).size()
    assert done.result.monthly.set_index("month")["violations"].to_dict() == per_month.to_dict()
