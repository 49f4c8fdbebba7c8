"""Punch exports as machines and apps write them, as real files, summarised with a workbook."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from quirkbooks import base, write

import opsbook

D, T, DT = dt.date, dt.time, dt.datetime


@pytest.fixture
def workbook(tmp_path):
    """The base attendance workbook without clock rows: employees E001 张伟, E002 李娜,
    E003 Alice Chen; 2026-11."""
    sheets = base("attendance")
    sheets["Employees"] += [["1004", "王芳", "销售部"], ["E005", "王芳", "财务部"]]
    sheets["Clock"] = sheets["Clock"][:1]
    return write(tmp_path / "attendance.xlsx", sheets)


def export(path, rows, merged=()):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    for ref in merged:
        ws.merge_cells(ref)
    book.save(path)
    return path


def daily(done, employee, day):
    frame = done.result.daily
    row = frame[(frame["employee_id"] == employee) & (frame["date"] == pd.Timestamp(day))]
    return row.iloc[0]


def hm(seconds):
    return f"{int(seconds // 3600):02d}:{int(seconds % 3600 // 60):02d}"


def test_time_clock_log_with_numeric_ids(workbook, tmp_path):
    """ZKTeco-style: numeric user id (1004 typed as a number, the workbook has text "1004"),
    one date-time column, status and verify codes; a punch after midnight closes the day."""
    log = export(tmp_path / "attlog.xlsx", [
        ["No.", "User ID", "Name", "Date/Time", "Status", "Verify Type"],
        [1, 1004, "Wang", DT(2026, 11, 2, 8, 58), 0, 1],
        [2, 1004, "Wang", DT(2026, 11, 2, 12, 1), 1, 1],
        [3, 1004, "Wang", DT(2026, 11, 3, 1, 30), 1, 1],
        [4, 1004, "Wang", DT(2026, 11, 3, 9, 12), 0, 15],
        [5, "0001004", "Wang", DT(2026, 11, 4, 8, 59), 0, 1],
        [6, 1004.0, "Wang", DT(2026, 11, 4, 18, 0), 1, 1],
    ])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert done.computed, done.report.issues
    row = daily(done, "1004", "2026-11-02")
    assert (hm(row["check_in"]), hm(row["check_out"]), row["status"]) == ("08:58", "25:30",
                                                                          "present")
    assert row["overtime_unapproved"] == 7.5
    single = daily(done, "1004", "2026-11-03")
    assert (single["status"], single["late_minutes"], bool(single["flag_single_punch"])) == (
        "late", 12, True)
    (finding,) = done.result.violations.query("flag == 'single_punch'").itertuples()
    assert finding.row == 5
    padded = daily(done, "1004", "2026-11-04")  # "0001004" and 1004.0 are 1004
    assert (hm(padded["check_in"]), hm(padded["check_out"])) == ("08:59", "18:00")


def test_dingtalk_raw_records(workbook, tmp_path):
    log = export(tmp_path / "原始记录.xlsx", [
        ["原始记录 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "部门", "工号", "UserId", "考勤日期", "考勤时间", "打卡时间", "打卡结果",
         "打卡地址", "打卡设备", "备注"],
        ["张伟", "运营部", "E001", "0123", "2026-11-02", "09:00", "2026-11-02 08:57", "正常",
         "总部", "iPhone", ""],
        ["张伟", "运营部", "E001", "0123", "2026-11-02", "18:00", "2026-11-03 00:40", "正常",
         "总部", "iPhone", ""],
        ["李娜", "市场部", "E002", "0456", "2026-11-02", "09:00", "2026-11-02 09:20", "迟到",
         "总部", "iPhone", ""],
        ["李娜", "市场部", "E002", "0456", "2026-11-02", "18:00", "2026-11-02 18:01", "正常",
         "总部", "iPhone", ""],
    ])
    done = opsbook.summarize_attendance([workbook], punches=log)
    first, second = daily(done, "E001", "2026-11-02"), daily(done, "E002", "2026-11-02")
    assert (hm(first["check_in"]), hm(first["check_out"])) == ("08:57", "24:40")
    assert (second["status"], second["late_minutes"]) == ("late", 20)
    late = done.result.violations.query("flag == 'late'")
    assert list(late["row"]) == [5]


def test_dingtalk_daily_report_with_two_header_rows(workbook, tmp_path):
    header = ["姓名", "部门", "工号", "日期", "上班1", None, "下班1", None, "上班2", None,
              "下班2", None]
    sub = [None, None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果", "打卡时间",
           "打卡结果", "打卡时间", "打卡结果"]
    log = export(tmp_path / "每日统计.xlsx", [
        ["每日统计 统计日期：2026-11-01 至 2026-11-30"],
        ["报表生成时间：2026-12-01 10:00"],
        header, sub,
        ["张伟", "运营部", "E001", "26-11-02 星期一", "08:58", "正常", "12:01", "正常",
         "13:00", "正常", "次日 01:30", "正常"],
        ["李娜", "市场部", "E002", "26-11-02 星期一", "上午 9:10", "迟到", "", "缺卡", "",
         "", "下午 6:03", "正常"],
        ["Alice Chen", "销售部", "E003", "26-11-02 星期一", "08:58 12:01", "正常", "", "",
         "", "", "17:30", "早退"],
    ], merged=["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:H3", "I3:J3", "K3:L3"])
    done = opsbook.summarize_attendance([workbook], punches=log)
    rows = [daily(done, e, "2026-11-02") for e in ("E001", "E002", "E003")]
    assert [(hm(r["check_in"]), hm(r["check_out"])) for r in rows] == [
        ("08:58", "25:30"), ("09:10", "18:03"), ("08:58", "17:30")]
    assert [r["status"] for r in rows] == ["present", "late", "early"]
    assert not rows[0]["flag_overnight"]  # 次日 says so: no mistyped time to show


def test_names_that_match_no_one_or_several_are_located_errors(workbook, tmp_path):
    log = export(tmp_path / "names.xlsx", [
        ["姓名", "日期", "打卡时间"],
        ["张伟", D(2026, 11, 2), "08:58 12:01 18:03"],
        ["王芳", D(2026, 11, 2), "09:00"],
        ["赵六", D(2026, 11, 2), "09:01"],
        ["李娜", D(2026, 11, 2), "9:0x"],
    ])
    done = opsbook.summarize_attendance([workbook], punches=log)
    found = {(i.code, i.cell, i.value) for i in done.report.issues if i.file == str(log)}
    assert found == {("ambiguous-punch-name", "A3", "王芳"), ("unknown-punch-name", "A4", "赵六"),
                     ("type-error", "C5", "9:0x")}
    assert done.exit_code == 1
    row = daily(done, "E001", "2026-11-02")
    assert (hm(row["check_in"]), hm(row["check_out"])) == ("08:58", "18:03")


def test_punches_sheet_in_the_workbook(tmp_path):
    sheets = base("attendance")
    sheets["Clock"] = sheets["Clock"][:1]
    sheets["打卡明细"] = [["工号", "姓名", "打卡时间"],
                        ["E001", "张伟", DT(2026, 11, 2, 8, 50)],
                        ["E001", "张伟", DT(2026, 11, 2, 18, 40)],
                        ["E002", "李娜", "2026-11-02 上午 9:07"]]
    path = write(tmp_path / "punches.xlsx", sheets)
    done = opsbook.summarize_attendance([path])
    assert done.computed, done.report.issues
    row = daily(done, "E001", "2026-11-02")
    assert (hm(row["check_in"]), hm(row["check_out"]), row["overtime_unapproved"]) == (
        "08:50", "18:40", pytest.approx(40 / 60))
    unapproved = done.result.violations.query("flag == 'overtime_unapproved'")
    sheet = next(s for s in done.sheets if s.name == "Violations")
    at = sheet.headers.index("Cell")
    assert [r[at] for r in sheet.rows if r[sheet.headers.index("Finding ID")]
            == "overtime_unapproved"] == ["C3"]
    assert len(unapproved) == 1


def test_export_without_punch_columns(workbook, tmp_path):
    log = export(tmp_path / "other.xlsx", [["项目", "金额"], ["A", 1]])
    done = opsbook.summarize_attendance([workbook], punches=log)
    assert [i.code for i in done.report.issues if i.file == str(log)] == ["no-punch-columns"]


@pytest.mark.parametrize("cell", ["2026-11-03 08:58 12:01 18:03", "2026-11-03 08:58, 18:03",
                                  "2026/11/3 上午 8:58\n下午 6:03"])
def test_times_after_a_date_in_one_cell_are_of_that_day(cell):
    from opsbook.attendance.punch_cells import parse_punches

    punches = parse_punches(cell)
    assert {day for day, _ in punches} == {pd.Timestamp(2026, 11, 3)}
    assert (punches[0][1], punches[-1][1]) == (8 * 3600 + 58 * 60, 18 * 3600 + 3 * 60)
