"""A History row whose grade is none of the Grades sheet's and that has neither a total nor
an outcome (不及格, a grade of an older scheme) cannot count as failed: before, the cycle
silently counted as passed and an employee who failed it was not escalated. Now it is a
warning at the grade's cell, in both languages; a grade written in another case (d for D) or a
row with a total is told as before and says nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

SCORES = [("E1", "B0", "superior", "K1", 50), ("E2", "B0", "superior", "K1", 50),
          ("E3", "B0", "superior", "K1", 50)]
PEOPLE = {"E1": "运营部", "E2": "运营部", "E3": "运营部"}
HISTORY = [("E1", "2026Q3", None, "不及格"), ("E2", "2026Q3", None, "d"),
           ("E3", "2026Q3", 50.0, "不及格")]


def write(path: Path, lang: str) -> Path:
    return appraisal_book(path, SCORES, {"cycle": "2026Q4", "consecutive_failure_limit": 2},
                          lang=lang, departments=PEOPLE, history=HISTORY)


@pytest.mark.parametrize("lang, said", [
    ("en", "History!D4  [history-grade-unknown] Employee E1's grade 不及格 for cycle 2026Q3 is "
           "none of the Grades sheet's grades (S, A, B, C, D), and the row has neither a total "
           "nor an outcome: that cycle counts as not failed. Write the grade as the Grades "
           "sheet has it, or the row's outcome."),
    ("zh", "历史考核!D4  [history-grade-unknown] 员工 E1 考核周期 2026Q3 的等级“不及格”不是"
           "“等级”表中的等级（S、A、B、C、D），该行也没有总分或结果应用：这一期按达标计算。"
           "请按“等级”表填写等级，或填写该行的结果应用。"),
])
def test_an_untold_grade_is_said_at_its_cell(tmp_path: Path, lang, said):
    done = run_cli("validate", write(tmp_path / "k.xlsx", lang))
    assert done.returncode == 0, done.stderr
    assert said in done.stdout
    assert done.stdout.count("history-grade-unknown") == 1  # not E2's d, not E3's total


def test_the_results_say_what_was_counted(tmp_path: Path):
    out = tmp_path / "results.xlsx"
    done = run_cli("appraisal", "score", write(tmp_path / "k.xlsx", "en"), "-o", out)
    assert done.returncode == 0, done.stderr
    assert "History!D4  [history-grade-unknown]" in done.stdout
    ws = openpyxl.load_workbook(out)["Results"]
    header = [c.value for c in ws[2]]
    failed, escalate = header.index("Failed Cycles in a Row"), header.index("Escalate")
    rows = {r[0]: (r[failed], r[escalate]) for r in ws.iter_rows(min_row=3, values_only=True)}
    # E1's 不及格 tells nothing: 1; E2's d is D (improve) and E3's total 50 is D: 2, escalated
    assert rows == {"E1": (1, "no"), "E2": (2, "yes"), "E3": (2, "yes")}
