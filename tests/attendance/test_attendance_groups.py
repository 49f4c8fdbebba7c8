"""Workbooks under their own Settings, summarised together: every employee once, in the
group of the first workbook that lists them, with their punches, leave and overtime from
wherever they come; a group without clock rows does not stop the others."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
from quirkbooks import D, T, base, write

import opsbook


def ops_and_lab(tmp_path, lab_clock=()):
    """ops: E001, E002 (09:00–18:00); lab: E003 with its own shift (10:00–19:00)."""
    ops = base("attendance")
    ops["Employees"] = ops["Employees"][:3]
    ops["Clock"] = [ops["Clock"][0], ["E001", D(2026, 11, 2), T(9, 0), T(18, 0)]]
    lab = base("attendance")
    lab["Employees"] = [lab["Employees"][0], lab["Employees"][3]]
    lab["Clock"] = [lab["Clock"][0], *lab_clock]
    lab["Settings"] += [["shift_start", T(10, 0)], ["shift_end", T(19, 0)]]
    return write(tmp_path / "ops.xlsx", ops), write(tmp_path / "lab.xlsx", lab)


def day(done, employee, date):
    daily = done.result.daily.set_index(["employee_id", "date"])
    return daily.loc[(employee, pd.Timestamp(date))]


def test_an_export_reaches_every_employee_whatever_the_order(tmp_path):
    ops, lab = ops_and_lab(tmp_path)
    export = tmp_path / "punches.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["User ID", "Name", "Date/Time"])
    for who, day_, hh, mm in (("E003", 3, 10, 5), ("E003", 3, 19, 0), ("E001", 4, 8, 58),
                              ("E001", 4, 18, 1)):
        book.active.append([who, "x", dt.datetime(2026, 11, day_, hh, mm)])
    book.save(export)
    for order in ([ops, lab], [lab, ops]):
        done = opsbook.summarize_attendance(order, punches=export)
        assert done.computed, done.report.issues
        assert day(done, "E003", "2026-11-03")["status"] == "present"  # 10:05 in the lab
        assert day(done, "E001", "2026-11-04")["status"] == "present"
        assert done.result.violations.query("flag == 'unknown_employee'").empty


def test_a_workbook_without_clock_rows_does_not_stop_the_others(tmp_path):
    ops, lab = ops_and_lab(tmp_path)
    done = opsbook.summarize_attendance([ops, lab])
    assert done.computed, done.report.issues
    assert not any(i.code == "no-clock-data" for i in done.report.issues)
    assert day(done, "E003", "2026-11-02")["status"] == "absent"
    assert day(done, "E001", "2026-11-02")["status"] == "present"


def test_an_employee_on_two_workbooks_is_counted_once(tmp_path):
    ops, lab = ops_and_lab(tmp_path, lab_clock=[["E003", D(2026, 11, 2), T(10, 0),
                                                  T(19, 0)]])
    book = openpyxl.load_workbook(lab)
    book["Employees"].append(["E001", "张伟", "运营部"])  # also on the ops workbook, first
    book.save(lab)
    done = opsbook.summarize_attendance([ops, lab])
    monthly = done.result.monthly
    assert sorted(monthly["employee_id"]) == ["E001", "E002", "E003"]
    assert not done.result.daily.duplicated(["employee_id", "date"]).any()
    assert day(done, "E001", "2026-11-02")["status"] == "present"  # under the ops shift


def test_leave_recorded_in_the_month_it_began_counts_in_the_next(tmp_path):
    """One workbook per month, same rules: a leave from 28 October to 4 November, in the
    October workbook, makes 2–4 November leave in the summary of both months."""
    october, november = base("attendance"), base("attendance")
    october["Clock"] = [october["Clock"][0], ["E001", D(2026, 10, 5), T(9, 0), T(18, 0)]]
    october["Settings"] = [["Key", "Value"], ["month", "2026-10"]]
    october["Leave"] = [["Request ID", "Employee ID", "Leave Type", "Start", "End",
                         "Approved On", "Status"],
                        ["L1", "E002", "annual", dt.datetime(2026, 10, 28, 9),
                         dt.datetime(2026, 11, 4, 18), D(2026, 10, 20), "approved"]]
    paths = [write(tmp_path / "10.xlsx", october), write(tmp_path / "11.xlsx", november)]
    done = opsbook.summarize_attendance(paths)
    assert done.computed, done.report.issues
    assert done.result.months == ["2026-10", "2026-11"]
    assert [day(done, "E002", f"2026-11-0{d}")["status"] for d in (2, 3, 4)] == ["leave"] * 3


def test_each_month_under_the_workbook_that_covers_it(tmp_path):
    """October's workbook (default rules) and November's (15 minutes' grace) both list E001;
    November's also E003, who joined then: E001 has both months, each under its own
    workbook's rules, and E003 November only — no invented October absences."""
    october, november = base("attendance"), base("attendance")
    october["Employees"] = october["Employees"][:2]
    october["Clock"] = [october["Clock"][0], ["E001", D(2026, 10, 5), T(9, 10), T(18, 0)]]
    october["Settings"] = [["Key", "Value"], ["month", "2026-10"]]
    november["Employees"] = [november["Employees"][0], november["Employees"][1],
                             november["Employees"][3]]
    november["Clock"] = [november["Clock"][0], ["E001", D(2026, 11, 2), T(9, 10), T(18, 0)],
                         ["E003", D(2026, 11, 2), T(9, 0), T(18, 0)]]
    november["Settings"] += [["late_grace_minutes", 15]]
    paths = [write(tmp_path / "10.xlsx", october), write(tmp_path / "11.xlsx", november)]
    for order in (paths, paths[::-1]):
        done = opsbook.summarize_attendance(order)
        assert done.computed, done.report.issues
        monthly = done.result.monthly.set_index(["employee_id", "month"]).sort_index()
        assert list(monthly.index) == [("E001", "2026-10"), ("E001", "2026-11"),
                                       ("E003", "2026-11")]
        assert list(monthly["late_count"]) == [1, 0, 0]  # 09:10 is late in October only
        assert not any(i.code == "clock-outside-month" for i in done.report.issues)
