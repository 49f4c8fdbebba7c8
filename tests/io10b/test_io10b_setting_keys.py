"""Settings written as people write them: a key spelt as a header is ("Late Grace
Minutes", "late-grace-minutes", "迟到宽限（分钟）") is that setting (before: an
unknown-setting warning, and the default silently used); a misspelt key is told the key it
nearly is, in both languages; keys laid out across a row, their values in the row below, are
read and located there (before: the second key was read as the first's value); keys after
a row number (序号) are read; a half said with 半 is the number it says in the setting's own
unit, and another unit stays refused at its cell."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import quirkbooks

import opsbook


def _attendance(tmp_path: Path, settings: list[list[object]], name: str = "a.xlsx") -> Path:
    sheets = quirkbooks.base("attendance")
    sheets["Settings"] = settings
    return quirkbooks.write(tmp_path / name, sheets)


@pytest.mark.parametrize("key", ["Late Grace Minutes", "late-grace-minutes",
                                 "LATE_GRACE_MINUTES:", "迟到宽限（分钟）", "遲到寬限分鐘",
                                 "迟到宽限分钟 / late_grace_minutes"])
def test_a_key_spelt_as_a_header_is_that_setting(tmp_path, key):
    path = _attendance(tmp_path, [["Key", "Value"], ["month", "2026-11"], [key, 12]])
    book = opsbook.load(path)
    assert book.settings.late_grace_minutes == 12
    assert book.settings_cells["late_grace_minutes"] == ("Settings", "B3")
    assert not [i for i in book.issues if i.code == "unknown-setting"]


def test_a_misspelt_key_is_told_the_key_it_nearly_is(tmp_path):
    path = _attendance(tmp_path, [["Key", "Value"], ["month", "2026-11"],
                                  ["late_grace_minute", 12], ["迟到宽线分钟", 15]])
    book = opsbook.load(path)
    assert book.settings.late_grace_minutes == 5  # the default, and said
    first, second = [i for i in book.issues if i.code == "unknown-setting"]
    assert (first.cell, second.cell) == ("A3", "A4")
    assert first.message("en") == (
        "Unknown setting 'late_grace_minute' is ignored. Did you mean 'late_grace_minutes' "
        "(迟到宽限分钟)?")
    assert second.message("zh") == (
        "未知的设置项“迟到宽线分钟”，已忽略。是否应为“迟到宽限分钟”（late_grace_minutes）？")


def test_a_key_like_no_setting_is_said_without_a_guess(tmp_path):
    path = _attendance(tmp_path, [["Key", "Value"], ["month", "2026-11"], ["lateness", 3]])
    (issue,) = [i for i in opsbook.load(path).issues if i.code == "unknown-setting"]
    assert issue.message("en") == "Unknown setting 'lateness' is ignored."
    assert issue.message("zh") == "未知的设置项“lateness”，已忽略。"


def test_settings_laid_out_across_are_read_and_located_below_their_keys(tmp_path):
    path = _attendance(tmp_path, [
        ["考勤规则（2026年11月）"],
        ["设置项", "考勤月份", "上班时间", "迟到宽限分钟", "早退宽限分钟"],
        ["值", "2026-11", "08:30", "30 min", "ten"],
    ])
    book = opsbook.load(path)
    assert book.settings.month == "2026-11"
    assert book.settings.shift_start == dt.time(8, 30)
    assert book.settings.late_grace_minutes == 30
    assert book.settings_cells["late_grace_minutes"] == ("Settings", "D3")
    (bad,) = [i for i in book.issues if i.code == "invalid-setting"]
    assert (bad.field, bad.cell) == ("early_grace_minutes", "E3")
    assert "cell Settings!E3 holds 'ten'" in bad.message("en")
    assert "单元格 Settings!E3 的值为“ten”" in bad.message("zh")
    assert not [i for i in book.issues if i.code == "unknown-setting"]


@pytest.mark.parametrize(("key", "typed", "read"), [
    ("late_grace_minutes", "10 min", 10),
    ("half_day_hours", "1个半小时", 1.5),
    ("half_day_hours", "3 个半小时", 3.5),
    ("late_penalty_days", "半天", 0.5),
    ("late_penalty_days", "1个半天", 1.5),
])
def test_a_half_said_with_ban_is_the_setting_s_number(tmp_path, key, typed, read):
    path = _attendance(tmp_path, [["Key", "Value"], ["month", "2026-11"], [key, typed]])
    book = opsbook.load(path)
    assert getattr(book.settings, key) == read
    assert not [i for i in book.issues if i.code == "invalid-setting"]


def test_another_unit_or_chinese_numerals_are_still_refused_at_their_cell(tmp_path):
    """A number is never read in a unit the setting does not take: 半小时 for minutes is
    refused as 4小时 is, at its cell."""
    path = _attendance(tmp_path, [["Key", "Value"], ["month", "2026-11"],
                                  ["late_grace_minutes", "半小时"],
                                  ["early_grace_minutes", "十分钟"]])
    issues = [i for i in opsbook.load(path).issues if i.code == "invalid-setting"]
    assert [(i.field, i.cell) for i in issues] == [("late_grace_minutes", "B3"),
                                                  ("early_grace_minutes", "B4")]
    assert "cell Settings!B3 holds '半小时', which is not a whole number" in \
        issues[0].message("en")


def test_thirty_minutes_of_grace_under_a_key_with_its_unit_keep_9_07_on_time(tmp_path):
    """E002 checks in at 09:07 on 2026-11-02 (shift 09:00): late by 7 minutes under the
    default 5 minutes' grace, on time under 迟到宽限（分钟） 30, as summarize computes it."""
    late = {}
    for name, grace in (("five.xlsx", None), ("half.xlsx", "30分钟")):
        rows = [["Key", "Value"], ["month", "2026-11"]]
        if grace:
            rows.append(["迟到宽限（分钟）", grace])
        daily = opsbook.summarize_attendance(_attendance(tmp_path, rows, name)).result.daily
        day = daily[(daily.employee_id == "E002")
                    & (daily.date.astype(str).str[:10] == "2026-11-02")]
        late[name] = (int(day.late.iloc[0]), float(day.late_minutes.iloc[0]))
    assert late == {"five.xlsx": (1, 7.0), "half.xlsx": (0, 0.0)}


