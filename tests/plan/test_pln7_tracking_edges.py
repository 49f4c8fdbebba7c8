"""Tracking as of a date before the plan year: said as a warning (in both languages), and
the company completion shown as a dash in the Tracking sheet's title as in the headline,
not left blank. Real workbooks on disk (the standard template, filled in with openpyxl)."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import track_plan


def test_a_date_before_the_plan_year_is_said_and_the_title_shows_a_dash(tmp_path):
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300))],
        {"year": 2027, "department": "销售部"}, actuals=[("S1", "2027-01", 100)])
    done = track_plan(path, as_of="2026-12-31")
    [said] = [i for i in done.report.issues if i.code == "as-of-before-year"]
    assert said.severity == "warning"
    assert "2026-12-31 is before the plan year 2027" in said.message("en")
    assert "跟踪截止日期 2026-12-31 早于计划年度 2027" in said.message("zh")
    assert "公司完成率 –" in done.headline

    out = tmp_path / "tracking.xlsx"
    run = run_cli("plan", "track", path, "-o", out, "--as-of", "2026-12-31")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "[as-of-before-year]" in run.stdout
    title = openpyxl.load_workbook(out)["执行跟踪"]["A1"].value
    assert title == "执行跟踪（截至 2026-12-31，公司完成率 –）"

    within = track_plan(path, as_of="2027-01-31")
    assert not [i for i in within.report.issues if i.code == "as-of-before-year"]
