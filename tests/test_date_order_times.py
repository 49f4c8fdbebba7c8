"""An end before its start on the same day (a half-day leave ending at 09:00 that starts at
10:00) is said with its time: a date alone would read as the same day, no mistake at all."""

from __future__ import annotations

import datetime as dt

import openpyxl

import opsbook


def test_an_end_before_its_start_on_one_day_shows_its_time(tmp_path):
    path = tmp_path / "leave.xlsx"
    opsbook.new_workbook("attendance", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    leave = book["Leave"]
    leave["D4"] = dt.datetime(2026, 10, 23, 10, 0)
    leave["E4"] = dt.datetime(2026, 10, 23, 9, 0)
    book.save(path)

    report = opsbook.validate(path)
    found = [i for i in report.issues if i.code == "date-order"]
    assert [i.cell for i in found] == ["E4"]
    assert "2026-10-23 09:00" in found[0].message("en")
    assert "2026-10-23 09:00" in found[0].message("zh")
