"""Punches of one day held by several logs — two time clocks at two doors exported apart,
exports of overlapping periods, the workbook's Punches sheet beside an export — are one
day's punches: the first of them all is the check-in and the last the check-out, a punch in
two files is one punch, and no ``duplicate_clock`` finding is made of them (each log's
punches were made a clock row of their own, and every day with punches in two logs was an
extra clock row on the Violations sheet)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from conftest import run_cli
from quirkbooks import export, write

import opsbook

D, T = dt.date, dt.time
ZK = ["AC-No.", "Name", "Date/Time", "Status"]


def _book(path, punches=None):
    sheets = {"Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
              "Settings": [["Key", "Value"], ["month", "2026-11"]]}
    if punches:
        sheets["Punches"] = [["Employee ID", "Punch Time"], *punches]
    return write(path, sheets)


def _rows(path, sheet):
    rows = list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[1], r)) for r in rows[2:]]


def test_two_doors_exported_apart_are_one_day(tmp_path):
    book = _book(tmp_path / "kq.xlsx")
    door1 = export(tmp_path / "door1.xlsx", [
        ZK, ["E001", "张伟", "2026-11-02 08:59", "C/In"],
        ["E001", "张伟", "2026-11-03 09:07", "C/In"]])
    door2 = export(tmp_path / "door2.xlsx", [
        ZK, ["E001", "张伟", "2026-11-02 17:50", "C/Out"],
        ["E001", "张伟", "2026-11-03 18:05", "C/Out"],
        ["E001", "张伟", "2026-11-03 09:07:30", "C/In"]])  # 30 s after door 1's: one punch
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", book, "--punches", door1, "--punches", door2,
                   "-o", out, "--quiet", "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    daily = {str(r["Date"])[:10]: r for r in _rows(out, "Daily")}
    # 08:59 at door 1, 17:50 at door 2: 8 h 51 min, 10 minutes early
    assert (daily["2026-11-02"]["Status ID"], daily["2026-11-02"]["Early Minutes"]) == (
        "early", 10)
    assert daily["2026-11-02"]["Hours Worked"] == 8 + 51 / 60
    assert (daily["2026-11-03"]["Status ID"], daily["2026-11-03"]["Late Minutes"]) == ("late", 7)
    assert daily["2026-11-02"]["Flags"] == "early exit"  # not "several clock rows for the day"
    found = [(str(r["Date"])[:10], r["Finding ID"], r["Cell"], Path(r["File"]).name)
             for r in _rows(out, "Violations") if r["Finding ID"] != "absent"]
    assert found == [("2026-11-02", "early", "C2", "door2.xlsx"),
                     ("2026-11-03", "late", "C3", "door1.xlsx")]
    (monthly,) = _rows(out, "Monthly")
    assert monthly["Violations"] == 2 + 19  # early, late and the 19 days absent


def test_exports_of_overlapping_periods_and_the_punches_sheet(tmp_path):
    """The same punches in the workbook's Punches sheet and in two exports, whose periods
    overlap on 3 November: the days as one log would give them, no finding."""
    book = _book(tmp_path / "kq.xlsx", [["E001", "2026-11-02 09:00"],
                                        ["E001", "2026-11-02 18:00"]])
    first = export(tmp_path / "1-3.xlsx", [
        ZK, *(["E001", "张伟", f"2026-11-0{day} {time}", "C/In"]
              for day in (2, 3) for time in ("09:00", "18:00"))])
    second = export(tmp_path / "3-4.xlsx", [
        ZK, *(["E001", "张伟", f"2026-11-0{day} {time}", "C/In"]
              for day in (3, 4) for time in ("09:00", "18:00"))])
    done = opsbook.summarize_attendance([book], punches=[first, second], lang="en")
    assert done.computed, done.report.issues
    daily = done.result.daily.set_index("date")
    days = daily.loc["2026-11-02":"2026-11-04"]
    assert days["status"].tolist() == ["present"] * 3
    assert days["hours_worked"].tolist() == [9.0] * 3
    assert not days["flag_duplicate_clock"].any()
    assert set(done.result.violations["flag"]) == {"absent"}
    assert done.result.monthly.loc[0, "violations"] == 21 - 3


def test_a_single_punch_at_each_door_is_a_whole_day(tmp_path):
    """Door 1 has 08:58 only, door 2 has 18:02 only: a check-in and a check-out, not two
    single punches."""
    book = _book(tmp_path / "kq.xlsx")
    door1 = export(tmp_path / "a.xlsx", [ZK, ["E001", "张伟", "2026-11-02 08:58", "0"]])
    door2 = export(tmp_path / "b.xlsx", [ZK, ["E001", "张伟", "2026-11-02 18:02", "1"]])
    done = opsbook.summarize_attendance([book], punches=[door2, door1], lang="zh")
    row = done.result.daily.set_index("date").loc["2026-11-02"]
    assert (row["status"], row["check_in"], row["check_out"]) == (
        "present", 8 * 3600 + 58 * 60, 18 * 3600 + 2 * 60)
    assert not row["flag_single_punch"] and not row["flag_duplicate_clock"]
