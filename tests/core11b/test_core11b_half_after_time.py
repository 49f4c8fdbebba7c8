"""A Clock sheet time typed with the half of the day after it ("6:03 下午", as Excel's
format "h:mm 上午/下午" shows a time, or "6:03 p.m.") was a type error while punch cells
read it as 18:03: the shared time parser now reads 上午/下午/晚上/凌晨/中午 and AM/PM (with
or without dots) after the time too, with the warning of a time typed as text; a setting
("下班时间: 6:00 下午") the same. A half before and after the time is no time."""

from __future__ import annotations

import datetime as dt

import pytest
from quirkbooks import write

import opsbook
from opsbook.core.dates import parse_time

H = dt.timedelta


@pytest.mark.parametrize(("typed", "since"), [
    ("6:03 下午", H(hours=18, minutes=3)), ("6:03下午", H(hours=18, minutes=3)),
    ("8:52 上午", H(hours=8, minutes=52)), ("12:30 中午", H(hours=12, minutes=30)),
    ("1:30 凌晨", H(hours=1, minutes=30)), ("9:00 晚上", H(hours=21)),
    ("12:00 上午", H(0)), ("6:03 p.m.", H(hours=18, minutes=3)),
    ("6:03 P.M", H(hours=18, minutes=3)), ("6:03 pm", H(hours=18, minutes=3)),
    ("6:03PM", H(hours=18, minutes=3)), ("6:03 a. m.", H(hours=6, minutes=3)),
    ("6:03:30 下午", H(hours=18, minutes=3, seconds=30)), ("6点 下午", H(hours=18)),
    ("1:30 凌晨(次日)", H(days=1, hours=1, minutes=30))])
def test_the_half_of_the_day_after_the_time(typed, since):
    assert parse_time(typed) == since


@pytest.mark.parametrize("typed", ["上午 8:00 下午", "13:00 上午", "6:03 下午下午", "6:03 pm 下午"])
def test_no_time(typed):
    assert parse_time(typed) is None


def test_a_clock_sheet_with_the_half_after_the_time(tmp_path):
    path = write(tmp_path / "kq.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", dt.date(2026, 11, 2), "8:52 上午", "6:03 下午"],
                  ["E001", dt.date(2026, 11, 3), "9:10 a.m.", "6:00 P.M."]],
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["shift_end", "6:00 下午"]]})
    report = opsbook.validate(path)
    assert report.errors == []
    said = {i.cell: i for i in report.issues if i.code == "coerced-value"}
    assert sorted(said) == ["C2", "C3", "D2", "D3"]
    assert said["D2"].message("en") == (
        "'Check Out': '6:03 下午' was read as a time, 18:03; check it, and enter the value "
        "in the cell's own format to be sure.")
    assert said["D2"].message("zh") == (
        "“Check Out”：“6:03 下午”被识别为时间 18:03；建议按时间格式录入。")
    done = opsbook.summarize_attendance([path])
    daily = done.result.daily.set_index("date")
    # 08:52–18:03 is 9 h 11 min; 09:10 is 10 minutes late (5 minutes' grace not reached)
    assert round(daily.loc["2026-11-02", "hours_worked"] * 60) == 9 * 60 + 11
    assert daily.loc["2026-11-03", ["status", "late_minutes"]].tolist() == ["late", 10]
    assert opsbook.load(path).settings.shift_end == dt.time(18)
