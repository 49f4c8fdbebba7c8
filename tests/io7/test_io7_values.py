"""Values typed as people type them: dates with the month in letters, yes/no as check
marks; a date in an order that cannot be told is refused saying how to write it; a zip that
is no workbook is said in Chinese without a stray space."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

import opsbook
from opsbook.core.dates import parse_date, parse_month


@pytest.mark.parametrize(("text", "day"), [
    ("3-Nov-26", dt.datetime(2026, 11, 3)),          # Excel's d-mmm-yy
    ("03-NOV-2026", dt.datetime(2026, 11, 3)),
    ("3 November 2026", dt.datetime(2026, 11, 3)),
    ("Nov 3, 2026", dt.datetime(2026, 11, 3)),
    ("November 3rd 2026", dt.datetime(2026, 11, 3)),
    ("Sept 3, 2026", dt.datetime(2026, 9, 3)),
    ("3-Nov-85", dt.datetime(1985, 11, 3)),          # Excel's two-digit year window
    ("3-Nov-26 9:30", dt.datetime(2026, 11, 3, 9, 30)),
])
def test_a_date_with_the_month_in_letters_is_read(text, day):
    assert parse_date(text) == day
    assert parse_month(text) == day.strftime("%Y-%m")


@pytest.mark.parametrize("text", ["Nov 2026", "Nov-26", "3-Foo-26", "31-Feb-26", "Nov 3"])
def test_what_is_no_whole_date_stays_none(text):
    assert parse_date(text) is None


def test_dates_as_text_in_a_tracker(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    ws = book["Tasks"]
    ws["E4"], ws["E5"], ws["E6"] = "1-Jul-26", "Jul 26, 2026", "26/07/2026"
    book.save(path)
    report = opsbook.validate(path)
    by_cell = {i.cell: i for i in report.issues if i.sheet == "Tasks"}
    assert by_cell["E4"].code == by_cell["E5"].code == "coerced-value"
    assert "2026-07-01" in by_cell["E4"].message() and "2026-07-26" in by_cell["E5"].message()
    wrong = by_cell["E6"]  # day or month first cannot be told: said how to write it
    assert wrong.code == "type-error" and wrong.severity == "error"
    assert wrong.message() == ("'Planned Start' should be a date, found '26/07/2026'. Write "
                               "a date year first, such as 2026-11-03 (or 3-Nov-2026).")
    assert wrong.message("zh") == ("“Planned Start”应为日期，实际为“26/07/2026”。请按年份在前的"
                                   "形式填写日期，如 2026-11-03（或 3-Nov-2026）。")
    assert "年份在前" not in by_cell["E4"].message("zh")  # a date read says only what it read


def test_check_marks_read_as_yes_and_no(tmp_path):
    path = tmp_path / "project.xlsx"
    opsbook.new_workbook("project", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    ws = book["项目"]
    column = next(c for c in range(1, 20) if ws.cell(3, c).value == "已验收")
    ws.cell(4, column).value, ws.cell(5, column).value = "✔", "✘"
    ws.cell(6, column).value, ws.cell(7, column).value = "☑", "✗"
    book.save(path)
    report = opsbook.validate(path)
    assert not [i for i in report.issues if i.code == "invalid-choice"]
    loaded = opsbook.load(path)
    accepted = list(loaded["项目"]["accepted"])
    assert accepted == [True, False, True, False]


def test_a_zip_of_no_spreadsheet_is_said_in_chinese_without_a_stray_space(tmp_path):
    path = tmp_path / "data.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    [issue] = opsbook.validate(path).issues
    assert issue.code == "not-a-workbook"
    assert "这是不含电子表格的压缩包，只是用了电子表格的文件名" in issue.message("zh")
