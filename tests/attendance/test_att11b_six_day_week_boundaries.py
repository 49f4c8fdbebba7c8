"""Hand-checked boundaries through the command line, on workbooks written to disk, under
Settings a Chinese company types: a six-day week (work_days 周一至周六), Monday holidays
(节假日) and a make-up Sunday (调休上班); sick leave approved the same day (notice 0) and the
day after, annual leave approved the same day (notice 1), leave across a weekend and a
holiday; overtime of 29 and 30 minutes (overtime_min_minutes 30); and the late penalty at
3, 5 and 6 late arrivals (late_penalty_every 3, 0.5 day) and with late_penalty_every 0.

November 2026 starts on a Sunday: 25 days Monday to Saturday, less the holidays on Monday
the 9th and the 16th, plus the make-up Sunday the 15th: 24 work days."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli
from quirkbooks import write

D, T = dt.date, dt.time
LEAVE = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
         "Requested On", "Approved By", "Approved On", "Status"]
PEOPLE = [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"],
          ["E002", "李娜", "运营部"], ["E003", "Alice", "销售部"]]


def rows(path, sheet, key="Employee ID"):
    """The rows under the header row (the one holding ``key``), as dicts by header."""
    values = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    start = next(n for n, row in enumerate(values) if key in row)
    return [dict(zip(values[start], row)) for row in values[start + 1:] if row[0] is not None]


def summarise(tmp_path, name, sheets):
    out = tmp_path / f"{name}.summary.xlsx"
    done = run_cli("attendance", "summarize", write(tmp_path / f"{name}.xlsx", sheets), "-o",
                   out, "--quiet", "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_six_day_week_holidays_notice_and_overtime(tmp_path):
    leave = [LEAVE,
             # sick, approved the same day: notice 0 is met
             ["L1", "E002", "sick", D(2026, 11, 4), D(2026, 11, 4), None, D(2026, 11, 4),
              "E003", D(2026, 11, 4), "approved"],
             # sick, approved the day after: approved after it started, by 1 day
             ["L2", "E002", "sick", D(2026, 11, 5), D(2026, 11, 5), None, D(2026, 11, 5),
              "E003", D(2026, 11, 6), "approved"],
             # personal, approved the day before: notice 1 is met
             ["L3", "E002", "personal", D(2026, 11, 6), D(2026, 11, 6), None,
              D(2026, 11, 5), "E003", D(2026, 11, 5), "approved"],
             # Friday 13th to Tuesday 17th: Fri, Sat, the make-up Sunday and Tue (Mon the 16th
             # a holiday): 4 days
             ["L4", "E002", "annual", D(2026, 11, 13), D(2026, 11, 17), None, D(2026, 11, 1),
              "E003", D(2026, 11, 1), "approved"],
             # annual, approved the same day: 0 days' notice where 1 is needed
             ["L5", "E003", "annual", D(2026, 11, 12), D(2026, 11, 12), None,
              D(2026, 11, 12), "E001", D(2026, 11, 12), "approved"]]
    out = summarise(tmp_path, "six", {
        "Employees": PEOPLE,
        "Holidays": [["Date", "Name", "Kind"], [D(2026, 11, 9), "庆典", "节假日"],
                     [D(2026, 11, 16), "庆典", "节假日"], [D(2026, 11, 15), "调休", "调休上班"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", D(2026, 11, 7), T(9, 0), T(18, 0)],     # a Saturday: a work day
                  ["E001", D(2026, 11, 9), T(9, 0), T(18, 30)],    # the Monday holiday
                  ["E001", D(2026, 11, 10), T(9, 0), T(18, 29)],   # 29 minutes: none
                  ["E001", D(2026, 11, 11), T(9, 0), T(18, 30)]],  # 30 minutes: 0.5 h
        "Leave": leave,
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["work_days", "周一至周六"]]})
    daily = {(r["Employee ID"], r["Date"].day): r for r in rows(out, "Daily")}
    assert [daily[("E001", d)]["Day Type"] for d in (7, 8, 9, 15, 16)] == [
        "work day", "rest day", "holiday", "work day", "holiday"]
    assert [(daily[("E001", d)]["Status ID"], daily[("E001", d)]["Unapproved Overtime (h)"])
            for d in (7, 9, 10, 11)] == [("present", None), ("holiday", 9.5),
                                         ("present", None), ("present", 0.5)]
    assert [daily[("E002", d)]["Leave Request"] for d in range(13, 18)] == [
        "L4", "L4", "L4", None, "L4"]
    monthly = {r["Employee ID"]: r for r in rows(out, "Monthly")}
    assert {e: r["Work Days"] for e, r in monthly.items()} == {"E001": 24, "E002": 24,
                                                               "E003": 24}
    e002 = monthly["E002"]
    assert (e002["Leave Days"], e002["Leave: sick"], e002["Leave: personal"],
            e002["Leave: annual"], e002["Absent Days"]) == (7, 2, 1, 4, 17)
    assert monthly["E001"]["Unapproved Overtime (h)"] == 10  # 9.5 + 0.5
    found = sorted((r["Employee ID"], r["Date"].day, r["Finding ID"], r["Detail"])
                   for r in rows(out, "Violations") if r["Finding ID"].startswith("leave"))
    assert found == [("E002", 5, "leave_approved_late", "approved 1 day(s) after it started"),
                     ("E003", 12, "leave_short_notice", "approved 0 day(s) before it started")]


@pytest.mark.parametrize("every, penalties", [(3, {"E001": 0.5, "E002": 1, "E003": 0.5}),
                                              (0, {"E001": 0, "E002": 0, "E003": 0})])
def test_late_penalty_at_three_five_and_six(tmp_path, every, penalties):
    """E001 is late 3 times, E003 5 times, E002 6 times (09:10, 10 minutes late)."""
    days = [2, 3, 4, 5, 6, 9, 10, 11]
    clock = [["Employee ID", "Date", "Check In", "Check Out"]]
    for employee, late in (("E001", 3), ("E002", 6), ("E003", 5)):
        clock += [[employee, D(2026, 11, d), T(9, 10) if n < late else T(9, 0), T(18, 0)]
                  for n, d in enumerate(days)]
    out = summarise(tmp_path, f"late{every}", {
        "Employees": PEOPLE, "Clock": clock,
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["late_penalty_every", every]]})
    monthly = {r["Employee ID"]: r for r in rows(out, "Monthly")}
    assert {e: (r["Late"], r["Late Minutes"]) for e, r in monthly.items()} == {
        "E001": (3, 30), "E002": (6, 60), "E003": (5, 50)}
    assert {e: r["Penalty Days"] for e, r in monthly.items()} == penalties
    [department] = [r for r in rows(out, "Departments", "Headcount")
                    if r["Department"] == "运营部"]
    assert department["Penalty Days"] == penalties["E001"] + penalties["E002"]
