"""What a reviewer opens and reads: the diff workbook's dates as dates, a refused status move
told at the status setting, departments given as one text, tracking grouping a department
however its name is typed, and --year refused in the language asked for."""

from __future__ import annotations

import datetime as dt

import openpyxl
import planbooks
from conftest import run_cli, sha256

from opsbook import consolidate_plans, diff_plans, set_plan_status, track_plan
from opsbook.api import write_output
from opsbook.plan.diff import to_text


def _company(tmp_path, name="v1.xlsx"):
    planbooks.write(tmp_path / "plans")
    done = consolidate_plans(tmp_path / "plans")
    return write_output(tmp_path / name, done.sheets)


def test_changed_dates_are_written_as_dates_not_serial_numbers(tmp_path):
    v1 = _company(tmp_path)
    book = openpyxl.load_workbook(v1)
    plan = book["计划"]
    row = next(r for r in plan.iter_rows(min_row=3) if r[0].value == "O-01")
    row[14].value = dt.datetime(2027, 12, 31)          # End: 2028-01-31 → 2027-12-31
    book.save(tmp_path / "v2.xlsx")
    done = diff_plans(v1, tmp_path / "v2.xlsx")
    assert to_text(done.result).splitlines()[0] == "0 added, 0 removed, 1 changed (1 field)"
    out = write_output(tmp_path / "diff.xlsx", done.sheets)
    changed = openpyxl.load_workbook(out)["变更明细"]
    assert [c.value for c in changed[3]] == ["O-01", "运营部", "结束日期", "2028-01-31",
                                             "2027-12-31"]


def test_a_refused_move_is_told_at_the_status_setting(tmp_path):
    v1 = _company(tmp_path)
    before = sha256(v1)
    done = set_plan_status(v1, "final")
    steps = [(i.code, i.sheet, i.cell) for i in done.report.issues]
    assert ("status-step", "设置", "B6") in steps and ("plan-has-errors", "设置", "B6") in steps
    assert sha256(v1) == before


def test_departments_may_be_given_as_one_text(tmp_path):
    planbooks.write(tmp_path / "plans")
    as_text = consolidate_plans(tmp_path / "plans", departments="销售部，运营部, 财务部")
    as_list = consolidate_plans(tmp_path / "plans", departments=planbooks.EXPECTED)
    missing = as_text.result.conflicts.query("code == 'missing-department'")
    assert missing["department"].tolist() == ["财务部"]
    assert as_text.result.conflicts.equals(as_list.result.conflicts)


def test_tracking_groups_a_department_however_its_name_is_typed(tmp_path):
    book = openpyxl.Workbook()
    plan = book.active
    plan.title = "Plan"
    plan.append(["Item ID", "Department", "Objective", "KPI", "Unit", "Annual Target"])
    plan.append(["A", "Sales", "Revenue", "Sales", "units", 120])
    plan.append(["B", "SALES", "Leads", "Leads", "units", 120])
    actuals = book.create_sheet("Actuals")
    actuals.append(["Item ID", "Month", "Actual"])
    actuals.append(["A", "2027-01", 10])    # 10 of 10: 100 %
    actuals.append(["B", "2027-01", 5])     # 5 of 10: 50 %
    settings = book.create_sheet("Settings")
    settings.append(["Key", "Value"])
    settings.append(["year", 2027])
    book.save(tmp_path / "plan.xlsx")
    done = track_plan(tmp_path / "plan.xlsx", as_of=dt.date(2027, 1, 31))
    departments = done.result.departments
    assert departments["department"].tolist() == ["SALES"]  # a tie: the first in sort order
    assert departments["items"].tolist() == [2]
    assert departments["completion"].tolist() == [0.75]


def test_a_year_given_after_lang_is_refused_in_that_language(tmp_path):
    planbooks.write(tmp_path / "plans")
    out = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", tmp_path / "plans", "-o", out, "--lang", "en",
                   "--year", "1800")
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.strip().splitlines() == [
        "opsbook: error: --year 1800: a plan year is from 1900 to 2200, e.g. 2027"]


def test_two_items_with_one_id_that_only_swapped_rows_are_no_change(tmp_path):
    rows = [["A-1", "财务部", "降费", "管理费用", "万元", 800],
            ["A-1", "财务部", "结账", "月结天数", "天", 5]]
    paths = []
    for name, order in (("v1", rows), ("v2", rows[::-1]), ("v3", [rows[1][:5] + [6],
                                                                  rows[0]])):
        book = openpyxl.Workbook()
        plan = book.active
        plan.title = "计划"
        plan.append(["编号", "部门", "目标", "关键指标", "单位", "年度目标值"])
        for row in order:
            plan.append(row)
        book.save(tmp_path / f"{name}.xlsx")
        paths.append(tmp_path / f"{name}.xlsx")
    same = diff_plans(paths[0], paths[1]).result
    assert same.equal and same.exit_code == 0
    edited = diff_plans(paths[0], paths[2]).result
    assert edited.changed[["item_id", "field", "old", "new"]].values.tolist() == [
        ["A-1", "target", 5.0, 6.0]]


def test_plans_with_no_items_and_no_year_make_an_empty_company_plan(tmp_path):
    from opsbook.api import new_workbook

    for name, lang in (("a.xlsx", "zh"), ("b.xlsx", "en")):  # blank templates, no year
        new_workbook("plan", lang, tmp_path / "plans" / name)
    done = consolidate_plans(tmp_path / "plans")
    assert done.computed and done.result.items.empty
    total = done.result.by_department.iloc[-1]
    assert (total["department"], total["items"], total["high_priority"]) == (None, 0, 0)
    out = write_output(tmp_path / "company.xlsx", done.sheets)
    book = openpyxl.load_workbook(out)
    assert book["按部门"]["A1"].value == "按部门"          # no year: no empty brackets
    assert book["计划"]["A1"].value == "年度运营计划（公司汇总）"
