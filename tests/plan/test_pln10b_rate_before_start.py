"""A rate or level planned from April (Start 2027-04-01) is measured over the months it runs
in only: a reading of March is not measured against it, so as of March the item is not measured yet
(blank, not "behind"), and as of April it is measured on April alone — as an additive item's
quarter is due from the month it starts. Hand-worked; a plan workbook on disk through
``opsbook plan track``, read back from the tracking workbook, and Python."""

from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import plan_book

from opsbook import track_plan

Y1 = dt.datetime(2027, 12, 31)
APRIL = dt.datetime(2027, 4, 1)


def _plan(path):
    """C1 满意度 % 90 each quarter, April–September; C2 单位成本 元/单 down 40 (annual only),
    April–December; C3 收入 万元 120 all year (10 a month).
    Actuals: C1 March 80, April 99; C2 February 80, April 40; C3 March 30."""
    plan_book(path, "zh", [
        ("C1", "销售部", "o", "满意度", "%", "up", 90, 90, 90, 90, 90, 1, "x", APRIL,
         dt.datetime(2027, 9, 30), "high"),
        ("C2", "销售部", "o", "单位成本", "元/单", "down", 40, None, None, None, None, 1, "x",
         APRIL, Y1, "high"),
        ("C3", "销售部", "o", "收入", "万元", "up", 120, None, None, None, None, 1, "x", None,
         None, "high")],
        {"year": 2027, "department": "销售部"},
        actuals=[("C1", "2027-03", 80), ("C1", "2027-04", 99), ("C2", "2027-02", 80),
                 ("C2", "2027-04", 40), ("C3", "2027-03", 30)])
    return path


def _rows(path):
    sheet = openpyxl.load_workbook(path)["执行跟踪"]
    return {r[0]: r[5:9] for r in sheet.iter_rows(min_row=3, values_only=True)
            if r[0] in ("C1", "C2", "C3")}


def test_before_the_start_nothing_is_due_nor_behind(tmp_path):
    plan, out = _plan(tmp_path / "plan.xlsx"), tmp_path / "tracking.xlsx"
    done = run_cli("plan", "track", plan, "--as-of", "2027-03-31", "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    # C1 and C2 not started: not measured; C3: 30 of 3 × 10 = 100 %; company 100 %, none behind
    assert "公司完成率 100.0%，3 项中 0 项进度滞后" in done.stdout
    rows = _rows(out)
    assert rows["C1"] == (0, None, None, None)
    assert rows["C2"] == (0, None, None, None)
    assert rows["C3"] == (1, 30, 30, 1)


def test_from_the_start_the_months_it_runs_in_are_measured(tmp_path):
    plan = _plan(tmp_path / "plan.xlsx")
    done = track_plan(plan, as_of="2027-04-30")
    items = done.result.items.set_index("item_id")
    # C1: April alone, 99 ÷ 90 = 1.1; C2: April alone, 40 ÷ 40 = 1; C3: 30 ÷ 40 = 0.75
    assert items.loc["C1", ["months", "target_to_date", "actual_to_date"]].tolist() == [1, 90, 99]
    assert items.loc["C1", "completion"] == 1.1
    assert items.loc["C2", ["months", "target_to_date", "actual_to_date", "completion"]
                     ].tolist() == [1, 40, 40, 1]
    assert items.loc["C3", "completion"] == 0.75
    # company: mean of 1 (capped), 1 and 0.75 = 2.75 / 3
    assert done.result.company == round(2.75 / 3, 9)
    assert done.result.behind["item_id"].tolist() == ["C3"]
