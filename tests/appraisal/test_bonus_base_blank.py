"""An employee graded without a bonus base got a blank bonus and nothing said why (the Notes
column explains anything unusual); now the note says the bonus is left blank, in the
workbook's language. The others' bonuses are base × coefficient as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from appraisalbooks import appraisal_book
from conftest import run_cli

SCORES = [("E1", "E2", "superior", "K1", 95), ("E2", "E1", "superior", "K1", 72),
          ("E3", "E1", "superior", "K1", 50)]


@pytest.mark.parametrize("lang, sheet, note", [
    ("en", "Employees", "no peer rating and no self-rating: superior 100 %; no bonus base: "
                        "bonus left blank"),
    ("zh", "员工", "无同事评分、无自评：上级 100%；未填绩效奖金基数：奖金留空"),
])
def test_blank_base_said(tmp_path: Path, lang: str, sheet: str, note: str) -> None:
    book = appraisal_book(tmp_path / "a.xlsx", SCORES, {"cycle": "2026Q4"}, lang=lang)
    workbook = openpyxl.load_workbook(book)
    workbook[sheet]["F5"] = None  # E2's bonus base (row 4 is E1's)
    workbook.save(book)
    done = run_cli("appraisal", "score", book, "-o", tmp_path / "r.xlsx", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    header, *body = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    rows = {row[0]: dict(zip(header, row)) for row in body}
    coefficient, bonus, notes = (header[11], header[12], header[-1])  # as the README lists
    assert (rows["E1"][coefficient], rows["E1"][bonus]) == (1.5, 1500)  # S: 1.5 × 1000
    assert (rows["E2"][coefficient], rows["E2"][bonus]) == (1, None)  # B, no base
    assert rows["E2"][notes] == note
    assert (rows["E3"][coefficient], rows["E3"][bonus]) == (0, 0)  # D: 0 × 1000
    assert "bonus" not in str(rows["E1"][notes]) and "奖金" not in str(rows["E1"][notes])
