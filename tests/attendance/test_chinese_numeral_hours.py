"""Clock times written with Chinese numerals, as a clerk types them from a paper sign-in
sheet (九点, 八点半, 下午六点, 九点一刻, 八点零五分), are read as the hour in digits is (9点,
8点半 …); other words stay type errors."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import opsbook
from opsbook.core.clock import parse_time


@pytest.mark.parametrize(("typed", "hours", "minutes"), [
    ("九点", 9, 0), ("八点半", 8, 30), ("下午六点", 18, 0), ("十点十五", 10, 15),
    ("十二点", 12, 0), ("下午两点半", 14, 30), ("九点一刻", 9, 15), ("九点三刻", 9, 45),
    ("八点零五分", 8, 5), ("十八点三十分", 18, 30), ("二十点", 20, 0), ("9点1刻", 9, 15)])
def test_an_hour_in_chinese_numerals(typed, hours, minutes):
    assert parse_time(typed) == dt.timedelta(hours=hours, minutes=minutes)


@pytest.mark.parametrize("typed", ["九", "点", "两刻", "九点九十", "一百点"])
def test_what_is_no_time_stays_none(typed):
    assert parse_time(typed) is None


def test_a_clock_sheet_in_chinese_numerals_is_summarised(tmp_path):
    path = tmp_path / "考勤.xlsx"
    opsbook.new_workbook("attendance", "zh", path, sample=True)
    book = openpyxl.load_workbook(path)
    clock = book["打卡记录"]
    clock["C4"], clock["D4"] = "九点一刻", "下午六点"  # E0001 on 2026-10-08: 15 minutes late
    book.save(path)
    said = {i.cell: i for i in opsbook.validate(path).issues if i.sheet == "打卡记录"}
    # read as any time typed as text is: a warning that says what it was read as
    assert [(said[c].code, said[c].severity, said[c].params["result"]) for c in ("C4", "D4")] \
        == [("coerced-value", "warning", "09:15"), ("coerced-value", "warning", "18:00")]
    daily = opsbook.summarize_attendance([path]).result.daily
    day = daily[(daily["employee_id"] == "E0001") & (daily["date"] == "2026-10-08")].iloc[0]
    assert (day["status"], day["late_minutes"]) == ("late", 15)