def test_validate_on_the_command_line_says_the_near_key_in_chinese(tmp_path):
    path = _attendance(tmp_path, [["设置项", "值"], ["考勤月份", "2026-11"], ["迟到宽线分钟", 15]])
    done = subprocess.run([sys.executable, "-m", "opsbook", "validate", str(path),
                           "--lang", "zh"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert ("Settings!A3  [unknown-setting] 未知的设置项“迟到宽线分钟”，已忽略。"
            "是否应为“迟到宽限分钟”（late_grace_minutes）？") in done.stdout


def test_a_settings_sheet_with_row_numbers_reads_the_keys_after_them(tmp_path):
    path = _attendance(tmp_path, [["序号", "设置项", "值", "说明"],
                                  [1, "考勤月份", "2026-11", "考勤月份"],
                                  [2, "迟到宽限分钟", 10, "分钟"]])
    book = opsbook.load(path)
    assert (book.settings.month, book.settings.late_grace_minutes) == ("2026-11", 10)
    assert book.settings_cells == {"month": ("Settings", "C2"),
                                   "late_grace_minutes": ("Settings", "C3")}
    assert not [i for i in book.issues if i.code == "unknown-setting"]


def test_plan_status_adds_its_keys_to_a_row_of_keys_laid_across(tmp_path):
    sheets = quirkbooks.base("plan")
    sheets["Settings"] = [["year", "department", "status"], [2027, "运营部", "reviewed"]]
    path = quirkbooks.write(tmp_path / "plan.xlsx", sheets)
    done = subprocess.run([sys.executable, "-m", "opsbook", "plan", "status", str(path),
                           "--set", "final"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    book = opsbook.load(path)
    assert (book.settings.status, book.settings.version) == ("final", "2")
    assert book.settings.final_on == dt.date.today()
    assert book.settings_cells["version"] == ("Settings", "D2")
    assert book.settings_cells["final_on"] == ("Settings", "E2")
