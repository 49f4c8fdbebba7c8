"""Consolidating again into a company plan that reviewers have already worked on: their
decisions and comments are carried over for the items still there and unchanged (matched by
department and item ID), the others are said with why, and a file at the output path that
cannot be read is never replaced. Real workbooks on disk (the standard template, filled in
with openpyxl), run as a user runs them."""

from __future__ import annotations

import openpyxl
from conftest import run_cli, sha256
from test_plan_cycle_round5 import item, plan_book

from opsbook import consolidate_plans, set_plan_status
from opsbook.api import write_output

REVIEW = {"zh": "审核意见", "en": "Review"}


def department_plans(folder, lang="zh"):
    """销售部: S1 (1000 万元), S2 (40 个); 运营部: O1 (8 个)."""
    folder.mkdir(parents=True, exist_ok=True)
    sales, ops = ("销售部", "运营部") if lang == "zh" else ("Sales", "Operations")
    plan_book(folder / "sales.xlsx", lang, [
        item("S1", sales, "销售额", "万元", 1000, (250, 250, 250, 250)),
        item("S2", sales, "新签客户数", "个", 40, (10, 10, 10, 10))],
        {"year": 2027, "department": sales})
    plan_book(folder / "ops.xlsx", lang, [
        item("O1", ops, "流程优化项目数", "个", 8, (2, 2, 2, 2))],
        {"year": 2027, "department": ops})
    return sales, ops


def review_rows(path, lang="zh"):
    sheet = openpyxl.load_workbook(path)[REVIEW[lang]]
    return [row for row in sheet.iter_rows(min_row=3, values_only=True) if any(row)]


def decide(path, decisions, lang="zh", extra=()):
    """Fill in the Review sheet of a company plan: item ID → (reviewer, comment, decision);
    ``extra`` rows appended below (item ID, department, KPI, reviewer, comment, decision)."""
    book = openpyxl.load_workbook(path)
    sheet = book[REVIEW[lang]]
    for row in range(3, sheet.max_row + 1):
        said = decisions.get(sheet.cell(row, 1).value)
        if said:
            for column, value in enumerate(said, start=4):
                sheet.cell(row, column, value)
    for record in extra:
        sheet.append(list(record))
    book.save(path)


def set_cell(path, sheet, cell, value):
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def test_decisions_on_unchanged_items_are_carried_over_and_the_others_said(tmp_path):
    """S1 accepted and O1 rejected then accepted (two rows, history) are carried over, in
    their order, though O1 is now typed o1; S2 was revised and its budget changed since: its
    decision is not carried over, and the user is told which field changed (old → new)."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    first = run_cli("plan", "consolidate", folder, "-o", out)
    assert first.returncode == 0, first.stdout + first.stderr
    decide(out, {"S1": ("张总", "同意", "通过"), "S2": ("张总", "预算偏高", "修改"),
                 "O1": ("李总", "目标太低", "不通过")},
           extra=[("O1", "运营部", "流程优化项目数", "李总", "已沟通", "通过")])
    set_cell(folder / "sales.xlsx", "计划", "L5", 80)        # S2's budget: 100 → 80
    set_cell(folder / "ops.xlsx", "计划", "A4", "o1")          # O1 retyped in lower case

    again = run_cli("plan", "consolidate", folder, "-o", out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "沿用审核意见 3 条，1 条未沿用" in again.stdout
    assert "[review-carried]" in again.stdout and "2 个计划项的 3 条审核意见" in again.stdout
    dropped = next(line for line in again.stdout.splitlines() if "[review-dropped]" in line)
    assert "S2（销售部）" in dropped and "预算 100 → 80" in dropped
    assert "审核意见!F6" in dropped          # S2's row of the new Review sheet: review it again
    assert review_rows(out) == [                     # 运营部 before 销售部, by name
        ("o1", "运营部", "流程优化项目数", "李总", "目标太低", "不通过"),
        ("o1", "运营部", "流程优化项目数", "李总", "已沟通", "通过"),
        ("S1", "销售部", "销售额", "张总", "同意", "通过"),
        ("S2", "销售部", "新签客户数", None, None, None),
    ]
    # the carried rows count: O1's latest decision is accept, S2 has none; final once moved
    for status in ("submitted", "reviewed", "final"):
        assert set_plan_status(out, status).computed, status


def test_an_item_taken_out_has_its_decision_dropped_in_english(tmp_path):
    """An item no longer in the plan: its decision is dropped and said so (Python, English
    plans); a Review row that names no item ID is said too; what has no decision is not."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    sales, _ = department_plans(folder, "en")
    write_output(out, consolidate_plans(folder, output=out).sheets)
    decide(out, {"S1": ("Ann", "fine", "accept"), "O1": ("Bob", "too low", "reject")}, "en",
           extra=[(None, None, None, "Cy", "what about travel?", None)])
    book = openpyxl.load_workbook(folder / "ops.xlsx")
    book["Plan"]["A4"] = "O2"                      # O1 taken out, O2 put in
    book.save(folder / "ops.xlsx")

    done = consolidate_plans(folder, output=out)
    said = {i.value: i for i in done.report.issues if i.code == "review-dropped"}
    assert set(said) == {"O1", None}
    assert said["O1"].message("en") == ("The review of O1 (Operations), decision reject by "
                                        "Bob, comment “too low”, is not carried over to the "
                                        "new company plan: the item is no longer in the plan.")
    assert (said["O1"].sheet, said["O1"].cell) == ("Review", None)   # no row to review it in
    assert "不在计划中" in said["O1"].message("zh")
    assert said[None].message("en") == ("The review of a row with no item ID, by Cy, comment "
                                        "“what about travel?”, is not carried over to the new "
                                        "company plan: the row names no item ID.")
    assert said[None].message("zh") == ("未填编号的一行的审核意见（审核人Cy，意见“what about "
                                        "travel?”）未沿用到新的公司计划：该行未填写编号。")
    assert done.headline.endswith("; 1 review row carried over, 2 not carried over "
                                  "(see below)")
    review = done.result.review
    assert review.loc[review["item_id"].eq("S1"), "decision"].tolist() == ["accept"]
    assert review.loc[review["item_id"].eq("O2"), "decision"].isna().all()
    assert review["item_id"].tolist() == ["O2", "S1", "S2"]


