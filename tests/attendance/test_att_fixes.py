"""Faults found by using attendance summaries as a user would, each on a real workbook."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
from quirkbooks import base, write

import opsbook

D, T, DT = dt.date, dt.time, dt.datetime
LEAVE_HEADER = ["Request ID", "Employee ID", "Leave Type", "Start", "End", "Half Day",
                "Requested On", "Approved By", "Approved On", "Status"]


def leave_row(request, employee, start, end, half=None, status="approved"):
    return [request, employee, "annual", start, end, half, D(2026, 10, 20), "E003",
            D(2026, 10, 21), status]


def findings(done, flag):
    v = done.result.violations
    return v[v["flag"] == flag]


def violation_rows(done):
    (sheet,) = [s for s in done.sheets if s.name == "Violations"]
    rows = [dict(zip(sheet.headers, row)) for row in sheet.rows]
    return [{**r, "File": Path(r["File"]).name} for r in rows]


def day(done, employee, date):
    d = done.result.daily
    return d[(d["employee_id"] == employee) & (d["date"] == pd.Timestamp(date))].iloc[0]


def test_a_morning_and_an_afternoon_request_on_one_day_do_not_overlap(tmp_path):
    sheets = base("attendance")
    sheets["Leave"] = [
        LEAVE_HEADER,
        leave_row("L1", "E001", DT(2026, 11, 4, 9), DT(2026, 11, 4, 13, 30)),
        leave_row("L2", "E001", DT(2026, 11, 4, 13, 30), DT(2026, 11, 4, 18)),
        leave_row("L3", "E002", D(2026, 11, 5), D(2026, 11, 5), half="am"),
        leave_row("L4", "E002", D(2026, 11, 5), D(2026, 11, 5), half="pm"),
        # these do overlap: a whole day and, pending, its morning
        leave_row("L5", "E003", D(2026, 11, 6), D(2026, 11, 6)),
        leave_row("L6", "E003", DT(2026, 11, 6, 9), DT(2026, 11, 6, 12), status="pending"),
        # and these: two afternoons of one day
        leave_row("L7", "E001", DT(2026, 11, 9, 14), DT(2026, 11, 9, 18)),
        leave_row("L8", "E001", DT(2026, 11, 9, 16), DT(2026, 11, 9, 18)),
    ]
    done = opsbook.summarize_attendance([write(tmp_path / "leave.xlsx", sheets)])
    assert day(done, "E001", "2026-11-04")["leave_days"] == 1.0
    assert day(done, "E002", "2026-11-05")["leave_days"] == 1.0
    found = findings(done, "leave_overlap")
    assert sorted(zip(found["request_id"], found["other"])) == [("L6", "L5"), ("L8", "L7")]


def test_clock_rows_and_an_export_keep_their_own_cells(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = [
        ["Employee ID", "Date", "Check In", "Check Out"],
        ["E001", D(2026, 11, 2), T(9, 0), T(1, 30)],   # overnight, overtime: D2
        ["E002", D(2026, 11, 2), T(9, 0), T(17, 30)],  # early exit: D3
        ["E003", D(2026, 11, 3), T(9, 0), T(18, 0)],   # its check-out comes from the export
    ]
    book = write(tmp_path / "clock.xlsx", sheets)
    export = openpyxl.Workbook()
    ws = export.active
    for row in [["工号", "打卡时间"], ["E003", DT(2026, 11, 3, 8, 55)],
                ["E003", DT(2026, 11, 3, 17, 40)], ["E003", DT(2026, 11, 4, 9, 0)]]:
        ws.append(row)
    export.save(tmp_path / "punches.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        done = opsbook.summarize_attendance([book], punches=tmp_path / "punches.xlsx")
    cells = {(r["Finding ID"], r["Employee ID"]): (r["File"], r["Sheet"], r["Cell"])
             for r in violation_rows(done)}
    assert cells[("overnight", "E001")] == ("clock.xlsx", "Clock", "D2")
    assert cells[("overtime_unapproved", "E001")] == ("clock.xlsx", "Clock", "D2")
    assert cells[("early", "E002")] == ("clock.xlsx", "Clock", "D3")
    # E003's day: check-in 08:55 from the export, check-out 18:00 from Clock row 4 — no
    # early exit; a single punch on 11-04 is at the export's cell
    assert day(done, "E003", "2026-11-03")["status"] == "present"
    assert cells[("single_punch", "E003")][0] == "punches.xlsx"
    assert cells[("single_punch", "E003")][2] == "B4"


def test_an_early_check_out_from_an_export_points_at_the_export(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = [["Employee ID", "Date", "Check In", "Check Out"],
                       ["E001", D(2026, 11, 2), T(9, 0), None]]
    book = write(tmp_path / "clock.xlsx", sheets)
    export = openpyxl.Workbook()
    ws = export.active
    for row in [["工号", "打卡时间"], ["E001", DT(2026, 11, 2, 17, 0)]]:
        ws.append(row)
    export.save(tmp_path / "punches.xlsx")
    done = opsbook.summarize_attendance([book], punches=tmp_path / "punches.xlsx")
    early = findings(done, "early")
    (row,) = [r for r in violation_rows(done) if r["Finding ID"] == "early"]
    assert len(early) == 1 and early.iloc[0]["value"] == 60
    assert (row["File"], row["Cell"]) == ("punches.xlsx", "B2")


def test_punches_outside_the_month_are_told_at_their_cell(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["Punches"] = [["Employee ID", "Punch Time"], ["E001", DT(2026, 10, 31, 9, 0)],
                         ["E001", DT(2026, 11, 2, 9, 0)], ["E001", DT(2026, 11, 2, 18, 0)]]
    done = opsbook.summarize_attendance([write(tmp_path / "punches.xlsx", sheets)])
    (issue,) = [i for i in done.report.issues if i.code == "clock-outside-month"]
    assert (issue.sheet, issue.cell) == ("Punches", "B2")


def test_settings_that_do_not_fit_together_are_sentences_in_both_languages(tmp_path):
    sheets = base("attendance")
    sheets["Settings"] += [["shift_start", T(18, 0)], ["shift_end", T(9, 0)],
                           ["work_days", "Funday"]]
    path = write(tmp_path / "settings.xlsx", sheets)
    report = opsbook.validate([path])
    for lang, stop in (("en", "."), ("zh", "。")):
        texts = [i.message(lang) for i in report.issues if i.code == "invalid-setting"]
        assert len(texts) == 2
        assert all(text.endswith(stop) for text in texts), texts


def test_a_punch_without_a_day_is_an_error_at_its_cell_before_any_summary(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["Punches"] = [["Employee ID", "Punch Time"], ["E001", DT(2026, 11, 2, 8, 58)],
                         ["E001", "18:03"], ["E002", "11-02 09:00"],
                         ["E002", "2026-11-02 09:00 18:00"]]
    path = write(tmp_path / "punches.xlsx", sheets)
    report = opsbook.validate([path])
    found = [(i.code, i.cell, i.column) for i in report.issues if i.severity == "error"]
    assert found == [("punch-without-date", "B3", "Punch Time"),
                     ("punch-without-date", "B4", "Punch Time")]
    assert "2026-11-03 08:58" in report.issues[-1].message("zh")
    done = opsbook.summarize_attendance([path])
    assert not done.computed and done.exit_code == 1


def test_a_punch_without_a_day_in_an_export_is_reported_not_dropped(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:2]
    book = write(tmp_path / "clock.xlsx", sheets)
    export = openpyxl.Workbook()
    ws = export.active
    for row in [["工号", "打卡时间"], ["E002", "2026-11-02 08:58"], ["E002", "18:03"]]:
        ws.append(row)
    export.save(tmp_path / "punches.xlsx")
    done = opsbook.summarize_attendance([book], punches=tmp_path / "punches.xlsx")
    found = [(i.code, i.cell) for i in done.report.issues if i.severity == "error"]
    assert found == [("punch-without-date", "B3")]
    assert done.exit_code == 1
    assert day(done, "E002", "2026-11-02")["flag_single_punch"]


def test_a_workbook_with_punches_instead_of_a_clock_sheet_is_summarised(tmp_path):
    sheets = base("attendance")
    del sheets["Clock"]
    sheets["打卡明细"] = [["工号", "打卡时间"], ["E001", "2026-11-02 08:58 18:03"],
                        ["E002", DT(2026, 11, 2, 9, 7)], ["E002", DT(2026, 11, 2, 18, 0)]]
    path = write(tmp_path / "punches-only.xlsx", sheets)
    assert opsbook.validate([path]).issues == []
    done = opsbook.summarize_attendance([path])
    assert done.computed and done.exit_code == 0
    assert day(done, "E002", "2026-11-02")["status"] == "late"
    assert done.headline.startswith("2026-11: 3 employees, 1 late arrival, ")


def test_a_workbook_without_clock_or_punches_sheet_is_warned_then_refused(tmp_path):
    sheets = base("attendance")
    del sheets["Clock"]
    path = write(tmp_path / "no-clock.xlsx", sheets)
    (issue,) = opsbook.validate([path], kind="attendance").issues
    assert (issue.code, issue.severity) == ("no-clock-sheet", "warning")
    assert "--punches" in issue.message("en") and "打卡明细" in issue.message("zh")
    done = opsbook.summarize_attendance([path])
    assert not done.computed
    assert "no-clock-data" in {i.code for i in done.report.issues}


def test_an_unknown_language_is_refused_before_anything_is_read(tmp_path):
    path = write(tmp_path / "clock.xlsx", base("attendance"))
    try:
        opsbook.summarize_attendance([path], lang="fr")
    except ValueError as refused:
        assert "'fr'" in str(refused)
    else:
        raise AssertionError("lang='fr' was accepted")
    assert opsbook.summarize_attendance([path], lang="zh").sheets[0].name == "每日考勤"
