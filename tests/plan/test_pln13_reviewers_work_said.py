"""Nothing of a reviewer's work goes without a word when a company plan is consolidated again:
a dropped Review row's warning says what it held; an ID on no item before or now is said so,
not "no longer in the plan"; what else the earlier plan held (a sheet of the reviewers' own,
a column they added to Review, a status beyond draft) is said in one warning, and its
behind_threshold goes on; and ``plan status`` tells the Review rows of items taken out."""

from __future__ import annotations

import openpyxl
from conftest import run_cli
from test_pln7_review_carry import decide, department_plans

from opsbook import consolidate_plans, load, set_plan_status
from opsbook.api import write_output


def _company(tmp_path):
    folder, out = tmp_path / "plans", tmp_path / "company.xlsx"
    department_plans(folder)
    write_output(out, consolidate_plans(folder, output=out).sheets)
    return folder, out


def test_a_dropped_review_says_what_it_held_and_an_unknown_id_is_told_so(tmp_path):
    folder, out = _company(tmp_path)
    decide(out, {"O1": ("李总", "目标太低", "不通过")},
           extra=[("X9", "运营部", None, "王二", "不知是哪一项", "修改")])
    book = openpyxl.load_workbook(folder / "ops.xlsx")
    book["计划"]["A4"] = "O2"                      # O1 taken out
    book.save(folder / "ops.xlsx")
    done = consolidate_plans(folder, output=out)
    said = {i.value: i for i in done.report.issues if i.code == "review-dropped"}
    assert said["O1"].message("zh") == ("O1（运营部）的审核意见（结论“不通过”，审核人李总，意见"
                                         "“目标太低”）未沿用到新的公司计划：该计划项已不在计划中。")
    assert said["X9"].message("en") == (
        "The review of X9 (运营部), decision revise by 王二, comment “不知是哪一项”, is not "
        "carried over to the new company plan: no item of its ID is in the plan, before or "
        "now.")


def test_what_else_the_earlier_plan_held_is_said_and_its_threshold_goes_on(tmp_path):
    folder, out = _company(tmp_path)
    assert set_plan_status(out, "submitted").computed
    book = openpyxl.load_workbook(out)
    review = book["审核意见"]
    review.cell(2, 7, "审核日期")                  # a column of the reviewers' own
    review.cell(3, 7, "2027-01-05")
    settings = book["设置"]
    row = next(r for r in settings.iter_rows() if r[0].value == "behind_threshold")
    row[1].value = 0.8
    book.create_sheet("审核笔记")["A1"] = "第一轮意见"
    book.create_sheet("问题清单")["A1"] = "Validate's list: written again, not said"
    book.save(out)

    done = run_cli("plan", "consolidate", folder, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("[earlier-plan-left-behind] 被替换的公司计划中有新计划未保留的内容：工作表“审核笔记”；"
            "“审核意见”中的列“审核日期”；状态“已提交”（新计划为草稿）。") in done.stdout
    again = load(out)
    assert again.settings.behind_threshold == 0.8 and again.settings.status == "draft"
    # consolidated once more, nothing of the user's is left to say
    quiet = run_cli("plan", "consolidate", folder, "-o", out)
    assert "earlier-plan-left-behind" not in quiet.stdout


def test_status_tells_the_review_rows_of_an_item_taken_out(tmp_path):
    _, out = _company(tmp_path)
    decide(out, {"O1": ("李总", "同意", "通过")})
    book = openpyxl.load_workbook(out)
    plan = book["计划"]
    at = next(r for r in range(1, plan.max_row + 1) if plan.cell(r, 1).value == "O1")
    plan.delete_rows(at)                           # O1 taken out of the company plan
    book.save(out)
    done = set_plan_status(out, "submitted")
    assert done.computed
    told = [i for i in done.report.issues if i.code == "unknown-reference"]
    assert [(i.sheet, i.value) for i in told] == [("审核意见", "O1")]
