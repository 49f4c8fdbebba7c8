"""A department plan with a cell its reading could not take (a budget typed "abc", an
annual target typed 多, a direction none of the choices) in a field an item can do without:
the item is consolidated and the cell is a conflict. The Conflicts sheet lists it, located in
the department's file; the company plan shows the value as typed, marked red, so that
validating it says the same error at its own cell, and the plan cannot be made final until
the department corrects it. Before, the cell was left blank in the company plan, which then
validated clean ("No conflicts") and could be made final. Real workbooks on disk, run as a
user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans


def plans(folder):
    plan_book(folder / "sales.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1000, (250, 250, 250, 250), budget="abc"),
        item("S2", "销售部", "新客户", "个", "多", (None,) * 4, direction="sideways"),
        item("S3", "销售部", "回款", "万元", 400, (100, 100, 100, 100))],
        {"year": 2027, "department": "销售部"})
    plan_book(folder / "ops.xlsx", "zh", [
        item("O1", "运营部", "成本", "万元", 200, (50, 50, 50, 50))],
        {"year": 2027, "department": "运营部"})
    return folder


def test_cells_not_read_are_conflicts_and_shown_as_typed(tmp_path):
    folder = plans(tmp_path / "plans")
    out = tmp_path / "company.xlsx"
    done = run_cli("plan", "consolidate", folder, "-o", out)
    assert done.returncode == 1, done.stdout + done.stderr  # written, with errors to follow up
    assert out.exists()
    for cell in ("计划!L4", "计划!G5", "计划!F5"):  # said once each, in the file's words
        assert done.stdout.count(cell) == 1, done.stdout
    assert "“预算”应为数字，实际为“abc”" in done.stdout
    book = openpyxl.load_workbook(out)
    conflicts = [r for r in book["冲突"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [(r[0], r[1], r[4], r[7]) for r in conflicts] == [
        ("取值无法识别", "S1", "sales.xlsx", "L4"), ("取值无法识别", "S2", "sales.xlsx", "G5"),
        ("不在可选值中", "S2", "sales.xlsx", "F5")]
    plan = book["计划"]
    rows = {plan.cell(r, 1).value: r for r in range(3, plan.max_row + 1)}
    assert plan.cell(rows["S1"], 12).value == "abc"  # as typed, not blank
    assert plan.cell(rows["S1"], 12).fill.fgColor.rgb.endswith("FFC7CE")
    assert plan.cell(rows["S2"], 7).value == "多"
    assert plan.cell(rows["S3"], 12).value == 100
    checked = run_cli("validate", out)
    assert checked.returncode == 1, checked.stdout
    assert "[type-error]" in checked.stdout and "[invalid-choice]" in checked.stdout
    for step in ("submitted", "reviewed"):
        run_cli("plan", "status", out, "--set", step)
    final = run_cli("plan", "status", out, "--set", "final")
    assert final.returncode == 1 and "[plan-has-errors]" in final.stdout, final.stdout


def test_the_api_lists_them_with_the_items_kept(tmp_path):
    folder = plans(tmp_path / "plans")
    done = consolidate_plans(folder)
    assert done.exit_code == 1 and len(done.result.items) == 4
    unread = done.result.conflicts[done.result.conflicts["code"].isin(
        ["type-error", "invalid-choice"])]
    assert sorted(zip(unread["item_id"], unread["field"], unread["value"])) == [
        ("S1", "budget", "abc"), ("S2", "direction", "sideways"), ("S2", "target", "多")]
    said = [i for i in done.report.issues if i.code in ("type-error", "invalid-choice")]
    assert sorted(i.cell for i in said) == ["F5", "G5", "L4"]
    assert {i.file for i in said} == {str(folder / "sales.xlsx")}