def test_a_first_consolidation_says_nothing_of_reviews(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    done = consolidate_plans(folder, output=out)
    write_output(out, done.sheets)
    again = consolidate_plans(folder, output=out)     # a Review sheet with no decision
    assert again.headline == done.headline
    assert not [i for i in again.report.issues if i.code.startswith("review-")]


def test_a_file_at_the_output_that_cannot_be_read_is_never_replaced(tmp_path):
    """A damaged file where the company plan goes may hold reviewers' work that cannot be
    read: nothing is written (exit 2), in either language."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    out.write_bytes(b"PK\x03\x04 not really a workbook")
    before = sha256(out)
    for lang, words in (("en", "cannot be read"), ("zh", "无法读取")):
        done = run_cli("plan", "consolidate", folder, "-o", out, "--lang", lang)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "[earlier-plan-unreadable]" in done.stdout and words in done.stdout
        assert sha256(out) == before


def test_a_refused_run_leaves_the_reviewed_plan_as_it_was(tmp_path):
    """--strict with a file that cannot be read as a plan: the reviewed company plan at the
    output path is left byte for byte."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    write_output(out, consolidate_plans(folder, output=out).sheets)
    decide(out, {"S1": ("张总", "同意", "通过")})
    before = sha256(out)
    (folder / "broken.xlsx").write_text("no workbook")
    done = run_cli("plan", "consolidate", folder, "-o", out, "--strict")
    assert done.returncode in (1, 2), done.stdout + done.stderr
    assert sha256(out) == before


def test_a_final_company_plan_at_the_output_is_not_replaced_by_a_draft(tmp_path):
    """Consolidating again into the published plan is a slip: refused (exit 2, both
    languages, at its status setting), the final plan left byte for byte; another -o works."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    write_output(out, consolidate_plans(folder, output=out).sheets)
    for status in ("submitted", "reviewed", "final"):
        assert set_plan_status(out, status).computed
    before = sha256(out)
    for lang, words in (("en", "is final (published, version 2)"),
                        ("zh", "已定稿（已发布，版本 2）")):
        done = run_cli("plan", "consolidate", folder, "-o", out, "--lang", lang)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "[earlier-plan-final]" in done.stdout and words in done.stdout
        assert sha256(out) == before
    revised = run_cli("plan", "consolidate", folder, "-o", tmp_path / "company_v3.xlsx")
    assert revised.returncode == 0, revised.stdout + revised.stderr


def test_rows_that_cannot_be_told_apart_are_dropped_with_their_reason():
    """Without a Department column, an ID two departments share cannot be matched (said so),
    while an ID one item has is; an ID twice in one department cannot be either; an ID the
    earlier plan did not have cannot be told unchanged."""
    import pandas as pd

    from opsbook.plan.carry import carry_review

    def plan(*rows):
        return pd.DataFrame([item(*r) for r in rows], columns=[
            "item_id", "department", "objective", "kpi", "unit", "direction", "target", "q1",
            "q2", "q3", "q4", "budget", "owner", "start", "end", "priority"])

    old = plan(("S-02", "销售部", "客户数", "个", 40, (10,) * 4),
               ("s-02", "运营部", "项目数", "个", 8, (2,) * 4),
               ("S-03", "销售部", "满意度", "%", 90, (90,) * 4),
               ("T-01", "财务部", "费用", "元", 10, (None,) * 4),
               ("T-01", "财务部", "回款", "元", 20, (None,) * 4))
    review = pd.DataFrame({"item_id": ["S-02", "s-03", "T-01", "N-01"],
                           "reviewer": ["王"] * 4, "comment": [None] * 4,
                           "decision": ["accept", "revise", "accept", "reject"]},
                          index=[3, 4, 5, 6])
    new = plan(*[(r.item_id, r.department, r.kpi, r.unit, r.target, (r.q1, r.q2, r.q3, r.q4))
                 for r in old.itertuples()], ("N-01", "财务部", "新项", "元", 5, (None,) * 4))
    done = carry_review(new, old, review)
    assert (done.rows, done.items) == (1, 1)
    assert done.review.loc[done.review["item_id"].eq("S-03"), "decision"].tolist() == ["revise"]
    reasons = {i.value: i.params["reason"] for i in done.dropped}
    assert "names no department" in reasons["S-02"]
    assert "more than one item of the department" in reasons["T-01"]
    assert "earlier plan has no such item" in reasons["N-01"]
    assert all(i.message("zh").endswith("请在新计划中重新审核。") for i in done.dropped)
    assert all(i.message("en").endswith("Review it again there.") for i in done.dropped)


def test_a_department_plan_at_the_output_is_not_replaced_but_an_empty_template_is(tmp_path):
    """-o naming a department's plan (not among the inputs) would destroy it: refused, the
    file untouched; an empty plan template made for the company plan is filled."""
    folder = tmp_path / "plans"
    department_plans(folder)
    other = tmp_path / "finance.xlsx"
    plan_book(other, "zh", [item("F1", "财务部", "费用", "元", 10, (None,) * 4)],
              {"year": 2027, "department": "财务部"})
    before = sha256(other)
    done = run_cli("plan", "consolidate", folder, "-o", other)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "[earlier-plan-department]" in done.stdout and "部门计划（1 个计划项" in done.stdout
    assert sha256(other) == before

    template = tmp_path / "company.xlsx"
    assert run_cli("new", "plan", template, "--lang", "zh").returncode == 0
    filled = run_cli("plan", "consolidate", folder, "-o", template)
    assert filled.returncode == 0, filled.stdout + filled.stderr
    assert "按部门" in openpyxl.load_workbook(template).sheetnames


def test_a_decision_typed_past_the_drop_down_is_said_not_lost_silently(tmp_path):
    """待定 is no decision (the drop-down only warns): the reviewer and comment of its row
    are carried over, the decision is said not to be, in both languages."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    write_output(out, consolidate_plans(folder, output=out).sheets)
    decide(out, {"O1": ("李总", "再议", "待定")})
    done = consolidate_plans(folder, output=out)
    [said] = [i for i in done.report.issues if i.code == "review-decision-dropped"]
    assert said.message("zh") == ("O1（运营部）的结论“待定”不是通过、修改或不通过之一，未沿用到新的"
                                  "公司计划（审核人和意见已沿用）。请在新计划中从下拉列表选择。")
    assert "is none of accept, revise or reject" in said.message("en")
    o1 = done.result.review[done.result.review["item_id"].eq("O1")]
    assert o1[["reviewer", "comment", "decision"]].values.tolist() == [["李总", "再议", None]]
    # said at the decision cell of O1's row in the new Review sheet, where one is chosen
    write_output(out, done.sheets)
    sheet = openpyxl.load_workbook(out)[said.sheet]
    assert (said.file, said.column) == (str(out), "结论")
    assert sheet[said.cell].column_letter == "F" and sheet.cell(said.row, 1).value == "O1"


def settings_value(path, key):
    sheet = openpyxl.load_workbook(path)["设置"]
    return next(row[1] for row in sheet.iter_rows(values_only=True) if row[0] in key)


def test_consolidating_again_keeps_the_plans_version(tmp_path):
    """A company plan whose version the planners set (2027-B) keeps it when consolidated
    again into the same file, as its reviewers' decisions are kept; a new file starts at 1."""
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    assert run_cli("plan", "consolidate", folder, "-o", out).returncode == 0
    assert str(settings_value(out, ("version", "版本"))) == "1"
    book = openpyxl.load_workbook(out)
    sheet = book["设置"]
    row = next(r for r in range(1, sheet.max_row + 1)
               if sheet.cell(r, 1).value in ("version", "版本"))
    sheet.cell(row, 2).value = "2027-B"
    book.save(out)

    assert run_cli("plan", "consolidate", folder, "-o", out).returncode == 0
    assert settings_value(out, ("version", "版本")) == "2027-B"
    other = tmp_path / "other.xlsx"
    assert run_cli("plan", "consolidate", folder, "-o", other).returncode == 0
    assert str(settings_value(other, ("version", "版本"))) == "1"
