"""Months on a plan's Actuals sheet typed as Chinese tracking sheets type them — 1月, 二月,
4月份, a bare 3 — are months of the plan year, read with a located warning, not type errors
that leave the actual out. Real workbooks on disk; the figures worked out by hand."""

from __future__ import annotations

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import track_plan, validate
from opsbook.plan.months import month_of_year


def test_a_month_without_its_year_is_one_of_the_plan_year():
    assert month_of_year("4月", 2027) == "2027-04"
    assert month_of_year("04月份", 2027) == "2027-04"
    assert month_of_year("十二月", 2027) == "2027-12"
    assert month_of_year("Apr", 2027) == "2027-04"
    assert month_of_year(3, 2027) == "2027-03"
    assert month_of_year("2026年11月份", 2027) == "2026-11"   # its own year, 份 or not
    assert month_of_year("4月", None) is None                # no plan year: no guess
    assert month_of_year("27年4月", None) == "2027-04"       # a year in two digits
    assert month_of_year("27年13月", 2027) is None
    assert month_of_year(13, 2027) is None
    assert month_of_year(4.5, 2027) is None
    assert month_of_year("十", 2027) is None
    assert month_of_year("Mars", 2027) is None


def test_actuals_by_month_without_the_year_are_tracked(tmp_path):
    """A1 (个, 30 a quarter: 10 a month) with actuals 1月 10, 二月 10, 3 (a number) 10 and
    4月份 5: 35 against 40 to the end of April, 87.5 %, behind (below 90 %)."""
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("A1", "销售部", "销售额", "个", 120, (30, 30, 30, 30))],
        {"year": 2027, "department": "销售部"},
        actuals=[("A1", "1月", 10), ("A1", "二月", 10), ("A1", 3, 10), ("A1", "4月份", 5)])
    checked = validate(plan)
    assert checked.errors == []
    said = {i.cell: i.message("zh") for i in checked.issues if i.code == "coerced-value"}
    assert said["B4"] == ("“月份”：“1月”被识别为月份（YYYY-MM） 2027-01；"
                          "建议按月份（YYYY-MM）格式录入。")
    assert sorted(said) == ["B4", "B5", "B6", "B7"]

    tracked = track_plan(plan).result
    row = tracked.items.set_index("item_id").loc["A1"]
    assert (row["months"], row["target_to_date"], row["actual_to_date"]) == (4, 40, 35)
    assert row["completion"] == 0.875 and bool(row["behind"])
    assert str(tracked.as_of) == "2027-04-30"

    done = run_cli("plan", "track", plan, "-o", tmp_path / "tracking.xlsx", "--quiet",
                   "--jobs", "1", "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'1月' was read as a month (YYYY-MM), 2027-01" in done.stdout


def test_without_a_year_setting_the_month_stays_an_error(tmp_path):
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("A1", "销售部", "销售额", "个", 120, (30, 30, 30, 30))],
        {"department": "销售部"}, actuals=[("A1", "1月", 10)])
    errors = validate(plan).errors
    assert [(i.code, i.cell) for i in errors] == [("type-error", "B4")]
