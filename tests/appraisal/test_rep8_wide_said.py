"""A wide-form Scores sheet (one column per indicator) reads its cells as the long form
does: it says what a number typed as text was read as, in English and Chinese (never "was
read as a number, ;"); a score shown as a percentage (90% in a 0% format) is 90; a formula
with no value or an error value is an error at its cell, never a score silently dropped."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def make_wide(tmp_path: Path, first: list, second: list) -> Path:
    """Two indicators, one column each (计划完成 by name, K2 by ID); two rows of scores."""
    path = tmp_path / "wide-scores.xlsx"
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1", "E2"], "name": ["王伟", "李娜"],
                                   "department": ["运营部", "运营部"]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1", "K2"],
                                    "group": ["results", "attitude"],
                                    "name": ["计划完成", "责任心"], "weight": [60, 40]}),
        "Settings": settings(cycle="2026Q4"),
    }
    new_workbook("appraisal", "zh", path, frames=frames)
    book = openpyxl.load_workbook(path)
    sheet = book["评分"]
    sheet.delete_rows(3, sheet.max_row)
    for row in (["工号", "评分人工号", "评分人角色", "计划完成", "K2"],
                ["E1", "B0", "上级", *first], ["E2", "E1", "上级", *second]):
        sheet.append(row)
    sheet["D4"].number_format = "0%" if isinstance(first[0], float) else "General"
    book.save(path)
    return path


@pytest.fixture
def wide(tmp_path: Path) -> Path:
    return make_wide(tmp_path, [95, 90], ["88.5", 70])


def test_a_number_typed_as_text_says_what_it_was_read_as(wide: Path):
    done = opsbook.score_appraisal(wide)
    [said] = [i for i in done.report.issues if i.code == "coerced-value"]
    assert (said.cell, said.severity) == ("D5", "warning")
    assert said.message("en") == (
        "'计划完成': '88.5' was read as a number, 88.5; check it, and enter the value in the "
        "cell's own format to be sure.")
    assert said.message("zh") == "“计划完成”：“88.5”被识别为数字 88.5；建议按数字格式录入。"
    scores = done.result.indicator_scores.set_index(["employee_id", "indicator_id"])
    assert scores.at[("E2", "K1"), "score"] == 88.5
    assert done.result.results.set_index("employee_id").at["E2", "total"] == 81.1


def test_a_score_shown_as_a_percentage_is_the_figure_shown(tmp_path: Path):
    done = opsbook.score_appraisal(make_wide(tmp_path, [0.9, 90], [80, 70]))
    scores = done.result.indicator_scores.set_index(["employee_id", "indicator_id"])
    assert scores.at[("E1", "K1"), "score"] == 90


def test_a_formula_without_a_value_is_an_error_at_its_cell(tmp_path: Path):
    done = opsbook.score_appraisal(make_wide(tmp_path, [95, 90], ["=D4*1", 70]))
    found = [(i.code, i.cell) for i in done.report.issues if i.severity == "error"]
    assert ("formula-no-value", "D5") in found  # openpyxl saves a formula with no value
    assert done.result is None
