"""Tracking a cost (an additive ``down`` item) with months not reported: a month without an
actual is no proof of a low cost, so the cost is measured over the months it reported.
Before, the missing months were summed as 0 spent against the whole target to date, and an
overspent January read as 200 % complete. Figures worked out by hand. Real workbooks on disk
(the standard template, filled in with openpyxl)."""

from __future__ import annotations

import math

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import track_plan


def finance_plan(path, actuals):
    """财务部: customers (个, up, 10 a month), admin costs (万元, down, 200 a quarter: 200/3 a
    month) and a rate (%, up, 90)."""
    return plan_book(path, "zh", [
        item("U1", "财务部", "客户数", "个", 120, (30, 30, 30, 30)),
        item("C1", "财务部", "管理费用", "万元", 800, (200, 200, 200, 200), direction="down"),
        item("R1", "财务部", "准确率", "%", 90, (90, 90, 90, 90)),
    ], {"year": 2027, "department": "财务部"}, actuals=actuals)


def test_a_cost_reported_for_january_only_is_measured_on_january(tmp_path):
    """100 spent in January against 200/3 due: (200/3)/100 = 0.666666667, behind; February
    and March, not yet entered, are not 0 spent (200/100 = 200 % before)."""
    path = finance_plan(tmp_path / "fin.xlsx", [
        ("U1", "2027-01", 10), ("U1", "2027-02", 10), ("U1", "2027-03", 10),
        ("C1", "2027-01", 100), ("R1", "2027-02", 90)])
    done = track_plan(path, as_of="2027-03-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["C1", "months"] == 1
    assert items.loc["C1", "target_to_date"] == 66.666666667
    assert items.loc["C1", "actual_to_date"] == 100
    assert items.loc["C1", "completion"] == 0.666666667 and items.loc["C1", "behind"]
    # an up count is still due over every month to date: 30 of 30
    assert items.loc["U1", "target_to_date"] == 30 and items.loc["U1", "completion"] == 1.0
    department = done.result.departments.set_index("department").loc["财务部"]
    assert department["completion"] == round((1.0 + 0.666666667 + 1.0) / 3, 9)
    assert done.result.behind["item_id"].tolist() == ["C1"]


def test_a_cost_with_a_month_missing_in_the_middle(tmp_path):
    """60 in January and 70 in March, February missing: 130 against 2 × 200/3 = 133.33…,
    completion 133.333333333/130 = 1.025641026 (not 200/130 = 1.538 before); a July actual
    after --as-of is not counted."""
    path = finance_plan(tmp_path / "fin.xlsx", [
        ("C1", "2027-01", 60), ("C1", "2027-03", 70), ("C1", "2027-07", 5),
        ("U1", "2027-01", 10)])
    items = track_plan(path, as_of="2027-03-31").result.items.set_index("item_id")
    assert items.loc["C1", "months"] == 2
    assert items.loc["C1", "target_to_date"] == 133.333333333
    assert items.loc["C1", "actual_to_date"] == 130
    assert items.loc["C1", "completion"] == round(133.333333333 / 130, 9)
    assert not items.loc["C1", "behind"]
    # the up count with February and March missing is behind: 10 of 30
    assert items.loc["U1", "completion"] == round(10 / 30, 9)


def test_a_cost_nobody_reported_on_keeps_its_target_and_is_not_measured(tmp_path):
    path = finance_plan(tmp_path / "fin.xlsx", [("U1", "2027-01", 10)])
    items = track_plan(path, as_of="2027-03-31").result.items.set_index("item_id")
    assert items.loc["C1", "target_to_date"] == 200
    assert math.isnan(items.loc["C1", "completion"])


def test_the_command_line_writes_the_cost_measured_on_its_months(tmp_path):
    path = finance_plan(tmp_path / "fin.xlsx", [("C1", "2027-01", 100), ("U1", "2027-01", 10),
                                                 ("U1", "2027-02", 10), ("U1", "2027-03", 10)])
    out = tmp_path / "tracking.xlsx"
    run = run_cli("plan", "track", path, "--as-of", "2027-03-31", "-o", out)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 项中 1 项进度滞后" in run.stdout
    sheet = openpyxl.load_workbook(out)["执行跟踪"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "C1")
    assert row[5:9] == (1, 66.666666667, 100, 0.666666667)
