"""Settings refusals said as what they are: a night shift (shift_start 22:00, shift_end
06:00) is refused at the shift_end cell saying in both languages that a shift past midnight
cannot be set — the message named only the order of the two times, as if it were a typing
slip — and the summary is not written (exit 1); an absence threshold longer than the shift
is one error, not an error and a warning at the same cell."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from quirkbooks import write

import opsbook

D, T = dt.date, dt.time


def book(path):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", D(2026, 11, 2), T(22, 0), T(6, 0)]],
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["shift_start", T(22, 0)],
                     ["shift_end", T(6, 0)]]})


def test_a_shift_past_midnight_is_refused_in_words_at_its_cell(tmp_path):
    source = book(tmp_path / "night.xlsx")
    done = opsbook.summarize_attendance([source])
    assert not done.computed
    [error] = done.report.errors
    assert (error.code, error.sheet, error.cell) == ("invalid-setting", "Settings", "B4")
    assert error.message("en") == (
        "Setting 'shift_end': must be after shift_start (22:00); a shift running past "
        "midnight cannot be set (a check-out after midnight is read as the next morning "
        "and its hours past shift_end as overtime).")
    assert error.message("zh") == (
        "设置项“shift_end”（下班时间）：下班时间必须晚于上班时间（22:00）；不支持跨午夜的班次"
        "（午夜后的下班打卡按次日计，超出下班时间的部分计为加班）。")
    out = tmp_path / "summary.xlsx"
    said = run_cli("attendance", "summarize", source, "-o", out, "--lang", "zh")
    assert said.returncode == 1
    assert "不支持跨午夜的班次" in said.stdout + said.stderr
    assert not out.exists()


def test_an_absence_threshold_longer_than_the_shift_is_said_once(tmp_path):
    """absent_hours 10 on a 9-hour shift is one error at its cell; the warning that it is
    above half_day_hours (no day could be a half day) was said at the same cell as well."""
    source = write(tmp_path / "thresholds.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", D(2026, 11, 2), T(9, 0), T(18, 0)]],
        "Settings": [["Key", "Value"], ["month", "2026-11"], ["absent_hours", 10]]})
    report = opsbook.validate(source)
    assert [(i.severity, i.code, i.cell) for i in report.issues] == [
        ("error", "invalid-setting", "B3")]
    assert report.issues[0].message("en") == (
        "Setting 'absent_hours': must not be more than the shift's 9 hours (09:00–18:00): a "
        "whole shift worked would be an absence.")
