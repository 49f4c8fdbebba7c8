"""Punch rows that name no employee. An export whose 姓名/工号 cells are merged down over each
employee's day rows (as exports tidied for reading are) gave only the first row an employee,
and the punches of the other rows were dropped in silence — the days absent. Merged cells
are now each row's, as in the workbook's own sheets; and a row with a punch but neither ID
nor name is an error at its cell (``punch-without-employee``), from ``validate`` for the
Punches sheet and from the summary for an export, never a punch left out unsaid."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from quirkbooks import export, write

import opsbook


def _book(path, punches=None):
    sheets = {"员工": [["工号", "姓名", "部门"], ["1001", "王五", "运营部"]],
              "设置": [["参数", "值"], ["month", "2026-11"]]}
    if punches:
        sheets["打卡明细"] = [["工号", "打卡时间"], *punches]
    return write(path, sheets)


def test_names_merged_down_over_the_days(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "每日统计"
    for row in (["每日统计 统计日期：2026-11-02 至 2026-11-04"],
                ["姓名", "部门", "工号", "日期", "上班1", None, "下班1", None],
                [None] * 4 + ["打卡时间", "打卡结果"] * 2,
                ["王五", "运营部", "1001", "26-11-02 星期一", "09:00", "正常", "18:00", "正常"],
                [None, None, None, "26-11-03 星期二", "09:10", "迟到", "18:00", "正常"],
                [None, None, None, "26-11-04 星期三", "09:00", "正常", "17:00", "早退"]):
        sheet.append(row)
    for ref in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2", "A4:A6", "B4:B6",
                "C4:C6"):
        sheet.merge_cells(ref)
    report = tmp_path / "merged.xlsx"
    book.save(report)
    done = opsbook.summarize_attendance([_book(tmp_path / "kq.xlsx")], punches=[report])
    assert done.computed and not done.report.errors
    days = done.result.daily.set_index("date").loc["2026-11-02":"2026-11-04"]
    assert days["status"].tolist() == ["present", "late", "early"]
    assert days["late_minutes"].tolist() == [0, 10, 0]
    assert days["early_minutes"].tolist() == [0, 0, 60]
    late = done.result.violations.query("flag == 'late'").iloc[0]
    assert (late["sheet"], late["row"]) == ("Punches", 5)


def test_an_export_row_without_employee_is_said(tmp_path):
    punches = export(tmp_path / "export.xlsx", [
        ["工号", "姓名", "打卡时间"], ["1001", "王五", "2026-11-02 09:00 18:00"],
        [None, None, "2026-11-03 09:00 18:00"], ["", " ", "2026-11-04 09:00"],
        [None, None, None]])
    out = tmp_path / "summary.xlsx"
    done = run_cli("attendance", "summarize", _book(tmp_path / "kq.xlsx"), "--punches",
                   punches, "-o", out, "--lang", "en", "--quiet")
    assert done.returncode == 1, done.stdout + done.stderr
    said = ("[punch-without-employee] A punch on a row with neither an employee ID nor a "
            "name: whose it is cannot be told, and it is left out. Fill in the employee.")
    assert f"Sheet!A3  {said}" in done.stdout and f"Sheet!A4  {said}" in done.stdout
    assert "Sheet!A5" not in done.stdout  # a row without a punch is nothing


def test_a_punches_row_without_employee_is_found_by_validate(tmp_path):
    book = _book(tmp_path / "kq.xlsx", [["1001", "2026-11-02 09:00 18:00"],
                                        [None, "2026-11-03 09:00 18:00"]])
    (issue,) = opsbook.validate(book).issues
    assert (issue.code, issue.severity, issue.sheet, issue.cell) == (
        "punch-without-employee", "error", "打卡明细", "A3")
    assert issue.message("zh") == ("该行有打卡，但工号和姓名均为空：无法确定是谁的打卡，未计入。"
                                   "请填写员工。")
