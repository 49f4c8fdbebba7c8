"""Export dates in every spelling a date column reads (``20261102``, ``2-Nov-2026``,
``Nov 2, 2026``, a weekday first), in a date column and before the time in a date-time
column, as time clocks set to English or an HR system write them; a date with the year last
stays no date (its day and month may be either way round)."""

from __future__ import annotations

import datetime as dt

from quirkbooks import export, write

import opsbook


def _book(path):
    return write(path, {"Employees": [["Employee ID", "Name", "Department"],
                                      ["1001", "Wang Wu", "Ops"], ["1002", "Zhao Liu", "Ops"]],
                        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def _worked(done):
    daily = done.result.daily
    daily = daily[daily["check_in"].notna() | daily["check_out"].notna()]
    return sorted(zip(daily["employee_id"], daily["date"].dt.strftime("%Y-%m-%d"),
                      daily["status"], daily["late_minutes"], daily["early_minutes"]))


def test_a_time_clock_log_with_the_month_in_letters(tmp_path):
    log = export(tmp_path / "attlog.xlsx", [
        ["AC-No.", "Name", "Date/Time", "Status", "Verify Type"],
        [1001, "Wang Wu", "02-Nov-2026 09:07", "C/In", "FP"],
        [1001, "Wang Wu", "02-Nov-2026 18:00:30", "C/Out", "FP"],
        [1002, "Zhao Liu", "Nov 3, 2026 8:55 AM", "C/In", "Face"],
        [1002, "Zhao Liu", "Nov 3, 2026 5:40 PM", "C/Out", "Face"]])
    done = opsbook.summarize_attendance([_book(tmp_path / "staff.xlsx")], punches=[log])
    assert done.computed, done.report.issues
    assert _worked(done) == [("1001", "2026-11-02", "late", 7, 0),
                             ("1002", "2026-11-03", "early", 0, 20)]


def test_a_date_column_written_without_separators_or_in_words(tmp_path):
    log = export(tmp_path / "hr.xlsx", [
        ["Employee ID", "Date", "Time"],
        ["1001", "20261102", "09:00"], ["1001", "20261102", "18:00"],
        ["1002", "Tuesday, November 3, 2026", dt.time(9, 10)],
        ["1002", "Tuesday, November 3, 2026", dt.time(18, 0)],
        ["1002", "11/04/2026", "09:00"]])
    done = opsbook.summarize_attendance([_book(tmp_path / "staff.xlsx")], punches=[log])
    assert _worked(done) == [("1001", "2026-11-02", "present", 0, 0),
                             ("1002", "2026-11-03", "late", 10, 0)]
    said = [(i.code, i.cell) for i in done.report.issues if i.file == str(log)]
    assert said == [("punch-without-date", "C6")]
