"""Tracking items nobody reported on, the plan given to ``plan track`` as something other
than one workbook, any iterable of actuals, and a department plan whose items name another
department. Real workbooks on disk (the standard template, filled in with openpyxl)."""

from __future__ import annotations

import math

import openpyxl
import pytest
from conftest import run_cli, sha256
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, track_plan
from opsbook.api import NotAWorkbook


def finance_plan(path, actuals):
    """财务部: customers (个, up, 30 a quarter), admin costs (万元, down, 200 a quarter) and
    incidents (次, down, target 0)."""
    return plan_book(path, "zh", [
        item("U1", "财务部", "客户数", "个", 120, (30, 30, 30, 30)),
        item("C1", "财务部", "管理费用", "万元", 800, (200, 200, 200, 200), direction="down"),
        item("C2", "财务部", "安全事故", "次", 0, (0, 0, 0, 0), direction="down"),
    ], {"year": 2027, "department": "财务部"}, actuals=actuals)


def test_a_down_item_nobody_reported_on_is_not_measured_as_met(tmp_path):
    """Admin costs (lower is better) with no actual by March are not 100 % complete (nothing
    reported is no proof of low costs): they cannot be measured yet, like a level, and do
    not lift the department's completion; an up count with nothing reported while others
    report is still 0 and behind."""
    path = finance_plan(tmp_path / "fin.xlsx", [("U1", "2027-01", 10), ("U1", "2027-02", 10),
                                                ("U1", "2027-03", 4)])
    done = track_plan(path, as_of="2027-03-31")
    items = done.result.items.set_index("item_id")
    assert items.loc["U1", "completion"] == 0.8 and items.loc["U1", "behind"]
    for down in ("C1", "C2"):
        assert math.isnan(items.loc[down, "completion"]) and not items.loc[down, "behind"]
        assert math.isnan(items.loc[down, "actual_to_date"]) and items.loc[down, "months"] == 0
    assert items.loc["C1", "target_to_date"] == 200
    department = done.result.departments.set_index("department").loc["财务部"]
    assert department["measured"] == 1 and department["completion"] == 0.8
    assert done.result.company == 0.8
    notes = {sheet.name: sheet.notes for sheet in done.sheets}["执行跟踪"]
    assert notes[-1].startswith("完成率为空的 2 个计划项尚无法计量：截至当前没有实际值")

    # reported, they are measured: 150 against 200 is 200/150; no incident is met
    path = finance_plan(tmp_path / "fin2.xlsx", [("U1", "2027-01", 30), ("C1", "2027-01", 150),
                                                 ("C2", "2027-01", 0)])
    items = track_plan(path, as_of="2027-01-31").result.items.set_index("item_id")
    assert items.loc["C1", "completion"] == round(200 / 3 / 150, 9)
    assert items.loc["C2", "completion"] == 1.0


def test_nothing_reported_at_all_measures_nothing(tmp_path):
    """With no actual anywhere the tracking says so (no-actual-at-all) and measures nothing:
    not every count 0 % and behind beside a warning that nothing can be measured."""
    path = finance_plan(tmp_path / "fin.xlsx", [])
    done = track_plan(path, as_of="2027-06-30")
    assert [i.code for i in done.report.issues] == ["no-actual-at-all"]
    assert done.result.items["completion"].isna().all()
    assert done.result.behind.empty and math.isnan(done.result.company)
    assert done.headline == "截至 2027-06-30，公司完成率 –，3 项中 0 项进度滞后"


def test_the_plan_to_track_is_one_workbook(tmp_path):
    """A folder or a glob pattern given as the plan is said as every command says it (exit
    2, both languages), not an internal error after reading every file in it."""
    folder = tmp_path / "plans"
    folder.mkdir()
    finance_plan(folder / "fin.xlsx", [("U1", "2027-01", 10)])
    with pytest.raises(NotAWorkbook) as caught:
        track_plan(folder)
    assert caught.value.issue.code == "not-a-workbook"
    out = tmp_path / "t.xlsx"
    done = run_cli("plan", "track", str(folder), "-o", str(out))
    assert done.returncode == 2 and "StopIteration" not in done.stdout + done.stderr
    assert "这是一个文件夹" in done.stderr and "a folder" in done.stderr
    done = run_cli("plan", "track", str(folder / "*.xlsx"), "-o", str(out))
    assert done.returncode == 2 and "找不到文件" in done.stderr, done.stderr
    assert not out.exists()


