"""Number settings typed as people type them: full-width digits, thousands separators and
the setting's own unit (10分钟, 60 min, 2次, 1天) are the numbers they say; another unit
or a percentage is refused at its cell in both languages, never read as some other
number (and '５' is never called 'not a whole number')."""

from __future__ import annotations

import datetime as dt

from quirkbooks import write

import opsbook

D, T = dt.datetime, dt.time


def _book(path, settings):
    clock = [["Employee ID", "Date", "Check In", "Check Out"],
             ["E1", D(2026, 11, 2), T(9, 10), T(18)],      # on time with 10 minutes' grace
             ["E1", D(2026, 11, 3), T(9, 11), T(18, 59)],  # 11 minutes late; 59 min: no OT
             ["E1", D(2026, 11, 4), T(9, 30), T(19)]]      # 30 minutes late; 1 h overtime
    return write(path, {"Employees": [["Employee ID", "Name", "Department"], ["E1", "A", "Ops"]],
                        "Clock": clock,
                        "Settings": [["Key", "Value"], ["month", "2026-11"], *settings]})


def test_numbers_with_their_own_unit_full_width_and_separators(tmp_path):
    book = _book(tmp_path / "units.xlsx", [
        ["late_grace_minutes", "１０分钟"], ["overtime_min_minutes", "60 min"],
        ["late_penalty_every", "2次"], ["late_penalty_days", "1天"],
        ["half_day_hours", "３.５小时"], ["absent_hours", "1,5"]])
    done = opsbook.summarize_attendance([book])
    # "1,5" is no number a person means (a comma not grouping thousands): refused at B8
    assert [(i.code, i.cell) for i in done.report.errors] == [("invalid-setting", "B8")]
    fixed = _book(tmp_path / "fixed.xlsx", [
        ["late_grace_minutes", "１０分钟"], ["overtime_min_minutes", "60 min"],
        ["late_penalty_every", "2次"], ["late_penalty_days", "1天"],
        ["half_day_hours", "３.５小时"], ["leave_notice_days", "1,000"]])
    done = opsbook.summarize_attendance([fixed])
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index("date")
    assert daily.loc["2026-11-02", "status"] == "present"
    assert daily.loc["2026-11-03", ["status", "late_minutes"]].tolist() == ["late", 11]
    assert daily.loc["2026-11-03", "overtime_hours"] == 0          # 59 minutes < 60
    assert daily.loc["2026-11-04", "overtime_hours"] == 1          # 18:00-19:00
    month = done.result.monthly.iloc[0]
    assert (month["late_count"], month["penalty_days"]) == (2, 1.0)  # 2 lates cost 1 day


def test_another_unit_or_a_percentage_is_refused_at_its_cell(tmp_path):
    book = _book(tmp_path / "wrong.xlsx", [["late_grace_minutes", "4小时"],
                                           ["half_day_hours", "50%"]])
    done = opsbook.summarize_attendance([book])
    assert not done.computed
    said = {i.cell: (i.message("en"), i.message("zh")) for i in done.report.errors}
    assert set(said) == {"B3", "B4"}
    assert said["B3"][0] == ("Setting 'late_grace_minutes': cell Settings!B3 holds '4小时', "
                             "which is not a whole number; expected a whole number of 0 or "
                             "more.")
    assert said["B4"][1].startswith("设置项“half_day_hours”（半天工时）：单元格 Settings!B4 "
                                    "的值为“50%”")


def test_a_full_width_number_is_a_whole_number(tmp_path):
    book = _book(tmp_path / "wide.xlsx", [["late_grace_minutes", "５"],
                                          ["leave_notice_days", "２"]])
    done = opsbook.summarize_attendance([book])
    assert done.computed and not done.report.errors
    assert done.result.daily.set_index("date").loc["2026-11-02", "late_minutes"] == 10
