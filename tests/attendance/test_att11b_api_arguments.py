"""``opsbook.summarize_attendance`` called as the README shows it: punch exports given as
something other than paths are refused in words in both languages before any file is read
(a number was a TypeError from inside); exports given as a generator are read (the
generator was used up recording them in the manifest's settings, and no punch was read); an
empty export path is no file, not the current folder; a month given as a numpy datetime64
or a pandas Period is its month (they were refused), a missing one (NaT) refused."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from quirkbooks import write

import opsbook
from opsbook.api.common import Refused

D, T = dt.date, dt.time


def workbook(path):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def export(path):
    """A time clock's log: E001 in at 09:07 and out at 18:20 on Monday 2 November 2026."""
    return write(path, {"Log": [["Employee ID", "Punch Time"],
                                ["E001", dt.datetime(2026, 11, 2, 9, 7)],
                                ["E001", dt.datetime(2026, 11, 2, 18, 20)]]})


@pytest.mark.parametrize("punches, what", [(5, "int"), ([None], "NoneType")])
def test_punches_that_are_not_paths_are_refused_in_both_languages(tmp_path, punches, what):
    with pytest.raises(Refused) as refused:
        opsbook.summarize_attendance([workbook(tmp_path / "att.xlsx")], punches=punches)
    assert str(refused.value).startswith("summarize_attendance takes the punch exports' paths")
    assert f"got {what}: give the file" in str(refused.value)
    assert refused.value.zh.startswith("summarize_attendance 需要打卡导出文件的路径")
    assert f"当前为 {what}：请传入文件路径" in refused.value.zh


def test_punches_given_as_a_generator_are_read(tmp_path):
    source = workbook(tmp_path / "att.xlsx")
    log = export(tmp_path / "log.xlsx")
    done = opsbook.summarize_attendance([source], punches=(p for p in [log]))
    assert done.computed, [i.code for i in done.report.issues]
    day = done.result.daily.set_index(["employee_id", "date"]).loc[
        ("E001", dt.datetime(2026, 11, 2))]
    # 2 minutes past the grace: late 7 minutes from 09:00; 9 h 13 min worked
    assert (day["status"], day["late_minutes"], round(day["hours_worked"] * 60)) == (
        "late", 7, 553)


def test_an_empty_punch_path_is_no_file_not_this_folder(tmp_path, monkeypatch):
    """An unset variable given as the export ("$EXPORT"): file-not-found, in both
    languages, as an empty workbook path is — it was read as the current folder ('a
    folder')."""
    source = workbook(tmp_path / "att.xlsx")
    export(tmp_path / "log.xlsx")  # the current folder holds an export: never read
    monkeypatch.chdir(tmp_path)
    done = opsbook.summarize_attendance([source], punches="")
    assert not done.computed
    [error] = done.report.errors
    assert (error.code, error.file) == ("file-not-found", '""')
    assert error.message("en") == "File not found: an empty path names no file."
    assert error.message("zh") == "找不到文件：空路径不指向任何文件。"


@pytest.mark.parametrize("month", [np.datetime64("2026-11-05"), pd.Period("2026-11", "M"),
                                   pd.Timestamp("2026-11-30 18:00")])
def test_a_month_taken_from_a_frame_is_its_month(tmp_path, month):
    """A numpy datetime64 or a pandas Period (as a frame's values give them) is the month it
    falls in, as a date is; they were refused as not written YYYY-MM."""
    source = workbook(tmp_path / "att.xlsx")
    done = opsbook.summarize_attendance([source], month=month,
                                        punches=[export(tmp_path / "log.xlsx")])
    assert done.computed
    assert done.result.months == ["2026-11"]


@pytest.mark.parametrize("month", [np.datetime64("NaT"), pd.NaT])
def test_a_missing_month_value_is_refused_in_both_languages(tmp_path, month):
    with pytest.raises(Refused) as refused:
        opsbook.summarize_attendance([workbook(tmp_path / "att.xlsx")], month=month)
    assert str(refused.value) == "--month must be written YYYY-MM, e.g. 2026-11 (got NaT)"
    assert refused.value.zh == "--month 应写作 YYYY-MM，例如 2026-11 或 2026年11月（当前为“NaT”）。"
