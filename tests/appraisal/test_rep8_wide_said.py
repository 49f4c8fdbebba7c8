"""A wide-form Scores sheet (one column per indicator) says what a number typed as text was
read as, in English and Chinese, as the long form does: never "was read as a number, ;"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


@pytest.fixture
def wide(tmp_path: Path) -> Path:
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
                ["E1", "B0", "上级", 95, 90], ["E2", "E1", "上级", "88.5", 70]):
        sheet.append(row)
    book.save(path)
    return path


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
