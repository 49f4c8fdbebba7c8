"""Dates and times typed as text: seconds with a fraction, as databases export them, are
read (in a cell and in a punch export); a year before 1900, which no date cell holds, is no
date (never a Gantt chart from year 1)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import opsbook
from opsbook.core.dates import parse_date, parse_time


@pytest.mark.parametrize(("text", "since"), [
    ("09:00:00.000", dt.timedelta(hours=9)), ("9:00:00.5", dt.timedelta(hours=9)),
    ("下午 6:03:10.250", dt.timedelta(hours=18, minutes=3, seconds=10))])
def test_seconds_with_a_fraction_are_a_time(text, since):
    assert parse_time(text) == since


def test_a_date_time_with_milliseconds_is_read():
    assert parse_date("2026-11-03 09:00:00.000") == dt.datetime(2026, 11, 3, 9)


@pytest.mark.parametrize("text", ["09:00.5", "09:00:00.", "09:60:00.000"])
def test_a_fraction_only_after_whole_seconds(text):
    assert parse_time(text) is None


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "0206-11-03", "5 Nov 1066"])
def test_a_year_before_1900_is_no_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(("text", "day"), [("1900-01-01", dt.datetime(1900, 1, 1)),
                                           ("9999-12-31", dt.datetime(9999, 12, 31))])
def test_the_years_a_date_cell_holds_are_dates(text, day):
    assert parse_date(text) == day


def test_a_slipped_year_in_a_tracker_is_an_error_not_a_date(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["任务"]["E4"] = "0206-07-01"
    book.save(path)
    done = opsbook.project_status([path], as_of=dt.date(2026, 11, 20))
    issue = next(i for i in done.report.issues if i.cell == "E4")
    assert (issue.code, issue.severity) == ("type-error", "error")
    assert "“0206-07-01”" in issue.message("zh")
    assert done.result is None  # nothing computed from a date no calendar cell holds


def test_punch_times_with_milliseconds_are_read(tmp_path):
    month = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "en", month, sample=True)
    export = tmp_path / "punches.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工号", "姓名", "打卡时间"])
    sheet.append(["E0001", "Liu Lei", "2026-10-08 08:50:00.000"])
    sheet.append(["E0001", "Liu Lei", "2026-10-08 18:31:00.000"])
    book.save(export)
    done = opsbook.summarize_attendance([month], punches=export)
    assert not [i for i in done.report.issues if i.severity == "error"]
    daily = done.result.daily
    day = daily[(daily["employee_id"] == "E0001") & (daily["date"] == "2026-10-08")]
    assert day["check_out"].tolist() == [18 * 3600 + 31 * 60]  # the export's 18:31 is read


def test_messages_show_a_date_time_as_a_cell_does(tmp_path):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["打卡记录"]["C4"] = dt.datetime(2026, 10, 8, 8, 55)  # a date-time in a time column
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.cell == "C4")
    assert issue.code == "value-truncated"
    for lang in ("en", "zh"):
        assert "2026-10-08 08:55" in issue.message(lang) and "T08" not in issue.message(lang)
    assert issue.to_dict()["value"] == "2026-10-08T08:55:00"  # the JSON keeps ISO 8601


def test_messages_show_a_logical_cell_as_excel_does(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Tasks"]["J4"], book["Tasks"]["E5"] = True, False
    book.save(path)
    by_cell = {i.cell: i for i in opsbook.validate(path).issues}
    assert "found 'TRUE'." in by_cell["J4"].message("en")
    assert "实际为“FALSE”" in by_cell["E5"].message("zh")
