"""The hand-checked boundaries of the attendance rules, end to end: one workbook written to
disk with the times as time cells, ``opsbook attendance summarize`` run on it as a user runs
it, and the Daily and Monthly sheets of the summary it writes read back cell by cell.
Defaults: shift 09:00–18:00, 5 minutes' grace, a half day below 4 h, absent below 2 h, one
day's notice for annual leave. November 2026: Sunday the 1st; Monday the 16th a holiday,
Saturday the 7th a make-up workday (调休上班)."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from quirkbooks import write

D, T = dt.date, dt.time
LEAVE = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
         "Requested On", "Approved By", "Approved On", "Status"]


def book(path):
    clock = [["Employee ID", "Date", "Check In", "Check Out"],
             ["E001", D(2026, 11, 2), T(9, 5), T(18, 0)],     # on the grace: present
             ["E001", D(2026, 11, 3), T(9, 6), T(18, 0)],     # a minute past it: 6 late
             ["E001", D(2026, 11, 4), T(9, 0), T(13, 0)],     # exactly 4 h: early, no half day
             ["E001", D(2026, 11, 5), T(9, 0), T(12, 59)],    # under 4 h: half day
             ["E001", D(2026, 11, 6), T(9, 0), T(11, 0)],     # exactly 2 h: still a half day
             ["E001", D(2026, 11, 9), T(9, 0), T(10, 59)],    # under 2 h: absent
             ["E002", D(2026, 11, 10), T(9, 0), T(1, 30)],    # out at 01:30 the next morning
             ["E002", D(2026, 11, 16), T(10, 0), T(14, 0)]]   # 4 h on the holiday
    leave = [LEAVE,
             ["L1", "E003", "annual", D(2026, 11, 12), D(2026, 11, 12), None, D(2026, 11, 5),
              "E001", D(2026, 11, 11), "approved"],             # approved the day before
             ["L2", "E003", "annual", D(2026, 11, 13), D(2026, 11, 13), None, D(2026, 11, 5),
              "E001", D(2026, 11, 13), "approved"],             # approved the same day
             ["L3", "E003", "annual", D(2026, 11, 20), D(2026, 11, 23), None, D(2026, 11, 5),
              "E001", D(2026, 11, 10), "approved"]]             # Friday to Monday
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"],
                      ["E002", "李娜", "市场部"], ["E003", "Alice Chen", "销售部"]],
        "Holidays": [["Date", "Name", "Kind"], [D(2026, 11, 16), "公司庆典", "holiday"],
                     [D(2026, 11, 7), "调休", "workday"]],
        "Clock": clock, "Leave": leave,
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def sheet_rows(path, name):
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    start = next(n for n, row in enumerate(rows) if "Employee ID" in row)
    header = rows[start]
    return [dict(zip(header, row)) for row in rows[start + 1:] if row[0] is not None]


def test_every_boundary_through_the_command_and_the_written_summary(tmp_path):
    source = book(tmp_path / "attendance.xlsx")
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", source, "-o", out, "--quiet", "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    daily = {(r["Employee ID"], str(r["Date"])[:10]): r for r in sheet_rows(out, "Daily")}
    assert len(daily) == 3 * 30

    def cells(employee, day, *columns):
        row = daily[(employee, f"2026-11-{day:02d}")]
        return tuple(row[c] or 0 for c in columns)  # zeros are written blank

    assert cells("E001", 2, "Status ID", "Late Minutes") == ("present", 0)
    assert cells("E001", 3, "Status ID", "Late Minutes") == ("late", 6)
    assert cells("E001", 4, "Status ID", "Early Minutes", "Hours Worked") == ("early", 300, 4)
    assert cells("E001", 5, "Status ID") == ("half_day",)
    assert cells("E001", 6, "Status ID", "Hours Worked") == ("half_day", 2)
    assert cells("E001", 9, "Status ID") == ("absent",)
    assert cells("E001", 7, "Status ID", "Day Type") == ("absent", "work day")  # Saturday
    assert cells("E001", 8, "Status ID") == ("rest",)
    assert cells("E001", 16, "Status ID") == ("holiday",)
    # 09:00 to 01:30: 16.5 h, of which 18:00–01:30 is overtime, none of it approved
    assert cells("E002", 10, "Status ID", "Hours Worked", "Unapproved Overtime (h)") == (
        "present", 16.5, 7.5)
    assert cells("E002", 16, "Status ID", "Unapproved Overtime (h)") == ("holiday", 4)
    assert cells("E003", 12, "Status ID", "Leave Days") == ("leave", 1)
    assert cells("E003", 13, "Status ID", "Leave Days") == ("leave", 1)
    assert [cells("E003", d, "Status ID")[0] for d in (20, 21, 22, 23)] == [
        "leave", "rest", "rest", "leave"]

    monthly = {r["Employee ID"]: r for r in sheet_rows(out, "Monthly")}
    # 21 weekdays, less the holiday, plus the make-up Saturday
    assert {e: r["Work Days"] for e, r in monthly.items()} == {
        "E001": 21, "E002": 21, "E003": 21}
    e003 = monthly["E003"]
    assert (e003["Leave Days"], e003["Absent Days"]) == (4, 17)  # 21 − 4 days of leave
    e001 = monthly["E001"]
    assert (e001["Late"], e001["Late Minutes"], e001["Half Days"], e001["Absent Days"]) == (
        1, 6, 2, 16)  # 15 work days without a clock row, and the 9th

    flags = sorted((r["Employee ID"], str(r["Date"])[:10], r["Finding ID"])
                   for r in sheet_rows(out, "Violations")
                   if r["Finding ID"] in ("overnight", "leave_short_notice",
                                    "leave_approved_late", "overtime_unapproved"))
    assert flags == [("E002", "2026-11-10", "overnight"),
                     ("E002", "2026-11-10", "overtime_unapproved"),
                     ("E002", "2026-11-16", "overtime_unapproved"),
                     ("E003", "2026-11-13", "leave_short_notice")]
