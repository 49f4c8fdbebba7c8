"""Figures typed as text with their item's unit, as department plans are often filled in:
"1,000万元" in a 万元 row is 1000 (万元), not 10,000,000; "40个" in a 个 row is 40, not a
type error. Real workbooks on disk (the standard template, filled in with openpyxl); the
expected figures worked out by hand."""

from __future__ import annotations

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, diff_plans, track_plan, validate
from opsbook.plan.figures import in_unit


def test_a_figure_is_read_in_its_rows_unit():
    assert in_unit("1,000万元", "万元") == 1000
    assert in_unit("1000 万", "万元") == 1000          # 万元 said without 元
    assert in_unit("1.2亿", "万元") == 12000           # 1.2亿 元 = 12000 万元
    assert in_unit("1,000,000元", "万元") == 100       # a sum in 元 in a 万元 row
    assert in_unit("1.2亿", "百万元") == 120            # millions of yuan
    assert in_unit("500万", "千元") == 5000
    assert in_unit("1.2万", "元") is None               # the reader's 12000 stands
    assert in_unit("40个", "个") == 40
    assert in_unit("１０ 个", "个") == 10              # full-width digits, a space
    assert in_unit("100 Hours", "hours") == 100
    assert in_unit("1.2万个", "个") == 12000           # 1.2万 of them
    assert in_unit("1 2 3个", "个") is None            # no number a person means
    assert in_unit("1,000", "万元") is None            # no unit: the reader's reading stands
    assert in_unit("40个", None) is None
    assert in_unit("40个", "小时") is None


def test_targets_typed_with_their_unit_are_summed_as_typed(tmp_path):
    """A 万元 target typed "1,000万元" with quarters "200万", 300, 300, 200 adds up to 1000
    (no quarters-mismatch) and counts 1000 in the By Department and By Quarter sums; a 个
    target typed "40个" is 40, not a type error that blanks it."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", "1,000万元", ("200万", 300, 300, 200)),
        item("S2", "销售部", "新客户", "个", "40个", (10, "10 个", 10, 10)),
    ], {"year": 2027, "department": "销售部"})
    plan_book(folder / "ops.xlsx", "zh", [
        item("O1", "运营部", "增值收入", "万元", 500, (125, 125, 125, 125)),
    ], {"year": 2027, "department": "运营部"})

    checked = validate(sales)
    assert checked.errors == []
    said = {i.cell: i.message("zh") for i in checked.issues if i.code == "coerced-value"}
    assert said["G4"] == "“年度目标值”：“1,000万元”被识别为数字 1000（万元）；建议按数字格式录入。"
    assert said["H4"] == "“一季度目标”：“200万”被识别为数字 200（万元）；建议按数字格式录入。"
    assert said["G5"] == "“年度目标值”：“40个”被识别为数字 40（个）；建议按数字格式录入。"
    english = next(i for i in checked.issues if i.cell == "G4").message("en")
    assert english.startswith("'年度目标值': '1,000万元' was read as a number, 1000 (万元);")

    company = consolidate_plans(folder, departments="销售部,运营部").result
    assert not [c for c in company.conflicts["code"] if c == "quarters-mismatch"]
    by_department = company.by_department.set_index(
        company.by_department["department"].fillna("total"))
    assert by_department.loc["销售部", "target:万元"] == 1000
    assert by_department.loc["total", "target:万元"] == 1500      # 1000 + 500
    assert by_department.loc["销售部", "target:个"] == 40
    assert company.by_quarter["target:万元"].tolist() == [325, 425, 425, 325, 1500]
    assert company.by_quarter["target:个"].tolist() == [10, 10, 10, 10, 40]

    done = run_cli("plan", "consolidate", folder, "-o", tmp_path / "company.xlsx",
                   "--jobs", "1", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "10000000" not in done.stdout


def test_an_actual_typed_with_its_items_unit_is_tracked_in_that_unit(tmp_path):
    """Actuals "60万元" and "0.9亿" for a 万元 item (its ID typed s1) are 60 and 9000 万元;
    "3个" for a 个 item is 3."""
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 12000, (3000, 3000, 3000, 3000)),
        item("S2", "销售部", "新客户", "个", 12, (3, 3, 3, 3)),
    ], {"year": 2027, "department": "销售部"},
        actuals=[("S1", "2027-01", "60万元"), ("s1", "2027-02", "0.9亿"),
                 ("S2", "2027-01", "3个")])
    tracked = track_plan(plan, as_of="2027-02-28").result.items.set_index("item_id")
    assert tracked.loc["S1", "actual_to_date"] == 9060                # 60 + 9000
    assert tracked.loc["S1", "target_to_date"] == 2000                # 3000 × 2/3
    assert tracked.loc["S2", "actual_to_date"] == 3
    assert tracked.loc["S2", "target_to_date"] == 2


def test_a_target_retyped_with_its_unit_is_no_change(tmp_path):
    """v2 types S1's target "1,000万元" where v1 had 1000: the plans hold the same items."""
    v1 = plan_book(tmp_path / "v1.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250))],
        {"year": 2027, "department": "销售部"})
    v2 = plan_book(tmp_path / "v2.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", "1,000万元", (250, 250, 250, "250 万元"))],
        {"year": 2027, "department": "销售部"})
    done = diff_plans(v1, v2)
    assert done.result.exit_code == 0
    assert done.result.changed.empty


def test_actuals_alone_are_read_in_the_unit_of_the_plan_tracked(tmp_path):
    """A workbook of actuals with no items of its own: "60万元" and "0.1亿" for S1, an item
    in 万元 of the plan tracked, are 60 and 1000 (万元), not 600,000 and 10,000,000 that
    would have shown S1 done 3,000 times over."""
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 12000, (3000, 3000, 3000, 3000))],
        {"year": 2027, "department": "销售部"})
    sent = plan_book(tmp_path / "actuals.xlsx", "zh", [], {"year": 2027},
                     actuals=[("S1", "2027-01", "60万元"), ("S1", "2027-02", "0.1亿")])
    done = track_plan(plan, [sent], as_of="2027-02-28")
    tracked = done.result.items.set_index("item_id")
    assert tracked.loc["S1", "actual_to_date"] == 1060                # 60 + 1000
    assert tracked.loc["S1", "completion"] == 0.53                    # 1060 / 2000
    said = [i.message("zh") for i in done.report.issues if i.code == "coerced-value"]
    assert "“实际值”：“0.1亿”被识别为数字 1000（万元）；建议按数字格式录入。" in said

    run = run_cli("plan", "track", plan, sent, "--as-of", "2027-02-28", "-o",
                  tmp_path / "tracking.xlsx", "--jobs", "2", "--quiet")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "公司完成率 53.0%" in run.stdout
