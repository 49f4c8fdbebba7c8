"""Grade bands on the scale of the scores: on a 1–5 scale the default bands (S from 90 …)
would grade everybody D, to be interviewed and escalated; a band above scale_max is an
error at its cell, and the default bands above it an error at scale_max."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli

import opsbook
from opsbook.api import new_workbook
from opsbook.core.sampling import settings


def write(path: Path, lang: str, grades: list[tuple] | None = None, **more) -> Path:
    frames = {
        "Employees": pd.DataFrame({"employee_id": ["E1", "E2"], "name": ["王伟", "李娜"],
                                   "department": ["运营部", "运营部"],
                                   "bonus_base": [1000.0, 1000.0]}),
        "Indicators": pd.DataFrame({"indicator_id": ["K1"], "group": ["results"],
                                    "name": ["计划完成"], "weight": [100]}),
        "Scores": pd.DataFrame({"employee_id": ["E1", "E2"], "rater_id": ["B0", "B0"],
                                "rater_role": ["superior", "superior"],
                                "indicator_id": ["K1", "K1"], "score": [5, 3]}),
        "Settings": settings(cycle="2026Q4", **more),
    }
    if grades is not None:
        frames["Grades"] = pd.DataFrame(grades, columns=["grade", "min_score",
                                                         "bonus_coefficient", "outcome"])
    new_workbook("appraisal", lang, path, frames=frames)
    return path


@pytest.mark.parametrize("lang, cell, words", [
    ("en", "Settings!B8", "the default grades start at S 90, A 80, B 70, C 60, above the "
                          "highest score of the scale"),
    ("zh", "设置!B8", "默认等级的最低分（S 90、A 80、B 70、C 60）高于评分上限"),
])
def test_the_default_bands_on_a_five_point_scale_are_refused(tmp_path: Path, lang, cell,
                                                               words):
    path = write(tmp_path / "five.xlsx", lang, scale_min=1, scale_max=5)
    done = opsbook.validate(path)
    found = [i for i in done.issues if i.code == "invalid-setting"]
    assert [(f"{i.sheet}!{i.cell}", i.field, i.severity) for i in found] == [
        (cell, "scale_max", "error")]
    assert words in found[0].message(lang)
    assert found[0].message(lang).endswith("。" if lang == "zh" else ".")
    calculated = run_cli("calculate", path, "-o", tmp_path / "out.xlsx")
    assert calculated.returncode == 1  # nobody is graded D for a 5 out of 5


def test_a_band_above_the_scale_is_an_error_at_its_cell(tmp_path: Path):
    grades = [("S", 90, 1.5, "commend"), ("A", 4, 1.2, "none"), ("B", 5, 1.0, "none"),
              ("D", 0, 0, "improve")]
    path = write(tmp_path / "bands.xlsx", "en", grades, scale_min=1, scale_max=5)
    found = [i for i in opsbook.validate(path).issues if i.severity == "error"]
    assert [(i.code, i.cell, i.value) for i in found] == [("grade-above-scale", "B4", 90)]
    assert found[0].message() == (
        "Grade S starts at 90, above the highest score of the scale (scale_max 5): no total "
        "can reach it. Write the grade bands on the scale of the scores.")
    assert "任何总分都达不到" in found[0].message("zh")


def test_bands_on_the_scale_are_scored(tmp_path: Path):
    grades = [("S", 4.5, 1.5, "commend"), ("B", 3, 1.0, "none"), ("D", 0, 0, "improve")]
    path = write(tmp_path / "ok.xlsx", "en", grades, scale_min=1, scale_max=5)
    done = opsbook.score_appraisal(path)
    assert done.report.valid
    results = done.result.results.set_index("employee_id")
    assert results.at["E1", "grade"] == "S" and results.at["E2", "grade"] == "B"


def test_the_default_bands_on_the_default_scale_are_fine(tmp_path: Path):
    path = write(tmp_path / "hundred.xlsx", "zh")
    assert not [i for i in opsbook.validate(path).issues
                if i.code in ("invalid-setting", "grade-above-scale")]
