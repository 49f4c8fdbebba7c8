"""An employee's cycle on two History rows: the lowest row counts, as it always did, but
nothing said so, and swapping two rows (E2's 2026Q3 as D, failed, or as C) silently changed
whether E2 was escalated. Each such row is now a warning in both languages, in the workbook
and in a --history file, naming the row counted when the rows differ."""

from __future__ import annotations

from pathlib import Path

import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

import opsbook

SCORES = [("E1", "B0", "superior", "K1", 95), ("E2", "E1", "superior", "K1", 50)]
PEOPLE = {"E1": "运营部", "E2": "运营部"}
FAILED, PASSED = ("E2", "2026Q3", 50.0, "D"), ("E2", "2026q3 ", 65.0, "C")


def write(path: Path, history: list[tuple], lang: str = "en", cycle: str = "2026Q4") -> Path:
    return appraisal_book(path, SCORES, {"cycle": cycle, "consecutive_failure_limit": 2},
                          lang=lang, departments=PEOPLE, history=history)


@pytest.mark.parametrize("lang, first, second", [
    ("en", "History!B4  [duplicate-history] Employee E2 has cycle 2026Q3 on more than one row "
           "(rows 4, 5), with different figures: row 5, the lowest, is counted; delete the row "
           "that is wrong.",
           "History!B5  [duplicate-history] Employee E2 has cycle 2026q3 on more than one row"),
    ("zh", "历史考核!B4  [duplicate-history] 员工 E2 的考核周期 2026Q3 出现在多行（第 4、5 行），"
           "数据不同：按最下面的第 5 行计算；请删除错误的一行。",
           "历史考核!B5  [duplicate-history] 员工 E2 的考核周期 2026q3 出现在多行"),
])
def test_two_differing_rows_are_said_at_each(tmp_path: Path, lang, first, second):
    path = write(tmp_path / "k.xlsx", [FAILED, PASSED], lang)
    done = run_cli("validate", path)
    assert done.returncode == 0
    assert first in done.stdout and second in done.stdout


@pytest.mark.parametrize("history, failures", [([FAILED, PASSED], 1), ([PASSED, FAILED], 2)])
def test_the_lowest_row_counts(tmp_path: Path, history, failures):
    done = opsbook.score_appraisal(write(tmp_path / "k.xlsx", history))
    said = [(i.severity, i.cell) for i in done.report.issues if i.code == "duplicate-history"]
    assert said == [("warning", "B4"), ("warning", "B5")]
    e2 = done.result.results.set_index("employee_id").loc["E2"]
    assert (e2["consecutive_failures"], e2["escalate"]) == (failures, failures == 2)


def test_two_agreeing_rows_count_once(tmp_path: Path):
    path = write(tmp_path / "k.xlsx", [FAILED, ("E2", "２０２６Ｑ３", 50.0, "D")])
    done = opsbook.score_appraisal(path)
    [first, _second] = [i for i in done.report.issues if i.code == "duplicate-history"]
    assert first.message("en").endswith("with the same figures: it is counted once.")
    assert first.message("zh").endswith("数据相同：只计一次。")
    e2 = done.result.results.set_index("employee_id").loc["E2"]
    assert (e2["consecutive_failures"], e2["escalate"]) == (2, True)


def test_in_a_history_file_too(tmp_path: Path):
    past = write(tmp_path / "2026Q3.xlsx", [FAILED, PASSED], cycle="2026Q3")
    now = write(tmp_path / "2026Q4.xlsx", [])
    out = tmp_path / "out.xlsx"
    done = run_cli("appraisal", "score", now, "--history", past, "-o", out)
    assert done.returncode == 0 and out.exists()
    assert "History!B4  [duplicate-history] Employee E2 has cycle 2026Q3" in done.stdout
    assert "row 5, the lowest, is counted" in done.stdout
