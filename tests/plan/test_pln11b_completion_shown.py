"""A completion is never shown rounded onto the behind threshold it misses: an item at
89.99 % is behind (red, on Behind Schedule) and its cell says 89.99%, not the 90.0% that
reads as on the threshold; items exactly on it (27 of 30, 30 against 33.33 for a lower-is-
better cost, a level of 81 against 90, 10 hours against 9) say 90.00% and are not behind.
The company's 89.998 % is said so in the headline, the sheet title, the department sheet
and the report, never "90.0%". Figures worked out by hand, through the command line."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import plan_book

from opsbook.api.report import summarize

Y0, Y1 = dt.datetime(2027, 1, 1), dt.datetime(2027, 12, 31)


def row(item_id, kpi, unit, direction, target, quarter):
    return (item_id, "运营部", "目标", kpi, unit, direction, target, *(quarter,) * 4, 100,
            "负责人", Y0, Y1, "中")


def plan(path):
    """A1 件 10 a month: 9, 9, 9 → 27/30 = 0.9. A2 元 down 10 a month: 10, 10, 13.33… →
    30/33.33 = 0.9. A3 % level 90: mean of 80, 81, 82 = 81 → 0.9. A4 小时/单 down level 9:
    10 → 0.9. A5 件 1 a month: 0.9 each → 2.7/3 = 0.9. A6 件 1 a month: 0.9, 0.9, 0.8997 →
    2.6997/3 = 0.8999, behind. Company: (5 × 0.9 + 0.8999) / 6 = 0.899983333."""
    rows = [row("A1", "件数", "件", "up", 120, 30), row("A2", "成本", "元", "down", 120, 30),
            row("A3", "满意度", "%", "up", 90, 90), row("A4", "响应", "小时/单", "down", 9, 9),
            row("A5", "件数二", "件", "up", 12, 3), row("A6", "件数三", "件", "up", 12, 3)]
    actuals = [("A2", "2027-01", 10), ("A2", "2027-02", 10), ("A2", "2027-03", 100 / 7.5)]
    for m, level, last in ((1, 80, 0.9), (2, 81, 0.9), (3, 82, 0.8997)):
        month = f"2027-{m:02d}"
        actuals += [("A1", month, 9), ("A3", month, level), ("A4", month, 10),
                    ("A5", month, 0.9), ("A6", month, last)]
    return plan_book(path, "zh", rows, {"year": 2027, "department": "运营部"}, actuals)


def shown(cell) -> str:
    """A completion cell as a spreadsheet shows it (its value in its percent format)."""
    decimals = cell.number_format.count("0") - 1
    return f"{cell.value * 100:.{decimals}f}%"


def test_a_completion_just_short_of_the_threshold_is_not_shown_on_it(tmp_path):
    book = plan(tmp_path / "plan.xlsx")
    out = tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", str(book), "--as-of", "2027-03-31", "-o", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "公司完成率 89.998%，6 项中 1 项进度滞后" in done.stdout
    wb = openpyxl.load_workbook(out)
    tracking, departments, behind = wb["执行跟踪"], wb["部门完成情况"], wb["进度滞后"]
    assert tracking["A1"].value == "执行跟踪（截至 2027-03-31，公司完成率 89.998%）"
    cells = {tracking.cell(r, 1).value: tracking.cell(r, 9) for r in range(3, 9)}
    assert {k: shown(c) for k, c in cells.items()} == {
        "A1": "90.00%", "A2": "90.00%", "A3": "90.00%", "A4": "90.00%", "A5": "90.00%",
        "A6": "89.99%"}
    assert [tracking.cell(r, 10).value for r in range(3, 9)] == [None, None, None, None, None, "是"]
    assert behind["A3"].value == "A6" and shown(behind["I3"]) == "89.99%"
    assert [shown(departments.cell(r, 5)) for r in (3, 4)] == ["89.998%", "89.998%"]


def test_the_report_says_the_same_figures(tmp_path):
    summary = summarize(plan(tmp_path / "plan.xlsx"), as_of="2027-03-31").summary
    company = summary.figures[0]
    assert (company.value, company.format) == (0.899983, "0.000%")
    departments, behind = summary.tables
    assert departments.rows[0][-1] == 0.899983 and departments.formats[-1] == "0.000%"
    assert behind.rows == (("A6", "运营部", "件数三", 3.0, 2.6997, 0.8999),)
    (chart,) = summary.charts
    assert chart.series[0].values == (0.899983,) and chart.number_format == "0.000%"
    assert [f.topic for f in summary.findings][:2] == ["behind", "department"]
