"""A status date typed with a time of day: the day is used (the whole of it elapsed) and the
time is said to be unused, at the setting's cell, in both languages — never dropped silently."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pytest
from conftest import run_cli
from trackers import D, project, task, tracker

import opsbook

TIMED = "status-date-time"


def _tracker(tmp_path, value, lang="en", name="timed.xlsx"):
    """One project, one task Mon 2 – Fri 13 November (10 working days, 1,000), its
    status_date cell set to ``value`` as a real cell (a date-time, a serial, a text)."""
    path = tracker(tmp_path / name, [project()],
                   [task("1", D(2026, 11, 2), D(2026, 11, 13), 1000, 0.5, 400)], lang=lang,
                   status_date=D(2026, 11, 4))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[-1]
    (cell,) = [r[1] for r in sheet.iter_rows() if r[0].value == "status_date"]
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    book.save(path)
    return path, f"{cell.column_letter}{cell.row}"


def _timed(issues) -> list:
    return [i for i in issues if i.code == TIMED]


@pytest.mark.parametrize("value, shown", [
    (dt.datetime(2026, 11, 4, 14, 30), "14:30"),  # a date-time cell, as =NOW() gives
    (46330.75, "18:00"),  # the serial of 2026-11-04 18:00
    ("2026-11-04 14:30:15", "14:30:15"),  # text, seconds kept in the note
    ("2026/11/4 下午2点", "14:00"),
    ("2026年11月4日14:30", "14:30"),
    ("2026-11-04 24:00", "24:00"),  # the 4th as typed, not the 5th the hour runs into
])
def test_a_time_of_day_is_said_at_the_setting_and_the_day_used(tmp_path, value, shown):
    """PV as of the end of Wed 4 November: 3 of 10 working days, 300 — not 2.5 days (the
    time) nor 200 (the day before)."""
    path, cell = _tracker(tmp_path, value)
    (note,) = _timed(opsbook.validate(path).issues)
    assert (note.severity, note.sheet, note.cell, note.field) == ("info", "Settings", cell,
                                                                  "status_date")
    assert note.message("en") == (
        f"The status date 2026-11-04 is given with a time of day ({shown}), which is not "
        "used: the status is taken as of the end of 2026-11-04, the whole day counted as "
        "elapsed; give the date alone (=TODAY(), not =NOW()) to be rid of this note.")
    assert note.message("zh") == (
        f"状态日期 2026-11-04 带有时刻（{shown}），时刻不参与计算：按 2026-11-04 当天结束时"
        "计算，当天整日计为已过去；只填写日期（公式用 =TODAY()，不用 =NOW()）即可不再提示。")
    done = opsbook.project_status([path])
    assert len(_timed(done.report.issues)) == 1  # said once, not again by the computation
    row = done.result.status.iloc[0]
    assert row["pv"] == pytest.approx(300.0) and row["ev"] == pytest.approx(500.0)
    assert done.report.valid


@pytest.mark.parametrize("value", [dt.datetime(2026, 11, 4), D(2026, 11, 4), 46330,
                                   "2026-11-04", "2026-11-04 00:00"])
def test_a_day_alone_or_midnight_has_no_note(tmp_path, value):
    path, _ = _tracker(tmp_path, value)
    assert not _timed(opsbook.validate(path).issues)


def test_the_note_in_a_chinese_tracker_and_through_calculate(tmp_path):
    path, cell = _tracker(tmp_path, dt.datetime(2026, 11, 4, 9, 5), lang="zh")
    done = run_cli("calculate", path, "-o", tmp_path / "out.xlsx")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"设置!{cell}  [{TIMED}] 状态日期 2026-11-04 带有时刻（09:05）" in done.stdout
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["项目状态"]["F3"].value == \
        pytest.approx(300.0)


def test_as_of_wins_and_the_settings_note_goes(tmp_path):
    """--as-of replaces the Settings date, so the note on its time would say a date that is
    not used: it is dropped."""
    path, _ = _tracker(tmp_path, dt.datetime(2026, 11, 4, 14, 30))
    done = run_cli("project", "status", path, "--as-of", "2026-11-06", "-o",
                   tmp_path / "status.xlsx")
    assert done.returncode == 0, done.stdout + done.stderr
    assert TIMED not in done.stdout
    assert "as of 2026-11-06 (given for this run)" in done.stdout


@pytest.mark.parametrize("as_of", [dt.datetime(2026, 11, 4, 14, 30),
                                   np.datetime64("2026-11-04T14:30")])
def test_a_python_as_of_with_a_time_is_said(tmp_path, as_of):
    path, _ = _tracker(tmp_path, D(2026, 11, 9))
    done = opsbook.project_status([path], as_of=as_of)
    (note,) = _timed(done.report.issues)
    assert (note.severity, note.file, note.field) == ("info", None, "as_of")
    assert "(14:30), which is not used" in note.message("en")
    assert "带有时刻（14:30）" in note.message("zh")
    assert done.result.status.iloc[0]["pv"] == pytest.approx(300.0)
    assert not _timed(opsbook.project_status([path], as_of=dt.datetime(2026, 11, 4))
                      .report.issues)


def test_a_time_on_the_command_line_is_refused_in_both_languages(tmp_path):
    path, _ = _tracker(tmp_path, D(2026, 11, 4))
    done = run_cli("project", "status", path, "--as-of", "2026-11-04 14:30", "-o",
                   tmp_path / "status.xlsx")
    assert done.returncode == 2
    assert "--as-of must be a date written YYYY-MM-DD" in done.stderr
    assert "--as-of 应为日期，写作 YYYY-MM-DD" in done.stderr
    assert not (tmp_path / "status.xlsx").exists()
