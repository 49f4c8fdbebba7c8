"""On a day with half a day of leave, the time at work while on leave does not count towards
the half to be worked. Before, a morning on leave spent at work (09:00–11:00, then gone for
the afternoon) was two hours worked: not absent but an early exit of 420 minutes, more than
the 270 minutes of the afternoon itself."""

from __future__ import annotations

import datetime as dt

from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time


def test_time_at_work_during_the_leave_is_not_the_other_half(tmp_path):
    clock = [["E1", D(2026, 11, 2), T(9), T(11)],        # on leave all the time at work
             ["E1", D(2026, 11, 3), T(13, 30), T(17)],   # the afternoon, leaving at 17:00
             ["E1", D(2026, 11, 4), T(10), T(14, 30)],   # one hour of the afternoon
             ["E1", D(2026, 11, 5), T(10), T(14, 29)],   # 59 minutes of it
             ["E1", D(2026, 11, 6), T(9), T(17)]]        # afternoon leave, worked into it
    leave = [["L1", "E1", "annual", D(2026, 11, 2), D(2026, 11, 5), "am"],
             ["L2", "E1", "annual", D(2026, 11, 6, 13, 30), D(2026, 11, 6, 18), None]]
    book = write(tmp_path / "half.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"], *clock],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
                   "Requested On", "Approved By", "Approved On", "Status"],
                  *[[*r, D(2026, 10, 1), "Boss", D(2026, 10, 1), "approved"] for r in leave]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.errors
    daily = done.result.daily.set_index("date")
    columns = ["status", "leave_days", "absent_days", "early_minutes", "hours_worked"]
    # the shift 09:00–18:00 halves at 13:30; the halved thresholds are 1 h (absent) and
    # 2 h (half day)
    assert daily.loc["2026-11-02", columns].tolist() == ["absent", 0.5, 0.5, 0, 2.0]
    assert daily.loc["2026-11-03", columns].tolist() == ["early", 0.5, 0, 60, 3.5]
    assert daily.loc["2026-11-04", columns].tolist() == ["half_day", 0.5, 0, 0, 4.5]
    assert daily.loc["2026-11-05", "status"] == "absent"
    assert daily.loc["2026-11-06", columns].tolist() == ["present", 0.5, 0, 0, 8.0]
    month = done.result.monthly.iloc[0]
    # 21 work days: the 16 after the 6th absent, and half of the 2nd and of the 5th
    assert month[["leave_days", "absent_days", "half_days", "early_count"]].tolist() == [
        2.5, 17.0, 1, 1]
