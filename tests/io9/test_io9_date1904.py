"""Excel for Mac's 1904 date system: a serial number typed where a date goes counts from
1904-01-01 in an .xlsb too (its workbook part's BrtWbProp record), and in a date setting as in
a date column (45000 is 2027-03-16 there, 2023-03-15 in Excel's own system), with the warning
a number read as a date gets."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from xlsbwriter import write_xlsb

import opsbook
from opsbook.io.read import read_book

# Serial 45000 is 2023-03-15 in Excel's own system (day 0: 1899-12-30); the 1904 system's
# day 0 is 1462 days later (four years, one of them leap, and a day), so 45000 is 2027-03-16.
SERIAL, DAY_1900, DAY_1904 = 45000, "2023-03-15", "2027-03-16"


@pytest.mark.parametrize(("date1904", "day"), [(True, DAY_1904), (False, DAY_1900)])
def test_an_xlsb_counts_serials_from_its_own_date_system(tmp_path, date1904, day):
    path = write_xlsb(tmp_path / "attendance.xlsb", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Li Na", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E1", SERIAL, 0.375, 0.75]],
    }, date1904=date1904)
    assert read_book(path).sheets[0].epoch == (dt.datetime(1904, 1, 1) if date1904
                                               else dt.datetime(1899, 12, 30))
    issue = next(i for i in opsbook.validate(path).issues if i.cell == "B2")
    assert (issue.sheet, issue.code, issue.params["result"]) == ("Clock", "coerced-value", day)
    assert issue.message("zh") == f"“Date”：“45000”被识别为日期 {day}；建议按日期格式录入。"


def _tracker(tmp_path, date1904):
    path = tmp_path / f"project{int(date1904)}.xlsx"
    opsbook.new_workbook("project", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    row = next(r for r in book["Settings"].iter_rows() if r[0].value == "status_date")
    row[1].value, row[1].number_format = SERIAL, "General"
    if date1904:
        book.epoch = CALENDAR_MAC_1904
    book.save(path)
    return path, f"B{row[1].row}"


@pytest.mark.parametrize(("date1904", "day"), [(True, DAY_1904), (False, DAY_1900)])
def test_a_date_setting_typed_as_a_serial_counts_from_the_workbooks_date_system(
        tmp_path, date1904, day):
    path, cell = _tracker(tmp_path, date1904)
    issue = next(i for i in opsbook.validate(path).issues if i.sheet == "Settings")
    assert (issue.cell, issue.code, issue.params["result"]) == (cell, "coerced-value", day)
    assert issue.message("en") == (f"'status_date': '45000' was read as a date, {day}; check "
                                   "it, and enter the value in the cell's own format to be sure.")
    assert str(opsbook.load(path).settings.status_date) == day
