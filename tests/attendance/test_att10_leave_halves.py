"""Leave written as DingTalk's approvals export it, with a half of the day instead of a time
(``2026-11-05 上午`` … ``2026-11-05 下午``): before, every such cell was a type error and the
workbook was never summarised. And a leave from 13:30 to a date without a time on the same day
(the rest of the day) was a date-order error, though a date without a time is the whole day."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time
ASKED = [D(2026, 10, 1), "Boss", D(2026, 10, 1), "已批准"]


def _book(path, leave, clock):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"], *clock],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Requested On",
                   "Approved By", "Approved On", "Status"], *[[*r, *ASKED] for r in leave]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def test_dingtalk_half_days_are_read(tmp_path):
    clock = [["E1", D(2026, 11, 2), T(13, 30), T(18)], ["E1", D(2026, 11, 3), T(9), T(13, 30)],
             ["E1", D(2026, 11, 5), T(9), T(18)], ["E1", D(2026, 11, 9), T(13, 40), T(18)]]
    book = _book(tmp_path / "leave.xlsx", [
        ["L1", "E1", "年假", "2026-11-02 上午", "2026-11-02 上午"],     # the morning of the 2nd
        ["L2", "E1", "病假", "2026/11/3 下午", "2026/11/3 下午"],       # the afternoon of the 3rd
        ["L3", "E1", "事假", "2026-11-04（上午）", "2026-11-04 (下午)"],  # the whole 4th
        ["L4", "E1", "年假", "2026-11-06 下午", "2026-11-09 AM"],       # Fri pm, Mon am
    ], clock)
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.errors
    warned = [(i.code, i.cell) for i in done.report.issues]
    assert warned == [("coerced-value", f"{c}{r}") for r in range(2, 6) for c in "DE"]
    assert done.report.issues[1].message("en") == (
        "'End': '2026-11-02 上午' was read as a date or date-time, 2026-11-02 13:30:00; "
        "check it, and enter the value in the cell's own format to be sure.")
    assert done.report.issues[2].message("zh") == (
        "“Start”：“2026/11/3 下午”被识别为日期或日期时间 2026-11-03 13:30:00；"
        "建议按日期或日期时间格式录入。")
    daily = done.result.daily.set_index("date")
    # the shift 09:00–18:00 is split at 13:30
    assert daily.loc["2026-11-02", ["status", "leave_days", "leave_type"]].tolist() == [
        "present", 0.5, "annual"]
    assert daily.loc["2026-11-03", ["status", "leave_days", "leave_type"]].tolist() == [
        "present", 0.5, "sick"]
    assert daily.loc["2026-11-04", ["status", "leave_days"]].tolist() == ["leave", 1.0]
    # the afternoon of Friday 6th is leave (the morning absent), Monday 9th's morning is
    # leave: 13:40 is 10 minutes late for the afternoon
    assert daily.loc["2026-11-06", ["status", "leave_days"]].tolist() == ["absent", 0.5]
    assert daily.loc["2026-11-09", ["status", "leave_days", "late_minutes"]].tolist() == [
        "late", 0.5, 10]
    month = done.result.monthly.iloc[0]
    assert month[["leave_days", "leave_annual", "leave_sick", "leave_personal"]].tolist() == [
        3.0, 1.5, 0.5, 1.0]


def test_other_words_after_a_date_stay_an_error(tmp_path):
    book = _book(tmp_path / "leave.xlsx", [["L1", "E1", "年假", "2026-11-02 晚上",
                                            "2026-11-02 下午"]],
                 [["E1", D(2026, 11, 2), T(9), T(18)]])
    said = run_cli("validate", book)
    assert said.returncode == 1
    assert "Leave!D2  [type-error]" in said.stdout
    assert "Leave!E2  [coerced-value]" in said.stdout


def test_a_date_only_end_on_the_start_day_is_the_rest_of_that_day(tmp_path):
    book = _book(tmp_path / "leave.xlsx", [
        ["L1", "E1", "annual", D(2026, 11, 5, 13, 30), D(2026, 11, 5)],
        ["L2", "E1", "annual", D(2026, 11, 10, 13, 30), D(2026, 11, 9)]],
        [["E1", D(2026, 11, 5), T(9), T(13, 30)]])
    done = opsbook.summarize_attendance([book])
    # an end the day before the start is still out of order
    assert [(i.code, i.cell) for i in done.report.errors] == [("date-order", "E3")]
    book = _book(tmp_path / "leave2.xlsx", [
        ["L1", "E1", "annual", D(2026, 11, 5, 13, 30), D(2026, 11, 5)]],
        [["E1", D(2026, 11, 5), T(9), T(13, 30)]])
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    day = done.result.daily.set_index("date").loc["2026-11-05"]
    assert day[["status", "leave_days", "hours_worked"]].tolist() == ["present", 0.5, 4.5]


def test_half_day_column_words(tmp_path):
    """全天 in the Half Day column is the whole day (no half), 下午半天 the afternoon."""
    rows = [["L1", "E1", "annual", D(2026, 11, 2), D(2026, 11, 2), "全天"],
            ["L2", "E1", "sick", D(2026, 11, 3), D(2026, 11, 3), "下午半天"]]
    book = write(tmp_path / "half.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E1", D(2026, 11, 3), T(9), T(13, 30)]],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
                   "Requested On", "Approved By", "Approved On", "Status"],
                  *[[*r, *ASKED] for r in rows]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.issues
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-02", ["status", "leave_days"]].tolist() == ["leave", 1.0]
    assert daily.loc["2026-11-03", ["status", "leave_days", "leave_type"]].tolist() == [
        "present", 0.5, "sick"]
    said = run_cli("validate", write(tmp_path / "bad.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day"],
                  ["L1", "E1", "annual", D(2026, 11, 2), D(2026, 11, 2), "晚上"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]}))
    assert "Leave!F2  [invalid-choice]" in said.stdout


def test_a_refused_shift_does_not_put_the_halves_out_of_order(tmp_path):
    book = write(tmp_path / "shift.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Leave": [["Request ID", "Employee ID", "Leave Type", "Start", "End", "Requested On",
                   "Approved By", "Approved On", "Status"],
                  ["L1", "E1", "年假", "2026-11-04 上午", "2026-11-04 上午", *ASKED]],
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["shift_end", "08:00"]]})
    done = opsbook.summarize_attendance([book])
    # the shift is refused at its cell; the halves are read by the default shift
    assert [(i.code, i.cell) for i in done.report.errors] == [("invalid-setting", "B3")]


def test_a_leave_of_no_time_is_an_error(tmp_path):
    """An afternoon start and a morning end of one day (both 13:30), or 09:00 to 09:00: the
    request covers no time; before, it was taken silently and counted nothing."""
    book = _book(tmp_path / "leave.xlsx", [
        ["L1", "E1", "年假", "2026-11-05 下午", "2026-11-05 上午"],
        ["L2", "E1", "年假", D(2026, 11, 6, 9), D(2026, 11, 6, 9)],
        ["L3", "E1", "年假", D(2026, 11, 9), D(2026, 11, 9)]],   # a whole day: in order
        [["E1", D(2026, 11, 2), T(9), T(18)]])
    done = opsbook.summarize_attendance([book])
    said = [(i.code, i.cell, i.message(lang))
            for i, lang in zip(done.report.errors, ("en", "zh"))]
    assert said == [
        ("leave-no-time", "E2", "'End' (2026-11-05 13:30) is the same moment as 'Start': the "
         "request covers no time and counts as no leave. Give the moment the leave ends."),
        ("leave-no-time", "E3", "“End”（2026-11-06 09:00）与“Start”为同一时刻：该申请不涵盖任何"
         "时间，不计为请假。请填写请假结束的时间。")]
