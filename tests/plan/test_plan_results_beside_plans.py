"""A result opsbook wrote, lying in the folder of department plans (last month's tracking
workbook), is skipped with its note: it is no plan left out, so --strict still consolidates
and the headline counts no file left out."""

from __future__ import annotations

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, track_plan
from opsbook.api import write_output


def test_a_tracking_workbook_among_the_plans_is_no_plan_left_out(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for n, dept in enumerate(("销售部", "财务部"), start=1):
        plan_book(plans / f"{dept}.xlsx", "zh", [
            item(f"S{n}", dept, f"指标{n}", "万元", 400, (100, 100, 100, 100))],
            {"year": 2027, "department": dept}, actuals=[(f"S{n}", "2027-01", 90)])
    tracked = track_plan(plans / "销售部.xlsx", as_of="2027-01-31")
    write_output(plans / "跟踪-上月.xlsx", tracked.sheets)

    done = consolidate_plans(plans, strict=True)
    assert done.sheets, done.headline  # written: nothing was left out
    assert "未纳入" not in done.headline
    run = run_cli("plan", "consolidate", plans, "-o", tmp_path / "company.xlsx", "--strict")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "跟踪-上月.xlsx：- 已跳过" in run.stdout
    assert (tmp_path / "company.xlsx").exists()
