"""By Quarter's year total is the items' budgets added up (100,000, as By Department says),
not four quarters each carrying a share of a division (99,999.99999999999); sums and monthly
targets are said to 9 decimals, as tracking figures are (0.1 + 0.2 万元 is 0.3). Figures
worked out by hand; real workbooks on disk."""

from __future__ import annotations

import datetime as dt

from test_plan_cycle_round5 import plan_book

from opsbook import consolidate_plans, track_plan

Y0, Y1 = dt.datetime(2027, 1, 1), dt.datetime(2027, 12, 31)


def row(item_id, kpi, unit, target, quarters, budget, start=Y0, end=Y1):
    return (item_id, "市场部", "objective", kpi, unit, "up", target, *quarters, budget, "owner",
            start, end, "medium")


def test_the_budget_of_the_year_is_the_budgets_added_up(tmp_path):
    """M1 50,000 all year: 12,500 a quarter. M2 50,000 from February: 11 months, so Q1 has
    2/11 of it (9,090.909090909) and Q2–Q4 3/11 each (13,636.363636364)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "market.xlsx", "zh", [
        row("M1", "曝光量", "万次", 1200, (300, 300, 300, 300), 50000),
        row("M2", "线索数", "条", 400, (100, 100, 100, 100), 50000,
            start=dt.datetime(2027, 2, 1)),
    ], {"year": 2027, "department": "市场部", "additive_units": "万次、条"})
    company = consolidate_plans(folder).result
    assert company.by_quarter["budget"].tolist() == [21590.909090909, 26136.363636364,
                                                     26136.363636364, 26136.363636364, 100000]
    assert company.by_department["budget"].tolist() == [100000, 100000]


def test_sums_of_tenths_are_said_as_a_person_adds_them(tmp_path):
    """Targets 0.1 and 0.2 万元 (quarters 0.1/0/0/0 and 0.2/0/0/0), budgets 0.1 and 0.2:
    0.3 by department, by quarter and in total; monthly targets of 1/3 to 9 decimals."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = plan_book(folder / "market.xlsx", "zh", [
        row("M1", "收入一", "万元", 0.1, (0.1, 0, 0, 0), 0.1),
        row("M2", "收入二", "万元", 0.2, (0.2, 0, 0, 0), 0.2),
        row("M3", "线索数", "个", 4, (1, 1, 1, 1), 0),
    ], {"year": 2027, "department": "市场部"}, actuals=[("M3", "2027-01", 1)])
    company = consolidate_plans(folder).result
    assert company.by_department["target:万元"].tolist() == [0.3, 0.3]
    assert company.by_department["budget"].tolist() == [0.3, 0.3]
    assert company.by_quarter["target:万元"].tolist() == [0.3, 0, 0, 0, 0.3]
    assert company.by_quarter["budget"].iloc[-1] == 0.3

    monthly = track_plan(plan).result.monthly
    m3 = monthly[monthly["item_id"].eq("M3")]["target"].tolist()
    assert m3[:3] == [0.333333333, 0.333333333, 0.333333333]
