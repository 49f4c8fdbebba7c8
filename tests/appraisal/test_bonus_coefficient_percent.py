"""A bonus coefficient is a multiple, not points: "120%" typed as text and 0.8 or 1.5 in a
cell formatted as a percentage are 1.2, 0.8 and 1.5 — never 120 or 80 times the bonus
base, never refused as out of range — and the bonus is base × coefficient."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_rep8_grades_on_scale import write

import opsbook


def test_percentages_are_shares_of_one(tmp_path: Path):
    grades = [("S", 4.5, "120%", "commend"), ("A", 3.5, 0.8, "none"), ("B", 2.5, 1.5, "none"),
              ("D", 0, 0, "improve")]
    path = write(tmp_path / "bands.xlsx", "en", grades, scale_min=1, scale_max=5)
    book = openpyxl.load_workbook(path)
    sheet = book["Grades"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Grade")
    for row in (header + 2, header + 3):  # A's 0.8 shown as 80%, B's 1.5 as 150%
        sheet.cell(row, 3).number_format = "0%"
    book.save(path)
    loaded = opsbook.load(path)
    assert loaded["Grades"]["bonus_coefficient"].tolist() == [1.2, 0.8, 1.5, 0.0]
    assert not [i for i in opsbook.validate(path).issues if i.severity == "error"]
    # E1 scored 5 (S: 1,000 × 1.2), E2 scored 3 (B: 1,000 × 1.5)
    results = opsbook.score_appraisal(path).result.results
    assert dict(zip(results["employee_id"], results["grade"])) == {"E1": "S", "E2": "B"}
    assert dict(zip(results["employee_id"], results["bonus"])) == {"E1": 1200.0, "E2": 1500.0}
