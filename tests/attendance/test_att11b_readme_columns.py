"""The README's table of the sheets an attendance summary writes, against the summary
written by the command line: every column the README names for Daily, Monthly, Departments
and Violations is there under that header, in that order, and no other; the Chinese summary
has the same columns under Chinese headers (none left in English), and the units the README
gives them (check-in and check-out as [h]:mm, hours to two decimals, rates as percentages)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from quirkbooks import write

D, T = dt.date, dt.time
README = Path(__file__).resolve().parents[2] / "README.md"
LEAVE_TYPES = ["annual", "sick", "personal", "marriage", "maternity", "bereavement", "other"]
MONTHLY_EN = ["Work Days", "Days Present", "Days on Time", "Late", "Late Minutes",
              "Left Early", "Early Minutes", "Absent Days", "Half Days", "Leave Days",
              "Approved Overtime (h)", "Unapproved Overtime (h)",
              *[f"Leave: {t}" for t in LEAVE_TYPES], "Penalty Days", "Violations"]
MONTHLY_ZH = ["应出勤天数", "出勤天数", "正常出勤天数", "迟到次数", "迟到分钟", "早退次数",
              "早退分钟", "旷工天数", "半天次数", "请假天数", "已批准加班（小时）",
              "未批准加班（小时）",
              "年假（天）", "病假（天）", "事假（天）", "婚假（天）", "产假（天）", "丧假（天）",
              "其他（天）", "迟到扣假天数", "违规次数"]
EXPECTED = {
    "en": {
        "Daily": ["Date", "Weekday", "Employee ID", "Name", "Department", "Day Type",
                  "Status ID", "Status", "Check In", "Check Out", "Late Minutes",
                  "Early Minutes", "Hours Worked", "Approved Overtime (h)",
                  "Unapproved Overtime (h)", "Leave Days", "Leave Type", "Leave Request",
                  "Flags"],
        "Monthly": ["Month", "Employee ID", "Name", "Department", *MONTHLY_EN],
        "Departments": ["Month", "Department", "Headcount", *MONTHLY_EN, "Punctuality",
                        "Absence Rate", "Approved Overtime per Head (h)"],
        "Violations": ["Date", "Employee ID", "Name", "Department", "Finding", "Finding ID",
                       "Detail", "Request", "Sheet", "Cell", "File"]},
    "zh": {
        "每日考勤": ["日期", "星期", "工号", "姓名", "部门", "日期类型", "状态代码", "考勤状态",
                 "上班打卡", "下班打卡", "迟到分钟", "早退分钟", "工作时长", "已批准加班（小时）",
                 "未批准加班（小时）", "请假天数", "请假类型", "请假申请编号", "异常标记"],
        "月度汇总": ["月份", "工号", "姓名", "部门", *MONTHLY_ZH],
        "部门汇总": ["月份", "部门", "人数", *MONTHLY_ZH, "准时率", "缺勤率",
                 "人均已批准加班（小时）"],
        "违规记录": ["日期", "工号", "姓名", "部门", "违规类型", "类型代码", "说明", "申请编号",
                 "工作表", "单元格", "文件"]}}


def readme_row(sheet: str) -> str:
    """The README's 'columns' cell of ``sheet`` in the table of the sheets written (its
    row starts with the English and the Chinese name)."""
    chinese = dict(zip(EXPECTED["en"], EXPECTED["zh"]))[sheet]
    [line] = [line for line in README.read_text(encoding="utf-8").splitlines()
              if line.startswith(f"| {sheet} {chinese} |")]
    return line.split(" | ")[2]


def book(path):
    return write(path, {
        "Employees": [["Employee ID", "Name", "Department"], ["E001", "张伟", "运营部"]],
        "Clock": [["Employee ID", "Date", "Check In", "Check Out"],
                  ["E001", D(2026, 11, 2), T(9, 6), T(1, 30)]],
        "Settings": [["Key", "Value"], ["month", "2026-11"]]})


def written(path):
    """Per sheet: the header row and the first data row's number formats, by header."""
    out = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        rows = list(ws.iter_rows(min_row=2, max_row=3))
        header = [c.value for c in rows[0]]
        out[ws.title] = (header, {h: c.number_format for h, c in zip(header, rows[1])})
    return out


def test_readme_names_every_column_written():
    """Each English header is named in the README's row of its sheet, in the order
    written (the leave types as 'leave days by type (annual, …)', the Departments' Monthly
    columns as 'the Monthly totals summed')."""
    for sheet, columns in EXPECTED["en"].items():
        text = readme_row(sheet)
        named = [c for c in columns if not (c.startswith("Leave: ") or (
            sheet == "Departments" and c in MONTHLY_EN))]
        at = [text.find(re.sub(r" \((h|count)\)$", "", c)) for c in named]
        assert -1 not in at, (sheet, [c for c, a in zip(named, at) if a < 0])
        assert at == sorted(at), sheet  # in the order written
    assert "leave days by type (annual, sick, personal, marriage, maternity, bereavement, " \
           "other)" in readme_row("Monthly")
    assert "the Monthly totals summed" in readme_row("Departments")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_summary_has_the_readme_columns_in_order(tmp_path, lang):
    out = tmp_path / f"summary.{lang}.xlsx"
    done = run_cli("attendance", "summarize", book(tmp_path / "attendance.xlsx"), "-o", out,
                   "--quiet", "--lang", lang)
    assert done.returncode == 0, done.stdout + done.stderr
    sheets = written(out)
    assert list(sheets) == list(EXPECTED[lang])
    for sheet, columns in EXPECTED[lang].items():
        assert sheets[sheet][0] == columns, sheet
    daily_name, _, departments_name, _ = EXPECTED[lang]
    header = EXPECTED[lang][daily_name]
    # Check In, Check Out (a next-morning check-out shows as 25:30) and Hours Worked
    assert [sheets[daily_name][1][header[n]] for n in (8, 9, 12)] == [
        "[h]:mm", "[h]:mm", "0.00"]
    # Punctuality, Absence Rate, Approved Overtime per Head (h)
    rates = EXPECTED[lang][departments_name][-3:]
    assert [sheets[departments_name][1][r] for r in rates] == ["0.0%", "0.0%", "0.00"]
