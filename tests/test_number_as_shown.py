"""A number typed with a percent sign in a number field (a score on a 0–100 scale, a KPI's
target) is the figure shown, "85%" is 85 — as a cell formatted as a percentage is read —
with a warning; in a percent field it stays the percentage it says ("85%" is 0.85)."""

from __future__ import annotations

import openpyxl
import pytest

import opsbook
from opsbook.api import new_workbook
from opsbook.core.parse import number_as_shown, parse_number


@pytest.mark.parametrize(("text", "shown", "fraction"), [
    ("85%", 85.0, 0.85), ("８５％", 85.0, 0.85), ("1,200 %", 1200.0, 12.0), ("92.5", 92.5, 92.5),
    ("%", None, None), ("abc%", None, None)])
def test_the_two_readings(text, shown, fraction):
    assert number_as_shown(text) == shown
    assert parse_number(text) == fraction


def test_a_score_typed_85_percent_is_85_points_with_a_warning(tmp_path):
    path = tmp_path / "appraisal.xlsx"
    new_workbook("appraisal", "en", path, sample=True)
    book = openpyxl.load_workbook(path)
    book["Scores"]["E4"] = "85%"
    book.save(path)
    scores = opsbook.load(path).tables["Scores"].frame
    assert scores.loc[4, "score"] == 85.0
    [said] = [i for i in opsbook.validate(path).issues
              if i.code == "coerced-value" and i.cell == "E4"]
    assert said.severity == "warning" and "85" in said.message("en")
