"""Consolidating again after an item moved to another department (S2 now sent by 运营部):
``plan diff`` calls it one item whose department changed, so the carry-over says the same:
its decision is not carried over (an item is matched by department and ID) and the
``review-dropped`` warning says the department changed, at the item's new Review row where it
is to be reviewed again — not "the item is no longer in the plan", at no row. Real
workbooks on disk, run as a user runs them."""

from __future__ import annotations

from conftest import run_cli
from test_plan_cycle_round5 import item, plan_book
from test_pln7_review_carry import decide, department_plans, review_rows

from opsbook import consolidate_plans
from opsbook.api import write_output


def _move_s2(folder, lang="zh"):
    """S2 (40 个) taken out of sales.xlsx and sent by 运营部 instead, nothing else changed."""
    sales, ops = ("销售部", "运营部") if lang == "zh" else ("Sales", "Operations")
    plan_book(folder / "sales.xlsx", lang, [
        item("S1", sales, "销售额", "万元", 1000, (250, 250, 250, 250))],
        {"year": 2027, "department": sales})
    plan_book(folder / "ops.xlsx", lang, [
        item("O1", ops, "流程优化项目数", "个", 8, (2, 2, 2, 2)),
        item("S2", ops, "新签客户数", "个", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": ops})


def test_an_item_moved_to_another_department_is_said_changed_at_its_new_row(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    assert run_cli("plan", "consolidate", folder, "-o", out).returncode == 0
    decide(out, {"S1": ("张总", "同意", "通过"), "S2": ("张总", "可以", "通过")})
    v1 = tmp_path / "v1.xlsx"
    v1.write_bytes(out.read_bytes())
    _move_s2(folder)

    again = run_cli("plan", "consolidate", folder, "-o", out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "沿用审核意见 1 条，1 条未沿用" in again.stdout
    dropped = [line for line in again.stdout.splitlines() if "[review-dropped]" in line]
    assert len(dropped) == 1
    assert "S2（销售部）" in dropped[0] and "部门 销售部 → 运营部" in dropped[0]
    assert "不在计划中" not in dropped[0]
    # 运营部 before 销售部: O1 on row 3, S2 (now 运营部's) on row 4, to be reviewed again
    assert review_rows(out) == [("O1", "运营部", "流程优化项目数", None, None, None),
                                ("S2", "运营部", "新签客户数", None, None, None),
                                ("S1", "销售部", "销售额", "张总", "同意", "通过")]
    assert "审核意见!F4" in dropped[0]
    # plan diff says the same item changed its department
    diff = run_cli("plan", "diff", v1, out)
    assert diff.returncode == 1
    assert "~ S2（运营部）部门：销售部 → 运营部" in diff.stdout
    assert "新增 0 项，删除 0 项，修改 1 项（1 个字段）" in diff.stdout


def test_a_moved_item_that_also_changed_says_both_in_english(tmp_path):
    """Python, English plans: the department first, then the other fields that changed."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder, "en")
    write_output(out, consolidate_plans(folder, output=out).sheets)
    decide(out, {"S2": ("Ann", "fine", "accept")}, "en")
    _move_s2(folder, "en")
    plan_book(folder / "ops.xlsx", "en", [
        item("O1", "Operations", "流程优化项目数", "个", 8, (2, 2, 2, 2)),
        item("S2", "Operations", "新签客户数", "个", 40, (10, 10, 10, 10), budget=80)],
        {"year": 2027, "department": "Operations"})

    done = consolidate_plans(folder, output=out)
    said = [i for i in done.report.issues if i.code == "review-dropped"]
    assert len(said) == 1
    assert said[0].message("en") == (
        "The review of S2 (Sales), decision accept by Ann, comment “fine”, is not carried "
        "over to the new company plan: it changed since it was reviewed (Department Sales → "
        "Operations; Budget 100 → 80). Review it again there.")
    assert (said[0].sheet, said[0].cell) == ("Review", "F4")
