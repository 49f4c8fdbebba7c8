"""A rating with the role self by someone other than the employee (E3 rates E2 as "self") is
no self-rating: it was counted as E2's own, moving E2's total (80 × 6/7 + 20 × 1/7 = 71.43
instead of 80) and the self-rating gap without a word. It is an error at its cell, in both
languages, as a rating of oneself in another role is; the computation leaves it out."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook
from opsbook.appraisal.compute import score

SCORES = [("E2", "E1", "superior", "K1", 80), ("E2", "E3", "self", "K1", 20),
          ("E3", "E1", "superior", "K1", 70), ("E3", "E3", "self", "K1", 90)]


def write(path: Path, lang: str) -> Path:
    return appraisal_book(path, SCORES, {"cycle": "2026Q4"}, lang=lang,
                          managers={"E2": "E1", "E3": "E1"})


@pytest.mark.parametrize("lang, said", [
    ("en", "Scores!C5  [self-role-by-other] Rater E3 rated employee E2 "
           "with the role self; a self-rating is the employee's own (Rater ID E2). Write this "
           "rater's real role, or the employee's own ID. The row is left out."),
    ("zh", "评分!C5  [self-role-by-other] 评分人 E3 以“自评”角色给员工 E2 评分；自评只能由员工"
           "本人进行（评分人工号应为 E2）。请改为该评分人的实际角色，或填写员工本人的工号。"
           "该行不计入。"),
])
def test_another_persons_self_rating_is_an_error_at_its_cell(tmp_path: Path, lang, said):
    path = write(tmp_path / "2026Q4.xlsx", lang)
    done = run_cli("validate", path)
    assert done.returncode == 1 and said in done.stdout
    assert done.stdout.count("[self-role-by-other]") == 1  # E3's own self-rating is fine
    calculated = opsbook.score_appraisal(path)
    assert calculated.result is None and calculated.exit_code == 1


def test_the_computation_leaves_it_out(tmp_path: Path):
    book = opsbook.load(write(tmp_path / "2026Q4.xlsx", "en"))
    result = score(book["Employees"], book["Indicators"], book["Scores"], None, None,
                   book.settings)
    totals = result.results.set_index("employee_id")["total"]
    assert totals["E2"] == 80.0  # the superior's alone, not 71.43
    assert totals["E3"] == pytest.approx(70 * 6 / 7 + 90 / 7)  # superior 6/7, self 1/7
    [issue] = [i for i in result.issues if i.code == "self-role-by-other"]
    assert (issue.row, issue.value, issue.params["employee"]) == (5, "E3", "E2")
    gap = result.self_gap.set_index("employee_id")
    assert "E2" not in gap.index and gap.at["E3", "gap"] == pytest.approx(20.0)


def test_a_wide_form_row_is_told_once_at_its_role_cell(tmp_path: Path):
    """One row per rater, one column per indicator: the row's one role cell is said once,
    not once per indicator (two identical lines before)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header, rows in (
        ("员工", ["工号", "姓名", "部门", "直属上级工号"],
         [("E1", "王伟", "运营部", None), ("E2", "李娜", "运营部", "E1"),
          ("E3", "张强", "运营部", "E1")]),
        ("考核指标", ["指标编号", "类别", "指标名称", "权重"],
         [("K1", "工作业绩", "计划完成", 60), ("K2", "工作态度", "责任心", 40)]),
        ("评分", ["工号", "评分人工号", "评分人角色", "计划完成", "责任心"],
         [("E2", "E1", "上级", 80, 85), ("E2", "E3", "自评", 20, 30),
          ("E2", "E2", "同事", 90, 90)]),
        ("设置", ["项目", "值"], [("cycle", "2026Q4")])):
        sheet = book.create_sheet(name)
        for row in [header, *rows]:
            sheet.append(list(row))
    path = tmp_path / "wide.xlsx"
    book.save(path)
    done = run_cli("validate", path)
    assert done.returncode == 1
    assert done.stdout.count("评分!C3  [self-role-by-other] 评分人 E3 以“自评”角色给员工 E2") == 1
    assert done.stdout.count("评分!C4  [self-rated-as-other] 评分人 E2 以“同事”角色给自己评分") == 1
    assert "2 个错误" in done.stdout
