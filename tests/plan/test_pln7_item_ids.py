"""Item IDs are matched as KPIs and departments are — case, spaces and full-width forms
folded ("a-01" is A-01) — wherever the plan cycle matches them: validation, consolidation,
diff, status and tracking; an ID is always shown as it was typed. Real workbooks on disk
(the standard template, filled in with openpyxl)."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, diff_plans, set_plan_status, track_plan, validate
from opsbook.api import write_output


def test_ids_that_differ_only_in_case_clash_in_a_plan_and_across_plans(tmp_path):
    """A-01 and a-01 in one plan: the second is a duplicate-key error at its cell; in two
    department plans: a duplicate-item conflict of both items, each shown as typed."""
    one = plan_book(tmp_path / "one.xlsx", "zh", [
        item("A-01", "销售部", "销售额", "万元", 100, (25, 25, 25, 25)),
        item("a-01", "销售部", "回款额", "万元", 80, (20, 20, 20, 20))],
        {"year": 2027, "department": "销售部"})
    errors = validate(one).errors
    assert [(i.code, i.cell, i.value) for i in errors] == [("duplicate-key", "A5", "a-01")]
    assert "另见第 4 行" in errors[0].message("zh")

    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "zh", [
        item("A-01", "销售部", "销售额", "万元", 100, (25, 25, 25, 25))],
        {"year": 2027, "department": "销售部"})
    plan_book(folder / "ops.xlsx", "zh", [
        item("a-01 ", "运营部", "单位成本", "元", 10, (None,) * 4)],
        {"year": 2027, "department": "运营部"})
    out = tmp_path / "company.xlsx"
    done = consolidate_plans(folder, output=out)
    clash = done.result.conflicts[done.result.conflicts["code"].eq("duplicate-item")]
    assert sorted(clash["item_id"]) == ["A-01", "a-01"]
    assert done.exit_code == 1
    write_output(out, done.sheets)
    # the company plan says the same when validated: the only errors are its conflicts
    assert [(i.code, i.value) for i in validate(out).errors] == [("duplicate-key", "A-01")]


def test_actuals_and_review_rows_typed_in_another_case_are_the_items(tmp_path):
    """Actuals for s1 and Ｓ２ count for S1 and S2 (no unknown-reference, tracked); a revise
    decision on s2 keeps the plan from becoming final until an accept row on S2."""
    path = plan_book(tmp_path / "plan.xlsx", "zh", [
        item("S1", "销售部", "销售额", "万元", 1200, (300, 300, 300, 300)),
        item("S2", "销售部", "回款率", "%", 90, (90, 90, 90, 90))],
        {"year": 2027, "department": "销售部"},
        actuals=[("s1", "2027-01", 100), ("Ｓ２", "2027-01", 45), ("s2", "2027-02", 90)],
        review=[("s2", "王总", "回款率目标偏低", "修改")])
    assert validate(path).issues == []
    tracked = track_plan(path, as_of="2027-02-28")
    items = tracked.result.items.set_index("item_id")
    assert items.loc["S1", "actual_to_date"] == 100 and items.loc["S1", "target_to_date"] == 200
    assert items.loc["S2", "actual_to_date"] == 67.5                  # (45 + 90) / 2
    assert not [i for i in tracked.report.issues if i.code == "actual-unknown-item"]

    for status in ("submitted", "reviewed"):
        assert set_plan_status(path, status).computed
    refused = set_plan_status(path, "final")
    assert [(i.code, i.value) for i in refused.report.issues] == [("unresolved-decision", "s2")]
    book = openpyxl.load_workbook(path)
    book["审核意见"].append(["S2", "王总", "已调整", "通过"])
    book.save(path)
    assert set_plan_status(path, "final").computed


def test_a_company_plan_review_row_is_about_its_own_department(tmp_path):
    """S-02 in two departments (a conflict): the Review sheet's rows name the department, so
    a revise decision on 销售部's S-02 is not resolved by an accept of 运营部's S-02."""
    folder = tmp_path / "plans"
    folder.mkdir()
    plan_book(folder / "sales.xlsx", "zh", [
        item("S-02", "销售部", "新签客户数", "个", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": "销售部"})
    plan_book(folder / "ops.xlsx", "zh", [
        item("s-02", "运营部", "流程优化项目数", "个", 8, (2, 2, 2, 2))],
        {"year": 2027, "department": "运营部"})
    out = tmp_path / "company.xlsx"
    write_output(out, consolidate_plans(folder, output=out).sheets)
    book = openpyxl.load_workbook(out)
    sheet = book["审核意见"]
    rows = {sheet.cell(r, 2).value: r for r in (3, 4)}
    sheet.cell(rows["销售部"], 6, "修改")
    sheet.cell(rows["运营部"], 6, "通过")
    book.save(out)
    for status in ("submitted", "reviewed"):
        assert set_plan_status(out, status).computed
    refused = set_plan_status(out, "final").report.issues
    unresolved = [i for i in refused if i.code == "unresolved-decision"]
    assert [(i.value, i.row) for i in unresolved] == [("S-02", rows["销售部"])]
    # a row naming a department no S-02 is in (a slip) is not lost: it is about both
    book = openpyxl.load_workbook(out)
    book["审核意见"].append(["s-02", "财务部", None, "王总", "再议", "不通过"])
    book.save(out)
    refused = set_plan_status(out, "final").report.issues
    assert [(i.value, i.row) for i in refused if i.code == "unresolved-decision"] == [
        ("s-02", 5)]


def test_an_id_retyped_in_another_case_is_a_change_not_a_new_item(tmp_path):
    """The diff matches a-01 with A-01: one changed field (the ID as typed), nothing added
    or removed, rows that moved are no change; the text names the ID as typed."""
    old = plan_book(tmp_path / "v1.xlsx", "en", [
        item("A-01", "Sales", "Revenue", "CNY", 100, (25, 25, 25, 25)),
        item("B-01", "Sales", "Margin", "%", 30, (None,) * 4)],
        {"year": 2027, "department": "Sales"})
    new = plan_book(tmp_path / "v2.xlsx", "en", [
        item("b-01", "Sales", "Margin", "%", 30, (None,) * 4),
        item("a-01", "Sales", "Revenue", "CNY", 100, (25, 25, 25, 25))],
        {"year": 2027, "department": "Sales"})
    done = diff_plans(old, new)
    assert done.result.added.empty and done.result.removed.empty
    assert sorted(map(tuple, done.result.changed[["item_id", "field", "old", "new"]]
                      .to_numpy().tolist())) == [("a-01", "item_id", "A-01", "a-01"),
                                                 ("b-01", "item_id", "B-01", "b-01")]
    shown = run_cli("plan", "diff", old, new)
    assert shown.returncode == 1
    assert "~ a-01 (Sales) Item ID: A-01 → a-01" in shown.stdout
