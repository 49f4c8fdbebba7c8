"""Punches as exports repeat them, a day change set after the shift starts, exports with
nothing under their punch columns, and the one-row header of a DingTalk daily report: real
workbooks and exports on disk, summarised through the API and the command line."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from quirkbooks import base, export, write

import opsbook
from opsbook.cli import app

D, T, DT = dt.date, dt.time, dt.datetime


@pytest.fixture
def workbook(tmp_path):
    """The base attendance workbook (E001 张伟, E002 李娜, E003 Alice Chen; 2026-11) without
    clock rows."""
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    return write(tmp_path / "attendance.xlsx", sheets)


def daily(done, employee, day):
    frame = done.result.daily
    return frame[(frame["employee_id"] == employee)
                 & (frame["date"] == pd.Timestamp(day))].iloc[0]


def test_one_punch_given_twice_is_a_single_punch_not_an_absence(workbook, tmp_path):
    """The same punch twice (a repeated press, a record exported twice), or two presses
    seconds apart, is one punch: the day is judged by it and flagged, not read as a day of
    0 hours (absent)."""
    log = export(tmp_path / "attlog.xlsx", [
        ["User ID", "Date/Time", "Status"],
        ["E001", DT(2026, 11, 2, 8, 58), 0], ["E001", DT(2026, 11, 2, 8, 58), 0],
        ["E001", DT(2026, 11, 3, 9, 12, 10), 0], ["E001", DT(2026, 11, 3, 9, 12, 40), 0],
        # a minute apart or more: two punches, the first and the last of the day
        ["E002", DT(2026, 11, 2, 8, 58), 0], ["E002", DT(2026, 11, 2, 8, 59), 0],
        ["E002", DT(2026, 11, 2, 18, 1), 1]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert done.computed, done.report.issues
    twice = daily(done, "E001", "2026-11-02")
    assert (twice["status"], bool(twice["flag_single_punch"]), twice["check_in"]) == (
        "present", True, 8 * 3600 + 58 * 60)
    assert pd.isna(twice["check_out"]) and pd.isna(twice["hours_worked"])
    seconds_apart = daily(done, "E001", "2026-11-03")
    assert (seconds_apart["status"], seconds_apart["late_minutes"],
            bool(seconds_apart["flag_single_punch"])) == ("late", 13, True)
    found = done.result.violations.query("employee_id == 'E001' and flag == 'single_punch'")
    assert list(found["row"]) == [2, 4]  # each day's punch where it was first written
    kept = daily(done, "E002", "2026-11-02")
    assert (kept["check_in"], kept["check_out"], kept["status"]) == (
        8 * 3600 + 58 * 60, 18 * 3600 + 60, "present")


@pytest.mark.parametrize("cutoff", [T(9, 0), T(10, 0)])
def test_a_day_change_at_or_after_the_shift_start_is_an_error_at_its_cell(tmp_path, cutoff):
    """With shift_cutoff at or after shift_start every on-time check-in would close the day
    before: validate says so at the setting's cell, in both languages, and nothing is
    summarised."""
    sheets = base("attendance")
    sheets["Settings"] += [["shift_cutoff", cutoff]]
    path = write(tmp_path / "cutoff.xlsx", sheets)
    report = opsbook.validate([path])
    (issue,) = [i for i in report.issues if i.field == "shift_cutoff"]
    assert (issue.code, issue.severity, issue.sheet, issue.cell) == (
        "invalid-setting", "error", "Settings", "B3")
    assert "must be before shift_start (09:00)" in issue.message("en")
    assert "换日时间必须早于上班时间（09:00）" in issue.message("zh")
    assert not opsbook.summarize_attendance([path]).computed


def test_a_day_change_before_the_shift_start_is_fine(tmp_path):
    sheets = base("attendance")
    sheets["Settings"] += [["shift_cutoff", T(8, 59)], ["shift_start", T(9, 0)]]
    path = write(tmp_path / "cutoff.xlsx", sheets)
    assert not [i for i in opsbook.validate([path]).issues if i.field == "shift_cutoff"]


def test_an_export_with_punch_columns_and_no_punch_is_told(workbook, tmp_path):
    """A DingTalk raw record of headers only is a warning at the export, and a month without
    clock data anywhere says where clock data comes from."""
    empty = export(tmp_path / "原始记录.xlsx", [
        ["原始记录 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "部门", "工号", "考勤日期", "打卡时间", "打卡结果"]])
    done = opsbook.summarize_attendance([workbook], punches=empty)
    codes = {(i.code, i.severity, i.file) for i in done.report.issues}
    assert ("no-punches", "warning", str(empty)) in codes
    (missing,) = [i for i in done.report.issues if i.code == "no-clock-data"]
    assert "punch exports" in missing.message("en")
    assert "打卡导出文件" in missing.message("zh")
    warning = next(i for i in done.report.issues if i.code == "no-punches")
    assert "。" in warning.message("zh") and "：" in warning.message("zh")


def test_an_export_with_punches_gives_no_such_warning(workbook, tmp_path):
    log = export(tmp_path / "attlog.xlsx", [["User ID", "Date/Time"],
                                            ["E001", DT(2026, 11, 2, 8, 58)]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert done.computed
    assert not [i for i in done.report.issues if i.code == "no-punches"]


def test_a_daily_report_with_its_header_in_one_row(workbook, tmp_path):
    """上班1打卡时间 / 下班1打卡时间 … in one header row are the daily report's punches; the day is
    the report's date, a next-day time is past midnight of it."""
    log = export(tmp_path / "每日统计.xlsx", [
        ["每日统计 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "部门", "工号", "日期", "上班1打卡时间", "上班1打卡结果", "下班1打卡时间",
         "下班1打卡结果", "上班2 打卡时间", "下班2打卡时间"],
        ["张伟", "运营部", "E001", "26-11-02 星期一", "08:58", "正常", "12:01", "正常", "13:00",
         "次日 01:30"],
        ["李娜", "市场部", "E002", "26-11-02 星期一", "上午 9:10", "迟到", "", "缺卡", "",
         "下午 6:03"]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert done.computed, done.report.issues
    first, second = daily(done, "E001", "2026-11-02"), daily(done, "E002", "2026-11-02")
    assert (first["check_in"], first["check_out"], first["status"]) == (
        8 * 3600 + 58 * 60, 25 * 3600 + 30 * 60, "present")
    assert (second["check_in"], second["check_out"], second["late_minutes"]) == (
        9 * 3600 + 10 * 60, 18 * 3600 + 3 * 60, 10)
    late = done.result.violations.query("flag == 'late'")
    assert list(late["row"]) == [4]


def test_the_command_reads_a_repeated_punch_as_one(workbook, tmp_path):
    from typer.testing import CliRunner

    log = export(tmp_path / "attlog.xlsx", [["User ID", "Date/Time"],
                                            ["E001", DT(2026, 11, 2, 9, 0)],
                                            ["E001", DT(2026, 11, 2, 9, 0, 30)]])
    out = tmp_path / "summary.xlsx"
    result = CliRunner().invoke(app, ["attendance", "summarize", str(workbook), "--punches",
                                      str(log), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    sheet = book["Daily"]
    headers = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3, values_only=True)
               if r[headers.index("Employee ID")] == "E001"
               and r[0] == dt.datetime(2026, 11, 2))
    assert (row[headers.index("Status ID")], row[headers.index("Check Out")],
            row[headers.index("Flags")]) == ("present", None, "a single punch on the day")


def test_a_punches_cell_of_words_is_an_error_unless_it_says_no_punch(tmp_path):
    """A Punches cell that holds no time is an error at its cell (``abc``, ``9点61分``); the
    words of the apps for a punch that did not happen (缺卡) are passed over; ``9点`` is a
    time (09:00), as in a Clock cell."""
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["打卡明细"] = [["工号", "日期", "打卡时间"],
                        ["E001", D(2026, 11, 2), "08:58 18:03"],
                        ["E001", D(2026, 11, 3), "abc"],
                        ["E001", D(2026, 11, 4), "缺卡"],
                        ["E001", D(2026, 11, 9), "9点61分"],
                        ["E001", D(2026, 11, 10), "9点 18点"]]
    path = write(tmp_path / "punches.xlsx", sheets)
    report = opsbook.validate([path])
    assert sorted((i.code, i.cell, i.value) for i in report.issues if i.severity == "error") \
        == [("type-error", "C3", "abc"), ("type-error", "C5", "9点61分")]


def test_an_export_cell_of_words_is_the_app_s_and_no_error(workbook, tmp_path):
    log = export(tmp_path / "attlog.xlsx", [["User ID", "Date/Time"],
                                            ["E001", DT(2026, 11, 2, 8, 58)],
                                            ["E001", "Missed"], ["E001", "Rest"],
                                            ["E001", "x9"]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert [(i.code, i.cell) for i in done.report.issues if i.file == str(log)] == [
        ("type-error", "B5")]


@pytest.mark.parametrize("day", ["11/02/2026", "02/11/2026"])
def test_a_date_with_the_year_last_is_no_date_not_another_year(workbook, tmp_path, day):
    """11/02/2026 may be 11 February or 2 November: it is not read as 2011-02-20 (nor
    02/11/2026 as 2002-11-20); its punches are errors at their cells, as without a date."""
    from opsbook.attendance.punch_cells import parse_date, parse_punches

    assert parse_date(day) is None
    assert parse_punches(f"{day} 08:58") == [(None, 8 * 3600 + 58 * 60)]
    log = export(tmp_path / "attlog.xlsx", [["AC-No.", "Date", "Time"],
                                            ["E001", day, "08:58"], ["E001", day, "18:03"],
                                            ["E001", "2026-11-03", "08:57"]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    mine = [(i.code, i.cell) for i in done.report.issues if i.file == str(log)]
    assert mine == [("punch-without-date", "C2"), ("punch-without-date", "C3")]
    assert not [i for i in done.report.issues if i.code == "clock-outside-month"]
    assert daily(done, "E001", "2026-11-03")["check_in"] == 8 * 3600 + 57 * 60


def test_a_punches_sheet_with_a_date_and_a_time_column(tmp_path):
    """A time clock's Date and Time columns pasted into the Punches sheet are its punches,
    as they are in an export given with --punches."""
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["打卡明细"] = [["工号", "日期", "时间"],
                        ["E001", D(2026, 11, 2), T(8, 58)], ["E001", D(2026, 11, 2), T(18, 2)],
                        ["E002", D(2026, 11, 2), "上午 9:07"]]
    path = write(tmp_path / "punches.xlsx", sheets)
    done = opsbook.summarize_attendance([path])
    assert done.computed, done.report.issues
    first, second = daily(done, "E001", "2026-11-02"), daily(done, "E002", "2026-11-02")
    assert (first["check_in"], first["check_out"]) == (8 * 3600 + 58 * 60, 18 * 3600 + 120)
    assert (second["status"], second["late_minutes"]) == ("late", 7)


def test_a_punches_sheet_without_its_header_is_not_said_to_be_missing(tmp_path):
    """A Punches sheet whose header row is not found is an error of its own; the workbook is
    not also told that it has no Clock or Punches sheet."""
    sheets = base("attendance")
    del sheets["Clock"]
    sheets["打卡明细"] = [["工号", "记录"], ["E001", "08:58"]]
    path = write(tmp_path / "punches.xlsx", sheets)
    codes = [(i.code, i.sheet) for i in opsbook.validate([path]).issues]
    assert ("missing-header", "打卡明细") in codes
    assert "no-clock-sheet" not in {code for code, _ in codes}


def test_a_department_spelt_in_other_case_or_width_is_one_department(tmp_path):
    """Department workbooks that write "Operations", "operations " and "ＯＰＥＲＡＴＩＯＮＳ"
    are one department on Monthly and Departments, under the spelling most employees have;
    the order of the workbooks does not change it."""
    first = base("attendance")
    first["Employees"] = [first["Employees"][0], ["E001", "张伟", "Operations"],
                          ["E002", "李娜", "Operations"]]
    first["Clock"] = [first["Clock"][0], ["E001", D(2026, 11, 2), T(9, 0), T(18, 0)]]
    second = base("attendance")
    second["Employees"] = [second["Employees"][0], ["E003", "王芳", "operations "],
                           ["E004", "赵六", "ＯＰＥＲＡＴＩＯＮＳ"], ["E005", "钱七", "Sales"]]
    second["Clock"] = [second["Clock"][0], ["E003", D(2026, 11, 2), T(9, 20), T(18, 0)]]
    paths = [write(tmp_path / "ops.xlsx", first), write(tmp_path / "lab.xlsx", second)]
    for order in (paths, paths[::-1]):
        done = opsbook.summarize_attendance(order)
        assert done.computed, done.report.issues
        depts = done.result.departments.set_index("department")
        assert sorted(depts.index) == ["Operations", "Sales"]
        assert (depts.at["Operations", "headcount"], depts.at["Operations", "late_count"]) == (
            4, 1)
        assert set(done.result.monthly["department"]) == {"Operations", "Sales"}


def test_a_morning_of_one_leave_type_and_an_afternoon_of_another(tmp_path):
    """Half a day of annual leave and half a day of sick leave on one day are half a day of
    each on Monthly (not a whole day of the first), and the Daily row names both."""
    sheets = base("attendance")
    approval = [D(2026, 11, 1), "E009", D(2026, 11, 1), "approved"]
    sheets["Leave"] = [
        ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day", "Requested On",
         "Approved By", "Approved On", "Status"],
        ["L2", "E001", "annual", D(2026, 11, 5), D(2026, 11, 5), "am", *approval],
        ["L1", "E001", "sick", DT(2026, 11, 5, 13, 30), DT(2026, 11, 5, 18, 0), None,
         *approval],
        ["L3", "E001", "annual", D(2026, 11, 6), D(2026, 11, 6), None, *approval]]
    done = opsbook.summarize_attendance([write(tmp_path / "leave.xlsx", sheets)])
    assert done.computed, done.report.issues
    month = done.result.monthly.set_index("employee_id").loc["E001"]
    assert (month["leave_days"], month["leave_annual"], month["leave_sick"]) == (2.0, 1.5, 0.5)
    day = daily(done, "E001", "2026-11-05")
    assert (day["status"], day["leave_days"], day["leave_type"], day["leave_type_other"],
            day["leave_request"], day["leave_request_other"]) == (
        "leave", 1.0, "annual", "sick", "L2", "L1")
    sheet = next(s for s in done.sheets if s.name == "Daily")
    row = next(r for r in sheet.rows if r[sheet.headers.index("Employee ID")] == "E001"
               and r[sheet.headers.index("Leave Days")] == 1
               and "L2" in str(r[sheet.headers.index("Leave Request")]))
    assert (row[sheet.headers.index("Leave Type")], row[sheet.headers.index("Leave Request")]) \
        == ("annual, sick", "L2, L1")