def test_actuals_from_any_iterable_of_paths(tmp_path):
    """Actuals given as a generator, a set or one Path are read, as every command reads its
    inputs (a generator was taken for one path)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = finance_plan(tmp_path / "plan.xlsx", [])
    finance_plan(folder / "fin.xlsx", [("U1", "2027-01", 5)])
    for given in ((p for p in folder.glob("*.xlsx")), {folder}, folder, [str(folder)]):
        done = track_plan(plan, given, as_of="2027-01-31")
        assert done.result.items.set_index("item_id").loc["U1", "actual_to_date"] == 5


def test_a_plan_whose_items_name_another_department_claims_it(tmp_path):
    """sales.xlsx says 销售部 in its Settings but its items, copied from marketing's plan,
    say 市场部: with marketing's own plan beside it, 市场部 is claimed by two files
    (department-twice, at sales.xlsx's first such item), not a consolidation with no
    conflict and a 销售部 of no item."""
    folder = tmp_path / "plans"
    folder.mkdir()
    sales = plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "市场部", "收入", "万元", 100, (25, 25, 25, 25))],
        {"year": 2027, "department": "销售部"})
    plan_book(folder / "mkt.xlsx", "zh", [item("M1", "市场部 ", "线索", "个", 100,
                                               (25, 25, 25, 25))],
              {"year": 2027, "department": "市场部"})
    before = sha256(sales)
    done = consolidate_plans(folder, departments="销售部,市场部")
    twice = done.result.conflicts.query("code == 'department-twice'")
    assert sorted(twice["source"]) == ["mkt.xlsx", "sales.xlsx"]
    at = [(i.file.rsplit("/", 1)[-1], i.cell) for i in done.report.issues
          if i.code == "department-twice"]
    assert sorted(at) == [("mkt.xlsx", "B3"), ("sales.xlsx", "B4")]
    assert "部门“市场部”同时出现在多个文件中：mkt.xlsx；sales.xlsx。" in \
        done.report.issues[0].message("zh")
    assert done.exit_code == 0 and sha256(sales) == before   # a warning; the file untouched
    # the Settings' department alone, items agreeing with it, is one claim as before
    alone = consolidate_plans([sales])
    assert alone.result.conflicts.empty


def test_an_annual_target_is_due_over_the_months_the_item_runs(tmp_path):
    """12 stores to open from July, with no quarterly targets: nothing is due by June (not
    6, half the year's, and behind), 6 by September (two a month over July–December); an
    item with no dates spreads its year over twelve months as before."""
    late = (*item("H2", "运营部", "新开门店", "个", 12, (None,) * 4)[:13],
            "2027-07-01", "2027-12-31", "high")
    path = plan_book(tmp_path / "ops.xlsx", "zh", [
        late, item("A1", "运营部", "培训课时", "小时", 120, (None,) * 4)],
        {"year": 2027, "department": "运营部"},
        actuals=[("A1", "2027-01", 10), ("H2", "2027-07", 2), ("H2", "2027-08", 2)])
    june = track_plan(path, as_of="2027-06-30").result.items.set_index("item_id")
    assert june.loc["H2", "target_to_date"] == 0 and not june.loc["H2", "behind"]
    assert june.loc["A1", "target_to_date"] == 60
    september = track_plan(path, as_of="2027-09-30").result
    items = september.items.set_index("item_id")
    assert items.loc["H2", "target_to_date"] == 6 and items.loc["H2", "actual_to_date"] == 4
    assert items.loc["H2", "completion"] == round(4 / 6, 9) and items.loc["H2", "behind"]
    monthly = september.monthly.query("item_id == 'H2'")["target"].tolist()
    assert monthly == [0] * 6 + [2] * 6


def test_an_actual_for_an_item_not_in_the_plan_does_not_set_the_date(tmp_path):
    """Without --as-of the tracking runs to the last month with an actual of the plan's own
    items: marketing's November actual, in a workbook given after the plan and ignored as
    an item not in it, does not make it run to November (every item behind for months not
    yet reported)."""
    plan = plan_book(tmp_path / "sales.xlsx", "zh", [
        item("U1", "销售部", "客户数", "个", 120, (30, 30, 30, 30))],
        {"year": 2027, "department": "销售部"},
        actuals=[("U1", "2027-01", 10), ("u1", "2027-02", 10)])
    other = tmp_path / "others"
    other.mkdir()
    plan_book(other / "mkt.xlsx", "zh", [item("M1", "市场部", "线索", "个", 12, (3, 3, 3, 3))],
              {"year": 2027, "department": "市场部"}, actuals=[("M1", "2027-11", 3)])
    done = track_plan(plan, [other])
    assert done.result.as_of.isoformat() == "2027-02-28"
    assert [i.code for i in done.report.issues] == ["actual-unknown-item"]
    assert done.result.items["completion"].tolist() == [1.0]


def test_a_plan_left_out_is_listed_in_the_company_plan(tmp_path):
    """A file sent but left out (a required column missing, not a workbook, another kind's
    workbook) is listed on the company plan's Conflicts sheet with why (plan-left-out, in
    the plan's language), so that a reviewer who gets only the company plan knows which plan
    it lacks; it is said once on the console, under its own file, and the headline counts
    it as a file left out, not a conflict."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "zh", [item("S1", "销售部", "收入", "万元", 100,
                                                 (25, 25, 25, 25))],
              {"year": 2027, "department": "销售部"})
    bad = plan_book(folder / "fin.xlsx", "zh", [item("F1", "财务部", "费用", "万元", 100,
                                                     (25, 25, 25, 25))],
                    {"year": 2027, "department": "财务部"})
    book = openpyxl.load_workbook(bad)
    book["计划"]["D3"].value = "备注"  # the KPI column is gone
    book.save(bad)
    (folder / "junk.xlsx").write_text("not a workbook", encoding="utf-8")
    out = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", str(folder), "-o", str(out))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 个计划项，0 条冲突待核实，2 个文件未纳入" in done.stdout
    assert done.stdout.count("[plan-left-out]") == 1          # fin.xlsx's own, once
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(out)["冲突"].iter_rows()]
    assert rows[0][0] == "冲突：0 条，需与部门核实；2 个文件未纳入"
    left = {r[4]: r for r in rows[2:]}
    assert set(left) == {"fin.xlsx", "junk.xlsx"}
    assert left["fin.xlsx"][0] == "计划未纳入" and left["fin.xlsx"][6] is None
    assert left["fin.xlsx"][8] == ("该文件无法作为计划读取（工作表“计划”缺少必需的列“KPI / "
                                   "关键指标”），未纳入公司计划。")
    assert left["junk.xlsx"][8].startswith("该文件无法作为计划读取（不是可读取的工作簿："
                                           "这是文本文件")
    again = consolidate_plans(folder, lang="en")
    said = again.result.conflicts.query("code == 'plan-left-out'")
    assert said["source"].tolist() == ["fin.xlsx", "junk.xlsx"]
    assert again.headline == "1 item from 1 department plan, 0 conflicts to follow up, " \
        "2 file(s) left out"
