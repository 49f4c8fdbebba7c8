"""A wide-form Scores sheet reads its cells as the long form does: a score shown as a
percentage (90% in a 0% format) is 90, and a formula with no value or an error value is an
error at its cell, never a score silently dropped."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def wide(tmp_path: Path, second: list) -> Path:
    path = tmp_path / "wide.xlsx"
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
                ["E1", "B0", "上级", 0.9, 90], ["E2", "E1", "上级", *second]):
        sheet.append(row)
    sheet["D4"].number_format = "0%"
    book.save(path)
    return path


def test_a_score_shown_as_a_percentage_is_the_figure_shown(tmp_path: Path):
    done = opsbook.score_appraisal(wide(tmp_path, [80, 70]))
    scores = done.result.indicator_scores.set_index(["employee_id", "indicator_id"])
    assert scores.at[("E1", "K1"), "score"] == 90


def test_a_formula_without_a_value_is_an_error_at_its_cell(tmp_path: Path):
    done = opsbook.score_appraisal(wide(tmp_path, ["=D4*1", 70]))  # openpyxl saves no value
    found = [(i.code, i.cell) for i in done.report.issues if i.severity == "error"]
    assert ("formula-no-value", "D5") in found
    assert done.result is None
