"""A two-digit year is read as Excel reads it, everywhere: 00-29 this century, 30-99 the
last. Before: ``99年4月`` in a month cell was April 2099 and ``99-04-05`` typed in a date
column 2099-04-05, while ``5-Apr-99`` was 1999 (one rule for month names, another for
numbers). Excel itself makes 1999 of all three."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.dates import parse_date, parse_month


@pytest.mark.parametrize("text, month", [
    ("99年4月", "1999-04"), ("99年4月份", "1999-04"), ("30年1月", "1930-01"),
    ("29年12月", "2029-12"), ("27年4月", "2027-04"), ("00年1月", "2000-01"),
])
def test_a_month_with_a_two_digit_year(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize("text, day", [
    ("99-04-05", dt.datetime(1999, 4, 5)), ("99年4月5日", dt.datetime(1999, 4, 5)),
    ("5-Apr-99", dt.datetime(1999, 4, 5)), ("26-11-05", dt.datetime(2026, 11, 5)),
    ("29年1月2日", dt.datetime(2029, 1, 2)), ("30-01-02", dt.datetime(1930, 1, 2)),
])
def test_a_date_with_a_two_digit_year(text, day):
    assert parse_date(text) == day


def test_a_clock_date_of_99_is_1999_in_the_warning_shown(tmp_path):
    path = new_workbook("attendance", "en", tmp_path / "attendance.xlsx", sample=True)
    book = openpyxl.load_workbook(path)
    sheet = book["Clock"]
    row = next(r for r in range(1, 10) if sheet.cell(r, 2).value == "Date") + 1
    sheet.cell(row, 2).value = "99-04-05"
    book.save(path)
    found = [i for i in opsbook.validate(path).issues if i.cell == f"B{row}"]
    assert [i.code for i in found] == ["coerced-value"], [i.message("en") for i in found]
    assert "1999-04-05" in found[0].message("en") and "2099" not in found[0].message("en")
