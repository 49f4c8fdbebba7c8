"""A finding from a DingTalk daily report points at the cell its time was read from: the
check-out of a day with two shifts is 下班2's cell, and a check-in read from 下班1 (上班1
缺卡) is that cell. Before, every check-in was located at 上班1 and every check-out at
下班1, whichever column held the time."""

from __future__ import annotations

from quirkbooks import export, write

import opsbook

COLUMNS = ["date", "employee_id", "name", "department", "finding", "flag", "detail",
           "request_id", "sheet_name", "cell", "file"]


def _found(done) -> dict[tuple[str, str], dict]:
    """(employee, flag) → the Violations row (written sheet), days with no clock left out."""
    rows = [dict(zip(COLUMNS, row)) for row in done.sheets[3].rows]
    return {(r["employee_id"], r["flag"]): r for r in rows if r["flag"] != "absent"}


def test_report_times_are_located_at_their_own_columns(tmp_path):
    book = write(tmp_path / "staff.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"], ["1002", "李四", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    # columns: A 姓名, B 工号, C 日期, D/E 上班1, F/G 下班1, H/I 上班2, J/K 下班2 (time, result)
    report = export(tmp_path / "daily.xlsx", [
        ["每日统计 统计日期：2026-11-01 至 2026-11-30"],
        ["姓名", "工号", "日期", "上班1", None, "下班1", None, "上班2", None, "下班2", None],
        [None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果", "打卡时间", "打卡结果",
         "打卡时间", "打卡结果"],
        # 王五: 08:58 … 21:00 in 下班2 (3 h past 18:00, not approved) → J4
        ["王五", "1001", "26-11-02 星期一", "08:58", "正常", "12:00", "正常", "13:00", "正常",
         "21:00", "正常"],
        # 李四: no 上班1, first punch 09:40 in 下班1 (late) → F5; last 17:00 in 上班2 → H5
        ["李四", "1002", "26-11-02 星期一", None, "缺卡", "09:40", "正常", "17:00", "正常",
         None, "缺卡"]])
    done = opsbook.summarize_attendance([book], punches=[report], lang="en")
    assert done.computed, done.report.issues
    found = _found(done)
    assert found[("1001", "overtime_unapproved")]["cell"] == "J4"
    assert found[("1001", "overtime_unapproved")]["detail"] == "3.00 h"
    assert found[("1002", "late")]["cell"] == "F5"
    assert found[("1002", "late")]["detail"] == "40 min late"
    assert found[("1002", "early")]["cell"] == "H5"
    assert found[("1002", "early")]["detail"] == "60 min early"
    assert {r["sheet_name"] for r in found.values()} == {"Sheet"}


def test_a_single_punch_points_at_the_missing_cell(tmp_path):
    book = write(tmp_path / "staff.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    report = export(tmp_path / "daily.xlsx", [
        ["姓名", "工号", "日期", "上班1", None, "下班1", None],
        [None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果"],
        ["王五", "1001", "26-11-02 星期一", "08:58", "正常", None, "缺卡"],   # no check-out: F3
        ["王五", "1001", "26-11-03 星期二", None, "缺卡", "18:02", "正常"]])  # no check-in: D4
    done = opsbook.summarize_attendance([book], punches=[report], lang="en")
    assert done.computed, done.report.issues
    single = sorted((str(r[0])[:10], r[9]) for r in done.sheets[3].rows
                    if r[5] == "single_punch")
    assert single == [("2026-11-02", "F3"), ("2026-11-03", "D4")]


def test_the_punches_sheet_with_columns_before_the_time(tmp_path):
    """The workbook's own Punches sheet read against its spec: a finding is at the Punch Time
    column as the sheet has it (here D, after Name and Date), not at a column of the table
    as read."""
    book = write(tmp_path / "punches.xlsx", {
        "Employees": [["Employee ID", "Name", "Department"], ["E1", "Wang", "Ops"]],
        "Punches": [["Name", "Employee ID", "Date", "Punch Time"],
                    ["Wang", "E1", "2026-11-02", "09:20"],
                    ["Wang", "E1", "2026-11-02", "18:00"]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})
    done = opsbook.summarize_attendance([book])
    assert done.computed, done.report.issues
    late = _found(done)[("E1", "late")]
    assert (late["sheet_name"], late["cell"]) == ("Punches", "D2")


def test_rows_outside_the_month_are_one_note_for_the_report(tmp_path):
    """Times of one report read from several columns are still one sheet: its rows outside
    the month are one ``clock-outside-month`` warning, not one per column."""
    book = write(tmp_path / "staff.xlsx", {
        "员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
        "设置": [["参数", "值"], ["month", "2026-11"]]})
    report = export(tmp_path / "daily.xlsx", [
        ["姓名", "工号", "日期", "上班1", None, "下班1", None, "上班2", None, "下班2", None],
        [None, None, None, "打卡时间", "打卡结果", "打卡时间", "打卡结果", "打卡时间", "打卡结果",
         "打卡时间", "打卡结果"],
        ["王五", "1001", "26-10-30 星期五", None, "缺卡", "09:00", "正常", None, None,
         "19:00", "正常"],
        ["王五", "1001", "26-10-31 星期六", "09:00", "正常", None, None, None, None,
         "18:00", "正常"],
        ["王五", "1001", "26-11-02 星期一", "09:00", "正常", "18:00", "正常", None, None,
         None, None]])
    done = opsbook.summarize_attendance([book], punches=[report], lang="en")
    assert done.computed, done.report.issues
    outside = [i for i in done.report.issues if i.code == "clock-outside-month"]
    assert len(outside) == 1
    assert (outside[0].sheet, outside[0].cell, outside[0].value) == ("Sheet", "C3", 2)
