"""A Clock check-in at or past 24:00 — '33:00' typed, or a number of a day or more such as
1.2 (Excel shows 04:48) — is an out-of-range error at its cell, in both languages, from
validate and the summary alike: read as a time it made a late arrival of 1,440 minutes and
more and hours of overtime, silently. A check-out past midnight stays the next morning."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time


def _book(path, clock):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang Wu", "Ops"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"], *clock],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def test_a_check_in_past_midnight_is_refused_at_its_cell(tmp_path):
    book = _book(tmp_path / "clock.xlsx", [["E1", D(2026, 11, 2), "33:00", T(18)],
                                           ["E1", D(2026, 11, 3), 1.2, 0.75],
                                           ["E1", D(2026, 11, 4), 1.0, None],
                                           ["E1", D(2026, 11, 5), T(9), "25:30"]])
    done = opsbook.summarize_attendance([book])
    assert not done.computed
    errors = [(i.code, i.cell, i.message("en")) for i in done.report.errors]
    expected = ("must be a time of its own day, before 24:00 (a check-in on the next "
                "morning belongs on the next day's row)")
    assert errors == [("out-of-range", "C2", f"'Check In' {expected}, found 33:00."),
                      ("out-of-range", "C3", f"'Check In' {expected}, found 28:48."),
                      ("out-of-range", "C4", f"'Check In' {expected}, found 24:00.")]
    assert done.report.errors[0].message("zh") == (
        "“Check In”应为当天的时间，早于 24:00（次日的上班打卡应填在次日那一行），实际为 33:00。")
    said = run_cli("validate", book, "--lang", "zh")
    assert said.returncode == 1
    assert "Clock!C3  [out-of-range]" in said.stdout


def test_a_check_out_past_midnight_is_still_the_next_morning(tmp_path):
    book = _book(tmp_path / "night.xlsx", [["E1", D(2026, 11, 5), T(9), "25:30"],
                                           ["E1", D(2026, 11, 6), 0.375, 1.0625]])
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.errors
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-05", "hours_worked"] == 16.5   # 09:00 to 01:30 next morning
    assert daily.loc["2026-11-06", "hours_worked"] == 16.5   # 0.375 to 1.0625 of a day
    assert daily.loc["2026-11-06", "overtime_hours"] == 7.5  # 18:00 to 01:30
