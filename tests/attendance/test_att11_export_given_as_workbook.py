"""A punch export given to ``attendance summarize`` as a workbook (without ``--punches``) was
told as something else — a DingTalk daily report as 'a workbook for performance appraisal',
a time clock's log as a workbook without Employees, a raw record as an Employees sheet of
repeated IDs. It is now said for what it is, in both languages, with the command to give it
with, and the command exits 2 without writing anything."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from quirkbooks import daily_report, export, write

import opsbook

D = dt.date
EXPECTED_EN = ("This file holds punches (sheet '{sheet}') and no sheet of an attendance "
               "workbook (Employees, Clock, Leave …): it is a punch export. Give it with "
               "--punches, beside the workbook that lists the employees: opsbook attendance "
               "summarize WORKBOOK --punches {name} -o OUT.")


def _book(path):
    return write(path, {"员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
                        "设置": [["参数", "值"], ["month", "2026-11"]]})


def test_a_daily_report_given_as_a_workbook(tmp_path):
    report = daily_report(tmp_path / "每日统计.xlsx")
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", _book(tmp_path / "kq.xlsx"), report, "-o", out,
                   "--lang", "zh", "--quiet")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "performance appraisal" not in done.stdout and "wrong-kind" not in done.stdout
    assert ("[punch-export-as-workbook] 该文件含打卡数据（工作表“Sheet”），"
            "但没有考勤工作簿的工作表（员工、打卡记录、请假等）：这是打卡导出文件。"
            "请用 --punches 指定它，并同时给出列有员工的考勤工作簿："
            "opsbook attendance summarize 工作簿 --punches 每日统计.xlsx -o 输出文件。"
            ) in done.stdout
    assert not out.exists()


def test_a_time_clock_log_and_a_raw_record_given_as_workbooks(tmp_path):
    log = export(tmp_path / "zk.xlsx", [["AC-No.", "Name", "Date/Time", "Status"],
                                        [1001, "王五", "2026-11-02 09:00", "C/In"]])
    raw = export(tmp_path / "raw.xlsx", [
        ["原始记录"], ["姓名", "部门", "工号", "考勤日期", "打卡时间", "打卡结果"],
        ["王五", "运营部", "1001", "2026-11-02", "2026-11-02 09:00", "正常"],
        ["王五", "运营部", "1001", "2026-11-02", "2026-11-02 18:00", "正常"]])
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx"), log, raw], lang="en")
    assert not done.computed
    said = [(i.code, i.file, i.message("en")) for i in done.report.errors]
    assert said == [
        ("punch-export-as-workbook", str(log), EXPECTED_EN.format(sheet="Sheet", name="zk.xlsx")),
        ("punch-export-as-workbook", str(raw), EXPECTED_EN.format(sheet="Sheet", name="raw.xlsx"))]
    assert done.report.exit_code == 2
    # given as they should be, the same files are read
    given = opsbook.summarize_attendance([_book(tmp_path / "kq2.xlsx")], punches=[raw])
    assert given.computed
    row = given.result.daily.set_index("date").loc["2026-11-02"]
    assert (row["status"], row["hours_worked"]) == ("present", 9.0)


def test_a_workbook_missing_its_employees_is_still_told_so(tmp_path):
    """A workbook with a Clock sheet and Punches but no Employees sheet is a workbook with a
    sheet missing, not an export."""
    book = write(tmp_path / "kq.xlsx", {
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["1001", D(2026, 11, 2), dt.time(9), dt.time(18)]],
        "Punches": [["Employee ID", "Punch Time"], ["1001", "2026-11-03 09:00 18:00"]]})
    done = opsbook.summarize_attendance([book], lang="en")
    assert [i.code for i in done.report.errors] == ["missing-sheet"]


def test_a_workbook_of_unnamed_sheets_with_an_error_is_no_export(tmp_path):
    """Sheets named Sheet1 and Sheet2, found by their headers (an Employees sheet and a
    Punches sheet), with a mistake in a cell: the mistake is told, not an export."""
    book = write(tmp_path / "kq.xlsx", {
        "Sheet1": [["Employee ID", "Name", "Department"], ["1001", "王五", "运营部"],
                   ["1001", "赵六", "运营部"]],
        "Sheet2": [["Employee ID", "Punch Time"], ["1001", "2026-11-03 09:00 18:00"]]})
    done = opsbook.summarize_attendance([book], lang="en")
    assert [(i.code, i.sheet, i.cell) for i in done.report.errors] == [
        ("duplicate-key", "Sheet1", "A3")]
