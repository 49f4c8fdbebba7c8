"""Every flag the README lists for the Daily sheet's Flags column is there on the day its
case is made, with the README's meaning: an overlapping leave request was listed on the
Violations sheet but its day's Flags cell was blank. One workbook written to disk and
summarised through the command line, in English and in Chinese."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from conftest import run_cli
from quirkbooks import write

D, T = dt.date, dt.time
LEAVE = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
         "Requested On", "Approved By", "Approved On", "Status"]


def book(path):
    """November 2026, shift 09:00–18:00. E002: annual leave all Monday the 9th (L2), and a
    sick afternoon the same day (L3, overlapping it); E001 clocks one punch on the 2nd."""
    at = dt.datetime
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"],
                      ["E002", "李娜", "运营部"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", D(2026, 11, 2), T(9, 0), None],
                  ["E002", D(2026, 11, 2), T(9, 0), T(18, 0)]],
        "Leave": [LEAVE,
                  ["L2", "E002", "annual", at(2026, 11, 9, 9), at(2026, 11, 9, 18), None,
                   D(2026, 11, 1), "E001", D(2026, 11, 1), "approved"],
                  ["L3", "E002", "sick", at(2026, 11, 9, 14), at(2026, 11, 9, 18), None,
                   D(2026, 11, 1), "E001", D(2026, 11, 1), "approved"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def rows(path, sheet, key):
    values = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    start = next(n for n, row in enumerate(values) if key in row)
    return [dict(zip(values[start], row)) for row in values[start + 1:] if row[0] is not None]


@pytest.mark.parametrize("lang, daily, violations, flags, overlap", [
    ("en", "Daily", "Violations", "Flags", "overlapping leave requests"),
    ("zh", "每日考勤", "违规记录", "异常标记", "请假申请时间重叠"),
])
def test_an_overlapping_request_is_in_the_flags_of_its_day(tmp_path, lang, daily, violations,
                                                           flags, overlap):
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", book(tmp_path / "attendance.xlsx"), "-o", out,
                   "--quiet", "--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    key = "Employee ID" if lang == "en" else "工号"
    found = [r for r in rows(out, violations, key)
             if r["Finding ID" if lang == "en" else "类型代码"] == "leave_overlap"]
    assert [(r[key], str(r["Date" if lang == "en" else "日期"])[:10]) for r in found] == [
        ("E002", "2026-11-09")]
    days = {(r[key], str(r["Date" if lang == "en" else "日期"])[:10]): r
            for r in rows(out, daily, key)}
    on_the_9th = days[("E002", "2026-11-09")]
    assert (on_the_9th["Status ID" if lang == "en" else "状态代码"], on_the_9th[flags]) == (
        "leave", overlap)
    # the other flags of the table are there as before: the single punch, nothing else
    assert days[("E001", "2026-11-02")][flags] == (
        "a single punch on the day" if lang == "en" else "当天只有一次打卡")
    assert not days[("E002", "2026-11-02")][flags]
    # the day after, without leave or clock data: absent, and nothing of the overlap
    assert days[("E002", "2026-11-10")][flags] == (
        "absence without leave" if lang == "en" else "旷工（无请假）")
