"""Dates as people and programs write them: an English weekday first (Excel's long date,
an e-mail header), a day with an ordinal before the month's name, dashes other than the
hyphen, a weekday in brackets or in traditional Chinese, and a date typed as the eight-digit
number 20261103, are read with a warning; a weekday that is not the date's own is no date;
a date-time with a time zone (2026-11-03T09:00:00Z) is an error that says so."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli

import opsbook
from opsbook.core.dates import parse_date, parse_month


@pytest.mark.parametrize(("text", "day"), [
    ("Tuesday, October 13, 2026", dt.datetime(2026, 10, 13)),   # Excel's long date (en-US)
    ("Tue, 13 Oct 2026", dt.datetime(2026, 10, 13)),            # an e-mail header's date
    ("Tue Oct 13 2026", dt.datetime(2026, 10, 13)),             # JavaScript's Date
    ("Tues. Oct 13, 2026", dt.datetime(2026, 10, 13)),
    ("Thursday 2026-10-15", dt.datetime(2026, 10, 15)),
    ("13th October 2026", dt.datetime(2026, 10, 13)),
    ("1st Nov 2026", dt.datetime(2026, 11, 1)),
    ("2026\u201010\u201013", dt.datetime(2026, 10, 13)),          # ‐ hyphen
    ("2026\u201310\u201313", dt.datetime(2026, 10, 13)),          # – en dash
    ("2026\u221210\u221213", dt.datetime(2026, 10, 13)),          # − minus sign
    ("2026/10/13 (二)", dt.datetime(2026, 10, 13)),
    ("2026/10/13（週二）", dt.datetime(2026, 10, 13)),
    ("2026年10月13日 禮拜二", dt.datetime(2026, 10, 13)),
    ("Tue, 13 Oct 2026 09:30", dt.datetime(2026, 10, 13, 9, 30)),
])
def test_more_spellings_of_a_date_are_read(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", [
    "Wednesday, October 13, 2026",  # 13 October 2026 is a Tuesday
    "2026/10/13 (三)", "Sunset 2026-11-01", "Tue", "2026/10/13 二",
])
def test_a_weekday_not_the_dates_own_or_a_word_is_no_date(text):
    assert parse_date(text) is None


def _clock(tmp_path, lang="en"):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", lang, path, sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Clock" if lang == "en" else "打卡记录"]
    sheet["B4"] = "Tuesday, October 13, 2026"
    sheet["B5"] = "2026\u201310\u201314"
    sheet["B6"] = 20261015  # typed without separators into a General cell: a number
    sheet["B6"].number_format = "General"
    sheet["B7"] = 20261315  # no month 13
    book.save(path)
    return path


def test_a_clock_sheet_reads_each_spelling_with_a_warning(tmp_path):
    issues = {i.cell: i for i in opsbook.validate(_clock(tmp_path)).issues
              if i.sheet == "Clock" and i.cell in ("B4", "B5", "B6", "B7")}
    assert {c: (i.code, i.params.get("result")) for c, i in issues.items() if c != "B7"} == {
        "B4": ("coerced-value", "2026-10-13"),
        "B5": ("coerced-value", "2026-10-14"),
        "B6": ("coerced-value", "2026-10-15"),
    }
    assert issues["B6"].message("en") == (
        "'Date': '20261015' was read as a date, 2026-10-15; check it, and enter the value "
        "in the cell's own format to be sure.")
    assert (issues["B7"].code, issues["B7"].severity) == ("type-error", "error")


def test_the_command_line_says_it_in_chinese(tmp_path):
    done = run_cli("validate", _clock(tmp_path, "zh"), "--lang", "zh", "--jobs", "1", "-q")
    assert done.returncode == 1, done.stderr
    assert "打卡记录!B6  [coerced-value] “日期”：“20261015”被识别为日期 2026-10-15" in done.stdout
    assert "打卡记录!B4  [coerced-value] “日期”：“Tuesday, October 13, 2026”被识别为日期 " \
           "2026-10-13" in done.stdout
    assert "打卡记录!B7  [type-error] “日期”应为日期，实际为“20261315”" in done.stdout


@pytest.mark.parametrize("text", ["2026\u201311", "2026\u221211", "Nov\u20132026"])
def test_a_month_with_another_dash_is_read(text):
    assert parse_month(text) == "2026-11"


def test_a_date_setting_typed_as_eight_digits_is_that_date(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["设置"].iter_rows() if r[0].value == "status_date")
    row[1].value, row[1].number_format = 20261120, "General"
    book.save(path)
    issue = next(i for i in opsbook.validate(path).issues if i.sheet == "设置")
    assert (issue.cell, issue.code, issue.severity) == (f"B{row[1].row}", "coerced-value",
                                                        "warning")
    assert issue.message("zh") == ("“status_date”：“20261120”被识别为日期 2026-11-20；"
                                   "建议按日期格式录入。")
    assert str(opsbook.load(path).settings.status_date) == "2026-11-20"


@pytest.mark.parametrize("text", ["2026-10-13T01:00:00Z", "2026-10-13T09:00:00+08:00",
                                  "2026-10-13 09:00 +0800", "2026-10-13T09:00:00.000Z"])
def test_a_date_time_with_a_time_zone_is_refused_in_words_saying_so(tmp_path, text):
    path = tmp_path / "attendance.xlsx"
    opsbook.new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Leave"]["D4"] = text  # Start: a date-time field
    book["Clock"]["B4"] = text  # Date: a date field
    book.save(path)
    by_cell = {(i.sheet, i.cell): i for i in opsbook.validate(path).issues}
    for place, name in ((("Leave", "D4"), "Start"), (("Clock", "B4"), "Date")):
        issue = by_cell[place]
        assert issue.message("en").startswith(f"'{name}' should be a date")
        assert (issue.code, issue.severity) == ("type-error", "error")
        assert issue.message("en").endswith(
            f"found '{text}'. It has a time zone (Z, +08:00), which a cell does not keep: "
            "write the local date and time, such as 2026-11-03 09:00.")
        assert "其中带有时区（Z、+08:00），单元格不记录时区" in issue.message("zh")
        assert "year first" not in issue.message("en")
