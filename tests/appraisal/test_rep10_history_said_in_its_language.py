"""Each --history workbook's issues are told in that workbook's own language, as README
says of every file (without --lang): before, an English workbook given as history to a
Chinese cycle had its warnings and bad cells said in Chinese."""

from __future__ import annotations

from appraisalbooks import appraisal_book
from conftest import run_cli


def test_each_history_file_is_told_in_its_own_language(tmp_path):
    scores = [("E1", "E2", "superior", "K1", 80), ("E2", "E1", "superior", "K1", 70)]
    main = appraisal_book(tmp_path / "2026Q4.xlsx", scores, {"cycle": "2026Q4"}, lang="zh")
    english = appraisal_book(tmp_path / "2026Q3.xlsx", scores, {"cycle": "2026Q3"}, lang="en",
                             history=[("E1", "2026Q2", "eighty", "A")])
    chinese = appraisal_book(tmp_path / "2026Q1.xlsx", scores, {"cycle": "2026Q1"}, lang="zh",
                             history=[("E1", "2025Q4", "八十", "A")])
    done = run_cli("appraisal", "score", main, "--history", english, "--history", chinese,
                   "-o", tmp_path / "out.xlsx", "--jobs", "1")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith(f"{english}:")))
    assert lines[at + 1] == ("  ✗ History!C4  [type-error] 'Total Score' should be a number, "
                             "found 'eighty'.")
    at = lines.index(next(line for line in lines if line.startswith(f"{chinese}：")))
    assert lines[at + 1] == "  ✗ 历史考核!C4  [type-error] “总分”应为数字，实际为“八十”。"
    assert lines[-1].startswith("共 3 个文件")  # the run's totals in the cycle's language
